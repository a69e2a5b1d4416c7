#!/usr/bin/env python3
"""Whole-process measurements of the viewer under Xvfb, against an empty eframe app.

    cargo build --profile dist --bin huimou --example empty_app
    python3 scripts/measure.py [--runs 15] [--profile dist] [--renderer own|wgpu|glow]

Start-up: wall time from process start until the first frame is on screen: with
HUIMOU_EXIT_AFTER_FIRST_FRAME=1 each app prints the moment its first frame was presented
(`first-frame-unix-ns N`, at the start of its second frame) and closes; medians and their ratio.
The whole run, closing included, is printed beside it. Memory: peak RSS of the same runs.
Idle: CPU time the viewer uses over 10 seconds, left alone after it has settled.
--renderer own (the default) lets each app start as a user starts it: the empty app with
eframe's wgpu, Huimou with the renderer it chooses for the machine (glow first where there is
no GPU render node); wgpu or glow makes both use that one (HUIMOU_RENDERER), like for like.
Needs Xvfb (Debian's xvfb); it starts its own on display :95.

    python3 scripts/measure.py --profile release --open FOLDER --against FILE

compares Huimou opening FOLDER (a shelf) with Huimou opening FILE instead of the empty app:
the shelf's budget is its first frame within 1.3x of a single report's.
"""
import argparse
import os
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def start_xvfb(display):
    xvfb = subprocess.Popen(["Xvfb", display, "-screen", "0", "1600x1000x24", "-nolisten", "tcp"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    socket = f"/tmp/.X11-unix/X{display[1:]}"
    for _ in range(100):
        if os.path.exists(socket):
            return xvfb
        time.sleep(0.05)
    sys.exit("Xvfb did not start")


def one_run(command, env):
    """(seconds to the first frame on screen, seconds to exit, peak RSS in MiB, seconds to the
    first UI pass, CPU seconds of the software rasteriser's threads and of all threads)."""
    start_ns = time.time_ns()
    start = time.perf_counter()
    child = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    out = child.stdout.read().decode()
    _, status, usage = os.wait4(child.pid, 0)
    elapsed = time.perf_counter() - start
    if status != 0:
        sys.exit(f"{command[0]} exited with status {status}")
    stamps = [line.split()[1] for line in out.splitlines() if line.startswith("first-frame-unix-ns ")]
    if not stamps:
        sys.exit(f"{command[0]} did not say when its first frame was on screen")
    first_frame = (int(stamps[0]) - start_ns) / 1e9
    passes = [line.split()[1] for line in out.splitlines() if line.startswith("first-pass-unix-ns ")]
    first_pass = (int(passes[0]) - start_ns) / 1e9 if passes else 0.0
    cpu = [line.split() for line in out.splitlines() if line.startswith("cpu-ns ")]
    rasteriser, all_cpu = (int(cpu[0][2]) / 1e9, int(cpu[0][4]) / 1e9) if cpu else (0.0, 0.0)
    # ru_maxrss is in KiB on Linux.
    return first_frame, elapsed, usage.ru_maxrss / 1024, first_pass, rasteriser, all_cpu


def idle_cpu(command, env, settle=3.0, window=10.0):
    child = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(settle)

    def cpu_ticks():
        with open(f"/proc/{child.pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return int(fields[11]) + int(fields[12])  # utime + stime

    before = cpu_ticks()
    time.sleep(window)
    used = (cpu_ticks() - before) / os.sysconf("SC_CLK_TCK")
    child.terminate()
    child.wait()
    return 100.0 * used / window


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--profile", default="dist")
    parser.add_argument("--renderer", choices=["own", "wgpu", "glow"], default="own",
                        help="the renderer both apps use (HUIMOU_RENDERER), or each its own")
    parser.add_argument("--open", help="a file or folder Huimou opens (else its built-in report)")
    parser.add_argument("--against", help="compare with Huimou opening this, not the empty app")
    args = parser.parse_args()
    target = os.path.join(ROOT, "target", args.profile)
    huimou = [os.path.join(target, "huimou")] + ([args.open] if args.open else [])
    empty = [os.path.join(target, "examples", "empty_app")]
    if args.against:
        empty = [os.path.join(target, "huimou"), args.against]
    display = ":95"
    xvfb = start_xvfb(display)
    try:
        env = dict(os.environ, DISPLAY=display, HUIMOU_EXIT_AFTER_FIRST_FRAME="1")
        env.pop("HUIMOU_RENDERER", None)
        if args.renderer != "own":
            env["HUIMOU_RENDERER"] = args.renderer
        # Start-up leaves the user's settings alone: measure with a fresh data folder.
        env["XDG_DATA_HOME"] = f"/tmp/huimou-measure-{os.getpid()}"
        results = {}
        baseline = f"huimou {args.against}" if args.against else "empty eframe app"
        for name, command in [("empty eframe app", empty), ("huimou", huimou)]:
            one_run(command, env)  # warm the page cache
            runs = [one_run(command, env) for _ in range(args.runs)]
            results[name] = tuple(statistics.median(run[k] for run in runs) for k in range(6))
        (empty_time, empty_exit, empty_rss, *empty_parts) = results["empty eframe app"]
        (time_, exit_, rss, *parts) = results["huimou"]
        print(f"start-up to first frame on screen, median of {args.runs}: huimou {time_ * 1000:.0f} ms, "
              f"{baseline} {empty_time * 1000:.0f} ms, ratio {time_ / empty_time:.2f}")
        for name, (first_pass, rasteriser, all_cpu), on_screen in [
            ("huimou", parts, time_),
            (baseline, empty_parts, empty_time),
        ]:
            print(f"  {name}: set-up to the first UI pass {first_pass * 1000:.0f} ms, then on screen "
                  f"{(on_screen - first_pass) * 1000:.0f} ms later; CPU of all threads "
                  f"{all_cpu * 1000:.0f} ms, of them the software rasteriser's (llvmpipe) "
                  f"{rasteriser * 1000:.0f} ms")
        if args.against:
            return
        print(f"the whole run, closing included: huimou {exit_ * 1000:.0f} ms, "
              f"empty app {empty_exit * 1000:.0f} ms, ratio {exit_ / empty_exit:.2f}")
        print(f"peak RSS, median: huimou {rss:.1f} MiB, empty app {empty_rss:.1f} MiB, "
              f"difference {rss - empty_rss:+.1f} MiB")
        idle_env = {k: v for k, v in env.items() if k != "HUIMOU_EXIT_AFTER_FIRST_FRAME"}
        print(f"idle CPU over 10 s: huimou {idle_cpu(huimou, idle_env):.2f}%")
        size = os.path.getsize(huimou[0])
        print(f"binary: {huimou[0]} {size / 1e6:.1f} MB")
    finally:
        xvfb.terminate()


if __name__ == "__main__":
    main()
