"""Claims round 32 (blind64 to blind75 seen; open-class families, recall first): a
pointer after a claim that cites nothing ("(see our page)", "([source](...))") no longer
pulls the model's score under the veto (an outside audit); a negated instruction whose
reason after a dash says what the act can do ("do not ... – this can ..."); a ticked
line that compares ("✓ Shorter, calmer nights"), wherever the comparative stands
(docs/round32.md).

Every page here is invented, not taken from the corpus. Each family is pinned by rule
code, line, column and message, with look-alikes that must stay as they are. Tests that
pin what the phrase rules decide run without the claim model (``rules_alone``); the
veto's tests run with the shipped model, its scores set by the test, so that only the
veto decides.
"""

from __future__ import annotations

import dataclasses

import pytest

from conditionlint import claimdetect, claimmodel
from tests.test_claims_round12 import _claim, _found, _page


@pytest.fixture
def scored_words(monkeypatch):
    """The shipped model, on: a sentence scores twice the veto unless one of the given
    words is among its features, then half the veto. Returns the list of the word
    features of every sentence scored."""
    model = claimmodel.load()
    assert model is not None and model.veto > 0
    claimmodel.use(dataclasses.replace(model, enabled=True))
    seen: list[list[str]] = []

    def use(*low: str) -> list[list[str]]:
        def score(m, feats, *a, **k):
            feats = list(feats)
            seen.append([f for f in feats if f.startswith("w:")])
            return model.veto / 2 if any("w:" + w in feats for w in low) else 2 * model.veto
        monkeypatch.setattr(claimdetect.claimmodel, "score", score)
        return seen
    yield use
    claimmodel.reset()


# -- the audit: a pointer after a claim that cites nothing -----------------------------------
@pytest.mark.parametrize("pointer", [
    " (see our page)",
    " (read more on our blog)",
    " ([source](https://example.com/))",
    " ([NHS](https://www.nhs.uk/conditions/back-pain/))",
    " [source](https://example.com/)",
])
def test_a_pointer_after_a_claim_is_not_scored_with_it(scored_words, pointer):
    scored_words("see", "our", "page", "source", "read", "more", "blog", "nhs")
    page = _page("Treatment", f"Pilates eases back pain{pointer}.")
    assert _found(page) == [("CL401", 5, 1, _claim("efficacy", "eases"))]


def test_the_veto_scores_the_claim_without_the_pointer(scored_words):
    seen = scored_words()
    _found(_page("Overview", "Pilates eases back pain (see our page)."))
    assert ["w:back", "w:eases", "w:pain", "w:pilates"] in seen
    assert not any("w:see" in words for words in seen)


def test_the_shipped_model_keeps_a_claim_followed_by_a_pointer():
    # the audit's sentences, under Overview, as shipped
    for tail in ("", " (see our page)", " ([source](https://example.com/))",
                 " ([source](https://www.nhs.uk/conditions/back-pain/))"):
        page = _page("Overview", f"Pilates eases pain{tail}.")
        assert _found(page) == [("CL401", 5, 1, _claim("efficacy", "eases"))], tail


def test_a_bracket_inside_the_claim_is_still_scored(scored_words):
    # not a pointer: a bracket that says who, or a link in the middle of the sentence
    scored_words("most", "adults")
    page = _page("Treatment", "Pilates eases back pain (in most adults).\n\n"
                              "Pilates eases [back pain](https://example.com/) in most adults.")
    assert _found(page) == []


def test_a_claim_that_cites_a_work_stays_quiet():
    page = _page("Treatment",
                 "Pilates eases back pain ([trial](https://pubmed.ncbi.nlm.nih.gov/31234567/)).")
    assert _found(page) == []


# -- (a) a negated instruction with its reason after a dash -----------------------------------
def test_a_negated_instruction_whose_reason_says_what_the_act_can_do(rules_alone):
    page = _page("Don't",
                 "- do not trim the nail straight after a bath \u2013 it can split down the middle\n"
                 "- avoid hot baths for a day \u2014 they may wrinkle the new graft")
    assert _found(page) == [("CL401", 5, 3, _claim("causal", "can split")),
                            ("CL401", 6, 3, _claim("causal", "may wrinkle"))]


def test_the_veto_keeps_a_negated_instruction_with_its_reason(scored_words):
    scored_words("press", "blister", "fluid", "skin", "push")
    page = _page("Don't",
                 "- do not press on the blister \u2013 this can push fluid deeper into the skin")
    assert _found(page) == [("CL401", 5, 3, _claim("causal", "can push"))]


def test_a_negated_instruction_without_such_a_reason_stays_quiet(rules_alone):
    page = _page("Don't",
                 "- do not go swimming \u2013 ask your pharmacist first\n"
                 "- do not ignore a fever \u2013 these can be signs of an infection\n"
                 "- press gently on the blister \u2013 this can push fluid out")
    assert _found(page) == []


# -- (b) a ticked line that compares -----------------------------------------------------------
def test_a_ticked_line_that_compares_claims(rules_alone):
    page = _page("How our programme helps",
                 "- \u2713 Shorter, calmer nights\n"
                 "- \u2713 Climb the stairs without a rail sooner\n"
                 "- \u2713 A lower chance of another flare")
    assert _found(page) == [("CL401", 5, 3, _claim("efficacy", "calmer")),
                            ("CL401", 6, 3, _claim("efficacy", "sooner")),
                            ("CL401", 7, 3, _claim("efficacy", "lower"))]


def test_a_ticked_line_with_a_word_in_er_that_does_not_compare_stays_quiet(rules_alone):
    # nor a comparative opening the line, before a word that is not of the body or the
    # skin (round 23's D2: a service's comparative)
    page = _page("Why choose us",
                 "- \u2713 Over 30 years in practice\n"
                 "- \u2713 Shorter queues at reception\n"
                 "- \u2713 Waterproof cover for the shower\n"
                 "- \u2713 Free parking for every customer")
    assert _found(page) == []


def test_a_comparative_on_a_line_without_a_tick_is_judged_as_before(rules_alone):
    page = _page("Our rooms", "- Shorter waits than last year at the front desk")
    assert _found(page) == []


# -- (c) the state after, told with "now" in a testimonial's last sentence --------------------
def test_the_state_after_told_with_now_claims(rules_alone):
    page = _page("What our families say",
                 '> "He barely said a word at three. Theo is now chatting in full '
                 'sentences." \u2014 Amy, Derby')
    assert _found(page) == [("CL401", 5, 36, _claim("efficacy", "is now"))]


def test_the_veto_keeps_the_state_after(scored_words):
    scored_words("we", "walk", "now", "dog", "the")
    page = _page("What our clients say", '> "We walk the dog together now!" \u2014 Sam, Hull')
    assert [(c, line, col) for c, line, col, _ in _found(page)] == [("CL401", 5, 3)]


def test_now_in_a_question_or_outside_a_quote_is_judged_as_before(rules_alone):
    page = _page("What our clients say",
                 '> "Is it working now?" \u2014 Sam, Hull\n\n'
                 "We now open on Saturdays.\n\n"
                 '> "I booked now and then, when the shop was quiet." \u2014 Sam, Hull')
    assert _found(page) == []


def test_the_change_told_with_no_longer_or_any_more_claims(rules_alone):
    page = _page("What our clients say",
                 '> "Sore for months. My knee does not click any more." \u2014 Jo, Hull\n\n'
                 '> "Three sessions in. Dad no longer wanders at night." \u2014 Kim, York')
    assert _found(page) == [("CL401", 5, 21, _claim("efficacy", "does not click any more")),
                            ("CL401", 7, 23, _claim("efficacy", "no longer wanders"))]


def test_any_more_inside_a_testimonial_sentence_is_judged_as_before(rules_alone):
    page = _page("What our clients say",
                 '> "I could not face any more of the drops, so I rang the clinic." \u2014 Jo, Hull')
    assert _found(page) == []


# -- the mend (review s21b, E5): service and logistics lines in the same blocks -------------
# The families read the shape of a reason, a state after or a change; a clinic page
# carries the same shapes about its booking, parking, travel, waiting, opening hours,
# staff, visits, prices and deliveries. Those stay quiet, by shape: the writer as the
# subject of the reason ("we can ..."), "can be" + a place's state, "no longer" + a
# service's problem or having to travel or wait, "now on our Nth visit", "now" + the
# service's hours, booking, prices or deliveries.
_REVIEW_LOOK_ALIKES = [
    "Do not worry \u2013 we can help you book a time that suits you.",
    "Avoid the car park on Mondays \u2013 it can be full by 9am.",
    '> "Parking is no longer a problem." \u2014 Pat, Leeds',
    '> "I no longer have to drive to Leeds for appointments." \u2014 Pat, Leeds',
    '> "The receptionist remembered my name, and we are now on our third visit." \u2014 Pat, Leeds',
]

_NEIGHBOURS = [
    "Don't worry \u2013 our team can help you find a time.",
    "Never feel rushed \u2013 we will always explain the costs first.",
    "Do not come early \u2013 we may still be with another patient.",
    "Avoid the lift at lunchtime \u2013 it can be slow.",
    "Avoid the A road \u2013 it may be closed for roadworks.",
    "Avoid Saturdays \u2013 the waiting room can be very busy.",
    '> "Waiting is no longer an issue." \u2014 Sam, Hull',
    '> "Booking is no longer a hassle." \u2014 Sam, Hull',
    '> "Getting there is no longer a worry." \u2014 Sam, Hull',
    '> "Delivery is no longer a worry." \u2014 Sam, Hull',
    '> "I no longer have to wait weeks for an appointment." \u2014 Sam, Hull',
    '> "We no longer have to queue at the hospital." \u2014 Sam, Hull',
    '> "I no longer have to take time off work for appointments." \u2014 Sam, Hull',
    '> "The staff are lovely and we are now on our fifth appointment." \u2014 Sam, Hull',
    '> "We are now on our second visit and the staff are great." \u2014 Sam, Hull',
    '> "I am now a regular at the clinic." \u2014 Sam, Hull',
    '> "They now open on Saturdays, which is great." \u2014 Sam, Hull',
    '> "The prices are now much fairer." \u2014 Sam, Hull',
    '> "I now book online every time." \u2014 Sam, Hull',
]


@pytest.mark.parametrize("line", _REVIEW_LOOK_ALIKES + _NEIGHBOURS)
def test_a_service_or_logistics_line_in_the_families_shapes_stays_quiet(rules_alone, line):
    assert _found(_page("Visiting us", line)) == []


@pytest.mark.parametrize("line", _REVIEW_LOOK_ALIKES)
def test_the_reviews_look_alikes_stay_quiet_as_shipped(line):
    assert _found(_page("Visiting us", line)) == []


def test_the_families_own_claims_are_still_found_beside_the_mend(rules_alone):
    # the harm of an act, a body's state after, a change in the body: not the service's
    page = _page("Don't",
                 "- do not pop the blister \u2013 it can become infected\n"
                 "- do not scratch \u2013 it can be itchy for days and can leave scars\n\n"
                 '> "We are now on our third week without a nosebleed." \u2014 Sam, Hull\n\n'
                 '> "My back is no longer a problem." \u2014 Sam, Hull\n\n'
                 '> "I no longer have to wear a splint at night." \u2014 Sam, Hull')
    assert [(code, line) for code, line, _, _ in _found(page)] == [
        ("CL401", 5), ("CL401", 6), ("CL401", 8), ("CL401", 10), ("CL401", 12)]


def test_the_veto_still_keeps_a_negated_reason_with_a_body_s_state(scored_words):
    scored_words("pop", "blister", "infected")
    page = _page("Don't", "- do not pop the blister \u2013 it can become infected")
    assert [(c, line, col) for c, line, col, _ in _found(page)] == [("CL401", 5, 3)]
