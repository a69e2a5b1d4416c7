#!/usr/bin/env python3
"""The longest functions under src/, in lines from `fn` to its closing brace.

    python3 scripts/function-lengths.py [COUNT]

Issue 13 asks that no function be over about 80 lines (tables of data aside). A function is
counted from its `fn` line to the first line after it that is a closing brace at the `fn`'s own
indentation, as rustfmt writes them.
"""
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FN = re.compile(r"^(\s*)(pub(\([a-z]+\))? )?(const )?(async )?fn (\w+)")


def lengths():
    found = []
    for folder, _, files in os.walk(os.path.join(ROOT, "src")):
        for name in files:
            if not name.endswith(".rs"):
                continue
            path = os.path.join(folder, name)
            with open(path, encoding="utf-8") as f:
                lines = f.read().split("\n")
            i = 0
            while i < len(lines):
                m = FN.match(lines[i])
                if m and not lines[i].rstrip().endswith(";"):
                    indent = m.group(1)
                    end = i + 1
                    while end < len(lines) and lines[end] != indent + "}":
                        end += 1
                    found.append((end - i + 1, os.path.relpath(path, ROOT), m.group(6), i + 1))
                    i = end
                i += 1
    return sorted(found, reverse=True)


def main():
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 10
    for length, path, name, line in lengths()[:count]:
        print(f"{length:4} {path}:{line} {name}")


if __name__ == "__main__":
    main()
