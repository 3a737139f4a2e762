"""The SGF endpoints of records: download and import."""

from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Request, Response, status
from goban_core.sgf import SgfImportError

from goban_fastapi.auth.dependencies import CurrentUser
from goban_fastapi.db import SessionDep
from goban_fastapi.errors import BODY_TOO_LARGE, FieldErrors
from goban_fastapi.http import MAX_BODY_BYTES, StrictJSONRequest, StrictJSONRoute
from goban_fastapi.records import service, sgf
from goban_fastapi.records.dependencies import OwnedRecord
from goban_fastapi.records.schemas import RecordDetail

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
