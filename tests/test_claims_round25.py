"""Claims round 25 (blind48 to blind55 seen, what CL401 as shipped still misses): general
families only, each shown by misses on several seen pages of at least two sets
(docs/round25.md).

Every page here is invented, not taken from the corpus. Each family is pinned by rule
code, line, column and message, with look-alikes that must stay quiet. The tests pin
what the phrase rules decide, so they run without the claim model (``rules_alone``).
"""

from __future__ import annotations

import pytest

from tests.test_claims_round12 import _claim, _found, _page

pytestmark = pytest.mark.usefixtures("rules_alone")


# -- (a) an after-effect that lasts days or weeks ---------------------------------------------
def test_an_after_effect_that_lasts_days_or_weeks_is_a_safety_claim():
    page = _page("After the operation",
                 "Your widget may be red, swollen and itchy for a few weeks after the "
                 "operation.\n\n"
                 "Afterwards you may have a mild headache for a day or two.\n\n"
                 "Some people have blurred vision and dry eyes for a couple of weeks.\n\n"
                 "Most people are hoarse and a little tired for the first few weeks.")
    assert _found(page) == [
        ("CL401", 5, 1, _claim("safety", "be red, swollen and itchy for a few weeks")),
        ("CL401", 7, 1, _claim("safety", "have a mild headache for a day or two")),
        ("CL401", 9, 1, _claim("safety", "have blurred vision and dry eyes for a couple of weeks")),
        ("CL401", 11, 1, _claim("safety", "are hoarse and a little tired for the first few weeks")),
    ]


def test_an_after_effect_counts_in_a_descriptive_section_too():
    page = _page("Diagnosis",
                 "After the scan your arm may be sore and bruised for a few days.")
    assert _found(page) == [
        ("CL401", 5, 1, _claim("safety", "be sore and bruised for a few days")),
    ]


def test_instructions_a_negated_effect_or_a_span_with_no_harm_stay_quiet():
    page = _page("After the operation",
                 "You will need to wear a sling for a few weeks.\n\n"
                 "Take paracetamol for the first few days if it is sore.\n\n"
                 "Avoid driving for a week or two.\n\n"
                 "You won't be sore for a few days after the injection.\n\n"
                 "Keep the dressing dry for a few days.\n\n"
                 "You may need to stay in hospital for a few days.")
    assert _found(page) == []


# -- (b) a course over time or with age -------------------------------------------------------
def test_a_course_over_time_or_with_age_is_a_prognosis_claim():
    page = _page("Outlook",
                 "Blood levels tend to fall over the years.\n\n"
                 "Others get bigger over time.\n\n"
                 "The patches tend to darken and thicken with age.\n\n"
                 "In most children the marks become less noticeable as they get older.")
    assert _found(page) == [
        ("CL401", 5, 1, _claim("prognosis", "tend to fall over the years")),
        ("CL401", 7, 1, _claim("prognosis", "get bigger over time")),
        ("CL401", 9, 1, _claim("prognosis", "tend to darken and thicken with age")),
        ("CL401", 11, 1, _claim("prognosis", "become less noticeable as they get older")),
    ]


def test_who_has_it_a_service_that_grows_or_an_open_question_stays_quiet():
    page = _page("Outlook",
                 "Widget syndrome becomes more common with age.\n\n"
                 "Your doctor will check whether the lump is getting bigger over time.\n\n"
                 "The clinic tends to get busier over time.")
    assert _found(page) == []


# -- (c) a treatment as the cause, with words between it and the hedged verb -----------------
def test_a_treatment_cause_behind_an_apposition_or_a_bracket_is_a_causal_claim():
    page = _page("Causes",
                 "Beta blockers, a common type of heart medicine, can cause cold hands.\n\n"
                 "Some antibiotics (such as tetracyclines) can also trigger widget syndrome.\n\n"
                 "Exposure to gels that contain testosterone may cause early hair growth.")
    assert _found(page) == [
        ("CL401", 5, 1, _claim("causal", "can cause")),
        ("CL401", 7, 1, _claim("causal", "can also trigger")),
        ("CL401", 9, 1, _claim("causal", "may cause")),
    ]


def test_a_question_or_a_treatment_with_no_cause_verb_stays_quiet():
    page = _page("Causes",
                 "Can creams, such as steroid creams, cause thinning of the skin?\n\n"
                 "Our pharmacists, who know the creams well, can help you choose.\n\n"
                 "The tablets, which come in a blister pack, can be taken with water.")
    assert _found(page) == []


# -- (d) a procedure called painless, with a qualifier -----------------------------------------
def test_a_procedure_called_painless_is_a_safety_claim():
    page = _page("Your visit",
                 "The widget removal takes ten minutes and is virtually painless.\n\n"
                 "Our peels are quick, affordable and almost painless.\n\n"
                 "During the injection you should feel pressure but little pain.")
    assert _found(page) == [
        ("CL401", 5, 1, _claim("safety", "is virtually painless")),
        ("CL401", 7, 1, _claim("safety", "are quick, affordable and almost painless")),
        ("CL401", 9, 1, _claim("safety", "feel pressure but little pain")),
    ]


def test_a_lump_described_as_painless_a_service_or_pressure_felt_as_a_symptom_stays_quiet():
    page = _page("Overview",
                 "The lumps are usually painless.\n\n"
                 "A widget is a soft, painless swelling under the skin.\n\n"
                 "You may feel pressure on your chest.\n\n"
                 "Paying for your treatment online is quick and almost painless.")
    assert _found(page) == []
