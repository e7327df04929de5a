"""Citation markers and evidence entries, attached to a parsed Document.

Citations, in every form pages use:
- Pandoc ``[@key]`` / ``[@a; @b]`` and footnote references ``[^label]``;
- numbered markers ``[1]``, ``[1,2]``, ``[1-3]``, ``<sup>1</sup>`` (read from the raw
  text: ``Block.text`` blanks HTML tags), Unicode superscripts ``¹²``, and digits glued
  to a full stop by scraping ("pain.12 Next");
- markers in a row (``claim.[^2][^4]``, ``[1][2]``, ``[@a][@b]``);
- author-year ``(Smith et al., 2020)``, ``(Smith and Lee 2019; NICE, 2020)``, with name
  particles (``(van Rijssen et al., 2012)``, ``(de Souza & Lima, 2019)``) and
  narrative ``Smith et al. (2020)``, resolved against a bibliography entry;
- the same forms in claim-bearing front-matter strings (``description:``), with
  block index -1;
- links whose address names one work (kind "link"): ``[A 2019 trial](https://pubmed.
  ncbi.nlm.nih.gov/31234567/)``, ``<a href="https://doi.org/10...">research</a>``, to
  a DOI, PubMed, PMC or ClinicalTrials.gov page (:func:`identifiers.work_of_url`);
  also reference-style (``[text][label]``, ``[label][]``, ``[label]``, resolved with
  markdown-it's definitions), autolinks and bare addresses in a sentence, and links in
  front-matter strings. A link to a search, a topic page or a home page names no work
  and cites nothing. A numbered ``[3]`` stays numeric: References item 3 first, else
  a definition ``[3]: https://doi.org/...`` that names a work.

Evidence entries: front-matter ``evidence:`` items, footnote definitions, and the items
of a References / Sources / Bibliography section (also under a flattened heading: a
short line "References" alone in a paragraph), and the works that links cite (origin
"link", keyed "doi:10.1001/...", "pmid:31234567"...: title the link text, a year only
when the text has one, a design only when the text or its sentence names one). The
same work listed twice (same DOI, PMID or PMCID; a link to a trial's registry record
and the entry with its NCT number) is merged into one entry whose ``aliases`` name the
other keys, except two front-matter entries with ids of their own (see
:func:`same_work`); the same work linked twice is one link entry.

:class:`Resolver` answers which entry a citation key points at.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field, replace
from typing import Any, NamedTuple

from conditionlint import identifiers
from conditionlint.document import Block, Citation, Document, EvidenceEntry
from conditionlint.gated import Gated, has_fold_exception, twinned

# "[@smith2020]", "[@a; @b]", with Pandoc's prefix and locator: "[see @smith2020, p. 3]"
# (not an e-mail address: "@" follows a space, "[", ";" or "-")
_PANDOC = re.compile(r"\[(?P<body>[^\[\]\n@]{0,80}(?<![\w.+])-?@[^\]\n]{1,500})\]")
_PANDOC_KEY = re.compile(r"(?<![\w.+])-?@(?P<key>[\w][\w:.#$%&+?<>~/-]*[\w]|[\w])")
_FOOTNOTE_REF = re.compile(r"\[\^(?P<label>[^\]\s]{1,100})\](?!:)")
# numbers of one to four digits, at least one of them of one to three: "[1-1000]" and
# "[1, 2, 1000]" are markers, "[2024]" and "[2019, 2020]" are years (review s21b E8)
_NUMS = (r"(?=(?:\d{1,4}\s*[-\u2013,]\s*){0,20}\d{1,3}(?!\d))"
         r"\d{1,4}(?:\s*[-\u2013,]\s*\d{1,4}){0,20}")
# (Fifteenth session: the look-behinds below stand after the opening "[" that they
# used to precede, "\[(?<!X\[)" for "(?<!X)\[": the same matches, but re's compiler
# now sees the literal prefix and skips to each "[" in C instead of trying the
# look-behind at every position of the text, 60 times faster on a page. Likewise
# "(?:\[N\]){2,8}" is written "\[N\](?:\[N\]){1,7}", which tries the same paths in
# the same order.)
_NUMERIC = re.compile(r"\[(?<![\w\]\[]\[)(?P<n>" + _NUMS + r")\](?![:\[])")
# "pain.[1][2]": markers in a row (the lookarounds above skip "[text][1]" links).
_NUMERIC_RUN = re.compile(r"\[(?<![\w\]\[]\[)" + _NUMS + r"\](?:\[" + _NUMS + r"\]){1,7}(?![:\[(])")
_NUMERIC_ONE = re.compile(r"\[(?P<n>" + _NUMS + r")\]")
# "pain.\[1\]": the brackets escaped, as pandoc and HTML-to-Markdown converters write
# them (the References list's "\[1\] Smith J..." was read; the markers were not)
_NUMERIC_ESCAPED = re.compile(r"\\\[(?P<n>" + _NUMS + r")\\\](?![:(])")
# Pandoc's superscript: "pain.^1^", "pain^2,3^" (not a power: "10^6^ cells")
_PANDOC_SUP = re.compile(r"\^(?<![\d^]\^)(?P<n>" + _NUMS + r")\^")
# Copied from Wikipedia: "pain.[[1]](https://en.wikipedia.org/...#cite_note-1)"
_WIKI_NOTE = re.compile(r"\[\[(?P<n>" + _NUMS + r")\]\](?:\([^()\s]{0,2048}\))?")
_SUP = re.compile(r"<sup\b[^>]{0,200}>(?:\s|<[^>]{0,300}>)*\[?(?P<n>" + _NUMS +
                  r")\]?(?:\s|<[^>]{0,300}>)*</sup>", re.I)
_SUPER_DIGITS = "\u2070\u00b9\u00b2\u00b3\u2074\u2075\u2076\u2077\u2078\u2079"
_UNICODE_SUP = re.compile(r"(?<=[\w.,;:)\]])(?P<n>[%s]+(?:[,\u207b-][%s]+)*)"
                          % (_SUPER_DIGITS, _SUPER_DIGITS))
# "pain.12 Next": digits glued to the full stop of a sentence that ends in a word, a
# closing bracket, a percentage ("from 46% to 25%.1 However") or a closing quote
# ('"most cases".1'); never a decimal ("2.5", "0.5.1": a digit before the full stop).
# (the first look-behind, implied by the two after it, rejects most positions at once)
_GLUED = re.compile(r"(?<=\.)(?:(?<=[^\W\d_]\.)|(?<=[)\]%\"'\u201d\u2019]\.))(?P<n>\d{1,3}(?:[-\u2013,]\d{1,3}){0,10})"
                    r"(?=\s|$)")
# what every _GLUED match holds (a cheap test first: most paragraphs have none)
_DOT_DIGIT = re.compile(r"\.\d")
# A surname as citations write it: capitalised, with apostrophes or hyphens
# ("O'Brien", "Jerosch-Herold"), after up to three name particles in either case
# ("van Rijssen", "de Souza", "Van der Windt", "Di Marco", "St. John", "Ní Bhriain").
_UPPER = "A-Z\u00c0-\u00d6\u00d8-\u00de"
_PARTICLE = (r"(?:[Vv]an|[Vv]on|[Dd]e|[Dd]el|[Dd]ella|[Dd]er|[Dd]en|[Dd]es|[Dd]i|[Dd]a|[Dd]as|"
             r"[Dd]os|[Dd]u|[Ll]a|[Ll]e|[Tt]en|[Tt]er|[Zz]u|[Bb]in|[Ii]bn|St\.?|Ste\.?|"
             r"N[i\u00ed]|Nic|Mac|Mc|\u00d3|[Uu]\u00ed)")
_SURNAME = r"[" + _UPPER + r"](?:[^\W\d_]|['\u2019-])*[^\W\d_]"  # no digits: "COVID-19"
_NAME = r"(?:" + _PARTICLE + r"\s+){0,3}" + _SURNAME
_MORE = (r"\s+et\s+al\b\.?|\s+(?:and|&)\s+(?:colleagues|co-?workers)\b"
         r"|(?:,\s+" + _NAME + r"){0,4},?\s+(?:and|&)\s+" + _NAME)
# An organisation as author, only with the comma of a citation: "(World Health
# Organization, 2019)", "(National Institute for Health and Care Excellence, 2016)",
# and a group that heads an author list: "(ESHRE Guideline Group on RPL et al., 2023)".
_ORG = (r"[" + _UPPER + r"][\w&'\u2019-]*(?:\s+(?:(?:for|of|and|on|in|the|&)\s+){0,2}"
        r"[" + _UPPER + r"][\w&'\u2019-]*){1,8}")
_AY_YEAR = r"(?:19|20)\d{2}[a-z]?"
# "2019, 2020b", then an optional locator: ", p. 12", ": 45-47"
_AY_YEARS = (r"(?P<year>" + _AY_YEAR + r"(?:,\s*" + _AY_YEAR + r"){0,5})"
             r"(?:,?\s*pp?\.\s*\d{1,5}(?:[-\u2013]\d{1,5})?|:\s*\d{1,5}(?:[-\u2013]\d{1,5})?)?")
_AY_PART = re.compile(
    r"^(?:see |see also |e\.g\.,? |cf\.? |reviewed in |for a review,? see )?(?:(?P<names>" +
    _NAME + r")(?P<more>" + _MORE + r")?(?P<comma>\s?,)?|(?P<org>" + _ORG + r")(?:\s+et\s+al\b\.?)?\s?,)\s+" +
    _AY_YEARS + r"$")
_PAREN = re.compile(r"\((?P<body>[^()]{4,300})\)")
# (Fifteenth session: behind the characters a match can start with, a name particle's
# or a capital: the look-ahead rejects most places at once, where the look-behind and
# the particles were tried at every one; the same matches, 1.5 times faster. The guard
# is gated.first_char_guard's for the pattern: tests/test_perf15.py.)
_NARRATIVE_GUARD = r"(?=[" + _UPPER + r"bdiltuvz])"
_NARRATIVE = re.compile(_NARRATIVE_GUARD + r"(?<![\w'\u2019-])(?P<names>" + _NAME + r")(?P<more>" +
                        _MORE + r")?\s+\((?P<year>" + _AY_YEAR + r"(?:,\s*" + _AY_YEAR +
                        r"){0,5})\)")
_POSSESSIVE = re.compile(r"['\u2019]s$")

_YEAR = re.compile(r"\b(?:19|20)\d{2}\b")
# a parenthesis that may hold author-year citations: "(Brown et al., 2017a)" too
_AY_BODY_YEAR = re.compile(r"\b(?:19|20)\d{2}[a-z]?\b")
# An item's own marker: "1.", "[1]", "1)" or an endnote's "<sup>1</sup>"
_MARKER = r"(?:\[?\d{1,3}[\].)]|(?i:<sup>)\s*\d{1,3}\s*(?i:</sup>))"
_ITEM_NUMBER = re.compile(r"^\s*(?:\[?(\d{1,3})[\].)]|<sup>\s*(\d{1,3})\s*</sup>)\s", re.I)
_LOOKS_LIKE_REF = re.compile(
    r"^\s*(?:" + _MARKER + r"\s*)?(?:" + _PARTICLE + r"\s+){0,3}"
    r"(?:[A-Z][\w'\u2019-]+,?\s(?:[A-Z]{1,3}\b|[A-Z]\.)|[A-Z][\w'\u2019-]+\s+(?:et al|and|&)\b)")
_DESIGN_WORDS = (
    ("meta-analysis", re.compile(r"meta-?analys", re.I)),
    ("systematic-review", re.compile(r"systematic review|cochrane", re.I)),
    ("rct", re.compile(r"randomi[sz]ed|\bRCT\b", re.I)),
    ("guideline", re.compile(r"\bguideline|\bguidance\b|\bNICE\b", re.I)),
    ("case-series", re.compile(r"case series|case report", re.I)),
    ("animal", re.compile(r"\bin (?:rats|mice)\b|\b(?:rat|mouse|murine|animal) model", re.I)),
    ("in-vitro", re.compile(r"\bin[ -]vitro\b", re.I)),
    ("cohort", re.compile(r"\bcohort\b", re.I)),
)


def attach(doc: Document, definitions: dict[str, Any] | None = None) -> Document:
    """Attach evidence entries and citations. ``definitions`` are markdown-it's link
    reference definitions (``env["references"]``: normalised label -> href, title,
    map), for reference-style links ``[text][label]``, ``[label][]``, ``[label]``."""
    defs = _work_definitions(doc, definitions or {})
    links = _find_work_links(doc, defs)
    _cached(doc, "work-links", lambda _: links)
    _cached(doc, "work-definitions", lambda _: defs)
    entries = evidence_entries(doc)
    # the links depend on the text and blocks only, which replace() keeps
    doc = _carry(doc, replace(doc, evidence=tuple(entries)),
                 ("work-links", "work-definitions", *_STRUCTURAL))
    labels = frozenset(definitions or {})
    _cached(doc, "link-labels", lambda _: labels)
    return _carry(doc, replace(doc, citations=tuple(find_citations(doc))), _STRUCTURAL)


# Per-document values computed from the text, blocks and sections alone, which
# replace() keeps: attach() hands them on to each new document rather than compute
# them again for it.
_STRUCTURAL = ("starts", "reference-blocks", "entry-blocks")


def _carry(old: Document, new: Document, names: tuple[str, ...]) -> Document:
    values = _doc_cache[1] if _doc_cache[0] is old else {}
    _doc_cache[0], _doc_cache[1] = new, {k: values[k] for k in names if k in values}
    return new


# -- citations ------------------------------------------------------------------------
_SUPER_TABLE = {ord(c): str(i) for i, c in enumerate(_SUPER_DIGITS)}
_SUPER_TABLE[ord("\u207b")] = "-"


def expand(numbers: str) -> tuple[str, ...]:
    """'1, 3-5' -> ('1', '3', '4', '5'); superscript digits are read as digits."""
    numbers = numbers.translate(_SUPER_TABLE)
    out: list[str] = []
    for part in re.split(r"\s*,\s*", numbers.strip()):
        m = re.fullmatch(r"(\d+)\s*[-\u2013]\s*(\d+)", part)
        if m:
            a, b = int(m.group(1)), int(m.group(2))
            if a <= b <= a + 100:
                out.extend(str(i) for i in range(a, b + 1))
                continue
            out.extend((m.group(1), m.group(2)))
        elif part.isdigit():
            out.append(str(int(part)))
    return tuple(dict.fromkeys(out))


_RANGE = re.compile(r"(\d+)\s*[-\u2013]\s*(\d+)")


def wide_ranges(marker: str) -> list[tuple[int, int]]:
    """The ranges of a marker that expand() reads as their two ends ("[1-200]": wider
    than 100 numbers)."""
    out = []
    for m in _RANGE.finditer(marker.translate(_SUPER_TABLE)):
        a, b = int(m.group(1)), int(m.group(2))
        if b > a + 100:
            out.append((a, b))
    return out


def _wide_ranges(doc: Document, cites: list[Citation], resolver: Resolver
                 ) -> list[Citation]:
    """A range too wide to expand ("[1-200]") cites every item inside it that the page
    has, as well as its ends: items 2 and 3 are not left uncited (CL404)."""
    known: dict[str, frozenset[int]] = {}
    out = []
    for c in cites:
        if c.kind in ("numeric", "superscript") and len(c.keys) >= 2:
            wide = wide_ranges(doc.text[c.start:c.end])
            if wide:
                if c.kind not in known:
                    known[c.kind] = resolver.numbers(c.kind)
                inside = [str(n) for n in sorted(known[c.kind])
                          if any(a < n < b for a, b in wide)]
                c = Citation(c.kind, tuple(dict.fromkeys((*c.keys, *inside))), c.start,
                             c.end, c.block)
        out.append(c)
    return out


def find_citations(doc: Document) -> list[Citation]:
    cites: list[Citation] = []
    bare: set[int] = set()  # starts of bare "(Jones 2005)" citations resolving to nothing
    resolver = Resolver(doc)
    entry_blocks = entry_label_blocks(doc)
    for b in doc.blocks:
        t = b.text
        raw = doc.text[b.start:b.end]
        # Pandoc keys and footnote references are read from the raw text: the masked
        # text takes "[^2][^4]" (two markers in a row) for a reference-style link and
        # blanks its brackets. Code spans and HTML comments are skipped by position.
        if "@" in raw:
            hidden = _hidden(doc, b, raw)
            for m in _PANDOC.finditer(raw):
                if hidden(m.start()):
                    continue
                keys = tuple(k.group("key") for k in _PANDOC_KEY.finditer(m.group("body")))
                if keys:
                    cites.append(Citation("pandoc", keys, b.start + m.start(),
                                          b.start + m.end(), b.index))
        if "[^" in raw:
            hidden = _hidden(doc, b, raw)
            for m in _FOOTNOTE_REF.finditer(raw):
                # A footnote definition's own label at the start of its block is not a
                # citation.
                if b.footnote is not None and m.start() == 0 or hidden(m.start()):
                    continue
                cites.append(Citation("footnote", (m.group("label"),), b.start + m.start(),
                                      b.start + m.end(), b.index))
        if "[" in raw:
            found = list(_NUMERIC.finditer(raw))
            if "[[" in raw:
                found.extend(_WIKI_NOTE.finditer(raw))
            for run in _NUMERIC_RUN.finditer(raw):
                found.extend(_NUMERIC_ONE.finditer(raw, run.start(), run.end()))
            if "][" in raw:
                found.extend(_numbered_link_labels(doc, raw))
            if "\\[" in raw:
                found.extend(_NUMERIC_ESCAPED.finditer(raw))
            for m in found:
                if m.re is _NUMERIC and _not_a_marker(raw, m):
                    continue
                line_start = raw.rfind("\n", 0, m.start()) + 1
                if b.index in entry_blocks and not raw[line_start:m.start()].strip():
                    continue  # "[1] Smith J..." labels the entry itself
                if doc.in_code(b.start + m.start()):
                    continue
                cites.append(Citation("numeric", expand(m.group("n")), b.start + m.start(),
                                      b.start + m.end(), b.index))
        if "<" in raw:
            for m in _SUP.finditer(raw):
                cites.append(Citation("superscript", expand(m.group("n")), b.start + m.start(),
                                      b.start + m.end(), b.index))
        if "^" in raw:
            for m in _PANDOC_SUP.finditer(raw):
                if not doc.in_code(b.start + m.start()):
                    cites.append(Citation("superscript", expand(m.group("n")),
                                          b.start + m.start(), b.start + m.end(), b.index))
        if not raw.isascii() and any(c in raw for c in _SUPER_DIGITS):
            for m in _UNICODE_SUP.finditer(raw):
                cites.append(Citation("superscript", expand(m.group("n")), b.start + m.start(),
                                      b.start + m.end(), b.index))
        if "." in t and b.index not in entry_blocks and _DOT_DIGIT.search(t):
            for m in _GLUED.finditer(t):
                cites.append(Citation("numeric", expand(m.group("n")), b.start + m.start("n"),
                                      b.start + m.end("n"), b.index))
        if "(" in t and b.index not in entry_blocks:
            cites.extend(_author_year(doc, b, resolver, bare))
    cites.extend(_front_matter_citations(doc, resolver))
    if bare and all(c.start in bare for c in cites if c.kind == "author-year"):
        # no citation of an author-year shape on the page: "(Word 2020)" is prose
        cites = [c for c in cites if c.kind != "author-year" or c.start not in bare]
    cites.sort(key=lambda c: (c.start, c.end))
    # One marker found by two forms (e.g. "[1]" inside "<sup>[1]</sup>"): keep the outer.
    out: list[Citation] = []
    for c in cites:
        if out and c.start < out[-1].end:
            if c.end > out[-1].end:
                out[-1] = c
            continue
        out.append(c)
    out = _wide_ranges(doc, out, resolver)
    # Links last: a link may wrap another marker ("[Smith et al. (2020)](https://doi...)",
    # "[1](https://pubmed...)"), and both stand.
    links = [Citation("link", (w.key,), w.start, w.end, w.block) for w in _work_links(doc)]
    if links:
        out = sorted(out + links, key=lambda c: (c.start, c.end))
    return out


# A bracketed number that names something to press or pick rather than a source:
# "Press [2] on the keypad", "choose option [3]", "go to step [4]", "dial [9] first".
# A verb of pressing or picking right before the bracket makes it an instruction's key
# or choice. A bare noun ("key", "option", "step") does only in an instruction's shape:
# a verb of pressing or picking before it ("choose option [3]", "go to step [4]"), or
# instruction words after the bracket ("step [3] of the form", "option [2] on the
# keypad", "step [4] to continue", "option [1] and press"). Anything else after a bare
# noun leaves a marker: "Exercise is key [2].", "a last-resort option [4].", "key [2]
# for most people", "an option [2] (see below)", "one option [2] - ask your
# podiatrist" cite a source (review s21b E4).
# A range starting at 0 ("a score of [0-10]") is a scale: references are numbered
# from 1. A list or a lone number from 0 ("[0,1]", "[0]") is still a marker, one that
# points at a missing item 0.
_INSTRUCTION_VERB_BEFORE = re.compile(
    r"(?i)(?<![\w-])(?:press(?:ing|ed)?|push|hit|tap|dial(?:l?ing)?|choose|select|enter)"
    r"[ \t]*$")
_INSTRUCTION_NOUN_BEFORE = re.compile(
    r"(?i)(?<![\w-])(?P<verb>(?:press(?:ing|ed)?|push|hit|tap|dial(?:l?ing)?|choose|"
    r"choosing|select|selecting|pick|enter|go(?:ing)? (?:to|back to|on to)|skip to|"
    r"return to|repeat|follow|use|try|see|complete|do)[ \t]+(?:(?:the|an?|your)[ \t]+)?)?"
    r"(?:key|keys|button|buttons|option|options|step|steps|choice|menu|extension)[ \t]*$")
_NOUN_INSTRUCTION_AFTER = re.compile(
    r"(?i)[ \t]*(?:of (?:the|this|your|our) (?:form|menu|list|page|screen|app|website|"
    r"site|process|guide|instructions|questionnaire|booking)\b|"
    r"(?:on|from|in) (?:the|your|this) (?:keypad|phone|keyboard|handset|screen|remote|"
    r"form|page|menu|app|website|site|list)\b|"
    r"to (?:continue|proceed|confirm|select|choose|go|return|start|begin|book|speak|talk|"
    r"hear|repeat|cancel|reply|leave|skip|enter|submit|finish|register|log|sign|pay|"
    r"change|order)\b|"
    r",?[ \t]*(?:and|then|and then) (?:press|choose|select|enter|click|tap|follow|wait|"
    r"hold|dial|speak|fill|type|go)\b)")
_INSTRUCTION_AFTER = re.compile(
    r"(?i)[ \t]*(?:key\b|button\b|on (?:the|your) (?:keypad|phone|keyboard|"
    r"handset|screen|remote)\b)")
_FROM_ZERO = re.compile(r"0\s*[-\u2013]")


def _not_a_marker(raw: str, m: re.Match[str]) -> bool:
    """True for "[2]" that an instruction names (see _INSTRUCTION_NOUN_BEFORE)."""
    if _FROM_ZERO.match(m.group("n")):
        return True
    if _INSTRUCTION_AFTER.match(raw, m.end()):
        return True
    line_start = raw.rfind("\n", 0, m.start()) + 1
    before = raw[max(line_start, m.start() - 40):m.start()]
    if _INSTRUCTION_VERB_BEFORE.search(before):
        return True
    noun = _INSTRUCTION_NOUN_BEFORE.search(before)
    if noun is None:
        return False
    return bool(noun.group("verb")) or bool(_NOUN_INSTRUCTION_AFTER.match(raw, m.end()))


def _numbered_link_labels(doc: Document, raw: str) -> list[re.Match[str]]:
    """"[one large trial][3]" with no definition of "[3]": markdown-it leaves it as
    text, and the writer pointed the words at References item 3, so the "[3]" is a
    numbered marker. With a definition it is a link (a citation when the address
    names a work, see _reference_links)."""
    from conditionlint.parser import reference_label

    labels: frozenset[str] = _cached(doc, "link-labels", lambda _: frozenset())
    out = []
    for m in _REF_FULL.finditer(raw):
        label = m.group("label")
        if not label or not _NUMBER_LABEL.fullmatch(label) \
                or _NUMBER_LABEL.fullmatch(m.group("text")) \
                or reference_label(label) in labels:
            continue
        marker = _NUMERIC_ONE.match(raw, m.start("label") - 1)
        if marker is not None:
            out.append(marker)
    return out


def _front_matter_citations(doc: Document, resolver: Resolver) -> list[Citation]:
    """Citations in claim-bearing front-matter strings (``description:`` and the like),
    with block index -1. A value quoted or folded so that its text is not verbatim in
    the source is located at the whole value."""
    from conditionlint.claimdetect import front_matter_strings

    fm = doc.front_matter
    out: list[Citation] = []
    for key, value, base in front_matter_strings(doc):
        found: list[Citation] = []
        for m in _PANDOC.finditer(value):
            keys = tuple(k.group("key") for k in _PANDOC_KEY.finditer(m.group("body")))
            if keys:
                found.append(Citation("pandoc", keys, base + m.start(), base + m.end(), -1))
        for m in _FOOTNOTE_REF.finditer(value):
            found.append(Citation("footnote", (m.group("label"),), base + m.start(),
                                  base + m.end(), -1))
        for m in _NUMERIC.finditer(value):
            found.append(Citation("numeric", expand(m.group("n")), base + m.start(),
                                  base + m.end(), -1))
        found.extend(_author_year_in(value, base, -1, resolver))
        if found and doc.text[base:base + len(value)] != value:
            # folded or escaped: one citation at the whole value, with every key
            mark = fm.marks.get((key,)) if fm is not None else None
            s, e = (mark.value_start, mark.value_end) if mark else (base, base)
            # (of the most common kind: citations at one place keep one form)
            kinds = [c.kind for c in found]
            kind = max(kinds, key=kinds.count)
            keys = tuple(dict.fromkeys(k for c in found if c.kind == kind for k in c.keys))
            found = [Citation(kind, keys, s, e, -1)]
        out.extend(found)
    return out


_COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.S)


def _hidden(doc: Document, b: Block, raw: str) -> Any:
    """Whether an offset into the block's raw text is in a code span or an HTML
    comment (text a reader does not see as a citation)."""
    comments = [(m.start(), m.end()) for m in _COMMENT.finditer(raw)] if "<!--" in raw \
        else []

    def hidden(i: int) -> bool:
        return doc.in_code(b.start + i) or any(s <= i < e for s, e in comments)
    return hidden


def _author_year(doc: Document, b: Block, resolver: Resolver,
                 bare: set[int] | None = None) -> list[Citation]:
    return _author_year_in(b.text, b.start, b.index, resolver, bare)


def _author_year_in(t: str, base: int, index: int, resolver: Resolver,
                    bare: set[int] | None = None) -> list[Citation]:
    """Author-year citations in ``t``. A bare "(Jones 2005)" that resolves to nothing
    is kept only when ``bare`` is given (it collects the start offsets of such
    citations, for the caller to drop unless the page cites by author elsewhere)."""
    found: list[Citation] = []
    for m in _PAREN.finditer(t):
        if not _AY_BODY_YEAR.search(m.group("body")):
            continue
        keys: list[str] = []
        only_bare = True
        parts = m.group("body").split(";")
        for part in parts:
            p = _AY_PART.match(" ".join(part.split()))
            if not p or _not_author(p.group("names") or p.group("org")):
                keys = []
                break
            part_keys = _keys(p.group("names") or p.group("org"), p.group("year"))
            # "(Smith, 2020)" and "(Smith et al. 2020)" have a citation's shape; a bare
            # "(Word 2020)" counts only when it names a bibliography entry, beside other
            # citations ("(Smith 2019; Jones et al., 2020)"), or on a page whose
            # references are listed by author (then "(Jones 2005)" with no entry is a
            # broken citation, not prose).
            if p.group("more") or p.group("comma") or p.group("org") or len(parts) > 1 or \
                    all(resolver.author_year(k) for k in part_keys):
                keys.extend(part_keys)
                only_bare = False
            elif bare is not None and resolver.by_author:
                keys.extend(part_keys)
        if keys:
            found.append(Citation("author-year", tuple(dict.fromkeys(keys)), base + m.start(),
                                  base + m.end(), index))
            if only_bare and bare is not None:
                bare.add(base + m.start())
    for m in _NARRATIVE.finditer(t):
        if _not_author(m.group("names")):
            continue
        keys = _keys(m.group("names"), m.group("year"))
        if m.group("more") or all(resolver.author_year(k) for k in keys):
            found.append(Citation("author-year", tuple(keys), base + m.start(),
                                  base + m.end(), index))
    return found


# "(March, 2020)", "(Updated June 2021)", "(Summer 2019)": dates, not authors.
_NOT_AUTHORS = frozenset(
    "january february march april may june july august september october november "
    "december jan feb mar apr jun jul aug sep sept oct nov dec spring summer autumn fall "
    "winter updated accessed published retrieved reviewed revised posted last since "
    "from until before after in by as of to est copyright phase stage version type grade "
    "level step".split())


def _not_author(names: str) -> bool:
    words = names.split()
    return not words or words[0].casefold().rstrip(".,") in _NOT_AUTHORS


def _keys(names: str, years: str) -> list[str]:
    """("Smith", "2019, 2020a") -> ["Smith 2019", "Smith 2020a"] ("Smith's" -> "Smith")."""
    names = _POSSESSIVE.sub("", " ".join(names.split()))
    return [f"{names} {y.strip()}" for y in years.split(",")]


# -- evidence entries -------------------------------------------------------------------
def evidence_entries(doc: Document) -> list[EvidenceEntry]:
    entries: list[EvidenceEntry] = []
    fm = doc.front_matter
    items = fm.get("evidence") if fm else None
    if isinstance(items, list) and fm is not None:
        for i, item in enumerate(items):
            mark = fm.mark("evidence", i)
            start = mark.value_start if mark else 0
            end = mark.value_end if mark else 0
            fields = item if isinstance(item, dict) else {}
            key = fields.get("id")
            ids = []
            for kind in identifiers.KINDS:
                if kind in fields and not identifiers.blank(fields[kind]):
                    km = fm.marks.get(("evidence", i, kind))
                    s, e = (km.value_start, km.value_end) if km else (0, 0)
                    q = doc.text[s:s + 1] if e - s >= 2 else ""
                    if q and q in "\"'" and doc.text[e - 1] == q:
                        s, e = s + 1, e - 1  # doi: "10.1000/x": the identifier, not its quotes
                    value = fields[kind]
                    # "doi: 10.1000" is read by YAML as the number 10.1: CL406 quotes
                    # what the page says
                    text = doc.text[s:e] if not isinstance(value, str) and e > s else \
                        str(value)
                    ids.append((kind, text, s, e))
            meta = dict(fields)
            year = meta.get("year")
            if not isinstance(year, int) or isinstance(year, bool) or \
                    not 1800 <= year <= 2200:
                meta.pop("year", None)  # CL203 reports it; no age to judge (CL409)
            entries.append(EvidenceEntry(str(key) if key is not None else "", "front-matter",
                                         start, end, meta, index=i,
                                         identifiers=tuple(ids)))
    seen: set[str] = set()
    # footnote label -> end of the last block of its first definition (the definition's
    # own continuation blocks follow it; a label defined again further down the page is
    # a duplicate, not a part of the first)
    last_end: dict[str, int] = {}
    prev: Block | None = None
    opening = {id(b) for _, b, _ in footnote_definitions(doc)}
    for b in doc.blocks:
        if b.footnote is not None:
            if b.footnote not in last_end:
                last_end[b.footnote] = b.end
            elif prev is not None and prev.footnote == b.footnote and \
                    last_end[b.footnote] == prev.end and id(b) not in opening:
                # (a block that opens "[^1]:" again is a second definition, even
                # right after the first: not a part of it)
                last_end[b.footnote] = max(last_end[b.footnote], b.end)
        prev = b
    for b in doc.blocks:
        if b.footnote is not None and b.footnote not in seen:
            seen.add(b.footnote)
            last = last_end[b.footnote]
            line_start = doc.source.line_starts[b.line - 1]
            entries.append(_text_entry(doc, b.footnote, "footnote", line_start, last,
                                       b.start))
    for key, start, end in _reference_items(doc):
        entries.append(_text_entry(doc, key, "references", start, end, start))
    for key, start, end in _html_reference_items(doc):
        entries.append(_text_entry(doc, key, "references", start, end, start))
    entries.extend(_link_entries(doc))
    return _dedupe(entries)


_FOOTNOTE_DEF = re.compile(r"[ \t]{0,3}\[\^(?P<label>[^\]\s]{1,100})\]:")


def footnote_definitions(doc: Document) -> list[tuple[str, Block, Block | None]]:
    """Every block that opens a footnote definition ("[^1]: ..." at its line's start),
    with its label and the block that opened the label's first definition (None for
    the first itself): a second "[^1]:" is a duplicate, which the page's renderer drops
    or merges."""
    out: list[tuple[str, Block, Block | None]] = []
    first: dict[str, Block] = {}
    starts = doc.source.line_starts
    for b in doc.blocks:
        if b.footnote is None or b.line < 1 or b.line > len(starts):
            continue
        m = _FOOTNOTE_DEF.match(doc.text, starts[b.line - 1])
        if m is None or m.group("label") != b.footnote or m.end() > b.start:
            continue
        out.append((b.footnote, b, first.get(b.footnote)))
        first.setdefault(b.footnote, b)
    return out


def reference_numbers(doc: Document) -> dict[int, tuple[int, int, int]]:
    """The items of ordered lists, by their first block's start: (the list's id, the
    number written in the source, the number the reader sees). Markdown numbers a list
    from its first item on, whatever the others say: "1.", "2.", "2." shows 1, 2, 3."""
    out: dict[int, tuple[int, int, int]] = {}
    seen_items: dict[int, list[int]] = {}
    first_number: dict[int, int] = {}
    for b in doc.blocks:
        if not b.list_ordered or b.list_id is None or b.list_item is None or \
                b.list_number is None:
            continue
        items = seen_items.setdefault(b.list_id, [])
        if b.list_item in items:
            continue
        first_number.setdefault(b.list_id, b.list_number)
        items.append(b.list_item)
        out[b.start] = (b.list_id, b.list_number, first_number[b.list_id] + len(items) - 1)
    return out


def lazy_lists(numbers: dict[int, tuple[int, int, int]]) -> frozenset[int]:
    """The ids of ordered lists of two or more items that are all written with one
    number ("1.", "1.", "1."): Markdown's lazy numbering, which shows 1, 2, 3. Their
    numbers are not used twice by mistake."""
    written: dict[int, set[int]] = {}
    count: dict[int, int] = {}
    for list_id, number, _ in numbers.values():
        written.setdefault(list_id, set()).add(number)
        count[list_id] = count.get(list_id, 0) + 1
    return frozenset(i for i, w in written.items() if len(w) == 1 and count[i] > 1)


# Inline links: "[text](url)" (not an image "![...]", not "[a][b]"), "[text](<url>)",
# and HTML "<a href="url">text</a>". Bounded runs, like the parser's masking patterns.
_MD_LINK = re.compile(r"\[(?<![\]!\\]\[)(?P<text>[^\[\]\n]{1,1000})\]\((?:<(?P<u1>[^>\n]{1,2048})>|"
                      r"(?P<u2>[^)\s\[]{1,2048}))(?:\s+\"[^\"]{0,1000}\")?\)")
# A Markdown image, "![chart](https://...)": its address is no citation
_MD_IMAGE = re.compile(r"!\[[^\[\]\n]{0,1000}\]\((?:[^()\n]|\([^()\n]{0,200}\)){0,2048}\)")
# An <a> start tag; its text runs to the next "</a>" (found by bisecting, not by a lazy
# scan from every start tag: a page of unclosed "<a href=x>" stays linear).
_A_OPEN = re.compile(r"<a\s[^<>]{0,500}?\bhref\s*=\s*(?:\"(?P<u1>[^\"<>]{1,2048})\"|"
                     r"'(?P<u2>[^'<>]{1,2048})'|(?P<u3>[^\s<>\"']{1,2048}))[^<>]{0,500}>", re.I)
_A_CLOSE = re.compile(r"</a\s*>", re.I)
# Reference-style links, resolved against markdown-it's link reference definitions:
# full "[text][label]" and collapsed "[label][]" (label empty), and a shortcut
# "[label]" (no "[", "(" or ":" after it). Not images, "[^1]" footnotes or "[@key]".
_REF_FULL = re.compile(r"\[(?<![\]!\\]\[)(?P<text>[^\[\]\n]{1,999})\]\[(?P<label>[^\[\]\n]{0,999})\]")
_REF_SHORT = re.compile(r"\[(?<![\]!\\]\[)(?P<text>(?![\^@])[^\[\]\n]{1,999})\](?![\[(:])")
_NUMBER_LABEL = re.compile(r"\s*\d{1,3}\s*")
# Where a definition's destination starts, after its "]:" (markdown-it gives the
# address normalised; the source offsets of the identifier are read from here).
_DEF_DEST = re.compile(r"[ \t]*(?:\r?\n[ \t>]*)?<?(?P<url>[^\s<>]{1,2048})")
# A bare address in prose, or an autolink "<https://doi.org/...>": a URL, or a
# scheme-less doi.org / PubMed address. Only a URL that names one work counts
# (identifiers.work_of_url decides: a DOI, PubMed, PMC or trial record, or the page of
# one journal article or guideline), so no general linkifier is needed; a block is
# searched only when _BARE_HINT finds an address or one of the scheme-less hosts in it.
_BARE_URL = re.compile(r"(?<![\w/.@=\"'\\-])(?:https?://|(?=(?:dx\.)?doi\.org/|"
                       r"(?:www\.)?pubmed\.ncbi\.nlm\.nih\.gov/))[^\s<>\"'\[\]`]{4,2048}", re.I)
_BARE_HINT = re.compile(r"https?://|doi\.org/|pubmed\.ncbi\.nlm\.nih\.gov/", re.I)


def _bare_hint(text: str) -> bool:
    """``_BARE_HINT.search(text) is not None``, by substring tests on the lower-cased
    text (fifteenth session: re tried the three IGNORECASE alternatives at every
    position). The same unless the text holds a letter that IGNORECASE equates with an
    ASCII one although lower() does not (dotted or dotless i, long s: searched; the
    Kelvin sign is a "k", which no hint holds)."""
    if has_fold_exception(text):
        return _BARE_HINT.search(text) is not None
    low = text.lower()
    return "http://" in low or "https://" in low or "doi.org/" in low \
        or "pubmed.ncbi.nlm.nih.gov/" in low
# A labelled identifier in prose names one work too: "(doi:10.1136/bmj.m1234)",
# "PMID: 31234567", "PubMed ID 31234567", "PMC7654321", "NCT01234567". Found with
# identifiers.extract (the reference-list reader), so both read them alike; a DOI
# counts only after its "doi:" label (a bare "10.1000/x" in prose is not a citation).
# (behind a look-ahead for the letters every match starts with: most positions are
# rejected at once; no other letter folds to d, p or n under IGNORECASE)
_ID_HINT_PATTERN = r"(?=[dpn])(?:\bdoi:|\bPMID\b|\bPubMed\s+ID\b|\bPMC\d|\bNCT\d)"
# (its ASCII twin for ASCII texts: gated.Twin; seventeenth session: behind its literal gate,
# gated.Gated, a substring test of the lower-cased block: it was searched in all 28,566
# blocks of the 1,000 corpus pages, 3 us each, and matched none. The requirement is what
# gated.gate computes for the pattern, written out so that no gate is computed, nor the
# gates table read, at import: tests/test_perf19.py checks they agree)
_ID_HINT = Gated(twinned(re.compile(_ID_HINT_PATTERN, re.I)),
                 (frozenset({" nct", " pmc", " pmid ", " pubmed ", "doi:"}),))
_ID_LABEL = re.compile(r"\b(?:(?P<doi>doi:)|doi|PMID|PubMed\s+ID)\s*:?\s*$", re.I)
# Study designs a link's text or sentence may name unambiguously (for CL408). A name
# that fits several designs ("a study", "a trial", "research") names none.
_LINK_DESIGNS = (
    ("meta-analysis", re.compile(r"\bmeta-?analys[ie]s\b", re.I)),
    ("systematic-review", re.compile(r"\bsystematic (?:literature )?reviews?\b|"
                                     r"\bcochrane (?:systematic )?reviews?\b", re.I)),
    ("rct", re.compile(r"\brandomi[sz]ed(?:,? (?:double-blind(?:ed)?|placebo-controlled|"
                       r"controlled|clinical|multi-?cent(?:re|er)|pragmatic))* trials?\b|"
                       r"\bRCTs?\b")),
    ("cohort", re.compile(r"\bcohort stud(?:y|ies)\b", re.I)),
    ("case-control", re.compile(r"\bcase[- ]control stud(?:y|ies)\b", re.I)),
    ("cross-sectional", re.compile(r"\bcross-sectional (?:stud(?:y|ies)|surveys?)\b", re.I)),
    ("case-series", re.compile(r"\bcase series\b|\bcase reports?\b", re.I)),
    ("animal", re.compile(r"\bin (?:mice|rats|rodents|animals)\b|"
                          r"\b(?:animal|mouse|rat|murine|rodent) (?:stud(?:y|ies)|models?|"
                          r"experiments?)\b", re.I)),
    ("in-vitro", re.compile(r"\bin[ -]vitro\b|\bin the (?:lab|laboratory)\b|"
                            r"\b(?:test[- ]tube|cell[- ]culture) stud(?:y|ies)\b|"
                            r"\bin (?:test tubes|cell cultures)\b", re.I)),
    ("guideline", re.compile(r"\bguidelines?\b", re.I)),
)
# A design named only to be denied: "not a randomised trial", "non-randomised", "no
# meta-analysis", "rather than an RCT", "quasi-randomised" (the words before a match)
_DESIGN_DENIED = re.compile(
    r"(?:\b(?:not|no|never|without|neither|nor|rather than|instead of|"
    r"(?:isn|wasn|aren|weren)['\u2019]?t)\s+(?:(?:a|an|the|any|one|single|true|proper|real|"
    r"formal|large|big|full)\s+){0,3}|\b(?:non|quasi|pseudo)[-\u2010\u2011\u2013 ]?)$", re.I)
# an address (any word with a "/"), left out of the text a design is read from
_ADDRESS = re.compile(r"[^\s/]{0,2048}/\S{0,2048}")


class _WorkLink(NamedTuple):
    block: int  # -1 in a front-matter string
    start: int
    end: int
    key: str  # "doi:10.1001/...", "pmid:31234567"
    text: str  # the link text as prose (no emphasis marks or tags); a bare URL's own text
    ident: tuple[str, str, int, int]  # (kind, value, start, end) in the source
    design: str | None  # named by the link text or its sentence


class _Definition(NamedTuple):
    key: str
    label: str  # as written
    title: str
    start: int  # the definition's lines
    end: int
    ident: tuple[str, str, int, int]


def link_design(text: str) -> str | None:
    """The one study design ``text`` names ("a 2019 Cochrane review" -> systematic-
    review), or None when it names none or several. A systematic review with a
    meta-analysis is a meta-analysis."""
    if not text:
        return None
    named = {d for d, rx in _LINK_DESIGNS
             if any(not _DESIGN_DENIED.search(text, max(0, m.start() - 40), m.start())
                    for m in rx.finditer(text))}
    if named == {"meta-analysis", "systematic-review"}:
        return "meta-analysis"
    return named.pop() if len(named) == 1 else None


def _work_definitions(doc: Document, definitions: dict[str, Any]) -> dict[str, _Definition]:
    """Link reference definitions (as markdown-it resolved them) whose address names
    one work, by normalised label."""
    out: dict[str, _Definition] = {}
    starts = doc.source.line_starts
    text = doc.text
    for label, d in definitions.items():
        if not isinstance(d, dict):
            continue
        href = str(d.get("href") or "")
        work = identifiers.work_of_url(href)
        where = d.get("map")
        if work is None or not where:
            continue
        l0, l1 = where[0], max(where[0] + 1, where[1])
        s = starts[l0] if l0 < len(starts) else len(text)
        e = starts[l1] if l1 < len(starts) else len(text)
        while e > s and text[e - 1] in "\r\n":
            e -= 1
        raw = text[s:e]
        j = raw.find("]:")
        open_at = raw.find("[")
        written = raw[open_at + 1:j] if 0 <= open_at < j else label
        ident = (work.kind, work.value, s, s)
        m = _DEF_DEST.match(raw, j + 2) if j >= 0 else None
        if m:
            at = s + m.start("url")
            w = identifiers.work_of_url(m.group("url"))
            if w is not None:
                work = w
                ident = (w.kind, w.value, at + w.start, at + w.end)
            else:
                ident = (work.kind, work.value, at, s + m.end("url"))
        key = f"{work.kind}:{_norm_id(work.kind, work.value)}"
        out[label] = _Definition(key, " ".join(written.split()), str(d.get("title") or ""),
                                 s, e, ident)
    return out


def _work_links(doc: Document) -> list[_WorkLink]:
    """Links in prose whose address names one work (see :class:`_WorkLink`). Links
    inside footnote definitions and reference items belong to those entries."""
    return _cached(doc, "work-links", _find_work_links)


def _find_work_links(doc: Document, defs: dict[str, _Definition] | None = None
                     ) -> list[_WorkLink]:
    from conditionlint.parser import reference_label

    out: list[_WorkLink] = []
    entry_blocks: frozenset[int] | None = None
    sentences: dict[int, list[Any]] | None = None
    for b in doc.blocks:
        raw = doc.text[b.start:b.end]
        md = "](" in raw
        html = "<a" in raw or "<A" in raw
        ref = bool(defs) and "]" in raw
        bare = ("/" in raw and _bare_hint(raw)) \
            or _ID_HINT.search(raw) is not None
        if not (md or html or ref or bare):
            continue
        if entry_blocks is None:
            entry_blocks = entry_label_blocks(doc)
        if b.index in entry_blocks:
            continue
        hidden = _hidden(doc, b, raw)
        # (link start, link end, url start, url, link text as masked prose: no emphasis
        # marks or tags), offsets into raw
        found: list[tuple[int, int, int, str, str]] = []
        if md:
            for m in _MD_LINK.finditer(raw):
                if not hidden(m.start()):
                    g = "u1" if m.group("u1") is not None else "u2"
                    found.append((m.start(), m.end(), m.start(g), m.group(g),
                                  b.text[m.start("text"):m.end("text")]))
        if html:
            closes = [(c.start(), c.end()) for c in _A_CLOSE.finditer(raw)]
            for m in _A_OPEN.finditer(raw):
                j = bisect_left(closes, (m.end(), 0))
                if j == len(closes) or closes[j][0] - m.end() > 1000 or hidden(m.start()):
                    continue
                g = next(g for g in ("u1", "u2", "u3") if m.group(g) is not None)
                found.append((m.start(), closes[j][1], m.start(g), m.group(g),
                              b.text[m.end():closes[j][0]]))
        links: list[tuple[int, int, str, tuple[str, str, int, int], str]] = []
        for start, end, url_start, url, text in found:
            work = identifiers.work_of_url(url)
            if work is None:
                continue
            at = b.start + url_start + len(url) - len(url.lstrip())
            key = f"{work.kind}:{_norm_id(work.kind, work.value)}"
            links.append((start, end, key, (work.kind, work.value, at + work.start,
                                            at + work.end), text))
        if ref and defs:
            for start, end, d, text in _reference_links(raw, b.text, defs, reference_label):
                if not hidden(start):
                    links.append((start, end, d.key, d.ident, text))
        if bare:
            # a link's address is the link's; an image's (a chart, a cover) cites nothing
            images = [m.span() for m in _MD_IMAGE.finditer(raw)] if "![" in raw else []
            inside = _inside([(s, e) for s, e, *_ in found] + images)
            for start, end, key, ident, text in _bare_links(raw, b.start):
                if not hidden(start) and not inside(start):
                    links.append((start, end, key, ident, text))
        if not links:
            continue
        if sentences is None:
            sentences = {}
            for sent in doc.sentences:
                sentences.setdefault(sent.block, []).append(sent)
        spans = [(x.start - b.start, x.end - b.start) for x in sentences.get(b.index, [])]
        for (start, end, key, ident, text), design in zip(
                links, _designs(links, spans, b.text)):
            out.append(_WorkLink(b.index, b.start + start, b.start + end, key,
                                 " ".join(text.split()), ident, design))
    out.extend(_front_matter_links(doc))
    out.sort(key=lambda x: x.start)
    return out


def _inside(spans: list[tuple[int, int]]) -> Any:
    """Whether an offset is inside one of ``spans`` (bisecting: a block may hold
    thousands of links)."""
    spans = sorted(spans)
    starts = [s for s, _ in spans]
    reach: list[int] = []  # the furthest end of the spans so far
    for _, e in spans:
        reach.append(max(e, reach[-1]) if reach else e)

    def inside(i: int) -> bool:
        j = bisect_left(starts, i + 1) - 1
        return j >= 0 and i < reach[j]
    return inside


def _designs(links: list[Any], spans: list[tuple[int, int]], text: str) -> list[str | None]:
    """The design each link names (``links``: (start, end, key, ident, link text) with
    offsets into ``text``, whose sentences are ``spans``): its text's, else its
    sentence's when it is the only work the sentence links to ("A 2019 study in mice
    ([Lee](...)) found..." -> animal). One pass over the sentences, however many links
    a sentence holds."""
    out = [link_design(" ".join(t.split())) for _, _, _, _, t in links]
    if all(out) or not spans:
        return out
    if any(a[0] > b[0] for a, b in zip(spans, spans[1:])):
        spans = sorted(spans)
    starts = [a for a, _ in spans]
    where: list[int | None] = []
    keys: dict[int, set[str]] = {}
    for start, _, key, _, _ in links:
        i = bisect_left(starts, start + 1) - 1
        if i < 0 or start >= spans[i][1]:
            where.append(None)
            continue
        where.append(i)
        keys.setdefault(i, set()).add(key)
    named: dict[int, str | None] = {}
    for n, i in enumerate(where):
        if out[n] is not None or i is None or len(keys[i]) != 1:
            continue
        if i not in named:
            a, e = spans[i]
            named[i] = link_design(_ADDRESS.sub(" ", text[a:e]))
        out[n] = named[i]
    return out


def _reference_links(raw: str, masked: str, defs: dict[str, _Definition],
                     label_of: Any) -> list[tuple[int, int, _Definition, str]]:
    """Reference-style links in ``raw`` whose label is defined with a work's address.
    A number alone ("[3]") is a numbered marker, read as a numeric citation (which
    falls back to the definition when no References item has that number); so is
    "[1][2]", markers in a row."""
    out: list[tuple[int, int, _Definition, str]] = []
    for m in _REF_FULL.finditer(raw):
        text, label = m.group("text"), m.group("label")
        if _NUMBER_LABEL.fullmatch(text) and (not label or _NUMBER_LABEL.fullmatch(label)):
            continue
        d = defs.get(label_of(label or text))
        if d is not None:
            out.append((m.start(), m.end(), d, masked[m.start("text"):m.end("text")]))
    for m in _REF_SHORT.finditer(raw):
        label = m.group("text")
        if _NUMBER_LABEL.fullmatch(label):
            continue
        d = defs.get(label_of(label))
        if d is not None:
            out.append((m.start(), m.end(), d, masked[m.start("text"):m.end("text")]))
    return out


def _bare_links(raw: str, base: int) -> list[tuple[int, int, str, tuple[str, str, int, int],
                                                   str]]:
    """Bare addresses and autolinks of one work in ``raw`` (offsets into it; ``base``
    is its source offset)."""
    out = []
    for m in _BARE_URL.finditer(raw):
        url = identifiers._trim(m.group().rstrip("*_"))  # noqa: SLF001
        s, e = m.start(), m.start() + len(url)
        if not url:
            continue
        full = url if "://" in url[:8] else "https://" + url
        work = identifiers.work_of_url(full)
        if work is None:
            continue
        shift = len(full) - len(url)
        at = base + s - shift
        key = f"{work.kind}:{_norm_id(work.kind, work.value)}"
        if s > 0 and raw[s - 1] == "<" and raw[e:e + 1] == ">":
            s, e = s - 1, e + 1  # "<https://doi.org/...>"
        out.append((s, e, key, (work.kind, work.value, at + work.start, at + work.end), url))
    if _ID_HINT.search(raw):
        urls = _inside([(s, e) for s, e, *_ in out])
        for f in identifiers.extract(raw):
            if f.kind not in ("doi", "pmid", "pmcid", "nct") or urls(f.start):
                continue
            # the citation runs from its label ("doi:", "PMID:") to the value's end
            m = _ID_LABEL.search(raw, max(0, f.start - 14), f.start)
            if f.kind == "doi" and not (m and m.group("doi")):
                continue
            s = m.start() if m else f.start
            key = f"{f.kind}:{_norm_id(f.kind, f.value)}"
            out.append((s, f.end, key, (f.kind, f.value, base + f.start, base + f.end),
                        raw[s:f.end]))
        out.sort(key=lambda x: x[0])
    return out


def _front_matter_links(doc: Document) -> list[_WorkLink]:
    """Links to one work in claim-bearing front-matter strings (``description:``):
    Markdown and HTML links and bare addresses, with block index -1. A value folded or
    escaped so that it is not verbatim in the source is located at the whole value."""
    fm = doc.front_matter
    if fm is None:
        return []
    head = doc.text[fm.start:fm.end]
    if not ("](" in head or "href" in head.lower() or "/" in head and _bare_hint(head)):
        return []
    from conditionlint.claimdetect import front_matter_strings

    out: list[_WorkLink] = []
    for key, value, base in front_matter_strings(doc):
        if not ("](" in value or "href" in value.lower() or _bare_hint(value)):
            continue
        found: list[tuple[int, int, str, tuple[str, str, int, int], str]] = []
        for m in _MD_LINK.finditer(value):
            g = "u1" if m.group("u1") is not None else "u2"
            found.append((m.start(), m.end(), m.group(g), m.start(g), m.group("text")))
        closes = [(c.start(), c.end()) for c in _A_CLOSE.finditer(value)]
        for m in _A_OPEN.finditer(value):
            j = bisect_left(closes, (m.end(), 0))
            if j < len(closes) and closes[j][0] - m.end() <= 1000:
                g = next(g for g in ("u1", "u2", "u3") if m.group(g) is not None)
                found.append((m.start(), closes[j][1], m.group(g), m.start(g),
                              re.sub(r"<[^<>]{0,500}>", "", value[m.end():closes[j][0]])))
        links = []
        for start, end, url, url_start, text in found:
            work = identifiers.work_of_url(url)
            if work is not None:
                at = base + url_start + len(url) - len(url.lstrip())
                links.append((start, end, f"{work.kind}:{_norm_id(work.kind, work.value)}",
                              (work.kind, work.value, at + work.start, at + work.end),
                              re.sub(r"[*_`]", "", text)))
        inside = _inside([(s, e) for s, e, *_ in found])
        links.extend(x for x in _bare_links(value, base) if not inside(x[0]))
        if not links:
            continue
        verbatim = doc.text[base:base + len(value)] == value
        mark = fm.marks.get((key,))
        from conditionlint import sentences as splitter

        links.sort()
        designs = _designs(links, splitter.split(value), value)
        for (start, end, wkey, ident, text), design in zip(links, designs):
            if verbatim:
                s, e = base + start, base + end
            else:
                s, e = (mark.value_start, mark.value_end) if mark else (base, base)
                ident = (ident[0], ident[1], s, e)
            out.append(_WorkLink(-1, s, e, wkey, " ".join(text.split()), ident, design))
    return out


def _link_entries(doc: Document) -> list[EvidenceEntry]:
    """One entry per work that links cite, built from its first link (a design from
    the first link that names one), and per work a link reference definition names
    (its aliases "linkdef:<label>" let a numbered marker "[3]" fall back to the
    definition "[3]: https://doi.org/...")."""
    out: dict[str, EvidenceEntry] = {}
    for w in _work_links(doc):
        e = out.get(w.key)
        if e is None:
            fields: dict[str, Any] = {"title": w.text}
            # (a bare address is its own text: "https://doi.org/10.1000/x.2020" has
            # no year)
            y = _YEAR.search(_ADDRESS.sub(" ", w.text))
            if y:
                fields["year"] = int(y.group())
            if w.design:
                fields["design"] = w.design
            out[w.key] = EvidenceEntry(w.key, "link", w.start, w.end, fields, text=w.text,
                                       identifiers=(w.ident,))
        elif w.design and "design" not in e.fields:
            out[w.key] = replace(e, fields={**e.fields, "design": w.design})
    defs: dict[str, _Definition] = _cached(doc, "work-definitions", lambda _: {})
    for label, d in defs.items():
        e = out.get(d.key)
        if e is None:
            title = d.title or f"[{d.label}]"
            fields = {"title": title}
            design = link_design(d.title)
            if design:
                fields["design"] = design
            y = _YEAR.search(d.title)
            if y:
                fields["year"] = int(y.group())
            e = EvidenceEntry(d.key, "link", d.start, d.end, fields, text=title,
                              identifiers=(d.ident,))
        out[d.key] = replace(e, aliases=e.aliases + (f"linkdef:{label}",))
    return list(out.values())


# An HTML list's tags and its items' tags (attributes bounded). :func:`_html_lists` pairs
# the list tags in one pass, nesting-aware (a pattern that scanned from every open tag
# for its close was quadratic on a page of unclosed "<ul>" tags, and took an inner
# list's close for the outer list's); :func:`_html_items` numbers only the items of the
# list itself, not those of a list nested in one of them.
_HTML_LIST_TAG = re.compile(r"<(?P<tag>ol|ul)\b(?P<attrs>[^>]{0,200})>|</(?P<close>ol|ul)\s*>",
                            re.I)
_HTML_ITEM_TAG = re.compile(r"<(?P<close>/)?(?P<tag>li|ol|ul)\b[^>]{0,200}>", re.I)
_HTML_LIST_START = re.compile(r"<[ou]l\b", re.I)
_OL_START = re.compile(r"\bstart\s*=\s*[\"']?(\d{1,4})", re.I)


def _html_reference_items(doc: Document) -> list[tuple[str, int, int]]:
    """Items of HTML lists under a References heading, real or flattened (CMS exports
    write them so): every item of the first list there, and of a later list those that
    look like references when at least two and half of them do (a menu or "useful
    links" list after the references is not one); and of an ``<ol>`` with no such
    heading whose items carry a work's identifier (at least two, and half of them),
    those items. Numbered from the list's ``start`` (default 1), like a Markdown list."""
    from conditionlint import sectionmap

    if "<" not in doc.text or not _HTML_LIST_START.search(doc.text):
        return []
    out: list[tuple[str, int, int]] = []
    # (an HTML heading such as "<h2>References</h2>" opens a section like Markdown's:
    # see conditionlint.parser); a sub-section's span is inside its parent's
    spans = [(sec.start, sec.body_end) for sec in sectionmap.sections_of_kind(doc, "evidence")]
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans + _flat_reference_spans(doc)):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    for start, end in merged:
        first = True
        for tag_start, attrs, body_start, body_end in _html_lists(doc.text, start, end):
            if doc.in_code(tag_start):
                continue
            items = _html_items(doc.text, attrs, body_start, body_end)
            out += items if first else _mostly(doc.text, items, _reference_like)
            first = False
    # Ordered lists with no References heading (as Markdown's: _headless_reference_blocks),
    # but on firmer ground: author-and-year alone fits a clinic's timeline, and a bare web
    # address a menu, so the items must carry a work's identifier (DOI, PMID...)
    starts = [s for s, _ in merged]
    for tag_start, attrs, body_start, body_end in _html_lists(doc.text, 0, len(doc.text)):
        j = bisect_right(starts, tag_start) - 1
        if (j >= 0 and tag_start < merged[j][1]) or doc.in_code(tag_start) \
                or doc.text[tag_start + 1:tag_start + 3].lower() != "ol":
            continue  # read above, under its heading; or a <ul>
        out += _mostly(doc.text, _html_items(doc.text, attrs, body_start, body_end),
                       _identified)
    return sorted(out, key=lambda item: item[1])


def _mostly(text: str, items: list[tuple[str, int, int]], test: Any) -> list[tuple[str, int, int]]:
    """The items whose text passes ``test``, when at least two and half of them do."""
    kept = [(n, s, e) for n, s, e in items if test(text[s:e])]
    return kept if len(kept) >= 2 and 2 * len(kept) >= len(items) else []


def _identified(text: str) -> bool:
    """A work's identifier (DOI, PMID, PMCID, NCT, ISBN), not a bare web address."""
    return any(f.kind != "url" for f in identifiers.extract(text))


# A year where a reference puts it: before a volume ("2019;394:314", "2019 (3)"), in
# brackets ("(2019)"), standing alone after a full stop ("BMJ. 2018."), or right before
# the identifier or the end ("2018. doi:..."); not "a 2019 trial", "Since 2015," or
# "opened in 2015." in a sentence of prose
_REFERENCE_YEAR = re.compile(
    r"\b(?:19|20)\d{2}[a-z]?\s*(?:;\s*\d|\(\d)|\((?:19|20)\d{2}[a-z]?\)"
    r"|\.\s+(?:19|20)\d{2}[a-z]?\s*[.;]|\b(?:19|20)\d{2}[a-z]?[.,]?\s*(?:doi\b|pmid\b|pmc\d|https?:|$)",
    re.I)
# a sentence of the page's own voice ("our therapy", "we", "you"): a reference has none
_OWN_VOICE = re.compile(r"\b(?:our|we|us|you|your)\b", re.I)
# what is left of a block once its identifiers, their labels and its punctuation go
_ID_AND_PUNCT = re.compile(r"(?i)\b(?:doi|pmid|pmcid|nct|isbn(?:-1[03])?|see|available at|at)\b|[\W_]+")


def _identified_entry(text: str) -> bool:
    """A work's identifier in a block that reads as a reference: with a year where a
    reference puts one and not in the page's own voice ("our", "we", "you"), or with
    little besides the identifier ("doi:10.1000/xyz", "PMID: 31234567"). A paragraph of
    prose that ends "See doi:10.1000/xyz." is prose: its other sentences are checked as
    any prose is."""
    found = identifiers.extract(text)
    if not any(f.kind != "url" for f in found):
        return False
    if _REFERENCE_YEAR.search(text) and not _OWN_VOICE.search(text):
        return True
    rest, at = [], 0
    for f in sorted(found, key=lambda f: f.start):
        rest.append(text[at:f.start])
        at = max(at, f.end)
    rest.append(text[at:])
    return len(_ID_AND_PUNCT.sub(" ", "".join(rest)).split()) <= 3


def _reference_like(text: str) -> bool:
    """A work's identifier (not a bare web address), or authors first and a year."""
    return _looks_like_reference(text) or _identified(text)


def _html_items(text: str, attrs: str, start: int, end: int) -> list[tuple[str, int, int]]:
    """(number, start, end) of the non-empty items of an HTML list whose content is
    ``text[start:end]``: each ``<li>`` of the list itself (not of a list nested in an
    item, which belongs to that item), to its ``</li>``, the next item or the content's
    end (an item may be unclosed); numbered from the list's ``start`` attribute (default
    1), empty items counted, like a Markdown list."""
    m = _OL_START.search(attrs)
    number = int(m.group(1)) if m else 1
    out = []
    depth, item = 0, None  # lists open inside the current item; where its text starts

    def close(at: int) -> None:
        nonlocal number
        if item is not None:
            if text[item:at].strip():
                out.append((str(number), item, at))
            number += 1

    for t in _HTML_ITEM_TAG.finditer(text, start, end):
        name = t.group("tag").lower()
        if name != "li":
            depth = max(0, depth + (-1 if t.group("close") else 1))
        elif depth == 0:
            close(t.start())
            item = None if t.group("close") else t.end()
    close(end)
    return out


def _html_lists(text: str, start: int, end: int) -> list[tuple[int, str, int, int]]:
    """(open tag's start, its attributes, content start, content end) of each outermost
    HTML ``<ol>`` or ``<ul>`` in ``text[start:end]``, in order: its open tag paired with
    the close tag of the same name (any case) at the same depth, lists nested inside it
    counted. A close tag with no open one of its name is ignored; an open tag never
    closed is dropped, and the lists closed inside it count as outermost. One pass."""
    stack: list[tuple[str, re.Match[str]]] = []
    open_tags = {"ol": 0, "ul": 0}  # of each name on the stack
    closed: list[tuple[int, str, int, int]] = []
    for m in _HTML_LIST_TAG.finditer(text, start, end):
        if m.group("tag"):
            stack.append((m.group("tag").lower(), m))
            open_tags[stack[-1][0]] += 1
            continue
        name = m.group("close").lower()
        if not open_tags[name]:
            continue
        while True:  # (an unclosed list inside this one is dropped with its tag)
            n, o = stack.pop()
            open_tags[n] -= 1
            if n == name:
                break
        closed.append((o.start(), o.group("attrs"), o.end(), m.start()))
    out: list[tuple[int, str, int, int]] = []
    for lst in sorted(closed):
        if not out or lst[0] >= out[-1][3]:  # not inside the last outermost list
            out.append(lst)
    return out


def _flat_reference_spans(doc: Document) -> list[tuple[int, int]]:
    """Source spans under a flattened "References" heading (a short line alone, bold
    or plain: see :func:`_is_flat_heading`), to the next heading or flattened section
    heading: where a CMS export puts its HTML ``<ol>`` of references, as the Markdown
    lists under such a line are read by :func:`_reference_blocks`."""
    from conditionlint import sectionmap
    from conditionlint.parser import fold

    ref_heads = _reference_headings()
    out: list[tuple[int, int]] = []
    start = None
    for b in doc.blocks:
        flat = b.kind != "heading" and _is_flat_heading(b)
        norm = fold(b.text) if flat else ""
        ends = b.kind == "heading" or (flat and (norm in ref_heads or sectionmap.kinds_of(norm)))
        if start is not None and ends:
            out.append((start, b.start))
            start = None
        if flat and norm in ref_heads:
            start = b.end
    if start is not None:
        out.append((start, len(doc.text)))
    return out


# The year of a journal citation ("Spine. 2005;30:1-5", "2019(3)"), then a year alone
# after a full stop ("BMJ. 2018."): where a reference gives its date, before any year
# its title names ("a 2024 re-analysis of the 1998 trial").
_JOURNAL_YEAR = re.compile(r"\b((?:19|20)\d{2})[a-z]?\s*(?:;\s*\d|\(\d)"
                           r"|\.\s+((?:19|20)\d{2})[a-z]?\s*[.;]")


def _reference_year(text: str) -> int | None:
    """The publication year of a footnote or reference item's text."""
    m = _JOURNAL_YEAR.search(text)
    if m:
        return int(m.group(1) or m.group(2))
    y = _YEAR.search(text)
    return int(y.group()) if y else None


def future_year(text: str, this_year: int) -> tuple[int, int, int] | None:
    """A publication year after ``this_year`` in a footnote or reference item's
    ``text``, with its offsets: the year where a journal citation puts it ("Spine.
    2099;1:2-3", "BMJ. 2099."), or, in an item with an identifier, a year when every
    year it names is later ("Roadmap to 2030. WHO; 2021." is a 2021 work)."""
    m = _JOURNAL_YEAR.search(text)
    if m:
        g = 1 if m.group(1) else 2
        year = int(m.group(g))
        return (year, m.start(g), m.end(g)) if year > this_year else None
    years = list(_YEAR.finditer(text))
    if years and all(int(y.group()) > this_year for y in years) and _identified(text):
        return int(years[0].group()), years[0].start(), years[0].end()
    return None


def _text_entry(doc: Document, key: str, origin: str, start: int, end: int,
                text_start: int) -> EvidenceEntry:
    raw = doc.text[text_start:end]
    found = identifiers.extract(raw)
    ids = tuple((f.kind, f.value, text_start + f.start, text_start + f.end) for f in found)
    fields: dict[str, Any] = {}
    text = " ".join(raw.split())
    y = _reference_year(text)
    if y:
        fields["year"] = y
    for design, rx in _DESIGN_WORDS:
        if rx.search(text):
            fields["design"] = design
            break
    return EvidenceEntry(key, origin, start, end, fields, text=text, identifiers=ids)


_REFERENCE_HEADINGS: list[Any] = [None, frozenset()]  # [the lexicon's list, folded]


def _reference_headings() -> frozenset[str]:
    """The lexicon's reference headings, folded (once per lexicon, not once a page)."""
    from conditionlint.parser import fold
    from conditionlint.yamlrules import lexicon

    heads = lexicon("claims")["reference-headings"]
    if _REFERENCE_HEADINGS[0] is not heads:
        _REFERENCE_HEADINGS[:] = [heads, frozenset(fold(h) for h in heads)]
    return _REFERENCE_HEADINGS[1]


_TRAILING_MARKERS = re.compile(r"(?:\[[^\]\n]{1,60}\]|\d{1,3}|\s)+$")


def _is_flat_heading(b: Block) -> bool:
    """A short line alone in a paragraph with no sentence punctuation: a heading
    flattened to text by a scraper ("Symptoms", "How Acupuncture Helps")."""
    s = b.text.strip()
    if b.kind != "paragraph" or b.list_depth or "\n" in s or not 0 < len(s) <= 60:
        return False
    # (a match ends the text, and only a bracket or a digit can end one: a stripped
    # text that ends otherwise is left as it is, without the search)
    core = (_TRAILING_MARKERS.sub("", s) or s) if s[-1] == "]" or s[-1].isdecimal() else s
    # a quoted one-line testimonial ("I'm sleeping through the night again!") ends in
    # its quote mark, not in its punctuation
    core = core.rstrip("\"'\u201d\u2019)*_ ") or core
    return core[-1] not in ".!?;,:" and ". " not in core and len(s.split()) <= 8


def reference_blocks(doc: Document) -> list[tuple[Block, bool]]:
    """Blocks that may hold reference items, with ``strict`` True when every item
    counts (under a References-like heading) and False when an item must look like a
    reference (other evidence sections such as "What the research says")."""
    return list(_cached(doc, "reference-blocks", _reference_blocks))


def _reference_blocks(doc: Document) -> list[tuple[Block, bool]]:
    from conditionlint import sectionmap
    from conditionlint.parser import fold

    ref_heads = _reference_headings()
    out: dict[int, bool] = {}
    starts = _block_starts(doc)
    for sec in sectionmap.sections_of_kind(doc, "evidence"):
        assert sec.heading is not None
        strict = sec.heading.norm in ref_heads
        # blocks are in source order: bisect to the section's span (sub-sections
        # included) instead of walking every block for every evidence section
        for i in range(bisect_left(starts, sec.start), bisect_left(starts, sec.body_end)):
            b = doc.blocks[i]
            if b.kind != "heading" and b.footnote is None:
                out[b.index] = out.get(b.index, False) or strict
    # Reference lists with no heading ("---" and endnote lines at the page's end)
    if "\n" in doc.text:
        out.update(_headless_reference_blocks(doc, out))
    # Flattened headings (plain text pages): "References" alone on a line.
    active = False
    for b in doc.blocks:
        if b.kind == "heading":
            active = False
            continue
        if _is_flat_heading(b):
            norm = fold(b.text)
            if norm in ref_heads:
                active = True
                continue
            if sectionmap.kinds_of(norm):
                active = False
        if active and b.footnote is None:
            out[b.index] = True
    return [(doc.blocks[i], strict) for i, strict in sorted(out.items())]


def _reference_items(doc: Document) -> list[tuple[str, int, int]]:
    items: list[tuple[str, int, int, bool]] = []  # key or "", start, end, strict
    by_item: dict[int, int] = {}
    for b, strict in reference_blocks(doc):
        if b.list_item is not None and b.list_item in by_item:
            k, s, _, st = items[by_item[b.list_item]]
            items[by_item[b.list_item]] = (k, s, b.end, st)
            continue
        number = str(b.list_number) if b.list_ordered and b.list_number is not None else ""
        lines = _split_numbered_lines(doc, b)
        if lines and not number:
            for n, s, e in lines:
                items.append((n, s, e, strict))
            continue
        if not number:
            m = _ITEM_NUMBER.match(b.text)
            number = (m.group(1) or m.group(2)) if m else ""
        if b.list_item is not None:
            by_item[b.list_item] = len(items)
        items.append((number, b.start, b.end, strict))
    out = []
    position = 0
    for number, s, e, strict in items:
        text = doc.text[s:e]
        has_id = bool(identifiers.extract(text))
        if strict:
            # Under "References", a list item or numbered line is an entry; a paragraph
            # of prose ("Sources are listed in the front matter") is not, nor a page
            # footer after the list ("Last updated May 2026. This leaflet...", "If you
            # need this leaflet in large print..."): a plain paragraph that speaks to
            # the reader must look like a reference.
            in_list = _in_list(doc, s)
            if not (number or has_id or _YEAR.search(text) or in_list):
                continue
            if not (number or has_id or in_list) and (
                    _FOOTER.match(text) or not _looks_like_reference(text)
                    and _ADDRESSES_READER.search(text)):
                continue
        elif not (has_id or _looks_like_reference(text)):
            continue
        position += 1
        out.append((number or str(position), s, e))
    return out


def _looks_like_reference(text: str) -> bool:
    """Authors first ("Smith J, ..." / "Smith et al.") and a year: a reference, even
    after a "<sup>3</sup>" endnote marker."""
    return bool(_LOOKS_LIKE_REF.match(text) and _YEAR.search(text))


def _headless_reference_blocks(doc: Document, taken: dict[int, bool]) -> dict[int, bool]:
    """Reference lists with no heading, as CMS pages end: a paragraph of two or more
    endnote lines ("<sup>1</sup> Holden BA, ... 2016." / "[2] ..."), or an ordered
    list, at least half of whose items look like references (an identifier, or
    authors first and a year). Not strict: each item must still look like one."""
    out: dict[int, bool] = {}
    lists: dict[int, list[Block]] = {}
    for b in doc.blocks:
        if b.index in taken or b.kind != "paragraph" or b.footnote is not None:
            continue
        if b.list_depth:
            if b.list_ordered and b.list_id is not None:
                lists.setdefault(b.list_id, []).append(b)
            continue
        lines = _split_numbered_lines(doc, b)
        if lines and _mostly_references([doc.text[s:e] for _, s, e in lines]):
            out[b.index] = False
    for blocks in lists.values():
        if len(blocks) >= 2 and _mostly_references([doc.text[b.start:b.end] for b in blocks]):
            for b in blocks:
                out[b.index] = False
    return out


def _mostly_references(texts: list[str]) -> bool:
    refs = sum(1 for t in texts if identifiers.extract(t) or _looks_like_reference(t))
    return refs >= 2 and 2 * refs >= len(texts)


_FOOTER = re.compile(r"\s*(?:[*_]+\s*)?(?:(?:page )?last (?:updated|reviewed)|"
                     r"(?:next )?review(?:ed)? (?:date|due)|updated|published|reviewed|"
                     r"this (?:page|leaflet|information|article|content)|\u00a9|copyright)\b",
                     re.I)


# prose that speaks to the reader ("This leaflet gives general information..."), not a
# reference
_ADDRESSES_READER = re.compile(r"\b(?:this|our|we|you|your|please)\b", re.I)


def _in_list(doc: Document, start: int) -> bool:
    starts = _block_starts(doc)
    i = bisect_left(starts, start)
    while i < len(starts) and starts[i] == start:
        if doc.blocks[i].list_depth:
            return True
        i += 1
    return False


# Per-document values several rules ask for in a row, kept for the last document
# only; the entry holds the document so that its id cannot be reused meanwhile.
_doc_cache: list[Any] = [None, {}]  # [document, {name: value}]


def _cached(doc: Document, name: str, compute: Any) -> Any:
    if _doc_cache[0] is not doc:
        _doc_cache[0], _doc_cache[1] = doc, {}
    values = _doc_cache[1]
    if name not in values:
        values[name] = compute(doc)
    return values[name]


def _block_starts(doc: Document) -> list[int]:
    """Start offsets of ``doc.blocks`` (sorted: blocks are in source order)."""
    return _cached(doc, "starts", lambda d: [b.start for b in d.blocks])


def _split_numbered_lines(doc: Document, b: Block) -> list[tuple[str, int, int]]:
    """A paragraph of several "[1] ..." / "1) ..." lines: one item per line."""
    raw = doc.text[b.start:b.end]
    if "\n" not in raw:
        return []
    out = []
    offset = 0
    for line in raw.splitlines(keepends=True):
        m = _ITEM_NUMBER.match(line)
        body = line.rstrip("\r\n")
        if m:
            out.append((m.group(1) or m.group(2), b.start + offset + (len(body) - len(body.lstrip())),
                        b.start + offset + len(body.rstrip())))
        elif out:  # a wrapped continuation line
            n, s, _ = out[-1]
            out[-1] = (n, s, b.start + offset + len(body.rstrip()))
        else:
            return []
        offset += len(line)
    return out if len(out) >= 2 else []


def entry_label_blocks(doc: Document) -> frozenset[int]:
    """Blocks that are evidence entries, not prose: every block under a References-like
    heading, footnote definitions, and, in other evidence sections ("The evidence",
    "What the research says") and headless reference lists, the blocks that look like a
    reference (a work's identifier, authors first and a year, or endnote lines). A paragraph
    of prose there ("Published studies report success rates of 80-90%") is prose, and
    its claims and vague wording are checked."""
    # asked by CL401, CL402, CL407, CL410 and CL411 for the same page
    return _cached(doc, "entry-blocks", lambda d: frozenset(
        {b.index for b, strict in reference_blocks(d) if strict or _entry_like(d, b)}
        | {b.index for b in d.blocks if b.footnote is not None}))


_SENTENCE_END = re.compile(r"[.!?][\"'\u201d\u2019)]*(?:\s|$)")
_A_YEAR = re.compile(r"(?<!\d)(?:1[89]|20)\d{2}(?!\d)")


def prose_among_entries(doc: Document) -> frozenset[int]:
    """Blocks among the evidence entries (under a References-like heading such as
    "Notes" or "Further reading", or in a footnote definition) that are prose, not an
    entry: a paragraph outside a list, of six words or more with a sentence's end and
    no year (nearly every reference has one, whatever its style), that does not look
    like a reference. The wording rules (CL407, CL410, CL411) check them: a promise put
    in a note is still made."""
    def find(d: Document) -> frozenset[int]:
        out = set()
        for i in entry_label_blocks(d):
            b = d.blocks[i]
            if b.kind != "paragraph" or b.list_depth or len(b.text.split()) < 6:
                continue
            if not _SENTENCE_END.search(b.text) or _A_YEAR.search(b.text) or \
                    _entry_like(d, b):
                continue
            out.add(i)
        return frozenset(out)
    return _cached(doc, "prose-among-entries", find)


def _entry_like(doc: Document, b: Block) -> bool:
    """A block outside a References-like heading that is an entry, not prose: authors
    first and a year, numbered endnote lines, or a work's identifier (DOI, PMID, PMCID,
    NCT, ISBN; a bare web address is not enough: "Read more on [our blog](...)" ends many
    a paragraph of prose) with a year where a reference puts it or little else. A table
    cell is never one: a study table's identifier cites its row, as it does under any
    other heading."""
    if b.kind == "table_cell":
        return False
    text = doc.text[b.start:b.end]
    return _identified_entry(text) or _looks_like_reference(text) \
        or bool(_split_numbered_lines(doc, b))


def _norm_id(kind: str, value: str) -> str:
    v = value.strip()
    if kind == "doi":
        return identifiers.normalize_doi(v).lower()
    return v.lower()


def _dedupe(entries: list[EvidenceEntry]) -> list[EvidenceEntry]:
    out: list[EvidenceEntry] = []
    owner: dict[tuple[str, str], int] = {}
    known_ids: dict[int, set[tuple[str, str]]] = {}  # target -> its normalised ids
    for e in entries:
        keys = [(k, _norm_id(k, v)) for k, v, _, _ in e.identifiers if k in _WORK_IDS]
        # A trial's registry number is shared by its protocol and its results papers: it
        # names the listed entry only for a link to the registry record itself
        # (clinicaltrials.gov/study/NCT...), not for another reference that gives it.
        trial = [(k, _norm_id(k, v)) for k, v, _, _ in e.identifiers if k == "nct"]
        look = keys + trial if e.origin == "link" else keys
        target = next((owner[k] for k in look if k in owner), None)
        if target is not None and e.origin == "front-matter" and \
                out[target].origin == "front-matter" and e.key != out[target].key:
            # Two front-matter entries of one work, each with its own id, keep their own
            # design, year and certainty: a citation of either uses that entry's. CL404
            # counts them as one work (same_work), CL405 reports metadata that conflicts.
            target = None
        if target is None:
            for k in keys + trial:
                owner.setdefault(k, len(out))
            out.append(e)
            continue
        t = out[target]
        known = known_ids.get(target)
        if known is None:
            known = known_ids[target] = {(k, _norm_id(k, v)) for k, v, _, _ in t.identifiers}
        extra = tuple(i for i in e.identifiers if (i[0], _norm_id(i[0], i[1])) not in known)
        known.update((i[0], _norm_id(i[0], i[1])) for i in extra)
        out[target] = replace(t, aliases=t.aliases + (f"{e.origin}:{e.key}",) + e.aliases,
                              identifiers=t.identifiers + extra)
        for k in keys + trial:
            owner.setdefault(k, target)
    return out


# The identifiers that name one publication: the same one twice is the same work.
_WORK_IDS = ("doi", "pmid", "pmcid")


def same_work(entries: list[EvidenceEntry]) -> dict[int, list[EvidenceEntry]]:
    """For each entry (by ``id()``), the other entries of the list with the same DOI or
    PMID (compared as :func:`_dedupe` compares them)."""
    by_id: dict[tuple[str, str], list[EvidenceEntry]] = {}
    for e in entries:
        for k, v, _, _ in e.identifiers:
            if k in _WORK_IDS:
                group = by_id.setdefault((k, _norm_id(k, v)), [])
                if not any(g is e for g in group):
                    group.append(e)
    out: dict[int, list[EvidenceEntry]] = {}
    for group in by_id.values():
        for e in group:
            mine = out.setdefault(id(e), [])
            mine.extend(g for g in group if g is not e and not any(m is g for m in mine))
    return out


# -- resolution -------------------------------------------------------------------------
_ORDER = {
    "pandoc": ("front-matter", "footnote", "references"),
    "footnote": ("footnote",),
    # a numbered marker "[3]" with no References item 3 may be a shortcut link to a
    # definition "[3]: https://doi.org/..."
    "numeric": ("references", "footnote", "front-matter", "linkdef"),
    "superscript": ("references", "footnote", "front-matter"),
    "link": ("link",),
}


@dataclass
class Resolver:
    """Which evidence entry a citation key points at."""

    doc: Document
    _by_key: dict[str, EvidenceEntry] = field(default_factory=dict)
    _footnotes: bool = False
    by_author: bool = False

    def __post_init__(self) -> None:
        self._footnotes = any(e.origin == "footnote" for e in self.doc.evidence)
        # references written author first ("Smith J, Lee K. ... 2019."), as author-year
        # pages list them: at least two such entries
        self.by_author = sum(1 for e in self.doc.evidence
                             if e.origin not in ("front-matter", "link")
                             and "year" in e.fields and _LOOKS_LIKE_REF.match(e.text)) >= 2
        for e in self.doc.evidence:
            for k in (f"{e.origin}:{e.key}", *e.aliases):
                self._by_key.setdefault(k, e)
        # A number no item is written with resolves to the item the reader sees with it:
        # a lazily numbered list ("1.", "1.", "1.") shows 1, 2, 3, and "1.", "2.", "4."
        # shows 1, 2, 3, so "[3]" cites its third item. A number written in the
        # source keeps its item ("1.", "3.", "4.": "[3]" is the item written "3.").
        numbers = None
        for e in self.doc.evidence:
            if e.origin != "references":
                continue
            if numbers is None:
                numbers = reference_numbers(self.doc)
            numbered = numbers.get(e.start)
            if numbered is not None:
                self._by_key.setdefault(f"references:{numbered[2]}", e)

    def resolve(self, cite: Citation) -> list[tuple[str, EvidenceEntry | None]]:
        out: list[tuple[str, EvidenceEntry | None]] = []
        for key in cite.keys:
            if cite.kind == "author-year":
                out.append((key, self.author_year(key)))
                continue
            entry = None
            order = _ORDER.get(cite.kind, ())
            if cite.kind == "footnote" and key.isdigit() and not self._footnotes:
                # "[^1]" on a page whose notes were exported as a numbered References
                # list (no footnote definitions at all): item 1 of that list
                order = ("footnote", "references")
            for origin in order:
                entry = self._by_key.get(f"{origin}:{key}")
                if entry is not None:
                    break
            out.append((key, entry))
        return out

    def numbers(self, kind: str) -> frozenset[int]:
        """The numbers a marker of this kind resolves ("[3]" -> 3)."""
        out = set()
        for k in self._by_key:
            origin, _, key = k.partition(":")
            if key.isdigit() and origin in _ORDER.get(kind, ()):
                out.add(int(key))
        return frozenset(out)

    def author_year(self, key: str) -> EvidenceEntry | None:
        """The entry by this author from this year: its year field first; then a
        reference whose text names the year elsewhere ("Trial 2005 follow-up... 2019").
        Case and accents are ignored ("Muller" finds "Müller")."""
        name, _, year = key.rpartition(" ")
        surname = _fold(name.split()[-1]) if name else ""
        if not surname:
            return None
        # "van Rijssen" may be keyed "vanrijssen2012" (or "rijssen2012")
        joined = re.sub(r"[\s'\u2019.-]", "", _fold(name))
        year_digits = year[:4]
        named = re.compile(r"(?<!\w)" + re.escape(surname) + r"(?!\w)")
        later: EvidenceEntry | None = None
        # "(Miller et al., 2012)" names the first author: an entry of that year whose
        # first author is Miller wins over one that lists a Miller further on
        # ("Dobson D, Lucassen PL, Miller JJ, ... 2012")
        co_author: EvidenceEntry | None = None
        if len(year) > 4:  # "2017b": the entry that says 2017b, of two by Brown in 2017
            lettered = re.compile(r"(?<![\w])" + re.escape(year) + r"(?![\w])", re.I)
            for e in self.doc.evidence:
                if e.origin != "front-matter" and lettered.search(e.text) and \
                        named.search(_fold(e.text[:160])):
                    return e
        for e in self.doc.evidence:
            exact = str(e.fields.get("year", "")) == year_digits
            if not exact and (e.origin == "front-matter" or later is not None or
                              not re.search(r"(?<!\d)" + year_digits + r"(?!\d)", e.text)):
                continue
            if e.origin == "front-matter":
                authors = e.fields.get("authors")
                hay = " ".join(map(str, authors)) if isinstance(authors, list) else \
                    str(authors or "")
                first = str(authors[0]) if isinstance(authors, list) and authors else hay
                hay = f"{hay} {e.key} {e.fields.get('title', '')}"
            else:
                hay = e.text[:160]
                first = _FIRST_AUTHOR.match(hay)
                first = first.group(1) if first else hay
            keyed = _fold(e.key).startswith((surname, joined))
            if keyed or named.search(_fold(hay)):
                if exact:
                    if keyed or named.search(_fold(first)):
                        return e
                    co_author = co_author or e
                    continue
                later = e
        return co_author or later


# The first author of a reference's text: what comes before the first comma, full
# stop, "and", "&" or bracket, after any item marker ("1.", "[1]", "- ", "<sup>1</sup>").
_FIRST_AUTHOR = re.compile(r"^(?:\s*(?:" + _MARKER + r"|[-*+])\s*)?"
                           r"([^,.(&\n]{1,80}?)(?:,|\.|\(|&|\band\b|\n|$)", re.I)


def _fold(text: str) -> str:
    """Casefolded, without accents, curly apostrophes made straight."""
    import unicodedata

    if text.isascii():
        return text.casefold()
    text = text.replace("\u2019", "'").replace("\u2018", "'")
    return "".join(c for c in unicodedata.normalize("NFKD", text)
                   if not unicodedata.combining(c)).casefold()
