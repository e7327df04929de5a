"""The content cache: hits, invalidation (file, config, rule files, --today, version),
corrupt entries, and two runs sharing one cache at the same time.

A hit is observed, not timed: after a first run the stored entry is edited by hand;
a run that reports the edited message read the cache, one that reports the real
message did not.
"""

from __future__ import annotations

import datetime as _dt
import json
import subprocess
import sys
from pathlib import Path

import shutil

import pytest

from conditionlint import cache, parallel
from conditionlint.config import ConfigFinder
from conditionlint.registry import build
from conditionlint.runner import CheckSettings, discover

from .conftest import ROOT, TODAY
from .conftest import run_cli as _run_cli

PAGE = ("# Neck pain\n\nMost cases are nonspecific \u00e2\u20ac\u201d no single cause is "
        "found.\n")
TAMPERED = "TAMPERED: this message came from the cache"


@pytest.fixture(scope="module")
def frozen_tool(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the package and its data, taken once. The cache key includes the
    digest of the tool's own code, so runs of the live checkout would (rightly) miss
    whenever someone edits the code between two runs of a test."""
    base = tmp_path_factory.mktemp("tool")
    shutil.copytree(ROOT / "src" / "conditionlint", base / "src" / "conditionlint",
                    ignore=shutil.ignore_patterns("__pycache__"))
    for kind in ("rules", "schemas"):
        shutil.copytree(ROOT / kind, base / kind)
    return base


@pytest.fixture(autouse=True)
def _use_frozen_tool(frozen_tool: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    global _FROZEN
    _FROZEN = frozen_tool
    # In-process runs hash the frozen copy too.
    monkeypatch.setattr(cache, "_PKG", frozen_tool / "src" / "conditionlint")
    import conditionlint.resources as resources

    monkeypatch.setattr(resources, "data_dir", lambda kind: frozen_tool / kind)


_FROZEN: Path | None = None


def run_cli(*args: str, **kw):  # noqa: ANN003, ANN201
    assert _FROZEN is not None
    env = {"PYTHONPATH": str(_FROZEN / "src")}
    return _run_cli(*args, env=env, **kw)


@pytest.fixture
def site(tmp_path: Path) -> Path:
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "neck.md").write_text(PAGE, encoding="utf-8")
    return tmp_path


def entries(folder: Path) -> list[Path]:
    return sorted(folder.glob("v*/*/*.json"))


def tamper(folder: Path) -> None:
    found = entries(folder)
    assert len(found) == 1, found
    entry = json.loads(found[0].read_text())
    assert entry["rows"], "the page should have findings"
    entry["rows"][0][3] = TAMPERED
    found[0].write_text(json.dumps(entry))


def run(site: Path, *args: str, today: str = TODAY) -> str:
    r = run_cli("check", "--today", today, "--output-format", "json",
                "--cache-dir", "cache", *args, "content", cwd=site)
    assert r.returncode in (0, 1), r.stderr.decode()
    assert b"Traceback" not in r.stderr, r.stderr.decode()
    return r.stdout.decode()


def test_second_run_reads_the_cache(site: Path) -> None:
    first = run(site)
    assert entries(site / "cache")
    assert run(site) == first  # same report from the cache
    tamper(site / "cache")
    assert TAMPERED in run(site)  # proves the entry was read, not recomputed
    assert (site / "cache" / "CACHEDIR.TAG").is_file()


def test_default_folder_and_no_cache(site: Path) -> None:
    r = run_cli("check", "--today", TODAY, "--no-cache", "content", cwd=site)
    assert r.returncode == 1
    assert not (site / ".conditionlint_cache").exists()
    r = run_cli("check", "--today", TODAY, "content", cwd=site)
    assert r.returncode == 1
    assert entries(site / ".conditionlint_cache")


def test_config_cache_false_writes_nothing(site: Path) -> None:
    (site / ".conditionlint.yaml").write_text("cache: false\n", encoding="utf-8")
    run(site)
    assert entries(site / "cache") == []


def test_changed_file_misses(site: Path) -> None:
    run(site)
    tamper(site / "cache")
    page = site / "content" / "neck.md"
    page.write_text(PAGE + "\nMore text.\n", encoding="utf-8")
    out = run(site)
    assert TAMPERED not in out
    assert len(entries(site / "cache")) == 2


def test_changed_config_misses(site: Path) -> None:
    run(site)
    tamper(site / "cache")
    (site / ".conditionlint.yaml").write_text("rules:\n  CL301: warning\n", encoding="utf-8")
    out = run(site)
    assert TAMPERED not in out
    sev = {f["code"]: f["severity"] for f in json.loads(out)["findings"]}
    assert sev["CL301"] == "warning"


def test_cli_selection_and_today_miss(site: Path) -> None:
    run(site)
    tamper(site / "cache")
    assert TAMPERED not in run(site, today="2027-01-01")
    assert TAMPERED not in run(site, "--ignore", "CL101")
    assert TAMPERED in run(site)  # the first entry is still there and still valid


RULE_FILE = """\
kind: rules
rules:
  - code: XX101
    name: no-miracle
    summary: Do not promise miracles.
    severity: warning
    message: "avoid '{{match}}'"
    scope: [sentences]
    phrases: [{phrase}]
"""


def test_changed_user_rule_file_misses(site: Path) -> None:
    (site / "house").mkdir()
    rule = site / "house" / "rules.yaml"
    rule.write_text(RULE_FILE.format(phrase="miracle"), encoding="utf-8")
    (site / ".conditionlint.yaml").write_text("rule-paths: [house]\n", encoding="utf-8")
    r = run_cli("check", "--today", TODAY, "--show-config", "content", cwd=site)
    if r.returncode != 0:  # the YAML rule format is not this test's subject
        pytest.skip(f"user rule file not accepted: {r.stderr.decode()[:300]}")
    run(site)
    tamper(site / "cache")
    assert TAMPERED in run(site)
    rule.write_text(RULE_FILE.format(phrase="nonspecific"), encoding="utf-8")
    out = run(site)
    assert TAMPERED not in out
    assert "XX101" in out


def _check(site: Path, folder: Path) -> list:
    registry = build()
    finder = ConfigFinder(registry)
    targets = discover([str(site / "content")], finder).targets
    checked = parallel.check_all(targets, finder, registry,
                                 CheckSettings(today=_dt.date(2026, 11, 29)), jobs=1,
                                 use_cache=True, cache_dir=str(folder), progress=False)
    return [f for c in checked for f in c.findings]


def test_new_tool_version_misses(site: Path, monkeypatch) -> None:
    monkeypatch.chdir(site)
    folder = site / "cache"
    real = _check(site, folder)
    tamper(folder)
    assert any(f.message == TAMPERED for f in _check(site, folder))
    monkeypatch.setattr("conditionlint.__version__", "999.0.0")
    assert _check(site, folder) == real


def test_new_plugin_version_misses(site: Path, monkeypatch) -> None:
    registry = build()
    today = _dt.date(2026, 11, 29)
    before = cache.make_keyer(registry, today)
    monkeypatch.setattr(cache, "plugins_fingerprint", lambda reg: "someplugin==2.0")
    assert cache.make_keyer(registry, today) != before


def test_corrupt_entry_is_ignored_and_rewritten(site: Path) -> None:
    first = run(site)
    [entry] = entries(site / "cache")
    good = json.loads(entry.read_text())
    for junk in (b"", b"{not json", b'{"key": "x", "lines": [], "rows": []}',
                 json.dumps({**good, "rows": [["too", "short"]]}).encode(),
                 json.dumps({**good, "lines": [1, 2]}).encode(),
                 json.dumps({**good, "rows": [good["rows"][0][:11] + [99, []]]}).encode(),
                 b"\xff\xfe\x00garbage"):
        entry.write_bytes(junk)
        assert run(site) == first
        assert cache.entry_name(json.loads(entry.read_text())["key"]) == entry.stem  # again


def test_unwritable_cache_folder_still_checks(site: Path) -> None:
    (site / "blocker").write_text("a file where a folder should be")
    r = run_cli("check", "--today", TODAY, "--output-format", "json", "--cache-dir",
                "blocker/cache", "content", cwd=site)
    assert r.returncode == 1
    assert b"cannot use the cache folder" in r.stderr
    assert json.loads(r.stdout)["findings"]


def test_two_concurrent_runs_share_a_cache(site: Path) -> None:
    for i in range(30):
        (site / "content" / f"page{i:02d}.md").write_text(
            PAGE.replace("Neck pain", f"Neck pain {i}") + f"\nPage {i} \u00e2\u20ac\u201c ok.\n",
            encoding="utf-8")
    expected = run_cli("check", "--today", TODAY, "--output-format", "json", "--no-cache",
                       "content", cwd=site).stdout
    cmd = [sys.executable, "-m", "conditionlint", "check", "--today", TODAY,
           "--output-format", "json", "--cache-dir", "cache", "--jobs", "2", "content"]
    import os

    env = dict(os.environ, PYTHONPATH=str(_FROZEN / "src"))
    procs = [subprocess.Popen(cmd, cwd=site, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              env=env) for _ in range(2)]
    outs = [p.communicate(timeout=300) for p in procs]
    for out, err in outs:
        assert out == expected, err.decode()
    found = entries(site / "cache")
    assert len(found) == 31
    for e in found:
        assert cache.entry_name(json.loads(e.read_text())["key"]) == e.stem
    assert not list((site / "cache").rglob(".tmp-*"))  # no half-written leftovers
    assert run(site) == expected.decode()


def test_mixed_hits_and_misses_with_workers_keep_file_order(site: Path) -> None:
    """With workers, stored results are read by the parent up to the first changed
    file and the rest go to the workers; the report is the same as a run without the
    cache, in file order, and a stored entry really is read (tampered entries show)."""
    content = site / "content"
    (content / "neck.md").unlink()
    for i in range(12):
        (content / f"p{i:02d}.md").write_text(PAGE.replace("Neck", f"Neck {i}"), "utf-8")
    first = run(site, "--jobs", "2")
    for i in (0, 5, 11):  # change the first, a middle and the last file
        (content / f"p{i:02d}.md").write_text(PAGE + "\nMore \u00e2\u20ac\u201c text.\n",
                                             "utf-8")
    second = run(site, "--jobs", "2")
    fresh = run(site, "--jobs", "2", "--no-cache")
    assert second == fresh != first
    paths = [f["path"] for f in json.loads(second)["findings"]]
    assert paths == sorted(paths) and len(set(paths)) == 12
    key_files = entries(site / "cache")
    assert len(key_files) == 15  # 12 first results + 3 for the changed files
    for f in key_files:  # the third run must come from these entries
        entry = json.loads(f.read_text())
        entry["rows"][0][3] = TAMPERED
        f.write_text(json.dumps(entry))
    third = json.loads(run(site, "--jobs", "2"))
    assert sum(x["message"] == TAMPERED for x in third["findings"]) == 12
    assert [f["path"] for f in third["findings"]] == paths


@pytest.mark.parametrize("field,bad", [(0, 401), (4, 3.0), (4, True), (4, "3"), (9, None),
                                       (11, "0"), (12, [["1", 2]]), (12, "x"), (12, None),
                                       (12, [[1, 2, 3]])])
def test_an_entry_of_the_wrong_types_is_a_miss(field: int, bad: object) -> None:
    """Rows decode only when each field has its type (a float line, a number for a
    code, a string for a position): anything else makes the whole entry a miss."""
    from conditionlint.model import Finding

    good = cache.encode([Finding("p.md", "CL401", "unsupported-claim", "error", "m", 3, 1,
                                 3, 9, 10, 18, None, "line text", ())])
    assert cache.decode("p.md", good)[0].line == 3
    row = list(good["rows"][0])
    row[field] = bad
    with pytest.raises((ValueError, TypeError, IndexError)):
        cache.decode("p.md", {"lines": good["lines"], "rows": [row]})



def test_entries_made_under_another_secret_are_never_found(site: Path) -> None:
    # A pull request may commit a cache folder whose entries say its pages are clean:
    # entry names are MACs under a secret of the machine that wrote them, so a run
    # elsewhere finds none of them (docs/security.md).
    def run_as(secret: str | None) -> str:
        assert _FROZEN is not None
        env = {"PYTHONPATH": str(_FROZEN / "src")}
        if secret:
            env[cache.SECRET_ENV] = secret
        r = _run_cli("check", "--today", TODAY, "--output-format", "json", "--cache-dir",
                     "cache", "content", cwd=site, env=env)
        assert r.returncode in (0, 1), r.stderr.decode()
        return r.stdout.decode()

    first = run_as("committer")
    n = len(entries(site / "cache"))
    tamper(site / "cache")
    assert TAMPERED in run_as("committer")  # a machine trusts the entries it wrote
    assert run_as("ci-runner") == first  # another finds none of them...
    assert len(entries(site / "cache")) == 2 * n  # ...and writes its own
    assert run_as(None) == first  # the user's own key file: a third secret
    assert len(entries(site / "cache")) == 3 * n
