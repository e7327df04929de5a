"""CL401, CL402, CL408, CL409: health claims and the evidence they cite.

Claim detection lives in :mod:`conditionlint.claimdetect`; its cues are data in
``rules/claims.yaml``.
"""

from __future__ import annotations

import re

from collections.abc import Iterator
from typing import Any

from conditionlint import claimdetect, context
from conditionlint.citations import Resolver, entry_label_blocks
from conditionlint.document import Document
from conditionlint.model import Problem
from conditionlint.registry import rule


_CLAIM_TYPES = ["efficacy", "safety", "statistic", "causal", "prognosis", "comparative",
                "mechanism"]


@rule(code="CL401", name="unsupported-claim", severity="error",
      summary="A health claim cites no evidence entry.",
      options={"properties": {
          "not-claims": {
              "type": "array", "default": [],
              "items": {"type": "string", "minLength": 1, "x-re2": True},
              "description": "Your house wording that is never a claim: regular "
                             "expressions (RE2, case-insensitive); a sentence one of them "
                             "matches is not reported."},
          "extra-cues": {
              "type": "array", "default": [],
              "items": {"type": "object", "additionalProperties": False,
                        "required": ["pattern", "type"],
                        "properties": {"pattern": {"type": "string", "minLength": 1,
                                                   "x-re2": True},
                                       "type": {"enum": _CLAIM_TYPES}}},
              "description": "Your own claim wording: `{pattern, type}` pairs (RE2, "
                             "case-insensitive, `type` one of efficacy, safety, "
                             "statistic, causal, prognosis, comparative, mechanism); an "
                             "uncited prose sentence the detector left alone that a "
                             "pattern matches is a claim of that type."}}})
def unsupported_claim(doc: Document, options: dict[str, Any]) -> Iterator[Problem]:
    """A sentence makes a health claim and cites no evidence entry a reader can check.

    Claims are efficacy ("reduces pain"), safety ("safe", "no side effects"),
    statistic or effect size ("MD -1.26", "in 40% of patients"), causal, prognosis,
    comparative ("better than painkillers") and mechanism offered as a benefit
    ("releases endorphins"). Hedged claims ("may help") are claims too: they need a
    source as much as strong ones. Descriptions, symptom lists, definitions,
    instructions, questions, headings and calls to action are not claims. A lead-in
    ending in a colon and the list that follows it are judged as the claims they form.
    In a comparison table, a cell under a column such as *How it works* or *Results*
    is a claim about its row's treatment, and a citation anywhere in the row supports
    it. Strings in the front matter (`description:`, `summary:`) are checked too.

    A claim is supported when one of its citation markers (`[@id]`, `[^1]`, `[1]`,
    `<sup>1</sup>`, `(Smith et al., 2020)`...) resolves to an evidence entry: a
    front-matter `evidence:` item, a footnote or a reference-list item that carries an
    identifier (DOI, PMID, PMCID, NCT, ISBN or URL), or a year and an author. A link
    to one work (a doi.org or PubMed address) or a labelled identifier in the sentence
    ("(doi:10...)", "PMID: 31234567") cites that work.

    The finding spans the claim sentence; the message names the claim type and the
    words that make it a claim; a claim whose citations resolve to nothing says so,
    and when they are `[@key]` markers on a page whose front matter could not be read
    (CL202), the message says that this is why (one broken line of YAML, such as an
    unquoted `: ` in a value, takes every front-matter evidence entry with it). The
    cues are data in `rules/claims.yaml`. A prose
    sentence that no cue matches, that none of the exclusions above covers and that
    cites nothing (or only markers that resolve to nothing, which CL403 reports) is
    also scored by a small trained model (weights in `rules/claim-model.yaml`): at or
    above its threshold it is a claim, of the type the model's claim-type part scores
    highest (trained on the labelled claims' types: "Minor bruising ... can happen" is
    a safety claim), and the message quotes the words that weighed most for a claim of
    that type and says "(found by the claim model)". The other way, an uncited sentence the cues took for a claim is
    let go when the model scores it below its veto (mostly descriptions of how the
    body works and instructions that carry a cue word); never a safety claim, a claim
    in strong words ("cures", "proven"), a lead-in, the items that take its cue or
    follow a lead-in naming a treatment, a comparison-table cell, a sentence that
    invokes evidence, or front matter. See
    `docs/claims.md` for how detection works and how accurate it is.

    Options let a site teach the rule its own wording: `not-claims` silences sentences
    its patterns match (house wording the detector takes for a claim), and
    `extra-cues` reports uncited prose sentences its patterns match as claims of the
    type given ("detoxifies your lymph" as efficacy); the message then says "(your
    extra cue)". Patterns are matched against the sentence's words (markup left out,
    white space folded) and run on RE2, so they take no look-arounds or
    back-references; one RE2 refuses is a configuration error (exit 2) naming the file
    and line, and an empty match counts for nothing. `extra-cues` leaves out what the
    detector leaves out: questions, calls to action and its other exclusions, a match
    after a negation in its clause ("does not align", "we make no claim that"), skipped
    sections such as the disclaimer, headings and evidence entries. Both options read
    the claim-bearing front-matter strings (`description:`...) as the detector does.

    ## Why

    A page may only say that a treatment works, is safe, or has a measured effect if a
    reader can check where that comes from.

    ## Fails

    ```markdown
    # Back pain

    Acupuncture significantly reduces back pain.
    ```

    ## Passes

    ```markdown
    ---
    title: Back pain
    evidence:
      - id: vickers2018
        title: "Acupuncture for chronic pain: update of an individual patient data meta-analysis"
        year: 2018
        design: meta-analysis
        doi: 10.1016/j.jpain.2017.11.005
    ---
    # Back pain

    Acupuncture may give short-term relief of chronic low back pain [@vickers2018].
    ```

    ## Fix

    Cite an evidence entry, or remove the claim. There is no automatic fix.
    """
    resolver = Resolver(doc)
    quiet = _compiled(options.get("not-claims", ()))
    claims = claimdetect.find_claims(doc)
    for claim in claims:
        if claimdetect.supporting_entries(resolver, claim):
            continue
        if quiet and _matches(quiet, doc.sentences[claim.sentence].text
                              if claim.sentence is not None
                              else doc.text[claim.start:claim.end]):
            continue
        why = " (found by the claim model)" if claim.by_model else ""
        if claim.citations:
            unresolved = all(e is None for c in claim.citations
                             for _, e in resolver.resolve(c))
            why = " (its citation resolves to nothing)" if unresolved \
                else " that a reader can check (no identifier in what it cites)"
            fm = doc.front_matter
            if unresolved and fm is not None and fm.error is not None \
                    and _lost_with_front_matter(doc.text[fm.start:fm.end], claim.citations):
                # one mistake, named where it is: the [@key] entries live in a front
                # matter that could not be read, so the reader is sent to CL202
                why = (" (its citation resolves to nothing: the front matter, where its"
                       " evidence entries are, could not be read; see CL202)")
        yield Problem(claim.start, claim.end,
                      f"{claim.cue.label} ('{claim.cue.text}') cites no evidence entry{why}")
    cues = options.get("extra-cues", ())
    if cues:
        yield from _extra_cue_claims(doc, resolver, claims, cues, quiet)


def _lost_with_front_matter(raw: str, citations: Any) -> bool:
    """Whether a ``[@key]`` of the claim may name an entry of a front matter that could
    not be read: the unread text has an ``evidence:`` list or holds the key. (A page
    whose front matter has no entries would still cite nothing once it is mended.)"""
    keys = [k for c in citations if c.kind == "pandoc" for k in c.keys]
    return bool(keys) and (_EVIDENCE_KEY.search(raw) is not None
                           or any(k in raw for k in keys))


_EVIDENCE_KEY = re.compile(r"(?m)^evidence[ \t]*:")


def _compiled(patterns: Any) -> list[Any]:
    """A user's patterns compiled on RE2 (once a process: yamlrules.compile_re2)."""
    if not patterns:
        return []  # (the common case: nothing to import)
    from conditionlint.yamlrules import compile_re2

    return [compile_re2(p) for p in patterns]


def _matches(patterns: list[Any], text: str) -> bool:
    """Whether one of a user's patterns matches the sentence's words (markup masked,
    white space folded), with at least one character: a pattern that can match the
    empty string ("x*", "cures|") silences nothing by that empty match."""
    words = " ".join(text.split())
    return any(m.end() > m.start() for p in patterns for m in p.finditer(words))


def _extra_cue_claims(doc: Document, resolver: Resolver, claims: list[claimdetect.Claim],
                      cues: list[dict[str, str]], quiet: list[Any]) -> Iterator[Problem]:
    """``extra-cues``: prose sentences (not headings, evidence entries or a skipped
    section such as the disclaimer) and claim-bearing front-matter strings
    (``description:``...) that no claim covers, that the detector's exclusions
    (questions, calls to action, doubt) leave in, that cite nothing a reader can check,
    and in which a user's pattern matches, not right after a negation ("does not align
    your chakras")."""
    compiled = list(zip([c["type"] for c in cues], _compiled([c["pattern"] for c in cues]),
                        strict=True))
    lex = claimdetect.lexicon()

    def cue(text: str) -> tuple[str, str] | None:
        """(type, matched words) of the first user cue that reports ``text``."""
        words = " ".join(text.split())
        if quiet and _matches(quiet, words):
            return None
        if words.rstrip(" )\"'\u201d*_").endswith("?") \
                or claimdetect.excluded(words):
            return None
        for kind, rx in compiled:
            m = next((m for m in rx.finditer(words) if m.end() > m.start()
                      and not claimdetect.negated_before(words, m.start())), None)
            if m is not None:
                return kind, m.group()
        return None

    def problem(start: int, end: int, found: tuple[str, str]) -> Problem:
        return Problem(start, end, f"{claimdetect.claim_label(found[0])} ('{found[1]}') cites "
                                   f"no evidence entry (your extra cue)")

    taken = {c.sentence for c in claims if c.sentence is not None}
    cites = claimdetect.sentence_citations(doc)
    entries = entry_label_blocks(doc)
    kinds = claimdetect.section_kinds(doc)
    for s in doc.sentences:
        if s.index in taken or s.block in entries or doc.blocks[s.block].kind == "heading" \
                or claimdetect.in_skipped_section(kinds[s.block], lex):
            continue
        found = cue(s.text)
        if found is not None and not claimdetect.cites_checkable(resolver,
                                                                 cites.get(s.index, [])):
            yield problem(s.start, s.end, found)
    # front matter: the strings the detector reads for claims, split as it splits them
    fm_cites = [c for c in doc.citations if c.block == -1]
    page = claimdetect.page_words(doc) if doc.front_matter is not None else None
    for text, cs, ce, _ in claimdetect.front_matter_sentences(doc):
        found = cue(text)
        if found is None or claimdetect.classify(text, page=page) is not None:
            continue  # no cue of the site's, or the detector's own claim (reported already)
        if not claimdetect.cites_checkable(resolver, [c for c in fm_cites if cs <= c.start < ce]):
            yield problem(cs, ce, found)


@rule(code="CL402", name="vague-evidence", severity="warning",
      summary="Evidence is invoked without an identifiable source.")
def vague_evidence(doc: Document, options: dict[str, Any]) -> Iterator[Problem]:  # noqa: ARG001
    """Evidence is invoked without a source a reader could find: "studies show",
    "research suggests", "experts agree", "clinically proven", "a 2025 meta-analysis",
    "recent RCTs", "according to NCCIH" with no document, "a study published in the
    Journal of X", a guideline body or guidelines with no document ("the Task Force
    recommends", "recommended in national guidelines"; not "the 2019 ESC guidelines" or
    "NICE guidance (NG59)", named with a year or number).

    A sentence whose citation resolves to an evidence entry is not reported: "a 2018
    meta-analysis [@vickers2018]" names its source. The wording is data in
    `rules/claims.yaml` (`vague-evidence`).

    ## Why

    "Studies show" cannot be checked. Readers and reviewers need the study itself.

    ## Fails

    ```markdown
    # Back pain

    A 2025 meta-analysis confirmed the benefit.
    ```

    ## Passes

    ```markdown
    ---
    title: Back pain
    evidence:
      - id: vickers2018
        title: "Acupuncture for chronic pain: update of an individual patient data meta-analysis"
        year: 2018
        design: meta-analysis
        doi: 10.1016/j.jpain.2017.11.005
    ---
    # Back pain

    A 2018 meta-analysis found a modest benefit over sham [@vickers2018].
    ```

    ## Fix

    Name the study and cite it as an evidence entry. There is no automatic fix.
    """
    resolver = Resolver(doc)
    cites = claimdetect.sentence_citations(doc)
    entry_blocks = entry_label_blocks(doc)
    for s in doc.sentences:
        if s.block in entry_blocks:
            continue
        if claimdetect.cites_checkable(resolver, cites.get(s.index, [])):
            continue
        for a, b in claimdetect.vague_matches(s.text, attributed=bool(cites.get(s.index))):
            words = " ".join(s.text[a:b].split())
            yield Problem(s.start + a, s.start + b,
                          f"vague evidence ('{words}'): name the source and cite it as an "
                          f"evidence entry")
    fm_cites = [c for c in doc.citations if c.block == -1]
    for _key, value, base in claimdetect.front_matter_strings(doc):
        if doc.text[base:base + len(value)] != value:
            continue
        # a sentence of the value whose citation resolves names its source
        named = [(s, e) for s, e in claimdetect.splitter.split(value)
                 if claimdetect.cites_checkable(
                     resolver, [c for c in fm_cites if base + s <= c.start < base + e])]
        for a, b in claimdetect.vague_matches(value):
            if any(s <= a < e for s, e in named):
                continue
            words = " ".join(value[a:b].split())
            yield Problem(base + a, base + b,
                          f"vague evidence ('{words}'): name the source and cite it as an "
                          f"evidence entry")


@rule(code="CL408", name="overstated-claim", severity="warning",
      summary="The claim's wording is stronger than the evidence it cites.")
def overstated_claim(doc: Document, options: dict[str, Any]) -> Iterator[Problem]:  # noqa: ARG001
    """A claim in strong, unhedged wording ("proven", "cures", "reduces", "relieves",
    "is effective", "lowers", "treats", "works for", "boosts", "reduced ... by half";
    `rules/claims.yaml`: `strong` and `overstated`) cites only weak evidence: case
    series, expert opinion, animal or in-vitro work (`design:`), or entries of
    `certainty: low` or `very-low`.

    Hedged wording ("may", "can", "might", "some people") is fine for low-certainty
    evidence. Reference-list items count by the design words in their titles
    ("case series", "in rats", "in vitro"). A link to one work counts by the design its
    text names ("[a 2019 study in mice](https://doi.org/...)"), or its sentence when
    the link is the sentence's only work ("A case series ([Lee](...)) found..."); a
    link whose words name no design, or several, is not judged.

    ## Why

    Low-certainty evidence means the true effect may be substantially different.
    Strong wording tells readers the opposite.

    ## Fails

    ```markdown
    ---
    title: Neck pain
    evidence:
      - id: lee2020
        title: "Cupping for neck pain: a case series"
        year: 2020
        design: case-series
        doi: 10.1000/xyz123
    ---
    # Neck pain

    Cupping relieves neck pain [@lee2020].
    ```

    ## Passes

    ```markdown
    ---
    title: Neck pain
    evidence:
      - id: lee2020
        title: "Cupping for neck pain: a case series"
        year: 2020
        design: case-series
        doi: 10.1000/xyz123
    ---
    # Neck pain

    Cupping may ease neck pain for some people, but the evidence is very limited [@lee2020].
    ```

    ## Fix

    Hedge the claim to match its evidence, or cite stronger evidence.
    """
    lex = claimdetect.lexicon()
    resolver = Resolver(doc)
    for claim in claimdetect.find_claims(doc):
        if claim.hedged:
            continue
        text = doc.text[claim.start:claim.end]
        strong = (lex.overstated or lex.strong).search(text)
        if not strong:
            continue
        entries = claimdetect.supporting_entries(resolver, claim)
        if not entries:
            continue
        weak = []
        for e in entries:
            design = str(e.fields.get("design", "")).lower()
            certainty = str(e.fields.get("certainty", "")).lower()
            if design in lex.weak_designs:
                weak.append(f"'{e.key}' is {design.replace('-', ' ')}")
            elif certainty in lex.weak_certainty:
                weak.append(f"'{e.key}' has {certainty} certainty")
            else:
                break
        else:
            words = " ".join(strong.group().split())
            yield Problem(claim.start, claim.end,
                          f"'{words}' overstates the evidence cited ({'; '.join(weak)}): "
                          f"hedge the claim (e.g. 'may')")


@rule(code="CL409", name="outdated-evidence", severity="info",
      summary="The newest evidence a claim cites is old.",
      options={"properties": {"years": {
          "type": "integer", "minimum": 1, "default": 10,
          "description": "Evidence older than this many years (by publication year) "
                         "is outdated."}}})
def outdated_evidence(doc: Document, options: dict[str, Any]) -> Iterator[Problem]:
    """The newest evidence entry a claim cites was published more than `years` years
    ago (default 10), counting from today (`--today` sets it).

    Entries without a year are ignored, and so is a front-matter year before 1800 or
    after 2200 (CL203 reports it); for footnotes and reference-list items the
    year of the journal citation is used ("Spine. 2005;30:1-5", or a year alone after
    a full stop: "BMJ. 2018."), else the first year in the text, so a year in the
    title ("a 2024 re-analysis of the 1998 trial") is not taken for the date.

    ## Why

    Health evidence moves: newer trials and reviews may overturn an old finding.

    ## Fails

    ```markdown
    ---
    title: Back pain
    evidence:
      - id: smith2001
        title: "Heat wraps for acute low back pain: a randomised trial"
        year: 2001
        design: rct
        doi: 10.1000/heat2001
    ---
    # Back pain

    Heat wraps may ease acute low back pain [@smith2001].
    ```

    ## Passes

    ```markdown
    ---
    title: Back pain
    evidence:
      - id: smith2021
        title: "Heat wraps for acute low back pain: a randomised trial"
        year: 2021
        design: rct
        doi: 10.1000/heat2021
    ---
    # Back pain

    Heat wraps may ease acute low back pain [@smith2021].
    ```

    ## Fix

    Look for newer evidence (a recent systematic review) and cite it.
    """
    years = claimdetect.options_years(options)
    today = context.current().today
    resolver = Resolver(doc)
    for claim in claimdetect.find_claims(doc):
        dated = []
        for e in claimdetect.supporting_entries(resolver, claim):
            y = e.fields.get("year")
            if isinstance(y, int) or (isinstance(y, str) and y.isdigit()):
                dated.append(int(y))
        if dated and today.year - max(dated) > years:
            yield Problem(claim.start, claim.end,
                          f"the newest evidence this claim cites is from {max(dated)}, "
                          f"more than {years} year{'s' if years != 1 else ''} old")
