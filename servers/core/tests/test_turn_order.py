"""Whose turn it is, with and without handicap stones."""

import pytest

from goban_core.rules import Move, next_color


def moves_of(colors: str) -> list[Move]:
    """Return one pass per letter of colors, which is enough for next_color."""
    return [Move(None, color) for color in colors]


@pytest.mark.parametrize(
    ("handicap", "colors", "expected"),
    [
        (0, "", "B"),
        (0, "B", "W"),
        (0, "BW", "B"),
        (0, "BWB", "W"),
        (2, "", "B"),
        (2, "B", "B"),
        (2, "BB", "W"),
        (2, "BBW", "B"),
        (9, "BBBBBBBB", "B"),
        (9, "BBBBBBBBB", "W"),
        (9, "BBBBBBBBBW", "B"),
        (1, "", "B"),
        (1, "B", "W"),
    ],
)
def test_next_color(handicap, colors, expected):
    assert next_color(handicap, moves_of(colors)) == expected


def test_next_color_follows_the_last_recorded_color():
    """After the handicap, the turn alternates from the last move even if earlier moves did not."""
    assert next_color(0, moves_of("BB")) == "W"
    assert next_color(0, moves_of("WW")) == "B"


def test_pass_counts_as_a_move():
    moves = [Move((4, 4), "B"), Move(None, "W")]

    assert next_color(0, moves) == "B"
