"""JSON Schema validation with messages in plain words.

jsonschema is imported lazily: a run that validates nothing does not pay for it.
"""

from __future__ import annotations

from typing import Any

_FORMAT_WORDS = {
    "date": "a valid date (YYYY-MM-DD)",
    "date-time": "a valid date and time (ISO 8601)",
    "uri": "a valid URI",
    "email": "a valid e-mail address",
    "regex": "a valid regular expression",
}


_validators: dict[int, Any] = {}


def validator(schema: dict[str, Any]) -> Any:
    key = id(schema)
    v = _validators.get(key)
    if v is None:
        from jsonschema import Draft202012Validator, FormatChecker

        from conditionlint.resources import SHIPPED_SCHEMAS

        cls = _whole_ints(Draft202012Validator)
        if key not in SHIPPED_SCHEMAS:  # ours are checked by the test suite
            Draft202012Validator.check_schema(schema)
            cls = _re2_validator_class()
        v = cls(schema, format_checker=FormatChecker())
        _validators[key] = (schema, v)  # keep the schema alive so its id stays unique
        return v
    return v[1]


# -- users' schemas ------------------------------------------------------------------------
# A config's schema comes with the repository (docs/security.md): its "pattern" and
# "patternProperties" run on RE2, as users' rule patterns do, so that no pattern can
# make a page's check take exponential time; schema_problem() refuses, when the config
# is read, what RE2 cannot compile, references that do not resolve inside the schema
# (nothing is ever fetched) and loops of references.

def _re2(pattern: str) -> Any:
    import re2

    hit = _RE2.get(pattern)
    if hit is None:
        options = re2.Options()
        options.log_errors = False
        hit = _RE2[pattern] = re2.compile(pattern, options)
    return hit


_RE2: dict[str, Any] = {}
_CLASS: list[Any] = []
_WHOLE: dict[Any, Any] = {}


def _whole_ints(cls: Any) -> Any:
    """``cls`` for which an "integer" is a number written whole (an ``int``), not a
    float such as 1000.0, 1e3 or 2018.0, which JSON Schema counts as an integer (audit23
    #2, #3): every integer setting is used as a Python int (a float one crashed CL204
    and read(), or was dropped for the default: CL409 `years: 2.0`), and an evidence
    `year: 2018.0` that CL203 passed was no year to CL409. Refused where it is read,
    with its position: :func:`whole_number_hint` words the message."""
    hit = _WHOLE.get(cls)
    if hit is None:
        from jsonschema import validators

        checker = cls.TYPE_CHECKER.redefine(
            "integer", lambda _c, v: isinstance(v, int) and not isinstance(v, bool))
        hit = _WHOLE[cls] = validators.extend(cls, type_checker=checker)
    return hit


def whole_number_hint(err: Any) -> str | None:
    """For a "type" error on a whole number written as a float where an integer is
    wanted (``1000.0``), "must be a whole number, e.g. 1000"; else None."""
    inst = err.instance
    want = err.validator_value if isinstance(err.validator_value, list) \
        else [err.validator_value]
    if err.validator != "type" or "integer" not in want or not isinstance(inst, float) \
            or not inst.is_integer():
        return None
    example = f", e.g. {int(inst)}" if abs(inst) < 1e15 else ""
    return f"must be a whole number{example}"


def _re2_validator_class() -> Any:
    if _CLASS:
        return _CLASS[0]
    from jsonschema import Draft202012Validator, validators
    from jsonschema.exceptions import ValidationError

    def pattern(validator: Any, patrn: str, instance: Any, schema: Any) -> Any:
        if validator.is_type(instance, "string") and not _re2(patrn).search(instance):
            yield ValidationError(f"{instance!r} does not match {patrn!r}")

    def pattern_properties(validator: Any, props: dict[str, Any], instance: Any,
                           schema: Any) -> Any:
        if not validator.is_type(instance, "object"):
            return
        for patrn, sub in props.items():
            for k, v in instance.items():
                if _re2(patrn).search(k):
                    yield from validator.descend(v, sub, path=k, schema_path=patrn)

    _CLASS.append(validators.extend(_whole_ints(Draft202012Validator), {
        "pattern": pattern, "patternProperties": pattern_properties}))
    return _CLASS[0]


_DATA = ("enum", "const", "examples", "default")  # values, not schemas


def _objects(node: Any, where: str = "", scope: tuple[Any, ...] = ()) -> Any:
    """(where, object, scope) for every JSON object of a schema, outside its data
    keywords, parents first; ``scope``: the objects with their own ``$id`` on the way
    to it (the root's excepted), which ``$ref`` inside them resolve against."""
    if isinstance(node, dict):
        if where and isinstance(node.get("$id"), str):
            scope += (node,)
        yield where, node, scope
        for k, v in node.items():
            if k not in _DATA:
                yield from _objects(v, f"{where}/{k}", scope)
    elif isinstance(node, list):
        for i, v in enumerate(node):
            yield from _objects(v, f"{where}/{i}", scope)


# Keywords whose schemas apply to the same value as the schema holding them (not to a
# property or an item of it): a chain of these and references that comes back to where it
# started validates the same value with the same schema for ever.
_IN_PLACE_ONE = ("not", "if", "then", "else")
_IN_PLACE_MANY = ("allOf", "anyOf", "oneOf")


def _in_place_loop(objects: list[Any], targets: dict[int, list[Any]]) -> str | None:
    """The JSON pointer of a schema object that reaches itself again through references
    and in-place keywords only, or None. Such a loop deeper than the page's first level
    (``properties/a/properties/b`` naming itself) is reached only by pages that have
    that value, which the trial pages below do not: found here without running it."""
    where = {id(obj): at for at, obj, _ in objects}

    def nexts(obj: dict[str, Any]) -> list[Any]:
        out = list(targets.get(id(obj), ()))
        out += [obj[k] for k in _IN_PLACE_ONE if isinstance(obj.get(k), dict)]
        for k in _IN_PLACE_MANY:
            if isinstance(obj.get(k), list):
                out += [x for x in obj[k] if isinstance(x, dict)]
        if isinstance(obj.get("dependentSchemas"), dict):
            out += [x for x in obj["dependentSchemas"].values() if isinstance(x, dict)]
        return out

    done: set[int] = set()
    for _, start, _ in objects:
        if id(start) in done:
            continue
        # iterative depth-first search: a schema may be deeper than the recursion limit
        on_path: set[int] = {id(start)}
        stack = [(start, iter(nexts(start)))]
        while stack:
            obj, it = stack[-1]
            nxt = next(it, None)
            if nxt is None:
                stack.pop()
                on_path.discard(id(obj))
                done.add(id(obj))
                continue
            if id(nxt) in on_path:
                return where.get(id(nxt), "") or "the schema's root"
            if id(nxt) not in done:
                on_path.add(id(nxt))
                stack.append((nxt, iter(nexts(nxt))))
    return None


def schema_problem(schema: dict[str, Any]) -> str | None:
    """Why a user's (already valid) schema cannot be used, or None."""
    from referencing import Registry
    from referencing.exceptions import Unresolvable
    from referencing.jsonschema import DRAFT202012

    from conditionlint.yamlrules import pattern_problem

    objects = list(_objects(schema))
    for at, obj, _ in objects:
        patterns = [(f"{at}/pattern", obj["pattern"])] \
            if isinstance(obj.get("pattern"), str) else []
        if isinstance(obj.get("patternProperties"), dict):
            patterns += [(f"{at}/patternProperties/{p}", p) for p in obj["patternProperties"]]
        for where, patrn in patterns:
            try:
                _re2(patrn)
            except Exception:  # noqa: BLE001 - re2 raises its own error type
                return (f"{where}: pattern {patrn!r} is not one the linear-time RE2 engine "
                        f"accepts (no look-arounds or back-references)")
            if pattern_problem(patrn) is not None:  # additionalProperties' own re.search
                return f"{where}: pattern {patrn!r} could take exponential time"
    root = DRAFT202012.create_resource(schema)
    resolver = Registry().with_resource(root.id() or "", root).resolver(
        base_uri=root.id() or "")
    targets: dict[int, list[Any]] = {}  # id(object) -> the objects its references name
    for at, obj, scope in objects:
        for key in ("$ref", "$dynamicRef"):
            ref = obj.get(key)
            if isinstance(ref, str):
                res = resolver
                for sub in scope:
                    res = res.in_subresource(DRAFT202012.create_resource(sub))
                try:
                    targets.setdefault(id(obj), []).append(res.lookup(ref).contents)
                except Unresolvable:
                    return f"{at}/{key}: {ref!r} does not resolve inside the schema " \
                           f"(references are never fetched)"
    loop = _in_place_loop(objects, targets)
    if loop is not None:
        return f"{loop}: its references go round in a loop (back to the same part of " \
               f"the page without descending into it)"
    # A loop of references that never descends into the page ({"$ref": "#"}) sends
    # every validation round for ever: try the page shapes most schemas see.
    names = sorted({k for _, obj, _ in objects if isinstance(obj.get("properties"), dict)
                    for k in obj["properties"]})
    trials: list[Any] = [{}] + [{n: v for n in names}
                                for v in (None, "", "x", 0, 1.5, True, [], {}, ["x"])]
    v = _re2_validator_class()(schema)
    for page in trials:
        try:
            for _ in v.iter_errors(page):
                pass
        except RecursionError:
            return "its references go round in a loop"
        except Exception as exc:  # noqa: BLE001 - any other failure to apply it
            return f"it cannot be applied to a page ({type(exc).__name__}: {exc})"
    return None


def errors(schema: dict[str, Any], instance: Any) -> list[Any]:
    """All errors, deepest first within a path, in a deterministic order."""
    errs = list(validator(schema).iter_errors(instance))
    return sorted(errs, key=lambda e: ([str(p) for p in e.absolute_path], e.validator,
                                       e.message))


def first_error(schema: dict[str, Any], instance: Any) -> Any | None:
    """The first error; for "not valid under any of the given schemas" (``oneOf``,
    ``anyOf`` without an ``x-message`` of their own), the error of the alternative the
    value came closest to, which names the key or the allowed values."""
    errs = errors(schema, instance)
    if not errs:
        return None
    err = errs[0]
    while err.validator in ("oneOf", "anyOf") and err.context and \
            not err.schema.get("x-message"):
        err = _closest(err)
    return err


def _closest(err: Any) -> Any:
    """Of a oneOf/anyOf error's sub-errors, those of the first alternative whose type
    the value has ({"severity": "warnin"} is a mapping: the mapping's error, not the
    list of shorthands), deepest first; the first sub-error when none fits."""
    alternatives = err.validator_value
    by_alt: dict[int, list[Any]] = {}
    for sub in err.context:
        by_alt.setdefault(sub.relative_schema_path[0], []).append(sub)
    for i in sorted(by_alt):
        alt = alternatives[i] if isinstance(alternatives, list) and i < len(alternatives) \
            else {}
        if _fits(alt, err.instance):
            return sorted(by_alt[i], key=lambda e: (-len(e.absolute_path),
                                                   [str(p) for p in e.absolute_path],
                                                   e.validator, e.message))[0]
    return err.context[0]


def _fits(alt: Any, value: Any) -> bool:
    """Whether ``value`` has the JSON type ``alt`` asks for (its ``type``, or the types
    of its ``enum`` values); True when it says neither."""
    if not isinstance(alt, dict):
        return True
    kinds = {bool: "boolean", int: "integer", float: "number", str: "string",
             list: "array", dict: "object", type(None): "null"}
    kind = kinds.get(type(value))
    if "type" in alt:
        wanted = alt["type"] if isinstance(alt["type"], list) else [alt["type"]]
        return kind in wanted or (kind == "integer" and "number" in wanted)
    if "enum" in alt:
        return any(kinds.get(type(v)) == kind for v in alt["enum"])
    return True


def path_text(path: Any) -> str:
    out = ""
    for p in path:
        out += f"[{p}]" if isinstance(p, int) else (f".{p}" if out else str(p))
    return out


def yaml_text(value: Any) -> str:
    """A value as a YAML (and JSON) file spells it: false, true, null, not Python's
    False, True, None; text quoted."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (list, dict)):
        import json

        return json.dumps(value, ensure_ascii=False, default=str)
    import datetime as _dt

    if isinstance(value, (_dt.date, _dt.time)):
        # a TOML or YAML date or time, as the file wrote it (audit22 #11: it was
        # "datetime.datetime(1979, 5, 27, 7, 32, tzinfo=datetime.timezone.utc)")
        return value.isoformat().replace("+00:00", "Z")
    return repr(value)


def yaml_note(value: Any, text_wanted: bool = True) -> str:
    """Why a value a config or page meant as text is not: YAML 1.1 reads an unquoted
    no/off (yes/on) as false (true), and an empty value as null (``text_wanted``: the
    place takes text, where a quoted word is what was meant)."""
    if isinstance(value, bool) and text_wanted:
        words = "yes, on and true" if value else "no, off and false"
        return (f" (YAML reads an unquoted {words} as {yaml_text(value)}: quote a word "
                f"meant as text, as in 'off')")
    if value is None:
        return " (an empty value is null in YAML)"
    return ""


def allowed_text(values: Any) -> str:
    """The values an ``enum`` allows, in YAML spellings; false and true left out when
    'off' and 'on' stand for them (the YAML words that read as them)."""
    if not isinstance(values, list):
        return yaml_text(values)
    words = {v for v in values if isinstance(v, str)}
    shown = [v for v in values if not (v is False and "off" in words)
             and not (v is True and "on" in words)]
    return ", ".join(yaml_text(v) for v in shown)


def plain_message(err: Any) -> str:
    """A jsonschema error in plain words, led by the key it concerns."""
    where = path_text(err.absolute_path)
    v = err.validator
    inst = err.instance
    if v == "format":
        what = _FORMAT_WORDS.get(err.validator_value, f"a valid {err.validator_value}")
        msg = f"{yaml_text(inst)} is not {what}"
    elif v == "additionalProperties":
        extra = sorted(set(inst) - set(err.schema.get("properties", {}))) \
            if isinstance(inst, dict) else []
        names = ", ".join(repr(k) for k in extra)
        return f"unknown key {names}" + (f" in {where}" if where else "")
    elif v == "required":
        missing = err.message.split("'")[1] if "'" in err.message else err.message
        return f"missing required key '{missing}'" + (f" in {where}" if where else "")
    elif v == "enum":
        texts = isinstance(err.validator_value, list) and any(
            isinstance(x, str) for x in err.validator_value)
        msg = f"{yaml_text(inst)} is not one of {allowed_text(err.validator_value)}" + \
            yaml_note(inst, texts)
    elif v == "type" and whole_number_hint(err):
        msg = f"{yaml_text(inst)} {whole_number_hint(err)}"
    elif v == "type":
        want = err.validator_value
        texts = "string" in (want if isinstance(want, list) else [want])
        want = " or ".join(want) if isinstance(want, list) else want
        msg = f"{yaml_text(inst)} should be {_article(want)} {want}" + \
            yaml_note(inst, texts)
    elif v == "anyOf" and err.schema.get("x-message"):
        msg = err.schema["x-message"]
    elif err.schema.get("x-message"):
        msg = err.schema["x-message"]
    else:
        msg = err.message
    return f"{where}: {msg}" if where else msg


def _article(word: str) -> str:
    return "an" if word[:1] in "aeiou" else "a"
