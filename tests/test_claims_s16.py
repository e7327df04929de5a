"""Sixteenth session (issue 4): a privacy promise is no claim of transmission. Round 9's
"transmission denied" pattern ("cannot be passed on through sex") also read "Your
details are not passed on to third parties", a line clinic pages carry beside their
booking form. The exclusion goes by what is kept private, the sentence's subject, not by
the recipient: "partners" and "anyone" receive infections too (review 24, D1 and D2).
These run as shipped: the model is on."""

from __future__ import annotations

import pytest

from tests.claim_sentences import cl401


@pytest.mark.parametrize("sentence", [
    "Your details are not passed on to third parties.",
    "Your personal information is not passed on to any third party.",
    "Your email address will never be shared and is not passed on to advertisers.",
    "Your records are not transmitted to insurers or employers.",
    "Your details are not passed on to your employer.",
    "Your results are not passed on to your GP without your permission.",
    "Your card details are not passed on to us.",
    "Personal information is not passed on to any other organisation.",
    "Your medical records will never be shared with your insurer.",
])
def test_a_privacy_promise_is_no_claim(sentence):
    assert cl401(sentence) is None


@pytest.mark.parametrize("sentence", [
    "Eczema is not passed on to other people by touch.",
    "Shingles cannot be passed on through the air.",
    "Warts are not spread by swimming pools.",
    "The virus is not transmitted to babies during breastfeeding.",
    "HIV is not passed on to partners when the viral load is undetectable.",
    "Warts cannot be spread to anyone by sharing towels.",
    "Cold sores can't be passed on to anyone once the blister has healed.",
])
def test_transmission_denied_stays_a_causal_claim(sentence):
    assert cl401(sentence) == "causal"
