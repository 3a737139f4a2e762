"""SGF import of hand-written records that exercise each rule of the import."""

import datetime

import pytest

from goban_core.rules import Move, next_color
from goban_core.sgf import SgfImportError, import_sgf


def imported(text: str, encoding: str = "utf-8"):
    return import_sgf(text.encode(encoding))


@pytest.mark.parametrize("data", [b"", b"hello", b"\xff\xfe\x00garbage", b"(;B[aa]", b"{\"x\": 1}"])
def test_data_that_is_not_sgf_is_rejected(data):
    with pytest.raises(SgfImportError):
        import_sgf(data)


@pytest.mark.parametrize("size", ["21", "7", "25", "19:9", "x"])
def test_unsupported_board_size_is_rejected(size):
    with pytest.raises(SgfImportError) as raised:
        imported(f"(;GM[1]SZ[{size}];B[aa])")

    assert str(raised.value) == f"unsupported board size {size}: expected 9, 13 or 19"


def test_game_other_than_go_is_rejected():
    with pytest.raises(SgfImportError) as raised:
        imported("(;GM[2]SZ[9])")

    assert "not a game of Go" in str(raised.value)


def test_missing_size_means_19():
    assert imported("(;B[ss])").moves == [Move((18, 18), "B")]


def test_moves_are_read_from_the_top_left():
    game = imported("(;SZ[9];B[ai];W[ia];B[ca])")

    assert game.moves == [Move((0, 8), "B"), Move((8, 0), "W"), Move((2, 0), "B")]


def test_root_properties_are_read():
    game = imported(
        "(;FF[4]GM[1]SZ[13]GN[Final]PB[Alice]PW[Bob]GC[Nice \\] game]KM[6.5]RU[Japanese]"
        "RE[W+Resign]DT[2024-03-09];B[dd])"
    )

    info = game.info
    assert info.board_size == 13
    assert info.name == "Final"
    assert info.black_player == "Alice"
    assert info.white_player == "Bob"
    assert info.comment == "Nice ] game"
    assert info.komi == 6.5
    assert info.ruleset == "JPN"
    assert info.winner == "W"
    assert info.created == datetime.date(2024, 3, 9)
    assert info.handicap == 0


def test_absent_properties_get_defaults():
    info = imported("(;SZ[9])").info

    assert (info.name, info.black_player, info.white_player, info.comment) == ("", "Black", "White", "")
    assert info.komi == 0.0
    assert info.ruleset == "AGA"
    assert info.winner == "U"
    assert info.created is None


def test_empty_player_names_become_the_defaults():
    info = imported("(;SZ[9]PB[]PW[   ])").info

    assert info.black_player == "Black"
    assert info.white_player == "White"


def test_long_text_is_cut_to_the_field_limits():
    info = imported(f"(;SZ[9]GN[{'n' * 300}]PB[{'b' * 201}]PW[{'w' * 250}]GC[{'c' * 1000}])").info

    assert info.name == "n" * 200
    assert info.black_player == "b" * 200
    assert info.white_player == "w" * 200
    assert info.comment == "c" * 400


def test_nul_characters_are_removed():
    assert imported("(;SZ[9]PB[a\x00b])").info.black_player == "ab"


@pytest.mark.parametrize(
    ("ruleset", "expected"),
    [("AGA", "AGA"), ("aga", "AGA"), ("Japanese", "JPN"), ("JAPANESE", "JPN"), ("chinese", "CHN"), ("NZ", "AGA"), ("", "AGA")],
)
def test_ruleset_is_mapped_ignoring_case(ruleset, expected):
    assert imported(f"(;SZ[9]RU[{ruleset}])").info.ruleset == expected


@pytest.mark.parametrize(
    ("result", "expected"),
    [("B+R", "B"), ("B+3.5", "B"), ("w+Resign", "W"), ("W+T", "W"), ("0", "U"), ("Draw", "U"), ("Void", "U"), ("?", "U")],
)
def test_result_gives_the_winner(result, expected):
    assert imported(f"(;SZ[9]RE[{result}])").info.winner == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2005-12-04", datetime.date(2005, 12, 4)),
        ("2005-12-04,05", datetime.date(2005, 12, 4)),
        ("2005-12-04,2005-12-06", datetime.date(2005, 12, 4)),
        ("1978-4-6", datetime.date(1978, 4, 6)),
        ("July 1846", None),
        ("1996-05", None),
        ("2005-13-40", None),
    ],
)
def test_date_is_the_first_date_of_dt(value, expected):
    assert imported(f"(;SZ[9]DT[{value}])").info.created == expected


@pytest.mark.parametrize(
    ("komi", "expected"),
    [
        ("7.5", 7.5),
        ("6.50", 6.5),
        ("0", 0.0),
        ("-1.5", -1.5),
        ("7.3", 7.5),
        ("7.2", 7.0),
        ("100", 100.0),
        ("375", 7.5),
        ("650", 13.0),
        ("-375", -7.5),
        ("1e9", 100.0),
        ("-1e9", -100.0),
        ("abc", 0.0),
    ],
)
def test_komi_is_brought_into_range(komi, expected):
    """Values beyond 100 are Fox's hundredths of a stone, two points each."""
    assert imported(f"(;SZ[9]KM[{komi}])").info.komi == expected


def test_passes_are_kept_as_empty_and_tt_values():
    game = imported("(;SZ[19];B[dd];W[];B[tt];W[pp])")

    assert game.moves == [Move((3, 3), "B"), Move(None, "W"), Move(None, "B"), Move((15, 15), "W")]


def test_tt_is_a_pass_on_9x9():
    assert imported("(;SZ[9];B[ee];W[tt])").moves == [Move((4, 4), "B"), Move(None, "W")]


@pytest.mark.parametrize("point", ["zz", "jj", "a", "abc"])
def test_point_off_the_board_is_rejected(point):
    with pytest.raises(SgfImportError) as raised:
        imported(f"(;SZ[9];B[ee];W[{point}])")

    assert str(raised.value) == f"move 2 has an invalid point [{point}] for a 9x9 board"


def test_root_setup_becomes_leading_moves():
    game = imported("(;SZ[19]HA[2]AB[pd][dp];W[dd];B[pp])")

    assert game.moves == [Move((15, 3), "B"), Move((3, 15), "B"), Move((3, 3), "W"), Move((15, 15), "B")]
    assert game.info.handicap == 2


def test_second_node_setup_becomes_leading_moves():
    game = imported("(;SZ[19]HA[2];AB[pd][dp];W[dd])")

    assert game.moves == [Move((15, 3), "B"), Move((3, 15), "B"), Move((3, 3), "W")]
    assert game.info.handicap == 2


def test_setup_stone_ranges_are_expanded():
    game = imported("(;SZ[9]AB[aa:ba];W[ee])")

    assert game.moves == [Move((0, 0), "B"), Move((1, 0), "B"), Move((4, 4), "W")]


def test_handicap_follows_the_setup_stones_when_ha_differs():
    """The colours replayed with next_color() must match those of the file."""
    game = imported("(;SZ[19]HA[4]AB[pd][dp][dd];W[pp];B[jj])")

    assert game.info.handicap == 3
    replayed_colors = [next_color(game.info.handicap, game.moves[:index]) for index in range(len(game.moves))]
    assert replayed_colors == [move.color for move in game.moves]


def test_handicap_without_setup_stones_counts_leading_black_moves():
    game = imported("(;SZ[19]HA[2];B[pd];B[dp];W[dd])")

    assert game.info.handicap == 2


def test_handicap_without_matching_black_moves_is_zero():
    game = imported("(;SZ[19]HA[2];B[pd];W[dp];B[dd])")

    assert game.info.handicap == 0


@pytest.mark.parametrize("value", ["x", "-1", "10", "0"])
def test_invalid_handicap_is_zero(value):
    assert imported(f"(;SZ[19]HA[{value}];B[pd];B[dp])").info.handicap == 0


def test_white_setup_stones_follow_the_black_ones():
    game = imported("(;SZ[9]AW[cc]AB[gg][aa];B[ee])")

    assert game.moves == [Move((0, 0), "B"), Move((6, 6), "B"), Move((2, 2), "W"), Move((4, 4), "B")]


def test_setup_after_the_first_move_is_rejected():
    with pytest.raises(SgfImportError) as raised:
        imported("(;SZ[9];B[ee];AB[aa];W[cc])")

    assert "after move 1" in str(raised.value)


def test_out_of_turn_colors_are_kept():
    game = imported("(;SZ[9];B[aa];B[bb];W[cc];W[dd])")

    assert [move.color for move in game.moves] == ["B", "B", "W", "W"]


def test_only_the_main_line_is_imported():
    game = imported("(;SZ[9];B[aa](;W[bb];B[cc])(;W[dd]))")

    assert game.moves == [Move((0, 0), "B"), Move((1, 1), "W"), Move((2, 2), "B")]


def test_move_on_an_occupied_point_names_its_number():
    with pytest.raises(SgfImportError) as raised:
        imported("(;SZ[9];B[ee];W[cc];B[ee])")

    assert str(raised.value) == "move 3 is illegal: a stone at (4, 4) is on an occupied point"


def test_suicide_names_the_move_number_after_setup_stones():
    """Move numbers in messages count the file's moves, not the setup stones."""
    with pytest.raises(SgfImportError) as raised:
        imported("(;SZ[9]AB[ba][ab];W[aa])")

    assert str(raised.value) == "move 1 is illegal: a stone at (0, 0) would be suicide"


def test_ko_recapture_in_a_file_is_rejected():
    with pytest.raises(SgfImportError) as raised:
        imported("(;SZ[9];B[ba];W[ca];B[ab];W[db];B[bc];W[cc];B[cb];W[bb];B[cb])")

    assert str(raised.value) == "move 9 is illegal: a stone at (2, 1) would retake the ko at once"


def test_overlapping_setup_stones_are_reported():
    with pytest.raises(SgfImportError) as raised:
        imported("(;SZ[9]AB[aa]AW[aa])")

    assert str(raised.value) == "the setup stone at (0, 0) is illegal: a stone at (0, 0) is on an occupied point"


def test_utf8_without_ca_is_read_as_utf8():
    assert imported("(;SZ[9]PW[绝艺指导])").info.white_player == "绝艺指导"


def test_latin1_without_ca_is_read_as_latin1():
    assert imported("(;SZ[9]PB[Mérida])", encoding="latin-1").info.black_player == "Mérida"


def test_declared_charset_is_honoured():
    assert imported("(;CA[GB2312]SZ[9]PB[围棋])", encoding="gb2312").info.black_player == "围棋"


def test_mis_encoded_text_is_still_read():
    game = import_sgf(b"(;CA[UTF-8]SZ[9]PB[caf\xe9])")

    assert game.info.black_player == "caf\ufffd"
