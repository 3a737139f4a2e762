"""The token dependencies: the user id in a valid bearer token, the active user it names, or 403."""

from typing import Annotated

from fastapi import Depends, HTTPException, Request, status
from fastapi.security import HTTPBearer
from goban_core.tokens import InvalidToken, read_token
from sqlalchemy import select
from sqlalchemy.orm import Session

from goban_fastapi.auth.models import User
from goban_fastapi.db import SessionDep

# Declared so that the OpenAPI schema documents the bearer token. The header is parsed below
# because HTTPBearer cannot tell a missing header from a malformed one.
_bearer = HTTPBearer(auto_error=False, description="The token returned by POST /api/login/.")


def forbidden(detail: str = "Invalid or expired token.") -> HTTPException:
    """Build the error for a missing or bad token, or for a token of a deleted or inactive user."""
    # 403 rather than 401: the original web client expects 403 for a missing or bad token.
    return HTTPException(status.HTTP_403_FORBIDDEN, detail)


async def token_user_id(request: Request, _: Annotated[object, Depends(_bearer)]) -> int:
    """Read the user id from the request's bearer token without asking the database; raise 403 for a bad token.

    It is async because it needs no database, and a sync dependency would wait for a thread.
    """
    parts = request.headers.get("authorization", "").split()
    if not parts:
        raise forbidden("Authentication credentials were not provided.")
    if len(parts) != 2 or parts[0].lower() != "bearer":
        raise forbidden("Invalid Authorization header: expected 'Bearer <token>'.")

    try:
        return read_token(parts[1], request.app.state.settings.secret_key)
    except InvalidToken:
        raise forbidden() from None


TokenUserId = Annotated[int, Depends(token_user_id)]


def user_is_active(session: Session, user_id: int) -> bool:
    """Return whether the user exists and may use the API."""
    return bool(session.scalar(select(User.is_active).where(User.id == user_id)))


def current_user(user_id: TokenUserId, session: SessionDep) -> User:
    """Return the active user named by the request's bearer token; raise 403 otherwise."""
    user = session.get(User, user_id)
    if user is None or not user.is_active:
        raise forbidden()
    return user


CurrentUser = Annotated[User, Depends(current_user)]
