"""Baselines: accept today's findings, report only new ones, whatever moves."""

from __future__ import annotations

import json

from conditionlint import baseline
from conditionlint.api import lint_text
from tests.conftest import TODAY, run_cli
from tests.integration_pages import CLEAN, MOJIBAKE, damaged

OLD = f"Attacks last from hours to days {MOJIBAKE} often with nausea."
NEW = f"Some people see flashing lights {MOJIBAKE} called aura."


def _check(tmp_path, *args: str):  # noqa: ANN202
    return run_cli("check", "--output-format", "concise", "--today", TODAY, "--no-cache",
                   "--select", "CL1,CL3", *args, cwd=tmp_path)


def _site(tmp_path, text: str):  # noqa: ANN202
    (tmp_path / "content").mkdir(exist_ok=True)
    (tmp_path / "content" / "m.md").write_text(text, "utf-8")


def test_new_bad_sentence_above_an_old_one_is_the_only_one_reported(tmp_path) -> None:
    page = CLEAN.replace("Attacks last from hours to days, often with nausea.", OLD)
    _site(tmp_path, page)
    w = _check(tmp_path, "--write-baseline", "baseline.json", "content")
    assert w.returncode == 0, w.stderr
    assert w.stderr.decode() == "conditionlint: wrote baseline.json: 1 finding in 1 file\n"
    assert _check(tmp_path, "--baseline", "baseline.json", "content").returncode == 0

    # Same offending text, a new sentence above the old one: the old one moved down.
    _site(tmp_path, page.replace(OLD, NEW + "\n\n" + OLD))
    r = _check(tmp_path, "--baseline", "baseline.json", "content")
    assert r.returncode == 1
    lines = r.stdout.decode().splitlines()
    assert lines[0] == ("content/m.md:11:33: CL301 [error] '\u0e42\u20ac\u201d' looks like "
                        "'\u2014' (UTF-8 read as Windows-874)")
    assert len(lines) == 2 and lines[1].startswith("Found 1 problem ")
    assert "1 finding hidden by the baseline baseline.json" in r.stderr.decode()


def test_moving_text_does_not_resurface_findings(tmp_path) -> None:
    _site(tmp_path, damaged())
    assert _check(tmp_path, "--write-baseline", "b.json", "content").returncode == 0
    _site(tmp_path, damaged(extra_top="\nA new first paragraph.\n\nAnd another.\n"))
    r = _check(tmp_path, "--baseline", "b.json", "content")
    assert r.returncode == 0, r.stdout
    assert r.stdout.decode().startswith("All checks passed")


def test_write_baseline_with_a_path_that_does_not_exist_exits_2(tmp_path) -> None:
    # It wrote the baseline and exited 0: a typo in a CI job's baseline step passed.
    _site(tmp_path, damaged())
    r = _check(tmp_path, "--write-baseline", "b.json", "content", "nope")
    assert r.returncode == 2
    assert r.stderr.decode().splitlines() == [
        "conditionlint: error: nope: no such file or folder",
        "conditionlint: wrote b.json: 1 finding in 1 file"]
    written = json.loads((tmp_path / "b.json").read_text("utf-8"))
    assert [(f["path"], f["code"]) for f in written["findings"]] == [("content/m.md", "CL301")]


def test_a_second_copy_of_the_same_problem_is_new(tmp_path) -> None:
    page = damaged()
    twice = page.replace("Attacks last", f"Attacks {MOJIBAKE} last")
    file = tmp_path / "b.json"
    old = lint_text(page, path="m.md", select=["CL301"])
    assert baseline.write(old, file) == 1
    new = lint_text(twice, path="m.md", select=["CL301"])
    assert len(new) == 2
    kept, hidden = baseline.filter_new(new, baseline.load(file))
    assert hidden == 1
    assert [(f.line, f.column) for f in kept] == [(11, 9)]


def test_fixed_findings_drop_out_when_rewritten(tmp_path) -> None:
    _site(tmp_path, damaged().replace("# Migraine\n", "Intro.\n"))  # CL105 + CL301
    assert _check(tmp_path, "--write-baseline", "b.json", "content").returncode == 0
    codes = [e["code"] for e in json.loads((tmp_path / "b.json").read_text())["findings"]]
    assert codes == ["CL105", "CL301"]
    _site(tmp_path, damaged())  # the title is back
    w = _check(tmp_path, "--write-baseline", "b.json", "content")
    assert w.returncode == 0
    doc = json.loads((tmp_path / "b.json").read_text())
    assert [e["code"] for e in doc["findings"]] == ["CL301"]
    assert doc["findings"][0]["path"] == "content/m.md"
    assert doc["findings"][0]["count"] == 1
    # The baseline file itself is deterministic.
    before = (tmp_path / "b.json").read_bytes()
    _check(tmp_path, "--write-baseline", "b.json", "content")
    assert (tmp_path / "b.json").read_bytes() == before


def test_paths_are_relative_to_the_baseline_file(tmp_path) -> None:
    _site(tmp_path, damaged())
    (tmp_path / "ci").mkdir()
    assert _check(tmp_path, "--write-baseline", "ci/b.json", "content").returncode == 0
    entry = json.loads((tmp_path / "ci" / "b.json").read_text())["findings"][0]
    assert entry["path"] == "../content/m.md"
    # Run from another folder: the same findings are still recognised.
    r = run_cli("check", "--select", "CL3", "--no-cache", "--baseline", "../ci/b.json",
                "../content", cwd=tmp_path / "ci")
    assert r.returncode == 0, r.stdout


def test_corrupt_or_foreign_baseline_is_a_clear_error(tmp_path) -> None:
    _site(tmp_path, damaged())
    cases = {
        "broken.json": ("{", "baseline broken.json is not valid JSON"),
        "list.json": ("[]", "list.json is not a conditionlint baseline"),
        "version.json": ('{"tool": "conditionlint", "version": 9, "findings": []}',
                         "has version 9; this conditionlint reads version 1 (the number, "
                         "as '\"version\": 1')"),
        # a string "1" read as if it were the number said "has version '1'; ... reads
        # version 1"
        "text.json": ('{"tool": "conditionlint", "version": "1", "findings": []}',
                      'has version "1"; this conditionlint reads version 1'),
        "none.json": ('{"tool": "conditionlint", "findings": []}', "has no version;"),
        "entry.json": ('{"tool": "conditionlint", "version": 1, "findings": '
                       '[{"path": "a", "code": "CL301", "hash": "x", "count": 0}]}',
                       "entry 1 is malformed: 'count' must be a positive whole number"),
        "keys.json": ('{"tool": "conditionlint", "version": 1, "findings": [{"path": "a"}]}',
                      "entry 1 is malformed: missing key 'code'"),
        "binary.json": ("\udcff", "not valid JSON"),
        "deep.json": ("[" * 5000 + "]" * 5000, "its JSON is nested too deeply"),
    }
    for name, (text, message) in cases.items():
        (tmp_path / name).write_bytes(text.encode("utf-8", "surrogateescape"))
        r = _check(tmp_path, "--baseline", name, "content")
        assert r.returncode == 2, name
        assert message in r.stderr.decode(), (name, r.stderr)
        assert b"Traceback" not in r.stderr
        assert r.stdout == b""
    r = _check(tmp_path, "--baseline", "missing.json", "content")
    assert r.returncode == 2
    assert "cannot read baseline missing.json" in r.stderr.decode()


def test_baseline_applies_to_stdin(tmp_path) -> None:
    _site(tmp_path, damaged())
    assert _check(tmp_path, "--write-baseline", "b.json", "content").returncode == 0
    # Text on stdin is keyed by the name it stands for.
    r = run_cli("check", "--select", "CL1,CL3", "--baseline", "b.json", "-",
                "--stdin-filename", "content/m.md", cwd=tmp_path,
                input=damaged().encode())
    assert r.returncode == 0, r.stdout


def test_writing_reads_the_findings_once_and_counts_files(tmp_path) -> None:
    """A baseline is written in one pass over the findings (the run's spool is not made
    into a list): an iterator works, and it gives the same file as the list."""
    page = damaged()
    found = lint_text(page, path="a.md") + lint_text(page, path="b.md")
    counted = [f for f in found if f.code not in baseline.NEVER_BASELINED]
    assert len({f.path for f in counted}) == 2
    n, files = baseline.write_counted(iter(found), tmp_path / "it.json")
    assert (n, files) == (len(counted), 2)
    assert baseline.write(list(reversed(found)), tmp_path / "list.json") == n
    assert (tmp_path / "it.json").read_text() == (tmp_path / "list.json").read_text()


def test_baseline_and_report_files_are_written_through_links_and_pipes(tmp_path) -> None:
    # --write-baseline used to rename a temporary file over whatever the path named:
    # a link became a plain file, a FIFO or device was replaced (as root, /dev/full).
    import os
    import threading

    _site(tmp_path, damaged())
    (tmp_path / "real.json").write_text("old", encoding="utf-8")
    os.symlink("real.json", tmp_path / "link.json")
    for option in ("--write-baseline", "-o"):
        extra = ("--output-format", "json") if option == "-o" else ()
        r = _check(tmp_path, option, "link.json", *extra, "content")
        assert r.returncode in (0, 1), r.stderr
        assert (tmp_path / "link.json").is_symlink()
        assert json.loads((tmp_path / "real.json").read_text(encoding="utf-8"))
    os.mkfifo(tmp_path / "pipe.json")
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append((tmp_path / "pipe.json").read_bytes()),
                              daemon=True)
    reader.start()
    r = _check(tmp_path, "--write-baseline", "pipe.json", "content")
    reader.join(timeout=60)
    assert r.returncode == 0, r.stderr
    assert json.loads(got[0])["tool"] == "conditionlint"
    assert (tmp_path / "pipe.json").is_fifo()
    assert not [p.name for p in tmp_path.iterdir() if "tmp" in p.name]


def test_a_report_that_fails_half_way_leaves_the_previous_file(tmp_path, monkeypatch,
                                                               capsys) -> None:
    import errno
    import os

    from conditionlint import formatters
    from conditionlint.app import CheckRequest, run_check

    _site(tmp_path, damaged())
    (tmp_path / "out.json").write_text("previous report", encoding="utf-8")
    os.chmod(tmp_path / "out.json", 0o640)

    def failing(report):  # noqa: ANN001, ANN202
        yield "{ half a report"
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(formatters, "get_stream", lambda fmt: failing)
    monkeypatch.chdir(tmp_path)
    rc = run_check(CheckRequest(paths=["content"], fmt="json", jobs=1, use_cache=False,
                                output_file="out.json"))
    assert rc == 2
    assert (tmp_path / "out.json").read_text(encoding="utf-8") == "previous report"
    assert "cannot write out.json: No space left on device" in capsys.readouterr().err
    monkeypatch.undo()
    monkeypatch.chdir(tmp_path)
    assert run_check(CheckRequest(paths=["content"], fmt="json", jobs=1, use_cache=False,
                                  output_file="out.json")) == 1
    assert json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))
    assert oct(os.stat(tmp_path / "out.json").st_mode & 0o777) == "0o640"


def test_report_or_baseline_over_a_page_being_checked_is_refused(tmp_path) -> None:
    # "-o self.md self.md" used to check the page and then write the report over it.
    _site(tmp_path, damaged())
    before = (tmp_path / "content" / "m.md").read_bytes()
    for args in (("-o", "content/m.md", "content/m.md"), ("-o", "content/m.md", "."),
                 ("--fix", "-o", "content/m.md", "content"),
                 ("--write-baseline", "content/M.MD", "content")):
        r = _check(tmp_path, *args)
        assert r.returncode == 2, args
        assert f"error: {args[-3] if args[0] == '--fix' else args[0]} " in r.stderr.decode()
        assert "names a page this run checks" in r.stderr.decode()
        assert (tmp_path / "content" / "m.md").read_bytes() == before
    assert _check(tmp_path, "-o", "report.md", "content").returncode == 1  # elsewhere


WHOLE = "# Sciatica\n\nSciatica is pain along the sciatic nerve.\n"  # CL101 x2, CL102 x3, CL201...


def test_editing_the_title_or_line_one_keeps_whole_page_findings_hidden(tmp_path) -> None:
    _site(tmp_path, WHOLE)
    sel = ("--select", "CL101,CL102,CL201,CL205,CL501,CL503")
    assert _check(tmp_path, *sel, "--write-baseline", "b.json", "content").returncode == 0
    recorded = json.loads((tmp_path / "b.json").read_text("utf-8"))["findings"]
    assert {r["code"] for r in recorded} == {"CL101", "CL102", "CL201", "CL205", "CL501",
                                             "CL503"}
    # a new title, and a line above it: the same page-wide problems, not new ones
    _site(tmp_path, "<!-- draft -->\n" + WHOLE.replace("# Sciatica", "# Sciatica (nerve pain)"))
    r = _check(tmp_path, *sel, "--baseline", "b.json", "content")
    assert r.returncode == 0, r.stdout
    assert r.stdout.decode().startswith("All checks passed")
    # a section missing that was there before is new
    _site(tmp_path, WHOLE.replace("# Sciatica\n", "# Sciatica\n\n## Symptoms\n\nPain.\n"))
    assert _check(tmp_path, *sel, "--write-baseline", "b2.json", "content").returncode == 0
    _site(tmp_path, WHOLE)
    r = _check(tmp_path, *sel, "--baseline", "b2.json", "content")
    assert r.returncode == 1
    assert "CL101 [error] missing required section 'Symptoms'" in r.stdout.decode()


def test_a_baseline_written_before_whole_page_identities_still_hides_them(tmp_path) -> None:
    _site(tmp_path, WHOLE)
    found = lint_text(WHOLE, path="content/m.md", select="CL101", today=TODAY)
    assert [f.code for f in found] == ["CL101", "CL101"]
    rows = [{"path": "content/m.md", "code": f.code, "hash": baseline._legacy_hash(f),
             "count": 1, "contexts": [], "message": f.message} for f in found]
    assert all(r["hash"] != baseline.finding_hash(f) for r, f in zip(rows, found))
    (tmp_path / "old.json").write_text(json.dumps(
        {"version": 1, "tool": "conditionlint", "findings": rows}), "utf-8")
    r = _check(tmp_path, "--select", "CL101", "--baseline", "old.json", "content")
    assert r.returncode == 0, r.stdout
    assert "2 findings hidden by the baseline old.json" in r.stderr.decode()


DISCLAIMED = ("# Migraine\n\n## Disclaimer\n\nThis page is general information, not a "
              "substitute for professional advice, diagnosis or treatment.\n")


def test_a_problem_partly_fixed_stays_hidden_and_a_worse_one_is_new(tmp_path) -> None:
    def check(*args: str):  # noqa: ANN202
        return run_cli("check", "--output-format", "concise", "--today", TODAY,
                       "--no-cache", "--select", "CL205,CL502", *args, cwd=tmp_path)

    _site(tmp_path, DISCLAIMED)
    assert check("--write-baseline", "b.json", "content").returncode == 0
    recorded = {r["code"]: r["message"] for r in
                json.loads((tmp_path / "b.json").read_text("utf-8"))["findings"]}
    assert recorded["CL205"] == ("no review metadata: 'reviewed_by' and 'last_reviewed' "
                                 "missing (the page has no front matter)")
    missing = baseline.ITEMIZED["CL502"].findall(recorded["CL502"])
    assert "results-vary" in missing and len(missing) == 4
    # half of each fixed: a reviewer named, one of the disclaimer's elements added to
    # its paragraph (its first line, the finding's offending text, changed)
    _site(tmp_path, "---\ntitle: Migraine\nreviewed_by: Dr A. Example\n---\n"
          + DISCLAIMED.rstrip("\n") + " Individual results vary and no outcome is "
          "guaranteed.\n")
    r = check("--baseline", "b.json", "content")
    assert r.returncode == 0, r.stdout
    assert "2 findings hidden by the baseline b.json" in r.stderr.decode()
    # the disclaimer loses a sentence the baseline did not miss: new
    _site(tmp_path, "# Migraine\n\n## Disclaimer\n\nRead this page with care.\n")
    r = check("--baseline", "b.json", "content")
    out = r.stdout.decode()
    assert out.count("CL502 [warning] the disclaimer does not say:") == 1, out
    assert "CL205" not in out
    assert "1 finding hidden by the baseline b.json" in r.stderr.decode()


def test_a_baseline_saved_with_a_byte_order_mark_is_read(tmp_path) -> None:
    _site(tmp_path, damaged())
    assert _check(tmp_path, "--write-baseline", "b.json", "content").returncode == 0
    raw = (tmp_path / "b.json").read_bytes()
    (tmp_path / "b.json").write_bytes(b"\xef\xbb\xbf" + raw)
    r = _check(tmp_path, "--baseline", "b.json", "content")
    assert r.returncode == 0, r.stderr
    assert r.stdout.decode().startswith("All checks passed")
