"""Error responses in the contract's shapes: 400 field errors in place of FastAPI's 422, {"detail"} elsewhere.

Field messages follow Django REST framework's default wording, so both servers return the same text
for the same mistake.
"""

import json
import logging
from collections.abc import Mapping
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse as StarletteJSONResponse
from sqlalchemy.exc import OperationalError
from sqlalchemy.exc import TimeoutError as SQLAlchemyTimeoutError
from starlette.exceptions import HTTPException as StarletteHTTPException

from goban_fastapi.config import SERVER_NAME

logger = logging.getLogger(__name__)

SERVER_HEADER = "X-Goban-Server"


class JSONResponse(StarletteJSONResponse):
    """A JSON response in UTF-8 that falls back to \\u escapes for text UTF-8 cannot encode.

    A validation message may quote the request's value, and a JSON string may hold a lone
    surrogate (\\ud800) that UTF-8 cannot encode.
    """

    def render(self, content: Any) -> bytes:
        try:
            return super().render(content)
        except UnicodeEncodeError:
            return json.dumps(content, ensure_ascii=True, allow_nan=False, separators=(",", ":")).encode("ascii")


_MESSAGES = {
    "missing": "This field is required.",
    "int_type": "A valid integer is required.",
    "int_parsing": "A valid integer is required.",
    "int_parsing_size": "A valid integer is required.",
    "int_from_float": "A valid integer is required.",
    "float_type": "A valid number is required.",
    "float_parsing": "A valid number is required.",
    "finite_number": "A valid number is required.",
    "string_type": "Not a valid string.",
    "string_unicode": "Text must be valid Unicode without lone surrogates.",
    "string_too_long": "Ensure this field has no more than {max_length} characters.",
    "greater_than_equal": "Ensure this value is greater than or equal to {ge}.",
    "less_than_equal": "Ensure this value is less than or equal to {le}.",
    "multiple_of": "Ensure this value is a multiple of {multiple_of}.",
}


# The message of a 413 for a body over the size limit, which the JSON reader returns in place of the body.
BODY_TOO_LARGE = "The request body is too large."


class FieldErrors(Exception):
    """Invalid request fields found after parsing, sent back as 400 {field: [messages]}."""

    def __init__(self, fields: dict[str, list[str]]):
        super().__init__(fields)
        self.fields = fields


def _message(error: Mapping[str, Any]) -> str:
    kind = error["type"]
    context = error.get("ctx") or {}

    if kind != "missing" and "input" in error and error["input"] is None:
        return "This field may not be null."
    if kind == "invalid_choice":
        return f'"{error["input"]}" is not a valid choice.'
    if kind == "string_too_short":
        if context.get("min_length") == 1:
            return "This field may not be blank."
        return f"Ensure this field has at least {context.get('min_length')} characters."
    if kind in _MESSAGES:
        return _MESSAGES[kind].format(**context)
    return error["msg"]


def validation_error_response(errors: list[Mapping[str, Any]]) -> JSONResponse:
    """Turn FastAPI's validation errors into the contract's 404, 400 {"detail"} or 400 field errors."""
    for error in errors:
        location = tuple(error["loc"])
        if location[0] == "path":
            return JSONResponse({"detail": "Not found."}, status_code=404)
        if location == ("body",) or error["type"] == "json_invalid":
            # The JSON reader returns a message in place of a body it cannot read as an object.
            detail = error.get("input")
            if not isinstance(detail, str):
                detail = "The body must be a JSON object."
            return JSONResponse({"detail": detail}, status_code=413 if detail == BODY_TOO_LARGE else 400)

    fields: dict[str, list[str]] = {}
    for error in errors:
        location = tuple(error["loc"])
        name = str(location[1]) if len(location) > 1 else "non_field_errors"
        fields.setdefault(name, []).append(_message(error))
    return JSONResponse(fields, status_code=400)


async def _on_validation_error(request: Request, exc: RequestValidationError) -> JSONResponse:
    return validation_error_response(list(exc.errors()))


async def _on_field_errors(request: Request, exc: FieldErrors) -> JSONResponse:
    return JSONResponse(exc.fields, status_code=400)


async def _on_http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
    detail = exc.detail
    # Starlette's own wording for unknown paths and methods, reworded as the Django server has it.
    if exc.status_code == 404 and detail == "Not Found":
        detail = "Not found."
    elif exc.status_code == 405 and detail == "Method Not Allowed":
        detail = f'Method "{request.method}" not allowed.'
    return JSONResponse({"detail": detail}, status_code=exc.status_code, headers=exc.headers)


async def _on_database_unavailable(request: Request, exc: Exception) -> JSONResponse:
    logger.warning(
        "database unavailable during %s %s: %s", request.method, request.url.path, " ".join(str(exc).split())
    )
    return JSONResponse({"detail": "The database is unavailable. Try again in a moment."}, status_code=503)


async def _on_unexpected_error(request: Request, exc: Exception) -> JSONResponse:
    # This response leaves through Starlette's outermost middleware, past the one that adds the
    # server header, so it carries the header itself.
    logger.exception("unhandled error on %s %s", request.method, request.url.path)
    return JSONResponse({"detail": "Internal server error."}, status_code=500, headers={SERVER_HEADER: SERVER_NAME})


def exception_handlers_install(app: FastAPI) -> None:
    """Register the handlers that shape error responses."""
    app.add_exception_handler(RequestValidationError, _on_validation_error)
    app.add_exception_handler(FieldErrors, _on_field_errors)
    app.add_exception_handler(StarletteHTTPException, _on_http_error)
    # A lost connection or an exhausted pool is an outage to wait out, not a bug in the request.
    app.add_exception_handler(OperationalError, _on_database_unavailable)
    app.add_exception_handler(SQLAlchemyTimeoutError, _on_database_unavailable)
    app.add_exception_handler(Exception, _on_unexpected_error)
