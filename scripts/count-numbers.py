#!/usr/bin/env python3
"""Count "numbers with units" in Chinese (simplified or traditional) text.

A hit is an Arabic-digit number (ASCII or full-width digits, optional decimal
part, optional thousands separators "1,234" or "7 000") followed -- optionally
after whitespace, a single line break (hard-wrapped PDF text), 多/余/餘 and a
magnitude such as 万/萬/亿/億/千/百/十/兆 -- by a unit or counter word: currency
(元, 亿元, 美元, 港元 ...), percent (%, ％, ‰, 个百分点 ...), measures (公里,
吨, 斤, 千瓦, 平方米, 公顷, 微克 ...), time spans (岁, 天, 小时, 个月, a 年 that
is a duration) or any common CJK counter (人, 个, 項, 套, 家, 户, 宗, 間 ...).
A numeric range sharing one unit ("100～199张", "8-12周岁") is one hit; a
composite like "1万6千多户" is one hit.

Not counted (tallied separately under "excluded"):
  year      2018年, 2025 年, 2024-2026年, 114年度, 民国97年
  date      3月5日, 1月 16日 (the 日 of a date; a bare "3月" has no unit anyway)
  ordinal   第3, 第 53(3)條
  name      PM2.5, 5G, G20, 4A级, B2C, COVID-19, 49E (digits glued to Latin letters)
  url       digits inside http://..., www....
  page-no   a line holding nothing but a number (page numbers of PDF/Hansard text)
  time/ratio 14:00, 2.31:1, 上午 11時 (时/時/分/点 are never units; 小时/分钟 are)
Numbers with a magnitude but no unit ("8300万", "托位总数573.7万") are reported
as "bare magnitude" and are not part of the main count.

Usage:
  python3 count_numbers.py FILE [FILE ...]          per-file report
  python3 count_numbers.py --list FILE              also list every hit with context
  python3 count_numbers.py --tsv FILE [FILE ...]    one summary line per file
  python3 count_numbers.py --json FILE [FILE ...]   machine-readable
Standard library only.
"""
import argparse
import collections
import json
import re
import sys

# ---------------------------------------------------------------- vocabulary
MAGNITUDE_CHARS = "十百千万萬亿億兆"
APPROX_CHARS = "多余餘"

CURRENCY = ["元人民币", "元人民幣", "澳门元", "澳門元", "美元", "港元", "港币", "港幣",
            "欧元", "歐元", "日元", "英镑", "英鎊", "台币", "台幣", "新台币", "新台幣", "元"]
PERCENT = ["个百分点", "個百分點", "个千分点", "個千分點", "百分点", "百分點", "千分点",
           "千分點", "%", "％", "‰", "﹪"]
MEASURE = ["平方公里", "平方千米", "平方米", "平方呎", "平方尺", "立方米", "公里", "千米",
           "厘米", "毫米", "米", "英尺", "英里", "海里", "呎", "公顷", "公頃", "亩", "畝",
           "吨", "噸", "公斤", "千克", "毫克", "微克", "克", "斤", "千瓦时", "千瓦時",
           "千瓦", "兆瓦", "吉瓦", "瓦", "千伏", "伏", "毫升", "升", "标准箱", "標準箱",
           "桶", "立方"]
TIMESPAN = ["周年", "週年", "周岁", "周歲", "小时", "小時", "分钟", "分鐘", "个月", "個月", "岁", "歲",
            "天", "秒", "周", "週", "日", "年"]
COUNTER = ["部门", "部門", "人次", "户次", "戶次", "架次", "班次", "场次", "場次", "批次", "床日", "人",
           "名", "位", "户", "戶", "家", "个", "個", "项", "項", "件", "所", "座", "张",
           "張", "台", "臺", "辆", "輛", "艘", "架", "套", "条", "條", "处", "處", "起",
           "例", "宗", "批", "场", "場", "次", "倍", "部", "种", "種", "类", "類", "支",
           "本", "册", "冊", "篇", "枚", "头", "頭", "只", "隻", "匹", "株", "棵", "间",
           "間", "层", "層", "栋", "棟", "幢", "列", "班", "趟", "颗", "顆", "粒", "片",
           "份", "单", "單", "笔", "筆", "段", "床", "对", "對", "组", "組", "队", "隊",
           "届", "屆", "期", "级", "級", "轮", "輪", "伙", "门", "門", "根",
           "块", "塊", "盏", "盞", "封", "款", "幅", "卷", "口井", "票"]
LATIN_UNITS = ["kWh", "km", "kg", "kW", "kV", "MW", "GW", "TEU", "mg", "ml"]

UNITS = sorted(set(CURRENCY + PERCENT + MEASURE + TIMESPAN + COUNTER + LATIN_UNITS),
               key=len, reverse=True)
CURRENCY_OR_MEASURE = set(CURRENCY + MEASURE + PERCENT + LATIN_UNITS)
RATE_RE = re.compile(r"/\s?(?:10|100|1000)?\s?[万萬千百]")          # 14.3/10万, 5.07/10万
CURRENCY_PREFIX_RE = re.compile(r"(?:US\$|HK\$|MOP\$|NT\$|[￥¥$])\s?$")

FULLWIDTH = str.maketrans("０１２３４５６７８９．", "0123456789.")
URL_RE = re.compile(r"(?:https?://|ftp://|www\.)[^\s\u3000，。；、）)》\"“”]+", re.I)
WS = " \t\u3000\u00a0\u2009\u202f"

NUM_COMMA = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?", re.ASCII)
NUM_SPACE = re.compile(r"\d{1,3}(?:[ \u00a0\u2009\u202f]\d{3})+(?![\d.])", re.ASCII)
NUM_PLAIN = re.compile(r"\d+(?:\.\d+)?", re.ASCII)
DIGITS = set("0123456789")
RANGE_SEP = re.compile(r"[ \u3000]?[～~\-－—–至到][ \u3000]?")


def skip_ws(text, i, allow_newline=True):
    """Skip spaces and at most one line break (not a blank line)."""
    n = len(text)
    while i < n and text[i] in WS:
        i += 1
    if allow_newline and i < n and text[i] == "\n":
        j = i + 1
        while j < n and text[j] in WS:
            j += 1
        if j < n and text[j] != "\n":
            i = j
    return i


def match_number(text, i):
    """Return list of candidate number ends at i (longest first)."""
    cands = []
    for rx in (NUM_COMMA, NUM_SPACE, NUM_PLAIN):
        m = rx.match(text, i)
        if m:
            cands.append(m.end())
    seen, out = set(), []
    for e in sorted(cands, reverse=True):
        if e not in seen:
            seen.add(e)
            out.append(e)
    return out


def _compact(text, i, width=14):
    """Lookahead from i with single line breaks (and the blanks around them)
    removed, so a unit hard-wrapped across lines ("个\n百分点") still matches.
    Returns (compact_string, original_offsets)."""
    out, pos = [], []
    k, n = i, min(len(text), i + width)
    while k < n:
        if text[k] in WS or text[k] == "\n":
            j = k
            while j < len(text) and text[j] in WS:
                j += 1
            if j < len(text) and text[j] == "\n" and j > k - 1:
                j2 = j + 1
                while j2 < len(text) and text[j2] in WS:
                    j2 += 1
                if j2 < len(text) and text[j2] != "\n" and out:
                    k = j2
                    continue
            break
        out.append(text[k])
        pos.append(k)
        k += 1
    return "".join(out), pos


def match_unit(text, i):
    """Return (unit, end_offset) or None."""
    if i >= len(text):
        return None
    m = RATE_RE.match(text, i)
    if m:
        return m.group(0).replace(" ", ""), m.end()
    comp, pos = _compact(text, i)
    for u in UNITS:
        if comp.startswith(u):
            if u in LATIN_UNITS:
                nxt = comp[len(u):len(u) + 1]
                if nxt and (nxt.isascii() and nxt.isalnum()):
                    continue
            return u, pos[len(u) - 1] + 1
    return None


def parse_tail(text, e):
    """After a number ending at e: magnitude/approx chain, composite numbers,
    then a unit. Returns (end, magnitude_str, unit_or_None)."""
    mag = ""
    i = skip_ws(text, e)
    while True:
        j = i
        while j < len(text) and text[j] in APPROX_CHARS + MAGNITUDE_CHARS:
            j += 1
        if j == i:
            break
        mag += text[i:j]
        i = j
        # composite: 1万6千多户 / 1亿3千多万
        ends = match_number(text, i) if i < len(text) and text[i] in DIGITS else []
        if ends and ends[0] < len(text) and text[ends[-1]] in MAGNITUDE_CHARS:
            i = ends[-1]
            continue
        break
    k = skip_ws(text, i)
    mu = match_unit(text, k)
    if mu:
        return mu[1], mag, mu[0]
    # magnitude chars may really belong to the unit (0.5百分点, 3千瓦 ...)
    if mag and not any(c in APPROX_CHARS for c in mag[:1]):
        k2 = skip_ws(text, e)
        mu = match_unit(text, k2)
        if mu:
            return mu[1], "", mu[0]
    return i, mag, None


def line_is_only_number(text, s, e):
    ls = text.rfind("\n", 0, s) + 1
    le = text.find("\n", e)
    le = len(text) if le < 0 else le
    return text[ls:s].strip(WS) == "" and text[e:le].strip(WS) == ""


def scan(raw):
    text = raw.translate(FULLWIDTH)
    # blank out URLs (same length, positions preserved)
    url_spans = [(m.start(), m.end()) for m in URL_RE.finditer(text)]
    for a, b in url_spans:
        text = text[:a] + (" " * (b - a)) + text[b:]
    hits, excluded, bare = [], collections.Counter(), collections.Counter()
    excl_examples = collections.defaultdict(list)
    n = len(text)
    i = 0

    def excl(kind, s, e):
        excluded[kind] += 1
        if len(excl_examples[kind]) < 5:
            excl_examples[kind].append(raw[max(0, s - 6):min(n, e + 4)].replace("\n", "⏎"))

    while i < n:
        c = text[i]
        if c not in DIGITS or (i > 0 and (text[i - 1] in DIGITS or text[i - 1] == "." and i > 1 and text[i - 2] in DIGITS)):
            i += 1
            continue
        s = i
        if any(a <= s < b for a, b in url_spans):
            i += 1
            continue
        prev = text[s - 1] if s > 0 else ""
        ends = match_number(text, s)
        # try candidates (space-thousands only if a unit follows)
        chosen = None
        for e in ends:
            is_space_grouped = any(ch in text[s:e] for ch in " \u00a0\u2009\u202f")
            # range: N1～N2
            e2 = e
            m = RANGE_SEP.match(text, e)
            if m and m.end() < n and text[m.end()] in DIGITS:
                ends2 = [x for x in match_number(text, m.end())
                         if not any(ch in text[m.end():x] for ch in " \u00a0\u2009\u202f")]
                if ends2:
                    e2 = ends2[0]
            tail_end, mag, unit = parse_tail(text, e2)
            if unit is None and e2 != e:
                tail_end, mag, unit = parse_tail(text, e)
                e2 = e
            if is_space_grouped and unit is None:
                continue
            chosen = (e, e2, tail_end, mag, unit)
            break
        if chosen is None:
            e = ends[-1]
            chosen = (e, e, e, "", None)
        e, e2, tail_end, mag, unit = chosen
        num_s = text[s:e]
        last_num = re.findall(r"[\d.,]+", text[s:e2].replace(" ", ""))
        last_num = last_num[-1] if last_num else num_s
        nxt = text[e2] if e2 < n else ""
        # ---- exclusions
        j = s - 1
        while j >= 0 and text[j] in WS:
            j -= 1
        prev_ns = text[j] if j >= 0 else ""
        if line_is_only_number(text, s, e2):
            excl("page-no", s, e2); i = max(e2, s + 1); continue
        if prev_ns == "第":
            excl("ordinal", s, e2); i = max(e2, s + 1); continue
        if prev == ":" or (nxt == ":" and e2 + 1 < n and text[e2 + 1] in DIGITS):
            excl("time/ratio", s, e2); i = max(e2, s + 1); continue
        if prev == "-" and s > 1 and text[s - 2].isascii() and text[s - 2].isalpha():
            excl("name", s, e2); i = max(e2, s + 1); continue
        if nxt.isascii() and nxt.isalpha() and (match_unit(text, e2) or ("",))[0] not in LATIN_UNITS:
            excl("name", s, e2)
            i = e2
            while i < n and (text[i].isascii() and text[i].isalnum()):
                i += 1
            continue
        if prev.isascii() and prev.isalpha():
            k = s
            while k > 0 and text[k - 1].isascii() and text[k - 1].isalpha():
                k -= 1
            letters = text[k:s]
            if not (unit and len(letters) >= 3 and letters.isupper() and unit in CURRENCY_OR_MEASURE):
                excl("name", s, e2); i = max(e2, s + 1); continue
        if (prev and prev in "/#.") or (prev == "-" and s > 1 and text[s - 2] in DIGITS):
            i = max(e2, s + 1); continue
        # currency prefix ($100, ￥5)
        if unit is None and not mag and CURRENCY_PREFIX_RE.search(text[max(0, s - 4):s]):
            unit = CURRENCY_PREFIX_RE.search(text[max(0, s - 4):s]).group(0).strip()
        if unit in ("年",):
            tail = text[tail_end:tail_end + 6]
            try:
                val = float(last_num.replace(",", ""))
            except ValueError:
                val = -1
            before = text[max(0, s - 3):s]
            if (not mag and val.is_integer() and 1000 <= val <= 2999) \
                    or re.match(r"[ \u3000]?(?:度|末|底|初|中|份|代)", tail) \
                    or re.match(r"[ \u3000]?\d{1,2}[ \u3000]?月", tail) \
                    or "民国" in before or "民國" in before:
                excl("year", s, tail_end); i = tail_end; continue
        if unit == "日":
            k = s - 1
            while k >= 0 and text[k] in WS:
                k -= 1
            if k >= 0 and text[k] in "月":
                excl("date", s, tail_end); i = tail_end; continue
        if unit is None:
            if mag.strip(APPROX_CHARS):
                bare[mag.strip(APPROX_CHARS)] += 1
            else:
                t = text[e2:e2 + 3]
                if re.match(r"[ \u3000]?[月]", t):
                    excl("date", s, e2)
                elif re.match(r"[ \u3000]?(?:时|時|点|點|分)", t):
                    excl("time/ratio", s, e2)
            i = max(tail_end, s + 1)
            continue
        key_mag = "".join(ch for ch in mag if ch in MAGNITUDE_CHARS)
        # composite like 1万6千多户: keep only the leading magnitude for the key
        if any(ch in DIGITS for ch in text[e2:tail_end]):
            key_mag = key_mag[:1]
        hits.append({
            "start": s, "end": tail_end,
            "text": raw[s:tail_end].replace("\n", "⏎"),
            "unit": unit, "key": key_mag + unit,
        })
        i = tail_end
    return hits, excluded, bare, excl_examples


def analyse(path):
    raw = open(path, encoding="utf-8").read()
    hits, excluded, bare, ex = scan(raw)
    return {
        "file": path,
        "chars": len(raw),
        "chars_no_ws": sum(1 for ch in raw if not ch.isspace()),
        "numbers_with_units": len(hits),
        "by_unit": collections.Counter(h["key"] for h in hits).most_common(),
        "by_base_unit": collections.Counter(h["unit"] for h in hits).most_common(),
        "bare_magnitude": dict(bare),
        "excluded": dict(excluded),
        "excluded_examples": {k: v for k, v in ex.items()},
        "hits": hits,
    }


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("files", nargs="+")
    ap.add_argument("--list", action="store_true", help="list every hit with context")
    ap.add_argument("--tsv", action="store_true", help="one summary line per file")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--top", type=int, default=12)
    a = ap.parse_args()
    results = [analyse(f) for f in a.files]
    if a.json:
        for r in results:
            if not a.list:
                r.pop("hits")
        json.dump(results, sys.stdout, ensure_ascii=False, indent=1)
        print()
        return
    if a.tsv:
        print("file\tchars\tchars_no_ws\tnumbers_with_units\tbare_magnitude\ttop_units")
        for r in results:
            top = ", ".join(f"{k}:{v}" for k, v in r["by_unit"][:a.top])
            print(f"{r['file']}\t{r['chars']}\t{r['chars_no_ws']}\t{r['numbers_with_units']}"
                  f"\t{sum(r['bare_magnitude'].values())}\t{top}")
        return
    for r in results:
        print(f"== {r['file']}")
        print(f"   characters: {r['chars']} (non-whitespace {r['chars_no_ws']})")
        print(f"   numbers with units: {r['numbers_with_units']}")
        print("   top units (magnitude+unit): " +
              ", ".join(f"{k} {v}" for k, v in r["by_unit"][:a.top]))
        print("   top base units:             " +
              ", ".join(f"{k} {v}" for k, v in r["by_base_unit"][:a.top]))
        if r["bare_magnitude"]:
            print("   bare magnitude, no unit (not counted): " +
                  ", ".join(f"{k} {v}" for k, v in sorted(r["bare_magnitude"].items(), key=lambda x: -x[1])))
        if r["excluded"]:
            print("   excluded: " + ", ".join(f"{k} {v}" for k, v in sorted(r["excluded"].items(), key=lambda x: -x[1])))
            for k, v in r["excluded_examples"].items():
                print(f"      e.g. {k}: " + " | ".join(v[:3]))
        if a.list:
            for h in r["hits"]:
                s = h["start"]
                print(f"   {s:7d}  {h['text']:<22}  [{h['key']}]")
        print()


if __name__ == "__main__":
    main()
