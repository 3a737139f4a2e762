"""The OwnedRecord dependency: the record named in the path, if it is the caller's, or 403 or 404."""

from typing import Annotated

from fastapi import Depends, HTTPException, Path, status
from sqlalchemy import BindParameter, Select, select
from sqlalchemy.orm import Session

from goban_fastapi.auth.dependencies import TokenUserId, forbidden, user_is_active
from goban_fastapi.auth.models import User
from goban_fastapi.db import SessionDep
from goban_fastapi.records.models import Record
from goban_fastapi.records.service import MAX_ID

RecordId = Annotated[int, Path(ge=1, le=MAX_ID, description="The record's id.")]


def owned_by_active_user(query: Select, *, record_id: int | BindParameter, user_id: int | BindParameter) -> Select:
    """Limit a query of records to the one with record_id, when user_id owns it and is active.

    The owner's check is part of the record's query, which saves a request a round trip to the
    database. record_missing() then decides between the two failures.
    """
    return query.join(User, User.id == Record.owner_id).where(
        Record.id == record_id, Record.owner_id == user_id, User.is_active
    )


def record_missing(session: Session, user_id: int) -> HTTPException:
    """Build the error for an owned_by_active_user() query that found nothing: 403 or 404."""
    if not user_is_active(session, user_id):
        return forbidden()
    return HTTPException(status.HTTP_404_NOT_FOUND, "No record with this id.")


def owned_record(record_id: RecordId, user_id: TokenUserId, session: SessionDep) -> Record:
    """Return the caller's record; raise 403 for a deleted or inactive caller, and 404 for a missing or foreign record."""
    # Resolved before the body is validated, so a missing record is 404 whatever the body holds.
    record = session.scalar(owned_by_active_user(select(Record), record_id=record_id, user_id=user_id))
    if record is None:
        raise record_missing(session, user_id)
    return record


OwnedRecord = Annotated[Record, Depends(owned_record)]
