//! Any file of up to 1 MB, as `huimou check` reads it from disk: reading, decoding, parsing,
//! validation and the rendering of every diagnostic as text. Besides never panicking, the
//! answer must stay bounded: at most 1 MB printed, no line longer than a few hundred
//! characters, no control character, at most about a hundred errors and fifty warnings listed.
#![no_main]

use std::path::PathBuf;
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;

/// One file per fuzzing process, rewritten for every input.
fn file() -> &'static PathBuf {
    static FILE: OnceLock<PathBuf> = OnceLock::new();
    FILE.get_or_init(|| std::env::temp_dir().join(format!("huimou-fuzz-{}.ron", std::process::id())))
}

fuzz_target!(|bytes: &[u8]| {
    let path = file();
    std::fs::write(path, bytes).expect("the fuzz file can be written");
    let mut out = Vec::new();
    let code = huimou::cli::check(path, &mut out).expect("writing to memory works");
    let text = String::from_utf8(out).expect("check prints UTF-8");
    assert!(text.len() <= 1024 * 1024, "check printed {} bytes", text.len());
    let mut errors = 0;
    let mut warnings = 0;
    for line in text.lines() {
        assert!(line.chars().count() <= 600, "a line of {} characters", line.chars().count());
        assert!(
            !line.chars().any(|c| c.is_control() && c != '\t'),
            "a control character reached the output: {line:?}"
        );
        errors += usize::from(line.starts_with("error: "));
        warnings += usize::from(line.starts_with("warning: "));
    }
    assert!(errors <= 101 && warnings <= 51, "{errors} errors, {warnings} warnings listed");
    let _ = code;
});
