//! The icon and the desktop entry: present, readable, and named like the app id.

use std::path::Path;

fn asset(path: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("assets")
        .join(path)
}

#[test]
fn the_window_icon_decodes_at_256_pixels() {
    let icon = eframe::icon_data::from_png_bytes(
        &std::fs::read(asset("icons/huimou-256.png")).expect("the icon"),
    )
    .expect("a PNG");
    assert_eq!((icon.width, icon.height), (256, 256));
    // Not a blank square: the accent red and the white of the character are both there.
    let pixels: Vec<&[u8]> = icon.rgba.chunks(4).collect();
    assert!(
        pixels
            .iter()
            .any(|p| p[0] > 150 && p[1] < 90 && p[3] == 255)
    );
    assert!(
        pixels
            .iter()
            .any(|p| p[0] > 240 && p[1] > 240 && p[2] > 240 && p[3] == 255)
    );
}

#[test]
fn every_platform_has_its_icon() {
    for size in [16, 32, 48, 64, 128, 256, 512, 1024] {
        let png = image::open(asset(&format!("icons/huimou-{size}.png"))).expect("a PNG");
        assert_eq!((png.width(), png.height()), (size, size));
    }
    let ico = std::fs::read(asset("icons/huimou.ico")).expect("the Windows icon");
    assert_eq!(&ico[..4], &[0, 0, 1, 0], "an ICO header");
    let icns = std::fs::read(asset("icons/huimou.icns")).expect("the macOS icon");
    assert_eq!(&icns[..4], b"icns");
}

#[test]
fn the_desktop_entry_matches_the_app_id() {
    let entry = std::fs::read_to_string(asset("huimou.desktop")).expect("the desktop entry");
    let app_id = huimou::viewer::logging::APP_ID;
    assert!(entry.lines().any(|l| l == format!("Icon={app_id}")));
    assert!(
        entry
            .lines()
            .any(|l| l == format!("StartupWMClass={app_id}"))
    );
    assert!(
        entry
            .lines()
            .any(|l| l.starts_with(&format!("Exec={app_id} ")))
    );
}
