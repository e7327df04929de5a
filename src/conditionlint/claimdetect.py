"""Which sentences make health claims, and which citations support them.

Everything that decides *what counts* (cues per claim type, hedges, exclusions,
vague-evidence wording, and the clause and word shapes under ``clause-patterns`` and
``shapes``) is data in ``rules/claims.yaml``; this module only applies it, with the
structure it keeps in code (punctuation, markup, list markers, and grammar skeletons of
a few function words):

1. A sentence is a candidate when it is prose: not a heading (nor a flattened heading,
   a short line alone in a paragraph, as scraped pages have), not a footnote
   definition or reference-list item, not in a skipped section (disclaimer).
2. Exclusions (questions, calls to action, "no evidence that...") and instructions
   (imperative openings, unless a clause explains why) are not claims.
3. The earliest cue names the claim type (a recovery prediction that overlaps an
   efficacy cue is a prognosis). A cue right after a negation does not count. In
   descriptive sections (symptoms, causes, diagnosis...) only treatment claims count:
   efficacy, safety, comparative; plus, in a Causes section's unhedged prose (not its
   list items), causal claims (``section-types`` in the lexicon).
4. Lead-in plus list: a sentence ending in ':' followed by list items (or, on flattened
   text, by "Label: text" paragraphs) lends its cue and its citations to the items.
5. Citations belong to the sentence they follow: a marker at the very start of a
   sentence (a masked ``<sup>1</sup>`` after the full stop) supports the previous one.
6. When ``rules/claim-model.yaml`` is enabled, prose the rules gave no cue (and that
   no exclusion, instruction or citation takes out) is scored by the claim model
   (:mod:`conditionlint.claimmodel`); at or above its threshold it is a claim too.
   The other way, an uncited sentence the rules took for a claim is let go when the
   model scores it below its ``veto`` (a description or an instruction with a cue word).
"""

from __future__ import annotations

import itertools
import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from conditionlint import citations as citemod
from conditionlint import claimmodel
from conditionlint import claimstructure as structmod
from conditionlint import sentences as splitter
from conditionlint.claimstructure import ShapePattern
from conditionlint.document import Block, Citation, Document, EvidenceEntry, Sentence
from conditionlint.fastinit import fast_init
from conditionlint.gated import (Alternation, Alternations, Openings, by_first_letter,
                                 compile_guarded, gate_as, gated_search, twinned)

_NO_PAGE = structmod.PageWords()
FM_CLAIM_KEYS = ("description", "summary", "excerpt", "subtitle", "tagline", "lead",
                 "meta_description", "seo_description")


@dataclass(frozen=True)
class Lexicon:
    types: tuple[tuple[str, str, tuple[Alternation, ...]], ...]  # (type, label, patterns)
    exclusions: Alternation
    imperative: re.Pattern[str]
    reasons: Alternation
    hedges: Alternation
    strong: Alternation
    vague: Alternations  # a tuple of Alternation
    # every cue alternation of ``types``, asked in one step which can match a text
    type_alternations: Alternations
    # the exclusions without the marked ones (see _excluded)
    plain_exclusions: Alternation
    descriptive: frozenset[str]
    skipped: frozenset[str]
    weak_designs: frozenset[str]
    weak_certainty: frozenset[str]
    # descriptive section kind -> claim types that count in its prose (not list items)
    section_types: tuple[tuple[str, frozenset[str]], ...] = ()
    # structural word classes searched as gated alternations (claimstructure): built
    # here so that their literal gates are in rules/pattern-gates.json too
    outcomes: Alternation | None = None
    testimonials: Alternation | None = None
    # Round 18 mends: a review's time marker ("After the second session I ...") is an
    # outcome only inside a customer review; a timed harm there is a safety claim
    review_outcomes: Alternation | None = None
    # CL408's strong wording: "strong" and the lexicon's "overstated" (not a claim cue)
    overstated: Alternation | None = None
    review_harms: Alternation | None = None
    # Fifteenth session: a reviewer's short verdict ("Does the job."), which the claim
    # model's veto keeps (the outcomes marked '(?#verdict)', which stay outcomes too)
    verdicts: Alternation | None = None
    # Round 18 mends: a sentence whose subject is a treatment ("Steroid tablets are ...")
    treatment_subject: re.Pattern[str] | None = None
    treatment_word: re.Pattern[str] | None = None
    frequencies: Alternation | None = None
    # hedged wording that still names a cause or harm ("can trigger"): counts in the
    # prose of a section whose ``section-types`` allow causal statements
    hedged_causes: Alternation | None = None
    # vague wording that is CL402 only: alone it claims nothing ("Dermatologically tested")
    vague_only: Alternation | None = None
    # a lead-in or heading that opens a list of conditions ("See a GP if:")
    condition_lead: Alternation | None = None
    # comparison tables: (claim type, header pattern) and cells that state nothing
    table_columns: tuple[tuple[str, re.Pattern[str]], ...] = ()
    table_skips: re.Pattern[str] | None = None
    # claim type -> what a cell under such a column must say to be a claim by it
    table_needs: tuple[tuple[str, re.Pattern[str]], ...] = ()
    # sections whose prose claims by standing there: (section kind, claim type, the
    # section's name for the message)
    section_defaults: tuple[tuple[str, str, str], ...] = ()
    # Round 23: cue alternations that name the claim only when no other listed cue does
    # ('(?#fallback)' patterns, see _split)
    fallbacks: frozenset[Alternation] = frozenset()


# Round 18 mends: a sentence whose subject is a treatment ("Steroid tablets are taken for
# five days"): a treatment word among its first words, no preposition before it (not
# "Roadworks near the surgery car park"); '%s' is the lexicon's treatment words
_TREATMENT_SUBJECT = (r"^\W{0,40}(?:(?!(?:of|for|with|near|to|about|from|by|at|in|on|after|before|"
                      r"during|without)\b)[\w()'-]+,?\s+){0,4}?(?:%s)\b")


_SPACE = re.compile(r"(?<!\\) ")


def spaced(pattern: str) -> str:
    """A space in a lexicon pattern matches any run of white space: hard-wrapped
    sentences break lines anywhere, and masked markup leaves several spaces."""
    return (pattern if " " not in pattern else _SPACE.sub(r"\\s+", pattern) if "\\ " in pattern
            else pattern.replace(" ", "\\s+"))  # (no escaped space: every space, at C speed)


def with_fragments(patterns: list[str], fragments: dict[str, str]) -> list[str]:
    """The patterns with each ``{name}`` replaced by the lexicon's fragment of that name
    (a named part written once, used by several long patterns; a fragment holds no
    other fragment)."""
    if not fragments:
        return list(patterns)
    out = []
    for p in patterns:
        if "{" in p:
            for name, part in fragments.items():
                p = p.replace("{" + name + "}", part)
        out.append(p)
    return out


def _alt(patterns: list[str], designs: str = "") -> Alternation:
    # One alternation, searched through literal gates and compiled lazily (see
    # conditionlint.gated): most sentences hold the words of only a few patterns.
    return Alternation([spaced(p.replace("{design}", designs)) for p in patterns])


# Round 23 (review 22 D7): a cue pattern that opens with '(?#fallback)' names the claim
# only when no other listed cue of any type is found in the sentence, so the sentences
# that earlier patterns found keep the cue (message, baseline hash) they had before it
_FALLBACK = "(?#fallback)"


def _split(patterns: list[str], interventions: str) -> tuple[Alternation, ...]:
    """Patterns with a 'verb' group stand alone (the group names the cue); the rest
    are joined into one alternation, the fallback ones (``_FALLBACK``) apart from the
    others. ``interventions`` replaces "{intervention}" (the list grouped by first
    letter: see ``lexicon``)."""
    out: list[Alternation] = []
    for fallback in (False, True):
        these = [p.replace("{intervention}", interventions) for p in patterns
                 if p.startswith(_FALLBACK) == fallback]
        plain = [p for p in these if "(?P<verb>" not in p]
        out += [_alt(plain)] if plain else []
        out += [Alternation([spaced(p)]) for p in these if "(?P<verb>" in p]
    return tuple(out)


def _is_fallback(rx: Alternation) -> bool:
    return all(p.startswith(_FALLBACK) for p in rx.patterns)


# Review 23 mends: a fallback cue (round 23's families) has no context of its own, so it
# holds only when its subject does not negate it ("Nothing keeps the skin smooth for
# long", "No cream works just as well"), it is no open question ("We are testing whether
# the gel works just as well"), the body is not at its normal work ("Your body keeps your
# temperature level", as for the structure, round 17), and a cause ranked by "the main
# reason" is said of health or a treatment ("The weather is the main reason the clinic
# closes early"); "works just as well" is checked in ``rule_claims`` (``_AS_WELL``)
_NO_SUBJECT = re.compile(
    r"(?:^|[,;:\u2013\u2014]\s*)\W*(?:nothing|none(?:\s+of\s+[\w-]+)?|neither|no(?:\s+[\w-]+){1,3})\s+$",
    re.I)
_OPEN_QUESTION = re.compile(r"\b(?:whether|if)\s+(?:[\w-]+\s+){0,4}$", re.I)
_NEEDS_HEALTH = re.compile(r"\bthe main reason\b", re.I)
# (a treatment's match is checked in ``rule_claims``, where a treatment section lends
# the subject: "## Treatment" + "Hyfrecation costs less and works just as well")
_AS_WELL = re.compile(r"\bas well\b", re.I)


def _fallback_holds(text: str, cue: Cue, page: structmod.PageWords | None, lo: int) -> bool:
    before = text[lo:cue.start]
    if _NO_SUBJECT.search(before) or _OPEN_QUESTION.search(before):
        return False
    if _body_at_work(text, cue, page, lo):
        return False
    return not _NEEDS_HEALTH.search(cue.text) or _health_anchor(text, page) \
        or structmod.names_treatment(text, page)


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    from conditionlint.yamlrules import lexicon as load

    d = load("claims")
    st = d.get("structure", {})
    designs = "|".join(d["designs"])
    # the structural word list names treatments too ("our [\w-]+" is for it alone)
    extra = [w for w in d.get("structure", {}).get("interventions", []) if " " not in w]
    flat = "|".join(list(d.get("interventions", [])) + extra) or r"(?!)"
    # grouped by first letter (fifteenth session, second pass: the same matches, see
    # gated.by_first_letter; "^\W{,40}(?:[\w-]+ ){0,4}?(?:{intervention}) ..." tried the
    # whole list after each of a sentence's first five words, 2.8 times slower), and gated
    # as the flat list would be (the grouped form hides whole words from the gate).
    # (spaced: the patterns' spaces are "\s+" by then; no intervention starts or ends
    # with a space, so the grouped list's text stands whole in each pattern)
    interventions = by_first_letter(list(d.get("interventions", [])) + extra) or r"(?!)"
    gate_as(spaced(interventions), spaced(flat))
    types = tuple((name, spec["label"], _split(spec["patterns"], interventions))
                  for name, spec in d["claim-types"].items())
    fallbacks = frozenset(rx for _name, _label, rxs in types for rx in rxs if _is_fallback(rx))
    imps = sorted(d.get("imperatives", []), key=len, reverse=True)
    # a space in an imperative matches any white space ("Come\nback if...")
    imperative = re.compile(r"^\W*(?:%s)\b" % "|".join(re.escape(w).replace(r"\ ", r"\s+")
                                                     for w in imps) if imps
                            else r"(?!)", re.I)
    exclusions = _alt(with_fragments(d["exclusions"]["patterns"], d.get("fragments", {})))
    return Lexicon(
        types=types, exclusions=exclusions, fallbacks=fallbacks,
        type_alternations=Alternations(rx for _name, _label, rxs in types for rx in rxs),
        plain_exclusions=Alternation([p for p in exclusions.patterns
                                      if not _MARKED.search(p)]),
        imperative=Openings(imperative, imps),  # type: ignore[arg-type]
        reasons=_alt(d.get("imperative-reasons", [])), hedges=_alt(d["hedges"]["patterns"]),
        strong=_alt(d["strong"]["patterns"]),
        overstated=_alt(d["strong"]["patterns"] + d.get("overstated", {}).get("patterns", [])),
        vague=Alternations(Alternation([spaced(p.replace("{design}", designs))])
                           for p in d["vague-evidence"]["patterns"]),
        descriptive=frozenset(d.get("descriptive-sections", [])),
        skipped=frozenset(d.get("skipped-sections", [])),
        weak_designs=frozenset(d.get("weak-designs", [])),
        weak_certainty=frozenset(d.get("weak-certainty", [])),
        section_types=tuple((k, frozenset(v))
                            for k, v in d.get("section-types", {}).items()),
        outcomes=_alt([p for p in st.get("outcomes", []) if not p.startswith("(?#review")]),
        testimonials=_alt(st.get("testimonials", [])),
        frequencies=_alt(st.get("frequencies", [])),
        review_outcomes=_alt([p for p in st.get("outcomes", []) if p.startswith("(?#review)")]),
        review_harms=_alt([p for p in st.get("outcomes", [])
                           if p.startswith("(?#review harm)")]),
        verdicts=_alt([p for p in st.get("outcomes", []) if p.startswith("(?#verdict)")]),
        treatment_subject=re.compile(_TREATMENT_SUBJECT % interventions, re.I),
        treatment_word=re.compile(r"\b(?:%s)\b" % interventions, re.I),
        hedged_causes=_alt(d.get("hedged-causes", [])),
        vague_only=_alt(d.get("vague-only", [])),
        condition_lead=_alt(d.get("condition-lead-ins", [])),
        table_columns=tuple((kind, re.compile("|".join(f"(?:{p})" for p in pats), re.I))
                            for kind, pats in d.get("table-columns", {}).items() if pats),
        section_defaults=tuple((k, v["type"], v.get("name", k))
                               for k, v in d.get("section-defaults", {}).items()),
        table_skips=re.compile("|".join(f"(?:{p})" for p in d.get("table-cell-skips", []))
                               or r"(?!)", re.I),
        table_needs=tuple((kind, re.compile("|".join(f"(?:{p})" for p in pats), re.I))
                          for kind, pats in d.get("table-cell-needs", {}).items() if pats))


@lru_cache(maxsize=None)
def _clause(name: str) -> re.Pattern[str]:
    """A clause or list shape of the claims lexicon (``clause-patterns``), compiled once;
    one that the lexicon does not give matches nothing."""
    from conditionlint.yamlrules import lexicon as load

    pattern = load("claims").get("clause-patterns", {}).get(name)
    # behind its first-character guard and kept in the compiled-pattern store, as the
    # lexicon's other patterns are; behind its literal gate (seventeenth session: the
    # harm verbs were searched in 11,558 sentences over 1,000 pages and matched none)
    if not pattern:
        return twinned(compile_guarded(r"(?!)", re.I))
    return gated_search(twinned(compile_guarded(pattern, re.I)), pattern, re.I)


@fast_init
@dataclass(frozen=True, slots=True)
class Cue:
    type: str
    label: str
    text: str  # the matched words, white space folded
    start: int  # source offsets of the cue
    end: int
    # Round 23: named by a '(?#fallback)' pattern, which yields to any other cue, a
    # section's default too
    fallback: bool = False


@fast_init
@dataclass(frozen=True, slots=True)
class Claim:
    start: int  # the claim sentence, trimmed of a leading citation marker
    end: int
    cue: Cue
    citations: tuple[Citation, ...]
    hedged: bool
    sentence: int | None  # index into doc.sentences; None for front matter
    inherited: bool = False  # the cue came from a lead-in sentence
    by_model: bool = False  # no rule matched; the claim model scored it (claimmodel)


@fast_init
@dataclass(frozen=True, slots=True)
class Candidate:
    """A prose sentence the rules passed over where a claim could stand: the claim
    model's input (see :func:`_model_claims`)."""
    sentence: int
    start: int
    end: int
    masked: str  # masked prose from ``start``
    kinds: frozenset[str]  # section kinds of its block
    block: Block

    def features(self) -> list[str]:
        return model_features(self.masked, self.kinds, self.block)


# (the first few clauses, each to a bounded length: the check stays linear)
_CLAUSES, _CLAUSE_CHARS = 8, 200
_MARK = re.compile(r"r\d+")  # (numbered: the joined alternation needs distinct names)
_MARKED = re.compile(r"\(\?P<r\d+>\)")


def _excluded(text: str, lex: Lexicon, page: structmod.PageWords | None, depth: int) -> bool:
    """Whether an exclusion takes the sentence out. Round 17 mend: an exclusion marked
    with an empty group ``(?P<r1>)`` (the service, the procedure or self-care described)
    holds only when no clause in the rest of the sentence, after the group, claims: a
    clause after "and", "so", "but", "then", a comma, "that", "which", "who" or "to" that
    has a cue when classified on its own (or with "They" before it) or names an outcome
    ("Our podiatrists treat the whole foot and stop heel pain coming back", "The
    procedure is performed under local anaesthetic and has a 95% success rate", "...
    uses a heated needle to switch off the pain nerve"), or a qualifier of outcome ("in
    one visit with no scarring"); not a list of nouns ("treat runners, dancers and office
    workers") nor the object itself ("This usually involves releasing the tissue")."""
    m = lex.exclusions.search(text)
    if m is None:
        return False
    if depth < _MAX_DEPTH and _claim_before(text, m.start(), page, depth):
        return False
    mark = next((g for g in m.re.groupindex if _MARK.fullmatch(g) and m.group(g) is not None),
                None)
    if mark is None or depth >= _MAX_DEPTH:
        return True
    rest = text[m.end(mark):]
    if not _OUTCOME_QUALIFIER.search(rest) \
            and not any(_claiming_clause(rest[c.end():c.end() + _CLAUSE_CHARS], page, depth)
                        for c in itertools.islice(_FOLLOWING_CLAUSE.finditer(rest),
                                                  _CLAUSES)):
        return True
    return lex.plain_exclusions.search(text) is not None


# Round 21b: where an earlier clause ends ("Hills tend to aggravate it, so we'll help you
# plan around that", "It is rarely serious, but call 999 if ...", "CoQ10 is harmless, but I
# didn't notice any difference"): a comma with "but", "so", "although", "though", "while",
# "whereas" or "yet" after it, a semicolon, or a spaced dash. (Not a bare comma nor "and":
# a list runs on there.) A sentence opening with a condition or a time ("If it has not
# improved within two weeks, see your GP") makes no claim in its first clause, nor does
# a question.
_EARLIER_CLAUSE_END = ShapePattern("earlier-clause-end", re.I)
# (doubt about the evidence is about the whole sentence: "Some people say it keeps
# outbreaks away, but there's little good evidence for it", "it has not been shown to
# help", "more research is needed"; review 21 D8: doubt, not any word for evidence: ",
# so book a consultation to discuss our research" is a call to action)
_EVIDENCE_DOUBT = ShapePattern("evidence-doubt", re.I)
_HEAD_CONDITION = ShapePattern("head-condition", re.I)


def _claim_before(text: str, start: int, page: structmod.PageWords | None, depth: int) -> bool:
    """Round 21b: an exclusion that stands in a later clause (after the last clause end
    before ``start``) takes out that clause only: the sentence stays a candidate when the
    clauses before it, judged alone, claim. Doubt about the evidence after the clause end
    still takes out the whole sentence. (Before, an exclusion anywhere in a sentence
    silenced a claim made ahead of it.)"""
    if "?" in text or _HEAD_CONDITION.match(text):
        return False
    end = None
    for b in _EARLIER_CLAUSE_END.finditer(text, 0, start + 1):
        if b.end() <= start and b.start() > 0:
            end = b
    if end is None or _EVIDENCE_DOUBT.search(text, end.end()):
        return False
    head = text[:end.start()]
    return len(head.split()) >= 3 and classify(head, page=page, depth=depth + 1) is not None


# (a clause that can stand alone after it: ", but/so/yet/although/though" or a semicolon;
# not a dash, which adds a gloss ("I'm not a doctor – just a mum who ...", "Book today –
# the first step to ..."), nor ", while/whereas", which describe a contrast)
_LATER_CLAUSE = ShapePattern("later-clause-start", re.I)


def _claim_after(text: str, lex: Lexicon, page: structmod.PageWords | None, depth: int,
                 descriptive: bool, allowed: frozenset[str], testimonial: bool,
                 item: bool) -> Cue | None:
    """Round 22: an exclusion in a first clause takes out that clause only: the cue of
    the clauses after the first clause end that follows it ("A numb patch can be a sign
    of a stretched nerve; this usually recovers by itself", "We treat 500 patients a
    year, but eczema clears in most"), judged alone, or None. Not in a question, nor
    with doubt about the evidence anywhere in the sentence."""
    if depth >= _MAX_DEPTH or "?" in text:
        return None
    m = lex.exclusions.search(text)
    b = _LATER_CLAUSE.search(text, m.end()) if m is not None else None
    if b is None or _EVIDENCE_DOUBT.search(text):
        return None
    tail = text[b.end():]
    if len(tail.split()) < 3:
        return None
    cue = classify(tail, descriptive, page, allowed, testimonial, item, depth + 1)
    if cue is None:
        return None
    return Cue(cue.type, cue.label, cue.text, b.end() + cue.start, b.end() + cue.end,
               fallback=cue.fallback)


# (Round 19 mends: also after a colon and "because": "We're often asked whether it
# works: it does", "Doctors are investigating it because it halved attacks")
_FOLLOWING_CLAUSE = re.compile(r"(?:[,:]\s*(?:and|so|but|then)?|\b(?:and|so|but|then|that|which|who|to|because))\s+",
                               re.I)
_OUTCOME_QUALIFIER = ShapePattern("outcome-qualifier", re.I, space=True)
_OUTCOME_WORD = ShapePattern("outcome-word", re.I, space=True)


_CLAUSE_STOP = re.compile(r"[,;:(]|\b(?:such as|if|when|unless)\b", re.I)


def _claiming_clause(clause: str, page: structmod.PageWords | None, depth: int) -> bool:
    # (to the next comma or condition: "suggest things to help, such as a cream")
    end = _CLAUSE_STOP.search(clause)
    clause = clause[:end.start()] if end else clause
    if len(clause.split()) < 3:
        return False
    if _OUTCOME_WORD.search(clause):
        return True
    return classify(clause, page=page, depth=depth + 1) is not None \
        or classify("They " + clause, page=page, depth=depth + 1) is not None


_type_items: list[Any] = [None, ()]  # [lexicon, its ((type, label), pattern) pairs]


def _types_of(lex: Lexicon) -> tuple[tuple[tuple[str, str], Alternation], ...]:
    """``((type, label), pattern)`` of ``lex.types``, in order: the items that
    :meth:`Alternations.live_in` walks for a sentence (sixteenth session: it gives each
    live pattern's candidates with it, remembered per set of gate literals, instead of
    the live set, then each pattern's gates asked again by its ``finditer``)."""
    if _type_items[0] is not lex:
        _type_items[0] = lex
        _type_items[1] = tuple(((name, label), rx) for name, label, rxs in lex.types
                               for rx in rxs)
    return _type_items[1]


def classify(text: str, descriptive: bool = False,
             page: structmod.PageWords | None = None,
             allowed: frozenset[str] = frozenset(), testimonial: bool = False,
             item: bool = False, depth: int = 0) -> Cue | None:
    """The claim cue of one sentence of masked prose (offsets relative to ``text``).

    Listed cues first; when none matches, the sentence's structure (an effect or outcome
    with an intervention, a testimonial subject or a health object, see
    :mod:`conditionlint.claimstructure`). In a descriptive section only treatment
    claims count, plus the types in ``allowed`` (causal statements in a Causes
    section's prose). In a ``testimonial`` (a quoted customer review, see
    :func:`testimonial_lines`) the reviewer is the subject of any outcome."""
    lex = lexicon()
    if _excluded(text, lex, page, depth):
        return _claim_after(text, lex, page, depth, descriptive, allowed, testimonial, item)
    imp = lex.imperative.match(text)
    # Round 18: an imperative word that a modal or "is/are" follows is the sentence's
    # subject, a noun ("Rest can help relieve pain", "Ice may reduce the swelling")
    imperative = imp is not None and not _NOUN_OPENING.match(text, imp.end())
    if imperative and not lex.reasons.search(text):
        # "Don't scratch the blisters – breaking the skin lets germs in": an
        # instruction claims nothing unless its reason clause does
        return _reason_cue(text, page, depth)
    best: Cue | None = None
    prognosis: Cue | None = None
    # "If you don't feel an improvement after three sessions, your fourth is free": the
    # condition claims nothing; only the main clause can
    cond = _CONDITION.match(text)
    lo = cond.end() if cond else 0
    fallback: Cue | None = None
    # (the others match nothing here)
    for (name, label), rx, cands in lex.type_alternations.live_in(text, _types_of(lex)):
        if descriptive and name not in ("efficacy", "safety", "comparative") \
                and name not in allowed:
            continue
        m = _first_affirmed(rx, text, descriptive, lo, cands)
        if not m:
            continue
        a, b = m.span("verb") if "verb" in m.re.groupindex else m.span()
        cue = Cue(name, label, " ".join(text[a:b].split()), a, b)
        if rx in lex.fallbacks:
            if fallback is None or a < fallback.start:
                fallback = Cue(name, label, cue.text, a, b, fallback=True)
            continue
        if name == "prognosis" and (prognosis is None or a < prognosis.start):
            prognosis = cue
        if best is None or a < best.start:
            best = cue
    if best is not None and prognosis is not None and best.type == "efficacy" \
            and prognosis.start < best.end + 1:
        # "They usually clear up without treatment within 7 to 10 days": a recovery
        # prediction that shares its verb with an efficacy cue is a prognosis.
        best = prognosis
    if best is not None and best.type == "causal" and _PLAIN_EFFECT.match(text, best.start) \
            and not _COMPARATIVE_END.search(best.text) and _condition_is_subject(text[lo:best.start], page, bool(cond)):
        # Round 16: "Anaemia can leave you tired", "It affects your balance and can make
        # you feel dizzy": the page's condition making you feel something is a symptom
        # described; a cause doing it ("Low iron can leave you feeling cold", "If this
        # happens, it can make you feel anxious") is a causal claim
        best = None
    if best is not None and best.type == "causal" and _PLAIN_CAUSES.fullmatch(best.text):
        subject = text[lo:best.start]
        if _own_condition_subject(subject, page, bool(cond)):
            # Round 19: "BPPV causes brief spells of dizziness", "It causes a barking
            # cough": the page's condition causing its symptoms is described; another
            # condition or an exposure doing it ("Endometriosis causes a type of cyst")
            # is a causal claim
            best = None
        elif not _health_anchor(subject, page) \
                and not _health_anchor(text[best.end:best.end + 80], page):
            # Round 19 mends: a plain "causes" with no health word on either side is no
            # claim about health ("Parking near the clinic often causes problems", "The
            # machine causes a loud knocking noise")
            best = None
        elif page is not None and page.condition is not None:
            # (a named cause of the page's condition keeps its longer cue: "causes
            # widget")
            best = _causes_condition(text, page.condition, lo) or best
    shaped = False
    if best is None:
        shape = structmod.claim_shape(text[lo:], page or _NO_PAGE, descriptive, testimonial,
                                      item)
        shaped = shape is not None
        if shape is not None:
            a, b = lo + shape.cue_start, lo + shape.cue_end
            best = Cue(shape.kind, _label(shape.kind), " ".join(text[a:b].split()), a, b)
            if not testimonial and _body_at_work(text, best, page, lo):
                # Round 17: "Your ribs protect your heart and lungs", "In healthy veins,
                # small valves keep blood flowing upwards": an effect verb whose subject
                # is a part of the body at its normal work, no treatment named, describes
                # the body
                return None
    if testimonial and lex.review_outcomes and (best is None or shaped):
        # Round 18 mends: what a reviewer reports at a time counted from the treatment
        # ("After the second session I ate a prawn sandwich"), only inside a review (a
        # clinic's "After your first session we will send you a plan" is no outcome); a
        # harm so reported ("... I was in hospital with a rash") is a safety claim. As
        # when it was one of the outcomes, it is the cue unless an effect verb or an
        # earlier outcome is ("Three weeks after my first session I walked ...")
        m = lex.review_outcomes.search(text, lo)
        st = structmod.structure()
        if m is not None and best is not None and not (
                best.type == "efficacy" and m.start() <= best.start and st is not None
                and st.outcome.match(text, best.start) is not None):
            m = None
        if m is not None:
            kind = "safety" if lex.review_harms and lex.review_harms.search(text, m.end()) \
                else "efficacy"
            best = Cue(kind, _label(kind), " ".join(m.group().split()), m.start(), m.end())
    if best is None and not descriptive and not item:
        shape = structmod.slogan(text[lo:])
        if shape is not None:
            a, b = lo + shape.cue_start, lo + shape.cue_end
            best = Cue(shape.kind, _label(shape.kind), " ".join(text[a:b].split()), a, b)
    if best is None and page is not None and page.condition is not None \
            and (not descriptive or "causal" in allowed):
        best = _causes_condition(text, page.condition, lo)
    if best is None and (not descriptive or "causal" in allowed):
        best = _harms_body(text, page, lo)
    if best is None and (not descriptive or allowed):
        # A sentence that invokes evidence ("according to NCCIH, ...") claims something.
        spans = [(a, b) for a, b in vague_matches(text)
                 if not lex.vague_only or not lex.vague_only.search(text[a:b])]
        st = structmod.structure()
        if spans and not (st is not None and st.prevalence.search(text)):
            # (a prevalence figure is no claim, whoever reports it: "According to the
            # NIMH, about 7% of adults have it in any given year")
            a, b = spans[0]
            # a figure reported on that evidence is a statistic ("Studies estimate that
            # 1 in 7 adults ...", "Some surveys put it at more than half of patients")
            kind = "statistic" if _REPORTED_FIGURE.search(text) else "efficacy"
            best = Cue(kind, _label(kind), " ".join(text[a:b].split()), a, b)
    reason: Cue | None = None
    if best is None and fallback is not None and (imperative or item):
        # Review 23 mends (D4): an instruction's or item's reason clause ("Use a
        # humidifier – it keeps your airways moist") keeps its older cue ('it keeps')
        reason = _reason_cue(text, page, depth)
        if reason is not None and reason.fallback:
            reason = None
    if best is None and reason is None and fallback is not None \
            and _fallback_holds(text, fallback, page, lo):
        # Round 23 (review 22 D7): "Surgery is the best treatment" keeps the older cue
        # ('the best treatment'), and a claim the structure finds keeps its own: a
        # fallback cue names only claims that nothing before it names
        best = fallback
    if best is None:
        # Round 23b: "In my experience, the condition is at heart a gut problem": a verdict
        # from experience, named only when nothing else (a fallback cue included) names it
        x = _EXPERIENCE_VERDICT.match(text)
        if x is not None:
            a, b = x.span("verb")
            best = Cue("efficacy", _label("efficacy"), " ".join(text[a:b].split()), a, b,
                       fallback=True)
    if best is not None and best.type == "efficacy" and _EVIDENCE_SUBJECT.match(best.text) \
            and (_REPORTED_FIGURE.search(text) or (_SURVEY_SUBJECT.match(best.text)
                                                   and not _health_anchor(text, page))):
        # Review 22 mends: unnamed evidence as the cue's subject ("Studies show that 1 in 7
        # adults have it") with a figure reported is a statistic, as in the last branch
        # below ("Studies estimate 40% of adults ..."); a survey or poll that reports no
        # treatment or health outcome ("Surveys suggest most people want more
        # information") is an opinion counted, a statistic, not efficacy
        best = Cue("statistic", _label("statistic"), best.text, best.start, best.end)
    if best is None and (imperative or item):
        best = reason or _reason_cue(text, page, depth)
    if best is not None and not testimonial and depth < _MAX_DEPTH:
        d = _DEFINING.match(text)
        if d is not None and best.start >= d.start("rel"):
            # Round 15: the cue is inside the relative clause of a definition or of
            # how the body works ("Ringworm is a common fungal infection that can cause
            # a rash", "It makes enzymes that help digest food"): the clause describes
            # the noun; the rest of the sentence is judged without it
            stop = _CLAUSE_END.search(text, d.end())
            end = stop.start() if stop is not None else len(text.rstrip())
            if not _DEFINING_CLAIM.search(text, d.end(), end):
                rest = text[:d.start("rel")] + " " * (end - d.start("rel")) + text[end:]
                return classify(rest, descriptive, page, allowed, testimonial, item,
                                depth + 1)
    if best is None and depth < _MAX_DEPTH:
        # Round 14: a clause after a colon inside the sentence opens like a sentence of
        # its own ("stopping suddenly can be dangerous: withdrawal can cause seizures")
        m = _COLON_CLAUSE.search(text, lo)
        if m is not None and len(text[m.end():].split()) >= 3:
            cue = classify(text[m.end():], descriptive, page, allowed, testimonial, item,
                           depth + 1)
            if cue is not None:
                best = Cue(cue.type, cue.label, cue.text, m.end() + cue.start, m.end() + cue.end,
                           fallback=cue.fallback)
    return best


# Round 19: a list item that ends as a sentence does (not a fragment)
# ("- Pain pathways: gate control, endorphin release." is the lead-in's object, named)
_RUN_IN = re.compile(r"^\W{0,8}[\w /()-]{1,40}:\s")
_FULL_SENTENCE_ITEM = re.compile(r"\w[\w)'\u2019\"\u201d*]{0,3}[.!?][\"'\u201d\u2019*)]{0,3}\s*$")


# Round 18: a claiming lead-in whose items complete it ("Over three sessions it can
# help you:", "You will be able to:")
_HELPS_YOU_LEAD = ShapePattern("helps-you-lead", re.I)


# Round 18: a pronoun that opens a sentence under a treatment heading, and what it
# can cause ("They can cause burning when you first put them on")
_PRONOUN_HARM = ShapePattern("pronoun-harm", re.I)


def _treatment_before(doc: Document, s: Sentence, lex: Lexicon) -> bool:
    """Round 18 mends: the sentence before ``s`` has a treatment as its subject (a
    treatment word among its first words, no preposition before it, and no instruction:
    "Bring your medicines list" names no subject)."""
    if s.index == 0 or lex.treatment_subject is None:
        return False
    prev = doc.sentences[s.index - 1].text
    return bool(lex.treatment_subject.match(prev)) and not lex.imperative.match(prev)


def _treatment_lead(text: str, lex: Lexicon) -> bool:
    """Round 18 mends: a "help you:" lead-in whose subject is a treatment or a pronoun
    standing for one ("Our six-week programme can help you:", "it can help you:"), not
    "Our reception team can help you:" or "This guide will help you:"."""
    return bool(_LEAD_PRONOUN.match(text)) or bool(
        lex.treatment_word is not None and lex.treatment_word.search(text))


_LEAD_PRONOUN = ShapePattern("lead-pronoun", re.I)


# Round 18: what follows an imperative word that is the subject, not an instruction
# (Round 18 mends: "also", "often", "usually" only before a modal or such a verb: "Drink
# also plenty of fluids" is an instruction, "Rest also helps" is not)
_NOUN_OPENING = ShapePattern("noun-opening", re.I)


# A clause of a sentence (after a colon, after an instruction's reason separator) is
# judged as a sentence of its own, and so are its clauses, to this depth (and a sentence
# rejudged without a definition's relative clause, round 15, counts as one): each is judged
# over the rest of the sentence, so without a bound a sentence of thousands of "x: y" or
# "do not - " pieces costs quadratic time (and as deep a recursion).
_MAX_DEPTH = 4


_COLON_CLAUSE = re.compile(r":(?<=[a-z]:)\s+(?=[a-z])")  # (the colon first: found by a fast scan)

# Round 15: a definition ("X is a common fungal infection that ...") or how the body
# works ("It makes enzymes that ...", "The thyroid is a small gland in the neck that
# makes hormones which ..."), up to its relative pronoun
_DEFINING = ShapePattern("defining", re.I, twin=True)
# where the relative clause ends (a new main clause), and what in it is still a claim
# about treatment
# (seventh session's review: "but" after a line break, a dash and ", and" end it too, so
# hard-wrapped text is judged as the same sentence on one line)
_CLAUSE_END = re.compile(r";|,?\s+but\b|\s[\u2013\u2014-]\s|,\s+and\b|[.!?](?:\s|$)")
_DEFINING_CLAIM = ShapePattern("defining-claim", re.I)


# Round 12: where an instruction (or a Do/Don't list item) gives its reason: after a
# dash, "as", "because", "since" or a semicolon.
_REASON_CLAUSE_PATTERN = (r"\s[\u2013\u2014]\s*|\s-\s+|[,;]\s*(?:as|because|since)\s+"
                          r"|\s(?:because|since)\s+|\sas\s+(?=(?:it|this|that|they|these|those)\s)"
                          # (a run of spaces is tried from its first one only:
                          # "Rest" + 40,000 spaces took 10 s)
                          r"|(?<!\s),?\s+otherwise,?\s+"
                          r"|;\s+")
# (perf20: behind its first-character guard, gated.first_char_guard's, written out:
# every alternative starts with white space, "," or ";"; one test a position instead of
# seven alternatives entered, about twice as fast, the same matches)
_REASON_CLAUSE = twinned(re.compile(r"(?=[,;\s])(?:" + _REASON_CLAUSE_PATTERN + ")", re.I))
# A reason that predicts what happens to the body: a modal or a present-tense verb of
# consequence, with a health word or a harm word after it ("using them for too long can
# make your symptoms worse", "as it can dehydrate you", "breaking the skin lets germs
# in", "as this stops it working properly").
# (the pattern: clause-patterns / consequence in rules/claims.yaml)
# (the pattern: clause-patterns / harm in rules/claims.yaml)


def _reason_cue(text: str, page: structmod.PageWords | None, depth: int = 0) -> Cue | None:
    """The claim an instruction's reason clause makes, or None (offsets relative to
    ``text``): the clause judged as a sentence of its own, else a predicted consequence
    for the body."""
    m = _REASON_CLAUSE.search(text)
    if m is None or depth >= _MAX_DEPTH or len(text[m.end():].split()) < 3:
        return None
    lo = m.end()
    clause = text[lo:]
    cue = classify(clause, False, page, depth=depth + 1)
    if cue is not None and not cue.fallback:
        return Cue(cue.type, cue.label, cue.text, lo + cue.start, lo + cue.end)
    # (Review 23 mends, D4: a fallback cue in the clause yields to its consequence, "as
    # this takes the sting out" keeps 'this takes')
    later = Cue(cue.type, cue.label, cue.text, lo + cue.start, lo + cue.end, fallback=True) \
        if cue is not None else None
    c = _clause("consequence").search(clause)
    st = structmod.structure()
    if c is None or _NEGATED.search(clause, max(0, c.start() - 30), c.start()):
        return later
    rest = clause[c.start():]
    if not (_clause("harm").search(rest) or (st is not None and st.health.search(rest))):
        return later
    a, b = lo + c.start(), lo + c.end()
    return Cue("causal", _label("causal"), " ".join(text[a:b].split()), a, b)


# Round 12: a named cause of the page's own condition ("Ultraviolet light from the sun
# or from tanning beds causes actinic keratosis"), whatever the subject.
# (the pattern: clause-patterns / cause-verb in rules/claims.yaml)
_MODAL_BEFORE = re.compile(r"\b(?:can|may|might|could|sometimes)\s+(?:also\s+|even\s+)?$", re.I)
_UNKNOWN_BEFORE = ShapePattern("unknown-before", re.I)


def _causes_condition(text: str, condition: re.Pattern[str], lo: int) -> Cue | None:
    for v in _clause("cause-verb").finditer(text, lo):
        c = condition.match(text, v.end())
        if c is None or _NEGATED.search(text, max(0, v.start() - 30), v.start()) \
                or _UNKNOWN_BEFORE.search(text, max(0, v.start() - 30), v.start()) \
                or _MODAL_BEFORE.search(text, max(0, v.start() - 20), v.start()) \
                or condition.search(text, lo, v.start()):
            # (a hedged possibility, "can bring on clicking", is left to the cues; the
            # condition as its own subject, "Norovirus is a bug that causes vomiting",
            # names its symptoms)
            continue
        a, b = v.start(), c.end()
        return Cue("causal", _label("causal"), " ".join(text[a:b].split()), a, b)
    return None


# Round 12: something named harms a part of the body, in a plain present-tense verb
# ("Cold air narrows the small airways", "Stomach acid eats into the lining of the
# gullet", "Chlorine strips the natural oils from your hair"); not the page's condition
# as its own subject ("Osteoporosis weakens bones" defines it), not after a relative
# pronoun ("a rubbery disc that cushions the knee").
# (the pattern: clause-patterns / harm-verb in rules/claims.yaml)


# a condition by the shape of its name, as the subject of a harm verb: a definition
# (the pattern: clause-patterns / disease-noun in rules/claims.yaml)


def _harms_body(text: str, page: structmod.PageWords | None, lo: int) -> Cue | None:
    m = _clause("harm-verb").search(text, lo)
    if m is None:
        return None
    subject = text[lo:m.start()]
    if len(subject.split()) < 1 or _NEGATED.search(text, max(0, m.start() - 30), m.start()) \
            or (page is not None and page.condition is not None
                and page.condition.search(subject)) \
            or re.match(r"^\W*(?:it|this|they|these|he|she|you|we|i)\W*$", subject, re.I) \
            or _clause("disease-noun").search(subject):
        return None
    a, b = m.span("verb")
    return Cue("causal", _label("causal"), " ".join(text[a:b].split()), a, b)


_CONDITION = twinned(re.compile(r"^\W*(?:if|unless|when|whenever)\b[^,;:.]{0,120},", re.I))

# Round 16: a plain effect on a person ("can make you feel dizzy", "can leave you tired")
_PLAIN_EFFECT = ShapePattern("plain-effect", re.I)
_BAD_PART = ShapePattern("bad-part", re.I)
# Round 19: the plain present "causes" (see classify)
_PLAIN_CAUSES = ShapePattern("plain-causes", re.I)
# (round 13's comparative effects, "can make your heart beat faster", keep their cue)
_COMPARATIVE_END = re.compile(r"\b(?:more|less|[a-z]{2,}er)$", re.I)


def _condition_is_subject(subject: str, page: structmod.PageWords | None,
                          conditional: bool) -> bool:
    """The subject before a plain effect is the page's condition, a disease or a part
    in a bad state ("A blocked ear can make you feel dizzy"), or (with no condition
    clause before it) a pronoun that opens the sentence."""
    return bool((page is not None and page.condition is not None
                 and page.condition.search(subject))
                or _clause("disease-noun").search(subject) or _BAD_PART.search(subject)
                or (not conditional and re.match(r"^\W*(?:it|this|they)\b", subject, re.I)))


def _own_condition_subject(subject: str, page: structmod.PageWords | None,
                           conditional: bool) -> bool:
    """Round 19: the subject before a plain "causes" is the page's condition or a
    pronoun that opens the sentence (not any disease: "Endometriosis causes a type of
    cyst" on a page about ovarian cysts names a cause)."""
    return bool((page is not None and page.condition is not None
                 and page.condition.search(subject))
                or (page is not None and page.short is not None and page.short.search(subject))
                # Round 19 mends: "the virus" (the condition's own germ, named by the
                # page: "The varicella-zoster virus causes an itchy, spotty rash" on a
                # chickenpox page), not "a virus" nor "a bacterial infection"
                or (page is not None and page.condition is not None
                    and _OWN_GERM.match(subject) is not None)
                or (not conditional and re.match(r"^\W*(?:it|this|they)\b", subject, re.I)))


_OWN_GERM = ShapePattern("own-germ", re.I)


def _health_anchor(words: str, page: structmod.PageWords | None) -> bool:
    """Round 19 mends: a health object, a disease, a harm, a part in a bad state or the
    page's condition among the words."""
    st = structmod.structure()
    return bool((st is not None and st.health.search(words))
                or _clause("disease-noun").search(words) or _clause("harm").search(words)
                or _BAD_PART.search(words) or _HEALTH_WORD.search(words)
                or (page is not None and page.condition is not None
                    and page.condition.search(words)))


_HEALTH_WORD = ShapePattern("health-word", re.I)


# "has not healed", "You do not need to stop": a cue right after a negation claims
# nothing (cues that contain their own negation, "does not cause lasting damage",
# start at the negation and are kept).
_NEGATED = ShapePattern("negated", re.I, twin=True)


# In a descriptive section a relative clause describes the body, not a treatment:
# "the valves in the veins that help control blood flow".
_RELATIVE = re.compile(r"\b(?:that|which|who)\s+$", re.I)


def _first_affirmed(rx: Alternation, text: str, descriptive: bool = False,
                    lo: int = 0, cands: tuple[int, ...] | None = None
                    ) -> re.Match[str] | None:
    # (cands: the alternatives rx's gates let through in text, when already known)
    for m in rx.finditer(text) if cands is None else rx.finditer_in(text, cands):
        a = m.start("verb") if "verb" in m.re.groupindex else m.start()
        if a < lo:
            continue
        if _NEGATED.search(text, max(0, a - 30), a):
            continue
        if descriptive and _RELATIVE.search(text, max(0, a - 8), a):
            continue
        return m
    return None


def is_flat_heading(doc: Document, b: Block) -> bool:
    if b.kind == "heading":
        return True
    # a one-line quoted review ('"Better than any painkiller." Rosa, Bedminster') is
    # a testimonial, not a heading, though it ends in a name
    return citemod._is_flat_heading(b) and not _is_review(b.text)  # noqa: SLF001


# A quoted customer review on a line of its own: an opening quote (after stars, bold or
# an HTML tag), a closing quote, then the reviewer's name, after a dash ('" ... — Kelly,
# club runner') or straight after the quote ('" ... Sam, Clifton', "Mark T. ★★★★★").
# Round 21b: the name may be in italics or bold ('" ... ." – *Anne, Surrey*'), as in
# _ATTRIBUTION ("> ... ." – *Rachel, 38*"); before, such a review was read as prose.
_TESTIMONIAL = re.compile(
    r'^[^\w"\u201c]{0,24}["\u201c](?=[^\n]*["\u201d])[^\n]*?'
    r'(?:["\u201d][^\n]*(?:[\u2014\u2013\u2015]|\s-\s|\u00e2\u20ac\u201d|\u00e2\u20ac\u201c|\u0e42\u20ac[\u201c\u201d])\s*[*_]{0,2}[A-Z][^\n\u2014\u2013]{0,50}'
    r'|["\u201d][*_]*\s+[*_]{0,2}[A-Z][\w.\'\u2019-]*(?:,? [\w.\'\u2019()-]+){0,3}[*_]{0,2}[\s\u2605\u2b50]*)$')
_TAG = re.compile(r"</?[a-zA-Z][^>\n]*>")
# a line rated with stars ("★★★★★ Great results"), and a quoted block ending in the
# reviewer's name after a dash ("> Back to running in a month. — Ann")
_REVIEW_CHARS = re.compile("[\"\u201c\u2605\u2b50>]")
_REVIEW_ALL = "\"\u201c\u2605\u2b50>"  # (_REVIEW_CHARS's characters)
_REVIEW_ASCII = "\">"
_STARS = re.compile(r"^[>\s*_]*[\u2605\u2b50]{3,}")
_ATTRIBUTION = re.compile(r"[.!]\W{0,3}\s(?:[\u2014\u2013\u2015]|-)\s*[*_]{0,2}[A-Z][\w.'\u2019-]*"
                          r"(?:,? [\w.'\u2019()-]+){0,4}[*_]{0,2}\s*$")


def _plain_line(line: str) -> str:
    return _TAG.sub("", line).strip()


def _is_review(line: str) -> bool:
    """A line that is a customer review: rated with stars, quoted and signed, or a
    blockquote signed after a dash."""
    plain = _plain_line(line)
    return bool(_STARS.match(plain)) or (
        ('"' in plain or "\u201c" in plain) and bool(_TESTIMONIAL.match(plain.lstrip("> ")))) \
        or (plain.startswith(">") and bool(_ATTRIBUTION.search(plain)))


def testimonial_sections(doc: Document) -> frozenset[int]:
    """Blocks under a heading (real or flattened) that introduces reviews: one the
    lexicon's testimonial subjects match ("What our patients say", "Reviews")."""
    st = structmod.structure()
    if st is None:
        return frozenset()
    out: set[int] = set()
    flat: bool | None = None
    last_section = -1
    for b in doc.blocks:
        if b.section != last_section:
            last_section, flat = b.section, None
        if b.kind != "heading" and citemod._is_flat_heading(b) \
                and not _is_review(b.text):  # noqa: SLF001
            flat = bool(st.testimonial.search(b.text))
            continue
        if b.kind == "heading":
            continue
        heading = doc.sections[b.section].heading
        under = flat if flat is not None else bool(
            heading is not None and st.testimonial.search(heading.text))
        if under:
            out.add(b.index)
    return frozenset(out)


def testimonial_lines(doc: Document) -> list[tuple[int, int]]:
    """Source spans of lines that are quoted customer reviews (see ``_TESTIMONIAL``)."""
    out: list[tuple[int, int]] = []
    pos = 0  # the lines before it are judged
    text = doc.text
    # only the lines that hold one of the review characters: the next one at or after
    # pos, by str.find (fifteenth session: was _REVIEW_CHARS.finditer over the page, a
    # class scan of every character, skipping the matches before pos)
    # (each character's next place is remembered, and found again only once the lines
    # judged have passed it: one scan of the page per character)
    nxt = {ch: text.find(ch) for ch in (_REVIEW_ASCII if text.isascii() else _REVIEW_ALL)}
    while True:
        for ch, j in nxt.items():
            if 0 <= j < pos:
                nxt[ch] = text.find(ch, pos)
        found = [j for j in nxt.values() if j >= 0]
        if not found:
            break
        at = min(found)
        start = text.rfind("\n", 0, at) + 1
        end = text.find("\n", at)
        end = len(text) if end < 0 else end
        line = text[start:end]
        if len(line) <= 600 and _is_review(line):
            out.append((start, end))
        pos = end + 1
    return out


def section_kinds(doc: Document) -> list[frozenset[str]]:
    """Per block: the section kinds it stands under (real or flattened headings).
    Remembered for the document (three callers a page): callers must not change it."""
    return citemod._cached(doc, "section-kinds", _section_kinds)  # noqa: SLF001


def _section_kinds(doc: Document) -> list[frozenset[str]]:
    from conditionlint import sectionmap
    from conditionlint.parser import fold

    out: list[frozenset[str]] = []
    of_section: dict[int, frozenset[str]] = {}
    flat: frozenset[str] | None = None
    last_section = -1
    for b in doc.blocks:
        if b.section != last_section:
            last_section = b.section
            flat = None
        if b.kind != "heading" and citemod._is_flat_heading(b):  # noqa: SLF001
            # Every flattened heading ends the flattened section before it, even one
            # that names no known kind ("Our Gallbladder Flush Programme" after
            # "Symptoms"): the text after it falls back to the real heading's kinds.
            kinds = sectionmap.kinds_of(fold(b.text))
            flat = frozenset(kinds) if kinds else None
        if flat is not None:
            out.append(flat)
            continue
        # the kinds of a real section, found once and shared by its blocks (fix23: one
        # set a block was 43 MB on a page of 200,000 table cells)
        got = of_section.get(b.section)
        if got is None:
            kinds: set[str] = set()
            sec = doc.sections[b.section]
            while sec.heading is not None:
                kinds.update(sectionmap.kinds_of(sec.heading.norm))
                if " and " in sec.heading.norm:
                    # "Symptoms and causes" names both kinds (kinds_of reads the words
                    # after "and" as a qualifier of the first)
                    for part in sec.heading.norm.split(" and "):
                        kinds.update(sectionmap.kinds_of(part))
                if kinds or sec.parent is None:
                    break
                sec = doc.sections[sec.parent]
            got = of_section[b.section] = frozenset(kinds)
        out.append(got)
    return out


def sentence_citations(doc: Document) -> dict[int, list[Citation]]:
    """Citations per sentence index (see rule 5 in the module docstring; a link that
    cites a work is in its sentence's words and supports that sentence). Shared by
    CL401 and CL402 for the same page: callers must not change it."""
    if _CITES[0] is not doc:
        _CITES[0], _CITES[1] = doc, _sentence_citations(doc)
    return _CITES[1]


_CITES: list[Any] = [None, {}]  # [document, its citations per sentence]


def _sentence_citations(doc: Document) -> dict[int, list[Citation]]:
    by_block: dict[int, list[Sentence]] = {}
    for s in doc.sentences:
        by_block.setdefault(s.block, []).append(s)
    # Sentence ends per block, to bisect to a citation's sentence: a long line with
    # thousands of sentences and citations must not be walked once per citation.
    ends: dict[int, list[int] | None] = {}
    for b, sents in by_block.items():
        e = [s.end for s in sents]
        ends[b] = e if all(x <= y for x, y in zip(e, e[1:])) else None
    out: dict[int, list[Citation]] = {}
    for c in doc.citations:
        sents = by_block.get(c.block, [])
        target = None
        block_ends = ends.get(c.block)
        # the first sentence that ends after the citation starts (the first the walk
        # below stops at, since a sentence never ends before it starts)
        first = bisect_right(block_ends, c.start) if block_ends is not None else 0
        if c.kind == "link":
            # a link is in the words of its sentence ("[A 2019 trial](...) found that"),
            # not a marker after the one before it: the sentence its text is in
            target = next((sents[i] for i in range(first, len(sents))
                           if sents[i].end > c.start), None)
            if target is not None and target.start < c.end:
                out.setdefault(target.index, []).append(c)
                continue
        for i in range(first, len(sents)):
            s = sents[i]
            if c.start < s.start:
                target = sents[i - 1] if i else s
                break
            if c.start < s.end:
                lead = doc.text[s.start:c.start]
                target = sents[i - 1] if i and not lead.strip() else s
                break
        else:
            target = sents[-1] if sents else None
        if target is not None:
            out.setdefault(target.index, []).append(c)
    return out


def _leading_cite_end(doc: Document, s: Sentence, own: list[Citation]) -> int:
    """Where the sentence's own words begin, after a marker that belongs to the
    sentence before it (a masked "<sup>1</sup>" leaves "1" at the sentence start)."""
    start = s.start
    mine = set(own)  # a sentence may carry thousands of markers: no list lookups
    for c in doc.citations_in(max(0, s.start - 400), s.end):
        if c.end <= start or c in mine:
            continue
        if c.start > start and doc.text[start:c.start].strip():
            break
        start = c.end
        while start < s.end and doc.text[start].isspace():
            start += 1
    return min(start, s.end)


def _lead_words(text: str, words: int = 4) -> str:
    """The last ``words`` words of ``text`` after its last comma (a cue's text)."""
    return " ".join(text.rsplit(",", 1)[-1].split()[-words:])


def _list_items(doc: Document, lead: Block) -> list[Block]:
    """Blocks that a lead-in paragraph ending in ':' introduces."""
    items: list[Block] = []
    blocks = doc.blocks
    i = lead.index + 1
    if i < len(blocks) and blocks[i].list_depth > lead.list_depth:
        while i < len(blocks) and blocks[i].list_depth > lead.list_depth \
                and blocks[i].kind != "heading":
            items.append(blocks[i])
            i += 1
        return items
    label = re.compile(r"^[^:\n.]{1,60}:\s")
    while i < len(blocks) and blocks[i].kind == "paragraph" \
            and blocks[i].list_depth == lead.list_depth and label.match(blocks[i].text):
        items.append(blocks[i])
        i += 1
    return items


def _list_after(doc: Document, heading: Block) -> list[int]:
    """The list blocks right after a heading."""
    out = []
    i = heading.index + 1
    while i < len(doc.blocks) and doc.blocks[i].list_depth > 0:
        out.append(i)
        i += 1
    return out


_PREDICATE = re.compile(r"^\W*([A-Z][a-z]+(?:es|s))\b(?!:)")

# Round 16: a capitalised word ending in -s that ends its sentence or its bold run-in
# label ("- **Orthotics.** Custom shoe inserts ...", "- Medications.") names the item;
# it is not a verb whose subject is the lead-in's ("- Relaxes tight muscles").
_NAME_END = re.compile(r"\**\s*(?:[.:,;]|$)")
# Round 16: when a lead-in is a whole claim before a comma that enumerates examples
# ("Most fungal infections respond well to these topical agents, which include:",
# "..., such as:"), the claim is the lead-in's
# own finding: the examples after it do not make it again, one by one.
_ENUM_AFTER_CLAUSE = ShapePattern("enum-after-clause", re.I)


def _label(kind: str) -> str:
    # (a type the claim lexicon does not list, named by a hand-edited claim model:
    # "harm claim", not a bare "harm")
    return next((label for name, label, _ in lexicon().types if name == kind), f"{kind} claim")


# [document, the claim model, its claims]: three rules ask in a row (the model is part of
# the key: the training script and tests switch models on the same document)
_CACHE: list[Any] = [None, None, []]


def find_claims(doc: Document) -> list[Claim]:
    model = claimmodel.current()
    if _CACHE[0] is doc and _CACHE[1] is model:
        return list(_CACHE[2])
    claims = _find_claims(doc)
    _CACHE[0], _CACHE[1], _CACHE[2] = doc, model, claims
    return list(claims)


def _find_claims(doc: Document) -> list[Claim]:
    claims, candidates = rule_claims(doc)
    model = claimmodel.current()
    if model is not None and model.veto > 0:
        claims = _vetoed(doc, model, claims)
    if model is not None and model.scope in ("prose", "open"):
        ruled = {c.sentence for c in claims}
        candidates = [c for c, own, limited in prose_sentences(doc)
                      if not own and c.sentence not in ruled
                      and not (limited and model.scope == "open")]
    if model is not None and candidates:
        claims.extend(_model_claims(model, candidates))
        claims.sort(key=lambda c: (c.start, c.end))
    return claims


def _vetoed(doc: Document, model: claimmodel.Model, claims: list[Claim]) -> list[Claim]:
    """The rules' claims, less the uncited prose sentences the model scores below its
    veto: on pages neither had seen, most of those are descriptions, procedures and
    instructions that carry a cue word ("Your heart rate slows down", "Then give 2
    strong coughs"). Kept whatever the score: a claim that cites anything, front
    matter, a safety claim ("no serious adverse events": the costliest to miss), a
    claim in strong words ("cures", "proven", "significantly reduces": CL408's list),
    and the shapes the issue names as claims whatever their words: a lead-in to a list
    ("acupuncture modulates:"), the items that take its cue or follow a lead-in that
    names a treatment, a comparison-table cell, and a sentence that invokes evidence
    ("Evidence map (2025) shows positive effects"). Any other item after a lead-in is
    scored with the lead-in before it: its first sentence only, since a later sentence
    of the item is whole on its own (round 28)."""
    kinds: list[frozenset[str]] | None = None
    leads: dict[int, str] | None = None
    page: structmod.PageWords | None = None
    out = []
    for c in claims:
        if c.citations or c.sentence is None or c.by_model or c.inherited \
                or c.cue.type == "safety":
            out.append(c)
            continue
        s = doc.sentences[c.sentence]
        masked = _without_pointer(doc, s, s.text[c.start - s.start:])
        head = _review_headline_end(masked)
        if head and c.cue.end - c.start <= head:
            # Round 31: a cue in a review's headline glued to the body's first sentence
            # ("★★★★★ **Life-changing** — *Verified buyer*" + "Our son would only sleep
            # on us."): writers label the body's sentences, never the headline, so the
            # body is scored alone, whatever the headline's words, against half the veto
            # (a review's first sentence alone is short and scores low: on seen pages every
            # body below half the veto was unlabelled scene-setting, "I tried everything.")
            b = doc.blocks[s.block]
            if kinds is None:
                kinds = section_kinds(doc)
            if claimmodel.score(model, model_features(masked[head:], kinds[b.index], b)) \
                    >= model.veto / 2:
                out.append(c)
            continue
        if masked.rstrip().endswith(":") or vague_matches(masked) \
                or lexicon().strong.search(masked) or _verdict_cue(c.cue) \
                or _TICKED_ITEM.match(s.text) or _NEGATED_REASON.match(masked) \
                or ("now" in s.text.lower() and _STATE_NOW.match(s.text)):
            out.append(c)
            continue
        b = doc.blocks[s.block]
        if b.kind == "table_cell":
            # a comparison-table cell is a claim by its column's header ("How it works"),
            # which the model does not see
            out.append(c)
            continue
        if leads is None:
            leads = _lead_ins(doc)
        lead = leads.get(b.index)
        if lead is not None:
            # an item after a lead-in is judged as the claim the two form: kept when the
            # lead-in names a treatment ("Our clinic treatment:" + "- Loosens stiff
            # joints"), else scored with the lead-in before it
            if page is None:
                page = page_words(doc)
            if structmod.names_treatment(lead, page):
                out.append(c)
                continue
            if not _later_in_item(doc, s):
                masked = lead + " " + masked
        if kinds is None:
            kinds = section_kinds(doc)
        if claimmodel.score(model, model_features(masked, kinds[b.index], b)) >= model.veto:
            out.append(c)
    return out


# Round 32: a pointer after a claim that cites nothing ("Pilates eases pain (see our
# page).", "... ([source](https://example.com/)).", a link to a topic page): the claim
# ends where it starts, so the veto scores the claim without it
_POINTER_TAIL = ShapePattern("pointer-tail", re.I)


def _without_pointer(doc: Document, s: Sentence, masked: str) -> str:
    """Round 32: ``masked`` (the end of sentence ``s`` from the claim's start) without a
    pointer at its end that sends the reader elsewhere and cites nothing: a bracket
    ("(see our page)", "(read more)", "([source](https://example.com/))") or a link whose
    text is only a pointer ("[source](...)"). Its words ("see", "our", "page", "source")
    had pulled the model's score under the veto, so "Pilates eases pain (see our page)."
    was let go while "Pilates eases pain." was kept. Matched on the sentence as written
    (a link's address is blanked in the masked text); called only for a claim that cites
    nothing, so the pointer cites nothing either."""
    raw = doc.text[s.end - len(masked):s.end]
    if "(" not in raw and "[" not in raw:
        return masked
    m = _POINTER_TAIL.search(raw)
    return masked[:m.start()] if m is not None and m.start() > 0 else masked


# Round 30 (a): a line that opens with a tick ("✓ Softens thickened, cracked skin in
# days", "✔ Fights post-viral fatigue"): a benefit ticked off in a seller's list, the
# shape and not its words makes it a claim, so the veto keeps it when the rules found it
# (on seen pages 19 such findings the veto let go were labelled claims, 1 was not)
_TICKED_ITEM = ShapePattern("ticked-item", re.I)
# Round 32 (a): a negated instruction whose reason after a dash says what the act can do
# ("do not fill up on drinks just before a meal – this can take away your appetite"): the
# shape makes it a claim, so the veto keeps what the rules found (on seen pages 34 of the
# 35 sentences of this shape are labelled claims; the one not is a warning sign's reason)
_NEGATED_REASON = ShapePattern("negated-reason", re.I)
# Round 32 (c): the state after, told with "now" in the last sentence of a quoted
# testimonial ('Zara is now talking in sentences."', 'We sleep now!"'): the story's
# outcome; on seen pages 32 of the 33 sentences of this shape are labelled claims
_STATE_NOW = ShapePattern("state-now", re.I)
# (perf25: it matches only where "now" is a word, `\bnow\b` under re.I, and no code
# point but "N", "O", "W" folds to "n", "o", "w" there or under str.lower, so a sentence
# whose lowered text holds no "now" is not searched: tests/test_perf25.py)
# Round 34 (b): an instruction opening with a plain verb and its object ("Dip a foam swab
# in clean water ...", "Remove the dentures first, ..."), outside a testimonial: like an
# instruction of the imperatives list, no candidate for the claim model unless a reason
# clause explains it (case-sensitive: the capital marks the sentence's first word)
_BARE_INSTRUCTION = ShapePattern("bare-instruction")


def _later_in_item(doc: Document, s: Sentence) -> bool:
    """Whether a sentence follows another in the same list item ("- **Creams.** A
    retinoid cream helps the skin shed. A mild steroid cream can calm inflammation."):
    the lead-in completes only the item's first sentence; a later one is whole on its
    own, so the veto scores it alone (round 28)."""
    return s.index > 0 and doc.sentences[s.index - 1].block == s.block


def _verdict_cue(cue: Cue) -> bool:
    """Whether a claim's cue is a reviewer's short verdict, an outcome pattern marked
    ``(?#verdict)`` in rules/claims.yaml ("Does the job.", "Smells odd but works."):
    the veto keeps it (fifteenth session: a model trained through blind51 scored "Does
    the job." below the veto; the words are too few for the model to judge)."""
    verdicts = lexicon().verdicts
    return verdicts is not None and verdicts.search(cue.text) is not None


def _lead_ins(doc: Document) -> dict[int, str]:
    """Item block index -> the text of the lead-in sentence that introduces it."""
    last: dict[int, Sentence] = {}
    for s in doc.sentences:
        last[s.block] = s
    out: dict[int, str] = {}
    for bi, s in last.items():
        if s.text.rstrip().endswith(":"):
            for item in _list_items(doc, doc.blocks[bi]):
                out[item.index] = s.text.strip()
    return out


def prose_sentences(doc: Document) -> Iterator[tuple[Candidate, list[Citation], bool]]:
    """Every prose sentence of the body, masked after its leading citations, with the
    citations it carries and whether the page's structure says it describes rather than
    claims (``limited``: in a descriptive section, as a list item, a lead-in to a list
    or a hedged possibility: "stress can play a part"). Not headings (nor flattened ones), reference items or footnote
    definitions. The claim model's population when its scope is ``prose`` (all) or
    ``open`` (not limited), and its training data (benchmarks/train_claim_model.py)."""
    lex = lexicon()
    kinds = section_kinds(doc)
    cites = sentence_citations(doc)
    entries = citemod.entry_label_blocks(doc)
    for s in doc.sentences:
        b = doc.blocks[s.block]
        if b.kind == "heading" or b.index in entries or b.footnote or is_flat_heading(doc, b):
            continue
        own = cites.get(s.index, [])
        start = _leading_cite_end(doc, s, own)
        masked = s.text[start - s.start:]
        if not masked.strip():
            continue
        k = kinds[b.index]
        limited = _describes(_is_descriptive(k, lex), b,
                             doc.text[start:s.end].rstrip().endswith(":"), masked, lex)
        yield Candidate(s.index, start, s.end, masked, k, b), own, limited


def _is_descriptive(kinds: frozenset[str], lex: Lexicon) -> bool:
    """Under a descriptive section (symptoms, causes...) and not also a treatment or
    evidence one."""
    return bool(kinds & lex.descriptive) and not kinds & {"treatment", "evidence"}


def _describes(descriptive: bool, b: Block, lead: bool, masked: str, lex: Lexicon) -> bool:
    """The page's structure says the sentence describes: in a descriptive section, a
    list item, a lead-in to a list or a hedged possibility ("stress can play a part")."""
    return descriptive and bool(b.list_depth or lead or lex.hedges.search(masked))


def model_features(masked: str, kinds: frozenset[str], block: Block) -> list[str]:
    """The claim model's features of one sentence (shared with the training script,
    so training and run time see the same thing)."""
    lex = lexicon()
    return claimmodel.features(
        masked, kinds, list_item=block.list_depth > 0, quote=block.blockquote,
        imperative=bool(lex.imperative.match(masked)), hedged=bool(lex.hedges.search(masked)))


# Round 21b: a list item that opens with an action in -ing and its object ("- eating
# regular meals", "- cutting down on fizzy drinks", "- Applying heat to the neck"): a
# step or an option named, judged on its own words, not with the lead-in's cue (before,
# "A few things I see help almost everyone:" made each such item a claim). The words
# in -ing that name a symptom, a time or a thing ("- swelling around the joint",
# "- bleeding gums", "- stabbing pain", "- morning stiffness") still take the cue, as
# does an -ing word with no object: alone, or with only a particle or an adverb after
# it ("- itching", "- swimming", "- warming up", "- walking daily"), or with "and",
# "or", "of" ("- tightening of the muscles", "- scaling and redness").
# (Review 21 D7: the symptom words, a particle is no object, letters beyond ASCII.)
_GERUND_ITEM = ShapePattern("gerund-item", re.I)
# (Review 21 D7: items that complete a lead-in ending in a preposition or in a verb of
# effect whose object they are: "helps with:" + "- climbing stairs without pain",
# "double your chances of:" + "- quitting for good", "Colchicine quickly relieves:" +
# "- stabbing pain in the joint" name the outcome, not a step; not "by:", "include:",
# "such as:", nor "help:" with the items as its subject; nor "get relief from:" or
# "relief with:", whose items are the means: "- Applying heat to the neck")
_COMPLETED_LEAD = ShapePattern("completed-lead", re.I)
_REPORT_LEAD = ShapePattern("report-lead", re.I)
# Round 34 (c): a lead-in ending in a verb of report or expectation, whatever its subject
# ("Clients who complete it typically tell us that:", "most of our patients find that:"):
# no claim itself, and no candidate for the claim model (66 on seen pages, none labelled)
_REPORT_VERB_LEAD = ShapePattern("report-verb-lead", re.I)
# Round 35 (a): a lead-in that names a class whose members its items name ("... including
# those with:", "... for adults who:", "Common side effects include:")
_MEMBER_LEAD = ShapePattern("member-lead", re.I)
# Round 35 (c): a lead-in announcing outcomes ("With gum rejuvenation you can expect:",
# "After a Platinum Body Scan, our members:")
_OUTCOME_LEAD = ShapePattern("outcome-lead", re.I)
# Round 35 (d): a strap line of segments parted by middle dots ("£329.00 · Free UK delivery
# · VAT relief for eligible customers")
_STRAP_LINE = ShapePattern("strap-line")


# Round 30 (b): a span of time the course of symptoms takes ("within a few days", "over
# many years", "on their own", "on day 2 or 3", "for the rest of your life")
_COURSE_SPAN = ShapePattern("course-span", re.I)


def _course_in_symptoms(kinds: frozenset[str], b: Block, lex: Lexicon) -> bool:
    """Round 30 (b): a paragraph under a Symptoms heading (a skipped section) whose
    only skipped kind is one with ``section-types`` of its own: its sentences are read
    for those types alone, and only when they name a span of time (``course-span``):
    the course of the symptoms, a prognosis ("These symptoms usually get better on their
    own within 6 weeks", "The worst of the dizziness normally passes within a few
    days"); never a list item, and nothing of it goes to the claim model."""
    skipped = kinds & lex.skipped
    return bool(skipped) and not b.list_depth and b.kind == "paragraph" \
        and all(any(kind == s for kind, _ in lex.section_types) for s in skipped) \
        and in_skipped_section(kinds, lex)


def in_skipped_section(kinds: frozenset[str], lex: Lexicon) -> bool:
    """Under a skipped heading (a disclaimer), unless it is also one whose prose claims
    (treatment, evidence, causes)."""
    return bool(kinds & lex.skipped) and not kinds & {"treatment", "evidence", "causes"}


def rule_claims(doc: Document) -> tuple[list[Claim], list[Candidate]]:
    """The claims the rules find, and the sentences left for the claim model: prose
    with no cue, outside lists of a descriptive section, not excluded (questions, calls
    to action, definitions, disclaimers), not an instruction, citing nothing."""
    lex = lexicon()
    page = page_words(doc)
    kinds = section_kinds(doc)
    cites = sentence_citations(doc)
    entry_blocks = citemod.entry_label_blocks(doc)
    reviews = testimonial_lines(doc)
    review_blocks = testimonial_sections(doc)
    by_block: dict[int, list[Sentence]] = {}
    for s in doc.sentences:
        by_block.setdefault(s.block, []).append(s)
    # Lead-ins: item block index -> (cue, citations) of the lead-in sentence.
    inherited: dict[int, tuple[Cue | None, list[Citation]]] = {}
    completes: set[int] = set()  # items that complete the lead-in (review 21 D7)
    # items of a list of conditions ("Contact your GP if:" / "## See a dentist if")
    conditions: set[int] = set()
    # Round 13: items of a list of risk factors ("Other things that make X more
    # likely include:")
    factors: set[int] = set()
    # Round 17 mend: the items of those that a sign or symptom lead-in announces
    signs: set[int] = set()
    # Round 18: the items that complete a lead-in's "help you:" (predicates, not orders)
    predicates: set[int] = set()
    # Round 35 (a): the items of a lead-in that names a class ("including those with:"):
    # members named, judged on their own words and kept from the claim model
    members: set[int] = set()
    # Round 35 (c): the items of a lead-in announcing outcomes, each an outcome claimed:
    # item block index -> the lead-in's words that announce it
    outcomes: dict[int, str] = {}
    claims: list[Claim] = []
    candidates: list[Candidate] = []
    columns = _claim_columns(doc, lex) if lex.table_columns and any(
        b.kind == "table_cell" for b in doc.blocks) else {}
    row_cites: dict[int, list[Citation]] = {}
    for b in doc.blocks:
        if b.kind == "heading" and lex.condition_lead is not None \
                and lex.condition_lead.search(b.text):
            conditions.update(_list_after(doc, b))
        if b.kind == "heading" and _sign_lead(b.text, page):
            # Round 17: "## What are the signs?" + a list: the items describe
            factors.update(_list_after(doc, b))
            signs.update(_list_after(doc, b))
        if b.index in entry_blocks or is_flat_heading(doc, b) or b.kind == "heading":
            continue
        if b.table_header:
            # Round 27: a table's header cell names a column ("Success rate", "Protects
            # against"), whatever its words: no claim, and nothing for the model
            continue
        k = kinds[b.index]
        # Round 15: a bold run-in label followed by full sentences ("- **Obesity.**
        # Having obesity raises the risk of pancreatitis.") is prose under the label,
        # in a list of risk factors or under a Causes, Prevention or Complications
        # heading: its causal and prognosis cues count as in the section's prose
        labelled = bool(b.list_depth) and b.index not in conditions \
            and _labelled_sentence_item(doc.text[b.start:b.end])
        if b.index in conditions or (b.index in factors and not labelled and not (
                b.index in signs and _own_treatment_claim(b.text, page))):
            # "- your symptoms haven't improved after two weeks": a condition for
            # getting care, not a claim about the course; "- kidney stones or anything
            # else that blocks the flow of urine": a risk factor, a description
            continue
        course_only = _course_in_symptoms(k, b, lex)
        if in_skipped_section(k, lex) and not course_only:
            continue
        descriptive = _is_descriptive(k, lex)
        # "Kidney stones are often caused by..." in a Causes section's prose is a
        # causal claim; a risk-factor list item ("- Aging causes wear...") is not.
        # Round 14: under a heading with a section default (Complications), a list
        # item written as full sentences ("- **Lungs.** Untreated, it can lead to
        # scarring in the lungs.") is prose, not a noun list
        prose_item = bool(b.list_depth) and descriptive and _sentence_item(b.text, k, lex)
        allowed = frozenset(t for kind, types in lex.section_types if kind in k
                            for t in types) if descriptive and (not b.list_depth or prose_item) \
            else frozenset()
        by_label = labelled and (b.index in factors or (descriptive and not allowed))
        if by_label:
            allowed = allowed | frozenset(t for kind, types in lex.section_types
                                          if kind in k or (kind == "causes" and b.index in factors)
                                          for t in types if kind != "urgent")
            prose_item = prose_item or bool(allowed)
        sents = by_block.get(b.index, [])
        if b.list_depth and sents and _clause("group-item").match(b.text) \
                and not lex.reasons.search(b.text):
            # Round 13: "- people receiving chemotherapy or taking medication that
            # suppresses the immune system": a list item naming a group of people (who
            # is at risk, who should see a doctor) describes them
            continue
        for s in sents:
            own = cites.get(s.index, [])
            if s is not sents[-1] and not own and _run_in_label(doc.text, s.start, s.end):
                # Round 17: "2. **Gut healing.** Probiotics ... repair the gut lining",
                # "**Sound generators.** Small devices that ...": a bold run-in label
                # that the item's own sentences go on to explain names the item; the
                # sentences after it claim, or not, for themselves
                continue
            start = _leading_cite_end(doc, s, own)
            text = doc.text[start:s.end]
            masked = s.text[start - s.start:]
            if ("\u00b7" in masked or "\u2022" in masked) and _STRAP_LINE.search(masked):
                # Round 35 (d): a shop's price strap or a page's contents line, parted by
                # middle dots or bullets: navigation, neither a claim nor the model's
                continue
            if not own and "\n" in text and _flat_description_list(text, lex):
                # Round 17: a scraped page's "Symptoms" line and the short lines under
                # it, read as one sentence: a list of symptoms, not a claim
                continue
            # (the claim model still reads the sentence whole, as it was trained)
            whole = (start, masked)
            glued = _glued_lines_end(masked) if not own and "\n" in masked else 0
            if glued:
                # Round 27: a scraped page's signature and heading lines glued to the
                # sentence after them are no part of it
                start += glued
                text = doc.text[start:s.end]
                masked = masked[glued:]
            # a lead-in to a descriptive list ("These factors increase the risk of X:")
            # introduces descriptions, so it is judged as one of them
            lead = text.rstrip().endswith(":")
            # and a hedged one ("stress can all play a part") lists possible factors;
            # hedged wording that names a cause or harm ("some medicines can trigger
            # it") still counts in the prose
            # (sixteenth session: with nothing allowed, plain is empty either way, so the
            # hedge test is asked only when a type is allowed)
            plain = allowed if allowed and not lead and (
                not _hedged(masked, lex)
                or (lex.hedged_causes is not None and lex.hedged_causes.search(masked))
                # Round 19: a hedged cause that names its effect ("Stress and caffeine
                # can all make the twitching worse", "It can be spread by sharing
                # towels") claims; only a possibility ("stress can play a part", "may be
                # linked to") lists possible factors
                ) else frozenset()
            if not plain and not lead and allowed and not _POSSIBILITY.search(masked) \
                    and not _SOFT_HEDGE.search(masked):
                # Round 19 mends: a hedged course ("The pain can come and go over
                # several weeks", "Symptoms can last for a few days", "You can catch
                # chickenpox more than once") stays a description, only its causes
                # count; a hedged outcome ("it can be life-threatening", "it can come
                # back") is still a prognosis
                plain = allowed & {"causal"} if _HEDGED_COURSE.search(masked) else allowed
            testimonial = b.index in review_blocks or any(a <= s.start < e for a, e in reviews)
            # a table cell is judged like a list item: "Blocks pigment production"
            # in a "How it works" column has the row's treatment as its subject
            cue = classify(masked, descriptive, page, plain, testimonial,
                           bool(b.list_depth) or b.kind == "table_cell")
            if cue is not None and cue.fallback and _AS_WELL.search(cue.text) \
                    and "treatment" not in k and not _health_anchor(masked, page) \
                    and not structmod.names_treatment(masked, page):
                # Review 23 mends (D13): "works just as well" outside a treatment
                # section needs a treatment or health word ("Paying by card works just
                # as well", "Email works just as well if you prefer")
                cue = None
            if cue is None and "treatment" in k and not testimonial:
                # Round 18: under a treatment heading, "They can also cause bloating" is
                # the treatment's harm (the pronoun names the treatment just described)
                h = _PRONOUN_HARM.match(masked)
                if h is not None and not _treatment_before(doc, s, lex):
                    # Round 18 mends: only when the sentence before names a treatment as
                    # its subject ("Steroid tablets are taken for five days. They may
                    # cause trouble sleeping"); not "Please bring your referral letter.
                    # It can cause delays", nor the condition ("Widget syndrome is not
                    # usually serious. It can cause a limp")
                    h = None
                if h is not None:
                    a, e = h.span("verb")
                    cue = Cue("safety", _label("safety"), " ".join(masked[a:e].split()), a, e)
            if cue is not None and by_label and not _FACTOR_MEASURE.search(masked) \
                    and not _factor_cause(cue, masked, page) \
                    and (b.index in factors or cue.type not in ("efficacy", "safety", "comparative")):
                # Round 15: in a list of risk factors (or under Causes) a labelled item's sentence
                # claims when it measures the risk or invokes evidence ("Smokers are on
                # average three times more likely ...", "Having obesity raises the
                # risk ..."); "Joints that have been injured are more likely to develop
                # cysts" still describes who gets it (blind2, blind5 labels)
                cue = None
            parent = inherited.get(b.index)
            extra = parent[1] if parent else []
            is_inherited = False
            column = columns.get(b.index)
            if column is not None:
                # a comparison-table cell: the row's citations support it, and its
                # column's header makes it a claim when its own words do not
                kind, header, row = column
                if not own:
                    extra = row_cites.get(row[0])  # (a row's first cell names it)
                    if extra is None:  # once a row (the first few: one is enough)
                        extra = row_cites[row[0]] = list(itertools.islice(
                            (c for i in row for x in by_block.get(i, [])
                             for c in cites.get(x.index, [])), _ROW_CITES))
                # (Review 23 mends, D4: a fallback cue yields to the column's header)
                if (cue is None or cue.fallback) and s is sents[0] \
                        and not lex.table_skips.search(masked) \
                        and all(rx.search(masked) for k, rx in lex.table_needs if k == kind):
                    cue = Cue(kind, _label(kind), f"{header} column", 0, len(masked.rstrip()))
            # (Review 23 mends, D4: a fallback cue yields to the lead-in's cue)
            if (cue is None or cue.fallback) and parent and s is sents[0] and not descriptive \
                    and b.index not in members \
                    and not lex.exclusions.search(masked) \
                    and not (lex.imperative.match(masked) and not lex.reasons.search(masked)
                             and b.index not in predicates and b.index not in outcomes):
                # an instruction under a claiming lead-in ("some people find these
                # things help:" + "- sip ice-cold water") is still an instruction
                if parent[0] is not None:
                    if b.index in completes or not _GERUND_ITEM.match(masked):
                        cue, is_inherited = parent[0], True
                elif b.index in outcomes:
                    # Round 35 (c): "With gum rejuvenation you can expect:" + "- ✓ Covered
                    # roots in a single appointment": the item is an outcome announced
                    cue, is_inherited = Cue("efficacy", _label("efficacy"), outcomes[b.index],
                                            0, 0), True
                else:
                    # "Our treatment:" + "- Relaxes tight muscles": the item is the
                    # predicate of the lead-in's subject.
                    v = _PREDICATE.match(masked)
                    if v and _NAME_END.match(masked, v.end()):
                        # Round 16: "- **Orthotics.** Custom shoe inserts ...": a name
                        # that ends there (a run-in label) is no verb
                        v = None
                    if v:
                        cue = Cue("efficacy", _label("efficacy"), v.group(1),
                                  v.start(1), v.end(1))
            # the last sentence of a block ending in ':' opens the list after it
            opens_list = s is sents[-1] and lead
            items = _list_items(doc, b) if opens_list else []
            if opens_list and cue is not None and _clause("advice-lead").match(masked):
                # "You can also lower your risk by:", "A pharmacist can give you advice
                # about medicines that can help, such as:": the reader or an adviser is
                # the subject; the lead-in announces options and lends no claim
                cue = None
            if opens_list and descriptive and cue is None \
                    and _clause("factor-lead").search(masked):
                # Round 13: the same list of risk factors under a descriptive heading
                # ("Who is at risk"), where the lead-in itself is no claim
                factors.update(item.index for item in items)
            if opens_list and _sign_lead(masked, page):
                # Round 17: "Common signs include:" + "- fatigue that isn't relieved by
                # sleep", "The most common triggers are:" + "- stopping the pill": the
                # items describe the condition whatever their words, and the lead-in
                # only announces them
                factors.update(item.index for item in items)
                signs.update(item.index for item in items)
                cue = None
            if opens_list and _clause("skill-lead").search(masked):
                # Round 13: "Breathing retraining teaches you to:" + "- slow your
                # breathing rate and reduce the volume of air you take in": a list of
                # skills taught describes the course, lead-in and items alike
                cue = None
                factors.update(item.index for item in items)
            if opens_list:
                if lex.condition_lead is not None and lex.condition_lead.search(masked):
                    conditions.update(item.index for item in items)
                if items and _MEMBER_LEAD.search(masked):
                    members.update(item.index for item in items)
                o = _OUTCOME_LEAD.search(masked) if items else None
                if o is not None:
                    expect = "expect" in o.group("cue").lower()
                    for item in items:
                        if expect or _TICKED_ITEM.match(item.text):
                            outcomes[item.index] = _lead_words(masked[:o.end("cue")])
                lent = cue
                if cue is not None and cue.type == "causal" and items:
                    # "Other things that can play a part:" + "- smoking": the items of
                    # a list of causes or risk factors describe the condition; a
                    # hedged lead-in to them only announces the list
                    lent = None
                    if lex.hedges.search(masked):
                        cue = None
                    elif _clause("factor-lead").search(masked):
                        # Round 13: "Other things that make a kidney infection more
                        # likely include:" announces a list of risk factors, and the
                        # items describe who gets it whatever their verbs
                        cue = None
                        factors.update(item.index for item in items)
                # Round 14: when the items cite on their own ("1. ... They calm the
                # thyroid down within a few weeks. About half ... relapse [@ross2016]."),
                # the author cites claim by claim, and the lead-in's citation ("you're
                # offered three routes [@ross2016]:") supports the lead-in alone
                lent_cites = own if not any(
                    cites.get(x.index) for item in items for x in by_block.get(item.index, [])) \
                    else []
                if cue is not None and _ENUM_AFTER_CLAUSE.search(masked):
                    lent = None
                if lent is not None and _COMPLETED_LEAD.search(masked):
                    completes.update(item.index for item in items)
                for item in items:
                    # Round 19: an item written as a sentence of its own ("- Get up
                    # slowly after sitting or lying down.") is judged on its own; a
                    # fragment ("- neck pain") completes the lead-in's claim
                    # (Round 19 mends: a sentence has 4 words or more, or opens with an
                    # instruction: "- back pain." is a fragment with a full stop)
                    inherited[item.index] = (
                        None if item.list_depth and _FULL_SENTENCE_ITEM.search(item.text)
                        and (len(item.text.split()) >= 4
                             or lex.imperative.match(item.text.lstrip("-*+ \t")) is not None)
                        and not _RUN_IN.match(item.text) else lent, lent_cites)
                if lent is not None and _HELPS_YOU_LEAD.search(masked) \
                        and _treatment_lead(masked, lex):
                    # Round 18: "it can help you:" + "- Eat out without a safety plan":
                    # the items complete the lead-in's verb, they are no instructions
                    predicates.update(item.index for item in items)
            if opens_list and lent is not None and items and (
                    _REPORT_LEAD.search(masked) or _REPORT_VERB_LEAD.search(masked)):
                # Round 26 (d): "Our patients typically report:", "With our laser treatment
                # you can expect:": the items take its cue and hold the claims; the lead-in
                # itself claims nothing (and is kept from the claim model)
                continue
            if (cue is None or cue.fallback) and not b.list_depth and not lead \
                    and b.kind == "paragraph" \
                    and not b.footnote and not extra and lex.section_defaults:
                cue = _section_default(masked, k, lex) or (
                    _later_default(masked, k, lex) if cue is not None else None) or cue
            if course_only and cue is not None and (
                    cue.type not in allowed or not _COURSE_SPAN.search(masked)):
                cue = None
            if cue is None:
                if course_only:
                    continue
                # the rules' own limits hold: in a descriptive section, list items,
                # lead-ins and hedged possibilities ("stress can play a part") describe
                if not extra and not prose_item and b.index not in members \
                        and not _describes(descriptive, b, lead, masked, lex) \
                        and not b.footnote and len(masked.split()) >= 3 \
                        and not lex.exclusions.search(masked) \
                        and not (lex.imperative.match(masked) and not lex.reasons.search(masked)) \
                        and not (not testimonial and _BARE_INSTRUCTION.match(masked)
                                 and not lex.reasons.search(masked)) \
                        and not (lead and _REPORT_VERB_LEAD.search(masked)) \
                        and (not own or _cites_nothing(doc, own)):
                    candidates.append(Candidate(s.index, whole[0], s.end, whole[1], k, b))
                continue
            if not is_inherited:
                cue = Cue(cue.type, cue.label, cue.text, start + cue.start, start + cue.end)
            claims.append(Claim(start, s.end, cue, tuple(own) + tuple(extra),
                                bool(lex.hedges.search(masked)), s.index, is_inherited))
    claims.extend(_front_matter_claims(doc))
    claims.sort(key=lambda c: (c.start, c.end))
    return claims, candidates


# Round 14: a list item that is written as full sentences: a bold label may open it,
# then at least six words with a verb ("can lead to", "causes", "is") and a full stop.
_ITEM_LABEL = re.compile(r"^\W*\*\*[^*]{1,40}\*\*[\s.:–—-]*")
_ITEM_VERB = ShapePattern("item-verb", re.I)


_FACTOR_MEASURE = ShapePattern("factor-measure", re.I)


# Round 23b: a labelled item's hedged cause that names another harm ("- **Diabetic kidney
# disease.** Diabetes can lead to kidney damage ...", "Chlorhexidine mouthwash can cause
# brown staining ...") claims; one that leads to the page's own condition ("... can lead to
# meralgia paresthetica") describes how the condition arises, as before
_FACTOR_CAUSE = ShapePattern("factor-cause", re.I)
_EXPERIENCE_VERDICT = ShapePattern("experience-verdict", re.I)


def _factor_cause(cue: Cue, masked: str, page: structmod.PageWords | None) -> bool:
    return _FACTOR_CAUSE.fullmatch(cue.text) is not None and not (
        page is not None and page.condition is not None and page.condition.search(masked))


def _full_sentences(body: str, *verbs: re.Pattern[str]) -> bool:
    """An item's text after its label is written as full sentences: six words or more,
    one of ``verbs``, a closing full stop, and not a list of nouns."""
    return body.rstrip().endswith(".") and len(body.split()) >= 6 \
        and any(v.search(body) for v in verbs) and not _noun_list(body)


# a run-in label that ends with its own full stop or colon
_LABEL_END = re.compile(r"[.:]\s*\*\*|\*\*\s*[.:\u2013\u2014-]")


# Round 19: a hedged cause that names no effect, only a possibility
_HEDGED_COURSE = ShapePattern("hedged-course", re.I)
_POSSIBILITY = ShapePattern("possibility", re.I)
# ...and only "can" hedges it: "may", "might", "could", "thought to" ... keep the cause
# a possibility ("Cold weather may make it worse", "is thought to be caused by")
_SOFT_HEDGE = ShapePattern("soft-hedge", re.I)


def _hedged(text: str, lex: Lexicon) -> bool:
    """A hedge that is not a negated modal: round 17 reads "can't" as a negation (see
    ``_NEGATED``), so "You can't always prevent it, but a night splint makes flare-ups
    less frequent" is not hedged by its "can't"."""
    return any(not _NEGATED_MODAL.match(text, m.end()) for m in lex.hedges.finditer(text))


_NEGATED_MODAL = re.compile(r"(?:n['\u2019]t|['\u2019]t|not)\b", re.I)


# Round 17: the body at its normal work. A part of the body (or the body, or what it
# makes) is the subject right before the cue's verb, in the present tense: "Your ribs
# protect your heart", "small valves keep blood flowing", "your heart beats a little
# faster", "a chemical your immune system releases", "the cartilage wears thin".
_BODY_SUBJECT = ShapePattern("body-subject", re.I, space=True)
# ...and nothing in the sentence says treatment, outcome, time to heal, risk or harm,
# or that the part is better or worse than it was ("Stronger muscles protect the joint")
_BODY_CLAIM = ShapePattern("body-claim", re.I)
_BODY_TYPES = frozenset({"efficacy", "mechanism", "causal"})


def _body_at_work(text: str, cue: Cue, page: structmod.PageWords | None, lo: int) -> bool:
    if cue.type not in _BODY_TYPES or not _BODY_SUBJECT.search(text, lo, cue.start):
        return False
    return not _BODY_CLAIM.search(text) and not structmod.names_treatment(text, page)


# Round 17: a lead-in or heading announcing the signs, symptoms or triggers of the
# condition ("Common signs include:", "Signs that trigger points could be part of your
# problem:", "The most common triggers are:", "Some things may set it off,
# including:", "## What are the signs?"): its items describe the condition; not the
# signs of a treatment working or of recovery. (The pattern: shapes / sign-lead in
# rules/claims.yaml, written to be linear.)
_SIGN_LEAD = ShapePattern("sign-lead", re.I, space=True, twin=True)


# Round 17 mend: a lead-in with a treatment or outcome cue of its own ("Symptoms can be
# relieved by:", "Symptoms that acupuncture relieves include:", "Symptoms that disappear
# within days of using our cream:") announces what helps, not the signs
_LEAD_CLAIM_TYPES = frozenset({"efficacy", "prognosis", "safety", "comparative"})
_WORD = re.compile(r"\w")


def _sign_lead(text: str, page: structmod.PageWords | None = None) -> bool:
    if not _SIGN_LEAD.search(text):
        return False
    cue = classify(text, page=page)
    return cue is None or cue.type not in _LEAD_CLAIM_TYPES


def _own_treatment_claim(text: str, page: structmod.PageWords | None = None) -> bool:
    """Round 17 mend: an item under a sign lead-in that claims for a treatment itself
    ("- hot flushes, which acupuncture relieves in most women")."""
    cue = classify(text, page=page, item=True)
    if cue is None or cue.type not in _LEAD_CLAIM_TYPES or not _WORD.search(text, 0, cue.start):
        # (an item that opens with its verb names a sign or trigger: "- stopping the
        # contraceptive pill")
        return False
    # a treatment is named in the clause of the cue, not as the item's head ("-
    # painkillers that work less well than they used to" is a sign), and before the
    # cue's end ("hot flushes, which acupuncture relieves"; not "pain that
    # improves with movement", "starting or stopping certain medicines")
    heads = list(_ITEM_CLAUSE.finditer(text, 0, cue.start))
    if not heads:
        return False
    return structmod.names_treatment(text[heads[-1].end():cue.end], page)


_ITEM_CLAUSE = re.compile(r",|\b(?:which|that|who)\b", re.I)


# Round 17: a bold run-in label: the sentence is all of a bold span that opens its line
# (after a list marker or a number) and closes right after the sentence's full stop
_LABEL_BEFORE = re.compile(r"(?:^|\n)[ \t]*(?:[-*+][ \t]+|\d{1,2}[.)][ \t]+)?\*\*"
                           r"(?:(?:step )?\d{1,2}[.):]?[ \t]*(?:[\u2013\u2014-][ \t]*)?)?$", re.I)
_LABEL_AFTER = re.compile(r"\*\*[ \t]+\S")


def _run_in_label(text: str, start: int, end: int) -> bool:
    return bool(_LABEL_AFTER.match(text, end)
                and _LABEL_BEFORE.search(text, max(0, start - 40), start)
                and text[start:end].rstrip().endswith((".", ":"))
                and len(text[start:end].split()) <= 6
                and not _LABEL_PREDICATE.search(text, start, end)
                and not _claiming_label(text[start:end]))


_STEP_NUMBER = re.compile(r"^\W*(?:step\s+|stage\s+|phase\s+|week\s+|day\s+)?\d{1,2}\b[.):]?\s*"
                          r"(?:[\u2013\u2014-]\s*)?", re.I)


def _claiming_label(label: str) -> bool:
    """Round 17 mend: a label that claims by itself ("**Clinically proven relief.**",
    "**No side effects.**", "**95% success rate.**"): a strong word, a number or a
    per cent sign, or a safety or statistic cue."""
    label = _STEP_NUMBER.sub("", label, 1)  # ("**Step 3 — Heal the gut.**": a numbering)
    if any(c.isdigit() for c in label) or "%" in label or lexicon().strong.search(label):
        return True
    cue = classify(label)
    return cue is not None and cue.type in ("safety", "statistic")


# a label that says something ("**Massage reduces pain in most people.**", "**It can
# help.**"): a verb in -s with words after it, or an auxiliary
_LABEL_PREDICATE = re.compile(r"\b[a-z]{2,}(?<!s)s\s+[\w'-]|\b(?:is|are|was|were|can|could|may|"
                              r"might|will|would|does|do|did|has|have|had)\b", re.I)


# Round 27: a short line with no sentence end, glued on a scraped page to a sentence that
# starts on the next line with a capital ("– Sofia, Cornwall" / "Preventing the bends" /
# "Plan every dive ..."): a reviewer's signature or a flattened heading
_GLUED_LINE = re.compile(r"[^\S\n]{0,8}(?:[\u2013\u2014-][^\S\n]{1,4})?[A-Z][^\n.!?:;]{0,40}?[^\S\n]{0,8}\n"
                         r"(?=[^\S\n]{0,8}[A-Z])")

_SENTENCE_END = re.compile(r"[.!?][\"'\u201d\u2019)*_]{0,4}$")
# a hard-wrapped line ends in these, a heading or a signature does not ("Ask your GP or")
_GLUED_JOINS = frozenset("a an the and or but of to in on at by for with from your our my "
                         "their his her its this that is are was were be can may will".split())


def _glued_lines_end(masked: str) -> int:
    """Round 27: where a scraped sentence on one line starts after up to three glued
    lines of at most five words each (a signature, a heading); 0 when none."""
    end = 0
    for _ in range(3):
        m = _GLUED_LINE.match(masked, end)
        words = m.group().split() if m is not None else []
        if not words or len(words) > 5 or words[-1].lower() in _GLUED_JOINS:
            break
        end = m.end()
    # only before a full sentence on one line: "Treatment" + "Pain when lifting the arm" +
    # "Massage eases the stiffness" + "Weakness" is a flattened list, read whole (round 17)
    rest = masked[end:].strip()
    return end if end and "\n" not in rest and _SENTENCE_END.search(rest) else 0


_REVIEW_HEADLINE = ShapePattern("review-headline", re.I)


def _review_headline_end(masked: str) -> int:
    """Round 31: where a review's body starts after its star rating and headline (and
    byline) glued to it ("★★★★★ **Life-changing** — *Verified buyer*" + a new line +
    "Our son would only sleep on us."): writers label the body's sentences, never the
    headline; 0 when none, or when nothing follows."""
    m = _REVIEW_HEADLINE.match(masked)
    return m.end() if m is not None and masked[m.end():].strip() else 0


def _flat_description_list(text: str, lex: Lexicon) -> bool:
    """Round 17: a flattened descriptive section: a first line that names a
    descriptive section ("Symptoms", "Causes") and at least two more short lines, none
    ending a sentence, none naming another section."""
    from conditionlint import sectionmap
    from conditionlint.parser import fold

    lines = [x.strip() for x in text.strip().split("\n")]
    if len(lines) < 3 or len(lines[0].split()) > 3 \
            or not set(sectionmap.kinds_of(fold(lines[0]))) & lex.descriptive:
        return False
    if not all(x and len(x.split()) <= 16 and not x.endswith((".", "!", "?", ":"))
               and not set(sectionmap.kinds_of(fold(x))) - lex.descriptive
               for x in lines[1:]):
        return False
    # Round 17 mend: not when a line claims strongly or about safety ("Hot flushes,
    # which our herbal tea cures", "Night sweats are completely safe to treat")
    return not any(lex.strong.search(x) or _safety_cue(x) for x in lines[1:])


def _safety_cue(text: str) -> bool:
    cue = classify(text)
    return cue is not None and cue.type == "safety"


def _labelled_sentence_item(text: str) -> bool:
    """Round 15: a list item that opens with a bold run-in label and goes on in full
    sentences ("- **Obesity.** Having obesity raises the risk of pancreatitis.")."""
    text = text.strip()
    m = _ITEM_LABEL.match(text)
    if m is None or not _LABEL_END.search(text, 0, m.end()):
        # (a label that ends with its own full stop or colon: "**Obesity.** Having
        # obesity ..."; not a bold subject that opens the sentence, "**Viral
        # conjunctivitis** is often caused by ...")
        return False
    return _full_sentences(text[m.end():], _ITEM_VERB, _RISK_VERB)


_RISK_VERB = ShapePattern("risk-verb", re.I)


def _sentence_item(text: str, kinds: frozenset[str], lex: Lexicon) -> bool:
    if not any(sk in kinds for sk, _t, _n in lex.section_defaults):
        return False
    return _full_sentences(_ITEM_LABEL.sub("", text.strip()), _ITEM_VERB)


def _section_default(masked: str, kinds: frozenset[str], lex: Lexicon) -> Cue | None:
    """The claim a section's prose makes by standing in it (``section-defaults`` in
    rules/claims.yaml): under *Complications*, "Smoking slows down bone healing" states
    a complication though no cue names one. Not questions, short fragments, exclusions
    (definitions, calls to action), instructions, or conditions for getting care ("If
    you suddenly cannot lift your thumb, please contact us")."""
    kind, name = next(((t, n) for sk, t, n in lex.section_defaults if sk in kinds),
                      (None, None))
    text = masked.strip()
    if kind is None or text.endswith(("?", ":")) or len(text.split()) < 4 \
            or lex.exclusions.search(text) \
            or (lex.imperative.match(text) and not lex.reasons.search(text)):
        return None
    if _noun_list(text):
        return None
    cond = _CONDITION.match(text)
    if cond:
        rest = text[cond.end():].lstrip()
        if lex.imperative.match(rest) or _PLEASE.search(rest):
            return None
    lead = len(masked) - len(masked.lstrip())
    return Cue(kind, _label(kind), f"{name} section", lead, lead + len(text))


def _later_default(masked: str, kinds: frozenset[str], lex: Lexicon) -> Cue | None:
    """Review 23 mends (D5): a fallback cue found after an exclusion's clause ("We can
    help with bookings, but about 1 in 4 people who get sepsis die") yields to the
    section's default for that later clause, as it does in a sentence of its own."""
    m = lex.exclusions.search(masked)
    b = _LATER_CLAUSE.search(masked, m.end()) if m is not None else None
    d = _section_default(masked[b.end():], kinds, lex) if b is not None else None
    return Cue(d.type, d.label, d.text, b.end() + d.start, b.end() + d.end) \
        if d is not None and b is not None else None


# A list of nouns written as a sentence ("Low mood, poor sleep and time off work."):
# three or more short parts between commas, semicolons, "and" and "or", and no
# auxiliary or modal verb, names harms without stating anything about them.
_LIST_SPLIT = re.compile(r"\s*[,;]\s*(?:(?:and|or)\s+)?|\s+(?:and|or)\s+", re.I)
_AUXILIARY = re.compile(r"\b(?:is|are|was|were|be|been|being|has|have|had|does|do|did|"
                        r"can|could|may|might|will|would|shall|should|must|isn't|aren't|"
                        r"won't|can't|doesn't|don't)\b", re.I)


def _noun_list(text: str) -> bool:
    parts = [p for p in _LIST_SPLIT.split(text.rstrip(" .!")) if p]
    return len(parts) >= 3 and all(len(p.split()) <= 4 for p in parts) \
        and not _AUXILIARY.search(text)


_PLEASE = ShapePattern("please", re.I)


# Round 12: a lead-in whose subject is the reader or someone who advises them.
# (the pattern: clause-patterns / advice-lead in rules/claims.yaml)

# Round 13: a list item that names a group of people by what they have or receive.
# (the pattern: clause-patterns / group-item in rules/claims.yaml)

# Round 13: a lead-in to a list of skills taught.
# (the pattern: clause-patterns / skill-lead in rules/claims.yaml)

# Round 13: a causal lead-in that announces risk factors ("Things that make gallstones
# more likely include:", "Risk factors include:").
# (the pattern: clause-patterns / factor-lead in rules/claims.yaml)

_ROW_CITES = 8  # citations of a table row lent to its uncited cells, at most


def _claim_columns(doc: Document, lex: Lexicon) -> dict[int, tuple[str, str, tuple[int, ...]]]:
    """Body cells of comparison tables whose column header makes them claims (see
    ``table-columns`` in rules/claims.yaml): block index -> (claim type, the header as
    written, the block indexes of the cell's row)."""
    from conditionlint.claimtables import table_cells
    from conditionlint.parser import fold

    out = {}
    # a column's header is judged once, not once a cell (fix23: 100,000 rows)
    kinds: dict[str, tuple[str, str] | None] = {}
    for i, cell in table_cells(doc).items():
        header = cell.header
        if header not in kinds:
            folded = fold(header)
            kinds[header] = next(((kind, header.strip("* :"))
                                  for kind, rx in lex.table_columns if rx.search(folded)),
                                 None)
        found = kinds[header]
        if found is not None:
            out[i] = (found[0], found[1], cell.row)
    return out


def _model_claims(model: claimmodel.Model, candidates: list[Candidate]) -> list[Claim]:
    lex = lexicon()
    out = []
    for c in candidates:
        feats = c.features()
        if claimmodel.score(model, feats) < model.threshold:
            continue
        typed = claimmodel.claim_type(model, feats)
        kind, type_weights = typed if typed is not None else (_likely_type(c.masked), None)
        span = claimmodel.cue_span(model, c.masked, type_weights)
        a, b = span if span is not None else (0, min(len(c.masked), 40))
        cue = Cue(kind, _label(kind), " ".join(c.masked[a:b].split()), c.start + a, c.start + b)
        out.append(Claim(c.start, c.end, cue, (), bool(lex.hedges.search(c.masked)),
                         c.sentence, by_model=True))
    return out


def _likely_type(text: str) -> str:
    """For a model without a type model: the type whose cue comes first in the
    sentence, ignoring the negation and section limits the rules apply; 'efficacy'
    when no cue matches at all."""
    best, at = "efficacy", len(text) + 1
    for name, _, rxs in lexicon().types:
        for rx in rxs:
            m = rx.search(text)
            if m and m.start() < at:
                best, at = name, m.start()
    return best


def page_words(doc: Document) -> structmod.PageWords:
    """The page's own treatment and condition words (title, headings, front matter),
    remembered for the document (three callers a page)."""
    return citemod._cached(doc, "page-words", _page_words)  # noqa: SLF001


def _page_words(doc: Document) -> structmod.PageWords:
    title = doc.title.text if doc.title is not None else None
    fm = doc.front_matter.data if doc.front_matter is not None else None
    if isinstance(fm, dict) and isinstance(fm.get("title"), str) and not title:
        title = fm["title"]
    heads = [h.text for h in doc.headings]
    heads += [b.text.strip() for b in doc.blocks
              if b.kind != "heading" and citemod._is_flat_heading(b)]  # noqa: SLF001
    if title is None and heads:
        title = heads[0]
    return structmod.page_words(title, heads, fm if isinstance(fm, dict) else None)


def front_matter_strings(doc: Document) -> list[tuple[str, str, int]]:
    """(key, value, source offset of the value's first character) for claim-bearing
    front-matter strings."""
    fm = doc.front_matter
    if fm is None or not isinstance(fm.data, dict):
        return []
    out = []
    for key in FM_CLAIM_KEYS:
        value = fm.data.get(key)
        mark = fm.marks.get((key,))
        if isinstance(value, str) and value.strip() and mark is not None:
            raw = doc.text[mark.value_start:mark.value_end]
            i = raw.find(value[:30])
            out.append((key, value, mark.value_start + max(i, 0)))
    return out


def front_matter_sentences(doc: Document) -> list[tuple[str, int, int, int | None]]:
    """The sentences of the claim-bearing front-matter strings, as the detector reads
    them: (text, start, end, at), where start/end locate the sentence in the source and
    ``at`` is the source offset of its first character; a folded or escaped scalar is
    not the source's text, so each of its sentences is located at the whole value and
    ``at`` is None."""
    fm = doc.front_matter
    out: list[tuple[str, int, int, int | None]] = []
    for key, value, base in front_matter_strings(doc):
        contiguous = doc.text[base:base + len(value)] == value
        mark = fm.marks[(key,)] if fm is not None else None
        for s, e in splitter.split(value):
            if contiguous:
                out.append((value[s:e], base + s, base + e, base + s))
            else:
                assert mark is not None
                out.append((value[s:e], mark.value_start, mark.value_end, None))
    return out


def _front_matter_claims(doc: Document) -> list[Claim]:
    out = []
    page = page_words(doc)
    fm_cites = [c for c in doc.citations if c.block == -1]
    for text, cs, ce, at in front_matter_sentences(doc):
        cue = classify(text, page=page)
        if cue is None:
            continue
        # (a folded value's sentence points at the whole value, its cue too)
        qs, qe = (at + cue.start, at + cue.end) if at is not None else (cs, ce)
        # front-matter citations (block -1) are found by conditionlint.citations,
        # in every form; a folded value's are located at the whole value
        found = [c for c in fm_cites if cs <= c.start < ce]
        out.append(Claim(cs, ce, Cue(cue.type, cue.label, cue.text, qs, qe), tuple(found),
                         bool(lexicon().hedges.search(text)), None))
    return out


# -- support ----------------------------------------------------------------------------
def checkable(entry: EvidenceEntry) -> bool:
    """Can a reader find this work? Front-matter entries always count here (CL405 says
    what they lack); a footnote or reference item needs an identifier, or a year and
    the shape of a reference."""
    if entry.origin == "front-matter":
        return True
    if entry.identifiers:
        return True
    return "year" in entry.fields and bool(citemod._LOOKS_LIKE_REF.match(entry.text))  # noqa: SLF001


def _cites_nothing(doc: Document, own: list[Citation]) -> bool:
    """Every key of the sentence's citations resolves to nothing (CL403 reports each):
    the sentence is as uncited as one without a marker, so the claim model scores it
    (ninth session: "Almost everyone with glandular fever who takes amoxicillin gets a
    rash (Thompson & Ramsey, 2017)." with no such entry was left to nobody)."""
    resolver = citemod._cached(doc, "resolver", citemod.Resolver)  # noqa: SLF001
    return all(entry is None for c in own for _, entry in resolver.resolve(c))


def cites_checkable(resolver: citemod.Resolver, citations: list[Citation]) -> bool:
    """Whether one of ``citations`` resolves to an entry a reader can check."""
    return any(e is not None and checkable(e) for c in citations for _, e in resolver.resolve(c))


def supporting_entries(resolver: citemod.Resolver, claim: Claim) -> list[EvidenceEntry]:
    out: list[EvidenceEntry] = []
    for c in claim.citations:
        for _, entry in resolver.resolve(c):
            if entry is not None and checkable(entry) and entry not in out:
                out.append(entry)
    return out


# "this has not been tested in large trials": evidence named in a negated clause is
# not invoked (no comma, colon or semicolon between the negation and the mention).
_NEGATED_BEFORE = re.compile(r"\b(?:not|no|never|without)\b[^,;:.]*$", re.I)


# "Page last reviewed: 02 April 2024 / Next review due": a year inside a date is not
# "a 2024 review".
_DATE_BEFORE = ShapePattern("date-before", re.I)
# "You may be able to take part in a clinical trial": an invitation, not evidence
_TAKING_PART_BEFORE = ShapePattern("taking-part-before", re.I)
_REPORTED_FIGURE = ShapePattern("reported-figure", re.I)
# (Review 22 mends: a cue whose subject is unnamed evidence, "Studies show", "Recent polls
# suggest"; surveys and polls alone)
_EVIDENCE_SUBJECT = ShapePattern("evidence-subject", re.I)
_SURVEY_SUBJECT = ShapePattern("survey-subject", re.I)
# ... unless the wording reports a finding ("Patients who took part in a trial found")
_FINDING_VERB = ShapePattern("finding-verb", re.I)


# Round 33: a vague-evidence pattern that opens with '(?#unattributed)' is vague only in
# a sentence with no citation marker at all ("Hospice at Home is proven to reduce hospital
# deaths."): with a marker, resolved or not, the sentence names its source (CL403 reports a
# marker that resolves to nothing), and writers label it a claim, not vague evidence.
_UNATTRIBUTED = "(?#unattributed)"


def vague_matches(text: str, attributed: bool = False) -> list[tuple[int, int]]:
    """Non-overlapping spans of vague-evidence wording in ``text``; with ``attributed``
    (the sentence carries a citation marker) without the '(?#unattributed)' patterns."""
    return list(_vague_matches(text, attributed))


@lru_cache(maxsize=2048)
def _vague_matches(text: str, attributed: bool = False) -> tuple[tuple[int, int], ...]:
    # Cached: CL401 (a sentence with no cue that invokes evidence) and CL402 both ask,
    # for the same sentence, and these ~20 patterns are a third of the claim rules' cost.
    spans: list[tuple[int, int]] = []
    for rx in lexicon().vague.live(text):
        if attributed and rx.patterns[0].startswith(_UNATTRIBUTED):
            continue
        for m in rx.finditer(text):
            if m.end() > m.start():
                spans.append((m.start(), m.end()))
    spans = [(s, e) for s, e in spans if not _NEGATED_BEFORE.search(text, max(0, s - 60), s)
             and not (text[s].isdigit() and _DATE_BEFORE.search(text, max(0, s - 40), s))
             and not (_TAKING_PART_BEFORE.search(text, max(0, s - 40), s)
                      and not _FINDING_VERB.search(text, s, e))]
    spans.sort(key=lambda se: (se[0], -se[1]))
    out: list[tuple[int, int]] = []
    for s, e in spans:
        if out and s < out[-1][1]:
            if e > out[-1][1]:
                out[-1] = (out[-1][0], e)
            continue
        out.append((s, e))
    return tuple(out)


def options_years(options: dict[str, Any], default: int = 10) -> int:
    v = options.get("years", default)
    return v if isinstance(v, int) and v > 0 else default


# The detector's pieces that checks/claims.py's extra cues use (public, so that the check
# does not reach into this module's private names)
def negated_before(words: str, at: int) -> bool:
    """A negation right before ``at`` ("does not align") or earlier in its clause ("We
    make no claim that reiki aligns")."""
    return bool(_NEGATED.search(words, max(0, at - 30), at)
                or _NEGATED_BEFORE.search(words, max(0, at - 60), at))


def excluded(text: str) -> bool:
    """Whether the detector's exclusions (questions, calls to action, doubt about the
    evidence ...) take ``text`` out."""
    return _excluded(text, lexicon(), None, 0)


def claim_label(kind: str) -> str:
    """The finding's label of a claim type ("efficacy claim")."""
    return _label(kind)
