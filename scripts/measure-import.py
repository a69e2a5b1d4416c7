#!/usr/bin/env python3
"""Measures `huimou import` on published reports: for each document, the numbers with units
its text holds (counted by scripts/count-numbers.py, independently of the importer), the
figures imported, how many of those figures are right (their number and unit are a number
with a unit of the text, each matched once), and the time the import took.

Usage: python3 scripts/measure-import.py [--huimou target/release/huimou] [--list] DOC...

A document may be .txt, .md, .docx, .html or .pdf; the count reads a .txt/.md of the same
stem (the text it was made from) beside a .docx, .html or .pdf, or in the folder `forms/` beside
its own folder, when there is one. `--list` prints the
figures that match no number of the text (the ones to look at: wrong, or counted differently)
and the numbers of the text no figure matched (missed).

Published reports are not ours to commit: keep them outside the repository and record each
one's source with its row in BENCHMARKS.md.
"""
import argparse
import importlib.util
import json
import os
import re
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
spec = importlib.util.spec_from_file_location("count_numbers", os.path.join(HERE, "count-numbers.py"))
count_numbers = importlib.util.module_from_spec(spec)
spec.loader.exec_module(count_numbers)

QUALIFIERS = "多余餘左右以上以下以内以內"
MAGNITUDES = "十百千万亿萬億"
SPANS = {"年", "周年", "週年", "个月", "個月"}
TRADITIONAL = str.maketrans("萬億個項場臺條門屆冊戶處畝噸餘筆張隻輛間員種歲頭塊顆層棟組隊輪頁類點時鐘週歐車", "万亿个项场台条门届册户处亩吨余笔张只辆间员种岁头块颗层栋组队轮页类点时钟周欧车")


def number_of(text):
    digits = re.match(r"[0-9][0-9,. ]*", text)
    if not digits:
        return None
    try:
        return float(digits.group().replace(",", "").replace(" ", ""))
    except ValueError:
        return None


MIXED = re.compile(r"[0-9][万萬亿億千百][0-9]|[0-9][千百]")


def plain(text):
    """Text without line breaks and spaces, digits half-width: to compare words as written."""
    return text.replace("⏎", "").replace(" ", "").replace("\u3000", "").translate(count_numbers.FULLWIDTH)


def unit_key(unit):
    unit = unit.translate(TRADITIONAL).replace("％", "%").replace(" ", "").replace("\u3000", "")
    return "".join(c for c in unit if c not in QUALIFIERS).replace("左右", "")


def counted(path):
    stem, _ = os.path.splitext(path)
    folder, name = os.path.split(stem)
    sibling = os.path.join(os.path.dirname(folder), "forms", name)
    for candidate in (stem, sibling):
        found = next((candidate + ext for ext in (".txt", ".md") if os.path.exists(candidate + ext)), None)
        if found:
            path = found
            break
    result = count_numbers.analyse(path)
    hits = []
    for hit in result["hits"]:
        text = hit["text"].replace("⏎", "").translate(count_numbers.FULLWIDTH)
        value = number_of(text)
        if value is None:
            continue
        # The unit as the text writes it after the number, magnitudes included.
        rest = re.sub(r"^[0-9][0-9,. ]*", "", text)
        hits.append({"text": text, "value": value, "key": unit_key(rest)})
    return result["chars"], hits


def imported(huimou, path):
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "out.ron")
        start = time.perf_counter()
        run = subprocess.run([huimou, "import", path, "--out", out, "--lang", "en"],
                             capture_output=True, text=True)
        seconds = time.perf_counter() - start
        if run.returncode != 0:
            return None, seconds, run.returncode, run.stderr
        figures = subprocess.run([huimou, "figures", out, "--format", "json"],
                                 capture_output=True, text=True, check=True)
        return json.loads(figures.stdout), seconds, 0, run.stderr


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--huimou", default="target/release/huimou")
    parser.add_argument("--list", action="store_true")
    parser.add_argument("docs", nargs="+")
    args = parser.parse_args()
    print("| document | characters | numbers with units (spans) | exit | figures | right | as written, no counter | to check | missed | right / numbers | right / numbers less spans | time |")
    print("|---|---|---|---|---|---|---|---|---|---|---|---|")
    for doc in args.docs:
        chars, hits = counted(doc)
        figures, seconds, code, stderr = imported(args.huimou, doc)
        name = os.path.basename(doc)
        # Spans of time (5年, 6个月, 40周年) are counted by the script but are no figures.
        spans = sum(1 for h in hits if h["key"].lstrip(MAGNITUDES) in SPANS)
        if figures is None:
            print(f"| {name} | {chars:,} | {len(hits)} ({spans}) | {code} | – | – | – | – | – | 0% | 0% | {seconds:.2f} s |")
            if args.list:
                print(stderr.strip()[:400], file=sys.stderr)
            continue
        unmatched_hits = list(hits)
        wrong = []
        for figure in figures:
            key = unit_key(figure["unit"])
            value = figure["value"]
            match = next((h for h in unmatched_hits
                          if abs(h["value"] - value) < 1e-9 and h["key"] == key), None)
            # A numeral kept as written (1万6千多户, 3至5个) is matched by its words: the text's
            # number, with the figure's word before it (约, 超过) or not.
            written = plain(figure.get("written", ""))
            if match is None and (figure.get("value_to") is not None or not written[:1].isdigit() or MIXED.search(written)):
                match = next((h for h in unmatched_hits
                              if plain(h["text"]) and written.endswith(plain(h["text"]))), None)
            if match is None:
                wrong.append(f"{value:g}{figure['unit']} ({figure['label']})")
            else:
                unmatched_hits.remove(match)
        right = len(figures) - len(wrong)
        # 8000多万 (人): a number with a magnitude and no counter, as written; the script
        # counts these apart ("bare magnitude").
        bare = [w for w in wrong if unit_key(w.split(" (")[0].lstrip("0123456789.,")).strip(MAGNITUDES) == ""]
        check = [w for w in wrong if w not in bare]
        share = right / len(hits) if hits else 1.0
        # Spans a figure did read (10.5年, a measure of years) stay in scope.
        spans_left = sum(1 for h in unmatched_hits if h["key"].lstrip(MAGNITUDES) in SPANS)
        in_scope = len(hits) - spans_left
        share_in_scope = right / in_scope if in_scope else 1.0
        print(f"| {name} | {chars:,} | {len(hits)} ({spans}) | {code} | {len(figures)} | {right} | {len(bare)} | {len(check)} | {len(unmatched_hits)} | {share:.0%} | {share_in_scope:.0%} | {seconds:.2f} s |")
        if args.list:
            print(f"  {name}: figures to check (not among the text's numbers): {check}", file=sys.stderr)
            print(f"  {name}: numbers no figure matched: {[h['text'] for h in unmatched_hits]}", file=sys.stderr)


if __name__ == "__main__":
    main()
