"""docs/format.md is the page-format contract: its generated tables must match the
shipped schema and section lexicon. Regenerate with: python -m tests.test_meta_format_doc
"""

from __future__ import annotations

import re
from typing import Any

from conditionlint.resources import schema
from conditionlint.yamlrules import lexicon
from tests.conftest import ROOT

DOC = ROOT / "docs" / "format.md"
_WORDS = {"string": "text", "integer": "a whole number", "number": "a number",
          "boolean": "true or false", "array": "a list", "object": "a mapping"}


def _type(spec: dict[str, Any], defs: dict[str, Any]) -> str:
    if "$ref" in spec:
        name = spec["$ref"].rsplit("/", 1)[-1]
        if name == "evidence":
            return "evidence entry"
        return _type(defs[name], defs)
    if "enum" in spec:
        return "one of " + ", ".join(f"`{v}`" for v in spec["enum"])
    if spec.get("format") == "date":
        return "date (YYYY-MM-DD)"
    if "anyOf" in spec:
        kinds = [_type(s, defs) for s in spec["anyOf"]]
        return ", or ".join(kinds)
    t = spec.get("type")
    if t == "array":
        inner = _type(spec.get("items", {}), defs)
        if inner == "text":
            return "a list of texts"
        return "list of " + (inner[:-1] + "ies" if inner.endswith("y") else inner + "s")
    if isinstance(t, list):
        return " or ".join(_WORDS.get(x, x) for x in t)
    return _WORDS.get(t, str(t))


def _table(props: dict[str, Any], required: list[str], defs: dict[str, Any]) -> str:
    rows = ["| key | type | meaning |", "| --- | --- | --- |"]
    for key, spec in props.items():
        name = f"`{key}`" + (" (required)" if key in required else "")
        rows.append(f"| {name} | {_type(spec, defs)} | {spec.get('description', '')} |")
    return "\n".join(rows)


def generated() -> dict[str, str]:
    s = schema("condition-page")
    defs = s["$defs"]
    ev = defs["evidence"]
    secs = lexicon("sections")["sections"]
    rows = ["| section | headings that name it |", "| --- | --- |"]
    for kind, spec in secs.items():
        heads = ", ".join(h.replace("*", "\\*") for h in spec["headings"])
        rows.append(f"| {spec['title']} (`{kind}`) | {heads} |")
    return {
        "front-matter-table": _table(s["properties"], s.get("required", []), defs),
        "evidence-table": _table(ev["properties"], ev.get("required", []), defs),
        "sections-table": "\n".join(rows),
    }


def _block(name: str) -> re.Pattern[str]:
    return re.compile(r"(<!-- generated: %s -->\n)(.*?)(\n<!-- end: %s -->)"
                      % (re.escape(name), re.escape(name)), re.S)


def test_generated_parts_are_up_to_date():
    text = DOC.read_text(encoding="utf-8")
    for name, want in generated().items():
        m = _block(name).search(text)
        assert m, f"docs/format.md lost the '{name}' markers"
        assert m.group(2) == want, \
            f"docs/format.md '{name}' is stale: run python -m tests.test_meta_format_doc"


def test_every_schema_key_is_documented():
    text = DOC.read_text(encoding="utf-8")
    s = schema("condition-page")
    for key in list(s["properties"]) + list(s["$defs"]["evidence"]["properties"]):
        assert f"| `{key}`" in text


def test_page_types_match_section_profiles():
    enum = schema("condition-page")["properties"]["type"]["enum"]
    assert sorted(enum) == sorted(lexicon("sections")["profiles"])


def main() -> None:
    text = DOC.read_text(encoding="utf-8")
    for name, want in generated().items():
        text = _block(name).sub(lambda m: m.group(1) + want + m.group(3), text)
    DOC.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
