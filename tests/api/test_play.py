"""Playing: whose turn, captures, suicide, ko, bad points, passes and undo."""

import httpx
import pytest

from support import (
    User,
    assert_detail_error,
    assert_field_errors,
    create_record,
    get_detail,
    interleave,
    pass_turn,
    play,
    play_sequence,
    undo,
)


def stone(x: int, y: int, color: str) -> dict:
    return {"x": x, "y": y, "color": color}


def point(x: int, y: int) -> dict:
    return {"x": x, "y": y}


def test_first_move_is_black(api: httpx.Client, user: User, record: dict):
    response = play(api, user, record["id"], 3, 3)

    assert response.status_code == 201, response.text
    assert response.json() == {"add": [stone(3, 3, "B")], "remove": []}


@pytest.mark.parametrize(
    ("handicap", "colors"),
    [
        (0, "BWBWB"),
        (1, "BWBWB"),
        (2, "BBWBW"),
        (3, "BBBWB"),
        (9, "BBBBBBBBBWBW"),
    ],
)
def test_handicap_stones_are_black_then_colours_alternate(api: httpx.Client, user: User, handicap: int, colors: str):
    record = create_record(api, user, handicap=handicap)
    points = [(2 * (index % 9), 2 * (index // 9)) for index in range(len(colors))]

    played = []
    for x, y in points:
        response = play(api, user, record["id"], x, y)
        assert response.status_code == 201, response.text
        played.append(response.json()["add"][0]["color"])

    assert "".join(played) == colors
    assert "".join(move["color"] for move in get_detail(api, user, record["id"])["moves"]) == colors


def test_pass_answers_null_and_counts_as_move(api: httpx.Client, user: User, record: dict):
    response = pass_turn(api, user, record["id"])

    assert response.status_code == 201, response.text
    assert response.content.strip() == b"null"
    assert response.json() is None
    assert get_detail(api, user, record["id"])["moves"] == [{"position": None, "color": "B", "captures": []}]
    assert play(api, user, record["id"], 0, 0).json() == {"add": [stone(0, 0, "W")], "remove": []}


def test_pass_during_handicap_is_black(api: httpx.Client, user: User):
    record = create_record(api, user, handicap=2)

    assert pass_turn(api, user, record["id"]).status_code == 201
    assert play(api, user, record["id"], 3, 3).json()["add"] == [stone(3, 3, "B")]
    assert play(api, user, record["id"], 15, 15).json()["add"] == [stone(15, 15, "W")]


CAPTURES = {
    "single": (9, [(4, 3), (3, 4), (5, 4)], [(4, 4)], (4, 5), [(4, 4)]),
    "two-stones-in-a-row": (9, [(4, 3), (5, 3), (3, 4), (6, 4), (4, 5)], [(4, 4), (5, 4)], (5, 5), [(4, 4), (5, 4)]),
    "two-stones-in-a-column": (9, [(4, 3), (3, 4), (5, 4), (3, 5), (5, 5)], [(4, 4), (4, 5)], (4, 6), [(4, 4), (4, 5)]),
    "two-groups-at-once": (9, [(2, 0), (1, 1), (0, 2)], [(1, 0), (0, 1)], (0, 0), [(1, 0), (0, 1)]),
    "top-left-corner": (9, [(1, 0)], [(0, 0)], (0, 1), [(0, 0)]),
    "bottom-right-corner": (9, [(7, 8)], [(8, 8)], (8, 7), [(8, 8)]),
    "top-right-corner-19": (19, [(17, 0)], [(18, 0)], (18, 1), [(18, 0)]),
    "bottom-left-corner-13": (13, [(1, 12)], [(0, 12)], (0, 11), [(0, 12)]),
    "edge-group-of-three": (
        9,
        [(2, 0), (6, 0), (3, 1), (4, 1)],
        [(3, 0), (4, 0), (5, 0)],
        (5, 1),
        [(3, 0), (4, 0), (5, 0)],
    ),
}


@pytest.mark.parametrize(
    ("board_size", "black", "white", "capture_at", "captured"), CAPTURES.values(), ids=CAPTURES.keys()
)
def test_capture_removes_stones(api: httpx.Client, user: User, board_size, black, white, capture_at, captured):
    """The capturing move returns the stones it took, ordered by y then x, and the board loses them."""
    record = create_record(api, user, board_size=board_size)
    play_sequence(api, user, record["id"], interleave(black, white))

    response = play(api, user, record["id"], *capture_at)

    assert response.status_code == 201, response.text
    assert response.json() == {"add": [stone(*capture_at, "B")], "remove": [point(*p) for p in captured]}
    detail = get_detail(api, user, record["id"])
    remaining = sorted([*black, capture_at], key=lambda p: (p[1], p[0]))
    assert detail["stones"] == [stone(x, y, "B") for x, y in remaining]
    assert detail["moves"][-1] == {
        "position": point(*capture_at),
        "color": "B",
        "captures": [point(*p) for p in captured],
    }


def test_capture_frees_point_for_replay(api: httpx.Client, user: User, small_record: dict):
    """A point emptied by a capture can be played again."""
    play_sequence(api, user, small_record["id"], [*interleave([(1, 0)], [(0, 0)]), (0, 1), (5, 5)])

    response = play(api, user, small_record["id"], 0, 0)

    assert response.status_code == 201, response.text
    assert response.json() == {"add": [stone(0, 0, "B")], "remove": []}


SUICIDES = {
    "single-stone-in-corner": ([(1, 0), (0, 1)], [(5, 5)], (0, 0)),
    "single-stone-in-middle": ([(4, 3), (3, 4), (5, 4), (4, 5)], [(7, 7), (7, 1), (1, 7), (1, 1)], (4, 4)),
    "filling-own-last-liberty": ([(2, 0), (1, 1), (0, 1)], [(0, 0), (6, 6), (6, 7)], (1, 0)),
}


@pytest.mark.parametrize(("black", "white", "suicide_at"), SUICIDES.values(), ids=SUICIDES.keys())
def test_suicide_is_refused(api: httpx.Client, user: User, small_record: dict, black, white, suicide_at):
    """A white stone whose group has no liberty and captures nothing is refused and changes nothing.

    Black passes after the set-up so that white is to play.
    """
    play_sequence(api, user, small_record["id"], [*interleave(black, white), None])
    before = get_detail(api, user, small_record["id"])

    assert_detail_error(play(api, user, small_record["id"], *suicide_at), 403)
    assert get_detail(api, user, small_record["id"]) == before
    assert play(api, user, small_record["id"], 8, 8).json()["add"] == [stone(8, 8, "W")]


def set_up_ko(api: httpx.Client, user: User, record_id: int) -> None:
    """Build a ko at (1, 1)/(2, 1) and let black take it, capturing the white stone at (1, 1)."""
    black = [(1, 0), (0, 1), (1, 2)]
    white = [(2, 0), (1, 1), (3, 1), (2, 2)]
    play_sequence(api, user, record_id, interleave(black, white))

    response = play(api, user, record_id, 2, 1)
    assert response.status_code == 201, response.text
    assert response.json() == {"add": [stone(2, 1, "B")], "remove": [point(1, 1)]}


def test_ko_recapture_is_refused(api: httpx.Client, user: User, small_record: dict):
    set_up_ko(api, user, small_record["id"])
    before = get_detail(api, user, small_record["id"])

    assert_detail_error(play(api, user, small_record["id"], 1, 1), 403)
    assert get_detail(api, user, small_record["id"]) == before


def test_ko_recapture_is_allowed_after_threat(api: httpx.Client, user: User, small_record: dict):
    """After white plays elsewhere and black replies, the position differs and white may retake."""
    set_up_ko(api, user, small_record["id"])
    assert play(api, user, small_record["id"], 1, 1).status_code == 403
    play_sequence(api, user, small_record["id"], [(7, 7), (7, 6)])

    response = play(api, user, small_record["id"], 1, 1)

    assert response.status_code == 201, response.text
    assert response.json() == {"add": [stone(1, 1, "W")], "remove": [point(2, 1)]}
    assert_detail_error(play(api, user, small_record["id"], 2, 1), 403)


def test_play_on_occupied_point_is_refused(api: httpx.Client, user: User, small_record: dict):
    play_sequence(api, user, small_record["id"], [(3, 3), (4, 4)])
    before = get_detail(api, user, small_record["id"])

    assert_detail_error(play(api, user, small_record["id"], 3, 3), 403)
    assert_detail_error(play(api, user, small_record["id"], 4, 4), 403)
    assert get_detail(api, user, small_record["id"]) == before


OFF_BOARD = [
    (9, {"x": 9, "y": 0}, ["x"]),
    (9, {"x": 0, "y": 9}, ["y"]),
    (9, {"x": -1, "y": 0}, ["x"]),
    (9, {"x": 0, "y": -1}, ["y"]),
    (13, {"x": 13, "y": 12}, ["x"]),
    (19, {"x": 19, "y": 0}, ["x"]),
    (19, {"x": 0, "y": 19}, ["y"]),
    (19, {"x": 100, "y": 100}, ["x", "y"]),
]


@pytest.mark.parametrize(
    ("board_size", "body", "fields"), OFF_BOARD, ids=[f"{size}-{body}" for size, body, _ in OFF_BOARD]
)
def test_play_off_board_is_rejected(api: httpx.Client, user: User, board_size: int, body: dict, fields: list[str]):
    record = create_record(api, user, board_size=board_size)

    response = api.post(f"/api/records/{record['id']}/play/", json=body, headers=user.headers)

    assert_field_errors(response, *fields)
    assert get_detail(api, user, record["id"])["moves"] == []


@pytest.mark.parametrize("board_size", [9, 13, 19])
def test_play_on_last_line_is_accepted(api: httpx.Client, user: User, board_size: int):
    record = create_record(api, user, board_size=board_size)
    edge = board_size - 1

    response = play(api, user, record["id"], edge, edge)

    assert response.status_code == 201, response.text
    assert response.json() == {"add": [stone(edge, edge, "B")], "remove": []}


BAD_COORDINATES = [
    ({"x": 1}, ["y"]),
    ({"y": 1}, ["x"]),
    ({}, ["x", "y"]),
    ({"x": "a", "y": 1}, ["x"]),
    ({"x": 1, "y": 1.5}, ["y"]),
    ({"x": None, "y": 1}, ["x"]),
]


@pytest.mark.parametrize(("body", "fields"), BAD_COORDINATES, ids=[str(body) for body, _ in BAD_COORDINATES])
def test_play_with_bad_coordinates_is_rejected(api: httpx.Client, user: User, small_record: dict, body, fields):
    response = api.post(f"/api/records/{small_record['id']}/play/", json=body, headers=user.headers)

    assert_field_errors(response, *fields)
    assert get_detail(api, user, small_record["id"])["moves"] == []


def test_undo_without_moves_is_refused(api: httpx.Client, user: User, record: dict):
    assert_detail_error(undo(api, user, record["id"]), 403)
    assert get_detail(api, user, record["id"]) == {**record, "stones": [], "moves": []}


def test_undo_removes_last_stone_and_gives_turn_back(api: httpx.Client, user: User, record: dict):
    play_sequence(api, user, record["id"], [(3, 3), (15, 15)])

    response = undo(api, user, record["id"])

    assert response.status_code == 200, response.text
    assert response.json() == {"add": [], "remove": [point(15, 15)]}
    assert get_detail(api, user, record["id"])["stones"] == [stone(3, 3, "B")]
    assert play(api, user, record["id"], 16, 16).json()["add"] == [stone(16, 16, "W")]


def test_detail_after_undo_shows_new_move(api: httpx.Client, user: User, record: dict):
    """A move played after an undo has the undone move's number, and the detail must show the new one."""
    play_sequence(api, user, record["id"], [(3, 3), (15, 15)])
    assert get_detail(api, user, record["id"])["stones"] == [stone(3, 3, "B"), stone(15, 15, "W")]

    undo(api, user, record["id"])
    play(api, user, record["id"], 16, 16)

    detail = get_detail(api, user, record["id"])
    assert detail["stones"] == [stone(3, 3, "B"), stone(16, 16, "W")]
    assert detail["moves"][-1] == {"position": point(16, 16), "color": "W", "captures": []}


def test_undo_of_pass_changes_no_stones(api: httpx.Client, user: User, record: dict):
    play_sequence(api, user, record["id"], [(3, 3), None])

    response = undo(api, user, record["id"])

    assert response.status_code == 200, response.text
    assert response.json() == {"add": [], "remove": []}
    assert get_detail(api, user, record["id"])["moves"] == [
        {"position": point(3, 3), "color": "B", "captures": []}
    ]


@pytest.mark.parametrize(
    ("board_size", "black", "white", "capture_at", "captured"),
    [CAPTURES["single"], CAPTURES["two-groups-at-once"], CAPTURES["edge-group-of-three"]],
    ids=["single", "two-groups-at-once", "edge-group-of-three"],
)
def test_undo_of_capture_puts_stones_back(api: httpx.Client, user: User, board_size, black, white, capture_at, captured):
    """Undoing a capture removes the capturing stone and returns the captured ones with their colour."""
    record = create_record(api, user, board_size=board_size)
    play_sequence(api, user, record["id"], interleave(black, white))
    before = get_detail(api, user, record["id"])
    assert play(api, user, record["id"], *capture_at).status_code == 201

    response = undo(api, user, record["id"])

    assert response.status_code == 200, response.text
    assert response.json() == {"add": [stone(x, y, "W") for x, y in captured], "remove": [point(*capture_at)]}
    assert get_detail(api, user, record["id"]) == before


def test_undo_of_white_capture_returns_black_stone(api: httpx.Client, user: User, small_record: dict):
    set_up_ko(api, user, small_record["id"])
    play_sequence(api, user, small_record["id"], [(7, 7), (7, 6), (1, 1)])

    response = undo(api, user, small_record["id"])

    assert response.status_code == 200, response.text
    assert response.json() == {"add": [stone(2, 1, "B")], "remove": [point(1, 1)]}


def test_undo_every_move_then_refuse(api: httpx.Client, user: User, record: dict):
    play_sequence(api, user, record["id"], [(0, 0), None, (2, 2)])

    assert undo(api, user, record["id"]).json() == {"add": [], "remove": [point(2, 2)]}
    assert undo(api, user, record["id"]).json() == {"add": [], "remove": []}
    assert undo(api, user, record["id"]).json() == {"add": [], "remove": [point(0, 0)]}
    assert_detail_error(undo(api, user, record["id"]), 403)
    assert get_detail(api, user, record["id"]) == {**record, "stones": [], "moves": []}
