"""Talking HTTP to another triple store: credentials, requests, and the errors a person can act on.

Credentials come from the environment (``ATKG_STORE_USER`` / ``ATKG_STORE_PASSWORD``), never from
the command line, where they would sit in the shell history and in ``ps`` for every user to read.
Basic and Digest authentication are both offered, since Virtuoso asks for Digest and most reverse
proxies for Basic.
"""

from __future__ import annotations

import os
import urllib.error
import urllib.request
from collections.abc import Mapping
from dataclasses import dataclass

from kg.errors import UsageError, ValidationError

__all__ = ["USER_VARIABLE", "PASSWORD_VARIABLE", "Response", "credentials", "request"]

USER_VARIABLE = "ATKG_STORE_USER"
PASSWORD_VARIABLE = "ATKG_STORE_PASSWORD"


@dataclass(frozen=True)
class Response:
    status: int
    content_type: str
    headers: Mapping[str, str]
    body: bytes


def credentials(environ: Mapping[str, str] | None = None) -> tuple[str, str] | None:
    """(user, password) from the environment, or None; a user without a password is an error."""
    environ = os.environ if environ is None else environ
    user = environ.get(USER_VARIABLE, "")
    password = environ.get(PASSWORD_VARIABLE, "")
    if not user and not password:
        return None
    if not user or not password:
        missing = USER_VARIABLE if not user else PASSWORD_VARIABLE
        raise UsageError(
            f"{missing} is not set: give both {USER_VARIABLE} and {PASSWORD_VARIABLE}, or neither"
        )
    return user, password


def _opener(url: str, login: tuple[str, str] | None) -> urllib.request.OpenerDirector:
    handlers: list[urllib.request.BaseHandler] = []
    if login is not None:
        passwords = urllib.request.HTTPPasswordMgrWithDefaultRealm()
        passwords.add_password(None, url, *login)
        handlers += [
            urllib.request.HTTPBasicAuthHandler(passwords),
            urllib.request.HTTPDigestAuthHandler(passwords),
        ]
    # No proxy: the store named on the command line is the one spoken to (nothing leaves the machine
    # through a proxy the environment happens to name).
    return urllib.request.build_opener(urllib.request.ProxyHandler({}), *handlers)


def request(
    method: str,
    url: str,
    body: bytes | None = None,
    headers: Mapping[str, str] | None = None,
    timeout: float = 60,
    login: tuple[str, str] | None = None,
) -> Response:
    """One HTTP exchange; an HTTP error status becomes a ValidationError quoting the server,
    an unreachable server a UsageError naming the URL."""
    prepared = urllib.request.Request(url, data=body, method=method, headers=dict(headers or {}))
    try:
        with _opener(url, login).open(prepared, timeout=timeout) as response:
            return Response(
                response.status, response.headers.get_content_type(), dict(response.headers), response.read()
            )
    except urllib.error.HTTPError as error:
        detail = error.read().decode(errors="replace").strip().splitlines()
        reason = detail[0][:300] if detail else error.reason
        if error.code in (401, 403):
            reason += f" (set {USER_VARIABLE} and {PASSWORD_VARIABLE} to a user allowed to do this)"
        raise ValidationError(f"{url}: HTTP {error.code} {reason}") from None
    except (OSError, ValueError) as error:
        raise UsageError(f"{url}: cannot reach the store ({getattr(error, 'reason', error)})") from None
