#!/usr/bin/env python3
"""Makes the forms a published report comes in from its text, as publishers make them, to
measure `huimou import` on each (scripts/measure-import.py):

- FORMS/STEM.docx: a Word document, one paragraph a line (python-docx), the chapter headings
  (一、…) in Word's Heading 1 style and the sections (（一）… on a line of their own) in
  Heading 2, as an office's template sets them;
- FORMS/STEM.html: a government site's article page in GBK, the report in `<div id="zoom">`
  between a menu, a breadcrumb and a footer with scripts.

Usage: python3 scripts/published-forms.py FORMS DOC.txt...   (needs `pip install python-docx`)

The documents are not ours: keep FORMS outside the repository.
"""
import html
import os
import re
import sys

import docx

CHAPTER = re.compile(r"^[一二三四五六七八九十]+、")
SECTION = re.compile(r"^[（(][一二三四五六七八九十]+[)）]")


def word(lines, path):
    document = docx.Document()
    for line in lines:
        text = line.strip()
        if not text:
            continue
        if CHAPTER.match(text) and len(text) <= 30:
            document.add_paragraph(text, style="Heading 1")
        elif SECTION.match(text) and len(text) <= 30:
            document.add_paragraph(text, style="Heading 2")
        else:
            document.add_paragraph(text)
    document.save(path)


def page(lines, path):
    paragraphs = "\n".join(
        f'<p style="text-indent:2em">{html.escape(l.strip())}</p>' for l in lines if l.strip()
    )
    text = (
        '<!DOCTYPE html><html><head><meta http-equiv="Content-Type" content="text/html; charset=gbk">'
        "<title>报告全文</title><script>var menu = '一、首页';</script><style>p{margin:0}</style></head>"
        '<body><div class="header"><ul class="nav"><li>首页</li><li>政务公开</li></ul></div>'
        '<div class="breadcrumb">当前位置：首页 &gt; 政务公开</div>'
        f'<div class="main"><div class="article"><div id="zoom" class="TRS_Editor">{paragraphs}</div></div></div>'
        '<div class="footer">版权所有 &copy; 网站标识码 1234567890</div></body></html>'
    )
    with open(path, "wb") as out:
        out.write(text.encode("gbk", errors="xmlcharrefreplace"))


def main():
    forms, docs = sys.argv[1], sys.argv[2:]
    os.makedirs(forms, exist_ok=True)
    for doc in docs:
        stem = os.path.splitext(os.path.basename(doc))[0]
        lines = open(doc, encoding="utf-8").read().split("\n")
        word(lines, os.path.join(forms, stem + ".docx"))
        page(lines, os.path.join(forms, stem + ".html"))
        print(stem)


if __name__ == "__main__":
    main()
