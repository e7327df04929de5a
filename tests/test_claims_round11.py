"""Claims round 11: sentence-shape families written from two invented probe lists and
the misses and false findings of blind sets 11 and 12 (docs/claims.md, "Round 11").

Every sentence here is invented, not taken from the corpus: each family gets claims
that must be found and nearby sentences that must stay quiet.
"""

from __future__ import annotations

import pytest

from conditionlint.api import lint_text
from tests.claim_sentences import cl401
from tests.conftest import TODAY


def _cl401(page: str) -> list[tuple[int, str]]:
    return [(f.line, f.message.split(" claim ")[0])
            for f in lint_text(page, select=["CL401"], today=TODAY)]


# -- the first probe list: causes by rank, heredity, what keeps a condition going, the
# course by shape, recurrence, time to work, standing, first-person results, harms ------
@pytest.mark.parametrize("sentence, kind", [
    ('Smoking is the leading cause of COPD.', 'causal'),
    ('Age is the biggest risk factor for cataracts.', 'causal'),
    ('Sun damage is the most common cause of wrinkles.', 'causal'),
    ('Other causes include thyroid problems, some medicines and heavy drinking.', 'causal'),
    ('Migraine is often hereditary.', 'causal'),
    ('Gout tends to run in families.', 'causal'),
    ('It usually gets worse slowly over many years.', 'prognosis'),
    ('Most ganglions get smaller on their own over time.', 'prognosis'),
    ("If you've had a kidney stone before, you're more likely to get another one.", 'prognosis'),
    ('About 1 in 4 people who have had shingles will get it again.', 'prognosis'),
    ('Scabies is not usually spread by a quick handshake.', 'causal'),
    ('You cannot catch psoriasis from someone else.', 'causal'),
    ('Tinnitus can affect your sleep, concentration and mood.', 'causal'),
    ('Living with eczema can affect your self-esteem.', 'causal'),
    ('Avoidance keeps the anxiety going.', 'causal'),
    ('Scratching keeps the itch-scratch cycle going.', 'causal'),
    ('Constant reassurance tends to feed the worry.', 'causal'),
    ('Antidepressants can take up to 8 weeks to work.', 'prognosis'),
    ('Hay fever is common and very treatable.', 'efficacy'),
    ('Plantar fasciitis is frustrating but very fixable.', 'efficacy'),
    ("Antifungal cream usually clears athlete's foot within two weeks.", 'efficacy'),
    ('Both sprays work equally well.', 'efficacy'),
    ('Most children grow out of it by school age.', 'prognosis'),
    ('Finally sleeping through again.', 'efficacy'),
    ('She now wakes once a night instead of four times.', 'efficacy'),
    ("I'm 55 and feel 35 again.", 'efficacy'),
    ('Sleeping pills slow your reactions and make falls more likely.', 'efficacy'),
    ('Most people take metformin without any problems.', 'safety'),
    ("It's non-invasive and there's no downtime.", 'safety'),
    ('Cupping is one of the best-studied treatments for neck pain.', 'efficacy'),
    ('Unlike painkillers, massage has no side effects.', 'comparative'),
    ('The chances of success fall sharply after 40.', 'prognosis'),
    ('The swimming group has been a lifeline.', 'efficacy'),
    ('Foam rolling was the game changer for me.', 'efficacy'),
    ('Six weeks in, I walked 5 miles with no pain at all.', 'efficacy'),
    ('Gallstones can block the bile duct and cause jaundice.', 'causal'),
    ('High blood sugar damages the small blood vessels in the eye.', 'causal'),
    ('Tight shoes squash the toes and make bunions worse.', 'causal'),
    ('Drowsy drivers are more likely to crash.', 'causal'),
    ('Our laser treatment is 95% effective.', 'efficacy'),
    ('Levels will usually fall back once you stop the tablets.', 'prognosis'),
    ('Lavender oil calms the nervous system.', 'efficacy'),
    ('The good news is that shin splints usually settle with rest.', 'prognosis'),
])
def test_first_list_shapes_are_claims(sentence, kind, rules_alone):
    assert cl401(sentence) == kind


# -- the second probe list: causes in other word orders, transmission denied, the
# untreated course, interactions and side effects, tests and results over time ---------
@pytest.mark.parametrize("sentence, kind", [
    ('Steroid injections can thin the skin if given too often.', 'causal'),
    ('Your body recognises our natural hormones as its own.', 'mechanism'),
    ('Pelvic floor exercises work best when done every day.', 'efficacy'),
    ('Being very overweight also can cause it.', 'causal'),
    ('Heat, alcohol and tight clothing all make the itching worse.', 'causal'),
    ('Stress makes the flare-ups noticeably worse.', 'causal'),
    ('Hormone changes make it easier for bacteria to grow.', 'causal'),
    ('Caring for someone with dementia can take a heavy toll.', 'causal'),
    ("You can't pass shingles on to someone else.", 'causal'),
    ('Ringworm is not usually spread by sharing a bath.', 'causal'),
    ("It can be serious if it's not treated quickly.", 'prognosis'),
    ('Statins can roughly halve the risk of a second heart attack.', 'causal'),
    ('Up to a third of people with psoriasis go on to develop arthritis.', 'statistic'),
    ('Having had pre-eclampsia means you have a higher chance of heart disease later on.',
     'causal'),
    ('Ear candles are far less invasive than syringing.', 'efficacy'),
    ('Families have used chamomile safely for generations.', 'safety'),
    ('Our magnesium sprays are popular for restless legs and cramps.', 'efficacy'),
    ('Our scan pinpoints the hidden triggers behind your migraines.', 'efficacy'),
    ('Our allergy test is 94% accurate.', 'statistic'),
    ('Within a month my skin was clear again.', 'efficacy'),
    ("His eczema is the best it's ever been.", 'efficacy'),
    ("Blue-light lenses won't treat the cause of your headaches.", 'efficacy'),
    ('People who skip check-ups end up with more fillings.', 'causal'),
    ('Skipping feeds tells your body to make less milk.', 'causal'),
    ('A week of early nights turned things around.', 'efficacy'),
    ('It tricks your brain into feeling full.', 'causal'),
    ('Psoriasis can make work and relationships very hard.', 'causal'),
    ('Talking therapy can be a good addition to medication.', 'efficacy'),
    ('Most people feel some soreness for a day after the injection.', 'safety'),
    ('Results build over four to eight weeks.', 'efficacy'),
    ("St John's wort can reduce the effect of the contraceptive pill.", 'efficacy'),
    ('My back pain is maybe half what it was.', 'efficacy'),
    ('Years of sitting at a desk speed this process up.', 'causal'),
    ("Don't drink alcohol; alcohol thins the blood.", 'causal'),
    ('Keep active to lower the risk of blood clots.', 'efficacy'),
    ('Gum disease is linked with heart disease and diabetes.', 'causal'),
    ('ACE inhibitors can raise your potassium level.', 'safety'),
    ('Many people with hepatitis C never develop liver damage.', 'prognosis'),
    ('Memory problems become more common as dementia progresses.', 'causal'),
    ('Swimming is especially good for stiff joints.', 'efficacy'),
    ('Antihistamines can make you feel drowsy.', 'safety'),
    ('Yoga is good for your mood and sleep.', 'efficacy'),
    ('Once my sinuses cleared, that headache was just gone.', 'efficacy'),
])
def test_second_list_shapes_are_claims(sentence, kind, rules_alone):
    assert cl401(sentence) == kind


# -- how the body works, services and process, decisions not to treat, lead-ins to
# risk lists, training logs, reviewers who noticed nothing, instructions, warning signs,
# prices, diagnosis criteria, a blogger's disclaimer ------------------------------------
@pytest.mark.parametrize("sentence", [
    'Insulin helps move sugar from your blood into your cells.',
    'Parathyroid hormone helps control the level of calcium in your blood.',
    'The thyroid gland makes hormones that control how fast your body uses energy.',
    'Bile helps your body break down fats.',
    'Platelets help your blood to clot.',
    'Your physiotherapist will focus on getting you moving safely.',
    'A podiatrist can help you choose the right shoes.',
    'A counsellor can help you talk through your worries.',
    'You may need to come back for a second appointment.',
    'Our nurses will talk you through each step.',
    'You may not need treatment if the cyst is small and painless.',
    'Treatment depends on how severe your symptoms are.',
    'If the stone is small, you may not need any treatment.',
    "You're more likely to get gout if you:",
    'You are more at risk of shingles if you:',
    'Some things make a flare more likely:',
    'There are things that lower your chances:',
    'I dropped my mileage to 20 a week and added two gym sessions.',
    'I upped my cadence by 5% with a metronome app.',
    "Didn't notice any difference.",
    "Made no difference to my son's sleep at all.",
    'Make your bathroom safer.',
    'If you feel faint, sit down.',
    'If you cannot swallow the tablet, crush it into yoghurt.',
    'Pain that wakes you at night or a fever can be signs of an infection.',
    'Blood in your pee can be a sign of a kidney problem.',
    'A dietitian can help you plan balanced meals.',
    'Your care team will focus on keeping you comfortable.',
    'We will gently clean the wound, then put on a fresh dressing.',
    'Exercise when your painkillers are working best.',
    'Prices start from £45 a session, including aftercare.',
    'We can talk about options that suit your lifestyle.',
    'Levels peak in your early twenties.',
    'It usually starts with a patch of dry skin on the elbows.',
    "I'm not a doctor, just a dad who has been through it.",
    'Some people cope better than others.',
    'Many people wait years before they ask for help.',
    'The clinic has used this method for over 20 years.',
    'In CBT you learn to notice unhelpful thoughts, step by step.',
    'Testosterone levels peak in your early twenties.',
    'We can discuss options that suit your budget.',
    'Memberships start from £30 a month.',
    'Your physio will ask about your work and what makes the pain better.',
    'This treatment is not suitable for everyone.',
    "It's diagnosed when the symptoms have lasted for more than 3 months.",
    'Kidney failure means your kidneys have stopped working well enough to keep you alive.',
    'Any new lump should always be checked by a doctor.',
    "If the pain is at the front of the knee, that's not typical runner's knee.",
    'A food allergy is a fast reaction of the immune system.',
    'Swelling or redness around the wound can be signs of an infection.',
    "Only use the cream when your GP says it's safe.",
    "I'm not a doctor, just a runner who read a lot.",
    "You're doing better than you think.",
    'Many people live with IBS for years before they get help, often because they are embarrassed.',
    'We will gently clean the area, then put on a fresh dressing.',
    "At the clinic we'll measure your blood pressure and check your feet.",
    'Patients are seen by a nurse before the doctor.',
])
def test_nearby_sentences_claim_nothing(sentence):
    assert cl401(sentence) is None


# -- the limits of each family: wording next to a family that stays quiet -------------
@pytest.mark.parametrize("sentence", [
    # recurrence: "again and again" is how often, not a recurrence after an episode
    "Some people get cold sores again and again.",
    # heredity: a genetic test is not a statement that the condition is inherited
    "Genetic testing is available at the hospital.",
    # what keeps going: a person or the business kept going
    "Our team keeps the clinic going through the winter.",
    "Will keep going with it.",
    # body harms need a modal or a harmful subject: a condition named is a definition
    "Osteoporosis weakens bones.",
    # "more common with age" is prevalence, not the course
    "Dry eyes become more common with age.",
    # standing needs a condition: "one of the best-studied remedies" alone is not one
    "Honey is one of the best-studied home remedies.",
    # "make it more difficult" in an instruction about a hazard
    "Remove rugs that make it more difficult to walk safely.",
    # warnings with a call to care, and "should be seen" with no risk named
    "Any change in a mole should always be checked by a doctor.",
    "If your hair loss is sudden, please see a GP, as it may have another cause.",
    # a blocked ear is no medicine: "can make you feel dizzy" is a symptom
    "A blocked ear can make you feel dizzy.",
])
@pytest.mark.usefixtures("rules_alone")
def test_limits_of_the_families(sentence):
    assert cl401(sentence) is None


@pytest.mark.parametrize("sentence", [
    # still claims beside the limits above
    "Falls become more common as the disease progresses.",
    "People with diabetes are at higher risk of a serious infection and should be seen "
    "promptly.",
    "Ginger is one of the best-studied remedies for morning sickness.",
    "Smoking weakens bones.",
])
def test_claims_beside_the_limits(sentence):
    assert cl401(sentence) is not None


def test_a_lead_in_to_a_risk_list_is_not_a_claim_nor_are_its_items():
    page = ("# Gout\n\n## Who gets it\n\nYou're more likely to get gout if you:\n\n"
            "- are overweight\n- drink a lot of beer\n- take water tablets\n")
    assert _cl401(page) == []


def test_a_lead_in_that_lowers_the_chances_is_not_a_claim():
    page = ("# Dry socket\n\n## After the extraction\n\nThere are things that lower your "
            "chances:\n\n- do not smoke for 3 days\n- do not rinse hard\n")
    assert _cl401(page) == []


def test_benefit_bullets_with_a_comparative(rules_alone):
    page = ("# Menopause\n\n## What our members notice\n\nWhat members say changed:\n\n"
            "- Fewer hot flushes\n- Sharper focus and a steadier mood\n"
            "- More energy in the afternoons\n")
    assert [k for _, k in _cl401(page)] == ["efficacy", "efficacy", "efficacy"]


def test_an_instruction_whose_clause_after_a_semicolon_names_a_harm():
    assert cl401("Don't smoke; smoking speeds up bone loss.") is not None
    assert cl401("Don't smoke; it is bad for you.") is None


def test_an_instruction_whose_purpose_is_prevention():
    assert cl401("Drink plenty of water to lower the risk of kidney stones.") is not None
    assert cl401("Drink plenty of water to keep your urine pale.") is None


# -- a third invented list, measured before it was tuned on (24/30 found): does the trick,
# the sooner it's treated, harder to treat than, a small risk of infection after, not one
# flare since; and wording it shares with what the rules already knew ---------------------
@pytest.mark.parametrize("sentence, kind", [
    ('Our cooling gel takes the sting out of sunburn.', 'efficacy'),
    ('Most people notice a difference after the first week.', 'efficacy'),
    ('Nine times out of ten, a simple splint does the trick.', 'efficacy'),
    ("Cold sores tend to come back when you're run down.", 'prognosis'),
    ('Hot weather makes the swelling worse for most people.', 'causal'),
    ("The sooner it's treated, the less likely it is to leave a scar.", 'comparative'),
    ('Warts on the feet are harder to treat than warts on the hands.', 'comparative'),
    ('Laser is faster than creams but costs more.', 'comparative'),
    ("It won't harm your baby.", 'safety'),
    ('The spray is safe to use in pregnancy.', 'safety'),
    ('There is a small risk of infection after any injection.', 'safety'),
    ('Around 8 in 10 people are symptom-free a year after surgery.', 'prognosis'),
    ('Knee replacements usually last 20 years or more.', 'prognosis'),
    ('Most tennis elbow settles within a year, with or without treatment.', 'prognosis'),
    ("The infection can spread to the bone if it isn't treated.", 'causal'),
    ('Being active is one of the best things you can do for your back.', 'comparative'),
    ('Our patients sleep better from the very first night.', 'efficacy'),
    ('I can finally wear sandals again.', 'efficacy'),
    ('Not one flare since I started the capsules.', 'efficacy'),
    ('The cream works by calming the overactive immune cells in the skin.', 'efficacy'),
    ('Ice narrows the blood vessels and cuts down the swelling.', 'mechanism'),
    ('Without treatment, about half of cases clear up within two years.', 'prognosis'),
    ("It's perfectly safe for children over two.", 'safety'),
    ('The tablets can upset your stomach, so take them with food.', 'safety'),
    ('Diabetes doubles your risk of gum disease.', 'causal'),
    ('Low vitamin D is linked to more frequent colds.', 'causal'),
    ('Chewing gum after meals stimulates saliva, which neutralises acid.', 'mechanism'),
    ('Surgery gives the best long-term results for large hernias.', 'prognosis'),
    ('Hair usually grows back within six months.', 'efficacy'),
])
def test_third_list_claims(sentence, kind, rules_alone):
    assert cl401(sentence) == kind


@pytest.mark.parametrize("sentence", [
    'Most people are seen within two weeks of referral.',
    'Most appointments last around half an hour.',
    'The splint comes in three sizes.',
    'Cold sores are small blisters that appear around the mouth.',
    "Hot weather can be hard when you're pregnant.",
    'Warts on the feet are also called verrucas.',
    'Laser treatment is done in our Harley Street clinic.',
    'Please tell us if you are pregnant.',
    'There is a small charge for missed appointments.',
    'Around 8 in 10 people who come to us are referred by their GP.',
    'Knee replacements are done under a general or spinal anaesthetic.',
    'The infection is diagnosed with a swab.',
    'Our patients come from all over the county.',
    'I finally booked an appointment after months of putting it off.',
    'The cream comes in a 30 g tube.',
    'Ice packs are available at reception.',
    'Hair samples are sent to the lab for testing.',
    'Your surgeon will explain the risks before you sign the consent form.',
    'The tablets are small and easy to swallow.',
    'Diabetes is a condition where the level of sugar in your blood is too high.',
])
def test_third_list_quiet_sentences(sentence, rules_alone):
    assert cl401(sentence) is None


# -- a fourth invented list, of sentences that should stay quiet in the precision
# families' shapes, measured before it was tuned on (6 of 34 flagged; 13 with the rules
# of round 10), with claims that share their words ---------------------------------------
@pytest.mark.parametrize("sentence", [
    'The pancreas makes insulin, which lets sugar get into your cells.',
    'Oestrogen helps keep the lining of the vagina moist.',
    'Your liver helps clear alcohol from your blood.',
    'The heart pumps blood around the body.',
    'Your midwife will focus on how you and the baby are doing.',
    'An occupational therapist can help you adapt your kitchen.',
    'The nurse can help you learn to use the inhaler.',
    'You might need to come back in a week for the stitches to come out.',
    'We may ask you to come back for a review in six weeks.',
    'You may not need antibiotics if the infection is mild.',
    "If the hernia is small and doesn't bother you, you might not need surgery.",
    'Which treatment is best depends on your age and general health.',
    'You have a higher chance of getting a UTI if you:',
    'Things that make migraines more likely include:',
    'Some things can raise your risk:',
    'I added a fourth run each week and swapped one for a hill session.',
    'I increased my protein to 120 g a day.',
    'Made no difference for my son.',
    "Didn't notice much difference, to be honest.",
    'Make your bedroom darker and cooler.',
    'Make the stairs safer with a second handrail.',
    "If you can't reach the phone, bang on the wall to alert a neighbour.",
    'If you feel dizzy, sit down and call for help.',
    'Blood in your poo can be a sign of piles or something more serious.',
    'Chest pain that spreads to your arm can be a sign of a heart attack.',
    'Our pharmacists can talk you through the options.',
    'We will take some blood and check your blood pressure.',
    'Treatment usually starts with a course of tablets.',
    'It often starts as a small red patch.',
    'Some children settle better than others.',
    'Many women wait months before they see a doctor about it.',
    'Sessions are £55, and packages start from £150.',
    "It's diagnosed when you have had symptoms for at least 6 months.",
])
@pytest.mark.usefixtures("rules_alone")
def test_fourth_list_quiet_sentences(sentence):
    assert cl401(sentence) is None


@pytest.mark.parametrize("sentence, kind", [
    ('Oestrogen cream helps keep the vagina moist and comfortable.', 'efficacy'),
    ('Our vitamin K2 supplement helps your bones hold on to calcium.', 'efficacy'),
    ("You're more likely to get thrush again if you take antibiotics often.", 'causal'),
    ('Menopause makes UTIs more likely.', 'causal'),
    ('Alcohol makes migraines more likely for many people.', 'causal'),
    ('A dietitian-led plan can halve your IBS symptoms.', 'efficacy'),
    ("Made a huge difference to my son's sleep.", 'efficacy'),
    ('Darker, cooler rooms help you fall asleep faster.', 'efficacy'),
])
def test_fourth_list_claims_beside_them(sentence, kind, rules_alone):
    assert cl401(sentence) == kind
