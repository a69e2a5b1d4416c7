#!/usr/bin/env python3
"""Counts the instructions of the search, load and first-layout benches under Valgrind's
callgrind (examples/instructions.rs), and compares them with the counts kept in
benches/instructions.txt.

Wall-clock benches on a shared machine vary by tenths from run to run; an instruction count
varies by a few instructions, so a change of 3% shows. CI runs `--check` on the debug build
it has made anyway, and fails when a count grows more than 10% over the one kept.

    cargo build --example instructions           # or --release, with --profile release
    python3 scripts/instructions.py [--profile debug|release] [--check] [--update]
"""

import argparse
import pathlib
import re
import subprocess
import sys
import tempfile

ROOT = pathlib.Path(__file__).resolve().parent.parent
KEPT = ROOT / "benches" / "instructions.txt"
MEASURES = ["search", "load", "layout"]
# A count this much over the one kept fails --check.
MOST_GROWTH = 0.10


def count(binary, measure):
    """Instructions executed inside the example's `measured_<measure>` function."""
    with tempfile.TemporaryDirectory() as folder:
        out = pathlib.Path(folder) / "callgrind.out"
        run = subprocess.run(
            [
                "valgrind",
                "--tool=callgrind",
                "--collect-atstart=no",
                f"--toggle-collect=*::measured_{measure}",
                f"--callgrind-out-file={out}",
                str(binary),
                measure,
            ],
            capture_output=True,
            text=True,
        )
        if run.returncode != 0 or not out.exists():
            sys.exit(f"{binary} {measure} under callgrind failed:\n{run.stderr[-2000:]}")
        totals = re.search(r"^totals:\s*(\d+)", out.read_text(), re.MULTILINE)
        if not totals or int(totals.group(1)) == 0:
            sys.exit(f"callgrind counted nothing in measured_{measure}")
        return int(totals.group(1))


def read_kept():
    kept = {}
    if KEPT.exists():
        for line in KEPT.read_text().splitlines():
            parts = line.split()
            if len(parts) == 3 and not line.startswith("#"):
                kept[(parts[0], parts[1])] = int(parts[2])
    return kept


def write_kept(kept):
    lines = [
        "# Instructions counted by scripts/instructions.py (profile, measure, count).",
        "# CI fails when a debug count grows more than 10% over the one here; after a change",
        "# that is meant to cost more (or that saves), run it with --update and say why.",
    ]
    lines += [f"{p} {m} {n}" for (p, m), n in sorted(kept.items())]
    KEPT.write_text("\n".join(lines) + "\n")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--profile", default="debug", choices=["debug", "release"])
    parser.add_argument("--check", action="store_true", help="fail on growth over 10%%")
    parser.add_argument("--update", action="store_true", help="keep the counts measured")
    args = parser.parse_args()
    binary = ROOT / "target" / args.profile / "examples" / "instructions"
    if not binary.exists():
        flag = "" if args.profile == "debug" else " --release"
        sys.exit(f"{binary} is missing: cargo build --example instructions{flag}")
    kept = read_kept()
    failed = []
    print(f"{'measure':<8} {'kept':>14} {'now':>14} {'change':>8}")
    for measure in MEASURES:
        now = count(binary, measure)
        before = kept.get((args.profile, measure))
        change = f"{(now - before) / before:+.1%}" if before else "new"
        print(f"{measure:<8} {before or '-':>14} {now:>14} {change:>8}")
        if before and now > before * (1 + MOST_GROWTH):
            failed.append(measure)
        if args.update:
            kept[(args.profile, measure)] = now
    if args.update:
        write_kept(kept)
        print(f"kept in {KEPT.relative_to(ROOT)}")
    if args.check:
        missing = [m for m in MEASURES if (args.profile, m) not in kept]
        if missing:
            sys.exit(f"no kept count for {', '.join(missing)} ({args.profile}): run --update")
        if failed:
            sys.exit(f"more than {MOST_GROWTH:.0%} more instructions: {', '.join(failed)}")


if __name__ == "__main__":
    main()
