"""The stones and moves of recently read records as JSON, kept per process so a read skips the replay.

An entry's key is (record id, number of moves, id of the last move). Moves change only under the
record's row lock, by appending a move with a new id or deleting the last one. Move ids are not
reused while the sequence is not reset, so a key always names the same moves.

NOTE: restoring an older database dump sets the move id sequence back, so ids can come back with
other moves. deploy/restore.sh restarts the servers, which empties this cache; restart them after
any other restore.
"""

import json
import threading
from collections import OrderedDict

from sqlalchemy import Select, bindparam, select, true
from sqlalchemy.orm import Session

from goban_fastapi.records import service
from goban_fastapi.records.dependencies import owned_by_active_user
from goban_fastapi.records.models import Move, Record

# An entry of the 308-move test game takes about 23 KB.
MAX_ENTRIES = 256

GameKey = tuple[int, int, int | None]

_entries: OrderedDict[GameKey, str] = OrderedDict()
# Sync endpoints run in a thread pool, so the cache is shared between threads.
_lock = threading.Lock()


def _record_with_last_move() -> Select:
    last = select(Move.move, Move.id).where(Move.record_id == Record.id).order_by(Move.move.desc()).limit(1).lateral()
    query = select(Record, last.c.move, last.c.id).outerjoin(last, true())
    return owned_by_active_user(query, record_id=bindparam("record_id"), user_id=bindparam("user_id"))


# Built once at import, because building this statement took longer than running it.
_RECORD_WITH_LAST_MOVE = _record_with_last_move()


def record_with_game_key(session: Session, *, record_id: int, user_id: int) -> tuple[Record, GameKey] | None:
    """Return the caller's record and the key of its moves as they are now, in one query, or None when not found.

    The key is the record's id, the last move's number and the last move's id.
    """
    row = session.execute(_RECORD_WITH_LAST_MOVE, {"record_id": record_id, "user_id": user_id}).first()
    if row is None:
        return None
    record, last_move, last_move_id = row
    return record, (record.id, last_move or 0, last_move_id)


def game_json(session: Session, *, record: Record, key: GameKey) -> str:
    """Return '"stones":[...],"moves":[...]' of record's detail, replaying only on a cache miss.

    Raise what service.game_load raises (409 for stored moves that break the rules) on a miss.
    """
    with _lock:
        cached = _entries.get(key)
        if cached is not None:
            _entries.move_to_end(key)
            return cached

    game = service.game_load(session, record=record)
    data = {
        "stones": [{"x": x, "y": y, "color": color} for x, y, color in game.position.stones()],
        "moves": [
            {
                "position": None if point is None else {"x": point[0], "y": point[1]},
                "color": color,
                "captures": [{"x": x, "y": y} for x, y in captures],
            }
            for (point, color), captures in zip(game.played(), game.position.captures, strict=True)
        ],
    }
    encoded = json.dumps(data, separators=(",", ":"))[1:-1]

    # The moves read here may be newer than the caller's key, so they are filed under the
    # key of what was read.
    read_key = (record.id, len(game.moves), game.moves[-1].id if game.moves else None)
    with _lock:
        _entries[read_key] = encoded
        while len(_entries) > MAX_ENTRIES:
            _entries.popitem(last=False)
    return encoded
