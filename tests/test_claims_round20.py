"""Claims round 20: CL401 as shipped on blind32 to blind35 (all four seen), precision
and recall together (docs/round20.md). General shapes, not phrases.

Every page here is invented, not taken from the corpus. Each change is pinned by rule
code, line, column and message (the cue): the claim now flagged or the non-claim now
silent, and a look-alike on the other side. The tests pin what the phrase rules decide,
so they run without the claim model (the ``rules_alone`` fixture).
"""

from __future__ import annotations

import pytest

from tests.test_claims_round12 import _claim, _found, _page

pytestmark = pytest.mark.usefixtures("rules_alone")


# -- 1. how long recovery takes, in any words (prognosis) ------------------------------
def test_recovery_time_in_any_words_is_a_prognosis_claim():
    page = _page("Recovery",
                 "Full return to climbing usually takes around four months.\n\n"
                 "Finger strength may take up to six weeks to return completely.\n\n"
                 "A torn calf muscle may take longer, sometimes 8 to 10 weeks.\n\n"
                 "It might be up to eight weeks before your energy feels normal again.")
    assert _found(page) == [
        ("CL401", 5, 1, _claim("prognosis", "Full return to climbing usually takes around")),
        ("CL401", 7, 1, _claim("prognosis", "take up to six weeks to return")),
        ("CL401", 9, 1, _claim("prognosis", "may take longer, sometimes 8 to 10 weeks")),
        ("CL401", 11, 1, _claim("prognosis",
                                "might be up to eight weeks before your energy feels normal")),
    ]


def test_how_long_a_service_takes_is_no_claim():
    page = _page("Recovery",
                 "Your test results take up to two weeks to come back.\n\n"
                 "Refunds may take up to 10 days to return to your account.\n\n"
                 "It may be two weeks before we can offer you a slot.\n\n"
                 "Your follow-up appointment usually takes around 20 minutes.")
    assert _found(page) == []


# -- 2. causes in plain verbs --------------------------------------------------------
def test_plain_causes_are_causal_claims():
    page = _page("Causes",
                 "Chewing gum all day tends to aggravate jaw clicking.\n\n"
                 "Lifting a toddler onto one hip is a surprisingly common trigger.\n\n"
                 "Skipping meals can make you feel dizzy.\n\n"
                 "A cracked tooth gives bacteria an easy way in.\n\n"
                 "Stress can affect how you sleep.\n\n"
                 "Our quiet room can make you feel at home.")
    assert _found(page) == [
        ("CL401", 5, 1, _claim("causal", "tends to aggravate")),
        ("CL401", 7, 1, _claim("causal", "is a surprisingly common trigger")),
        ("CL401", 9, 1, _claim("causal", "can make you feel dizzy")),
        ("CL401", 11, 1, _claim("causal", "gives bacteria an easy way")),
        ("CL401", 13, 1, _claim("causal", "can affect how you sleep")),
    ]


# -- 3. a reviewer's outcome told by what did not happen ------------------------------
def test_a_reviewers_outcome_by_what_did_not_happen():
    page = _page("What our swimmers say",
                 "Forty lengths on Sunday, zero shoulder pain.\n\n"
                 "I used the spray all winter and had no cold sores at all.\n\n"
                 "I'm back swimming twice a week.\n\n"
                 "We had no problems at all finding parking.\n\n"
                 "Not a single parking space was free.")
    assert _found(page) == [
        ("CL401", 5, 1, _claim("efficacy", "zero shoulder pain")),
        ("CL401", 7, 1, _claim("efficacy", "had no cold sores at all")),
        ("CL401", 9, 1, _claim("efficacy", "I'm back swimming")),
    ]


# -- 4. transmission, likelihood of harm, spread, course --------------------------------
def test_transmission_and_likelihood_of_harm_are_causal_claims():
    page = _page("Overview",
                 "You can't catch it from another person.\n\n"
                 "Many people got it from blood transfusions.\n\n"
                 "Wet skin is more likely to blister than dry skin.\n\n"
                 "The infection sometimes spreads into the joint next to it.\n\n"
                 "You can get it from your pharmacy.\n\n"
                 "Patients are more likely to be seen quickly in the morning.")
    assert _found(page) == [
        ("CL401", 5, 1, _claim("causal", "You can't catch it from another person")),
        ("CL401", 7, 1, _claim("causal", "Many people got it from blood")),
        ("CL401", 9, 1, _claim("causal", "is more likely to blister")),
        ("CL401", 11, 1, _claim("causal", "infection sometimes spreads into")),
    ]


def test_the_course_in_plain_words_is_a_prognosis_claim():
    page = _page("Outlook",
                 "Younger people tend to do best.\n\n"
                 "It often comes and goes for months or years.\n\n"
                 "For many people it eventually burns itself out.\n\n"
                 "Delirium affects up to half of older people after hip surgery.\n\n"
                 "The offer affects up to half of our customers after March.")
    assert _found(page) == [
        ("CL401", 5, 1, _claim("prognosis", "tend to do best")),
        ("CL401", 7, 1, _claim("prognosis", "comes and goes for months")),
        ("CL401", 9, 1, _claim("prognosis", "burns itself out")),
        ("CL401", 11, 1, _claim("prognosis", "affects up to half of older people after")),
    ]


# -- 5. the goals of care, a lead-in to practical steps ---------------------------------
def test_the_goals_of_care_are_no_claim_unless_a_later_clause_claims():
    page = _page("Treatment",
                 "The goals of treatment are to ease the itching and protect the skin.\n\n"
                 "Treatment focuses on keeping the joint moving.\n\n"
                 "The goal of treatment is to ease the pain, but most people also find it "
                 "clears the rash within a week.")
    assert _found(page) == [("CL401", 9, 1, _claim("efficacy", "to ease"))]


def test_a_lead_in_to_practical_steps_lends_no_claim():
    page = _page("At school", "Helpful steps include:\n\n- letting the child answer by raising a hand")
    assert _found(page) == []


# -- 6. harms and benefits in plain words ---------------------------------------------
def test_harms_in_plain_words_are_claims():
    page = _page("Risks",
                 "There is a small risk of tearing the gullet.\n\n"
                 "There is a small risk of missing your appointment.\n\n"
                 "You are at higher risk of developing it if your mother had it.\n\n"
                 "Some people who have the operation may later develop reflux.\n\n"
                 "It can occasionally leave light spots on darker skin.\n\n"
                 "Infection can cut off the blood supply to the bone.")
    assert _found(page) == [
        ("CL401", 5, 1, _claim("safety", "small risk of tearing")),
        ("CL401", 11, 1, _claim("safety", "may later develop")),
        ("CL401", 13, 1, _claim("safety", "can occasionally leave light spots")),
        ("CL401", 15, 1, _claim("causal", "cut off the blood supply")),
    ]


def test_benefits_in_plain_words_are_claims():
    page = _page("About",
                 "Used early, adrenaline can be life-saving.\n\n"
                 "Families genuinely speed recovery.\n\n"
                 "Podiatrists and sports doctors around the world trust it.\n\n"
                 "Our nurses trust you to follow the plan.\n\n"
                 "The new braces are kinder to developing teeth.\n\n"
                 "It feels no worse than having a filling.\n\n"
                 "Some people still have pain a year later.")
    assert _found(page) == [
        ("CL401", 5, 1, _claim("efficacy", "can be life-saving")),
        ("CL401", 7, 1, _claim("efficacy", "speed recovery")),
        ("CL401", 9, 1, _claim("efficacy", "Podiatrists and sports doctors around the world trust")),
        ("CL401", 13, 1, _claim("comparative", "kinder to developing teeth")),
        ("CL401", 15, 1, _claim("comparative", "feels no worse than")),
        ("CL401", 17, 1, _claim("prognosis", "still have pain a year later")),
    ]


def test_benefit_bullets_that_flatten_or_replenish():
    page = ("# ScarGel\n\n## Benefits\n\n"
            "- Flattens raised and lumpy scars\n- Replenishes friendly bacteria\n")
    assert _found(page) == [
        ("CL401", 5, 3, _claim("efficacy", "Flattens")),
        ("CL401", 6, 3, _claim("efficacy", "Replenishes")),
    ]


# -- 7. 'safe' before a place or practice, fabric care ---------------------------------
def test_safe_before_a_place_or_practice_and_fabric_care_are_no_claims():
    page = _page("What to do",
                 "Lay them on their side on a safe surface.\n\n"
                 "Theatres follow a latex-safe protocol.\n\n"
                 "The cream is safe for children.\n\n"
                 "No – it washes out at 30°C and won't damage technical fabrics.\n\n"
                 "It won't harm fabrics and soothes sore skin.")
    assert _found(page) == [
        ("CL401", 9, 1, _claim("safety", "safe")),
        ("CL401", 13, 1, _claim("safety", "won't harm")),
    ]


# -- 8. the usual treatment by its users ----------------------------------------------
def test_the_usual_treatment_by_its_users_is_an_efficacy_claim():
    page = _page("Treatment",
                 "Light therapy is another option and is often used in teenagers.\n\n"
                 "This test is often used in children.\n\n"
                 "This form is often used for children under five.")
    assert _found(page) == [("CL401", 5, 1, _claim("efficacy", "is often used in teenagers"))]


# -- eleventh session, after the round: a lack or excess of a treatment word -----------
def test_a_lack_or_excess_of_something_that_is_also_a_treatment_is_a_causal_claim():
    # "vitamin" is a treatment word, so the named-subject cause pattern left the
    # sentence to the safety cues, which want the treatment itself as the subject
    page = _page("Causes",
                 "Low levels of vitamin B12 can also cause memory problems.\n\n"
                 "A lack of vitamin D can cause weak bones.\n\n"
                 "Not getting enough magnesium may lead to cramps.")
    assert _found(page) == [
        ("CL401", 5, 1, _claim("causal", "can also cause")),
        ("CL401", 7, 1, _claim("causal", "can cause")),
        ("CL401", 9, 1, _claim("causal", "may lead to")),
    ]


def test_a_lack_or_excess_of_a_service_is_no_claim():
    page = _page("Causes",
                 "Low levels of stock can cause delays to your order.\n\n"
                 "Too much paperwork can cause delays at reception.")
    assert _found(page) == []


# == Round 20 mends (review 20, /work/briefs/review20.md) ==============================
def _paras(*sentences: str) -> str:
    return "\n\n".join(sentences)


# -- D1: the goals-of-care and 'focuses on' exclusions end at a clause boundary ---------
def test_a_claim_after_the_aim_of_care_is_flagged_again():
    page = _page("Treatment", _paras(
        "Our treatment focuses on reducing pain quickly and is proven to work.",
        "Our therapy focuses on the root cause, so symptoms go away for good.",
        "Physiotherapy treatment focuses on exercises that reduce pain by 50%.",
        "Chiropractic care focuses on the spine and cures migraines.",
        "Our care focuses on you \u2013 and 95% of patients are pain-free in a week.",
        "The goals of treatment are to ease symptoms \u2014 it works in 9 out of 10 people."))
    assert _found(page) == [
        ("CL401", 5, 1, _claim("efficacy", "proven")),
        ("CL401", 7, 1, _claim("efficacy", "go away")),
        ("CL401", 9, 1, _claim("efficacy", "that reduce")),
        ("CL401", 11, 1, _claim("efficacy", "cures")),
        ("CL401", 13, 1, _claim("statistic", "95% of patients")),
        ("CL401", 15, 1, _claim("efficacy", "to ease")),
    ]


def test_the_aim_of_care_with_its_own_parts_stays_quiet():
    # (a second aim after "and", a purpose after "so that", a ", which" clause without a cue)
    page = _page("Treatment", _paras(
        "The goals of treatment are to lower fever and inflammation and prevent heart damage.",
        "Achalasia treatment focuses on relaxing or forcing open the lower sphincter so that "
        "food can move more easily.",
        "The aim of treatment is to keep the hip moving well.",
        "Treatment focuses on easing the pain, which can take several weeks."))
    assert _found(page) == []


# -- D2: fabric care is quiet only when no claim or body word is anywhere in the sentence
def test_a_product_claim_beside_fabric_care_is_flagged_again():
    page = _page("Shop", _paras(
        "Machine washable sleeve proven to reduce swelling.",
        "Our fabric mask filters out 99% of viruses.",
        "Dishwasher-safe cup that lowers blood pressure naturally.",
        "The wrap is machine washable and improves circulation in 10 minutes.",
        "Fabric-friendly formula that kills head lice in 10 minutes.",
        "Machine washable at 40\u00b0C (approx. 104\u00b0F) and soothes sore, cracked skin overnight."))
    assert _found(page) == [
        ("CL401", 5, 1, _claim("efficacy", "proven to reduce")),
        ("CL401", 7, 1, _claim("statistic", "99% of")),
        ("CL401", 9, 1, _claim("safety", "safe")),
        ("CL401", 11, 1, _claim("efficacy", "improves")),
        ("CL401", 13, 1, _claim("efficacy", "kills head lice")),
        ("CL401", 15, 1, _claim("efficacy", "soothes")),
    ]


def test_fabric_care_alone_stays_quiet():
    # (a curly apostrophe; two spaces in 'machine  washable': review defect 12)
    page = _page("Shop", _paras(
        "No \u2013 it washes out at 30\u00b0C and won\u2019t damage technical fabrics.",
        "All parts are dishwasher-safe.",
        "The cover is machine  washable at 40\u00b0C."))
    assert _found(page) == []


# -- D3: a lead-in of helpful 'measures' or 'things' lends its cue to treatment items again
def test_helpful_measures_and_things_lead_into_treatments():
    page = _page("Treatment", "Helpful measures include:\n\n- acupuncture\n- magnesium supplements")
    assert _found(page) == [
        ("CL401", 5, 1, _claim("efficacy", "Helpful")),
        ("CL401", 7, 3, _claim("efficacy", "Helpful")),
        ("CL401", 8, 3, _claim("efficacy", "Helpful")),
    ]
    page = _page("How we treat migraine",
                 "Other helpful things include:\n\n- cupping\n- our herbal tincture")
    assert [f[:3] for f in _found(page)] == [("CL401", 5, 1), ("CL401", 7, 3), ("CL401", 8, 3)]


def test_helpful_steps_with_actions_stay_quiet():
    page = _page("At school", "Helpful steps include:\n\n- letting the child sit near the door\n"
                              "- keeping a water bottle on the desk")
    assert _found(page) == []


# -- D1-D3 once as shipped (the claim model on) -----------------------------------------
def test_the_mended_exclusions_as_shipped():
    from conditionlint import claimmodel

    claimmodel.reset()  # the module's rules_alone fixture restores the model after the test
    page = _page("Treatment", _paras(
        "Chiropractic care focuses on the spine and cures migraines.",
        "The goals of treatment are to lower fever and inflammation and prevent heart damage.",
        "Machine washable sleeve proven to reduce swelling.",
        "No \u2013 it washes out at 30\u00b0C and won\u2019t damage technical fabrics.",
        "Helpful measures include:\n\n- acupuncture"))
    assert _found(page) == [
        ("CL401", 5, 1, _claim("efficacy", "cures")),
        ("CL401", 9, 1, _claim("efficacy", "proven to reduce")),
        ("CL401", 13, 1, _claim("efficacy", "Helpful")),
        ("CL401", 15, 3, _claim("efficacy", "Helpful")),
    ]


# -- D4: a review of the delivery or the parcel is no outcome ---------------------------
def test_a_review_of_the_delivery_is_no_outcome():
    page = _page("Reviews", _paras(
        "Zero problems with the delivery, arrived next day.",
        "Had no problems at all with the checkout.",
        "Zero spots on the packaging and the lid clicks shut.",
        "Not a single mark on the box when it arrived.",
        "We had no issues at all ordering online."))
    assert _found(page) == []
    page = _page("Reviews", _paras(
        "Zero symptoms since I started the drops.",
        "Didn't get a single blister in 96 miles.",
        "Had no problems at all since the injection."))
    assert _found(page) == [
        ("CL401", 5, 1, _claim("efficacy", "Zero symptoms")),
        ("CL401", 7, 1, _claim("efficacy", "Didn't get a single blister")),
        ("CL401", 9, 1, _claim("efficacy", "Had no problems at all")),
    ]


# -- D5: a risk is a harm by its verb; 'later develop', not 'later get'; spots on a form --
def test_a_booking_or_product_risk_is_no_safety_claim():
    page = _page("Booking", _paras(
        "There is a small risk of losing your deposit if you cancel late.",
        "There is a slight risk of leaking if the lid is not closed.",
        "We may later get in touch to ask about your visit.",
        "Cheap pens may occasionally leave spots on the form."))
    assert _found(page) == []
    page = _page("Risks", _paras(
        "There is a small risk of tearing the gullet.",
        "Some people who have the operation may later develop reflux.",
        "Steroid creams can occasionally leave thin patches of skin."))
    assert _found(page) == [
        ("CL401", 5, 1, _claim("safety", "small risk of tearing")),
        ("CL401", 7, 1, _claim("safety", "may later develop")),
        ("CL401", 9, 1, _claim("safety", "can occasionally leave thin patches")),
    ]


# -- D6: admin, candles and car parks are no prognosis ----------------------------------
def test_admin_and_objects_are_no_prognosis():
    page = _page("Our clinic", _paras(
        "The rota change affects about half of our patients who have evening slots.",
        "Candles burn themselves out after about 40 hours.",
        "The return to our car park usually takes around five minutes on foot.",
        "Returned items may take up to two weeks to return to our warehouse."))
    assert _found(page) == []
    page = _page("Outlook", _paras(
        "Delirium affects up to half of older people after hip surgery.",
        "Return to work usually takes about two weeks after keyhole surgery.",
        "For many people it eventually burns itself out."))
    assert _found(page) == [
        ("CL401", 5, 1, _claim("prognosis", "affects up to half of older people after")),
        ("CL401", 7, 1, _claim("prognosis", "Return to work usually takes about")),
        ("CL401", 9, 1, _claim("prognosis", "burns itself out")),
    ]


# -- D7: a room, a gift set or a home used by a group is no treatment -------------------
def test_a_room_or_gift_used_by_a_group_is_no_treatment():
    page = _page("Our clinic", _paras(
        "Our side room is often used in pregnancy classes.",
        "This mug is often given in teenagers' gift sets.",
        "Our sign language service is often used in older people's homes."))
    assert _found(page) == []
    page = _page("Treatment", "Interferon is another option and is often used in younger people.")
    assert _found(page) == [("CL401", 5, 1, _claim("efficacy", "is often used in younger"))]


# -- D8: 'get' a perk by sharing is no transmission -------------------------------------
def test_a_perk_got_by_sharing_is_no_transmission():
    page = _page("Offers", _paras(
        "You can get discounts by sharing a referral link.",
        "You can get free samples by sharing our post.",
        "You can get the leaflet from someone at the front desk."))
    assert _found(page) == []
    page = _page("How it spreads", _paras(
        "You can't get hepatitis C from hugging or kissing.",
        "Many people got it from blood transfusions.",
        "You can catch it from sharing towels."))
    assert _found(page) == [
        ("CL401", 5, 1, _claim("causal", "You can't get hepatitis C from hugging")),
        ("CL401", 7, 1, _claim("causal", "Many people got it from blood")),
        ("CL401", 9, 1, _claim("causal", "You can catch it from sharing")),
    ]


# -- D10: plain-word cues keep a health object ------------------------------------------
def test_plain_word_cues_without_a_health_object_are_quiet():
    page = _page("Shop", _paras(
        "Our new chairs feel no worse than the old ones.",
        "These brushes are gentler on the teeth of your comb.",
        "Parking cuts off the air supply to the vent if you block it.",
        "The procedure often begins under the guidance of an ultrasound scan.",
        "Long forms can affect how you feel about booking online.",
        "Electricians and plumbers trust it for its tough case."))
    assert _found(page) == []
    page = _page("Treatment", _paras(
        "They are kinder to developing teeth.",
        "It feels no worse than having a filling.",
        "Paediatricians trust it for newborn skin.",
        "It can cut off the blood supply to the toe."))
    assert _found(page) == [
        ("CL401", 5, 1, _claim("comparative", "kinder to developing teeth")),
        ("CL401", 7, 1, _claim("comparative", "feels no worse than")),
        ("CL401", 9, 1, _claim("efficacy", "Paediatricians trust")),
        ("CL401", 11, 1, _claim("causal", "cut off the blood supply")),
    ]


# -- D11 (the brief's 12): curly apostrophes ---------------------------------------------
def test_round_20_patterns_take_a_curly_apostrophe():
    page = _page("Reviews", _paras(
        "I\u2019m back running 5k after four sessions.",
        "Didn\u2019t get a single blister in 96 miles.",
        "You can\u2019t catch it from another person."))
    assert _found(page) == [
        ("CL401", 5, 1, _claim("efficacy", "I\u2019m back running")),
        ("CL401", 7, 1, _claim("efficacy", "Didn\u2019t get a single blister")),
        ("CL401", 9, 1, _claim("causal", "You can\u2019t catch it from another person")),
    ]


def test_no_safe_drinking_level_is_a_safety_claim_and_guidelines_for_safe_drinking_are_not():
    # (review 20, D9: "drinking" among the nouns after "safe" silenced the claim)
    page = _page("Alcohol",
                 "There is no safe drinking level in pregnancy.\n\n"
                 "Follow the usual guidelines for safe drinking.")
    assert _found(page) == [("CL401", 5, 1, _claim("safety", "safe"))]
