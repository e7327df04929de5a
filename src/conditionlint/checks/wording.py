"""CL407, CL410, CL411: wording that misleads whatever the evidence.

The phrase lists are data in ``rules/risky-wording.yaml``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from typing import Any

from conditionlint import claimdetect
from conditionlint.citations import _entry_label_blocks
from conditionlint.claimdetect import spaced
from conditionlint.document import Document
from conditionlint.model import Problem
from conditionlint.registry import rule


@lru_cache(maxsize=None)
def _matchers(group: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    from conditionlint.yamlrules import lexicon

    spec = lexicon("risky-wording")[group]
    alt = "|".join(f"(?:{spaced(p)})" for p in spec["patterns"])
    unless = "|".join(f"(?:{spaced(p)})" for p in spec.get("unless", [])) or r"(?!)"
    return re.compile(alt, re.I), re.compile(unless, re.I)


def _scan(doc: Document, group: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, words) of each match in prose sentences, headings and
    claim-bearing front-matter strings, skipping evidence entries (a cited title may
    say "breakthrough") and sentences where an 'unless' pattern cancels it."""
    rx, unless = _matchers(group)
    skip = _entry_label_blocks(doc)
    texts: list[tuple[str, int]] = [(s.text, s.start) for s in doc.sentences
                                    if s.block not in skip]
    for _key, value, base in claimdetect.front_matter_strings(doc):
        if doc.text[base:base + len(value)] == value:
            texts.append((value, base))
    for text, base in texts:
        if unless.search(text):
            continue
        for m in rx.finditer(text):
            if m.end() > m.start():
                yield base + m.start(), base + m.end(), " ".join(m.group().split())


@rule(code="CL407", name="absolute-claim", severity="error",
      summary="An absolute claim: cure, permanent or guaranteed results, totally safe.")
def absolute_claim(doc: Document, options: dict[str, Any]) -> Iterator[Problem]:  # noqa: ARG001
    """The page promises an absolute outcome: "cures", "permanent relief", "guaranteed
    results", "100% safe", "completely safe", "no side effects", "risk-free",
    "miracle", "breakthrough", "permanently kills", "gone for good", "never come
    back". Reported even when the sentence cites evidence: no evidence supports a
    guarantee. "There is no cure for..." and the US supplement notice ("not intended
    to diagnose, treat, cure or prevent any disease") are not reported.

    The list follows the risky wording that advertising codes single out (the UK CAP
    Code's rules on health claims, the US FTC's health products guidance); it is data
    in `rules/risky-wording.yaml` (`absolute`).

    ## Why

    No treatment works for everyone, for ever, without risk. Absolute claims mislead
    readers into choosing or refusing care on a false promise.

    ## Fails

    ```markdown
    # Back pain

    Our treatment offers permanent relief with no side effects.
    ```

    ## Passes

    ```markdown
    # Back pain

    There is no cure for chronic back pain, but symptoms often improve with time.
    ```

    ## Fix

    Say what the evidence shows, with its limits. There is no automatic fix.
    """
    for s, e, words in _scan(doc, "absolute"):
        yield Problem(s, e, f"absolute claim ('{words}'): no treatment is guaranteed, "
                            f"permanent or free of risk, even with evidence")


@rule(code="CL410", name="discourages-care", severity="error",
      summary="The page discourages proper medical care.")
def discourages_care(doc: Document, options: dict[str, Any]) -> Iterator[Problem]:  # noqa: ARG001
    """The page tells readers to use something instead of medical care, that they need
    not see a doctor, or to stop their medication: "instead of surgery", "no need to
    see a doctor", "no surgery needed", "avoids the need for surgery", "a natural
    alternative to antibiotics", "stop taking your medication". Advice to talk to a prescriber
    first ("don't stop taking your medicine without talking to your GP") is fine.
    The wording is data in `rules/risky-wording.yaml` (`discourages-care`).

    ## Why

    Delayed or abandoned care harms people. Complementary treatment pages must not
    present themselves as a replacement for it.

    ## Fails

    ```markdown
    # Back pain

    Try acupuncture instead of surgery.
    ```

    ## Passes

    ```markdown
    # Back pain

    Do not stop taking prescribed medicines without talking to your doctor.
    ```

    ## Fix

    Present the therapy as an addition to medical care, not a replacement.
    """
    for s, e, words in _scan(doc, "discourages-care"):
        yield Problem(s, e, f"discourages medical care ('{words}'): present the therapy "
                            f"alongside medical care, not instead of it")


@rule(code="CL411", name="promotional-wording", severity="warning",
      summary="Promotional wording implies safety: natural, drug-free, chemical-free.")
def promotional_wording(doc: Document, options: dict[str, Any]) -> Iterator[Problem]:  # noqa: ARG001
    """Wording that sells a therapy as safe because it is "natural", "drug-free",
    "chemical-free", "non-toxic" or "100% natural", or that says it can be taken with
    other medicines *because* it is natural. Natural is not the same as safe. The wording is
    data in `rules/risky-wording.yaml` (`promotional`).

    ## Why

    Advertising codes treat "natural, so safe" as misleading: herbs interact with
    medicines, needles cause injuries, and "drug-free" says nothing about risk.

    ## Fails

    ```markdown
    # Back pain

    Find relief with our natural, drug-free therapy.
    ```

    ## Passes

    ```markdown
    # Back pain

    Acupuncture uses thin needles; like any treatment it has risks.
    ```

    ## Fix

    Describe the therapy and its risks plainly.
    """
    for s, e, words in _scan(doc, "promotional"):
        yield Problem(s, e, f"promotional wording ('{words}') implies the therapy is safe; "
                            f"describe its risks instead")
