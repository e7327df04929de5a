"""CL402 families of the nineteenth session (blind66-69 seen): experts who warn, the
seller's own records as a finding, testing called independent, endorsement by coaches
or trainers. Invented pages; each family with a look-alike that stays quiet."""

from __future__ import annotations

from conditionlint.api import lint_text


def vague(text: str) -> list[tuple[int, int, str]]:
    page = f"# Electrosensitivity\n\n{text}\n"
    return [(f.line, f.column, f.message) for f in lint_text(page, select="CL402")]


def msg(words: str) -> str:
    return f"vague evidence ('{words}'): name the source and cite it as an evidence entry"


def test_experts_who_warn():
    assert vague("Many physicists warn that modern phone masts harm sleep.") == [
        (3, 1, msg("Many physicists warn"))]
    assert vague("Many parents warn their children about masts.") == []
    assert vague("Some doctors warn about sunburn every summer.") == []


def test_the_sellers_own_records():
    assert vague("Our own patient records show an 88% success rate.") == [
        (3, 1, msg("Our own patient records show"))]
    assert vague("Our records show you are due a check-up in May.") == []
    assert vague("We keep everything in our records for seven years.") == []


def test_testing_called_independent():
    assert vague("Independent laboratory tests confirmed that it blocks radiation.") == [
        (3, 1, msg("Independent laboratory tests confirmed"))]
    assert vague("An independent pharmacist checks each batch.") == []


def test_endorsement_by_coaches_or_trainers():
    assert vague("Recommended by singing coaches across the country.") == [
        (3, 1, msg("Recommended by singing coaches"))]
    assert vague("Our coaches recommended rest after the match.") == []


def test_a_review_in_a_month_or_a_place_is_no_journal():
    # (the pattern for "a study published in The Lancet" is case-insensitive, so its
    # capital letter let "a review in May" through)
    assert vague("You are due a review in May. Book a review in your surgery.") == []
    assert vague("A review in Pediatrics found that it helps.") == [
        (3, 1, msg("A review in Pediatrics found that it helps"))]
