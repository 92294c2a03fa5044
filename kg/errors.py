"""Errors a user can cause, each with the exit code the CLI turns it into.

Raised in the library, printed once at the CLI edge as ``Error: <message>``: exit 2 for usage
errors (a bad argument, an unknown name), 1 for validation failures (data or query that does not
hold), as pySHACL does.
"""

from __future__ import annotations

__all__ = ["KgError", "UsageError", "ValidationError", "DataSyntaxError", "QueryTimeout"]


class KgError(Exception):
    exit_code = 1

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class UsageError(KgError):
    """The request itself is wrong: a parameter, a name, a refused operation."""

    exit_code = 2


class ValidationError(KgError):
    """The data or the query does not hold up; details name the file, line or entity."""

    exit_code = 1


class DataSyntaxError(ValidationError):
    """A curated file does not parse. The message is ``file:line: what``."""


class QueryTimeout(KgError):
    exit_code = 1
