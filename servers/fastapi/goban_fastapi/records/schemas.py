"""Request and response bodies of the record endpoints, field rules as in the contract."""

import datetime
from collections.abc import Sequence
from typing import Annotated, Any, Literal

from goban_core.rules import Position
from pydantic import BaseModel, Field, PlainSerializer

from goban_fastapi.fields import StrictFloat, StrictInt, WithJsonSchema, check, choice, text
from goban_fastapi.records.models import Record

_KOMI_MESSAGE = "Komi must be a multiple of 0.5 between -100 and 100."


def _utc_text(value: datetime.datetime) -> str:
    return value.astimezone(datetime.UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


BoardSize = Annotated[
    StrictInt,
    check(lambda size: size in (9, 13, 19), "board_size", "Board size must be 9, 13 or 19."),
    WithJsonSchema({"type": "integer", "enum": [9, 13, 19]}),
]
Name = text(min_length=0, max_length=200)
Player = text(max_length=200)
Comment = text(min_length=0, max_length=400)
Handicap = Annotated[StrictInt, Field(ge=0, le=9)]
Komi = Annotated[
    StrictFloat,
    check(lambda komi: -100 <= komi <= 100 and (komi * 2).is_integer(), "komi", _KOMI_MESSAGE),
    WithJsonSchema({"type": "number", "minimum": -100, "maximum": 100, "multipleOf": 0.5}),
]
Ruleset = Annotated[Literal["AGA", "JPN", "CHN"], choice("AGA", "JPN", "CHN")]
Winner = Annotated[Literal["B", "W", "U"], choice("B", "W", "U")]
Color = Literal["B", "W"]
UtcDatetime = Annotated[datetime.datetime, PlainSerializer(_utc_text, return_type=str, when_used="json")]


class RecordCreate(BaseModel):
    """A new record. The winner is not set on creation and is ignored if sent.

    board_size comes last, as in the Django server's serializer, so field errors list in the same order.
    """

    name: Name = ""
    black_player: Player = "Black"
    white_player: Player = "White"
    comment: Comment = ""
    handicap: Handicap = 0
    komi: Komi = 7.5
    ruleset: Ruleset = "AGA"
    board_size: BoardSize


class RecordUpdate(BaseModel):
    """Changes to a record; a field left out keeps its value, and null is refused like a wrong type."""

    board_size: Any = Field(default=None, description="Accepted and ignored: a record's board size is fixed.")
    name: Name = Field(default=None)
    black_player: Player = Field(default=None)
    white_player: Player = Field(default=None)
    comment: Comment = Field(default=None)
    handicap: Handicap = Field(default=None)
    komi: Komi = Field(default=None)
    ruleset: Ruleset = Field(default=None)
    winner: Winner = Field(default=None)

    def changes(self) -> dict[str, Any]:
        """Return the fields the request set, except board_size."""
        return self.model_dump(exclude_unset=True, exclude={"board_size"})


class RecordPublic(BaseModel):
    """A record as the API shows it; the field order is part of the contract."""

    id: int
    owner: int
    board_size: int
    created: UtcDatetime
    name: str
    black_player: str
    white_player: str
    comment: str
    handicap: int
    komi: float
    ruleset: str
    winner: str

    @classmethod
    def from_record(cls, record: Record) -> "RecordPublic":
        """Build the public view of record."""
        return cls(
            id=record.id,
            owner=record.owner_id,
            board_size=record.board_size,
            created=record.created,
            name=record.name,
            black_player=record.black_player,
            white_player=record.white_player,
            comment=record.comment,
            handicap=record.handicap,
            komi=record.komi,
            ruleset=record.ruleset,
            winner=record.winner,
        )


class RecordPage(BaseModel):
    """One page of the caller's records, newest first."""

    count: int
    pages: int
    results: list[RecordPublic]


class PointPublic(BaseModel):
    """An intersection: x counts columns from the left, y rows from the top, both from 0."""

    x: int
    y: int


class StonePublic(BaseModel):
    """A stone on an intersection."""

    x: int
    y: int
    color: Color


class MovePublic(BaseModel):
    """A move: its point (null for a pass), its colour and the stones it captured."""

    position: PointPublic | None
    color: Color
    captures: list[PointPublic]


class RecordDetail(RecordPublic):
    """A record with its board after the last move and every move."""

    stones: list[StonePublic]
    moves: list[MovePublic]

    @classmethod
    def from_game(
        cls, record: Record, played: Sequence[tuple[tuple[int, int] | None, str]], position: Position
    ) -> "RecordDetail":
        """Build the detail view from record, its moves as (point, colour) and the position they lead to."""
        moves = [
            MovePublic(
                position=None if point is None else PointPublic(x=point[0], y=point[1]),
                color=color,
                captures=[PointPublic(x=x, y=y) for x, y in captured],
            )
            for (point, color), captured in zip(played, position.captures, strict=True)
        ]
        stones = [StonePublic(x=x, y=y, color=color) for x, y, color in position.stones()]
        return cls(**RecordPublic.from_record(record).model_dump(), stones=stones, moves=moves)


class PlayRequest(BaseModel):
    """The point of the next stone, which must be on the record's board."""

    x: StrictInt
    y: StrictInt


class BoardChange(BaseModel):
    """The stones a play or undo put on the board and the intersections it cleared."""

    add: list[StonePublic]
    remove: list[PointPublic]
