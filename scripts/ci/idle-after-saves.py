#!/usr/bin/env python3
"""The viewer goes idle again after its file is read or saved (issue 11).

Usage: idle-after-saves.py PATH/TO/huimou   (under an X display in $DISPLAY, e.g. Xvfb)

Starts the viewer on a copy of the Chengdu report, then reads and saves that copy in the ways
editors and other programs do. After each sequence it waits, then measures the viewer's CPU time
over ten seconds: a viewer that keeps re-reading its file shows up here, where a unit test with
its own event loop would not. Prints one PASS/FAIL line per check; exits 1 on any failure.
Standard library only.
"""

import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
REPORT = REPO / "data" / "chengdu-cast-review.ron"
TITLE = "成都市科学技术协会八大以来工作回眸"
START_WAIT = 3.0  # the window is up and the first frames are painted
SETTLE = 2.0  # the last save is debounced, read and shown
WINDOW = 10.0  # the span CPU time is measured over
MAX_CPU = 0.01  # of one core: an idle viewer uses none


def cpu_seconds(pid):
    """User plus system CPU time of the process (all its threads) so far."""
    stat = Path(f"/proc/{pid}/stat").read_text()
    # The command name may hold spaces; the fields after it start with the state (field 3).
    fields = stat.rsplit(")", 1)[1].split()
    utime, stime = int(fields[11]), int(fields[12])
    return (utime + stime) / os.sysconf("SC_CLK_TCK")


def write_atomically(path, data):
    """A new file renamed over the old one, as many editors save."""
    tmp = path.with_name(path.name + ".saving")
    tmp.write_bytes(data)
    os.replace(tmp, path)


def truncate_then_write(path, data):
    """The same file emptied, then written, in two steps the viewer may see apart."""
    with open(path, "r+b") as f:
        f.truncate(0)
        f.flush()
        os.fsync(f.fileno())
        time.sleep(0.05)
        f.write(data)


def read_many(path, _a, _b):
    for _ in range(20):
        with open(path, "rb") as f:
            f.read()


def atomic_rename(path, _a, b):
    write_atomically(path, b)


def truncate_write(path, a, _b):
    truncate_then_write(path, a)


def delete_recreate(path, _a, b):
    path.unlink()
    time.sleep(0.5)  # long enough for the viewer to see the file gone
    path.write_bytes(b)


def many_saves(path, a, b):
    # 50 saves in 5 s, alternating contents and ways of saving; ends on `a`.
    for i in range(50):
        data = b if i % 2 == 0 else a
        if i % 4 < 2:
            write_atomically(path, data)
        else:
            path.write_bytes(data)
        time.sleep(0.1)


SEQUENCES = [
    ("read 20 times", read_many),
    ("atomic rename save", atomic_rename),
    ("truncate then write", truncate_write),
    ("delete and recreate", delete_recreate),
    ("50 saves in 5 s", many_saves),
]


def start_viewer(binary, report, temp):
    env = dict(os.environ)
    for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME",
                 "WAYLAND_DISPLAY"):
        env.pop(name, None)
    env["HOME"] = str(temp / "home")
    env["HUIMOU_DATA_DIR"] = str(temp / "data")
    # The viewer's own info lines too, so that a reload would show in the log.
    env["RUST_LOG"] = "huimou=info,warn"
    (temp / "home").mkdir()
    output = open(temp / "viewer.out", "wb")
    return subprocess.Popen([binary, str(report)], env=env, stdout=output,
                            stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)


def idle_check(name, viewer):
    """Waits for the viewer to settle, then measures it; says whether it was idle."""
    time.sleep(SETTLE)
    if viewer.poll() is not None:
        print(f"FAIL {name} (the viewer exited with {viewer.returncode})")
        return False
    before = cpu_seconds(viewer.pid)
    time.sleep(WINDOW)
    used = cpu_seconds(viewer.pid) - before
    share = used / WINDOW
    if viewer.poll() is not None:
        print(f"FAIL {name} (the viewer exited with {viewer.returncode})")
        return False
    verdict = "PASS" if share <= MAX_CPU else "FAIL"
    limit = "" if verdict == "PASS" else f"; at most {MAX_CPU:.0%} allowed"
    print(f"{verdict} {name} (cpu {share:.1%}, {used:.2f} s over {WINDOW:.0f} s{limit})",
          flush=True)
    return verdict == "PASS"


def log_text(temp):
    log = temp / "data" / "huimou.log"
    return log.read_bytes() if log.exists() else b""


def check(ok, line):
    print(f"{'PASS' if ok else 'FAIL'} {line}", flush=True)
    return ok


def run_checks(viewer, report, temp, a, b):
    ok = idle_check("idle after start", viewer)
    for name, sequence in SEQUENCES:
        log = log_text(temp)
        sequence(report, a, b)
        ok = idle_check(name, viewer) and ok
        added = log_text(temp)[len(log):]
        if sequence is read_many:
            grown = len(added)
            ok = check(grown == 0, f"log unchanged by reads (grew {grown} bytes)") and ok
        else:
            # Idle is easy for a viewer that missed the save: the save must have shown, which
            # the viewer's info line `reloaded FILE` says.
            reloads = added.count(b"reloaded ")
            ok = check(reloads > 0, f"{name} shown ({reloads} reloads)") and ok
    return ok


def stop(viewer):
    if viewer.poll() is None:
        viewer.send_signal(signal.SIGTERM)
        try:
            viewer.wait(timeout=5)
        except subprocess.TimeoutExpired:
            viewer.kill()
            viewer.wait()


def main():
    if len(sys.argv) != 2:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    binary = str(Path(sys.argv[1]).resolve())
    a = REPORT.read_bytes()
    b = a.replace(TITLE.encode(), "成都市科协工作回眸（第二稿）".encode(), 1)
    assert a != b, "the report's title was not found"
    temp = Path(tempfile.mkdtemp(prefix="huimou-idle-"))
    report = temp / "report" / "report.ron"
    report.parent.mkdir()
    report.write_bytes(a)
    viewer = start_viewer(binary, report, temp)
    try:
        time.sleep(START_WAIT)
        ok = run_checks(viewer, report, temp, a, b)
    finally:
        stop(viewer)
    if not ok:
        print(f"viewer output and log kept in {temp}", file=sys.stderr)
        return 1
    shutil.rmtree(temp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
