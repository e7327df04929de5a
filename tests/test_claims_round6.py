"""Claims round 6: cue families for the misses of blind sets 4 and 5 (docs/claims.md).

Every sentence here is invented, not taken from the corpus: each family gets a claim
that must be found and a nearby sentence that must stay quiet.
"""

from __future__ import annotations

import pytest

from conditionlint.api import lint_text
from tests.claim_sentences import cl401, cl402
from tests.conftest import TODAY


# -- CL402: appeals to an authority, a tradition or the seller's own data ---------------
@pytest.mark.parametrize("sentence, words", [
    ("The MHRA advises against giving these drops to toddlers.", "The MHRA advises"),
    ("Grandmothers have known for centuries that sage tea settles a sore throat.",
     "have known for centuries"),
    ("Our patient survey found that nine in ten felt calmer.", "Our patient survey found"),
    ("In our customer survey, most said they slept better.", "In our customer survey"),
    ("Research has linked poor sleep to flare-ups.", "Research has linked"),
])
def test_appeals_to_authority_are_vague_evidence(sentence, words):
    assert [m for m in cl402(sentence) if f"('{words}')" in m]


@pytest.mark.parametrize("sentence", [
    "The MHRA licence number is on the box.",
    "Sage has been used for centuries in cooking.",
    "Please fill in our feedback form after your visit.",
    "Read our customer reviews below.",
    "Our research team is based in Leeds.",
])
def test_nearby_sentences_invoke_no_evidence(sentence):
    assert cl402(sentence) == []


# -- false findings: care instructions, signposting, places ----------------------------
@pytest.mark.parametrize("sentence", [
    "Seek urgent help if the swelling spreads quickly, as this may be a sign of an infection.",
    "Come back to the surgery if the cough lasts more than three weeks.",
    "Here's what tends to help with a blocked nose.",
    "Swap some of your runs for cycling while the knee settles.",
    "When the rash appears, note the date in a diary.",
])
def test_instructions_and_signposts_are_not_claims(sentence):
    assert cl401(sentence) is None


def test_a_reassurance_about_a_safe_place_is_no_claim_to_the_rules(rules_alone):
    # (eleventh session: the claim model retrained with blind32 to blind35 scores this
    # lone sentence 0.5 or more, "safe", and takes it for a safety claim; on a page the
    # rules' verdict is what this pins)
    assert cl401("It is fine to leave a crying toddler somewhere safe for a minute.") is None


def test_an_instruction_whose_reason_is_an_effect_is_still_a_claim():
    assert cl401("Use the spray twice a day, as this reduces swelling.") == "efficacy"


# -- transmission, signs, causes named in clinic or publisher voice --------------------
@pytest.mark.parametrize("sentence, kind", [
    ("Ringworm spreads easily between children who share hats.", "causal"),
    ("Psoriasis is not contagious.", "causal"),
    ("Walking barefoot can let germs in.", "causal"),
    ("Back pain can also come from the kidneys.", "causal"),
    ("Acne is often a sign of hormone imbalance.", "causal"),
    ("Night shifts upset the body clock and change how the gut digests food.", "causal"),
    ("Most heel pain comes from an overloaded plantar fascia.", "causal"),
    ("Poor posture wears the discs down over time.", "causal"),
    ("Dehydration makes a cold last longer.", "causal"),
    ("People with flat feet are more prone to shin splints.", "causal"),
    ("Obesity narrows the airway.", "mechanism"),
    ("The insole spreads the load across the whole foot.", "efficacy"),
])
def test_causes_and_mechanisms_are_claims(sentence, kind, rules_alone):
    assert cl401(sentence) == kind


def test_signs_after_there_are_describe():
    assert cl401("There are signs of infection, such as pus.") is None


# -- prognosis: seriousness, recurrence, after-effects, the untreated course -----------
@pytest.mark.parametrize("sentence", [
    "It is rare to get shingles more than once.",
    "Burns from hot water can leave pale patches on darker skin.",
    "Without surgery, the joint will usually stiffen further.",
    "Most people with a slipped disc can carry on working.",
    "Children who have had the vaccine usually get a shorter bout of illness.",
    "Because we treat the cause, the pain doesn't keep coming back.",
])
def test_predicted_courses_are_prognosis_claims(sentence):
    assert cl401(sentence) == "prognosis"


@pytest.mark.parametrize("sentence", [
    "Most people can buy it at a pharmacy.",
    "Most pharmacies will have it in stock.",
    "Most people can have their first appointment within a week.",
    "Without a prescription, you can buy the 1% cream from a pharmacy.",
])
@pytest.mark.usefixtures("rules_alone")
def test_what_most_people_can_buy_is_not_a_prognosis(sentence):
    assert cl401(sentence) is None


@pytest.mark.usefixtures("rules_alone")
def test_complications_prose_is_judged_but_its_noun_lists_are_not():
    assert cl401("A sty usually isn't serious.", "Complications") == "prognosis"
    assert cl401("In a few people the infection can spread into the bone.",
                 "Complications") == "causal"
    assert cl401("Low mood, poor sleep and time off work.", "Complications") is None


# -- hedged causes in a Causes section's prose ------------------------------------------
def test_hedged_wording_that_names_a_cause_counts_in_causes_prose():
    assert cl401("Some painkillers can trigger a headache of their own.", "Causes") == "causal"
    assert cl401("Tight boots can make blisters worse.", "Causes") == "causal"


def test_hedged_possibilities_in_causes_prose_still_describe():
    assert cl401("Stress may play a part, and it may be linked to poor sleep.", "Causes") is None
    assert cl401("Cold weather may make it worse.", "Causes") is None


# -- testimonials without a treatment word ----------------------------------------------
@pytest.mark.parametrize("sentence", [
    "Four visits sorted my shoulder out!",
    "My knees are so much looser these days!",
    "Since starting the drops I haven't had a single migraine.",
    "The gel changed my life.",
    "I can finally sleep on my side.",
    "The heel balm keeps dryness in check.",
])
def test_reports_of_change_are_efficacy_claims(sentence):
    assert cl401(sentence) == "efficacy"


@pytest.mark.parametrize("sentence", [
    "My clinic is on the high street.",
    "My appointment is on Tuesday.",
    "My diary is so much longer this year.",
    "The swelling has gone down.",
    "I can now offer evening appointments on Thursdays.",
    "We haven't had a single complaint about parking.",
    "The waiting room has been so much calmer since we moved.",
])
@pytest.mark.usefixtures("rules_alone")
def test_first_person_sentences_without_a_change_are_quiet(sentence):
    assert cl401(sentence) is None


# -- comparative advice and verdicts on a treatment ------------------------------------
@pytest.mark.parametrize("sentence, kind", [
    ("Keeping the ankle moving is the most important thing you can do.", "comparative"),
    ("Flossing matters as much as brushing.", "comparative"),
    ("Swimming is one of the best things you can do for a stiff back.", "comparative"),
    ("The splint did more in a month than a year of physio.", "comparative"),
    ("Ear drops only mask the pain; they do not treat the infection.", "efficacy"),
    ("Tea tree oil is a tried-and-tested remedy for spots.", "efficacy"),
    ("Steroid tablets are useful for severe flares.", "efficacy"),
    ("Eczema can be reversed with daily emollients.", "efficacy"),
    ("When the cream is used every night, it clears most patches within a month.",
     "efficacy"),
])
def test_ranked_advice_and_verdicts_are_claims(sentence, kind, rules_alone):
    assert cl401(sentence) == kind


@pytest.mark.parametrize("sentence", [
    "The best thing to do is to see your GP.",
    "Steroid tablets are available from a pharmacist.",
    "The main options are physiotherapy, painkillers and a strap.",
])
def test_where_to_go_and_where_to_buy_are_not_claims(sentence):
    assert cl401(sentence) is None


def test_a_ranked_lead_in_lends_nothing_to_its_list():
    page = ("# Widget syndrome\n\n## Treatment\n\nThe main treatments are:\n\n"
            "- physiotherapy\n- steroid injections\n")
    assert lint_text(page, select=["CL401"], today=TODAY) == []


# -- harms of a treatment ---------------------------------------------------------------
@pytest.mark.usefixtures("rules_alone")
def test_harms_of_a_treatment_are_safety_claims():
    assert cl401("Liquid iron can stain your teeth.") == "safety"
    assert cl401("St John's wort can interfere with the pill.") == "safety"
    assert cl401("The ointment is greasy and can stain, so keep old pyjamas for bedtime.") \
        is None


# -- product descriptions, adjectives, conditions for care ------------------------------
@pytest.mark.parametrize("sentence", [
    "Each sachet combines ginger, lemon balm and zinc.",
    "Our recovery protocol combines massage and graded exercise.",
    "A blocked ear from a cold can make you feel dizzy.",
    "Apply as often as you can.",
])
@pytest.mark.usefixtures("rules_alone")
def test_what_a_product_holds_and_adjectives_are_not_claims(sentence):
    assert cl401(sentence) is None


def test_items_of_a_list_of_conditions_for_care_are_not_claims():
    page = ("# Sore ears\n\n## Getting help\n\nContact your GP if:\n\n"
            "- your symptoms have not improved after a week\n"
            "- the pain doesn't go away after three days of drops\n\n"
            "## See a pharmacist if\n\n- the itch hasn't settled after a week\n\n"
            "## Treatment\n\nOur ear drops help:\n\n- ease the pain\n")
    got = [(f.line, f.message) for f in lint_text(page, select=["CL401"], today=TODAY)]
    assert [line for line, _ in got] == [16, 18]


# -- reasons given with an instruction, harms and risks ---------------------------------
@pytest.mark.parametrize("sentence, kind", [
    ("Do not give aspirin to under-16s, because of the risk of Reye's syndrome.", "safety"),
    ("Sleep as much as you can – tiredness makes pain feel worse.", "causal"),
    ("Don't take more than four tablets a day, as larger doses can damage the liver.",
     "safety"),
    ("The balm is suitable for nearly everyone, including people with diabetes.", "safety"),
    ("Scrubbing hard just made the patch redder and sorer.", "causal"),
    ("A mouthwash can limit the spread of the infection.", "efficacy"),
    ("Steroid injections are only needed in a small number of cases.", "efficacy"),
])
def test_reasons_harms_and_verdicts_are_claims(sentence, kind):
    assert cl401(sentence) == kind


def test_ways_in_and_risk_in_people_with_a_condition_count_in_causes_prose():
    assert cl401("Sweat left on the skin softens it, which lets fungus get in.",
                 "Causes") == "causal"
    assert cl401("Thick creams can clog the pores on your back.", "Causes") == "causal"
    assert cl401("People with eczema are at higher risk of skin infections.",
                 "Causes") == "causal"
    # a demographic and a hedged link stay descriptions
    assert cl401("Older people are at higher risk.", "Causes") is None
    assert cl401("It's thought to be linked to a virus.", "Causes") is None


# -- prevalence is not a statistic claim -------------------------------------------------
def test_prevalence_with_a_group_of_people_is_not_a_statistic_claim():
    assert cl401("Psoriasis affects around 2 in 100 people, and many people notice it "
                 "first on the elbows.") is None
    # a course stated in the same sentence is still a claim, and so is a statistic
    # about a treatment or a clinic's own patients
    assert cl401("Eczema affects about 1 in 5 children, and most children grow out "
                 "of it.") == "prognosis"
    assert cl401("In our clinic, 9 out of 10 patients say their pain is lower.") \
        == "efficacy"
