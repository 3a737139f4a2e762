"""Playing stones, passing and undoing, with captures, suicide, ko and turn order."""

import pytest

from goban_django.record.models import Move
from tests.factories import record_make, user_make

pytestmark = pytest.mark.django_db


def play(client, record_id: int, x: int, y: int):
    return client.post(f"/api/records/{record_id}/play/", {"x": x, "y": y}, format="json")


def play_all(client, record_id: int, points) -> None:
    for point in points:
        response = (
            client.post(f"/api/records/{record_id}/pass/") if point is None else play(client, record_id, *point)
        )
        assert response.status_code == 201, response.content


def stored_moves(record) -> list[tuple[int, int | None, str]]:
    return list(Move.objects.filter(record=record).order_by("move").values_list("move", "position", "color"))


def test_play_stores_move_and_returns_stone(auth_client, user):
    record = record_make(owner=user, board_size=9)

    response = play(auth_client, record.pk, 3, 2)

    assert response.status_code == 201
    assert response.json() == {"add": [{"x": 3, "y": 2, "color": "B"}], "remove": []}
    assert stored_moves(record) == [(1, 3 + 2 * 9, "B")]


def test_capture_is_returned_and_shown(auth_client, user):
    record = record_make(owner=user, board_size=9)
    play_all(auth_client, record.pk, [(1, 0), (0, 0)])

    response = play(auth_client, record.pk, 0, 1)
    detail = auth_client.get(f"/api/records/{record.pk}/").json()

    assert response.status_code == 201
    assert response.json() == {"add": [{"x": 0, "y": 1, "color": "B"}], "remove": [{"x": 0, "y": 0}]}
    assert detail["stones"] == [{"x": 1, "y": 0, "color": "B"}, {"x": 0, "y": 1, "color": "B"}]
    assert detail["moves"] == [
        {"position": {"x": 1, "y": 0}, "color": "B", "captures": []},
        {"position": {"x": 0, "y": 0}, "color": "W", "captures": []},
        {"position": {"x": 0, "y": 1}, "color": "B", "captures": [{"x": 0, "y": 0}]},
    ]


def test_captures_are_ordered_by_row_then_column(auth_client, user):
    record = record_make(owner=user, board_size=9)
    # White stones at (1,0) and (0,1) are each captured when black fills (0,0)'s neighbours.
    play_all(auth_client, record.pk, [(2, 0), (1, 0), (1, 1), (0, 1), (0, 2), None])

    response = play(auth_client, record.pk, 0, 0)

    assert response.status_code == 201
    assert response.json()["remove"] == [{"x": 1, "y": 0}, {"x": 0, "y": 1}]


@pytest.mark.parametrize(
    ("setup", "point", "reason"),
    [
        ([(4, 4)], (4, 4), "occupied"),
        ([(1, 0), None, (0, 1)], (0, 0), "suicide"),
        # A ko on the left edge: black takes at (1,1), white may not retake at (2,1) at once.
        ([(1, 0), (2, 0), (0, 1), (3, 1), (1, 2), (2, 2), (5, 5), (1, 1), (2, 1)], (1, 1), "ko"),
    ],
)
def test_illegal_move_is_403_and_not_stored(auth_client, user, setup, point, reason):
    record = record_make(owner=user, board_size=9)
    play_all(auth_client, record.pk, setup)
    before = stored_moves(record)

    response = play(auth_client, record.pk, *point)

    assert response.status_code == 403, response.content
    assert set(response.json()) == {"detail"}
    assert reason in response.json()["detail"].replace("occupied point", "occupied")
    assert stored_moves(record) == before


@pytest.mark.parametrize(
    ("body", "fields"),
    [
        ({}, ["x", "y"]),
        ({"x": 1}, ["y"]),
        ({"x": 9, "y": 0}, ["x"]),
        ({"x": -1, "y": 9}, ["x", "y"]),
        ({"x": "1", "y": 1}, ["x"]),
        ({"x": 1.0, "y": 1}, ["x"]),
        ({"x": 1, "y": None}, ["y"]),
        ({"x": 1, "y": True}, ["y"]),
        ({"x": 10**40, "y": 0}, ["x"]),
        ({"x": [1], "y": {"v": 1}}, ["x", "y"]),
    ],
)
def test_play_bad_coordinates_is_400(auth_client, user, body, fields):
    record = record_make(owner=user, board_size=9)

    response = auth_client.post(f"/api/records/{record.pk}/play/", body, format="json")

    assert response.status_code == 400
    assert sorted(response.json()) == fields
    assert stored_moves(record) == []


@pytest.mark.parametrize("action", ["play", "pass", "undo"])
def test_moves_on_other_users_record_are_404(auth_client, action):
    record = record_make(owner=user_make(username="bob"))
    Move.objects.create(record=record, move=1, position=0, color="B")

    response = auth_client.post(f"/api/records/{record.pk}/{action}/", {"x": 1, "y": 1}, format="json")

    assert response.status_code == 404
    assert set(response.json()) == {"detail"}
    assert Move.objects.count() == 1


def test_pass_returns_null_and_takes_a_number(auth_client, user):
    record = record_make(owner=user, board_size=9)
    play_all(auth_client, record.pk, [(0, 0)])

    response = auth_client.post(f"/api/records/{record.pk}/pass/")

    assert response.status_code == 201
    assert response.content == b"null"
    assert response["Content-Type"] == "application/json"
    assert stored_moves(record) == [(1, 0, "B"), (2, None, "W")]


def test_handicap_stones_are_black_then_white_moves(auth_client, user):
    record = record_make(owner=user, board_size=9, handicap=3)

    play_all(auth_client, record.pk, [(2, 2), (6, 6), None, (4, 4), (3, 3)])

    assert [color for _, _, color in stored_moves(record)] == ["B", "B", "B", "W", "B"]


def test_undo_restores_captured_stones(auth_client, user):
    record = record_make(owner=user, board_size=9)
    play_all(auth_client, record.pk, [(1, 0), (0, 0), (0, 1)])

    response = auth_client.post(f"/api/records/{record.pk}/undo/")

    assert response.status_code == 200
    assert response.json() == {"add": [{"x": 0, "y": 0, "color": "W"}], "remove": [{"x": 0, "y": 1}]}
    assert stored_moves(record) == [(1, 1, "B"), (2, 0, "W")]


def test_undo_of_pass_changes_no_stone(auth_client, user):
    record = record_make(owner=user, board_size=9)
    play_all(auth_client, record.pk, [(1, 0), None])

    response = auth_client.post(f"/api/records/{record.pk}/undo/")

    assert response.status_code == 200
    assert response.json() == {"add": [], "remove": []}
    assert stored_moves(record) == [(1, 1, "B")]


def test_undo_without_moves_is_403(auth_client, user):
    record = record_make(owner=user, board_size=9)

    response = auth_client.post(f"/api/records/{record.pk}/undo/")

    assert response.status_code == 403
    assert set(response.json()) == {"detail"}


def test_play_after_undo_reuses_the_number(auth_client, user):
    record = record_make(owner=user, board_size=9)
    play_all(auth_client, record.pk, [(1, 0), (0, 0)])
    assert auth_client.post(f"/api/records/{record.pk}/undo/").status_code == 200

    response = play(auth_client, record.pk, 5, 5)

    assert response.json() == {"add": [{"x": 5, "y": 5, "color": "W"}], "remove": []}
    assert stored_moves(record) == [(1, 1, "B"), (2, 50, "W")]


def test_record_with_illegal_stored_move_is_409(auth_client, user):
    """A ko recapture that an older server stored makes the record unplayable, with a clear error."""
    record = record_make(owner=user, board_size=9)
    for number, (point, color) in enumerate([((0, 0), "B"), ((0, 0), "W")], start=1):
        Move.objects.create(record=record, move=number, position=point[0] + point[1] * 9, color=color)

    detail = auth_client.get(f"/api/records/{record.pk}/")
    played = play(auth_client, record.pk, 4, 4)

    assert detail.status_code == 409
    assert "move 2" in detail.json()["detail"]
    assert played.status_code == 409
    assert len(stored_moves(record)) == 2


def test_stored_ko_recapture_loads(auth_client, user):
    """The original servers had no ko rule; their records load, and ko binds the next move."""
    record = record_make(owner=user, board_size=9)
    points = [(1, 0), (2, 0), (0, 1), (3, 1), (2, 1), (2, 2), (1, 2), (1, 1), (2, 1)]
    for number, (x, y) in enumerate(points, start=1):
        Move.objects.create(record=record, move=number, position=x + y * 9, color="BW"[(number - 1) % 2])

    detail = auth_client.get(f"/api/records/{record.pk}/")
    retake = play(auth_client, record.pk, 1, 1)
    elsewhere = play(auth_client, record.pk, 8, 8)

    assert detail.status_code == 200
    assert detail.json()["moves"][8] == {"position": {"x": 2, "y": 1}, "color": "B", "captures": [{"x": 1, "y": 1}]}
    assert retake.status_code == 403
    assert elsewhere.status_code == 201
