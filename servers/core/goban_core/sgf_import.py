"""SGF import: the main line of a game record turned into a record's details and moves."""

import codecs
import datetime
import re
from dataclasses import dataclass

from sgfmill import sgf, sgf_grammar

from goban_core.rules import IllegalMove, Move, Point, replay
from goban_core.sgf_info import GameInfo, ruleset_from_sgf

BOARD_SIZES = (9, 13, 19)
MAX_NAME_LENGTH = 200
MAX_COMMENT_LENGTH = 400
MAX_HANDICAP = 9
MAX_KOMI = 100.0

_DATE = re.compile(r"\s*(\d{4})-(\d{1,2})-(\d{1,2})")


@dataclass
class ImportedGame:
    """A record read from SGF: its details and its moves, setup stones first."""

    info: GameInfo
    moves: list[Move]


class SgfImportError(ValueError):
    """An SGF file that cannot become a record. Its message explains why and is meant for the user."""


def import_sgf(data: bytes) -> ImportedGame:
    """Read the main line of an SGF file into a record, checking every move against the rules.

    Setup stones (AB, AW) before the first move become the leading moves, black ones first.
    Raise SgfImportError when the data is not SGF, the board size is not 9, 13 or 19, setup
    stones follow the first move, or a move is invalid or illegal.
    """
    game = _parse(data)
    size = game.get_size()
    root = game.get_root()
    moves, labels, setup_black = _read_moves(game.get_main_sequence(), size)

    try:
        replay(size, moves)
    except IllegalMove as error:
        label = labels[error.move_number - 1]
        raise SgfImportError(f"{label} is illegal: {error.description}") from None

    info = GameInfo(
        board_size=size,
        name=_text(root, "GN", MAX_NAME_LENGTH),
        black_player=_text(root, "PB", MAX_NAME_LENGTH) or "Black",
        white_player=_text(root, "PW", MAX_NAME_LENGTH) or "White",
        comment=_text(root, "GC", MAX_COMMENT_LENGTH),
        handicap=_handicap(root, moves, setup_black),
        komi=_komi(root),
        ruleset=ruleset_from_sgf(_text(root, "RU", MAX_NAME_LENGTH)),
        winner=_winner(_text(root, "RE", MAX_NAME_LENGTH)),
        created=_first_date(_text(root, "DT", MAX_NAME_LENGTH)),
    )
    return ImportedGame(info=info, moves=moves)


def _parse(data: bytes) -> sgf.Sgf_game:
    try:
        coarse = sgf_grammar.parse_sgf_game(data)
    except ValueError as error:
        raise SgfImportError(f"the file is not valid SGF: {error}") from None

    root = coarse.sequence[0]
    if "GM" in root and root["GM"][0].strip() != b"1":
        raise SgfImportError("the file is not a game of Go: its GM property is not 1")
    size_value = root.get("SZ", [b"19"])[0].strip()
    if size_value not in [str(size).encode() for size in BOARD_SIZES]:
        size_text = size_value.decode("ascii", "replace")
        raise SgfImportError(f"unsupported board size {size_text}: expected 9, 13 or 19")

    try:
        return sgf.Sgf_game.from_coarse_game_tree(coarse, override_encoding=_encoding(data, root))
    except ValueError as error:
        raise SgfImportError(f"the file is not valid SGF: {error}") from None


def _encoding(data: bytes, root: dict[str, list[bytes]]) -> str | None:
    """Return the encoding to read the file with, or None to follow its CA property.

    Without a usable CA the SGF default is ISO-8859-1, but servers such as Fox write UTF-8 and
    omit CA, so UTF-8 is taken whenever the whole file decodes as UTF-8.
    """
    if "CA" in root:
        try:
            codecs.lookup(root["CA"][0].decode("ascii", "replace").strip())
            return None
        except LookupError:
            pass
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return "ISO-8859-1"
    return "UTF-8"


def _read_moves(nodes: list[sgf.Tree_node], size: int) -> tuple[list[Move], list[str], int]:
    """Return the moves, a label naming each one in error messages, and the number of black setup stones."""
    black: set[Point] = set()
    white: set[Point] = set()
    played: list[Move] = []
    played_labels: list[str] = []

    for node in nodes:
        has_setup = any(node.has_property(name) for name in ("AB", "AW", "AE"))
        if has_setup and played:
            raise SgfImportError(
                f"setup stones (AB, AW or AE) after move {len(played)} are not supported: "
                "only setup before the first move can become moves"
            )
        if has_setup:
            try:
                add_black, add_white, add_empty = node.get_setup_stones()
            except ValueError:
                raise SgfImportError("the setup stones (AB, AW or AE) have an invalid point") from None
            black = (black - add_empty - add_white) | add_black
            white = (white - add_empty - add_black) | add_white

        color, raw_point = node.get_raw_move()
        if color is None:
            continue
        number = len(played) + 1
        try:
            _, sgf_move = node.get_move()
        except ValueError:
            point_text = raw_point.decode("ascii", "replace")
            raise SgfImportError(f"move {number} has an invalid point [{point_text}] for a {size}x{size} board") from None
        played.append(Move(_point(sgf_move, size), color.upper()))
        played_labels.append(f"move {number}")

    setup = [Move(point, "B") for point in _sorted_points(black, size)]
    setup += [Move(point, "W") for point in _sorted_points(white, size)]
    labels = [f"the setup stone at {move.point}" for move in setup] + played_labels
    return setup + played, labels, len(black)


def _point(sgf_point: tuple[int, int] | None, size: int) -> Point | None:
    """Convert sgfmill's (row, col), counted from the bottom left, to (x, y) from the top left."""
    if sgf_point is None:
        return None
    row, col = sgf_point
    return (col, size - 1 - row)


def _sorted_points(sgf_points: set[tuple[int, int]], size: int) -> list[Point]:
    points = [_point(sgf_point, size) for sgf_point in sgf_points]
    return sorted(points, key=lambda point: (point[1], point[0]))


def _text(node: sgf.Tree_node, name: str, max_length: int) -> str:
    """Return a text property stripped and cut to max_length characters, or "" when it is absent."""
    if not node.has_property(name):
        return ""
    try:
        value = node.get(name)
    except ValueError:
        # The bytes do not match the declared encoding, so show what can be read.
        value = sgf_grammar.text_value(node.get_raw(name)).decode("utf-8", "replace")
    # PostgreSQL text cannot hold NUL characters.
    return value.replace("\x00", "").strip()[:max_length].strip()


def _handicap(root: sgf.Tree_node, moves: list[Move], setup_black: int) -> int:
    """Choose the handicap so that next_color() gives the colours the file records.

    Black setup stones are the handicap stones whatever the HA value (at most 9). Without them,
    HA counts only if the file starts with that many black moves, as in free placement.
    """
    if setup_black:
        return min(setup_black, MAX_HANDICAP)
    try:
        declared = int(root.get_raw("HA").strip()) if root.has_property("HA") else 0
    except ValueError:
        return 0
    if not 0 < declared <= MAX_HANDICAP:
        return 0
    leading_black = len(moves[:declared]) == declared and all(move.color == "B" for move in moves[:declared])
    return declared if leading_black else 0


def _komi(root: sgf.Tree_node) -> float:
    """Return KM as a multiple of 0.5 between -100 and 100; 0 when KM is absent or malformed.

    Fox writes komi in hundredths of a stone, where a stone counts two points (KM[375] is 7.5
    points), so a value beyond 100 points is divided by 50.
    """
    # NOTE: checked against a Fox 9x9 game with Chinese rules only; other Fox rulesets may
    # use another scale.
    try:
        komi = float(root.get("KM")) if root.has_property("KM") else 0.0
    except ValueError:
        return 0.0
    if abs(komi) > MAX_KOMI:
        komi /= 50
    komi = min(max(komi, -MAX_KOMI), MAX_KOMI)
    return round(komi * 2) / 2 + 0.0


def _winner(result: str) -> str:
    result = result.upper()
    if result.startswith("B+"):
        return "B"
    if result.startswith("W+"):
        return "W"
    return "U"


def _first_date(value: str) -> datetime.date | None:
    """Return the first full date of a DT value such as "2005-12-04,05", or None."""
    match = _DATE.match(value.split(",")[0])
    if match is None:
        return None
    try:
        return datetime.date(*(int(part) for part in match.groups()))
    except ValueError:
        return None
