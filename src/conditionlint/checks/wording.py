"""CL407, CL410, CL411: wording that misleads whatever the evidence.

The phrase lists are data in ``rules/risky-wording.yaml``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from typing import Any

from conditionlint import claimdetect
from conditionlint.citations import entry_label_blocks, prose_among_entries
from conditionlint.claimdetect import spaced
from conditionlint.document import Document
from conditionlint.gated import Alternation, Alternations
from conditionlint.model import Problem
from conditionlint.registry import rule


_NEVER = re.compile(r"(?!)")


def _either(patterns: list[str]) -> re.Pattern[str] | Alternation:
    """One alternation of ``patterns``, gated and compiled on first use
    (:mod:`conditionlint.gated`: the same matches as the joined pattern)."""
    return Alternation([spaced(p) for p in patterns]) if patterns else _NEVER


@lru_cache(maxsize=None)
def _matchers(group: str) -> tuple[re.Pattern[str],
                                   tuple[tuple[re.Pattern[str], re.Pattern[str]], ...],
                                   re.Pattern[str], tuple[re.Pattern[str], ...]]:
    """Any of the group's patterns (a quick first test: most sentences match none),
    ((pattern, its own unless), ...), the group's unless, its not-within. Plain
    patterns share one alternation; a {pattern, unless, hedged} mapping gets its own
    pair (``hedged: true`` adds the group's ``hedges`` to its unless)."""
    from conditionlint.yamlrules import lexicon

    spec = lexicon("risky-wording")[group]
    plain = [p for p in spec["patterns"] if isinstance(p, str)]
    pairs = [(_either(plain), _NEVER)] if plain else []
    hedges = list(spec.get("hedges", []))
    pairs += [(_either([p["pattern"]]),
               _either(list(p.get("unless", [])) + (hedges if p.get("hedged") else [])))
              for p in spec["patterns"] if isinstance(p, dict)]
    # not-within patterns one by one: in one alternation a short match at a position
    # would hide a longer one starting there
    every = [p if isinstance(p, str) else p["pattern"] for p in spec["patterns"]]
    return (_either(every), tuple(pairs), _either(spec.get("unless", [])),
            tuple(_either([p]) for p in spec.get("not-within", [])))


GROUPS = ("absolute", "discourages-care", "promotional")
_JOINED = re.compile(r"\s*(?:[\w'\u2019-]+\s+)?")


_any: list[Any] = [None, None]  # [the groups' first tests, them as Alternations]


def _any_of_groups() -> Alternations:
    """The groups' first tests (those that are alternations), asked together; made
    again when ``_matchers`` was cleared (gated.py rebuilds the lexicons)."""
    firsts = tuple(_matchers(g)[0] for g in GROUPS)
    if _any[0] != firsts:
        _any[0], _any[1] = firsts, Alternations(a for a in firsts
                                                if isinstance(a, Alternation))
    return _any[1]  # type: ignore[no-any-return]


# the last document's texts: [document, [(text, base, first tests live there), ...],
# the Alternations asked]
_last_texts: list[Any] = [None, None, None]


def _texts(doc: Document) -> list[tuple[str, int, tuple[Alternation, ...]]]:
    """The texts the groups scan (prose sentences, headings, claim-bearing front-matter
    strings; not evidence entries), each with the groups' first tests whose gates let
    it through (:meth:`Alternations.live`: a test not among them has no alternative to
    try there, and its ``search`` finds nothing). Made once per document for the three
    rules (sixteenth session, second pass: three gated searches of every sentence, 93 %
    of them with no gate literal, were most of the scan's time)."""
    anyof = _any_of_groups()
    if _last_texts[0] is doc and _last_texts[2] is anyof:
        return _last_texts[1]  # type: ignore[no-any-return]
    skip = entry_label_blocks(doc)
    if skip:  # (prose put among the entries is still checked)
        skip = skip - prose_among_entries(doc)
    texts: list[tuple[str, int]] = [(s.text, s.start) for s in doc.sentences
                                    if s.block not in skip]
    for _key, value, base in claimdetect.front_matter_strings(doc):
        if doc.text[base:base + len(value)] == value:
            texts.append((value, base))
    live = anyof.live
    out = [(text, base, live(text)) for text, base in texts]
    _last_texts[:] = [doc, out, anyof]
    return out


def _scan(doc: Document, group: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, words) of each match in prose sentences, headings and
    claim-bearing front-matter strings, skipping evidence entries (a cited title may
    say "breakthrough"), sentences where an 'unless' pattern cancels it, and matches
    inside a 'not-within' match. Overlapping matches are reported once."""
    anyrx, pairs, unless, not_within = _matchers(group)
    gated = group in GROUPS  # (a test not asked with the others is searched everywhere)
    for text, base, live in _texts(doc):
        if (gated and anyrx not in live) or not anyrx.search(text) or unless.search(text):
            continue
        found: list[tuple[int, int]] = []
        for rx, own_unless in pairs:
            spans = [(m.start(), m.end()) for m in rx.finditer(text) if m.end() > m.start()]
            if spans and not own_unless.search(text):
                found.extend(spans)
        if not found:
            continue
        covers = [(m.start(), m.end()) for rx in not_within for m in rx.finditer(text)]
        found.sort(key=lambda se: (se[0], -se[1]))
        last_end = -1
        kept: list[list[int]] = []
        for s, e in found:
            if s < last_end or any(cs <= s and e <= ce for cs, ce in covers):
                continue
            last_end = e
            # two matches a word or less apart, with no punctuation between, are one
            # phrase ("cures it for good", "guarantees a 100% cure"): one finding
            if kept and _JOINED.fullmatch(text, kept[-1][1], s):
                kept[-1][1] = e
            else:
                kept.append([s, e])
        for s, e in kept:
            yield base + s, base + e, " ".join(text[s:e].split())


@rule(code="CL407", name="absolute-claim", severity="error",
      summary="An absolute claim: cure, permanent or guaranteed results, totally safe.")
def absolute_claim(doc: Document, options: dict[str, Any]) -> Iterator[Problem]:  # noqa: ARG001
    """The page promises an absolute outcome: "cures", "permanent relief", "guaranteed
    results", "100% safe", "100 per cent success", "completely safe", "no side effects",
    "free from side effects", "never hurts", "never interacts with", "suitable for use
    alongside all medications", "risk-free", "miracle", "breakthrough", "works for
    everybody", "permanently kills", "fixes it permanently", "the results are
    permanent", "lifelong relief", "gone for good", "breaks the cycle for good", "once
    and for all", "a thing of the past", "never suffer from it again", "never come
    back", "so the pain doesn't return", "pain-free for life", "results for life", "we
    promise you will be pain-free", "without risk". Reported even when the sentence
    cites evidence: no evidence supports a guarantee.

    Not reported: "There is no cure for...", "no medicine cures it", "it cannot be
    cured", "most people have no side effects", "no side effects" or "no risk" naming
    what a page or a person lacks ("It contains no side effects information", "no
    side-effect data", "no risk factors"), what a trial saw ("No side effects were
    reported in the trial", "participants reported no side effects": an observation,
    not a promise; CL401 still asks it for evidence), an absolute inside a condition ("if the
    pain never comes back, ..."; what follows the condition's comma is still checked),
    the US supplement notice ("not intended to diagnose, treat, cure or prevent any
    disease"), a negated absolute ("no single treatment works for everyone", "no
    medicine is free from side effects", "unlikely to get rid of it for good",
    "acupuncture is not risk-free", "it isn't 100% safe", "surgery does not offer
    permanent relief", "there is no such thing as a miracle cure"), a warning about such
    promises ("don't believe websites that promise guaranteed results", "claims of
    permanent relief should make you suspicious"),
    permanence or a cure stated with a hedge ("usually stops the bleeding for good" is a
    fair prognosis), a cure of a proportion ("antibiotics cure most UTIs", "cures 80% of
    cases": it says how often, not always, so it is a claim for CL401 to ask evidence
    for, not an absolute; "cures 100% of cases" and "cures UTIs" are still reported), a
    refund policy or service promise ("60-day money-back guarantee",
    "satisfaction guaranteed or your money back", "free delivery guaranteed": a
    commercial promise, not a health outcome; "results guaranteed or your money back" is
    still reported), "we do not guarantee results", "no treatment can guarantee a cure",
    "no vaccine is 100% effective", and medical or food terms ("breakthrough bleeding",
    "breakthrough pain", "cured meats").

    The list follows the risky wording that advertising codes single out (the UK CAP
    Code's rules on health claims, the US FTC's health products guidance); it is data in
    `rules/risky-wording.yaml` (`absolute`). Matches a word or less apart are one
    finding ("a miracle cure", "cures it for good", "guarantees a 100% cure").

    Evidence entries are not read (a cited title may say "miracle"), but prose put among
    them is, as it is by CL410 and CL411: a paragraph of a sentence or more under
    "Notes" or "Further reading", or a footnote, that names no work and gives no year.

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
    not see a doctor, or to stop or cut down their medication: "instead of surgery", "no
    need to see a doctor", "no surgery needed", "avoids the need for surgery", "you
    won't need surgery", "you do not need surgery", "hear again without grommets", "an
    alternative to blood-thinning medication", "no need to keep dosing the family with
    chemicals", "avoid antibiotics", "ditch your inhaler", "able to reduce their steroid
    dose", "stop taking your medication", "don't bother seeing a GP", "why take drugs
    when...", "why suffer on painkillers?", "no injections, no surgery", "say no to
    opioids", "replaces the need for medication", "clients came off their medication",
    "I threw my pills in the bin", "your GP will only offer you more pills",
    "painkillers only mask the symptoms".

    Not reported: advice to talk to a prescriber first ("don't stop taking your medicine
    without talking to your GP"), routine self-care advice ("there's no need to see a GP
    for a cold", "you do not need antibiotics for a cold", "there is usually no need for
    antibiotics"), a prognosis ("most people won't need surgery", "most ear infections
    clear up without antibiotics"), safety advice about a
    medicine ("avoid painkillers such as ibuprofen if you have asthma", "stop taking the
    medicine and call 111 if you get a rash"), and a clinician offering a medical option
    ("your GP may offer physiotherapy as an alternative to surgery", "may recommend
    physiotherapy instead of surgery"). The wording is data in
    `rules/risky-wording.yaml` (`discourages-care`).

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
    "chemical-free", "non-toxic", "100% natural", "gentle and natural", "herbal, so
    safe", "plant-based, so it is completely safe", "botanicals, so there are no side
    effects", "nature's own painkiller", "without the nasty side effects of", "used for
    thousands of years, so you know it's safe", "no harsh chemicals", or that says it
    can be taken with other medicines *because* it is natural, or is "a safer choice"
    because it is plant-based or herbal ("the safer choice because it is plant-based").
    Natural is not the same as safe. "It is natural to feel anxious", "natural does not
    mean safe", a warning ("herbal remedies are not safer just because they are
    natural") and a lifestyle ("stay smoke-free and drug-free") are not reported. The
    wording is data in `rules/risky-wording.yaml` (`promotional`).

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
