"""Registration, login and the current user."""

from fastapi import APIRouter, HTTPException, Request, status
from goban_core.tokens import issue_token

from goban_fastapi.auth.dependencies import CurrentUser
from goban_fastapi.auth.schemas import UserCreate, UserLogin, UserPublic
from goban_fastapi.auth.service import UsernameTaken, user_create, user_login
from goban_fastapi.db import SessionDep
from goban_fastapi.errors import FieldErrors
from goban_fastapi.http import StrictJSONRoute

router = APIRouter(prefix="/api", tags=["users"], route_class=StrictJSONRoute)

_FORBIDDEN = {status.HTTP_403_FORBIDDEN: {"description": "Missing, invalid or expired token"}}


@router.post("/register/", status_code=status.HTTP_201_CREATED)
def register(data: UserCreate, session: SessionDep) -> UserPublic:
    """Create a user."""
    try:
        user = user_create(session, data=data)
    except UsernameTaken:
        raise FieldErrors({"username": ["A user with that username already exists."]}) from None
    return UserPublic(id=user.id, username=user.username, email=user.email)


@router.post(
    "/login/",
    response_model=str,
    responses={status.HTTP_401_UNAUTHORIZED: {"description": "Unknown user or wrong password"}},
)
def login(data: UserLogin, session: SessionDep, request: Request) -> str:
    """Exchange a username and password for a token valid 24 hours."""
    user = user_login(session, username=data.username, password=data.password)
    if user is None:
        raise HTTPException(status.HTTP_401_UNAUTHORIZED, "Invalid username or password.")
    return issue_token(user.id, request.app.state.settings.secret_key)


@router.get("/user/", responses=_FORBIDDEN)
def user_detail(user: CurrentUser) -> UserPublic:
    """Return the user the token belongs to."""
    return UserPublic(id=user.id, username=user.username, email=user.email)
