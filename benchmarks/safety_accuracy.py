"""How often CL501/CL502/CL503 judge the labelled pages right.

    .venv/bin/python benchmarks/safety_accuracy.py [FOLDER]

FOLDER holds the labels, ``labels.yaml`` or, in the labelled corpus sets
(tests/corpus/blind, blind2, blind3), ``safety-labels.yaml``; a labelled page not in
FOLDER is read from tests/corpus/dev/, where set 1's pages (tests/corpus/blind/) moved
with their names kept. Prints, for each judgement, conditionlint's accuracy side by side with a heading-only
baseline (a page "has a disclaimer" when a heading says Disclaimer/Important
information..., and "has urgent advice" when a heading says When to get urgent
help/Red flags...), which is what a simple template check would do. Pages and labels:
tests/pages/safety/ (labels.yaml; see its header for the labels' meaning).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from conditionlint import sectionmap  # noqa: E402
from conditionlint.api import lint_text  # noqa: E402
from conditionlint.parser import parse  # noqa: E402
from conditionlint.source import Source  # noqa: E402

TODAY = "2026-11-29"
DEV = ROOT / "tests" / "corpus" / "dev"


def judge(text: str, name: str) -> dict:
    f = lint_text(text, path=name, select=["CL501", "CL502", "CL503"], today=TODAY)
    codes = [x.code for x in f]
    partial = [x for x in f if x.code == "CL502"]
    state = "none" if "CL501" in codes else ("partial" if partial else "complete")
    missing = re.findall(r"\[([a-z-]+)\]", partial[0].message) if partial else []
    return {"disclaimer": state, "missing": missing, "urgent": "CL503" not in codes}


def baseline(text: str, name: str) -> dict:
    doc = parse(Source.from_text(name, text))
    has_disc = bool(sectionmap.sections_of_kind(doc, "disclaimer"))
    return {"disclaimer": "complete" if has_disc else "none", "missing": [],
            "urgent": bool(sectionmap.sections_of_kind(doc, "urgent"))}


def main() -> None:
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "tests" / "pages" / "safety"
    labels_file = folder / "labels.yaml"
    if not labels_file.is_file():
        labels_file = folder / "safety-labels.yaml"
    labels = yaml.safe_load(labels_file.read_text(encoding="utf-8"))
    score = {k: [0, 0] for k in ("presence", "state", "missing", "urgent")}
    base = {k: [0, 0] for k in ("presence", "state", "urgent")}
    wrong = []
    for name, lab in sorted(labels.items()):
        page = folder / name
        if not page.is_file():
            page = DEV / name
        text = page.read_text(encoding="utf-8")
        got, b = judge(text, name), baseline(text, name)
        present = lab["disclaimer"] != "none"
        for tally, res in ((score, got), (base, b)):
            tally["presence"][0] += (res["disclaimer"] != "none") == present
            tally["presence"][1] += 1
            tally["state"][0] += res["disclaimer"] == lab["disclaimer"]
            tally["state"][1] += 1
            if lab["urgent"] is not None:
                tally["urgent"][0] += res["urgent"] == lab["urgent"]
                tally["urgent"][1] += 1
        if lab["disclaimer"] == "partial" and got["disclaimer"] == "partial":
            score["missing"][0] += got["missing"] == lab.get("missing", [])
            score["missing"][1] += 1
        if got["disclaimer"] != lab["disclaimer"] or (
                lab["urgent"] is not None and got["urgent"] != lab["urgent"]):
            wrong.append(f"  {name}: labelled {lab['disclaimer']}/urgent={lab['urgent']}, "
                         f"judged {got['disclaimer']}/urgent={got['urgent']}")

    def pct(a: list[int]) -> str:
        return f"{a[0]}/{a[1]} ({100 * a[0] / a[1]:.0f}%)" if a[1] else "n/a"

    print(f"{len(labels)} labelled pages: {labels_file}")
    print(f"{'judgement':44} {'conditionlint':>16} {'heading-only':>16}")
    print(f"{'disclaimer present (CL501)':44} {pct(score['presence']):>16} "
          f"{pct(base['presence']):>16}")
    print(f"{'disclaimer none/partial/complete (CL501/2)':44} {pct(score['state']):>16} "
          f"{pct(base['state']):>16}")
    print(f"{'missing elements named exactly (CL502)':44} {pct(score['missing']):>16} "
          f"{'n/a':>16}")
    print(f"{'urgent-care advice (CL503)':44} {pct(score['urgent']):>16} "
          f"{pct(base['urgent']):>16}")
    if wrong:
        print("misjudged:")
        print("\n".join(wrong))


if __name__ == "__main__":
    main()
