"""One exception hierarchy for sanctionwatch.

    SanctionwatchError            (500) base of everything we raise on purpose
    ├── ConfigError               (500) settings are missing or refused
    ├── InputError                (400) the user gave us something we cannot use
    │   ├── ParseError            (422) a list or data file is malformed (names file and place)
    │   ├── UnknownFormatError    (415) no parser recognises the file
    │   └── VersionError          (409) a list version is older than the one loaded
    ├── AuthError                 (401) no valid credentials (login or API token)
    ├── ForbiddenError            (403) the user may see the object but not do this to it
    └── NotFoundError             (404) an entity, source, version or decision does not exist,
                                        or one the user may not read: the answer is the same

Every error carries an HTTP status so the API edge can turn it into JSON
without knowing the domain.
"""

from __future__ import annotations

from pathlib import Path


class SanctionwatchError(Exception):
    """Base of every error sanctionwatch raises on purpose."""

    status = 500


class ConfigError(SanctionwatchError):
    """Settings are missing, malformed or refused."""


class InputError(SanctionwatchError):
    """The caller supplied input that cannot be used."""

    status = 400


class ParseError(InputError):
    """A data file is malformed; the message names the file and the place."""

    status = 422

    def __init__(self, path: Path | str, where: str | int | None, message: str) -> None:
        self.path = str(path)
        self.where = where
        self.message = " ".join(message.split())
        place = f"{self.path}:{where}" if where not in (None, "") else self.path
        super().__init__(f"{place}: {self.message}")


class UnknownFormatError(InputError):
    """No parser recognises the file."""

    status = 415


class VersionError(InputError):
    """A list version conflicts with what is already loaded."""

    status = 409


class AuthError(SanctionwatchError):
    """No valid credentials: a wrong password, an unknown or expired token."""

    status = 401


class ForbiddenError(SanctionwatchError):
    """The user may read the object but their roles do not allow this action on it."""

    status = 403


class NotFoundError(SanctionwatchError):
    """The requested object does not exist."""

    status = 404
