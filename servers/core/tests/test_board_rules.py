"""Captures, suicide, ko and replay on the board of goban_core.rules."""

import pytest

from goban_core.rules import IllegalMove, Move, Position, replay


def setup_position(size: int, black: list[tuple[int, int]], white: list[tuple[int, int]]) -> Position:
    """Return a position with the given stones, placed without any capture."""
    position = Position(size)
    for point in black:
        assert position.play(Move(point, "B")) == []
    for point in white:
        assert position.play(Move(point, "W")) == []
    return position


def test_single_stone_in_the_middle_is_captured():
    position = setup_position(9, black=[(3, 4), (5, 4), (4, 3)], white=[(4, 4)])

    assert position.play(Move((4, 5), "B")) == [(4, 4)]
    assert position.color_at((4, 4)) is None


def test_stone_in_the_corner_is_captured():
    position = setup_position(9, black=[(1, 0)], white=[(0, 0)])

    assert position.play(Move((0, 1), "B")) == [(0, 0)]


def test_stone_on_the_edge_is_captured():
    position = setup_position(9, black=[(3, 8), (5, 8)], white=[(4, 8)])

    assert position.play(Move((4, 7), "B")) == [(4, 8)]


def test_stone_in_the_far_corner_is_captured():
    position = setup_position(19, black=[(17, 18)], white=[(18, 18)])

    assert position.play(Move((18, 17), "B")) == [(18, 18)]


def test_multi_stone_group_is_captured_sorted_by_y_then_x():
    position = setup_position(
        9,
        black=[(3, 2), (2, 3), (2, 4), (4, 3), (4, 4), (3, 6)],
        white=[(3, 3), (3, 4), (3, 5)],
    )
    position.play(Move((2, 5), "B"))

    assert position.play(Move((4, 5), "B")) == [(3, 3), (3, 4), (3, 5)]
    assert position.stones() == [
        (3, 2, "B"),
        (2, 3, "B"),
        (4, 3, "B"),
        (2, 4, "B"),
        (4, 4, "B"),
        (2, 5, "B"),
        (4, 5, "B"),
        (3, 6, "B"),
    ]


def test_one_move_captures_two_groups():
    position = setup_position(9, black=[(2, 0), (1, 1), (0, 2)], white=[(1, 0), (0, 1)])

    assert position.play(Move((0, 0), "B")) == [(1, 0), (0, 1)]
    assert position.stones() == [(0, 0, "B"), (2, 0, "B"), (1, 1, "B"), (0, 2, "B")]


def test_group_with_a_liberty_left_is_not_captured():
    position = setup_position(9, black=[(2, 0), (0, 1)], white=[(0, 0), (1, 0)])

    assert position.play(Move((1, 1), "B")) == [(0, 0), (1, 0)]
    position = setup_position(9, black=[(2, 0)], white=[(0, 0), (1, 0)])
    assert position.play(Move((1, 1), "B")) == []


def test_single_stone_suicide_is_rejected():
    position = setup_position(9, black=[(1, 0), (0, 1)], white=[])

    with pytest.raises(IllegalMove) as raised:
        position.play(Move((0, 0), "W"))

    assert raised.value.reason == "suicide"
    assert raised.value.move_number is None
    assert position.color_at((0, 0)) is None


def test_multi_stone_suicide_is_rejected():
    position = setup_position(9, black=[(2, 0), (1, 1), (0, 1)], white=[(0, 0)])

    with pytest.raises(IllegalMove) as raised:
        position.play(Move((1, 0), "W"))

    assert raised.value.reason == "suicide"
    assert position.stones() == [(0, 0, "W"), (2, 0, "B"), (0, 1, "B"), (1, 1, "B")]


def test_move_without_liberty_that_captures_is_legal():
    position = setup_position(9, black=[(1, 0), (0, 1)], white=[(2, 0), (1, 1), (0, 2)])

    assert position.play(Move((0, 0), "W")) == [(1, 0), (0, 1)]


def test_rejected_move_changes_nothing():
    position = setup_position(9, black=[(1, 0), (0, 1)], white=[(4, 4)])
    stones_before = position.stones()
    captures_before = list(position.captures)

    with pytest.raises(IllegalMove):
        position.play(Move((0, 0), "W"))

    assert position.stones() == stones_before
    assert position.captures == captures_before


@pytest.mark.parametrize("point", [(-1, 0), (0, -1), (9, 0), (0, 9), (9, 9)])
def test_off_board_point_is_rejected(point):
    with pytest.raises(IllegalMove) as raised:
        Position(9).play(Move(point, "B"))

    assert raised.value.reason == "off_board"


def test_occupied_point_is_rejected():
    position = setup_position(9, black=[(4, 4)], white=[])

    with pytest.raises(IllegalMove) as raised:
        position.play(Move((4, 4), "W"))

    assert raised.value.reason == "occupied"
    assert position.stones() == [(4, 4, "B")]


def ko_moves() -> list[Move]:
    """Return moves that end with white capturing one black stone at (2, 1) in a ko."""
    return [
        Move((1, 0), "B"),
        Move((2, 0), "W"),
        Move((0, 1), "B"),
        Move((3, 1), "W"),
        Move((1, 2), "B"),
        Move((2, 2), "W"),
        Move((2, 1), "B"),
        Move((1, 1), "W"),
    ]


def test_ko_capture_takes_one_stone():
    position = replay(9, ko_moves())

    assert position.captures[-1] == [(2, 1)]


def test_immediate_ko_recapture_is_rejected():
    position = replay(9, ko_moves())

    with pytest.raises(IllegalMove) as raised:
        position.play(Move((2, 1), "B"))

    assert raised.value.reason == "ko"
    assert position.color_at((1, 1)) == "W"


def test_ko_recapture_after_moves_elsewhere_is_allowed():
    position = replay(9, ko_moves() + [Move((7, 7), "B"), Move((7, 6), "W")])

    assert position.play(Move((2, 1), "B")) == [(1, 1)]


def test_ko_recapture_after_two_passes_is_allowed():
    position = replay(9, ko_moves() + [Move(None, "B"), Move(None, "W")])

    assert position.play(Move((2, 1), "B")) == [(1, 1)]


def test_ko_recapture_replays_without_the_ko_check():
    """Records of the original servers, which did not enforce ko, still replay."""
    moves = ko_moves() + [Move((2, 1), "B")]

    position = replay(9, moves, check_ko=False)

    assert position.captures[-1] == [(1, 1)]
    with pytest.raises(IllegalMove) as raised:
        position.play(Move((1, 1), "W"))
    assert raised.value.reason == "ko"


def test_replay_rejects_a_stored_ko_recapture_by_default():
    with pytest.raises(IllegalMove) as raised:
        replay(9, ko_moves() + [Move((2, 1), "B")])

    assert raised.value.reason == "ko"
    assert raised.value.move_number == 9


def test_snapback_recapture_is_legal():
    """A recapture that takes several stones is not a ko, even right after a one-stone capture."""
    white = [(1, 0), (1, 1), (2, 1), (3, 1), (4, 1), (4, 0)]
    black = [(0, 0), (0, 1), (1, 2), (2, 2), (3, 2), (4, 2), (5, 1), (5, 0)]
    position = setup_position(9, black=black, white=white)

    assert position.play(Move((2, 0), "B")) == []
    assert position.play(Move((3, 0), "W")) == [(2, 0)]
    assert position.play(Move((2, 0), "B")) == [(1, 0), (3, 0), (4, 0), (1, 1), (2, 1), (3, 1), (4, 1)]


def test_pass_changes_nothing_and_records_no_capture():
    position = replay(9, [Move((4, 4), "B"), Move(None, "W")])

    assert position.stones() == [(4, 4, "B")]
    assert position.captures == [[], []]


def test_replay_records_the_captures_of_every_move():
    moves = [Move((1, 0), "B"), Move((0, 0), "W"), Move((0, 1), "B")]

    assert replay(9, moves).captures == [[], [], [(0, 0)]]


def test_replay_names_the_illegal_move_number():
    moves = [Move((4, 4), "B"), Move((3, 3), "W"), Move((4, 4), "B")]

    with pytest.raises(IllegalMove) as raised:
        replay(9, moves)

    assert raised.value.move_number == 3
    assert raised.value.reason == "occupied"
    assert str(raised.value) == "move 3: a stone at (4, 4) is on an occupied point"


def test_stones_are_sorted_by_y_then_x():
    moves = [Move((8, 0), "B"), Move((0, 8), "W"), Move((0, 0), "B"), Move((8, 8), "W"), Move((4, 0), "B")]

    assert replay(9, moves).stones() == [(0, 0, "B"), (4, 0, "B"), (8, 0, "B"), (0, 8, "W"), (8, 8, "W")]


def test_move_with_an_unknown_color_is_rejected():
    with pytest.raises(ValueError):
        Move((0, 0), "X")
