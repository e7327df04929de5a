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

        if key not in SHIPPED_SCHEMAS:  # ours are checked by the test suite
            Draft202012Validator.check_schema(schema)
        v = Draft202012Validator(schema, format_checker=FormatChecker())
        _validators[key] = (schema, v)  # keep the schema alive so its id stays unique
        return v
    return v[1]


def errors(schema: dict[str, Any], instance: Any) -> list[Any]:
    """All errors, deepest first within a path, in a deterministic order."""
    errs = list(validator(schema).iter_errors(instance))
    return sorted(errs, key=lambda e: ([str(p) for p in e.absolute_path], e.validator,
                                       e.message))


def first_error(schema: dict[str, Any], instance: Any) -> Any | None:
    errs = errors(schema, instance)
    return errs[0] if errs else None


def path_text(path: Any) -> str:
    out = ""
    for p in path:
        out += f"[{p}]" if isinstance(p, int) else (f".{p}" if out else str(p))
    return out


def plain_message(err: Any) -> str:
    """A jsonschema error in plain words, led by the key it concerns."""
    where = path_text(err.absolute_path)
    v = err.validator
    inst = err.instance
    if v == "format":
        what = _FORMAT_WORDS.get(err.validator_value, f"a valid {err.validator_value}")
        msg = f"{inst!r} is not {what}"
    elif v == "additionalProperties":
        extra = sorted(set(inst) - set(err.schema.get("properties", {}))) \
            if isinstance(inst, dict) else []
        names = ", ".join(repr(k) for k in extra)
        return f"unknown key {names}" + (f" in {where}" if where else "")
    elif v == "required":
        missing = err.message.split("'")[1] if "'" in err.message else err.message
        return f"missing required key '{missing}'" + (f" in {where}" if where else "")
    elif v == "enum":
        allowed = ", ".join(repr(x) for x in err.validator_value)
        msg = f"{inst!r} is not one of {allowed}"
    elif v == "type":
        want = err.validator_value
        want = " or ".join(want) if isinstance(want, list) else want
        msg = f"{inst!r} should be {_article(want)} {want}"
    elif v == "anyOf" and err.schema.get("x-message"):
        msg = err.schema["x-message"]
    elif err.schema.get("x-message"):
        msg = err.schema["x-message"]
    else:
        msg = err.message
    return f"{where}: {msg}" if where else msg


def _article(word: str) -> str:
    return "an" if word[:1] in "aeiou" else "a"
