#!/usr/bin/env python3
"""Fails when rolefit-core's modules import each other in a cycle, or a layer imports a
layer above it.

Every `use` and every qualified `crate::`/`super::`/`self::` path in code is resolved,
through `pub use` re-exports, to the file that defines the item; a re-export itself is
not an import. The edges between files must have no cycle, and the top-level modules
must only use modules before them in LAYERS.

    python3 .ci/module-cycles.py [crates/rolefit-core/src]
"""
import os
import re
import sys

LAYERS = ["id", "suggestion", "problem", "read", "error", "model", "catalog", "evidence", "scoring", "assessment", "render"]

root = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..", "crates/rolefit-core/src")
files = {}  # module path (tuple) -> source without comments
for dirpath, _, names in os.walk(root):
    for name in names:
        if not name.endswith(".rs"):
            continue
        rel = os.path.relpath(os.path.join(dirpath, name), root)[:-3].split(os.sep)
        if rel[-1] in ("mod", "lib"):
            rel = rel[:-1]
        if rel and rel[-1] == "tests":
            continue  # a unit-test module: tests may use any layer
        text = open(os.path.join(dirpath, name)).read()
        # An inline test module (at the end of its file, by convention) likewise.
        text = re.split(r"#\[cfg\(test\)\]\s*mod \w+ \{", text)[0]
        text = re.sub(r"//[^\n]*", "", text)  # comments and docs, whose paths are links
        text = re.sub(r'r#"(.|\n)*?"#|"(\\.|[^"\\])*"', '""', text)  # strings
        files[tuple(rel)] = text


def expand(tree):
    """`a::{b, c::{d, e}}` -> ["a::b", "a::c::d", "a::c::e"]."""
    tree = tree.strip()
    i = tree.find("{")
    if i < 0:
        return [tree.split(" as ")[0].strip()]
    prefix, inner = tree[:i], tree[i + 1 : tree.rfind("}")]
    parts, depth, cur = [], 0, ""
    for ch in inner:
        if ch == "," and depth == 0:
            parts.append(cur)
            cur = ""
            continue
        depth += ch == "{"
        depth -= ch == "}"
        cur += ch
    parts.append(cur)
    return [p for part in parts if part.strip() for p in expand(prefix + part.strip())]


def absolute(module, path):
    segs = path.split("::")
    if segs[0] == "crate":
        return list(segs[1:])
    base = list(module)
    while segs and segs[0] in ("super", "self"):
        if segs.pop(0) == "super":
            base = base[:-1]
    return base + segs


reexports = {}  # module -> {name: absolute path}
uses = {}  # module -> [absolute paths]
for module, text in files.items():
    reexports[module], uses[module] = {}, []
    for m in re.finditer(r"\b(pub(?:\([a-z]+\))?\s+)?use\s+([^;]+);", text):
        paths = [p for p in expand(m.group(2)) if p.split("::")[0] in ("crate", "super", "self")]
        for p in paths:
            target = absolute(module, p)
            if m.group(1):
                reexports[module][target[-1]] = target
            else:
                uses[module].append(target)
    code = re.sub(r"\b(pub(?:\([a-z]+\))?\s+)?use\s+[^;]+;", "", text)
    for m in re.finditer(r"\b((?:crate|super|self)(?:::[A-Za-z_][A-Za-z0-9_]*)+)", code):
        uses[module].append(absolute(module, m.group(1)))


def resolve(path, seen=0):
    """The module defining the item at `path`."""
    path = list(path)
    for n in range(len(path), -1, -1):
        module = tuple(path[:n])
        if module in files:
            rest = path[n:]
            if rest and rest[0] in reexports.get(module, {}) and seen < 20:
                return resolve(reexports[module][rest[0]] + rest[1:], seen + 1)
            return module
    return None


edges = {m: set() for m in files}
for module, targets in uses.items():
    for t in targets:
        r = resolve(t)
        if r is not None and r != module and r != ():
            edges[module].add(r)

problems = []
state = {}


def visit(m, stack):
    state[m] = 1
    for n in sorted(edges[m]):
        if state.get(n) == 1:
            cycle = stack[stack.index(n) :] + [n]
            problems.append("cycle: " + " -> ".join("::".join(x) or "crate" for x in cycle))
        elif n not in state:
            visit(n, stack + [n])
    state[m] = 2


for m in sorted(files):
    if m not in state:
        visit(m, [m])

for m, targets in edges.items():
    for t in targets:
        if m and t and m[0] != t[0] and m[0] in LAYERS and t[0] in LAYERS:
            if LAYERS.index(t[0]) > LAYERS.index(m[0]):
                problems.append(f"upward: {'::'.join(m)} uses {'::'.join(t)}")

n_edges = sum(len(v) for v in edges.values())
if problems:
    print("\n".join(sorted(set(problems))))
    sys.exit(1)
print(f"no module cycle and no upward import among {len(files)} modules ({n_edges} imports)")
