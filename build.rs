//! Embeds the icon in the Windows executable; nothing to do for other platforms.

fn main() {
    println!("cargo::rerun-if-changed=assets/icons/huimou.ico");
    // The target, not the host: a Linux machine cross-building for Windows embeds it too.
    if std::env::var("CARGO_CFG_TARGET_OS").as_deref() == Ok("windows") {
        let mut resource = winresource::WindowsResource::new();
        resource.set_icon("assets/icons/huimou.ico");
        resource.set("ProductName", "Huimou 回眸");
        resource.set("FileDescription", "Huimou 回眸: work-review report viewer");
        if let Err(error) = resource.compile() {
            println!("cargo::warning=the icon could not be embedded: {error}");
        }
    }
}
