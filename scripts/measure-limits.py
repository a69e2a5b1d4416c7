#!/usr/bin/env python3
"""Time, output and peak memory of `huimou check` on files that once hung or flooded it.

    python3 scripts/measure-limits.py [--check] [HUIMOU]     (default: target/dist/huimou)

Writes four files into a temporary folder, as a minifier or a careless generator would:
a syntax error on a 10 MB line, 20,000 duplicate figure ids on one 1.3 MB line, 100,000 marks
without figures (600 KB), and a chart naming 10,000 missing figures (109 KB). For each it prints
the wall time, the bytes printed and the peak memory (RSS) of the process, against the budgets
of BENCHMARKS.md: under 1 s, at most 1 MB of output, peak memory within 3x the file plus 100 MB.
With --check (CI, on a debug build) it fails when output or memory is over budget or a run
takes over 20 s (a hang); the 1 s budget is for release builds and is only reported.
"""
import os
import subprocess
import sys
import tempfile
import time

MB = 1024 * 1024


def one_line(text, figures="", charts=""):
    return ('(format_version:1,title:"t",chapters:[(id:"c",number:1,name:"n",headline:"h",'
            f'initiatives:[(id:"i",title:"t",text:"{text}",figures:[{figures}])],'
            f'charts:[{charts}])])')


def files():
    figure = '(id:"f",label:"l",value:1,unit:"个")'
    yield "long-line", '(format_version:1,title:"' + "文" * 3_500_000 + '",chapters:[)]'
    yield "duplicate-ids", one_line("**1**" * 20_000, ",".join([figure] * 20_000))
    yield "marks-without-figures", one_line("**1**" * 100_000)
    ids = ",".join(f'"m{i}"' for i in range(10_000))
    yield "chart-missing-figures", one_line(
        "**1**", figure, f'(title:"c",kind:Bars,figures:[{ids}])')


def run(huimou, path):
    started = time.monotonic()
    with open(os.devnull, "wb") as sink:
        process = subprocess.Popen([huimou, "check", path], stdout=subprocess.PIPE, stderr=sink)
        output = process.stdout.read()
        _, status, usage = os.wait4(process.pid, 0)
    seconds = time.monotonic() - started
    return seconds, len(output), usage.ru_maxrss * 1024, os.waitstatus_to_exitcode(status)


def main():
    args = [a for a in sys.argv[1:] if a != "--check"]
    checking = "--check" in sys.argv[1:]
    huimou = args[0] if args else "target/dist/huimou"
    failures = 0
    with tempfile.TemporaryDirectory() as folder:
        for name, text in files():
            path = os.path.join(folder, name + ".ron")
            with open(path, "w", encoding="utf-8") as f:
                f.write(text)
            size = os.path.getsize(path)
            seconds, printed, peak, code = run(huimou, path)
            memory_budget = 3 * size + 100 * MB
            over = []
            if code != 1:
                over.append(f"exit code {code}")
            if printed > MB:
                over.append("output")
            if peak > memory_budget:
                over.append("memory")
            if seconds > (20 if checking else 1):
                over.append("time")
            failures += bool(over)
            print(f"{'FAIL' if over else 'ok  '} {name:22} {size / MB:6.2f} MB file  "
                  f"{seconds * 1000:7.0f} ms  {printed / 1024:7.1f} KB printed  "
                  f"{peak / MB:6.1f} MB peak (budget {memory_budget / MB:.0f})"
                  + (f"  over: {', '.join(over)}" if over else ""))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
