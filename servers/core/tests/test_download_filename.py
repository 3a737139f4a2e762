"""The Content-Disposition header of an SGF download."""

import datetime

import pytest

from goban_core.sgf import GameInfo, download_filename_header

CREATED = datetime.datetime(2026, 12, 4, 19, 18, 54, tzinfo=datetime.UTC)


def header_for(**fields) -> str:
    return download_filename_header(GameInfo(board_size=19, **fields), CREATED)


def test_named_record_uses_its_name():
    assert header_for(name="Club game") == 'attachment; filename="Club_game_2026_12_04.sgf"'


def test_unnamed_record_uses_both_players():
    assert header_for() == 'attachment; filename="Black_vs_White_2026_12_04.sgf"'


def test_spaces_in_player_names_become_underscores():
    header = header_for(black_player="Go Seigen", white_player="Karigane  Junichi")

    assert header == 'attachment; filename="Go_Seigen_vs_Karigane__Junichi_2026_12_04.sgf"'


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ('say "hi"', "say__hi__2026_12_04.sgf"),
        ("a\\b", "a_b_2026_12_04.sgf"),
        ("../etc/passwd", ".._etc_passwd_2026_12_04.sgf"),
        ("tab\there", "tab_here_2026_12_04.sgf"),
        ("new\r\nline", "new__line_2026_12_04.sgf"),
        ("bell\x07", "bell__2026_12_04.sgf"),
    ],
)
def test_characters_unfit_for_a_quoted_filename_are_replaced(name, expected):
    assert header_for(name=name) == f'attachment; filename="{expected}"'


def test_non_ascii_name_gets_an_encoded_filename_star():
    header = header_for(black_player="梶原武雄", white_player="趙治勲")

    assert header == (
        'attachment; filename="_____vs_____2026_12_04.sgf"; '
        "filename*=UTF-8''%E6%A2%B6%E5%8E%9F%E6%AD%A6%E9%9B%84_vs_%E8%B6%99%E6%B2%BB%E5%8B%B2_2026_12_04.sgf"
    )


def test_ascii_fallback_drops_accents():
    header = header_for(name="Café Noël")

    assert header == (
        'attachment; filename="Cafe_Noel_2026_12_04.sgf"; '
        "filename*=UTF-8''Caf%C3%A9_No%C3%ABl_2026_12_04.sgf"
    )


def test_non_breaking_space_becomes_an_underscore():
    assert header_for(name="a\u00a0b\u3000c") == 'attachment; filename="a_b_c_2026_12_04.sgf"'


def test_date_is_the_utc_date_of_created():
    created = datetime.datetime(2026, 12, 5, 1, 30, tzinfo=datetime.timezone(datetime.timedelta(hours=3)))

    header = download_filename_header(GameInfo(board_size=9), created)

    assert header == 'attachment; filename="Black_vs_White_2026_12_04.sgf"'
