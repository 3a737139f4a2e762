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

from django.http import Http404
from goban_core.rules import Move as CoreMove

from goban_django.common.authentication import active_user
from goban_django.record.apis.output import game_data
from goban_django.record.models import Move, Record
from goban_django.record.selectors import record_position

# An entry of the 308-move test game takes about 23 KB.
MAX_ENTRIES = 256

# Plain SQL, because the ORM spent several times longer building this query than PostgreSQL spent
# running it. It also checks the owner, and the last move comes from the (record_id, move) index.
_RECORD_WITH_LAST_MOVE = """
    SELECT r.*, m.move AS last_move_number, m.id AS last_move_id
    FROM record_record AS r
    JOIN auth_user AS u ON u.id = r.owner_id AND u.is_active
    LEFT JOIN LATERAL (
        SELECT move, id FROM record_move WHERE record_id = r.id ORDER BY move DESC LIMIT 1
    ) AS m ON true
    WHERE r.id = %s AND r.owner_id = %s
"""

GameKey = tuple[int, int, int | None]

_entries: OrderedDict[GameKey, bytes] = OrderedDict()
_lock = threading.Lock()


def record_get_with_game_key(*, owner_id: int, record_id: int) -> tuple[Record, GameKey]:
    """Return the record of an active owner and the key of its moves as they are now.

    The key is the record's id, the last move's number and the last move's id. Raise
    AuthenticationFailed when the owner is deleted or inactive, and Http404 when the record does
    not exist or belongs to someone else.
    """
    record = next(iter(Record.objects.raw(_RECORD_WITH_LAST_MOVE, [record_id, owner_id])), None)
    if record is None:
        active_user(owner_id)
        raise Http404("No record with this id.")
    return record, (record.pk, record.last_move_number or 0, record.last_move_id)


def game_json(*, record: Record, key: GameKey) -> bytes:
    """Return '"stones":[...],"moves":[...]' of record's detail, replaying only on a cache miss."""
    with _lock:
        cached = _entries.get(key)
        if cached is not None:
            _entries.move_to_end(key)
            return cached

    rows = list(Move.objects.filter(record=record).order_by("move").values_list("id", "position", "color"))
    size = record.board_size
    moves = [CoreMove(None if pos is None else (pos % size, pos // size), color) for _, pos, color in rows]
    position = record_position(record=record, moves=moves)
    data = game_data(moves, position)
    encoded = json.dumps(data, separators=(",", ":")).encode()[1:-1]

    # The moves read here may be newer than the key the caller saw, so they are filed under
    # the key of what was read.
    read_key = (record.pk, len(rows), rows[-1][0] if rows else None)
    with _lock:
        _entries[read_key] = encoded
        while len(_entries) > MAX_ENTRIES:
            _entries.popitem(last=False)
    return encoded
