"""The game details that SGF export writes and SGF import reads, and how rulesets are named in SGF."""

import datetime
from dataclasses import dataclass

# The contract's ruleset codes and the RU values that Go software writes for them.
RULESET_TO_SGF = {"AGA": "AGA", "JPN": "Japanese", "CHN": "Chinese"}
_RULESET_FROM_SGF = {"aga": "AGA", "japanese": "JPN", "jpn": "JPN", "chinese": "CHN", "chn": "CHN"}


@dataclass
class GameInfo:
    """The details of a record other than its moves, as the API stores them."""

    board_size: int
    name: str = ""
    black_player: str = "Black"
    white_player: str = "White"
    comment: str = ""
    handicap: int = 0
    komi: float = 7.5
    ruleset: str = "AGA"
    winner: str = "U"
    # DT of the game when imported, the record's creation date when exported.
    created: datetime.date | None = None


def ruleset_from_sgf(value: str) -> str:
    """Return the ruleset code for an RU value, ignoring case, and "AGA" for an unknown one."""
    return _RULESET_FROM_SGF.get(value.strip().lower(), "AGA")
