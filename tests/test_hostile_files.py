"""Hostile files and folders through the real command line (and, where a fault must
be simulated because CI runs as root, through ``app.run_check`` in this process).
Every case: exact outcome, the other files still checked, never a traceback."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from conditionlint import app, runner, safeio
from conditionlint.app import CheckRequest, run_check
from tests.conftest import run_cli

GOOD = "# Back pain\n\nBack pain is common \u00e2\u20ac\u201d most of it gets better.\n"
# What GOOD alone gives, in concise form (path prefix added per file); the exact list
# is computed by the same CLI so that rules added later do not break these tests.


def concise(*args: str, cwd: Path):  # noqa: ANN201
    r = run_cli("check", "--output-format", "concise", "--no-cache", "--today", "2026-11-29",
                *args, cwd=cwd)
    err = r.stderr.decode()
    assert "Traceback" not in err, err
    lines = [ln for ln in r.stdout.decode().splitlines() if ln and not ln.startswith(
        ("Found ", "All checks"))]
    return r, lines, err


def alone(tmp_path: Path, name: str, text: str) -> list[str]:
    """The findings a page gets when checked on its own, in another folder."""
    solo = tmp_path / "solo"
    solo.mkdir(exist_ok=True)
    (solo / name).write_text(text, encoding="utf-8")
    return concise(name, cwd=solo)[1]


def test_missing_path_is_exit_2_with_a_message(tmp_path):
    (tmp_path / "a.md").write_text(GOOD, encoding="utf-8")
    r, lines, err = concise("nope.md", "a.md", cwd=tmp_path)
    assert r.returncode == 2
    assert "conditionlint: error: nope.md: no such file or folder" in err


def test_missing_path_still_checks_the_other_files(tmp_path):
    (tmp_path / "a.md").write_text(GOOD, encoding="utf-8")
    r, lines, _ = concise("nope.md", "a.md", cwd=tmp_path)
    assert r.returncode == 2
    assert any(ln.startswith("a.md:3:") and "CL301" in ln for ln in lines)


@pytest.mark.parametrize("option, message", [
    ("--config", "config error: d: cannot read config file: is not a regular file"),  # as a FIFO
    ("--output-file", "Invalid value for '-o' / '--output-file': File 'd' is a directory."),
])
def test_folder_given_where_a_file_is_expected(tmp_path, option, message):
    (tmp_path / "d").mkdir()
    (tmp_path / "a.md").write_text(GOOD, encoding="utf-8")
    r, _, err = concise(option, "d", "a.md", cwd=tmp_path)
    assert r.returncode == 2
    assert message in err


def test_a_fifo_found_in_a_folder_is_reported(tmp_path):
    # It used to be dropped from the walk without a word (only a named one was reported).
    (tmp_path / "t").mkdir()
    os.mkfifo(tmp_path / "t" / "pipe.md")
    (tmp_path / "t" / "a.md").write_text(GOOD, encoding="utf-8")
    for jobs in ("1", "2"):
        r, lines, _ = concise("--jobs", jobs, "t", cwd=tmp_path)
        assert "t/pipe.md:1:1: CL903 [error] is not a regular file" in lines
        assert any(ln.startswith("t/a.md:3:") and "CL301" in ln for ln in lines)
        assert r.returncode == 1


def test_a_config_that_is_a_fifo_is_a_config_error(tmp_path):
    # It used to be passed over as if there were no config here.
    (tmp_path / "sub").mkdir()
    os.mkfifo(tmp_path / "sub" / ".conditionlint.yaml")
    (tmp_path / "sub" / "a.md").write_text(GOOD, encoding="utf-8")
    for target in ("sub/a.md", "."):
        r, _, err = concise(target, cwd=tmp_path)
        assert r.returncode == 2, target
        assert "sub/.conditionlint.yaml: cannot read config file: is not a regular file" \
            in err


def test_file_given_where_a_folder_is_expected(tmp_path):
    (tmp_path / "f").write_text("x", encoding="utf-8")
    (tmp_path / "a.md").write_text(GOOD, encoding="utf-8")
    r = run_cli("check", "--cache-dir", "f", "a.md", cwd=tmp_path)
    assert r.returncode == 2
    assert "Invalid value for '--cache-dir': Directory 'f' is a file." in r.stderr.decode()


def test_a_named_fifo_is_not_read(tmp_path):
    os.mkfifo(tmp_path / "pipe.md")
    (tmp_path / "a.md").write_text(GOOD, encoding="utf-8")
    r, lines, _ = concise("pipe.md", "a.md", cwd=tmp_path)
    assert "pipe.md:1:1: CL903 [error] is not a regular file" in lines
    assert any(ln.startswith("a.md:3:") and "CL301" in ln for ln in lines)
    assert r.returncode == 1


def test_page_over_the_size_limit_is_cl903_and_not_read(tmp_path):
    big = tmp_path / "big.md"
    with open(big, "wb") as fh:  # 50 MB, sparse: nothing is written
        fh.truncate(50 * 1024 * 1024)
    (tmp_path / "a.md").write_text(GOOD, encoding="utf-8")
    r, lines, _ = concise(".", cwd=tmp_path)
    assert ("big.md:1:1: CL903 [error] file is 52428800 bytes, larger than the limit of "
            "10485760 bytes (max-file-size); not checked") in lines
    assert lines[1:] == alone(tmp_path, "a.md", GOOD) or \
        [ln for ln in lines if ln.startswith("a.md")] == alone(tmp_path, "a.md", GOOD)
    assert r.returncode == 1


def test_size_limit_is_configurable(tmp_path):
    (tmp_path / ".conditionlint.yaml").write_text("max-file-size: 20\n", encoding="utf-8")
    (tmp_path / "a.md").write_text(GOOD, encoding="utf-8")
    _, lines, _ = concise("a.md", cwd=tmp_path)
    size = len(GOOD.encode())
    assert lines == [f"a.md:1:1: CL903 [error] file is {size} bytes, larger than the limit "
                     f"of 20 bytes (max-file-size); not checked"]


# -- faults that need simulating (CI runs as root) ------------------------------------------
def in_process(monkeypatch, capsys, *paths: str) -> tuple[int, list[str], str]:  # noqa: ANN001
    monkeypatch.setenv("NO_COLOR", "1")
    req = CheckRequest(paths=list(paths), fmt="concise", jobs=1, use_cache=False,
                       today=__import__("datetime").date(2026, 11, 29), quiet=True)
    rc = run_check(req)
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    return rc, [ln for ln in out.splitlines() if ln], err


def test_permission_denied_on_a_file(tmp_path, monkeypatch, capsys):
    (tmp_path / "secret.md").write_text(GOOD, encoding="utf-8")
    (tmp_path / "a.md").write_text(GOOD, encoding="utf-8")
    real_open = os.open

    def fake_open(path, *a, **kw):  # noqa: ANN001, ANN002, ANN003, ANN202
        if str(path).endswith("secret.md"):
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_open(path, *a, **kw)

    monkeypatch.setattr(safeio.os, "open", fake_open)
    monkeypatch.chdir(tmp_path)
    rc, lines, _ = in_process(monkeypatch, capsys, ".")
    assert "secret.md:1:1: CL903 [error] cannot read file: Permission denied" in lines
    assert any(ln.startswith("a.md:3:") and "CL301" in ln for ln in lines)
    assert rc == 1


def test_permission_denied_on_a_folder(tmp_path, monkeypatch, capsys):
    (tmp_path / "locked").mkdir()
    (tmp_path / "locked" / "x.md").write_text(GOOD, encoding="utf-8")
    (tmp_path / "a.md").write_text(GOOD, encoding="utf-8")
    real_scandir = os.scandir

    def fake_scandir(path="."):  # noqa: ANN001, ANN202
        if str(path).endswith("locked"):
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", fake_scandir)
    monkeypatch.chdir(tmp_path)
    rc, lines, _ = in_process(monkeypatch, capsys, ".")
    assert "locked:1:1: CL903 [error] cannot read folder: Permission denied" in lines
    assert not any(ln.startswith("locked/x.md") for ln in lines)
    assert any(ln.startswith("a.md:3:") and "CL301" in ln for ln in lines)
    assert rc == 1


def _lock_folder(monkeypatch, name: str) -> None:  # noqa: ANN001
    """Make folder ``name`` behave as a folder another user owns with mode 700: it can be
    listed as an entry of its parent, but neither listed nor looked into (stat of
    anything inside it fails), as for a non-root user."""
    real_scandir = os.scandir
    real_is_file = Path.is_file

    def fake_scandir(path="."):  # noqa: ANN001, ANN202
        if os.path.basename(os.path.normpath(os.fspath(path))) == name:
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_scandir(path)

    def fake_is_file(self):  # noqa: ANN001, ANN202
        if self.absolute().parent.name == name:
            raise PermissionError(errno.EACCES, "Permission denied", str(self))
        return real_is_file(self)

    real_stat = os.stat

    def fake_stat(path, *a, **kw):  # noqa: ANN001, ANN002, ANN003, ANN202
        if os.path.basename(os.path.dirname(os.path.abspath(os.fspath(path)))) == name:
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_stat(path, *a, **kw)

    monkeypatch.setattr(os, "scandir", fake_scandir)
    monkeypatch.setattr(os, "stat", fake_stat)
    monkeypatch.setattr(Path, "is_file", fake_is_file)


def test_folder_that_cannot_be_looked_into_is_reported_when_walked(tmp_path, monkeypatch,
                                                                    capsys):
    # Looking for the folder's own config file used to raise, and the walk skipped the
    # folder without a word.
    (tmp_path / "locked").mkdir()
    (tmp_path / "locked" / "x.md").write_text(GOOD, encoding="utf-8")
    (tmp_path / "a.md").write_text(GOOD, encoding="utf-8")
    _lock_folder(monkeypatch, "locked")
    monkeypatch.chdir(tmp_path)
    rc, lines, _ = in_process(monkeypatch, capsys, ".")
    assert "locked:1:1: CL903 [error] cannot read folder: Permission denied" in lines
    assert any(ln.startswith("a.md:3:") and "CL301" in ln for ln in lines)
    assert rc == 1


def test_folder_that_cannot_be_looked_into_is_reported_when_named(tmp_path, monkeypatch,
                                                                   capsys):
    # Named on the command line, the config lookup used to end in a traceback (exit 1).
    (tmp_path / "locked").mkdir()
    (tmp_path / "locked" / "x.md").write_text(GOOD, encoding="utf-8")
    (tmp_path / "a.md").write_text(GOOD, encoding="utf-8")
    _lock_folder(monkeypatch, "locked")
    monkeypatch.chdir(tmp_path)
    rc, lines, _ = in_process(monkeypatch, capsys, "locked", "a.md")
    assert any(ln.startswith("a.md:3:") and "CL301" in ln for ln in lines)
    assert "locked:1:1: CL903 [error] cannot read folder: Permission denied" in lines
    assert rc == 1


def test_file_deleted_between_discovery_and_reading(tmp_path, monkeypatch, capsys):
    (tmp_path / "gone.md").write_text(GOOD, encoding="utf-8")
    (tmp_path / "a.md").write_text(GOOD, encoding="utf-8")
    real_discover = app.discover

    def discover_then_delete(*a, **kw):  # noqa: ANN002, ANN003, ANN202
        found = real_discover(*a, **kw)
        (tmp_path / "gone.md").unlink()
        return found

    monkeypatch.setattr(app, "discover", discover_then_delete)
    monkeypatch.chdir(tmp_path)
    rc, lines, _ = in_process(monkeypatch, capsys, ".")
    assert "gone.md:1:1: CL903 [error] file disappeared before it could be read" in lines
    assert any(ln.startswith("a.md:3:") and "CL301" in ln for ln in lines)
    assert rc == 1


def test_file_vanishing_between_stat_and_open(tmp_path, monkeypatch):
    p = tmp_path / "x.md"
    p.write_text(GOOD, encoding="utf-8")

    def fake_open(path, *a, **kw):  # noqa: ANN001, ANN002, ANN003, ANN202
        raise FileNotFoundError(errno.ENOENT, "No such file or directory", str(path))

    monkeypatch.setattr(safeio.os, "open", fake_open)
    with pytest.raises(runner.Unreadable, match="^file disappeared before it could be read$"):
        runner.read_bytes(p, 10_000)


# -- symbolic links ---------------------------------------------------------------------------
def test_symlinks_followed_once_loops_detected_external_reported(tmp_path):
    site = tmp_path / "site"
    (site / "pages").mkdir(parents=True)
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "ext.md").write_text(GOOD, encoding="utf-8")
    (site / "pages" / "a.md").write_text(GOOD, encoding="utf-8")
    (site / "pages" / "loop").symlink_to(site, target_is_directory=True)
    (site / "alias.md").symlink_to(site / "pages" / "a.md")  # same file: checked once
    (site / "ext.md").symlink_to(outside / "ext.md")
    (site / "extdir").symlink_to(outside, target_is_directory=True)
    (site / "broken.md").symlink_to(tmp_path / "nowhere.md")
    r, lines, _ = concise("site", cwd=tmp_path)
    outside_msg = ("CL903 [warning] symbolic link leads outside the checked folder; not "
                   "followed (set follow-external-symlinks to allow)")
    assert f"site/ext.md:1:1: {outside_msg}" in lines
    assert f"site/extdir:1:1: {outside_msg}" in lines
    assert "site/broken.md:1:1: CL903 [warning] broken symbolic link" in lines
    loops = [ln for ln in lines if "symbolic link loop" in ln]
    assert loops == ["site/pages/loop:1:1: CL903 [warning] symbolic link loop: this folder "
                     "was already visited; not followed again"]
    checked = {ln.split(":")[0] for ln in lines if "CL301" in ln}
    assert checked == {"site/alias.md"} or checked == {"site/pages/a.md"}
    assert r.returncode == 1


def test_a_folder_reached_twice_without_a_loop_says_so(tmp_path):
    # Two ways to one folder (a link beside it) is not a loop; the warning used to
    # say "symbolic link loop" and named neither the link nor where it was checked.
    site = tmp_path / "site"
    (site / "shared").mkdir(parents=True)
    (site / "shared" / "s.md").write_text(GOOD, encoding="utf-8")
    (site / "linked").symlink_to(site / "shared", target_is_directory=True)
    r, lines, _ = concise("site", cwd=tmp_path)
    assert [ln for ln in lines if "CL903" in ln] == [
        "site/shared:1:1: CL903 [warning] this folder was already checked as site/linked "
        "(a symbolic link leads to it); not checked again"]
    assert {ln.split(":")[0] for ln in lines if "CL301" in ln} == {"site/linked/s.md"}


def test_external_symlinks_followed_when_allowed(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "ext.md").write_text(GOOD, encoding="utf-8")
    (site / "ext.md").symlink_to(outside / "ext.md")
    (site / ".conditionlint.yaml").write_text("follow-external-symlinks: true\n",
                                              encoding="utf-8")
    _, lines, _ = concise(".", cwd=site)
    assert not [ln for ln in lines if "CL903" in ln]
    assert any(ln.startswith("ext.md:3:") and "CL301" in ln for ln in lines)


# -- the mixed folder -----------------------------------------------------------------------
NORMAL_1 = GOOD
NORMAL_2 = ("---\ntitle: Sciatica\n---\n# Sciatica\n\n## Symptoms\n\nPain down the leg.\n\n"
            "## Treatment\n\nIt cures sciatica in every patient.\n")


def test_a_folder_of_hostile_files_and_normal_pages(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    files: dict[str, bytes] = {
        "binary.md": b"\x89PNG\r\n\x1a\n\x00\x00\x00",
        "nul.md": b"# T\n\x00\x00",
        "latin1.md": "# Café\n\nnaïve\n".encode("latin-1"),
        "utf16.md": "# T\n\ntext\n".encode("utf-16-le"),
        "empty.md": b"",
        "fm-only.md": b"---\ntitle: x\n---\n",
        "bomb.md": b"---\na: &a [x, x]\nb: [*a, *a]\n---\n# T\n",
        "tag.md": b"---\na: !!python/object/apply:os.system ['true']\n---\n# T\n",
        "deep.md": b"---\na: " + b"[" * 5000 + b"]" * 5000 + b"\n---\n# T\n",
        "comments.md": b"# T\n\n" + b"<!-- a\n" * 300,
        "suppress.md": b"# T\n\n<!-- conditionlint-disable-next-line CL301\n",
        "lists.md": b"# T\n\n" + b"- " * 5000 + b"x\n",
        "brackets.md": b"# T\n\n" + b"[" * 20000 + b"]" * 20000 + b"\n",
        "escape.md": b"# T \x1b[31mred\x1b]8;;http://evil\x1b\\\n\n\xe2\x80\xaeabc\rdef\n",
        "normal-1.md": NORMAL_1.encode(),
        "normal-2.md": NORMAL_2.encode(),
    }
    for name, data in files.items():
        (site / name).write_bytes(data)
    with open(site / "huge.md", "wb") as fh:
        fh.truncate(11 * 1024 * 1024)
    (site / "loop").symlink_to(site, target_is_directory=True)
    r, lines, err = concise("site", cwd=tmp_path)
    assert r.returncode == 1, err  # findings at error level; no internal error
    assert not [ln for ln in lines if "CL901" in ln]
    out = r.stdout.decode()
    assert "\x1b" not in out and "\u202e" not in out and "\r" not in out
    for name, text in (("normal-1.md", NORMAL_1), ("normal-2.md", NORMAL_2)):
        mine = [ln for ln in lines if ln.startswith(f"site/{name}:")]
        assert mine == [f"site/{ln}" for ln in alone(tmp_path, name, text)]
        assert mine
    for name in ("binary.md", "nul.md", "huge.md"):
        assert [ln for ln in lines if ln.startswith(f"site/{name}:")][0].startswith(
            f"site/{name}:1:1: CL903 [error] ")
    assert "Found " in out and "(18 files checked)" in out


@pytest.mark.parametrize("size, outcome", [(40, "read whole"), (100, "refused")])
def test_a_file_that_grows_after_its_stat(tmp_path, monkeypatch, size, outcome):
    # stat says 10 bytes; the file holds more by the time it is read (limit 50)
    p = tmp_path / "g.md"
    p.write_bytes(b"x" * size)
    real_fstat = os.fstat
    fd_of_page = []
    real_open = os.open

    def opened(path, *a, **kw):  # noqa: ANN001, ANN002, ANN003, ANN202
        fd = real_open(path, *a, **kw)
        if str(path).endswith("g.md"):
            fd_of_page.append(fd)
        return fd

    def small_stat(fd, *a, **kw):  # noqa: ANN001, ANN002, ANN003, ANN202
        st = real_fstat(fd, *a, **kw)
        if fd in fd_of_page:
            return os.stat_result((st.st_mode, st.st_ino, st.st_dev, st.st_nlink, st.st_uid,
                                   st.st_gid, 10, st.st_atime, st.st_mtime, st.st_ctime))
        return st

    monkeypatch.setattr(safeio.os, "open", opened)
    monkeypatch.setattr(safeio.os, "fstat", small_stat)
    if outcome == "read whole":
        assert runner.read_bytes(p, 50) == b"x" * size
    else:
        with pytest.raises(runner.Unreadable, match="grew past the limit of 50 bytes"):
            runner.read_bytes(p, 50)


def test_short_reads_are_read_on_to_the_end(tmp_path, monkeypatch):
    # Linux returns at most about 2 GiB a read() call: a page over that (max-file-size
    # allows up to 1 TiB) came back cut short when a short read was taken as the end.
    # Reads capped at 1,000 bytes stand in for it.
    p = tmp_path / "big.md"
    data = bytes(range(256)) * 40
    p.write_bytes(data)
    real_read = os.read

    def capped(fd, n):  # noqa: ANN001, ANN202
        return real_read(fd, min(n, 1000))

    monkeypatch.setattr(safeio.os, "read", capped)
    assert runner.read_bytes(p, 1 << 20) == data
    assert safeio.read_regular(p, 1 << 20) == data
    with pytest.raises(runner.Unreadable, match=r"^file is 10240 bytes, larger than the "
                                                r"limit of 5000 bytes \(max-file-size\)"):
        runner.read_bytes(p, 5000)


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
@pytest.mark.parametrize("args", [
    ("--output-format", "json", "a.md"),
    ("--diff", "a.md"),
    ("--fix", "-"),
])
def test_a_full_disk_under_stdout_is_a_clear_error(tmp_path, args):
    # Writing the report (or the diff, or stdin's fixed page) to a full disk used to
    # end in a traceback and exit 1, which reads as "findings".
    import subprocess
    import sys

    (tmp_path / "a.md").write_text(GOOD, encoding="utf-8")
    with open("/dev/full", "wb") as full:  # opened for writing, never replaced
        r = subprocess.run([sys.executable, "-m", "conditionlint", "check", "--no-cache",
                            *args], cwd=tmp_path, stdout=full, stderr=subprocess.PIPE,
                           input=GOOD.encode() if args[-1] == "-" else None, timeout=120)
    err = r.stderr.decode()
    assert "Traceback" not in err, err
    assert r.returncode == 2
    assert "error: cannot write the " in err and "to stdout: No space left on device" in err


@pytest.mark.skipif(not os.path.isdir("/proc/self"), reason="needs /proc")
def test_sigterm_unwinds_the_run(tmp_path):
    # SIGTERM used to kill the parent where it stood: its worker processes stayed
    # behind for ever (parent 1) and --fix left temporary files beside the pages.
    import signal
    import subprocess
    import sys
    import time

    page = "# T\n\nIt helps \u00e2\u20ac\u201d a lot.\n" * 40
    for d in range(30):
        (tmp_path / f"d{d}").mkdir()
        for i in range(40):
            (tmp_path / f"d{d}" / f"p{i}.md").write_text(page, encoding="utf-8")
    marker = str(tmp_path)
    proc = subprocess.Popen([sys.executable, "-m", "conditionlint", "check", "--jobs", "2",
                             "--no-cache", "--fix", "-q", marker], cwd=tmp_path,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    time.sleep(3)
    proc.send_signal(signal.SIGTERM)
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 143, err.decode()
    assert "conditionlint: terminated" in err.decode()
    assert "Traceback" not in err.decode()
    time.sleep(1)
    left = []
    for pid in os.listdir("/proc"):
        if pid.isdigit():
            try:
                cmd = open(f"/proc/{pid}/cmdline", "rb").read()
            except OSError:
                continue
            if marker.encode() in cmd and b"conditionlint" in cmd:
                left.append(pid)
    assert left == []
    assert not list(tmp_path.rglob("*conditionlint-tmp"))
    fixed = (tmp_path / "d0" / "p0.md").read_text(encoding="utf-8")
    assert fixed in (page, page.replace("\u00e2\u20ac\u201d", "\u2014"))
