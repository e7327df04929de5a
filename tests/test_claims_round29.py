"""Claims round 29 (blind62 to blind71 seen; open-class families, precision first): the
practice's record told as a count of its work (docs/round29.md).

Every page here is invented, not taken from the corpus. Each family is pinned by rule
code, line, column and message, with look-alikes that must stay as they are. Tests that
pin what the phrase rules decide run without the claim model (``rules_alone``); an
exclusion also keeps a sentence from the model, so those run as shipped (the model on).
"""

from __future__ import annotations

from tests.test_claims_round12 import _claim, _found, _page


# -- (a) the practice's record as a count of its work, whatever it counts ----------------------
def test_a_count_of_the_practices_work_is_no_claim():
    # before round 29 the claim model took the first for a comparative claim
    page = _page("About us",
                 "At Widgetworks we have treated more than 5,000 knees since 2012, and our "
                 "team uses the newest scanner.\n\n"
                 "Our physiotherapists have performed over 7,000 assessments since 2009.\n\n"
                 "Since 2014 we have helped more than 20,000 people.\n")
    assert _found(page) == []


def test_a_count_with_an_outcome_stays_a_claim():
    page = _page("About us",
                 "Since 2012 we have treated more than 5,000 knees, and most are back to "
                 "running within six weeks.\n\n"
                 "We have helped over 900 people sleep better.\n")
    assert _found(page) == [
        ("CL401", 5, 1, _claim("efficacy", "are back to")),
        ("CL401", 7, 1, _claim("efficacy", "helped")),
    ]
