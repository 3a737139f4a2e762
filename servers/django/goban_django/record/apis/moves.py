"""Endpoints that play a stone, pass and undo the last move."""

from django.http import JsonResponse
from goban_core.rules import IllegalMove
from rest_framework import serializers, status
from rest_framework.exceptions import PermissionDenied
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from goban_django.common.fields import StrictIntegerField
from goban_django.record.selectors import record_get
from goban_django.record.services import BoardChange, NoMoveToUndo, move_play, move_undo


def _change_data(change: BoardChange) -> dict:
    return {
        "add": [{"x": x, "y": y, "color": color} for x, y, color in change.add],
        "remove": [{"x": x, "y": y} for x, y in change.remove],
    }


class MovePlayApi(APIView):
    class InputSerializer(serializers.Serializer):
        x = StrictIntegerField()
        y = StrictIntegerField()

        def validate(self, attrs: dict) -> dict:
            size = self.context["board_size"]
            errors = {
                axis: [f"Ensure this value is between 0 and {size - 1}."]
                for axis in ("x", "y")
                if not 0 <= attrs[axis] < size
            }
            if errors:
                raise serializers.ValidationError(errors)
            return attrs

    def post(self, request: Request, record_id: int) -> Response:
        """Place the next stone at (x, y) and return it with the stones it captured."""
        record = record_get(owner=request.user, record_id=record_id)
        serializer = self.InputSerializer(data=request.data, context={"board_size": record.board_size})
        serializer.is_valid(raise_exception=True)
        point = (serializer.validated_data["x"], serializer.validated_data["y"])

        try:
            change = move_play(owner=request.user, record_id=record_id, point=point)
        except IllegalMove as error:
            raise PermissionDenied(f"Illegal move: {error}.") from None
        return Response(_change_data(change), status=status.HTTP_201_CREATED)


class MovePassApi(APIView):
    def post(self, request: Request, record_id: int) -> JsonResponse:
        """Record a pass by the player to move."""
        move_play(owner=request.user, record_id=record_id, point=None)
        # DRF renders a None body as nothing at all, but the contract's body is the JSON null.
        return JsonResponse(None, safe=False, status=status.HTTP_201_CREATED)


class MoveUndoApi(APIView):
    def post(self, request: Request, record_id: int) -> Response:
        """Take back the last move and return the stones to remove and to put back."""
        try:
            change = move_undo(owner=request.user, record_id=record_id)
        except NoMoveToUndo:
            raise PermissionDenied("There is no move to undo.") from None
        return Response(_change_data(change))
