"""A second opinion on claim sentences: a small logistic-regression scorer.

The phrase rules in ``rules/claims.yaml`` miss open-ended clinic wording and
testimonials ("We never needed the operation"). A sentence they pass over, in prose
where a claim could stand, is scored here; at or above the model's threshold it is
taken for a claim, of the type its type model scores highest (:func:`claim_type`). The
other way, an uncited sentence the rules took for a claim and the model scores below its ``veto`` is
let go (``claimdetect._vetoed`` lists what it never touches).

The weights are data, ``rules/claim-model.yaml``, written by
``benchmarks/train_claim_model.py`` (plain Python, like this module). Scoring
is a dict lookup per word and word pair: no numpy or other dependency at run time.
Features must stay identical to the training script's, which imports
:func:`features` from here for that reason.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from itertools import repeat

from conditionlint.config import ConfigError

_TOKEN = re.compile(r"[a-z0-9]+(?:['\u2019][a-z]+)?")
_FIRST = frozenset({"we", "our", "us", "i", "my", "me", "i've", "i'm", "we've", "we're"})
_SECOND = frozenset({"you", "your", "you're", "you'll", "you've"})
# (eighteenth session) in an ASCII text, str.isdigit holds for "0"-"9" alone: one search
# in C instead of a call a character (tests/test_perf21.py checks every code point)
_ASCII_DIGIT = re.compile("[0-9]")
# Words that carry weight in the model but tell a writer nothing as a cue ("the").
_FUNCTION = frozenset(
    "a an the and or but of to in on at by for with from as is are was were be been it its "
    "this that these those they their them he she his her we our us i my me you your "
    # modals, quantifiers and other small words: a finding quoting "can" or "most" as
    # its cue tells the writer nothing
    "can could may might will would should must shall do does did has have had not no "
    "so very also just more most many much some all any both each every within into "
    "than then there here when if what which who how after before about up out over "
    "<s> </s>".split())


@dataclass(frozen=True)
class Model:
    weights: dict[str, float]
    bias: float
    threshold: float
    # False when cross-validation found the rules alone as good (the training script
    # decides, see docs/claims.md): the file is kept, claim detection ignores it.
    enabled: bool = True
    # Which uncited sentences without a rule claim it scores: "candidates", those the
    # rules' own limits leave open (not lists or hedged possibilities of a descriptive
    # section, not questions, calls to action, definitions or instructions); "open",
    # all prose but what the page's structure marks as description (those lists and
    # hedges, skipped sections such as disclaimers); "prose", every prose sentence.
    scope: str = "candidates"
    # A second opinion the other way: an uncited sentence the rules took for a claim is
    # let go when the model scores it below this (0: never). Chosen on pages neither the
    # rules nor the model had seen (docs/claims.md, "Eighth session: the model's veto").
    veto: float = 0.0
    # The claim-type model: one logistic regression per claim type over the same
    # features, trained on the labelled claim sentences, as (type, bias, weights) with
    # the weights as written in the file ("weight feature" lines), parsed on first use
    # (:func:`claim_type`): only a sentence the model takes for a claim needs a type.
    types: tuple[tuple[str, float, str], ...] = ()


def tokens(text: str) -> list[str]:
    return _TOKEN.findall(text.lower().replace("\u2019", "'"))


def features(text: str, kinds: Iterable[str] = (),
             *, list_item: bool = False, quote: bool = False, imperative: bool = False,
             hedged: bool = False) -> list[str]:
    """The feature names of one sentence of masked prose (duplicates removed).

    ``kinds``: the section kinds it stands under; the flags come from the claim
    lexicon. Nothing here depends on what the phrase rules found: a model trained on
    the rules' own output learns to trust them on the very pages they were tuned on
    (docs/claims.md, "Seventh session: the model without the rules' verdict")."""
    toks = tokens(text)
    out = {"bias:1"}
    for t in toks:
        out.add("w:" + t)
    for a, b in zip(["<s>", *toks], [*toks, "</s>"], strict=True):
        out.add(f"b:{a} {b}")
    if "%" in text:
        out.add("shape:percent")
    if (_ASCII_DIGIT.search(text) is not None) if text.isascii() \
            else any(map(str.isdigit, text)):  # (not a genexpr: scanned in C)
        out.add("shape:digit")
    if not _FIRST.isdisjoint(toks):
        out.add("shape:first-person")
    if not _SECOND.isdisjoint(toks):
        out.add("shape:second-person")
    if imperative:
        out.add("shape:imperative")
    if hedged:
        out.add("shape:hedge")
    if list_item:
        out.add("shape:list-item")
    if quote:
        out.add("shape:quote")
    ks = sorted(kinds)
    for k in ks or ["none"]:
        out.add("section:" + k)
    out.discard("bias:1")  # the bias is a separate number, not a feature
    return sorted(out)


def score(model: Model, feats: Iterable[str]) -> float:
    z = model.bias + sum(map(model.weights.get, feats, repeat(0.0)))
    return 1.0 / (1.0 + math.exp(-max(-50.0, min(50.0, z))))


def _weights(lines: str, where: str = "weights") -> dict[str, float]:
    """One "weight feature" pair a line (the file's format): a mapping of 3000 keys
    took 0.16 s to load and validate, this takes a few milliseconds. A line whose
    weight is not a number is a ConfigError naming ``where`` and the line (the shipped
    file is generated and schema-checked by the tests; this is for a hand-edited one)."""
    weights = {}
    for n, line in enumerate(lines.splitlines(), 1):
        w, _, f = line.partition(" ")
        if f:
            try:
                weights[f] = float(w)
            except ValueError:
                raise ConfigError(_model_path(), f"{where}, line {n}: {w!r} is not a "
                                  "number (expected 'weight feature')") from None
    return weights


def _model_path() -> str:
    from conditionlint.resources import data_dir

    return str(data_dir("rules") / "claim-model.yaml")


@lru_cache(maxsize=4)
def _type_models(types: tuple[tuple[str, float, str], ...]
                 ) -> tuple[tuple[str, float, dict[str, float]], ...]:
    return tuple((name, bias, _weights(lines, f"types: {name}: weights"))
                 for name, bias, lines in types)


def claim_type(model: Model, feats: Iterable[str]) -> tuple[str, dict[str, float]] | None:
    """The claim type the type model scores highest for a sentence's features (the
    first in the file's order on a tie), with that type's weights; None when the model
    has no type model."""
    if not model.types:
        return None
    feats = list(feats)
    best = None
    for name, bias, weights in _type_models(model.types):
        z = bias + sum(map(weights.get, feats, repeat(0.0)))
        if best is None or z > best[0]:
            best = (z, name, weights)
    assert best is not None
    return best[1], best[2]


# Words a quoted cue does not start or end with ("the best ways to" -> "best ways";
# "cause delays if you" -> "cause delays").
_EDGE = frozenset({"the", "a", "an", "of", "to", "in", "on", "at", "by", "for", "with", "from",
                   "as", "and", "or", "but", "who", "which", "that", "so", "if", "when", "than",
                   "my", "your", "our", "their", "his", "her", "its", "i", "me", "you", "we",
                   "us", "it", "they", "them", "he", "she", "this", "these", "those"})
_CUE_WORDS = 4  # a quoted cue is at most this many words, inside one clause
_CUE_COST = 0.2  # what each word after the first must add to the cue's weight
_TOKEN_AT = re.compile(_TOKEN.pattern, re.IGNORECASE)


def cue_span(model: Model, text: str, extra: dict[str, float] | None = None
             ) -> tuple[int, int] | None:
    """Where, in ``text``, the words that weigh most for a claim are: the run of at most
    ``_CUE_WORDS`` words, with nothing but spaces or hyphens between them, whose weights
    add up highest (a word's own weight, none for a function word, and half of each word
    pair it is in; each word after the first must add ``_CUE_COST``), holding a word
    that is not a function word, trimmed of articles, prepositions and the like at
    its ends; None when no run weighs above zero. ``extra``: weights added to the
    model's (the claim type's, so that the quoted words say what kind of claim it is).
    Linear in the text's length."""
    def weight(f: str) -> float:
        return model.weights.get(f, 0.0) + (extra.get(f, 0.0) if extra else 0.0)

    toks = [(m.group().lower().replace("\u2019", "'"), m.start(), m.end())
            for m in _TOKEN_AT.finditer(text)]
    words = ["<s>", *(t for t, _, _ in toks), "</s>"]
    gain = [(0.0 if t in _FUNCTION else weight("w:" + t)) + 0.5 * weight(f"b:{words[k]} {t}")
            + 0.5 * weight(f"b:{t} {words[k + 2]}") for k, (t, _, _) in enumerate(toks)]
    best: tuple[float, int, int] | None = None
    for i in range(len(toks)):
        total, content = 0.0, False
        for j in range(i, min(len(toks), i + _CUE_WORDS)):
            if j > i and text[toks[j - 1][2]:toks[j][1]].strip(" -"):
                break  # punctuation or a line of markup between: another clause
            total += gain[j] - (_CUE_COST if j > i else 0.0)
            content = content or toks[j][0] not in _FUNCTION
            if content and (best is None or total > best[0]):
                best = (total, i, j)
    if best is None or best[0] <= 0:
        return None
    _, i, j = best
    while i < j and toks[i][0] in _EDGE:
        i += 1
    while j > i and toks[j][0] in _EDGE:
        j -= 1
    return toks[i][1], toks[j][2]


@lru_cache(maxsize=1)
def load() -> Model | None:
    """The shipped model (enabled or not), or None when ``rules/claim-model.yaml`` is
    absent."""
    from conditionlint.resources import data_dir
    from conditionlint.yamlrules import lexicon

    if not (data_dir("rules") / "claim-model.yaml").is_file():
        return None
    d = lexicon("claim-model")
    types = []
    for name, t in (d.get("types") or {}).items():
        # (the weights are parsed when a model finding first needs a type)
        if not isinstance(t, dict) or not isinstance(t.get("bias"), (int, float)) \
                or not isinstance(t.get("weights"), str):
            raise ConfigError(_model_path(), f"types: {name}: expected a number 'bias' "
                              "and a string 'weights'")
        types.append((str(name), float(t["bias"]), t["weights"]))
    return Model(_weights(d["weights"]), float(d["bias"]), float(d["threshold"]),
                 bool(d["enabled"]), str(d.get("scope", "candidates")),
                 float(d.get("veto", 0.0)), tuple(types))


_OVERRIDE: list[tuple[bool, Model | None]] = []


def current() -> Model | None:
    """The model claim detection uses: the shipped one unless :func:`use` says
    otherwise (the training script evaluates its own fold models that way)."""
    if _OVERRIDE:
        return _OVERRIDE[-1][1]
    if not _shipped_enabled():  # the 3,000 weights are not parsed for nothing
        return None
    model = load()
    return model if model is not None and model.enabled else None


@lru_cache(maxsize=1)
def _shipped_enabled() -> bool:
    from conditionlint.resources import data_dir
    from conditionlint.yamlrules import lexicon

    if not (data_dir("rules") / "claim-model.yaml").is_file():
        return False
    return bool(lexicon("claim-model")["enabled"])


def use(model: Model | None) -> None:
    """Replace the model for this process (``None``: rules alone)."""
    _OVERRIDE.clear()
    _OVERRIDE.append((True, model))


def reset() -> None:
    _OVERRIDE.clear()
