"""The rules of Go that a record keeper enforces: captures, suicide, basic ko and whose turn it is."""

import functools
from collections.abc import Sequence
from dataclasses import dataclass

Point = tuple[int, int]
"""A board point (x, y): x is the column from the left, y the row from the top, both from 0."""

COLORS = ("B", "W")

_REASON_MESSAGES = {
    "off_board": "is off the board",
    "occupied": "is on an occupied point",
    "suicide": "would be suicide",
    "ko": "would retake the ko at once",
}


class IllegalMove(ValueError):
    """A move that the rules forbid, with the reason and, after replay(), its 1-based number."""

    def __init__(self, reason: str, point: Point | None = None, move_number: int | None = None):
        self.reason = reason
        self.point = point
        self.move_number = move_number
        # The message without the move number, for callers that number moves their own way.
        self.description = f"a stone at {point} {_REASON_MESSAGES[reason]}"
        if move_number is None:
            super().__init__(self.description)
        else:
            super().__init__(f"move {move_number}: {self.description}")


@dataclass(frozen=True)
class Move:
    """A stone placed at a point, or a pass when point is None."""

    point: Point | None
    color: str

    def __post_init__(self) -> None:
        if self.color not in COLORS:
            raise ValueError(f"invalid color {self.color!r}: expected 'B' or 'W'")


def opposite(color: str) -> str:
    """Return the other player's color."""
    return "W" if color == "B" else "B"


class Position:
    """A board after some moves, with the stones each move captured."""

    def __init__(self, size: int):
        if size < 1:
            raise ValueError(f"invalid board size {size}: expected a positive integer")
        self.size = size
        self.captures: list[list[Point]] = []
        # One entry per point, index x + y * size, so index order is (y, x) order.
        self._board: list[str | None] = [None] * (size * size)
        self._neighbours = _neighbour_table(size)
        # Basic ko needs only the previous move: its stone's index and the indexes it captured.
        self._last_index: int | None = None
        self._last_captured: list[int] = []

    def play(self, move: Move, *, check_ko: bool = True) -> list[Point]:
        """Place the stone (or pass) and return the captured points sorted by (y, x).

        Raise IllegalMove and leave the position unchanged when the point is off the board,
        occupied, a suicide, or (unless check_ko is false) a basic ko recapture.
        """
        if move.point is None:
            self._commit(None, [])
            return []

        point = move.point
        x, y = point
        size = self.size
        if not (0 <= x < size and 0 <= y < size):
            raise IllegalMove("off_board", point)
        board = self._board
        index = x + y * size
        if board[index] is not None:
            raise IllegalMove("occupied", point)

        board[index] = move.color
        captured = self._captured_by(index)
        if not captured and _group_without_liberty(board, self._neighbours, index):
            board[index] = None
            raise IllegalMove("suicide", point)
        if check_ko and self._is_ko_recapture(index, captured):
            board[index] = None
            raise IllegalMove("ko", point)

        for stone in captured:
            board[stone] = None
        self._commit(index, captured)
        return self.captures[-1]

    def stones(self) -> list[tuple[int, int, str]]:
        """Return the stones on the board as (x, y, color), sorted by (y, x)."""
        size = self.size
        return [(index % size, index // size, color) for index, color in enumerate(self._board) if color is not None]

    def color_at(self, point: Point) -> str | None:
        """Return the color of the stone at point, or None when it is empty."""
        return self._board[point[0] + point[1] * self.size]

    def is_on_board(self, point: Point) -> bool:
        """Return whether both coordinates lie between 0 and size - 1."""
        x, y = point
        return 0 <= x < self.size and 0 <= y < self.size

    def _captured_by(self, index: int) -> list[int]:
        """Return the sorted indexes of the opposing stones next to index that have no liberty left."""
        board, neighbours = self._board, self._neighbours
        enemy = opposite(board[index])
        captured: list[int] = []
        for neighbour in neighbours[index]:
            if board[neighbour] == enemy and neighbour not in captured:
                captured += _group_without_liberty(board, neighbours, neighbour)
        if len(captured) > 1:
            captured.sort()
        return captured

    def _is_ko_recapture(self, index: int, captured: list[int]) -> bool:
        # Taking back one stone recreates the board before the previous move exactly when the
        # previous move captured one stone, here, and the stone taken now is that move's stone.
        return len(captured) == 1 and captured[0] == self._last_index and self._last_captured == [index]

    def _commit(self, index: int | None, captured: list[int]) -> None:
        size = self.size
        self._last_index = index
        self._last_captured = captured
        self.captures.append([(stone % size, stone // size) for stone in captured] if captured else [])


@functools.cache
def _neighbour_table(size: int) -> tuple[tuple[int, ...], ...]:
    """Return, for each point index of a size x size board, the indexes of its on-board neighbours."""
    table = []
    for y in range(size):
        for x in range(size):
            table.append(
                tuple(
                    nx + ny * size
                    for nx, ny in ((x - 1, y), (x + 1, y), (x, y - 1), (x, y + 1))
                    if 0 <= nx < size and 0 <= ny < size
                )
            )
    return tuple(table)


def _group_without_liberty(board: list[str | None], neighbours: tuple[tuple[int, ...], ...], start: int) -> list[int]:
    """Return the stones of start's group when it has no liberty, else an empty list.

    The search stops at the first liberty, so a group that lives costs only the stones visited
    before it.
    """
    # Most stones touch an empty point, which settles the question before any set is built.
    for neighbour in neighbours[start]:
        if board[neighbour] is None:
            return []
    color = board[start]
    group = [start]
    seen = {start}
    # A for loop over a list also visits the items appended during the loop.
    for stone in group:
        for neighbour in neighbours[stone]:
            occupant = board[neighbour]
            if occupant is None:
                return []
            if occupant == color and neighbour not in seen:
                seen.add(neighbour)
                group.append(neighbour)
    return group


def replay(size: int, moves: Sequence[Move], *, check_ko: bool = True) -> Position:
    """Play moves in order on an empty board and return the resulting position.

    Raise IllegalMove with move_number set (1-based) at the first move the rules forbid. The
    original go-recordkeeper servers stored ko recaptures, so check_ko=False replays such
    records, while a move played afterwards on the returned position is still checked for ko.
    """
    position = Position(size)
    for number, move in enumerate(moves, start=1):
        try:
            position.play(move, check_ko=check_ko)
        except IllegalMove as error:
            raise IllegalMove(error.reason, error.point, move_number=number) from None
    return position


def next_color(handicap: int, moves: Sequence[Move]) -> str:
    """Return the color to move: black for the handicap stones, then the opposite of the last move."""
    if len(moves) < handicap or not moves:
        return "B"
    return opposite(moves[-1].color)
