"""Display widths for the caret line of the full report (formatters/text.width)."""

from __future__ import annotations

import unicodedata

import pytest

from conditionlint.formatters.text import width


def _slow(text: str) -> int:
    return sum(0 if unicodedata.combining(ch) else
               2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


@pytest.mark.parametrize("text, expected", [
    ("", 0),
    ("plain ascii text", 16),
    ("caf\u00e9 \u2014 na\u00efve", 12),  # Latin-1 and a dash: one column each
    ("e\u0301", 1),  # a combining acute takes no column
    ("\u75db\u307f", 4),  # two wide CJK characters
    ("\uff21", 2),  # a full-width letter
    ("\u00bd\u00b2\u02c6", 3),  # ambiguous-width characters count as one
])
def test_width(text, expected):
    assert width(text) == expected


def test_same_as_the_per_character_rule_on_every_code_point_below_0x3400():
    # the fast paths (ASCII, below U+0300) must not change any width
    text = "".join(chr(c) for c in range(0x20, 0x3400) if not 0xD800 <= c < 0xE000)
    for i in range(0, len(text), 97):
        chunk = text[i:i + 97]
        assert width(chunk) == _slow(chunk), chunk
