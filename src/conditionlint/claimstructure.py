"""Structural claim detection: what a sentence is made of, not which phrase it uses.

The cue lexicon (``claim-types`` in ``rules/claims.yaml``) catches the wording it lists;
clinic pages keep inventing new wording ("quieten the ringing for good", "ditched their
sleeping tablets"). This module looks for the *parts* of a claim instead, each a word
class listed under ``structure`` in the lexicon:

- an **intervention**: a treatment noun (``interventions``), the page's own treatment
  words (front matter ``therapy:``/``treatment:``, "How X helps" / "X for Y" headings),
  or a sentence opening with "it"/"this"/"they" that refers back to one;
- a **testimonial** subject ("our patients", "most clients", "in our experience");
- an **effect**: a benefit verb in any inflection (``effect-verbs``: reduce, ease,
  quieten, ditch...) or an **outcome** phrase (``outcomes``: "for good", "no more",
  "feel better", "back to", "at bay");
- a **health object** (``health-objects``: pain, sleep, symptoms, flare-ups...), plus
  the condition named by the page title.

A sentence claims an effect when it has an effect or an outcome together with an
intervention, a testimonial subject or a health object. In descriptive sections
(causes, diagnosis...) the subject must be an intervention or a testimonial: there
"symptoms ease when you rest" describes the condition. Exclusions and instructions are
applied by the caller before this runs, and only when no listed cue matched.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from conditionlint.gated import Alternation, by_first_letter, twinned


def _lexicon_error(message: str) -> Exception:
    """A config error in ``rules/claims.yaml`` (exit 2)."""
    from conditionlint.config import ConfigError
    from conditionlint.resources import data_dir

    return ConfigError(str(data_dir("rules") / "claims.yaml"), message)


def shape_text(name: str) -> str:
    """The pattern named ``name`` under ``shapes`` in ``rules/claims.yaml``: the clause
    and word shapes the claim detector reads (a missing one is a config error)."""
    from conditionlint.yamlrules import lexicon as load

    got = load("claims").get("shapes", {}).get(name)
    if not isinstance(got, str):
        raise _lexicon_error(f"shapes: no pattern named {name!r}")
    return got


# shapes the code reads as text, not as a pattern of their own (joined into another)
TEXT_SHAPES = ("not-actions",)


class ShapePattern:
    """A pattern of ``shapes`` in ``rules/claims.yaml``, compiled on first use with the
    flags the code gives it (``space``: :func:`conditionlint.claimdetect.spaced` first,
    so a space matches any run of white space; ``twin``: searched through
    :func:`conditionlint.gated.twinned`; ``prefix``: structure the code puts in front,
    such as the ``^\\W*`` of a heading shape, which the lexicon's own patterns may not
    open with: tests/test_claims_review7.py). After the first use its searching methods are
    the compiled pattern's own, so a search costs what it cost as a module constant."""

    NAMES: dict[str, ShapePattern] = {}  # every shape the code reads (tests check the schema)
    _METHODS = ("search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split")
    _ALL: list[bool] = []  # every shape compiled (the first use of any compiles them all)

    def __init__(self, name: str, flags: int = 0, *, space: bool = False,
                 twin: bool = False, prefix: str = "") -> None:
        self.name, self._flags, self._space, self._twin = name, flags, space, twin
        self._prefix = prefix
        ShapePattern.NAMES[name] = self

    def compiled(self) -> re.Pattern[str]:
        rx = self.__dict__.get("_rx")
        if rx is None:
            if not ShapePattern._ALL:
                # All of them at the first use of any: a missing or broken shape is one
                # config error (exit 2) before any finding, whichever page comes first,
                # and a run compiles them where module constants were compiled (in the
                # parent, before workers fork; through the compiled-pattern store)
                ShapePattern._ALL.append(True)
                for name in TEXT_SHAPES:
                    shape_text(name)
                for shape in ShapePattern.NAMES.values():
                    shape.compiled()
                return self.compiled()
            rx = self._compile()
            self.__dict__["_rx"] = rx
            for method in self._METHODS:
                self.__dict__[method] = getattr(rx, method)
        return rx

    def _compile(self) -> re.Pattern[str]:
        text = self._prefix + shape_text(self.name)
        if self._space:
            from conditionlint.claimdetect import spaced

            text = spaced(text)
        try:
            rx = re.compile(text, self._flags)
        except re.error as exc:
            raise _lexicon_error(f"shapes: {self.name}: not a valid pattern: {exc}") from None
        return twinned(rx) if self._twin else rx

    def __getattr__(self, name: str):  # type: ignore[no-untyped-def]
        # search, match, finditer... before the first use (after it, the compiled
        # pattern's bound methods sit in the instance's own dict), pattern, flags...
        if name.startswith("_"):
            raise AttributeError(name)
        return getattr(self.compiled(), name)


_VOWELS = "aeiou"
_WORD = re.compile(r"[a-z]+")


def inflect(verb: str) -> list[str]:
    """Regular English forms of a base verb: base, -s, -ed, -ing.

    Enough for a lexicon of benefit verbs; irregular past forms ("kept", "brought")
    are listed in the lexicon as words of their own."""
    v = verb
    if v.endswith("e") and not v.endswith("ee"):
        s, ed, ing = v + "s", v + "d", v[:-1] + "ing"
    elif v.endswith("y") and len(v) > 2 and v[-2] not in _VOWELS:
        s, ed, ing = v[:-1] + "ies", v[:-1] + "ied", v + "ing"
    elif v.endswith(("s", "sh", "ch", "x", "z")):
        s, ed, ing = v + "es", v + "ed", v + "ing"
    elif (len(v) <= 4 and len(v) >= 3 and v[-1] not in _VOWELS + "wxy"
          and v[-2] in _VOWELS and v[-3] not in _VOWELS):
        # cut -> cutting, stop -> stopped (one-syllable consonant-vowel-consonant)
        s, ed, ing = v + "s", v + v[-1] + "ed", v + v[-1] + "ing"
    else:
        s, ed, ing = v + "s", v + "ed", v + "ing"
    return [v, s, ed, ing]


def _verb_alternatives(entries: list[str]) -> str:
    """One regex alternative per lexicon entry. An entry's first word is inflected and
    the rest kept ("switch off" -> "switches off"); a leading '~' drops the bare base
    form, for words that are more often nouns or adjectives ("~lower": "lowers",
    "lowered", not "lower back")."""
    return "|".join(_verb_alternative_list(entries))


def _verb_alternative_list(entries: list[str]) -> list[str]:
    """The alternatives of :func:`_verb_alternatives`, in their order."""
    alts: list[str] = []
    for raw in entries:
        base_too = not raw.startswith("~")
        words = raw.lstrip("~").split(" ", 1)
        forms = inflect(words[0])
        if not base_too:
            forms = forms[1:]
        rest = (r"\s+" + re.escape(words[1]).replace(r"\ ", r"\s+")) if len(words) > 1 else ""
        alts.append("(?:%s)%s" % ("|".join(re.escape(f) for f in forms), rest))
    return sorted(alts, key=len, reverse=True)


def _words(entries: list[str]) -> str:
    from conditionlint.claimdetect import spaced

    alts = [f"(?:{spaced(e)})" for e in entries]
    return by_first_letter(alts) or r"(?!)"


@dataclass(frozen=True)
class Structure:
    intervention: Alternation  # \b(?:w1|w2|...)\b over the treatment words
    pronoun: re.Pattern[str]
    testimonial: Alternation
    effect: re.Pattern[str] | Alternation
    outcome: Alternation
    health: re.Pattern[str]
    frequency: Alternation
    prevalence: re.Pattern[str]  # "affects about 1 in 100 people": not a statistic
    effect_words: frozenset[str]  # every inflected first word of the effect verbs
    acts_on: re.Pattern[str]  # any verb whose object is a health word: "oils your joints"
    # verbless slogans: a benefit adjective just before a health word, anywhere, and an
    # ill the product spares you ("without the jitters")
    benefit_before: re.Pattern[str]
    benefit: re.Pattern[str]
    spared: re.Pattern[str]


@lru_cache(maxsize=1)
def structure() -> Structure | None:
    from conditionlint.claimdetect import lexicon as claims_lexicon, spaced
    from conditionlint.yamlrules import lexicon as load

    d = load("claims")
    st = d.get("structure")
    if not st:
        return None
    lex = claims_lexicon()
    assert lex.outcomes is not None and lex.testimonials is not None \
        and lex.frequencies is not None
    interventions = list(d.get("interventions", [])) + list(st.get("interventions", []))
    # slogan words are joined as written (not widened: see claims.yaml)
    good = "(?:%s)" % ("|".join(st.get("benefit-adjectives", [])) or r"(?!)")
    return Structure(
        intervention=_each_word(interventions),
        pronoun=re.compile(r"^\W*(?:%s)\b" % _words(st.get("pronouns", [])), re.IGNORECASE),
        testimonial=lex.testimonials,
        effect=_effect(st.get("effect-verbs", [])),
        outcome=lex.outcomes,
        # (searched in ASCII texts with its ASCII twin: about twice as fast)
        health=twinned(re.compile(r"\b(?:%s)\b" % _words(st.get("health-objects", [])),
                                  re.IGNORECASE)),
        frequency=lex.frequencies,
        prevalence=re.compile("|".join(f"(?:{spaced(p)})" for p in st.get("prevalence", []))
                              or r"(?!)", re.IGNORECASE),
        acts_on=twinned(re.compile(r"\b(?!(?:%s)\b)[a-z]{3,}(?:s|ed) (?:your|their|the|his|her) "
                           r"(?:[\w-]+ )?(?:%s)\b" % (shape_text("not-actions"),
                                                     _words(st.get("health-objects", []))),
                           re.IGNORECASE)),
        effect_words=frozenset(f for e in st.get("effect-verbs", [])
                               for f in inflect(e.lstrip("~").split(" ", 1)[0].lower())),
        benefit_before=re.compile(r"\b%s,?\s+(?:[\w-]+,?\s+)?$" % good, re.IGNORECASE),
        benefit=re.compile(r"\b%s\b" % good, re.IGNORECASE),
        spared=re.compile(r"\bwithout (?:the |any |that |those )?(?:[\w-]+ )?(?:%s)\b"
                          % ("|".join(st.get("spared-ills", [])) or r"(?!)"), re.IGNORECASE),
    )


def _each_word(entries: list[str]) -> Alternation:
    """``\\b(?:%s)\\b" % _words(entries)``, searched as one gated alternative per entry
    (the same matches, as for :func:`_effect`)."""
    from conditionlint.claimdetect import spaced

    if not entries:
        return Alternation([r"\b(?:(?!))\b"], re.IGNORECASE)
    return Alternation([r"\b(?:(?:%s))\b" % spaced(e) for e in entries], re.IGNORECASE)


def _effect(entries: list[str]) -> re.Pattern[str] | Alternation:
    """``\\b(?:v1|v2|...)\\b`` over the effect verbs, searched as the alternation
    ``\\b(?:v1)\\b|\\b(?:v2)\\b|...`` (the same matches: ``\\b`` is zero-width), so that
    each verb is gated by its own words (see :mod:`conditionlint.gated`)."""
    alts = _verb_alternative_list(entries)
    if not alts:
        return re.compile(r"\b(?:(?!))\b", re.IGNORECASE)
    return Alternation([r"\b(?:%s)\b" % a for a in alts], re.IGNORECASE)


@dataclass(frozen=True)
class PageWords:
    """Words a page adds to the lexicon: its own treatment and its condition."""
    treatment: re.Pattern[str] | None = None
    condition: re.Pattern[str] | None = None
    # Round 19 mends: a title word of 2 or 3 letters written in capitals, or the whole
    # title ("Flu", "IBS", "UTI"), names the page's condition as a plain "causes"
    # subject (``condition`` keeps words of 4 letters or more, for the treatment words)
    short: re.Pattern[str] | None = None


@lru_cache(maxsize=1)
def _stop_words() -> frozenset[str]:
    """Words a heading's treatment name is never made of ("how", "treatment",
    "relief"...): ``structure.heading-stop-words`` in rules/claims.yaml."""
    from conditionlint.yamlrules import lexicon as load

    got = load("claims").get("structure", {}).get("heading-stop-words")
    if not isinstance(got, list):
        raise _lexicon_error("structure: no list named 'heading-stop-words'")
    return frozenset(got)


def _alternation(words: set[str]) -> re.Pattern[str] | None:
    words = {w for w in words if len(w) >= 4 and w.lower() not in _stop_words()}
    if not words:
        return None
    return re.compile(r"\b(?:%s)\b" % "|".join(sorted((re.escape(w) for w in words),
                                                      key=len, reverse=True)), re.IGNORECASE)


# headings that name the page's treatment (shapes in rules/claims.yaml); the code skips
# a heading's leading punctuation itself (see ShapePattern)
_HEADING_TREATMENT = (ShapePattern("heading-how", re.IGNORECASE, prefix=r"^\W*"),
                      ShapePattern("heading-for", re.IGNORECASE, prefix=r"^\W*"),
                      ShapePattern("heading-why", re.IGNORECASE, prefix=r"^\W*"))


def page_words(title: str | None, headings: list[str], front: dict | None) -> PageWords:
    """The page's treatment words (front matter ``therapy``/``treatment``/``intervention``
    values, "How X helps", "X for Y", "Why X?" headings) and its condition words (the
    title, less its treatment words)."""
    treat: set[str] = set()
    cond: set[str] = set()
    if isinstance(front, dict):
        for key in ("therapy", "therapies", "treatment", "treatments", "intervention",
                    "interventions", "modality"):
            v = front.get(key)
            for item in v if isinstance(v, list) else [v]:
                if isinstance(item, str):
                    treat.update(re.findall(r"[A-Za-z][\w-]+", item))
    for i, h in enumerate(([title] if title else []) + headings):
        for rx in _HEADING_TREATMENT:
            m = rx.match(h.strip())
            if m:
                treat.update(re.findall(r"[A-Za-z][\w-]+", m.group("t")))
                if i == 0 and "c" in rx.groupindex and m.group("c"):
                    cond.update(re.findall(r"[A-Za-z][\w-]+", m.group("c")))
                break
        else:
            if i == 0:
                cond.update(re.findall(r"[A-Za-z][\w-]+", h))
    cond -= treat
    found = re.findall(r"[A-Za-z]+", title or "")
    short = sorted({w for w in found if 2 <= len(w) <= 3 and (w.isupper() or len(found) == 1)
                    and w.lower() not in _stop_words()})
    return PageWords(_alternation(treat), _alternation(cond), re.compile(r"\b(?:%s)\b" % "|".join(
        w if w.isupper() else "(?i:%s)" % w for w in short)) if short else None)


def names_treatment(text: str, page: PageWords | None) -> bool:
    """A treatment word of the lexicon (``interventions``) or the page's own treatment
    occurs in ``text``."""
    st = structure()
    return bool((st is not None and st.intervention.search(text))
                or (page is not None and page.treatment is not None
                    and page.treatment.search(text)))


# "symptoms do not improve", "is not helping": a negated effect claims nothing.
_NEGATION = ShapePattern("negation", re.IGNORECASE)


# An -ing form is a verb when something follows it ("soothing the skin"); alone it is
# an adjective or a label ("LR3 (Liver soothing)").
_OBJECT_AFTER = re.compile(r"\s+[\w']|\s*[.!]")


# Between a health word and the verb right after it: nothing but white space or one
# adverb ("the follicle slowly shrinks").
_SELF_CHANGE = re.compile(r"\s+(?:\w+ly\s+)?")


# Right before a past participle used as an adjective ("a blocked nose").
_DETERMINER = re.compile(r"\b(?:a|an|the|when|with|from|your|my|his|her|their|its)\s+$",
                         re.IGNORECASE)


# "the pain stops you walking": a symptom that hinders someone, not a benefit; "our
# helpline can help you find a group": a service that guides, not an effect.
_HINDRANCE = ShapePattern("hindrance", re.IGNORECASE)


# "..., which gives you a chesty cough": a symptom the condition gives, not a benefit
# ("Some women find it gives them heartburn" names a harm of a treatment and stays)
_GIVES_SYMPTOM = ShapePattern("gives-symptom", re.IGNORECASE)


# Round 17: "give" that hands over a thing or a property, not a benefit: "phones give off
# blue light", "the compound that gives chilli peppers their heat", "We give every
# patient a smell-training kit"
_GIVES_THING = ShapePattern("gives-thing", re.IGNORECASE)


# Where a subordinate clause starts ("Symptoms ease once the period starts"): a health
# word after it is not the object of the verb before it.
_SUBORDINATE = ShapePattern("subordinate", re.IGNORECASE)
# a slow course, not a benefit: "wounds that take longer to heal"
_SLOW_COURSE = ShapePattern("slow-course", re.IGNORECASE)


# Round 22: a treatment subject whose verb names its schedule or make-up ("The session
# includes a lymph reset", "Each visit starts with a gentle release"): the effect word in
# its object names what the session holds; a clause after it ("..., which eases pain",
# "includes exercises that help") still claims
_SCHEDULE_VERB = ShapePattern("schedule-verb", re.IGNORECASE)


def _scheduled(st: Structure, text: str, effect: re.Match[str]) -> bool:
    t = st.intervention.search(text, 0, effect.start())
    return t is not None and _SCHEDULE_VERB.match(text, t.end(), effect.start()) is not None


def _is_effect(st: Structure, text: str, m: re.Match[str]) -> bool:
    if _NEGATION.search(text, max(0, m.start() - 30), m.start()):
        return False
    if _HINDRANCE.match(text, m.start()):
        return False
    if _GIVES_SYMPTOM.match(text, m.start()) or _GIVES_THING.match(text, m.start()):
        return False
    if m.group().lower().endswith("ed") and _DETERMINER.search(text, max(0, m.start() - 12),
                                                              m.start()):
        # an adjective after an article: "a blocked nose", "when blocked pores trap"
        return False
    if _SLOW_COURSE.search(text[max(0, m.start() - 20):m.start()]):
        # a slow course, not a benefit: "wounds that take longer to heal"
        return False
    rest = text[m.end():].lstrip()
    if st.intervention.match(rest):
        # part of a name: "the Thyroid Reset programme", "Detox tea"
        return False
    if m.group().lower().endswith("s") and re.match(r"(?:or|and)\s+\w+s\b", rest):
        # a plural noun in a list: "cuts or wounds", "cuts and grazes"
        return False
    if m.group().lower().endswith("ing"):
        # a verb has something after it; "retraining therapy" is a name
        if not _OBJECT_AFTER.match(text, m.end()):
            return False
        if st.intervention.match(text[m.end():].lstrip()):
            return False
    return True


# Round 12: a clause that opens with a pronoun referring back to a treatment, after a
# comma, semicolon or "and"/"but" ("..., and honestly it's been life-changing").
_CLAUSE_START = re.compile(r"(?:[,;\u2013\u2014]\s*(?:and|but|so)\s+|\s(?:and|but)\s+)"
                           r"(?:[a-z]+ly\s+|now\s+|then\s+)?", re.IGNORECASE)


def cue_at(*ms: re.Match[str] | None) -> int:
    return min((m.start() for m in ms if m is not None), default=0)


def _clause_pronoun(st: Structure, text: str, cue: int) -> bool:
    """A clause before the cue opens with one of the pronouns."""
    for m in _CLAUSE_START.finditer(text, 0, cue):
        if m.end() < cue and st.pronoun.match(text[m.end():cue]):
            return True
    return False


@dataclass(frozen=True)
class Shape:
    cue_start: int
    cue_end: int
    kind: str  # "efficacy" or "statistic"


def claim_shape(text: str, page: PageWords, descriptive: bool = False,
                testimonial: bool = False, item: bool = False) -> Shape | None:
    """The effect cue of a sentence built like a claim, or None (offsets relative to
    ``text``, a sentence of masked prose that passed the exclusions)."""
    st = structure()
    if st is None:
        return None
    # Most sentences hold no benefit verb at all: a set lookup of their words is much
    # cheaper than the verb alternation, which only runs to find where the verb is.
    words = set(_WORD.findall(text.lower()))
    effect = None
    if not words.isdisjoint(st.effect_words):
        effect = next((m for m in st.effect.finditer(text) if _is_effect(st, text, m)), None)
    if effect is not None and not testimonial and _scheduled(st, text, effect):
        effect = None
    outcome = st.outcome.search(text)
    if not effect and not outcome and names_treatment(text, page):
        effect = st.acts_on.search(text)
    if not effect and not outcome:
        freq = st.frequency.search(text)
        # a group of people with a prevalence ("affects 1 in 100 people, and most
        # men") is not a testimonial subject; a treatment still makes a statistic
        if freq and (st.intervention.search(text) or (
                st.testimonial.search(text) and not st.prevalence.search(text))):
            return Shape(freq.start(), freq.end(), "statistic")
        return None
    subject = testimonial or names_treatment(text, page) \
        or bool(st.testimonial.search(text))
    if not subject and item and not descriptive and effect is not None \
            and not text[:effect.start()].strip(" -*\u2022\u2713\u2714") \
            and effect.group().split()[0].lower().endswith("s"):
        # a benefit bullet that opens with its verb ("- Cools hot flashes"): the
        # product is the subject
        subject = True
    if not subject and not descriptive:
        # the adverb "back" inside the outcome is no body part: "come back in two
        # weeks", "be back on the ward" ("stop the pain" keeps its health word)
        health = next((h for h in st.health.finditer(text)
                       if not (outcome and outcome.start() <= h.start() < outcome.end()
                               and h.group().lower() == "back")), None)
        if health and effect is not None and not outcome and any(
                _SELF_CHANGE.fullmatch(text, h.end(), effect.start())
                for h in st.health.finditer(text, 0, effect.start())):
            # the body part changes by itself ("The hair follicle shrinks and..."): a
            # description of the condition, unless something is said to change it (not
            # in a subordinate clause: "Symptoms ease once the period starts")
            sub = _SUBORDINATE.search(text, effect.end())
            health = st.health.search(text, effect.end(), sub.start() if sub else len(text))
        subject = bool(st.pronoun.match(text)) or _clause_pronoun(st, text, cue_at(effect, outcome)) \
            or bool(health) \
            or bool(page.condition and page.condition.search(text))
    if not subject:
        return None
    cues = [m for m in (effect, outcome) if m]
    # a review's time marker ("Three sessions later") is not the claim: its benefit
    # verb is ("had vanished")
    m = effect if testimonial and effect else min(cues, key=lambda x: x.start())
    return Shape(m.start(), m.end(), "efficacy")


# Round 12: a verbless slogan ("Clearer skin in just fourteen days.", "Deep, restful
# sleep without the morning grogginess.", "Peppermint tea for the cramps."): a short
# sentence with no finite verb or subject pronoun that names a benefit to a health word
# (a comparative or a good state before it, "for the <health word>"), or an ill it comes
# "without".
_FINITE = re.compile(r"\b(?:is|are|was|were|be|been|being|has|have|had|does|do|did|can|could|"
                     r"may|might|will|would|shall|should|must|i|we|you|he|she|they|it|this|"
                     r"these|those|[a-z]+'(?:s|re|ve|ll|d)|[a-z]+n't)\b", re.IGNORECASE)
_PHRASE_END = re.compile(r"\s*(?:$|[.!,;:\u2013\u2014-]|(?:in|within|without|from|all|after|by|at"
                         r"|on|for|and|or|with|every|each|that|you)\b)", re.IGNORECASE)


_FINITE_WORDS = frozenset(
    "is are was were be been being has have had does do did can could may might will "
    "would shall should must i we you he she they it this these those".split())
_RUN = re.compile(r"\w+")


def _finite(text: str) -> bool:
    """``_FINITE.search(text)`` is not None, by a set lookup of an ASCII text's words
    first (its contracted forms need an apostrophe; a non-ASCII text is searched: letters
    such as a dotless i match under IGNORECASE)."""
    if text.isascii():
        if not _FINITE_WORDS.isdisjoint(_RUN.findall(text.lower())):
            return True
        return "'" in text and _FINITE.search(text) is not None
    return _FINITE.search(text) is not None


# "for the <health word>": what the product is for
_FOR_BEFORE = ShapePattern("for-before", re.IGNORECASE)


def slogan(text: str) -> Shape | None:
    st = structure()
    if st is None:
        return None
    words = text.split()
    if not 2 <= len(words) <= 14 or _finite(text) or text.rstrip().endswith((":", "?")):
        return None
    for h in st.health.finditer(text):
        if not _PHRASE_END.match(text, h.end()):
            # the health word is no head of its phrase: "Calm Gut programme includes"
            continue
        before = text[:h.start()]
        m = st.benefit_before.search(before) or _FOR_BEFORE.search(before)
        if m:
            return Shape(m.start(), h.end(), "efficacy")
    w = st.spared.search(text)
    if w and st.benefit.search(text):
        return Shape(w.start(), w.end(), "efficacy")
    return None
