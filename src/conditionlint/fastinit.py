"""A faster ``__init__`` for frozen, slotted dataclasses (seventeenth session, second
pass: docs/performance.md).

A frozen dataclass's generated ``__init__`` sets each field with
``object.__setattr__(self, name, value)``: a global lookup, an attribute lookup, a call
that looks the name up in the class again. A page builds thousands of them (blocks,
sentences, citations, headings, sections, findings): about 7 % of a run's samples were
in those ``__init__`` bodies. With ``__slots__``, each field is a member descriptor of
the class, and its ``__set__`` stores the value directly: the same object, about twice
as fast to build. :func:`fast_init` replaces the generated ``__init__`` with one that
calls those descriptors, with the same parameters, in the same order, with the same
defaults; it leaves the class alone (and returns it unchanged) unless every condition
for the replacement to be exact holds: frozen, slotted, no ``__post_init__``, every
field a plain init parameter (no ``default_factory``, no keyword-only field, no
``InitVar``), and the generated ``__init__``'s parameters exactly the fields.
"""

from __future__ import annotations

import dataclasses
import inspect
from typing import Any, TypeVar

from conditionlint.recache import _exec_source

T = TypeVar("T")


def fast_init(cls: T) -> T:
    """``cls`` (a dataclass) with its ``__init__`` replaced when that is exact (see the
    module's docstring)."""
    params = getattr(cls, "__dataclass_params__", None)
    slots = cls.__dict__.get("__slots__")  # type: ignore[attr-defined]
    if params is None or not params.frozen or not params.init or slots is None \
            or hasattr(cls, "__post_init__"):
        return cls
    fields = dataclasses.fields(cls)  # type: ignore[arg-type]
    names = [f.name for f in fields]
    init = cls.__init__  # type: ignore[misc]
    # (its parameters read from its code, not inspect.signature: cheaper at start)
    code = getattr(init, "__code__", None)
    if code is None or code.co_posonlyargcount or code.co_kwonlyargcount \
            or code.co_flags & (inspect.CO_VARARGS | inspect.CO_VARKEYWORDS) \
            or list(code.co_varnames[1:code.co_argcount]) != names:
        return cls
    ns: dict[str, Any] = {}
    args: list[str] = []
    body: list[str] = []
    for k, f in enumerate(fields):
        if not f.init or f.kw_only is True \
                or f.default_factory is not dataclasses.MISSING:  # type: ignore[misc]
            return cls
        slot = cls.__dict__.get(f.name)  # type: ignore[attr-defined]
        if slot is None or type(slot).__name__ != "member_descriptor":
            return cls
        ns[f"_set{k}"] = slot.__set__
        if f.default is dataclasses.MISSING:
            args.append(f.name)
        else:
            ns[f"_default{k}"] = f.default
            args.append(f"{f.name}=_default{k}")
        body.append(f"    _set{k}(self, {f.name})")
    source = f"def __init__(self, {', '.join(args)}):\n" + ("\n".join(body) or "    pass") + "\n"
    # (through the compiled-pattern store's exec for dataclasses' generated code, when
    # it is on: the compiled code is kept there, keyed by the source text, and a run
    # compiles nothing at start; plain exec otherwise)
    _exec_source(source, ns)
    new = ns["__init__"]
    new.__qualname__ = f"{cls.__qualname__}.__init__"  # type: ignore[attr-defined]
    new.__module__ = cls.__module__
    new.__annotations__ = dict(getattr(init, "__annotations__", {}))
    new.__wrapped_dataclass_init__ = init  # (the replaced one: tests compare the two)
    cls.__init__ = new  # type: ignore[misc]
    return cls
