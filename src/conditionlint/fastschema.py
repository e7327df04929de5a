"""A fast "valid" answer for the shipped page schema, before jsonschema is imported.

CL203 reports every way the front matter breaks the page schema, with jsonschema's
errors (Draft 2020-12). Most pages are valid, and importing jsonschema (with
referencing, attrs and rpds) costs more than checking a page, which matters when
pre-commit or an editor checks one file. fastjsonschema compiles a JSON Schema into
plain Python; its code for the shipped ``condition-page`` schema is kept in
``_page_schema_code.py``, written by ``python -m conditionlint.fastschema`` (a test
checks that the file is current). fastjsonschema is needed to write that file, not to
run it: the code's import of its exception classes is replaced by local ones. When that code accepts the front matter, CL203 has
nothing to report; when it rejects it, or raises anything at all, jsonschema runs and
reports, so every message still comes from jsonschema.

fastjsonschema implements drafts 4, 6 and 7, not 2020-12. The shipped schema only uses
keywords that mean the same in both (``KEYWORDS``; ``$ref`` has nothing but a
description beside it), the generator refuses a schema that uses anything else, and the
tests compare both validators on the front matter of every page in the repository and on
thousands of generated variants. The one format, ``date``, is checked by
:func:`date_ok`, the same test as jsonschema's format checker. An "integer" is an int,
not a whole float (2018.0), for both: conditionlint's jsonschema validators say so
(``schemautil._whole_ints``), and :func:`generate` takes fastjsonschema's float
allowance out of the code it writes.
"""

from __future__ import annotations

import datetime as _dt
import re
from pathlib import Path
from typing import Any

# Keywords whose meaning is the same under Draft 7 (fastjsonschema) and Draft 2020-12.
KEYWORDS = frozenset({
    "type", "properties", "required", "enum", "items", "minItems", "maxItems",
    "minLength", "maxLength", "minimum", "maximum", "anyOf", "allOf", "oneOf",
    "additionalProperties", "format", "$ref", "$defs",
})
# Keywords with no effect on validity.
ANNOTATIONS = frozenset({
    "$schema", "$id", "$comment", "title", "description", "default", "examples",
})
FORMATS = frozenset({"date"})
CODE = Path(__file__).with_name("_page_schema_code.py")
_IMPORT = "from fastjsonschema import JsonSchemaValueException, JsonSchemaValuesException\n"
_LOCAL = ("class JsonSchemaValueException(ValueError):\n"
          "    def __init__(self, message, *args, **kwargs):\n"
          "        super().__init__(message)\n\n\n"
          "JsonSchemaValuesException = JsonSchemaValueException\n")
_WHOLE_FLOAT = re.compile(r"not \(isinstance\((\w+), float\) and \1\.is_integer\(\)\)")
_RE_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$", re.ASCII)


def date_ok(value: Any) -> bool:
    """jsonschema's ``date`` format check (``FormatChecker``, Draft 2020-12)."""
    if not isinstance(value, str):
        return True
    try:
        return bool(_RE_DATE.fullmatch(value) and _dt.date.fromisoformat(value))
    except ValueError:
        return False


_CUSTOM = {"date": date_ok}


def surely_valid(data: Any) -> bool:
    """True when the shipped page schema accepts ``data``; False means "ask jsonschema"
    (invalid, or anything the generated code did not expect)."""
    try:
        from conditionlint._page_schema_code import validate

        validate(data, _CUSTOM)
    except Exception:  # noqa: BLE001 - any doubt goes to jsonschema
        return False
    return True


def unsupported(schema: Any, where: str = "#") -> list[str]:
    """Where ``schema`` uses something the generated code may read differently from
    Draft 2020-12 (empty: nothing)."""
    out: list[str] = []
    if isinstance(schema, bool):
        return out
    if not isinstance(schema, dict):
        return [f"{where}: not a schema"]
    for kw, value in schema.items():
        at = f"{where}/{kw}"
        if kw in ANNOTATIONS or kw.startswith("x-"):
            continue
        if kw not in KEYWORDS:
            out.append(f"{at}: keyword not known to be read alike")
        elif kw == "$ref" and set(schema) - ANNOTATIONS - {"$ref"}:
            out.append(f"{where}: $ref beside other keywords (Draft 7 ignores them)")
        elif kw == "format" and value not in FORMATS:
            out.append(f"{at}: format {value!r}")
        elif kw in ("properties", "$defs"):
            for name, sub in value.items():
                out += unsupported(sub, f"{at}/{name}")
        elif kw in ("anyOf", "allOf", "oneOf"):
            for i, sub in enumerate(value):
                out += unsupported(sub, f"{at}/{i}")
        elif kw in ("items", "additionalProperties"):
            if isinstance(value, list):
                out.append(f"{at}: array form")
            else:
                out += unsupported(value, at)
    return out


def generate() -> str:
    """The source of ``_page_schema_code.py`` for the shipped schema."""
    import fastjsonschema

    from conditionlint.resources import schema

    page = schema("condition-page")
    problems = unsupported(page)
    if problems:
        raise SystemExit("condition-page.schema.json uses what the fast check cannot "
                         "read alike:\n  " + "\n  ".join(problems))
    code = fastjsonschema.compile_to_code(page, formats=dict(_CUSTOM),
                                          detailed_exceptions=False)
    root = re.search(r"^def (\w+)\(", code, re.M)
    if root is None or code.count(_IMPORT) != 1:
        raise SystemExit("fastjsonschema wrote code of another shape than expected")
    # The code's one tie to fastjsonschema is its exception classes; local ones do as
    # well (any exception means "ask jsonschema"), so running it imports nothing.
    code = code.replace(_IMPORT, _LOCAL)
    # fastjsonschema counts a whole float (2018.0) as an integer, as JSON Schema does;
    # conditionlint's validators do not (schemautil._whole_ints, audit23 #3), so the
    # fast check must not pass what jsonschema would report
    code = _WHOLE_FLOAT.sub("True", code)
    if "is_integer()" in code:
        raise SystemExit("fastjsonschema wrote integer checks of another shape than expected")
    return ("# Generated by `python -m conditionlint.fastschema` from\n"
            "# schemas/condition-page.schema.json with fastjsonschema: do not edit.\n"
            "# ruff: noqa\n" + code.rstrip("\n") + f"\n\n\nvalidate = {root.group(1)}\n")


def main(argv: list[str] | None = None) -> int:
    import sys

    argv = sys.argv[1:] if argv is None else argv
    text = generate()
    if "--check" in argv:
        same = CODE.is_file() and CODE.read_text(encoding="utf-8") == text
        print(f"{CODE.name} is", "up to date" if same else "OUT OF DATE")
        return 0 if same else 1
    CODE.write_text(text, encoding="utf-8")
    print(f"wrote {CODE}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
