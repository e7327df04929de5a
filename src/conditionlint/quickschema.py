"""A quick "surely valid" test for JSON Schema, so a valid page does not import jsonschema.

Importing jsonschema (with referencing, attrs, rpds) costs more than checking a page
does. Most pages pass CL203, and for a simple schema that is easy to see: this module
answers True only when the instance surely satisfies the schema under Draft 2020-12
with format checking, as ``jsonschema.Draft202012Validator(schema,
format_checker=FormatChecker())`` would. Any keyword it does not know, any value it is
not sure about (a float where an integer is wanted, a non-string enum...), and any
failure make it answer False, and the caller runs jsonschema for the real errors and
their messages. So it can only save time; it never decides an error.
"""

from __future__ import annotations

import re
from typing import Any

# Keywords with no effect on validity.
_ANNOTATIONS = frozenset({"$schema", "$id", "$comment", "$defs", "definitions", "title",
                          "description", "default", "examples", "deprecated", "readOnly",
                          "writeOnly", "$anchor"})
_DATE = None  # compiled on first use


def surely_valid(schema: Any, instance: Any) -> bool:
    try:
        return _valid(schema, instance, schema, 0)
    except Exception:  # noqa: BLE001 - not sure: let jsonschema decide
        return False


def _valid(schema: Any, inst: Any, root: dict[str, Any], depth: int) -> bool:
    if schema is True:
        return True
    if not isinstance(schema, dict) or depth > 32:
        return False
    for kw, value in schema.items():
        if kw in _ANNOTATIONS or kw.startswith("x-"):
            continue
        check = _KEYWORDS.get(kw)
        if check is None or not check(value, inst, schema, root, depth):
            return False
    return True


def _is_int(x: Any) -> bool:
    return type(x) is int  # bool is not; a float like 2.0 is left to jsonschema


_TYPES = {
    "string": lambda x: type(x) is str,
    "integer": _is_int,
    "number": _is_int,  # floats (nan, inf...) are left to jsonschema
    "boolean": lambda x: type(x) is bool,
    "array": lambda x: type(x) is list,
    "object": lambda x: type(x) is dict,
    "null": lambda x: x is None,
}


def _type(value: Any, inst: Any, *_: Any) -> bool:
    names = [value] if isinstance(value, str) else value
    if not isinstance(names, list) or not names:
        return False
    return any(n in _TYPES and _TYPES[n](inst) for n in names)


def _enum(value: Any, inst: Any, *_: Any) -> bool:
    # Strings only: jsonschema's equality of True/1, 1/1.0 and nested values is its own.
    return type(inst) is str and isinstance(value, list) and \
        any(type(v) is str and v == inst for v in value)


def _const(value: Any, inst: Any, *_: Any) -> bool:
    return type(inst) is str and type(value) is str and value == inst


def _min_length(value: Any, inst: Any, *_: Any) -> bool:
    return _is_int(value) and (type(inst) is not str or len(inst) >= value)


def _max_length(value: Any, inst: Any, *_: Any) -> bool:
    return _is_int(value) and (type(inst) is not str or len(inst) <= value)


def _minimum(value: Any, inst: Any, *_: Any) -> bool:
    if not _is_int(value):
        return False
    if type(inst) in (str, bool, list, dict) or inst is None:
        return True  # applies to numbers only
    return _is_int(inst) and inst >= value


def _maximum(value: Any, inst: Any, *_: Any) -> bool:
    if not _is_int(value):
        return False
    if type(inst) in (str, bool, list, dict) or inst is None:
        return True
    return _is_int(inst) and inst <= value


def _min_items(value: Any, inst: Any, *_: Any) -> bool:
    return _is_int(value) and (type(inst) is not list or len(inst) >= value)


def _max_items(value: Any, inst: Any, *_: Any) -> bool:
    return _is_int(value) and (type(inst) is not list or len(inst) <= value)


def _items(value: Any, inst: Any, schema: dict[str, Any], root: dict[str, Any],
           depth: int) -> bool:
    if "prefixItems" in schema:
        return False
    if type(inst) is not list:
        return type(inst) in (str, int, bool, dict) or inst is None
    return all(_valid(value, x, root, depth + 1) for x in inst)


def _properties(value: Any, inst: Any, schema: dict[str, Any], root: dict[str, Any],
                depth: int) -> bool:
    if not isinstance(value, dict):
        return False
    if type(inst) is not dict:
        return type(inst) in (str, int, bool, list) or inst is None
    return all(_valid(value[k], v, root, depth + 1) for k, v in inst.items() if k in value)


def _required(value: Any, inst: Any, *_: Any) -> bool:
    if not isinstance(value, list):
        return False
    return type(inst) is not dict or all(k in inst for k in value)


def _additional(value: Any, inst: Any, schema: dict[str, Any], *_: Any) -> bool:
    if value is True:
        return True
    if value is False and "patternProperties" not in schema:
        if type(inst) is not dict:
            return True
        known = schema.get("properties", {})
        return isinstance(known, dict) and all(k in known for k in inst)
    return False


def _any_of(value: Any, inst: Any, schema: dict[str, Any], root: dict[str, Any],
            depth: int) -> bool:
    return isinstance(value, list) and any(_valid(s, inst, root, depth + 1) for s in value)


def _all_of(value: Any, inst: Any, schema: dict[str, Any], root: dict[str, Any],
            depth: int) -> bool:
    return isinstance(value, list) and all(_valid(s, inst, root, depth + 1) for s in value)


def _ref(value: Any, inst: Any, schema: dict[str, Any], root: dict[str, Any],
         depth: int) -> bool:
    if not isinstance(value, str) or not value.startswith("#/"):
        return False
    if "$id" in schema and schema is not root:
        return False  # a new base URI: leave it to jsonschema
    target: Any = root
    for part in value[2:].split("/"):
        if "~" in part or "%" in part or not isinstance(target, dict) or part not in target:
            return False
        target = target[part]
    return _valid(target, inst, root, depth + 1)


def _format(value: Any, inst: Any, *_: Any) -> bool:
    global _DATE
    if type(inst) is not str:
        return type(inst) in (int, bool, list, dict) or inst is None
    if value != "date":
        return False
    if _DATE is None:
        _DATE = re.compile(r"\d{4}-\d{2}-\d{2}", re.ASCII)
    if not _DATE.fullmatch(inst):
        return False
    import datetime

    try:
        datetime.date.fromisoformat(inst)
    except ValueError:
        return False
    return True


_KEYWORDS = {
    "type": _type, "enum": _enum, "const": _const,
    "minLength": _min_length, "maxLength": _max_length,
    "minimum": _minimum, "maximum": _maximum,
    "minItems": _min_items, "maxItems": _max_items, "items": _items,
    "properties": _properties, "required": _required,
    "additionalProperties": _additional,
    "anyOf": _any_of, "allOf": _all_of, "$ref": _ref, "format": _format,
}
