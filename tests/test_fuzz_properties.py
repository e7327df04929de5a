"""Property-based checks over random Markdown, front matter and bytes (quick; the long
campaign is benchmarks/fuzz_campaign.py): nothing escapes ``lint_text``, no internal
error, spans are well formed and inside the file, output is deterministic, and
``fix_text`` is idempotent and changes only what its findings name."""

from __future__ import annotations

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from conditionlint.api import fix_text, lint_text
from conditionlint.fixer import apply_edits
from conditionlint.source import Source

TODAY = "2026-11-29"
QUICK = settings(max_examples=150, deadline=None,
                 suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

PIECES = st.sampled_from([
    "# Back pain\n", "## Symptoms\n", "## Treatment\n", "## References\n", "- item\n",
    "  - nested\n", "1. one\n", "> quote\n", "```\ncode\n```\n", "~~~\n", "| a | b |\n",
    "|---|---|\n", "<!-- c -->", "<!--", "-->", "<!-- conditionlint-disable-next-line CL301 -->\n",
    "<!-- conditionlint-disable CL3 -->", "<!-- conditionlint-enable -->", "[@smith2020]",
    "[^1]", "[^1]: Smith 2020 doi:10.1000/abc\n", "It is safe and effective.", " cures ",
    "\u00e2\u20ac\u201d", "\u0e42\u20ac\u201d", "\ufffd", "\u202e", "\u200b", "\x07", "\x1b",
    "\t", "\r", "\r\n", "\n", "\n\n", "*", "_", "`", "[", "](", ")", "<b>", "\\", "---\n",
    "\ufeff", "\U0001f600", "e\u0301", "Dr. A. Smith et al. reported 3.5 mg.",
])
MARKDOWN = st.lists(st.one_of(PIECES, st.text(max_size=20)), max_size=30).map("".join)
FRONT_MATTER = st.lists(st.tuples(
    st.sampled_from(["title", "type", "last_reviewed", "evidence", "1", "? [a]", "&a k", "x"]),
    st.sampled_from(["x", "2026-13-45", "[a, *b]", "{a: 1}", "!!python/name:os.system",
                     "'q", "- a\n  - b", "~", "2026-10-01", "[" * 30])),
    max_size=8).map(lambda kv: "---\n" + "".join(f"{k}: {v}\n" for k, v in kv) + "---\n# T\n")


def check_invariants(data: bytes) -> None:
    found = lint_text(data, today=TODAY)
    again = lint_text(data, today=TODAY)
    assert [(f.sort_key(), f.message) for f in found] == \
        [(f.sort_key(), f.message) for f in again]
    assert not [f.message for f in found if f.code == "CL901"]
    src = Source.from_bytes("page.md", data)
    for f in found:
        if f.code == "CL903":
            continue
        assert 0 <= f.start <= f.end <= len(src.text), f
        assert 1 <= f.line <= f.end_line <= src.line_count, f
        assert f.column >= 1 and f.end_column >= 1, f
        assert f.line < f.end_line or f.end_column >= f.column, f
        pos = src.position(f.start)
        assert (f.line, f.column) == (pos.line, pos.column), f


def check_fix(data: bytes) -> None:
    once = fix_text(data, today=TODAY)
    assert fix_text(once, today=TODAY) == once  # idempotent
    if once == data:
        return
    # Only what the findings name changed: outside the fixable findings' edits of
    # the original text, the fixed text is the same (checked for a single pass).
    src = Source.from_bytes("page.md", data)
    edits = sorted((e.start, e.end) for f in lint_text(data, today=TODAY) if f.fix
                   for e in f.fix.edits)
    if all(e == (0, 0) for e in edits):
        # A file-level fix: dropping the byte-order mark. A U+FEFF that then stands
        # first would be read back as a BOM, so it goes too (idempotence needs it).
        assert once.lstrip(b"\xef\xbb\xbf") == data.lstrip(b"\xef\xbb\xbf")
        return
    # When one pass settles it, nothing outside the first pass's edits changed. (A
    # later pass may fix what the first one uncovered: 'Â\x1f\x80' loses its control
    # character, and what is left is mojibake of '€'; only idempotence holds then.)
    once_text = Source.from_bytes("page.md", once).text
    single, _ = apply_edits(src.text, [e for f in lint_text(data, today=TODAY) if f.fix
                                       for e in f.fix.edits])
    if not any(f.fix for f in lint_text(single, today=TODAY)):
        assert once_text.startswith(src.text[:edits[0][0]])
        assert once_text.endswith(src.text[max(e for _, e in edits):])


@QUICK
@given(MARKDOWN)
def test_random_markdown(text):
    check_invariants(text.encode("utf-8", errors="surrogatepass"))


@QUICK
@given(FRONT_MATTER, MARKDOWN)
def test_random_front_matter(head, body):
    check_invariants((head + body).encode("utf-8", errors="surrogatepass"))


@QUICK
@given(st.binary(max_size=600))
def test_random_bytes(data):
    check_invariants(data)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(MARKDOWN)
@example("0\u00c0\x00")  # read as BOM-less UTF-16: not fixed (fixer.fix_source)
def test_fix_is_idempotent_and_local(text):
    check_fix(text.encode("utf-8", errors="surrogatepass"))
