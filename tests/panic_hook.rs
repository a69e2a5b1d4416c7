//! The panic hook writes a crash report into the data folder. Alone in its own test binary,
//! since a panic hook belongs to the whole process.

#[test]
fn a_panic_is_written_to_the_crash_report() {
    let dir = std::env::temp_dir().join(format!("huimou-panic-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    huimou::viewer::logging::install_panic_hook(dir.clone());
    let open = std::path::Path::new("/reports/崩溃.ron");
    huimou::viewer::logging::set_open_file(Some(open));
    let result = std::thread::Builder::new()
        .name("worker".to_owned())
        .spawn(|| {
            let chapters: Vec<u32> = Vec::new();
            let index = chapters.len() + 3;
            chapters[index]
        })
        .expect("thread")
        .join();
    assert!(result.is_err(), "the thread panicked");
    let report = std::fs::read_to_string(dir.join(huimou::viewer::logging::CRASH_FILE))
        .expect("a crash report was written");
    assert!(report.contains("thread: worker"), "{report}");
    assert!(
        report.contains("message: index out of bounds: the len is 0 but the index is 3"),
        "{report}"
    );
    assert!(report.contains("tests/panic_hook.rs:"), "{report}");
    assert!(report.contains("stack:"), "{report}");
    let crash = huimou::viewer::logging::pending_crash_report(&dir).expect("pending");
    assert_eq!(
        crash.message,
        "index out of bounds: the len is 0 but the index is 3"
    );
    // The file on screen is named, so the next start does not reopen it blindly.
    assert_eq!(crash.file.as_deref(), Some(open));
    std::fs::remove_dir_all(&dir).expect("clean up");
}
