"""Claims round 28 (blind58 to blind67 seen; open-class families, recall first): the
veto scores a list item's later sentences alone, not with the lead-in before the item;
how long a symptom lasts; a "Best for" column names whom a treatment suits; a course
called temporary or permanent (docs/round28.md).

Every page here is invented, not taken from the corpus. Each family is pinned by rule
code, line, column and message, with look-alikes that must stay as they are. Tests that
pin what the phrase rules decide run without the claim model (``rules_alone``); the
veto's family runs as shipped (the model on).
"""

from __future__ import annotations

from tests.test_claims_round12 import _claim, _found, _page


# -- (a) the veto: a list item's later sentences are scored alone ------------------------------
def test_a_list_items_later_sentences_are_not_scored_with_the_lead_in():
    # before round 28 the veto scored "Using a single-blade razor cuts ...", "A mild steroid
    # lotion can calm redness." and "An antibiotic gel can treat ..." with the lead-in ("If
    # you need to remove hair, your provider may suggest:") and let them go
    page = _page("Treatment",
                 "Stopping shaving for a month usually lets the bumps settle. If you need to "
                 "remove hair, your provider may suggest:\n\n"
                 "- **Changing how you shave.** Using a single-blade razor cuts the number of "
                 "new bumps.\n"
                 "- **Lotions.** A prescription lotion, such as tretinoin, helps the skin shed "
                 "so hairs are less likely to get trapped. A mild steroid lotion can calm "
                 "redness. An antibiotic gel can treat infected bumps.\n")
    assert _found(page) == [
        ("CL401", 5, 1, _claim("efficacy", "lets the bumps settle")
         + " (found by the claim model)"),
        ("CL401", 7, 31, _claim("efficacy", "cuts the number")),
        ("CL401", 8, 16, _claim("efficacy", "helps")),
        ("CL401", 8, 119, _claim("efficacy", "can calm")),
        ("CL401", 8, 159, _claim("efficacy", "can treat")),
    ]


def test_a_list_items_later_sentences_with_no_claim_stay_quiet():
    page = _page("Treatment",
                 "If you need to remove hair, your provider may suggest:\n\n"
                 "- **Lotions.** A prescription lotion is applied at night. It comes in a small "
                 "tube and is kept in the fridge.\n"
                 "- **Clinic visits.** Your provider will check the skin every few weeks. Bring "
                 "a list of the products you use.\n")
    assert _found(page) == []


# -- (b) how long a symptom or an after-effect lasts, whatever it is -------------------------------
def test_a_duration_as_the_predicate_is_a_prognosis_claim(rules_alone):
    page = _page("Outlook",
                 "For some people, the widget rash lingers for years.\n\n"
                 "Bruising and tenderness are common for a week or two.\n")
    assert _found(page) == [
        ("CL401", 5, 1, _claim("prognosis", "lingers")),
        ("CL401", 7, 1, _claim("prognosis", "are common for a week")),
    ]


def test_a_visit_a_course_a_pack_days_counted_back_or_a_diagnosis_rule_stay_quiet(rules_alone):
    page = _page("Outlook",
                 "Each session lasts about 40 minutes.\n\n"
                 "The widget course lasts for 6 weeks.\n\n"
                 "We have seen more cases in the last 10 years.\n\n"
                 "It is diagnosed when the rash has lasted for 3 months.\n\n"
                 "One pack lasts 30 days.\n")
    assert _found(page) == []


def test_a_product_fact_that_opens_with_lasts_stays_quiet(rules_alone):
    page = _page("Why choose us?", "- \u2713 Lasts for months\n- \u2713 Vegan and gluten-free")
    assert _found(page) == []


# -- (c) a "Best for" column names whom or what a treatment suits -------------------------------
def test_best_for_cells_are_no_claims_a_results_cell_still_is(rules_alone):
    page = _page("Options compared",
                 "| Option | Best for | Results |\n|---|---|---|\n"
                 "| Widget splint | Mild sprains with full movement | Most people see a change |\n"
                 "| Widget cream | Legs, underarms | Smoother skin in a week |\n")
    assert _found(page) == [
        ("CL401", 7, 53, _claim("efficacy", "Results column")),
        ("CL401", 8, 36, _claim("efficacy", "Smoother skin")),
    ]


# -- (d) a course called temporary or permanent, whatever it is ---------------------------------
def test_a_course_called_temporary_or_permanent_is_a_prognosis_claim(rules_alone):
    page = _page("Outlook",
                 "For most people, the widget rash is temporary.\n\n"
                 "The scarring can be painful, but it's temporary.\n")
    assert _found(page) == [
        ("CL401", 5, 1, _claim("prognosis", "temporary")),
        ("CL401", 7, 1, _claim("prognosis", "temporary")),
    ]


def test_a_belief_a_definition_or_a_temporary_clinic_stay_quiet(rules_alone):
    page = _page("Outlook",
                 "The marks were once thought to be permanent.\n\n"
                 "Widget palsy is temporary weakness of the face.\n\n"
                 "Our temporary clinic is open on Mondays.\n")
    assert _found(page) == []
