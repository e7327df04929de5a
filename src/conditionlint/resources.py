"""Where the shipped data lives: ``rules/`` (YAML rule packs, lexicons) and ``schemas/``.

In a wheel they are inside the package (``conditionlint/data/``); in a source checkout
(editable install, tests) they are at the repository root.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

_PKG = Path(__file__).resolve().parent


@lru_cache(maxsize=None)
def data_dir(kind: str) -> Path:
    """``kind`` is "rules" or "schemas"."""
    packaged = _PKG / "data" / kind
    if packaged.is_dir():
        return packaged
    checkout = _PKG.parent.parent / kind
    if checkout.is_dir():
        return checkout
    raise FileNotFoundError(f"conditionlint data folder {kind!r} is missing from the install")


# ids of the shipped schema objects: tests/test_shipped_schemas.py checks that each is a
# valid JSON Schema, so validators built on them skip that check at run time
SHIPPED_SCHEMAS: set[int] = set()


@lru_cache(maxsize=None)
def schema(name: str) -> dict[str, Any]:
    """A shipped JSON Schema by file stem, e.g. ``schema("config")``."""
    path = data_dir("schemas") / f"{name}.schema.json"
    text = path.read_text(encoding="utf-8")
    # parsed once and kept in the pattern store (plain data), under the file's name with
    # its text's digest as the version: a one-page run imports no json (nineteenth session)
    from conditionlint import recache

    data = recache.derived("resources.schema", str(path), lambda: _json_loads(text),
                           version=recache.digest(text.encode("utf-8", "surrogatepass")),
                           worth_saving=True)
    SHIPPED_SCHEMAS.add(id(data))  # the lru_cache keeps it alive, so the id stays its own
    return data


def _json_loads(text: str) -> Any:
    import json

    return json.loads(text)
