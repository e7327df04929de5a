"""The shipped JSON Schemas are valid (run-time validators skip this check for them)."""

from __future__ import annotations

import pytest
from jsonschema import Draft202012Validator
from jsonschema.exceptions import SchemaError

from conditionlint import schemautil
from conditionlint.resources import SHIPPED_SCHEMAS, data_dir, schema

NAMES = sorted(p.name.removesuffix(".schema.json")
               for p in data_dir("schemas").glob("*.schema.json"))


@pytest.mark.parametrize("name", NAMES)
def test_shipped_schema_is_valid(name: str) -> None:
    Draft202012Validator.check_schema(schema(name))
    assert id(schema(name)) in SHIPPED_SCHEMAS


def test_there_are_four_shipped_schemas() -> None:
    assert {"config", "rule", "condition-page", "report"} <= set(NAMES)


def test_a_schema_that_is_not_shipped_is_still_checked() -> None:
    with pytest.raises(SchemaError):
        schemautil.validator({"type": 12})
