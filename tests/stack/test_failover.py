"""A server that stops, starts or is recreated costs no request, and nginx is never touched."""

import time

import pytest

import stack
from traffic import Traffic

LOAD_SECONDS = 15


def other_server(server: str) -> str:
    return "fastapi" if server == "django" else "django"


@pytest.mark.parametrize("server", stack.SERVERS)
def test_stopped_server_fails_no_request(load_users: list[stack.User], server: str):
    """A server drained, then stopped, as a person on call does it, costs no request."""
    nginx_started = stack.inspect("nginx")["State"]["StartedAt"]
    began = time.monotonic()

    with Traffic(load_users) as traffic:
        time.sleep(3)
        stack.drain(server)
        stack.compose("stop", server)
        stopped = time.monotonic()
        time.sleep(4)
        stack.compose("start", server)
        stack.wait_healthy(server)
        started = time.monotonic()
        time.sleep(max(6.0, LOAD_SECONDS - (started - began)))

    assert traffic.failures == [], traffic.failure_report()
    assert traffic.requests_since(began) > 100
    assert traffic.servers_since(stopped) >= {other_server(server)}
    assert server in traffic.servers_since(started), f"{server} did not rejoin the rotation after it started"
    assert stack.inspect("nginx")["State"]["StartedAt"] == nginx_started


@pytest.mark.parametrize("server", stack.SERVERS)
def test_recreated_server_rejoins_rotation(load_users: list[stack.User], server: str):
    """A new container of the server (as after an image update) gets requests without nginx restarting."""
    nginx_started = stack.inspect("nginx")["State"]["StartedAt"]
    old_container = stack.container_id(server)

    with Traffic(load_users) as traffic:
        time.sleep(3)
        stack.drain(server)
        stack.compose("up", "--detach", "--force-recreate", server)
        stack.wait_healthy(server)
        recreated = time.monotonic()
        time.sleep(6)

    assert traffic.failures == [], traffic.failure_report()
    assert stack.container_id(server) != old_container
    assert server in traffic.servers_since(recreated), f"the recreated {server} got no request"
    assert stack.inspect("nginx")["State"]["StartedAt"] == nginx_started
