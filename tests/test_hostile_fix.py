"""Fix-mode faults: whatever goes wrong while writing, the original file is intact
and no temporary file is left behind; fixes touch only the bytes they name."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

import pytest

from conditionlint import fixer
from conditionlint.api import fix_text, lint_text
from conditionlint.fixer import WriteError, write_atomic
from tests.conftest import run_cli

DAMAGED = "# Back pain\n\nIt helps \u00e2\u20ac\u201d a lot.\n"
REPAIRED = "# Back pain\n\nIt helps \u2014 a lot.\n"


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".conditionlint-tmp"))


def test_write_error_mid_write_leaves_the_original(tmp_path, monkeypatch):
    p = tmp_path / "a.md"
    p.write_bytes(b"original")
    real_fdopen = os.fdopen

    class DiskFull:
        def __init__(self, fh):  # noqa: ANN001
            self.fh = fh

        def __enter__(self):  # noqa: ANN204
            return self

        def __exit__(self, *exc):  # noqa: ANN002, ANN204
            self.fh.close()

        def write(self, data):  # noqa: ANN001, ANN202
            self.fh.write(data[:3])  # part of it went out, then the disk filled up
            raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fdopen", lambda fd, mode: DiskFull(real_fdopen(fd, mode)))
    with pytest.raises(WriteError, match=r"No space left on device; the file is unchanged$"):
        write_atomic(p, b"new content")
    assert p.read_bytes() == b"original"
    assert leftovers(tmp_path) == []


def test_failure_at_rename_leaves_the_original(tmp_path, monkeypatch):
    p = tmp_path / "a.md"
    p.write_bytes(b"original")

    def no_rename(a, b):  # noqa: ANN001, ANN202
        raise OSError(errno.EXDEV, "Invalid cross-device link")

    monkeypatch.setattr(os, "replace", no_rename)
    with pytest.raises(WriteError):
        write_atomic(p, b"new content")
    assert p.read_bytes() == b"original"
    assert leftovers(tmp_path) == []


@pytest.mark.parametrize("signal", [KeyboardInterrupt, SystemExit])
def test_killed_between_write_and_rename(tmp_path, monkeypatch, signal):
    p = tmp_path / "a.md"
    p.write_bytes(b"original")

    def killed(a, b):  # noqa: ANN001, ANN202
        raise signal()

    monkeypatch.setattr(os, "replace", killed)
    with pytest.raises(signal):
        write_atomic(p, b"new content")
    assert p.read_bytes() == b"original"
    assert leftovers(tmp_path) == []


class _Term(Exception):
    pass


@pytest.mark.skipif(not hasattr(__import__("signal"), "pthread_sigmask"),
                    reason="needs signal masks")
@pytest.mark.parametrize("writer", ["fix", "atomicfile"])
def test_a_signal_right_after_the_temporary_file_is_made_leaves_nothing(
        tmp_path, monkeypatch, writer):
    # SIGTERM between the creation of the temporary file and the try that removes it
    # on failure used to leave it beside the page (once in CI, during --fix). The
    # signal is sent at that moment; its handler's exception must come out with the
    # page as it was and no temporary file.
    import signal
    import tempfile

    from conditionlint import atomicfile

    p = tmp_path / "a.md"
    p.write_bytes(b"original")

    def handler(signum, frame):  # noqa: ANN001, ANN202
        raise _Term()

    previous = signal.signal(signal.SIGTERM, handler)
    try:
        if writer == "fix":
            real = tempfile.mkstemp

            def made_then_signalled(**kw):  # noqa: ANN003, ANN202
                out = real(**kw)
                os.kill(os.getpid(), signal.SIGTERM)
                return out

            monkeypatch.setattr(fixer.tempfile, "mkstemp", made_then_signalled)
            with pytest.raises(_Term):
                write_atomic(p, b"new content")
        else:
            real_open = os.open

            def opened_then_signalled(path, *a, **kw):  # noqa: ANN001, ANN002, ANN003, ANN202
                fd = real_open(path, *a, **kw)
                if ".tmp-" in os.fspath(path):
                    os.kill(os.getpid(), signal.SIGTERM)
                return fd

            monkeypatch.setattr(atomicfile.os, "open", opened_then_signalled)
            try:
                with pytest.raises(_Term):
                    atomicfile.replace_with(p, b"new content")
            finally:
                monkeypatch.undo()
    finally:
        signal.signal(signal.SIGTERM, previous)
    assert p.read_bytes() == b"original"
    assert sorted(x.name for x in tmp_path.iterdir()) == ["a.md"]
    # and the signals are let through again afterwards
    assert signal.SIGTERM not in signal.pthread_sigmask(signal.SIG_BLOCK, [])


def test_cannot_create_the_temporary_file(tmp_path, monkeypatch):
    p = tmp_path / "a.md"
    p.write_bytes(b"original")

    def denied(**kw):  # noqa: ANN003, ANN202
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(fixer.tempfile, "mkstemp", denied)
    with pytest.raises(WriteError, match="^cannot create a temporary file in .*: "
                                         "Permission denied$"):
        write_atomic(p, b"new")
    assert p.read_bytes() == b"original"


def test_read_only_file_is_not_rewritten_even_by_root(tmp_path):
    p = tmp_path / "a.md"
    p.write_bytes(b"original")
    p.chmod(0o444)
    with pytest.raises(WriteError, match="read-only; the file is unchanged$"):
        write_atomic(p, b"new")
    assert p.read_bytes() == b"original"


def test_read_only_file_through_the_cli(tmp_path):
    p = tmp_path / "a.md"
    p.write_text(DAMAGED, encoding="utf-8")
    p.chmod(0o444)
    (tmp_path / "b.md").write_text(DAMAGED, encoding="utf-8")
    r = run_cli("check", "--fix", "--no-cache", "--output-format", "concise", ".",
                cwd=tmp_path)
    err = r.stderr.decode()
    assert "Traceback" not in err
    assert "a.md is read-only; the file is unchanged" in err
    assert p.read_text(encoding="utf-8") == DAMAGED
    assert (tmp_path / "b.md").read_text(encoding="utf-8") == REPAIRED  # the other one is
    assert "a.md:1:1: CL903 [error] not fixed: a.md is read-only; the file is unchanged" in \
        r.stdout.decode()
    assert r.returncode == 1


@pytest.mark.skipif(not hasattr(os, "link"), reason="hard links")
def test_a_hard_linked_page_is_not_split_by_a_fix(tmp_path):
    # The rename gave one name the fixed text and left the other with the old: two
    # files where there was one, and "Fixed 2 problems" for one fix.
    a = tmp_path / "a.md"
    a.write_text(DAMAGED, encoding="utf-8")
    os.link(a, tmp_path / "b.md")
    with pytest.raises(WriteError, match="has 2 hard links; a fix would split them"):
        write_atomic(a, REPAIRED.encode())
    r = run_cli("check", "--no-cache", "--fix", "--select", "CL301", "--output-format",
                "concise", "a.md", "b.md", cwd=tmp_path)
    assert r.returncode == 1
    assert os.stat(a).st_ino == os.stat(tmp_path / "b.md").st_ino
    assert a.read_text(encoding="utf-8") == DAMAGED
    out = r.stdout.decode()
    assert "a.md:1:1: CL903 [error] not fixed: a.md has 2 hard links" in out
    assert "Fixed " not in out and "Fixed " not in r.stderr.decode()


def test_symlink_is_written_through_and_stays_a_link(tmp_path):
    real = tmp_path / "real.md"
    real.write_bytes(b"original")
    link = tmp_path / "link.md"
    link.symlink_to(real)
    write_atomic(link, b"new")
    assert link.is_symlink()
    assert real.read_bytes() == b"new"


def test_permissions_are_kept(tmp_path):
    p = tmp_path / "a.md"
    p.write_bytes(b"original")
    p.chmod(0o640)
    write_atomic(p, b"new")
    assert stat.S_IMODE(p.stat().st_mode) == 0o640
    assert p.read_bytes() == b"new"


def test_a_folder_is_not_a_fix_target(tmp_path):
    with pytest.raises(WriteError, match="is not a regular file; not fixed$"):
        write_atomic(tmp_path, b"x")


# -- fixes touch only their own bytes ------------------------------------------------------
@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
@pytest.mark.parametrize("final", [True, False])
def test_fix_keeps_line_endings_and_final_newline(newline, final):
    lines = ["# Back pain", "", "It helps \u00e2\u20ac\u201d a lot.", "", "Next \u00e2\u20ac\u201c line"]
    text = newline.join(lines) + (newline if final else "")
    out = fix_text(text.encode("utf-8"), today="2026-11-29").decode("utf-8")
    want = text.replace("\u00e2\u20ac\u201d", "\u2014").replace("\u00e2\u20ac\u201c", "\u2013")
    assert out == want


def test_fix_changes_only_the_bytes_its_findings_name():
    data = ("# Back pain\r\n\r\n  Trailing   spaces\tand tabs  \r\nMixed\nendings\r"
            "It helps \u00e2\u20ac\u201d a lot.").encode("utf-8")
    found = [f for f in lint_text(data, today="2026-11-29") if f.fix is not None]
    out = fix_text(data, today="2026-11-29")
    text = data.decode("utf-8")
    # Every changed character lies inside an edit of a fixable finding.
    edits = [(e.start, e.end) for f in found for e in f.fix.edits]
    assert edits
    expected = text
    for start, end in sorted(edits, reverse=True):
        expected = expected[:start] + next(
            e.replacement for f in found for e in f.fix.edits if (e.start, e.end) == (start, end)
        ) + expected[end:]
    assert out.decode("utf-8") == expected


def test_utf16_without_bom_is_fixed_in_its_own_encoding():
    data = DAMAGED.encode("utf-16-le")
    out = fix_text(data, today="2026-11-29")
    assert out == REPAIRED.encode("utf-16-le")


def test_bomless_utf16_guess_is_not_fixed(tmp_path):
    """b'0\\xc3\\x80\\x00' reads as UTF-16-LE without a BOM (a guess from the NUL byte);
    fixing its '\\x80' and writing UTF-16 back would give bytes that read as other text.
    --fix leaves such a file byte for byte as it was; CL302 asks for UTF-8."""
    import subprocess
    import sys

    page = tmp_path / "page.md"
    data = b"0\xc3\x80\x00"
    page.write_bytes(data)
    r = subprocess.run([sys.executable, "-m", "conditionlint", "check", "--fix", "--no-cache",
                        "--select", "CL301,CL302", "page.md"], cwd=tmp_path,
                       capture_output=True, text=True, check=False)
    assert page.read_bytes() == data
    assert "CL302" in r.stdout and r.returncode == 1, r.stdout + r.stderr


def test_file_changed_since_it_was_read_is_not_overwritten(tmp_path):
    p = tmp_path / "a.md"
    p.write_bytes(b"what the fixer read")
    seen = fixer.digest(p.read_bytes())
    p.write_bytes(b"what the editor saved meanwhile")
    with pytest.raises(WriteError, match=r"changed on disk while it was being checked; "
                                         r"not fixed, so that change is kept"):
        write_atomic(p, b"the fixed text", expected=seen)
    assert p.read_bytes() == b"what the editor saved meanwhile"
    assert leftovers(tmp_path) == []
    write_atomic(p, b"the fixed text", expected=fixer.digest(p.read_bytes()))
    assert p.read_bytes() == b"the fixed text"


def test_fix_keeps_an_edit_saved_during_the_check(tmp_path, monkeypatch):
    """End to end through the CLI: the page is saved by someone else after it was read
    and before the fix is written; their bytes stay, the run says so (CL903, exit 1)
    and reports the page's findings as they still are; the other page is fixed."""
    import json

    from click.testing import CliRunner

    from conditionlint import parallel
    from conditionlint.cli import main

    busy, calm = tmp_path / "busy.md", tmp_path / "calm.md"
    busy.write_text(DAMAGED, encoding="utf-8")
    calm.write_text(DAMAGED, encoding="utf-8")
    edited = DAMAGED.replace("a lot", "a great deal").encode()
    real = parallel.lint_bytes

    def lint_then_someone_saves(data, display, *rest):  # noqa: ANN001, ANN002, ANN202
        out = real(data, display, *rest)
        if display.endswith("busy.md"):
            busy.write_bytes(edited)
        return out

    monkeypatch.setattr(parallel, "lint_bytes", lint_then_someone_saves)
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["check", "--fix", "--select", "CL301", "--no-cache",
                                       "-j", "1", "--output-format", "json",
                                       "busy.md", "calm.md"])
    assert result.exit_code == 1, result.output
    assert busy.read_bytes() == edited
    assert calm.read_bytes() == REPAIRED.encode()
    report = json.loads(result.stdout)
    found = [(f["path"], f["code"], f["line"], f["message"]) for f in report["findings"]]
    assert [f[:3] for f in found] == [("busy.md", "CL903", 1), ("busy.md", "CL301", 3)]
    assert found[0][3] == ("not fixed: busy.md changed on disk while it was being checked; "
                           "not fixed, so that change is kept (run the fix again)")


# -- bytes that do not decode survive a fix ----------------------------------------------
# "โ€”" (Thai Windows-874 mojibake of an em dash) in UTF-8, fixed to "—"
THAI_DASH = "\u0e42\u20ac\u201d".encode()


@pytest.mark.parametrize("before, after", [
    # one bad byte before the fix, in front matter (it used to become EF BF BD)
    (b"---\ntitle: N\xe9ck pain\n---\n# Neck pain\n\nMost cases " + THAI_DASH + b" none.\n",
     b"---\ntitle: N\xe9ck pain\n---\n# Neck pain\n\nMost cases \xe2\x80\x94 none.\n"),
    # bad runs after the fix, whose text offsets move by the fix's change of length
    (b"# Neck pain\n\nMost cases " + THAI_DASH + b" none \xff\xfe x \xed\xa0\x80 y.\n",
     b"# Neck pain\n\nMost cases \xe2\x80\x94 none \xff\xfe x \xed\xa0\x80 y.\n"),
    # a UTF-8 byte-order mark, and a bad byte on each side of two fixes
    (b"\xef\xbb\xbf# Neck \xc0 pain\n\nA " + THAI_DASH + b" b \x80 c " + THAI_DASH + b" d.\n",
     b"\xef\xbb\xbf# Neck \xc0 pain\n\nA \xe2\x80\x94 b \x80 c \xe2\x80\x94 d.\n"),
])
def test_fix_keeps_bytes_that_are_not_utf8(before, after):
    assert fix_text(before, select=["CL301"]) == after


@pytest.mark.parametrize("before", [
    b"# Neck pain\n\nBad \xff byte, then " + THAI_DASH + b" here.\r\nAnd \xc0 more.\n",
    b"\xef\xbb\xbf# Neck \xc0 pain\n\nA " + THAI_DASH + b" b \x80 c.\n",
])
def test_diff_keeps_bytes_that_are_not_utf8(tmp_path, before):
    # --diff wrote U+FFFD where the page has bytes that are not UTF-8, so patch failed
    # ("Hunk #1 FAILED"). Applied with patch, the diff now gives what --fix writes.
    import shutil
    import subprocess

    (tmp_path / "p.md").write_bytes(before)
    r = run_cli("check", "--no-cache", "--diff", "--select", "CL301,CL305", "p.md",
                cwd=tmp_path)
    assert r.returncode == 1 and b"\xef\xbf\xbd" not in r.stdout
    assert b"\n-" in r.stdout and b"\n+" in r.stdout
    run_cli("check", "--no-cache", "--fix", "--select", "CL301,CL305", "p.md", cwd=tmp_path)
    fixed = (tmp_path / "p.md").read_bytes()
    assert fixed != before
    if shutil.which("patch"):
        (tmp_path / "p.md").write_bytes(before)
        subprocess.run(["patch", "-p1", "--quiet"], input=r.stdout, cwd=tmp_path,
                       check=True)
        assert (tmp_path / "p.md").read_bytes() == fixed


def test_fix_keeps_bad_bytes_through_the_cli_and_stdin(tmp_path):
    before = b"---\ntitle: N\xe9ck pain\n---\n# Neck pain\n\nMost cases " + THAI_DASH + \
        b" none.\n"
    after = b"---\ntitle: N\xe9ck pain\n---\n# Neck pain\n\nMost cases \xe2\x80\x94 none.\n"
    (tmp_path / "a.md").write_bytes(before)
    r = run_cli("check", "--fix", "--no-cache", "--output-format", "concise", "a.md",
                cwd=tmp_path)
    assert (tmp_path / "a.md").read_bytes() == after
    out = r.stdout.decode()
    assert "a.md:2:9: CL302 [error] invalid UTF-8 (1 byte) at line 2, column 9" in out
    assert "CL303" not in out  # no replacement character was written
    r = run_cli("check", "--fix", "--output-format", "concise", "-", input=before,
                cwd=tmp_path)
    assert r.stdout == after


def test_utf16_with_a_lone_surrogate_is_not_fixed(tmp_path):
    # U+D800 alone cannot be decoded; writing the text back would turn it into U+FFFD.
    before = b"\xff\xfe" + "# Neck pain\n\nA \u00e2\u20ac\u201d b ".encode("utf-16-le") + \
        b"\x00\xd8" + " c.\n".encode("utf-16-le")
    (tmp_path / "a.md").write_bytes(before)
    r = run_cli("check", "--fix", "--no-cache", "--output-format", "concise", "a.md",
                cwd=tmp_path)
    assert (tmp_path / "a.md").read_bytes() == before
    assert "a.md: some bytes do not decode as UTF-16-LE (a lone surrogate); nothing was " \
           "fixed, so that no byte is lost" in r.stderr.decode()


def test_a_fix_that_would_join_bad_bytes_into_text_is_not_made():
    # Removing the control character between b"\xc2" and b"\x80" (two runs that do not
    # decode) would make them U+0080, which the next pass turned into a euro sign: the
    # fuzz campaign's seed 1703. The page keeps its bytes.
    before = b"# T\n\nA \xc2\x04\x80 b.\n"
    after = fix_text(before)
    assert b"\xc2" in after and b"\x80" in after
    assert b"\xe2\x82\xac" not in after  # no euro sign made of them
    assert after.replace(b"\x04", b"") == before.replace(b"\x04", b"")
