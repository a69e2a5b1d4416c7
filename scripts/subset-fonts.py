#!/usr/bin/env python3
"""Makes the bundled CJK fonts: Noto Sans CJK SC Regular and Bold, subset for Huimou.

The subset keeps GB2312 (the 6,763 common simplified characters), every character of the
datasets in data/ and of the UI's strings in src/, Latin, and the CJK and full-width
punctuation blocks. Run it again whenever the dataset or the UI gains a character outside GB2312;
tests/fonts.rs fails until you do.

Needs Debian's fonts-noto-cjk and PyPI's fonttools:
    apt-get install fonts-noto-cjk && pip install fonttools
    python3 scripts/subset-fonts.py
"""
import pathlib
import subprocess
import sys
import tempfile

ROOT = pathlib.Path(__file__).resolve().parent.parent
SOURCE = pathlib.Path("/usr/share/fonts/opentype/noto")
# Index of the Simplified Chinese face in Noto's CJK collections (JP, KR, SC, TC, HK, ...).
SC_FACE = 2
WEIGHTS = ["Regular", "Bold"]


def gb2312():
    chars = set()
    for high in range(0xA1, 0xF8):
        for low in range(0xA1, 0xFF):
            try:
                chars.add(bytes([high, low]).decode("gb2312"))
            except UnicodeDecodeError:
                pass
    return chars


def project_text():
    chars = set()
    for pattern in ("data/*.ron", "src/**/*.rs"):
        for path in sorted(ROOT.glob(pattern)):
            chars.update(path.read_text(encoding="utf-8"))
    return {c for c in chars if ord(c) >= 0x80}


def blocks():
    ranges = [
        (0x20, 0x7E),  # Basic Latin
        (0xA0, 0x24F),  # Latin-1 Supplement, Latin Extended-A and -B (pinyin tone marks)
        (0x2000, 0x206F),  # General Punctuation
        (0x2190, 0x21FF),  # Arrows (previous / next)
        (0x2460, 0x24FF),  # Enclosed alphanumerics
        (0x3000, 0x303F),  # CJK Symbols and Punctuation
        (0xFF00, 0xFFEF),  # Half-width and Full-width Forms
    ]
    return {chr(c) for lo, hi in ranges for c in range(lo, hi + 1)}


def main():
    chars = gb2312() | project_text() | blocks()
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False, encoding="utf-8") as f:
        f.write(" ".join(f"U+{ord(c):04X}" for c in sorted(chars)))
        unicodes = f.name
    out_dir = ROOT / "assets" / "fonts"
    out_dir.mkdir(parents=True, exist_ok=True)
    for weight in WEIGHTS:
        out = out_dir / f"NotoSansCJKsc-{weight}.otf"
        subprocess.run(
            [
                sys.executable, "-m", "fontTools.subset",
                str(SOURCE / f"NotoSansCJK-{weight}.ttc"),
                f"--font-number={SC_FACE}",
                f"--unicodes-file={unicodes}",
                "--layout-features=kern,liga,locl,vert,vrt2,halt,palt",
                "--name-IDs=*",
                "--name-languages=*",
                "--notdef-outline",
                f"--output-file={out}",
            ],
            check=True,
        )
        print(f"{out.relative_to(ROOT)}: {out.stat().st_size / 1e6:.2f} MB, {len(chars)} characters asked for")


if __name__ == "__main__":
    main()
