"""redactcheck: finds what identifies the family in a case-review draft."""

__version__ = "0.1.0"
