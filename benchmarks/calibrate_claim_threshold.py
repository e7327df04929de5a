"""A retrained claim model's threshold, calibrated to the shipped model's flag count
(docs/model23.md, issue 4).

A model trained on more pages scores lower overall (its bias drifts down: docs/model20.md,
docs/model22.md), so at the shipped threshold it flags fewer sentences and loses
recall. This picks the candidate's threshold without looking at any page the two
models are compared on: over the pages of ``train_claim_model.SPLITS`` (which both the
shipped model and any ``--add-split`` candidate were trained on), count the sentences
each model would add as shipped (the candidates the rules leave open, scoring at or
above the threshold: scope ``candidates``); the candidate's threshold is the one of
``GRID`` whose count is closest to the reference model's count at its own threshold
(a tie goes to the higher threshold). Labels are not read for the choice.

    .venv/bin/python benchmarks/calibrate_claim_threshold.py CANDIDATE.yaml
        [--reference rules/claim-model.yaml]

Prints the reference count, the candidate's count at each threshold of ``GRID``, the
choice, and (reported, not used) the same counts over every uncited prose sentence
(the model alone).
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from claims_accuracy import model_from_file  # noqa: E402
from train_claim_model import SPLITS, load_pages  # noqa: E402

from conditionlint import claimmodel  # noqa: E402

GRID = tuple(round(0.2 + 0.025 * i, 3) for i in range(13))  # 0.200 .. 0.500


def pick(target: int, counts: dict[float, int]) -> float:
    """The threshold whose count is closest to ``target``; of equally close ones, the
    highest."""
    return max(counts, key=lambda t: (-abs(counts[t] - target), t))


def main(argv: list[str]) -> int:
    cand_path = Path(argv[0])
    ref_path = Path(argv[argv.index("--reference") + 1]) if "--reference" in argv \
        else ROOT / "rules" / "claim-model.yaml"
    ref, cand = model_from_file(ref_path), model_from_file(cand_path)
    pages = load_pages(SPLITS)
    claimmodel.reset()
    rows = [(f, c, cited) for p in pages
            for f, c, cited in zip(p.feats, p.candidate, p.cited, strict=True)]
    s_ref = [(claimmodel.score(ref, f), c, cited) for f, c, cited in rows]
    s_cand = [(claimmodel.score(cand, f), c, cited) for f, c, cited in rows]

    def count(scored, t: float, scope: str) -> int:
        return sum(s >= t and (c if scope == "candidates" else not cited)
                   for s, c, cited in scored)

    print(f"{len(pages)} pages of SPLITS, {len(rows)} sentences, "
          f"{sum(c for _, c, _ in rows)} left open by the rules")
    for scope in ("candidates", "model alone"):
        target = count(s_ref, ref.threshold, scope)
        counts = {t: count(s_cand, t, scope) for t in GRID}
        chosen = pick(target, counts)
        print(f"\n{scope}: reference {ref_path.name} at {ref.threshold} flags {target}"
              + ("" if scope == "candidates" else " (reported only, not the rule)"))
        for t in GRID:
            print(f"  {t:<6} {counts[t]:>6}  {counts[t] - target:+d}"
                  + ("  <- chosen" if t == chosen else ""))
    target = count(s_ref, ref.threshold, "candidates")
    chosen = pick(target, {t: count(s_cand, t, "candidates") for t in GRID})
    print(f"\nthreshold for {cand_path}: {chosen}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
