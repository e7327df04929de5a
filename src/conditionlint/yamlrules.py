"""Declarative rules and lexicons from YAML (``rules/*.yaml`` and users' rule-paths).

YAML can't run code: a declarative rule is phrases and patterns matched against prose
sentences, headings or front-matter strings, with a message template. Lexicons are
data read by built-in rules (section profiles, claim cues, disclaimer elements).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path
from typing import Any

from conditionlint.config import ConfigError, re2_detail
from conditionlint.document import Document
from conditionlint.model import Problem
from conditionlint.registry import Rule
from conditionlint.safeio import CONFIG_LIMIT, read_regular
from conditionlint.safeio import decoded as _decoded  # (read_text's decoding)


def _load(path: Path, user: bool = False, validate: bool | None = None) -> dict[str, Any]:
    """Load a rule file. ``user``: a file from a config's rule-paths, whose patterns
    run on RE2 (linear time) instead of Python's backtracking engine.

    Users' files are always validated against the schema. The shipped files are
    validated by the test suite (tests/test_shipped_rule_files.py) instead of at every
    start, where it cost about 0.3 s of a one-page run."""
    if validate is None:
        validate = user
    from conditionlint import frontmatter
    from conditionlint.config import _offset_to_line_col
    from conditionlint.resources import schema
    from conditionlint.schemautil import first_error, plain_message

    try:
        raw = read_regular(path, CONFIG_LIMIT)
        text = _decoded(raw)
    except OSError as exc:
        raise ConfigError(str(path), f"cannot read rule file: {exc.strerror or exc}") from None
    except UnicodeDecodeError as exc:
        from conditionlint.safeio import not_utf8

        raise ConfigError(str(path), *not_utf8("rule file", raw, exc)) from None
    loaded = frontmatter.load_yaml(text)
    if loaded.error:
        line, col = _offset_to_line_col(text, loaded.error_offset or 0)
        raise ConfigError(str(path), loaded.error, line, col)
    data = loaded.data
    if not validate:
        return data
    if data is None or (isinstance(data, dict) and "kind" not in data):
        # (a YAML file of another tool in a rules folder: it used to get the rule
        # schema's words for its own keys, "unknown key 'repos'")
        first = next(iter(data), None) if data else None
        mark = loaded.mark(first) if first is not None else None
        line, col = _offset_to_line_col(text, mark.key_start) if mark else (1, 1)
        raise ConfigError(str(path), "not a rule file (no `kind:`; a rule file says "
                          "'kind: rules' or 'kind: lexicon')", line, col)
    err = first_error(schema("rule"), data)
    if err is not None:
        mark = loaded.mark(*err.absolute_path)
        line, col = _offset_to_line_col(text, mark.key_start) if mark else (1, 1)
        raise ConfigError(str(path), plain_message(err), line, col)
    # Compile every pattern now, so a bad one is reported with its position.
    if data.get("kind") == "rules":
        for i, r in enumerate(data["rules"]):
            for where in ("patterns", ("unless", "patterns")):
                keys = (where,) if isinstance(where, str) else where
                pats = r
                for k in keys:
                    pats = pats.get(k, {}) if isinstance(pats, dict) else {}
                for j, p in enumerate(pats or []):
                    problem = re2_problem(p) if user else pattern_problem(p)
                    if problem:
                        mark = loaded.mark("rules", i, *keys, j)
                        line, col = _offset_to_line_col(text, mark.key_start) if mark else (1, 1)
                        raise ConfigError(str(path), f"pattern {p!r}: {problem}", line, col)
    return data


# Nested quantifiers such as (a+)+ or (a|a)* make Python's backtracking engine take
# exponential time on a near-miss. They are refused when a rule file is loaded.
# Any counted repeat counts too: (.*a){8}z took 23 s on 40 characters.
_NESTED_QUANTIFIER = re.compile(r"\((?:[^()\\]|\\.)*[+*}](?:[^()\\]|\\.)*\)\s*(?:[+*]|\{\d)")
# \s*\s*, a+a*, [a-z]+[a-z]+: each extra copy multiplies the ways to split a run of
# matching characters (measured in benchmarks/regex_guard.py: six copies of \s* take
# over 2 s on 900 spaces).
_ADJACENT_REPEAT = re.compile(r"(\\[A-Za-z]|\[[^\]]*\]|[^\\()\[\]|*+?{}])[*+]\??\1[*+{]")
_ALTERNATION_REPEAT = re.compile(r"\((?:[^()\\]|\\.)*\|(?:[^()\\]|\\.)*\)\s*(?:[+*]|\{\d*,)")


def pattern_problem(pattern: str) -> str | None:
    try:
        re.compile(pattern)
    except re.error as exc:
        return f"not a valid regular expression: {exc}"
    if _NESTED_QUANTIFIER.search(pattern) or _ALTERNATION_REPEAT.search(pattern):
        return ("a repeated group that itself repeats can take exponential time "
                "(catastrophic backtracking); rewrite it without nested quantifiers")
    if _ADJACENT_REPEAT.search(pattern):
        return ("the same character class repeated twice in a row (such as '\\s*\\s*') "
                "can take polynomial time on a long line; repeat it once")
    return None


@lru_cache(maxsize=None)
def _shipped(path: Path) -> dict[str, Any]:
    """A shipped rule file, loaded once per process with PyYAML's C loader.

    The shipped files are ours and are checked by the test suite (schema, patterns,
    and that this loader reads them exactly as the guarded loader for users' files
    does: tests/test_shipped_rule_files.py); the guarded loader's position marks cost
    about 60 ms of every start for nothing."""
    import yaml

    try:
        # the bytes are digested, and decoded only when the store lacks their parse:
        # claims.yaml's text is not Latin-1, and decoding it and encoding it again
        # only to digest it was about 8 M instructions of every start
        data = _parsed(str(path), None, yaml, path.read_bytes())
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise ConfigError(str(path), f"cannot read rule file: {exc}") from None
    if not isinstance(data, dict):
        raise ConfigError(str(path), "not a rule file (expected a mapping)")
    return data


def _parsed(name: str, text: str | None, yaml: Any, raw: bytes | None = None) -> Any:
    """``text`` (the shipped file at ``name``) parsed by PyYAML's C loader, kept in the
    compiled-pattern store when the command line has one (about 8 ms of every start
    for the shipped files): keyed on the file's path and PyYAML's and libyaml's
    versions, with a digest of the text as the version (an edited file replaces its
    entry). A value the store cannot hold (not plain data) is parsed again next time.
    ``raw``: the file's bytes, digested instead of ``text``, which may then be None
    (``raw`` decoded by :func:`_decoded` when it is parsed)."""
    from conditionlint import recache

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        libyaml = yaml._yaml.get_version_string()  # noqa: SLF001
    except AttributeError:  # no C extension: the pure loader
        libyaml = None
    key = (name, yaml.__version__, libyaml, loader.__name__)
    digest = recache.digest(raw if raw is not None
                            else text.encode("utf-8", "surrogatepass"))
    return recache.derived(
        "yamlrules.shipped", key,
        lambda: yaml.load(text if text is not None else _decoded(raw),  # type: ignore[arg-type]
                          Loader=loader),
        version=digest)


@lru_cache(maxsize=None)
def lexicon(name: str) -> dict[str, Any]:
    """A built-in lexicon's ``data`` (``rules/<name>.yaml``)."""
    from conditionlint.resources import data_dir

    path = data_dir("rules") / f"{name}.yaml"
    data = _shipped(path)
    if data.get("kind") != "lexicon":
        raise ConfigError(str(path), "not a lexicon file")
    return data["data"]


def folder_rule_files(folder: Path) -> list[Path]:
    """The rule files of a ``rule-paths`` folder, in order: its ``*.yaml`` and ``*.yml``
    files, except hidden ones (audit23 #8: ``rule-paths: [.]`` read the config itself,
    ``.conditionlint.yaml``, as a rule file, and a ``.pre-commit-config.yaml`` beside
    the rules broke the config). A hidden file named on its own is still read."""
    return sorted(f for f in folder.glob("*.y*ml") if not f.name.startswith("."))


def builtin_rule_files() -> list[Path]:
    from conditionlint.resources import data_dir

    return sorted(p for p in data_dir("rules").glob("*.yaml"))


def load_builtin(registry: Any) -> None:
    for f in builtin_rule_files():
        if _shipped(f).get("kind") != "rules":
            continue  # a lexicon: data for built-in rules, loaded when they run
        for r in load_rules_file(f, origin="builtin"):
            registry.add(r)


def _re2_options() -> Any:
    import re2

    options = re2.Options()
    options.case_sensitive = False
    options.log_errors = False  # RE2 would print its own complaints to stderr
    return options


@lru_cache(maxsize=1024)  # a config's patterns, compiled once a process
def compile_re2(pattern: str) -> Any:
    """A user's pattern compiled on RE2, case-insensitive (as rule options run it)."""
    import re2

    return re2.compile(pattern, _re2_options())


def re2_problem(pattern: str) -> str | None:
    """Why RE2 cannot take a user's pattern (look-arounds, back-references), or None
    (then the compiled pattern is kept for the run: :func:`compile_re2`)."""
    try:
        compile_re2(pattern)
    except Exception as exc:  # noqa: BLE001 - re2 raises its own error type
        return (f"not a pattern the linear-time RE2 engine accepts ({re2_detail(exc)}); user "
                f"patterns may not use look-arounds or back-references")
    return None


@lru_cache(maxsize=None)
def _load_rules_cached(path: Path, origin: str) -> tuple[Rule, ...]:
    user = origin != "builtin"
    data = _load(path, user=user)
    if data.get("kind") != "rules":
        return ()
    return tuple(_make_rule(r, origin or f"yaml:{path.name}", user=user)
                 for r in data["rules"])


def load_rules_file(path: Path, origin: str = "") -> tuple[Rule, ...]:
    return _load_rules_cached(path.resolve(), origin)


def forget_user_rules() -> None:
    """Read users' rule files again from now on (``--watch``, after a change)."""
    _load_rules_cached.cache_clear()


# -- matching ----------------------------------------------------------------------------
def phrase_regex(phrases: list[str]) -> str:
    """Literal phrases -> one alternation on word boundaries; '*' is one word."""
    parts = []
    for p in sorted(set(phrases), key=lambda s: (-len(s), s)):
        words = [r"[\w'\u2019-]+" if w == "*" else re.escape(w) for w in p.split()]
        body = r"[\s\-]+".join(words)
        left = r"(?<![\w])" if p[:1].isalnum() else ""
        right = r"(?![\w])" if p[-1:].isalnum() else ""
        parts.append(left + body + right)
    return "|".join(parts)


def compile_matcher(spec: dict[str, Any]) -> re.Pattern[str] | None:
    alts = []
    if spec.get("phrases"):
        alts.append(phrase_regex(spec["phrases"]))
    alts.extend(f"(?:{p})" for p in spec.get("patterns", ()))
    return re.compile("|".join(alts), re.I) if alts else None


class _UserMatcher:
    """Phrases on Python's engine (literal words: linear), patterns on RE2.

    Offers the two calls the rule needs, ``search`` and ``finditer``, with matches
    from both engines merged in text order."""

    def __init__(self, spec: dict[str, Any]):
        import re2

        self.phrases = re.compile(phrase_regex(spec["phrases"]), re.I) \
            if spec.get("phrases") else None
        pats = spec.get("patterns", ())
        self.patterns = re2.compile("|".join(f"(?:{p})" for p in pats), _re2_options()) \
            if pats else None

    def search(self, text: str) -> Any:
        return (self.phrases and self.phrases.search(text)) or \
            (self.patterns and self.patterns.search(text))

    def finditer(self, text: str) -> Iterator[Any]:
        found = []
        for engine in (self.phrases, self.patterns):
            if engine is not None:
                found.extend(engine.finditer(text))
        return iter(sorted(found, key=lambda m: (m.start(), -m.end())))


def _matcher(spec: dict[str, Any], user: bool) -> Any:
    if not (spec.get("phrases") or spec.get("patterns")):
        return None
    return _UserMatcher(spec) if user else compile_matcher(spec)


def _make_rule(spec: dict[str, Any], origin: str, user: bool = False) -> Rule:
    matcher = _matcher(spec, user)
    unless = _matcher(spec.get("unless", {}), user)
    scopes = tuple(spec.get("scope", ["sentences"]))
    message = spec["message"]
    unless_cited = bool(spec.get("unless-cited", False))

    def check(doc: Document, options: dict[str, Any]) -> Iterator[Problem]:  # noqa: ARG001
        assert matcher is not None
        if "sentences" in scopes:
            for s in doc.sentences:
                b = doc.blocks[s.block]
                if b.kind == "heading" or b.footnote is not None:
                    continue
                if unless_cited and doc.citations_in(s.start, s.end):
                    continue
                yield from _matches(s.text, s.start, matcher, unless, message)
        if "headings" in scopes:
            for b in doc.blocks:
                if b.kind == "heading":
                    yield from _matches(b.text, b.start, matcher, unless, message)
        if "front-matter" in scopes and doc.front_matter and doc.front_matter.data:
            fm = doc.front_matter
            for path, mark in sorted(fm.marks.items(), key=lambda kv: kv[1].value_start):
                value = _get(fm.data, path)
                if isinstance(value, str) and path:
                    raw = doc.text[mark.value_start:mark.value_end]
                    i = raw.find(value[:20]) if value else -1
                    base = mark.value_start + max(i, 0)
                    yield from _matches(value, base, matcher, unless, message)

    doc_text = _rule_doc(spec)
    return Rule(code=spec["code"], name=spec["name"], summary=spec["summary"],
                severity=spec["severity"], check=check,
                options={"type": "object", "properties": {}, "additionalProperties": False},
                fixable=False, doc=doc_text, origin=origin, url=spec.get("url", ""))


def _matches(text: str, base: int, matcher: re.Pattern[str], unless: re.Pattern[str] | None,
             message: str) -> Iterator[Problem]:
    if unless is not None and unless.search(text):
        return
    for m in matcher.finditer(text):
        if m.end() > m.start():
            yield Problem(base + m.start(), base + m.end(),
                          message.replace("{match}", " ".join(m.group().split())))


def _get(data: Any, path: tuple[Any, ...]) -> Any:
    for p in path:
        try:
            data = data[p]
        except (KeyError, IndexError, TypeError):
            return None
    return data


def _rule_doc(spec: dict[str, Any]) -> str:
    parts = [spec.get("description", spec["summary"]).strip()]
    listing = spec.get("phrases", [])
    if listing:
        parts.append("## Phrases\n\n" + ", ".join(f"`{p}`" for p in listing))
    if spec.get("patterns"):
        parts.append("## Patterns\n\n" + "\n".join(f"- `{p}`" for p in spec["patterns"]))
    ex = spec.get("examples", {})
    if ex.get("fails"):
        parts.append("## Fails\n\n" + "\n\n".join(f"```markdown\n{e.rstrip()}\n```"
                                                  for e in ex["fails"]))
    if ex.get("passes"):
        parts.append("## Passes\n\n" + "\n\n".join(f"```markdown\n{e.rstrip()}\n```"
                                                   for e in ex["passes"]))
    parts.append("## Fix\n\nRewrite the sentence; there is no automatic fix.")
    return "\n\n".join(parts)
