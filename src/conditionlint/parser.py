"""Source -> Document. The only module that imports markdown-it.

markdown-it gives block line ranges (``token.map``: 0-based, end-exclusive) but no
columns, so each inline block is located inside its source lines here, and its prose
is *masked* (see :mod:`conditionlint.document`) so rules can work in source offsets.
"""

from __future__ import annotations

import html
import re
import sys
from bisect import bisect_right
from functools import lru_cache
from types import MappingProxyType
from typing import Any

from conditionlint import frontmatter, sentences
from conditionlint.document import (
    Block,
    Directive,
    Document,
    FrontMatter,
    Heading,
    Section,
    in_ranges,
)
from conditionlint.source import Source


@lru_cache(maxsize=1)
def _markdown() -> Any:
    return _build(dispatch=True)


@lru_cache(maxsize=1)
def _markdown_plain() -> Any:
    """The same parser without the dispatch, for runs that log markdown-it's debug
    messages (each rule logs on entry; the dispatch enters fewer rules)."""
    return _build(dispatch=False)


def _build(dispatch: bool) -> Any:
    from markdown_it import MarkdownIt
    from mdit_py_plugins.footnote import footnote_plugin

    md = MarkdownIt("commonmark", {"maxNesting": MAX_NESTING})
    md.enable("table")
    md.use(footnote_plugin, move_to_end=False, always_match_refs=True)
    # Inline parsing is not needed: we mask inline syntax ourselves, in source offsets.
    md.disable(["text", "linkify", "newline", "escape", "backticks", "strikethrough",
                "emphasis", "link", "image", "autolink", "html_inline", "entity",
                "footnote_inline", "footnote_ref"], ignoreInvalid=True)
    md.core.ruler.disable(["inline"], ignoreInvalid=True)
    # text_join only joins the children of inline tokens, which are never built here;
    # normalize is replaced by the same replacements, made only when there is a "\r"
    # or a NUL to replace (markdown-it rebuilds the whole text with a regex every time)
    md.core.ruler.disable(["text_join"], ignoreInvalid=True)
    md.core.ruler.at("normalize", _normalize)
    if dispatch:
        _dispatch_by_first_character(md)
        _light_tokens(md)
    _note_too_deep(md)
    return md


MAX_NESTING = 100  # markdown-it's maxNesting above: token levels, not containers
TOO_DEEP = "conditionlint_too_deep"  # env key: [(first, last) 0-based lines skipped]


def _note_too_deep(md: Any) -> None:
    """Make ``md``'s block parser note, in ``env[TOO_DEEP]``, the lines it passes over
    because they are nested :data:`MAX_NESTING` levels deep (a blockquote is a level,
    a list item two). markdown-it skips the rest of such a container without a word,
    so its text reached no rule (audit25 #1: 150 nested ``>`` hid a claim and the page
    passed); the engine reports those lines (CL903). The same test as
    ``ParserBlock.tokenize``'s, made before it: the first line it would look at, unless
    that line ends the container (less indented) or there is none."""
    block = md.block
    tokenize = block.tokenize

    def noting(state: Any, start: int, end: int) -> None:
        if state.level >= MAX_NESTING:
            line = state.skipEmptyLines(start)
            if line < end and state.sCount[line] >= state.blkIndent:
                last = end - 1
                while last > line and state.isEmpty(last):
                    last -= 1
                state.env.setdefault(TOO_DEEP, []).append((line, last))
        tokenize(state, start, end)

    block.tokenize = noting


# Shared, read-only: a block token's attributes and metadata are empty unless a rule
# gives it its own (the table's alignment, a footnote's label: assignments, never
# writes into these; a write would raise, not change every other token).
_NO_ATTRS: Any = MappingProxyType({})
_NO_META: Any = MappingProxyType({})


def _light_tokens(md: Any) -> None:
    """Make ``md``'s block parser push tokens that share one empty ``attrs`` and one
    empty ``meta`` (read-only) instead of two new dicts each (fix23: 128 of a token's
    ~330 bytes; a page of 100,000 table rows has 800,000 tokens). Only on the versions
    whose block rules were read (:data:`_DISPATCH_VERSIONS`): they replace a token's
    attrs and meta and never write into them with the options used here (no
    task lists, no alerts). tests/test_perf18.py compares the token streams."""
    import markdown_it
    import mdit_py_plugins
    from markdown_it.rules_block.state_block import StateBlock
    from markdown_it.token import Token

    if (markdown_it.__version__, mdit_py_plugins.__version__) not in _DISPATCH_VERSIONS:
        return
    if md.options.get("tasklists") or md.options.get("alerts"):
        return
    new = Token.__new__

    class _LightState(StateBlock):
        def push(self, ttype: str, tag: str, nesting: Any) -> Any:
            # StateBlock.push, with Token's fields set here (its __init__ would make
            # the two dicts)
            token = new(Token)
            token.type = ttype
            token.tag = tag
            token.nesting = nesting
            token.attrs = _NO_ATTRS
            token.map = None
            if nesting < 0:
                self.level -= 1
            token.level = self.level
            if nesting > 0:
                self.level += 1
            token.children = None
            token.content = ""
            token.markup = ""
            token.info = ""
            token.meta = _NO_META
            token.block = True
            token.hidden = False
            self.tokens.append(token)
            return token

    block = md.block

    def parse(src: str, md_: Any, env: Any, out_tokens: list[Any]) -> Any:
        # ParserBlock.parse with the light state
        if not src:
            return None
        state = _LightState(src, md_, env, out_tokens)
        block.tokenize(state, state.line, state.lineMax)
        return state.tokens

    block.parse = parse


# Block rules that return False, with no effect but their debug message, unless the
# line's first character after its indent (``state.src[bMarks + tShift]``, read by each
# before anything else that could accept) is one of these. Read from markdown-it-py
# 4.3.0 and mdit-py-plugins 0.7.0 (sixteenth session, second pass); other versions get
# the plain rule order. tests/test_perf18.py compares token streams with and without.
_RULE_FIRSTS = {
    "fence": "~`",
    "blockquote": ">",
    "hr": "*-_",
    "list": "*-+0123456789",
    "footnote_def": "[",
    "reference": "[",
    "html_block": "<",
    "heading": "#",
}
_DISPATCH_VERSIONS = {("4.3.0", "0.7.0")}
_RULE_LOGGERS = ("fence", "blockquote", "hr", "list", "reference", "html_block", "heading")


def _dispatching(rules: tuple[Any, ...], firsts: list[str | None]) -> Any:
    """One rule standing for ``rules`` (in order): it calls only those whose first
    character set (``firsts``, None for any) admits the line's first character, and
    returns what the first that accepts returns, as markdown-it's loop over the chain
    would (a rule that refuses the character would return False)."""
    chars = set("".join(f for f in firsts if f))
    table = {c: tuple(r for r, f in zip(rules, firsts) if f is None or c in f)
             for c in chars}
    others = tuple(r for r, f in zip(rules, firsts) if f is None)

    def rule(state: Any, line: int, end: int, silent: bool) -> Any:
        pos = state.bMarks[line] + state.tShift[line]
        src = state.src
        for r in (table.get(src[pos], others) if pos < len(src) else rules):
            ok = r(state, line, end, silent)
            if ok:
                return ok
        return False

    return rule


def _dispatch_by_first_character(md: Any) -> None:
    """Give each chain of ``md``'s block rules one dispatching rule (about a fifth of
    markdown-it's time over the corpus: most lines start with a letter, and each rule
    was entered to look at it). Only on the versions whose rules were read."""
    import markdown_it
    import mdit_py_plugins

    if (markdown_it.__version__, mdit_py_plugins.__version__) not in _DISPATCH_VERSIONS:
        return
    ruler = md.block.ruler
    name_of = {id(r.fn): r.name for r in ruler.__rules__ if r.enabled}
    plain = ruler.getRules
    chains = {}
    for chain in ("", "paragraph", "reference", "blockquote", "list"):
        rules = tuple(plain(chain))
        chains[chain] = [_dispatching(rules, [_RULE_FIRSTS.get(name_of[id(r)])
                                              for r in rules])]

    def get_rules(chain_name: str = "") -> Any:
        found = chains.get(chain_name)
        return found if found is not None else plain(chain_name)

    ruler.getRules = get_rules


@lru_cache(maxsize=1)
def _rule_loggers() -> tuple[Any, ...]:
    import logging

    # getLogger always gives the same object for a name (loggers are never removed)
    return tuple(logging.getLogger("markdown_it.rules_block." + name)
                 for name in _RULE_LOGGERS)


def _block_rules_log() -> bool:
    """Whether markdown-it's block rules would log their debug messages."""
    for log in _rule_loggers():
        if log.isEnabledFor(10):  # logging.DEBUG
            return True
    return False


def _normalize(state: Any) -> None:
    """markdown-it's core rule "normalize": line breaks to "\n", NUL to U+FFFD."""
    src = state.src
    if "\r" in src:
        src = src.replace("\r\n", "\n").replace("\r", "\n")
    if "\0" in src:
        src = src.replace("\0", "\ufffd")
    state.src = src


def reference_label(label: str) -> str:
    """A link label as markdown-it keys its reference definitions (case and inner
    white space folded): "Trial  one" -> "TRIAL ONE"."""
    from markdown_it.common.utils import normalizeReference

    return str(normalizeReference(label))


_FOLD = re.compile(r"[^\w]+", re.UNICODE)
_NEWLINE = re.compile(r"\r\n|\r|\n")


def fold(text: str) -> str:
    """Lower case, punctuation and spacing folded: "What are the Symptoms?" ->
    "what are the symptoms"."""
    return _FOLD.sub(" ", text.casefold().replace("&", " and ")).strip()


def fold_heading(masked: str) -> str:
    """A heading's text folded as a reader sees it: HTML entities decoded first
    ("Symptoms&nbsp;" and "Symptoms &amp; signs" are "Symptoms" and "Symptoms & signs")."""
    return fold(html.unescape(masked) if "&" in masked else masked)


_SHOWN_COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.S)
_SHOWN_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>")


def shown_heading(text: str) -> str:
    """A heading's text for a message, as a reader sees it: without HTML comments and
    tags, entities decoded, escapes dropped, spaces (non-breaking ones too) collapsed:
    "Causes <!-- todo -->" is "Causes", "Symptoms&nbsp;" is "Symptoms"."""
    t = _SHOWN_TAG.sub("", _SHOWN_COMMENT.sub("", text))
    t = _ESCAPE.sub("", t)
    if "&" in t:
        t = html.unescape(t)
    return " ".join(t.split())


# -- inline masking ------------------------------------------------------------------
# Each pattern's whole match is blanked unless it has a group named "keep", in which
# case only the text outside that group is blanked.
# Hostile pages ("[" * 50_000, "[a](" * 100_000, thousands of unclosed "<!--") made
# these patterns quadratic: every failed start scanned to the end of the line. So link
# text stops at the next "[", destinations stop at "[", every run is bounded, and code
# spans and comments are found by a linear scan (benchmarks/hostile_scaling.py).
_BACKTICKS = re.compile(r"`+")
_HTML_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>")
_IMAGE = re.compile(r"!\[(?P<keep>[^\[\]\n]{0,1000})\]\([^)\s\[]{0,2048}"
                    r"(?:\s+\"[^\"]{0,1000}\")?\)")
_LINK = re.compile(r"\[(?<!\]\[)(?P<keep>[^\[\]\n]{0,1000})\]\((?:<[^>\n]{0,2048}>|"
                   r"[^)\s\[]{0,2048})(?:\s+\"[^\"]{0,1000}\")?\)")
# not citation markers in a row: "[^2][^4]", "[@a][@b]", "[1][2]"
_REF_LINK = re.compile(r"\[(?P<keep>(?![\^@])(?!\d{1,3}\])[^\[\]\n]{1,1000})\]"
                       r"\[[^\[\]\n]{0,1000}\]")
_AUTOLINK = re.compile(r"<(?P<keep>(?:https?|ftp|mailto):[^>\s]+)>")
_EMPHASIS = re.compile(r"(?<![\w*])[*_]{1,3}(?=\S)|(?<=\S)[*_]{1,3}(?![\w*])|~~")
_ESCAPE = re.compile(r"\\(?=[!-/:-@\[-`{-~])")


def _blank(chars: list[str], start: int, end: int) -> None:
    for i in range(start, end):
        if chars[i] not in "\r\n":
            chars[i] = " "


def _code_spans(text: str) -> list[tuple[int, int]]:
    """Code spans, in one pass: a run of N backticks is closed by the next run of
    exactly N backticks; a run with no such partner is literal text."""
    runs = [(m.start(), m.end()) for m in _BACKTICKS.finditer(text)]
    following: list[int] = [-1] * len(runs)
    last: dict[int, int] = {}
    for i in range(len(runs) - 1, -1, -1):
        n = runs[i][1] - runs[i][0]
        following[i] = last.get(n, -1)
        last[n] = i
    spans = []
    i = 0
    while i < len(runs):
        j = following[i]
        if j < 0:
            i += 1
            continue
        spans.append((runs[i][0], runs[j][1]))
        i = j + 1
    return spans


def _comments(text: str) -> list[tuple[int, int]]:
    """HTML comments; an unclosed "<!--" ends the search (nothing after it closes)."""
    spans = []
    pos = text.find("<!--")
    while pos >= 0:
        end = text.find("-->", pos + 4)
        if end < 0:
            break
        spans.append((pos, end + 3))
        pos = text.find("<!--", end + 3)
    return spans


def _spans_of(rx: re.Pattern[str], text: str, keep: bool) -> list[tuple[int, int]]:
    """What to blank for each match: all of it, or all but its "keep" group."""
    out: list[tuple[int, int]] = []
    for m in rx.finditer(text):
        if keep:
            ks, ke = m.span("keep")
            out += [(m.start(), ks), (ke, m.end())]
        else:
            out.append(m.span())
    return out


# The masking steps in order: (characters one of which the syntax needs, what to blank).
# Each step sees the text as the steps before it left it.
_STEPS = (
    ("<", lambda t: _comments(t) if "<!--" in t else []),
    ("<", lambda t: _spans_of(_HTML_TAG, t, False)),
    ("[", lambda t: _spans_of(_IMAGE, t, True)),
    ("[", lambda t: _spans_of(_LINK, t, True)),
    ("[", lambda t: _spans_of(_REF_LINK, t, True)),
    ("<", lambda t: _spans_of(_AUTOLINK, t, True)),
    ("*_~", lambda t: _spans_of(_EMPHASIS, t, False)),
    ("\\", lambda t: _spans_of(_ESCAPE, t, False)),
)


# one of the characters some step needs (or "&"): "`<[*_~\\&" in one scan, not eight
_INLINE_SYNTAX = re.compile(r"[`<\[*_~\\&]")


def mask_inline(text: str, code: list[tuple[int, int]], base: int) -> str:
    """Blank inline syntax in ``text`` (same length out). Code spans found are
    appended to ``code`` as source ranges (``base`` + index).

    Each step runs only when its syntax's first character occurs, and the text is
    rebuilt only after a step changed it."""
    if _INLINE_SYNTAX.search(text) is None:
        return text
    chars = list(text)
    masked = text
    if "`" in masked:
        spans = _code_spans(masked)
        for start, end in spans:
            _blank(chars, start, end)
            code.append((base + start, base + end))
        if spans:
            masked = "".join(chars)
    for firsts, find in _STEPS:
        if firsts not in masked if len(firsts) == 1 else \
                not any(c in masked for c in firsts):
            continue
        spans = find(masked)
        for start, end in spans:
            _blank(chars, start, end)
        if spans:
            masked = "".join(chars)
    return masked


# -- directives -------------------------------------------------------------------------
_DIRECTIVE = re.compile(
    r"<!--\s*conditionlint-(?P<action>disable-next-line|disable-line|disable-file|disable|enable)"
    r"(?P<rest>(?:(?!-->|<!--).){0,2000}?)-->", re.S | re.I)
_DIRECTIVE_START = re.compile(r"<!--\s*conditionlint-", re.I)


def _directives(src: Source, in_code: Any) -> tuple[tuple[Directive, ...],
                                                     tuple[tuple[int, int, str], ...]]:
    text = src.text
    # (in any case: an upper-case CONDITIONLINT-DISABLE used to do nothing, silently;
    # "onditionlint-" finds the lower, upper and capitalised forms without a copy)
    if "onditionlint-" not in text and "ONDITIONLINT-" not in text:
        return (), ()
    found: list[Directive] = []
    bad: list[tuple[int, int, str]] = []
    covered = -1
    for m in _DIRECTIVE.finditer(text):
        if in_code(m.start()):
            continue
        covered = m.end()
        rest = m.group("rest")
        reason = ""
        if " -- " in rest or rest.rstrip().endswith("--"):
            rest, _, reason = rest.partition("--")
        rules = tuple(r for r in re.split(r"[\s,]+", rest.strip()) if r)
        found.append(Directive(m.group("action").lower(), rules, reason.strip(), m.start(), m.end(),
                               src.position(m.start()).line, src.position(m.end()).line))
    last_close = text.rfind("-->")
    for m in _DIRECTIVE_START.finditer(text):
        if m.start() >= covered and not in_code(m.start()) and last_close < m.start():
            bad.append((m.start(), min(len(text), m.end() + 40),
                        "suppression comment is never closed with '-->'"))
            break
    return tuple(found), tuple(bad)


# -- the parse ------------------------------------------------------------------------
# Token types that change nothing in parse's loop (no branch takes them; paragraph_open
# and paragraph_close alone are a third of a page's tokens)
_NO_STATE = frozenset({"paragraph_open", "paragraph_close", "list_item_close", "hr",
                       "tr_close", "table_open", "table_close", "tbody_open",
                       "tbody_close"})


def parse(src: Source) -> Document:
    text = src.text
    fm: FrontMatter | None = frontmatter.parse(text)
    body_start = fm.end if fm else 0
    first_line = src.position(body_start).line - 1 if body_start else 0
    # Front matter lines are replaced by blank lines so markdown-it's line numbers stay
    # those of the file.
    md_text = ("\n" * first_line + text[body_start:]) if body_start else text
    env: dict[str, Any] = {}
    md = _markdown_plain() if _block_rules_log() else _markdown()
    tokens = md.parse(md_text, env)

    starts = src.line_starts
    nlines = len(starts)

    def line_end(i: int) -> int:  # end of 0-based line i without its line break
        end = starts[i + 1] if i + 1 < nlines else len(text)
        while end > starts[i] and text[end - 1] in "\r\n":
            end -= 1
        return end

    blocks: list[Block] = []
    headings: list[Heading] = []
    code: list[tuple[int, int]] = []
    heading_blocks: list[int] = []  # block index of each heading
    list_stack: list[list[Any]] = []  # [ordered, list_id, item_id, number]
    list_counter = 0
    item_counter = 0
    in_blockquote = 0
    footnote: str | None = None
    in_thead = False
    heading_level = 0
    cell_cursor: dict[int, int] = {}
    in_cell = False

    # The tokens are taken from the end of the reversed list, so each is freed once read:
    # markdown-it's tokens are most of a long page's memory (a page of 100,000 table
    # rows: 800,000 tokens, about 270 MB), and the blocks built from them used to be
    # added on top of all of them (fix23: that page's peak 370 -> about 280 MB traced).
    tokens.reverse()
    next_token = tokens.pop
    while tokens:
        tok = next_token()
        ttype = tok.type
        if ttype == "inline":
            if not tok.map:
                continue
            l0, l1 = tok.map
            if heading_level:
                block = _heading_block(src, tok, l0, line_end, len(blocks), len(headings) + 1,
                                       code)
                if block is not None:
                    hb, heading = block
                    heading = Heading(heading_level, heading.text, heading.norm, heading.start,
                                      heading.end, heading.text_start, heading.text_end)
                    headings.append(heading)
                    heading_blocks.append(len(blocks))
                    blocks.append(hb)
                continue
            if in_cell:
                start, end = _locate_cell(text, tok.content, starts[l0], line_end(l0),
                                          cell_cursor)
                kind = "table_cell"
            else:
                start, end = _locate_paragraph(text, tok.content, l0, l1, starts, line_end)
                kind = "paragraph"
            if end <= start:
                continue
            raw = text[start:end]
            masked = _mask_containers(raw, tok.content) if "\n" in raw or "\r" in raw else raw
            masked = mask_inline(masked, code, start)
            top = list_stack[-1] if list_stack else None
            blocks.append(Block(
                index=len(blocks), kind=kind, start=start, end=end, text=masked,
                section=len(headings),  # the section of the last heading so far
                line=l0 + 1, end_line=max(l0 + 1, l1 if kind == "paragraph" else l0 + 1),
                list_depth=len(list_stack), list_item=top[2] if top else None,
                list_ordered=bool(top and top[0]), list_number=top[3] if top else None,
                list_id=top[1] if top else None, blockquote=in_blockquote > 0,
                footnote=footnote, table_header=in_thead))
        elif ttype in _NO_STATE:
            pass  # (none of the branches below: not compared with each of them)
        elif ttype == "heading_open":
            heading_level = int(tok.tag[1])
        elif ttype == "heading_close":
            heading_level = 0
        elif ttype in ("bullet_list_open", "ordered_list_open"):
            list_counter += 1
            list_stack.append([ttype == "ordered_list_open", list_counter, None, None])
        elif ttype in ("bullet_list_close", "ordered_list_close"):
            if list_stack:
                list_stack.pop()
        elif ttype == "list_item_open":
            item_counter += 1
            if list_stack:
                list_stack[-1][2] = item_counter
                info = tok.info
                list_stack[-1][3] = int(info) if info and info.isdigit() else None
        elif ttype == "blockquote_open":
            in_blockquote += 1
        elif ttype == "blockquote_close":
            in_blockquote -= 1
        elif ttype == "footnote_reference_open":
            footnote = str(tok.meta.get("label", ""))
        elif ttype == "footnote_reference_close":
            footnote = None
        elif ttype == "thead_open":
            in_thead = True
        elif ttype == "thead_close":
            in_thead = False
        elif ttype in ("th_open", "td_open"):
            in_cell = True
        elif ttype in ("th_close", "td_close"):
            in_cell = False
        elif ttype == "tr_open":
            cell_cursor.clear()
        elif ttype == "html_block" and tok.map and not in_blockquote and (
                "<p" in tok.content or "<h" in tok.content or "<P" in tok.content
                or "<H" in tok.content or "<div" in tok.content.lower()):
            # "<p>...</p>" in raw HTML is a paragraph of prose (its tags blanked), so
            # that its claims and links (an <a href> to a DOI) are read like Markdown's,
            # and so is the text of a "<div>" that holds no other block element;
            # "<h2>Symptoms</h2>" (CMS exports mix them with Markdown) is a heading.
            l0, l1 = tok.map
            chunk_start = starts[l0]
            # commented-out HTML is not read (blanked, same length)
            chunk = _without_comments(text[chunk_start:line_end(max(l0, l1 - 1))])
            html_heads = [] if list_stack else _html_headings(chunk, chunk_start)
            for start, end in _html_paragraphs(chunk, chunk_start):
                while html_heads and html_heads[0][1] < start:
                    _add_html_heading(src, html_heads.pop(0), blocks, headings,
                                      heading_blocks)
                top = list_stack[-1] if list_stack else None
                blocks.append(Block(
                    index=len(blocks), kind="paragraph", start=start, end=end,
                    text=mask_inline(text[start:end], code, start), section=len(headings),
                    line=src.position(start).line, end_line=src.position(end).line,
                    list_depth=len(list_stack), list_item=top[2] if top else None,
                    list_ordered=bool(top and top[0]), list_number=top[3] if top else None,
                    list_id=top[1] if top else None, footnote=footnote))
            for head in html_heads:
                _add_html_heading(src, head, blocks, headings, heading_blocks)
        elif ttype in ("fence", "code_block") and tok.map:
            l0, l1 = tok.map
            code.append((starts[l0], line_end(max(l0, l1 - 1))))

    code.sort()
    sections = _sections(src, headings, heading_blocks, blocks, body_start)
    section_of_block = [0] * len(blocks)
    for s in sections:
        for b in s.blocks:
            section_of_block[b] = s.index
    blocks = [b if b.section == section_of_block[b.index] else _with_section(b, section_of_block[b.index])
              for b in blocks]

    sents = sentences.split_blocks(blocks)
    ranges = tuple(_merge(code))

    directives, bad = _directives(src, lambda offset: in_ranges(ranges, offset))
    title = next((h for h in headings if h.level == 1), None)

    from conditionlint import citations

    doc = Document(
        source=src, front_matter=fm, body_start=body_start, title=title,
        headings=tuple(headings), sections=tuple(sections), blocks=tuple(blocks),
        sentences=tuple(sents), citations=(), evidence=(), directives=directives,
        code_ranges=ranges, bad_directives=bad, too_deep=_too_deep(env))
    return citations.attach(doc, env.get("references"))


def _too_deep(env: dict[str, Any]) -> tuple[tuple[int, int], ...]:
    """The 1-based (first, last) line ranges the parser passed over for their depth
    (:func:`_note_too_deep`), sorted, those that touch or overlap merged."""
    out: list[list[int]] = []
    for a, b in sorted(env.get(TOO_DEEP, ())):
        a, b = a + 1, b + 1
        if out and a <= out[-1][1] + 1:
            out[-1][1] = max(out[-1][1], b)
        else:
            out.append([a, b])
    return tuple((a, b) for a, b in out)


_HTML_P = re.compile(r"<p\b[^<>]{0,500}>(?P<body>(?:(?!</?p\b)[^<]|<(?!/?p\b)){0,20000}?)"
                     r"</p\s*>", re.I)
# a <div> whose content holds no block element (a callout, a CMS text box): its text is
# a paragraph; a <div> around <p> or heading elements is left to them
_HTML_DIV = re.compile(r"<div\b[^<>]{0,500}>(?P<body>(?:[^<]|<(?!/?(?:div|p|h[1-6]|ul|ol|"
                       r"table|pre|blockquote|section|article|aside|header|footer|nav|form|"
                       r"figure|dl)\b)){0,20000}?)</div\s*>", re.I)
_HTML_LISTISH = re.compile(r"<(?:li|ol|ul|table|pre|script|style)\b", re.I)


_HTML_H = re.compile(r"<h([1-6])\b[^<>]{0,200}>(?P<body>(?:(?!</?h[1-6]\b)[^<]|"
                     r"<(?!/?h[1-6]\b)){0,300}?)</h\1\s*>", re.I)

def _html_headings(chunk: str, start: int) -> list[tuple[int, int, int, int, str, int]]:
    """(level, element start, text start, text end, that text with its tags blanked,
    element end) of each ``<h1>``-``<h6>`` element in a raw HTML block (``chunk``, its
    comments blanked, at source offset ``start``), in order; empty ones are left out."""
    if "<h" not in chunk and "<H" not in chunk:
        return []
    out = []
    for m in _HTML_H.finditer(chunk):
        s, e = m.span("body")
        # the tags inside blanked (same length), as mask_inline blanks inline HTML
        body = _HTML_TAG.sub(lambda t: " " * len(t.group()), m.group("body"))
        words = " ".join(body.split())
        if not words:
            continue
        lead, trail = len(body) - len(body.lstrip()), len(body) - len(body.rstrip())
        out.append((int(m.group(1)), start + m.start(), start + s + lead, start + e - trail,
                    body[lead:len(body) - trail], start + m.end()))
    return out


def _add_html_heading(src: Source, head: tuple[int, int, int, int, str, int],
                      blocks: list[Block], headings: list[Heading],
                      heading_blocks: list[int]) -> None:
    level, element_start, ts, te, masked, element_end = head
    words = " ".join(masked.split())
    line = src.position(ts).line
    headings.append(Heading(level, words, fold_heading(masked), element_start, element_end,
                            ts, te))
    heading_blocks.append(len(blocks))
    blocks.append(Block(index=len(blocks), kind="heading", start=ts, end=te, text=masked,
                        section=len(headings), line=line,
                        end_line=src.position(te).line))


def _html_paragraphs(chunk: str, start: int) -> list[tuple[int, int]]:
    """Source spans of the text of each closed ``<p>`` element in a raw HTML block
    (``chunk``, its comments blanked, at source offset ``start``), and of each ``<div>``
    that holds no block element and reads as prose (white space trimmed). Not in a block
    that holds lists, tables, preformatted text or scripts (an HTML reference list is
    read as such by conditionlint.citations)."""
    if _HTML_LISTISH.search(chunk):
        return []
    low = chunk.lower()
    paras = _html_bodies(_HTML_P, chunk) if "<p" in low else []
    if "<div" not in low:
        return [(start + s, start + e) for s, e in paras]
    out = list(paras)
    for s, e in _html_bodies(_HTML_DIV, chunk):
        # a <div> inside or around a <p> (not valid HTML) is read once, as the <p>; the
        # <p> spans are in order and do not overlap, so one bisect finds a neighbour
        j = bisect_right(paras, (s, sys.maxsize))
        if (j and paras[j - 1][1] > s) or (j < len(paras) and paras[j][0] < e):
            continue
        # prose only: a tab, button or menu label ("Symptoms", "Book now") is no
        # sentence, and read as text it would pass for a flattened heading
        if _is_prose(chunk[s:e]):
            out.append((s, e))
    out.sort()
    return [(start + s, start + e) for s, e in out]


# a sentence's end: its mark, closing quotes or brackets, then a space, a note number
# ("cures migraines.<sup>1</sup>") or the end
_SENTENCE_END = re.compile(r"[.!?\u2026][\"'\u2019\u201d)\]]*(?:\s|\d|$)")
_PROSE_WORDS = 8  # a text this long is prose even with no sentence mark


def _is_prose(html_text: str) -> bool:
    """Whether the text of an HTML element reads as prose, not as a label: it has a
    sentence's end somewhere, or many words (its tags dropped, entities decoded)."""
    import html

    text = html.unescape(_HTML_TAG.sub(" ", html_text))
    return _SENTENCE_END.search(text) is not None or len(text.split()) >= _PROSE_WORDS


def _without_comments(chunk: str) -> str:
    """``chunk`` with its HTML comments blanked (same length, line breaks kept); an
    unclosed "<!--" hides the rest."""
    if "<!--" not in chunk:
        return chunk
    spans = _comments(chunk)
    tail = chunk.find("<!--", spans[-1][1] if spans else 0)
    if tail >= 0:
        spans.append((tail, len(chunk)))
    chars = list(chunk)
    for a, b in spans:
        _blank(chars, a, b)
    return "".join(chars)


def _html_bodies(rx: re.Pattern[str], chunk: str) -> list[tuple[int, int]]:
    """Spans of the ``body`` group of each match of ``rx`` in ``chunk``, white space
    trimmed; empty ones left out."""
    out = []
    for m in rx.finditer(chunk):
        s, e = m.span("body")
        while s < e and chunk[s].isspace():
            s += 1
        while e > s and chunk[e - 1].isspace():
            e -= 1
        if e > s:
            out.append((s, e))
    return out


def _with_section(b: Block, section: int) -> Block:
    from dataclasses import replace

    return replace(b, section=section)


def _merge(ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for s, e in sorted(ranges):
        if out and s <= out[-1][1]:
            if e > out[-1][1]:
                out[-1] = (out[-1][0], e)
        else:
            out.append((s, e))
    return out


def _locate_paragraph(text: str, content: str, l0: int, l1: int, starts: Any,
                      line_end: Any) -> tuple[int, int]:
    """Source offsets of a paragraph whose (container-stripped) content is ``content``."""
    lines = content.split("\n")
    first = lines[0].lstrip()
    ls, le = starts[l0], line_end(l0)
    line = text[ls:le]
    col = _suffix_col(line, lines[0])
    start = ls + col
    if not first:
        start = ls
    last_index = min(l0 + len(lines) - 1, l1 - 1)
    end = line_end(last_index)
    # The last content line may be shorter than the source line (trailing spaces, a
    # setext underline is not included); trim trailing white space.
    while end > start and text[end - 1] in " \t":
        end -= 1
    return start, end


def _suffix_col(line: str, content_line: str) -> int:
    stripped = line.rstrip()
    c = content_line.strip()
    if not c:
        return len(line) - len(line.lstrip())
    if stripped.endswith(c):
        return len(stripped) - len(c)
    i = line.find(c)
    if i >= 0:
        return i
    # Tabs expanded by markdown-it, or an escape: fall back to the first non-space.
    return len(line) - len(line.lstrip(" \t>"))


def _mask_containers(raw: str, content: str) -> str:
    """Blank container prefixes ('> ', list indentation) on continuation lines."""
    out = []
    src_lines = _NEWLINE.split(raw)
    seps = _NEWLINE.findall(raw)
    content_lines = content.split("\n")
    for i, line in enumerate(src_lines):
        if i == 0 or i >= len(content_lines):
            out.append(line)
        else:
            col = _suffix_col(line, content_lines[i])
            out.append(" " * col + line[col:])
        if i < len(seps):
            out.append(seps[i])
    return "".join(out)


def _locate_cell(text: str, content: str, ls: int, le: int,
                 cursor: dict[int, int]) -> tuple[int, int]:
    pos = cursor.get(ls, ls)
    c = content.strip()
    if not c:
        # empty cell: advance past the next pipe
        nxt = text.find("|", pos + 1, le)
        cursor[ls] = nxt if nxt >= 0 else le
        return pos, pos
    i = text.find(c, pos, le)
    if i < 0:
        i = text.find(c, ls, le)
    if i < 0:
        return ls, ls
    cursor[ls] = i + len(c)
    return i, i + len(c)


_ATX = re.compile(r"^[ \t]{0,3}(#{1,6})(?:[ \t]+|$)")
_ATX_CLOSE = re.compile(r"[ \t]+#+[ \t]*$|^#+[ \t]*$")


def _heading_block(src: Source, tok: Any, l0: int, line_end: Any, index: int,
                   number: int, code: list[tuple[int, int]]) -> tuple[Block, Heading] | None:
    text = src.text
    ls = src.line_starts[l0]
    le = line_end(l0)
    line = text[ls:le]
    content = tok.content
    c = content.split("\n")[0].strip()
    col = line.find(c) if c else -1
    if col < 0:
        m = _ATX.match(line)
        col = m.end() if m else len(line) - len(line.lstrip())
    ts, te = ls + col, ls + col + len(c)
    raw = text[ts:te]
    masked = mask_inline(raw, code, ts)
    heading = Heading(0, content, fold_heading(masked), ls, le, ts, te)
    block = Block(index=index, kind="heading", start=ts, end=te, text=masked, section=number,
                  line=l0 + 1, end_line=l0 + 1)
    return block, heading


def _sections(src: Source, headings: list[Heading], heading_blocks: list[int],
              blocks: list[Block], body_start: int) -> list[Section]:
    end = len(src.text)
    n = len(headings)
    # Section i+1 belongs to heading i; section 0 is the preamble.
    parents: list[int | None] = [None]
    body_ends = [end]
    stack: list[int] = []
    for i, h in enumerate(headings):
        while stack and headings[stack[-1]].level >= h.level:
            closed = stack.pop()
            body_ends[closed + 1] = h.start
        parents.append(stack[-1] + 1 if stack else 0)
        body_ends.append(end)
        stack.append(i)
    first_heading_start = headings[0].start if headings else end
    heading_block_set = {b: i for i, b in enumerate(heading_blocks)}
    members: list[list[int]] = [[] for _ in range(n + 1)]
    current = 0
    for b in blocks:
        if b.index in heading_block_set:
            current = heading_block_set[b.index] + 1
        members[current].append(b.index)
    children: list[list[int]] = [[] for _ in range(n + 1)]
    for i in range(1, n + 1):
        p = parents[i]
        if p is not None:
            children[p].append(i)
    sections = [Section(0, None, None, body_start, first_heading_start, tuple(members[0]),
                        tuple(children[0]))]
    for i, h in enumerate(headings):
        sections.append(Section(i + 1, h, parents[i + 1], h.start, body_ends[i + 1],
                                tuple(members[i + 1]), tuple(children[i + 1])))
    return sections
