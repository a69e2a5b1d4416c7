#!/usr/bin/env python3
"""Makes the two tiny faces that draw English quotation marks at Latin widths.

Noto Sans CJK SC draws ‘ ’ “ ” a full em wide, as Chinese text sets them ("“科普中国”"); in
English text that leaves a gap on each side ("the “ Science China ” app"). The same font has
proportional forms of the four marks behind its `pwid` feature, which egui cannot ask for. This
script copies those four glyphs, from the Regular and the Bold face, into a face each that maps
them to the marks' code points. The viewer puts that face first while the interface is in
English (src/viewer/fonts.rs), so English text gets the narrow marks and Chinese the wide ones.

Writes assets/fonts/quotes-regular.otf and assets/fonts/quotes-bold.otf (a few KB each,
committed, so that building Huimou needs neither this script nor the fonts).

Needs Debian's fonts-noto-cjk and PyPI's fonttools:
    apt-get install fonts-noto-cjk && pip install fonttools
    python3 scripts/make-quote-faces.py
"""
import os

from fontTools import subset
from fontTools.ttLib import TTCollection
from fontTools.ttLib.tables._c_m_a_p import cmap_format_4

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
NOTO = "/usr/share/fonts/opentype/noto"
MARKS = [0x2018, 0x2019, 0x201C, 0x201D]


def face(collection, name):
    for font in TTCollection(os.path.join(NOTO, collection)).fonts:
        if font["name"].getDebugName(4) == name:
            return font
    raise SystemExit(f"{name} is not in {collection}")


def proportional_forms(font):
    """Each mark's glyph name -> its `pwid` glyph name."""
    gsub = font["GSUB"].table
    lookups = set()
    for record in gsub.FeatureList.FeatureRecord:
        if record.FeatureTag == "pwid":
            lookups.update(record.Feature.LookupListIndex)
    mapping = {}
    for index in lookups:
        for table in gsub.LookupList.Lookup[index].SubTable:
            table = getattr(table, "ExtSubTable", table)
            mapping.update(getattr(table, "mapping", {}) or {})
    return mapping


def make(collection, name, out):
    font = face(collection, name)
    cmap = font.getBestCmap()
    pwid = proportional_forms(font)
    glyphs = {mark: pwid[cmap[mark]] for mark in MARKS}
    options = subset.Options()
    options.layout_features = []
    options.name_IDs = ["*"]
    options.notdef_outline = True
    subsetter = subset.Subsetter(options)
    subsetter.populate(glyphs=list(glyphs.values()))
    subsetter.subset(font)
    table = cmap_format_4(4)
    table.platformID, table.platEncID, table.language = 3, 1, 0
    table.cmap = dict(glyphs)
    unicode = cmap_format_4(4)
    unicode.platformID, unicode.platEncID, unicode.language = 0, 3, 0
    unicode.cmap = dict(glyphs)
    font["cmap"].tables = [unicode, table]
    for tag in ("GSUB", "GPOS", "VORG", "vhea", "vmtx"):
        if tag in font:
            del font[tag]
    font.save(out)
    widths = {hex(m): font["hmtx"][g][0] for m, g in glyphs.items()}
    print(f"{out}: {os.path.getsize(out)} bytes, advance widths {widths}")


def main():
    fonts = os.path.join(ROOT, "assets", "fonts")
    make("NotoSansCJK-Regular.ttc", "Noto Sans CJK SC", os.path.join(fonts, "quotes-regular.otf"))
    make("NotoSansCJK-Bold.ttc", "Noto Sans CJK SC Bold", os.path.join(fonts, "quotes-bold.otf"))


if __name__ == "__main__":
    main()
