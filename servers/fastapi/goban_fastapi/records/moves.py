"""Playing, passing and undoing, one request at a time per record.

Each write locks the record's row (SELECT ... FOR UPDATE) before reading its moves, as the Django
server does, so concurrent requests to either server number moves 1, 2, 3, ... without gaps.
"""

from goban_core.rules import Move as GameMove
from goban_core.rules import next_color
from sqlalchemy.orm import Session

from goban_fastapi.errors import FieldErrors
from goban_fastapi.records.models import Move, Record
from goban_fastapi.records.schemas import BoardChange, PointPublic, StonePublic
from goban_fastapi.records.service import game_load, game_moves, record_lock


class NothingToUndo(LookupError):
    """The record has no moves."""


def coordinates_check(record: Record, *, x: int, y: int) -> None:
    """Raise FieldErrors naming each coordinate that is off record's board."""
    size = record.board_size
    errors = {
        name: [f"Ensure this value is between 0 and {size - 1}."]
        for name, value in (("x", x), ("y", y))
        if not 0 <= value < size
    }
    if errors:
        raise FieldErrors(errors)


def move_play(session: Session, *, record: Record, x: int, y: int) -> BoardChange:
    """Place the next stone at (x, y) and commit; raise IllegalMove or RecordNotFound."""
    game = game_load(session, record=record_lock(session, record=record))
    size = game.record.board_size

    color = next_color(game.record.handicap, game_moves(game.record, game.moves))
    captured = game.position.play(GameMove(point=(x, y), color=color))
    session.add(Move(record_id=game.record.id, move=len(game.moves) + 1, position=x + y * size, color=color))
    session.commit()

    return BoardChange(
        add=[StonePublic(x=x, y=y, color=color)], remove=[PointPublic(x=cx, y=cy) for cx, cy in captured]
    )


def move_pass(session: Session, *, record: Record) -> None:
    """Record a pass by the player to move and commit; raise RecordNotFound."""
    game = game_load(session, record=record_lock(session, record=record))
    color = next_color(game.record.handicap, game_moves(game.record, game.moves))
    session.add(Move(record_id=game.record.id, move=len(game.moves) + 1, position=None, color=color))
    session.commit()


def move_undo(session: Session, *, record: Record) -> BoardChange:
    """Delete the last move and commit; return what it placed and captured, reversed."""
    game = game_load(session, record=record_lock(session, record=record))
    if not game.moves:
        raise NothingToUndo(record.id)

    last = game_moves(game.record, game.moves)[-1]
    captured = game.position.captures[-1]
    session.delete(game.moves[-1])
    session.commit()

    if last.point is None:
        return BoardChange(add=[], remove=[])
    put_back = "W" if last.color == "B" else "B"
    return BoardChange(
        add=[StonePublic(x=x, y=y, color=put_back) for x, y in captured],
        remove=[PointPublic(x=last.point[0], y=last.point[1])],
    )
