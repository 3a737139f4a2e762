"""Records: create, list, detail, update and delete, and the privacy of other users' records."""

import datetime

import httpx
import pytest

from support import (
    User,
    assert_detail_error,
    assert_field_errors,
    assert_record,
    assert_utc_timestamp,
    count_records,
    create_record,
    get_detail,
    play_sequence,
    register_and_login,
)

VALID_FIELDS = [
    ("name", ""),
    ("name", "n" * 200),
    ("name", "碁" * 200),
    ("black_player", "B"),
    ("black_player", "b" * 200),
    ("white_player", "W"),
    ("white_player", "w" * 200),
    ("comment", ""),
    ("comment", "c" * 400),
    ("comment", "line one\nline two ]\\"),
    ("handicap", 0),
    ("handicap", 2),
    ("handicap", 9),
    ("komi", -100.0),
    ("komi", -0.5),
    ("komi", 0.0),
    ("komi", 6.5),
    ("komi", 100.0),
    ("ruleset", "AGA"),
    ("ruleset", "JPN"),
    ("ruleset", "CHN"),
]

INVALID_FIELDS = [
    ("name", "n" * 201),
    ("name", "碁" * 201),
    ("black_player", ""),
    ("black_player", "b" * 201),
    ("white_player", ""),
    ("white_player", "w" * 201),
    ("comment", "c" * 401),
    ("handicap", -1),
    ("handicap", 10),
    ("handicap", 2.5),
    ("komi", 6.25),
    ("komi", 0.1),
    ("komi", 100.5),
    ("komi", -100.5),
    ("komi", 1000),
    ("ruleset", "XYZ"),
    ("ruleset", "aga"),
    ("ruleset", ""),
]


def field_id(case: tuple[str, object]) -> str:
    field, value = case
    text = repr(value)
    return f"{field}={text if len(text) <= 12 else f'{len(value)}-chars'}"


@pytest.mark.parametrize("board_size", [9, 13, 19])
def test_create_record_fills_defaults(api: httpx.Client, user: User, board_size: int):
    before = datetime.datetime.now(datetime.UTC)
    response = api.post("/api/records/", json={"board_size": board_size}, headers=user.headers)

    assert response.status_code == 201, response.text
    body = response.json()
    assert_record(body, owner=user.id, board_size=board_size)
    created = assert_utc_timestamp(body["created"])
    assert abs(created - before) < datetime.timedelta(minutes=5)


def test_create_record_with_every_field(api: httpx.Client, user: User):
    fields = {
        "name": "Club final",
        "black_player": "Lee",
        "white_player": "Cho",
        "comment": "Played on the terrace.",
        "handicap": 3,
        "komi": 0.5,
        "ruleset": "JPN",
    }
    response = api.post("/api/records/", json={"board_size": 13, **fields}, headers=user.headers)

    assert response.status_code == 201, response.text
    assert_record(response.json(), owner=user.id, board_size=13, **fields)


@pytest.mark.parametrize("case", VALID_FIELDS, ids=map(field_id, VALID_FIELDS))
def test_create_record_accepts_field_within_limits(api: httpx.Client, user: User, case):
    field, value = case
    response = api.post("/api/records/", json={"board_size": 19, field: value}, headers=user.headers)

    assert response.status_code == 201, response.text
    assert_record(response.json(), owner=user.id, board_size=19, **{field: value})


@pytest.mark.parametrize("case", INVALID_FIELDS, ids=map(field_id, INVALID_FIELDS))
def test_create_record_rejects_field_beyond_limits(api: httpx.Client, user: User, case):
    field, value = case
    count = count_records(api, user)

    response = api.post("/api/records/", json={"board_size": 19, field: value}, headers=user.headers)

    assert_field_errors(response, field)
    assert count_records(api, user) == count


@pytest.mark.parametrize("komi", [0, 7, -3])
def test_integer_komi_is_serialised_as_float(api: httpx.Client, user: User, komi: int):
    """Komi is a float in every body that carries a record, even when sent as an integer."""
    response = api.post("/api/records/", json={"board_size": 9, "komi": komi}, headers=user.headers)
    assert response.status_code == 201, response.text
    record_id = response.json()["id"]
    updated = api.patch(f"/api/records/{record_id}/", json={"komi": komi - 1}, headers=user.headers)
    listed = api.get("/api/records/", headers=user.headers)

    assert updated.status_code == 200, updated.text
    assert listed.status_code == 200, listed.text
    komis = [
        response.json()["komi"],
        updated.json()["komi"],
        get_detail(api, user, record_id)["komi"],
        listed.json()["results"][0]["komi"],
    ]
    assert komis == [komi, komi - 1, komi - 1, komi - 1]
    assert [type(value) for value in komis] == [float] * 4


@pytest.mark.parametrize("board_size", [0, 7, 10, 18, 21, -19, None], ids=str)
def test_create_record_rejects_board_size(api: httpx.Client, user: User, board_size):
    response = api.post("/api/records/", json={"board_size": board_size}, headers=user.headers)

    assert_field_errors(response, "board_size")


def test_create_record_requires_board_size(api: httpx.Client, user: User):
    response = api.post("/api/records/", json={"name": "no size"}, headers=user.headers)

    assert_field_errors(response, "board_size")


def test_create_record_never_sets_winner(api: httpx.Client, user: User):
    """A record starts undecided even when the create body contains a winner."""
    response = api.post("/api/records/", json={"board_size": 9, "winner": "B"}, headers=user.headers)

    if response.status_code == 201:
        assert response.json()["winner"] == "U"
    else:
        assert_field_errors(response, "winner")


def test_empty_list_has_page_one(api: httpx.Client, fresh_user: User):
    response = api.get("/api/records/", headers=fresh_user.headers)

    assert response.status_code == 200, response.text
    assert response.json() == {"count": 0, "pages": 1, "results": []}


def test_empty_list_has_no_page_two(api: httpx.Client, fresh_user: User):
    assert_detail_error(api.get("/api/records/", params={"page": 2}, headers=fresh_user.headers), 404)


@pytest.fixture(scope="module")
def paged(api: httpx.Client) -> tuple[User, list[dict]]:
    """User of this module with 23 records, newest first."""
    owner = register_and_login(api, "paged")
    records = [create_record(api, owner, board_size=9, name=f"game {index}") for index in range(23)]
    return owner, records[::-1]


PAGES = [
    ({}, 3, slice(0, 10)),
    ({"page": 1}, 3, slice(0, 10)),
    ({"page": 2}, 3, slice(10, 20)),
    ({"page": 3}, 3, slice(20, 23)),
    ({"page_size": 1}, 23, slice(0, 1)),
    ({"page_size": 1, "page": 23}, 23, slice(22, 23)),
    ({"page_size": 7, "page": 4}, 4, slice(21, 23)),
    ({"page_size": 22, "page": 2}, 2, slice(22, 23)),
    ({"page_size": 23}, 1, slice(0, 23)),
    ({"page_size": 100}, 1, slice(0, 23)),
]


@pytest.mark.parametrize(("params", "pages", "window"), PAGES, ids=[str(case[0]) for case in PAGES])
def test_list_pages_newest_first(api: httpx.Client, paged, params: dict, pages: int, window: slice):
    """`pages` is max(1, ceil(count / page_size)) and results run newest first."""
    owner, records = paged

    response = api.get("/api/records/", params=params, headers=owner.headers)

    assert response.status_code == 200, response.text
    assert response.json() == {"count": 23, "pages": pages, "results": records[window]}


@pytest.mark.parametrize(
    "params",
    [{"page": 0}, {"page": -1}, {"page": 4}, {"page": 24, "page_size": 1}, {"page": 2, "page_size": 100}],
    ids=str,
)
def test_list_page_out_of_range_is_not_found(api: httpx.Client, paged, params: dict):
    owner, _ = paged

    assert_detail_error(api.get("/api/records/", params=params, headers=owner.headers), 404)


@pytest.mark.parametrize("page_size", ["0", "101", "-1", "abc", "1.5", ""])
def test_list_bad_page_size_is_rejected(api: httpx.Client, paged, page_size: str):
    owner, _ = paged

    response = api.get("/api/records/", params={"page_size": page_size}, headers=owner.headers)

    assert_field_errors(response, "page_size")


def test_list_shows_only_own_records(api: httpx.Client, paged, other_user: User):
    owner, records = paged
    response = api.get("/api/records/", params={"page_size": 100}, headers=other_user.headers)

    assert response.status_code == 200, response.text
    listed = {record["id"] for record in response.json()["results"]}
    assert listed.isdisjoint(record["id"] for record in records)
    assert all(record["owner"] == other_user.id for record in response.json()["results"])


def test_detail_of_new_record_has_no_stones(api: httpx.Client, user: User, record: dict):
    response = api.get(f"/api/records/{record['id']}/", headers=user.headers)

    assert response.status_code == 200, response.text
    assert response.json() == {**record, "stones": [], "moves": []}


def test_detail_lists_stones_by_row_and_moves_in_order(api: httpx.Client, user: User, small_record: dict):
    play_sequence(api, user, small_record["id"], [(5, 1), (1, 5), None, (3, 3), (0, 1)])

    response = api.get(f"/api/records/{small_record['id']}/", headers=user.headers)

    assert response.status_code == 200, response.text
    assert response.json() == {
        **small_record,
        "stones": [
            {"x": 0, "y": 1, "color": "B"},
            {"x": 5, "y": 1, "color": "B"},
            {"x": 3, "y": 3, "color": "W"},
            {"x": 1, "y": 5, "color": "W"},
        ],
        "moves": [
            {"position": {"x": 5, "y": 1}, "color": "B", "captures": []},
            {"position": {"x": 1, "y": 5}, "color": "W", "captures": []},
            {"position": None, "color": "B", "captures": []},
            {"position": {"x": 3, "y": 3}, "color": "W", "captures": []},
            {"position": {"x": 0, "y": 1}, "color": "B", "captures": []},
        ],
    }


UPDATE_METHODS = ["PUT", "PATCH"]


@pytest.mark.parametrize("method", UPDATE_METHODS)
def test_update_every_field(api: httpx.Client, user: User, record: dict, method: str):
    fields = {
        "name": "Renamed",
        "black_player": "Honinbo",
        "white_player": "Meijin",
        "comment": "Reviewed.",
        "handicap": 4,
        "komi": -2.5,
        "ruleset": "CHN",
        "winner": "W",
    }
    response = api.request(method, f"/api/records/{record['id']}/", json=fields, headers=user.headers)

    assert response.status_code == 200, response.text
    assert response.json() == {**record, **fields}
    assert_record(response.json(), owner=user.id, board_size=19, **fields)


@pytest.mark.parametrize("method", UPDATE_METHODS)
def test_update_keeps_omitted_fields(api: httpx.Client, user: User, method: str):
    record = create_record(api, user, name="Before", comment="kept", komi=6.5, ruleset="JPN", handicap=2)

    response = api.request(method, f"/api/records/{record['id']}/", json={"name": "After"}, headers=user.headers)

    assert response.status_code == 200, response.text
    assert response.json() == {**record, "name": "After"}
    assert get_detail(api, user, record["id"]) == {**record, "name": "After", "stones": [], "moves": []}


@pytest.mark.parametrize("method", UPDATE_METHODS)
def test_update_with_empty_body_changes_nothing(api: httpx.Client, user: User, record: dict, method: str):
    response = api.request(method, f"/api/records/{record['id']}/", json={}, headers=user.headers)

    assert response.status_code == 200, response.text
    assert response.json() == record


@pytest.mark.parametrize("method", UPDATE_METHODS)
def test_update_ignores_board_size(api: httpx.Client, user: User, record: dict, method: str):
    """board_size is fixed once created: an update accepts it and keeps the old size."""
    response = api.request(
        method, f"/api/records/{record['id']}/", json={"board_size": 9, "name": "Still 19"}, headers=user.headers
    )

    assert response.status_code == 200, response.text
    assert response.json() == {**record, "name": "Still 19"}


@pytest.mark.parametrize("method", UPDATE_METHODS)
@pytest.mark.parametrize("winner", ["B", "W", "U"])
def test_update_sets_winner(api: httpx.Client, user: User, method: str, winner: str):
    record = create_record(api, user, board_size=9)

    response = api.request(method, f"/api/records/{record['id']}/", json={"winner": winner}, headers=user.headers)

    assert response.status_code == 200, response.text
    assert response.json() == {**record, "winner": winner}


@pytest.mark.parametrize("method", UPDATE_METHODS)
@pytest.mark.parametrize("case", VALID_FIELDS, ids=map(field_id, VALID_FIELDS))
def test_update_accepts_field_within_limits(api: httpx.Client, user: User, record: dict, method: str, case):
    field, value = case
    response = api.request(method, f"/api/records/{record['id']}/", json={field: value}, headers=user.headers)

    assert response.status_code == 200, response.text
    assert response.json() == {**record, field: value}


UPDATE_INVALID_FIELDS = [*INVALID_FIELDS, ("winner", "X"), ("winner", "b"), ("winner", ""), ("winner", None)]


@pytest.mark.parametrize("method", UPDATE_METHODS)
@pytest.mark.parametrize("case", UPDATE_INVALID_FIELDS, ids=map(field_id, UPDATE_INVALID_FIELDS))
def test_update_rejects_field_beyond_limits(api: httpx.Client, user: User, record: dict, method: str, case):
    field, value = case
    response = api.request(method, f"/api/records/{record['id']}/", json={field: value}, headers=user.headers)

    assert_field_errors(response, field)
    assert get_detail(api, user, record["id"]) == {**record, "stones": [], "moves": []}


@pytest.mark.parametrize("method", UPDATE_METHODS)
def test_update_with_one_bad_field_changes_nothing(api: httpx.Client, user: User, record: dict, method: str):
    response = api.request(
        method, f"/api/records/{record['id']}/", json={"name": "Good", "komi": 0.3}, headers=user.headers
    )

    assert_field_errors(response, "komi")
    assert get_detail(api, user, record["id"]) == {**record, "stones": [], "moves": []}


RECORD_REQUESTS = [
    ("GET", "/", None),
    ("PUT", "/", {"name": "x"}),
    ("PATCH", "/", {"name": "x"}),
    ("DELETE", "/", None),
    ("POST", "/play/", {"x": 0, "y": 0}),
    ("POST", "/pass/", None),
    ("POST", "/undo/", None),
    ("GET", "/download/", None),
]


@pytest.mark.parametrize(
    ("method", "suffix", "body"), RECORD_REQUESTS, ids=[f"{m} {s}" for m, s, _ in RECORD_REQUESTS]
)
def test_unknown_record_is_not_found(api: httpx.Client, user: User, method: str, suffix: str, body):
    response = api.request(method, f"/api/records/{2**62}{suffix}", json=body, headers=user.headers)

    assert_detail_error(response, 404)


def test_delete_record_then_it_is_gone(api: httpx.Client, fresh_user: User):
    record = create_record(api, fresh_user, board_size=9)
    play_sequence(api, fresh_user, record["id"], [(0, 0), (1, 1), None])

    response = api.delete(f"/api/records/{record['id']}/", headers=fresh_user.headers)

    assert response.status_code == 204, response.text
    assert response.content == b""
    assert_detail_error(api.get(f"/api/records/{record['id']}/", headers=fresh_user.headers), 404)
    assert_detail_error(api.post(f"/api/records/{record['id']}/undo/", headers=fresh_user.headers), 404)
    assert_detail_error(api.delete(f"/api/records/{record['id']}/", headers=fresh_user.headers), 404)
    assert api.get("/api/records/", headers=fresh_user.headers).json() == {"count": 0, "pages": 1, "results": []}


@pytest.mark.parametrize(
    ("method", "suffix", "body"), RECORD_REQUESTS, ids=[f"{m} {s}" for m, s, _ in RECORD_REQUESTS]
)
def test_other_users_record_is_not_found(
    api: httpx.Client, user: User, other_user: User, small_record: dict, method: str, suffix: str, body
):
    """Another user's record returns the same 404 as a missing record and stays unchanged."""
    play_sequence(api, user, small_record["id"], [(2, 2)])
    before = get_detail(api, user, small_record["id"])

    response = api.request(
        method, f"/api/records/{small_record['id']}{suffix}", json=body, headers=other_user.headers
    )

    assert_detail_error(response, 404)
    assert get_detail(api, user, small_record["id"]) == before

