"""Claims round 29 (blind62 to blind71 seen; open-class families, precision first): the
practice's record told as a count of its work; how a procedure is done, the clinician the
subject; the advice named the most important step; healing as the time of
something else (docs/round29.md).

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


# -- (b) how a procedure is done, the clinician the subject of a plain verb --------------------
def test_a_procedure_told_with_the_clinician_as_subject_is_no_claim(rules_alone):
    # before round 29 the rules read "loosens" as an efficacy cue
    page = _page("Surgery",
                 "The surgeon loosens the tight band of tissue through a small cut.\n\n"
                 "The dentist drills out the decay and fills the hole with a resin.\n")
    assert _found(page) == []


def test_a_procedure_with_a_claiming_clause_stays_a_claim(rules_alone):
    page = _page("Surgery",
                 "The surgeon releases the tendon, which cures the widget pain in most people.\n\n"
                 "A surgeon opens the sheath and frees the trapped tendon.\n")
    assert _found(page) == [
        ("CL401", 5, 1, _claim("efficacy", "cures")),
        ("CL401", 7, 1, _claim("efficacy", "frees")),
    ]


# -- (c) the advice named the most important step, whatever it is ------------------------------
def test_the_most_important_step_is_an_instruction(rules_alone):
    # before round 29 "The most important step" was a comparative cue
    page = _page("Treatment", "The most important step is to stop taking the widget pills.\n")
    assert _found(page) == []


def test_the_most_important_step_as_a_label_is_no_claim():
    # before round 29 the claim model took it for an efficacy claim
    page = _page("Treatment",
                 "The first and most important step: no tight widget bands for at least three "
                 "months.\n")
    assert _found(page) == []


def test_the_most_important_step_with_a_purpose_or_after_a_clause_stays(rules_alone):
    page = _page("Treatment",
                 "The most important thing is to drink plenty of fluids to avoid dehydration.\n\n"
                 "There is no cure, so the most important thing is to stop it getting worse.\n")
    assert _found(page) == [
        ("CL401", 5, 1, _claim("comparative", "The most important thing")),
        ("CL401", 7, 1, _claim("comparative", "the most important thing")),
    ]


# -- (d) healing as the time of something else ---------------------------------------------------
def test_healing_as_a_time_clause_is_no_claim(rules_alone):
    # before round 29 "healed" was an efficacy cue in both
    page = _page("Aftercare",
                 "Once the cut has healed we show you how to rub cream into the widget scar.\n\n"
                 "A widget brace can usually be fitted once the bone has healed.\n")
    assert _found(page) == []


def test_healing_with_a_claim_around_it_stays(rules_alone):
    page = _page("Aftercare",
                 "Many people can lower their widget dose once the gut has healed.\n\n"
                 "Once the wound has healed, the cream fades the scar in most people.\n")
    assert _found(page) == [
        ("CL401", 5, 1, _claim("efficacy", "can lower")),
        ("CL401", 7, 1, _claim("efficacy", "healed")),
    ]
