"""The record endpoints: create, list, read, change, delete, play, pass, undo, download and import."""

from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Query, Request, Response, status
from goban_core.rules import IllegalMove
from goban_core.sgf import SgfImportError

from goban_fastapi.auth.dependencies import CurrentUser
from goban_fastapi.db import SessionDep
from goban_fastapi.errors import BODY_TOO_LARGE, FieldErrors
from goban_fastapi.http import MAX_BODY_BYTES, StrictJSONRequest, StrictJSONRoute
from goban_fastapi.records import moves, service, sgf
from goban_fastapi.records.dependencies import OwnedRecord
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

SGF_MEDIA_TYPE = "application/x-go-sgf"
_NO_FILE = "No SGF file was sent: send it as the body or as the multipart field 'file'."


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


@router.get("/{record_id}/")
def record_detail(record: OwnedRecord, session: SessionDep) -> RecordDetail:
    """Show a record with its stones and moves."""
    game = service.game_load(session, record=record)
    return RecordDetail.from_game(game.record, game.played(), game.position)


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


@router.get(
    "/{record_id}/download/",
    response_class=Response,
    responses={status.HTTP_200_OK: {"content": {SGF_MEDIA_TYPE: {"schema": {"type": "string"}}}}},
)
def record_download(record: OwnedRecord, session: SessionDep) -> Response:
    """Return the record as an SGF file to download."""
    game = service.game_load(session, record=record)
    text, disposition = sgf.record_export(game)
    return Response(text, media_type=SGF_MEDIA_TYPE, headers={"Content-Disposition": disposition})


async def sgf_upload(request: Request) -> bytes:
    """Return the uploaded SGF file: the multipart field `file`, or else the whole body."""
    if not request.headers.get("content-type", "").lower().startswith("multipart/"):
        assert isinstance(request, StrictJSONRequest)
        data = await request.raw_body()
        if not data:
            raise FieldErrors({"file": [_NO_FILE]})
        return data

    form = await request.form(max_files=1, max_fields=10, max_part_size=MAX_BODY_BYTES)
    upload = form.get("file")
    if upload is None or isinstance(upload, str):
        raise FieldErrors({"file": [_NO_FILE]})
    data = await upload.read(MAX_BODY_BYTES + 1)
    if len(data) > MAX_BODY_BYTES:
        raise HTTPException(status.HTTP_413_CONTENT_TOO_LARGE, BODY_TOO_LARGE)
    return data


_IMPORT_BODY = {
    "required": True,
    "content": {
        SGF_MEDIA_TYPE: {"schema": {"type": "string"}},
        "multipart/form-data": {
            "schema": {
                "type": "object",
                "properties": {"file": {"type": "string", "format": "binary"}},
                "required": ["file"],
            }
        },
    },
}


@router.post(
    "/import/",
    status_code=status.HTTP_201_CREATED,
    openapi_extra={"requestBody": _IMPORT_BODY},
    responses={
        status.HTTP_400_BAD_REQUEST: {"description": "Not SGF, an unsupported size, an illegal move, or no file"},
        status.HTTP_413_CONTENT_TOO_LARGE: {"description": "A file over 1 MiB"},
    },
)
def record_import(user: CurrentUser, data: Annotated[bytes, Depends(sgf_upload)], session: SessionDep) -> RecordDetail:
    """Create a record from an SGF file's main line and return it with its stones and moves."""
    try:
        game = sgf.record_import(session, owner=user, data=data)
    except SgfImportError as error:
        raise HTTPException(status.HTTP_400_BAD_REQUEST, str(error)) from None
    return RecordDetail.from_game(game.record, game.played(), game.position)
