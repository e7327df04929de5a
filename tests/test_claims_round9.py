"""Claims round 9: cue families for the misses of blind sets 8 and 9 (docs/claims.md).

Every sentence here is invented, not taken from the corpus: each family gets claims
that must be found and nearby sentences that must stay quiet.
"""

from __future__ import annotations

import pytest

from tests.claim_sentences import cl401, cl402


# -- CL402: authority appeals by kind ----------------------------------------------------
@pytest.mark.parametrize("sentence, words", [
    ("Leading dermatologists now recommend a gentle cleanser.",
     "Leading dermatologists now recommend"),
    ("Top sleep specialists now recognise the link between light and mood.",
     "Top sleep specialists now recognise"),
    ("Our dietitians also recommend a food diary.", "Our dietitians also recommend"),
    ("Many cardiologists now advise a daily walk.", "Many cardiologists now advise"),
    ("A Swedish study even found that saunas lower blood pressure.",
     "A Swedish study even found"),
    ("An Oxford trial showed fewer colds in the treated group.", "An Oxford trial"),
    ("Current NHS guidance is that most children can go back to school.",
     "Current NHS guidance is"),
    ("Official advice says adults should take vitamin D in winter.", "Official advice says"),
    ("Guidance in the US recommends it for adults over 50.",
     "Guidance in the US recommends"),
    ("Everyone on the running forums swears by it.", "Everyone on the running forums swears"),
    ("Science says a nap after lunch is good for you.", "Science says"),
])
def test_authority_appeals_by_kind(sentence, words):
    assert [m for m in cl402(sentence) if f"('{words}" in m]


@pytest.mark.parametrize("sentence", [
    "Our physiotherapists will recommend exercises at your first visit.",
    "Current opening hours are listed below.",
    "An Oxford graduate, she has worked here for ten years.",
    "People in the support group meet on Tuesdays.",
    "Our pharmacists can advise on travel vaccines.",
    "Our therapists use warm oil.",
])
def test_nearby_sentences_appeal_to_no_authority(sentence):
    assert cl402(sentence) == []


# -- CL401: risk and cause in publisher voice ---------------------------------------------
@pytest.mark.parametrize("sentence", [
    "People with asthma are more prone to chest infections.",
    "Children who snore are at greater risk of tooth decay.",
    "Toddlers with eczema are at the highest risk.",
    "Stress is a classic trigger for cold sores.",
    "Heavy drinking raises the lifetime risk of liver cancer.",
    "Lying on your back seems to make them more likely.",
    "Even a little acid can make it sore and inflamed.",
    "Old sponges can harbour bacteria.",
    "Sugary drinks raise blood sugar quickly.",
])
def test_risk_and_cause_families(sentence):
    assert cl401(sentence) == "causal"


@pytest.mark.parametrize("sentence", [
    "Risk factors include age and smoking.",
    "Ask us about the risks of the procedure.",
    "It is most common in teenagers.",
    "Older adults are at the highest risk.",
])
@pytest.mark.usefixtures("rules_alone")
def test_nearby_risk_sentences_claim_nothing(sentence):
    assert cl401(sentence) is None


# -- CL401: the course in publisher voice -------------------------------------------------
@pytest.mark.parametrize("sentence", [
    "Most nosebleeds last less than 10 minutes.",
    "Attacks usually end on their own.",
    "The dizziness passes within a few minutes.",
    "Rosacea is common and usually chronic.",
    "Floaters rarely damage your eyesight.",
    "In newborns it can be fatal.",
    "Measles can make babies very ill.",
    "You can get tonsillitis more than once.",
    "The bacteria can stay for life unless they are treated.",
    "Most babies who have jaundice never need treatment.",
    "The benefit tends to wear off after a few months.",
    "Relapse is common after a short course.",
    "The tablets take several weeks to work.",
    "A knee replacement means months of recovery.",
])
def test_course_families(sentence, rules_alone):
    assert cl401(sentence) == "prognosis"


@pytest.mark.parametrize("sentence", [
    "Most people with gallstones never have symptoms.",
    "Appointments usually last about an hour.",
    "The clinic is usually busy on Mondays.",
])
def test_nearby_course_sentences_claim_nothing(sentence):
    assert cl401(sentence) is None


# -- CL401: ranked advice ------------------------------------------------------------------
@pytest.mark.parametrize("sentence", [
    "Eating late at night is the worst thing you can do for heartburn.",
    "Ibuprofen is usually the first choice for period pain.",
    "Regular stretching is the cornerstone of treatment.",
    "Ultrasound adds little to a good exercise programme.",
    "An operation should only ever be a last resort.",
    "The earlier you start, the better the results.",
])
def test_ranked_advice(sentence, rules_alone):
    assert cl401(sentence) == "comparative"


# -- CL401: product and clinic copy --------------------------------------------------------
@pytest.mark.parametrize("sentence", [
    "A simple wrist splint made an immediate difference to typing.",
    "Noise cancelling lets you hear conversation in a crowded bar.",
    "Zinc lozenges increase sperm quality within three months.",
    "A cooler bedroom may cut down how often you wake.",
    "Used before exercise, it may make running more comfortable.",
    "Tendons respond to exercise at any age.",
    "Drug-free relief that lasts.",
    "Sponging your child with cold water does not prevent a fever.",
    "Hand gels do not kill the virus.",
    "Most patients can cut down their painkillers after treatment.",
])
def test_product_copy(sentence, rules_alone):
    assert cl401(sentence) == "efficacy"


def test_gentle_enough_to_take_with_medicines_is_a_safety_claim():
    assert cl401("It is gentle enough to take with most medicines.") == "safety"


@pytest.mark.parametrize("sentence", [
    "Knowing this makes no difference to your appointment.",
    "Taking photos is not allowed in the clinic.",
    "A swab test can help locate the infection.",
    "If you are worried, don't put off seeking help.",
    "This leaflet was written with help from our patients.",
])
def test_nearby_copy_claims_nothing(sentence, rules_alone):
    assert cl401(sentence) is None


# -- CL401: wellness jargon ---------------------------------------------------------------
@pytest.mark.parametrize("sentence", [
    "Vitamin C mops up the free radicals that age the skin.",
    "In the dark, your brain finally gets a break.",
    "Bitter herbs keep the gut moving so the yeast can't settle back in.",
    "Our taping switches on sleepy glutes.",
    "Our programmes stabilise loose joints.",
])
def test_wellness_jargon(sentence, rules_alone):
    assert cl401(sentence) is not None


# -- CL401: what reviewers and bloggers say changed ----------------------------------------
@pytest.mark.parametrize("sentence", [
    "I haven't sprained my ankle once since finishing the course.",
    "My back pain has more or less gone.",
    "Since the programme she's back on the hockey team.",
    "Three treatments later I'm back full time.",
    "My chest felt easier the next day.",
    "My knees definitely feel freer.",
    "I can hear the birds again.",
    "A year on, I'm running again.",
    "With the new aid I barely notice the ringing.",
    "After two visits he was like a different child.",
    "Four weeks into the plan my skin was clear for the first time since school.",
    "Cholesterol down 0.8 in 10 weeks.",
    "My watch shows an extra 30 minutes of deep sleep.",
    "Nine out of ten members sleep better within a month.",
    "Most children find the sessions deeply relaxing.",
    "Families who join our group tell us they feel far more confident.",
    "Clients who finish the programme rarely need a second course.",
])
def test_reviewer_outcomes(sentence, rules_alone):
    assert cl401(sentence) is not None


@pytest.mark.parametrize("sentence", [
    pytest.param("I haven't seen my sister since Christmas.", marks=pytest.mark.xfail(
        strict=True, reason="known false finding since the twenty-third session: the model "
        "retrained through blind79 scores it 0.357, over its threshold 0.35 (the one before: "
        "0.121; docs/model23.md)")),
    "She's back in the office on Monday.",
    pytest.param("I can read the menu from here.", marks=pytest.mark.xfail(
        strict=True, reason="known false finding since model25: the model retrained "
        "through blind87 scores it 0.396, over its threshold 0.375 (the one before: 0.189, "
        "under 0.35; docs/model25.md)")),
    "I'm going again next week.",
    "Customers who order before noon get next-day delivery.",
    "Sleep paralysis is a brief inability to move as you wake up.",
])
def test_nearby_reviewer_sentences_claim_nothing(sentence):
    assert cl401(sentence) is None


@pytest.mark.parametrize("sentence", [
    "Does the job.",
    "Smells odd but works.",
])
def test_short_verdicts_in_reviews(sentence):
    assert cl401(sentence, "Reviews") is not None


# -- false findings removed ---------------------------------------------------------------
@pytest.mark.parametrize("sentence", [
    "Single session £40 · Block of five £180 · Monthly pass £70",
    "Treatment focuses on easing symptoms.",
    "Pain that comes on when you lift or bend is called mechanical back pain.",
    "Answers to the questions our clients ask most about recovery and healing.",
    "Tinnitus, often called \"ringing in the ears\", is a condition in which you hear "
    "sounds that relieve nothing.",
])
def test_housekeeping_and_definitions_claim_nothing(sentence):
    assert cl401(sentence) is None


def test_a_name_given_in_passing_keeps_the_claim():
    assert cl401("Scratching can trigger new patches (this is called the Koebner "
                 "response).", "Causes") is not None


def test_an_instruction_with_a_dashed_reason():
    assert cl401("Do not use bubble bath – it can irritate the skin.") == "safety"


# -- second step: benefit slogans, side effects, causes, the body clock -------------------
@pytest.mark.parametrize("sentence", [
    "- Softer, smoother skin",
    "- Deeper, more restful sleep in a week",
    "- Better balance within four sessions",
    "Better sleep habits are the key to fewer migraines.",
    "Our exercises stabilise unstable ankles.",
    "Evening dim light can move sleep earlier.",
    "These drinks replace the salts and water your body loses.",
    "Important: Antibiotics will not help.",
])
def test_benefit_slogans_and_restoring(sentence, rules_alone):
    assert cl401(sentence) == "efficacy"


@pytest.mark.parametrize("sentence", [
    "More sleep tips are on our blog.",
    "Better sleep clinic opening hours are below.",
    "The aim is to move the body clock earlier.",
    "They rely on muscles to do the stabilising work.",
    "Will give it another week.",
])
@pytest.mark.usefixtures("rules_alone")
def test_nearby_slogans_claim_nothing(sentence):
    assert cl401(sentence) is None


@pytest.mark.parametrize("sentence", [
    "Amitriptyline often causes a dry mouth and drowsiness.",
    "Some people get a rash or feel dizzy while taking the tablets.",
    "It has been used for years, and no safety concerns have been found.",
])
def test_side_effects_and_risks(sentence):
    assert cl401(sentence) == "safety"


@pytest.mark.parametrize("sentence", [
    "Thrush cannot be passed on through kissing.",
    "In Chinese medicine, headaches come from Liver Qi stagnation.",
    "Nylon tights trap moisture and heat.",
    "Late-night screens push the body clock later.",
    "A difficult birth can leave tension in the neck.",
    "Some medicines can give a false negative result.",
    "Blood can form clots in the legs.",
])
def test_causes_named(sentence, rules_alone):
    assert cl401(sentence) == "causal"


def test_a_hedged_cause_that_names_its_effect_counts_in_causes():
    assert cl401("Late meals also seem to make them more likely.", "Causes") is not None


def test_a_treatment_that_carries_a_risk():
    # (the treatment as subject of an active verb names the cue first)
    assert cl401("Keyhole surgery carries a small risk of infection.") is not None
    assert cl401("Every injection carries a slight risk.") is not None


def test_a_flattened_slogan_line_stays_a_heading():
    assert cl401("Softer, smoother skin") is None


def test_a_course_into_another_condition():
    assert cl401("Poor sleep can turn into long-term insomnia.") == "prognosis"


@pytest.mark.parametrize("sentence", [
    "Customer satisfaction from our 2024 survey (n = 860).",
    "It is most common in the first year after birth.",
])
def test_source_notes_and_demographics_claim_nothing(sentence):
    assert cl401(sentence) is None


# -- third step: families written from invented probes, not from the blind misses --------
@pytest.mark.parametrize("sentence, words", [
    ("Most GPs now accept that it is a real condition.", "Most GPs now accept"),
    ("Thousands of mums in our group swear by it.", "Thousands of mums in our group swear"),
    ("It is recommended by the Migraine Trust Foundation.", "recommended by the Migraine"),
    ("Health authorities advise against it.", "Health authorities advise"),
])
def test_more_authority_appeals(sentence, words):
    assert [m for m in cl402(sentence) if f"('{words}" in m]


@pytest.mark.parametrize("sentence", [
    "Health authorities publish the figures each year.",
    "Thousands of people visit the park each year.",
    "Most GPs now offer online appointments.",
    "Our clinic was recommended by a friend.",
])
def test_more_nearby_sentences_appeal_to_no_authority(sentence):
    assert cl402(sentence) == []


@pytest.mark.parametrize("sentence", [
    "I was sceptical, but my heel pain is finally gone.",
    "Since starting the drops, my eyes no longer feel gritty.",
    "Within a month I was off my inhaler.",
    "Visible results in 14 days.",
    "Loved by over 10,000 customers.",
    "Ginger is a natural anti-inflammatory.",
    "Turmeric is packed with compounds that fight inflammation.",
    "Gentle on sensitive tummies.",
    "Long hours at a desk weaken the glutes.",
    "The outlook for most children is excellent.",
    "Around a third of people find the symptoms return.",
    "Scarring is rare.",
    "Recovery usually takes six to eight weeks.",
    "Emotional stress is stored in the hips.",
])
def test_probe_families(sentence, rules_alone):
    assert cl401(sentence) is not None


@pytest.mark.parametrize("sentence", [
    "Ibuprofen is an anti-inflammatory painkiller.",
    "Test results are usually back in 14 days.",
    "Your recovery will take place on the ward.",
    "Parking is rare in the town centre.",
    "The outlook for the weekend is sunny.",
    "I was off work for two weeks.",
    "Since moving house, my commute is longer.",
    "Side effects are listed on the leaflet.",
    "Quick results in our online quiz.",
])
def test_nearby_probe_sentences_claim_nothing(sentence):
    assert cl401(sentence) is None


# -- fourth step: the course and effect sizes in leaflet voice (cited claims the detector
# did not take for claims) ---------------------------------------------------------------
@pytest.mark.parametrize("sentence", [
    "Most children outgrow their egg allergy.",
    "Many toddlers grow out of it by school age.",
    "About 1 in 4 children will have another seizure.",
    "Anxiety that goes untreated can affect school work.",
    "Death from croup is extremely rare.",
    "The risk of later asthma is only slightly higher than in other children.",
])
def test_leaflet_course(sentence, rules_alone):
    assert cl401(sentence) == "prognosis"


@pytest.mark.parametrize("sentence", [
    "It grows out of a joint and looks like a small balloon.",
    "You will have another appointment in six weeks.",
    "Men are affected about three times as often as women.",
])
def test_nearby_leaflet_sentences_claim_nothing(sentence):
    assert cl401(sentence) is None


@pytest.mark.parametrize("sentence, kind", [
    ("Two kiwis a day cut constipation scores by around 30 points.", "statistic"),
    ("Those who practised had roughly half as many migraines.", "statistic"),
    ("Routine antibiotics are not advised, because their side effects outweigh the benefit.",
     "comparative"),
    ("Threadworm is usually picked up from other children.", "causal"),
    ("It can keep the infection in your body for longer.", "causal"),
    ("Allergens in dust can get through broken skin and sensitise the immune system.",
     "causal"),
    ("Skipping doses makes the treatment fail more often.", "causal"),
    ("Gout is a condition linked to high uric acid.", "causal"),
])
def test_effect_sizes_and_causes_in_leaflet_voice(sentence, kind, rules_alone):
    assert cl401(sentence) == kind


def test_a_claim_after_a_semicolon_survives_what_the_doctor_will_do():
    assert cl401("If the first cream does not work, your GP will try another; a steroid "
                 "cream is an effective second option.") is not None


def test_a_trial_named_by_its_topic_is_vague_evidence():
    assert [m for m in cl402("A Dutch trial of pelvic floor training found fewer leaks.")
            if "('A Dutch trial of pelvic floor training found" in m]


# -- fifth step: traditions and practitioners, slogans, rates ------------------------------
@pytest.mark.parametrize("sentence, words", [
    ("Osteopaths have long known that the neck affects the jaw.",
     "Osteopaths have long known"),
    ("Ancient healers knew the power of this bark.", "Ancient healers knew"),
    ("Respected naturopaths now use it for thyroid health.",
     "Respected naturopaths now use"),
])
def test_tradition_and_practitioners(sentence, words):
    assert [m for m in cl402(sentence) if f"('{words}" in m]


@pytest.mark.parametrize("sentence", [
    "Osteopaths have to register with the General Osteopathic Council.",
    "Many therapists use a couch.",
])
def test_nearby_practitioner_sentences_invoke_no_evidence(sentence):
    assert cl402(sentence) == []


@pytest.mark.parametrize("sentence", [
    "A total game changer for my knees!",
    "This cream is a must for cracked heels.",
    "Say hello to calmer skin.",
    "Wake up refreshed every morning.",
    "No more sleepless nights.",
    "Finally, relief that works.",
    "Relapse rates are high without support.",
    "Eczema tends to flare in winter.",
])
def test_slogans_and_rates(sentence, rules_alone):
    assert cl401(sentence) is not None


@pytest.mark.parametrize("sentence", [
    "\"Game changer.\"",
    "Wish I'd found this sooner.",
    "A must-see exhibition.",
])
def test_bare_review_verdicts_claim_nothing(sentence):
    assert cl401(sentence) is None


# -- sixth step ----------------------------------------------------------------------------
@pytest.mark.parametrize("sentence, words", [
    ("Top surgeons now prefer keyhole repair.", "Top surgeons now prefer"),
    ("Doctors in Korea have used it for centuries.", "Doctors in Korea have used it"),
])
def test_preference_and_long_use_by_professionals(sentence, words):
    assert [m for m in cl402(sentence) if f"('{words}" in m]


@pytest.mark.parametrize("sentence", [
    "It tends to run a mild course in children.",
    "Rarely, the infection spreads to the brain.",
    "Many women on our forum say it changed everything.",
])
def test_sixth_step_claims(sentence):
    assert cl401(sentence) is not None


@pytest.mark.parametrize("sentence", [
    "Most people prefer morning appointments.",
    "The clinic has used this building for decades.",
    "Sometimes, the clinic moves to a new site.",
    "Occasionally, our team travels to the islands.",
])
def test_sixth_step_nearby_sentences(sentence):
    assert cl401(sentence) is None
    assert cl402(sentence) == []
