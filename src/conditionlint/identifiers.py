"""Offline checks of bibliographic identifiers, and finding them in free text.

No network: a DOI that matches Crossref's recommended pattern may still not resolve;
what is checked here is the shape (and, for ISBNs, the check digit).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any


def blank(value: Any) -> bool:
    """A front-matter value that gives nothing: absent, empty, or only spaces (one test
    for every rule that asks whether an identifier or an entry's field is there)."""
    return value is None or isinstance(value, str) and not value.strip()

# Crossref's recommended pattern for modern DOIs, case-insensitive.
_DOI = re.compile(r"^10\.\d{4,9}/[-._;()/:A-Z0-9]+$", re.I)
_PMID = re.compile(r"^[1-9]\d{0,8}$")
_PMCID = re.compile(r"^PMC\d{1,9}$", re.I)
_NCT = re.compile(r"^NCT\d{8}$", re.I)
_URL = re.compile(r"^https?://[^\s/?#<>\"]+\.[^\s/?#<>\"]+(?:[/?#][^\s<>\"]*)?$", re.I)

KINDS = ("doi", "pmid", "pmcid", "nct", "isbn", "url")
LABELS = {"doi": "DOI", "pmid": "PMID", "pmcid": "PMCID", "nct": "NCT number",
          "isbn": "ISBN", "url": "URL"}


def normalize_doi(value: str) -> str:
    """Strip the forms people paste: 'doi:', 'https://doi.org/'."""
    v = value.strip()
    v = re.sub(r"^(?:(?:https?://)?(?:dx\.|www\.)?doi\.org/|doi:\s*)", "", v, flags=re.I)
    return v


def check(kind: str, value: object) -> str | None:
    """Why ``value`` is not a valid identifier of ``kind``, or None when it is."""
    if isinstance(value, bool) or value is None:
        return f"{LABELS.get(kind, kind)} must be a string, not {value!r}"
    if isinstance(value, int):
        value = str(value)
    if not isinstance(value, str):
        return f"{LABELS.get(kind, kind)} must be a string"
    v = value.strip()
    if kind == "doi":
        if not _DOI.match(normalize_doi(v)):
            return (f"DOI '{v}' does not match the pattern 10.NNNN/suffix "
                    f"(e.g. 10.1016/j.jpain.2017.11.005)")
    elif kind == "pmid":
        if not _PMID.match(v):
            return f"PMID '{v}' must be 1 to 9 digits, not starting with 0"
    elif kind == "pmcid":
        if not _PMCID.match(v):
            return f"PMCID '{v}' must be 'PMC' followed by digits (e.g. PMC5861590)"
    elif kind == "nct":
        if not _NCT.match(v):
            return f"NCT number '{v}' must be 'NCT' followed by 8 digits (e.g. NCT01234567)"
    elif kind == "isbn":
        return isbn_problem(v)
    elif kind == "url":
        if not _URL.match(v):
            return f"URL '{v}' is not an absolute http(s) address"
    return None


def isbn_problem(value: str) -> str | None:
    digits = re.sub(r"[\s-]", "", value)
    if len(digits) == 10 and re.fullmatch(r"\d{9}[\dXx]", digits):
        total = sum((10 - i) * (10 if c in "Xx" else int(c)) for i, c in enumerate(digits))
        if total % 11:
            return f"ISBN-10 '{value}' has a wrong check digit"
        return None
    if len(digits) == 13 and digits.isdigit():
        total = sum(int(c) * (1 if i % 2 == 0 else 3) for i, c in enumerate(digits))
        if total % 10:
            return f"ISBN-13 '{value}' has a wrong check digit"
        return None
    return f"ISBN '{value}' must have 10 or 13 digits"


@dataclass(frozen=True, slots=True)
class Found:
    kind: str
    value: str
    start: int  # offsets into the searched text
    end: int


# Identifiers as they appear in reference lists. Each group "v" is the value.
_FIND = (
    ("doi", re.compile(r"(?:\bdoi:\s*|\b(?:https?://)?(?:dx\.|www\.)?doi\.org/|(?<![\w/.]))"
                       r"(?P<v>10\.\d{4,9}/[^\s\"<>\]]+)", re.I)),
    ("pmcid", re.compile(r"\b(?P<v>PMC\d{3,9})\b")),
    ("pmid", re.compile(r"\b(?:PMID|PubMed(?:\s+ID)?)\s*:?\s*(?P<v>\d{1,9})\b", re.I)),
    ("pmid", re.compile(r"\bpubmed\.ncbi\.nlm\.nih\.gov/(?P<v>\d{1,9})\b", re.I)),
    ("nct", re.compile(r"\b(?P<v>NCT\d{8})\b")),
    ("isbn", re.compile(r"\bISBN(?:-1[03])?:?\s*(?P<v>[\dXx][\d\sXx-]{8,16}[\dXx])", re.I)),
    ("url", re.compile(r"(?P<v>https?://[^\s<>\"\]\)]+)", re.I)),
    # Labelled but malformed forms, so that CL406 can report them.
    ("doi", re.compile(r"\bdoi:\s*(?P<v>[^\s\"<>\]]+)", re.I)),
    ("pmid", re.compile(r"\bPMID:?\s*(?P<v>\d[^\s.,;\])]*)", re.I)),
    ("pmcid", re.compile(r"\b(?P<v>PMC[\w-]*\d[\w-]*)", re.I)),
    ("nct", re.compile(r"\b(?P<v>NCT\d+)\b", re.I)),
)


def extract(text: str) -> list[Found]:
    """Identifiers in free text (a footnote or a reference-list item), in order.

    A URL that is a doi.org or PubMed link yields the DOI/PMID, not a URL as well.
    """
    found: list[Found] = []
    # Characters already claimed by an earlier match: a new match is dropped when it
    # shares one with them. A mask, not only a list of spans, so that a page with
    # thousands of identifiers is not quadratic. A value trimmed to nothing ("doi: .")
    # is rare and is checked against the spans, as it always was.
    taken = bytearray(len(text))
    spans: list[tuple[int, int]] = []
    for kind, rx in _FIND:
        for m in rx.finditer(text):
            s, e = m.span("v")
            value = m.group("v")
            if kind in ("doi", "url"):
                value = _trim(value)
                e = s + len(value)
            if (taken.find(1, s, e) != -1 if s < e
                    else any(s < te and ts < e for ts, te in spans)):
                continue
            if kind == "url":
                # a PubMed, PMC or doi.org address whose id is malformed
                # ("pubmed.ncbi.nlm.nih.gov/12x45/", ".../pmc/articles/PMC12x/",
                # "doi.org/10.1000"): the id, as in a link in the prose (CL406)
                work = work_of_url(value)
                if work is not None and work.kind in ("doi", "pmid", "pmcid", "nct") \
                        and check(work.kind, work.value) is not None:
                    found.append(Found(work.kind, work.value, s + work.start, s + work.end))
                    taken[s:e] = b"\x01" * (e - s)
                    spans.append((s, e))
                    continue
            found.append(Found(kind, value, s, e))
            ts, te = (m.start(), m.end()) if kind != "url" else (s, e)
            taken[ts:te] = b"\x01" * (te - ts)
            spans.append((ts, te))
    found.sort(key=lambda f: f.start)
    return found


def _trim(value: str) -> str:
    """Drop sentence punctuation and an unbalanced closing bracket after a DOI/URL."""
    while value:
        if value[-1] in ".,;:'":
            value = value[:-1]
        elif value[-1] == ")" and value.count("(") < value.count(")"):
            value = value[:-1]
        else:
            break
    return value


# -- links to one work ------------------------------------------------------------------
# A URL that names one specific work, with the identifier's span in the URL. A search
# ("pubmed.ncbi.nlm.nih.gov/?term=zinc"), a topic page, a journal's home page or a
# site's own article names no work and matches none of these.
_HOST = r"^https?://(?:www\.)?"
# PubMed's site pages, which name no article
_PUBMED_PAGES = (r"(?:advanced|clinical|help|about|trending|disclaimer|collections|"
                 r"myncbi|search|topics|special-queries|bibliography|api|docs?)")
_WORK_URLS = (
    # doi.org/<DOI>: whatever follows is the DOI (CL406 checks its shape)
    ("doi", re.compile(_HOST + r"(?:dx\.)?doi\.org/(?P<v>10[^\s?#]*?)/?(?:[?#]|$)", re.I)),
    # a publisher's DOI path (Cochrane Library, Wiley, SAGE, Taylor & Francis, ...):
    # ".../doi/10.1002/14651858.CD001364.pub5/full"
    ("doi", re.compile(r"^https?://[^/\s?#]+/(?:[^\s?#]*/)?doi/(?:(?:full|abs|abstract|pdf|"
                       r"epdf|epub|fulltext|book)/)?(?P<v>10\.\d{4,9}/[^\s?#]+?)"
                       r"(?:/(?:full|abstract|abs|pdf|epdf|fulltext|html|info|references|"
                       r"figures|media|suppl_file))?/?(?:[?#]|$)", re.I)),
    # PubMed's and PMC's article addresses: whatever stands where the PMID or PMCID
    # goes is one (CL406 checks its shape: "pubmed.ncbi.nlm.nih.gov/abc/",
    # ".../pmc/articles/PMC12x/"), except PubMed's own pages ("/advanced/", "/help/")
    ("pmid", re.compile(_HOST + r"(?:pubmed\.ncbi\.nlm\.nih\.gov|ncbi\.nlm\.nih\.gov/pubmed)"
                        r"/(?!" + _PUBMED_PAGES + r"/?(?:[?#]|$))"
                        r"(?P<v>[^/?#\s]+)/?(?:[?#]|$)", re.I)),
    ("pmcid", re.compile(_HOST + r"(?:ncbi\.nlm\.nih\.gov/pmc|pmc\.ncbi\.nlm\.nih\.gov)"
                         r"/articles/(?P<v>[^/?#\s]+)/?(?:[?#]|$)", re.I)),
    ("nct", re.compile(_HOST + r"(?:classic\.)?clinicaltrials\.gov/(?:study|ct2/show"
                       r"(?:/record)?)/(?P<v>NCT\w+)/?(?:[?#]|$)", re.I)),
    # a DOI as an article path (Springer, BMC, Frontiers, OUP, ...):
    # "link.springer.com/article/10.1007/s00404-019-05234-1"
    ("doi", re.compile(r"^https?://[^/\s?#]+/(?:[^\s?#]*/)?(?:article|articles|chapter|"
                       r"content)/(?P<v>10\.\d{4,9}/[^\s?#]+?)(?:/(?:full|abstract|pdf|"
                       r"fulltext|html))?/?(?:[?#]|$)", re.I)),
    # Europe PMC records of a PubMed or PMC article
    ("pmid", re.compile(_HOST + r"europepmc\.org/(?:article|abstract)/MED/(?P<v>\d+)/?"
                        r"(?:[?#]|$)", re.I)),
    ("pmcid", re.compile(_HOST + r"europepmc\.org/(?:article/PMC|articles)/(?P<v>PMC\d+)/?"
                         r"(?:[?#]|$)", re.I)),
    # The address of one published document with no identifier in it: a journal
    # article page, a guideline, an agency's report. The whole address is the
    # identifier (kind "url", as in front matter). Topic pages ("cdc.gov/.../about"),
    # news and home pages match none of these.
    ("url", re.compile(
        r"^(?P<v>https?://(?:www\.)?(?:"
        # journal article pages
        r"sciencedirect\.com/science/article/(?:abs/)?pii/S?[0-9X]{10,}"
        r"|thelancet\.com/journals/\w+/article/PIIS[0-9X]+"
        r"|jamanetwork\.com/journals/[\w-]+/fullarticle/\d+"
        r"|bmj\.com/content/\d+/(?:bmj\.)?[a-z]?\d+"
        r"|academic\.oup\.com/[\w-]+/article/\d+/\d+/\w+/\d+"
        r"|cmaj\.ca/content/\d+/\d+/[A-Z]?\d+"
        r"|aafp\.org/pubs/afp/issues/\d{4}/\d{4}/p\d+\.html"
        r"|cdc\.gov/mmwr/volumes/\d+/(?:wr|rr|ss)/\w+\.htm"
        # guidelines and agencies' reports
        r"|nice\.org\.uk/guidance/(?:ng|cg|ta|ipg|qs|ph|mtg|dg|hst|nice)\d+"
        r"|sign\.ac\.uk/our-guidelines/[\w-]+"
        r"|who\.int/publications/i/item/[\w.-]+"
        r"|(?:apps\.who\.int/iris|iris\.who\.int)/(?:bitstream/)?handle/10665/\d+"
        r"|publications\.iarc\.(?:fr|who\.int)/\d+"
        r"|gov\.uk/drug-safety-update/[\w-]+"
        r"|gov\.uk/government/publications/[\w-]+"
        r"|uspreventiveservicestaskforce\.org/uspstf/recommendation/[\w-]+"
        r"))(?:\.(?:long|full|abstract|short|full\.pdf))?(?:[/?#][^\s]*)?$", re.I)),
)


def work_of_url(url: str) -> Found | None:
    """The identifier of the one work ``url`` links to (a DOI, PMID, PMCID or NCT
    number, or the address itself for a journal article or guideline page that has
    none of them, with its offsets in ``url``), or None for any other address."""
    from urllib.parse import unquote

    u = url.strip()
    for kind, rx in _WORK_URLS:
        m = rx.match(u)
        if m:
            value = m.group("v")
            if kind == "doi":
                value = unquote(value)
            elif kind == "pmcid" and value[:3].upper() == "PMC":
                value = "PMC" + value[3:]
            return Found(kind, value, m.start("v"), m.end("v"))
    return None
