"""SGF export of a record and the Content-Disposition header of its download."""

import datetime
import string
import unicodedata
import urllib.parse
from collections.abc import Sequence

from goban_core.rules import Move
from goban_core.sgf_info import RULESET_TO_SGF, GameInfo

# Printable ASCII that may stand inside a quoted filename and is not a path separator.
_FILENAME_SAFE = frozenset(string.ascii_letters + string.digits + " !#$%&'()+,-.;=@[]^_`{}~")


def export_sgf(info: GameInfo, moves: Sequence[Move]) -> str:
    """Write the record as an FF[4] SGF game with one node per move."""
    root = ["FF[4]GM[1]CA[UTF-8]", f"SZ[{info.board_size}]"]
    if info.name:
        root.append(f"GN[{escape_text(info.name)}]")
    root.append(f"PB[{escape_text(info.black_player)}]")
    root.append(f"PW[{escape_text(info.white_player)}]")
    root.append(f"KM[{format_komi(info.komi)}]")
    root.append(f"HA[{info.handicap}]")
    root.append(f"RU[{RULESET_TO_SGF.get(info.ruleset, info.ruleset)}]")
    if info.created is not None:
        root.append(f"DT[{_date_of(info.created).isoformat()}]")
    if info.comment:
        root.append(f"GC[{escape_text(info.comment)}]")
    if info.winner in ("B", "W"):
        root.append(f"RE[{info.winner}+]")

    nodes = [";" + "".join(root)]
    nodes.extend(f";{move.color}[{_sgf_point(move)}]" for move in moves)
    return "(" + "\n".join(nodes) + ")\n"


def escape_text(value: str) -> str:
    """Escape a Text or SimpleText value: a backslash and a closing bracket each get a backslash."""
    return value.replace("\\", "\\\\").replace("]", "\\]")


def format_komi(komi: float) -> str:
    """Format komi without a trailing ".0", so 7.5 gives "7.5" and 0 gives "0"."""
    # Adding 0.0 turns -0.0 into 0.0, which would otherwise print as "-0".
    return f"{float(komi) + 0.0:g}"


def download_filename_header(info: GameInfo, created: datetime.datetime) -> str:
    """Return the Content-Disposition value that offers the record as <name>_<YYYY_MM_DD>.sgf.

    Without a name the file is <black>_vs_<white>_<YYYY_MM_DD>.sgf. A name that is not plain ASCII
    also goes into filename* (RFC 6266), while filename keeps an ASCII fallback.
    """
    stem = info.name if info.name else f"{info.black_player}_vs_{info.white_player}"
    filename = _clean_filename(f"{stem}_{_date_of(created):%Y_%m_%d}.sgf")

    fallback = "".join(_ascii_fallback(char) for char in filename)
    header = f'attachment; filename="{fallback}"'
    if fallback != filename:
        header += "; filename*=UTF-8''" + urllib.parse.quote(filename, safe="")
    return header


def _date_of(value: datetime.date) -> datetime.date:
    """Return the calendar date, taken in UTC for a datetime that has a time zone."""
    if isinstance(value, datetime.datetime):
        if value.tzinfo is not None:
            value = value.astimezone(datetime.UTC)
        return value.date()
    return value


def _clean_filename(filename: str) -> str:
    """Turn whitespace into underscores and replace characters that no filename may contain."""
    cleaned = []
    for char in filename:
        category = unicodedata.category(char)
        if char.isspace() or category.startswith("Z"):
            cleaned.append("_")
        elif category.startswith("C") or char in '"\\/':
            # Control, format, surrogate and unassigned characters, quotes and path separators.
            cleaned.append("_")
        else:
            cleaned.append(char)
    return "".join(cleaned)


def _ascii_fallback(char: str) -> str:
    if char in _FILENAME_SAFE:
        return char
    # Keep the base letter of an accented one (é gives e); anything else becomes an underscore.
    base = unicodedata.normalize("NFKD", char).encode("ascii", "ignore").decode("ascii")
    if base and all(c in _FILENAME_SAFE for c in base):
        return base
    return "_"


def _sgf_point(move: Move) -> str:
    if move.point is None:
        return ""
    x, y = move.point
    return string.ascii_lowercase[x] + string.ascii_lowercase[y]
