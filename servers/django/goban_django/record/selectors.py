"""Reads of records and the board positions their moves make."""

import logging
import math
from dataclasses import dataclass

from django.contrib.auth.models import User
from django.db.models import QuerySet
from django.http import Http404
from goban_core.rules import IllegalMove, Position, replay
from goban_core.rules import Move as CoreMove
from rest_framework import status
from rest_framework.exceptions import APIException

from goban_django.record.models import Move, Record

logger = logging.getLogger(__name__)


class CorruptRecord(APIException):
    """Stored moves that the rules reject, which only an older server could have written."""

    status_code = status.HTTP_409_CONFLICT
    default_code = "corrupt_record"


@dataclass
class RecordPage:
    count: int
    pages: int
    results: list[Record]


def record_list(*, owner: User, page: int, page_size: int) -> RecordPage:
    """Return one page of the owner's records, newest first; raise Http404 for a page out of range."""
    records = Record.objects.filter(owner=owner).order_by("-created", "-id")
    count = records.count()
    pages = max(1, math.ceil(count / page_size))
    if not 1 <= page <= pages:
        raise Http404("Invalid page.")

    start = (page - 1) * page_size
    return RecordPage(count=count, pages=pages, results=list(records[start : start + page_size]))


def record_get(*, owner: User, record_id: int, queryset: QuerySet[Record] | None = None) -> Record:
    """Return the owner's record; raise Http404 when it does not exist or belongs to someone else."""
    if queryset is None:
        queryset = Record.objects.all()
    try:
        return queryset.get(pk=record_id, owner=owner)
    except Record.DoesNotExist:
        raise Http404("No record with this id.") from None


def record_moves(*, record: Record) -> list[CoreMove]:
    """Return the record's moves in order as goban_core moves."""
    size = record.board_size
    rows = Move.objects.filter(record=record).order_by("move").values_list("position", "color")
    return [CoreMove(None if pos is None else (pos % size, pos // size), color) for pos, color in rows]


def record_position(*, record: Record, moves: list[CoreMove]) -> Position:
    """Replay moves on the record's board; raise CorruptRecord when a stored move is illegal."""
    try:
        # The original servers enforced no ko rule, so stored moves replay without it; the next
        # move played is still checked for ko.
        return replay(record.board_size, moves, check_ko=False)
    except IllegalMove as error:
        logger.error("record %s contains an invalid stored move: %s", record.pk, error)
        raise CorruptRecord(f"The stored moves of this record break the rules: {error}.") from error
