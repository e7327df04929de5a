"""`conditionlint init`: a commented starter config that loads and lists every rule."""

from __future__ import annotations

import json
import re

import yaml

from conditionlint.api import default_registry
from conditionlint.config import ConfigFinder
from tests.conftest import run_cli


def test_init_writes_a_valid_config_listing_every_rule(tmp_path) -> None:
    r = run_cli("init", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    target = tmp_path / ".conditionlint.yaml"
    assert r.stderr.decode().strip() == "wrote .conditionlint.yaml"
    text = target.read_text("utf-8")
    registry = default_registry()
    # Everything is commented out: the file sets nothing the user has not chosen (under
    # a base, uncommenting `extend:` keeps the base's settings: tests/test_fix20.py).
    assert yaml.safe_load(text) is None
    # With its rules block uncommented, it loads through the real config loader (schema,
    # rule references, options) and gives every rule its default.
    lines = text.splitlines()
    start = lines.index("# rules:")
    end = lines.index("", start)
    text = "\n".join(ln[2:] for ln in lines[start:end]) + "\n"
    target.write_text(text, "utf-8")
    cfg = ConfigFinder(registry, target).for_path(tmp_path / "page.md")
    assert set(cfg.rules) == set(registry.rules)
    data = yaml.safe_load(text)
    listed = sorted(data["rules"])
    assert listed == sorted(registry.rules)
    for code, setting in data["rules"].items():
        r_ = registry.rules[code]
        sev = setting if isinstance(setting, str) else setting["severity"]
        assert sev == r_.severity, code
        if not isinstance(setting, str):
            assert setting["options"] == r_.defaults(), code
    # Commented: each rule's summary is written above it.
    for rule in registry.sorted():
        assert f"  # {rule.summary}" in text
    # The CLI accepts it too, and --show-config reflects it.
    (tmp_path / "p.md").write_text("# P\n", "utf-8")
    shown = run_cli("check", "--show-config", "p.md", cwd=tmp_path)
    assert shown.returncode == 0, shown.stderr
    assert json.loads(shown.stdout)["config-file"].endswith(".conditionlint.yaml")


def test_init_does_not_overwrite_without_force(tmp_path) -> None:
    target = tmp_path / ".conditionlint.yaml"
    target.write_text("fail-on: warning\n", "utf-8")
    r = run_cli("init", cwd=tmp_path)
    assert r.returncode == 2
    assert "exists; use --force" in r.stderr.decode()
    assert target.read_text("utf-8") == "fail-on: warning\n"
    r = run_cli("init", "--force", cwd=tmp_path)
    assert r.returncode == 0
    assert re.search(r"^# rules:$", target.read_text("utf-8"), re.M)


def test_init_into_a_folder(tmp_path) -> None:
    (tmp_path / "site").mkdir()
    r = run_cli("init", "site", cwd=tmp_path)
    assert r.returncode == 0
    assert (tmp_path / "site" / ".conditionlint.yaml").is_file()
