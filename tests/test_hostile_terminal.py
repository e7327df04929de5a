"""Content must never reach a terminal raw: ANSI escapes, OSC 8 hyperlinks, carriage
returns and bidi overrides are shown escaped in full and concise output; JSON keeps
them as \\u escapes and gives back the exact text."""

from __future__ import annotations

import json

import pytest

from conditionlint.formatters import Report, get
from conditionlint.formatters.text import escape
from conditionlint.model import Finding
from conditionlint.registry import build
from tests.conftest import run_cli

HOSTILE = ("red \x1b[31mALERT\x1b[0m link \x1b]8;;https://evil.example\x1b\\click\x1b]8;;\x1b\\"
           " over\rwrite \u202eevil\u202c \u2066x\u2069 bell\x07 nel\x85 tag\U000e0041")
RAW = ("\x1b", "\r", "\x07", "\x85", "\u202e", "\u202c", "\u2066", "\u2069", "\U000e0041")


def report(fmt: str, color: bool = False) -> str:
    f = Finding(path="pages/\x1b[2Jx.md", code="CL304", name="control-character",
                severity="error", message=f"control character in {HOSTILE}", line=1,
                column=1, end_line=1, end_column=5, start=0, end=4, snippet=HOSTILE)
    return get(fmt)(Report(findings=[f], files=[f.path], registry=build(), version="t",
                           color=color))


@pytest.mark.parametrize("fmt", ["full", "concise"])
@pytest.mark.parametrize("color", [False, True])
def test_human_formats_escape_every_control(fmt, color):
    out = report(fmt, color)
    if color:  # our own colour codes are the only escapes
        out = out.replace("\x1b[0m", "").replace("\x1b[1;31m", "").replace(
            "\x1b[1;35m", "").replace("\x1b[1m", "").replace("\x1b[2m", "")
    for ch in RAW:
        assert ch not in out, (fmt, repr(ch))
    assert "<U+001B>[31mALERT" in out
    assert "<U+001B>]8;;https://evil.example<U+001B>\\click" in out
    assert "over<U+000D>write <U+202E>evil<U+202C>" in out
    assert "pages/<U+001B>[2Jx.md" in out


def test_json_escapes_and_round_trips():
    out = report("json")
    for ch in RAW:
        assert ch not in out
    data = json.loads(out)
    assert data["findings"][0]["message"] == f"control character in {HOSTILE}"
    assert data["findings"][0]["path"] == "pages/\x1b[2Jx.md"


def test_escape_keeps_ordinary_text_and_tabs():
    assert escape("Café — 5 mg\tdaily, 日本語 👍") == "Café — 5 mg\tdaily, 日本語 👍"


def test_real_run_shows_hostile_content_escaped(tmp_path):
    (tmp_path / "e.md").write_bytes(
        b"# T \x1b[31mred\x1b]8;;http://evil\x1b\\link\n\n\xe2\x80\xaeabc def\n")
    for fmt in ("full", "concise"):
        r = run_cli("check", "--no-cache", "--output-format", fmt, "e.md", cwd=tmp_path)
        out = r.stdout.decode()
        assert "\x1b" not in out and "\u202e" not in out
        assert "Traceback" not in r.stderr.decode()
        assert r.returncode == 1
    r = run_cli("check", "--no-cache", "--output-format", "concise", "e.md", cwd=tmp_path)
    assert "e.md:1:5: CL304 [error] control character <U+001B>" in r.stdout.decode()
