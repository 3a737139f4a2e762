"""The CurrentUser dependency: the user named by a valid bearer token, or 403."""

from typing import Annotated

from fastapi import Depends, HTTPException, Request, status
from fastapi.security import HTTPBearer
from goban_core.tokens import InvalidToken, read_token

from goban_fastapi.auth.models import User
from goban_fastapi.db import SessionDep

# Declared so that the OpenAPI schema documents the bearer token. The header is parsed below
# because HTTPBearer cannot tell a missing header from a malformed one.
_bearer = HTTPBearer(auto_error=False, description="The token returned by POST /api/login/.")


def _forbidden(detail: str) -> HTTPException:
    # 403 rather than 401: the original web client expects 403 for a missing or bad token.
    return HTTPException(status.HTTP_403_FORBIDDEN, detail)


def current_user(request: Request, session: SessionDep, _: Annotated[object, Depends(_bearer)]) -> User:
    """Return the active user named by the request's bearer token; raise 403 otherwise."""
    parts = request.headers.get("authorization", "").split()
    if not parts:
        raise _forbidden("Authentication credentials were not provided.")
    if len(parts) != 2 or parts[0].lower() != "bearer":
        raise _forbidden("Invalid Authorization header: expected 'Bearer <token>'.")

    try:
        user_id = read_token(parts[1], request.app.state.settings.secret_key)
    except InvalidToken:
        raise _forbidden("Invalid or expired token.") from None

    user = session.get(User, user_id)
    if user is None or not user.is_active:
        raise _forbidden("Invalid or expired token.")
    return user


CurrentUser = Annotated[User, Depends(current_user)]
