"""Sixteenth session (issue 4): a privacy promise is no claim of transmission. Round 9's
"transmission denied" pattern ("cannot be passed on through sex") also read "Your
details are not passed on to third parties", a line clinic pages carry beside their
booking form. These run as shipped: the model is on."""

from __future__ import annotations

import pytest

from tests.claim_sentences import cl401


@pytest.mark.parametrize("sentence", [
    "Your details are not passed on to third parties.",
    "Your personal information is not passed on to any third party.",
    "Your email address will never be shared and is not passed on to advertisers.",
    "Your records are not transmitted to insurers or employers.",
])
def test_a_privacy_promise_is_no_claim(sentence):
    assert cl401(sentence) is None


@pytest.mark.parametrize("sentence", [
    "Eczema is not passed on to other people by touch.",
    "Shingles cannot be passed on through the air.",
    "Warts are not spread by swimming pools.",
    "The virus is not transmitted to babies during breastfeeding.",
])
def test_transmission_denied_stays_a_causal_claim(sentence):
    assert cl401(sentence) == "causal"
