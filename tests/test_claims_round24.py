"""Claims round 24 (blind52 to blind55 seen): general families only, each shown by misses
on several seen pages of at least two sets (docs/round24.md).

Every page here is invented, not taken from the corpus. Each family is pinned by rule
code, line, column and message, with look-alikes that must stay quiet. The tests pin
what the phrase rules decide, so they run without the claim model (``rules_alone``).
"""

from __future__ import annotations

import pytest

from tests.test_claims_round12 import _claim, _found, _page

pytestmark = pytest.mark.usefixtures("rules_alone")


# -- (a) a long or shared named cause before 'can cause' -------------------------------------
def test_a_shared_or_long_named_cause_is_a_causal_claim():
    page = _page("Overview",
                 "Damp housing, cold weather, house dust and tobacco smoke can all trigger a "
                 "flare of widget syndrome.\n\n"
                 "Gout and lupus can both cause swollen, stiff fingers.\n\n"
                 "A hard knock, a fall onto the elbow or hours of leaning on a desk can also "
                 "cause a swollen widget.")
    assert _found(page) == [
        ("CL401", 5, 1, _claim("causal", "can all trigger")),
        ("CL401", 7, 1, _claim("causal", "can both cause")),
        ("CL401", 9, 1, _claim("causal", "can also cause")),
    ]


def test_a_shared_cause_counts_in_a_causes_section_prose():
    page = _page("Causes",
                 "Damp housing, cold weather, house dust and tobacco smoke can all trigger a "
                 "flare.")
    assert _found(page) == [("CL401", 5, 1, _claim("causal", "can all trigger"))]


def test_a_shared_cause_of_a_plain_symptom_a_pronoun_or_a_very_long_subject_stays_quiet():
    page = _page("Overview",
                 "Long walks, tight shoes and standing all day at work can all cause pain.\n\n"
                 "They can both cause a rash at first.\n\n"
                 "An old injury, a knock in a game of hockey, weeks of kneeling on hard floors "
                 "at work and years of heavy running can also cause a swollen widget.")
    assert _found(page) == []


# -- (b) whether it passes on ------------------------------------------------------------
def test_whether_it_passes_on_is_a_causal_claim():
    page = _page("Overview",
                 "Widget syndrome doesn't spread from person to person.\n\n"
                 "The lumps are not known to spread any infection.\n\n"
                 "For most families, widget syndrome is not inherited.\n\n"
                 "It is not usually passed on to children.\n\n"
                 "Widget syndrome is not catching.")
    assert _found(page) == [
        ("CL401", 5, 1, _claim("causal", "doesn't spread from person to person")),
        ("CL401", 7, 1, _claim("causal", "not known to spread")),
        ("CL401", 9, 1, _claim("causal", "is not inherited")),
        ("CL401", 11, 1, _claim("causal", "is not usually passed on to children")),
        ("CL401", 13, 1, _claim("causal", "is not catching")),
    ]


def test_a_question_about_inheritance_and_a_privacy_note_stay_quiet():
    page = _page("Overview",
                 "Is widget syndrome inherited?\n\n"
                 "Your payment details are never passed on to your employer.\n\n"
                 "Our leaflets do not spread far beyond the waiting room.")
    assert _found(page) == []


# -- (c) a course that ends, or does not end, on its own --------------------------------------
def test_a_course_on_its_own_is_a_prognosis_claim_negated_or_not():
    page = _page("Outlook",
                 "Most widget lumps shrink on their own within a year.\n\n"
                 "A torn widget will not heal on its own.\n\n"
                 "A widget cyst almost never goes away on its own.")
    assert _found(page) == [
        ("CL401", 5, 1, _claim("prognosis", "shrink on their own")),
        ("CL401", 7, 1, _claim("prognosis", "will not heal on its own")),
        ("CL401", 9, 1, _claim("prognosis", "almost never goes away on its own")),
    ]


def test_on_its_own_as_alone_a_noun_after_it_or_a_question_stays_quiet():
    page = _page("Outlook",
                 "You may not be able to bend the end of your toe on its own.\n\n"
                 "Do not leave a child with a fever on their own.\n\n"
                 "Will it go away on its own?\n\n"
                 "The clinic closes on its own schedule at Christmas.\n\n"
                 "A refund does not usually clear on its own, so please call us.")
    assert _found(page) == []


# -- (d) how long people live ------------------------------------------------------------
def test_how_long_people_live_is_a_prognosis_claim():
    page = _page("Outlook",
                 "Most people with widget syndrome live for many years.\n\n"
                 "Children born with it today can expect to live well into adulthood.\n\n"
                 "People with a mild widget have the same life expectancy as anyone else.\n\n"
                 "Life expectancy has improved a great deal since the 1990s.")
    assert _found(page) == [
        ("CL401", 5, 1, _claim("prognosis", "live for many years")),
        ("CL401", 7, 1, _claim("prognosis", "live well into adulthood")),
        ("CL401", 9, 1, _claim("prognosis", "the same life expectancy")),
        ("CL401", 11, 1, _claim("prognosis", "Life expectancy has improved")),
    ]


def test_a_life_lived_elsewhere_or_a_question_about_it_stays_quiet():
    page = _page("Outlook",
                 "Our founder lived in Leeds for many years.\n\n"
                 "What is the life expectancy for someone with widget syndrome?\n\n"
                 "The expectancy of the crowd was high.")
    assert _found(page) == []


# -- (e) a harm called rare ----------------------------------------------------------------
def test_a_qualified_harm_called_rare_or_a_cause_that_rarely_acts_is_a_claim():
    page = _page("Risks",
                 "Serious complications such as a deep infection are very rare.\n\n"
                 "Allergic reactions to the dye are uncommon.\n\n"
                 "Widget lumps rarely cause pain at night.")
    assert _found(page) == [
        ("CL401", 5, 1, _claim("safety", "are very rare")),
        ("CL401", 7, 1, _claim("safety", "are uncommon")),
        ("CL401", 9, 1, _claim("causal", "rarely cause")),
    ]


def test_rare_things_that_are_no_harm_stay_quiet():
    page = _page("Risks",
                 "Cancellations are rare at our clinic.\n\n"
                 "Rare complications include a blood clot in the leg.\n\n"
                 "Serious delays at the reception desk are rare.")
    assert _found(page) == []


# -- (f) what seals a defect ----------------------------------------------------------------
def test_what_seals_a_defect_is_a_mechanism_claim():
    page = _page("How it works",
                 "The gel hardens and seals the tear within a day.\n\n"
                 "New tissue grows over the plug, sealing the gap.")
    assert _found(page) == [
        ("CL401", 5, 1, _claim("mechanism", "seals")),
        ("CL401", 7, 1, _claim("mechanism", "sealing")),
    ]


def test_sealing_a_bag_or_an_envelope_stays_quiet():
    page = _page("Self-care",
                 "Wash the towels on a hot cycle, then the laundry team seals them in a bag.\n\n"
                 "The receptionist seals the envelope before posting your results.")
    assert _found(page) == []


# -- (g) remission ---------------------------------------------------------------------------
def test_remission_reached_or_brought_about_is_a_claim():
    page = _page("Outlook",
                 "Many people with widget syndrome go into complete remission.\n\n"
                 "Losing weight puts widget syndrome into remission in some adults.\n\n"
                 "The new tablet leads to lasting remission in most people.")
    assert _found(page) == [
        ("CL401", 5, 1, _claim("prognosis", "go into complete remission")),
        ("CL401", 7, 1, _claim("efficacy", "puts widget syndrome into remission")),
        ("CL401", 9, 1, _claim("efficacy", "leads to lasting remission")),
    ]


def test_remission_defined_or_lived_in_stays_quiet():
    page = _page("Outlook",
                 "Doctors define remission as six months with no flares.\n\n"
                 "Once I'm in remission I go back to eating plenty of vegetables.")
    assert _found(page) == []
