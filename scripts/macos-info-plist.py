#!/usr/bin/env python3
"""Writes, or checks, the macOS app bundle's Info.plist, from Cargo.toml's packager configuration.

    python3 scripts/macos-info-plist.py [OUT]            (default: standard output)
    python3 scripts/macos-info-plist.py --check PLIST    (PLIST: written above, or a bundle's)

cargo-packager writes the bundle's Info.plist only when it makes the .app (`--formats app`, which
works on Linux too: .ci/run makes one and checks it). This writes what cargo-packager 0.11
writes (src/package/app/mod.rs, create_info_plist), key for key and in its order: the bundle's
identifier, names, executable and icon, the version, the category, LSMinimumSystemVersion from
the `macos` table, the document types of `file-associations`, and then, over those, the keys of
the `macos` table's info-plist-path (assets/macos/Info.plist: the document types for datasets
and for the formats `huimou import` reads, and their type identifiers). CFBundleVersion is
cargo-packager's build number, the time of the build (SOURCE_DATE_EPOCH when set).

--check reads PLIST with plistlib and fails, saying what is wrong, unless it holds every key
above with the value Cargo.toml gives (CFBundleVersion: any build number): the bundle identifier,
the icon (which must be in Cargo.toml's icons, and next to PLIST in Resources/ when PLIST is in a
bundle), the minimum system version, and a document type opening, as a viewer with a type
identifier, datasets (.ron), each extension in file-associations and each extension import reads
(EXTENSIONS in src/import/mod.rs). Run on a bundle cargo-packager made, it proves both agree.
"""
import datetime
import os
import pathlib
import plistlib
import re
import sys
import tomllib

ROOT = pathlib.Path(__file__).resolve().parent.parent

# AppCategory::macos_application_category_type, for the categories one would give this app.
CATEGORIES = {
    "business": "business",
    "developertool": "developer-tools",
    "education": "education",
    "productivity": "productivity",
    "reference": "reference",
    "utility": "utilities",
}
# BundleTypeRole as cargo-packager reads it (serde, camelCase) and writes it.
ROLES = {"editor": "Editor", "viewer": "Viewer", "shell": "Shell", "qLGenerator": "QLGenerator",
         "none": "None"}


def packager_config():
    with open(ROOT / "Cargo.toml", "rb") as manifest:
        cargo = tomllib.load(manifest)
    package = cargo["package"]
    config = package["metadata"]["packager"]
    return package, config


def icon_file(config):
    """The icon cargo-packager puts in Resources/: the first .icns listed, else one it makes."""
    icons = config.get("icons") or []
    for icon in icons:
        if icon.endswith(".icns"):
            return pathlib.PurePath(icon).name
    return f"{config['product-name']}.icns" if icons else None


def build_number():
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    when = (datetime.datetime.fromtimestamp(int(epoch), datetime.timezone.utc) if epoch
            else datetime.datetime.now(datetime.timezone.utc))
    return when.strftime("%Y%m%d.%H%M%S")


def info_plist():
    package, config = packager_config()
    macos = config.get("macos", {})
    name = config.get("product-name", package["name"])
    plist = {"CFBundleDevelopmentRegion": "English", "CFBundleDisplayName": name}
    main = [binary for binary in config["binaries"] if binary.get("main")]
    if not main:
        sys.exit("Cargo.toml: no binary of package.metadata.packager.binaries is `main = true`")
    plist["CFBundleExecutable"] = pathlib.PurePath(main[0]["path"]).stem
    icon = icon_file(config)
    if icon:
        plist["CFBundleIconFile"] = icon
    plist["CFBundleIdentifier"] = config.get("identifier", "")
    plist["CFBundleInfoDictionaryVersion"] = "6.0"
    plist["CFBundleName"] = name
    plist["CFBundlePackageType"] = "APPL"
    plist["CFBundleShortVersionString"] = config.get("version", package["version"])
    plist["CFBundleVersion"] = build_number()
    plist["CSResourcesFileMapped"] = True
    if "category" in config:
        key = re.sub(r"[^a-z]", "", config["category"].lower())
        if key not in CATEGORIES:
            sys.exit(f"Cargo.toml: category {config['category']!r} is not in this script's table")
        plist["LSApplicationCategoryType"] = "public.app-category." + CATEGORIES[key]
    if "minimum-system-version" in macos:
        plist["LSMinimumSystemVersion"] = macos["minimum-system-version"]
    associations = config.get("file-associations")
    if associations is not None:
        plist["CFBundleDocumentTypes"] = [{
            "CFBundleTypeExtensions": list(association["extensions"]),
            "CFBundleTypeName": association.get("name", association["extensions"][0]),
            "CFBundleTypeRole": ROLES[association.get("role", "editor")],
        } for association in associations]
    plist["LSRequiresCarbon"] = True
    plist["NSHighResolutionCapable"] = True
    if macos.get("background-app"):
        plist["LSUIElement"] = True
    if "copyright" in config:
        plist["NSHumanReadableCopyright"] = config["copyright"]
    if "info-plist-path" in macos:
        # Its keys replace cargo-packager's where both have them (in place), the rest follow.
        with open(ROOT / macos["info-plist-path"], "rb") as extra:
            plist.update(plistlib.load(extra))
    return plist


def import_extensions():
    source = (ROOT / "src/import/mod.rs").read_text(encoding="utf-8")
    found = re.search(r"pub const EXTENSIONS: &\[&str\] = &\[([^\]]*)\]", source)
    if not found:
        sys.exit("src/import/mod.rs: no `pub const EXTENSIONS: &[&str] = &[...]` to read")
    return re.findall(r'"([^"]+)"', found.group(1))


def problems(path):
    """What is wrong with the Info.plist at `path`, as sentences; none when it is right."""
    try:
        with open(path, "rb") as file:
            plist = plistlib.load(file)
    except (OSError, plistlib.InvalidFileException, ValueError) as error:
        return [f"cannot read it as a property list: {error}"]
    if not isinstance(plist, dict):
        return ["its top level is not a dictionary"]
    config = packager_config()[1]
    expected = info_plist()
    found = []
    for key, value in expected.items():
        if key not in plist:
            shown = f" (expected {value!r})" if len(repr(value)) <= 80 else ""
            found.append(f"{key} is missing{shown}")
        elif key == "CFBundleVersion":
            if not re.fullmatch(r"\d{8}\.\d{6}", str(plist[key])):
                found.append(f"CFBundleVersion is {plist[key]!r}, not a build number "
                             "YYYYMMDD.HHMMSS")
        elif plist[key] != value and len(repr(value)) > 80:
            found.append(f"{key} is not what Cargo.toml's configuration makes (run this script "
                         "without --check to see it)")
        elif plist[key] != value:
            found.append(f"{key} is {plist[key]!r}, Cargo.toml's configuration makes {value!r}")
    for key in sorted(plist.keys() - expected.keys()):
        found.append(f"{key} is there, but Cargo.toml's configuration does not make it")

    # What the issue asks for by name, said plainly even where the comparison above already fails.
    identifier = str(plist.get("CFBundleIdentifier", ""))
    if not re.fullmatch(r"[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+", identifier):
        found.append(f"CFBundleIdentifier {identifier!r} is not a reverse-DNS identifier")
    icon = plist.get("CFBundleIconFile")
    listed = [i for i in config.get("icons", []) if pathlib.PurePath(i).name == icon]
    contents = pathlib.Path(path).resolve().parent
    if not icon or not icon.endswith(".icns"):
        found.append(f"CFBundleIconFile is {icon!r}, not an .icns file")
    elif not listed:
        found.append(f"CFBundleIconFile {icon} is not among Cargo.toml's icons")
    elif not (ROOT / listed[0]).is_file():
        found.append(f"{listed[0]} is listed in Cargo.toml's icons but is not in the repository")
    elif contents.name == "Contents" and not (contents / "Resources" / icon).is_file():
        found.append(f"the bundle has no Contents/Resources/{icon}")
    minimum = plist.get("LSMinimumSystemVersion")
    if not minimum:
        found.append("LSMinimumSystemVersion is missing: add minimum-system-version to "
                     "[package.metadata.packager.macos]")
    elif not re.fullmatch(r"\d+\.\d+(\.\d+)?", minimum):
        found.append(f"LSMinimumSystemVersion {minimum!r} is not a version like 10.13")
    if plist.get("NSHighResolutionCapable") is not True:
        found.append("NSHighResolutionCapable is not true: the window would be drawn blurred")

    types = plist.get("CFBundleDocumentTypes")
    if not isinstance(types, list) or not types:
        return found + ["CFBundleDocumentTypes is missing: Finder would open nothing with Huimou"]
    wanted = {"ron": "datasets"}
    for association in config.get("file-associations", []):
        for extension in association["extensions"]:
            wanted.setdefault(extension, "Cargo.toml's file-associations")
    for extension in import_extensions():
        wanted.setdefault(extension, "huimou import (src/import/mod.rs)")
    for extension, why in wanted.items():
        entries = [t for t in types if extension in t.get("CFBundleTypeExtensions", [])]
        if not entries:
            found.append(f"no document type for .{extension} ({why})")
        for entry in entries:
            name = entry.get("CFBundleTypeName", f".{extension}")
            if entry.get("CFBundleTypeRole") != "Viewer":
                found.append(f"document type {name!r} (.{extension}) has the role "
                             f"{entry.get('CFBundleTypeRole')!r}, not Viewer")
            if not entry.get("LSItemContentTypes"):
                found.append(f"document type {name!r} (.{extension}) has no LSItemContentTypes")
    # A dataset's type is Huimou's own: the bundle declares it, with the extension .ron.
    declared = {}
    for key in ("UTExportedTypeDeclarations", "UTImportedTypeDeclarations"):
        for declaration in plist.get(key, []):
            tags = declaration.get("UTTypeTagSpecification", {})
            extensions = tags.get("public.filename-extension", [])
            declared[declaration.get("UTTypeIdentifier")] = extensions
    for entry in types:
        if "ron" in entry.get("CFBundleTypeExtensions", []):
            for uti in entry.get("LSItemContentTypes", []):
                if "ron" not in declared.get(uti, []):
                    found.append(f"the dataset's type {uti} is not declared "
                                 "(UTExportedTypeDeclarations) with the extension ron")
    return found


def main():
    args = sys.argv[1:]
    if args and args[0] == "--check":
        if len(args) != 2:
            sys.exit("usage: macos-info-plist.py --check PLIST")
        found = problems(args[1])
        if found:
            print(f"{args[1]}: {len(found)} problem(s):", file=sys.stderr)
            for problem in found:
                print(f"  {problem}", file=sys.stderr)
            sys.exit(1)
        with open(args[1], "rb") as file:
            plist = plistlib.load(file)
        types = plist["CFBundleDocumentTypes"]
        extensions = [e for t in types for e in t["CFBundleTypeExtensions"]]
        print(f"{args[1]}: {plist['CFBundleIdentifier']}, icon {plist['CFBundleIconFile']}, "
              f"macOS {plist['LSMinimumSystemVersion']}+, opens "
              + " ".join(f".{e}" for e in extensions))
        return
    if len(args) > 1 or (args and args[0].startswith("-") and args[0] != "-"):
        sys.exit(__doc__.split("\n\n")[1])
    data = plistlib.dumps(info_plist(), sort_keys=False)
    if not args or args[0] == "-":
        sys.stdout.buffer.write(data)
    else:
        pathlib.Path(args[0]).parent.mkdir(parents=True, exist_ok=True)
        pathlib.Path(args[0]).write_bytes(data)


if __name__ == "__main__":
    main()
