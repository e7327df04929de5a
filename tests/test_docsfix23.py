"""What README.md and docs/ say, pinned where a cheap check can keep it true (the docs23
review).

- the options table names every option of ``check --help``, long and short forms;
- the ``--watch`` row quotes the usage error ``--watch --show-config`` gives;
- the README names every config key and the three config file names in the order they
  are looked for; docs/configuration.md names every key of an ``overrides`` entry;
- ``max-file-size``'s default is 10 MiB, and the docs say MiB;
- the full format's summary lines are the ones the README shows;
- CL406's summary names URLs, which it reports;
- ``benchmarks/safety_accuracy.py FOLDER`` runs on the blind sets and prints the
  README's CL501-CL503 figures;
- docs/architecture.md's module table names every module;
- the README's plugin example, installed as an entry point, is a working rule;
- every ``rev: v0.1.0`` example says no release tag is published yet.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys

import pytest

from conditionlint import config as config_module
from tests.conftest import ROOT, TODAY, run_cli

README = (ROOT / "README.md").read_text("utf-8")
CONFIGURATION = (ROOT / "docs" / "configuration.md").read_text("utf-8")


def _section(text: str, heading: str) -> str:
    """From ``heading`` to the next heading of level 1-3 (not a comment in a fence)."""
    lines = text[text.index(heading):].splitlines(keepends=True)
    out, fenced = [lines[0]], False
    for line in lines[1:]:
        fenced ^= line.startswith("```")
        if not fenced and re.match(r"#{1,3} ", line):
            break
        out.append(line)
    return "".join(out)


def test_options_table_names_every_check_option_long_and_short():
    import click

    from conditionlint.cli import main

    command = main.commands["check"]
    table = _section(README, "Options of `check`:")
    rows = [line for line in table.splitlines() if line.startswith("| `")]
    firsts = " ".join(line.split(" | ")[0] for line in rows)
    named = set(re.findall(r"(?<![\w-])(--?[a-z][a-z-]*)", firsts))
    for param in command.params:
        if not isinstance(param, click.Option) or param.name == "help":
            continue
        for opt in param.opts + param.secondary_opts:
            assert opt in named, f"{opt} is not in README's options table"


def test_watch_row_quotes_the_show_config_usage_error(tmp_path):
    (tmp_path / "p.md").write_text("# Gout\n\nA form of arthritis.\n", "utf-8")
    r = run_cli("check", "--watch", "--show-config", "p.md", cwd=tmp_path)
    assert (r.returncode, r.stdout) == (2, b"")
    message = r.stderr.decode().strip().removeprefix("conditionlint: error: ")
    row = next(line for line in README.splitlines() if line.startswith("| `--watch` |"))
    assert f'`--show-config` (a usage error: "{message}")' in row


def test_readme_names_every_config_key_and_the_config_files_in_order():
    schema = json.loads((ROOT / "schemas" / "config.schema.json").read_text("utf-8"))
    configuration = _section(README, "## Configuration")
    for key in schema["properties"]:
        assert f"`{key}`" in configuration, key
    names = config_module.CONFIG_NAMES
    assert names == (".conditionlint.yaml", ".conditionlint.yml", "pyproject.toml")
    positions = [configuration.index(f"`{n}`") for n in names]
    assert positions == sorted(positions)
    assert "in that order" in configuration


def test_configuration_md_names_every_key_of_an_overrides_entry(tmp_path):
    schema = json.loads((ROOT / "schemas" / "config.schema.json").read_text("utf-8"))
    entry = schema["properties"]["overrides"]["items"]["properties"]
    assert set(entry) == {"files", "select", "ignore", "rules"}
    section = _section(CONFIGURATION, "## `overrides`")
    for key in entry:
        assert f"`{key}`" in section, key
    assert "`select`" in _section(README, "## Configuration").split("An `overrides` entry")[1]
    # and what it says of overrides[].select, and of --select over it, holds
    (tmp_path / ".conditionlint.yaml").write_text(
        'overrides:\n  - files: ["blog/**"]\n    select: [CL1]\n    ignore: [CL103]\n', "utf-8")
    (tmp_path / "blog").mkdir()
    page = "# Gout\n\n## Overview\n\n## Symptoms\n\ny\n"
    (tmp_path / "blog" / "a.md").write_text(page, "utf-8")
    r = run_cli("check", "--no-cache", "--output-format", "json", "blog/a.md", cwd=tmp_path)
    found = {f["code"] for f in json.loads(r.stdout)["findings"]}
    assert found == {"CL101", "CL102"}
    r = run_cli("check", "--no-cache", "--output-format", "json", "--select", "CL103,CL5",
                "blog/a.md", cwd=tmp_path)
    assert {f["code"] for f in json.loads(r.stdout)["findings"]} == {"CL501", "CL503"}


def test_max_file_size_default_is_said_in_mib():
    assert config_module.DEFAULT_MAX_FILE_SIZE == 10 * 2**20
    schema = json.loads((ROOT / "schemas" / "config.schema.json").read_text("utf-8"))
    said = [schema["properties"]["max-file-size"]["description"],
            (ROOT / "docs" / "rules" / "CL903.md").read_text("utf-8"),
            _section(README, "## Configuration")]
    for text in said:
        assert "10 MiB" in text
        assert not re.search(r"10\s*MB\b", text)


def test_full_summary_lines_are_the_ones_the_readme_shows(tmp_path):
    formats = _section(README, "## Output formats")
    m = re.search(r"then `(Found N problems \(E errors, W warnings\) in F files; K fixable "
                  r"\(C files checked\)\.)`", formats)
    assert m, "README lost the full format's summary line"
    found = re.compile(r"Found \d+ problems? \(\d+ errors?, \d+ warnings?(?:, \d+ info)?\) in "
                       r"\d+ files?; \d+ fixable \(\d+ files? checked\)\.")
    assert "`, I info` after the warnings" in formats
    assert "`All checks passed (C files checked).`" in formats
    assert "` Fixed M problems.`" in formats
    r = run_cli("check", "--no-cache", "--today", TODAY, "examples", cwd=ROOT)
    assert found.fullmatch(r.stdout.decode().splitlines()[-1])
    r = run_cli("check", "--no-cache", "--today", "2029-01-01", "--fail-on", "info",
                "examples/good", cwd=ROOT)
    last = r.stdout.decode().splitlines()[-1]
    assert ", 1 info)" in last and found.fullmatch(last)
    r = run_cli("check", "--no-cache", "--today", TODAY, "examples/good", cwd=ROOT)
    assert r.stdout.decode().splitlines()[-1] == "All checks passed (1 file checked)."


def test_cl406_summary_names_urls_which_it_reports(tmp_path):
    (tmp_path / "p.md").write_text(
        '---\ntitle: Gout\nevidence:\n  - url: "htp:/not a url"\n---\n# Gout\n\nText.\n',
        "utf-8")
    r = run_cli("check", "--no-cache", "--select", "CL406", "--output-format", "concise",
                "p.md", cwd=tmp_path)
    assert "CL406 [error] evidence[0]: URL 'htp:/not a url' is not an absolute http(s) " \
           "address" in r.stdout.decode()
    listed = run_cli("rules", cwd=tmp_path).stdout.decode()
    line = next(x for x in listed.splitlines() if x.startswith("CL406"))
    assert line.rstrip().endswith("A DOI, PMID, PMCID, NCT number, ISBN or URL is malformed.")


def _safety_rows() -> dict[str, tuple[str, str, str, str]]:
    rows = {}
    for n, folder in (("1", "blind"), ("2", "blind2"), ("3", "blind3")):
        line = next(x for x in README.splitlines() if x.startswith(f"| blind set {n} "))
        present, state, urgent = [c.strip() for c in line.strip("|").split("|")[1:]]
        rows[folder] = (present, state, urgent)
    return rows


@pytest.mark.parametrize("folder", ["blind", "blind2", "blind3"])
def test_safety_accuracy_runs_on_the_blind_sets_and_prints_the_readmes_figures(folder):
    r = subprocess.run([sys.executable, "benchmarks/safety_accuracy.py",
                        f"tests/corpus/{folder}"], cwd=ROOT, capture_output=True,
                       timeout=300)
    assert r.returncode == 0, r.stderr.decode()
    out = r.stdout.decode()
    assert f"tests/corpus/{folder}/safety-labels.yaml" in out

    def got(label: str) -> tuple[str, str]:
        m = re.search(re.escape(label) + r"\s+(\d+/\d+) \(\d+%\)\s+(\d+/\d+)", out)
        assert m, label
        return m.group(1), m.group(2)

    present, state, urgent = _safety_rows()[folder]
    now = lambda cell: cell.split("now ")[-1]  # noqa: E731 - the current tree's figure
    p, p_base = got("disclaimer present (CL501)")
    assert re.match(rf"{p} \((?:headings only: )?{p_base}\)", now(present)), present
    s, _ = got("disclaimer none/partial/complete (CL501/2)")
    assert now(state) == s
    u, u_base = got("urgent-care advice (CL503)")
    assert now(urgent) == f"{u} ({u_base})", urgent


def test_architecture_names_every_module():
    text = (ROOT / "docs" / "architecture.md").read_text("utf-8")
    table = _section(text, "## Modules")
    for path in sorted((ROOT / "src" / "conditionlint").glob("*.py")):
        if path.name not in ("__init__.py", "__main__.py"):
            assert f"`{path.name}`" in table, path.name


def test_readme_plugin_example_is_a_working_rule(tmp_path):
    plugins = _section(README, "## Plugins")
    m = re.search(r"```python\n(.*?)```", plugins, re.S)
    assert m, "README's Plugins section lost its example"
    code = m.group(1)
    ep = re.search(r'\[project\.entry-points\."conditionlint\.rules"\] (\w+) = "(\w+)"', code)
    assert ep
    site = tmp_path / "site"
    (site / ep.group(2)).mkdir(parents=True)
    (site / ep.group(2) / "__init__.py").write_text(code, "utf-8")
    info = site / f"{ep.group(2)}-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {ep.group(2)}\nVersion: 1.0\n")
    (info / "entry_points.txt").write_text(
        f"[conditionlint.rules]\n{ep.group(1)} = {ep.group(2)}\n")
    env = {"PYTHONPATH": os.pathsep.join([str(site), os.environ.get("PYTHONPATH", "")])}
    (tmp_path / "p.md").write_text("# Gout\n\nA miracle cure.\n", "utf-8")
    r = run_cli("check", "--no-cache", "--select", "HR101", "--output-format", "concise",
                "p.md", cwd=tmp_path, env=env)
    assert r.stdout.decode().splitlines()[0] == \
        "p.md:3:3: HR101 [warning] 'miracle' promises too much"
    doc = run_cli("rule", "HR101", cwd=tmp_path, env=env).stdout.decode()
    assert "'Miracle' promises too much: say what the treatment does." in doc
    assert "conditionlint rule HR101" in plugins


def test_every_rev_example_says_no_tag_is_published():
    for name in ("README.md", "docs/ci.md", ".pre-commit-hooks.yaml"):
        lines = [x for x in (ROOT / name).read_text("utf-8").splitlines()
                 if "rev: v0.1.0" in x]
        assert lines, name
        for line in lines:
            assert "none is published yet" in line, (name, line)
