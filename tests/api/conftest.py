"""Fixtures of the conformance suite.

Every test that takes `api` runs once per server named in GOBAN_API_URLS, so each
server's failures show on their own. Tests register their own users with unique
names, so they hold on a database shared with other data and with other runs.
Logging in costs about half a second by design (PBKDF2 with 1,000,000 rounds),
so `user` and `other_user` are shared by every test of one server that does not
need an account of its own.
"""

import os
from collections.abc import Callable, Iterator

import httpx
import pytest

from support import (
    User,
    build_client,
    configured_servers,
    create_record,
    register_and_login,
)


@pytest.fixture(scope="session", params=sorted(configured_servers()))
def server_name(request: pytest.FixtureRequest) -> str:
    """Name of the server under test, as configured in GOBAN_API_URLS."""
    return request.param


@pytest.fixture(scope="session")
def api(server_name: str) -> Iterator[httpx.Client]:
    """HTTP client whose base URL is the server under test."""
    with build_client(server_name) as client:
        yield client


@pytest.fixture(scope="session")
def client_for() -> Iterator[Callable[[str], httpx.Client]]:
    """Return a function that gives one shared client per configured server name."""
    clients: dict[str, httpx.Client] = {}

    def get(name: str) -> httpx.Client:
        if name not in clients:
            clients[name] = build_client(name)
        return clients[name]

    yield get
    for client in clients.values():
        client.close()


@pytest.fixture(scope="session")
def new_user() -> Callable[[httpx.Client], User]:
    """Return a function that registers and logs in a user with a unique name on a client's server."""
    return register_and_login


@pytest.fixture(scope="session")
def user(api: httpx.Client) -> User:
    """User shared by the tests of one server that need no account of their own."""
    return register_and_login(api, "shared")


@pytest.fixture(scope="session")
def other_user(api: httpx.Client) -> User:
    """Second shared user, for checks that one user never sees another's records."""
    return register_and_login(api, "other")


@pytest.fixture
def fresh_user(api: httpx.Client) -> User:
    """User of this test alone, for tests that count or list records."""
    return register_and_login(api, "fresh")


@pytest.fixture
def record(api: httpx.Client, user: User) -> dict:
    """New 19x19 record of the shared user with every field at its default."""
    return create_record(api, user)


@pytest.fixture
def small_record(api: httpx.Client, user: User) -> dict:
    """New 9x9 record of the shared user."""
    return create_record(api, user, board_size=9)


@pytest.fixture(scope="session")
def secret_key() -> str:
    """Shared JWT secret of the servers, which the test environment always sets."""
    secret = os.environ.get("GOBAN_SECRET_KEY")
    if not secret:
        pytest.fail("GOBAN_SECRET_KEY is not set: export the servers' secret to run the token tests")
    return secret
