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
pub struct SourceMap<'a> {
    root: Option<Node<'a>>,
}

#[derive(Debug)]
enum Node<'a> {
    Struct {
        span: Range<usize>,
        fields: Vec<(&'a str, Node<'a>)>,
    },
    Seq {
        span: Range<usize>,
        items: Vec<Node<'a>>,
    },
    Leaf {
        span: Range<usize>,
    },
}

impl Node<'_> {
    fn span(&self) -> Range<usize> {
        match self {
            Self::Struct { span, .. } | Self::Seq { span, .. } | Self::Leaf { span } => {
                span.clone()
            }
        }
    }

    fn step(&self, step: Step<'_>) -> Option<&Self> {
        match (self, step) {
            (Self::Struct { fields, .. }, Step::Field(name)) => fields
                .iter()
                .find(|(n, _)| *n == name)
                .map(|(_, node)| node),
            (Self::Seq { items, .. }, Step::Index(i)) => items.get(i),
            // `Some(x)` wraps a value in a one-item tuple: look through it.
            (Self::Seq { items, .. }, Step::Field(_)) if items.len() == 1 => items[0].step(step),
            _ => None,
        }
    }
}

impl<'a> SourceMap<'a> {
    /// Reads the whole structure of a RON text.
    pub fn new(source: &'a str) -> Self {
        Self::build(source, None)
    }

    /// Reads only what it takes to find `paths`: everything else is skipped over as text, and
    /// reading stops after the last of them, so locating a few diagnostics in a large file is
    /// quick.
    pub fn for_paths(source: &'a str, paths: &[&[Step<'_>]]) -> Self {
        Self::build(source, Some(paths.to_vec()))
    }

    fn build(source: &'a str, wanted: Option<Vec<&[Step<'_>]>>) -> Self {
        let mut parser = Parser {
            lexer: Lexer { source, at: 0 },
            ahead: Vec::with_capacity(2),
            unclosed: 0,
        };
        parser.skip_attributes();
        Self {
            root: parser.value(0, wanted.as_deref()),
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

#[derive(Debug, Clone, Copy, PartialEq)]
enum Kind {
    Ident,
    Literal,
    Punct(char),
}

#[derive(Debug, Clone)]
struct Token {
    kind: Kind,
    span: Range<usize>,
}

/// Splits RON into identifiers, literals and punctuation as they are asked for; comments and
/// white space are dropped.
struct Lexer<'a> {
    source: &'a str,
    at: usize,
}

impl Iterator for Lexer<'_> {
    type Item = Token;

    fn next(&mut self) -> Option<Token> {
        let source = self.source;
        let bytes = source.as_bytes();
        let mut i = self.at;
        loop {
            if i >= bytes.len() {
                self.at = i;
                return None;
            }
            let c = bytes[i];
            if c.is_ascii_whitespace() {
                i += 1;
            } else if bytes[i..].starts_with(b"//") {
                i = memchr::memchr(b'\n', &bytes[i..]).map_or(bytes.len(), |n| i + n);
            } else if bytes[i..].starts_with(b"/*") {
                i = skip_block_comment(bytes, i);
            } else {
                break;
            }
        }
        let c = bytes[i];
        let start = i;
        let kind = if c == b'"' {
            i = skip_string(bytes, i + 1);
            Kind::Literal
        } else if c == b'r' && matches!(bytes.get(i + 1), Some(b'#' | b'"')) {
            i = skip_raw_string(bytes, i + 1);
            Kind::Literal
        } else if c == b'b' && bytes.get(i + 1) == Some(&b'"') {
            i = skip_string(bytes, i + 2);
            Kind::Literal
        } else if c == b'\'' {
            i = skip_char(bytes, i + 1);
            Kind::Literal
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
            Kind::Literal
        } else if c.is_ascii_alphabetic() || c == b'_' || c >= 0x80 {
            i += 1;
            while i < bytes.len()
                && (bytes[i].is_ascii_alphanumeric() || bytes[i] == b'_' || bytes[i] >= 0x80)
            {
                i += 1;
            }
            Kind::Ident
        } else {
            i += 1;
            Kind::Punct(char::from(c))
        };
        let end = i.min(bytes.len());
        self.at = end;
        Some(Token {
            kind,
            span: start..end,
        })
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
        match memchr::memchr2(b'"', b'\\', &bytes[i..]) {
            Some(n) if bytes[i + n] == b'\\' => i += n + 2,
            Some(n) => return i + n + 1,
            None => break,
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

struct Parser<'a> {
    lexer: Lexer<'a>,
    /// Tokens read ahead (at most two).
    ahead: Vec<Token>,
    /// Groups left early because everything wanted in them was read, whose closing brackets
    /// have not been looked for yet: that happens only if something after them is wanted, so
    /// a map for a problem near the top of a large file never reads the rest of it.
    unclosed: usize,
}

/// Deeper nesting than this is not mapped, so a hostile file cannot exhaust the stack.
const MAX_DEPTH: usize = 64;

impl<'a> Parser<'a> {
    fn peek(&mut self, ahead: usize) -> Option<&Token> {
        self.close_groups()?;
        while self.ahead.len() <= ahead {
            let token = self.lexer.next()?;
            self.ahead.push(token);
        }
        self.ahead.get(ahead)
    }

    fn bump(&mut self) {
        if self.close_groups().is_none() {
            return;
        }
        if self.ahead.is_empty() {
            self.lexer.next();
        } else {
            self.ahead.remove(0);
        }
    }

    fn text(&self, token: &Token) -> &'a str {
        self.lexer
            .source
            .get(token.span.clone())
            .unwrap_or_default()
    }

    fn is_punct(&mut self, ahead: usize, c: char) -> bool {
        self.peek(ahead).is_some_and(|t| t.kind == Kind::Punct(c))
    }

    /// Skips `#![enable(...)]` extension attributes at the top of a file.
    fn skip_attributes(&mut self) {
        while self.is_punct(0, '#') {
            while let Some(kind) = self.peek(0).map(|t| t.kind) {
                self.bump();
                if kind == Kind::Punct(']') {
                    break;
                }
            }
        }
    }

    /// One value; `wanted` lists the paths (relative to it) that matter, `None` meaning all.
    fn value(&mut self, depth: usize, wanted: Option<&[&[Step<'_>]]>) -> Option<Node<'a>> {
        if depth > MAX_DEPTH {
            return None;
        }
        if wanted.is_some_and(<[_]>::is_empty) {
            return self.skip_value().map(|span| Node::Leaf { span });
        }
        let first = self.peek(0)?.clone();
        match first.kind {
            Kind::Punct('(') => self.parens(first.span.start, depth, wanted),
            Kind::Punct('[') => self.list(first.span.start, ']', depth, wanted),
            Kind::Punct('{') => self.list(first.span.start, '}', depth, wanted),
            Kind::Ident if self.is_punct(1, '(') => {
                self.bump();
                self.parens(first.span.start, depth, wanted)
            }
            Kind::Ident | Kind::Literal => {
                self.bump();
                Some(Node::Leaf { span: first.span })
            }
            Kind::Punct(_) => None,
        }
    }

    /// Skips one value without mapping it, and says where it stood.
    fn skip_value(&mut self) -> Option<Range<usize>> {
        let first = self.peek(0)?.clone();
        let open_end = match first.kind {
            Kind::Punct('(' | '[' | '{') => first.span.end,
            Kind::Ident if self.is_punct(1, '(') => self.peek(1)?.span.end,
            Kind::Ident | Kind::Literal => {
                self.bump();
                return Some(first.span);
            }
            Kind::Punct(_) => return None,
        };
        let end = self.skip_to_close(open_end)?;
        Some(first.span.start..end)
    }

    /// Skips to just after the bracket that closes a group opened just before `from`.
    fn skip_to_close(&mut self, from: usize) -> Option<usize> {
        let end = skip_to_close(self.lexer.source.as_bytes(), from)?;
        self.ahead.clear();
        self.lexer.at = end;
        Some(end)
    }

    /// Skips the rest of the group the reader is in, to just after its closing bracket.
    fn skip_rest_of_group(&mut self) -> Option<usize> {
        let here = self.position();
        self.skip_to_close(here)
    }

    /// Where the next token starts (or the lexer stands).
    fn position(&self) -> usize {
        self.ahead.first().map_or(self.lexer.at, |t| t.span.start)
    }

    /// Leaves the group the reader is in without reading the rest of it (yet); its span ends here.
    fn leave_group(&mut self) -> usize {
        self.unclosed += 1;
        self.position()
    }

    /// Skips to the end of every group left early, before reading what follows them.
    fn close_groups(&mut self) -> Option<()> {
        while self.unclosed > 0 {
            self.unclosed -= 1;
            self.skip_rest_of_group()?;
        }
        Some(())
    }

    /// A struct `(a: 1, b: 2)` or a tuple `(1, 2)`; the opening parenthesis is next.
    fn parens(
        &mut self,
        start: usize,
        depth: usize,
        wanted: Option<&[&[Step<'_>]]>,
    ) -> Option<Node<'a>> {
        self.bump();
        let named = self.peek(0).is_some_and(|t| t.kind == Kind::Ident) && self.is_punct(1, ':');
        let whole = wanted.is_none_or(|w| w.iter().any(|p| p.is_empty()));
        let mut fields = Vec::new();
        let mut items = Vec::new();
        loop {
            if !whole {
                // Everything asked for inside is read: skip the rest of the group.
                let wanted = wanted.unwrap_or_default();
                let done = if named {
                    wanted.iter().all(|p| matches!(p.first(), Some(Step::Field(f)) if fields.iter().any(|(n, _)| n == f)))
                } else {
                    wanted.iter().all(|p| {
                        matches!(p.first(), Some(Step::Index(i)) if *i < items.len())
                            || (matches!(p.first(), Some(Step::Field(_))) && !items.is_empty())
                    })
                };
                if done {
                    let end = self.leave_group();
                    let span = start..end;
                    return Some(if named {
                        Node::Struct { span, fields }
                    } else {
                        Node::Seq { span, items }
                    });
                }
            }
            let token = self.peek(0)?.clone();
            if token.kind == Kind::Punct(')') {
                self.bump();
                let span = start..token.span.end;
                return Some(if named {
                    Node::Struct { span, fields }
                } else {
                    Node::Seq { span, items }
                });
            }
            if token.kind == Kind::Punct(',') {
                self.bump();
                continue;
            }
            if named {
                if token.kind != Kind::Ident || !self.is_punct(1, ':') {
                    return None;
                }
                self.bump();
                self.bump();
                let name = self.text(&token);
                let inner = wanted.map(|w| {
                    w.iter()
                        .filter(|p| p.first() == Some(&Step::Field(name)))
                        .map(|p| &p[1..])
                        .collect::<Vec<_>>()
                });
                let node = self.value(depth + 1, inner.as_deref())?;
                fields.push((name, node));
            } else {
                let k = items.len();
                // `Some(x)`: a field step looks through a one-item tuple.
                let inner = wanted.map(|w| {
                    w.iter()
                        .filter_map(|p| match p.first() {
                            Some(Step::Index(i)) if *i == k => Some(&p[1..]),
                            Some(Step::Field(_)) if k == 0 => Some(*p),
                            _ => None,
                        })
                        .collect::<Vec<_>>()
                });
                items.push(self.value(depth + 1, inner.as_deref())?);
            }
        }
    }

    /// A list `[a, b]` or a map `{k: v}` (whose values are kept as items).
    fn list(
        &mut self,
        start: usize,
        close: char,
        depth: usize,
        wanted: Option<&[&[Step<'_>]]>,
    ) -> Option<Node<'a>> {
        self.bump();
        let whole = wanted.is_none_or(|w| w.iter().any(|p| p.is_empty()));
        let last_wanted = wanted.and_then(|w| {
            w.iter()
                .filter_map(|p| match p.first() {
                    Some(Step::Index(i)) => Some(*i),
                    _ => None,
                })
                .max()
        });
        let mut items = Vec::new();
        loop {
            if !whole && last_wanted.is_none_or(|last| items.len() > last) {
                let end = self.leave_group();
                return Some(Node::Seq {
                    span: start..end,
                    items,
                });
            }
            let token = self.peek(0)?.clone();
            if token.kind == Kind::Punct(close) {
                self.bump();
                return Some(Node::Seq {
                    span: start..token.span.end,
                    items,
                });
            }
            if token.kind == Kind::Punct(',') {
                self.bump();
                continue;
            }
            let k = items.len();
            let inner = wanted.map(|w| {
                w.iter()
                    .filter(|p| p.first() == Some(&Step::Index(k)))
                    .map(|p| &p[1..])
                    .collect::<Vec<_>>()
            });
            let item = self.value(depth + 1, inner.as_deref())?;
            if close == '}' && self.is_punct(0, ':') {
                self.bump();
                items.push(self.value(depth + 1, inner.as_deref())?);
            } else {
                items.push(item);
            }
        }
    }
}

/// Bytes that matter when skipping over RON as text: quotes, brackets, comment starts, `r`.
fn matters(byte: u8) -> bool {
    matches!(
        byte,
        b'"' | b'\'' | b'(' | b')' | b'[' | b']' | b'{' | b'}' | b'/' | b'r'
    )
}

/// The position just after the bracket closing a group whose opening bracket ends at `from`;
/// strings, characters and comments are stepped over whole.
fn skip_to_close(bytes: &[u8], from: usize) -> Option<usize> {
    let mut depth = 1usize;
    let mut i = from;
    while i < bytes.len() {
        let byte = bytes[i];
        if !matters(byte) {
            i += 1;
            continue;
        }
        match byte {
            b'"' => i = skip_string(bytes, i + 1),
            b'\'' => i = skip_char(bytes, i + 1),
            b'r' if matches!(bytes.get(i + 1), Some(b'#' | b'"'))
                && (i == 0 || !(bytes[i - 1].is_ascii_alphanumeric() || bytes[i - 1] == b'_')) =>
            {
                i = skip_raw_string(bytes, i + 1);
            }
            b'/' if bytes.get(i + 1) == Some(&b'/') => {
                i = memchr::memchr(b'\n', &bytes[i..]).map_or(bytes.len(), |n| i + n);
            }
            b'/' if bytes.get(i + 1) == Some(&b'*') => i = skip_block_comment(bytes, i),
            b'(' | b'[' | b'{' => {
                depth += 1;
                i += 1;
            }
            b')' | b']' | b'}' => {
                depth -= 1;
                i += 1;
                if depth == 0 {
                    return Some(i);
                }
            }
            _ => i += 1,
        }
    }
    None
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
    fn a_partial_map_finds_what_a_whole_one_does() {
        let source = "#![enable(implicit_some)]\n(\n  title: \"回眸 (1)\",\n  // a [comment\n  chapters: [\n    (id: \"a\", tags: Some(\"x]\"), c: '(', n: [1, [2]]),\n    (id: r#\"b\"]\"#, n: -1.5e-3, /* ) */ m: {\"k\": (1)}),\n    (id: \"c\"),\n  ],\n  motto: \"m\",\n)";
        let whole = SourceMap::new(source);
        let paths: Vec<Vec<Step<'_>>> = vec![
            vec![Step::Field("title")],
            vec![Step::Field("chapters"), Step::Index(1), Step::Field("id")],
            vec![Step::Field("chapters"), Step::Index(1), Step::Field("m")],
            vec![Step::Field("chapters"), Step::Index(0), Step::Field("tags")],
            vec![Step::Field("chapters"), Step::Index(2)],
            vec![Step::Field("chapters"), Step::Index(7), Step::Field("id")],
            vec![Step::Field("motto")],
            vec![Step::Field("missing")],
        ];
        for path in &paths {
            let partial = SourceMap::for_paths(source, &[path.as_slice()]);
            assert_eq!(partial.deepest(path), whole.deepest(path), "{path:?}");
        }
        let all: Vec<&[Step<'_>]> = paths.iter().map(Vec::as_slice).collect();
        let partial = SourceMap::for_paths(source, &all);
        for path in &paths {
            assert_eq!(
                partial.deepest(path),
                whole.deepest(path),
                "{path:?} among all"
            );
        }
    }

    #[test]
    fn a_partial_map_stops_after_what_it_needs() {
        // Everything after `chapters[0].id` is never read: an unbalanced tail does not matter.
        let source = "(title: \"t\", chapters: [(id: \"a\", n: 1), (id: \"b\"";
        let path = [Step::Field("chapters"), Step::Index(0), Step::Field("id")];
        let partial = SourceMap::for_paths(source, &[&path]);
        assert_eq!(partial.span(&path).map(|s| &source[s]), Some("\"a\""));
        // Something wanted after a group that was left early is still found.
        let later = [Step::Field("chapters"), Step::Index(1), Step::Field("id")];
        let both = SourceMap::for_paths(source, &[&path, &later]);
        assert_eq!(both.span(&path).map(|s| &source[s]), Some("\"a\""));
        assert_eq!(both.span(&later).map(|s| &source[s]), Some("\"b\""));
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
