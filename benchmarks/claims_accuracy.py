"""Accuracy of claim detection (CL401) and vague-evidence detection (CL402).

Runs the linter over the labelled pages in ``tests/corpus/<split>/`` (dev, heldout,
heldout2, blind: those that exist, or the splits named with ``--split``) and prints,
per split:

- CL401 precision: findings whose span overlaps a labelled *unsupported* claim,
  over all CL401 findings;
- CL401 recall: labelled unsupported claims overlapped by a CL401 finding;
- supported claims wrongly flagged: labelled *supported* claims overlapped by a CL401
  finding;
- CL402 recall (and precision): labelled vague phrases overlapped by a CL402 finding;
- supported claims recognised: labelled *supported* claims that the detector takes for
  claims at all (CL408/CL409 can only judge those).

Each page ``X.md`` has a sidecar ``X.yaml`` with ``claims`` (text, type, supported)
and ``vague`` (phrases). A label's text is found in the page with white space folded,
so hard-wrapped sentences are labelled as one line.

    .venv/bin/python benchmarks/claims_accuracy.py [--verbose] [--with-model] [--no-veto]
                                                   [--rules-alone] [--split NAME ...]
                                                   [--model PATH]

The first row of a split is CL401 as shipped. ``--with-model`` adds a row ``+model``
scored with the claim model (``rules/claim-model.yaml``, in its scope, with its veto)
switched on whatever its ``enabled`` flag says; ``--no-veto`` adds a row ``-veto`` with
the model on but its veto off (it adds claims, never lets one go); ``--rules-alone``
adds a row ``-model`` with the model off. So the configurations are measured in the
same run. ``--model PATH`` scores every row with the claim model in that file (one
``benchmarks/train_claim_model.py --out PATH`` wrote) in place of the shipped one: the
first row is then CL401 as shipped with that model.
"""

from __future__ import annotations

import dataclasses
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from conditionlint import claimdetect, claimmodel
from conditionlint.api import lint_text
from conditionlint.parser import parse
from conditionlint.source import Source

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "tests" / "corpus"
TODAY = "2026-11-29"
SPLITS = ("dev", "heldout", "heldout2", "blind", "blind2", "blind3")


@dataclass
class Tally:
    findings: int = 0
    true_findings: int = 0
    unsupported: int = 0
    unsupported_found: int = 0
    supported: int = 0
    supported_flagged: int = 0
    vague: int = 0
    vague_found: int = 0
    vague_findings: int = 0
    vague_true: int = 0
    supported_seen: int = 0
    misses: list[str] = field(default_factory=list)


def locate(text: str, label: str) -> tuple[int, int]:
    words = label.split()
    rx = re.compile(r"\s+".join(re.escape(w) for w in words))
    m = rx.search(text)
    if not m:
        raise SystemExit(f"label not found in page: {label!r}")
    return m.start(), m.end()


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def score_page(page: Path, t: Tally) -> None:
    text = page.read_text(encoding="utf-8")
    labels = yaml.safe_load(page.with_suffix(".yaml").read_text(encoding="utf-8"))
    claims = [(locate(text, c["text"]), c) for c in labels.get("claims") or []]
    vague = [(locate(text, v), v) for v in labels.get("vague") or []]
    found = lint_text(text, path=page.name, select=["CL401", "CL402"], today=TODAY)
    f401 = [(f.start, f.end) for f in found if f.code == "CL401"]
    f402 = [(f.start, f.end) for f in found if f.code == "CL402"]
    unsup = [span for span, c in claims if not c["supported"]]
    sup = [span for span, c in claims if c["supported"]]
    t.findings += len(f401)
    for f in f401:
        if any(overlaps(f, u) for u in unsup):
            t.true_findings += 1
        else:
            t.misses.append(f"{page.name}: false CL401 on {text[f[0]:f[1]]!r}")
    t.unsupported += len(unsup)
    for u in unsup:
        if any(overlaps(f, u) for f in f401):
            t.unsupported_found += 1
        else:
            t.misses.append(f"{page.name}: missed claim {text[u[0]:u[1]]!r}")
    t.supported += len(sup)
    detected = [(c.start, c.end) for c in
                claimdetect.find_claims(parse(Source.from_text(page.name, text)))]
    for s in sup:
        if any(overlaps(c, s) for c in detected):
            t.supported_seen += 1
        else:
            t.misses.append(f"{page.name}: supported claim not recognised {text[s[0]:s[1]]!r}")
    for s in sup:
        if any(overlaps(f, s) for f in f401):
            t.supported_flagged += 1
            t.misses.append(f"{page.name}: supported claim flagged {text[s[0]:s[1]]!r}")
    t.vague += len(vague)
    t.vague_findings += len(f402)
    for span, v in vague:
        if any(overlaps(f, span) for f in f402):
            t.vague_found += 1
        else:
            t.misses.append(f"{page.name}: missed vague {v!r}")
    for f in f402:
        if any(overlaps(f, span) for span, _ in vague):
            t.vague_true += 1
        else:
            t.misses.append(f"{page.name}: extra CL402 on {text[f[0]:f[1]]!r}")


def model_from_file(path: Path) -> claimmodel.Model:
    """The claim model in a file of the shipped file's form (``rules/claim-model.yaml``)."""
    d = yaml.safe_load(path.read_text(encoding="utf-8"))["data"]
    types = tuple((str(name), float(t["bias"]), t["weights"])
                  for name, t in (d.get("types") or {}).items())
    return claimmodel.Model(claimmodel._weights(d["weights"]), float(d["bias"]),  # noqa: SLF001
                            float(d["threshold"]), bool(d["enabled"]),
                            str(d.get("scope", "candidates")), float(d.get("veto", 0.0)), types)


def ratio(a: int, b: int) -> str:
    return f"{a / b:.2f} ({a}/{b})" if b else "n/a"


def main(argv: list[str]) -> int:
    verbose = "--verbose" in argv
    path = next((Path(argv[i + 1]) for i, a in enumerate(argv[:-1]) if a == "--model"), None)
    if path is not None:
        print(f"claim model: {path}")
    named = [argv[i + 1] for i, a in enumerate(argv[:-1]) if a == "--split"]
    splits = named or [s for s in SPLITS if any((CORPUS / s).glob("*.md"))]
    print(f"{'split':<9} {'pages':>5}  {'CL401 P':<14} {'CL401 R':<14} "
          f"{'supported flagged':<18} {'CL402 R':<14} {'CL402 P':<14} supported recognised")
    with_model = "--with-model" in argv
    shipped = model_from_file(path) if path is not None else claimmodel.load()
    as_shipped = claimmodel.current() if path is None else (
        shipped if shipped.enabled else None)
    variants: list[tuple[str, claimmodel.Model | None]] = [("", as_shipped)]
    if with_model and shipped is not None:
        variants.append(("+model", dataclasses.replace(shipped, enabled=True)))
    if "--no-veto" in argv and shipped is not None:
        variants.append(("-veto", dataclasses.replace(shipped, enabled=True, veto=0.0)))
    if "--rules-alone" in argv:
        variants.append(("-model", None))
    for split in splits:
        pages = sorted(p for p in (CORPUS / split).glob("*.md") if p.name != "README.md")
        for suffix, model in variants:
            claimmodel.use(model)
            t = Tally()
            for p in pages:
                score_page(p, t)
            name = split + suffix
            print(f"{name:<9} {len(pages):>5}  {ratio(t.true_findings, t.findings):<14} "
                  f"{ratio(t.unsupported_found, t.unsupported):<14} "
                  f"{ratio(t.supported_flagged, t.supported):<18} "
                  f"{ratio(t.vague_found, t.vague):<14} "
                  f"{ratio(t.vague_true, t.vague_findings):<14} "
                  f"{ratio(t.supported_seen, t.supported)}")
            if verbose:
                for m in t.misses:
                    print("   ", m)
    claimmodel.reset()
    print("targets: CL401 P >= 0.85, R >= 0.85; supported flagged <= 0.10; CL402 R >= 0.85")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
