"""The sixteenth session's second pass (parsing): each change gives what the code it
replaced gave.

1. markdown-it's block rules behind a dispatch on the line's first character
   (``parser._dispatch_by_first_character``): the same token streams and reference
   env as the plain rule order, on the open labelled pages, the example pages, a
   generated corpus and random Markdown made of block syntax.
"""

from __future__ import annotations

import re

import logging
import random
import sys
from pathlib import Path

import pytest

from conditionlint import parser

ROOT = Path(__file__).resolve().parents[1]
OPEN_SPLITS = ("dev", "heldout", "heldout2", "safety")


def _key(tokens: list) -> list:
    return [(t.type, t.tag, t.nesting, t.map, t.level, t.content, t.markup, t.info,
             t.meta, t.block, t.hidden, t.attrs, t.children) for t in tokens]


def _same_tokens(texts: list[str]) -> None:
    fast, plain = parser._markdown(), parser._markdown_plain()
    for text in texts:
        env_a: dict = {}
        env_b: dict = {}
        assert _key(fast.parse(text, env_a)) == _key(plain.parse(text, env_b)), text[:200]
        assert env_a == env_b


def _page_texts() -> list[str]:
    paths = [p for split in OPEN_SPLITS
             for p in sorted((ROOT / "tests" / "corpus" / split).glob("*.md"))]
    paths += sorted((ROOT / "examples").rglob("*.md"))
    paths += sorted((ROOT / "tests" / "pages").rglob("*.md"))
    return [p.read_text(encoding="utf-8", errors="replace") for p in paths]


def test_dispatch_is_installed() -> None:
    import markdown_it
    import mdit_py_plugins

    if (markdown_it.__version__, mdit_py_plugins.__version__) in parser._DISPATCH_VERSIONS:
        assert "getRules" in vars(parser._markdown().block.ruler)
    assert "getRules" not in vars(parser._markdown_plain().block.ruler)


def test_same_tokens_on_pages() -> None:
    texts = _page_texts()
    assert len(texts) > 50
    texts += [t.replace("\n", "\r\n") for t in texts[:10]]
    texts += [t.replace("\n", "\n  ") for t in texts[:10]]  # continuation indents
    texts += [t.replace("\n", "\n> ") for t in texts[:10]]  # all in a quote
    texts += [t.replace("\n", "\n    ") for t in texts[:5]]  # code blocks
    _same_tokens(texts)


def test_same_tokens_on_a_generated_corpus(tmp_path: Path) -> None:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        import corpus
    finally:
        sys.path.pop(0)
    root = corpus.generate(tmp_path / "c", 60, big_mb=0.05)
    _same_tokens([p.read_text(encoding="utf-8") for p in sorted(root.rglob("*.md"))])


# Line openings of every block rule, near misses and plain text
_PIECES = [
    "# ", "## x", "####### no", "#x", "#", "> ", ">", ">> q", "- ", "-", "--", "---", "- - -",
    "* ", "***", "* * *", "+ ", "+x", "_ _ _", "___", "1. ", "1)", "2. ", "01. x",
    "1234567890. x", "9.", "```", "```py", "~~~", "~~", "``", "`code`", "<div>", "</div>",
    "<p>x</p>", "<!-- c", "-->", "<h2>T</h2>", "<pre>", "<x", "[^1]: note", "[^1]:", "[^ x]:",
    "[a]: /u", "[a]:", "[a]: /u \"t\"", "[x] y", "|a|b|", "|-|-|", "| --- | :-: |", "a | b",
    "-|-", ":-", "===", "= =", "\t", "    ", "  ", "\t- x", "   # x", "    code", "text",
    "Text more", "a *b* c", "2.5 mg", "\u00a0x", "x\\", "\\# x", "\u2014 dash",
]


def _random_doc(rng: random.Random) -> str:
    lines = []
    for _ in range(rng.randint(1, 14)):
        indent = rng.choice(["", "", "", " ", "  ", "   ", "    ", "\t", "> ", "- ", "1. "])
        line = indent + "".join(rng.choice(_PIECES) for _ in range(rng.randint(0, 3)))
        lines.append(line)
        if rng.random() < 0.2:
            lines.append("")
    end = rng.choice(["", "\n", "\n\n", "  ", "\n   "])
    return "\n".join(lines) + end


def test_same_tokens_on_random_block_syntax() -> None:
    rng = random.Random(18)
    _same_tokens([_random_doc(rng) for _ in range(4000)] + ["", "\n", " ", "#", ">", "\t"])


def test_debug_logging_gets_the_plain_order(monkeypatch: pytest.MonkeyPatch) -> None:
    from conditionlint.source import Source

    used = []
    real = parser._markdown_plain

    def spy():  # type: ignore[no-untyped-def]
        used.append(1)
        return real()

    monkeypatch.setattr(parser, "_markdown_plain", spy)
    log = logging.getLogger("markdown_it.rules_block.hr")
    parser.parse(Source.from_text("p.md", "# T\n\ntext\n"))
    assert not used
    old = log.level
    log.setLevel(logging.DEBUG)
    try:
        parser.parse(Source.from_text("p.md", "# T\n\ntext\n"))
    finally:
        log.setLevel(old)
    assert used


def test_other_versions_keep_the_plain_order(monkeypatch: pytest.MonkeyPatch) -> None:
    import markdown_it

    monkeypatch.setattr(markdown_it, "__version__", "0.0.0")
    md = parser._build(dispatch=True)
    assert "getRules" not in vars(md.block.ruler)


# -- 2. the risky-wording scan: the groups' first tests asked once per text ----------------
def _docs() -> list:
    from conditionlint.source import Source

    paths = [p for split in OPEN_SPLITS
             for p in sorted((ROOT / "tests" / "corpus" / split).glob("*.md"))]
    paths += sorted((ROOT / "examples").rglob("*.md"))
    return [parser.parse(Source.from_text(p.name, p.read_text(encoding="utf-8")))
            for p in paths]


def _scan_as_before(doc, group: str) -> list:  # type: ignore[no-untyped-def]
    """checks/wording.py's _scan before this session: every text searched."""
    from conditionlint import claimdetect
    from conditionlint.checks import wording
    from conditionlint.citations import entry_label_blocks

    anyrx, pairs, unless, not_within = wording._matchers(group)
    skip = entry_label_blocks(doc)
    texts = [(s.text, s.start) for s in doc.sentences if s.block not in skip]
    for _key, value, base in claimdetect.front_matter_strings(doc):
        if doc.text[base:base + len(value)] == value:
            texts.append((value, base))
    out = []
    for text, base in texts:
        if not anyrx.search(text) or unless.search(text):
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
            # (eighteenth session: matches a word or less apart are one finding)
            if kept and re.fullmatch(r"\s*(?:[\w'\u2019-]+\s+)?", text[kept[-1][1]:s]):
                kept[-1][1] = e
            else:
                kept.append([s, e])
        out.extend((base + s, base + e, " ".join(text[s:e].split())) for s, e in kept)
    return out


@pytest.fixture(scope="module")
def docs() -> list:
    return _docs()


def test_wording_scan_as_before(docs: list) -> None:
    from conditionlint.checks import wording
    from conditionlint.source import Source

    extra = [parser.parse(Source.from_text("x.md", text)) for text in (
        "---\ntitle: A miracle cure\ndescription: Guaranteed results, 100% safe.\n---\n"
        "# Back pain\n\nOur treatment offers permanent relief with no side effects.\n\n"
        "Stop taking your medication. It is completely natural and safe.\n",
        "# \u0130nsomnia\n\nThis cures \u0130NSOMNIA for good, risk-free.\n",
        "# X\n\nThere is no cure for chronic back pain.\n",
    )]
    found = 0
    for doc in docs + extra:
        for group in wording.GROUPS:
            got = list(wording._scan(doc, group))
            assert got == _scan_as_before(doc, group), (doc.source.path, group)
            found += len(got)
    assert found > 20


def test_wording_scan_after_the_lexicons_are_rebuilt(docs: list) -> None:
    from conditionlint.checks import wording

    doc = next(d for d in docs if list(wording._scan(d, "absolute")))
    before = list(wording._scan(doc, "absolute"))
    wording._matchers.cache_clear()
    assert list(wording._scan(doc, "absolute")) == before


def test_alternations_live_is_every_member_with_candidates(docs: list) -> None:
    from conditionlint import claimdetect
    from conditionlint.checks import wording

    groups = [wording._any_of_groups(), claimdetect.lexicon().vague]
    texts = [s.text for d in docs[:80] for s in d.sentences]
    texts += [t.upper() for t in texts[:200]] + ["", "\u0130t cures", "\u212a", "miracle"]
    for alts in groups:
        for text in texts:
            assert alts.live(text) == tuple(a for a in alts if a._candidates(text))


# -- 3. parse's own loop: one scan for the inline syntax, token types with no branch --------
def test_inline_syntax_scan_is_the_eight_tests() -> None:
    chars = "`<[*_~\\&"
    for c in map(chr, range(0x110000)):
        assert (parser._INLINE_SYNTAX.search(c) is not None) == (c in chars)


def _parsed(texts: list[str]) -> list:
    from conditionlint.source import Source

    out = []
    for text in texts:
        d = parser.parse(Source.from_text("p.md", text))
        out.append((d.blocks, d.sentences, d.headings, d.sections, d.code_ranges,
                    d.citations, d.evidence, d.directives, d.bad_directives))
    return out


def test_parse_as_with_the_plain_loop(monkeypatch: pytest.MonkeyPatch) -> None:
    import re

    texts = _page_texts()[:120] + [
        "# T\n\n- a `x` b\n- [l](u) *e* ~~s~~ \\* <b>h</b> &amp;\n\n| a | b |\n|---|---|\n"
        "| [^1] | <!-- c --> |\n\n---\n\n> q **b**\n\n1. x\n2. y\n\n```\ncode\n```\n",
    ]
    fast = _parsed(texts)
    monkeypatch.setattr(parser, "_NO_STATE", frozenset())
    monkeypatch.setattr(parser, "_INLINE_SYNTAX", re.compile(""))  # always "found"
    assert _parsed(texts) == fast
