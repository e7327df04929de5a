"""CL501-CL503 judged on pages written the way publishers and clinics write them
(tests/pages/safety/, hand-labelled in labels.yaml), on the seed page, and with the
disclaimer example of docs/format.md."""

from __future__ import annotations

import re

import pytest
import yaml

from conditionlint.api import lint_text
from tests.conftest import ROOT, SHARED, TODAY

PAGES = ROOT / "tests" / "pages" / "safety"
HOLDOUT = ROOT / "tests" / "pages" / "safety-holdout"
HOLDOUT2 = ROOT / "tests" / "pages" / "safety-holdout2"
LABELS = yaml.safe_load((PAGES / "labels.yaml").read_text(encoding="utf-8"))
ALL = [(folder, n) for folder in (PAGES, HOLDOUT, HOLDOUT2) for n in sorted(
    yaml.safe_load((folder / "labels.yaml").read_text(encoding="utf-8")))]
SEED = SHARED / "seeds" / "000_b7ecc10a96cb5304.txt"


def docs_disclaimer() -> str:
    text = (ROOT / "docs" / "format.md").read_text(encoding="utf-8")
    m = re.search(r"<!-- disclaimer-example -->\n```markdown\n(.*?)```\n"
                  r"<!-- end: disclaimer-example -->", text, re.S)
    assert m, "docs/format.md lost its disclaimer example markers"
    return m.group(1)


@pytest.mark.parametrize("folder", [PAGES, HOLDOUT, HOLDOUT2], ids=lambda p: p.name)
def test_every_page_is_labelled(folder):
    labels = yaml.safe_load((folder / "labels.yaml").read_text(encoding="utf-8"))
    assert sorted(labels) == sorted(p.name for p in folder.glob("*.md"))


@pytest.mark.parametrize("folder,name", ALL, ids=[f"{f.name}/{n}" for f, n in ALL])
def test_disclaimer_and_urgent_judgement(folder, name):
    label = yaml.safe_load((folder / "labels.yaml").read_text(encoding="utf-8"))[name]
    text = (folder / name).read_text(encoding="utf-8")
    findings = lint_text(text, path=name, select=["CL501", "CL502", "CL503"], today=TODAY)
    codes = [f.code for f in findings]
    if label["disclaimer"] == "none":
        assert "CL501" in codes and "CL502" not in codes, codes
    elif label["disclaimer"] == "complete":
        assert "CL501" not in codes and "CL502" not in codes, codes
    else:
        assert "CL501" not in codes, codes
        (partial,) = [f for f in findings if f.code == "CL502"]
        named = re.findall(r"\[([a-z-]+)\]", partial.message)
        assert named == label["missing"], partial.message
    if label["urgent"] is not None:
        assert ("CL503" not in codes) == label["urgent"], codes
    else:
        assert "CL503" not in codes
    if label.get("lookalike"):
        (f501,) = [f for f in findings if f.code == "CL501"]
        assert "advertising or cookies" in f501.message


def test_advertising_notice_under_a_disclaimer_heading_does_not_count():
    text = (PAGES / "sponsored-disclaimer-heading.md").read_text(encoding="utf-8")
    (f,) = lint_text(text, select=["CL501"], today=TODAY)
    assert (f.line, f.column) == (1, 3)  # the H1 text
    assert "the notice at line 13 is about advertising or cookies" in f.message


def test_one_line_consult_your_doctor_is_partial_and_names_what_is_missing():
    text = (PAGES / "one-line-consult.md").read_text(encoding="utf-8")
    (f,) = lint_text(text, select=["CL502"], today=TODAY)
    assert (f.line, f.column, f.severity) == (13, 3, "warning")
    assert f.message == (
        "the disclaimer does not say: (1) the page is general information, not a substitute"
        " for professional advice, diagnosis or treatment [not-advice]; (3) what to do in "
        "an emergency [emergency]; (4) readers should not stop or change prescribed "
        "treatment without their prescriber [prescribed-treatment]; (5) individual results"
        " vary and no outcome is guaranteed [results-vary]")


def test_required_elements_are_configurable(tmp_path):
    cfg = tmp_path / ".conditionlint.yaml"
    cfg.write_text("rules:\n  CL502:\n    options:\n"
                   "      required: [not-advice, consult-clinician]\n")
    text = (PAGES / "one-line-consult.md").read_text(encoding="utf-8")
    (f,) = lint_text(text, select=["CL502"], today=TODAY, config=cfg)
    assert re.findall(r"\[([a-z-]+)\]", f.message) == ["not-advice"]


def test_unknown_element_in_options_is_a_config_error(tmp_path):
    from conditionlint.config import ConfigError

    cfg = tmp_path / ".conditionlint.yaml"
    cfg.write_text("rules:\n  CL502:\n    options:\n      required: [not-advise]\n")
    with pytest.raises(ConfigError) as exc:
        lint_text("# x\n", config=cfg)
    assert exc.value.line == 4


def test_urgent_section_without_action_points_at_its_heading():
    text = (PAGES / "red-flags-no-action.md").read_text(encoding="utf-8")
    (f,) = lint_text(text, select=["CL503"], today=TODAY)
    assert (f.line, f.column) == (19, 4)
    assert f.message.startswith("section 'Red flags' does not say what to do")


def test_cl503_only_for_condition_and_symptom_pages(tmp_path):
    page = "---\ntitle: T\ntype: {}\n---\n# T\n\nText.\n"
    assert [f.code for f in lint_text(page.format("test"), select=["CL503"])] == []
    assert [f.code for f in lint_text(page.format("symptom"), select=["CL503"])] == ["CL503"]
    cfg = tmp_path / ".conditionlint.yaml"
    cfg.write_text("rules:\n  CL503:\n    options:\n      page-types: [test]\n")
    assert [f.code for f in lint_text(page.format("test"), select=["CL503"],
                                      config=cfg)] == ["CL503"]


@pytest.mark.parametrize("sentence,ok", [
    ("Call 911 if you have chest pain that spreads to your arm.", True),
    ("Go to your nearest emergency department if the pain is sudden and severe.", True),
    ("Seek immediate medical attention if your leg becomes weak.", True),
    ("Ring 112 straight away if someone faints and does not wake.", True),
    ("See a GP urgently if you have a high temperature with back pain.", True),
    ("Doctors check for red flags such as bladder changes.", False),
    ("See a GP if the pain lasts more than six weeks.", False),
    ("Book a consultation to find out how we can help.", False),
    ("Back pain is rarely a medical emergency.", False),
    ("Ask for an urgent GP appointment if you also have a fever.", True),
    ("Call triple zero (000) if the person stops breathing.", True),
])
def test_urgent_care_sentences(sentence, ok):
    page = f"# Back pain\n\nBack pain is common.\n\n{sentence}\n"
    assert (not lint_text(page, select=["CL503"])) == ok


# -- the seed page (read at test time; its text is not kept in the project) ------------
@pytest.fixture
def seed_copy(tmp_path):
    if not SEED.exists():
        pytest.skip("the seed page is not available")
    p = tmp_path / "back-and-neck-pain.md"
    p.write_bytes(SEED.read_bytes())
    return p


def test_seed_page_safety_and_metadata(seed_copy):
    codes = {f.code for f in lint_text(seed_copy.read_bytes(), path=seed_copy.name,
                                       today=TODAY)}
    assert {"CL501", "CL503", "CL201"} <= codes
    assert "CL502" not in codes


def test_seed_page_with_docs_disclaimer_passes_cl5(seed_copy):
    data = seed_copy.read_bytes() + b"\n\n" + docs_disclaimer().encode("utf-8")
    codes = [f.code for f in lint_text(data, path=seed_copy.name, today=TODAY)]
    assert not [c for c in codes if c.startswith("CL5")], codes


def test_full_disclaimer_page_uses_the_docs_example():
    page = (PAGES / "full-disclaimer.md").read_text(encoding="utf-8")
    assert docs_disclaimer() in page


# -- where a disclaimer may stand --------------------------------------------------------
FULL = ("This page is general information, not a substitute for professional medical "
        "advice. Always talk to your doctor before starting a treatment. Do not stop a "
        "prescribed medicine without your prescriber. In an emergency call 999. "
        "Results vary.")


@pytest.mark.parametrize("page", [
    f"# T\n\nText.\n\n## Medical disclaimer\n\n{FULL}\n",
    f"# T\n\nText.\n\n**Disclaimer:** {FULL}\n",
    f"# T\n\nText.\n\n**Health disclaimer**\n\n{FULL}\n",
    f"# T\n\nText.\n\n> {FULL}\n",
    f"---\ntitle: T\ndisclaimer: \"{FULL}\"\n---\n# T\n\nText.\n",
    f"# T\n\n{FULL}\n\n## Symptoms\n\nPain.\n",
])
def test_disclaimer_places(page):
    codes = [f.code for f in lint_text(page, select=["CL501", "CL502"])]
    assert codes == []


def test_partial_front_matter_disclaimer_points_at_its_key():
    page = "---\ntitle: T\ndisclaimer: We accept no liability.\n---\n# T\n\nText.\n"
    (f,) = lint_text(page, select=["CL501", "CL502"])
    assert (f.code, f.line, f.column) == ("CL502", 3, 1)
    assert "[not-advice]" in f.message
    page = "---\ntitle: T\ndisclaimer: For information purposes only.\n---\n# T\n\nText.\n"
    (f,) = lint_text(page, select=["CL501", "CL502"])
    assert (f.code, f.line, f.column) == ("CL502", 3, 1)
    assert "[not-advice]" not in f.message


def test_disclaimer_inside_code_does_not_count():
    page = f"# T\n\nText.\n\n```\n{FULL}\n```\n"
    assert [f.code for f in lint_text(page, select=["CL501"])] == ["CL501"]


def test_disclaimer_and_urgent_advice_in_raw_html():
    page = ("# T\n\nText.\n\n<div class=\"note\">\n<p>If you have chest pain, call 911.</p>\n"
            "</div>\n\n<footer><p><em>Disclaimer:</em> this page is for informational\n"
            "purposes only.</p></footer>\n")
    got = [(f.code, f.line, f.column) for f in
           lint_text(page, select=["CL501", "CL502", "CL503"])]
    assert got == [("CL502", 9, 16)]  # the text after <footer><p><em>
    f = lint_text(page, select=["CL502"])[0]
    assert "[not-advice]" not in f.message and "[emergency]" not in f.message
