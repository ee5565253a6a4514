"""The web application: a FastAPI app over one ledger, opened read-only.

SQLite connections cannot be used by two threads at once, so requests borrow a read-only
connection from a small pool and give it back. Every response carries a Content-Security-
Policy that allows only this server's own script and stylesheet (no inline script, no
remote source), and a Host check refuses DNS-rebinding pages that reach a loopback server
under a foreign name.
"""

from __future__ import annotations

import threading
from collections.abc import AsyncIterator, Iterable, Iterator
from contextlib import asynccontextmanager, contextmanager
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from consilience import __version__
from consilience.present.render import asset
from consilience.present.web import queries
from consilience.present.web.api import router as api_router
from consilience.present.web.pages import router as pages_router
from consilience.present.web.pages import templates
from consilience.store import Ledger

LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "[::1]")
STATIC = Path(__file__).with_name("static")
CONTENT_SECURITY_POLICY = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)
SECURITY_HEADERS = [
    (b"content-security-policy", CONTENT_SECURITY_POLICY.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-resource-policy", b"same-origin"),
]
READ_METHODS = ("GET", "HEAD")


class LedgerPool:
    """Read-only connections to one ledger: each request borrows one and gives it back, so
    no connection is ever used by two threads at once. Up to `keep` idle connections are
    kept, more than the server's worker threads (40), so none is reopened under load (a
    fresh connection starts with a cold page cache)."""

    def __init__(self, path: str | Path, keep: int = 64) -> None:
        self.path = Path(path)
        self._keep = keep
        self._idle: list[Ledger] = []
        self._lock = threading.Lock()
        self._summary: tuple[tuple[int, ...], dict[str, Any]] | None = None
        self._summary_lock = threading.Lock()
        self._give_back(Ledger(self.path, readonly=True))  # fails early on a bad ledger

    @contextmanager
    def ledger(self) -> Iterator[Ledger]:
        with self._lock:
            ledger = self._idle.pop() if self._idle else None
        if ledger is None:
            ledger = Ledger(self.path, readonly=True)
        try:
            yield ledger
        finally:
            self._give_back(ledger)

    def _give_back(self, ledger: Ledger) -> None:
        with self._lock:
            if len(self._idle) < self._keep:
                self._idle.append(ledger)
                return
        ledger.close()

    def summary(self, ledger: Ledger) -> dict[str, Any]:
        """Totals for the overview and the pagers. Counting rows reads whole tables, so the
        totals are computed once per state of the ledger file, not once per request."""
        stamp = self._stamp()
        cached = self._summary
        if cached is not None and cached[0] == stamp:
            return cached[1]
        with self._summary_lock:
            cached = self._summary
            if cached is not None and cached[0] == stamp:
                return cached[1]
            summary = queries.summary(ledger)
            self._summary = (stamp, summary)
            return summary

    def _stamp(self) -> tuple[int, ...]:
        """Changes whenever the ledger is written (the file or its write-ahead log)."""
        stamp: list[int] = []
        for path in (self.path, self.path.with_name(self.path.name + "-wal")):
            try:
                found = path.stat()
            except FileNotFoundError:
                stamp += [0, 0]
            else:
                stamp += [found.st_mtime_ns, found.st_size]
        return tuple(stamp)

    def close(self) -> None:
        with self._lock:
            idle, self._idle = self._idle, []
        for ledger in idle:
            ledger.close()


class Guard:
    """ASGI middleware: only GET and HEAD, only the allowed Host names, and the security
    headers on every response."""

    def __init__(self, app: ASGIApp, allowed_hosts: Iterable[str] | None) -> None:
        self.app = app
        self.allowed = None if allowed_hosts is None else {h.lower() for h in allowed_hosts}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_secured(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", []), *SECURITY_HEADERS]
            await send(message)

        if scope["method"] not in READ_METHODS:
            response: Response = JSONResponse(
                {"detail": "Method Not Allowed: this server is read-only"},
                status_code=405,
                headers={"Allow": ", ".join(READ_METHODS)},
            )
            await response(scope, receive, send_secured)
            return
        if self.allowed is not None and _host(scope) not in self.allowed:
            response = JSONResponse({"detail": "Invalid host header"}, status_code=400)
            await response(scope, receive, send_secured)
            return
        if scope["method"] == "HEAD":
            # Answered as GET; the server drops the body of a HEAD response.
            scope = {**scope, "method": "GET"}
        await self.app(scope, receive, send_secured)


def _host(scope: Scope) -> str:
    """The Host header's name without its port ("[::1]:8000" -> "[::1]")."""
    for name, value in scope.get("headers", []):
        if name == b"host":
            host = bytes(value).decode("latin-1").lower()
            if host.startswith("["):
                return host.partition("]")[0] + "]"
            return host.partition(":")[0]
    return ""


def create_app(
    ledger_path: str | Path, *, allowed_hosts: Iterable[str] | None = LOOPBACK_HOSTS
) -> FastAPI:
    """The web UI and JSON API over the ledger at `ledger_path`.

    Raises LedgerError when the file is not a current ledger. `allowed_hosts` are the Host
    names requests may use (None: any, for a server bound beyond loopback).
    """
    pool = LedgerPool(ledger_path)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        pool.close()

    app = FastAPI(
        title="consilience",
        version=__version__,
        summary="Read-only browser and JSON API over a consilience ledger.",
        docs_url=None,  # Swagger UI and ReDoc would load scripts from a CDN
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.pool = pool
    app.state.templates = templates()
    app.include_router(api_router)
    app.include_router(pages_router)
    assets = {
        "style.css": (asset("style.css") + (STATIC / "web.css").read_text(encoding="utf-8"), "css"),
        "claims.js": (asset("claims.js"), "javascript"),
    }

    @app.get("/static/{name}", include_in_schema=False)
    def static(name: str) -> Response:
        if name not in assets:
            raise StarletteHTTPException(404, "no such file")
        text, kind = assets[name]
        return Response(
            text,
            media_type=f"text/{kind}; charset=utf-8",
            headers={"Cache-Control": "no-cache"},  # a newer consilience may change them
        )

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, error: StarletteHTTPException) -> Response:
        """JSON under /api/ (and wherever no page would render), an HTML page elsewhere."""
        path = request.url.path
        if path.startswith(("/api/", "/static/", "/openapi")) or error.status_code != 404:
            return JSONResponse(
                {"detail": error.detail}, status_code=error.status_code, headers=error.headers
            )
        page = app.state.templates.get_template("error.html.j2").render(
            active="", status=error.status_code, detail=str(error.detail)
        )
        return Response(page, status_code=error.status_code, media_type="text/html")

    app.add_middleware(Guard, allowed_hosts=allowed_hosts)
    return app
