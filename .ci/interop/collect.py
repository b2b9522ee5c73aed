#!/usr/bin/env python3
"""Writes the real documents the interop checks run on, each with the schema it must follow.

Every rolefit command that prints JSON is run on the example inputs and on the postings in
`postings/`; the example inputs themselves (TOML read as JSON) and `docs/data/catalog.json` are
added. `OUT/manifest.json` lists them:
`{"file": "...", "schema": "catalog", "valid": true, "from": "rolefit export --format json"}`.
`valid: false` marks an input rolefit rejects for a rule the schema states too.

Usage: collect.py ROLEFIT_BINARY OUT_DIR
"""

import json
import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples" / "data"
POSTINGS = Path(__file__).resolve().parent / "postings"

# The schema of every example input. A new example must be added here (the script says so).
EXAMPLE_SCHEMAS = {
    "po-checklist.toml": "org-profile",
    "pm-checklist.toml": "org-profile",
    "startup.toml": "org-profile",
    "enterprise.json": "org-profile",
    "scrum-team-org.toml": "org-profile",
    "bad-org.toml": "org-profile",
    "candidate-po.toml": "candidate-profile",
    "candidate-pm.json": "candidate-profile",
    "bad-candidate.toml": "candidate-profile",
    "weights.toml": "weights",
    "scrum-master.toml": "catalog",
}
# Examples rolefit rejects on purpose, each for a rule its schema states (a bound).
INVALID_EXAMPLES = {"bad-org.toml", "bad-candidate.toml"}
# Org profiles that use the Scrum Master overlay's signals.
NEEDS_OVERLAY = {"scrum-team-org.toml"}
OVERLAY = "examples/data/scrum-master.toml"


class Collector:
    def __init__(self, rolefit: Path, out: Path):
        self.rolefit = rolefit
        self.out = out
        self.manifest: list[dict] = []
        self.problems: list[str] = []

    def add(self, name: str, schema: str, value, source: str, valid: bool = True) -> None:
        path = self.out / f"{len(self.manifest):03}-{name}.json"
        path.write_text(json.dumps(value, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        self.manifest.append({"file": path.name, "schema": schema, "valid": valid, "from": source})

    def run(self, args: list[str], stdin: str | None = None) -> str | None:
        shown = "rolefit " + " ".join(args)
        proc = subprocess.run(
            [str(self.rolefit), *args], cwd=ROOT, input=stdin, capture_output=True, text=True, check=False
        )
        if proc.returncode != 0:
            self.problems.append(f"`{shown}` exited {proc.returncode}: {proc.stderr.strip()}")
            return None
        return proc.stdout

    def command(self, name: str, schema: str, args: list[str]) -> None:
        text = self.run(args)
        if text is not None:
            self.add(name, schema, json.loads(text), "rolefit " + " ".join(args))


def read_example(path: Path):
    text = path.read_text(encoding="utf-8")
    return tomllib.loads(text) if path.suffix == ".toml" else json.loads(text)


def collect(c: Collector) -> None:
    # Catalogs: the checked-in export, the command's export, with and without an overlay.
    c.add("catalog-json", "catalog", json.loads((ROOT / "docs/data/catalog.json").read_text()), "docs/data/catalog.json")
    c.command("export", "catalog", ["export", "--format", "json"])
    c.command("export-overlay", "catalog", ["--catalog", OVERLAY, "export", "--format", "json"])

    # The example inputs, read as the schema sees them.
    for path in sorted(EXAMPLES.iterdir()):
        schema = EXAMPLE_SCHEMAS.get(path.name)
        if schema is None:
            c.problems.append(f"{path.relative_to(ROOT)}: no schema known for this example (add it to {__file__})")
            continue
        c.add(f"example-{path.stem}", schema, read_example(path), str(path.relative_to(ROOT)), path.name not in INVALID_EXAMPLES)

    for first, second, overlay in [
        ("product-owner", "product-manager", []),
        ("product-manager", "product-owner", []),
        ("scrum-master", "product-owner", ["--catalog", OVERLAY]),
    ]:
        c.command(f"compare-{first}-{second}", "comparison", [*overlay, "compare", first, second, "--format", "json"])

    # Diffs: nothing changed; an overlay's additions; a catalog with edits, removals and additions.
    c.command("diff-none", "diff", ["diff", "canonical", "canonical", "--format", "json"])
    c.command("diff-overlay", "diff", ["diff", "canonical", OVERLAY, "--format", "json"])
    edited = json.loads((ROOT / "docs/data/catalog.json").read_text())
    edited["roles"][0]["summary"] += " Edited."
    removed = edited["skills"].pop()
    edited["lexicon"] = [e for e in edited.get("lexicon", []) if e.get("fact") != removed["id"]]
    edited["sources"].append({"id": "interop-note", "title": "A note", "publisher": "rolefit", "kind": "article"})
    edited_path = c.out / "edited-catalog.json"
    edited_path.write_text(json.dumps(edited), encoding="utf-8")
    c.command("diff-edited", "diff", ["diff", "canonical", str(edited_path), "--format", "json"])

    for name, schema in EXAMPLE_SCHEMAS.items():
        if name in INVALID_EXAMPLES or schema not in ("org-profile", "candidate-profile"):
            continue
        overlay = ["--catalog", OVERLAY] if name in NEEDS_OVERLAY else []
        path = f"examples/data/{name}"
        stem = Path(name).stem
        if schema == "org-profile":
            c.command(f"assess-{stem}", "scorecard", [*overlay, "assess", path, "--format", "json"])
            c.command(
                f"assess-{stem}-weights",
                "scorecard",
                [*overlay, "assess", path, "--weights", "examples/data/weights.toml", "--format", "json"],
            )
        else:
            c.command(f"fit-{stem}", "fit-report", [*overlay, "fit", path, "--format", "json"])

    postings = sorted(POSTINGS.glob("*.txt"))
    text = c.run(["classify", *[str(p.relative_to(ROOT)) for p in postings], "--format", "json"])
    if text is not None:
        for p, item in zip(postings, json.loads(text), strict=True):
            c.add(f"classify-{p.stem}", "classification", item, f"rolefit classify {p.name} --format json")
    # Ids of both kinds the input allows (string, number).
    lines = "".join(
        json.dumps({"id": p.stem if i % 2 == 0 else i, "text": p.read_text(encoding="utf-8")}) + "\n"
        for i, p in enumerate(postings)
    )
    text = c.run(["classify", "--jsonl", "-"], stdin=lines)
    if text is not None:
        for i, line in enumerate(text.splitlines()):
            c.add(f"classify-jsonl-{i}", "classification-line", json.loads(line), "rolefit classify --jsonl -")


def main() -> int:
    if len(sys.argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    out = Path(sys.argv[2])
    out.mkdir(parents=True, exist_ok=True)
    for old in out.glob("*.json"):
        old.unlink()
    c = Collector(Path(sys.argv[1]).resolve(), out)
    collect(c)
    (out / "manifest.json").write_text(json.dumps(c.manifest, indent=1) + "\n", encoding="utf-8")
    print(f"collect: {len(c.manifest)} documents in {out}")
    for p in c.problems:
        print(f"collect: FAILED: {p}")
    return 1 if c.problems else 0


if __name__ == "__main__":
    sys.exit(main())
