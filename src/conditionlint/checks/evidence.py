"""CL403-CL406: citation markers and the evidence entries they point at."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from conditionlint import context, identifiers
from conditionlint.citations import (
    Resolver, footnote_definitions, future_year, lazy_lists, reference_numbers, same_work,
    wide_ranges,
)
from conditionlint.document import Document, EvidenceEntry
from conditionlint.model import Problem
from conditionlint.registry import rule

_REQUIRED = ("title", "year", "design")
# every field an entry must have (CL405; CL203 leaves a missing one to it)
ENTRY_FIELDS = ("id", *_REQUIRED)


@rule(code="CL403", name="unknown-citation", severity="error",
      summary="A citation marker or key resolves to nothing on the page.")
def unknown_citation(doc: Document, options: dict[str, Any]) -> Iterator[Problem]:  # noqa: ARG001
    """A citation marker points at no evidence entry: `[@key]` with no front-matter
    `evidence:` item of that `id`, `[^1]` with no footnote definition, `[3]` or
    `<sup>3</sup>` (or "pain.3" glued by a scraper) with no item 3 in a References
    list, `(Smith et al., 2020)`, `(van Rijssen et al., 2012; Jones 2019)` or
    `Smith et al. (2020)` with no bibliography entry by that author from that year.
    Markers in a row (`pain.[^2][^4]`) are each checked, and so are citations in
    claim-bearing front-matter strings such as `description:`. When the front matter
    cannot be read (CL202), its `[@key]` markers are not reported. A bracketed number
    that an instruction names is not a marker: after "press", "dial", "select"...
    ("Press [2]"), before "key", "button" or "on the keypad", after "option",
    "step", "key"... in an instruction's shape ("choose option [3]", "go to step
    [4]", "step [3] of the form", "option [2] to continue"), or a scale: a range
    from 0 ("a score of [0-10]"; a list or a lone number from 0, "[0,1]" or "[0]",
    is a marker that points at a missing item 0). A bare noun followed by anything
    but instruction words is a citation: "Exercise is key [2].", "key [2] for most
    people", "an option [2] (see below)" and "a last-resort option [4]." are
    checked.
    A range or list of numbers is one marker, reported once, naming every item it
    lacks: `[1-60]: items 2-60 are not in the References list`; it "resolves to
    nothing" only when none of its numbers does (`[1,2,7]: item 7 is not in the
    References list`). A range of more than 100 numbers (`[1-200]`, `[1-1000]`)
    cites every item inside it that the list has, and is reported for the rest. A
    four-digit number is read beside a number of one to three digits (`[1-1000]`,
    `[1, 2, 1000]`); alone or among four-digit numbers (`[2024]`, `[2019, 2020]`) it
    is a year, not a marker. A number is the
    item written with it in the source; a number that no item is written with is the
    item the reader sees with it (a lazily numbered list, `1.`, `1.`, `1.`, shows 1,
    2, 3; `1.`, `2.`, `4.` shows 1, 2, 3), so CL403, CL404 and CL405 agree.

    ## Why

    A marker that leads nowhere looks like evidence and is not.

    ## Fails

    ```markdown
    # Back pain

    Acupuncture may ease chronic back pain [@nobody2020].
    ```

    ## Passes

    ```markdown
    # Back pain

    Acupuncture may ease chronic back pain.[1]

    ## References

    1. Vickers AJ, et al. Acupuncture for chronic pain. J Pain. 2018. doi:10.1016/j.jpain.2017.11.005
    ```

    ## Fix

    Add the missing evidence entry, or correct the key or number.
    """
    resolver = Resolver(doc)
    fm = doc.front_matter
    # A front matter that cannot be read (CL202) has no evidence list to look in:
    # its [@key] markers are not reported as well (one mistake, one finding).
    unread = fm is not None and fm.error is not None
    known: frozenset[int] | None = None
    for c in doc.citations:
        if unread and c.kind == "pandoc":
            continue
        marker = " ".join(doc.text[c.start:c.end].split())
        missing = [key for key, entry in resolver.resolve(c) if entry is None]
        if missing and len(c.keys) > 1 and c.kind in ("numeric", "superscript") and \
                all(k.isdigit() for k in missing):
            # a range or list of numbers is one marker: one finding names every item
            # it lacks ("[1-60]: items 2-60 ...", not 59 findings at one column), and
            # says it resolves to nothing only when none of its numbers resolves
            numbers = {int(k) for k in missing}
            wide = wide_ranges(doc.text[c.start:c.end])
            if wide:
                # "[1-200]": every number inside it that the page lacks
                if known is None:
                    known = resolver.numbers(c.kind)
                numbers = _runs_missing(numbers, wide, known)
            lacks = _number_ranges(sorted(numbers)) if isinstance(numbers, set) \
                else numbers
            which = ("the" if any(e.origin == "references" for e in doc.evidence)
                     else "a")
            nothing = " resolves to nothing" if len(missing) == len(c.keys) else ""
            plural = isinstance(numbers, str) or len(numbers) > 1
            items = f"items {lacks} are" if plural else f"item {lacks} is"
            yield Problem(c.start, c.end, f"citation '{marker}'{nothing}: {items} "
                                          f"not in {which} References list")
            continue
        for key in missing:
            yield Problem(c.start, c.end, _unknown_message(c.kind, marker, key))


def _runs_missing(numbers: set[int], wide: list[tuple[int, int]],
                  known: frozenset[int]) -> str:
    """The numbers a marker lacks as runs, a wide range's inside included ("[1-200]"
    with items 1-3: "4-200"), without listing the range's numbers one by one."""
    points = sorted(numbers)
    runs: list[tuple[int, int]] = [(n, n) for n in points]
    for a, b in wide:
        lo = a
        for n in sorted(k for k in known if a <= k <= b):
            if n > lo:
                runs.append((lo, n - 1))
            lo = n + 1
        if lo <= b:
            runs.append((lo, b))
    runs.sort()
    merged: list[list[int]] = []
    for a, b in runs:
        if merged and a <= merged[-1][1] + 1:
            merged[-1][1] = max(merged[-1][1], b)
        else:
            merged.append([a, b])
    parts = [str(a) if a == b else f"{a}-{b}" for a, b in merged]
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]


def _number_ranges(numbers: list[int]) -> str:
    """"2-60", "1, 3 and 5-7": sorted numbers as the runs a reader writes."""
    runs: list[list[int]] = []
    for n in numbers:
        if runs and n == runs[-1][1] + 1:
            runs[-1][1] = n
        else:
            runs.append([n, n])
    parts = [str(a) if a == b else f"{a}-{b}" for a, b in runs]
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]


def _unknown_message(kind: str, marker: str, key: str) -> str:
    where = {
        "pandoc": f"no front-matter evidence entry has id '{key}'",
        "footnote": f"there is no footnote definition '[^{key}]:'",
        "author-year": f"no bibliography entry by {key.rpartition(' ')[0]} from "
                       f"{key.rpartition(' ')[2]}",
    }.get(kind, f"there is no item {key} in a References list")
    return f"citation '{marker}' resolves to nothing: {where}"


@rule(code="CL404", name="unused-evidence", severity="warning",
      summary="An evidence entry is never cited.")
def unused_evidence(doc: Document, options: dict[str, Any]) -> Iterator[Problem]:  # noqa: ARG001
    """An evidence entry (front-matter `evidence:` item, footnote definition or
    References item) is never cited on the page. The same work listed twice (same DOI,
    PMID or PMCID, compared without regard to case, e.g. in the front matter and in
    the References list) is one entry: citing either copy uses it. Two front-matter
    entries of one work keep their own ids and metadata (a citation of either uses
    that entry's design, year and certainty), and citing one of them is enough for
    both. A work that a link in the prose points at (a DOI, PubMed, PMC or
    ClinicalTrials.gov address, inline, reference-style or bare) is cited by that
    link: it is the listed entry with that DOI, PMID, PMCID or NCT number, if any. A
    link reference definition is not an entry of its own to report. A References
    item is named as the reader sees it: Markdown numbers a list from its first item
    on, so the item written "4." after "1." and "3." is `reference 3 (written '4.' in
    the source)`. A second item with the same number in one list ("1.", "2.", "2.") is
    CL405's, not reported here too.

    ## Why

    An uncited source supports nothing the reader can see; often a citation was lost
    in an edit, leaving a claim unsupported.

    ## Fails

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

    Back pain is common.
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

    Acupuncture may give short-term relief [@vickers2018].
    ```

    ## Fix

    Cite the entry where it supports a claim, or remove it.
    """
    resolver = Resolver(doc)
    used: set[int] = set()
    for c in doc.citations:
        for _, entry in resolver.resolve(c):
            if entry is not None:
                used.add(id(entry))
    seen_ids: set[str] = set()
    copies = same_work(doc.evidence)
    numbers = reference_numbers(doc)
    duplicates = duplicate_references(doc, numbers)
    for e in doc.evidence:
        duplicate = e.origin == "front-matter" and e.key in seen_ids  # CL405 reports it
        seen_ids.add(e.key)
        if e.origin == "link":
            continue  # a linked work is cited by its link
        if id(e) in used or duplicate or not e.key and e.origin == "front-matter":
            continue
        if any(id(c) in used for c in copies.get(id(e), ())):
            continue  # the same work (same DOI, PMID or PMCID) is cited under its other id
        if e.start in duplicates and e.origin == "references":
            continue  # a number used twice: CL405 reports it
        s, t = _entry_anchor(doc, e)
        yield Problem(s, t, f"{reader_name(e, numbers)} is never cited")


def _entry_anchor(doc: Document, e: EvidenceEntry) -> tuple[int, int]:
    fm = doc.front_matter
    if e.origin == "front-matter" and fm is not None and e.index is not None:
        m = fm.marks.get(("evidence", e.index, "id"))
        if m is not None:
            return m.value_start, m.value_end
        m = fm.mark("evidence", e.index)
        return (m.value_start, m.value_end) if m else (0, 0)
    end = doc.text.find("\n", e.start, e.end)
    return e.start, end if end >= 0 else e.end


@rule(code="CL405", name="incomplete-evidence-entry", severity="error",
      summary="An evidence entry lacks a title, year, design or identifier, repeats an id, "
              "footnote label or reference number, or gives a year after this year.")
def incomplete_evidence_entry(doc: Document, options: dict[str, Any]) -> Iterator[Problem]:  # noqa: ARG001
    """A front-matter evidence entry has no `id`, `title`, `year` or `design`, or none
    of `doi`, `pmid`, `pmcid`, `nct`, `isbn`, `url`; or two entries share an `id`; or
    two entries are the same work (the same DOI, PMID or PMCID) but give a different
    `year`, `design` or `certainty` (one of them misstates the work).
    A footnote or References item with neither an identifier nor a year cannot be
    checked by a reader and is reported too, and so are a footnote label defined
    twice (a second `[^1]:`, which the renderer drops) and a number used twice in one
    ordered References list (`1.`, `2.`, `2.`: `[2]` cites only the first, and the
    reader sees the second as 3), at the second, as a repeated front-matter `id` is
    (not a list whose items are all written with one number, `1.`, `1.`, `1.`:
    Markdown's lazy numbering). A work cited by a link in the prose is
    not: its address is its identifier, and the link text is no place for a year or a
    design. A footnote or References item whose publication year is after this year
    ("Spine. 2099;1:2-3") is reported at the year, once (a front-matter entry's `year`
    after this year is CL203's, which checks the front matter only; a year in the
    title of a work with an earlier date, "Roadmap to 2030. WHO; 2021.", is not its
    publication year).

    A field that is empty or only spaces is missing. An entry without an id is named
    as CL203 names it (`evidence[2]` is the third).

    The finding points at the entry (its `- ` item) or, for a duplicate, at the second
    `id`. Structural schema errors (wrong types, unknown keys, enum values) are
    CL203's; identifier syntax is CL406's.

    ## Why

    A reader (and a reviewer) must be able to find the work and judge its weight.

    ## Fails

    ```markdown
    ---
    title: Back pain
    evidence:
      - id: vickers2018
        title: "Acupuncture for chronic pain"
        design: meta-analysis
    ---
    # Back pain

    Acupuncture may give short-term relief [@vickers2018].
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

    Acupuncture may give short-term relief [@vickers2018].
    ```

    ## Fix

    Complete the entry from the publication itself.
    """
    fm = doc.front_matter
    items = fm.get("evidence") if fm else None
    if fm is not None and isinstance(items, list):
        first_id: dict[str, int] = {}
        for i, item in enumerate(items):
            mark = fm.mark("evidence", i)
            s, t = (mark.value_start, _first_line_end(doc, mark.value_start, mark.value_end)) \
                if mark else (0, 0)
            if not isinstance(item, dict):
                continue  # the schema rule (CL203) reports a non-mapping item
            ident = item.get("id")
            # (an entry with no id is named as CL203 names it: evidence[0] is the first)
            name = f"evidence entry '{ident}'" if not _blank(ident) else f"evidence[{i}]"
            missing = [k for k in ENTRY_FIELDS if _blank(item.get(k))]
            if missing:
                yield Problem(s, t, f"{name} has no {_and(missing)}")
            if all(_blank(item.get(k)) for k in identifiers.KINDS):
                yield Problem(s, t, f"{name} has no identifier (one of doi, pmid, pmcid, "
                                    f"nct, isbn, url)")
            if isinstance(ident, (str, int)) and not _blank(ident):
                key = str(ident)
                if key in first_id:
                    m = fm.marks.get(("evidence", i, "id"))
                    line = doc.source.position(first_id[key]).line
                    yield Problem(m.value_start if m else s, m.value_end if m else t,
                                  f"duplicate evidence id '{key}' (first used on line {line})")
                else:
                    m = fm.marks.get(("evidence", i, "id"))
                    first_id[key] = m.value_start if m else s
    if fm is not None and isinstance(items, list):
        yield from _conflicting_copies(doc)
    yield from _duplicate_footnotes_and_numbers(doc)
    today = context.current().today
    # one item, one name: as CL404 names it ("reference '3'" for the third item of a
    # lazily numbered list, review s21b E9)
    numbers = reference_numbers(doc)
    for e in doc.evidence:
        if e.origin in ("footnote", "references") and \
                isinstance(e.fields.get("year"), int) and e.fields["year"] > today.year:
            # a publication year after this year: a typo (front matter's is CL203's,
            # which only reads the front matter)
            found = future_year(doc.text[e.start:e.end], today.year)
            if found is not None:
                year, ys, ye = found
                yield Problem(e.start + ys, e.start + ye,
                              f"{reader_name(e, numbers)}: year {year} is after this year (today "
                              f"is {today.isoformat()})")
        if e.origin in ("front-matter", "link") or e.identifiers or "year" in e.fields:
            continue
        s, t = _entry_anchor(doc, e)
        yield Problem(s, t, f"{reader_name(e, numbers)} gives no identifier (DOI, PMID, PMCID, NCT, "
                            f"ISBN or URL) and no year: a reader cannot find it")


def _duplicate_footnotes_and_numbers(doc: Document) -> Iterator[Problem]:
    """A footnote label defined twice ("[^1]:" again: the renderer keeps one, the other
    is lost), and a number used twice in one ordered References list ("1.", "2.",
    "2.": "[2]" can cite only one of them, and the reader sees the second as 3)."""
    for label, b, first in footnote_definitions(doc):
        if first is None:
            continue
        line_start = doc.source.line_starts[b.line - 1]
        yield Problem(line_start, _first_line_end(doc, line_start, b.end),
                      f"footnote '[^{label}]' is defined twice (first on line {first.line}): "
                      f"a citation '[^{label}]' can only point at one of them")
    numbers = reference_numbers(doc)
    lazy = lazy_lists(numbers)
    first_at: dict[tuple[int, int], int] = {}
    for e in doc.evidence:
        if e.origin != "references" or e.start not in numbers:
            continue
        list_id, written, shown = numbers[e.start]
        if list_id in lazy:
            continue  # "1.", "1.", "1.": lazy numbering, shown 1, 2, 3
        if (list_id, written) not in first_at:
            first_at[(list_id, written)] = e.start
            continue
        line = doc.source.position(first_at[(list_id, written)]).line
        s, t = _entry_anchor(doc, e)
        yield Problem(s, t, f"reference number {written} is used twice (first on line "
                            f"{line}); the list shows this item as {shown}, and a citation "
                            f"'[{written}]' points only at the first")


def duplicate_references(doc: Document, numbers: dict[int, tuple[int, int, int]]
                         ) -> set[int]:
    """The starts of References items whose number an earlier item of their list
    already has (CL405 reports them; they are not also never cited, CL404)."""
    seen: set[tuple[int, int]] = set()
    out: set[int] = set()
    lazy = lazy_lists(numbers)
    for e in doc.evidence:
        if e.origin == "references" and e.start in numbers and \
                numbers[e.start][0] not in lazy:
            key = numbers[e.start][:2]
            if key in seen:
                out.add(e.start)
            seen.add(key)
    return out


def reader_name(e: EvidenceEntry, numbers: dict[int, tuple[int, int, int]]) -> str:
    """A footnote or References item named as the reader sees it: "reference 3" for
    the third item of a list whose source numbers it "4." (with the number written),
    else by its key ("reference '2'", "footnote '[^1]'")."""
    if e.origin == "references":
        numbered = numbers.get(e.start)
        if numbered is not None and str(numbered[2]) != e.key:
            if numbered[0] in lazy_lists(numbers):
                return f"reference '{numbered[2]}'"  # "1.", "1.", "1.": lazy numbering
            return f"reference {numbered[2]} (written '{numbered[1]}.' in the source)"
    return entry_name(e)


def entry_name(e: EvidenceEntry) -> str:
    """A footnote by its label as written, as CL403 and CL405's duplicate labels name it
    ("footnote '[^1]'"); a References item or front-matter entry by its key."""
    if e.origin == "footnote":
        return f"footnote '[^{e.key}]'"
    what = {"front-matter": "evidence entry", "references": "reference"}.get(e.origin,
                                                                               e.origin)
    return f"{what} '{e.key}'"


_SAME_WORK_FIELDS = ("year", "design", "certainty")


def _conflicting_copies(doc: Document) -> Iterator[Problem]:
    """Two front-matter entries with the same DOI, PMID or PMCID (one work under two
    ids) whose year, design or certainty differ: each citation uses its own entry's, so one of
    them misstates the work. Reported once, at the later entry's id."""
    fm = doc.front_matter
    copies = same_work(doc.evidence)
    for e in doc.evidence:
        if e.origin != "front-matter" or not e.key or e.index is None:
            continue
        for c in copies.get(id(e), ()):
            if c.origin != "front-matter" or c.index is None or c.index >= e.index:
                continue
            differ = [f for f in _SAME_WORK_FIELDS
                      if not _blank(e.fields.get(f)) and not _blank(c.fields.get(f))
                      and str(e.fields[f]).strip().lower() != str(c.fields[f]).strip().lower()]
            if not differ:
                continue
            m = fm.marks.get(("evidence", e.index, "id")) if fm is not None else None
            s, t = (m.value_start, m.value_end) if m else (e.start, e.start)
            cm = fm.mark("evidence", c.index) if fm is not None else None
            line = doc.source.position(cm.value_start).line if cm else 0
            what = ", ".join(f"{f} {c.fields[f]!s} / {e.fields[f]!s}" for f in differ)
            yield Problem(s, t, f"evidence entry '{e.key}' is the same work (same DOI, "
                                f"PMID or PMCID) as '{c.key}' (line {line}) but their "
                                f"metadata differ ({what}): correct the wrong one, or list the "
                                f"work once")
            break


_blank = identifiers.blank  # not given: absent, empty, or only spaces


def _first_line_end(doc: Document, start: int, end: int) -> int:
    nl = doc.text.find("\n", start, end)
    e = nl if nl >= 0 else end
    while e > start and doc.text[e - 1] in " \t\r":
        e -= 1
    return e


def _and(words: list[str]) -> str:
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " or " + words[-1]


@rule(code="CL406", name="invalid-identifier", severity="error",
      summary="A DOI, PMID, PMCID, NCT number, ISBN or URL is malformed.")
def invalid_identifier(doc: Document, options: dict[str, Any]) -> Iterator[Problem]:  # noqa: ARG001
    """An identifier of an evidence entry is malformed: a DOI that does not match
    Crossref's recommended pattern (`10.` + 4-9 digits + `/` + suffix), a PMID that is
    not 1-9 digits, a PMCID not `PMC` + digits, an NCT number not `NCT` + 8 digits, an
    ISBN-10 or ISBN-13 whose check digit is wrong, a URL that is not absolute http(s).
    Identifiers are read from front-matter fields, from footnote and References text,
    and from the addresses of links that cite a work (`https://doi.org/...`, PubMed,
    PMC, ClinicalTrials.gov), inline, reference-style (the finding points into the
    definition `[label]: https://doi.org/...`) or bare. Whatever stands where a PubMed
    or PMC address puts the PMID or PMCID is one (`pubmed.ncbi.nlm.nih.gov/abc/`,
    `.../pmc/articles/PMC12x/` are malformed; PubMed's own pages, such as
    `/advanced/`, cite nothing), in the prose or in a footnote or References item
    (`1. Smith J. ... [PubMed](https://pubmed.ncbi.nlm.nih.gov/12x45/)`). An identifier written in the text ("(PMCID: PMC12x)")
    is named as what it is: `PMCID 'PMC12x' must be ...`. A front-matter identifier of
    the wrong type (`pmid: 12.5`, or `doi: 10.1000`, which YAML reads as a number) is
    reported here as written, not by CL203 too. Offline checks only: a well-formed DOI
    may still not exist.

    ## Why

    A mistyped identifier sends the reader to the wrong paper or to nothing.

    ## Fails

    ```markdown
    ---
    title: Back pain
    evidence:
      - id: vickers2018
        title: "Acupuncture for chronic pain: update of an individual patient data meta-analysis"
        year: 2018
        design: meta-analysis
        doi: 10.1016/jpain
        pmid: "2919893X"
    ---
    # Back pain

    Acupuncture may give short-term relief [@vickers2018].
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
        pmid: "29198932"
    ---
    # Back pain

    Acupuncture may give short-term relief [@vickers2018].
    ```

    ## Fix

    Copy the identifier again from the publisher's or PubMed's page.
    """
    fm = doc.front_matter
    numbers = reference_numbers(doc)
    for e in doc.evidence:
        for kind, value, s, t in e.identifiers:
            problem = identifiers.check(kind, value)
            if problem is None:
                continue
            if s == t == 0 and e.origin == "front-matter" and fm is not None:
                m = fm.mark("evidence", e.index, kind)
                s, t = (m.value_start, m.value_end) if m else (e.start, e.start)
            if e.origin == "link" and _bare_identifier(e, value):
                # "(PMCID: PMC12x)", "(PMID: 0)": the identifier is the citation, and
                # the problem names it ("PMCID 'PMC12x' must be ...")
                yield Problem(s, t, problem)
                continue
            if e.origin == "link":
                where = f"link '{e.fields.get('title', e.key)}'"
            elif e.origin == "front-matter":
                # named as CL405 and CL203 name it: by its id, or by its place
                where = (f"evidence entry '{e.key}'" if not _blank(e.key)
                         else f"evidence[{e.index}]")
            else:
                where = reader_name(e, numbers)  # as CL404 and CL405 name it
            yield Problem(s, t, f"{where}: {problem}")


def _bare_identifier(e: Any, value: Any) -> bool:
    """A link entry that is an identifier written in the text, not a link: its text is
    the value, perhaps after its label ("PMC12x", "PMID: 0")."""
    title = str(e.fields.get("title", ""))
    v = str(value).strip()
    return (bool(v) and "://" not in title and title.endswith(v)
            and len(title) - len(v) <= 16)
