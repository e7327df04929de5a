"""Rule documentation: rendering a rule's page and reading its examples.

A rule's docstring is its documentation. ``## Fails`` / ``## Passes`` sections hold
fenced ``markdown`` examples that the test suite runs, and ``docs/rules/`` is
generated from these pages (``python -m conditionlint.ruledocs docs/rules``).
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

from conditionlint.registry import Registry, Rule

_SECTION = re.compile(r"^## +(.+?)\s*$", re.M)
_FENCE = re.compile(r"^(`{3,}|~{3,})markdown[^\n]*\n(.*?)^\1\s*$", re.M | re.S)


def sections(doc: str) -> dict[str, str]:
    """Docstring sections by heading (the text before the first is "What").
    Headings inside fenced examples are example content, not sections."""
    out: dict[str, str] = {}
    name = "What"
    buf: list[str] = []
    fence = ""
    for line in doc.split("\n"):
        stripped = line.strip()
        if fence:
            if stripped.startswith(fence) and not stripped.strip(fence[0]):
                fence = ""
        elif stripped.startswith(("```", "~~~")):
            fence = stripped[:len(stripped) - len(stripped.lstrip(stripped[0]))]
        elif _SECTION.match(line):
            out[name] = "\n".join(buf).strip()
            name, buf = _SECTION.match(line).group(1), []  # type: ignore[union-attr]
            continue
        buf.append(line)
    out[name] = "\n".join(buf).strip()
    return out


def examples(r: Rule) -> tuple[list[str], list[str]]:
    s = sections(r.doc)
    fails = [m.group(2) for m in _FENCE.finditer(s.get("Fails", ""))]
    passes = [m.group(2) for m in _FENCE.finditer(s.get("Passes", ""))]
    return fails, passes


def options_table(r: Rule) -> str:
    props = r.options.get("properties", {})
    if not props:
        return "This rule has no options."
    rows = ["| option | type | default | meaning |", "| --- | --- | --- | --- |"]
    for name in sorted(props):
        p = props[name]
        typ = p.get("type", "enum" if "enum" in p else "")
        if isinstance(typ, list):
            typ = " or ".join(typ)
        default = json.dumps(p.get("default"), ensure_ascii=False) if "default" in p else ""
        desc = p.get("description", "").replace("\n", " ").replace("|", "\\|")
        rows.append(f"| `{name}` | {typ} | `{default}` | {desc} |")
    return "\n".join(rows)


def render_rule_doc(r: Rule) -> str:
    s = sections(r.doc)
    head = [f"# {r.code} {r.name}", "",
            f"**{r.summary}**", "",
            f"- Default severity: {r.severity}",
            f"- Fixable: {'yes' if r.fixable else 'no'}",
            f"- Origin: {r.origin}",
            "", s.get("What", ""), ""]
    body = []
    for name, text in s.items():
        if name == "What":
            continue
        if name == "Options":
            text = (text + "\n\n" if text else "") + options_table(r)
        body.append(f"## {name}\n\n{text}\n")
    if "Options" not in s and r.options.get("properties"):
        body.insert(1 if body else 0, f"## Options\n\n{options_table(r)}\n")
    return "\n".join(head) + "\n" + "\n".join(body)


def starter_config(registry: Registry) -> str:
    """The file ``conditionlint init`` writes: every setting of the config schema and
    every rule with its default, all commented out, so that the file sets nothing the
    user has not chosen (uncommenting ``extend:`` keeps every setting of the base: a
    template that set each rule's default severity and options used to override the
    base's, CL204's 'off' and CL101's sections included). A test compares the settings
    listed with the schema's keys."""
    lines = [
        "# conditionlint configuration. Every setting of schemas/config.schema.json and",
        "# every rule is listed with its default (or an example where there is none),",
        "# commented out: uncomment what you change ('rules:' too), keep the rest as it",
        "# is. Set a severity (error | warning | info), 'off' or 'on', or give options",
        "# (see `conditionlint rule CODE`).",
        "",
        "# Start from another config file (its settings, then these on top).",
        "# extend: ../.conditionlint.yaml",
        "",
        "# Rules to run (codes, names, or prefixes such as CL4): built-in, plugin and",
        "# rule-paths rules alike. Default: all.",
        "# select: [ALL]",
        "# Rules added to that selection (a plugin or rule-paths rule on top of a select).",
        "# extend-select: []",
        "# ignore: []",
        "",
        "# Lowest severity that fails the run (exit code 1): error | warning | info",
        "# fail-on: error",
        "",
        "# Files and folders not to check (globs relative to this file).",
        "# exclude: []",
        "",
        "# Files larger than this many bytes are not read (CL903). Default 10 MiB.",
        "# max-file-size: 10485760",
        "",
        "# Your own front-matter JSON Schema (relative to this file): it replaces the",
        "# shipped one, or with 'schema-mode: extend' pages must satisfy both.",
        "# schema: page.schema.json",
        "# schema-mode: replace",
        "",
        "# The content cache (.conditionlint_cache/); false turns it off for the pages",
        "# this config applies to, as --no-cache does.",
        "# cache: true",
        "",
        "# Follow symbolic links that lead outside the checked folder.",
        "# follow-external-symlinks: false",
        "",
        "# Your own YAML rule files or folders.",
        "# rule-paths: [conditionlint-rules/]",
        "",
        "# rules:",
    ]
    for r in registry.sorted():
        lines.append(f"#   # {r.summary}")
        opts = r.defaults()
        if opts:
            lines.append(f"#   {r.code}:  # {r.name}")
            lines.append(f"#     severity: {r.severity}")
            lines.append("#     options:")
            for k in sorted(opts):
                lines.append(f"#       {k}: {json.dumps(opts[k], ensure_ascii=False)}")
        else:
            lines.append(f"#   {r.code}: {r.severity}  # {r.name}")
    lines += ["", "# Settings for some paths only:", "# overrides:",
              "#   - files: [\"content/blog/**\"]", "#     rules:", "#       CL102: off", ""]
    return "\n".join(lines)


def write_docs(folder: Path, registry: Registry) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    index = ["# Rules", "",
             "Each page's Fails examples trigger its rule and its Passes examples do not "
             "(tests/test_rule_docs.py runs them). The examples are kept short, so they may "
             "also trigger the completeness rules a real page would satisfy (CL201, CL205, "
             "CL404, CL405, CL501, CL503...), but never a front-matter error (CL202, CL203, "
             "CL206) that is not the rule documented.", "",
             "| code | name | severity | fixable | summary |",
             "| --- | --- | --- | --- | --- |"]
    for r in registry.sorted():
        if r.origin != "builtin":
            continue
        page = folder / f"{r.code}.md"
        page.write_text(render_rule_doc(r), encoding="utf-8")
        written.append(page)
        index.append(f"| [{r.code}]({r.code}.md) | {r.name} | {r.severity} | "
                     f"{'yes' if r.fixable else ''} | {r.summary} |")
    (folder / "README.md").write_text("\n".join(index) + "\n", encoding="utf-8")
    written.append(folder / "README.md")
    return written


if __name__ == "__main__":  # pragma: no cover
    from conditionlint.registry import build

    for p in write_docs(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/rules"),
                        build(plugins=False)):
        print(p)
