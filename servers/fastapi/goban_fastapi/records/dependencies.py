"""The OwnedRecord dependency: the record named in the path, if it is the caller's, or 404."""

from typing import Annotated

from fastapi import Depends, HTTPException, Path, status

from goban_fastapi.auth.dependencies import CurrentUser
from goban_fastapi.db import SessionDep
from goban_fastapi.records.models import Record
from goban_fastapi.records.service import MAX_ID, RecordNotFound, record_get

RecordId = Annotated[int, Path(ge=1, le=MAX_ID, description="The record's id.")]


def owned_record(record_id: RecordId, user: CurrentUser, session: SessionDep) -> Record:
    """Return the caller's record; raise 404 for a record that is missing or someone else's."""
    # Resolved before the body is validated, so a missing record is 404 whatever the body holds.
    try:
        return record_get(session, owner=user, record_id=record_id)
    except RecordNotFound:
        raise HTTPException(status.HTTP_404_NOT_FOUND, "No record with this id.") from None


OwnedRecord = Annotated[Record, Depends(owned_record)]
