"""Both servers survive a PostgreSQL restart, and the data with them."""

import time

import httpx
import pytest

import stack

RECOVERY_SECONDS = 10


def wait_until_served(http: httpx.Client, path: str, user: stack.User, deadline: float) -> httpx.Response:
    """Repeat GET path until it returns 200 or the deadline (time.monotonic()) passes.

    Each request may wait until the deadline: a request abandoned by the client
    would still hold one of the server's few workers, and the next ones would
    queue behind it.
    """
    response = None
    while time.monotonic() < deadline:
        try:
            response = http.get(path, headers=user.headers, timeout=max(0.5, deadline - time.monotonic()))
        except httpx.TransportError:
            response = None
        if response is not None and response.status_code == 200:
            return response
        time.sleep(0.2)
    last = "no answer" if response is None else f"{response.status_code} {response.text[:200]}"
    pytest.fail(f"GET {path} did not answer 200 within {RECOVERY_SECONDS} s of the restart (last: {last})")


def test_servers_answer_after_postgres_restart(http: httpx.Client, user: stack.User):
    before = stack.create_game(http, user, [(4, 4), (3, 4), (5, 5)])
    old_postgres = stack.inspect("postgres")["State"]["StartedAt"]

    stack.compose("restart", "postgres")
    deadline = time.monotonic() + RECOVERY_SECONDS
    after = {
        server: wait_until_served(http, f"/{server}/api/records/{before['id']}/", user, deadline)
        for server in stack.SERVERS
    }

    assert stack.inspect("postgres")["State"]["StartedAt"] != old_postgres
    assert after["django"].json() == before
    assert after["fastapi"].json() == before
