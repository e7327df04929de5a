"""Named parts ('fragments') of the claim lexicon's exclusion patterns: '{name}' stands
for the part of that name, so round 38's long patterns fit the rule schema's 500
characters a pattern (the CI run of the twenty-fifth session failed on them)."""

from __future__ import annotations

import re

import pytest

from conditionlint import claimdetect
from conditionlint.config import ConfigError
from conditionlint.yamlrules import _load, lexicon


def test_every_fragment_is_used_and_every_use_is_expanded():
    d = lexicon("claims")
    fragments = d["fragments"]
    raw = d["exclusions"]["patterns"]
    for name in fragments:
        assert any("{" + name + "}" in p for p in raw), name
    expanded = claimdetect.with_fragments(raw, fragments)
    assert len(expanded) == len(raw)
    for p in expanded:
        assert not re.search(r"\{[a-z][a-z-]*\}", p), p
        re.compile(p)
    # a pattern without a fragment is left as it is
    assert [p for p in raw if "{" not in p] == [p for p in expanded if p in raw and "{" not in p]


def test_with_fragments_replaces_names_and_nothing_else():
    got = claimdetect.with_fragments([r"\b{who} (?:are|is) x{0,4}", "plain"], {"who": "(?:men|women)"})
    assert got == [r"\b(?:men|women) (?:are|is) x{0,4}", "plain"]
    assert claimdetect.with_fragments(["a{b}"], {}) == ["a{b}"]


@pytest.mark.parametrize("sentence, excluded", [
    ("It is about three times more common in women than in men.", True),
    ("Boys are affected about twice as often as girls.", True),
    ("It affects women about twice as often as men.", True),
    ("Girls are more likely to recover than boys.", False),
])
def test_the_expanded_group_comparison_patterns_still_match(sentence, excluded):
    d = lexicon("claims")
    pats = [p for p in claimdetect.with_fragments(d["exclusions"]["patterns"], d["fragments"])
            if "(?P<r38" in p]
    assert len(pats) == 3
    assert any(re.search(p, sentence, re.I) for p in pats) is excluded


def test_a_fragment_must_be_named_and_short(tmp_path):
    import yaml

    d = lexicon("claims")
    for bad in ({"Group": "x"}, {"group": "x" * 501}):
        data = dict(d, fragments=bad)
        path = tmp_path / "claims.yaml"
        path.write_text(yaml.safe_dump({"kind": "lexicon", "name": "claims", "data": data},
                                       allow_unicode=True), encoding="utf-8")
        with pytest.raises(ConfigError, match="fragments"):
            _load(path, user=False, validate=True)
