"""Fixtures of the stack tests. They need the stack running (`make up`).

Several tests stop, restart or recreate containers. Each test leaves the stack
as it found it: every service running and both servers in nginx's rotation.
"""

from collections.abc import Iterator

import httpx
import pytest

import stack

LOAD_THREADS = 4


@pytest.fixture(scope="session")
def http() -> Iterator[httpx.Client]:
    """Client for nginx; fails the session early when the stack is not up."""
    with stack.client() as http:
        try:
            response = http.get("/api/health/")
        except httpx.TransportError as error:
            pytest.fail(f"nginx does not answer at {stack.HTTPS_URL} ({error}); start the stack with `make up`")
        assert response.status_code == 200, response.text
        yield http


@pytest.fixture(autouse=True)
def running_stack(http: httpx.Client) -> Iterator[None]:
    """Make sure the whole stack serves before and after each test."""
    stack.ensure_running()
    yield
    stack.ensure_running()


@pytest.fixture(scope="session")
def user(http: httpx.Client) -> stack.User:
    return stack.new_user(http)


@pytest.fixture(scope="session")
def load_users(http: httpx.Client) -> list[stack.User]:
    """One user per load thread, so the threads never write the same record."""
    return [stack.new_user(http) for _ in range(LOAD_THREADS)]
