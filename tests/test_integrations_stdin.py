"""Editors: text on stdin, named by --stdin-filename; --fix on stdin prints the fixed text."""

from __future__ import annotations

import pytest

from tests.conftest import TODAY, run_cli
from tests.integration_pages import damaged


def test_findings_name_the_stdin_filename_and_its_config_applies(tmp_path) -> None:
    sub = tmp_path / "content" / "blog"
    sub.mkdir(parents=True)
    (tmp_path / "content" / ".conditionlint.yaml").write_text(
        "select: [CL1]\nignore: [CL102]\n", "utf-8")
    page = "# Sciatica\n\nPain down the leg.\n"
    r = run_cli("check", "-", "--stdin-filename", "content/blog/x.md",
                "--output-format", "concise", cwd=tmp_path, input=page.encode())
    assert r.returncode == 1
    out = r.stdout.decode().splitlines()
    assert out[0].startswith("content/blog/x.md:1:3: CL101 [error] missing required section")
    # Only CL1 without CL102, as content/.conditionlint.yaml says.
    assert {line.split()[1] for line in out[:-1]} == {"CL101"}
    # The same text under a name outside content/ gets the defaults (CL102 runs).
    r = run_cli("check", "-", "--stdin-filename", "other/x.md",
                "--output-format", "concise", cwd=tmp_path, input=page.encode())
    assert "other/x.md:1:3: CL102 [warning]" in r.stdout.decode()


def test_stdin_without_a_name_is_dash(tmp_path) -> None:
    r = run_cli("check", "-", "--select", "CL105", "--output-format", "concise",
                cwd=tmp_path, input=b"no title\n")
    assert r.stdout.decode().startswith("-:1:1: CL105 [error]")


def test_fix_on_stdin_writes_the_fixed_text_to_stdout(tmp_path) -> None:
    page = damaged().replace("\n", "\r\n")  # line endings must survive
    r = run_cli("check", "-", "--stdin-filename", "content/m.md", "--fix", "--select",
                "CL3", "--today", TODAY, cwd=tmp_path, input=page.encode())
    assert r.returncode == 0, r.stderr
    assert r.stdout == page.replace("\u0e42\u20ac\u201d", "\u2014").encode()
    assert "Fixed 1 problem." in r.stderr.decode()
    assert not (tmp_path / "content").exists()  # nothing written to disk


def test_fix_on_stdin_passes_text_through_and_reports_what_remains(tmp_path) -> None:
    page = "no title \u0e42\u20ac\u201d here\n"
    r = run_cli("check", "-", "--fix", "--select", "CL105,CL301", "--output-format",
                "concise", cwd=tmp_path, input=page.encode())
    assert r.returncode == 1
    assert r.stdout == "no title \u2014 here\n".encode()
    assert r.stderr.decode().startswith("-:1:1: CL105 [error]")

    clean = b"# Title\n\nNothing to fix.\n"
    r = run_cli("check", "-", "--fix", "-q", "--select", "CL105,CL3", cwd=tmp_path,
                input=clean)
    assert (r.returncode, r.stdout, r.stderr) == (0, clean, b"")


def test_diff_on_stdin(tmp_path) -> None:
    r = run_cli("check", "-", "--stdin-filename", "m.md", "--diff", "--select", "CL301",
                cwd=tmp_path, input=damaged().encode())
    out = r.stdout.decode()
    assert "-Migraine is a headache disorder with attacks of throbbing pain \u0e42" in out
    assert "+Migraine is a headache disorder with attacks of throbbing pain \u2014" in out


def test_dash_mixed_with_paths_is_a_usage_error(tmp_path) -> None:
    (tmp_path / "a.md").write_text("# A\n", "utf-8")
    r = run_cli("check", "-", "a.md", cwd=tmp_path, input=b"# B\n")
    assert r.returncode == 2
    assert "cannot be mixed" in r.stderr.decode()


def test_stdin_over_the_size_limit_is_cl903_and_fix_passes_it_through(tmp_path) -> None:
    (tmp_path / ".conditionlint.yaml").write_text("max-file-size: 100\n", "utf-8")
    # over the limit and over one read chunk, with bytes that are no UTF-8
    page = b"# Big \xff\xfe\r\n" + bytes(range(256)) * 9000
    r = run_cli("check", "-", "--output-format", "concise", cwd=tmp_path, input=page)
    assert r.returncode == 1
    assert r.stdout.decode().splitlines()[0] == (
        f"-:1:1: CL903 [error] input is {len(page)} bytes, larger than the limit of 100 "
        "bytes (max-file-size); not checked")
    r = run_cli("check", "-", "--fix", "--output-format", "concise", cwd=tmp_path,
                input=page)
    assert r.returncode == 1
    assert r.stdout == page  # every byte out, unchanged, none kept in memory
    assert r.stderr.decode().startswith(f"-:1:1: CL903 [error] input is {len(page)} bytes")


def test_stdin_at_the_size_limit_is_checked(tmp_path) -> None:
    page = b"# Sciatica\n\nPain down the leg.\n"
    (tmp_path / ".conditionlint.yaml").write_text(f"max-file-size: {len(page)}\n", "utf-8")
    r = run_cli("check", "-", "--select", "CL101", "--output-format", "concise",
                cwd=tmp_path, input=page)
    assert r.stdout.decode().startswith("-:1:3: CL101 [error] missing required section")


def test_read_bounded_keeps_nothing_past_the_limit() -> None:
    import io

    from conditionlint.app import read_bounded

    assert read_bounded(io.BytesIO(b"abc"), 3) == (b"abc", 3)
    assert read_bounded(io.BytesIO(b""), 0) == (b"", 0)
    spill = io.BytesIO()
    assert read_bounded(io.BytesIO(b"abcd" * 10), 3, spill) == (None, 40)
    assert spill.getvalue() == b"abcd" * 10


def test_closed_stdin_is_an_error_not_a_traceback(tmp_path) -> None:
    import os
    import subprocess
    import sys

    r = subprocess.run([sys.executable, "-m", "conditionlint", "check", "-"], cwd=tmp_path,
                       capture_output=True, preexec_fn=lambda: os.close(0), check=False)
    assert r.returncode == 2
    assert r.stderr.decode().strip() == ("conditionlint: error: '-' reads the page from "
                                         "stdin, and stdin is closed")


def test_lint_text_with_lone_surrogates_reports_invalid_utf8() -> None:
    from conditionlint.api import lint_text

    # a str decoded with "surrogateescape" goes back to its byte; another lone surrogate
    # is written as one (3 bytes); either way the page is not valid UTF-8 there
    for text, size in (("# T\n\nMy skin is \udcff softer.\n", "1 byte"),
                       ("# T\n\nMy skin is \ud800 softer.\n", "3 bytes")):
        found = [(f.code, f.line, f.column) for f in lint_text(text, select=["CL302"])]
        assert found == [("CL302", 3, 12)]
        assert f"invalid UTF-8 ({size})" in lint_text(text, select=["CL302"])[0].message


@pytest.mark.parametrize("limit", [100, None])
def test_fix_on_stdin_into_a_closed_pipe_is_an_error(tmp_path, limit) -> None:
    # the reader of stdout is gone before the fixed text is written: exit 2 and a message,
    # not exit 1 (that means findings) with nothing said; both when the text is too large
    # to check (copied out as it comes) and when it was checked and fixed
    import subprocess
    import sys

    if limit is not None:
        (tmp_path / ".conditionlint.yaml").write_text(f"max-file-size: {limit}\n", "utf-8")
    p = subprocess.Popen([sys.executable, "-m", "conditionlint", "check", "-", "--fix",
                          "--select", "CL3"], cwd=tmp_path, stdin=subprocess.PIPE,
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    p.stdout.close()  # nobody reads what it writes
    _, err = p.communicate(b"# T\n\nSome text.\n" * 20000)
    assert p.returncode == 2
    assert err.decode().strip() == ("conditionlint: error: stdout was closed before the fixed "
                                    "text was written out")


@pytest.mark.parametrize("args", [("--diff", "s.md"), ("--fix", "-")])
def test_quiet_keeps_the_findings_when_stdout_carries_the_diff_or_fixed_text(tmp_path,
                                                                           args) -> None:
    # -q ("only findings, no summary") used to drop the whole report there, even one
    # written with -o, and exit 1 with nothing said.
    page = "# X\n\nMost cases \u0e42\u20ac\u201d no cause.\n"
    (tmp_path / "s.md").write_text(page, "utf-8")
    r = run_cli("check", "-q", "--no-cache", "--select", "CL301,CL101", *args, cwd=tmp_path,
                input=page.encode())
    assert r.returncode == 1
    err = r.stderr.decode()
    assert "1:3  error  CL101 missing-section" in err  # left after the fix, or not
    if args[0] == "--diff":
        assert "+Most cases \u2014 no cause." in r.stdout.decode()
        assert "3:12  error  CL301 mojibake [fixable]" in err
    else:
        assert r.stdout.decode() == "# X\n\nMost cases \u2014 no cause.\n"
        assert "CL301" not in err
    assert "Found " not in err and "Fixed " not in err  # no summary
    r = run_cli("check", "-q", "--no-cache", "--select", "CL301", "--output-format", "json",
                "-o", "r.json", *args, cwd=tmp_path, input=page.encode())
    import json

    report = json.loads((tmp_path / "r.json").read_text("utf-8"))
    assert [f["code"] for f in report["findings"]] == (
        ["CL301"] if args[0] == "--diff" else [])


@pytest.mark.parametrize("unbuffered", ["1", ""])
def test_fix_on_stdin_whose_reader_stops_part_way_exits_2(tmp_path, unbuffered) -> None:
    # With stdout unbuffered (PYTHONUNBUFFERED, as in many CI images and containers) it
    # is a raw file whose write() may write part: the rest was never written, and the
    # run exited 1 saying "Fixed N problems" with half a page delivered.
    import os
    import subprocess
    import sys

    line = "Line {} has some text \u0e42\u20ac\u201d here and more words.\n"
    page = "# X\n\n" + "".join(line.format(i) for i in range(3000))
    env = {**os.environ, "PYTHONUNBUFFERED": unbuffered}
    proc = subprocess.Popen([sys.executable, "-m", "conditionlint", "check", "--fix", "-"],
                            cwd=tmp_path, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, env=env)
    proc.stdin.write(page.encode())
    proc.stdin.close()
    assert proc.stdout.read(10) == b"# X\n\nLine "
    proc.stdout.close()
    err = proc.stderr.read().decode()
    assert proc.wait(timeout=120) == 2, err
    assert "error: stdout was closed before the fixed text was written out" in err
    assert "Fixed " not in err and "Traceback" not in err


@pytest.mark.parametrize("args, what", [
    (("--output-format", "concise", "s.md"), "report (give -o FILE)"),
    (("--diff", "s.md"), "diff"),
    (("--fix", "-"), "fixed text"),
    (("--show-config", "s.md"), "configuration"),
])
def test_a_closed_stdout_is_a_usage_error(tmp_path, args, what) -> None:
    # started with stdout closed (">&-"): each of these ended in a traceback, exit 1
    import subprocess
    import sys

    (tmp_path / "s.md").write_text("# X\n\nMost cases \u0e42\u20ac\u201d no cause.\n", "utf-8")
    r = subprocess.run([sys.executable, "-m", "conditionlint", "check", "--no-cache", *args],
                       cwd=tmp_path, stdin=open(tmp_path / "s.md", "rb"), stdout=None,
                       stderr=subprocess.PIPE, timeout=120,
                       preexec_fn=lambda: __import__("os").close(1))
    err = r.stderr.decode()
    assert r.returncode == 2, err
    assert err == f"conditionlint: error: stdout is closed, so there is nowhere to write the {what}\n"
    # with -o the report has somewhere to go
    r = subprocess.run([sys.executable, "-m", "conditionlint", "check", "--no-cache", "-q",
                        "--select", "CL301", "--output-format", "json", "-o", "r.json",
                        "s.md"], cwd=tmp_path, stderr=subprocess.PIPE, timeout=120,
                       preexec_fn=lambda: __import__("os").close(1))
    assert r.returncode == 1 and b"Traceback" not in r.stderr
    assert '"code": "CL301"' in (tmp_path / "r.json").read_text("utf-8")
