"""Claims round 10: cue families for the misses and false findings of blind set 10
(docs/claims.md, "Round 10").

Every sentence here is invented, not taken from the corpus: each family gets claims
that must be found and nearby sentences that must stay quiet.
"""

from __future__ import annotations

import pytest

from conditionlint.api import lint_text
from conditionlint.sentences import split
from tests.claim_sentences import cl401, cl402
from tests.conftest import TODAY


# -- the course and outlook in publisher voice --------------------------------------------
@pytest.mark.parametrize("sentence", [
    "Hearing in the other ear is usually preserved.",
    "The small joints of the hand are usually spared.",
    "Fertility is normally unaffected.",
    "Attacks rarely last longer than an hour.",
    "A flare almost never lasts more than a week.",
    "The numbness usually only lasts a few hours.",
    "A cough like this can drag on for several weeks.",
    "Left untreated, though, the rash can spread to the eyes.",
    "Having a bulging disc doesn't mean you'll need surgery.",
    "A diagnosis of glaucoma does not mean you will go blind.",
    "The outlook is less good when the cancer has spread.",
    "The prognosis is worse if the kidneys are affected.",
    "Many babies with reflux feed perfectly well.",
    "Most children with a heart murmur grow normally.",
    "Children adapt remarkably well to losing the sight in one eye.",
    "The brain compensates well for the loss over a few weeks.",
    "It may take a few weeks for an antidepressant to take effect.",
    "A small number of adults are left with a painless bump below the knee.",
    "A small number of patients have some loss of control of wind afterwards.",
])
def test_course_and_outlook(sentence, rules_alone):
    assert cl401(sentence) == "prognosis"


@pytest.mark.parametrize("sentence", [
    "Samples are usually preserved in formalin before testing.",
    "Appointments rarely last longer than 40 minutes.",
    "Our classes usually only last an hour.",
    "This doesn't mean you'll need to pay again.",
    "That doesn't mean you will have to wait longer for an appointment.",
    "Our outlook is simple: patients come first.",
    "Many babies feed every two to three hours.",
    "Most people with the condition have no symptoms at all.",
    "Staff adapt the programme to each family.",
    "It can take up to two weeks for your results to arrive.",
    "Headaches come in clusters that can go on for weeks.",
    "A small number of patients have their operation as a day case.",
])
@pytest.mark.usefixtures("rules_alone")
def test_nearby_course_sentences_claim_nothing(sentence):
    assert cl401(sentence) is None


# -- instructions whose reason clause is a claim -------------------------------------------
@pytest.mark.parametrize("sentence, kind", [
    ("Avoid hot showers and bubble baths, which dry the skin further.", "causal"),
    ("Skip alcohol-based toners, which strip the skin barrier.", "causal"),
    ("Avoid fizzy drinks, which erode tooth enamel.", "causal"),
    ("Do not take ibuprofen with this medicine, because the two together can cause "
     "stomach bleeding.", "safety"),
    ("Leave the gel on overnight so that the active ingredient stays on the skin.",
     "mechanism"),
    ("Drink plenty of water so that your stools stay soft.", "mechanism"),
    ("Tilt your head back so the drops can reach the back of the nose.", "mechanism"),
])
def test_instructions_with_a_claiming_reason(sentence, kind, rules_alone):
    assert cl401(sentence) == kind


@pytest.mark.parametrize("sentence", [
    "Avoid products that list fragrance first.",
    "Do not drive while you are waiting, because the clinic can be busy.",
    "Arrive ten minutes early so that the receptionist can check you in.",
    "Bring your glasses so that you can read the forms.",
    "Relax your shoulders and breathe out slowly.",
    "Relax your jaw and let your tongue rest behind your teeth.",
])
@pytest.mark.usefixtures("rules_alone")
def test_plain_instructions_stay_quiet(sentence):
    assert cl401(sentence) is None


def test_a_bold_instruction_in_a_numbered_list_is_one_sentence_and_no_claim(rules_alone):
    # "4. **Relax your muscles** one group at a time." was a false finding whose span,
    # shown as "Relax your muscles** one group at a time.", looked cut by the splitter.
    # It is not: the sentence is whole, and its span starts where its words start (the
    # blanked "**" before them is trimmed, as for every sentence). The finding came from
    # the "relax ... muscles" efficacy cue; "Relax" now opens an instruction.
    text = "   Relax your muscles   one group at a time."
    assert [text[a:b] for a, b in split(text)] == [
        "Relax your muscles   one group at a time."]
    page = ("# Panic attacks\n\n## Ways to cope\n\n"
            "3. **Breathe out slowly.**\n4. **Relax your muscles** one group at a time.\n")
    assert lint_text(page, select=["CL401"], today=TODAY) == []
    assert cl401("Our massage relaxes tight muscles.") is not None


# -- first-person results in blogs and reviews ---------------------------------------------
@pytest.mark.parametrize("sentence", [
    "My migraines went from three a week to one a month.",
    "Honestly, my hot flushes dropped from hourly to a couple a day.",
    "Her seizures went from daily to about once a week.",
    "This is the supplement that gave me my life back.",
    "The sessions got my confidence back.",
    "I finally have my life back.",
    "A month on the tea and I'm a new man!",
    "Pelvic floor physio is massively underrated.",
    "Most people go straight back to work the next day.",
])
def test_first_person_results(sentence, rules_alone):
    assert cl401(sentence) is not None


@pytest.mark.parametrize("sentence", [
    pytest.param("I went from part-time to full-time work last spring.", marks=pytest.mark.xfail(
        strict=True, reason="known false finding since model25: the model retrained "
        "through blind87 scores it 0.457, over its threshold 0.375 (the one before: 0.315, "
        "under 0.35; docs/model25.md)")),
    "We moved from Leeds to York in 2019.",
    "I got my driving licence back after the appeal.",
    "She is a new mum and a keen runner.",
    "Please go straight back to reception after your scan.",
])
def test_nearby_first_person_sentences_claim_nothing(sentence):
    assert cl401(sentence) is None


# -- standing --------------------------------------------------------------------------------
@pytest.mark.parametrize("sentence", [
    "Exercise is the cornerstone of looking after your back.",
    "Inhaled steroids remain the mainstay of asthma treatment.",
    "Metformin is usually the first medicine doctors try.",
    "Antihistamines are the first treatment most GPs recommend.",
    "- First choice for mild acne",
    "- First-line option for stubborn warts",
])
def test_standing(sentence, rules_alone):
    assert cl401(sentence) is not None


@pytest.mark.parametrize("sentence", [
    "The first thing to do is call your GP.",
    "First appointments are 45 minutes.",
    "Our founder is the cornerstone of the team.",
    # blind3's labels count this as no claim
    "Steroid creams are usually tried first.",
])
def test_nearby_standing_sentences_claim_nothing(sentence):
    assert cl401(sentence) is None


# -- mechanisms in clinic copy ---------------------------------------------------------------
@pytest.mark.parametrize("sentence", [
    "It gently moves fluid away from the ankles.",
    "Our technique drains excess lymph towards the armpit.",
    "Dandelion root kick-starts sluggish digestion.",
    "A morning dose jump-starts your metabolism.",
    "Our scalp serum wakes up dormant follicles.",
    "Warm lemon water gets your bowels moving.",
])
def test_mechanisms_in_clinic_copy(sentence, rules_alone):
    assert cl401(sentence) == "mechanism"


@pytest.mark.parametrize("sentence", [
    "Kick-start your day with our breakfast menu.",
    "Blood moves through the body in the arteries and veins.",
    "We moved the clinic away from the town centre.",
])
def test_nearby_mechanism_sentences_claim_nothing(sentence):
    assert cl401(sentence) is None


# -- causes, odds and courses of change ------------------------------------------------------
@pytest.mark.parametrize("sentence", [
    "Sitting all day pulls on the tendons at the back of the knee.",
    "A tight band of tissue stops the jaw opening fully.",
    "The most common cause in children is a virus.",
    "Without enough sleep, blood pressure can climb quickly.",
])
def test_causes_named(sentence, rules_alone):
    assert cl401(sentence) == "causal"


@pytest.mark.parametrize("sentence", [
    "Visiting at mealtimes means your relative is more likely to eat and drink.",
    "Stopping smoking means you are less likely to need an amputation.",
    "Regular exercise may delay the loss of bone after the menopause.",
    "Eye drops can slow the progression of glaucoma.",
])
def test_odds_and_delays(sentence):
    assert cl401(sentence) == "efficacy"


@pytest.mark.parametrize("sentence", [
    "Booking early means you are more likely to get your preferred time.",
    "A late referral can delay the start of your treatment.",
])
def test_nearby_odds_claim_nothing(sentence, rules_alone):
    assert cl401(sentence) is None


def test_fold_changes_are_statistics():
    assert cl401("Prescriptions for the drug rose more than tenfold between 2000 and "
                 "2020.") == "statistic"
    assert cl401("The brochure folds into three.") is None


# -- the business, reviews and descriptions: no claim -----------------------------------------
@pytest.mark.parametrize("sentence", [
    "Our clinic is registered with the Care Quality Commission.",
    "All our therapists are fully insured and registered with the CNHC.",
    "We are regulated by the General Osteopathic Council.",
    "Home visits available across the city.",
    "Evening appointments available on request.",
    "We have been helping people with back pain since 1998.",
    "Our team has been treating families in Leeds for over twenty years.",
    "We always start with the simplest treatment that might work.",
    "We usually begin with the least invasive option.",
    "Page last reviewed: 3 March 2025 · Next review due: 3 March 2028",
    "Some practitioners claim that cupping draws out toxins and cures fatigue.",
    "Some websites claim the oil shrinks fibroids.",
    "Manufacturers claim the device resets the nervous system.",
    "The condition happens when the balance of yeast and bacteria changes.",
    "Balance problems are common after a stroke.",
    "It causes a sharp, stabbing pain when you swallow.",
    "There's currently no treatment that reverses the damage.",
    "There is still no medicine that stops the condition getting worse.",
    "Many of our members tell us it took years to get a diagnosis.",
])
def test_business_and_descriptions_claim_nothing(sentence):
    assert cl401(sentence) is None


def test_review_dates_under_complications_are_no_complication():
    assert cl401("Page last reviewed: 3 March 2025 · Next review due: 3 March 2028",
                 "Complications") is None


@pytest.mark.parametrize("sentence", [
    "Many of our patients claim it changed their lives.",
    "Our tinctures rebalance your hormones naturally.",
    "Hives happens when a trigger causes histamine to be released in the skin.",
    "There's no cure, but some people find these things help:",
    "Many of our members tell us the exercises eased their breathlessness.",
])
def test_nearby_claims_are_still_found(sentence, rules_alone):
    assert cl401(sentence) is not None


# -- CL402 -------------------------------------------------------------------------------------
@pytest.mark.parametrize("sentence, words", [
    ("Herbalists have used it for centuries, and modern science has caught up.",
     "modern science has caught up"),
    ("Science has finally caught up with what grandmothers knew.",
     "Science has finally caught up"),
    ("64% of those who answered our survey said the classes helped.", "answered our survey"),
    ("According to our own survey, most clients sleep better.",
     "According to our own survey"),
])
def test_vague_evidence(sentence, words):
    assert [m for m in cl402(sentence) if f"('{words}" in m]


@pytest.mark.parametrize("sentence", [
    "Please fill in our survey after your visit.",
    "Our survey closes on Friday.",
    "Our members say they felt alone before they found us.",
])
def test_nearby_sentences_invoke_no_evidence(sentence):
    assert cl402(sentence) == []


# -- sentence splitting ------------------------------------------------------------------------
@pytest.mark.parametrize("text, sentences", [
    # a footnote marker after a year is not the end of a decimal
    ("It rose tenfold between 1997 and 2012.[^3] Experts believe it was overused.",
     ["It rose tenfold between 1997 and 2012.[^3]", "Experts believe it was overused."]),
    ("It rose in 2012.[4] Experts agree.", ["It rose in 2012.[4]", "Experts agree."]),
    # scraped text glued before "A", "I" or an abbreviation in capitals, or after a
    # closing bracket
    ("It lets the fissure heal.A Cochrane review found this.",
     ["It lets the fissure heal.", "A Cochrane review found this."]),
    ("It hurt.I went back.", ["It hurt.", "I went back."]),
    ("Use it for chronic pain.NSAIDs also help.",
     ["Use it for chronic pain.", "NSAIDs also help."]),
    ("A review agreed (PMID: 22336789).GTN often causes headaches.",
     ["A review agreed (PMID: 22336789).", "GTN often causes headaches."]),
])
def test_sentence_splitting(text, sentences):
    assert [text[a:b] for a, b in split(text)] == sentences


@pytest.mark.parametrize("text", [
    "The mean difference was -1.26 VAS points.",
    "Take vitamin D.It helps.",
    "See www.nhs.uk for more.",
    "Use NHS.UK today.",
    "Those born in the U.S.A are included.",
])
def test_no_new_splits(text):
    assert len(split(text)) == 1


def test_a_claim_after_a_cited_year_is_judged_on_its_own():
    page = ("# Tongue-tie\n\n## Trends\n\n"
            "Diagnosis rose tenfold between 1997 and 2012.[^3] Experts believe many "
            "babies were treated unnecessarily.\n\n"
            "[^3]: Walsh J, et al. National trends. Otolaryngol Head Neck Surg. 2017. "
            "doi:10.1177/0194599817690135\n")
    found = lint_text(page, select=["CL401", "CL402"], today=TODAY)
    assert [(f.code, f.line, f.column) for f in found] == [
        ("CL401", 5, 51), ("CL402", 5, 51)]
    assert "('Experts believe')" in found[1].message


# -- second step: families from a second invented probe list ----------------------------------
@pytest.mark.parametrize("sentence", [
    "Central vision is often lost, but peripheral vision tends to be spared.",
    "Most attacks are over within half an hour.",
    "Long-term damage to the joint is unusual.",
    "Most people who have this operation are walking the next day.",
    "The swelling usually goes down within a couple of days.",
    "Your eyesight will not usually be affected.",
    "It tends to come and go for years.",
    "Flare-ups can last from a few days to several weeks.",
    "The younger the child, the better the outlook.",
    "Older dogs recover more slowly.",
])
def test_course_families_from_probes(sentence, rules_alone):
    assert cl401(sentence) == "prognosis"


@pytest.mark.parametrize("sentence", [
    "Keep your feet dry, so the fungus has nowhere to grow.",
    "Use a spacer so more of the medicine gets into your lungs.",
    "Elevate your leg so that the swelling drains back towards your heart.",
    "Stay out of the sun, as it can make the patches darker.",
    "My flare-ups went from every few weeks to twice a year.",
    "I feel like myself again.",
    "Compression is the single most important part of treatment.",
    "Surgery is usually a last resort.",
])
def test_reasons_results_and_standing_from_probes(sentence, rules_alone):
    assert cl401(sentence) is not None


def test_research_that_has_since_confirmed_tradition_is_vague():
    assert cl402("Research has since confirmed what midwives always knew.")


@pytest.mark.parametrize("sentence", [
    "Most appointments last about 30 minutes.",
    "Your results are usually ready within a week.",
    "Wear comfortable clothes so you can move freely during the session.",
    "Take a photo of the rash so your GP can see how it changed.",
    "My son started school in September.",
    "The reception desk is the first place to go.",
    "Our physiotherapists are the backbone of our clinic.",
    "The nurse moves the probe gently over your tummy.",
    "We accept most major health insurers.",
    "Next review date: March 2029.",
    # (found on public web text: a service named after a treatment word, a guarantee
    # refused, a service that is no emergency service)
    "Bookings for domiciliary physiotherapy services may be made via phone.",
    "We cannot guarantee results, but we will always be honest with you.",
    "Our services are not suitable for emergency situations.",
])
def test_ordinary_sentences_stay_quiet(sentence):
    assert cl401(sentence) is None


@pytest.mark.parametrize("sentence", [
    "Acupuncture services reduce pain in most clients.",
    "Antibiotics cannot help with a cold.",
    # (round 39: "This cream is not suitable for children under two." alone is a
    # suitability statement and no claim, docs/round39.md; "safe" still claims)
    "This cream is not safe for children under two.",
])
def test_nearby_claims_stay_found(sentence):
    assert cl401(sentence) is not None


# -- third step: from public web text ---------------------------------------------------------
@pytest.mark.parametrize("sentence", [
    "Extra weight adds pressure to the plantar fascia.",
    "When left untreated, recovery can stretch to 6-12 months.",
    "Most people need 1 or 2 sessions to feel better.",
    "Acupuncture was linked to less pain (OR 1.52, 95% CI 1.1 to 2.0).",
    "Surgery can end the pain for good.",
])
def test_found_in_public_web_text(sentence):
    assert cl401(sentence) is not None


@pytest.mark.parametrize("sentence", [
    "Adding weight to the bar adds load to the session plan.",
    "The plantar fascia can end up with small tears.",
    # "or 2" is no odds ratio
    "Most people need 1 or 2 sessions.",
    "It affects roughly 1 or 2 people in every 100.",
    "Registered with the MHRA.",
])
@pytest.mark.usefixtures("rules_alone")
def test_quiet_in_public_web_text(sentence):
    assert cl401(sentence) is None


def test_a_claim_beside_a_registration_or_the_clinic_routine_is_still_found():
    assert cl401("Registered with the MHRA as a medical device, our band relieves travel "
                 "sickness in minutes.") is not None
    assert cl401("We always start with a deep tissue massage that relieves tension in the "
                 "neck.") is not None


# -- fourth step: a third invented probe list ---------------------------------------------------
@pytest.mark.parametrize("sentence", [
    "The rash fades over two to three weeks.",
    "Hearing typically returns to normal once the fluid drains.",
    "Ulcers of this kind rarely turn cancerous.",
    "About a third of people have another episode within five years.",
    "It is a lifelong condition, but it can be controlled.",
    "The tremor tends to worsen slowly over many years.",
    "Nerve damage from shingles can be permanent.",
    "Your baby's skull will round out by itself as they grow.",
    "Avoid tight waistbands, which push stomach acid up into the gullet.",
    "Don't use cotton buds, because they push the wax further into the ear.",
    "Wash your hands after touching the rash, as the virus spreads easily.",
    "Take the tablet on an empty stomach so it is absorbed properly.",
    "These drops saved my sanity during hay fever season.",
    "Honestly the best money I've spent on my back.",
    "My GP was amazed at how much my blood pressure had come down.",
    "Pelvic floor training should be the first thing you try.",
    "Regular exercise is key to managing the condition.",
    "Nothing beats rest for a pulled muscle.",
    "The shockwaves trigger the body's own repair process.",
    "The enzymes break down the protein that causes the itch.",
])
def test_families_from_a_third_probe_list(sentence, rules_alone):
    assert cl401(sentence) is not None


@pytest.mark.parametrize("sentence", [
    "The clinic normally closes at 6pm on Fridays.",
    "Your appointment will usually take about an hour.",
    "Bring your inhaler so the nurse can check your technique.",
    "Wear loose clothes so the doctor can examine your back.",
    "I was diagnosed in 2019 after a long wait.",
    "My husband drove me to every appointment.",
    "Nothing beats a cup of tea in our waiting room.",
    "The lift opens onto the car park.",
    "Opening hours return to normal after the bank holiday.",
])
def test_nearby_sentences_from_a_third_probe_list(sentence):
    assert cl401(sentence) is None


@pytest.mark.parametrize("sentence", [
    # (public web text: a practical purpose, a lift to the hospital)
    "It is best to shower, rather than have a bath, so that your wound is not soaked in water.",
    "Karen next door has offered to drive me down to the hospital.",
])
@pytest.mark.usefixtures("rules_alone")
def test_practical_purposes_and_lifts_claim_nothing(sentence):
    assert cl401(sentence) is None


def test_bringing_a_measure_down_is_still_a_claim():
    assert cl401("Our tea helps bring your blood pressure down naturally.") is not None


# -- fifth step: a fourth invented probe list ----------------------------------------------------
@pytest.mark.parametrize("sentence", [
    "A few people are left with a slight limp.",
    "Avoid caffeine after lunch, as it keeps the brain alert for hours.",
    "Cool the burn under running water, which stops the heat damaging deeper layers.",
    "Sip water through the day so your urine stays pale.",
    "Since the tongue-tie was snipped, feeding has been a breeze.",
    "I haven't touched an inhaler since I started swimming.",
    "My knees feel ten years younger.",
    "These insoles are a lifesaver on long shifts.",
    "Ice is still the best first aid for a sprain.",
    "Talking therapy is a cornerstone of recovery from an eating disorder.",
    "Statins are the go-to medicine for high cholesterol.",
    "Our infrared sauna draws out heavy metals through sweat.",
    "Salt water gargles draw fluid out of swollen tissue.",
    "The risk of a second clot is highest in the first few months.",
    "Relapses become less frequent with age.",
    "Around 1 in 10 people develop long-term pain after the operation.",
])
def test_families_from_a_fourth_probe_list(sentence, rules_alone):
    assert cl401(sentence) is not None


@pytest.mark.parametrize("sentence", [
    "We are proud members of the Society of Chiropodists and Podiatrists.",
    # a false finding from the twenty-third session (0.389 over 0.35) to model25 (0.373,
    # under 0.375; docs/model25.md)
    "Most people notice the rash first on the chest.",
    "Sit with your back straight and your feet flat on the floor.",
    "I first noticed the lump in March.",
    # a bare verdict in a review stays out (round 9)
    "Lifesaver.",
])
def test_nearby_sentences_from_a_fourth_probe_list(sentence):
    assert cl401(sentence) is None


# -- sixth step: the fifth probe list, after it was measured ---------------------------------------
@pytest.mark.parametrize("sentence", [
    "The numbness in your lip may take up to a year to wear off.",
    "Frozen shoulder thaws on its own, but it can take two years.",
    "People who keep active after a heart attack live longer.",
    "The ankle may never be quite as strong as before.",
    "Most broken toes mend in four to six weeks.",
    "Lifting heavy shopping strains the pelvic floor.",
    "Wearing flip-flops all summer overloads the tendon under the arch.",
    "Keep the cut covered, as dirt can get into it.",
    "Soak your feet in warm water first so the hard skin softens.",
    "My hay fever hasn't bothered me once this summer.",
    "After six weeks on the plan my energy is through the roof.",
    "The cream took my eczema from angry to barely there.",
    "Best decision I ever made for my hips.",
    "For most people, a splint is all that's needed.",
    "Hospital admissions for asthma fell by half after the smoking ban.",
    "Thousands of runners trust our gel.",
])
def test_families_from_the_fifth_probe_list(sentence, rules_alone):
    assert cl401(sentence) is not None


@pytest.mark.parametrize("sentence", [
    "Soak the instruments in the solution before rinsing.",
    "After six weeks I moved to the Leeds clinic.",
    "Thousands of people visit our website each month.",
    "The clinic runs on its own generator.",
    "Prices are through the roof in the city centre.",
])
def test_nearby_sentences_from_the_fifth_probe_list(sentence, rules_alone):
    assert cl401(sentence) is None
