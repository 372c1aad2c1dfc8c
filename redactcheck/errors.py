"""One exception type for the core; cli.py maps it to an exit code."""

from __future__ import annotations

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_USAGE = 2
EXIT_UNREADABLE = 3


class RedactcheckError(Exception):
    """A failure with a one-line message meant for the user."""

    exit_code = EXIT_USAGE

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class ConfigError(RedactcheckError):
    """Bad option, configuration file or missing model (exit 2)."""

    exit_code = EXIT_USAGE


class InputError(RedactcheckError):
    """An input document could not be read (exit 3)."""

    exit_code = EXIT_UNREADABLE
