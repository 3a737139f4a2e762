"""The two servers are interchangeable: users, tokens and records made on one work on the other.

These tests need both servers, configured in GOBAN_API_URLS under the names `django` and
`fastapi`; they fail with a message saying so when either is missing.
"""

import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

import httpx
import pytest
from support import (
    User,
    api_moves,
    build_client,
    configured_servers,
    create_record,
    get_detail,
    login,
    pass_turn,
    play,
    register,
    register_and_login,
    undo,
    unique_username,
)

SERVERS = ("django", "fastapi")
# (first, second): the server that makes a thing, then the one that uses it.
DIRECTIONS = [("django", "fastapi"), ("fastapi", "django")]
DIRECTION_IDS = ["django-to-fastapi", "fastapi-to-django"]

PLAYERS = 20
# Points two apart in both directions: no stone touches another, so no play can capture.
POINTS = [(1 + 2 * (index % 5), 1 + 2 * (index // 5)) for index in range(PLAYERS)]


@pytest.fixture(scope="module")
def servers(client_for: Callable[[str], httpx.Client]) -> dict[str, httpx.Client]:
    """One client per server; fails when GOBAN_API_URLS does not name both."""
    missing = [name for name in SERVERS if name not in configured_servers()]
    if missing:
        pytest.fail(f"GOBAN_API_URLS has no entry for {', '.join(missing)}: cross-server tests need both servers")
    return {name: client_for(name) for name in SERVERS}


@pytest.fixture(scope="module")
def player(servers: dict[str, httpx.Client]) -> User:
    """User registered on the Django server, used on both."""
    return register_and_login(servers["django"], "cross")


def _without_server_header(response: httpx.Response) -> tuple[int, str | None, bytes]:
    return response.status_code, response.headers.get("content-type"), response.content


@pytest.mark.parametrize(("first", "second"), DIRECTIONS, ids=DIRECTION_IDS)
def test_user_registered_on_one_logs_in_on_other(servers, first: str, second: str):
    username = unique_username("cross")
    password = "a long enough password"

    registered = register(servers[first], username, password)
    assert registered.status_code == 201, registered.text
    assert registered.headers["X-Goban-Server"] == first

    logged_in = login(servers[second], username, password)
    assert logged_in.status_code == 200, logged_in.text
    assert logged_in.headers["X-Goban-Server"] == second
    assert isinstance(logged_in.json(), str)

    me = servers[first].get("/api/user/", headers={"Authorization": f"Bearer {logged_in.json()}"})
    assert me.status_code == 200, me.text
    assert me.json() == registered.json()


@pytest.mark.parametrize(("first", "second"), DIRECTIONS, ids=DIRECTION_IDS)
def test_username_taken_on_one_is_taken_on_other(servers, first: str, second: str):
    """Uniqueness ignores case across both servers, since they share one table."""
    username = unique_username("Cross")
    assert register(servers[first], username, "a long enough password").status_code == 201

    again = register(servers[second], username.lower(), "another long password")

    assert again.status_code == 400, again.text
    assert set(again.json()) == {"username"}


@pytest.mark.parametrize(("first", "second"), DIRECTIONS, ids=DIRECTION_IDS)
def test_token_from_one_is_accepted_by_other(servers, first: str, second: str):
    user = register_and_login(servers[first], "token")

    response = servers[second].get("/api/user/", headers=user.headers)

    assert response.status_code == 200, response.text
    assert response.headers["X-Goban-Server"] == second
    assert response.json() == {"id": user.id, "username": user.username, "email": user.email}


@pytest.mark.parametrize(("first", "second"), DIRECTIONS, ids=DIRECTION_IDS)
def test_record_made_on_one_is_used_on_other(servers, player: User, first: str, second: str):
    """A record created on one server is read, played, undone and downloaded on the other identically."""
    created = create_record(servers[first], player, board_size=9, name="Cross game", komi=6.5, handicap=0)

    read = {name: get_detail(servers[name], player, created["id"]) for name in SERVERS}
    assert read["django"] == read["fastapi"]
    assert {key: read[second][key] for key in created} == created

    # Black surrounds the white stone at (1, 0) and takes it with (2, 0), alternating servers.
    for turn, (x, y) in enumerate([(0, 0), (1, 0), (1, 1), (8, 8)]):
        name = SERVERS[turn % 2]
        assert play(servers[name], player, created["id"], x, y).status_code == 201
    capture = play(servers[second], player, created["id"], 2, 0)
    assert capture.status_code == 201, capture.text
    assert capture.json() == {"add": [{"x": 2, "y": 0, "color": "B"}], "remove": [{"x": 1, "y": 0}]}

    after_play = {name: get_detail(servers[name], player, created["id"]) for name in SERVERS}
    assert after_play["django"] == after_play["fastapi"]
    assert after_play[first]["moves"][-1] == {
        "position": {"x": 2, "y": 0},
        "color": "B",
        "captures": [{"x": 1, "y": 0}],
    }

    undone = undo(servers[first], player, created["id"])
    assert undone.status_code == 200, undone.text
    assert undone.json() == {"add": [{"x": 1, "y": 0, "color": "W"}], "remove": [{"x": 2, "y": 0}]}

    after_undo = {name: get_detail(servers[name], player, created["id"]) for name in SERVERS}
    assert after_undo["django"] == after_undo["fastapi"]
    assert after_undo[second]["stones"] == [
        {"x": 0, "y": 0, "color": "B"},
        {"x": 1, "y": 0, "color": "W"},
        {"x": 1, "y": 1, "color": "B"},
        {"x": 8, "y": 8, "color": "W"},
    ]

    downloads = {
        name: servers[name].get(f"/api/records/{created['id']}/download/", headers=player.headers) for name in SERVERS
    }
    assert downloads[first].status_code == 200, downloads[first].text
    assert _without_server_header(downloads["django"]) == _without_server_header(downloads["fastapi"])
    assert downloads["django"].headers["Content-Disposition"] == downloads["fastapi"].headers["Content-Disposition"]


def test_alternating_plays_number_and_colour_moves(servers, player: User):
    """Plays and passes sent to the servers in turn alternate colours from black, in the order sent."""
    record = create_record(servers["fastapi"], player, board_size=13)
    sent: list[tuple[int, int] | None] = [(3, 3), (9, 9), None, (3, 9), (9, 3), None, None, (6, 6)]

    for turn, point in enumerate(sent):
        client = servers[SERVERS[turn % 2]]
        response = (
            pass_turn(client, player, record["id"]) if point is None else play(client, player, record["id"], *point)
        )
        assert response.status_code == 201, (turn, response.text)

    detail = get_detail(servers["django"], player, record["id"])
    colours = ["B", "W"] * 4
    assert api_moves(detail) == list(zip(colours, sent, strict=True))


def test_handicap_stones_count_on_both_servers(servers, player: User):
    """With handicap 2 the first two moves are black whichever server takes them; then white plays."""
    record = create_record(servers["django"], player, board_size=9, handicap=2)

    first = play(servers["fastapi"], player, record["id"], 2, 2)
    second = play(servers["django"], player, record["id"], 6, 6)
    third = play(servers["fastapi"], player, record["id"], 2, 6)

    assert [response.status_code for response in (first, second, third)] == [201, 201, 201]
    assert [response.json()["add"][0]["color"] for response in (first, second, third)] == ["B", "B", "W"]


def test_concurrent_plays_on_both_servers_leave_no_gap(servers, player: User):
    """Twenty simultaneous plays, half to each server, are numbered 1..20: each undo removes the latest."""
    record = create_record(servers["django"], player)
    start = threading.Barrier(PLAYERS)

    def play_once(index: int) -> httpx.Response:
        with build_client(SERVERS[index % 2]) as client:
            client.get("/api/health/")
            start.wait(timeout=30)
            return play(client, player, record["id"], *POINTS[index])

    with ThreadPoolExecutor(max_workers=PLAYERS) as pool:
        responses = list(pool.map(play_once, range(PLAYERS)))

    assert [response.status_code for response in responses] == [201] * PLAYERS, [r.text for r in responses]
    assert {response.headers["X-Goban-Server"] for response in responses} == set(SERVERS)
    detail = get_detail(servers["fastapi"], player, record["id"])
    assert [move["color"] for move in detail["moves"]] == ["B", "W"] * 10
    assert sorted(point for _, point in api_moves(detail)) == sorted(POINTS)
    assert get_detail(servers["django"], player, record["id"]) == detail

    # Each server's undo deletes the move numbered like the count of moves, so a gap or a
    # duplicate in the numbering would make an undo remove the wrong stone or none.
    expected = [point for _, point in api_moves(detail)][::-1]
    for index, point in enumerate(expected):
        response = undo(servers[SERVERS[index % 2]], player, record["id"])
        assert response.status_code == 200, response.text
        assert response.json()["remove"] == [{"x": point[0], "y": point[1]}]
    assert get_detail(servers["django"], player, record["id"])["moves"] == []


def test_delete_during_updates_on_both_servers(servers, player: User):
    """Updates racing a delete on the other server get 200 or 404, never a 5xx, and the record is gone."""
    record = create_record(servers["django"], player, board_size=9)
    path = f"/api/records/{record['id']}/"
    start = threading.Barrier(PLAYERS + 1)

    def update_once(index: int) -> httpx.Response:
        with build_client(SERVERS[index % 2]) as client:
            client.get("/api/health/")
            start.wait(timeout=30)
            return client.patch(path, json={"name": f"edit {index}"}, headers=player.headers)

    def delete_once(name: str) -> httpx.Response:
        with build_client(name) as client:
            client.get("/api/health/")
            start.wait(timeout=30)
            return client.delete(path, headers=player.headers)

    with ThreadPoolExecutor(max_workers=PLAYERS + 1) as pool:
        updates = [pool.submit(update_once, index) for index in range(PLAYERS)]
        deleted = pool.submit(delete_once, "fastapi")
        statuses = [update.result().status_code for update in updates]

    assert deleted.result().status_code == 204, deleted.result().text
    assert set(statuses) <= {200, 404}, statuses
    for name in SERVERS:
        assert servers[name].get(path, headers=player.headers).status_code == 404


def test_racing_registrations_in_any_case_make_one_user(servers):
    """Simultaneous registrations of one name in different letter cases, on both servers, create one user."""
    base = unique_username("Race")
    names = [base.upper(), base.lower(), base, base.swapcase()] * 2
    start = threading.Barrier(len(names))

    def register_once(index: int) -> httpx.Response:
        with build_client(SERVERS[index % 2]) as client:
            client.get("/api/health/")
            start.wait(timeout=30)
            return register(client, names[index], "a long enough password")

    with ThreadPoolExecutor(max_workers=len(names)) as pool:
        statuses = sorted(response.status_code for response in pool.map(register_once, range(len(names))))

    assert statuses == [201] + [400] * (len(names) - 1)
