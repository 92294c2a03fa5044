"""The endpoint's routes (Starlette): the SPARQL 1.1 Protocol, a query page, the graph's IRIs with
content negotiation, and the static site.

- ``/query``: SPARQL 1.1 Protocol query operation, GET and POST (``query=`` form or
  ``application/sparql-query``), every W3C results format by ``Accept``; through kg.guard and a
  killable worker (kg.endpoint.pool). Read-only: ``update=``, ``/update`` and the Graph Store
  Protocol (``/store``) are refused.
- ``/sparql``: our own query page; its examples are the named questions of ``queries/``.
- ``/id/<slug>``: the entity page of the site for a browser, its description (everything the store
  says with it as subject, in every graph) as Turtle, N-Triples or JSON-LD for RDF clients.
- anything else: a file of the site directory (``atkg site``), never outside it.

Every HTML answer carries a Content-Security-Policy allowing requests to this server only.
"""

from __future__ import annotations

import difflib
import mimetypes
import re
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import parse_qs

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import FileResponse, HTMLResponse, PlainTextResponse, RedirectResponse, Response
from starlette.routing import Route

from kg.endpoint.negotiate import GRAPH_TYPES, accepted, choose
from kg.endpoint.pool import Busy, WorkerPool
from kg.errors import KgError

__all__ = ["EndpointConfig", "create_app", "ID"]

ID = "https://w3id.org/atkg/id/"
_SLUG = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]*(?:\.[A-Za-z0-9_-]+)*")
_HERE = Path(__file__).parent
# what a graph name given to the protocol must look like: a scheme, then no space, quote or bracket
_ABSOLUTE_IRI = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:[^\s<>\"{}|\\^`]+")
# Pages of our own: scripts from this server only, requests to this server only.
_STRICT_CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; connect-src 'self'; "
    "img-src 'self' data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)
# The site's pages (inline scripts and styles of the views), still unable to reach another host.
_SITE_CSP = (
    "default-src 'self' 'unsafe-inline' 'unsafe-eval' data: blob:; connect-src 'self'; "
    "form-action 'self'; base-uri 'self'"
)
_ALL_METHODS = ["GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS"]
_READ_ONLY = (
    "the store is read-only: change the curated data with `atkg entity` / `atkg fact`, then `atkg build`"
)


@dataclass
class EndpointConfig:
    store: Path
    site: Path
    queries: Path


def _templates():
    from jinja2 import Environment, FileSystemLoader, select_autoescape

    return Environment(
        loader=FileSystemLoader(_HERE / "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
    )


def _shown(value: str) -> str:
    """A value from the request, cut short and with control characters made visible, for a message."""
    text = "".join(c if c.isprintable() else "?" for c in value)
    return text if len(text) <= 80 else text[:77] + "..."


def _error(status: int, message: str, headers: dict | None = None) -> Response:
    return PlainTextResponse(f"Error: {message}\n", status_code=status, headers=headers)


def create_app(config: EndpointConfig, pool: WorkerPool) -> Starlette:
    templates = _templates()
    subjects: dict[str, list[str]] = {}

    def page(name: str, status: int = 200, **context) -> HTMLResponse:
        html = templates.get_template(name).render(**context)
        return HTMLResponse(html, status_code=status, headers={"Content-Security-Policy": _STRICT_CSP})

    async def run(request: dict) -> Response:
        try:
            answer = await pool.run(request)
        except Busy as error:
            return _error(503, error.message, {"Retry-After": "1"})
        if answer.status != 200:
            return _error(answer.status, answer.error or "the query failed")
        return Response(answer.body, media_type=answer.media, headers={"Vary": "Accept"})

    async def query(request: Request) -> Response:
        from kg.guard import guard_query

        params = request.query_params
        text: str | None = params.get("query")
        form_keys: set[str] = set()
        form: dict[str, list[str]] = {}
        if request.method == "POST":
            kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
            if kind == "application/sparql-update":
                return _error(403, f"SPARQL Update is refused: {_READ_ONLY}")
            if kind == "application/sparql-query":
                raw = await _body(request)
                if raw is None:
                    return _too_large()
                try:
                    text = raw.decode("utf-8")
                except UnicodeDecodeError:
                    return _error(400, "the query is not valid UTF-8 text")
            elif kind == "application/x-www-form-urlencoded":
                raw = await _body(request)
                if raw is None:
                    return _too_large()
                try:
                    form = parse_qs(raw.decode("utf-8"), strict_parsing=False)
                except UnicodeDecodeError:
                    return _error(400, "the form is not valid UTF-8 text")
                form_keys = set(form)
                text = form["query"][0] if "query" in form else None
            else:
                return _error(415, "send the query as application/sparql-query or as a query= form field")
        if "update" in params or "update" in form_keys:
            return _error(403, f"SPARQL Update is refused: {_READ_ONLY}")
        protocol_graphs: dict[str, list[str]] = {}
        for key, field in (("default-graph-uri", "default"), ("named-graph-uri", "named")):
            given = params.getlist(key) + (form.get(key, []) if form_keys else [])
            for iri in given:
                if not _ABSOLUTE_IRI.fullmatch(iri):
                    return _error(400, f"{key}: '{_shown(iri)}' is not an absolute IRI")
            if given:
                protocol_graphs[field] = sorted(set(given))
        if text is None:
            if request.method == "GET" and _wants_html(request):
                return RedirectResponse("sparql", status_code=303)
            return _error(400, "no query: give it as the query parameter")
        try:
            guard_query(text)
        except KgError as error:
            return _error(400, error.message)
        return await run(
            {"kind": "query", "text": text, "accept": request.headers.get("accept")} | protocol_graphs
        )

    async def refuse_update(request: Request) -> Response:
        return _error(403, f"SPARQL Update is refused: {_READ_ONLY}")

    async def refuse_store(request: Request) -> Response:
        return _error(405, f"the Graph Store Protocol is not offered: {_READ_ONLY}", {"Allow": ""})

    async def query_page(request: Request) -> Response:
        from kg.querypack import load_pack

        try:
            examples = list(load_pack(config.queries).values())
        except KgError:
            examples = []
        return page("query.html", root="./", examples=examples)

    async def script(request: Request) -> Response:
        return FileResponse(_HERE / "static" / "query.js", media_type="text/javascript")

    async def entity(request: Request) -> Response:
        slug = request.path_params["slug"]
        if slug.endswith(".html"):  # a file of the site (id/<slug>.html, as its relative links name them)
            return await static_file(request, f"id/{slug}")
        if not _SLUG.fullmatch(slug):
            return await not_found_entity(request, slug)
        rdf = choose(request.headers.get("accept"), list(GRAPH_TYPES))
        if rdf is None or (_wants_html(request) and _prefers_html(request)):
            html = config.site / "id" / f"{slug}.html"
            if html.is_file():
                return FileResponse(html, media_type="text/html", headers=_html_headers())
            if slug in await _subjects():  # in the graph, but the site has no page for it (yet)
                return page(
                    "notfound.html", 404, root="../", slug=slug, exists=True, suggestions=[], has_site=False
                )
            return await not_found_entity(request, slug)
        answer = await pool.run(
            {"kind": "describe", "iri": ID + slug, "accept": request.headers.get("accept")}
        )
        if answer.status == 404:
            return _error(404, f"no entity {slug} in the graph ({ID}{slug})")
        if answer.status != 200:
            return _error(answer.status, answer.error or "failed")
        return Response(answer.body, media_type=answer.media, headers={"Vary": "Accept"})

    async def not_found_entity(request: Request, slug: str) -> Response:
        if not _wants_html(request):
            return _error(404, f"no entity {slug} in the graph")
        known = await _subjects()
        near = difflib.get_close_matches(slug.lower(), known, n=5, cutoff=0.6)
        near += [s for s in known if slug.lower() in s and s not in near][: 5 - len(near)]
        has_site = (config.site / "index.html").is_file()
        return page("notfound.html", 404, root="../", slug=slug, suggestions=near, has_site=has_site)

    async def _subjects() -> list[str]:
        from kg.storedir import generation

        key = generation(config.store) or ""
        if key not in subjects:
            answer = await pool.run({"kind": "subjects"})
            lines = answer.body.decode().splitlines() if answer.status == 200 else []
            subjects.clear()
            subjects[key] = [line.removeprefix(ID) for line in lines]
        return subjects[key]

    async def static(request: Request) -> Response:
        return await static_file(request, request.path_params.get("path", ""))

    async def static_file(request: Request, relative: str) -> Response:
        root = config.site.resolve()
        if not (root / "index.html").is_file() and relative in ("", "index.html"):
            return page("nosite.html", root="./", site=str(config.site))
        target = (root / relative).resolve()
        if not target.is_relative_to(root):
            return _error(404, "not found")
        if target.is_dir():
            target = target / "index.html"
        if not target.is_file():
            if _wants_html(request):
                return page(
                    "notfound.html",
                    404,
                    root="/",
                    slug=None,
                    path="/" + relative,
                    suggestions=[],
                    has_site=True,
                )
            return _error(404, f"/{relative}: not found")
        media = mimetypes.guess_type(target.name)[0] or "application/octet-stream"
        headers = _html_headers() if media == "text/html" else {"X-Content-Type-Options": "nosniff"}
        return FileResponse(target, media_type=media, headers=headers)

    @asynccontextmanager
    async def lifespan(app):
        pool.attach()
        try:
            yield
        finally:
            pool.stop()

    routes = [
        Route("/query", query, methods=["GET", "POST"]),
        Route("/sparql", query_page, methods=["GET"]),
        Route("/update", refuse_update, methods=_ALL_METHODS),
        Route("/store", refuse_store, methods=_ALL_METHODS),
        Route("/store/{rest:path}", refuse_store, methods=_ALL_METHODS),
        Route("/_endpoint/query.js", script, methods=["GET"]),
        Route("/id/{slug}", entity, methods=["GET", "HEAD"]),
        Route("/{path:path}", static, methods=["GET", "HEAD"]),
    ]
    return Starlette(routes=routes, lifespan=lifespan)


async def _body(request: Request) -> bytes | None:
    """The request body, or None past the limit (read no further than that: no memory blow-up)."""
    from kg.guard import MAX_QUERY_BYTES

    limit = 4 * MAX_QUERY_BYTES  # room for URL-encoding
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            return None
        chunks.append(chunk)
    return b"".join(chunks)


def _too_large() -> Response:
    from kg.guard import MAX_QUERY_BYTES

    return _error(413, f"the request body is too large: a query is at most {MAX_QUERY_BYTES} bytes")


def _html_headers() -> dict[str, str]:
    return {"Content-Security-Policy": _SITE_CSP, "X-Content-Type-Options": "nosniff", "Vary": "Accept"}


def _wants_html(request: Request) -> bool:
    return "text/html" in accepted(request.headers.get("accept")) or "application/xhtml+xml" in accepted(
        request.headers.get("accept")
    )


def _prefers_html(request: Request) -> bool:
    """A browser lists text/html before any RDF type."""
    for media in accepted(request.headers.get("accept")):
        if media in ("text/html", "application/xhtml+xml"):
            return True
        if media in GRAPH_TYPES:
            return False
    return False
