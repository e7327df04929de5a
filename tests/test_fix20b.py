"""Audit fixes of the twentieth session (fix20b): CL503 and CL502's emergency element
judged by the shape of the sentence, CL503's missed wordings, CL408's missed strong
verbs and design words, CL505's missed permanence promises."""

from __future__ import annotations

import pytest

from conditionlint.api import lint_text

MIGRAINE = "# Migraine\n\nMigraine is a headache disorder.\n\n{}\n"
NOT_ADVICE = "\n## Disclaimer\n\nThis page is not a substitute for professional medical advice.\n"


def cl503(sentence: str) -> list[str]:
    return [f.code for f in lint_text(MIGRAINE.format(sentence), select=["CL503"])]


# -- 1. not urgent-care advice: a negated instruction, a mention, other people, a denial --
NOT_ADVICE_SENTENCES = [
    "You do not need to call 999 for a typical migraine.",
    "A study of emergency department visits found migraine is common.",
    "Many people with migraine go to A&E unnecessarily.",
    "Our clinic is not an A&E department.",
    "There is no need to call 999 for a migraine.",
    "You don't need to go to A&E or call 999 for a migraine.",
    "Do not call 999 for a headache.",
    "Most people do not need to see a GP urgently.",
    "If you get to hospital within an hour, you may be given charcoal.",
    "Cardiac tamponade requires emergency treatment.",
    "Should I go to A&E?",
    "Severe clutter makes it hard for emergency services to reach someone.",
]


@pytest.mark.parametrize("sentence", NOT_ADVICE_SENTENCES)
def test_sentences_that_are_not_advice_do_not_satisfy_cl503(sentence):
    assert cl503(sentence) == ["CL503"]


@pytest.mark.parametrize("sentence", NOT_ADVICE_SENTENCES[:4])
def test_nor_the_disclaimers_emergency_element(sentence):
    (f,) = lint_text(MIGRAINE.format(sentence) + NOT_ADVICE, select=["CL502"])
    assert "[emergency]" in f.message


def test_a_disclaimers_own_negated_emergency_line_is_not_the_element():
    page = MIGRAINE.format("Text.") + NOT_ADVICE.replace(
        "advice.", "advice. You do not need to call 999 for a migraine.")
    (f,) = lint_text(page, select=["CL502"])
    assert "[emergency]" in f.message
    page = page.replace("You do not need to call 999 for a migraine.",
                        "In a medical emergency, call 999.")
    (f,) = lint_text(page, select=["CL502"])
    assert "[emergency]" not in f.message


ADVICE_SENTENCES = [
    # the rule's tests and docs (tests/test_safety_pages.py, test_safety_nonurgent.py,
    # docs/rules/CL503.md, docs/format.md)
    "Call 911 if you have chest pain that spreads to your arm.",
    "Go to your nearest emergency department if the pain is sudden and severe.",
    "Seek immediate medical attention if your leg becomes weak.",
    "Ring 112 straight away if someone faints and does not wake.",
    "See a GP urgently if you have a high temperature with back pain.",
    "Ask for an urgent GP appointment if you also have a fever.",
    "Call triple zero (000) if the person stops breathing.",
    "Call 999 or go to A&E if you have back pain with numbness around your bottom.",
    "In an emergency, call 999 or 911 or go to the nearest emergency department.",
    "In an emergency call 999.",
    "If you have chest pain, call 911.",
    "If you cannot swallow, go to A&E.",
    "See a GP straight away if the ulcer bleeds.",
    # wordings of the labelled pages
    "Immediate action required: Call 999 if you have chest pain.",
    "Urgent advice: Ask for an urgent GP appointment or get help from NHS 111 if you are unwell.",
    "Get urgent medical help (call 999 or go to A&E) if you:",
    "If you notice them, contact us or take your child to A&E.",
    "Contact your GP, a sexual health clinic or A&E straight away.",
    "Please go straight to your GP or A&E if your arm becomes swollen.",
    "If the person doesn't respond, call 911.",
    "Call 911 if your symptoms don't improve.",
    "Talk to your doctor before starting any new treatment, and call 911 in a medical emergency.",
    "Chest pain that comes on at rest may be a heart attack: call 999.",
    "If you collapse, someone should call 999.",
    "You may need to go to hospital if your symptoms are severe.",
    "You need urgent medical attention if you cannot breathe.",
    "Come straight back to the Children's Emergency Department if your child has a fever.",
    "Take your child to your nearest Emergency Department if the bulge hurts.",
    "Go to an eye casualty department or A&E straight away if you have sudden eye pain.",
    "Use the auto-injector, then call 999 and say \"anaphylaxis\".",
    "Seek help urgently if your calf becomes painful — call 999.",
    "Get emergency help by calling 911 if confusion comes on suddenly.",
    "Call or text 988 if you are having thoughts of harming yourself.",
    "Out of hours, go to your nearest Emergency Department.",
    "Get to an emergency room as quickly as possible.",
    "Do not hesitate to call 999 if you have chest pain.",
    "Don't wait — call 999.",
    "What matters most is that you see a GP urgently if you notice a change.",
    "Your loved one should see a doctor the same day.",
    # a condition without a comma; an aside; a note mark; scraped, glued text
    "If you cannot breathe call 999.",
    "If you have chest pain or signs of a stroke (face drooping, arm weakness) call 999 "
    "immediately.",
    "Stomach acid can damage teeth.[5] Call your doctor or go to the emergency room if you "
    "can't keep fluids down.",
    "See your GP if you have bleeding.Go to A&E if you are bleeding heavily.",
    "Desmond, 71 When to get urgent help Call 999 if you have a slow heart rate.",
]


@pytest.mark.parametrize("sentence", ADVICE_SENTENCES)
def test_advice_still_satisfies_cl503(sentence):
    assert cl503(sentence) == []


# -- 2. wordings CL503 missed ----------------------------------------------------------
@pytest.mark.parametrize("sentence", [
    "Call 15 or 112 if you have chest pain.",  # only the first number was read
    "Call 144 or 112 if you have chest pain.",
    "Call 112 or 15 if you have chest pain.",  # (passed before too)
    "Call for an ambulance if you have chest pain.",
    "Call 102 for an ambulance if you have chest pain.",
    "Go to an urgent treatment centre if you have chest pain.",
    "Visit an urgent care centre if you have chest pain.",
    "Talk with a doctor right away if you have chest pain.",
])
def test_missed_wordings_are_urgent_care_advice(sentence):
    assert cl503(sentence) == []


@pytest.mark.parametrize("sentence", ["Call 102 if you have chest pain.",
                                      "Call 15 or 16 if you have chest pain."])
def test_a_number_that_is_not_an_emergency_number_is_not_enough(sentence):
    assert cl503(sentence) == ["CL503"]


def test_the_disclaimers_emergency_element_reads_them_too():
    page = MIGRAINE.format("Text.") + NOT_ADVICE.replace(
        "advice.", "advice. If you are very unwell, call 144 or 112.")
    (f,) = lint_text(page, select=["CL502"])
    assert "[emergency]" not in f.message


def test_when_to_talk_with_a_doctor_says_what_to_do():
    page = MIGRAINE.format("## When to see a doctor\n\nTalk with a doctor if the pain "
                           "lasts.")
    assert [f.code for f in lint_text(page, select=["CL503"])] == []


# -- 4. permanence and promised outcomes against "results vary" (CL505), and CL407 ------
BACK = "# Back pain\n\nOur treatment helps. {}\n\n> Individual results vary.\n"


def cl407_cl505(sentence: str) -> list[str]:
    return sorted(f.code for f in lint_text(BACK.format(sentence), select=["CL407", "CL505"]))


@pytest.mark.parametrize("sentence", [
    "It will not come back.",  # CL407 only before
    "Never suffer from back pain again.",
    "Pain-free for life.",  # neither before
    "We promise you will be pain-free.",
    "Keep your results for life.",
])
def test_permanent_and_promised_outcomes_contradict_results_vary(sentence):
    assert cl407_cl505(sentence) == ["CL407", "CL505"]


def test_the_cl505_message_names_the_promise():
    (f,) = lint_text(BACK.format("It will not come back."), select=["CL505"])
    assert f.message == ("'will not come back' promises a guaranteed or permanent outcome, "
                         "but the page says results vary (line 5)")


@pytest.mark.parametrize("sentence", [
    "See a GP if your period does not return.",  # a condition
    "In most people it does not come back.",  # a prognosis
    "You may never have it again.",
    "Many people stay pain-free for life.",
    "It is a lifelong condition.",
    "We promise to listen to you.",
    "There is no permanent cure.",
])
def test_conditions_hedges_and_other_promises_are_not(sentence):
    assert cl407_cl505(sentence) == []


# -- 3. CL408: left to the owners of its data ------------------------------------------
# CL408's strong wording is rules/claims.yaml's `strong` and `overstated`, its design
# words citations.py's: the audit's cases, read since the main checkout's fix.
LEE = ("---\ntitle: Neck pain\nevidence:\n  - id: lee2020\n    title: \"Cupping for neck "
       "pain: a case series\"\n    year: 2020\n    design: case-series\n    doi: "
       "10.1000/xyz123\n---\n# Neck pain\n\n{}\n")


@pytest.mark.parametrize("sentence", [
    "Cupping has been shown to reduce neck pain [@lee2020].",
    "Cupping is shown to reduce neck pain [@lee2020].",
    "Cupping will relieve your neck pain [@lee2020].",
    "Cupping gets rid of neck pain [@lee2020].",
])
def test_cl408_strong_wording_the_audit_found(sentence):
    assert [f.code for f in lint_text(LEE.format(sentence), select=["CL408"])] == ["CL408"]


@pytest.mark.parametrize("page", [
    "# Neck pain\n\nCupping reduces neck pain ([a 2019 in-vitro study]"
    "(https://doi.org/10.1000/x1)).\n",
    "# Neck pain\n\nCupping reduces neck pain [1].\n\n## References\n\n1. Lee A. Cupping "
    "for neck pain: an in-vitro study. J Test. 2019;4:1-5. doi:10.1000/abc\n",
])
def test_cl408_reads_the_schemas_in_vitro_spelling(page):
    assert [f.code for f in lint_text(page, select=["CL408"])] == ["CL408"]


def test_cl408_reports_what_it_reads_today():
    assert [f.code for f in lint_text(LEE.format("Cupping reduces neck pain [@lee2020]."),
                                      select=["CL408"])] == ["CL408"]


@pytest.mark.parametrize("sentence", [
    "You'll need to go to A&E.", "You'd better call 999.", "Do go to A&E if you are worried.",
    "Please do call 999.", "Do not call 999 for a cold, but do call 999 if you cannot breathe.",
    "Anyone with these symptoms should call 999."])
def test_cl503_takes_contracted_emphatic_and_third_person_advice(sentence):
    # the sentence-shape test of the twentieth session rejected these real instructions
    # (CL503, an error, said the page had no urgent-care advice)
    page = f"# Migraine\n\nMigraine is a headache disorder.\n\n{sentence}\n"
    assert lint_text(page, select=["CL503"]) == []
