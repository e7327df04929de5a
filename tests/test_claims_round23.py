"""Claims round 23 (fourteenth session; blind44 to blind47 seen): review 22's D7 second
part, then general families only, each shown by misses on several seen pages of at
least two sets (docs/round23.md).

Every page here is invented, not taken from the corpus. Each change is pinned by rule
code, line, column and message, with a look-alike that must stay quiet. The tests pin
what the phrase rules decide, so they run without the claim model (``rules_alone``).
"""

from __future__ import annotations

import pytest

from tests.test_claims_round12 import _claim, _found, _page

pytestmark = pytest.mark.usefixtures("rules_alone")


# -- D7 (review 22, second part): a ranking verdict an older pattern finds keeps its cue ----
def test_a_ranking_verdict_an_older_pattern_finds_is_quoted_as_before_round_22():
    page = _page("Treatment",
                 "Surgery is the best treatment for widget syndrome.\n\n"
                 "Splinting is one of the best things you can do for it.\n\n"
                 "For most people, rest is the most effective treatment.\n\n"
                 "Stopping smoking is the single most important thing you can do.")
    assert _found(page) == [
        ("CL401", 5, 1, _claim("comparative", "the best treatment")),
        ("CL401", 7, 1, _claim("comparative", "one of the best things")),
        ("CL401", 9, 1, _claim("comparative", "the most effective treatment")),
        ("CL401", 11, 1, _claim("comparative", "the single most important thing")),
    ]


def test_a_ranking_verdict_no_older_cue_finds_is_still_quoted_from_its_verb():
    page = _page("Treatment",
                 "Swimming is the best exercise for a stiff hip.\n\n"
                 "Keyhole release is the most comfortable option.\n\n"
                 "Our reception desk is the main way to book a visit.")
    assert _found(page) == [
        ("CL401", 5, 1, _claim("comparative", "is the best exercise")),
        ("CL401", 7, 1, _claim("comparative", "is the most comfortable option")),
    ]
