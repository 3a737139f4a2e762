"""The JSON form of a record, shared by every endpoint that returns one."""

import datetime

from goban_core.rules import Move as CoreMove
from goban_core.rules import Position

from goban_django.record.models import Record


# Written out rather than as a ModelSerializer: DRF builds a ModelSerializer's fields anew for
# every instance, which took longer than the rest of a game detail request.
def record_data(record: Record) -> dict:
    """Return the fields of a record as every endpoint that returns one shows them."""
    return {
        "id": record.pk,
        "owner": record.owner_id,
        "board_size": record.board_size,
        # Always with microseconds and a Z, which isoformat() would drop for a whole second.
        "created": record.created.astimezone(datetime.UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ"),
        "name": record.name,
        "black_player": record.black_player,
        "white_player": record.white_player,
        "comment": record.comment,
        "handicap": record.handicap,
        "komi": record.komi,
        "ruleset": record.ruleset,
        "winner": record.winner,
    }


def game_data(moves: list[CoreMove], position: Position) -> dict:
    """Return the stones on the board and every move with its captures."""
    return {
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


def record_detail_data(record: Record, moves: list[CoreMove], position: Position) -> dict:
    """Return the record with the stones on the board and every move with its captures."""
    return {**record_data(record), **game_data(moves, position)}
