#!/usr/bin/env python3
"""Tests for benches/peers/evaluate.py on tiny synthetic data with known answers.

Needs only the Python standard library: no model, no network, no scikit-learn
(when scikit-learn is installed, the metrics are also cross-checked against it).

    python3 benches/peers/smoke_test.py          # or: python3 benches/peers/evaluate.py --self-test
    python3 -m pytest benches/peers/smoke_test.py
"""

from __future__ import annotations

import contextlib
import io
import json
import math
import shlex
import sys
import tempfile
import traceback
from pathlib import Path

sys.dont_write_bytecode = True  # leave no __pycache__ in the source tree
sys.path.insert(0, str(Path(__file__).resolve().parent))

import evaluate as ev  # noqa: E402

PO, PM, O = ev.PO, ev.PM, ev.OTHER

# 4 PO, 6 PM, 2 adjacent-role postings, with hand-computed answers below.
Y_TRUE = [PO, PO, PO, PO, PM, PM, PM, PM, PM, PM, O, O]
Y_PRED = [PO, PO, PM, O, PM, PM, PM, PM, PO, O, PM, O]


def close(a, b):
    return a is not None and math.isclose(a, b, rel_tol=0, abs_tol=1e-12)


def test_confusion_matrix():
    assert ev.confusion_matrix(Y_TRUE, Y_PRED) == [[2, 1, 1], [1, 4, 1], [0, 1, 1]]


def test_accuracy():
    assert close(ev.accuracy(Y_TRUE, Y_PRED), 7 / 12)
    assert ev.accuracy([], []) is None


def test_balanced_accuracy():
    # recalls: PO 2/4, PM 4/6, other 1/2
    assert close(ev.balanced_accuracy(Y_TRUE, Y_PRED), (2 / 4 + 4 / 6 + 1 / 2) / 3)
    # A class absent from y_true is skipped, as in scikit-learn.
    assert close(ev.balanced_accuracy([PO, PO, PM], [PO, O, PM]), (1 / 2 + 1) / 2)


def test_po_pm_balanced_accuracy_counts_other_as_wrong():
    # Only the 10 PO/PM postings: PO recall 2/4, PM recall 4/6; the two `other` predictions are wrong.
    assert close(ev.po_pm_balanced_accuracy(Y_TRUE, Y_PRED), (2 / 4 + 4 / 6) / 2)
    # Predicting `other` for everything scores 0, not "undefined".
    assert close(ev.po_pm_balanced_accuracy([PO, PM], [O, O]), 0.0)
    # Perfect.
    assert close(ev.po_pm_balanced_accuracy([PO, PM, O], [PO, PM, PO]), 1.0)
    assert ev.po_pm_balanced_accuracy([O, O], [PO, PM]) is None


def test_adjacent_called_po_pm():
    assert close(ev.adjacent_called_po_pm(Y_TRUE, Y_PRED), 1 / 2)
    assert ev.adjacent_called_po_pm([PO], [PO]) is None


def test_against_sklearn_if_installed():
    try:
        from sklearn.metrics import balanced_accuracy_score, confusion_matrix
    except ImportError:
        return  # optional cross-check
    assert close(ev.balanced_accuracy(Y_TRUE, Y_PRED), balanced_accuracy_score(Y_TRUE, Y_PRED))
    assert ev.confusion_matrix(Y_TRUE, Y_PRED) == confusion_matrix(Y_TRUE, Y_PRED, labels=list(ev.CLASSES)).tolist()


def test_label_mapping():
    assert ev.to_class3("product_owner") == PO
    assert ev.to_class3("product-manager") == PM
    for adjacent in ("project_manager", "program_manager", "scrum_master", "business_analyst", "other", None, ""):
        assert ev.to_class3(adjacent) == O


def test_rolefit_verdict_mapping():
    m = ev.rolefit_verdict_to_class3
    assert m({"verdict": "product-owner", "top_role": "product-owner"}) == PO
    assert m({"verdict": "product-manager", "top_role": None}) == PM
    assert m({"verdict": "undetermined", "top_role": "product-owner"}) == O
    assert m({"verdict": "both", "top_role": "product-owner"}) == PO
    assert m({"verdict": "both", "top_role": "product-manager"}) == PM
    assert m({"verdict": "both", "top_role": None}) == O
    assert m({"verdict": "both", "top_role": "scrum-master"}) == O
    try:
        m({"verdict": "maybe"})
    except ValueError:
        pass
    else:
        raise AssertionError("unknown verdict must raise")


def test_rolefit_title_modes():
    row = {"id": "7", "title": "Product Owner", "text": "Refine the backlog.", "label": "product_owner"}
    assert ev.rolefit_payload(row) == {"id": "7", "text": "Refine the backlog."}
    assert ev.rolefit_payload(row, "in-text") == {"id": "7", "text": "Product Owner\n\nRefine the backlog."}
    assert ev.rolefit_payload(row, "field") == {"id": "7", "title": "Product Owner", "text": "Refine the backlog."}
    untitled = {"id": "8", "text": "x"}
    assert ev.rolefit_payload(untitled, "field") == untitled
    m = ev.rolefit_verdict_to_class3
    line = {"verdict": "product-owner", "top_role": "product-owner", "body_verdict": "product-manager"}
    assert m(line) == PO and m(line, "body_verdict") == PM


def test_summarize_and_fine_breakdown():
    fine = ["product_owner"] * 4 + ["product_manager"] * 6 + ["scrum_master", "business_analyst"]
    s = ev.summarize(Y_TRUE, Y_PRED, fine)
    assert s["by_fine_label"]["scrum_master"] == {PO: 0, PM: 1, O: 0}
    assert s["by_fine_label"]["business_analyst"] == {PO: 0, PM: 0, O: 1}
    assert close(s["accuracy_3class"], 7 / 12)
    tp = ev.throughput(10, 2_000_000, 2.0)
    assert close(tp["postings_per_s"], 5.0) and close(tp["mb_per_s"], 1.0)


# A stand-in for `rolefit classify --jsonl -`: keyword rules, the documented output format.
FAKE_ROLEFIT = r'''
import json, sys
for line in sys.stdin:
    p = json.loads(line)
    t = p["text"].lower()
    if set(p) != {"id", "text"}:
        sys.exit("fake rolefit: expected only id and text, got %s" % sorted(p))
    po, pm = t.count("backlog"), t.count("roadmap")
    if po and pm:
        verdict, top = "both", ("product-owner" if po >= pm else "product-manager")
    elif po:
        verdict, top = "product-owner", "product-owner"
    elif pm:
        verdict, top = "product-manager", "product-manager"
    else:
        verdict, top = "undetermined", None
    if p["id"] == "skip-me":
        continue
    print(json.dumps({"id": p["id"], "top_role": top, "verdict": verdict,
                      "scores": [{"role": "product-owner", "score": po}, {"role": "product-manager", "score": pm}], "evidence": []}))
'''

SYNTHETIC = [
    {"id": "a", "label": "product_owner", "text": "Own the backlog."},
    {"id": "b", "label": "product_owner", "text": "Own the backlog and help with the roadmap."},
    {"id": "c", "label": "product_manager", "text": "Set the roadmap."},
    {"id": "d", "label": "product_manager", "text": "Talk to customers."},
    {"id": "e", "label": "scrum_master", "text": "Facilitate ceremonies."},
    {"id": "f", "label": "project_manager", "text": "Track the roadmap dates."},
]


def _write(tmp, name, content):
    path = Path(tmp) / name
    path.write_text(content, encoding="utf-8")
    return path


def test_run_rolefit_with_fake_command():
    with tempfile.TemporaryDirectory() as tmp:
        fake = _write(tmp, "fake_rolefit.py", FAKE_ROLEFIT)
        cmd = f"{shlex.quote(sys.executable)} {shlex.quote(str(fake))}"
        res = ev.run_rolefit(SYNTHETIC, cmd, timeout=60)
        assert res["preds"] == [PO, PO, PM, O, O, PM], res["preds"]
        assert res["verdicts"][1] == "both"
        assert res["predict_seconds"] > 0

        # A missing id is counted as `other` and flagged.
        rows = SYNTHETIC + [{"id": "skip-me", "label": "product_owner", "text": "backlog"}]
        res = ev.run_rolefit(rows, cmd, timeout=60)
        assert res["preds"][-1] == O
        assert any("no output for 1" in n for n in res["notes"])


def test_run_rolefit_unavailable():
    for cmd, expect in [
        ("/nonexistent/rolefit classify --jsonl -", "command not found"),
        (f"{shlex.quote(sys.executable)} -c 'import sys; sys.exit(3)'", "exit code 3"),
        (f"{shlex.quote(sys.executable)} -c 'print(\"hello\")'", "not JSON"),
        ("", "empty command"),
    ]:
        try:
            ev.run_rolefit(SYNTHETIC, cmd, timeout=60)
        except ev.Unavailable as e:
            assert expect in str(e), (cmd, str(e))
        else:
            raise AssertionError(f"{cmd!r} should be unavailable")


def test_evaluate_end_to_end_without_models():
    with tempfile.TemporaryDirectory() as tmp:
        data = _write(tmp, "data.jsonl", "".join(json.dumps(r) + "\n" for r in SYNTHETIC))
        fake = _write(tmp, "fake_rolefit.py", FAKE_ROLEFIT)
        out = Path(tmp) / "out.json"
        cmd = f"{shlex.quote(sys.executable)} {shlex.quote(str(fake))}"
        args = [str(data), "--rolefit-cmd", cmd, "--methods", "rolefit,majority", "--json", str(out)]
        with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
            assert ev.main(args) == 0
        report = json.loads(out.read_text(encoding="utf-8"))
        rf = report["methods"]["rolefit"]
        assert rf["available"]
        # PO: a,b -> PO (2/2); PM: c -> PM, d -> other (1/2). PO-vs-PM BA = (1 + 0.5) / 2.
        assert close(rf["metrics"]["po_vs_pm_balanced_accuracy"], 0.75)
        # adjacent: e -> other, f -> PM.
        assert close(rf["metrics"]["adjacent_called_po_or_pm"], 0.5)
        assert rf["metrics"]["confusion_matrix"]["rows_true_cols_pred"] == [[2, 0, 0], [0, 1, 1], [0, 1, 1]]
        maj = report["methods"]["always-product-manager (reference)"]
        assert close(maj["metrics"]["po_vs_pm_balanced_accuracy"], 0.5)
        assert close(maj["metrics"]["balanced_accuracy_3class"], 1 / 3)
        assert maj["throughput"]["mb_per_s"] is None

        # Not available: reported, not a crash.
        args = [str(data), "--rolefit-cmd", "/nonexistent/rolefit", "--methods", "rolefit", "--json", str(out)]
        with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
            assert ev.main(args) == 0
        report = json.loads(out.read_text(encoding="utf-8"))
        assert report["methods"]["rolefit"] == {"available": False, "reason": "command not found: /nonexistent/rolefit"}
        assert "not available" in ev.render_markdown(report)


TESTS = [v for k, v in sorted(globals().items()) if k.startswith("test_") and callable(v)]


def main() -> int:
    passed = failed = 0
    for t in TESTS:
        try:
            t()
        except Exception:  # noqa: BLE001
            failed += 1
            print(f"FAIL {t.__name__}", file=sys.stderr)
            traceback.print_exc()
        else:
            passed += 1
            print(f"ok   {t.__name__}", file=sys.stderr)
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
