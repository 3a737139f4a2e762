"""Error bodies of the API: {"detail": "..."} or an object of field errors, never HTML."""

import logging

from django.core.exceptions import RequestDataTooBig
from django.db import OperationalError
from django.http import HttpRequest, JsonResponse
from django.views import defaults
from rest_framework import status
from rest_framework.exceptions import APIException
from rest_framework.response import Response
from rest_framework.views import exception_handler

logger = logging.getLogger(__name__)


class PayloadTooLarge(APIException):
    status_code = status.HTTP_413_REQUEST_ENTITY_TOO_LARGE
    default_detail = "The request body is too large."
    default_code = "payload_too_large"


class DatabaseUnavailable(APIException):
    status_code = status.HTTP_503_SERVICE_UNAVAILABLE
    default_detail = "The database is unavailable. Try again in a moment."
    default_code = "database_unavailable"


def api_exception_handler(exc: Exception, context: dict) -> Response | None:
    """Turn exceptions raised in API views into the contract's JSON error bodies."""
    if isinstance(exc, RequestDataTooBig):
        exc = PayloadTooLarge()
    elif isinstance(exc, OperationalError):
        # PostgreSQL is down or restarting, which is a failure of the service and not of the request.
        logger.warning("database unavailable during %s: %s", context["request"].path, " ".join(str(exc).split()))
        exc = DatabaseUnavailable()

    response = exception_handler(exc, context)
    if response is not None and isinstance(response.data, list):
        # A ValidationError raised with a message rather than per field.
        response.data = {"detail": " ".join(str(message) for message in response.data)}
    return response


def _is_api(request: HttpRequest) -> bool:
    return request.path.startswith("/api/")


def _detail(message: str, status_code: int) -> JsonResponse:
    # Compact, like the bodies that DRF renders.
    return JsonResponse({"detail": message}, status=status_code, json_dumps_params={"separators": (",", ":")})


def page_not_found(request: HttpRequest, exception: Exception):
    """Return JSON for an unknown /api/ path and Django's HTML page for any other path."""
    if _is_api(request):
        return _detail("Not found.", 404)
    return defaults.page_not_found(request, exception)


def bad_request(request: HttpRequest, exception: Exception):
    """Return JSON under /api/ for a request Django rejects before any view, such as one with a bad Host."""
    if _is_api(request):
        return _detail("Bad request.", 400)
    return defaults.bad_request(request, exception)


def server_error(request: HttpRequest):
    """Return JSON for an unhandled error under /api/, whose traceback Django logs."""
    if _is_api(request):
        return _detail("Internal server error.", 500)
    return defaults.server_error(request)
