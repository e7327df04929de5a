"""Pages shared by the integration and formatter tests (built from rules that exist:
structure CL1xx, encoding CL3xx, suppressions CL904)."""

from __future__ import annotations

from pathlib import Path

CLEAN = """\
---
title: Migraine
type: condition
---
# Migraine

Migraine is a headache disorder with attacks of throbbing pain.

## Symptoms

Attacks last from hours to days, often with nausea.

## Causes

Triggers include lack of sleep and some foods.

## Diagnosis

A doctor diagnoses migraine from the history of attacks.

## Treatment

Pain relief taken early in an attack helps many people.

## Evidence and references

- NICE clinical guideline CG150.
"""

MOJIBAKE = "\u0e42\u20ac\u201d"  # UTF-8 em dash read as Windows-874


def damaged(extra_top: str = "") -> str:
    """CLEAN with one mojibake dash in the first paragraph (line 7 + lines added)."""
    page = CLEAN.replace("throbbing pain.", f"throbbing pain {MOJIBAKE} often one-sided.")
    return page.replace("# Migraine\n", "# Migraine\n" + extra_top, 1)


def write_site(root: Path) -> Path:
    """A small site like examples/: clean, damaged, hostile and structural pages."""
    content = root / "content"
    (content / "nested dir").mkdir(parents=True)
    (content / "clean.md").write_text(CLEAN, "utf-8")
    (content / "damaged.md").write_text(damaged(), "utf-8")
    hostile = CLEAN.replace(
        "helps many people.",
        "helps 50% & <script>alert(1)</script> \u202eevil\u202c people.")
    (content / "hostile.md").write_text(hostile, "utf-8")
    (content / "nested dir" / "säge, 1.md").write_text(
        "# Sciatica\n\n<!-- conditionlint-disable-next-line CL999 -->\nPain.\n", "utf-8")
    (content / "control.md").write_text(CLEAN.replace("nausea.", "nausea.\x01"), "utf-8")
    return content
