"""Claims round 24 (blind52 to blind55 seen): general families only, each shown by misses
on several seen pages of at least two sets (docs/round24.md).

Every page here is invented, not taken from the corpus. Each family is pinned by rule
code, line, column and message, with look-alikes that must stay quiet. The tests pin
what the phrase rules decide, so they run without the claim model (``rules_alone``).
"""

from __future__ import annotations

import pytest

from tests.test_claims_round12 import _claim, _found, _page

pytestmark = pytest.mark.usefixtures("rules_alone")


# -- (a) a long or shared named cause before 'can cause' -------------------------------------
def test_a_shared_or_long_named_cause_is_a_causal_claim():
    page = _page("Overview",
                 "Damp housing, cold weather, house dust and tobacco smoke can all trigger a "
                 "flare of widget syndrome.\n\n"
                 "Gout and lupus can both cause swollen, stiff fingers.\n\n"
                 "A hard knock, a fall onto the elbow or hours of leaning on a desk can also "
                 "cause a swollen widget.")
    assert _found(page) == [
        ("CL401", 5, 1, _claim("causal", "can all trigger")),
        ("CL401", 7, 1, _claim("causal", "can both cause")),
        ("CL401", 9, 1, _claim("causal", "can also cause")),
    ]


def test_a_shared_cause_counts_in_a_causes_section_prose():
    page = _page("Causes",
                 "Damp housing, cold weather, house dust and tobacco smoke can all trigger a "
                 "flare.")
    assert _found(page) == [("CL401", 5, 1, _claim("causal", "can all trigger"))]


def test_a_shared_cause_of_a_plain_symptom_a_pronoun_or_a_very_long_subject_stays_quiet():
    page = _page("Overview",
                 "Long walks, tight shoes and standing all day at work can all cause pain.\n\n"
                 "They can both cause a rash at first.\n\n"
                 "An old injury, a knock in a game of hockey, weeks of kneeling on hard floors "
                 "at work and years of heavy running can also cause a swollen widget.")
    assert _found(page) == []


# -- (b) whether it passes on ------------------------------------------------------------
def test_whether_it_passes_on_is_a_causal_claim():
    page = _page("Overview",
                 "Widget syndrome doesn't spread from person to person.\n\n"
                 "The lumps are not known to spread any infection.\n\n"
                 "For most families, widget syndrome is not inherited.\n\n"
                 "It is not usually passed on to children.\n\n"
                 "Widget syndrome is not catching.")
    assert _found(page) == [
        ("CL401", 5, 1, _claim("causal", "doesn't spread from person to person")),
        ("CL401", 7, 1, _claim("causal", "not known to spread")),
        ("CL401", 9, 1, _claim("causal", "is not inherited")),
        ("CL401", 11, 1, _claim("causal", "is not usually passed on to children")),
        ("CL401", 13, 1, _claim("causal", "is not catching")),
    ]


def test_a_question_about_inheritance_and_a_privacy_note_stay_quiet():
    page = _page("Overview",
                 "Is widget syndrome inherited?\n\n"
                 "Your payment details are never passed on to your employer.\n\n"
                 "Our leaflets do not spread far beyond the waiting room.")
    assert _found(page) == []


# -- (c) a course that ends, or does not end, on its own --------------------------------------
def test_a_course_on_its_own_is_a_prognosis_claim_negated_or_not():
    page = _page("Outlook",
                 "Most widget lumps shrink on their own within a year.\n\n"
                 "A torn widget will not heal on its own.\n\n"
                 "A widget cyst almost never goes away on its own.")
    assert _found(page) == [
        ("CL401", 5, 1, _claim("prognosis", "shrink on their own")),
        ("CL401", 7, 1, _claim("prognosis", "will not heal on its own")),
        ("CL401", 9, 1, _claim("prognosis", "almost never goes away on its own")),
    ]


def test_on_its_own_as_alone_a_noun_after_it_or_a_question_stays_quiet():
    page = _page("Outlook",
                 "You may not be able to bend the end of your toe on its own.\n\n"
                 "Do not leave a child with a fever on their own.\n\n"
                 "Will it go away on its own?\n\n"
                 "The clinic closes on its own schedule at Christmas.\n\n"
                 "A refund does not usually clear on its own, so please call us.")
    assert _found(page) == []


# -- (d) how long people live ------------------------------------------------------------
def test_how_long_people_live_is_a_prognosis_claim():
    page = _page("Outlook",
                 "Most people with widget syndrome live for many years.\n\n"
                 "Children born with it today can expect to live well into adulthood.\n\n"
                 "People with a mild widget have the same life expectancy as anyone else.\n\n"
                 "Life expectancy has improved a great deal since the 1990s.")
    assert _found(page) == [
        ("CL401", 5, 1, _claim("prognosis", "live for many years")),
        ("CL401", 7, 1, _claim("prognosis", "live well into adulthood")),
        ("CL401", 9, 1, _claim("prognosis", "the same life expectancy")),
        ("CL401", 11, 1, _claim("prognosis", "Life expectancy has improved")),
    ]


def test_a_life_lived_elsewhere_or_a_question_about_it_stays_quiet():
    page = _page("Outlook",
                 "Our founder lived in Leeds for many years.\n\n"
                 "What is the life expectancy for someone with widget syndrome?\n\n"
                 "The expectancy of the crowd was high.")
    assert _found(page) == []


# -- (e) a harm called rare ----------------------------------------------------------------
def test_a_qualified_harm_called_rare_or_a_cause_that_rarely_acts_is_a_claim():
    page = _page("Risks",
                 "Serious complications such as a deep infection are very rare.\n\n"
                 "Allergic reactions to the dye are uncommon.\n\n"
                 "Widget lumps rarely cause pain at night.")
    assert _found(page) == [
        ("CL401", 5, 1, _claim("safety", "are very rare")),
        ("CL401", 7, 1, _claim("safety", "are uncommon")),
        ("CL401", 9, 1, _claim("causal", "rarely cause")),
    ]


def test_rare_things_that_are_no_harm_stay_quiet():
    page = _page("Risks",
                 "Cancellations are rare at our clinic.\n\n"
                 "Rare complications include a blood clot in the leg.\n\n"
                 "Serious delays at the reception desk are rare.")
    assert _found(page) == []


# -- (f) what seals a defect ----------------------------------------------------------------
def test_what_seals_a_defect_is_a_mechanism_claim():
    page = _page("How it works",
                 "The gel hardens and seals the tear within a day.\n\n"
                 "New tissue grows over the plug, sealing the gap.")
    assert _found(page) == [
        ("CL401", 5, 1, _claim("mechanism", "seals")),
        ("CL401", 7, 1, _claim("mechanism", "sealing")),
    ]


def test_sealing_a_bag_or_an_envelope_stays_quiet():
    page = _page("Self-care",
                 "Wash the towels on a hot cycle, then the laundry team seals them in a bag.\n\n"
                 "The receptionist seals the envelope before posting your results.")
    assert _found(page) == []


# -- (g) remission ---------------------------------------------------------------------------
def test_remission_reached_or_brought_about_is_a_claim():
    page = _page("Outlook",
                 "Many people with widget syndrome go into complete remission.\n\n"
                 "Losing weight puts widget syndrome into remission in some adults.\n\n"
                 "The new tablet leads to lasting remission in most people.")
    assert _found(page) == [
        ("CL401", 5, 1, _claim("prognosis", "go into complete remission")),
        ("CL401", 7, 1, _claim("efficacy", "puts widget syndrome into remission")),
        ("CL401", 9, 1, _claim("efficacy", "leads to lasting remission")),
    ]


def test_remission_defined_or_lived_in_stays_quiet():
    page = _page("Outlook",
                 "Doctors define remission as six months with no flares.\n\n"
                 "Once I'm in remission I go back to eating plenty of vegetables.")
    assert _found(page) == []


# == review 24 mends ===========================================================================
# The reviewer's invented reproductions (/work/briefs/review24-findings.md), both sides: the
# false finding gone, the true claim kept. D1 and D2 are pinned in tests/test_claims_s16.py.

def _lines(*sentences: str) -> str:
    return "\n\n".join(sentences)


# D3: (b) 'catching' and 'passed on to children' need the negation; 'inherited' does not
def test_d3_catching_on_or_up_and_savings_passed_on_stay_quiet():
    page = _page("Overview", _lines(
        "Our new online booking system is catching on with patients.",
        "The team is catching up with calls after the bank holiday.",
        "We are catching up on orders delayed by the strike.",
        "Our savings are passed on to children's charities.",
        "Our lower prices are passed on to babies and toddlers in the nursery range.",
        "It's a myth that psoriasis is catching.",
        "Many people worry that eczema is catching, but it is not."))
    assert _found(page) == []


def test_d3_the_negated_forms_stay_claims():
    page = _page("Overview", _lines(
        "Widget syndrome is not catching.",
        "Ringworm isn't catching.",
        "It is not usually passed on to children.",
        "For most families, widget syndrome is not inherited."))
    assert _found(page) == [
        ("CL401", 5, 1, _claim("causal", "is not catching")),
        ("CL401", 7, 1, _claim("causal", "isn't catching")),
        ("CL401", 9, 1, _claim("causal", "is not usually passed on to children")),
        ("CL401", 11, 1, _claim("causal", "is not inherited")),
    ]


# D4: (a) 'both/all' no longer gets past the service hold-ups; service messages and staff
def test_d4_shared_service_causes_stay_quiet():
    page = _page("Overview", _lines(
        "Late arrivals and missed appointments can both cause delays for other patients.",
        "Online orders and phone orders can both trigger a delivery confirmation email.",
        "A missed payment or a returned card can both trigger a reminder letter.",
        "Our two practice managers can both bring on new staff over the summer.",
        "Bad weather and road works can all cause delivery delays.",
        "Strikes, bank holidays and high demand can all cause longer waiting times at the "
        "pharmacy.",
        "Changes to your booking, late payments or a wrong address can also cause your order "
        "to arrive late.",
        "Missing documents and unsigned consent forms can both cause your surgery to be "
        "postponed.",
        "Our nurses and doctors can all cause delays if the clinic is busy."))
    assert _found(page) == []


def test_d4_shared_health_causes_stay_claims():
    page = _page("Overview", _lines(
        "Vitiligo and alopecia areata can both cause patches of white hair.",
        "Gout and lupus can both cause swollen, stiff fingers."))
    assert _found(page) == [
        ("CL401", 5, 1, _claim("causal", "can both cause")),
        ("CL401", 7, 1, _claim("causal", "can both cause")),
    ]


# D5: (e) a service's problems are no harm; 'rarely cause' a hold-up is no cause
def test_d5_service_problems_called_rare_stay_quiet():
    page = _page("Overview", _lines(
        "Major problems with deliveries are very rare.",
        "Reactions to the new opening hours are uncommon but welcome.",
        "Serious problems with your order are very rare.",
        "Long-term problems with the car park are rare.",
        "Severe weather problems are rare in this area.",
        "Roadworks rarely cause delays.",
        "Bank holidays rarely lead to longer waits at the pharmacy.",
        "Late deliveries rarely cause problems for our customers.",
        "Our staff rarely cause a fuss."))
    assert _found(page) == []


def test_d5_health_harms_called_rare_stay_claims():
    page = _page("Overview", _lines(
        "Serious complications such as infection are very rare.",
        "Reactions to metal implants are very rare.",
        "Long-term problems with the hip are rare.",
        "Kidney differences like these rarely cause illness.",
        "Serious side effects were very rare in the trial."))
    assert _found(page) == [
        ("CL401", 5, 1, _claim("safety", "are very rare")),
        ("CL401", 7, 1, _claim("safety", "are very rare")),
        ("CL401", 9, 1, _claim("safety", "are rare")),
        ("CL401", 11, 1, _claim("causal", "rarely cause")),
        ("CL401", 13, 1, _claim("safety", "were very rare")),
    ]


# D6 and D7: (b) and (c) read won't, can't, cannot and never, and the typographic apostrophe
def test_d6_d7_every_negation_and_the_typographic_apostrophe_are_read():
    page = _page("Overview", _lines(
        "It won't spread between people.",
        "It can't usually spread between people.",
        "It cannot usually spread from person to person.",
        "It does not spread from one person to another.",
        "Molluscum never spreads from person to person.",
        "It doesn\u2019t spread from person to person.",
        "It isn\u2019t catching.",
        "Psoriasis isn\u2019t inherited.",
        "A hernia won\u2019t go away on its own.",
        "They don\u2019t fade on their own."))
    assert _found(page) == [
        ("CL401", 5, 1, _claim("causal", "won't spread between people")),
        ("CL401", 7, 1, _claim("causal", "can't usually spread between people")),
        ("CL401", 9, 1, _claim("causal", "cannot usually spread from person to person")),
        ("CL401", 11, 1, _claim("causal", "does not spread from one person to another")),
        ("CL401", 13, 1, _claim("causal", "never spreads from person to person")),
        ("CL401", 15, 1, _claim("causal", "doesn\u2019t spread from person to person")),
        ("CL401", 17, 1, _claim("causal", "isn\u2019t catching")),
        ("CL401", 19, 1, _claim("causal", "isn\u2019t inherited")),
        ("CL401", 21, 1, _claim("prognosis", "won\u2019t go away on its own")),
        ("CL401", 23, 1, _claim("prognosis", "don\u2019t fade on their own")),
    ]


def test_d6_spreading_a_cream_stays_quiet():
    page = _page("Overview", "Please do not spread the cream between your toes.")
    assert _found(page) == []


# D8: (c) doors, gates, points and 'Leave X to soften' are no course of a condition
def test_d8_doors_gates_points_and_leave_to_soften_stay_quiet():
    page = _page("Overview", _lines(
        "The gate closes on its own at 6pm.",
        "The automatic doors close on their own after 30 seconds.",
        "The shop's loyalty points will not go away on their own.",
        "Leave the butter to soften on its own.",
        "The pop-up will disappear on its own."))
    assert _found(page) == []


def test_d8_a_course_on_its_own_stays_a_claim():
    page = _page("Overview", _lines(
        "Many small holes close on their own.",
        "A hernia will not go away on its own.",
        "Most plaques then soften on their own."))
    assert _found(page) == [
        ("CL401", 5, 1, _claim("prognosis", "close on their own")),
        ("CL401", 7, 1, _claim("prognosis", "will not go away on its own")),
        ("CL401", 9, 1, _claim("prognosis", "then soften on their own")),
    ]


# D9: (g) people in remission kept in touch, and a service's published rates
def test_d9_people_in_remission_kept_in_touch_stay_quiet():
    page = _page("Overview", _lines(
        "Our charity puts people in remission in touch with each other.",
        "Our team keeps people in remission informed about events.",
        "We publish our remission rates every year."))
    assert _found(page) == []


def test_d9_what_puts_a_disease_into_remission_stays_a_claim():
    page = _page("Overview", _lines(
        "Gastric bypass puts type 2 diabetes into remission.",
        "Surgery has the highest remission rates."))
    assert _found(page) == [
        ("CL401", 5, 1, _claim("efficacy", "puts type 2 diabetes into remission")),
        ("CL401", 7, 1, _claim("efficacy", "remission rates")),
    ]


# D10: (d) staff who live in the area, products that last
def test_d10_staff_places_and_products_stay_quiet():
    page = _page("Overview", _lines(
        "Our staff live for many years in the area and know the community well.",
        "The pump has a shorter life expectancy if it is not cleaned.",
        "A cheaper mattress has a shorter life expectancy than ours.",
        "Many of our patients live for many years in care homes near the clinic.",
        "Our boilers live for many years with a yearly service."))
    assert _found(page) == []


def test_d10_how_long_people_live_stays_a_claim():
    page = _page("Overview", _lines(
        "Most people with it live for many years.",
        "People with the condition have a shorter life expectancy.",
        "Most people live for decades after diagnosis."))
    assert _found(page) == [
        ("CL401", 5, 1, _claim("prognosis", "live for many years")),
        ("CL401", 7, 1, _claim("prognosis", "a shorter life expectancy")),
        ("CL401", 9, 1, _claim("prognosis", "live for decades")),
    ]


# D11: (f) lids, tape, builders and a dentist's filling
def test_d11_lids_builders_and_a_filling_stay_quiet():
    page = _page("Overview", _lines(
        "The lid seals it so the tablets stay dry.",
        "Our staff sealed the leak in the roof last week.",
        "The plumber sealed the leak in the staff toilet.",
        "Our builders sealed the gap around the new clinic windows.",
        "The pharmacist seals it with tamper-proof tape.",
        "Your dentist seals the hole with a filling."))
    assert _found(page) == []


def test_d11_what_seals_a_defect_in_the_body_stays_a_claim():
    page = _page("Overview", _lines(
        "The blood clots and seals the leak.",
        "Tissue grows over the device, sealing the hole.",
        "The catheter heats the vein and seals it."))
    assert _found(page) == [
        ("CL401", 5, 1, _claim("mechanism", "seals")),
        ("CL401", 7, 1, _claim("mechanism", "sealing")),
        ("CL401", 9, 1, _claim("mechanism", "seals")),
    ]
