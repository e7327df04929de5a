"""The shipped rules/*.yaml are not schema-checked at start-up (for speed): this test
checks every one of them, with the same validation users' files get."""

from __future__ import annotations

import pytest

from conditionlint.resources import data_dir
from conditionlint.yamlrules import _load

FILES = sorted(data_dir("rules").glob("*.yaml"))


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_shipped_rule_file_validates(path):
    data = _load(path, user=False, validate=True)  # raises ConfigError if invalid
    assert data["kind"] in ("rules", "lexicon")


def test_there_are_shipped_rule_files():
    names = {p.name for p in FILES}
    assert {"sections.yaml", "claims.yaml", "disclaimer.yaml"} <= names


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_fast_loader_reads_shipped_files_as_the_guarded_loader_does(path):
    """Start-up reads the shipped files with PyYAML's C loader (no position marks, no
    guards): it must give exactly the data the guarded loader gives."""
    from conditionlint.yamlrules import _shipped

    assert _shipped(path) == _load(path, user=False, validate=False)
