"""Claims round 33 (blind78 and blind79 seen; issue 4): CL402 families by shape, and
CL401 recall families (docs/round33.md).

CL402: unattributed "is / has been proven to" (a sentence with a citation marker names
its source); a plural group of professionals or bodies said to agree, warn, recommend,
believe, advise or trust with no document ("Dentists warn", "Ethicists, courts and
cardiology societies agree"); every one of a profession the writer has met ("Every physio
I've spoken to agrees"); case reports as an unnamed body; "trusted by" professionals or
care bodies.

Every page here is invented, not taken from the corpus. Each family is pinned by rule
code, line, column and message, with look-alikes that must stay quiet.
"""

from __future__ import annotations

import pytest

from conditionlint.api import lint_text
from tests.test_claims_round12 import TODAY, _claim, _found, _page


def vague(text: str) -> list[tuple[int, int, str]]:
    page = f"# Widget syndrome\n\n{text}\n"
    return [(f.line, f.column, f.message)
            for f in lint_text(page, select=["CL402"], today=TODAY)]


def msg(words: str) -> str:
    return f"vague evidence ('{words}'): name the source and cite it as an evidence entry"


# -- CL402 (a): unattributed "proven to" ---------------------------------------------------
@pytest.mark.parametrize("body,col,words", [
    ("Grief counselling before a death is proven to prevent complicated grief.", 34,
     "is proven to"),
    ("Hospice at Home is proven to reduce hospital deaths.", 17, "is proven to"),
    ("These drops are proven to cut the rate of rickets.", 13, "are proven to"),
    ("Our programme was proven to transform lives.", 15, "was proven to"),
    ("Warm compresses are now proven to help.", 17, "are now proven to"),
])
def test_unattributed_proven_to(body, col, words):
    assert vague(body) == [(3, col, msg(words))]


@pytest.mark.parametrize("body", [
    # negated: doubts the evidence, invokes none (the labelling guide's "statements that
    # deny evidence"): quiet
    "It has not been proven to work for widget syndrome.",
    "Massage is not proven to shorten a flare.",
    "There is no diet that is proven to slow widget syndrome.",
    "No supplement has ever been proven to help.",
    "This hasn't been proven to help anyone.",
    # a quoted label on a pack, no auxiliary
    'Some spreads are labelled "proven to lower cholesterol".',
    # "proven" as an adjective or in a verdict
    "It is a proven way to ease stiffness for some people.",
])
def test_proven_to_look_alikes_stay_quiet(body):
    assert vague(body) == []


def test_proven_to_with_a_citation_marker_names_its_source():
    # a marker in the sentence, resolved or not, attributes it: no CL402 (CL403 reports a
    # marker that resolves to nothing)
    page = ("# Widget syndrome\n\nThickening agents are proven to prevent dumping [@tack2019].\n"
            "\nThese drops are proven to cut rickets rates.<sup>7</sup>\n")
    found = [(f.code, f.line, f.column) for f in
             lint_text(page, select=["CL402", "CL403"], today=TODAY)]
    assert found == [("CL403", 3, 49), ("CL403", 5, 45)]


def test_older_families_still_fire_with_a_citation_marker():
    # only the '(?#unattributed)' patterns give way to a marker: "clinically proven"
    # with a marker that resolves to nothing is reported as before
    page = "# Widget syndrome\n\nThis cream is clinically proven to soften skin [@x2020].\n"
    found = [(f.code, f.line, f.column, f.message) for f in
             lint_text(page, select=["CL402"], today=TODAY)]
    assert found == [("CL402", 3, 15, msg("clinically proven"))]


# -- CL402 (b): a plural group said to agree, warn, recommend, believe, advise, trust ------
@pytest.mark.parametrize("body,col,words", [
    ("Dentists warn that cracked teeth sometimes need a crown.", 1, "Dentists warn"),
    ("No. Ethicists, courts and cardiology societies agree that you may refuse it.", 38,
     "societies agree"),
    ("Fertility clinics recommend antioxidants for men going through IVF.", 11,
     "clinics recommend"),
    ("Not usually. Experts now advise against strict low-fat diets.", 14,
     "Experts now advise"),
    ("Many hospitals now recommend hypnotherapy before a scan.", 6,
     "hospitals now recommend"),
    ("Paediatric sleep consultants recommend white noise.", 18, "consultants recommend"),
    ("It is the method podiatrists trust most for stubborn verrucas.", 18,
     "podiatrists trust"),
    ("Dermatologists and plastic surgeons around the world trust it.", 28,
     "surgeons around the world trust"),
    ("But experts now recognise that the gut is at the root of it.", 5,
     "experts now recognise"),
    ("Travel clinics report that most travellers were not vaccinated.", 8,
     "clinics report"),
    ("Sports scientists now accept that it improves blood flow.", 8,
     "scientists now accept"),
    ("Midwives have been recommending hypnobirthing for years.", 1,
     "Midwives have been recommending"),
    ("That's why more GPs are recommending it.", 17, "GPs are recommending"),
    ("Dermatologists have recommended biotin to patients.", 1,
     "Dermatologists have recommended"),
    ("But some doctors suggest waiting 48 hours before using them.", 5,
     "some doctors suggest"),
    ("It is common: some surgeons estimate that half of people get one.", 15,
     "some surgeons estimate"),
    ("Some scientists expect them to become more common.", 1, "Some scientists expect"),
])
def test_a_group_that_agrees_or_warns(body, col, words):
    assert vague(body) == [(3, col, msg(words))]


@pytest.mark.parametrize("body", [
    "Nurses across the country agree to strike action over pay.",
    "Our therapists believe in treating the whole person.",
    "Some doctors warn about sunburn every summer.",
    "Pharmacists advise on minor illnesses without an appointment.",
    "© 2026 University Hospitals Trust | Accessibility | Privacy",
    "Sports physios also recommend resting with the knee bent.",
    "Vitamin C was once thought to help, and some surgeons still recommend it.",
    "Ibuprofen is usually the first thing doctors suggest.",
    "Doctors usually prescribe them only for a short time.",
    "Researchers don't know exactly what causes it.",
    "Most doctors do not recognise this label.",
    "Doctors recognise three main variants.",
    "Clinics report their waiting times every month.",
])
def test_group_look_alikes_stay_quiet(body):
    assert vague(body) == []


@pytest.mark.parametrize("body,col,words", [
    ("Every physio I've spoken to agrees that consistency beats intensity.", 1,
     "Every physio I've spoken to agrees"),
    ("Every burns nurse I met said that moisture is what matters.", 1,
     "Every burns nurse I met said"),
])
def test_every_professional_the_writer_has_met(body, col, words):
    assert vague(body) == [(3, col, msg(words))]


@pytest.mark.parametrize("body", [
    "Every nurse I met was kind to my mother.",
    "Every physio I've seen has a different waiting list.",
])
def test_every_professional_look_alikes_stay_quiet(body):
    assert vague(body) == []


# -- CL402 (c): case reports as an unnamed body -------------------------------------------
def test_case_reports_have_linked():
    assert vague("Case reports have linked tongue piercings to serious infections.") == [
        (3, 1, msg("Case reports have linked"))]


@pytest.mark.parametrize("body", [
    "The evidence comes mainly from case reports.",
    "We write case reports for the journal club.",
])
def test_case_report_look_alikes_stay_quiet(body):
    assert vague(body) == []


# -- CL402 (d): "trusted by" professionals or care bodies --------------------------------
def test_trusted_by_beside_clinically_proven():
    assert vague("Clinically proven and trusted by physiotherapists across the UK.") == [
        (3, 1, msg("Clinically proven")), (3, 23, msg("trusted by physiotherapists"))]


@pytest.mark.parametrize("body,col,words", [
    ("£14.95 · Subscribe & save 15% · Trusted by hospices and care homes", 33,
     "Trusted by hospices"),
    ("The wrap trusted by over 200 NHS physiotherapists.", 10,
     "trusted by over 200 NHS physiotherapists"),
])
def test_trusted_by_professionals(body, col, words):
    assert vague(body) == [(3, col, msg(words))]


@pytest.mark.parametrize("body", [
    "The balm trusted by over 40,000 customers.",
    "The garment trusted by surgeons and patients across the UK.",
    "Trusted by thousands of active seniors.",
    "Trusted by women for over 20 years.",
])
def test_trusted_by_customers_stays_quiet(body):
    assert vague(body) == []


def test_trusted_by_alone_claims_no_effect(rules_alone):
    # CL402 only ("vague-only"): a price strap that says who buys it is no CL401 claim
    page = "# Mouth gel\n\n£14.95 · Subscribe & save 15% · Trusted by hospices and care homes\n"
    found = [(f.code, f.line, f.column) for f in
             lint_text(page, select=["CL401", "CL402"], today=TODAY)]
    assert found == [("CL402", 3, 33)]


# -- CL401 (a): a testimonial that opens with a count of treatments, then the outcome ---
def _cl401(heading: str, body: str) -> list[tuple[str, int, int, str]]:
    return _found(_page(heading, body))


@pytest.mark.parametrize("body,col,cue", [
    ('> "Two injections and it was completely flat." — Sam, Leeds', 3, "Two injections"),
    ('> "One laser session and I finally love my smile." — Jo, Hull', 3,
     "One laser session"),
    ('> "One RFTR session and I\'ve not touched it since." — Ann', 3, "One RFTR session"),
])
def test_a_count_of_treatments_then_the_outcome(rules_alone, body, col, cue):
    assert _cl401("Reviews", body) == [("CL401", 5, col, _claim("efficacy", cue))]


@pytest.mark.parametrize("body", [
    '> "One session and a follow-up call are included." — Jo',
    '> "Two visits and still no appointment letter." — Sam',
    "Two weeks and a day is the usual wait.",
])
def test_a_count_look_alikes_stay_quiet(rules_alone, body):
    assert _cl401("Reviews", body) == []


# -- CL401 (b): a harm ranked first, the verb before the rank -------------------------
@pytest.mark.parametrize("body", [
    "Infection is the most common complication.",
    "It is the most common complication of cirrhosis.",
])
def test_the_most_common_complication(rules_alone, body):
    assert _cl401("Complications", body) == [
        ("CL401", 5, 1, _claim("safety", "is the most common complication"))]


def test_the_most_common_side_effect(rules_alone):
    assert _cl401("Overview", "Bruising is the most common side effect.") == [
        ("CL401", 5, 1, _claim("safety", "is the most common side effect"))]


@pytest.mark.parametrize("body", [
    "What is the most common complication?",
    "Our clinic is the most common choice in Leeds.",
])
def test_most_common_look_alikes_stay_quiet(rules_alone, body):
    assert _cl401("Overview", body) == []


# -- CL401 (c): a list of causes that can all do one thing ----------------------------
@pytest.mark.parametrize("heading,body,cue", [
    ("Causes", "Pain, a full bladder and constipation can all make someone agitated.", "make"),
    ("Causes", "COPD, lung fibrosis or sleep apnoea can all raise pressure in the lungs.",
     "raise"),
    ("Causes", "Thumb-sucking, pushing the tongue and lip-sucking can all gradually push "
               "teeth forward.", "push"),
    ("Overview", "Stress, heat and poor sleep can all tip things over the edge.", "tip"),
])
def test_a_list_of_causes_that_can_all(rules_alone, heading, body, cue):
    assert _cl401(heading, body) == [("CL401", 5, 1, _claim("causal", cue))]


@pytest.mark.parametrize("body", [
    "Tea, coffee and cola can all be drunk cold.",
    "Can pain, a full bladder and constipation all make someone agitated?",
    "Pain, a full bladder and constipation are all common.",
    # a possibility (the labelling guide), and round 24's plain symptom
    "Anxiety, conflict and depression can all play a part.",
    "Long walks, tight shoes and standing all day can all cause pain.",
])
def test_can_all_look_alikes_stay_quiet(rules_alone, body):
    assert _cl401("Causes", body) == []


def test_the_families_as_shipped():
    # with the shipped model on: the veto keeps them
    page = ("# Widget syndrome\n\n## Causes\n\n"
            "Pain, a full bladder and constipation can all make someone agitated.\n\n"
            "## Complications\n\nInfection is the most common complication.\n")
    assert _found(page) == [("CL401", 5, 1, _claim("causal", "make")),
                            ("CL401", 9, 1, _claim("safety", "is the most common complication"))]


def test_a_group_that_trusts_a_person_stays_quiet():
    assert vague("Our nurses trust you to follow the plan.") == []
    assert vague("Our physios trust patients to pace themselves.") == []
