"""conditionlint: a linter for health condition pages."""

__version__ = "0.1.0"
