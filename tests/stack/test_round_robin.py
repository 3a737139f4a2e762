"""nginx shares /api/ between both servers and pins /django/ and /fastapi/ to one each."""

from collections import Counter
from contextlib import ExitStack

import httpx
import pytest

import stack


def test_api_requests_alternate_between_servers(http: httpx.Client):
    answered = Counter()
    for _ in range(100):
        response = http.get("/api/health/")
        assert response.status_code == 200, response.text
        answered[response.headers["X-Goban-Server"]] += 1

    assert set(answered) == {"django", "fastapi"}
    assert 40 <= answered["django"] <= 60, answered
    assert 40 <= answered["fastapi"] <= 60, answered


def test_rotation_is_shared_by_nginx_workers():
    # Six open connections used in turn usually land on different worker
    # processes, and only a rotation they share alternates across all of them.
    answered = []
    with ExitStack() as clients:
        connections = [clients.enter_context(stack.client()) for _ in range(6)]
        for number in range(60):
            response = connections[number % len(connections)].get("/api/health/")
            assert response.status_code == 200, response.text
            answered.append(response.headers["X-Goban-Server"])

    repeats = [number for number in range(1, len(answered)) if answered[number] == answered[number - 1]]
    assert repeats == [], answered


@pytest.mark.parametrize("server", stack.SERVERS)
def test_prefix_pins_one_server(http: httpx.Client, server: str):
    for _ in range(4):
        response = http.get(f"/{server}/api/health/")
        assert response.status_code == 200, response.text
        assert response.headers["X-Goban-Server"] == server
        assert response.json() == {"status": "ok", "server": server, "database": "ok"}


@pytest.mark.parametrize("server", stack.SERVERS)
def test_record_visible_to_other_server(http: httpx.Client, user: stack.User, server: str):
    """A record created through one server is read through the other: both use one database."""
    other = "fastapi" if server == "django" else "django"
    created = http.post(f"/{server}/api/records/", json={"board_size": 13}, headers=user.headers)
    assert created.status_code == 201, created.text

    read = http.get(f"/{other}/api/records/{created.json()['id']}/", headers=user.headers)

    assert read.status_code == 200, read.text
    assert read.headers["X-Goban-Server"] == other
    assert read.json()["board_size"] == 13
