"""CL402 for authorities named by kind (issue 4): an organisation ("the American
Academy of Dermatology advises") or researchers placed only by their institution
("Harvard researchers found") invoked with nothing a reader can look up."""

from __future__ import annotations

import pytest

from tests.claim_sentences import cl402


@pytest.mark.parametrize("sentence, words", [
    ("The World Health Organization lists acupuncture for 28 conditions.", "Organization lists"),
    ("The American Academy of Dermatology advises daily sunscreen.",
     "Academy of Dermatology advises"),
    ("The Royal College of Obstetricians and Gynaecologists says ginger is safe.",
     "College of Obstetricians and Gynaecologists says"),
    ("The British Dietetic Association endorses a low-FODMAP diet.", "Association endorses"),
    ("Cancer Research UK states that sunbeds raise the risk of melanoma.", "Research UK states"),
    ("The National Institutes of Health has recognised yoga for back pain.",
     "Institutes of Health has recognised"),
    ("Harvard researchers found that walking lowers blood pressure.",
     "Harvard researchers found"),
    ("A team at Oxford University showed that the jab cut infections by half.",
     "A team at Oxford University showed"),
    ("Doctors at Johns Hopkins reported that symptoms fell by 40%.",
     "Doctors at Johns Hopkins reported that"),
])
def test_authorities_named_by_kind_are_vague_evidence(sentence, words):
    assert cl402(sentence) == [
        f"vague evidence ('{words}'): name the source and cite it as an evidence entry"]


@pytest.mark.parametrize("sentence", [
    "Your doctor found a lump and referred you.",
    "Doctors at the clinic found nothing wrong.",
    "The association was founded in 1990.",
    "Ask the British Heart Foundation for a leaflet.",
    "The society meets every month in the village hall.",
])
def test_nearby_sentences_invoke_no_evidence(sentence):
    assert cl402(sentence) == []
