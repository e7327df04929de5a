"""Accuracy of conditionlint's mojibake detector, with ftfy 6.3.1 side by side.

    .venv/bin/python benchmarks/mojibake_accuracy.py

Prints, for the development split and the held-out split of the generated data
(benchmarks/mojibake_data.py) and for ftfy's own test cases (read from
../shared/eval-data/ftfy/ when present): precision, recall, false-positive rate on
clean text, per-code-page recall, exact-repair rate and wrong-repair rate (the fix
changed the text into something that is neither the clean original nor a partial
repair that left some runs as found), and on ftfy's cases the repairs
that differ from ftfy's expected text, split into left unrepaired and WRONG. ftfy's detection is
``ftfy.badness.is_bad``; its repair is ``ftfy.fix_text`` (and ``ftfy.fix_encoding``,
which does not also straighten quotes, for fairness).
"""

from __future__ import annotations

import json
import sys
import time
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "src"))

import mojibake_data  # noqa: E402

from conditionlint.mojibake import repair, scan  # noqa: E402

FTFY_DIR = Path(__file__).resolve().parents[1].parent / "shared" / "eval-data" / "ftfy"
SEED_CASES = (("โ€”", "—"), ("โ€“", "–"), ("โ‰ฅ", "≥"))

try:
    import ftfy
    import ftfy.badness
except ImportError:  # pragma: no cover - the benchmark still reports our figures
    ftfy = None


class Tool:
    def __init__(self, name, detect, fix):
        self.name, self.detect, self.fix = name, detect, fix


def ours() -> Tool:
    return Tool("conditionlint", lambda t: bool(scan(t)), repair)


def theirs(fixer: str) -> Tool | None:
    if ftfy is None:
        return None
    fix = ftfy.fix_text if fixer == "fix_text" else ftfy.fix_encoding
    return Tool(f"ftfy {ftfy.__version__} ({fixer})", ftfy.badness.is_bad, fix)


def evaluate(tool: Tool, samples) -> dict:
    tp = fp = fn = tn = exact = wrong = 0
    per_page: Counter = Counter()
    per_page_hit: Counter = Counter()
    for s in samples:
        flagged = tool.detect(s.text)
        if s.damaged:
            per_page[s.codec] += 1
            if flagged:
                tp += 1
                per_page_hit[s.codec] += 1
            else:
                fn += 1
            out = tool.fix(s.text)
            exact += out == s.clean
            wrong += out != s.clean and out != s.text and not _partial(s.text, out, s.clean)
        elif flagged:
            fp += 1
            wrong += tool.fix(s.text) != s.text
        else:
            tn += 1
    damaged = tp + fn
    return {
        "precision": tp / (tp + fp) if tp + fp else 1.0,
        "recall": tp / damaged if damaged else 1.0,
        "clean_fp_rate": fp / (fp + tn) if fp + tn else 0.0,
        "exact_repair": exact / damaged if damaged else 1.0,
        "wrong_repair": wrong / (damaged + fp + tn) if damaged + fp + tn else 0.0,
        "damaged": damaged, "clean": fp + tn, "fp": fp,
        "per_page": {k: (per_page_hit[k], per_page[k]) for k in sorted(per_page)},
    }


def report(title: str, tools: list[Tool], samples) -> None:
    print(f"\n## {title}: {sum(s.damaged for s in samples)} damaged, "
          f"{sum(not s.damaged for s in samples)} clean samples")
    results = [(t, evaluate(t, samples)) for t in tools]
    names = [t.name for t, _ in results]
    print(f"{'':28}" + "".join(f"{n:>34}" for n in names))
    for key, label in (("precision", "precision"), ("recall", "recall"),
                       ("clean_fp_rate", "false positives on clean text"),
                       ("exact_repair", "exact repair"),
                       ("wrong_repair", "wrong repair (all samples)")):
        print(f"{label:28}" + "".join(
            f"{r[key] * 100:>33.2f}%" if key != "precision" else f"{r[key]:>34.4f}"
            for _, r in results))
    print("per-code-page recall:")
    pages = results[0][1]["per_page"]
    for page in pages:
        cells = []
        for _, r in results:
            hit, total = r["per_page"].get(page, (0, 0))
            cells.append(f"{hit}/{total} ({hit / total * 100:.0f}%)" if total else "-")
        print(f"  {page:26}" + "".join(f"{c:>34}" for c in cells))


def ftfy_cases() -> list[mojibake_data.Sample] | None:
    if not FTFY_DIR.is_dir():
        return None
    out = []
    for name in ("in-the-wild.json", "synthetic.json", "negative.json",
                 "language-names.json", "known-failures.json"):
        for case in json.loads((FTFY_DIR / name).read_text(encoding="utf-8")):
            expected = case.get("fixed-encoding", case["fixed"])
            out.append((name, case, _relabel(case, expected)))
    return out


def _relabel(case: dict, expected: str | None) -> str | None:
    """The labelling notes of ORIGIN.md: a case is mojibake iff its expected text
    differs from the original, except for these five (None: mojibake, no repair)."""
    label = case["label"].lower()
    if "hopeless garble" in label:
        return None
    if "html entity" in label:
        return "10μs"
    if "afrikaans" in label or "croatian" in label or "manga" in label:
        return case["original"]
    if label.startswith("sort of negative"):
        return case["original"].replace("Ã¥", "å")
    return expected


def report_ftfy(tool: Tool, ftfy_tool: Tool | None) -> None:
    cases = ftfy_cases()
    if cases is None:
        print(f"\n## ftfy's cases: skipped ({FTFY_DIR} not found)")
        return
    print(f"\n## ftfy's own test cases ({len(cases)}, from {FTFY_DIR.name}/)")
    rows = Counter()
    regressions = []
    wrong = []
    for name, case, expected in cases:
        original = case["original"]
        is_mojibake = expected != original
        if name == "known-failures.json":
            rows["known-failures: we detect"] += bool(scan(original)) and is_mojibake
            rows["known-failures, not mojibake: we change"] += (
                not is_mojibake and repair(original) != original)
            continue
        passed_by_ftfy = case["expect"] == "pass"
        ours_detect = bool(scan(original))
        if passed_by_ftfy:
            # What --fix writes against ftfy's expected text (for the hopeless garble,
            # which has no known repair, ftfy's expected text is the original).
            ref = expected if expected is not None else case.get("fixed-encoding", original)
            out = repair(original)
            rows["ftfy passes"] += 1
            if out != ref:
                if out == original:
                    rows["  left unrepaired"] += 1
                elif _partial(original, out, ref):
                    rows["  partly repaired"] += 1
                else:
                    rows["  WRONG repair"] += 1
                    wrong.append((original, out, ref))
        if is_mojibake:
            rows["mojibake cases"] += 1
            rows["we detect"] += ours_detect
            rows["we repair exactly"] += repair(original) == expected
            lossless = expected is not None and "\ufffd" not in expected
            rows["losslessly repairable"] += lossless
            rows["we repair exactly (lossless)"] += lossless and repair(original) == expected
            if ftfy_tool:
                rows["ftfy is_bad detects"] += ftfy_tool.detect(original)
            if passed_by_ftfy and not ours_detect:
                regressions.append(("missed", original))
        else:
            rows["not-mojibake cases"] += 1
            rows["we leave alone"] += not ours_detect
            if ftfy_tool:
                rows["ftfy is_bad leaves alone"] += not ftfy_tool.detect(original)
            if passed_by_ftfy and ours_detect:
                regressions.append(("flagged", original))
    for key in ("mojibake cases", "we detect", "ftfy is_bad detects", "we repair exactly",
                "losslessly repairable", "we repair exactly (lossless)",
                "not-mojibake cases", "we leave alone", "ftfy is_bad leaves alone",
                "known-failures: we detect", "known-failures, not mojibake: we change"):
        print(f"  {key:34}{rows[key]:>6}")
    print(f"  cases ftfy passes that we detect wrongly: {len(regressions)}")
    for why, text in regressions:
        print(f"    {why}: {text[:70]!r}")
    differ = rows["  left unrepaired"] + rows["  partly repaired"] + rows["  WRONG repair"]
    print(f"  cases ftfy passes: {rows['ftfy passes']}; our repair differs from ftfy's "
          f"expected text in {differ}")
    for key in ("  left unrepaired", "  partly repaired", "  WRONG repair"):
        print(f"  {key:34}{rows[key]:>6}")
    for original, out, ref in wrong:
        print(f"    {original[:50]!r} -> {out[:50]!r} (expected {ref[:50]!r})")


def _partial(original: str, out: str, ref: str) -> bool:
    """Every place where ``out`` differs from ``ref`` is text left as it was found
    (a lossy run we do not touch, where ftfy writes U+FFFD): a partial repair, not a
    wrong one. A wrong repair wrote something that is in neither."""
    import difflib
    ops = difflib.SequenceMatcher(None, out, ref, autojunk=False).get_opcodes()
    return all(tag == "equal" or (i2 > i1 and out[i1:i2] in original)
               for tag, i1, i2, _, _ in ops)


def report_seed(tool: Tool) -> None:
    print("\n## the seed page's sequences")
    for bad, good in SEED_CASES:
        text = f"low back pain {bad} LBP"
        found = scan(text)
        print(f"  {bad!r:12} detected={bool(found)} repaired={repair(text) == text.replace(bad, good)}"
              f" codec={found[0].codec if found else '-'}"
              + (f"   ftfy: is_bad={ftfy.badness.is_bad(text)} fix_text={ftfy.fix_text(text)!r}"
                 if ftfy else ""))


def main() -> None:
    start = time.time()
    tools = [ours()] + [t for t in (theirs("fix_text"), theirs("fix_encoding")) if t]
    report_seed(tools[0])
    report("development split", tools, mojibake_data.samples("dev"))
    report("held-out split (other sentences, other seed)", tools,
           mojibake_data.samples("heldout"))
    report_ftfy(tools[0], tools[1] if len(tools) > 1 else None)
    print(f"\n(ran in {time.time() - start:.0f} s)")


if __name__ == "__main__":
    main()
