"""Concurrent plays on one record are serialised: numbered without gaps, none failing."""

import threading
from concurrent.futures import ThreadPoolExecutor

import httpx
from sgfmill import sgf

from support import User, api_moves, build_client, create_record, get_detail, sgf_moves, undo

PLAYERS = 20
# Points two apart in both directions: no stone touches another, so no play can capture.
POINTS = [(2 + 2 * (index % 5), 2 + 2 * (index // 5)) for index in range(PLAYERS)]


def test_concurrent_plays_are_numbered_without_gaps(api: httpx.Client, server_name: str, user: User):
    """Twenty simultaneous plays all succeed, alternate colours and come back in one consistent order."""
    record = create_record(api, user)
    start = threading.Barrier(PLAYERS)

    def play_once(point: tuple[int, int]) -> httpx.Response:
        with build_client(server_name) as client:
            client.get("/api/health/")
            start.wait(timeout=30)
            return client.post(f"/api/records/{record['id']}/play/", json={"x": point[0], "y": point[1]}, headers=user.headers)

    with ThreadPoolExecutor(max_workers=PLAYERS) as pool:
        responses = list(pool.map(play_once, POINTS))

    assert [response.status_code for response in responses] == [201] * PLAYERS, [r.text for r in responses]
    colours = [response.json()["add"][0]["color"] for response in responses]
    assert sorted(colours) == ["B"] * 10 + ["W"] * 10
    assert all(response.json()["remove"] == [] for response in responses)

    detail = get_detail(api, user, record["id"])
    assert [move["color"] for move in detail["moves"]] == ["B", "W"] * 10
    assert sorted(position for _, position in api_moves(detail)) == sorted(POINTS)
    assert len(detail["stones"]) == PLAYERS
    played = {POINTS[index]: colours[index] for index in range(PLAYERS)}
    assert {position: colour for colour, position in api_moves(detail)} == played

    download = api.get(f"/api/records/{record['id']}/download/", headers=user.headers)
    assert download.status_code == 200, download.text
    assert sgf_moves(sgf.Sgf_game.from_bytes(download.content)) == api_moves(detail)

    undone = [undo(api, user, record["id"]).json()["remove"][0] for _ in range(PLAYERS)]
    assert [(point["x"], point["y"]) for point in undone] == [position for _, position in api_moves(detail)][::-1]
    assert undo(api, user, record["id"]).status_code == 403
