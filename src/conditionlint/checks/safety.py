"""CL5xx: safety information a health page owes its readers.

What a disclaimer must say, where it may stand, what only looks like one, and how
urgent-care advice is recognised are data: ``rules/disclaimer.yaml`` and
``rules/urgent-care.yaml``. This module finds the candidate places (headed sections,
lead-in paragraphs, trailing blockquotes, the front matter's ``disclaimer:``, and any
paragraph that says "not a substitute for medical advice") and judges them by what
they say, not by their headings alone.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import Any

from conditionlint import sectionmap
from conditionlint.config import ConfigError
from conditionlint.document import Block, Document
from conditionlint.model import Problem
from conditionlint.parser import fold
from conditionlint.registry import rule


# -- the lexicons, compiled once ----------------------------------------------------------
def _compile(spec: dict[str, Any] | None, where: str) -> re.Pattern[str] | None:
    from conditionlint.yamlrules import phrase_regex, pattern_problem

    if not spec:
        return None
    alts = []
    if spec.get("phrases"):
        alts.append(phrase_regex(spec["phrases"]))
    for p in spec.get("patterns", ()):
        problem = pattern_problem(p)
        if problem:  # the schema can't see this; report it as a broken rule file
            raise ConfigError(where, f"pattern {p!r}: {problem}")
        alts.append(f"(?:{p})")
    if not alts:
        return None
    from conditionlint.gated import by_first_letter

    # (grouped by first letter: the same matches, see gated.by_first_letter)
    pattern = by_first_letter(alts)
    # A long alternation under IGNORECASE that starts with "\b" or a lookbehind is
    # tried at every position; a lookahead for the characters a match can start with
    # (zero-width, implied by the pattern: the same matches) rejects most positions at
    # once, as for the claim lexicons' gated alternations.
    from conditionlint.gated import compile_guarded, gated_search, twinned

    # searched with its ASCII twin in ASCII texts (gated.Twin), and only in texts that
    # hold its required words (gated.Gated): elements are asked about every block
    return gated_search(twinned(compile_guarded(pattern, re.I | re.M)), pattern, re.I | re.M)


class _Lexicon:
    """The disclaimer and urgent-care lexicons. Each pattern is compiled on first use:
    compiling all of them costs tens of milliseconds, a large share of a one-page run,
    and a run that does not select the CL5xx rules (or a page that never reaches a
    given check) needs none or only some of them."""

    def __init__(self) -> None:
        from conditionlint.yamlrules import lexicon as load

        self._d = d = load("disclaimer")
        self._u = load("urgent-care")
        gate: list[str] = []
        for spec in d["elements"].values():
            if spec.get("marks-disclaimer"):
                if not spec.get("gate"):
                    gate = []  # one element without a gate: no filter at all
                    break
                gate.extend(w.lower() for w in spec["gate"])
        # words every "marks-disclaimer" match contains (a fast filter)
        self.gate: tuple[str, ...] = tuple(gate)
        self.required: tuple[str, ...] = tuple(d["required"])
        self.explicit_headings = frozenset(fold(h) for h in d.get("explicit-headings", []))

    # id, label, rx, marks-disclaimer, anywhere
    @cached_property
    def elements(self) -> tuple[tuple[str, str, re.Pattern[str], bool, bool], ...]:
        out = []
        for eid, spec in self._d["elements"].items():
            rx = _compile(spec, _W)
            assert rx is not None  # the schema requires phrases or patterns
            out.append((eid, spec["label"], rx, bool(spec.get("marks-disclaimer")),
                        bool(spec.get("anywhere"))))
        return tuple(out)

    @cached_property
    def seals(self) -> tuple[tuple[str, str, re.Pattern[str]], ...]:
        out = []
        for s in self._d.get("defunct-seals", []):
            rx = _compile(s, _W)
            assert rx is not None
            out.append((s["name"], s["note"], rx))
        return tuple(out)

    @cached_property
    def explicit_lead_in(self) -> re.Pattern[str] | None:
        return _compile({"patterns": self._d.get("explicit-lead-ins", [])}, _W)

    @cached_property
    def lead_in(self) -> re.Pattern[str] | None:
        return _compile({"patterns": self._d.get("lead-ins", [])}, _W)

    @cached_property
    def not_disclaimer(self) -> re.Pattern[str] | None:
        return _compile(self._d.get("not-disclaimer"), _W)

    @cached_property
    def seal_history(self) -> re.Pattern[str] | None:
        return _compile(self._d.get("seal-history"), _W)

    @cached_property
    def guarantees(self) -> re.Pattern[str] | None:
        return _compile(self._d.get("guarantees"), _W)

    @cached_property
    def negations(self) -> re.Pattern[str] | None:
        return _compile(self._d.get("negations"), _W)

    @cached_property
    def emergency(self) -> re.Pattern[str]:
        rx = _compile(self._u["emergency-actions"], _WU)
        assert rx is not None
        return rx

    @cached_property
    def care(self) -> re.Pattern[str]:
        rx = _compile(self._u["care-actions"], _WU)
        assert rx is not None
        return rx

    @cached_property
    def urgency(self) -> re.Pattern[str] | None:
        return _compile(self._u.get("urgency-words"), _WU)

    @cached_property
    def urgent_headings(self) -> re.Pattern[str] | None:
        return _compile(self._u.get("headings"), _WU)

    @cached_property
    def heading_urgency(self) -> re.Pattern[str] | None:
        return _compile(self._u.get("heading-urgency"), _WU)

    @cached_property
    def red_flags(self) -> re.Pattern[str] | None:
        return _compile(self._u.get("red-flag-words"), _WU)

    def element(self, eid: str) -> tuple[str, str, re.Pattern[str], bool, bool] | None:
        return next((e for e in self.elements if e[0] == eid), None)

    def number(self, eid: str) -> int:
        return [e[0] for e in self.elements].index(eid) + 1


_W, _WU = "rules/disclaimer.yaml", "rules/urgent-care.yaml"


@lru_cache(maxsize=1)
def lexicon() -> _Lexicon:
    return _Lexicon()


def _element_ids() -> list[str]:
    # Read from the lexicon file without compiling its patterns (this runs at import).
    try:
        from conditionlint.yamlrules import lexicon as load

        return list(load("disclaimer")["elements"])
    except Exception:  # noqa: BLE001 - a broken lexicon is reported when rules run
        return []


# -- where a disclaimer may stand ----------------------------------------------------------
Piece = tuple[int, str]  # (source offset of text[0], text)


@dataclass(frozen=True)
class Region:
    """A candidate disclaimer: where to point, what it says, how it was found."""

    start: int
    end: int
    pieces: tuple[Piece, ...]
    how: str  # "section" | "front-matter" | "lead-in" | "label" | "blockquote" |
    #           "content" | "html"
    explicit: bool  # its heading/label says "disclaimer"


@dataclass(frozen=True)
class Judgement:
    disclaimers: tuple[Region, ...]  # what counts as a disclaimer
    lookalikes: tuple[Region, ...]  # advertising/cookie notices in disclaimer places
    elements: frozenset[str]  # element ids the disclaimers (or the page) say


def _prose(doc: Document) -> list[Block]:
    return [b for b in doc.blocks if b.kind != "heading" and b.footnote is None]


def _line_span(doc: Document, start: int) -> tuple[int, int]:
    m = re.compile(r"[\r\n]").search(doc.text, start)
    end = m.start() if m else len(doc.text)
    return start, max(end, start)


def _first_text(b: Block) -> int:
    return b.start + (len(b.text) - len(b.text.lstrip()))


# "(?!<!--)": many unclosed comments would otherwise make this quadratic.
_TAG = re.compile(r"<!--(?:(?!<!--).)*?-->|<(/?)([A-Za-z][A-Za-z0-9]*)\b[^<>]*>", re.S)
_BLOCK_TAGS = frozenset("p div br li ul ol h1 h2 h3 h4 h5 h6 section footer aside article "
                        "blockquote table tr td th small header main nav details "
                        "summary".split())


def html_pieces(doc: Document) -> list[Piece]:
    """Prose inside raw HTML (which the parser leaves out of ``doc.blocks``): tags
    blanked to spaces, split at block-level tags and blank lines. Publishers often
    paste their disclaimer as ``<div class="disclaimer">...</div>``."""
    hit = _html_cache.get(id(doc))
    if hit is not None and hit[0] is doc:
        return hit[1]
    text = doc.text
    spans = sorted((b.start, b.end) for b in doc.blocks)
    for h in doc.headings:
        spans.append((h.start, h.end))
    spans.extend(doc.code_ranges)
    spans.sort()
    gaps, pos = [], doc.body_start
    for a, b in spans:
        if a > pos:
            gaps.append((pos, a))
        pos = max(pos, b)
    if pos < len(text):
        gaps.append((pos, len(text)))
    out: list[Piece] = []
    for a, b in gaps:
        seg = text[a:b]
        if "<" not in seg:
            continue
        chars = list(seg)
        cuts = [0]
        for m in _TAG.finditer(seg):
            chars[m.start():m.end()] = " " * (m.end() - m.start())
            if m.group(2) and m.group(2).lower() in _BLOCK_TAGS:
                cuts.append(m.start())
        masked = "".join(chars)
        cuts.extend(m.start() for m in re.finditer(r"\n[ \t]*\n", masked))
        cuts = sorted(set(cuts)) + [len(masked)]
        for x, y in zip(cuts, cuts[1:]):
            piece = masked[x:y]
            if re.search(r"[^\W\d_]{2}", piece):
                out.append((a + x, piece))
    _html_cache.clear()
    _html_cache[id(doc)] = (doc, out)
    return out


_html_cache: dict[int, tuple[Document, list[Piece]]] = {}


def _looks_like_heading(b: Block) -> bool:
    """A short line standing alone: how scraped or flattened pages keep their headings
    ("When to see a doctor", "Disclaimer")."""
    t = b.text.strip()
    return bool(t) and len(t) <= 80 and len(t.split()) <= 10 and t[-1] not in ".,;!" \
        and b.list_depth == 0 and not b.blockquote


def _until_next_heading(prose: list[Block], i: int, limit: int = 8) -> list[Block]:
    """The blocks after ``prose[i]`` in its section, up to the next heading-like line."""
    out = []
    for x in prose[i + 1:]:
        if x.section != prose[i].section or _looks_like_heading(x) or len(out) >= limit:
            break
        out.append(x)
    return out


def _says(lex: _Lexicon, pieces: tuple[Piece, ...] | list[Piece]) -> set[str]:
    found = set()
    for eid, _label, rx, _marks, anywhere in lex.elements:
        # (what to do in an emergency: not "you do not need to call 999")
        if any(advises(rx, t, True) if anywhere else rx.search(t) for _, t in pieces):
            found.add(eid)
    return found


def _candidates(doc: Document, lex: _Lexicon) -> list[Region]:
    out: list[Region] = []
    used: set[int] = set()  # blocks already inside a region
    prose = _prose(doc)
    starts = [b.start for b in prose]  # blocks are in source order
    # 1. Sections headed as disclaimers (rules/sections.yaml, kind "disclaimer").
    for s in sectionmap.sections_of_kind(doc, "disclaimer"):
        h = s.heading
        assert h is not None
        blocks = prose[bisect_left(starts, h.end):bisect_left(starts, s.body_end)]
        used.update(b.index for b in blocks)
        out.append(Region(h.text_start, h.text_end,
                          tuple((b.start, b.text) for b in blocks), "section",
                          h.norm in lex.explicit_headings))
    # 2. Paragraphs that are only a label ("**Medical disclaimer**") act as headings;
    #    paragraphs that start with one ("Disclaimer: ...") are disclaimers themselves.
    for i, b in enumerate(prose):
        if b.index in used:
            continue
        norm = fold(b.text) if _looks_like_heading(b) else ""
        if norm and "disclaimer" in sectionmap.kinds_of(norm):
            rest = [x for x in _until_next_heading(prose, i) if x.index not in used]
            used.add(b.index)
            used.update(x.index for x in rest)
            start = _first_text(b)
            out.append(Region(*_line_span(doc, start), tuple((x.start, x.text) for x in rest),
                              "label", norm in lex.explicit_headings))
            continue
        explicit = bool(lex.explicit_lead_in and lex.explicit_lead_in.match(b.text))
        if explicit or (lex.lead_in and lex.lead_in.match(b.text)):
            used.add(b.index)
            out.append(Region(*_line_span(doc, _first_text(b)), ((b.start, b.text),),
                              "lead-in", explicit))
    # 3. The page's trailing blockquote.
    tail: list[Block] = []
    for b in reversed(prose):
        if not b.blockquote:
            break
        tail.insert(0, b)
    tail = [b for b in tail if b.index not in used]
    if tail:
        used.update(b.index for b in tail)
        out.append(Region(*_line_span(doc, _first_text(tail[0])),
                          tuple((b.start, b.text) for b in tail), "blockquote", False))
    # 4. The front matter's disclaimer: field.
    fm = doc.front_matter
    value = fm.get("disclaimer") if fm is not None and fm.error is None else None
    if isinstance(value, str) and value.strip() and fm is not None:
        mark = fm.mark("disclaimer")
        if mark is not None:
            out.append(Region(*_line_span(doc, mark.key_start),
                              ((mark.value_start, doc.text[mark.value_start:mark.value_end]),),
                              "front-matter", True))
    # 5. Any other paragraph that says what only a disclaimer says.
    marks = [e[2] for e in lex.elements if e[3]]

    def gated(t: str) -> bool:
        low = t.lower()
        return not lex.gate or any(w in low for w in lex.gate)

    for b in prose:
        if b.index not in used and gated(b.text) and any(rx.search(b.text) for rx in marks):
            out.append(Region(*_line_span(doc, _first_text(b)), ((b.start, b.text),),
                              "content", False))
    # 6. The same in raw HTML.
    for start, t in html_pieces(doc):
        first = start + len(t) - len(t.lstrip())
        explicit = bool(lex.explicit_lead_in and lex.explicit_lead_in.match(t))
        if explicit or (gated(t) and any(rx.search(t) for rx in marks)):
            out.append(Region(*_line_span(doc, first), ((start, t),), "html", explicit))
    return sorted(out, key=lambda r: r.start)


_cache: dict[int, tuple[Document, Judgement]] = {}


def judge(doc: Document) -> Judgement:
    """Which candidate places are disclaimers, and what they say (cached per page)."""
    hit = _cache.get(id(doc))
    if hit is not None and hit[0] is doc:
        return hit[1]
    lex = lexicon()
    disclaimers, lookalikes = [], []
    said: set[str] = set()
    for r in _candidates(doc, lex):
        says = _says(lex, r.pieces)
        ad = bool(lex.not_disclaimer and any(lex.not_disclaimer.search(t) for _, t in r.pieces))
        if says:
            disclaimers.append(r)
            said |= says
        elif ad:
            lookalikes.append(r)
        elif r.explicit and any(t.strip() for _, t in r.pieces):
            disclaimers.append(r)  # headed "Disclaimer" but says none of the elements
    if disclaimers:
        everywhere = [(b.start, b.text) for b in doc.blocks if b.footnote is None]
        everywhere += html_pieces(doc)
        for eid, _label, rx, _marks, anywhere in lex.elements:
            # (elsewhere on the page, only as advice to the reader)
            if anywhere and eid not in said and any(advises(rx, t) for _, t in everywhere):
                said.add(eid)
    prose = _prose(doc)
    if not lookalikes and prose and lex.not_disclaimer is not None and \
            lex.not_disclaimer.search(prose[-1].text) and not _says(lex, [(0, prose[-1].text)]):
        b = prose[-1]  # a closing advertising notice: named in CL501's message
        lookalikes.append(Region(*_line_span(doc, _first_text(b)), ((b.start, b.text),),
                                 "content", False))
    j = Judgement(tuple(disclaimers), tuple(lookalikes), frozenset(said))
    _cache.clear()
    _cache[id(doc)] = (doc, j)
    return j


def _anchor(doc: Document) -> tuple[int, int]:
    if doc.title is not None:
        return doc.title.text_start, doc.title.text_end
    pos = doc.body_start
    text = doc.text
    while pos < len(text) and text[pos] in " \t\r\n":
        pos += 1
    return _line_span(doc, min(pos, len(text)))


def _line(doc: Document, offset: int) -> int:
    return doc.source.position(offset).line


# -- whether a matched action is advice to the reader --------------------------------------
# An action or an emergency word counts as urgent-care advice only when its sentence
# tells the reader to do it: an instruction ("Call 999 if ...", "If you cannot breathe,
# call 999", "you may need to go to hospital", "take your child to A&E"), not a negated
# one ("you do not need to call 999"), a mention ("a study of emergency department
# visits"), a statement about other people ("many people go to A&E") or a disclaimer of
# being one ("our clinic is not an A&E department").
# (a note's mark may follow: ".[5] Call"; glued when scraped: "bottom.Go to A&E")
_SENTENCE_END = re.compile(
    r"[.!?][\"'”’)\]]*(?:\[\^?\w{1,12}\][\"'”’)\]]*)?(?:\s+(?=\S)|(?=[A-Z]))")
_HARD_BREAK = re.compile(r"[;:—–(\[•]|\s-\s")
_ASIDE = re.compile(r"\([^()]{0,200}\)")
# a negation that governs the action just after it ("do not need to call",
# "there is no need to go to", "is not an A&E department")
_NEGATED = re.compile(
    r"(?:\bnot|n['’]t|\bnever|\bno|\bnor)\s+(?:(?:need|needs|needed|have|has|had|to|"
    r"usually|always|necessarily|normally|generally|typically|automatically|really|"
    r"an?|the|your|be|for|necessary|required|a\s+reason)\s+){0,4}$", re.I)
# waiting for something before acting, urged against: "(do not) wait for a GP
# appointment to (call 999)", "(don't) wait until the morning to (go to A&E)"; the action
# is the advice, the wait an intensifier, as "do not hesitate to" (fix22)
_WAIT_FOR = (r"wait\s+(?:for|until|till)\s+(?:[\w'’&-]+\s+){1,8}?(?:to|before)")
# words that may stand before an instruction's verb
_LEAD = (r"(?:(?:please|do|then|also|so|just|first|now|immediately|instead|otherwise|always|"
         r"either|and|or|but|straight|directly|quickly|urgently|in\s+that\s+case|"
         r"(?:it['’]s\s+)?time\s+to|(?:do\s+not|don['’]t|never)\s+(?:hesitate|wait|delay)"
         r"(?:\s+to)?|(?:do\s+not|don['’]t|never)\s+" + _WAIT_FOR + r"|"
         r"in\s+(?:an?|case\s+of\s+(?:an?\s+)?)\s*(?:medical\s+)?emergency|"
         r"it(?:['’]s|\s+is)\s+(?:also\s+|very\s+|always\s+)?(?:important|best|vital|"
         r"essential|crucial|wise|advisable|safest|a\s+good\s+idea)\s+to)\s+)*")
_VERB = (r"(?:call|dial|ring|phone|telephone|text|contact|go|come|get|head|visit|attend|"
         r"take|bring|seek|ask|book|make|request|return|see|speak|talk|tell|obtain|use|"
         r"hurry|rush|arrange|report|present|consult)")
_INSTRUCTION = re.compile(rf"\s*{_LEAD}{_VERB}\b", re.I)
# an action as a gerund ("calling 999", "going to A&E", rules/urgent-care.yaml) is
# advice only when urged not to put it off: "You must not delay calling 999", "Don't
# delay going to A&E", "never hesitate in calling" (review s21b E7); not "Calling 999
# for a cold foot wastes time", "avoid going to A&E"
_GERUND = r"(?:call|dial|diall|ring|phon|telephon|text|contact|go|visit|attend|head|gett|tak)ing\b"
_GERUND_URGED = re.compile(
    r"(?:\bnot|n['’]t|\bnever)\s+(?:delay(?:ing)?|put(?:ting)?\s+off|hesitate\s+in|"
    r"wait\s+(?:before|until)|" + _WAIT_FOR + r")\s+$", re.I)
_ONLY_LEAD = re.compile(rf"\s*{_LEAD}$", re.I)
# a carer, whom third-person advice names ("Parents should", "A parent or carer should")
_CARER = r"(?:parents?|carers?|caregivers?|care-givers?|guardians?)"
# an emergency place reached by taking or bringing someone there, the action's noun
# after it: "Parents should take their child to A&E", "Carers should bring the person to
# the emergency department" (the emergency-actions pattern takes one word of object)
_CARRIED = re.compile(
    r"\b(?:take|bring|get|drive|rush)\s+(?:(?:your|their|the|his|her|a|this|that)\s+)?"
    r"(?:[\w'’-]+\s+){0,2}?(?:straight\s+|directly\s+|immediately\s+|quickly\s+)?"
    r"to\s+(?:(?:the|an?|your|their|his|her)\s+)?(?:nearest\s+|local\s+)?$", re.I)
# the modal that makes a third person's action advice ("carers should", "parents must")
_MODAL_BEFORE = re.compile(
    r"\b(?:should|must|need\s+to|needs\s+to|ought\s+to|have\s+to|has\s+to)\s+"
    r"(?:(?:then|also|immediately|always|urgently)\s+)?$", re.I)
# someone the advice is given to, and how, just before the action ("you may need to",
# "someone should", "your loved one should")
_ADDRESSED = re.compile(
    r"\b(?:you|someone(?:\s+else)?|somebody|anyone|anybody|everyone|a\s+friend|"
    r"(?:an?\s+|the\s+)?" + _CARER + r"(?:\s*(?:or|and|/)\s*(?:an?\s+|the\s+)?" + _CARER +
    r")?|your\s+(?:loved\s+one|child|baby|partner|relative|"
    r"carer|family))(?:['’](?:ll|d)\s+|\s+)(?:(?:with\s+(?:these|this|those|any\s+of\s+"
    r"these)\s+\w+\s+)?(?:may|might|will|would|should|must|can|could|ought|need|needs|"
    r"have|has|to|then|also|immediately|always|urgently|probably|definitely|better|"
    # "should not hesitate to", "should not delay", "shouldn't hesitate to", "must not
    # delay calling": an intensifier, not a prohibition (review s21b E7)
    r"(?:not\s+|never\s+|(?:should|must|need|would|ca|could|wo)n['’]t\s+)"
    r"(?:" + _WAIT_FOR + r"|(?:hesitate|wait|delay)(?:\s+(?:to|in|before))?))\s+)"
    r"{0,4}$", re.I)
# a condition before the instruction, without a comma ("If you cannot breathe call
# 999"); not one whose own verb the action is ("If you get to hospital within an hour")
_CONDITION = re.compile(r"\s*(?:if|when|whenever|unless|should|in\s+case)\b", re.I)
_CONDITION_SUBJECT_ONLY = re.compile(
    r"\b(?:you|they|someone|he|she|we|i|it|people|your\s+\w+)\s*$", re.I)
_SUBORDINATE = re.compile(r"\s*(?:as|because|since|which|who|where|although|though|while|"
                          r"whereas|but|so|that|if|when|whenever|unless)\b", re.I)
_COORDINATED = re.compile(r"\s*(?:,\s*)?(?:(?:and|or|and/or|then)\s+|/\s*)$", re.I)


def _instructs(prefix: str, verb: bool) -> bool:
    """Whether the words of a sentence before an action (``prefix``) make it an
    instruction to the reader; ``verb``: the action starts with its verb ("call 999"),
    else it is a noun ("A&E", "the emergency department")."""
    clause = _HARD_BREAK.split(_ASIDE.sub(" ", prefix))[-1]
    segments = clause.split(",")
    last = segments[-1]
    tail = re.split(r"\b(?:and|or|then|but)\b", last, flags=re.I)[-1]
    if verb and (_ONLY_LEAD.match(tail) or _ONLY_LEAD.match(last)):
        return True
    if _INSTRUCTION.match(last):
        return True
    if _ADDRESSED.search(last[-90:]) and not _SUBORDINATE.match(last):
        return True  # "you may need to go to hospital", "what matters is that you see"
    if verb and any(_CONDITION.match(seg) for seg in segments) \
            and not _CONDITION_SUBJECT_ONLY.search(last[-40:]):
        return True  # "If you have chest pain or fainting call 999"
    if not verb:
        carried = _CARRIED.search(last)
        if carried is not None:
            # "Take your child to A&E", "Parents should take their child to A&E"
            before = last[:carried.start()]
            if _ONLY_LEAD.match(before) or \
                    _MODAL_BEFORE.search(before) and _ADDRESSED.search(before[-90:]):
                return True
        # "contact your GP, a sexual health clinic or A&E"
        for seg in reversed(segments[:-1]):
            if _SUBORDINATE.match(seg):
                return False
            if _INSTRUCTION.match(seg):
                return True
    return False


_ACTION_START = re.compile(rf"{_VERB}\b|{_GERUND}", re.I)


def advice_matches(rx: Any, text: str, negation_only: bool = False) -> Iterator[re.Match[str]]:
    """The matches of ``rx`` in ``text`` that are advice to the reader (see above);
    with ``negation_only``, every match that is not negated (a disclaimer's own
    wording: "In a medical emergency, ...")."""
    prev: tuple[int, bool] | None = None
    ends: list[int] | None = None  # where the text's sentences end (found once)
    for m in rx.finditer(text):
        start = m.start()
        if prev is not None and _COORDINATED.match(text, prev[0], start):
            ok = prev[1]  # "you do not need to call 999 or go to A&E"
        else:
            if ends is None:
                ends = [0] + [e.end() for e in _SENTENCE_END.finditer(text)]
            sent = ends[bisect_right(ends, start) - 1]
            prefix = text[max(sent, start - _WINDOW):start]
            verb = bool(_ACTION_START.match(m.group()))
            if verb and re.match(_GERUND, m.group(), re.I) \
                    and not _GERUND_URGED.search(prefix):
                verb = False  # read as a noun, as the place alone was before
            # (a capital verb in mid-text starts an instruction: a scraped page's
            # heading glued to it, "When to get urgent help Call 999 if ...")
            ok = not _NEGATED.search(prefix[-80:]) and (
                negation_only or (verb and m.group()[0].isupper())
                or _instructs(prefix, verb))
        prev = (m.end(), ok)
        if ok:
            yield m


_WINDOW = 240  # how far before an action its sentence is read
_advised: dict[tuple[int, str, bool], bool] = {}


def advises(rx: Any, text: str, negation_only: bool = False) -> bool:
    """Whether ``text`` holds a match of ``rx`` that is advice (see advice_matches);
    remembered for the texts of the page being checked (each is asked several times:
    by CL503's sections and page, and by CL502's emergency element)."""
    key = (id(rx), text, negation_only)
    hit = _advised.get(key)
    if hit is None:
        if len(_advised) > 2048:
            _advised.clear()
        hit = _advised[key] = next(advice_matches(rx, text, negation_only), None) is not None
    return hit


# -- rules -------------------------------------------------------------------------------
@rule(code="CL501", name="missing-disclaimer", severity="error",
      summary="The page has no medical disclaimer.")
def missing_disclaimer(doc: Document, options: dict[str, Any]) -> Iterator[Problem]:  # noqa: ARG001
    """The page has no medical disclaimer anywhere. A disclaimer is recognised by what
    it says, wherever it stands:

    - a section headed *Disclaimer*, *Medical disclaimer*, *Important information*,
      *Safety information*, *Please note*... (a heading that only says "Disclaimer"
      is enough; the others count when their text says one of the elements below);
    - a paragraph that starts with *Disclaimer:* (or *Important:*, *Please note:*
      followed by an element), or a bold label line such as `**Medical disclaimer**`;
    - the page's trailing blockquote, when it says one of the elements;
    - the front matter's `disclaimer:` field;
    - any paragraph that says the page is general information and not a substitute
      for professional advice, also inside raw HTML (`<div class="disclaimer">`).

    An advertising, sponsorship or cookie notice is not a disclaimer, even under a
    "Disclaimer" heading; nor is "See a GP if ..." advice, nor a "Safety" section
    about a treatment's side effects. The elements and their wording are data in
    `rules/disclaimer.yaml`.

    The finding points at the page title (the H1), or at the first line.

    ## Why

    Readers act on health pages. A page that sells or explains a treatment must say
    that it is general information and not a substitute for a clinician who knows
    them, and what to do if they are unwell.

    ## Fails

    ```markdown
    # Sciatica

    Sciatica is pain along the sciatic nerve.

    ## Important information

    Advertising on our site helps support our mission. We do not endorse
    non-clinic products or services.
    ```

    ## Passes

    ```markdown
    # Sciatica

    Sciatica is pain along the sciatic nerve.

    > This page is general information, not a substitute for professional medical
    > advice, diagnosis or treatment.
    ```

    ## Fix

    Add a *Disclaimer* section (see the example in docs/format.md). There is no
    automatic fix: the tool never writes clinical or legal text.
    """
    j = judge(doc)
    if j.disclaimers:
        return
    start, end = _anchor(doc)
    note = ""
    if j.lookalikes:
        note = (f" (the notice at line {_line(doc, j.lookalikes[0].start)} is about "
                f"advertising or cookies, which is not a disclaimer)")
    yield Problem(start, end, "no medical disclaimer: say that the page is general "
                              "information, not a substitute for professional advice, "
                              f"diagnosis or treatment{note}")


@rule(code="CL502", name="incomplete-disclaimer", severity="warning",
      summary="The disclaimer lacks one of the required elements.",
      options={"properties": {"required": {
          "type": ["array", "null"], "default": None,
          "items": {"enum": _element_ids()} if _element_ids() else {"type": "string"},
          "description": "Element ids the disclaimer must contain, instead of the list "
                         "in rules/disclaimer.yaml: not-advice, consult-clinician, "
                         "emergency, prescribed-treatment, results-vary."}}})
def incomplete_disclaimer(doc: Document, options: dict[str, Any]) -> Iterator[Problem]:
    """The page has a disclaimer, but it does not say everything a medical disclaimer
    must. The elements (each named in the message) are:

    1. `not-advice`: the page is general information, not a substitute for
       professional advice, diagnosis or treatment;
    2. `consult-clinician`: consult a qualified clinician before starting or changing
       treatment;
    3. `emergency`: what to do in an emergency (urgent-care advice elsewhere on the
       page counts; a negated one, "you do not need to call 999", does not, nor a
       mention elsewhere, "a study of emergency department visits");
    4. `prescribed-treatment`: don't stop or change prescribed treatment without
       your prescriber;
    5. `results-vary`: individual results vary; no outcome is guaranteed.

    What the page says in all its disclaimer places counts together. The finding
    points at the first disclaimer.

    ## Why

    Each element answers a different risk: readers treating a web page as a
    diagnosis, stopping a prescribed medicine for an alternative, waiting at home in
    an emergency, or expecting a promised result.

    ## Options

    `required` lists the element ids to require (default: all five).

    ## Fails

    ```markdown
    # Sciatica

    Sciatica is pain along the sciatic nerve.

    ## Disclaimer

    Always consult your doctor before starting any new treatment.
    ```

    ## Passes

    ```markdown
    # Sciatica

    Sciatica is pain along the sciatic nerve.

    ## Disclaimer

    This page is general information and is not a substitute for professional
    medical advice, diagnosis or treatment. Always talk to your doctor before
    starting or changing a treatment, and do not stop or change a prescribed
    medicine without your prescriber. In an emergency, call 999 or 911 or go to
    the nearest emergency department. Individual results vary and no outcome is
    guaranteed.
    ```

    ## Fix

    Add the missing statements to the disclaimer (see docs/format.md).
    """
    j = judge(doc)
    if not j.disclaimers:
        return
    lex = lexicon()
    required = options.get("required")
    if required is None:
        required = list(lex.required)
    missing = [e for e in required if lex.element(e) is not None and e not in j.elements]
    if not missing:
        return
    first = j.disclaimers[0]
    parts = []
    for e in sorted(missing, key=lex.number):
        el = lex.element(e)
        assert el is not None
        parts.append(f"({lex.number(e)}) {el[1]} [{e}]")
    yield Problem(first.start, first.end,
                  "the disclaimer does not say: " + "; ".join(parts))


def _says_what_to_do(lex: _Lexicon, heading: str, texts: list[str],
                     routine_counts: bool = True) -> str:
    """'urgent' when a section under ``heading`` (folded) holding ``texts`` says what
    to do when help is urgent; 'routine' when it only says to see a doctor, under a
    heading that does not say the help is urgent ("When to see a GP: see a GP if the
    pain lasts"); '' when it names no action."""
    if any(advises(lex.emergency, t) for t in texts):
        return "urgent"
    if not any(advises(lex.care, t) for t in texts):
        return ""
    if routine_counts or lex.heading_urgency is None or lex.heading_urgency.search(heading):
        return "urgent"
    if lex.urgency is not None and any(advises(lex.care, t) and lex.urgency.search(t)
                                       for t in texts):
        return "urgent"
    return "routine"


def _urgent_section_state(doc: Document, lex: _Lexicon,
                          routine_counts: bool = True) -> tuple[bool, Any, bool]:
    """(has advice, a heading that promises advice, whether what that section says is
    routine advice only rather than no action at all). With ``routine_counts`` (the
    default, as issue 5 words it), "see a GP" under *When to see a GP* is advice."""
    bare, routine = None, False
    urgent = [s for s in doc.sections if s.heading is not None and s.heading.level >= 2 and (
        "urgent" in sectionmap.kinds_of(s.heading.norm) or (
            lex.urgent_headings is not None and lex.urgent_headings.search(s.heading.norm)))]
    starts = [b.start for b in doc.blocks]
    for s in urgent:
        h = s.heading
        assert h is not None
        # (a heading that says when, "When to get urgent help", is not the action: over
        # a bare list of warning signs it says nothing to do; one that says what to do,
        # "Call 999 if you have:", is)
        texts = [b.text for b in
                 doc.blocks[bisect_left(starts, h.start):bisect_left(starts, s.body_end)]
                 if not _when_heading(b)]
        said = _says_what_to_do(lex, h.norm, texts, routine_counts)
        if said == "urgent":
            return True, None, False
        if bare is None or (said == "routine" and not routine):
            bare, routine = h, said == "routine"
    # Scraped pages keep headings as short lines of their own.
    prose = _prose(doc)
    for i, b in enumerate(prose):
        if not _looks_like_heading(b):
            continue
        norm = fold(b.text)
        if "urgent" in sectionmap.kinds_of(norm) or (
                lex.urgent_headings is not None and lex.urgent_headings.search(norm)):
            texts = [x.text for x in _until_next_heading(prose, i)]
            if _says_what_to_do(lex, norm, texts, routine_counts) == "urgent":
                return True, None, False
    return False, bare, routine


def has_urgent_advice(doc: Document) -> bool:
    lex = lexicon()
    found, _, _ = _urgent_section_state(doc, lex)
    if found:
        return True
    return _urgent_anywhere(doc, lex)


def _when_heading(b: Block) -> bool:
    """A heading that says when help is needed ("When to get urgent help", "When
    should I seek emergency care?"): its words name the help, they do not tell the
    reader to get it."""
    return b.kind == "heading" and fold(b.text).startswith("when ")


def _urgent_anywhere(doc: Document, lex: _Lexicon) -> bool:
    for b in doc.blocks:
        if b.footnote is not None or _when_heading(b):
            continue
        if advises(lex.emergency, b.text):
            return True
    if any(advises(lex.emergency, t) for _, t in html_pieces(doc)):
        return True
    if lex.urgency is not None:
        for s in doc.sentences:
            if lex.urgency.search(s.text) and advises(lex.care, s.text):
                return True
    fm = doc.front_matter
    value = fm.get("disclaimer") if fm is not None and fm.error is None else None
    return isinstance(value, str) and advises(lex.emergency, value)


@rule(code="CL503", name="missing-urgent-care-advice", severity="error",
      summary="The page does not say when to get urgent help.",
      options={"properties": {
          "page-types": {
              "type": "array",
              "items": {"enum": ["condition", "symptom", "therapy", "test"]},
              "default": ["condition", "symptom"],
              "description": "Page types (front matter `type:`) that must say when to "
                             "get urgent help."},
          "routine-advice-counts": {
              "type": "boolean", "default": True,
              "description": "Whether a plain \"see a GP\" under a heading that only "
                             "promises a doctor (*When to see a GP*) counts as urgent-care "
                             "advice. Set false to require urgency in such a section."}}})
def missing_urgent_care_advice(doc: Document, options: dict[str, Any]) -> Iterator[Problem]:
    """A condition (or symptom) page does not tell readers when to seek urgent or
    emergency help and what to do. Any of these counts:

    - an emergency action anywhere on the page: "call 999 / 911 / 112" (also after
      another number: "call 15 or 112"), "call for an ambulance", "go to A&E" or "an
      urgent treatment centre", "the emergency department", "seek immediate medical
      attention"...;
    - a section headed *When to get urgent help*, *When to see a doctor*,
      *Red flags*... (see `rules/sections.yaml`) that says what to do, including a
      plain "see a GP" or "contact your doctor";
    - a sentence that pairs a care action with urgency ("see a GP urgently if...").

    Warning signs mentioned without an action ("red-flag screening, e.g. bowel or
    bladder changes") are not enough; nor is "book a consultation". The actions
    and the urgency words are data in `rules/urgent-care.yaml`.

    An action counts only when its sentence tells the reader to do it: an
    instruction ("Call 999 if ...", "If you cannot breathe, call 999", "take your
    child to A&E", "you may need to go to hospital"), also one given to a carer in the
    third person ("Parents should take their child to A&E straight away if ...",
    "Carers should call 999", "A parent or carer must call 999"), and one urged with
    "not hesitate", "not wait" or "not delay" ("Parents should not hesitate to call
    999 if ...", "You shouldn't hesitate to call 999", "You must not delay calling
    999", as "Do not hesitate to call 999"; an action as a gerund, "calling 999",
    counts only so urged), also when what not to wait for is named ("Parents should
    not wait for a GP appointment to call 999", "Do not wait until the morning to call
    112", "Don't wait until morning - go to A&E"). A negated instruction ("you do
    not need to call 999 for a migraine"), a mention ("a study of emergency department
    visits"), a statement about other people ("many people go to A&E") or about the
    condition ("it needs urgent treatment"), and a denial ("our clinic is not an A&E
    department") are not advice. The same holds for CL502's `emergency` element said
    elsewhere on the page.

    A stricter reading is one option away: with `routine-advice-counts: false`, a
    section whose heading only promises a doctor (*When to see a GP*, *When to
    contact your healthcare provider*) counts only when it pairs the action with
    urgency ("see a doctor right away if...") or names an emergency action; "see a GP
    if the pain has not improved after a few weeks" is routine advice, and the finding
    says so. Headings that say the help is urgent (*When to get urgent help*, *Red
    flags*, *Call 999 if*) still accept a plain "see a GP". A heading that says when
    (*When to get urgent help*) is not itself the action: a bare list of warning signs
    under it is reported; a heading that says what to do (*Call 999 if you have*) is.

    ## Why

    Some symptoms of common conditions (numbness around the bottom with back pain,
    the worst headache of one's life) need help within hours. A page that describes
    the condition but not when to get help can delay care.

    ## Options

    `page-types` lists the page types checked (default: condition and symptom).
    `routine-advice-counts` (default true, as issue 5 words the rule) decides whether
    routine "see a GP" advice under *When to see a GP* is enough.

    ## Fails

    ```markdown
    # Back pain

    Back pain is common. Doctors screen for red flags such as bladder changes.
    ```

    ## Passes

    ```markdown
    # Back pain

    Back pain is common.

    ## When to get urgent help

    Call 999 or go to A&E if you have back pain with numbness around your bottom
    or you cannot control when you pee.
    ```

    ## Fix

    Add a section such as *When to get urgent help* that lists the warning signs
    and the action to take. No automatic fix.
    """
    if doc.page_type not in options.get("page-types", ["condition", "symptom"]):
        return
    lex = lexicon()
    found, bare, routine = _urgent_section_state(
        doc, lex, bool(options.get("routine-advice-counts", True)))
    if found or _urgent_anywhere(doc, lex):
        return
    if bare is not None and routine:
        yield Problem(bare.text_start, bare.text_end,
                      f"section '{bare.text.strip()}' gives routine advice only: say when "
                      "help is urgent and what to do then (e.g. 'call 999/911 or go to "
                      "A&E if ...', 'see a GP urgently if ...')")
        return
    if bare is not None:
        yield Problem(bare.text_start, bare.text_end,
                      f"section '{bare.text.strip()}' does not say what to do: add an "
                      "action such as 'call 999/911', 'go to A&E or the emergency "
                      "department' or 'see a GP urgently'")
        return
    note = ""
    if lex.red_flags is not None:
        for b in doc.blocks:
            m = lex.red_flags.search(b.text)
            if m:
                note = (f" (warning signs are mentioned at line {_line(doc, b.start + m.start())}"
                        f" but not what to do about them)")
                break
    start, end = _anchor(doc)
    yield Problem(start, end, "no urgent-care advice: say when to get urgent help and "
                              "what to do (e.g. 'call 999 or go to A&E if ...') under a "
                              f"heading such as 'When to get urgent help'{note}")


@rule(code="CL504", name="defunct-trust-mark", severity="warning",
      summary="The page claims a certification that no longer exists.",
      options={"properties": {"extra-seals": {
          "type": "array", "items": {"type": "string", "minLength": 1}, "default": [],
          "description": "More seal names (literal text, any case) to report as "
                         "defunct."}}})
def defunct_trust_mark(doc: Document, options: dict[str, Any]) -> Iterator[Problem]:
    """The page claims a trust mark that no longer exists: HONcode (Health On the
    Net) certification, which the HON Foundation closed in December 2022, or a seal
    named in the option `extra-seals`. Text, link addresses and image markup are all
    searched (seals are usually images linking to the certifier); code is not. A
    sentence that says the seal was closed or discontinued is not a claim. One
    finding per seal per line.

    ## Why

    A seal that can no longer be verified misleads readers about how the page is
    checked, and signals that nobody has looked at the page since 2022.

    ## Fails

    ```markdown
    # Asthma

    This site is HONcode certified.
    ```

    ## Passes

    ```markdown
    # Asthma

    Our pages are reviewed by clinicians every year.
    ```

    ## Fix

    Remove the seal and its link, or replace it with a current quality mark.
    """
    lex = lexicon()
    seals = list(lex.seals)
    for extra in options.get("extra-seals", []):
        seals.append((extra, "configured as defunct",
                      re.compile(r"(?<!\w)" + re.escape(extra) + r"(?!\w)", re.I)))
    text = doc.text
    seen: set[tuple[str, int]] = set()
    for name, note, rx in seals:
        for m in rx.finditer(text):
            if doc.in_code(m.start()):
                continue
            line_start = text.rfind("\n", 0, m.start()) + 1
            line_end = text.find("\n", m.end())
            line = text[line_start:line_end if line_end >= 0 else len(text)]
            if lex.seal_history is not None and lex.seal_history.search(line):
                continue
            key = (name, line_start)
            if key in seen:
                continue
            seen.add(key)
            yield Problem(m.start(), m.end(), f"'{m.group()}' claims {name}, a trust mark "
                                              f"that no longer exists ({note})")


@rule(code="CL505", name="disclaimer-contradicted", severity="warning",
      summary="The page says results vary but promises guaranteed or permanent results.")
def disclaimer_contradicted(doc: Document, options: dict[str, Any]) -> Iterator[Problem]:  # noqa: ARG001
    """The page says that results vary (usually in its disclaimer) and elsewhere
    promises a guaranteed or permanent outcome: "guaranteed relief", "100%
    effective", "cures it for good", "pain that never comes back", "it will not come
    back", "never suffer from back pain again", "pain-free for life", "results for
    life", "we promise you will be pain-free". Each promise is reported. A negated
    promise ("there is no permanent cure") is not one, nor one inside a condition
    ("see a GP if your period does not return") or stated with a hedge ("in most
    people it does not come back", "you may never have it again").

    ## Why

    A disclaimer does not excuse a promise it contradicts; readers remember the
    promise. Health advertising codes forbid guaranteed outcomes.

    ## Fails

    ```markdown
    # Back pain

    Our treatment gives permanent relief from back pain.

    > Individual results vary.
    ```

    ## Passes

    ```markdown
    # Back pain

    Many people find their pain eases within six weeks; there is no permanent cure.

    > Individual results vary.
    ```

    ## Fix

    Remove the promise, or state the evidence for the likely outcome instead.
    """
    lex = lexicon()
    vary = lex.element("results-vary")
    if vary is None or lex.guarantees is None:
        return
    pieces = [(b.start, b.text) for b in doc.blocks if b.footnote is None]
    fm = doc.front_matter
    value = fm.get("disclaimer") if fm is not None and fm.error is None else None
    if isinstance(value, str) and fm is not None:
        mark = fm.mark("disclaimer")
        if mark is not None:
            pieces.append((mark.value_start, doc.text[mark.value_start:mark.value_end]))
    where = None
    for base, t in pieces:
        m = vary[2].search(t)
        if m:
            where = base + m.start()
            break
    if where is None:
        return
    vary_line = _line(doc, where)
    for b in doc.blocks:
        if b.footnote is not None:
            continue
        for m in lex.guarantees.finditer(b.text):
            before = b.text[max(0, m.start() - 40):m.start()]
            before = re.split(r"[.!?;:]", before)[-1]
            if lex.negations is not None and lex.negations.search(before):
                continue
            words = " ".join(m.group().split())
            yield Problem(b.start + m.start(), b.start + m.end(),
                          f"'{words}' promises a guaranteed or permanent outcome, but the "
                          f"page says results vary (line {vary_line})")
