"""CL407, CL410, CL411 wording found on blind pages: what is reported (code, position,
message) and what is not (negated, hedged, refund policies, routine self-care advice)."""

from __future__ import annotations

from conditionlint.api import lint_text
from tests.conftest import TODAY

ABS = "no treatment is guaranteed, permanent or free of risk, even with evidence"
CARE = "present the therapy alongside medical care, not instead of it"
PROMO = "implies the therapy is safe; describe its risks instead"


def found(text: str, select=("CL407", "CL410", "CL411")):
    return [(f.code, f.line, f.column, f.end_line, f.end_column, f.message)
            for f in lint_text(text, select=list(select), today=TODAY)]


def page(*paragraphs: str) -> str:
    return "# Page\n\n" + "\n\n".join(paragraphs) + "\n"


def test_permanence_and_absolute_safety_promises():
    text = page(
        "With monthly sessions, sinus headaches become a thing of the past.",
        "Unlike deep massage, Bowen never hurts.",
        "A course of three colonics breaks the worm life cycle for good.",
        "Our laser removes fungal nails permanently.",
        "Get rid of back pain once and for all.",
        "\"The pain has never come back.\"",
        "Our remedies will never interact with anything your GP prescribes.",
        "It is far more effective, and the results are permanent.")
    assert found(text, ["CL407"]) == [
        ("CL407", 3, 47, 3, 66, f"absolute claim ('a thing of the past'): {ABS}"),
        ("CL407", 5, 28, 5, 39, f"absolute claim ('never hurts'): {ABS}"),
        ("CL407", 7, 55, 7, 63, f"absolute claim ('for good'): {ABS}"),
        ("CL407", 9, 11, 9, 43, f"absolute claim ('removes fungal nails permanently'): {ABS}"),
        ("CL407", 11, 22, 11, 38, f"absolute claim ('once and for all'): {ABS}"),
        ("CL407", 13, 15, 13, 30, f"absolute claim ('never come back'): {ABS}"),
        ("CL407", 15, 19, 15, 38, f"absolute claim ('never interact with'): {ABS}"),
        ("CL407", 17, 35, 17, 56, f"absolute claim ('results are permanent'): {ABS}"),
    ]


def test_negated_hedged_and_idiomatic_absolutes_are_not_reported():
    text = page(
        "Keloids are notoriously hard to treat, and no single treatment works for everyone.",
        "Nothing works every time.",
        "This home remedy is unlikely to get rid of the cyst for good.",
        "Cautery usually stops bleeding from that vessel for good.",
        "Surgery may fix the problem permanently.",
        "It never hurts to ask your pharmacist.",
        "There is good reason for good sleep habits; they are a force for good.",
        "Surgery leaves a permanent numb patch between the toes.")
    assert found(text, ["CL407"]) == []


def test_refund_policy_is_not_a_promised_outcome():
    text = page("## 60-day money-back guarantee",
                "Love it or your money back, no questions asked.",
                "Results guaranteed or your next session is free.")
    assert found(text, ["CL407"]) == [
        ("CL407", 7, 9, 7, 19, f"absolute claim ('guaranteed'): {ABS}")]


def test_care_discouraging_wording():
    text = page(
        "Chelation is a powerful alternative to blood-thinning medication and bypass surgery.",
        "There's no need to keep dosing the whole family with chemicals.",
        "With our programme you won't need surgery.",
        "Avoid antibiotics and try our cranberry blend.",
        "Ditch your inhaler with our breathing course.",
        "Many clients are able to reduce their steroid dose after 40 dives.",
        "After four sessions we never needed the operation.")
    assert found(text, ["CL410"]) == [
        ("CL410", 3, 16, 3, 65, "discourages medical care ('powerful alternative to "
                                f"blood-thinning medication'): {CARE}"),
        ("CL410", 5, 9, 5, 63, "discourages medical care ('no need to keep dosing the whole "
                               f"family with chemicals'): {CARE}"),
        ("CL410", 7, 24, 7, 42, f"discourages medical care ('won't need surgery'): {CARE}"),
        ("CL410", 9, 1, 9, 18, f"discourages medical care ('Avoid antibiotics'): {CARE}"),
        ("CL410", 11, 1, 11, 19, f"discourages medical care ('Ditch your inhaler'): {CARE}"),
        ("CL410", 13, 26, 13, 51, "discourages medical care ('reduce their steroid dose'): "
                                  f"{CARE}"),
        ("CL410", 15, 24, 15, 50, "discourages medical care ('never needed the operation'): "
                                  f"{CARE}"),
    ]


def test_legitimate_care_advice_is_not_reported():
    text = page(
        "You do not need to see a GP for a cold.",
        "There's no need to see a GP if your symptoms are mild.",
        "Most people with a bunion won't need surgery.",
        "Avoid painkillers such as ibuprofen if you have asthma.",
        "Your GP may offer physiotherapy as an alternative to surgery.",
        "Your doctor may reduce your steroid dose slowly.",
        "Do not stop taking your medicines without talking to your GP.")
    assert found(text, ["CL410"]) == []


def test_natural_so_safe_wording():
    text = page(
        "Because it is plant-based and non-habit-forming, CoolNights is a safer choice "
        "than sleeping pills.",
        "Our balm is 100% natural.",
        "Gentle and natural, with no harsh chemicals.")
    assert found(text, ["CL411"]) == [
        ("CL411", 3, 1, 3, 26, f"promotional wording ('Because it is plant-based') {PROMO}"),
        ("CL411", 5, 13, 5, 25, f"promotional wording ('100% natural') {PROMO}"),
        ("CL411", 7, 1, 7, 19, f"promotional wording ('Gentle and natural') {PROMO}"),
        ("CL411", 7, 26, 7, 44, f"promotional wording ('no harsh chemicals') {PROMO}"),
    ]


def test_natural_without_a_safety_sense_is_not_reported():
    text = page("Because it is plant-based, it is suitable for vegans.",
                "It is completely natural to feel anxious before surgery.",
                "Natural does not mean safe: herbs can interact with medicines.")
    assert found(text, ["CL411"]) == []


def test_front_matter_description_wording_is_checked():
    text = ("---\ntitle: T\ndescription: Sinus headaches become a thing of the past.\n---\n"
            "# T\n\nText.\n")
    assert found(text, ["CL407"]) == [
        ("CL407", 3, 37, 3, 56, f"absolute claim ('a thing of the past'): {ABS}")]


def test_more_absolute_care_and_natural_wording():
    text = page(
        "Our therapy has a 100 per cent success rate.",
        "The remedy is free from side effects.",
        "You'll never suffer from migraines again.",
        "Instead of going to the doctor, try our tea.",
        "Don't bother seeing a GP for back pain, book with us.",
        "Why take drugs when nature has the answer?",
        "Our shots replace the need for medication.",
        "Herbal, so safe for the whole family.",
        "Nature's own painkiller eases joint pain.")
    assert [(c, ln, msg.split(":")[0]) for c, ln, _, _, _, msg in found(text)] == [
        ("CL407", 3, "absolute claim ('100 per cent success')"),
        ("CL407", 5, "absolute claim ('free from side effects')"),
        ("CL407", 7, "absolute claim ('never suffer from migraines again')"),
        ("CL410", 9, "discourages medical care ('Instead of going to the doctor')"),
        ("CL410", 11, "discourages medical care ('Don't bother seeing a GP')"),
        ("CL410", 13, "discourages medical care ('Why take drugs')"),
        ("CL410", 15, "discourages medical care ('replace the need for medication')"),
        ("CL411", 17, "promotional wording ('Herbal, so safe') implies the therapy is safe; "
                      "describe its risks instead"),
        ("CL411", 19, "promotional wording ('Nature's own painkiller') implies the therapy "
                      "is safe; describe its risks instead"),
    ]
    assert [(c, ln, col) for c, ln, col, *_ in found(text)] == [
        ('CL407', 3, 19), ('CL407', 5, 15), ('CL407', 7, 8),
        ('CL410', 9, 1), ('CL410', 11, 1), ('CL410', 13, 1),
        ('CL410', 15, 11), ('CL411', 17, 1), ('CL411', 19, 1)]


def test_more_fair_wording_is_not_reported():
    text = page(
        "No medicine is free from side effects.",
        "Once you have had chickenpox you usually never get it again.",
        "There is usually no need for antibiotics for a cold.",
        "Antibiotics won't help a cold.",
        "Organic cotton is used in our pads.")
    assert found(text) == []


def test_negated_cure_and_conditions_end_at_their_clause():
    text = page(
        "There is no medicine that cures bronchiolitis.",
        "Warts cannot be cured by diet.",
        "If the pain never comes back, you can stop the exercises.",
        "If injections do not help, a small operation fixes the problem permanently.",
        "Nothing else cures back pain like our programme.")
    assert [(c, ln, col, msg.split(":")[0]) for c, ln, col, _, _, msg in found(text)] == [
        ("CL407", 9, 46, "absolute claim ('fixes the problem permanently')"),
        ("CL407", 11, 14, "absolute claim ('cures')"),
    ]


def test_medical_terms_refusals_and_safety_advice_are_not_reported():
    text = page(
        "Some women get breakthrough bleeding in the first months on the pill.",
        "Avoid cured meats and pâté during pregnancy.",
        "We do not guarantee results.",
        "Stop taking your medicine and call 111 if you get a rash or swelling.",
        "Your GP may recommend physiotherapy instead of surgery.",
        "This new treatment is a breakthrough for arthritis.",
        "Stop taking your medication and try our detox instead.")
    assert [(c, ln, msg.split(":")[0]) for c, ln, _, _, _, msg in found(text)] == [
        ("CL407", 13, "absolute claim ('breakthrough')"),
        ("CL410", 15, "discourages medical care ('Stop taking your medication')")]
    assert [(c, ln, col) for c, ln, col, *_ in found(text)] == [
        ('CL407', 13, 25), ('CL410', 15, 1)]


def test_permanent_outcome_verbs_but_not_permanent_harm():
    text = page("Our laser permanently reduces unwanted hair.",
                "Loud music can permanently damage your hearing.",
                "The adjustment realigns your spine permanently.",
                "Enjoy permanent pain relief.")
    assert [(c, ln, msg.split(":")[0]) for c, ln, _, _, _, msg in found(text)] == [
        ("CL407", 3, "absolute claim ('permanently reduces')"),
        ("CL407", 7, "absolute claim ('realigns your spine permanently')"),
        ("CL407", 9, "absolute claim ('permanent pain relief')")]
    assert [(c, ln, col) for c, ln, col, *_ in found(text)] == [
        ('CL407', 3, 11), ('CL407', 7, 16), ('CL407', 9, 7)]


def test_you_do_not_need_surgery_but_not_for_a_cold():
    text = page("It is plant-based, so it is completely safe.",
                "You do not need surgery: our exercises fix it.",
                "You do not need antibiotics for a cold.",
                "Most people do not need surgery.")
    assert [(c, ln, msg.split(":")[0]) for c, ln, _, _, _, msg in found(text)] == [
        ("CL411", 3, "promotional wording ('plant-based, so it is completely safe') implies "
                     "the therapy is safe; describe its risks instead"),
        ("CL407", 3, "absolute claim ('completely safe')"),
        ("CL410", 5, "discourages medical care ('do not need surgery')")]
    assert [(c, ln, col) for c, ln, col, *_ in found(text)] == [
        ('CL411', 3, 7), ('CL407', 3, 29), ('CL410', 5, 5)]


def test_without_surgery_as_a_promise_but_not_as_the_natural_course():
    text = page("Your child can hear clearly again without grommets.",
                "Fix your back without surgery.",
                "Most ear infections clear up without antibiotics.",
                "Your body can fight off the infection without antibiotics.",
                "Almost everyone recovers without injections or surgery.")
    assert [(c, ln, col, msg.split(":")[0]) for c, ln, col, _, _, msg in found(text)] == [
        ("CL410", 3, 35, "discourages medical care ('without grommets')"),
        ("CL410", 5, 15, "discourages medical care ('without surgery')")]


def test_how_often_side_effects_happen_is_not_a_promise():
    text = page("Most people have no side effects, or only mild ones.",
                "You may have no side effects at all.",
                "Acupuncture has no side effects.")
    assert [(c, ln, col) for c, ln, col, *_ in found(text)] == [("CL407", 7, 17)]


def test_coming_off_medication_as_an_outcome_but_not_a_finished_course():
    text = page(
        "Many of our clients have been able to come off their preventative medication.",
        "We recommend stopping your reflux tablets before your first session.",
        "I threw my pills in the bin and haven't had a migraine since.",
        "Thousands of happy customers have ditched their sleeping tablets.",
        "Stop taking the tablets once the rash has gone.",
        "Stopping your blood pressure tablets suddenly can be dangerous, so talk to your GP.",
        "She came off her antidepressants slowly with her GP's help.")
    assert [(c, ln, msg.split(":")[0]) for c, ln, _, _, _, msg in found(text)] == [
        ("CL410", 3, "discourages medical care ('come off their preventative medication')"),
        ("CL410", 5, "discourages medical care ('stopping your reflux tablets')"),
        ("CL410", 7, "discourages medical care ('threw my pills')"),
        ("CL410", 9, "discourages medical care ('ditched their sleeping tablets')")]
    assert [(c, ln, col) for c, ln, col, *_ in found(text)] == [
        ('CL410', 3, 39), ('CL410', 5, 14), ('CL410', 7, 3),
        ('CL410', 9, 35)]


def test_disparaging_medical_care_and_natural_so_no_side_effects():
    text = page(
        "Your GP will only offer you more pills, but we treat the whole person.",
        "Painkillers only mask the symptoms.",
        "Our tincture is made from pure botanicals, so there are no nasty side effects.")
    assert [(c, ln, msg.split(":")[0]) for c, ln, _, _, _, msg in found(text)] == [
        ("CL410", 3, "discourages medical care ('Your GP will only offer you more pills')"),
        ("CL410", 5, "discourages medical care ('Painkillers only mask')"),
        ("CL411", 7, "promotional wording ('botanicals, so there are no nasty side effects') "
                     "implies the therapy is safe; describe its risks instead"),
        ("CL407", 7, "absolute claim ('no nasty side effects')")]
    assert [(c, ln, col) for c, ln, col, *_ in found(text)] == [
        ('CL410', 3, 1), ('CL410', 5, 1), ('CL411', 7, 32),
        ('CL407', 7, 57)]


def test_publisher_cautions_are_not_absolute_claims():
    text = page(
        "No treatment can guarantee a cure.",
        "Vaccines work well, but no vaccine is 100% effective.",
        "Removing the tonsils usually stops tonsillitis for good.",
        "Stop taking the antibiotics and get medical help if you get a rash.",
        "Most children grow out of it and never need surgery.",
        "You can buy painkillers without a prescription.",
        "Some people choose herbal remedies, but natural does not always mean safe.")
    assert found(text) == []


def test_service_guarantees_are_not_outcome_guarantees():
    text = page("Free delivery guaranteed.", "Confidentiality guaranteed.",
                "Satisfaction guaranteed or your money back.", "Pain relief guaranteed.")
    assert [(c, ln, col) for c, ln, col, *_ in found(text)] == [("CL407", 9, 13)]


def test_product_page_wording():
    text = page(
        "Why suffer on painkillers? Try our balm.",
        "Get your mobility back without the nasty side effects of anti-inflammatories.",
        "Because turmeric has been used for thousands of years, you know it's safe.",
        "Suitable for use alongside all medications.",
        "It won't interact with anything your doctor prescribes.")
    assert [(c, ln, msg.split(":")[0]) for c, ln, _, _, _, msg in found(text)] == [
        ("CL410", 3, "discourages medical care ('Why suffer on painkillers')"),
        ("CL411", 5, "promotional wording ('without the nasty side effects of') implies the "
                     "therapy is safe; describe its risks instead"),
        ("CL411", 7, "promotional wording ('for thousands of years, you know it's safe') "
                     "implies the therapy is safe; describe its risks instead"),
        ("CL407", 9, "absolute claim ('Suitable for use alongside all medications')"),
        ("CL407", 11, "absolute claim ('won't interact with anything')")]
    assert [(c, ln, col) for c, ln, col, *_ in found(text)] == [
        ('CL410', 3, 1), ('CL411', 5, 24), ('CL411', 7, 32),
        ('CL407', 9, 1), ('CL407', 11, 4)]


def test_clinic_sales_lines():
    text = page(
        "Drug-free relief. No injections, no surgery, just results.",
        "Our adjustments correct the root cause, so the pain doesn't return.",
        "Chiropractic delivers lasting results without risk.",
        "Say no to opioids. Choose chiropractic.",
        "See a GP if your period doesn't return within 3 months.",
        "Say no to antibiotics for colds.")
    assert [(c, ln, msg.split(":")[0]) for c, ln, _, _, _, msg in found(text)] == [
        ("CL411", 3, "promotional wording ('Drug-free') implies the therapy is safe; "
                     "describe its risks instead"),
        ("CL410", 3, "discourages medical care ('No injections, no surgery')"),
        ("CL407", 5, "absolute claim ('doesn't return')"),
        ("CL407", 7, "absolute claim ('without risk')"),
        ("CL410", 9, "discourages medical care ('Say no to opioids')")]
    assert [(c, ln, col) for c, ln, col, *_ in found(text)] == [
        ('CL411', 3, 1), ('CL410', 3, 19), ('CL407', 5, 53),
        ('CL407', 7, 39), ('CL410', 9, 1)]


def test_side_effect_frequency_for_most_people_is_not_a_promise():
    text = page("Paracetamol is free from side effects for most people.",
                "Our tea is free from side effects.")
    assert [(c, ln, col) for c, ln, col, *_ in found(text)] == [("CL407", 5, 12)]


def test_publisher_medicine_advice_is_not_care_discouraging():
    text = page("No medical procedure is without risk.",
                "Surgery is not without risk.",
                "Try to avoid medicines in early pregnancy.",
                "Avoid medication overuse headache by limiting painkillers.",
                "Try to cut down on your painkillers if you get headaches most days.",
                "There's no need to keep using the cream once the rash has gone.")
    assert found(text) == []


def test_population_hedges_and_tradition_disclaimers():
    text = page("Most people never get shingles again.",
                "Once treated, scabies won't come back unless you're re-infected.",
                "Choosing plant-based foods is a healthier choice than processed meat.",
                "Herbal remedies have been used for centuries, but that doesn't mean "
                "they're safe.",
                "Our herbal tea has been used for centuries, so you know it's safe.")
    assert [(c, ln, col) for c, ln, col, *_ in found(text)] == [("CL411", 11, 30)]


# -- eighteenth session's rule audit -----------------------------------------------------
def test_a_negated_absolute_or_a_warning_about_one_is_not_reported():
    # each of these was an error-severity CL407: an honest safety statement
    for text in ("Acupuncture is not risk-free.", "Acupuncture isn't 100% safe.",
                 "No herb is risk-free.", "Cupping is never risk-free.",
                 "Surgery does not offer permanent relief.",
                 "There is no such thing as a miracle cure.",
                 "Don't believe websites that promise guaranteed results.",
                 "Claims of permanent relief should make you suspicious."):
        assert found(page(text), ("CL407",)) == [], text


def test_one_phrase_is_one_finding():
    # "miracle cure" and "cures it for good" gave two findings each
    assert found(page("Our tea is a miracle cure."), ("CL407",)) == [
        ("CL407", 3, 14, 3, 26, f"absolute claim ('miracle cure'): {ABS}")]
    assert found(page("Our balm cures it for good."), ("CL407",)) == [
        ("CL407", 3, 10, 3, 27, f"absolute claim ('cures it for good'): {ABS}")]
    assert found(page("It completely eliminates pain."), ("CL407",)) == [
        ("CL407", 3, 4, 3, 25, f"absolute claim ('completely eliminates'): {ABS}")]
    # two claims with punctuation between stay two
    assert [f[2] for f in found(page("Guaranteed results, 100% safe."), ("CL407",))] == [1, 21]


def test_no_need_to_see_a_doctor_is_reported():
    # the group's "see a doctor" (safety advice) cancelled the very phrase
    assert found(page("With our drops there is no need to see a doctor."), ("CL410",)) == [
        ("CL410", 3, 25, 3, 48,
         f"discourages medical care ('no need to see a doctor'): {CARE}")]
    assert found(page("There is no need to see a GP for a cold."), ("CL410",)) == []
    assert found(page("Stop taking the tablets and see a doctor if you get a rash."),
                 ("CL410",)) == []


def test_overstated_wording_beyond_the_claim_cues():
    # "lowers", "treats", "works for", "boosts", "reduced ... by half" on an animal
    # study gave no CL408 (only reduces/relieves/improves/eliminates/... did)
    head = ("---\ntitle: X\nevidence:\n  - id: anim\n    title: A rat study\n    year: 2020\n"
            "    design: animal\n    doi: 10.1000/xyz\n---\n# X\n\n")
    for text, word in (("Garlic lowers blood pressure [@anim].", "lowers"),
                       ("Ginger treats nausea [@anim].", "treats"),
                       ("Cupping works for neck pain [@anim].", "works for"),
                       ("Massage boosts immunity [@anim].", "boosts"),
                       ("Ginger reduced nausea by half [@anim].", "reduced")):
        got = lint_text(head + text + "\n", select=["CL408"], today=TODAY)
        assert [(f.line, f.message) for f in got] == [
            (12, f"'{word}' overstates the evidence cited ('anim' is animal): hedge the "
                 f"claim (e.g. 'may')")], text
    assert lint_text(head + "Garlic may lower blood pressure [@anim].\n", select=["CL408"],
                     today=TODAY) == []
