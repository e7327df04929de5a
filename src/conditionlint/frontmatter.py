"""Find and safely parse YAML front matter, keeping the position of every key.

The safe loader (libyaml's CSafeLoader when present) never builds Python objects from
tags. On top of it we refuse anchors and aliases (alias bombs), duplicate keys and
non-string keys, and bound nesting depth, and we keep dates as strings so that the
schema judges them ("2026-13-01" is reported, not crashed on).
"""

from __future__ import annotations

import re
from typing import Any

import yaml

from conditionlint.document import FrontMatter, KeyMark

_Base: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

_OPEN = re.compile(r"---[ \t]*(?:\r\n|\r|\n)")
# The closing line, after any line break (CRLF, LF or a lone CR).
_CLOSE = re.compile(r"(?<=[\r\n])(?:---|\.\.\.)[ \t]*(?=\r\n|\r|\n|\Z)")
MAX_DEPTH = 64
MAX_NODES = 100_000


class _Loader(_Base):  # type: ignore[misc, valid-type]
    """Safe loader without the timestamp resolver: dates stay strings."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in _Base.yaml_implicit_resolvers.items()
}


class _Bad(Exception):
    def __init__(self, message: str, node: Any = None):
        super().__init__(message)
        self.node = node


def find(text: str) -> tuple[int, int, int, int, bool] | None:
    """Locate front matter: (start, content_start, close_start, end, closed), or None.

    ``end`` is just past the closing delimiter line (its newline included). Unclosed
    front matter runs to the end of the text and ``closed`` is False.
    """
    if not text.startswith("---"):
        return None
    m = _OPEN.match(text)
    if not m:
        return None
    content_start = m.end()
    close = _CLOSE.search(text, content_start)
    if close is None:
        return 0, content_start, len(text), len(text), False
    end = close.end()
    if text.startswith("\r\n", end):
        end += 2
    elif end < len(text) and text[end] in "\r\n":
        end += 1
    return 0, content_start, close.start(), end, True


def parse(text: str) -> FrontMatter | None:
    found = find(text)
    if found is None:
        return None
    start, cstart, close_start, end, closed = found
    if not closed:
        body = _unclosed_body(text, cstart)
        if body is None:
            return FrontMatter(start, end, None,
                               "front matter opened with '---' is never closed "
                               "(add a '---' line after it)", start, closed=False)
        line = len(_line_offsets(text[:body]))  # line breaks before it, plus one
        return FrontMatter(start, body, None,
                           "front matter opened with '---' is never closed (add a "
                           f"'---' line before line {line}, where the page's text "
                           "seems to start)", start, closed=False)
    yaml_text = text[cstart:close_start]
    return _load(yaml_text, cstart, start, end, base_line=2)


# In an unclosed block: a line that YAML front matter could hold (a blank line, an
# indented continuation, a list item, a comment, a 'key:' line, a closing '...').
_YAMLISH = re.compile(r"[ \t]*$|[ \t]|-(?:[ \t]|$)|#|\.\.\.[ \t]*$"
                      r"|[\"']?[A-Za-z_][\w.-]*[\"']?[ \t]*:(?:[ \t]|$)")
# A Markdown heading, which YAML would read as a comment.
_HEADING = re.compile(r"#{1,6}(?:[ \t]|$)")


# A YAML line after which a block may go on: an indented line, a sequence item, or a
# key with no value on its line ("evidence:") or a block scalar ("summary: >").
_OPENS_BLOCK = re.compile(r"[ \t]|-(?:[ \t]|$)|[\"']?[A-Za-z_][\w.-]*[\"']?[ \t]*:"
                          r"[ \t]*(?:[|>][-+0-9]*[ \t]*)?(?:#.*)?$")
# A key in capitals ("Summary:", "Notes:"): front matter keys are usually lower case.
_CAPITAL_KEY = re.compile(r"[\"']?[A-Z][\w.-]*[\"']?[ \t]*:(?:[ \t]|$)")
# A 'key: value' line at the margin: the key, and the value after it.
_KEY_LINE = re.compile(r"[\"']?([A-Za-z_][\w.-]*)[\"']?[ \t]*:(?:[ \t]+(.*))?$")
# The keys a page's front matter may hold: the properties of
# schemas/condition-page.schema.json (tests/test_fix22.py keeps the two the same).
FRONT_MATTER_KEYS = frozenset((
    "title", "type", "therapy", "description", "reviewed_by", "last_reviewed",
    "next_review", "disclaimer", "evidence", "slug", "permalink", "url", "layout", "lang",
    "tags", "categories", "keywords", "aliases", "author", "authors", "date", "updated",
    "lastmod", "draft", "image", "canonical_url"))
# A value that reads as a sentence: three words or more, ending as a sentence ends.
_SENTENCE_END = re.compile(r"[^\W\d_][.!?][\"'”’)]*[ \t]*$")


def _prose_value(value: str) -> bool:
    return len(value.split()) >= 3 and value[:1].isalpha() \
        and _SENTENCE_END.search(value) is not None


def _markdown_after_heading(line: str, open_block: bool, following: str,
                            capital_keys: bool) -> bool:
    """Whether ``line``, YAML-like but right after a heading (a YAML comment), reads
    as the page's text. A list item at the margin, or an indented line (a paragraph,
    list item or code block in Markdown), that no YAML block is open for (fix21f,
    review s21b E6: "  Heel pain is common." after the H1 was taken for YAML). A
    'key: value' line is weighed (fix22): a key the page schema defines, in any case
    ("Title:", "reviewed_by:"), is front matter. Otherwise votes: a key in capitals
    reads as the page's text ("Summary: ...", "Notes:"), or as YAML when the block's
    keys before it were in capitals too (``capital_keys``), one each way; a value that
    reads as a sentence ("note: this page is being updated.") one for the text; a
    mapping that goes on (``following``, the next line, is another key, or an item or
    indented line of the block it opens) two for YAML. A tie leaves a lower-case key
    YAML and a capitalised one text."""
    if line.startswith(("-", " ", "\t")) and not open_block:
        return True
    key = _KEY_LINE.match(line)
    if key is None:
        return False
    if key.group(1).lower().replace("-", "_") in FRONT_MATTER_KEYS:
        return False
    votes = 0  # for the page's text
    if _KEY_LINE.match(following) or (
            _OPENS_BLOCK.match(line) and following.startswith(("-", " ", "\t"))
            and following.strip()):
        votes -= 2
    capital = bool(_CAPITAL_KEY.match(line))
    if capital:
        votes += -1 if capital_keys else 1
    if _prose_value(key.group(2) or ""):
        votes += 1
    return votes > 0 or (votes == 0 and capital)


def _unclosed_body(text: str, content_start: int) -> int | None:
    """Where the page's text seems to start when the front matter is never closed:
    at the first line that cannot be a front-matter line, or at a heading ('# Title',
    which YAML would read as a comment) when what follows it is not YAML (more
    headings, prose, or the end of the page). None when every line could be YAML.
    The block is still reported (CL202) and not read; this only keeps the body
    checked, so that the page's sections are not all reported missing."""
    lines = [(m.start(), m.group(1))
             for m in re.finditer(r"([^\r\n]*)(?:\r\n|\r|\n|\Z)", text[content_start:])
             if m.start() < len(text) - content_start or m.group(1)]
    heading_run: int | None = None  # the first heading of a run of headings/blanks
    open_block = False  # the last YAML line opened a block ("key:", "- x", indented)
    capital_keys = False  # a key at the margin in capitals was read as YAML
    for i, (at, line) in enumerate(lines):
        if _HEADING.match(line):
            if heading_run is None:
                heading_run = at
            continue
        if not line.strip():
            continue
        if _YAMLISH.match(line):
            following = lines[i + 1][1] if i + 1 < len(lines) else ""
            if heading_run is not None and _markdown_after_heading(
                    line, open_block, following, capital_keys):
                # a list or a "Summary: ..." line under a heading is the page's text
                # (fix21d: it took the H1 and the sections before the first prose
                # line for front matter)
                return content_start + heading_run
            heading_run = None  # a comment inside the YAML after all
            if not line.startswith("#"):
                open_block = bool(_OPENS_BLOCK.match(line))
                capital_keys = capital_keys or bool(_CAPITAL_KEY.match(line))
            continue
        return content_start + (heading_run if heading_run is not None else at)
    if heading_run is not None:
        return content_start + heading_run
    return None


def _load(yaml_text: str, base: int, start: int, end: int, base_line: int = 1,
          noun: str = "front matter") -> FrontMatter:
    """``base_line`` is the file line (1-based) on which ``yaml_text`` starts; ``noun``
    names the document in messages ("front matter", or "this file" for a config)."""
    subject = noun if noun == "front matter" else noun[:1].upper() + noun[1:]
    line_offsets = _line_offsets(yaml_text)  # file lines, for messages
    mark_offsets = _yaml_line_offsets(yaml_text)  # YAML's lines, for marks

    def lines_before(offset: int) -> int:
        from bisect import bisect_right

        return base_line + bisect_right(line_offsets, offset - base) - 1

    last_line = len(mark_offsets) - 1
    size = len(yaml_text)

    def off(mark: Any) -> int:
        line = mark.line
        if line > last_line:
            line = last_line
        at = mark_offsets[line] + mark.column
        return base + (at if at < size else size)

    if "&" in yaml_text or "*" in yaml_text:
        anchor = _find_anchor(yaml_text)
        if anchor is not None:
            return FrontMatter(start, end, None,
                               f"anchors and aliases ('&' and '*') are not allowed in {noun}; "
                               "write the value out (quote it if it starts with '&' or "
                               "'*')", off(anchor))
    loader = _Loader(yaml_text)
    try:
        try:
            node = loader.get_single_node()
        except yaml.MarkedYAMLError as exc:
            mark = _error_mark(exc)
            msg = _yaml_message(exc)
            return FrontMatter(start, end, None, msg, off(mark) if mark else base)
        except yaml.reader.ReaderError as exc:
            # a character YAML does not accept: at that character, in plain words
            # (audit22 #11: the reader's own text, "<unicode string>", position 10, was
            # the message, and it pointed at the line's start)
            ch = exc.character if isinstance(exc.character, str) else chr(exc.character)
            at = exc.position if 0 <= exc.position <= size else 0
            return FrontMatter(start, end, None,
                               f"invalid YAML: the character U+{ord(ch):04X} is not allowed "
                               f"in YAML: delete it",
                               base + at)
        except yaml.YAMLError as exc:
            return FrontMatter(start, end, None, f"invalid YAML: {exc}", base)
        except RecursionError:
            return FrontMatter(start, end, None, f"{subject} is nested too deeply", base)
        if node is None:
            return FrontMatter(start, end, {}, None, None, marks={(): KeyMark(start, start,
                                                                             start, start)})
        marks: dict[tuple[Any, ...], KeyMark] = {}
        try:
            data = _convert(node, off, marks, lines_before, noun, subject)
        except _Bad as exc:
            where = off(exc.node.start_mark) if exc.node is not None else base
            return FrontMatter(start, end, None, str(exc), where)
        marks[()] = KeyMark(off(node.start_mark), off(node.start_mark),
                            off(node.start_mark), off(node.end_mark))
        if not isinstance(data, dict):
            return FrontMatter(start, end, None,
                               f"{subject} must be a mapping of keys to values, "
                               f"not a {_kind(data)}", off(node.start_mark), marks=marks)
        return FrontMatter(start, end, data, None, None, marks=marks)
    finally:
        loader.dispose()


def _convert(root: Any, off: Any, marks: dict[tuple[Any, ...], KeyMark],
             lines_before: Any, noun: str, subject: str) -> Any:
    """Turn the node graph into plain values, iteratively (no recursion limit)."""
    seen: set[int] = set()
    count = 0
    ctor = yaml.constructor.SafeConstructor()
    scalar_node, sequence_node, mapping_node = yaml.ScalarNode, yaml.SequenceNode, \
        yaml.MappingNode

    def scalar(node: Any) -> Any:
        tag = node.tag
        if tag == _STR:
            return node.value  # what the constructor returns for a plain string
        if tag == _INT and _LEADING_ZERO.fullmatch(node.value):
            # YAML 1.1 reads 0306406152 as an octal number (52038762): an ISBN or PMID
            # written unquoted became a number its writer never wrote; kept as written
            return node.value
        if tag in _SCALAR_TAGS:
            return ctor.construct_object(node)
        raise _Bad(f"the tag {node.tag!r} is not allowed in {noun}", node)

    # Each job: (node, path, container, key, depth); the value goes to container[key].
    result: list[Any] = [None]
    stack: list[tuple[Any, tuple[Any, ...], Any, Any, int]] = [(root, (), result, 0, 0)]
    while stack:
        node, path, container, slot, depth = stack.pop()
        count += 1
        if count > MAX_NODES:
            raise _Bad(f"{subject} has more than {MAX_NODES} values", node)
        if depth > MAX_DEPTH:
            raise _Bad(f"{subject} is nested more than {MAX_DEPTH} levels deep", node)
        is_scalar = isinstance(node, scalar_node)
        if not is_scalar and id(node) in seen:
            raise _Bad(f"anchors and aliases ('&' and '*') are not allowed in {noun}", node)
        seen.add(id(node))
        if is_scalar:
            container[slot] = scalar(node)
        elif isinstance(node, sequence_node):
            if node.tag != "tag:yaml.org,2002:seq":
                raise _Bad(f"the tag {node.tag!r} is not allowed in {noun}", node)
            items: list[Any] = [None] * len(node.value)
            container[slot] = items
            for i, child in enumerate(node.value):
                p = path + (i,)
                at = off(child.start_mark)
                marks[p] = KeyMark(at, at, at, off(child.end_mark))
                stack.append((child, p, items, i, depth + 1))
        elif isinstance(node, mapping_node):
            if node.tag != "tag:yaml.org,2002:map":
                raise _Bad(f"the tag {node.tag!r} is not allowed in {noun}", node)
            mapping: dict[str, Any] = {}
            container[slot] = mapping
            for knode, vnode in node.value:
                if not isinstance(knode, scalar_node):
                    raise _Bad("keys must be plain text, not lists or mappings", knode)
                if knode.tag == "tag:yaml.org,2002:merge":
                    raise _Bad(f"merge keys ('<<') are not allowed in {noun}", knode)
                key = scalar(knode)
                if not isinstance(key, str):
                    raise _Bad(f"key {knode.value!r} must be text; quote it", knode)
                if key in mapping:
                    first = marks.get(path + (key,))
                    raise _Bad(f"duplicate key {key!r}" + (
                        f" (first defined at line {lines_before(first.key_start)})"
                        if first else ""), knode)
                mapping[key] = None
                p = path + (key,)
                marks[p] = KeyMark(off(knode.start_mark), off(knode.end_mark),
                                   off(vnode.start_mark), off(vnode.end_mark))
                stack.append((vnode, p, mapping, key, depth + 1))
        else:  # pragma: no cover - PyYAML has only three node kinds
            raise _Bad("unexpected YAML node", node)
    return result[0]


_STR = "tag:yaml.org,2002:str"
_INT = "tag:yaml.org,2002:int"
_LEADING_ZERO = re.compile(r"[-+]?0[0-9_]+")
_SCALAR_TAGS = {
    "tag:yaml.org,2002:str", "tag:yaml.org,2002:int", "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool", "tag:yaml.org,2002:null",
}


def _line_offsets(text: str) -> list[int]:
    offsets = [0]
    for m in re.finditer(r"\r\n|\r|\n", text):
        offsets.append(m.end())
    return offsets


# The line breaks YAML counts (PyYAML and libyaml alike): NEL, U+2028 and U+2029 too.
_YAML_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")


def _yaml_line_offsets(text: str) -> list[int]:
    """Where each line starts as YAML counts lines, so that a mark's line and column
    map back to an offset (fix21d: with a U+2028 in an earlier value, file lines put
    a mark on the wrong line)."""
    offsets = [0]
    if text.isascii():
        offsets += [m.end() for m in re.finditer(r"\r\n|\r|\n", text)]
    else:
        offsets += [m.end() for m in _YAML_BREAK.finditer(text)]
    return offsets


def _find_anchor(yaml_text: str) -> Any | None:
    """The start mark of the first anchor ('&x') or alias ('*x'), or None.

    The composer resolves aliases before we see the nodes (and libyaml's composer
    can't be hooked), so we scan tokens; only when the text has '&' or '*' at all.
    A scan error is left for the loader to report.
    """
    try:
        for tok in yaml.scan(yaml_text, Loader=_Loader):
            if isinstance(tok, (yaml.AnchorToken, yaml.AliasToken)):
                return tok.start_mark
    except yaml.YAMLError:
        return None
    return None


# libyaml's wording, and what an editor should do about it.
_HINTS = (
    ("mapping values are not allowed", "a value contains ': ' or the indentation is off; "
                                       "put the value in quotes or fix the indentation"),
    ("cannot start any token", "a tab, or a value starting with '@', '`' or '%': "
                               "indent with spaces and quote such values"),
    ("found undefined alias", "'*' starts an alias; quote a value that begins with '*'"),
    ("did not find expected key", "the indentation is off, or a value needs quotes"),
    ("found unexpected end of stream", "a quote or bracket is never closed"),
    ("did not find expected ',' or ']'", "a '[' is never closed, or its items need commas"),
    ("did not find expected ',' or '}'", "a '{' is never closed, or its items need commas"),
)


def _error_mark(exc: yaml.MarkedYAMLError) -> Any:
    """Where to point a YAML error. libyaml's problem mark is where it gave up; for a
    bracket, brace or quote that is never closed that is the next line or the end of
    the block, so the opener (the context mark: the '[' of "tags: [a, b") is the place
    to fix. A problem on the opener's own line ("[a, "b" c]") keeps the problem mark."""
    problem, context = exc.problem_mark, exc.context_mark
    if context is not None and exc.context and (
            exc.context.startswith(("while parsing a flow", "while scanning a quoted"))):
        if problem is None or problem.line > context.line or (
                exc.problem and "end of stream" in exc.problem):
            return context
    return problem or context


def _yaml_message(exc: yaml.MarkedYAMLError) -> str:
    parts = [p for p in (exc.context, exc.problem) if p]
    msg = "invalid YAML: " + ", ".join(parts) if parts else f"invalid YAML: {exc}"
    for needle, hint in _HINTS:
        if needle in msg:
            return f"{msg} ({hint})"
    return msg


def _kind(value: Any) -> str:
    return {list: "list", str: "string", int: "number", float: "number",
            bool: "boolean", type(None): "null"}.get(type(value), type(value).__name__)


def load_yaml(text: str) -> FrontMatter:
    """Load a whole YAML document (a config or rule file) with the same safety rules
    and position marks as front matter. Offsets are into ``text``; messages speak of
    "this file", not of front matter."""
    return _load(text, 0, 0, len(text), noun="this file")


# ------------------------------------------------------------- escapes (twenty-first session)

_SIMPLE_ESCAPES = {"0": "\0", "a": "\a", "b": "\b", "t": "\t", "\t": "\t", "n": "\n",
                   "v": "\v", "f": "\f", "r": "\r", "e": "\x1b", " ": " ", '"': '"',
                   "/": "/", "\\": "\\", "N": "\x85", "_": "\xa0", "L": "\u2028",
                   "P": "\u2029"}
_HEX_ESCAPES = {"x": 2, "u": 4, "U": 8}


def escaped_strings(text: str) -> list[tuple[str, list[tuple[int, int, bool]]]]:
    """The double-quoted front-matter scalars of ``text`` that hold a hexadecimal
    escape (``\\u00e2``, ``\\xe2``, ``\\U0001F600``), decoded, each with where every
    decoded character comes from: ``(start, end, escaped)`` offsets into ``text``.

    What a reader of the rendered page sees is the decoded value, so damage written
    as escapes ("It\\u00e2\\u20ac\\u2122s") must be judged decoded and reported at
    the escapes. Folded line breaks count as one space spanning the break.
    """
    found = find(text)
    if found is None or not found[4]:
        return []
    _, cstart, close_start, _, _ = found
    yaml_text = text[cstart:close_start]
    if "\\" not in yaml_text or '"' not in yaml_text:
        return []
    offsets = _yaml_line_offsets(yaml_text)
    out = []
    try:
        for token in yaml.scan(yaml_text, Loader=_Loader):
            if not isinstance(token, yaml.ScalarToken) or token.style != '"':
                continue
            a = offsets[token.start_mark.line] + token.start_mark.column
            b = offsets[token.end_mark.line] + token.end_mark.column
            raw = yaml_text[a:b]
            if not re.search(r"\\[xuU]", raw):
                continue
            decoded = _decode_quoted(raw, cstart + a)
            if decoded is not None:
                out.append(decoded)
    except yaml.YAMLError:
        pass  # CL202 reports the YAML; what was read before it still counts
    return out


def _decode_quoted(raw: str, base: int) -> tuple[str, list[tuple[int, int, bool]]] | None:
    """A double-quoted scalar (quotes included) decoded, with each character's source."""
    chars: list[str] = []
    spans: list[tuple[int, int, bool]] = []
    i, n = 1, len(raw) - 1
    while i < n:
        ch = raw[i]
        if ch == "\\":
            kind = raw[i + 1] if i + 1 < n else ""
            if kind in _HEX_ESCAPES:
                width = _HEX_ESCAPES[kind]
                digits = raw[i + 2:i + 2 + width]
                if len(digits) != width or not re.fullmatch(r"[0-9A-Fa-f]+", digits):
                    return None
                try:
                    chars.append(chr(int(digits, 16)))
                except (ValueError, OverflowError):
                    return None
                spans.append((base + i, base + i + 2 + width, True))
                i += 2 + width
            elif kind in _SIMPLE_ESCAPES:
                chars.append(_SIMPLE_ESCAPES[kind])
                spans.append((base + i, base + i + 2, True))
                i += 2
            elif kind in "\r\n":  # an escaped line break: the line goes on
                j = i + 1
                while j < n and raw[j] in "\r\n \t":
                    j += 1
                i = j
            else:
                return None
        elif ch in "\r\n \t" and _folds(raw, i, n):
            j = i
            while j < n and raw[j] in "\r\n \t":
                j += 1
            chars.append(" ")
            spans.append((base + i, base + j, False))
            i = j
        else:
            chars.append(ch)
            spans.append((base + i, base + i + 1, False))
            i += 1
    return "".join(chars), spans


def _folds(raw: str, i: int, n: int) -> bool:
    """The white space at ``raw[i]`` runs into a line break (a folded break)."""
    while i < n and raw[i] in " \t":
        i += 1
    return i < n and raw[i] in "\r\n"
