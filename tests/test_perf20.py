"""Seventeenth session, second pass (perf20): each speed change gives what the form it
replaced gave (docs/performance.md, "Seventeenth session, second pass")."""

from __future__ import annotations

import dataclasses
import inspect

import pytest

from conditionlint import document, model
from conditionlint.fastinit import fast_init

# -- 1. fast_init ----------------------------------------------------------------------------

_FAST = [document.KeyMark, document.Heading, document.Section, document.Block,
         document.Sentence, document.Citation, document.Directive, model.Edit, model.Fix,
         model.Problem, model.Position, model.Finding]


def _values(cls: type) -> list[object]:
    out: list[object] = []
    for k, f in enumerate(dataclasses.fields(cls)):
        out.append((k, f.name))  # a distinct value per field (types are not checked)
    return out


@pytest.mark.parametrize("cls", _FAST, ids=lambda c: c.__name__)
def test_fast_init_replaces_and_matches(cls: type) -> None:
    new = cls.__init__
    old = new.__wrapped_dataclass_init__
    assert [(p.name, p.default, p.kind) for p in inspect.signature(new).parameters.values()] \
        == [(p.name, p.default, p.kind) for p in inspect.signature(old).parameters.values()]
    fields = dataclasses.fields(cls)
    vals = _values(cls)
    required = [f for f in fields if f.default is dataclasses.MISSING]
    calls: list[tuple[tuple[object, ...], dict[str, object]]] = [
        (tuple(vals), {}),
        ((), {f.name: v for f, v in zip(fields, vals, strict=True)}),
        (tuple(vals[:len(required)]), {}),  # defaults
        (tuple(vals[:1]), {f.name: v for f, v in zip(fields[1:], vals[1:], strict=True)}),
    ]
    for args, kwargs in calls:
        a = cls(*args, **kwargs)
        b = object.__new__(cls)
        old(b, *args, **kwargs)
        for f in fields:
            assert getattr(a, f.name) is getattr(b, f.name), f.name
        assert a == b and repr(a) == repr(b)
        with pytest.raises(dataclasses.FrozenInstanceError):
            setattr(a, fields[0].name, 1)
    for args, kwargs in [((), {}), ((*vals, 0), {}),
                         (tuple(vals), {fields[0].name: 0}), (tuple(vals), {"nope": 0})]:
        if not required and not args and not kwargs:
            continue
        with pytest.raises(TypeError):
            cls(*args, **kwargs)
        with pytest.raises(TypeError):
            old(object.__new__(cls), *args, **kwargs)
    assert dataclasses.replace(a, **{fields[0].name: "x"}) == cls(
        "x", *(getattr(a, f.name) for f in fields[1:]))


def test_fast_init_leaves_other_classes_alone() -> None:
    @dataclasses.dataclass(frozen=True)
    class NoSlots:
        a: int

    @dataclasses.dataclass(slots=True)
    class NotFrozen:
        a: int

    @dataclasses.dataclass(frozen=True, slots=True)
    class PostInit:
        a: int

        def __post_init__(self) -> None:
            pass

    @dataclasses.dataclass(frozen=True, slots=True)
    class Factory:
        a: list[int] = dataclasses.field(default_factory=list)

    @dataclasses.dataclass(frozen=True, slots=True)
    class KwOnly:
        a: int
        b: int = dataclasses.field(default=0, kw_only=True)

    @dataclasses.dataclass(frozen=True, slots=True)
    class NoInitField:
        a: int
        b: int = dataclasses.field(default=0, init=False)

    for cls in (NoSlots, NotFrozen, PostInit, Factory, KwOnly, NoInitField):
        init = cls.__init__
        assert fast_init(cls) is cls and cls.__init__ is init, cls.__name__

    @dataclasses.dataclass(frozen=True, slots=True)
    class Plain:
        a: int
        b: str = "x"

    assert fast_init(Plain) is Plain and Plain.__init__.__wrapped_dataclass_init__
    assert Plain(1) == Plain(1, "x") and Plain(b="y", a=2).b == "y"


# -- 2. the reason clause behind its first-character guard -----------------------------------

def _reason_texts() -> list[str]:
    from tests.open_corpus import open_paths, open_sentences

    lines = [line for p in open_paths()
             for line in p.read_text(encoding="utf-8", errors="replace").splitlines()]
    edge = ["Rest" + " " * 50 + "x.", "Do not stop - it helps.", "Stop,otherwise it hurts",
            "Stop otherwise it hurts", "x;\ty", "x \u2014 y", "x\u00a0\u2013 y", "x\u2003as it",
            "x\x1cas it does", "x\x1c- y", "\u2028because of it", "x ,as it", "x\u0130 as it",
            "x,\u00a0because y", "x;", ";", " ", "", " as that ", "K\u212a; because x"]
    return lines + open_sentences() + edge


def test_reason_clause_guard_is_the_computed_one() -> None:
    import re

    from conditionlint import claimdetect, gated

    pattern = claimdetect._REASON_CLAUSE_PATTERN  # noqa: SLF001
    guard = gated.first_char_guard(pattern, re.I)
    assert guard == r"(?=[,;\s])"
    assert claimdetect._REASON_CLAUSE.pattern == f"{guard}(?:{pattern})"  # noqa: SLF001


def test_reason_clause_finds_what_the_unguarded_pattern_finds() -> None:
    import re

    from conditionlint import claimdetect, gated

    new = claimdetect._REASON_CLAUSE  # noqa: SLF001
    pattern = claimdetect._REASON_CLAUSE_PATTERN  # noqa: SLF001
    old = gated.twinned(re.compile(pattern, re.I))
    plain = re.compile(pattern, re.I)  # (and the Unicode form alone, not the twin)
    guarded = re.compile(new.pattern, re.I)
    texts = _reason_texts()
    assert len(texts) > 5000
    for t in texts:
        want = old.search(t)
        got = new.search(t)
        assert (None if want is None else want.span()) == (None if got is None else got.span()), t
        a, b = plain.search(t), guarded.search(t)
        assert (None if a is None else a.span()) == (None if b is None else b.span()), t
        if want is not None:
            assert [m.span() for m in plain.finditer(t)] == \
                [m.span() for m in guarded.finditer(t)], t
