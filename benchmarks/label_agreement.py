"""How far two labellers agree on a labelled set's claims: the ceiling for CL401.

A set of ``tests/corpus/<split>/`` was labelled by the engineer who wrote its pages. A
second engineer, who had not seen those labels, the detector or its output, labelled the
same pages from the same labelling rules (``benchmarks/agreement/<split>/*.yaml``, same
format). This script scores the second labeller exactly as
``benchmarks/claims_accuracy.py`` scores CL401 and CL402 (the second labeller's
unsupported claims and vague phrases taken as findings, the writer's labels as the
truth), and, in the same run, scores conditionlint (as shipped) against each labeller.

If two careful people following one guide agree only to P/R 0.8, a detector's 0.8
against either is at their level; the targets (0.85) mean something only above that.

    .venv/bin/python benchmarks/label_agreement.py [--split NAME ...]
"""

from __future__ import annotations

import dataclasses
import shutil
import sys
import tempfile
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))

from claims_accuracy import CORPUS, Tally, locate, overlaps, score_page  # noqa: E402

HERE = Path(__file__).resolve().parent / "agreement"


def _spans(text: str, labels: dict) -> tuple[list, list, list]:
    claims = [(locate(text, c["text"]), bool(c["supported"])) for c in labels.get("claims") or []]
    vague = [locate(text, v) for v in labels.get("vague") or []]
    return [s for s, sup in claims if not sup], [s for s, sup in claims if sup], vague


def agree(page: Path, second: Path, t: Tally) -> None:
    """The second labeller's labels scored against the writer's, as findings."""
    text = page.read_text(encoding="utf-8")
    unsup, sup, vague = _spans(text, yaml.safe_load(page.with_suffix(".yaml").read_text("utf-8")))
    f401, _, f402 = _spans(text, yaml.safe_load(second.read_text("utf-8")))
    t.findings += len(f401)
    t.true_findings += sum(1 for f in f401 if any(overlaps(f, u) for u in unsup))
    t.unsupported += len(unsup)
    t.unsupported_found += sum(1 for u in unsup if any(overlaps(f, u) for f in f401))
    t.supported += len(sup)
    t.supported_flagged += sum(1 for s in sup if any(overlaps(f, s) for f in f401))
    t.vague += len(vague)
    t.vague_findings += len(f402)
    t.vague_found += sum(1 for v in vague if any(overlaps(f, v) for f in f402))


def _add(total: Tally, part: Tally) -> None:
    """``part``'s counts added to ``total`` (each page is linted once, not once a tally)."""
    for f in dataclasses.fields(Tally):
        setattr(total, f.name, getattr(total, f.name) + getattr(part, f.name))


def row(name: str, t: Tally) -> str:
    def r(a: int, b: int) -> str:
        return f"{a / b:.3f} ({a}/{b})" if b else "-"
    return (f"{name:<34} {r(t.true_findings, t.findings):<18} {r(t.unsupported_found, t.unsupported):<18}"
            f" {r(t.supported_flagged, t.supported):<16} {r(t.vague_found, t.vague)}")


def main(argv: list[str]) -> int:
    named = [argv[i + 1] for i, a in enumerate(argv[:-1]) if a == "--split"]
    splits = named or sorted(p.name for p in HERE.iterdir() if p.is_dir())
    print(f"{'split / who is scored (truth)':<34} {'CL401 P':<18} {'CL401 R':<18} "
          f"{'supported flagged':<16} CL402 R")
    totals = {k: Tally() for k in ("second", "tool", "tool2")}
    for split in splits:
        seconds = sorted((HERE / split).glob("*.yaml"))
        pages = [CORPUS / split / s.with_suffix(".md").name for s in seconds]
        t = {k: Tally() for k in totals}
        with tempfile.TemporaryDirectory() as tmp:
            for page, second in zip(pages, seconds):
                agree(page, second, t["second"])
                score_page(page, t["tool"])
                # the tool against the second labeller's labels as the truth
                copy = Path(tmp) / page.name
                shutil.copyfile(page, copy)
                shutil.copyfile(second, copy.with_suffix(".yaml"))
                score_page(copy, t["tool2"])
        for k, part in t.items():
            _add(totals[k], part)
        print(row(f"{split}: second labeller (writer)", t["second"]))
        print(row(f"{split}: conditionlint (writer)", t["tool"]))
        print(row(f"{split}: conditionlint (second)", t["tool2"]))
    if len(splits) > 1:
        print(row("all: second labeller (writer)", totals["second"]))
        print(row("all: conditionlint (writer)", totals["tool"]))
        print(row("all: conditionlint (second)", totals["tool2"]))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
