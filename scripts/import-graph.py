#!/usr/bin/env python3
"""The import graph of src/ from `use` lines and inline `crate::` paths, and its circles.

Prints each strongly connected component of more than one file (a circle of imports), the
viewer's panels that import the shell (`viewer::app`), and `&mut HuimouApp` in the panels.

    python3 scripts/import-graph.py            # a summary
    python3 scripts/import-graph.py --edges    # every edge, file -> file
    python3 scripts/import-graph.py --check    # exit 1 when any circle is found (.ci/run)
"""
import os
import re
import sys

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "src")


def module_files():
    """Maps a module path (crate::viewer::ui::nav) to its file."""
    files = {}
    for folder, _, names in os.walk(ROOT):
        for name in names:
            if not name.endswith(".rs"):
                continue
            path = os.path.join(folder, name)
            rel = os.path.relpath(path, ROOT)[:-3].split(os.sep)
            if rel[-1] in ("mod", "lib", "main"):
                rel = rel[:-1]
            files["::".join(["crate"] + rel)] = os.path.relpath(path, os.path.join(ROOT, ".."))
    return files


def paths_in(text):
    """Every `crate::a::b` path a file names, from `use` lines (with their braces) and code."""
    found = set()
    text = text.split("#[cfg(test)]\nmod tests")[0]
    for block in re.findall(r"\buse\s+(crate::[^;]+);", text, re.S):
        prefix, _, rest = block.partition("{")
        if rest:
            for item in re.split(r"[,\s]+", rest.replace("}", " ")):
                if item and item not in ("self",):
                    found.add((prefix + item).split(" as ")[0])
        else:
            found.add(block.strip())
    # Comments are not imports, nor is what a file's unit tests use.
    code = re.sub(r"//.*", "", text.split("#[cfg(test)]\nmod tests")[0])
    found.update(re.findall(r"\bcrate(?:::[a-z_][a-z0-9_]*)+", code))
    # A module imported by name is used by it: `use crate::viewer::ui;` then `ui::present::slides`.
    for path in list(found):
        alias = path.split("::")[-1]
        if re.fullmatch(r"[a-z_][a-z0-9_]*", alias):
            for rest in re.findall(r"(?<![:\w])" + alias + r"((?:::[a-z_][a-z0-9_]*)+)", code):
                found.add(path + rest)
    return found


def target(path, files):
    """The file a path points into: its longest prefix that is a module."""
    parts = path.replace(" ", "").split("::")
    while parts:
        name = "::".join(parts)
        if name in files:
            return files[name]
        parts.pop()
    return None


def graph():
    files = module_files()
    edges = {}
    for module, file in files.items():
        text = open(os.path.join(ROOT, "..", file), encoding="utf-8").read()
        edges[file] = set()
        for path in paths_in(text):
            to = target(path, files)
            # A module's own children are declared, not imported; the crate root is no import.
            if to and to != file and to != "src/lib.rs":
                edges[file].add(to)
    return edges


def circles(edges):
    """Tarjan's strongly connected components of more than one file."""
    index, low, stack, on, out, counter = {}, {}, [], set(), [], [0]

    def visit(v):
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on.add(v)
        for w in edges.get(v, ()):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                out.append(sorted(component))

    sys.setrecursionlimit(10000)
    for v in sorted(edges):
        if v not in index:
            visit(v)
    return out


def main():
    edges = graph()
    if "--edges" in sys.argv:
        for file in sorted(edges):
            for to in sorted(edges[file]):
                print(f"{file} -> {to}")
        return
    found = circles(edges)
    viewer = [c for c in found if any("viewer" in f for f in c)]
    print(f"import circles: {len(found)}; largest: {max((len(c) for c in found), default=0)} files")
    for component in found:
        print(f"  {len(component)} files: {', '.join(component)}")
    print(f"files in the viewer's circles: {sum(len(c) for c in viewer)}")
    panels = sorted(f for f, to in edges.items() if f.startswith("src/viewer/ui/") and "src/viewer/app.rs" in to)
    print(f"panels importing the shell (viewer::app): {len(panels)} {panels}")
    ui = os.path.join(ROOT, "viewer", "ui")
    count = sum(open(os.path.join(ui, n), encoding="utf-8").read().count("&mut HuimouApp") for n in os.listdir(ui))
    print(f"`&mut HuimouApp` in src/viewer/ui: {count}")
    if "--check" in sys.argv and (found or panels):
        sys.exit(1)


if __name__ == "__main__":
    main()
