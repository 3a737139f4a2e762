"""Body parsing shared by every route, the host check, and the header that names this server.

Bodies are read the way the Django server's parser reads them, so both servers give the same
status for the same request:

- the body is JSON whatever its Content-Type (only multipart uploads are left to the route),
  and a body sent without Content-Type is ignored, as Django REST framework does;
- NaN and Infinity are invalid JSON (1e400 reads as infinity, which field checks reject);
- an empty body is the empty object, so each required field is reported missing;
- a body that is unreadable (invalid JSON, invalid UTF-8, too large) is reported only after
  the token and the record have been checked, so a request without a token still gets 403.
"""

import json
from collections.abc import Callable, Coroutine
from typing import Any

from fastapi import HTTPException, Request, Response, status
from fastapi.responses import JSONResponse
from fastapi.routing import APIRoute
from starlette.datastructures import Headers, MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from goban_fastapi.config import SERVER_NAME
from goban_fastapi.errors import BODY_TOO_LARGE, SERVER_HEADER

# The Django server's DATA_UPLOAD_MAX_MEMORY_SIZE.
MAX_BODY_BYTES = 1024 * 1024

_BODY_IGNORED = "goban.body_ignored"
_JSON_TYPE_NAMES = {list: "an array", str: "a string", int: "a number", float: "a number", bool: "a boolean"}


def _reject_constant(name: str) -> float:
    raise ValueError(f"{name} is not a JSON number")


class StrictJSONRequest(Request):
    """A request whose body is read as described in this module's docstring."""

    async def raw_body(self) -> bytes:
        """Return the body as sent (empty without Content-Type); raise 413 when it is too large."""
        if not hasattr(self, "_raw_body"):
            self._raw_body = b"" if self.scope.get(_BODY_IGNORED) else await self._read_limited()
        if self._raw_body is None:
            raise HTTPException(status.HTTP_413_CONTENT_TOO_LARGE, BODY_TOO_LARGE)
        return self._raw_body

    async def _read_limited(self) -> bytes | None:
        chunks = []
        size = 0
        async for chunk in self.stream():
            size += len(chunk)
            if size > MAX_BODY_BYTES:
                return None
            chunks.append(chunk)
        return b"".join(chunks)

    async def body(self) -> bytes:
        # Never empty, so that FastAPI always calls json(), which reports any problem as a value.
        return b"{}"

    async def json(self) -> Any:
        if not hasattr(self, "_json"):
            self._json = await self._parse()
        return self._json

    async def _parse(self) -> Any:
        """Return the body's JSON object, or a message saying why there is none (checked in errors.py)."""
        try:
            raw = await self.raw_body()
        except HTTPException:
            return BODY_TOO_LARGE
        try:
            data = json.loads(raw or b"{}", parse_constant=_reject_constant)
        except (UnicodeDecodeError, ValueError, RecursionError) as error:
            return f"The body is not valid JSON: {error}"
        if not isinstance(data, dict):
            return f"The body must be a JSON object, not {_JSON_TYPE_NAMES.get(type(data), 'null')}."
        return data


def _as_json_scope(scope: Scope) -> Scope:
    headers = scope["headers"]
    content_type = next((value for name, value in headers if name == b"content-type"), None)
    if content_type is not None and content_type.lower().startswith(b"multipart/"):
        return scope
    other_headers = [(name, value) for name, value in headers if name != b"content-type"]
    return {
        **scope,
        "headers": [*other_headers, (b"content-type", b"application/json")],
        _BODY_IGNORED: content_type is None,
    }


class StrictJSONRoute(APIRoute):
    """A route that reads its body with StrictJSONRequest."""

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        handler = super().get_route_handler()

        async def strict_handler(request: Request) -> Response:
            return await handler(StrictJSONRequest(_as_json_scope(request.scope), request.receive))

        return strict_handler


class ServerHeaderMiddleware:
    """Add X-Goban-Server to every response, so a person or a test can see which server sent it."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_header(message: Message) -> None:
            if message["type"] == "http.response.start":
                MutableHeaders(scope=message).append(SERVER_HEADER, SERVER_NAME)
            await send(message)

        await self.app(scope, receive, send_with_header)


def host_is_allowed(host: str, allowed_hosts: list[str]) -> bool:
    """Return whether host (a Host header, port allowed) matches allowed_hosts as Django matches ALLOWED_HOSTS.

    "*" matches any host, ".example.com" matches example.com and its subdomains, and any other
    entry matches that host name exactly, ignoring case.
    """
    name = host.rsplit(":", 1)[0] if not host.endswith("]") else host
    name = name.lower().rstrip(".")
    for pattern in allowed_hosts:
        pattern = pattern.lower()
        if pattern == "*" or name == pattern:
            return True
        if pattern.startswith(".") and (name == pattern[1:] or name.endswith(pattern)):
            return True
    return False


class HostCheckMiddleware:
    """Reject a request whose Host (or X-Forwarded-Host, set by nginx) is not in GOBAN_HOST with 400."""

    def __init__(self, app: ASGIApp, allowed_hosts: list[str]) -> None:
        self.app = app
        self.allowed_hosts = allowed_hosts

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            headers = Headers(scope=scope)
            host = headers.get("x-forwarded-host", headers.get("host", "")).split(",")[0].strip()
            if not host_is_allowed(host, self.allowed_hosts):
                response = JSONResponse({"detail": "Bad request."}, status_code=status.HTTP_400_BAD_REQUEST)
                await response(scope, receive, send)
                return
        await self.app(scope, receive, send)
