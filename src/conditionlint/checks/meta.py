"""CL2xx: front matter and review metadata.

The front matter is parsed once by :mod:`conditionlint.frontmatter` (positions of every
key kept); these rules judge what it says. The schema is
``schemas/condition-page.schema.json``, replaced or extended by the config's
``schema:`` / ``schema-mode:``.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from conditionlint import context, fastschema, identifiers
from conditionlint.config import ConfigError
from conditionlint.document import Document, FrontMatter
from conditionlint.model import Problem
from conditionlint.registry import rule
from conditionlint.resources import schema as shipped_schema
from conditionlint.schemautil import errors as schema_errors
from conditionlint.schemautil import (path_text, plain_message, whole_number_hint, yaml_note,
                                      yaml_text)

_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
# Inside an evidence item, what is required (id, title, year, design, an identifier)
# is judged by CL405/CL406; CL203 reporting it too would give two findings for one gap.
_LEFT_TO_EVIDENCE_RULES = {"required", "anyOf", "oneOf", "dependentRequired"}
_BOUNDS = {"minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf"}
_TYPE_WORDS = {"string": "text", "integer": "a whole number", "number": "a number",
               "boolean": "true or false", "array": "a list", "object":
               "a mapping of keys to values", "null": "empty"}


# -- the schema in force ---------------------------------------------------------------
_schemas: dict[tuple[Any, ...], dict[str, Any]] = {}


def page_schema() -> dict[str, Any]:
    """The front-matter schema for the file being checked (shipped, or per config).

    A user schema that cannot be read or is not a valid JSON Schema is a config error
    (exit 2), raised here because the schema is only needed when CL203 runs.
    """
    cfg = context.current().config
    user = getattr(cfg, "schema", None)
    if user is None:
        return shipped_schema("condition-page")
    return load_page_schema(Path(user), getattr(cfg, "schema_mode", "replace"))


def load_page_schema(path: Path, mode: str) -> dict[str, Any]:
    """A publisher's schema (``mode`` "replace") or the shipped one extended by it
    ("extend"), checked to be a valid JSON Schema; cached while the file is unchanged.
    Called when the config is loaded, so a broken schema stops the run at once."""
    from conditionlint.resources import schema as shipped_schema

    try:
        stamp = path.stat().st_mtime_ns
    except (OSError, ValueError) as exc:  # (ValueError: a NUL character in the path)
        raise ConfigError(str(path), f"cannot read the front-matter schema "
                                     f"('schema:'): {getattr(exc, 'strerror', None) or exc}"
                          ) from None
    key = (str(path), stamp, mode)
    hit = _schemas.get(key)
    if hit is None:
        loaded = _load_user_schema(path)
        hit = loaded if mode == "replace" else _extend(shipped_schema("condition-page"), loaded)
        _check_schema(path, hit)
        _schemas[key] = hit
    return hit


def _load_user_schema(path: Path) -> dict[str, Any]:
    from conditionlint.config import _offset_to_line_col

    from conditionlint.safeio import CONFIG_LIMIT, decoded, read_regular

    try:
        raw = read_regular(path, CONFIG_LIMIT)
        text = decoded(raw)
    except OSError as exc:
        raise ConfigError(str(path), f"cannot read the front-matter schema: "
                                     f"{exc.strerror or exc}") from None
    except UnicodeDecodeError as exc:
        from conditionlint.safeio import not_utf8

        raise ConfigError(str(path), *not_utf8("the front-matter schema", raw, exc)) from None
    if path.suffix.lower() in (".yaml", ".yml"):
        from conditionlint import frontmatter

        loaded = frontmatter.load_yaml(text)
        if loaded.error:
            line, col = _offset_to_line_col(text, loaded.error_offset or 0)
            raise ConfigError(str(path), loaded.error, line, col)
        data = loaded.data
    else:
        import json

        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise ConfigError(str(path), f"invalid JSON: {exc.msg}", exc.lineno,
                              exc.colno) from None
    if not isinstance(data, dict):
        raise ConfigError(str(path), "a front-matter schema must be a JSON object", 1, 1)
    return data


def _extend(shipped: dict[str, Any], user: dict[str, Any]) -> dict[str, Any]:
    """Both schemas must hold (allOf). A user schema that closes the page to unknown
    keys (additionalProperties: false) would reject every shipped key it does not
    list, so the shipped keys are added to its properties as "anything"."""
    user = dict(user)
    user.pop("$schema", None)
    # Each part keeps an $id of its own, so that its "#/$defs/..." references resolve
    # inside it and not against the combined schema (which has no $defs).
    user.setdefault("$id", "urn:conditionlint:user-page-schema")
    user = _opened(shipped, user)
    # The same for an evidence item closed by the publisher: the shipped evidence keys
    # (id, year, doi...) are listed in it.
    ev = user.get("properties", {}).get("evidence") \
        if isinstance(user.get("properties"), dict) else None
    if isinstance(ev, dict) and isinstance(ev.get("items"), dict):
        item = shipped.get("properties", {}).get("evidence", {}).get("items", {})
        ref = item.get("$ref", "") if isinstance(item, dict) else ""
        if ref.startswith("#/$defs/"):
            item = shipped.get("$defs", {}).get(ref[8:], {})
        user["properties"] = dict(user["properties"])
        user["properties"]["evidence"] = {**ev, "items": _opened(item, ev["items"])}
    base = dict(shipped)
    base.setdefault("$id", "urn:conditionlint:condition-page-schema")
    return {"$schema": "https://json-schema.org/draft/2020-12/schema",
            "allOf": [base, user]}


def _opened(shipped: dict[str, Any], user: dict[str, Any]) -> dict[str, Any]:
    """``user`` with the keys ``shipped`` lists added to its properties as "anything"
    when it closes the mapping (additionalProperties: false)."""
    if user.get("additionalProperties") is not False or not isinstance(shipped, dict):
        return user
    props = {k: True for k in shipped.get("properties", {})}
    props.update(user.get("properties", {}))
    return {**user, "properties": props}


def _check_schema(path: Path, schema: dict[str, Any]) -> None:
    """A user's schema is a configuration error unless it is a valid JSON Schema whose
    references all resolve inside it (nothing is fetched), whose regular expressions
    RE2 accepts (they run on RE2: :func:`conditionlint.schemautil.validator`) and that
    does not send a validator round a loop of references (tried on a few pages)."""
    from jsonschema import Draft202012Validator
    from jsonschema.exceptions import SchemaError

    from conditionlint.schemautil import schema_problem

    try:
        Draft202012Validator.check_schema(schema)
    except SchemaError as exc:
        where = path_text(exc.absolute_path)
        raise ConfigError(str(path), "not a valid JSON Schema: "
                          + (f"{where}: " if where else "") + exc.message) from None
    problem = schema_problem(schema)
    if problem is not None:
        raise ConfigError(str(path), f"not a usable JSON Schema: {problem}") from None


# -- positions and words -----------------------------------------------------------------
def _line_end(text: str, offset: int) -> int:
    m = re.compile(r"[\r\n]").search(text, offset)
    return m.start() if m else len(text)


def _span(doc: Document, fm: FrontMatter, path: tuple[Any, ...]) -> tuple[int, int]:
    """The key's span (key to the end of its line), or the opening '---'."""
    mark = fm.mark(*path) if path else None
    if mark is None:
        return fm.start, fm.start + 3
    return mark.key_start, max(mark.key_start + 1, min(mark.value_end,
                                                         _line_end(doc.text, mark.key_start)))


def _message(err: Any) -> str:
    where = path_text(err.absolute_path)
    lead = f"{where}: " if where else ""
    inst = err.instance
    sub = err.schema if isinstance(err.schema, dict) else {}
    if err.validator == "type" and sub.get("format") == "date" or (
            err.validator == "format" and err.validator_value == "date"):
        if inst is None:  # "last_reviewed: ~" or a key with nothing after it
            return f"{lead}is empty: give a date (YYYY-MM-DD)"
        return f"{lead}{yaml_text(inst)} is not a valid date (YYYY-MM-DD)"
    if err.validator == "type":
        want = err.validator_value
        wants = want if isinstance(want, list) else [want]
        words = " or ".join(_TYPE_WORDS.get(w, w) for w in wants)
        if whole_number_hint(err):  # "year: 2018.0" (audit23 #3): not a year to CL409
            example = f" (e.g. {int(inst)})" if abs(inst) < 1e15 else ""
            return f"{lead}{yaml_text(inst)} should be {words}, written without a " \
                   f"decimal point or exponent{example}"
        return f"{lead}{yaml_text(inst)} should be {words}" + yaml_note(inst, "string" in wants)
    if err.validator == "enum" and isinstance(inst, str):
        allowed = [v for v in err.validator_value if isinstance(v, str)]
        import difflib

        near = difflib.get_close_matches(inst.lower(), allowed, n=1, cutoff=0.6)
        if near:
            return f"{plain_message(err)} (did you mean {near[0]!r}?)"
    if err.validator == "minLength" and err.validator_value == 1:
        return f"{lead}should not be empty"
    if err.validator == "minItems" and err.validator_value == 1:
        return f"{lead}should list at least one item"
    return plain_message(err)


def _unknown_keys(err: Any) -> list[str]:
    inst = err.instance if isinstance(err.instance, dict) else {}
    if err.validator == "additionalProperties":
        props = err.schema.get("properties", {})
        pats = [re.compile(p) for p in err.schema.get("patternProperties", {})]
        return [k for k in inst if k not in props and not any(p.search(k) for p in pats)]
    m = re.search(r"\((.*) (?:was|were) unexpected\)", err.message)
    names = re.findall(r"'((?:[^'\\]|\\.)*)'", m.group(1)) if m else []
    return [k for k in inst if k in names]


def _known_keys(schema: dict[str, Any], path: tuple[Any, ...]) -> list[str]:
    """Property names declared for the mapping at ``path`` (for "did you mean")."""
    out: list[str] = []

    def walk(s: Any, depth: int) -> None:
        if not isinstance(s, dict) or depth > 8:
            return
        for sub in s.get("allOf", []):
            walk(sub, depth + 1)
        if s.get("$ref", "").startswith("#/$defs/"):
            walk(_root.get("$defs", {}).get(s["$ref"][8:]), depth + 1)
        out.extend(s.get("properties", {}))

    _root = schema
    nodes = [schema]
    for p in path:
        nxt = []
        for n in nodes:
            stack = [n]
            while stack:
                s = stack.pop()
                if not isinstance(s, dict):
                    continue
                stack.extend(s.get("allOf", []))
                if s.get("$ref", "").startswith("#/$defs/"):
                    stack.append(_root.get("$defs", {}).get(s["$ref"][8:]))
                if isinstance(p, int) and isinstance(s.get("items"), dict):
                    nxt.append(s["items"])
                elif isinstance(p, str) and p in s.get("properties", {}):
                    nxt.append(s["properties"][p])
        nodes = nxt
    for n in nodes:
        walk(n, 0)
    return sorted(set(out))


# -- rules -------------------------------------------------------------------------------
@rule(code="CL201", name="missing-front-matter", severity="warning",
      summary="The page has no YAML front matter.")
def missing_front_matter(doc: Document, options: dict[str, Any]) -> Iterator[Problem]:  # noqa: ARG001
    """The page does not start with a YAML front matter block (`---` lines), so it
    says nothing machine-readable about its type, reviewer or review dates.

    ## Why

    Who reviewed a health page and when is what readers, search engines and
    auditors look for first. Without front matter the page type defaults to
    `condition` and the review rules (CL204-CL206) have nothing to check.
    TOML front matter (`+++`) is not read; the message says so.

    ## Fails

    ```markdown
    # Migraine

    Migraine is a common headache disorder.
    ```

    ## Passes

    ```markdown
    ---
    title: Migraine
    reviewed_by: Dr A. Example
    last_reviewed: 2026-10-01
    ---
    # Migraine

    Migraine is a common headache disorder.
    ```

    ## Fix

    Add a front matter block at the very top of the file (see docs/format.md).
    """
    if doc.front_matter is not None:
        return
    first_line_end = _line_end(doc.text, 0)
    hint = ""
    if doc.text.startswith("+++"):
        hint = "; TOML front matter ('+++') is not read, write it as YAML between '---' lines"
    elif doc.text.lstrip(" \t\r\n\ufeff").startswith("---") and not doc.text.startswith("---"):
        hint = "; the '---' line must be the very first line of the file"
    yield Problem(0, first_line_end,
                  "page has no front matter (a '---' block with title, reviewed_by, "
                  f"last_reviewed...){hint}")


@rule(code="CL202", name="invalid-front-matter", severity="error",
      summary="The front matter is not valid YAML, or not a mapping.")
def invalid_front_matter(doc: Document, options: dict[str, Any]) -> Iterator[Problem]:  # noqa: ARG001
    """The front matter cannot be read: a YAML syntax error, an opening `---` that is
    never closed, a duplicate key, an anchor or alias (`&x`, `*x`), a custom tag, or
    a block that is a list or text instead of `key: value` lines. The finding points
    at the exact line and column where the problem is; for a bracket, brace or quote
    that is never closed (`tags: [a, b`), at the bracket that opens it (the YAML
    parser only notices on a later line or at the end of the block).

    ## Why

    Site generators either fail on such a page or silently drop its metadata; a
    duplicate key keeps only one of two review dates, and nobody notices which.
    Anchors and aliases are refused because they can expand to huge values.

    ## Fails

    ```markdown
    ---
    title: Sciatica: a guide
    ---
    # Sciatica

    Pain along the sciatic nerve.
    ```

    ```markdown
    ---
    title: Sciatica
    last_reviewed: 2026-01-01
    last_reviewed: 2026-10-01
    ---
    # Sciatica

    Pain along the sciatic nerve.
    ```

    ## Passes

    ```markdown
    ---
    title: "Sciatica: a guide"
    last_reviewed: 2026-10-01
    ---
    # Sciatica

    Pain along the sciatic nerve.
    ```

    ## Fix

    Quote values that contain `: ` or start with a YAML symbol, keep one of each
    key, and close the block with a `---` line.
    """
    fm = doc.front_matter
    if fm is None or fm.error is None:
        return
    at = fm.error_offset if fm.error_offset is not None else fm.start
    at = min(at, len(doc.text))
    end = _line_end(doc.text, at)
    if not fm.closed:
        end = min(fm.start + 3, len(doc.text))
    yield Problem(at, max(end, at), fm.error)


@rule(code="CL203", name="front-matter-schema", severity="error",
      summary="The front matter breaks the page schema.",
      options={"properties": {"suggest-keys": {
          "type": "boolean", "default": True,
          "description": "When the schema allows unknown keys, still report a key that "
                         "looks like a misspelling of a known one (e.g. "
                         "'last_reveiwed')."}}})
def front_matter_schema(doc: Document, options: dict[str, Any]) -> Iterator[Problem]:
    """Every way the front matter breaks `schemas/condition-page.schema.json` (or the
    schema set by `schema:` in the config), each at the line of the offending key,
    in plain words: `last_reviewed: '2026-13-01' is not a valid date (YYYY-MM-DD)`,
    `type: 'article' is not one of 'condition', 'symptom', 'therapy', 'test'`,
    `missing required key 'title'`, `unknown key 'colour'` (when the schema forbids
    unknown keys).

    The shipped schema allows keys it does not know (publishers add their own), but
    a key that is one or two letters away from a known one, or has two neighbouring
    letters swapped (`tpye`, `yaer`, `dio`), is reported as a likely misspelling
    (option `suggest-keys`). Inside `evidence` entries, the fields CL405
    asks for (`id`, `title`, `year`, `design`, an identifier) and whether identifiers
    are valid are left to CL405/CL406; types and allowed values (`design`,
    `certainty`) are checked here, and so is any other field a publisher's schema
    requires there (`required`, `anyOf`, `oneOf`, `dependentRequired`). An identifier's
    value is CL406's, whatever its type; an evidence `year` after this year is
    reported here (the schema cannot know the date); a `title` of spaces only is
    reported as blank. An empty or blank `reviewed_by` or `last_reviewed` is CL205's
    (missing review metadata), unless the publisher's schema requires it: then it is
    reported here alone, as the publisher's error. An identifier the publisher's
    schema requires in an entry with no identifier at all is CL405's.

    With `schema-mode: extend` in the config, the page must satisfy both the shipped
    schema and the publisher's; with `replace` (the default when `schema:` is set),
    only the publisher's. A schema file that cannot be read or is not a valid JSON
    Schema stops the run with a config error (exit code 2).

    ## Why

    A misspelt or malformed date silently turns off the review checks; an unknown
    page type silently selects the wrong section profile.

    ## Fails

    ```markdown
    ---
    title: Migraine
    type: conditon
    last_reviewed: 2026-13-01
    ---
    # Migraine

    A headache disorder.
    ```

    ## Passes

    ```markdown
    ---
    title: Migraine
    type: condition
    last_reviewed: 2026-10-01
    ---
    # Migraine

    A headache disorder.
    ```

    ## Fix

    Correct the value or the key as the message says.
    """
    fm = doc.front_matter
    if fm is None or fm.error is not None or not isinstance(fm.data, dict):
        return
    schema = page_schema()
    reported_unknown: set[tuple[Any, ...]] = set()
    # The shipped schema's generated check (fastschema) answers "valid" for most pages
    # without importing jsonschema; anything else gets jsonschema's errors.
    fast = schema is shipped_schema("condition-page") and fastschema.surely_valid(fm.data)
    errs = [] if fast else schema_errors(schema, fm.data)
    # "year: 1500.0" is one mistake to fix first (write a whole number), not two
    written_as_float = {tuple(e.absolute_path) for e in errs if whole_number_hint(e)}
    for err in errs:
        path = tuple(err.absolute_path)
        if path in written_as_float and err.validator in _BOUNDS:
            continue
        if len(path) == 2 and path[0] == "evidence" and isinstance(path[1], int) and \
                err.validator in _LEFT_TO_EVIDENCE_RULES and \
                _left_to_evidence_rules(err, schema):
            continue
        if len(path) >= 3 and path[0] == "evidence" and isinstance(path[1], int) and \
                _owned_by_evidence_rules(path[2], err, schema, _entry(fm.data, path[1])):
            continue
        if path and path[0] in ("reviewed_by", "last_reviewed") and \
                _empty_review_value(fm.data.get(path[0]), path[0]) and \
                not _from_publisher(err, schema):
            continue  # CL205: the review key is missing
        if err.validator in ("additionalProperties", "unevaluatedProperties"):
            for key in _unknown_keys(err):
                p = path + (key,)
                if p in reported_unknown:
                    continue
                reported_unknown.add(p)
                start, end = _span(doc, fm, p)
                where = f" in {path_text(path)}" if path else ""
                yield Problem(start, end, f"unknown key {key!r}{where} (the schema does not "
                                          f"allow keys it does not list)"
                              + _did_you_mean(key, schema, path))
            continue
        start, end = _span(doc, fm, path)
        yield Problem(start, end, _message(err))
    yield from _blank_or_future(doc, fm)
    if options.get("suggest-keys", True):
        yield from _misspelt_keys(doc, fm, schema, reported_unknown)


def _entry(data: dict[str, Any], i: int) -> dict[str, Any]:
    items = data.get("evidence")
    item = items[i] if isinstance(items, list) and i < len(items) else None
    return item if isinstance(item, dict) else {}


def _no_identifier(inst: dict[str, Any]) -> bool:
    """An evidence entry with no identifier at all, blank ones counted as none:
    CL405 reports it ("has no identifier")."""
    return not any(not identifiers.blank(inst.get(k)) for k in identifiers.KINDS)


def _owned_by_evidence_rules(key: Any, err: Any, schema: dict[str, Any],
                             entry: dict[str, Any] | None = None) -> bool:
    """An evidence field's value that another rule judges, so that one mistake gives
    one finding: an identifier (any value: CL406 says what a DOI, PMID... must look
    like), an empty `id` or `title` (CL405: the entry has none). A publisher's own
    constraint on them is still CL203's, except a blank identifier in an entry that
    has no other (a publisher's `doi: {minLength: 1}` on `doi: ""`): CL405 reports
    that the entry has no identifier."""
    if _from_publisher(err, schema):
        return key in identifiers.KINDS and entry is not None and \
            identifiers.blank(entry.get(key)) and _no_identifier(entry)
    if key in identifiers.KINDS:
        return True
    return key in ("id", "title") and err.validator == "minLength"


def _blank_or_future(doc: Document, fm: FrontMatter) -> Iterator[Problem]:
    """What the schema cannot say: a `title` that is only spaces (a `reviewed_by` of
    nothing but spaces is CL205's: missing), a list of reviewers with a blank one, an
    evidence `year` after this year."""
    data = fm.data
    for key in ("title", "reviewed_by"):
        value = data.get(key)
        values = value if isinstance(value, list) else [value]
        # (an empty value, or one that is no text, is the schema's to report)
        if all(isinstance(v, str) and v for v in values) and \
                any(not v.strip() for v in values) and \
                not (key == "reviewed_by" and _empty_review_value(value)):
            start, end = _span(doc, fm, (key,))
            yield Problem(start, end, f"{key}: should not be blank")
    items = data.get("evidence")
    if not isinstance(items, list):
        return
    today = context.current().today
    for i, item in enumerate(items):
        year = item.get("year") if isinstance(item, dict) else None
        # (a "2030.0" is no whole-number year: the schema's error, not one more here)
        if isinstance(year, int) and not isinstance(year, bool) and \
                today.year < year <= 2200:
            start, end = _span(doc, fm, ("evidence", i, "year"))
            yield Problem(start, end, f"evidence[{i}].year: {year} is after this year "
                                      f"(today is {today.isoformat()})")


def _from_publisher(err: Any, schema: dict[str, Any]) -> bool:
    """Whether the error comes from the publisher's schema (``schema:`` in the config),
    not from the shipped one."""
    if schema is shipped_schema("condition-page"):
        return False
    cfg = context.current().config
    if getattr(cfg, "schema_mode", "replace") != "extend":
        return True
    where = list(err.absolute_schema_path)[:2]
    return where == ["allOf", 1]


def _empty_review_value(value: Any, key: str = "reviewed_by") -> bool:
    """A `reviewed_by` or `last_reviewed` that gives nothing: absent, empty, blank, or
    (for `reviewed_by`, which may be a list) a list of nothing but those (CL205
    reports it as missing, CL203 does not). A list or mapping for `last_reviewed`,
    even an empty one (`[]`, `{}`), is a value of the wrong type: CL203's."""
    if isinstance(value, list):
        return key == "reviewed_by" and all(_empty_review_value(v) for v in value)
    return identifiers.blank(value)


def _publisher_requires(data: dict[str, Any]) -> set[str]:
    """The top-level keys for which the publisher's schema (``schema:`` in the config)
    gives CL203 an error on this front matter: a required key that is absent, or a
    value it finds wrong (`minLength`, `pattern`...). Empty for the shipped schema."""
    schema = page_schema()
    if schema is shipped_schema("condition-page"):
        return set()
    keys: set[str] = set()
    for err in schema_errors(schema, data):
        if not _from_publisher(err, schema):
            continue
        path = tuple(err.absolute_path)
        if path and isinstance(path[0], str):
            keys.add(path[0])
        elif not path and err.validator == "required" and isinstance(err.instance, dict):
            want = err.validator_value if isinstance(err.validator_value, list) else []
            keys.update(k for k in want if isinstance(k, str) and k not in err.instance)
    return keys


def _left_to_evidence_rules(err: Any, schema: dict[str, Any]) -> bool:
    """An evidence item's missing field that CL405 reports anyway (an id, title, year,
    design, or any identifier), so CL203 does not report it twice. A field the shipped
    schema does not ask for (a publisher's ``required: [certainty]``) is CL203's."""
    if not _from_publisher(err, schema):
        return True
    from conditionlint.checks.evidence import ENTRY_FIELDS  # what CL405 asks for

    inst = err.instance if isinstance(err.instance, dict) else {}
    if err.validator == "required":
        want = err.validator_value if isinstance(err.validator_value, list) else []
        missing = [k for k in want if k not in inst]
        # a required identifier ('required: [doi]') in an entry with none: CL405 says
        # the entry has no identifier; in an entry with a PMID, the DOI is CL203's
        none = _no_identifier(inst)
        return bool(missing) and all(
            k in ENTRY_FIELDS or (none and k in identifiers.KINDS) for k in missing)
    if err.validator in ("anyOf", "oneOf") and _no_identifier(inst):
        # "one of doi, pmid...": CL405 says the entry has no identifier
        branches = err.validator_value if isinstance(err.validator_value, list) else []
        return bool(branches) and all(
            isinstance(b, dict) and set(b) == {"required"} and isinstance(b["required"], list)
            and set(b["required"]) <= set(identifiers.KINDS) for b in branches)
    return False


def _did_you_mean(key: str, schema: dict[str, Any], path: tuple[Any, ...]) -> str:
    near = _nearest(key, _known_keys(schema, path))
    return f"; did you mean {near!r}?" if near else ""


def _nearest(key: str, known: Any) -> str | None:
    """The known key ``key`` most likely misspells: one with two neighbouring letters
    swapped, else difflib's closest at 0.8; None when there is none."""
    import difflib

    swapped = [k for k in known if _swapped(key, k)]
    if swapped:
        return swapped[0]
    near = difflib.get_close_matches(key, list(known), n=1, cutoff=0.8)
    return near[0] if near else None


def _swapped(a: str, b: str) -> bool:
    """``a`` is ``b`` with two neighbouring letters swapped ("tpye", "yaer", "dio"):
    difflib's ratio misses these in short words, where one swap is a large part."""
    if not isinstance(a, str) or not isinstance(b, str):
        return False
    a, b = a.lower(), b.lower()
    if len(a) != len(b) or a == b or len(a) < 2:
        return False
    diff = [i for i in range(len(a)) if a[i] != b[i]]
    return len(diff) == 2 and diff[1] == diff[0] + 1 and \
        a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]]


def _misspelt_keys(doc: Document, fm: FrontMatter, schema: dict[str, Any],
                   done: set[tuple[Any, ...]]) -> Iterator[Problem]:
    def check(mapping: dict[str, Any], path: tuple[Any, ...]) -> Iterator[Problem]:
        known = _known_keys(schema, path)
        if not known:
            return
        for key in mapping:
            if key in known or path + (key,) in done:
                continue
            near = _nearest(key, known)
            if near and (_swapped(key, near) or _close(key, near)):
                start, end = _span(doc, fm, path + (key,))
                yield Problem(start, end, f"unknown key {key!r}; did you mean {near!r}?")

    yield from check(fm.data, ())
    ev = fm.data.get("evidence")
    if isinstance(ev, list):
        for i, item in enumerate(ev):
            if isinstance(item, dict):
                yield from check(item, ("evidence", i))


def _close(a: str, b: str) -> bool:
    """At most two single-letter edits apart (and not just a different word)."""
    if abs(len(a) - len(b)) > 2 or min(len(a), len(b)) < 4:
        return False
    norm = lambda s: s.lower().replace("-", "_")  # noqa: E731
    if norm(a) == norm(b):
        return True
    import difflib

    ops = difflib.SequenceMatcher(None, a.lower(), b.lower()).get_opcodes()
    changed = sum(max(i2 - i1, j2 - j1) for tag, i1, i2, j1, j2 in ops if tag != "equal")
    return changed <= 2


# -- review dates ------------------------------------------------------------------------
def _date(fm: FrontMatter | None, key: str) -> _dt.date | None:
    value = fm.get(key) if fm is not None and fm.error is None else None
    if not isinstance(value, str) or not _DATE.fullmatch(value):
        return None
    try:
        return _dt.date.fromisoformat(value)
    except ValueError:
        return None  # CL203 reports it


def _key_span(doc: Document, fm: FrontMatter, key: str) -> tuple[int, int]:
    return _span(doc, fm, (key,))


def _add_months(d: _dt.date, months: int) -> _dt.date:
    """``d`` plus ``months`` (the last day of a shorter month), saturating at the
    calendar's ends (date.max, date.min) rather than failing past year 9999."""
    y, m = divmod(d.month - 1 + months, 12)
    year, month = d.year + y, m + 1
    if year > _dt.MAXYEAR:
        return _dt.date.max
    if year < _dt.MINYEAR:
        return _dt.date.min
    for day in (d.day, 30, 29, 28):
        try:
            return _dt.date(year, month, day)
        except ValueError:
            continue
    return _dt.date(year, month, 28)  # pragma: no cover


# -- review dates written in the page body ("Page last reviewed: 14 March 2025") -------
_MONTHS = {m: i for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august",
     "september", "october", "november", "december"], 1)}
_MONTHS.update({m[:3]: i for m, i in list(_MONTHS.items())})
_MONTHS["sept"] = 9
# A date ends where its number ends: a year or day with more digits ("1 January
# 20255", "2025-01-011") is taken whole, and is no date (CL206), never read as its
# first digits (2025-01-01, or 9999-01-01 for "99999")
_BODY_DATE = (r"(?P<date>\d{4,}-\d{2,}-\d{2,}|\d{1,2}[/.]\d{1,2}[/.]\d{4,}|\d{1,2}(?:st|nd|rd|th)?\s+[A-Za-z]{3,9}\.?,?\s+\d{4,}"
              r"|[A-Za-z]{3,9}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4,}|[A-Za-z]{3,9}\s+\d{4,})(?!\d)")
# A publisher's byline names the reviewer before the date: "Medically reviewed by Dr
# Jane Smith, MD on December 3, 2026", "Last reviewed by a Cleveland Clinic medical
# professional on 03/03/2024" (the name holds no "next" and no second "review").
_BYLINE_NAME = r"\s+by\s+(?:(?!\bnext\b|\breview)[^\n]){1,120}?\s+on"
_BODY_LAST = re.compile(r"(?i)\b(?:page\s+|content\s+|medically\s+|clinically\s+)?"
                        r"(?:last\s+)?(?:reviewed|updated)(?:" + _BYLINE_NAME + r"|\s+on)?"
                        r"\s*:?\s*" + _BODY_DATE)
_BODY_NEXT = re.compile(r"(?i)\bnext\s+review(?:\s+due)?(?:\s+(?:on|by))?\s*:?\s*" + _BODY_DATE)
# words every match of _BODY_LAST / _BODY_NEXT holds
_BODY_WORDS = {"last": ("reviewed", "updated"), "next": ("next",)}
_BODY_BY = re.compile(r"(?i)\b(?:medically\s+|clinically\s+)?reviewed\s+by\s*:?\s+\S")


def _parse_body_date(text: str, earliest: bool = False) -> _dt.date | None:
    num = re.fullmatch(r"(\d{1,2})[/.](\d{1,2})[/.](\d{4})", text.strip())
    if num:
        # Day-first (UK) or month-first (US): when both read as dates, take the later
        # one, so an ambiguous date is never called overdue when it may not be; with
        # ``earliest``, the earlier one, so it is never called in the future (or later
        # than a next review) when it may not be.
        a, b, year = (int(x) for x in num.groups())
        found = []
        for day, month in ((a, b), (b, a)):
            try:
                found.append(_dt.date(year, month, day))
            except ValueError:
                pass
        return (min(found) if earliest else max(found)) if found else None
    t = text.strip().lower().replace(",", " ").replace(".", " ")
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", t):
            return _dt.date.fromisoformat(t)
        parts = [re.sub(r"(st|nd|rd|th)$", "", p) if p[:1].isdigit() else p
                 for p in t.split()]
        if len(parts) == 3 and parts[0].isdigit():
            day, month, year = int(parts[0]), _MONTHS.get(parts[1]), int(parts[2])
        elif len(parts) == 3:
            month, day, year = _MONTHS.get(parts[0]), int(parts[1]), int(parts[2])
        elif len(parts) == 2:
            month, day, year = _MONTHS.get(parts[0]), 1, int(parts[1])
        else:
            return None
        return _dt.date(year, month, day) if month else None
    except ValueError:
        return None


def body_review(doc: Document, which: str) -> tuple[_dt.date, int, int] | None:
    """A review date stated in the page body: ``which`` is "last" or "next"."""
    for d, s, e, _ in _body_reviews(doc, which):
        if d is not None:
            return d, s, e
    return None


# a review still to come is no last review: "This page will be updated 1 May 2027",
# "due to be reviewed in March 2027", "is being updated"
_FUTURE_REVIEW = re.compile(r"(?i)\bbe(?:ing)?\s+$")


def _body_reviews(doc: Document, which: str
                  ) -> Iterator[tuple[_dt.date | None, int, int, re.Match[str]]]:
    """Every review line of the body, in order, with its date (None: not a date)."""
    rx = _BODY_LAST if which == "last" else _BODY_NEXT
    words = _BODY_WORDS["last" if which == "last" else "next"]
    from conditionlint.gated import has_fold_exception
    for b in doc.blocks:
        if b.kind == "heading":
            continue
        # a cheap test first: every match holds one of these words, in any case (a
        # text with a letter that re.IGNORECASE folds unlike lower() is searched)
        low = b.text.lower()
        if not any(w in low for w in words) and not has_fold_exception(b.text):
            continue
        for m in rx.finditer(b.text):
            if which == "last" and (
                    re.match(r"(?i)next", b.text[max(0, m.start() - 5):m.start()].strip()
                             or "x")
                    or _FUTURE_REVIEW.search(b.text, max(0, m.start() - 12), m.start())):
                continue
            yield _parse_body_date(m.group("date")), b.start + m.start(), b.start + m.end(), m


def _impossible_date(text: str) -> bool:
    """A date that _parse_body_date could not read whose parts are still a day, a
    month and a year: "31 February 2025", "2025-02-30", "31/02/2025" (a month word
    that is no month is not a date at all: "reviewed: Maybe 2025")."""
    t = text.strip().lower().replace(",", " ").replace(".", " ")
    if re.fullmatch(r"\d{4,}-\d{2,}-\d{2,}|\d{1,2}/\d{1,2}/\d{4,}|\d{1,2} \d{1,2} \d{4,}", t):
        return True
    parts = [re.sub(r"(st|nd|rd|th)$", "", p) if p[:1].isdigit() else p for p in t.split()]
    if len(parts) == 3:
        day, month = (parts[0], parts[1]) if parts[0].isdigit() else (parts[1], parts[0])
        return day.isdigit() and month in _MONTHS
    if len(parts) == 2:  # "January 20255"
        return parts[0] in _MONTHS and parts[1].isdigit()
    return False


# "Last reviewed: ...", "Page reviewed ...": a statement of the page's own review, not
# prose that says something "will be updated 1 May 2027"
_BODY_OWN = re.compile(r"(?i)(?:last|page|content|medically|clinically)\b|[^:]*:"
                       r"|(?:reviewed|updated)\s+by\b")
# ... or a line that opens with the review ("*Reviewed on 3 December 2027*",
# "Updated 1 May 2026"): only markup (emphasis, a quote or list marker) before it
_LINE_OPENING = re.compile(r"[\s*_>#|~`-]*")


def _own_review(text: str, m: re.Match[str]) -> bool:
    if _BODY_OWN.match(m.group()):
        return True
    line_start = max(text.rfind("\n", 0, m.start()), text.rfind("\r", 0, m.start())) + 1
    return _LINE_OPENING.fullmatch(text, line_start, m.start()) is not None


def _body_dates_inconsistent(doc: Document, today: _dt.date) -> Iterator[Problem]:
    """CL206 for review lines written in the page, when the front matter has no
    review dates: a date that does not exist, a last review in the future, a next
    review not after the last one."""
    last = None
    for d, s, e, m in _body_reviews(doc, "last"):
        if not _own_review(m.string, m):
            continue
        raw = m.group("date")
        done = "updated" if "updated" in m.group().lower() else "reviewed"
        if d is None:
            if _impossible_date(raw):
                yield Problem(s, e, f"the page says it was last {done} '{raw}', which is "
                                    f"not a date")
            continue
        # "11/12/2026": 11 December or, read the US way, 12 November; in the future
        # only when both readings are
        d = _parse_body_date(raw, earliest=True) or d
        if d > today:
            yield Problem(s, e, f"the page says it was last {done} {d.isoformat()}, which "
                                f"is in the future (today is {today.isoformat()})")
        last = d
        break
    for d, s, e, m in _body_reviews(doc, "next"):
        raw = m.group("date")
        if d is None:
            if _impossible_date(raw):
                yield Problem(s, e, f"the page's next review date '{raw}' is not a date")
            continue
        if last is not None and d <= last:
            word = "the same day as" if d == last else "before"
            yield Problem(s, e, f"the page's next review date {d.isoformat()} is {word} "
                                f"its last review {last.isoformat()}")
        break


def body_reviewer(doc: Document) -> bool:
    return any(_BODY_BY.search(b.text) for b in doc.blocks if b.kind != "heading")


@rule(code="CL204", name="review-overdue", severity="warning",
      summary="The page's review date has passed.",
      options={"properties": {
          "max-age-months": {
              "type": "integer", "minimum": 0, "maximum": 1200, "default": 12,
              "description": "A page whose last_reviewed is older than this many months "
                             "is overdue (0: never by age; at most 1200, a century)."},
          "respect-next-review": {
              "type": "boolean", "default": True,
              "description": "When next_review is set and still ahead, it decides: the "
                             "publisher's own review cycle wins over max-age-months."}}})
def review_overdue(doc: Document, options: dict[str, Any]) -> Iterator[Problem]:
    """The page is due for clinical review: its `next_review` date has passed, or
    (when there is no `next_review` ahead) its `last_reviewed` date is more than 12
    months old. "Today" is the run's date, or `--today YYYY-MM-DD`. When the front
    matter has no review dates, dates written in the page are used ("Page last
    reviewed: 14 March 2025", "Next review due: 2 April 2027").

    ## Why

    Clinical advice changes: guidelines are revised, drugs withdrawn, thresholds
    moved. A page past its review date may now be wrong, and readers can't tell.

    ## Options

    `max-age-months` sets the age limit; `respect-next-review: false` applies it even
    when a later `next_review` is set.

    ## Fails

    ```markdown
    ---
    title: Gout
    reviewed_by: Dr A. Example
    last_reviewed: 2024-03-01
    next_review: 2025-03-01
    ---
    # Gout

    A form of arthritis.
    ```

    ## Passes

    ```markdown
    ---
    title: Gout
    reviewed_by: Dr A. Example
    last_reviewed: 2026-03-01
    next_review: 2027-03-01
    ---
    # Gout

    A form of arthritis.
    ```

    ## Fix

    Have the page reviewed, then update `last_reviewed` and `next_review`.
    """
    fm = doc.front_matter
    if fm is not None and fm.error is not None:
        return
    today = context.current().today
    last, nxt = _date(fm, "last_reviewed"), _date(fm, "next_review")
    if last is None and nxt is None:
        yield from _body_overdue(doc, options, today)
        return
    assert fm is not None
    if nxt is not None and nxt < today:
        days = (today - nxt).days
        start, end = _key_span(doc, fm, "next_review")
        yield Problem(start, end, f"review overdue: next_review {nxt.isoformat()} passed "
                                  f"{days} day{'s' if days != 1 else ''} ago "
                                  f"(today is {today.isoformat()})")
        return
    months = options.get("max-age-months", 12)
    if last is None or not months or last > today:
        return
    if nxt is not None and options.get("respect-next-review", True):
        return
    if _add_months(last, months) < today:
        start, end = _key_span(doc, fm, "last_reviewed")
        yield Problem(start, end, f"review overdue: last_reviewed {last.isoformat()} is "
                                  f"more than {months} month{'s' if months != 1 else ''} "
                                  f"before today "
                                  f"({today.isoformat()})")


def _body_overdue(doc: Document, options: dict[str, Any], today: _dt.date
                  ) -> Iterator[Problem]:
    """CL204 for review dates written in the page ("Next review due: 2 April 2025")."""
    nxt = body_review(doc, "next")
    if nxt is not None and nxt[0] < today:
        days = (today - nxt[0]).days
        yield Problem(nxt[1], nxt[2], f"review overdue: the page's next review date "
                                      f"{nxt[0].isoformat()} passed {days} days ago "
                                      f"(today is {today.isoformat()})")
        return
    last = body_review(doc, "last")
    months = options.get("max-age-months", 12)
    if last is None or not months or last[0] > today:
        return
    if nxt is not None and options.get("respect-next-review", True):
        return
    if _add_months(last[0], months) < today:
        yield Problem(last[1], last[2], f"review overdue: the page says it was last "
                                        f"reviewed {last[0].isoformat()}, more than "
                                        f"{months} months before today ({today.isoformat()})")


@rule(code="CL205", name="missing-review-metadata", severity="warning",
      summary="No last_reviewed date or no reviewed_by in the front matter.")
def missing_review_metadata(doc: Document, options: dict[str, Any]) -> Iterator[Problem]:  # noqa: ARG001
    """The front matter does not say who reviewed the page (`reviewed_by`) or when
    (`last_reviewed`). A page without front matter has neither.

    The finding points at the opening `---` (or at the first line when there is no
    front matter) and names what is missing: a key that is absent, or empty or blank
    (`reviewed_by: ""`, `last_reviewed: ~`, `reviewed_by: []`; CL203 leaves those to
    this rule). A `last_reviewed` of the wrong type, even an empty list or mapping
    (`last_reviewed: []`), is present: CL203 reports it, once. A key that the
    publisher's schema (`schema:` in the config) requires, or requires to be
    non-empty, is left to CL203, which reports it as an error at the key. A
    review line written in the page
    ("Reviewed by Dr A. Example", "Page last reviewed: 14 March 2025", or a byline
    with both: "Medically reviewed by Dr Jane Smith, MD on December 3, 2026") counts
    too; a review still to come ("This page will be updated 1 May 2027") does not.

    ## Why

    Readers and quality frameworks (e.g. the UK PIF TICK, NHS standard) expect a
    named clinical reviewer and a review date on every health page.

    ## Fails

    ```markdown
    ---
    title: Gout
    last_reviewed: 2026-10-01
    ---
    # Gout

    A form of arthritis.
    ```

    ## Passes

    ```markdown
    ---
    title: Gout
    reviewed_by: Dr A. Example, MB ChB
    last_reviewed: 2026-10-01
    ---
    # Gout

    A form of arthritis.
    ```

    ## Fix

    Add `reviewed_by:` and `last_reviewed: YYYY-MM-DD` to the front matter.
    """
    fm = doc.front_matter
    if fm is not None and (fm.error is not None or not isinstance(fm.data, dict)):
        return  # CL202 reports the front matter itself
    # an empty or blank value is missing too (and CL203 leaves it to this rule)
    missing = [k for k in ("reviewed_by", "last_reviewed")
               if fm is None or _empty_review_value(fm.get(k), k)]
    if missing and fm is not None:
        # a publisher's schema that requires the key (or a non-empty value) reports it
        # itself, as an error at the key (CL203): it is the stricter of the two
        reported = _publisher_requires(fm.data)
        missing = [k for k in missing if k not in reported]
    # A review line written in the page ("Reviewed by Dr X", "Page last reviewed:
    # 14 March 2025") is review metadata too, even if not machine-readable.
    if "last_reviewed" in missing and body_review(doc, "last") is not None:
        missing.remove("last_reviewed")
    if "reviewed_by" in missing and body_reviewer(doc):
        missing.remove("reviewed_by")
    if not missing:
        return
    where = "" if fm is not None else " (the page has no front matter)"
    start, end = (fm.start, fm.start + 3) if fm is not None else (0, _line_end(doc.text, 0))
    names = " and ".join(f"'{k}'" for k in missing)
    yield Problem(start, end, f"no review metadata: {names} missing{where}")


@rule(code="CL206", name="review-dates-inconsistent", severity="error",
      summary="last_reviewed is in the future or not before next_review.")
def review_dates_inconsistent(doc: Document, options: dict[str, Any]) -> Iterator[Problem]:  # noqa: ARG001
    """The review dates contradict each other or the calendar: `last_reviewed` is
    after today (or `--today`), or `next_review` is not after `last_reviewed`.

    When the front matter gives neither date, the review lines written in the page
    (the ones CL204 and CL205 read) are checked the same way: a "Last reviewed:",
    "Page last updated ..." or "Next review due:" date that does not exist ("31
    February 2025", "2025-02-30"), a last review in the future, a next review not after
    the last one. Only a line that states the page's own review counts ("last ...",
    "page/content/medically reviewed ...", "reviewed by ... on", a colon before the
    date, or a line that opens with it: "*Reviewed on 3 December 2027*"), not prose
    such as "the guideline will be updated 1 May 2027". Front-matter dates win: with them,
    the body is not read (an impossible front-matter date is CL203's). A slash date
    that reads both ways ("11/12/2026": 11 December, or 12 November the US way) is in
    the future, or not before the next review, only when both readings are (CL204
    takes the later reading, so it never calls such a page overdue wrongly either).

    ## Why

    A review date in the future is a typo or a false claim; a next review before the
    last one means one of the two dates is wrong, and the overdue check can't be
    trusted.

    ## Fails

    ```markdown
    ---
    title: Gout
    reviewed_by: Dr A. Example
    last_reviewed: 2026-10-01
    next_review: 2025-10-01
    ---
    # Gout

    A form of arthritis.
    ```

    ## Passes

    ```markdown
    ---
    title: Gout
    reviewed_by: Dr A. Example
    last_reviewed: 2026-10-01
    next_review: 2027-10-01
    ---
    # Gout

    A form of arthritis.
    ```

    ## Fix

    Correct the date that is wrong.
    """
    fm = doc.front_matter
    if fm is not None and fm.error is not None:
        return
    today = context.current().today
    last, nxt = _date(fm, "last_reviewed"), _date(fm, "next_review")
    if fm is None or (last is None and nxt is None and fm.get("last_reviewed") is None
                      and fm.get("next_review") is None):
        yield from _body_dates_inconsistent(doc, today)
        return
    if last is not None and last > today:
        start, end = _key_span(doc, fm, "last_reviewed")
        yield Problem(start, end, f"last_reviewed {last.isoformat()} is in the future "
                                  f"(today is {today.isoformat()})")
    if last is not None and nxt is not None and nxt <= last:
        start, end = _key_span(doc, fm, "next_review")
        word = "the same day as" if nxt == last else "before"
        yield Problem(start, end, f"next_review {nxt.isoformat()} is {word} last_reviewed "
                                  f"{last.isoformat()}")
