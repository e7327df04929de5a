"""Claims round 17: precision first (docs/claims.md, "Round 17"). Structural limits
written from the false findings of blind20 to blind23 (seen), as general shapes rather
than phrases.

Every page here is invented, not taken from the corpus. Each change is pinned by rule
code, line, column and message (the cue): the non-claim that is now silent and the
look-alike claim that is still flagged. The tests pin the rules, so they run without the
claim model (the ``rules_alone`` fixture, as in tests/test_claims_round16.py).
"""

from __future__ import annotations

import pytest

from tests.test_claims_round12 import _claim, _found, _page

pytestmark = pytest.mark.usefixtures("rules_alone")


# -- 1. a bold run-in label that the item goes on to explain names the item ------------
def test_a_bold_run_in_label_followed_by_its_explanation_is_a_name():
    page = _page("Our programme",
                 "Our programme has three parts:\n\n"
                 "1. **Joint healing.** We start with a full assessment of the joint.\n"
                 "2. **Stress support.** Weekly breathing classes with our team.\n"
                 "3. **Gut repair.** Probiotics repair the gut lining within weeks.")
    assert _found(page) == [("CL401", 9, 20, _claim("efficacy", "Probiotics repair"))]


def test_a_bold_label_that_is_the_whole_item_or_states_a_claim_still_counts():
    page = _page("Why choose us",
                 "- **Heals sprains faster.**\n"
                 "- **Massage reduces pain in most people.** Ask us about it.")
    assert _found(page) == [
        ("CL401", 5, 5, _claim("efficacy", "Heals")),
        ("CL401", 6, 5, _claim("efficacy", "reduces")),
    ]
