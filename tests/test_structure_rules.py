"""CL101-CL105: positions, messages, profiles and synonyms."""

from __future__ import annotations

import pytest

from conditionlint.api import lint_text
from tests.conftest import where

FULL = """\
# Migraine

Migraine is a headache disorder.

## Signs and symptoms

Throbbing pain.

## What causes migraine?

Unknown.

## How is migraine diagnosed

By history.

## Managing migraine

Rest.

## References

1. A reference.
"""


def lint(text: str, select: str = "CL1"):
    return lint_text(text, select=[select])


def test_complete_page_has_no_structure_findings():
    assert lint(FULL) == []


def test_missing_required_sections_point_at_h1_text():
    page = "---\ntitle: x\n---\n\n# Back pain\n\nIntro text.\n\n## Causes\n\nStrain.\n"
    found = lint(page, "CL101")
    assert [(f.line, f.column, f.end_line, f.end_column) for f in found] == [
        (5, 3, 5, 12), (5, 3, 5, 12)]
    msgs = [f.message for f in found]
    assert msgs[0].startswith("missing required section 'Symptoms'")
    assert msgs[1].startswith("missing required section 'Treatment'")
    assert all(f.severity == "error" for f in found)


def test_overview_comes_from_intro_text():
    no_intro = FULL.replace("Migraine is a headache disorder.\n\n", "")
    found = lint(no_intro, "CL101")
    assert len(found) == 1 and "'Overview'" in found[0].message
    assert where(found, "CL101") == [(1, 3)]


def test_overview_heading_counts():
    page = FULL.replace("Migraine is a headache disorder.\n\n",
                        "## Overview\n\nA headache disorder.\n\n")
    assert lint(page, "CL101") == []


def test_missing_title_reported_at_first_body_line():
    page = "---\ntitle: Sciatica\n---\n\n## Symptoms\n\nPain.\n"
    found = lint(page, "CL105")
    assert where(found, "CL105") == [(5, 1)]
    assert "add '# Sciatica'" in found[0].message


def test_recommended_sections_and_therapy_adds_risks():
    found = lint(FULL, "CL102")
    assert found == []
    therapy = "---\ntherapy: acupuncture\n---\n" + FULL
    found = lint(therapy, "CL102")
    assert [f.message.split("'")[1] for f in found] == ["Risks and side effects"]
    assert found[0].severity == "warning" and (found[0].line, found[0].column) == (4, 3)


def test_empty_and_duplicate_sections():
    page = FULL.replace("## Signs and symptoms\n\nThrobbing pain.\n",
                        "## Symptoms\n\n## Symptoms\n\nThrobbing pain.\n")
    found = lint(page)
    assert where(found, "CL103") == [(5, 4)]
    assert where(found, "CL104") == [(7, 4)]
    dup = [f for f in found if f.code == "CL104"][0]
    assert dup.message == "duplicate section 'Symptoms' (first at line 5)"


def test_same_heading_under_different_parents_is_not_duplicate():
    page = FULL + "\n## Neck\n\n### Symptoms\n\nStiff.\n\n## Back\n\n### Symptoms\n\nAche.\n"
    assert where(lint(page), "CL104") == []


def test_section_with_only_subsections_or_code_is_not_empty():
    page = FULL + "\n## Exercises\n\n```\nstretch\n```\n\n## More\n\n### Sub\n\nText.\n"
    assert where(lint(page), "CL103") == []


def test_sections_option_replaces_profile(tmp_path):
    cfg = tmp_path / ".conditionlint.yaml"
    cfg.write_text("rules:\n  CL101:\n    options:\n      sections: [urgent]\n")
    found = lint_text(FULL, select=["CL101"], config=cfg)
    assert [f.message.split("'")[1] for f in found] == ["When to get urgent help"]


def test_page_type_selects_profile():
    page = "---\ntype: therapy\n---\n# Acupuncture\n\nNeedles.\n\n## Symptoms\n\nNone.\n"
    found = lint(page, "CL101")
    assert [f.message.split("'")[1] for f in found] == ["Risks and side effects"]


def test_setext_heading_title_and_crlf_positions():
    page = "Back pain\r\n=========\r\n\r\nIntro.\r\n\r\n## Symptoms\r\n\r\nAche.\r\n"
    found = lint(page, "CL101")
    assert where(found, "CL101") == [(1, 1)]
    assert [f.message.split("'")[1] for f in found] == ["Treatment"]


def test_flattened_headings_of_scraped_pages_count():
    page = ("Gout\n\nGout is a type of arthritis.\n\nSymptoms\n\nSudden pain in a joint.\n\n"
            "**Treatment**\n\nRest and ice.\n\nCauses\n\nUric acid.\n\nDiagnosis\n\nA blood "
            "test.\n\nReferences\n\n1. A reference.\n")
    assert lint(page, "CL101") == []
    assert lint(page, "CL102") == []
    # A sentence that merely mentions symptoms is not a heading.
    prose = page.replace("Symptoms\n", "Symptoms vary a lot between people.\n")
    assert [f.message.split("'")[1] for f in lint(prose, "CL101")] == ["Symptoms"]


def test_publisher_and_clinic_heading_styles():
    page = ("# Hives\n\nHives is a raised, itchy rash.\n\n## Check if you have hives\n\nA rash."
            "\n\n## Things you can do yourself\n\nKeep cool.\n\n## How hives spread\n\nThey "
            "don't.\n\n## Non-urgent advice: See a GP if\n\n- it lasts\n")
    assert lint(page, "CL101") == []
    clinic = "# TMJ\n\nJaw pain.\n\n## Common symptoms\n\nClicking.\n\n## Our approach\n\nX.\n"
    assert lint(clinic, "CL101") == []


def test_footnotes_count_as_references():
    page = FULL.replace("## References\n\n1. A reference.\n", "") + \
        "\nIt may help.[^a]\n\n[^a]: Smith J. A study. 2020. doi:10.1000/xyz123\n"
    assert lint(page, "CL102") == []


def test_headings_on_their_own_lines_in_a_scraped_run_of_text():
    page = ("Earwax build-up\nEarwax falls out on its own.\nCheck if you have earwax "
            "build-up\nHearing loss and earache.\nHow you can treat earwax build-up "
            "yourself\nUse olive oil drops.\n")
    assert lint(page, "CL101") == []


@pytest.mark.parametrize("heading, found", [
    ("Migraine symptoms", "symptoms"), ("Migraine treatment", "treatment"),
    ("Migraine causes", "causes"), ("How migraine is diagnosed", "diagnosis"),
    ("How migraine is treated", "treatment"), ("Getting a diagnosis", "diagnosis"),
    ("How to manage migraine", "treatment"), ("Medical treatment", "treatment"),
    ("Symptoms & causes", "symptoms causes"), ("Diagnosis & treatment", "diagnosis treatment"),
])
def test_common_publisher_headings_name_their_section(heading, found):
    # each left its section "missing" (Mayo's "Symptoms & causes" counted once)
    from conditionlint.api import lint_text

    page = f"# Migraine\n\nA headache disorder.\n\n## {heading}\n\nText here.\n"
    missing = {f.message.split("'")[1].lower().split()[0]
               for f in lint_text(page, select=["CL101", "CL102"])}
    assert missing & set(found.split()) == set(), missing
    # and a heading that only mentions symptoms is no symptoms section
    other = "# Migraine\n\nA headache disorder.\n\n## Easing your symptoms\n\nRest.\n"
    assert "symptoms" in {f.message.split("'")[1].lower()
                          for f in lint_text(other, select=["CL101"])}
