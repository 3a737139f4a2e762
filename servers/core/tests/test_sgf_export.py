"""SGF export of a record's details and moves."""

import datetime

import pytest
from sgfmill import sgf

from goban_core.rules import Move
from goban_core.sgf import GameInfo, export_sgf


def test_export_writes_every_root_property_and_move():
    info = GameInfo(
        board_size=9,
        name="Club game",
        black_player="Alice",
        white_player="Bob",
        comment="Round 1",
        handicap=0,
        komi=6.5,
        ruleset="JPN",
        winner="W",
        created=datetime.date(2026, 12, 4),
    )
    moves = [Move((2, 6), "B"), Move((0, 0), "W"), Move(None, "B"), Move((8, 8), "W")]

    assert export_sgf(info, moves) == (
        "(;FF[4]GM[1]CA[UTF-8]SZ[9]GN[Club game]PB[Alice]PW[Bob]KM[6.5]HA[0]RU[Japanese]"
        "DT[2026-12-04]GC[Round 1]RE[W+]\n"
        ";B[cg]\n"
        ";W[aa]\n"
        ";B[]\n"
        ";W[ii])\n"
    )


def test_export_omits_unset_properties():
    info = GameInfo(board_size=19, created=datetime.date(2026, 1, 2))

    assert export_sgf(info, []) == (
        "(;FF[4]GM[1]CA[UTF-8]SZ[19]PB[Black]PW[White]KM[7.5]HA[0]RU[AGA]DT[2026-01-02])\n"
    )


@pytest.mark.parametrize(("ruleset", "expected"), [("AGA", "RU[AGA]"), ("JPN", "RU[Japanese]"), ("CHN", "RU[Chinese]")])
def test_export_names_the_ruleset(ruleset, expected):
    assert expected in export_sgf(GameInfo(board_size=9, ruleset=ruleset), [])


@pytest.mark.parametrize(
    ("komi", "expected"),
    [(7.5, "KM[7.5]"), (0.0, "KM[0]"), (-0.0, "KM[0]"), (6.0, "KM[6]"), (-3.5, "KM[-3.5]"), (100.0, "KM[100]"), (-100.0, "KM[-100]")],
)
def test_export_formats_komi(komi, expected):
    assert expected in export_sgf(GameInfo(board_size=9, komi=komi), [])


@pytest.mark.parametrize(("winner", "expected"), [("B", "RE[B+]"), ("W", "RE[W+]")])
def test_export_writes_the_winner(winner, expected):
    assert expected in export_sgf(GameInfo(board_size=9, winner=winner), [])


def test_export_escapes_brackets_and_backslashes():
    info = GameInfo(board_size=9, name="a]b", black_player="back\\slash", white_player="[x]", comment="x\\]y")

    exported = export_sgf(info, [])

    assert "GN[a\\]b]" in exported
    assert "PB[back\\\\slash]" in exported
    assert "PW[[x\\]]" in exported
    assert "GC[x\\\\\\]y]" in exported


def test_exported_text_reads_back_unchanged_with_sgfmill():
    info = GameInfo(
        board_size=13,
        name="名局 ]\\ test",
        black_player="梶原武雄",
        white_player="W]\\",
        comment="line one\nline two ] \\",
    )

    root = sgf.Sgf_game.from_bytes(export_sgf(info, []).encode("utf-8")).get_root()

    assert root.get("GN") == info.name
    assert root.get("PB") == info.black_player
    assert root.get("PW") == info.white_player
    assert root.get("GC") == info.comment


def test_exported_moves_read_back_with_sgfmill():
    """x=0, y=0 is the top left, which sgfmill numbers as row size-1, column 0."""
    moves = [Move((0, 0), "B"), Move((12, 12), "W"), Move((3, 1), "B"), Move(None, "W")]

    game = sgf.Sgf_game.from_bytes(export_sgf(GameInfo(board_size=13), moves).encode())

    nodes = game.get_main_sequence()[1:]
    assert [node.get_move() for node in nodes] == [("b", (12, 0)), ("w", (0, 12)), ("b", (11, 3)), ("w", None)]


def test_export_date_is_taken_in_utc():
    created = datetime.datetime(2026, 12, 5, 2, 0, tzinfo=datetime.timezone(datetime.timedelta(hours=9)))

    assert "DT[2026-12-04]" in export_sgf(GameInfo(board_size=9, created=created), [])


def test_export_without_a_date_has_no_dt():
    assert "DT[" not in export_sgf(GameInfo(board_size=9), [])
