"""Claims round 18: recall of the rules (docs/claims.md, "Round 18"). Shapes written
from the rules' misses on blind24 to blind27 (seen), as general shapes rather than
phrases.

Every page here is invented, not taken from the corpus. Each change is pinned by rule
code, line, column and message (the cue): the claim now flagged and the look-alike
non-claim still silent. The tests pin the phrase rules, so they run without the claim
model (the ``rules_alone`` fixture).
"""

from __future__ import annotations

import pytest

from tests.test_claims_round12 import _claim, _found, _page

pytestmark = pytest.mark.usefixtures("rules_alone")


# -- 1. an imperative word followed by a modal is the subject, not an instruction -------
def test_an_imperative_word_followed_by_a_modal_is_a_subject():
    page = _page("Looking after yourself",
                 "Rest can help ease the ache in a sprained wrist.\n\n"
                 "Rest your wrist on a cushion while you sleep. "
                 "Ice the area for ten minutes at a time.")
    assert _found(page) == [("CL401", 5, 1, _claim("efficacy", "can help ease"))]


# -- 2. a treatment as the subject of "can cause" is a safety claim ---------------------
def test_a_treatment_that_can_cause_something_is_a_safety_claim():
    page = _page("Side effects",
                 "These tablets can also cause heartburn and a dry cough. "
                 "These tablets come in a blister pack of 28.\n\n"
                 "Steroid drops put into the eye may cause blurred vision for a few minutes.\n\n"
                 "Steroid drops are put in four times a day.")
    assert _found(page) == [
        ("CL401", 5, 1, _claim("safety", "can also cause")),
        ("CL401", 7, 1, _claim("safety", "may cause")),
    ]


def test_a_disclosed_harm_of_a_treatment_is_a_safety_claim():
    # Round 5 held that "can cause bruising" was a disclosed risk, no claim; every
    # labelled folder since calls such sentences unsupported safety claims (10 of them
    # on 6 folders, none left unlabelled), so tests/test_claims_round5.py and
    # tests/test_claims_structure.py were changed with this round
    page = _page("Massage", "Massage can cause bruising in some people.")
    assert _found(page) == [("CL401", 5, 1, _claim("safety", "can cause"))]


def test_a_medicine_that_can_cause_a_condition_counts_in_a_causes_section():
    page = _page("What causes it?",
                 "Some heart medicines can also cause swollen ankles.\n\n"
                 "Some heart medicines are taken at night.")
    assert _found(page) == [("CL401", 5, 1, _claim("safety", "can also cause"))]


# -- 3. seriousness stated plainly is a prognosis ---------------------------------------
def test_seriousness_stated_plainly_is_a_prognosis():
    page = _page("Outlook",
                 "Sudden flare-ups can happen at any time and can be very serious.\n\n"
                 "Sudden flare-ups are recorded in your symptom diary.\n\n"
                 "Widget fever is rare, but it is serious. "
                 "Widget fever is rare, but it is worth knowing about.")
    assert _found(page) == [
        ("CL401", 5, 1, _claim("prognosis", "can be very serious")),
        ("CL401", 9, 1, _claim("prognosis", "rare, but it is serious")),
    ]


# -- 4. the course in plain words is a prognosis ----------------------------------------
def test_the_course_in_plain_words_is_a_prognosis():
    page = _page("Outlook",
                 "Torn cartilage does not heal on its own. "
                 "Torn cartilage does not show on an X-ray.\n\n"
                 "Most people do well once the cause is treated. "
                 "Most people do their exercises at home.\n\n"
                 "If you keep kneeling, your symptoms will keep coming back. "
                 "If you keep a diary, your notes will keep coming in handy.\n\n"
                 "It takes longer to recover after open surgery. "
                 "It takes longer to park at the main hospital.")
    assert _found(page) == [
        ("CL401", 5, 1, _claim("prognosis", "does not heal on its own")),
        ("CL401", 7, 1, _claim("prognosis", "Most people do well")),
        ("CL401", 9, 1, _claim("prognosis", "will keep coming back")),
        ("CL401", 11, 1, _claim("prognosis", "takes longer to recover")),
    ]


# -- 5. what a treatment keeps you from, saves, makes rarer, treats successfully --------
def test_what_a_treatment_keeps_you_from_or_saves_is_efficacy():
    page = _page("Treatment",
                 "Zinc nasal gel can keep you from getting a second cold. "
                 "Zinc nasal gel can keep for a year in the fridge.\n\n"
                 "An inhaler can save your life in a severe attack. "
                 "An inhaler can save you a trip to the pharmacy.\n\n"
                 "The flu vaccines have made winter outbreaks much less common. "
                 "The flu vaccines have made the clinic much busier.\n\n"
                 "Widget syndrome can be treated successfully. "
                 "Widget syndrome can be treated at your local surgery.")
    assert _found(page) == [
        ("CL401", 5, 1, _claim("efficacy", "can keep you from getting")),
        ("CL401", 7, 1, _claim("efficacy", "can save your life")),
        ("CL401", 9, 1, _claim("efficacy", "have made winter outbreaks much less common")),
        ("CL401", 11, 1, _claim("efficacy", "can be treated successfully")),
    ]


# -- 6. what a reviewer reports at a time counted from the treatment --------------------
def test_a_review_sentence_timed_from_the_treatment_is_an_outcome():
    page = _page("What our clients say",
                 '★★★★★ "Three weeks after my first session I walked to the shops." — *Jo, Leeds*\n\n'
                 '★★★★★ "Two years after my second baby I still had a gap. The team were lovely."'
                 ' — *Sam, Hove*\n\n'
                 '★★★★★ "After the second session she slept in her own bed." — *Ann, Ely*')
    assert _found(page) == [
        ("CL401", 5, 1, _claim("efficacy", "Three weeks after my first session I")),
        ("CL401", 9, 1, _claim("efficacy", "After the second session she")),
    ]


# -- 7. under a treatment heading, a pronoun that can cause something is the treatment --
def test_a_pronoun_that_can_cause_something_under_treatment_is_a_safety_claim():
    page = _page("Treatment",
                 "Steroid creams are used for a week at a time. "
                 "They can cause thinning of the skin if used for months. "
                 "They come in several strengths.")
    assert _found(page) == [("CL401", 5, 47, _claim("safety", "can cause"))]


def test_a_pronoun_that_can_cause_something_elsewhere_is_the_condition():
    page = _page("Causes", "Widget syndrome is common in runners. It can cause a limp.")
    assert _found(page) == []


# -- 8. one option more reliable than another, the gold standard ------------------------
def test_one_option_more_reliable_than_another_is_comparative():
    page = _page("Treatment",
                 "A splint is more reliable than strapping for a broken toe. "
                 "A splint is lighter than a plaster cast.\n\n"
                 "A crown is the gold standard for a cracked tooth. "
                 "A crown is made in our own lab.")
    assert _found(page) == [
        ("CL401", 5, 1, _claim("comparative", "more reliable than")),
        ("CL401", 7, 1, _claim("comparative", "is the gold standard")),
    ]


# -- 9. safety in plain words (and rare complications, a prognosis, anywhere) ------------
def test_safety_in_plain_words():
    page = _page("About our drops",
                 "The drops are suitable for adults and children over 6. "
                 "The drops are available in two sizes.\n\n"
                 "The scan didn't hurt at all. The scan didn't take long.\n\n"
                 "The procedure is quick and complications are rare. "
                 "The procedure is quick and parking is free.")
    assert _found(page) == [
        ("CL401", 5, 1, _claim("safety", "are suitable for adults")),
        ("CL401", 7, 1, _claim("safety", "didn't hurt")),
        ("CL401", 9, 1, _claim("prognosis", "complications are rare")),
    ]


# -- 10. items that complete a lead-in's "help you:" are claims, not instructions --------
def test_items_completing_help_you_are_claims_and_instructions_stay_instructions():
    page = _page("Our programme",
                 "Over four sessions our coaching can help you:\n\n"
                 "- Sleep in your own bed without a night light\n"
                 "- Eat out without a safety plan\n\n"
                 "Before your first session, please:\n\n"
                 "- Eat a light meal\n"
                 "- Bring a list of your medicines")
    assert _found(page) == [
        ("CL401", 5, 1, _claim("efficacy", "can help")),
        ("CL401", 7, 3, _claim("efficacy", "can help")),
        ("CL401", 8, 3, _claim("efficacy", "can help")),
    ]


# -- 11. severity for a group, with a contracted "is" -------------------------------------
def test_severity_for_a_group_with_a_contracted_is():
    page = _page("Overview",
                 "Anyone can get widget fever, but it's most dangerous for newborn babies. "
                 "It's most popular with runners.")
    assert _found(page) == [("CL401", 5, 1, _claim("prognosis", "'s most dangerous for"))]


# -- 12. a reviewer's change told against before ------------------------------------------
def test_a_review_that_compares_with_before_is_an_outcome():
    page = _page("What our clients say",
                 '★★★★★ "My knee has never felt better." — *Jo, Leeds*\n\n'
                 '★★★★★ "The parking has never been easier." — *Sam, Hove*\n\n'
                 '★★★★★ "The bruises went in three days instead of a week." — *Ann, Ely*\n\n'
                 '★★★★★ "The ache was about half by the time I left." — *Kit, Bude*\n\n'
                 '★★★★★ "The car park was about half full by the time I left." — *Lee, Bude*')
    assert _found(page) == [
        ("CL401", 5, 1, _claim("efficacy", "never felt better")),
        ("CL401", 9, 1, _claim("efficacy", "instead of a week")),
        ("CL401", 11, 1, _claim("efficacy", "ache was about half by the time I left")),
    ]


# -- 13. a cause ranked among others; a treatment tolerated well --------------------------
def test_a_cause_ranked_among_others_is_causal():
    page = _page("Causes",
                 "Stress is another common trigger. "
                 "Stress is another topic we cover in our workshops.\n\n"
                 "Long hours at a desk are one of the most common reasons for neck pain. "
                 "Long hours at a desk are one of the most common complaints of our staff.")
    assert _found(page) == [
        ("CL401", 5, 1, _claim("causal", "is another common trigger")),
        ("CL401", 7, 1, _claim("causal", "are one of the most common reasons for")),
    ]


def test_a_treatment_tolerated_well_is_a_safety_claim():
    page = _page("What to expect",
                 "Most people find treatment very comfortable. Most people find parking easy.")
    assert _found(page) == [
        ("CL401", 5, 1, _claim("safety", "Most people find treatment very comfortable"))]
