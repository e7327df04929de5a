"""The progress bar: on stderr, only on a terminal, never with -q or in CI."""

from __future__ import annotations

import io
import os
import pty
import subprocess
import sys

import pytest

from conditionlint.progress import MIN_FILES, Progress


class _Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_bar_draws_on_a_terminal_and_erases_itself(monkeypatch) -> None:
    monkeypatch.delenv("CI", raising=False)
    out = _Tty()
    bar = Progress(MIN_FILES, True, stream=out)
    for _ in range(MIN_FILES):
        bar.advance()
    bar.close()
    text = out.getvalue()
    assert f"{MIN_FILES}/{MIN_FILES} files" in text  # the last step is always drawn
    assert text.startswith("\r") and text.endswith("\r\x1b[2K")


@pytest.mark.parametrize("why", ["not a tty", "disabled", "ci", "few files"])
def test_bar_hidden(monkeypatch, why: str) -> None:
    monkeypatch.delenv("CI", raising=False)
    out = io.StringIO() if why == "not a tty" else _Tty()
    total = 3 if why == "few files" else 50
    if why == "ci":
        monkeypatch.setenv("CI", "true")
    bar = Progress(total, why != "disabled", stream=out)
    for _ in range(total):
        bar.advance()
    bar.close()
    assert out.getvalue() == ""
    assert bar.done == total


def _run_on_a_tty(tmp_path, *args: str, ci: bool = False) -> tuple[bytes, bytes]:
    """Run the CLI with stderr on a real pseudo-terminal; return (stdout, stderr)."""
    for i in range(MIN_FILES + 5):
        (tmp_path / f"p{i:02}.md").write_text(f"# Page {i}\n", "utf-8")
    env = {k: v for k, v in os.environ.items() if k not in ("CI", "GITHUB_ACTIONS")}
    if ci:
        env["CI"] = "1"
    master, slave = pty.openpty()
    try:
        proc = subprocess.run([sys.executable, "-m", "conditionlint", "check", "--select",
                               "CL105", "--no-cache", *args, "."], cwd=tmp_path,
                              stdout=subprocess.PIPE, stderr=slave, env=env, timeout=120)
        os.close(slave)
        chunks = []
        while True:
            try:
                data = os.read(master, 65536)
            except OSError:  # EIO: the other side is closed and drained
                break
            if not data:
                break
            chunks.append(data)
    finally:
        os.close(master)
    return proc.stdout, b"".join(chunks)


def test_cli_shows_progress_on_a_terminal_only(tmp_path) -> None:
    stdout, stderr = _run_on_a_tty(tmp_path)
    assert f"25/{MIN_FILES + 5} files".encode() in stderr
    assert b"\x1b[2K" in stderr  # erased before the report
    assert b"files" not in stdout.replace(b"files checked", b"")
    assert stdout.startswith(b"All checks passed")


def test_cli_hides_progress_with_quiet_and_in_ci(tmp_path) -> None:
    assert _run_on_a_tty(tmp_path, "-q")[1] == b""
    assert _run_on_a_tty(tmp_path, ci=True)[1] == b""


def test_cli_no_progress_when_stderr_is_not_a_terminal(tmp_path) -> None:
    for i in range(MIN_FILES + 5):
        (tmp_path / f"p{i:02}.md").write_text(f"# Page {i}\n", "utf-8")
    r = subprocess.run([sys.executable, "-m", "conditionlint", "check", "--select", "CL105",
                        "--no-cache", "."], cwd=tmp_path, capture_output=True, timeout=120)
    assert r.returncode == 0 and r.stderr == b""


def test_clear_erases_the_bar_before_other_output_and_it_comes_back(monkeypatch) -> None:
    """Output written while files are checked (a streamed diff, a warning) starts on a
    clean line: progress.clear() erases the bar on screen; the next step redraws it."""
    from conditionlint import progress

    monkeypatch.delenv("CI", raising=False)
    out = _Tty()
    bar = Progress(MIN_FILES + 5, True, stream=out)
    bar.advance()
    drawn = out.getvalue()
    assert drawn.endswith(f"1/{MIN_FILES + 5} files")
    progress.clear()
    assert out.getvalue() == drawn + "\r\x1b[2K"
    progress.clear()  # nothing on screen: nothing written
    assert out.getvalue() == drawn + "\r\x1b[2K"
    bar.advance()
    assert out.getvalue().endswith(f"2/{MIN_FILES + 5} files")
    bar.close()
    progress.clear()  # closed: no bar left to erase
    assert out.getvalue().endswith("\r\x1b[2K") and progress._shown is None  # noqa: SLF001
