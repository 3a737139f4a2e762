"""Endpoints that list, create, show, change and delete records."""

from django.http import HttpResponse
from rest_framework import serializers, status
from rest_framework.permissions import BasePermission
from rest_framework.renderers import JSONRenderer
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from goban_django.common.authentication import HasValidToken
from goban_django.common.fields import StrictCharField, StrictFloatField, StrictIntegerField
from goban_django.record.apis.output import record_data
from goban_django.record.game_cache import game_json, record_get_with_game_key
from goban_django.record.models import Record
from goban_django.record.selectors import record_get, record_list
from goban_django.record.services import record_create, record_delete, record_update


def _validate_komi(value: float) -> float:
    if not -100 <= value <= 100 or (value * 2) % 1 != 0:
        raise serializers.ValidationError("Komi must be a multiple of 0.5 between -100 and 100.")
    return value


class RecordFieldsSerializer(serializers.Serializer):
    """The fields a client may set on a record, all optional."""

    name = StrictCharField(max_length=200, allow_blank=True, required=False)
    black_player = StrictCharField(max_length=200, required=False)
    white_player = StrictCharField(max_length=200, required=False)
    comment = StrictCharField(max_length=400, allow_blank=True, required=False)
    handicap = StrictIntegerField(min_value=0, max_value=9, required=False)
    komi = StrictFloatField(validators=[_validate_komi], required=False)
    ruleset = serializers.ChoiceField(choices=Record.Ruleset.values, required=False)


class RecordListApi(APIView):
    class InputSerializer(RecordFieldsSerializer):
        board_size = StrictIntegerField()

        def validate_board_size(self, value: int) -> int:
            if value not in Record.BoardSize.values:
                raise serializers.ValidationError("Board size must be 9, 13 or 19.")
            return value

    def get(self, request: Request) -> Response:
        """List the caller's records, newest first, one page at a time."""
        page_size = _page_size(request.query_params.get("page_size", "10"))
        page = _page_number(request.query_params.get("page", "1"))

        result = record_list(owner=request.user, page=page, page_size=page_size)
        return Response(
            {
                "count": result.count,
                "pages": result.pages,
                "results": [record_data(record) for record in result.results],
            }
        )

    def post(self, request: Request) -> Response:
        """Create a record for the caller."""
        serializer = self.InputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)

        record = record_create(owner=request.user, **serializer.validated_data)
        return Response(record_data(record), status=status.HTTP_201_CREATED)


class RecordDetailApi(APIView):
    class InputSerializer(RecordFieldsSerializer):
        winner = serializers.ChoiceField(choices=Record.Winner.values, required=False)

    def get_permissions(self) -> list[BasePermission]:
        # The record's query checks the owner too, so GET reads no user beforehand.
        if self.request.method == "GET":
            return [HasValidToken()]
        return super().get_permissions()

    def get(self, request: Request, record_id: int) -> HttpResponse:
        """Show a record with its stones and moves."""
        record, key = record_get_with_game_key(owner_id=request.auth, record_id=record_id)
        fields = JSONRenderer().render(record_data(record))
        # The record's fields, then the cached stones and moves, in one JSON object.
        body = fields[:-1] + b"," + game_json(record=record, key=key) + b"}"
        return HttpResponse(body, content_type="application/json")

    def put(self, request: Request, record_id: int) -> Response:
        """Change the given fields of a record; board_size is accepted and ignored."""
        # A missing record is a 404 even when the body is invalid, so look it up first.
        record_get(owner=request.user, record_id=record_id)
        serializer = self.InputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)

        record = record_update(owner=request.user, record_id=record_id, **serializer.validated_data)
        return Response(record_data(record))

    patch = put

    def delete(self, request: Request, record_id: int) -> Response:
        """Delete a record and its moves."""
        record_delete(owner=request.user, record_id=record_id)
        return Response(status=status.HTTP_204_NO_CONTENT)


def _page_size(text: str) -> int:
    # The length check keeps int() away from huge digit strings; "100" is the longest valid size.
    size = int(text) if text.isascii() and text.isdigit() and len(text) <= 3 else 0
    if not 1 <= size <= 100:
        raise serializers.ValidationError({"page_size": ["Page size must be an integer from 1 to 100."]})
    return size


def _page_number(text: str) -> int:
    # A page that is not a number is as out of range as page 0.
    return int(text) if text.isascii() and text.isdigit() and len(text) <= 9 else 0
