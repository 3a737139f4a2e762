"""The JSON form of a record, shared by every endpoint that returns one."""

import datetime

from goban_core.rules import Move as CoreMove
from goban_core.rules import Position
from rest_framework import serializers

from goban_django.record.models import Record


class RecordOutputSerializer(serializers.ModelSerializer):
    # Always with microseconds and a Z, which isoformat() would drop for a whole second.
    created = serializers.DateTimeField(format="%Y-%m-%dT%H:%M:%S.%fZ", default_timezone=datetime.UTC)

    class Meta:
        model = Record
        fields = [
            "id",
            "owner",
            "board_size",
            "created",
            "name",
            "black_player",
            "white_player",
            "comment",
            "handicap",
            "komi",
            "ruleset",
            "winner",
        ]


def record_detail_data(record: Record, moves: list[CoreMove], position: Position) -> dict:
    """Return the record with the stones on the board and every move with its captures."""
    return {
        **RecordOutputSerializer(record).data,
        "stones": [{"x": x, "y": y, "color": color} for x, y, color in position.stones()],
        "moves": [
            {
                "position": None if move.point is None else {"x": move.point[0], "y": move.point[1]},
                "color": move.color,
                "captures": [{"x": x, "y": y} for x, y in captures],
            }
            for move, captures in zip(moves, position.captures, strict=True)
        ],
    }
