#!/usr/bin/env python3
"""CPU the viewer uses over 10 s with the search box focused and nothing typed.

    python3 scripts/ci/focused-idle.py target/debug/huimou [--settle SECONDS] [--budget PERCENT]

Starts the viewer under the display in $DISPLAY (with a fresh HOME), presses Ctrl+F with
xdotool, waits `--settle` seconds (7 by default: the text cursor blinks for 5 s after the last
input, then stops) and measures the process's CPU time over the next 10 s. Exits 1 when that is
over `--budget` percent of a core (2 by default).
"""
import argparse
import os
import subprocess
import sys
import tempfile
import time


def cpu_seconds(pid):
    with open(f"/proc/{pid}/stat") as stat:
        fields = stat.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def window_of(pid, env):
    for _ in range(100):
        found = subprocess.run(["xdotool", "search", "--pid", str(pid)],
                               capture_output=True, text=True, env=env).stdout.split()
        if found:
            return found[0]
        time.sleep(0.2)
    sys.exit("the viewer's window never appeared")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("exe")
    parser.add_argument("--settle", type=float, default=7.0)
    parser.add_argument("--budget", type=float, default=2.0)
    args = parser.parse_args()
    env = dict(os.environ, HOME=tempfile.mkdtemp())
    viewer = subprocess.Popen([args.exe], env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        window = window_of(viewer.pid, env)
        time.sleep(2)
        subprocess.run(["xdotool", "windowfocus", "--sync", window, "key", "ctrl+f"],
                       env=env, check=True)
        time.sleep(args.settle)
        before = cpu_seconds(viewer.pid)
        time.sleep(10)
        used = 100 * (cpu_seconds(viewer.pid) - before) / 10
    finally:
        viewer.terminate()
        viewer.wait()
    verdict = "PASS" if used <= args.budget else "FAIL"
    print(f"{verdict} search box focused, idle: {used:.1f}% of a core over 10 s "
          f"(from {args.settle:g} s after focusing; budget {args.budget:g}%)")
    sys.exit(0 if used <= args.budget else 1)


main()
