//! Finds where a value stands in a RON file, so semantic errors can point at file:line:column.
//!
//! serde gives the model without positions; this is a small structural reader of RON that
//! records the byte span of every struct field and list item. It only runs on text that has
//! already parsed, and answers `None` where it cannot tell rather than guessing.

use std::ops::Range;

/// One step of a path into a dataset: a struct field or a list item.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step<'a> {
    /// A named field of a struct.
    Field(&'a str),
    /// The n-th item of a list (0-based).
    Index(usize),
}

/// The byte spans of every value in a RON text, for locating diagnostics.
#[derive(Debug)]
pub struct SourceMap {
    root: Option<Node>,
}

#[derive(Debug)]
enum Node {
    Struct {
        span: Range<usize>,
        fields: Vec<(String, Node)>,
    },
    Seq {
        span: Range<usize>,
        items: Vec<Node>,
    },
    Leaf {
        span: Range<usize>,
    },
}

impl Node {
    fn span(&self) -> Range<usize> {
        match self {
            Self::Struct { span, .. } | Self::Seq { span, .. } | Self::Leaf { span } => {
                span.clone()
            }
        }
    }

    fn step(&self, step: Step<'_>) -> Option<&Self> {
        match (self, step) {
            (Self::Struct { fields, .. }, Step::Field(name)) => {
                fields.iter().find(|(n, _)| n == name).map(|(_, node)| node)
            }
            (Self::Seq { items, .. }, Step::Index(i)) => items.get(i),
            // `Some(x)` wraps a value in a one-item tuple: look through it.
            (Self::Seq { items, .. }, Step::Field(_)) if items.len() == 1 => items[0].step(step),
            _ => None,
        }
    }
}

impl SourceMap {
    /// Reads the structure of a RON text.
    pub fn new(source: &str) -> Self {
        let tokens = tokenize(source);
        let mut parser = Parser { tokens, pos: 0 };
        parser.skip_attributes();
        Self {
            root: parser.value(0),
        }
    }

    /// The byte span of the value at `path`, if the text has it.
    pub fn span(&self, path: &[Step<'_>]) -> Option<Range<usize>> {
        self.deepest(path)
            .filter(|(depth, _)| *depth == path.len())
            .map(|(_, span)| span)
    }

    /// The span of the deepest value along `path` that exists, with how many steps it took.
    pub fn deepest(&self, path: &[Step<'_>]) -> Option<(usize, Range<usize>)> {
        let mut node = self.root.as_ref()?;
        for (depth, step) in path.iter().enumerate() {
            match node.step(*step) {
                Some(next) => node = next,
                None => return Some((depth, node.span())),
            }
        }
        Some((path.len(), node.span()))
    }
}

#[derive(Debug, Clone, PartialEq)]
enum Kind {
    Ident,
    Literal,
    Punct(char),
}

#[derive(Debug, Clone)]
struct Token {
    kind: Kind,
    span: Range<usize>,
    text: String,
}

/// Splits RON into identifiers, literals and punctuation; comments and white space are dropped.
fn tokenize(source: &str) -> Vec<Token> {
    let bytes = source.as_bytes();
    let mut tokens = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let c = bytes[i];
        let start = i;
        if c.is_ascii_whitespace() {
            i += 1;
        } else if source[i..].starts_with("//") {
            i = source[i..].find('\n').map_or(bytes.len(), |n| i + n);
        } else if source[i..].starts_with("/*") {
            i = skip_block_comment(bytes, i);
        } else if c == b'"' {
            i = skip_string(bytes, i + 1);
            tokens.push(token(source, Kind::Literal, start..i));
        } else if c == b'r' && matches!(bytes.get(i + 1), Some(b'#' | b'"')) {
            i = skip_raw_string(bytes, i + 1);
            tokens.push(token(source, Kind::Literal, start..i));
        } else if c == b'b' && bytes.get(i + 1) == Some(&b'"') {
            i = skip_string(bytes, i + 2);
            tokens.push(token(source, Kind::Literal, start..i));
        } else if c == b'\'' {
            i = skip_char(bytes, i + 1);
            tokens.push(token(source, Kind::Literal, start..i));
        } else if c.is_ascii_digit()
            || ((c == b'-' || c == b'+' || c == b'.') && i + 1 < bytes.len())
        {
            i += 1;
            while i < bytes.len()
                && (bytes[i].is_ascii_alphanumeric()
                    || matches!(bytes[i], b'.' | b'_' | b'+' | b'-'))
            {
                // A sign only continues a number right after an exponent (1e-5).
                if matches!(bytes[i], b'+' | b'-') && !matches!(bytes[i - 1], b'e' | b'E') {
                    break;
                }
                i += 1;
            }
            tokens.push(token(source, Kind::Literal, start..i));
        } else if c.is_ascii_alphabetic() || c == b'_' || c >= 0x80 {
            i += 1;
            while i < bytes.len()
                && (bytes[i].is_ascii_alphanumeric() || bytes[i] == b'_' || bytes[i] >= 0x80)
            {
                i += 1;
            }
            // `r#ident` raw identifiers are rare; the identifier rule above covers the rest.
            tokens.push(token(source, Kind::Ident, start..i));
        } else {
            i += 1;
            tokens.push(token(source, Kind::Punct(char::from(c)), start..i));
        }
    }
    tokens
}

fn token(source: &str, kind: Kind, span: Range<usize>) -> Token {
    let end = span.end.min(source.len());
    let text = source.get(span.start..end).unwrap_or_default().to_owned();
    Token {
        kind,
        span: span.start..end,
        text,
    }
}

fn skip_block_comment(bytes: &[u8], mut i: usize) -> usize {
    let mut depth = 0usize;
    while i < bytes.len() {
        if bytes[i..].starts_with(b"/*") {
            depth += 1;
            i += 2;
        } else if bytes[i..].starts_with(b"*/") {
            depth -= 1;
            i += 2;
            if depth == 0 {
                return i;
            }
        } else {
            i += 1;
        }
    }
    i
}

fn skip_string(bytes: &[u8], mut i: usize) -> usize {
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => i += 2,
            b'"' => return i + 1,
            _ => i += 1,
        }
    }
    bytes.len()
}

fn skip_raw_string(bytes: &[u8], mut i: usize) -> usize {
    let hashes = bytes[i..].iter().take_while(|&&b| b == b'#').count();
    i += hashes + 1;
    while i < bytes.len() {
        if bytes[i] == b'"'
            && bytes[i + 1..]
                .iter()
                .take(hashes)
                .filter(|&&b| b == b'#')
                .count()
                == hashes
        {
            return i + 1 + hashes;
        }
        i += 1;
    }
    bytes.len()
}

fn skip_char(bytes: &[u8], mut i: usize) -> usize {
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => i += 2,
            b'\'' => return i + 1,
            _ => i += 1,
        }
    }
    bytes.len()
}

struct Parser {
    tokens: Vec<Token>,
    pos: usize,
}

/// Deeper nesting than this is not mapped, so a hostile file cannot exhaust the stack.
const MAX_DEPTH: usize = 64;

impl Parser {
    fn peek(&self, ahead: usize) -> Option<&Token> {
        self.tokens.get(self.pos + ahead)
    }

    fn is_punct(&self, ahead: usize, c: char) -> bool {
        self.peek(ahead).is_some_and(|t| t.kind == Kind::Punct(c))
    }

    /// Skips `#![enable(...)]` extension attributes at the top of a file.
    fn skip_attributes(&mut self) {
        while self.is_punct(0, '#') {
            while let Some(kind) = self.peek(0).map(|t| t.kind.clone()) {
                self.pos += 1;
                if kind == Kind::Punct(']') {
                    break;
                }
            }
        }
    }

    fn value(&mut self, depth: usize) -> Option<Node> {
        if depth > MAX_DEPTH {
            return None;
        }
        let first = self.peek(0)?.clone();
        match first.kind {
            Kind::Punct('(') => self.parens(first.span.start, depth),
            Kind::Punct('[') => self.list(first.span.start, ']', depth),
            Kind::Punct('{') => self.list(first.span.start, '}', depth),
            Kind::Ident if self.is_punct(1, '(') => {
                self.pos += 1;
                self.parens(first.span.start, depth)
            }
            Kind::Ident | Kind::Literal => {
                self.pos += 1;
                Some(Node::Leaf { span: first.span })
            }
            Kind::Punct(_) => None,
        }
    }

    /// A struct `(a: 1, b: 2)` or a tuple `(1, 2)`; the opening parenthesis is next.
    fn parens(&mut self, start: usize, depth: usize) -> Option<Node> {
        self.pos += 1;
        let named = self.peek(0).is_some_and(|t| t.kind == Kind::Ident) && self.is_punct(1, ':');
        let mut fields = Vec::new();
        let mut items = Vec::new();
        loop {
            let token = self.peek(0)?.clone();
            if token.kind == Kind::Punct(')') {
                self.pos += 1;
                let span = start..token.span.end;
                return Some(if named {
                    Node::Struct { span, fields }
                } else {
                    Node::Seq { span, items }
                });
            }
            if token.kind == Kind::Punct(',') {
                self.pos += 1;
                continue;
            }
            if named {
                if token.kind != Kind::Ident || !self.is_punct(1, ':') {
                    return None;
                }
                self.pos += 2;
                let node = self.value(depth + 1)?;
                fields.push((token.text, node));
            } else {
                items.push(self.value(depth + 1)?);
            }
        }
    }

    /// A list `[a, b]` or a map `{k: v}` (whose values are kept as items).
    fn list(&mut self, start: usize, close: char, depth: usize) -> Option<Node> {
        self.pos += 1;
        let mut items = Vec::new();
        loop {
            let token = self.peek(0)?.clone();
            if token.kind == Kind::Punct(close) {
                self.pos += 1;
                return Some(Node::Seq {
                    span: start..token.span.end,
                    items,
                });
            }
            if token.kind == Kind::Punct(',') {
                self.pos += 1;
                continue;
            }
            let item = self.value(depth + 1)?;
            if close == '}' && self.is_punct(0, ':') {
                self.pos += 1;
                items.push(self.value(depth + 1)?);
            } else {
                items.push(item);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_fields_and_items() {
        let source = "// a comment\n(\n  title: \"回眸\",\n  chapters: [\n    (id: \"a\", tags: Some(\"x\")),\n    (id: r#\"b\"#, n: -1.5e-3),\n  ],\n)";
        let map = SourceMap::new(source);
        let at = |path: &[Step<'_>]| map.span(path).map(|s| &source[s]);
        assert_eq!(at(&[Step::Field("title")]), Some("\"回眸\""));
        assert_eq!(
            at(&[Step::Field("chapters"), Step::Index(1), Step::Field("id")]),
            Some("r#\"b\"#")
        );
        assert_eq!(
            at(&[Step::Field("chapters"), Step::Index(1), Step::Field("n")]),
            Some("-1.5e-3")
        );
        assert_eq!(
            at(&[Step::Field("chapters"), Step::Index(0), Step::Field("tags")]),
            Some("Some(\"x\")")
        );
        assert_eq!(at(&[Step::Field("chapters"), Step::Index(2)]), None);
        let (depth, _) = map
            .deepest(&[Step::Field("chapters"), Step::Index(2)])
            .expect("chapters exist");
        assert_eq!(depth, 1);
    }

    #[test]
    fn survives_garbage() {
        for source in [
            "",
            "(",
            "((((",
            "[1, 2",
            "\"unclosed",
            "r#\"x",
            "/* open",
            "(a: )",
            "#![enable(",
        ] {
            let map = SourceMap::new(source);
            let _ = map.span(&[Step::Field("a")]);
        }
        let deep = "[".repeat(10_000);
        assert!(SourceMap::new(&deep).span(&[Step::Index(0)]).is_none());
    }
}
