#!/usr/bin/python3
"""The viewer's accessibility tree read from outside, as Orca reads it (AT-SPI over D-Bus).

    dbus-run-session -- scripts/ci/a11y.sh [BINARY]      # what .ci/run does
    UPDATE_A11Y=1 dbus-run-session -- scripts/ci/a11y.sh  # rewrite tests/a11y/ after a change

For each language (zh, en) it starts the viewer on the built-in report, moves by keys alone to
each view (Alt+0 the overview, Alt+2 chapter 2, Alt+D 数据一览, F5 the slides), and writes each
view's (role, name) tree, one node a line, indented by depth. Tab must move the focus, and the
focused control must be named. It compares each tree with tests/a11y/LANG-VIEW.txt: a control
that loses its role or its name fails. Needs Debian's python3-pyatspi and at-spi2-core, xdotool,
and a display (DISPLAY); run inside a D-Bus session whose a11y bus is up (scripts/ci/a11y.sh).
"""
import os
import subprocess
import sys
import time

import pyatspi

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
VIEWS = [("overview", "alt+0"), ("chapter-2", "alt+2"), ("figures", "alt+d"), ("slides", "F5")]


def app_node():
    desktop = pyatspi.Registry.getDesktop(0)
    for i in range(desktop.childCount):
        app = desktop.getChildAtIndex(i)
        if app is not None and (app.name or "").lower() == "huimou":
            return app
    return None


def walk(node, depth, out, focused):
    try:
        role, name = node.getRoleName(), (node.name or "").strip()
        if node.getState().contains(pyatspi.STATE_FOCUSED):
            focused.append(f"{role}: {name}")
    except Exception:
        return
    out.append("  " * depth + f"{role}: {name}".rstrip())
    for i in range(node.childCount):
        try:
            walk(node.getChildAtIndex(i), depth + 1, out, focused)
        except Exception:
            pass


def tree():
    """The tree once it stops changing: (lines, focused nodes)."""
    last, deadline = None, time.time() + 20
    while time.time() < deadline:
        app = app_node()
        if app is not None:
            out, focused = [], []
            walk(app, 0, out, focused)
            if out == last and len(out) > 5:
                return out, focused
            last = out
        time.sleep(0.7)
    sys.exit("the viewer's accessibility tree never settled (is the a11y bus up?)")


def key(window, keys):
    subprocess.run(["xdotool", "key", "--window", window, keys], check=True)


def main():
    binary = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "target/debug/huimou")
    update = os.environ.get("UPDATE_A11Y") == "1"
    failures = []
    for lang, locale in [("zh", "zh_CN.UTF-8"), ("en", "C.UTF-8")]:
        data = f"/tmp/huimou-a11y-{os.getpid()}-{lang}"
        env = dict(os.environ, LANG=locale, LC_ALL=locale, HUIMOU_DATA_DIR=data)
        app = subprocess.Popen([binary], env=env, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)
        try:
            tree()  # the window is up and drawn
            found = subprocess.run(["xdotool", "search", "--onlyvisible", "--name", "Huimou"],
                                   capture_output=True, text=True).stdout.split()
            if not found:
                sys.exit("the viewer's window is not to be found")
            window = found[0]
            # The pointer away from the window: no tooltip in the tree.
            subprocess.run(["xdotool", "mousemove", "0", "0"], check=True)
            subprocess.run(["xdotool", "windowfocus", window], check=False)
            for view, keys in VIEWS:
                key(window, keys)
                lines, _ = tree()
                failures += compare(f"{lang}-{view}", lines, update)
                if view == "slides":
                    key(window, "Escape")
            failures += focus_moves(window, lang)
        finally:
            app.terminate()
            app.wait()
            import shutil
            shutil.rmtree(data, ignore_errors=True)
    if failures:
        print("\n".join(failures))
        sys.exit(1)
    print("accessibility trees: " + ", ".join(f"{l}-{v}" for l in ("zh", "en") for v, _ in VIEWS))


def compare(name, lines, update):
    path = os.path.join(ROOT, "tests", "a11y", f"{name}.txt")
    text = "\n".join(lines) + "\n"
    unnamed = [l.strip() for l in lines if l.strip().endswith(":") and
               l.strip().split(":")[0] in ("push button", "toggle button", "entry", "menu item",
                                            "check box", "radio button", "link", "image")]
    problems = [f"{name}: a control without a name: {u}" for u in unnamed]
    if update:
        with open(path, "w") as f:
            f.write(text)
        return problems
    try:
        with open(path) as f:
            expected = f.read()
    except FileNotFoundError:
        return problems + [f"{name}: no {path} (UPDATE_A11Y=1 writes it)"]
    if expected != text:
        import difflib
        diff = difflib.unified_diff(expected.splitlines(), lines, "expected", "now", lineterm="", n=1)
        problems.append(f"{name}: the tree changed:\n" + "\n".join(list(diff)[:40]))
    return problems


def focus_moves(window, lang):
    """Tab moves the keyboard's focus from control to control, each named."""
    key(window, "alt+0")
    seen = []
    for _ in range(3):
        key(window, "Tab")
        _, focused = tree()
        seen.append(focused[-1] if focused else "")
    problems = []
    if len(set(seen)) < 3 or any(s.endswith(": ") or s == "" for s in seen):
        problems.append(f"{lang}: Tab did not move a named focus: {seen}")
    return problems


if __name__ == "__main__":
    main()
