"""Claims round 7: cue families for the misses of blind set 6 (docs/claims.md).

Every sentence here is invented, not taken from the corpus: each family gets a claim
that must be found and a nearby sentence that must stay quiet.
"""

from __future__ import annotations

import pytest

from tests.claim_sentences import cl401, cl402


# -- CL402: trials as a place, professions, experts' beliefs, case reports, labels ------
@pytest.mark.parametrize("sentence, words", [
    ("The new balm has been shown in clinical trials to calm redness.",
     "has been shown in clinical trials"),
    ("This gel has been tested in large studies.", "has been tested in large studies"),
    ("Midwives recommend a barrier cream at every change.", "Midwives recommend"),
    ("Nurses agree that a warm bath helps.", "Nurses agree"),
    ("Scientists now think the gut plays a part in mood.", "Scientists now think"),
    ("Experts estimate that one in five adults has it.", "Experts estimate"),
    ("There was a case report in the Lancet about a man who recovered.",
     "a case report in the Lancet"),
    ("Dermatologically tested and fragrance-free.", "Dermatologically tested"),
])
def test_vague_evidence_families(sentence, words):
    assert [m for m in cl402(sentence) if f"('{words}" in m]


@pytest.mark.parametrize("sentence", [
    "Your midwife may recommend a barrier cream.",
    "Nurses will show you how to use the pump.",
    "Scientists think about this a lot.",
    "We will send a report in the post.",
    "Your blood is typically tested for iron.",
])
def test_nearby_sentences_invoke_no_evidence(sentence):
    assert cl402(sentence) == []


def test_a_product_label_alone_is_vague_but_claims_nothing():
    # CL402 only: it gestures at testing without saying what the testing showed
    assert cl401("Dermatologically tested and fragrance-free.") is None
    assert cl402("Dermatologically tested and fragrance-free.")


# -- CL401: transmission, risk groups, load, causes named --------------------------------
@pytest.mark.parametrize("sentence, kind", [
    ("It's spread to people through the bite of infected mites.", "causal"),
    ("You can catch it from sharing towels.", "causal"),
    ("Walkers who spend time in long grass are much more likely to be bitten.", "causal"),
    ("Tight calves and long runs all increase the load on the Achilles tendon.", "causal"),
    ("Smoking is the biggest risk factor.", "causal"),
    ("Poor diet is rarely the only cause in adults.", "causal"),
    ("Even small amounts of peanut can cause damage.", "causal"),
    ("A damaged lining lets germs into the bloodstream.", "causal"),
    ("Lifting too soon can make the gap wider.", "causal"),
    ("Both types are very contagious.", "causal"),
])
def test_causes_and_transmission(sentence, kind, rules_alone):
    assert cl401(sentence) == kind


@pytest.mark.parametrize("sentence", [
    "You can catch up on sleep at the weekend.",
    "Please pass the form on to reception.",
    "Patients who are new to the clinic are asked to arrive early.",
    "Only a small number of parking spaces are available.",
    "Most people who are treated early are seen within a week.",
])
@pytest.mark.usefixtures("rules_alone")
def test_nearby_sentences_claim_nothing(sentence):
    assert cl401(sentence) is None


# -- CL401: prognosis: rarity of harm, persistence, recovery of most people --------------
@pytest.mark.parametrize("sentence", [
    "Pink eye rarely causes lasting problems.",
    "Complications are rare.",
    "Only a small number of people ever need an operation.",
    "Around 1 in 8 people still have symptoms three months later.",
    "Most people who are treated early recover quickly.",
    "With the right diet, most people with it live a full life.",
    "Many people notice their energy coming back within a week.",
])
def test_prognosis_families(sentence, rules_alone):
    assert cl401(sentence) == "prognosis"


# -- CL401: harms of a treatment and product safety wording ------------------------------
@pytest.mark.parametrize("sentence", [
    "They can make you feel dizzy when you stand up.",
    "Painkillers like aspirin can increase bleeding.",
    "Do not drink alcohol, as it can affect your liver while you're ill.",
    "Gentle enough for newborns.",
    "Hypoallergenic and fragrance-free.",
])
def test_harms_and_product_safety(sentence):
    assert cl401(sentence, "Treatment") == "safety"


@pytest.mark.parametrize("sentence", [
    "Do not drink alcohol while you're taking these tablets.",
    "Be gentle when you dry the skin.",
])
def test_nearby_instructions_stay_quiet(sentence):
    assert cl401(sentence, "Treatment") is None


# -- hedged transmission and persistence in descriptive sections -------------------------
@pytest.mark.parametrize("sentence, heading", [
    ("It spreads through coughs, so you can get it from sharing cups.", "How it spreads"),
    ("The virus can be passed on for months.", "How it spreads"),
])
def test_hedged_transmission_counts(sentence, heading):
    assert cl401(sentence, heading) == "causal"


def test_hedged_everyday_sentence_in_a_causes_section_stays_quiet():
    assert cl401("You can get a leaflet from reception.", "How it spreads") is None


# -- testimonials without a treatment word ------------------------------------------------
@pytest.mark.parametrize("sentence, kind", [
    ("I can do press-ups again without any pain.", "efficacy"),
    ("His rash was gone by the next morning.", "efficacy"),
    ("After my first swim I felt incredible.", "efficacy"),
    ("I sleep like a baby now.", "efficacy"),
    ('Her migraines are "basically gone" since she started.', "efficacy"),
    ("I've had a whole season without a niggle.", "efficacy"),
    ("The physio sessions made all the difference.", "efficacy"),
    ("Swimming worked for me.", "efficacy"),
    ("Sea swimming has done more for my anxiety than pills ever did.", "comparative"),
])
def test_testimonial_outcomes(sentence, kind, rules_alone):
    assert cl401(sentence, "Reviews") == kind


@pytest.mark.parametrize("sentence", [
    "We can do it again next year.",
    "The leaflets were gone by lunchtime.",
    "It was an incredible view.",
    "The car park is great for visitors.",
])
def test_nearby_review_sentences_stay_quiet(sentence, rules_alone):
    assert cl401(sentence, "Reviews") is None


# -- product bullets and instructions that give a benefit as their reason -----------------
@pytest.mark.parametrize("sentence, kind", [
    ("- Forms a breathable barrier that locks out wetness", "mechanism"),
    ("The cream forms a barrier against wetness.", "mechanism"),
    ("The balm is also great for chapped lips and dry patches.", "efficacy"),
    ("Gargle with warm salt water to ease a sore throat.", "efficacy"),
    ("Ice for two days to keep the swelling down.", "efficacy"),
    ("Losing a little weight can bring your blood pressure back into the normal range.",
     "efficacy"),
    ("Eating red meat can also raise iron levels.", "efficacy"),
    ("Most people with the allergy can eat baked egg.", "safety"),
])
def test_products_and_instructions_with_a_benefit(sentence, kind):
    assert cl401(sentence, "Treatment") == kind


@pytest.mark.parametrize("sentence", [
    "- Forms part of our winter range",
    "Your skin forms a barrier against germs.",
    "To ease a sore throat, gargle with salt water.",
    "Take the bus to reduce parking costs.",
    "Sit down to take your tablets.",
    "Rest and take paracetamol to reduce pain.",
])
def test_nearby_product_and_instruction_sentences_stay_quiet(sentence):
    assert cl401(sentence, "Treatment") is None


# -- false findings: what a programme includes, where to get help, demographics ----------
@pytest.mark.parametrize("sentence", [
    "Our 8-week Calm Gut programme includes a consultation and a food plan.",
    "Urgent advice: get help from NHS 111 if you feel faint.",
    "Our helpline can help you find a local group.",
    "It is more common in women and usually starts after the age of 40.",
    "cuts or wounds that take longer to heal",
])
def test_descriptions_and_services_are_not_claims(sentence, rules_alone):
    assert cl401(sentence) is None


@pytest.mark.parametrize("sentence, kind", [
    ("Our 8-week programme soothes the gut.", "efficacy"),
    ("Ice packs help with swelling.", "efficacy"),
    ("Honey can help wounds to heal.", "efficacy"),
    ("It is more common after a bad fall.", "causal"),
])
def test_nearby_claims_are_still_found(sentence, kind):
    assert cl401(sentence) == kind


# -- the untreated course in a "when to see a doctor" section -----------------------------
def test_untreated_course_in_an_urgent_section_is_a_prognosis():
    assert cl401("Left untreated, the infection can spread to the blood.",
                 "When to see a doctor") == "prognosis"


@pytest.mark.parametrize("sentence", [
    "See a GP if your symptoms do not get better within a week.",
    "Ask for an urgent appointment if the pain has not gone away after 3 days.",
])
def test_conditions_for_care_in_an_urgent_section_stay_quiet(sentence):
    assert cl401(sentence, "When to see a doctor") is None


# -- recurrence, function kept, recovery time, "it's a big cause of" ----------------------
@pytest.mark.parametrize("sentence, kind", [
    ("Over time the body adapts, and that's thought to make you more resilient to stress.",
     "causal"),
    ("Heat stroke can make you confused, and it's a big cause of death in older people.",
     "causal"),
    ("Shin splints have a frustrating habit of coming back.", "prognosis"),
    ("Most people keep good use of their knees.", "prognosis"),
    ("A bad sprain can take six weeks or more and sometimes needs a brace.", "prognosis"),
])
def test_course_and_cause_families(sentence, kind):
    assert cl401(sentence) == kind


@pytest.mark.parametrize("sentence", [
    "The new system will make you more comfortable with booking online.",
    "It's a good time of year to visit.",
    "She has a habit of coming back late.",
    "Most people keep their appointment.",
    "The letter can take two weeks or more to arrive.",
])
@pytest.mark.usefixtures("rules_alone")
def test_nearby_everyday_sentences_stay_quiet(sentence):
    assert cl401(sentence) is None


# -- structural effect verbs that are names or nouns ---------------------------------------
@pytest.mark.parametrize("sentence", [
    "Our Thyroid Reset programme includes a consultation and a food plan.",
    "- cuts or wounds that take longer to heal",
])
@pytest.mark.usefixtures("rules_alone")
def test_names_and_noun_lists_are_not_effects(sentence):
    assert cl401(sentence, "Treatment") is None


@pytest.mark.parametrize("sentence", [
    "Our programme resets the thyroid.",
    "Our balm soothes and protects sore skin.",
    "Our Calm Gut tea soothes the stomach.",
])
def test_nearby_effects_are_still_claims(sentence):
    assert cl401(sentence, "Treatment") == "efficacy"
