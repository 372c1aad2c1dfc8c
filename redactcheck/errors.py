"""One exception type for the core; cli.py maps it to an exit code."""

from __future__ import annotations

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_USAGE = 2
EXIT_UNREADABLE = 3
EXIT_INTERNAL = 4  # a bug in redactcheck: the message asks the user to report it


class RedactcheckError(Exception):
    """A failure with a one-line message meant for the user."""

    exit_code = EXIT_USAGE
    multiline = False  # True: the message's lines are meant (each is still escaped)

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class ConfigError(RedactcheckError):
    """Bad option, configuration file or missing model (exit 2)."""

    exit_code = EXIT_USAGE


class InputError(RedactcheckError):
    """An input document could not be read (exit 3)."""

    exit_code = EXIT_UNREADABLE


def internal_message(exc: BaseException, where: str = "") -> str:
    """One line for an unexpected exception: what failed, where, and a request to report it.

    The exception's own text is left out on purpose: it can quote document content.
    """
    place = f"{where}: " if where else ""
    return (f"{place}internal error ({type(exc).__name__}); this is a bug in redactcheck, "
            "please report it (the input was not changed)")
