#!/usr/bin/env python3
"""Counts the figure labels `huimou import` guesses that name nothing a reader can use: a bare
verb, adverb, demonstrative or span (只, 平均, 这, 受益, 新设, 五年), or a word cut off its verb
(惠 of 惠及, 涉 of 涉及, …会). A first measure of label quality, not a judgement of each label:
a label it passes may still be wrong, and the table in BENCHMARKS.md says which were read.

    python3 scripts/measure-labels.py --huimou target/release/huimou DOCS…
"""
import argparse
import os
import re
import subprocess
import tempfile

# Words that are a label's whole only when something went wrong.
EMPTY = {
    "只", "僅", "仅", "平均", "这", "這", "该", "該", "其", "按年", "受益", "新设", "新設", "设立",
    "設立", "再", "约", "約", "达", "達", "为", "為", "有", "共", "增加", "提高", "下降", "增长",
    "增長", "其中", "分别", "分別", "去年", "今年", "全年", "年底", "年末", "上年末", "期间", "期間",
}
# A last character that is half of a word (惠及, 涉及) or a modal before its verb (会, 要).
DANGLING = set("惠涉会會要将將均再")
SPAN = re.compile(r"^[一二三四五六七八九十两兩\d]+年$")


def labels(ron_text):
    return re.findall(r'label: "((?:[^"\\]|\\.)*)"', ron_text)


def unusable(label):
    label = label.strip()
    return (len(label) <= 1 or label in EMPTY or not re.search(r"\w", label) or SPAN.match(label) is not None
            or label[-1] in DANGLING)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--huimou", default="target/release/huimou")
    parser.add_argument("--list", action="store_true", help="print each unusable label")
    parser.add_argument("docs", nargs="+")
    args = parser.parse_args()
    total = bad = 0
    with tempfile.TemporaryDirectory() as out:
        for doc in args.docs:
            ron = os.path.join(out, os.path.basename(doc) + ".ron")
            subprocess.run([args.huimou, "import", doc, "--out", ron, "--force"],
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
            found = labels(open(ron, encoding="utf-8").read())
            poor = [l for l in found if unusable(l)]
            total += len(found)
            bad += len(poor)
            print(f"{os.path.basename(doc)}: {len(found)} labels, {len(poor)} unusable "
                  f"({100 * len(poor) / max(len(found), 1):.0f}%)")
            if args.list:
                for label in poor:
                    print(f"    {label}")
    print(f"all: {total} labels, {bad} unusable ({100 * bad / max(total, 1):.1f}%)")


if __name__ == "__main__":
    main()
