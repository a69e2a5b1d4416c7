#!/usr/bin/env python3
"""Makes the bundled CJK fonts: Noto Sans CJK SC Regular and Bold, subset for Huimou and
compressed, and the list of characters Huimou's bundled fonts draw.

The subset keeps GB2312 (the 6,763 common simplified characters and its symbols), Big5 (the
13,053 traditional characters and its symbols, with the ETEN, Microsoft and HKSCS additions
under its lead bytes A1–F9), every
character of the datasets in data/ and of the UI's strings in src/, Latin, and the CJK and
full-width punctuation blocks: about 17,000 characters. Run it again whenever the dataset or the
UI gains a character outside these; tests/it/fonts.rs fails until you do.

Writes, in assets/fonts/ (committed, so that building Huimou needs neither this script nor the
network):
- NotoSansCJKsc-Regular.otf.lz4 and NotoSansCJKsc-Bold.otf.lz4: the subset faces (4.8 MB
  each), compressed as one lz4 block each at the highest level, after its size as a
  little-endian u32 (4.3 MB each). src/report/faces.rs decompresses both at once when the viewer
  starts, in a few milliseconds. (zstd at level 22 makes 3.5 MB of each, but decompressing
  took ten times as long: 20-40 ms a face, more on a busy machine, before the first frame.)
- coverage.bin: every code point that a font of the viewer's text family draws, the bundled face
  and the egui default fonts after it, as inclusive ranges of two little-endian u32 (first,
  last). src/report/glyphs.rs reads it for `huimou check`, which needs no fonts.

What the subset leaves out draws nothing in Huimou: egui shapes text horizontally and never
names a language, so only the default language systems of the layout tables apply. The glyphs
that only the `locl` substitutions of the Japanese, Korean and traditional-Chinese language
systems reach, or only the vertical-writing ones (`vert`, `vrt2`), would double the subset.
Subroutines are expanded (`--desubroutinize`): the face grows by 3%, its compressed data
shrinks by 3-5%. Hinting is kept, as egui hints the outlines.

One SC face for both scripts: Noto Sans CJK SC maps every Big5 character but two symbols that
no face of Noto Sans CJK has (ˍ U+02CD, ≒ U+2252; and, as Python's big5 codec reads Big5, ‾
U+203E and ∼ U+223C). Traditional characters are drawn with the mainland forms of their
components where those differ: the TC face of the same collection draws 6,594 of the 13,751
Big5 characters with another glyph (內 說 這 曆 時 總 …; 強 is the same in both), and egui, which
names no language, cannot ask the SC face's `locl` for them. Bundling those glyphs too would
add about 6,600 glyphs to each weight.

Needs Debian's fonts-noto-cjk, PyPI's fonttools and lz4, and cargo (to find egui's default
fonts):
    apt-get install fonts-noto-cjk && pip install fonttools lz4
    python3 scripts/subset-fonts.py
"""
import concurrent.futures
import io
import json
import pathlib
import subprocess

import lz4.block
from fontTools import subset
from fontTools.ttLib import TTFont

ROOT = pathlib.Path(__file__).resolve().parent.parent
OUT_DIR = ROOT / "assets" / "fonts"
SOURCE = pathlib.Path("/usr/share/fonts/opentype/noto")
# Index of the Simplified Chinese face in Noto's CJK collections (JP, KR, SC, TC, HK, ...).
SC_FACE = 2
WEIGHTS = ["Regular", "Bold"]
# The fonts egui's default Proportional family has, which Huimou draws after the bundled face
# (tests/it/fonts.rs checks that coverage.bin is what the viewer's fonts draw).
EGUI_FONTS = ["Ubuntu-Light.ttf", "egui-icons.ttf"]


def decoded(codec, leads, trails):
    chars = set()
    for high in leads:
        for low in trails:
            try:
                chars.add(bytes([high, low]).decode(codec))
            except UnicodeDecodeError:
                pass
    return chars


def gb2312():
    return decoded("gb2312", range(0xA1, 0xF8), range(0xA1, 0xFF))


def big5():
    """Big5's lead bytes A1–F9 as Python's big5, cp950 and big5hkscs codecs read them: the
    standard's symbols and hanzi, the ETEN and Microsoft additions, and the kana, radicals and
    symbols Hong Kong's HKSCS puts in the user area under lead bytes C6–C8. (tests/it/fonts.rs
    reads the standard's areas with the WHATWG decoder, which maps a few symbols otherwise.)"""
    trails = [*range(0x40, 0x7F), *range(0xA1, 0xFF)]
    chars = set()
    for codec in ("big5", "cp950", "big5hkscs"):
        chars |= decoded(codec, range(0xA1, 0xFA), trails)
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


def default_language_systems_only(font):
    """Drops the language-specific systems of GSUB and GPOS: egui never names a language."""
    for tag in ("GSUB", "GPOS"):
        if tag in font:
            for record in font[tag].table.ScriptList.ScriptRecord:
                record.Script.LangSysRecord = []
                record.Script.LangSysCount = 0


def subset_face(weight, codes):
    """The subset face of one weight, as the bytes of an OpenType file."""
    path = SOURCE / f"NotoSansCJK-{weight}.ttc"
    font = TTFont(path, fontNumber=SC_FACE)
    default_language_systems_only(font)
    options = subset.Options()
    options.layout_features = ["kern", "liga", "locl"]
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.notdef_outline = True
    options.desubroutinize = True
    options.drop_tables += ["vhea", "vmtx", "VORG"]
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=codes)
    subsetter.subset(font)
    out = io.BytesIO()
    font.save(out)
    return out.getvalue()


def egui_fonts():
    """egui's default fonts, from the epaint_default_fonts crate cargo has downloaded."""
    metadata = json.loads(
        subprocess.run(
            ["cargo", "metadata", "--format-version", "1", "--manifest-path", str(ROOT / "Cargo.toml")],
            check=True,
            capture_output=True,
        ).stdout
    )
    crate = next(p for p in metadata["packages"] if p["name"] == "epaint_default_fonts")
    fonts = pathlib.Path(crate["manifest_path"]).parent / "fonts"
    return [fonts / name for name in EGUI_FONTS]


def ranges(codes):
    out = []
    for code in sorted(codes):
        if out and out[-1][1] + 1 == code:
            out[-1][1] = code
        else:
            out.append([code, code])
    return out


def main():
    needed = gb2312() | big5() | project_text()
    chars = needed | blocks()
    codes = {ord(c) for c in chars}
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    with concurrent.futures.ProcessPoolExecutor(max_workers=len(WEIGHTS)) as pool:
        faces = dict(zip(WEIGHTS, pool.map(subset_face, WEIGHTS, [codes] * len(WEIGHTS))))
    covered = None
    for weight, data in faces.items():
        cmap = set(TTFont(io.BytesIO(data)).getBestCmap())
        if covered is not None and cmap != covered:
            raise SystemExit(f"the {weight} face draws other characters than the Regular one")
        covered = cmap
        packed = lz4.block.compress(data, mode="high_compression", compression=12, store_size=True)
        out = OUT_DIR / f"NotoSansCJKsc-{weight}.otf.lz4"
        out.write_bytes(packed)
        print(
            f"{out.relative_to(ROOT)}: {len(data) / 1e6:.2f} MB, {len(packed) / 1e6:.2f} MB "
            f"compressed; {len(cmap)} of the {len(chars)} characters asked for"
        )
    # The blocks are taken as far as the face has them; any other character it lacks is named.
    missing = sorted({ord(c) for c in needed} - covered)
    if missing:
        print("not in the face:", " ".join(f"{chr(c)} U+{c:04X}" for c in missing))
    for path in egui_fonts():
        covered |= set(TTFont(path).getBestCmap())
    spans = ranges(covered)
    out = OUT_DIR / "coverage.bin"
    out.write_bytes(b"".join(first.to_bytes(4, "little") + last.to_bytes(4, "little") for first, last in spans))
    print(f"{out.relative_to(ROOT)}: {len(covered)} characters in {len(spans)} ranges")


if __name__ == "__main__":
    main()
