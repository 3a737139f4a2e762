"""The health endpoint that container checks and smoke checks call."""

from typing import Literal

from fastapi import APIRouter, Request, Response, status
from pydantic import BaseModel

from goban_fastapi.config import SERVER_NAME
from goban_fastapi.db import database_is_up

router = APIRouter(prefix="/api", tags=["health"])


class Health(BaseModel):
    """Whether this server and its database work."""

    status: Literal["ok", "error"]
    server: Literal["fastapi"]
    database: Literal["ok", "unavailable"]


@router.get("/health/", responses={503: {"model": Health, "description": "PostgreSQL cannot be reached"}})
def health(request: Request, response: Response) -> Health:
    """Report whether the server runs and reaches PostgreSQL (200) or not (503); needs no token."""
    if database_is_up(request.app.state.engine):
        return Health(status="ok", server=SERVER_NAME, database="ok")
    response.status_code = status.HTTP_503_SERVICE_UNAVAILABLE
    return Health(status="error", server=SERVER_NAME, database="unavailable")
