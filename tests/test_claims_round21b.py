"""Claims round 21, part 2 (twelfth session; blind36 to blind39 seen): general families
only, structural fixes in code, each shown by misses on several seen pages
(docs/round21.md).

Every page here is invented, not taken from the corpus. Each change is pinned by rule
code, line, column and message, with a look-alike that must stay quiet. The tests pin
what the phrase rules decide, so they run without the claim model (``rules_alone``).
"""

from __future__ import annotations

import pytest

from tests.test_claims_round12 import _claim, _found, _page

pytestmark = pytest.mark.usefixtures("rules_alone")


# -- 1. an exclusion in a later clause silences that clause only -----------------------
def test_a_claim_before_an_excluded_later_clause_is_flagged():
    page = _page("Treatment",
                 "Cold weather tends to aggravate it, so we'll help you plan your winter "
                 "training.\n\n"
                 "Arnica is harmless, but I didn't notice any difference.\n\n"
                 "Heel pain is rarely serious, but numbness or weakness can be signs of a "
                 "trapped nerve.")
    assert _found(page) == [
        ("CL401", 5, 1, _claim("causal", "tends to aggravate")),
        ("CL401", 7, 1, _claim("safety", "harmless")),
        ("CL401", 9, 1, _claim("prognosis", "rarely serious")),
    ]


def test_an_excluded_sentence_with_no_claim_before_the_clause_stays_quiet():
    page = _page("Treatment",
                 "We'll help you plan your visit, so book early.\n\n"
                 "Our clinic is open late on Thursdays, so call us to book.\n\n"
                 "If the bruise has not faded within two weeks, see your GP.\n\n"
                 "Does arnica ease bruising, or is it a waste of money?")
    assert _found(page) == []


def test_doubt_about_the_evidence_still_takes_out_the_whole_sentence():
    page = _page("Treatment",
                 "Some people say arnica eases bruising, but there is little good "
                 "evidence for it.\n\n"
                 "Magnesium is popular for cramp; it has not been shown to help.")
    assert _found(page) == []


# -- 2. an action in -ing under a claiming lead-in is judged on its own words ----------
def test_gerund_steps_do_not_take_the_lead_ins_cue():
    page = _page("Treatment",
                 "A few changes help almost everyone with neck pain:\n\n"
                 "- sleeping on a firmer pillow\n"
                 "- cutting down on screen time in bed\n"
                 "- reducing the swelling in the joint")
    # (the third item claims by its own verb)
    assert _found(page) == [
        ("CL401", 5, 1, _claim("efficacy", "help")),
        ("CL401", 9, 3, _claim("efficacy", "reducing")),
    ]


def test_symptom_words_in_ing_still_take_the_lead_ins_cue():
    # (round 35 (a): "Side effects can include:" names a class whose members its items
    # name, so they take no cue from it: tests/test_claims_round35.py; a lead-in that lends
    # its cue is used here)
    page = _page("Treatment",
                 "The injections have some side effects, which can be:\n\n"
                 "- feeling dizzy or tired\n"
                 "- swelling around the lips\n"
                 "- tightening of the jaw")
    cue = _claim("safety", "have some side effects")
    assert _found(page) == [("CL401", 5, 1, cue), ("CL401", 8, 3, cue), ("CL401", 9, 3, cue)]


# -- 3. a review signed with a name in italics or bold is a review --------------------
def test_a_review_signed_in_italics_reports_an_outcome():
    page = _page("Stories",
                 '"My knee had ached for years. Four weeks after my first session I was '
                 'hiking again." \u2013 *Maria, Leeds*\n\n'
                 '> "Two months after the injections she is sleeping through the night." '
                 '\u2014 _Priya, mum of Asha_\n\n'
                 '"Friendly staff and easy parking." \u2013 *Tom, York*\n\n'
                 "Four weeks after your first session we will send you a plan.")
    assert _found(page) == [
        ("CL401", 5, 31, _claim("efficacy", "Four weeks after my first session I")),
        ("CL401", 7, 3, _claim("efficacy", "Two months after the injections she")),
    ]


# -- 4. the purpose of a step, an effect on a sign of the body -------------------------
def test_a_step_taken_to_reduce_swelling_or_itching_claims_an_effect():
    page = _page("Self-care",
                 "Keep your wrist raised on a cushion to reduce swelling.\n\n"
                 "Pat the skin dry, then use a cool flannel to ease itching.")
    assert _found(page) == [
        ("CL401", 5, 1, _claim("efficacy", "to reduce swelling")),
        ("CL401", 7, 1, _claim("efficacy", "to ease itching")),
    ]


def test_an_opening_purpose_pain_relief_or_a_service_stays_quiet():
    page = _page("Self-care",
                 "To ease swelling at home:\n\n"
                 "- keep the ankle up\n\n"
                 "Take paracetamol to ease pain.\n\n"
                 "Book online to reduce your waiting time.")
    assert _found(page) == []


# -- 5. recurrence that is rare is a prognosis ------------------------------------------
def test_a_rare_recurrence_is_a_prognosis_claim():
    page = _page("Outlook",
                 "With daily stretches the pain rarely returns.\n\n"
                 "Runners who keep up the exercises seldom see the ache come back.\n\n"
                 "Our patients rarely return to the clinic after the first year.\n\n"
                 "The shuttle bus rarely comes back on time.")
    assert _found(page) == [
        ("CL401", 5, 1, _claim("prognosis", "rarely returns")),
        ("CL401", 7, 1, _claim("prognosis", "seldom see the ache come back")),
    ]


# -- mends of review 21 (docs/round21.md, "Mends") -------------------------------------
# D5: what comes back from a lab or the post, and people coming back, are no recurrence
def test_results_letters_and_people_coming_back_are_no_recurrence():
    page = _page("Treatment",
                 "Biopsy results rarely come back abnormal.\n\n"
                 "Patients rarely return for a second appointment.\n\n"
                 "The consultant rarely comes back before noon on Fridays.\n\n"
                 "Letters to the clinic rarely come back unopened.\n\n"
                 "Kids rarely come back inside when it's sunny.")
    assert _found(page) == []


def test_a_condition_that_rarely_comes_back_is_still_a_prognosis():
    page = _page("Treatment",
                 "Once it has been removed, the growth rarely comes back.\n\n"
                 "Patients rarely see the rash return after a full course.\n\n"
                 "With a daily routine it seldom returns within a year.")
    assert _found(page) == [
        ("CL401", 5, 1, _claim("prognosis", "rarely comes back")),
        ("CL401", 7, 1, _claim("prognosis", "rarely see the rash return")),
        ("CL401", 9, 1, _claim("prognosis", "seldom returns")),
    ]


# D6: "how to reduce swelling", "ways to ease itching" name a topic, not a purpose
def test_how_to_or_ways_to_reduce_swelling_is_no_purpose_claim():
    page = _page("Treatment",
                 "Ask your physio how to reduce swelling.\n\n"
                 "Find out how to reduce swelling at home.\n\n"
                 "Here are some ways to ease itching.\n\n"
                 "Find out about ways to ease itching at home.")
    assert _found(page) == []


def test_a_step_done_to_reduce_swelling_still_claims_after_how_to_was_excluded():
    page = _page("Treatment",
                 "Rest the ankle on a cushion to reduce swelling.\n\n"
                 "Learn how to strap the ankle, then raise it to ease swelling.")
    assert _found(page) == [
        ("CL401", 5, 1, _claim("efficacy", "to reduce swelling")),
        ("CL401", 7, 1, _claim("efficacy", "to ease swelling")),
    ]


# D7: items completing "relieves:" / "helps with:" / "chances of:", symptom gerunds and
# an -ing word with only a particle keep the lead-in's cue
def test_items_completing_a_lead_in_and_symptom_gerunds_keep_the_cue():
    page = _page("Treatment",
                 "Colchicine quickly relieves:\n\n"
                 "- throbbing in the big toe\n"
                 "- stabbing pain in the joint\n"
                 "- fainting spells\n\n"
                 "Our knee brace helps with:\n\n"
                 "- climbing stairs without pain\n"
                 "- getting out of a chair\n\n"
                 "These can ease stiffness:\n\n"
                 "- warming up\n"
                 "- swimming\n\n"
                 "Stopping smoking will double your chances of:\n\n"
                 "- quitting for good")
    relieves = _claim("efficacy", "quickly relieves")
    helps = _claim("efficacy", "helps with")
    ease = _claim("efficacy", "can ease")
    double = _found(page)[-2][3]  # the lead-in's own cue, whatever its wording
    assert _found(page) == [
        ("CL401", 5, 1, relieves), ("CL401", 7, 3, relieves), ("CL401", 8, 3, relieves),
        ("CL401", 9, 3, relieves),
        ("CL401", 11, 1, helps), ("CL401", 13, 3, helps), ("CL401", 14, 3, helps),
        ("CL401", 16, 1, ease), ("CL401", 18, 3, ease), ("CL401", 19, 3, ease),
        ("CL401", 21, 1, double), ("CL401", 23, 3, double),
    ]


def test_steps_after_a_lead_in_naming_their_effect_or_means_stay_unreported():
    page = _page("Treatment",
                 "A few changes help almost everyone:\n\n"
                 "- ÉATING smaller meals\n"
                 "- cutting down on fizzy drinks\n\n"
                 "Many people get relief from:\n\n"
                 "- applying heat to the neck")
    assert _found(page) == [
        ("CL401", 5, 1, _claim("efficacy", "help")),
        ("CL401", 10, 1, _found(page)[1][3]),
    ]


# D8: only doubt about the evidence takes out the whole sentence
def test_a_call_to_action_naming_research_keeps_the_claim_before_it():
    page = _page("Treatment",
                 "Our massage eases back pain, so book a consultation.\n\n"
                 "Our massage eases back pain, so book a consultation to discuss our "
                 "research.\n\n"
                 "Our massage eases back pain \u2013 book a consultation with our sports "
                 "studies graduate.")
    eases = _claim("efficacy", "eases")
    assert _found(page) == [("CL401", 5, 1, eases), ("CL401", 7, 1, eases),
                            ("CL401", 9, 1, eases)]


def test_doubt_about_the_evidence_in_a_later_clause_still_silences():
    page = _page("Treatment",
                 "Our massage eases back pain, but more research is needed.\n\n"
                 "Cupping eases back pain, but this has not been proven.")
    assert _found(page) == []
