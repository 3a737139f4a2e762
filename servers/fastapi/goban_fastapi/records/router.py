"""The record endpoints: create, list, read, change, delete, play, pass and undo."""

from typing import Annotated

from fastapi import APIRouter, HTTPException, Query, Response, status
from goban_core.rules import IllegalMove

from goban_fastapi.auth.dependencies import CurrentUser, TokenUserId
from goban_fastapi.db import SessionDep
from goban_fastapi.errors import FieldErrors
from goban_fastapi.http import StrictJSONRoute
from goban_fastapi.records import game_cache, moves, service
from goban_fastapi.records.dependencies import OwnedRecord, RecordId, record_missing
from goban_fastapi.records.schemas import (
    BoardChange,
    PlayRequest,
    RecordCreate,
    RecordDetail,
    RecordPage,
    RecordPublic,
    RecordUpdate,
)

router = APIRouter(
    prefix="/api/records",
    tags=["records"],
    route_class=StrictJSONRoute,
    responses={
        status.HTTP_403_FORBIDDEN: {"description": "Missing, invalid or expired token"},
        status.HTTP_404_NOT_FOUND: {"description": "No such record among the caller's"},
    },
)


def _page_number(text: str) -> int:
    # A page that is not a number is as out of range as page 0.
    return int(text) if text.isascii() and text.isdigit() and len(text) <= 9 else 0


def _page_size(text: str) -> int:
    # The length check keeps int() away from huge digit strings; "100" is the longest valid size.
    size = int(text) if text.isascii() and text.isdigit() and len(text) <= 3 else 0
    if not 1 <= size <= 100:
        raise FieldErrors({"page_size": ["Page size must be an integer from 1 to 100."]})
    return size


@router.post("/", status_code=status.HTTP_201_CREATED)
def record_create(user: CurrentUser, data: RecordCreate, session: SessionDep) -> RecordPublic:
    """Create a record for the caller."""
    record = service.record_create(session, owner=user, data=data)
    session.commit()
    return RecordPublic.from_record(record)


@router.get("/")
def record_list(
    user: CurrentUser,
    session: SessionDep,
    page: Annotated[str, Query(description="The page, from 1; out of range gives 404.", examples=["1"])] = "1",
    page_size: Annotated[str, Query(description="Records per page, 1 to 100.", examples=["10"])] = "10",
) -> RecordPage:
    """List the caller's records, newest first, one page at a time."""
    size = _page_size(page_size)
    found = service.record_list(session, owner=user, page=_page_number(page), page_size=size)
    if found is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, "Invalid page.")

    records, count, pages = found
    return RecordPage(count=count, pages=pages, results=[RecordPublic.from_record(record) for record in records])


@router.get("/{record_id}/", response_model=RecordDetail)
def record_detail(record_id: RecordId, user_id: TokenUserId, session: SessionDep) -> Response:
    """Show a record with its stones and moves."""
    # The transaction ends in this thread, so closing the session needs none (see get_session).
    with session.begin():
        found = game_cache.record_with_game_key(session, record_id=record_id, user_id=user_id)
        if found is None:
            raise record_missing(session, user_id)
        record, key = found
        game = game_cache.game_json(session, record=record, key=key)

    fields = RecordPublic.from_record(record).model_dump_json()
    # The record's fields, then the cached stones and moves, in one JSON object.
    body = fields[:-1] + "," + game + "}"
    return Response(body, media_type="application/json")


@router.put("/{record_id}/")
@router.patch("/{record_id}/")
def record_update(record: OwnedRecord, data: RecordUpdate, session: SessionDep) -> RecordPublic:
    """Change the given fields of a record; board_size is accepted and ignored."""
    try:
        record = service.record_update(session, record=record, changes=data.changes())
    except service.RecordNotFound:
        raise HTTPException(status.HTTP_404_NOT_FOUND, "No record with this id.") from None
    return RecordPublic.from_record(record)


@router.delete("/{record_id}/", status_code=status.HTTP_204_NO_CONTENT)
def record_delete(record: OwnedRecord, session: SessionDep) -> None:
    """Delete a record and its moves."""
    try:
        service.record_delete(session, record=record)
    except service.RecordNotFound:
        raise HTTPException(status.HTTP_404_NOT_FOUND, "No record with this id.") from None


@router.post(
    "/{record_id}/play/",
    status_code=status.HTTP_201_CREATED,
    responses={status.HTTP_403_FORBIDDEN: {"description": "Missing token, or the point is occupied, suicide or ko"}},
)
def move_play(record: OwnedRecord, data: PlayRequest, session: SessionDep) -> BoardChange:
    """Place the next stone at (x, y) and return it with the stones it captured."""
    moves.coordinates_check(record, x=data.x, y=data.y)
    try:
        return moves.move_play(session, record=record, x=data.x, y=data.y)
    except service.RecordNotFound:
        raise HTTPException(status.HTTP_404_NOT_FOUND, "No record with this id.") from None
    except IllegalMove as error:
        raise HTTPException(status.HTTP_403_FORBIDDEN, f"Illegal move: {error}.") from None


@router.post("/{record_id}/pass/", status_code=status.HTTP_201_CREATED)
def move_pass(record: OwnedRecord, session: SessionDep) -> None:
    """Record a pass by the player to move."""
    try:
        moves.move_pass(session, record=record)
    except service.RecordNotFound:
        raise HTTPException(status.HTTP_404_NOT_FOUND, "No record with this id.") from None


@router.post("/{record_id}/undo/")
def move_undo(record: OwnedRecord, session: SessionDep) -> BoardChange:
    """Take back the last move and return the stones to remove and to put back."""
    try:
        return moves.move_undo(session, record=record)
    except service.RecordNotFound:
        raise HTTPException(status.HTTP_404_NOT_FOUND, "No record with this id.") from None
    except moves.NothingToUndo:
        raise HTTPException(status.HTTP_403_FORBIDDEN, "There is no move to undo.") from None
