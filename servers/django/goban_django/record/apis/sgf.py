"""Endpoints that export a record as an SGF file and create a record from one."""

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.http import HttpResponse
from goban_core.sgf import GameInfo, SgfImportError, download_filename_header, export_sgf, import_sgf
from rest_framework import status
from rest_framework.exceptions import ParseError, ValidationError
from rest_framework.parsers import BaseParser, MultiPartParser
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from goban_django.common.exceptions import PayloadTooLarge
from goban_django.record.apis.output import record_detail_data
from goban_django.record.selectors import record_get, record_moves, record_position
from goban_django.record.services import record_import

SGF_MEDIA_TYPE = "application/x-go-sgf"


class RawSgfParser(BaseParser):
    """Take the whole body as the SGF file, whatever its Content-Type (normally application/x-go-sgf)."""

    media_type = "*/*"

    def parse(self, stream, media_type=None, parser_context=None) -> dict:
        limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
        data = stream.read(limit + 1)
        if len(data) > limit:
            raise PayloadTooLarge()
        return {"file": data}


class RecordDownloadApi(APIView):
    def get(self, request: Request, record_id: int) -> HttpResponse:
        """Return the record as an SGF file to download."""
        record = record_get(owner=request.user, record_id=record_id)
        info = GameInfo(
            board_size=record.board_size,
            name=record.name,
            black_player=record.black_player,
            white_player=record.white_player,
            comment=record.comment,
            handicap=record.handicap,
            komi=record.komi,
            ruleset=record.ruleset,
            winner=record.winner,
            created=record.created.date(),
        )

        response = HttpResponse(export_sgf(info, record_moves(record=record)), content_type=SGF_MEDIA_TYPE)
        response["Content-Disposition"] = download_filename_header(info, record.created)
        return response


class RecordImportApi(APIView):
    # Multipart first, so that a form upload is not taken for a raw SGF body.
    parser_classes = [MultiPartParser, RawSgfParser]

    def post(self, request: Request) -> Response:
        """Create a record from an SGF file's main line and return it with its stones and moves."""
        data = _sgf_bytes(request.data.get("file"))
        try:
            game = import_sgf(data)
        except SgfImportError as error:
            raise ParseError(str(error)) from None

        record = record_import(owner=request.user, game=game)
        moves = record_moves(record=record)
        position = record_position(record=record, moves=moves)
        return Response(record_detail_data(record, moves, position), status=status.HTTP_201_CREATED)


def _sgf_bytes(upload: bytes | UploadedFile | str | None) -> bytes:
    if isinstance(upload, bytes):
        return upload
    if isinstance(upload, UploadedFile):
        if upload.size is not None and upload.size > settings.DATA_UPLOAD_MAX_MEMORY_SIZE:
            raise PayloadTooLarge()
        return upload.read()
    raise ValidationError({"file": ["No SGF file was sent: send it as the body or as the multipart field 'file'."]})
