"""The example pages: examples/good passes clean; each bad page gives exactly the
findings listed in its ``.expected`` sidecar (``line:column CODE``, one per line).

After a deliberate change, regenerate with ``python -m tests.test_examples`` and review
the diff of the sidecars: they are the contract of what the examples demonstrate.
"""

from __future__ import annotations

import sys

import pytest

from conditionlint.api import lint_text
from tests.conftest import ROOT, TODAY, run_cli

EXAMPLES = ROOT / "examples"
BAD = sorted((EXAMPLES / "bad").glob("*.md"))


def actual(page) -> list[str]:
    rel = page.relative_to(ROOT).as_posix()
    return [f"{f.line}:{f.column} {f.code}"
            for f in lint_text(page.read_bytes(), path=rel, today=TODAY)]


def test_good_examples_are_clean_through_the_cli():
    r = run_cli("check", "--today", TODAY, "--no-cache", "--fail-on", "info",
                str(EXAMPLES / "good"))
    assert r.returncode == 0, r.stdout.decode()
    assert "All checks passed" in r.stdout.decode()


@pytest.mark.parametrize("page", BAD, ids=lambda p: p.name)
def test_bad_example_findings(page):
    sidecar = page.with_suffix(".expected")
    assert sidecar.exists(), f"missing {sidecar.name}"
    expected = [ln for ln in sidecar.read_text().splitlines() if ln and not ln.startswith("#")]
    assert actual(page) == expected


def test_examples_folder_exit_code():
    r = run_cli("check", "--today", TODAY, "--no-cache", str(EXAMPLES))
    assert r.returncode == 1


if __name__ == "__main__":  # regenerate the sidecars
    for page in BAD:
        page.with_suffix(".expected").write_text(
            "# line:column CODE — regenerate with: python -m tests.test_examples\n"
            + "\n".join(actual(page)) + "\n")
        print(page.with_suffix(".expected"), file=sys.stderr)
