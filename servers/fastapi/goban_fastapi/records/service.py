"""Reads and writes of records, always limited to the caller's own."""

import dataclasses
import datetime
import logging
import math
from collections.abc import Sequence
from typing import Any

from fastapi import HTTPException
from goban_core.rules import IllegalMove, Position, replay
from goban_core.rules import Move as GameMove
from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from goban_fastapi.auth.models import User
from goban_fastapi.records.models import Move, Record
from goban_fastapi.records.schemas import RecordCreate

logger = logging.getLogger(__name__)

# Ids beyond a PostgreSQL bigint cannot name a record, and psycopg refuses to send them.
MAX_ID = 2**63 - 1


class RecordNotFound(LookupError):
    """No record with this id belongs to the caller."""


@dataclasses.dataclass
class Game:
    """A record with its moves in order and the position they lead to."""

    record: Record
    moves: list[Move]
    position: Position

    def played(self) -> list[tuple[tuple[int, int] | None, str]]:
        """Return each move as (point or None for a pass, colour)."""
        return [(game_move.point, game_move.color) for game_move in game_moves(self.record, self.moves)]


def game_moves(record: Record, moves: Sequence[Move]) -> list[GameMove]:
    """Convert stored moves, whose position is x + y * board_size, to the rules' moves."""
    size = record.board_size
    return [
        GameMove(
            point=None if move.position is None else (move.position % size, move.position // size), color=move.color
        )
        for move in moves
    ]


def record_lock(session: Session, *, record: Record) -> Record:
    """Lock record's row until commit and reload it; raise RecordNotFound when it was deleted meanwhile."""
    # FOR UPDATE serialises every writer of this record's moves, on either server, until commit.
    # populate_existing reloads fields another request may have changed since record was read.
    query = select(Record).where(Record.id == record.id).with_for_update().execution_options(populate_existing=True)
    locked = session.scalar(query)
    if locked is None:
        raise RecordNotFound(record.id)
    return locked


def game_load(session: Session, *, record: Record) -> Game:
    """Load record's moves in order and replay them; raise a 409 HTTPException when a stored move breaks the rules."""
    moves = list(session.scalars(select(Move).where(Move.record_id == record.id).order_by(Move.move)))
    try:
        # The original servers enforced no ko rule, so stored moves replay without it; the next
        # move played is still checked for ko.
        position = replay(record.board_size, game_moves(record, moves), check_ko=False)
    except IllegalMove as error:
        logger.error("record %s contains an invalid stored move: %s", record.id, error)
        raise HTTPException(409, f"The stored moves of this record break the rules: {error}.") from error
    return Game(record=record, moves=moves, position=position)


def record_create(
    session: Session, *, owner: User, data: RecordCreate, created: datetime.datetime | None = None
) -> Record:
    """Insert a record for owner, created now unless created is given; the caller commits."""
    record = Record(
        owner_id=owner.id,
        created=created or datetime.datetime.now(datetime.UTC),
        winner="U",
        **data.model_dump(),
    )
    session.add(record)
    session.flush()
    return record


def record_update(session: Session, *, record: Record, changes: dict[str, Any]) -> Record:
    """Apply changes to record under its row lock and commit; raise RecordNotFound if it was deleted meanwhile."""
    # The lock keeps a concurrent delete from removing the row between the read and the update.
    record = record_lock(session, record=record)
    for field, value in changes.items():
        setattr(record, field, value)
    session.commit()
    return record


def record_delete(session: Session, *, record: Record) -> None:
    """Delete record and its moves; raise RecordNotFound if it was deleted meanwhile."""
    record = record_lock(session, record=record)
    # Django implements on_delete=CASCADE in Python, so the foreign key has no ON DELETE clause.
    session.execute(delete(Move).where(Move.record_id == record.id))
    session.delete(record)
    session.commit()


def record_list(session: Session, *, owner: User, page: int, page_size: int) -> tuple[list[Record], int, int] | None:
    """Return (records, count, pages) of one page, newest first, or None when page is out of range."""
    count = session.scalar(select(func.count()).select_from(Record).where(Record.owner_id == owner.id)) or 0
    pages = max(1, math.ceil(count / page_size))
    if not 1 <= page <= pages:
        return None

    query = (
        select(Record)
        .where(Record.owner_id == owner.id)
        .order_by(Record.created.desc(), Record.id.desc())
        .offset((page - 1) * page_size)
        .limit(page_size)
    )
    return list(session.scalars(query)), count, pages
