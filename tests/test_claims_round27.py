"""Claims round 27 (blind54 to blind63 seen; open-class families, precision first): the
practice's consequence told back ("That is why we ..."), a scraped page's signature and
heading lines glued to the next sentence, a table's header cells, a review's time
counted from a named practitioner's care, and an ill not had since (docs/round27.md).

Every page here is invented, not taken from the corpus. Each family is pinned by rule
code, line, column and message, with look-alikes that must stay as they are. The tests
pin what the phrase rules decide, so most run without the claim model (``rules_alone``);
the last ones check the families as shipped (the model on).
"""

from __future__ import annotations

from tests.test_claims_round12 import _claim, _found, _page


# -- (a) "That / This (word) is why I / we ...": the practice's consequence, told back ----------
def test_a_sentence_opening_that_is_why_we_is_no_claim(rules_alone):
    page = _page("About us",
                 "Stopping too fast can bring the ache back. This is why we always reduce "
                 "the dose slowly and stay in touch with you.\n\n"
                 "This is why we never use the old sprocket method.\n\n"
                 "I had widget syndrome for ten years. That experience is why I now work "
                 "with people who have it.")
    assert _found(page) == [("CL401", 5, 1, _claim("efficacy", "can bring"))]


def test_why_after_a_first_clause_or_with_a_purpose_stays_a_claim(rules_alone):
    page = _page("About us",
                 "Widget drops ease the ache within a day, which is why we recommend "
                 "them.\n\n"
                 "That is why we use widget cream to reduce the swelling.")
    assert _found(page) == [
        ("CL401", 5, 1, _claim("efficacy", "drops ease")),
        ("CL401", 7, 1, _claim("causal", "That is why")),
    ]


# -- (b) signature and heading lines glued to the next sentence ---------------------------------
def test_glued_signature_and_heading_lines_do_not_hide_an_instruction(rules_alone):
    page = _page("Stories",
                 "\"Best clinic in town.\"\n"
                 "– Sofia, Widgetford\n"
                 "Preventing widget strain\n"
                 "Plan every climb with a guide and stay well inside your limits.")
    assert _found(page) == []


def test_a_claim_after_glued_lines_is_found_where_its_sentence_starts(rules_alone):
    # the heading line is no part of the claim: the finding starts on line 8, column 1
    page = _page("Stories",
                 "\"The clinic was lovely.\"\n"
                 "– Sam, Widgetford\n"
                 "How widget drops work\n"
                 "Widget drops relieve the ache within a day.")
    assert _found(page) == [("CL401", 8, 1, _claim("efficacy", "drops relieve"))]


def test_a_hard_wrapped_line_that_ends_in_a_joining_word_is_not_glued(rules_alone):
    # "ask your GP or" ends in "or": a wrapped line of the same sentence, kept whole
    page = _page("Care",
                 "If the ache is bad, ask your GP or\n"
                 "Widget Helpline about drops that relieve the ache within a day.")
    assert _found(page) == [("CL401", 5, 1, _claim("efficacy", "that relieve"))]


# -- (c) a table's header cells ----------------------------------------------------------------
def test_a_tables_header_cells_are_no_claims_its_body_cells_still_are(rules_alone):
    page = _page("Options compared",
                 "| Treatment | Success rate | Protects against |\n"
                 "|---|---|---|\n"
                 "| Widget drops | 9 in 10 feel better | Sprocket ache |\n")
    assert _found(page) == [("CL401", 7, 18, _claim("efficacy", "feel better"))]


# -- (d) a review's time counted from a named practitioner's care or plan ----------------------
def test_a_reviewers_time_counted_from_a_named_practitioner_is_an_outcome(rules_alone):
    page = _page("What our clients say",
                 "\"After three months with Hannah it's maybe once a month.\" — Jo, Widgetford\n\n"
                 "\"Eight weeks after starting Helen's plan it had closed completely.\" — Sam, "
                 "Leeds")
    assert _found(page) == [
        ("CL401", 5, 1, _claim("efficacy", "After three months with Hannah it")),
        ("CL401", 7, 1, _claim("efficacy", "Eight weeks after starting Helen's plan it")),
    ]


def test_company_an_ailment_still_there_an_errand_or_a_clinics_plan_stay_quiet(rules_alone):
    page = _page("What our clients say",
                 "\"After two weeks with my sister I went home.\" — Jo, Widgetford\n\n"
                 "\"After two weeks with Rosalind I still had the ache.\" — Sam, Leeds\n\n"
                 "\"Three weeks after starting Helen's plan I booked a follow-up.\" — Kim, York")
    assert _found(page) == []
    # not a review: a clinic's own schedule
    assert _found(_page("Our approach",
                        "After three months with Hannah it is time for a review.")) == []


# -- (e) what the writer has not had since, whatever the ill -----------------------------------
def test_an_ill_not_had_since_is_an_outcome_whatever_the_ill(rules_alone):
    page = _page("What our clients say",
                 "\"The widget plan was hard work but I haven't had a flare all season.\" — Jo, "
                 "Widgetford\n\n"
                 "\"I haven't had a single sprocket attack since March.\" — Sam, Leeds")
    assert _found(page) == [
        ("CL401", 5, 1, _claim("efficacy", "I haven't had a flare all season")),
        ("CL401", 7, 1, _claim("efficacy", "I haven't had a single sprocket attack since March")),
    ]


def test_a_condition_for_care_with_not_had_stays_quiet(rules_alone):
    page = _page("Before your visit",
                 "Tell us if they have not had a meal in the last four hours.")
    assert _found(page) == []


# -- as shipped (the claim model on) ------------------------------------------------------------
def test_the_families_hold_as_shipped():
    page = _page("About us",
                 "This is why we never use the old sprocket method.\n\n"
                 "| Treatment | Success rate | Protects against |\n"
                 "|---|---|---|\n"
                 "| Widget drops | 9 in 10 feel better | Sprocket ache |\n\n"
                 "\"Best clinic in town.\"\n"
                 "– Sofia, Widgetford\n"
                 "Preventing widget strain\n"
                 "Plan every climb with a guide and stay well inside your limits.")
    assert _found(page) == [("CL401", 9, 18, _claim("efficacy", "feel better"))]
