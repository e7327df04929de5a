"""Residue 15: the named defects rounds 23 and 23b left (docs/round23.md, "Fifteenth
session: the residue"). Every page here is invented. Each is pinned by rule code, line,
column and message, with look-alikes that stay quiet; rules alone (``rules_alone``)."""

from __future__ import annotations

import pytest

from tests.test_claims_round12 import _claim, _found, _page

pytestmark = pytest.mark.usefixtures("rules_alone")


# -- 1. a ticked checklist of what the patient does before a procedure ------------------
def test_r15_1_stops_eating_before_is_no_claim_stops_the_itch_is():
    page = _page("Before your operation",
                 "Your nurse will check these with you:\n\n"
                 "- ✓ Stops eating six hours before\n"
                 "- ✓ Stops drinking two hours before\n"
                 "- ✓ Stops taking aspirin a week before\n\n"
                 "## Why choose SoftStep\n\n"
                 "- ✓ Stops the itch within minutes\n"
                 "- Stops bleeding from small cuts fast")
    assert _found(page) == [
        ("CL401", 13, 3, _claim("efficacy", "Stops")),
        ("CL401", 14, 3, _claim("efficacy", "Stops")),
    ]


# -- 2. a compression product's benefit list: fluid pushed back --------------------------
def test_r15_2_squeezes_the_leg_to_push_fluid_back_is_a_mechanism_claim():
    page = _page("Why choose FlowSock",
                 "- Gently squeezes the leg to push fluid back up towards the heart\n"
                 "- Squeezes the calf to push excess fluid back into the veins\n"
                 "- Comes in three colours\n\n"
                 "## Using the syringe\n\n"
                 "Hold it upright and push the fluid out of the syringe.\n\n"
                 "The heart pumps blood around the body.")
    assert _found(page) == [
        ("CL401", 5, 3, _claim("mechanism", "push fluid back")),
        ("CL401", 6, 3, _claim("mechanism", "push excess fluid back")),
    ]


# -- 3. "And in my experience": left out (seen pages: one such sentence, unlabelled) ------
def test_r15_3_and_in_my_experience_stays_out_of_the_verdict_shape():
    page = _page("About me",
                 "But in my experience, most of these people are dealing with a gut problem.\n\n"
                 "In our experience they make little difference to the pain.\n\n"
                 "And in my experience, a lot of these people are dealing with stress.\n\n"
                 "And in our experience the waiting room is rarely busy.")
    assert _found(page) == [
        ("CL401", 5, 1, _claim("efficacy", "in my experience")),
        ("CL401", 7, 1, _claim("efficacy", "In our experience")),
    ]


# -- 4. a wound, burn or scar kept moist or soft -----------------------------------------
def test_r15_4_keeps_the_wound_moist_is_found_kept_clear_or_dry_is_not():
    page = _page("Wound care",
                 "Vaseline keeps the wound moist.\n\n"
                 "A silicone sheet keeps the scar soft and flat.\n\n"
                 "A hydrogel can keep the burn moist for days.\n\n"
                 "This drain keeps the wound clear.\n\n"
                 "A waterproof cover keeps the wound dry in the shower.\n\n"
                 "Your nurse will keep the wound moist.\n\n"
                 "You should keep the wound moist.")
    assert _found(page) == [
        ("CL401", 5, 1, _claim("efficacy", "keeps the wound moist")),
        ("CL401", 7, 1, _claim("efficacy", "keeps the scar soft")),
        ("CL401", 9, 1, _claim("efficacy", "can keep the burn moist")),
    ]


# -- 5. a chance in figures as a clause ---------------------------------------------------
def test_r15_5_a_chance_that_each_child_will_be_affected_is_causal():
    page = _page("Inheritance",
                 "There is a 1 in 4 chance that each child will be affected.\n\n"
                 "Each pregnancy carries a 50% chance that the baby will inherit the gene.\n\n"
                 "There is a 1 in 3 chance that your name will be drawn.\n\n"
                 "There is a 50% chance that the clinic will be closed on the day.\n\n"
                 "There's a small chance that the cyst will come back.")
    assert _found(page) == [
        ("CL401", 5, 1, _claim("causal", "is a 1 in 4 chance that each child will be affected")),
        ("CL401", 7, 1, _claim("causal", "carries a 50% chance that the baby will inherit")),
    ]


# -- 6. family 3's list of who comes (no lexicon replaces it; behaviour pinned) -----------
def test_r15_6_the_main_reason_people_come_stays_quiet_a_health_reason_is_kept():
    page = _page("Causes",
                 "Stress is the main reason patients come to see us.\n\n"
                 "Cost is the main reason we opened a second clinic.\n\n"
                 "This is the main reason why the rash spreads.\n\n"
                 "Smoking is the main reason the lining gets inflamed.")
    assert _found(page) == [("CL401", 11, 1, _claim("causal", "is the main reason"))]
