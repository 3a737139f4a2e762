"""The rules of Go that a record keeper enforces: captures, suicide, basic ko and whose turn it is."""

from collections.abc import Iterator, Sequence
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
        self._board: dict[Point, str] = {}
        # The ko check compares a new board with the one before the previous move.
        self._board_before_last_move: dict[Point, str] | None = None

    def play(self, move: Move, *, check_ko: bool = True) -> list[Point]:
        """Place the stone (or pass) and return the captured points sorted by (y, x).

        Raise IllegalMove and leave the position unchanged when the point is off the board,
        occupied, a suicide, or (unless check_ko is false) a basic ko recapture.
        """
        if move.point is None:
            self._commit(self._board, [])
            return []

        point = move.point
        if not self.is_on_board(point):
            raise IllegalMove("off_board", point)
        if point in self._board:
            raise IllegalMove("occupied", point)

        board = dict(self._board)
        board[point] = move.color
        captured: set[Point] = set()
        for neighbour in self._neighbours(point):
            if board.get(neighbour) == opposite(move.color) and neighbour not in captured:
                group, liberties = self._group(board, neighbour)
                if not liberties:
                    captured |= group
        for stone in captured:
            del board[stone]

        _, liberties = self._group(board, point)
        if not liberties:
            raise IllegalMove("suicide", point)

        # Basic ko: a move that captures exactly one stone may not recreate the board before the previous move.
        if check_ko and len(captured) == 1 and board == self._board_before_last_move:
            raise IllegalMove("ko", point)

        ordered = sorted(captured, key=lambda p: (p[1], p[0]))
        self._commit(board, ordered)
        return ordered

    def stones(self) -> list[tuple[int, int, str]]:
        """Return the stones on the board as (x, y, color), sorted by (y, x)."""
        return [(x, y, color) for (x, y), color in sorted(self._board.items(), key=lambda item: (item[0][1], item[0][0]))]

    def color_at(self, point: Point) -> str | None:
        """Return the color of the stone at point, or None when it is empty."""
        return self._board.get(point)

    def is_on_board(self, point: Point) -> bool:
        """Return whether both coordinates lie between 0 and size - 1."""
        x, y = point
        return 0 <= x < self.size and 0 <= y < self.size

    def _commit(self, board: dict[Point, str], captured: list[Point]) -> None:
        # Boards are never changed in place once committed, so keeping a reference is safe.
        self._board_before_last_move = self._board
        self._board = board
        self.captures.append(captured)

    def _neighbours(self, point: Point) -> Iterator[Point]:
        x, y = point
        for neighbour in ((x - 1, y), (x + 1, y), (x, y - 1), (x, y + 1)):
            if self.is_on_board(neighbour):
                yield neighbour

    def _group(self, board: dict[Point, str], start: Point) -> tuple[set[Point], set[Point]]:
        """Return the stones connected to start and the liberties of that group."""
        color = board[start]
        group = {start}
        liberties: set[Point] = set()
        frontier = [start]
        while frontier:
            for neighbour in self._neighbours(frontier.pop()):
                occupant = board.get(neighbour)
                if occupant is None:
                    liberties.add(neighbour)
                elif occupant == color and neighbour not in group:
                    group.add(neighbour)
                    frontier.append(neighbour)
        return group, liberties


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
