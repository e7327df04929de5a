"""Fix session 20c: an outside audit's findings on the evidence, citation and
metadata rules (publisher schemas inside evidence items, same-DOI entries, PMC and
ClinicalTrials.gov links, ambiguous slash dates, short misspelt keys, publisher
review bylines, reference years, one finding per mistake)."""

from __future__ import annotations

import json

import pytest

from conditionlint.api import lint_text

TODAY = "2026-12-01"


def lint(text, select=None, config=None):
    return lint_text(text, select=select, today=TODAY, config=config)


def msgs(findings, code):
    return [f.message for f in findings if f.code == code]


def setup_schema(tmp_path, schema, mode="extend"):
    (tmp_path / "my.json").write_text(json.dumps(schema), encoding="utf-8")
    cfg = tmp_path / ".conditionlint.yaml"
    cfg.write_text(f"schema: my.json\nschema-mode: {mode}\n", encoding="utf-8")
    return cfg


# -- 1. a publisher schema's required fields inside evidence items ------------------------
ONE_ENTRY = ("---\ntitle: S\nevidence:\n  - id: b\n    year: 2018\n    design: rct\n"
             "    title: T\n    doi: 10.1000/y\n---\n# S\n\nx may help [@b].\n")


def items_schema(**item):
    return {"type": "object", "properties": {"evidence": {
        "type": "array", "items": {"type": "object", **item}}}}


@pytest.mark.parametrize("mode", ["extend", "replace"])
def test_publisher_required_in_evidence_items_is_reported(tmp_path, mode):
    cfg = setup_schema(tmp_path, items_schema(required=["certainty"]), mode)
    found = msgs(lint(ONE_ENTRY, select="CL203", config=cfg), "CL203")
    assert found == ["missing required key 'certainty' in evidence[0]"]
    ok = ONE_ENTRY.replace("    doi:", "    certainty: low\n    doi:")
    assert msgs(lint(ok, select="CL203", config=cfg), "CL203") == []


@pytest.mark.parametrize("extra", [
    {"dependentRequired": {"doi": ["journal"]}},
    {"anyOf": [{"required": ["journal"]}, {"required": ["authors"]}]},
    {"oneOf": [{"required": ["journal"]}, {"required": ["authors"]}]},
])
def test_publisher_any_of_and_dependent_required_are_reported(tmp_path, extra):
    cfg = setup_schema(tmp_path, items_schema(**extra))
    assert len(msgs(lint(ONE_ENTRY, select="CL203", config=cfg), "CL203")) == 1


def test_a_field_cl405_reports_is_not_reported_twice(tmp_path):
    cfg = setup_schema(tmp_path, items_schema(
        required=["title"], anyOf=[{"required": ["doi"]}, {"required": ["pmid"]}]))
    page = ONE_ENTRY.replace("    title: T\n", "").replace("    doi: 10.1000/y\n", "")
    found = lint(page, select="CL203,CL405", config=cfg)
    assert msgs(found, "CL203") == []
    assert len(msgs(found, "CL405")) == 2


def test_closed_evidence_items_keep_the_shipped_keys_in_extend_mode(tmp_path):
    cfg = setup_schema(tmp_path, items_schema(
        additionalProperties=False, properties={"note": {"type": "string"}}))
    assert msgs(lint(ONE_ENTRY, select="CL203", config=cfg), "CL203") == []
    page = ONE_ENTRY.replace("    doi:", "    colour: red\n    doi:")
    found = msgs(lint(page, select="CL203", config=cfg), "CL203")
    assert len(found) == 1 and "unknown key 'colour' in evidence[0]" in found[0]


# -- 2. two front-matter entries of one work keep their own metadata ----------------------
TWO_COPIES = """\
---
title: S
evidence:
  - id: rct2024
    title: A big trial
    year: 2024
    design: rct
    certainty: high
    doi: 10.1000/x
  - id: lee2001
    title: A case series
    year: 2001
    design: case-series
    certainty: very-low
    doi: 10.1000/X
---
# S

Cupping relieves neck pain [@lee2001].
"""


def test_a_citation_uses_its_own_entry_of_a_shared_doi():
    found = lint(TWO_COPIES, select="CL404,CL405,CL408,CL409")
    assert len(msgs(found, "CL408")) == 1 and "'lee2001' is case series" in msgs(found, "CL408")[0]
    assert msgs(found, "CL409") == [
        "the newest evidence this claim cites is from 2001, more than 10 years old"]
    # the same work, cited under one of its ids: neither copy is unused
    assert msgs(found, "CL404") == []
    # the copies disagree: reported once, at the second id
    conflict = [f for f in found if f.code == "CL405"]
    assert len(conflict) == 1 and conflict[0].line == 10
    assert "same work" in conflict[0].message and "'rct2024'" in conflict[0].message


def test_same_work_with_the_same_metadata_is_not_a_conflict():
    page = TWO_COPIES.replace("year: 2001", "year: 2024").replace(
        "design: case-series", "design: rct").replace("certainty: very-low", "certainty: high")
    assert msgs(lint(page, select="CL404,CL405"), "CL405") == []


def test_cl406_names_the_entry_that_holds_the_identifier():
    page = """\
---
title: S
evidence:
  - id: first
    title: A big trial
    year: 2024
    design: rct
    doi: 10.1000/x
  - id: second
    title: A big trial
    year: 2024
    design: rct
    doi: 10.1000/x
    isbn: "0-306-40615-3"
---
# S

Cupping may help [@first; @second].
"""
    found = [f for f in lint(page, select="CL406") if f.code == "CL406"]
    assert len(found) == 1 and found[0].line == 14
    assert found[0].message.startswith("evidence entry 'second': ISBN-10")


# -- 3. PMC and ClinicalTrials.gov links cite the entry with that PMCID / NCT number ------
LINKED = """\
---
title: S
evidence:
  - id: pmcx
    title: A trial
    year: 2020
    design: rct
    pmcid: PMC1234567
  - id: nctx
    title: Another trial
    year: 2021
    design: rct
    nct: NCT01234567
---
# S

Cupping may help ([trial](PMC_URL)).

Cupping may ease pain (NCT_URL).
"""


@pytest.mark.parametrize("pmc, nct", [
    ("https://pmc.ncbi.nlm.nih.gov/articles/PMC1234567/",
     "https://clinicaltrials.gov/study/NCT01234567"),
    ("https://www.ncbi.nlm.nih.gov/pmc/articles/PMC1234567/",
     "https://clinicaltrials.gov/ct2/show/NCT01234567"),
])
def test_pmc_and_trial_registry_links_cite_the_listed_entry(pmc, nct):
    page = LINKED.replace("PMC_URL", pmc).replace("NCT_URL", nct)
    assert msgs(lint(page, select="CL404"), "CL404") == []


def test_a_reference_sharing_a_trial_number_is_not_the_same_work():
    # a protocol and a results paper share the registry number but are two works
    page = LINKED.replace("PMC_URL", "https://pmc.ncbi.nlm.nih.gov/articles/PMC1234567/")\
        .replace("(NCT_URL)", "[1]") + (
        "\n## References\n\n1. Smith J. Results of a trial. Spine. 2024;30:1-5. "
        "NCT01234567\n")
    assert msgs(lint(page, select="CL404"), "CL404") == ["evidence entry 'nctx' is never cited"]


# -- 4. an ambiguous slash date is in the future only when both readings are --------------
BODY_REVIEW = "---\ntitle: S\n---\n# S\n\nPage last reviewed: {}\n"


@pytest.mark.parametrize("date, future", [
    ("11/12/2026", False),   # 11 December (future) or 12 November (past)
    ("13/12/2026", True),    # only 13 December
    ("12/13/2026", True),    # only 13 December, US way
    ("01/11/2026", False),
])
def test_ambiguous_slash_date_future_check_takes_the_earlier_reading(date, future):
    found = msgs(lint(BODY_REVIEW.format(date), select="CL206"), "CL206")
    assert bool(found) == future, found


def test_ambiguous_last_review_before_an_ambiguous_next_review_is_not_reported():
    # 2 March or, the US way, 3 February: before a next review on 1 March either way?
    # Not the UK reading, so it is not reported; 4 March is after it both ways.
    page = BODY_REVIEW.format("02/03/2026") + "\nNext review due: 1 March 2026\n"
    assert msgs(lint(page, select="CL206"), "CL206") == []
    page = BODY_REVIEW.format("2026-03-04") + "\nNext review due: 1 March 2026\n"
    assert len(msgs(lint(page, select="CL206"), "CL206")) == 1


# -- 5. short keys with two letters swapped are likely misspellings -----------------------
def test_short_misspelt_keys_are_reported():
    page = ("---\ntitle: S\ntpye: symptom\nevidence:\n  - id: b\n    yaer: 2018\n"
            "    year: 2018\n    design: rct\n    title: T\n    dio: 10.1000/y\n"
            "    pmdi: \"123\"\n---\n# S\n\nx may help [@b].\n")
    found = msgs(lint(page, select="CL203"), "CL203")
    assert found == ["unknown key 'tpye'; did you mean 'type'?",
                     "unknown key 'yaer'; did you mean 'year'?",
                     "unknown key 'dio'; did you mean 'doi'?",
                     "unknown key 'pmdi'; did you mean 'pmid'?"]


def test_short_keys_that_are_other_words_are_not_misspellings():
    page = "---\ntitle: S\nsku: x\nurl2: y\nids: z\nweight: 3\n---\n# S\n\nText.\n"
    assert msgs(lint(page, select="CL203"), "CL203") == []


def test_closed_schema_suggests_the_swapped_key(tmp_path):
    cfg = setup_schema(tmp_path, {"type": "object", "additionalProperties": False})
    page = "---\ntitle: S\ntpye: symptom\n---\n# S\n\nText.\n"
    found = msgs(lint(page, select="CL203", config=cfg), "CL203")
    assert len(found) == 1 and found[0].endswith("did you mean 'type'?")


# -- 6. publisher review bylines give the reviewer and the date ---------------------------
@pytest.mark.parametrize("line, code, date", [
    ("Medically reviewed by Dr Jane Smith, MD on December 3, 2026", "CL206", "2026-12-03"),
    ("Last reviewed by a Cleveland Clinic medical professional on 03/03/2024.", "CL204",
     "2024-03-03"),
])
def test_publisher_bylines_are_read(line, code, date):
    found = lint(f"---\ntitle: S\n---\n# S\n\n{line}\n", select="CL204,CL205,CL206")
    assert msgs(found, "CL205") == []
    assert len(msgs(found, code)) == 1 and date in msgs(found, code)[0]


def test_a_next_review_after_a_byline_is_not_the_last_review():
    found = lint("---\ntitle: S\n---\n# S\n\nReviewed by Dr. A. Smith. Next review on "
                 "3 May 2027.\n", select="CL204,CL205,CL206")
    assert msgs(found, "CL205") == ["no review metadata: 'last_reviewed' missing"]
    assert msgs(found, "CL206") == []


# -- 7. a reference's year is its journal citation's, not a year in its title -------------
@pytest.mark.parametrize("ref, year", [
    ("Smith J. Heat wraps: a 2024 re-analysis of the 1998 trial. Spine. 2005;30:1-5. "
     "PMID: 12345678", 2005),
    ("Smith J. Heat wraps: the 2024 update. BMJ. 2005. PMID: 12345678", 2005),
    ("Smith J. Heat wraps. Spine. 2024;30:1-5. PMID: 12345678", None),
])
def test_reference_year_prefers_the_journal_citation(ref, year):
    page = (f"---\ntitle: S\n---\n# S\n\nHeat wraps relieve back pain [1].\n\n"
            f"## References\n\n1. {ref}\n")
    found = msgs(lint(page, select="CL409"), "CL409")
    assert found == ([f"the newest evidence this claim cites is from {year}, more than "
                      f"10 years old"] if year else [])


# -- 8. one mistake, one finding; blank values; future years; one way to count ------------
def entry_page(line, drop=None):
    fields = ["id: b", "year: 2018", "design: rct", "title: T", "doi: 10.1000/y"]
    fields = [f for f in fields if not drop or not f.startswith(drop)]
    body = "\n    ".join(fields + [line])
    return (f"---\ntitle: S\nreviewed_by: Dr A\nlast_reviewed: 2026-10-01\nevidence:\n"
            f"  - {body}\n---\n# S\n\nx may help [@b].\n")


@pytest.mark.parametrize("line, drop, code, text", [
    ("pmid: 12.5", None, "CL406", "PMID '12.5'"),
    ("doi: 10.1000", "doi", "CL406", "DOI '10.1000'"),
    ("year: 1500", "year", "CL203", "1500 is less than the minimum of 1800"),
    ("year: 2030", "year", "CL203", "evidence[0].year: 2030 is after this year"),
])
def test_one_evidence_mistake_gives_one_finding(line, drop, code, text):
    found = [f for f in lint(entry_page(line, drop)) if f.code[:3] in ("CL2", "CL4")]
    assert [(f.code, text in f.message) for f in found] == [(code, True)], found


@pytest.mark.parametrize("line, code, text", [
    ('reviewed_by: ""', "CL205", "no review metadata: 'reviewed_by' missing"),
    ("reviewed_by: [''] ", "CL205", "no review metadata: 'reviewed_by' missing"),
    ("last_reviewed: ~", "CL205", "no review metadata: 'last_reviewed' missing"),
    ('reviewed_by: " "', "CL205", "no review metadata: 'reviewed_by' missing"),
    ('title: " "', "CL203", "title: should not be blank"),
    ('reviewed_by: ["Dr A", " "]', "CL203", "reviewed_by: should not be blank"),
    ("next_review: ~", "CL203", "next_review: is empty"),
])
def test_one_review_key_mistake_gives_one_finding(line, code, text):
    key = line.split(":")[0]
    page = ("---\ntitle: S\nreviewed_by: Dr A\nlast_reviewed: 2026-10-01\n"
            "next_review: 2027-10-01\n---\n# S\n\nx.\n")
    lines = [line if ln.startswith(key + ":") else ln for ln in page.split("\n")]
    found = [f for f in lint("\n".join(lines), select="CL2") if f.code != "CL204"]
    assert [(f.code, f.message.startswith(text)) for f in found] == [(code, True)], found


def test_blank_evidence_fields_are_missing_and_entries_are_counted_from_zero():
    page = ("---\ntitle: S\nevidence:\n  - id: b\n    year: 2018\n    design: rct\n"
            "    title: ' '\n    doi: 10.1000/x\n  - title: ''\n---\n# S\n\nx may help [@b].\n")
    found = lint(page, select="CL203,CL405")
    assert msgs(found, "CL203") == []
    assert msgs(found, "CL405") == [
        "evidence entry 'b' has no title",
        "evidence[1] has no id, title, year or design",
        "evidence[1] has no identifier (one of doi, pmid, pmcid, nct, isbn, url)"]
