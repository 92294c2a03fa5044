"""Talking HTTP to another triple store: credentials, requests, and the errors a person can act on.

Credentials come from the environment (``ATKG_STORE_USER`` / ``ATKG_STORE_PASSWORD``), never from
the command line, where they would sit in the shell history and in ``ps`` for every user to read.
Basic and Digest authentication are both offered, since Virtuoso asks for Digest and most reverse
proxies for Basic.
"""

from __future__ import annotations

import base64
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
    an unreachable server a UsageError naming the URL.

    With a login and a body, the server's challenge is fetched first by a request without a body
    and the answer is sent already authenticated: otherwise the body goes out unauthenticated, the
    server answers 401 and closes the connection without reading it, and a body larger than the
    socket buffers (Virtuoso, 700 KB) fails as a broken pipe instead of being retried.
    """
    prepared = urllib.request.Request(url, data=body, method=method, headers=dict(headers or {}))
    if login is not None and body:
        authorization = _authorization(prepared, login, timeout)
        if authorization is not None:
            prepared.add_unredirected_header("Authorization", authorization)
    try:
        with _opener(url, login).open(prepared, timeout=timeout) as response:
            return Response(
                response.status, response.headers.get_content_type(), dict(response.headers), response.read()
            )
    except urllib.error.HTTPError as error:
        raise _http_error(url, error) from None
    except (OSError, ValueError) as error:
        if login is not None and body and isinstance(getattr(error, "reason", error), ConnectionError):
            # The server may have refused the credentials and closed before reading the body:
            # ask again without one, so the person reads the server's refusal.
            _raise_if_refused(url, login, timeout)
        raise UsageError(f"{url}: cannot reach the store ({getattr(error, 'reason', error)})") from None


def _http_error(url: str, error: urllib.error.HTTPError) -> ValidationError:
    detail = error.read().decode(errors="replace").strip().splitlines()
    reason = detail[0][:300] if detail else error.reason
    if error.code in (401, 403):
        reason += f" (set {USER_VARIABLE} and {PASSWORD_VARIABLE} to a user allowed to do this)"
    return ValidationError(f"{url}: HTTP {error.code} {reason}")


def _probe(url: str, timeout: float, opener: urllib.request.OpenerDirector | None = None):
    """A HEAD request (no body either way); the HTTPError it ends in, or None."""
    opener = opener or urllib.request.build_opener(urllib.request.ProxyHandler({}))
    try:
        with opener.open(urllib.request.Request(url, method="HEAD"), timeout=timeout):
            return None
    except urllib.error.HTTPError as error:
        return error


def _authorization(prepared: urllib.request.Request, login: tuple[str, str], timeout: float) -> str | None:
    """The Authorization header for ``prepared``, from the challenge a bodiless request gets
    (None: the server asks for nothing we know, or cannot be reached: the request itself says so)."""
    try:
        refusal = _probe(prepared.full_url, timeout)
    except (OSError, ValueError):
        return None
    if refusal is None or refusal.code != 401:
        return None
    challenges = refusal.headers.get_all("WWW-Authenticate") or []
    for challenge in challenges:
        scheme, _, parameters = challenge.strip().partition(" ")
        if scheme.lower() == "digest":
            passwords = urllib.request.HTTPPasswordMgrWithDefaultRealm()
            passwords.add_password(None, prepared.full_url, *login)
            fields = urllib.request.parse_keqv_list(filter(None, urllib.request.parse_http_list(parameters)))
            digest = urllib.request.HTTPDigestAuthHandler(passwords).get_authorization(prepared, fields)
            if digest:
                return f"Digest {digest}"
    for challenge in challenges:
        if challenge.strip().lower().startswith("basic"):
            token = base64.b64encode(":".join(login).encode()).decode("ascii")
            return f"Basic {token}"
    return None


def _raise_if_refused(url: str, login: tuple[str, str], timeout: float) -> None:
    try:
        refusal = _probe(url, timeout, _opener(url, login))
    except (OSError, ValueError):
        return
    if refusal is not None and refusal.code in (401, 403):
        raise _http_error(url, refusal) from None
