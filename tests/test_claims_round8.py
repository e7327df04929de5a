"""Claims round 8: cue families for the misses of blind set 7 (docs/claims.md).

Every sentence here is invented, not taken from the corpus: each family gets claims
that must be found and nearby sentences that must stay quiet.
"""

from __future__ import annotations

import pytest

from conditionlint.api import lint_text
from tests.claim_sentences import cl401, cl402
from tests.conftest import TODAY


# -- CL402: an agency that lists, a survey of the seller's people, members' anecdotes ----
@pytest.mark.parametrize("sentence, words", [
    ("The World Health Organization lists migraine among the conditions it can treat.",
     "The World Health Organization lists"),
    ("The FDA has approved it for nerve pain.", "The FDA has approved"),
    ("In a survey of 1,200 customers, most said they slept better.",
     "In a survey of 1,200 customers"),
    ("A poll of 300 users found that eight in ten would buy it again.",
     "poll of 300 users found"),
    ("Some of our members tell us that oat baths are soothing.",
     "Some of our members tell"),
    ("Our members often say that cold packs help.", "Our members often say"),
])
def test_vague_evidence_families(sentence, words):
    assert [m for m in cl402(sentence) if f"('{words}" in m]


@pytest.mark.parametrize("sentence", [
    "Online survey of 212 customers, 2025.",
    "The NHS lists the symptoms on its website.",
    "Many of our patients tell us their sleep is better.",  # a testimonial claim
    "Our members receive a quarterly magazine.",
    "The NHS website lists local services.",
])
def test_nearby_sentences_invoke_no_evidence(sentence):
    assert cl402(sentence) == []


# -- CL401: causes denied, harms named, risk had -----------------------------------------
@pytest.mark.parametrize("sentence", [
    "Chocolate doesn't cause acne.",
    "Cold weather does not directly cause arthritis.",
    "Gout is not simply caused by eating too much meat.",
    "Painkillers such as ibuprofen damage the stomach lining over time.",
    "Drinking alcohol slows down wound healing.",
    "Tight hamstrings pull the pelvis out of line.",
    "People with coeliac disease have a slightly increased risk of bowel cancer.",
    "Bad posture and long hours at a desk are the main drivers of neck pain.",
    "A hip fracture after a minor fall can be the first sign of osteoporosis.",
    "The bacteria can survive on towels for several days.",
    "Cold weather isn't what causes colds.",
    "Stress alone isn't the cause of stomach ulcers.",
    "Head lice spread by head-to-head contact.",
    "There is a definite connection between stress and flare-ups.",
    "Scratching only causes further skin damage.",
    "Central heating produces dry air that encourages flare-ups.",
    "Hot baths can make your skin drier.",
    "Being overweight is a major risk factor.",
    "It can be passed from mother to baby.",
    "Once the spots have crusted over, you're no longer contagious.",
    "Having eczema does not make you more likely to get skin cancer.",
    "Taking the pill doesn't increase your risk.",
])
def test_causes_denied_and_harms(sentence, rules_alone):
    assert cl401(sentence) == "causal"


@pytest.mark.parametrize("sentence", [
    # (a strict xfail from the twenty-third session to round 38: the model scored it over its
    # threshold; round 38 (1) takes a group compared by frequency out of its candidates)
    "Girls are more likely than boys to get it.",
    "It is more common in people with fair skin.",
    "Tell your midwife if you're due to give birth soon.",
    "Mouth ulcers can sometimes be a sign of an infection.",
    "Please keep this leaflet with you while your ankle is healing.",
])
def test_demographics_and_housekeeping_claim_nothing(sentence):
    assert cl401(sentence) is None


@pytest.mark.parametrize("sentence", [
    "Spicy food doesn't cause ulcers, though some people find it makes pain worse.",
    "The virus can stay in saliva for several weeks, so don't share cups.",
    "Untreated, sleep apnoea can put a strain on your heart.",
    "The kneecap can occasionally dislocate, and the tendon can rupture.",
])
def test_hedged_harms_count_in_a_causes_section(sentence):
    assert cl401(sentence, "Causes") is not None


def test_a_hedged_possibility_still_describes_a_cause():
    assert cl401("Stress may play a part.", "Causes") is None


# -- CL401: prognosis in publisher voice --------------------------------------------------
@pytest.mark.parametrize("sentence", [
    "The tendon can occasionally rupture months after the operation.",
    "A frozen shoulder develops in a small number of people after a stroke.",
    "Some people lose their hair a few months after the illness.",
    "Your knee will be stiff and swollen for a few weeks.",
    "Some numbness around the scar may persist.",
    "Migraine tends to get worse in your 40s.",
    "The longer you leave it, the harder it is to treat.",
    "Results are long-lasting.",
    "The effects are permanent.",
    "The scar may stay red for several months.",
    "A small number of people develop a long-term cough.",
    "The tendon can sometimes tear.",
    "Symptoms usually ease within a week.",
    "You'll be back to your usual activities within a week.",
    "You can catch it more than once.",
    "Around 1 in 5 people get it again within a year.",
    "It often gets worse during pregnancy.",
    "It may take several months for the numbness to go.",
    "Rarely, the nerve damage is permanent.",
    "You can only get measles once.",
])
def test_prognosis_families(sentence, rules_alone):
    assert cl401(sentence) == "prognosis"


@pytest.mark.parametrize("sentence", [
    "Your appointment will be longer at first.",
    "Symptoms usually start a few hours after eating.",
    "The clinic may be busy at lunchtime.",
    "The clinic may be closed for two weeks in August.",
    "Our team treats over 500 patients a year.",
])
def test_nearby_course_sentences_claim_nothing(sentence):
    assert cl401(sentence) is None


# -- CL401: products: comparisons, safety, relief, retraining ----------------------------
@pytest.mark.parametrize("sentence, kind", [
    ("Unlike codeine, it won't make you constipated.", "comparative"),
    ("Unlike a food allergy, it cannot cause anaphylaxis.", "comparative"),
    ("It has no known drug interactions.", "safety"),
    ("Our balm won't leave you feeling groggy.", "safety"),
    ("The tincture is fine for most adults.", "safety"),
    ("The amount of caffeine is too small to cause side effects.", "safety"),
    ("A brace that is too tight can press on the nerves.", "safety"),
    ("Liquorice tea is a good natural alternative to antacids.", "efficacy"),
    ("Our capsules work from the inside out.", "efficacy"),
    ("You get fast relief wherever you hurt.", "efficacy"),
    ("Bladder drills can train your bladder to hold more.", "efficacy"),
    ("Antibiotics will not help with a cold.", "efficacy"),
    ("Most clients see a visible reduction in redness after two sessions.", "efficacy"),
    ("Best for stubborn pigmentation.", "comparative"),
    ("Gentler than prescription creams.", "comparative"),
    ("No nasty side effects.", "safety"),
    ("Most people tolerate the capsules well.", "safety"),
    ("There are no reports of interactions with other medicines.", "safety"),
    ("Painkillers alone rarely solve the problem.", "efficacy"),
    ("Fluids and sleep are your best bets.", "efficacy"),
    ("Great for back pain and stiff joints.", "efficacy"),
])
def test_product_wording(sentence, kind, rules_alone):
    assert cl401(sentence) == kind


@pytest.mark.parametrize("sentence", [
    "Unlike the old building, it has a lift.",
    "Ask whether it is safe for you to drive.",
    "Your doctor may also suggest a blood test if it is safe for you.",
    "Your GP may instead suggest keeping a food diary for two weeks.",
    "Take pain relief before your appointment.",
    "Best for more information is our leaflet.",
    "There's no treatment to cure it, so you need to let it run its course.",
    "It explains what to expect and how you can help your recovery.",
    "We use cookies to improve your experience on our website.",
    "Over 2,000 patients treated since 2009",
    "All treatments follow a consultation with a nurse.",
    "A sprain at its lower edge is one of the most common injuries.",
    "Is it safe in pregnancy?Yes.",
    "Unlike other clinics, we can see you the same day.",
    "Results are available within 48 hours.",
    "Results from your scan will be sent to your GP.",
    "You may feel a little sore after the injection, but this is normal.",
    "This website uses cookies to give you the best experience.",
    "Trusted by over 3,000 local families since 2005",
    "Help us reach everyone who has not been diagnosed.",
    "Our massage works alongside your GP's care.",
    "Great for families, with free parking.",
    "Ideal for travel.",
    "Quit smoking for good.",
    "This advice sheet has been produced to give you information about your cast.",
    "Our nurses will help direct you to the right room.",
    "The clinic is due to open in May.",
])
@pytest.mark.usefixtures("rules_alone")
def test_nearby_product_and_service_sentences_claim_nothing(sentence):
    assert cl401(sentence) is None


def test_a_clinician_may_suggest_a_treatment_with_a_reason(rules_alone):
    # the reason makes it a claim again
    assert cl401("Your GP may suggest a steroid cream, which calms the itch.") == "efficacy"
    assert cl401("Your physio may suggest exercises to strengthen the muscles.") == "efficacy"


def test_an_instruction_with_a_benefit_after_a_comma_is_a_claim(rules_alone):
    assert cl401("Keep taking the capsules for a month, to build up your iron stores.") \
        is not None
    assert cl401("Keep taking the capsules for a month.") is None


# -- CL401: testimonial outcomes ----------------------------------------------------------
@pytest.mark.parametrize("sentence", [
    "After a year of trying, I fell pregnant with acupuncture.",
    "I'm convinced the sessions are the reason we have our daughter.",
    "My curve went from 40 degrees to 25 degrees in a year.",
    "With the brace we avoided the operation.",
    "The cream made walking comfortable again.",
    "Many people feel less tired within a fortnight of starting treatment.",
    "My back hasn't felt this good in years.",
    "After two miscarriages, I carried my baby to term.",
    "Within a month my periods were regular again.",
    "My son hasn't had an asthma attack since we started.",
    "I went from 8 painkillers a day to none.",
    "Thanks to Jo, I'm finally off my blood pressure tablets.",
    "She is the reason I can walk again.",
    "I owe my recovery to this clinic.",
    "9 out of 10 mums would recommend it to a friend.",
    "Parents often notice calmer evenings within a week.",
    "I got pregnant after one such session.",
    "Within five sessions, I noticed that my feet weren't cold anymore.",
    "I saw immediate changes after starting the acupuncture.",
    "Most of our runners are back to full training within a month.",
])
def test_testimonial_outcomes(sentence, rules_alone):
    assert cl401(sentence) is not None


@pytest.mark.parametrize("sentence", [
    "You should avoid the gym for a week.",
    "If you get pregnant, tell your midwife.",
    "Prices went up last year.",
    "Our reception is open now and again at weekends.",
    "I qualified as an osteopath in 2008.",
    "I got into acupuncture after my own back injury.",
    "My approach has always been gentle.",
    "9 out of 10 people have had chickenpox by the age of 10.",
    "1 in 5 adults said they had never heard of it.",
    "In February, I went off the pill expecting to get pregnant in about a minute.",
    "I wanted so badly to get pregnant that I did not care.",
])
def test_nearby_testimonial_shapes_claim_nothing(sentence, rules_alone):
    assert cl401(sentence) is None


# -- table cells ---------------------------------------------------------------------------
def test_a_table_cell_opening_with_a_benefit_verb_is_a_claim():
    page = ("# Widget syndrome\n\n## Compare your options\n\n"
            # (a neutral column header: under "How it works" every cell is a mechanism
            # claim, see tests/test_claims_tables.py)
            "| Treatment | Details | Price |\n|---|---|---|\n"
            "| Laser | Blocks pigment production | £200 |\n"
            "| Peel | Removes the top layer of skin | £90 |\n")
    found = [f for f in lint_text(page, select=["CL401"], today=TODAY)]
    assert [f.line for f in found] == [7]


# -- the body changing by itself, a symptom the condition gives ----------------------------
@pytest.mark.parametrize("sentence", [
    "Symptoms ease once the period starts.",
    "Cramps settle once the period starts.",
    "The airways make extra mucus, which gives you a chesty cough.",
])
def test_the_course_of_symptoms_is_described_not_claimed(sentence, rules_alone):
    assert cl401(sentence) is None


def test_a_harm_given_by_a_treatment_is_still_a_claim():
    assert cl401("Some women find it gives them heartburn.") is not None


def test_an_instruction_that_promises_an_outcome_is_a_claim(rules_alone):
    assert cl401("Stop snoring for good with our custom mouth guards.") is not None
    assert cl401("Stop taking the tablets after a week.") is None


# -- the course in publisher voice, more transmission ---------------------------------------
@pytest.mark.parametrize("sentence", [
    "It can take up to a year to fully recover.",
    "Some people have pain for months afterwards.",
    "Most people do not have any long-term problems.",
    "It can be serious for babies and people with a weakened immune system.",
    "Complications are more likely in older people.",
    "The risk of complications is low.",
    "Over time, the joint can become deformed.",
    "The condition gets slowly worse over many years.",
    "Surgery is usually very successful.",
    "Around 1 in 3 people get it again.",
    "It's spread in the droplets of coughs and sneezes.",
    "It can be caught from contaminated food or water.",
    "You cannot get it from swimming pools.",
    # (round 39: "Cough medicines are not recommended for children under 6." alone is a
    # suitability statement and no claim, docs/round39.md; "in pregnancy" still claims)
    "Cough medicines are not recommended in pregnancy or for children under 6.",
    "A painful rash can last two to four weeks.",
    "Pain can last up to a month or more if left untreated.",
    "After a month the patient was fully recovered.",
    "The contagious period usually ends within two days of starting treatment.",
    "The spread can be avoided by not sharing towels.",
    "A steroid cream is the usual treatment for a small patch.",
    "You can't catch shingles from another person.",
    "A complication is a chronic pain that may linger.",
])
def test_course_and_transmission_in_publisher_voice(sentence, rules_alone):
    assert cl401(sentence) is not None


@pytest.mark.parametrize("sentence", [
    "Some women get them again and again, sometimes several times a year.",
    "You can get it from a pharmacy without a prescription.",
    "Over time, our clinic has grown.",
    "Not recommended",
    "You can't get help from us at weekends.",
    "Sessions usually last 45 minutes.",
])
def test_nearby_course_and_transmission_sentences_claim_nothing(sentence):
    assert cl401(sentence) is None


# -- product and clinic copy ----------------------------------------------------------------
@pytest.mark.parametrize("sentence", [
    "Our unique approach gets results where other treatments have failed.",
    "Long-lasting protection against cold sores.",
    "Targets inflammation at the source.",
    "No more sleepless nights.",
    "Rated 4.9 stars by customers who finally found relief.",
    "Most clients need only 3 sessions to see lasting change.",
    "Suitable for sensitive skin.",
    "Backed by science.",
    "Recommended by 9 out of 10 dentists.",
])
def test_product_and_clinic_copy(sentence, rules_alone):
    assert cl401(sentence) is not None


@pytest.mark.parametrize("sentence", [
    "We set weekly targets for your exercise programme.",
    "Treatment targets for blood sugar vary from person to person.",
    "You'll get a letter in the post.",
    "You'll feel a sharp scratch.",
    "You'll have no more than three appointments.",
    "You will be asked to let go of the bar slowly.",
    "You'll need to come back in two weeks.",
    "You will be back on the ward by lunchtime.",
    "Gift vouchers available.",
])
def test_nearby_clinic_copy_claims_nothing(sentence):
    assert cl401(sentence) is None


def test_a_review_before_and_after():
    # in a review the reviewer is the subject of the outcome
    assert cl401("I used to wake five times a night, now it's once at most.", "Reviews") \
        is not None


@pytest.mark.parametrize("sentence", [
    "I needed no more persuading.",
    "I used to live in Leeds, now I live in York.",
    "My son hasn't had a haircut in months.",
])
def test_a_first_person_story_claims_nothing(sentence):
    assert cl401(sentence) is None
