"""Middleware that marks every response with the server that produced it."""

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

SERVER_NAME = "django"


def server_header_middleware(get_response: Callable[[HttpRequest], HttpResponse]):
    """Add X-Goban-Server to every response, so a client behind nginx can see which server handled the request."""

    def middleware(request: HttpRequest) -> HttpResponse:
        response = get_response(request)
        response["X-Goban-Server"] = SERVER_NAME
        return response

    return middleware
