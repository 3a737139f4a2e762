"""Writes to records and their moves; every move is made under a row lock on its record."""

import datetime
from dataclasses import dataclass

from django.contrib.auth.models import User
from django.db import transaction
from goban_core.rules import Move as CoreMove
from goban_core.rules import Point, next_color, opposite
from goban_core.sgf import ImportedGame

from goban_django.record.models import Move, Record
from goban_django.record.selectors import record_get, record_moves, record_position


class NoMoveToUndo(Exception):
    """An undo on a record without moves."""


@dataclass
class BoardChange:
    """Stones to add (x, y, color) and points to clear (x, y) after a move or an undo."""

    add: list[tuple[int, int, str]]
    remove: list[Point]


def record_create(*, owner: User, board_size: int, **fields) -> Record:
    """Create a record with the given board size and optional fields."""
    return Record.objects.create(owner=owner, board_size=board_size, **fields)


@transaction.atomic
def record_update(*, owner: User, record_id: int, **fields) -> Record:
    """Set the given fields of the owner's record and save only those; raise Http404 without it.

    The row lock keeps a concurrent delete from removing the row between the read and the save.
    """
    record = _record_lock(owner=owner, record_id=record_id)
    for name, value in fields.items():
        setattr(record, name, value)
    if fields:
        record.save(update_fields=list(fields))
    return record


@transaction.atomic
def record_delete(*, owner: User, record_id: int) -> None:
    """Delete the owner's record and its moves; raise Http404 when there is no such record.

    The row lock makes a move in flight on this record finish first, or fail with 404 after,
    so that no move is inserted for a record whose moves were already deleted.
    """
    record = _record_lock(owner=owner, record_id=record_id)
    # on_delete=CASCADE is done by Django, which deletes the moves before the record.
    record.delete()


@transaction.atomic
def record_import(*, owner: User, game: ImportedGame) -> Record:
    """Create a record and all its moves from an imported SGF game, or nothing when any step fails."""
    info = game.info
    record = Record.objects.create(
        owner=owner,
        board_size=info.board_size,
        name=info.name,
        black_player=info.black_player,
        white_player=info.white_player,
        comment=info.comment,
        handicap=info.handicap,
        komi=info.komi,
        ruleset=info.ruleset,
        winner=info.winner,
    )
    if info.created is not None:
        # created is set on insert by auto_now_add, so the game's own date is written afterwards.
        record.created = datetime.datetime.combine(info.created, datetime.time(), tzinfo=datetime.UTC)
        record.save(update_fields=["created"])

    Move.objects.bulk_create(
        _move_row(record, number, move) for number, move in enumerate(game.moves, start=1)
    )
    return record


@transaction.atomic
def move_play(*, owner: User, record_id: int, point: Point | None) -> BoardChange:
    """Play the next move (a stone at point, or a pass when point is None) and return the board change.

    Raise goban_core.rules.IllegalMove when the rules forbid the stone.
    """
    record = _record_lock(owner=owner, record_id=record_id)
    moves = record_moves(record=record)
    move = CoreMove(point, next_color(record.handicap, moves))

    captured = record_position(record=record, moves=moves).play(move)
    _move_row(record, len(moves) + 1, move).save(force_insert=True)

    if point is None:
        return BoardChange(add=[], remove=[])
    return BoardChange(add=[(*point, move.color)], remove=captured)


@transaction.atomic
def move_undo(*, owner: User, record_id: int) -> BoardChange:
    """Delete the last move and return the change that reverts it; raise NoMoveToUndo without moves."""
    record = _record_lock(owner=owner, record_id=record_id)
    moves = record_moves(record=record)
    if not moves:
        raise NoMoveToUndo()

    position = record_position(record=record, moves=moves)
    Move.objects.filter(record=record, move=len(moves)).delete()

    last = moves[-1]
    if last.point is None:
        return BoardChange(add=[], remove=[])
    restored = [(x, y, opposite(last.color)) for x, y in position.captures[-1]]
    return BoardChange(add=restored, remove=[last.point])


def _record_lock(*, owner: User, record_id: int) -> Record:
    # FOR UPDATE serialises every writer of this record's moves, on either server, until commit.
    return record_get(owner=owner, record_id=record_id, queryset=Record.objects.select_for_update())


def _move_row(record: Record, number: int, move: CoreMove) -> Move:
    position = None if move.point is None else move.point[0] + move.point[1] * record.board_size
    return Move(record=record, move=number, position=position, color=move.color)
