"""Claims round 21 (twelfth session; blind36 to blind39 seen): the prose of evidence
sections is checked, taking part in a trial invokes no evidence, and vague-evidence
families written from the seen disagreements (docs/claims.md, "Round 21").

Every page here is invented, not taken from the corpus. Each change is pinned by rule
code, line, column and message, with a look-alike on the other side. The tests pin what
the phrase rules decide, so they run without the claim model (``rules_alone``).
"""

from __future__ import annotations

import pytest

from tests.test_claims_round12 import _claim, _found, _page
from tests.test_claims_round15 import _vague
from tests.test_claims_round16 import _cl402

pytestmark = pytest.mark.usefixtures("rules_alone")


# -- 1. prose under an evidence heading is prose --------------------------------------
@pytest.mark.parametrize("heading", ["The evidence", "What the research says",
                                     "Clinical evidence"])
def test_uncited_prose_in_an_evidence_section_is_checked(heading):
    page = _page(heading, "Published studies report that the injections rebuild the "
                          "ligament.\n\nA recent trial found that it outperformed "
                          "physiotherapy.")
    assert _found(page, ("CL401", "CL402")) == [
        ("CL401", 5, 1, _claim("efficacy", "injections rebuild")),
        ("CL402", 5, 11, _vague("studies report")),
        ("CL401", 7, 1, _claim("comparative", "outperformed")),
        ("CL402", 7, 1, _vague("A recent trial found")),
    ]


def test_reference_items_in_an_evidence_section_stay_entries():
    # authors first and a year, or an identifier: an entry, whose title is no claim
    page = _page("What the research says",
                 "Smith J, Patel R. Acupuncture reduces chronic neck pain: a randomised "
                 "trial. BMJ. 2019;364:l123.\n\n"
                 "Prolotherapy outperforms physiotherapy for ankle sprains. "
                 "Clin J Sport Med. 2018. doi:10.1000/xyz123\n\n"
                 "doi:10.1000/abc456\n\nPMID: 31234567 (pilot trial)")
    assert _found(page, ("CL401", "CL402")) == []


# -- 2. taking part in a trial is an invitation ----------------------------------------
def test_taking_part_in_a_trial_is_no_vague_evidence():
    page = _page("Research", "You may be able to take part in a clinical trial.\n\n"
                             "Ask whether you can participate in a study near you.\n\n"
                             "Many families have enrolled in a trial of the new drug.\n\n"
                             "In a clinical trial, the cream healed most ulcers.")
    assert _cl402(page) == [(11, 1, _vague("In a clinical trial"))]


# -- 3. vague-evidence families ----------------------------------------------------------
def test_studies_that_estimate_suggest_or_put_a_figure():
    page = _page("Overview", "Some studies estimate that it affects half of adults.\n\n"
                             "Some studies have suggested a link with measles.\n\n"
                             "Some surveys put it at more than half of patients.\n\n"
                             "Several national surveys put the rate at 30%.\n\n"
                             "Our team put it at the top of the list.")
    assert _cl402(page) == [
        (5, 1, _vague("Some studies estimate")),
        (7, 6, _vague("studies have suggested")),
        (9, 1, _vague("Some surveys put it at")),
        (11, 1, _vague("Several national surveys put the rate at")),
    ]


def test_backed_by_clinical_experience_is_vague_but_staff_experience_is_not():
    page = _page("Treatment", "The therapy is backed by decades of clinical experience.\n\n"
                              "Our physiotherapists have decades of experience.")
    assert _cl402(page) == [(5, 16, _vague("backed by decades of clinical experience"))]


# -- review 21 mends (D1-D4) ------------------------------------------------------------
def test_a_link_to_the_sites_own_page_does_not_make_evidence_prose_an_entry():
    # D1: a bare web address (not a DOI, PMID...) ends many a paragraph of prose
    page = _page("The evidence", "Many studies show shockwave therapy cures heel pain. "
                                 "Read more on [our blog](https://example.com/blog).")
    assert _found(page, ("CL401", "CL402")) == [
        ("CL401", 5, 1, _claim("efficacy", "studies show")),
        ("CL402", 5, 1, _vague("Many studies show")),
    ]


def test_an_identifier_at_the_end_of_evidence_prose_does_not_make_it_an_entry():
    # D1's residue: a DOI or PMID makes a block an entry only with a year where a
    # reference puts one ("2018;", "(2018)", "2018.") or with little else; a paragraph
    # of prose that ends "See doi:..." is prose, and its claims are checked
    page = _page("The evidence", "Our miracle shockwave therapy guarantees a 100% cure. "
                                 "See doi:10.1000/xyz123.\n\n"
                                 "In a 2019 trial most patients healed. PMID: 31234567")
    assert _found(page, ("CL401", "CL407")) == [
        ("CL401", 5, 1, _claim("efficacy", "guarantees")),
        ("CL407", 5, 5, "absolute claim ('miracle'): no treatment is guaranteed, "
                        "permanent or free of risk, even with evidence"),
        # (one phrase, one finding since the eighteenth session: it was two,
        # 'guarantees' and '100% cure')
        ("CL407", 5, 31, "absolute claim ('guarantees a 100% cure'): no treatment is "
                         "guaranteed, permanent or free of risk, even with evidence"),
        ("CL401", 7, 1, _claim("prognosis", "healed")),
    ]


@pytest.mark.parametrize("prose", [
    "Since 2015, our miracle therapy has cured every patient. See doi:10.1000/xyz123.",
    "Our clinic opened in 2015. Our miracle therapy has cured every patient. "
    "See doi:10.1000/xyz123.",
    "Our therapy cures 100% of cases. Ring 0800 555 2020. See doi:10.1000/xyz123.",
])
def test_a_year_in_prose_does_not_make_evidence_prose_an_entry(prose):
    # review 22, D8: "Since 2015," or "opened in 2015." is no reference's year, and a
    # block in the page's own voice ("our") is no reference
    page = _page("The evidence", "Smith J, Patel R. Acupuncture reduces chronic neck pain: "
                                 "a randomised trial. BMJ. 2019;364:l123.\n\n" + prose)
    assert [(code, line) for code, line, _, _ in _found(page)] == [("CL401", 7)]


def test_a_reference_year_before_its_identifier_keeps_an_entry():
    page = _page("The evidence", "Shockwave therapy heals heel pain (2019). "
                                 "doi:10.1000/xyz123\n\n"
                                 "Shockwave therapy heals heel pain. Foot Ankle Int. 2020. "
                                 "PMID: 31234567")
    assert _found(page) == []


def test_a_study_table_in_an_evidence_section_cites_its_rows():
    # D2: the identifier in a row's cell cites the row, as under any other heading
    rows = ("| Study | Result |\n| --- | --- |\n"
            "| Smith J, Lee K. Heel pain. BMJ 2020;1:2. doi:10.1136/bmj.1 | halved pain |")
    assert _found(_page("What the research says", rows)) == []
    assert _found(_page("Treatment", rows)) == []


def test_taking_part_then_reporting_a_finding_is_vague_evidence():
    # D3: the invitation is let go, a finding reported by those who took part is not
    page = _page("Research", "Patients who participated in studies reported less fatigue."
                             "\n\nPeople who took part in a clinical trial found their pain "
                             "halved.\n\nYou may be able to take part in a clinical trial.")
    assert _cl402(page) == [(5, 30, _vague("studies reported")),
                            (7, 25, _vague("a clinical trial found"))]


def test_clinical_practice_guidelines_are_a_named_source():
    # D4: "developed from clinical practice guidelines (NICE NG150)" names its source
    page = _page("About", "This leaflet was developed from clinical practice guidelines "
                          "(NICE NG150).\n\nOur plan was developed from clinical practice.")
    assert _cl402(page) == [(7, 14, _vague("developed from clinical practice"))]
