"""Helpers of the conformance suite: server configuration, clients, users, tokens and body checks.

The suite talks to servers by URL only, so everything here goes through HTTP.
Test modules and conftest.py import these names; fixtures wrap them.
"""

import datetime
import os
import re
import time
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import httpx
import jwt
from sgfmill import sgf

DEFAULT_API_URLS = "django=http://127.0.0.1:8001,fastapi=http://127.0.0.1:8002"
SERVER_HEADER = "X-Goban-Server"
SERVER_KINDS = ("django", "fastapi")
TOKEN_ISSUER = "go-recordkeeper"
TOKEN_LIFETIME = datetime.timedelta(hours=24)
REPOSITORY_ROOT = Path(__file__).resolve().parents[2]

RECORD_DEFAULTS = {
    "name": "",
    "black_player": "Black",
    "white_player": "White",
    "comment": "",
    "handicap": 0,
    "komi": 7.5,
    "ruleset": "AGA",
    "winner": "U",
}
RECORD_KEYS = {"id", "owner", "board_size", "created", *RECORD_DEFAULTS}
UTC_TIMESTAMP = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$")


def configured_servers() -> dict[str, str]:
    """Parse GOBAN_API_URLS ("name=base URL" pairs separated by commas) into a dict."""
    raw = os.environ.get("GOBAN_API_URLS", DEFAULT_API_URLS)
    servers = {}
    for pair in raw.split(","):
        name, separator, base_url = pair.strip().partition("=")
        if not separator or not name or not base_url:
            raise ValueError(f"GOBAN_API_URLS entry {pair!r} is not name=URL")
        servers[name.strip()] = base_url.strip().rstrip("/")
    return servers


def tls_verify() -> bool:
    """Return False when GOBAN_API_VERIFY=0, to accept nginx's self-signed certificate."""
    return os.environ.get("GOBAN_API_VERIFY", "1") != "0"


def games_dir() -> Path:
    default = REPOSITORY_ROOT.parent / "shared" / "games"
    return Path(os.environ.get("GOBAN_GAMES_DIR", default))


def build_client(name: str, **options) -> httpx.Client:
    """Build an HTTP client for the server configured under `name` in GOBAN_API_URLS."""
    return httpx.Client(
        base_url=configured_servers()[name],
        verify=tls_verify(),
        timeout=httpx.Timeout(30.0),
        **options,
    )


def expected_server_header(name: str) -> set[str]:
    """Return the X-Goban-Server values allowed for the server configured under `name`.

    A name that is itself a server kind pins that server. Either server may
    send the response for any other name, such as a round-robin base URL.
    """
    return {name} if name in SERVER_KINDS else set(SERVER_KINDS)


@dataclass(frozen=True)
class User:
    id: int
    username: str
    email: str
    password: str
    token: str

    @property
    def headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}"}


def unique_username(prefix: str = "player") -> str:
    return f"{prefix}_{uuid.uuid4().hex[:16]}"


def register(client: httpx.Client, username: str, password: str, email: str | None = None) -> httpx.Response:
    if email is None:
        email = f"{username}@example.com"
    return client.post(
        "/api/register/",
        json={"username": username, "email": email, "password": password},
    )


def login(client: httpx.Client, username: str, password: str) -> httpx.Response:
    return client.post("/api/login/", json={"username": username, "password": password})


def register_and_login(client: httpx.Client, prefix: str = "player") -> User:
    """Register a user with a unique name on `client`'s server and log it in."""
    username = unique_username(prefix)
    password = f"secret-{uuid.uuid4().hex}"
    registered = register(client, username, password)
    assert registered.status_code == 201, registered.text
    logged_in = login(client, username, password)
    assert logged_in.status_code == 200, logged_in.text
    body = registered.json()
    return User(body["id"], username, body["email"], password, logged_in.json())


def forge_token(secret: str, *, algorithm: str = "HS256", drop: Iterable[str] = (), **claims) -> str:
    """Sign a token with the contract's claims for user 1, overridden by `claims`, minus `drop`."""
    now = int(time.time())
    payload = {
        "sub": "1",
        "iat": now,
        "exp": now + int(TOKEN_LIFETIME.total_seconds()),
        "iss": TOKEN_ISSUER,
        "aud": TOKEN_ISSUER,
        **claims,
    }
    for claim in drop:
        payload.pop(claim)
    return jwt.encode(payload, secret, algorithm=algorithm)


def assert_utc_timestamp(value: object) -> datetime.datetime:
    """Check that `value` is RFC 3339 in UTC with Z and microseconds, and return it parsed."""
    assert isinstance(value, str), value
    assert UTC_TIMESTAMP.match(value), value
    return datetime.datetime.fromisoformat(value)


def assert_record(body: dict, *, owner: int, board_size: int, **fields) -> None:
    """Check a whole record body: fixed keys, types of id/created, and every other value."""
    assert set(body) == RECORD_KEYS, sorted(body)
    assert isinstance(body["id"], int) and not isinstance(body["id"], bool)
    assert_utc_timestamp(body["created"])
    assert isinstance(body["komi"], float), body["komi"]
    expected = {**RECORD_DEFAULTS, "owner": owner, "board_size": board_size, **fields}
    actual = {key: value for key, value in body.items() if key not in ("id", "created")}
    assert actual == expected


def assert_detail_error(response: httpx.Response, status: int) -> None:
    """Check a `{"detail": "..."}` error with the given status."""
    assert response.status_code == status, response.text
    body = response.json()
    assert set(body) == {"detail"}, body
    assert isinstance(body["detail"], str) and body["detail"], body


def assert_field_errors(response: httpx.Response, *fields: str) -> None:
    """Check a 400 that maps exactly `fields` to non-empty lists of messages."""
    assert response.status_code == 400, response.text
    body = response.json()
    assert isinstance(body, dict), body
    assert set(body) == set(fields), body
    for messages in body.values():
        assert isinstance(messages, list) and messages, body
        assert all(isinstance(message, str) and message for message in messages), body


def error_messages(body: object) -> list[str]:
    """Flatten an error body of either shape (`detail` or a field map) into its messages."""
    if isinstance(body, str):
        return [body]
    if isinstance(body, list):
        return [message for item in body for message in error_messages(item)]
    if isinstance(body, dict):
        return [message for value in body.values() for message in error_messages(value)]
    return []


def create_record(client: httpx.Client, user: User, **fields) -> dict:
    """Create a record (19x19 unless `board_size` is given) and return its body."""
    response = client.post("/api/records/", json={"board_size": 19, **fields}, headers=user.headers)
    assert response.status_code == 201, response.text
    return response.json()


def get_detail(client: httpx.Client, user: User, record_id: int) -> dict:
    response = client.get(f"/api/records/{record_id}/", headers=user.headers)
    assert response.status_code == 200, response.text
    return response.json()


def count_records(client: httpx.Client, user: User) -> int:
    response = client.get("/api/records/", headers=user.headers)
    assert response.status_code == 200, response.text
    return response.json()["count"]


def play(client: httpx.Client, user: User, record_id: int, x: int, y: int) -> httpx.Response:
    return client.post(f"/api/records/{record_id}/play/", json={"x": x, "y": y}, headers=user.headers)


def pass_turn(client: httpx.Client, user: User, record_id: int) -> httpx.Response:
    return client.post(f"/api/records/{record_id}/pass/", headers=user.headers)


def undo(client: httpx.Client, user: User, record_id: int) -> httpx.Response:
    return client.post(f"/api/records/{record_id}/undo/", headers=user.headers)


def play_sequence(client: httpx.Client, user: User, record_id: int, moves: Iterable[tuple[int, int] | None]) -> None:
    """Play `moves` in turn, None being a pass, and check that each one is accepted."""
    for move in moves:
        if move is None:
            response = pass_turn(client, user, record_id)
        else:
            response = play(client, user, record_id, *move)
        assert response.status_code == 201, (move, response.text)


def interleave(black: list[tuple[int, int]], white: list[tuple[int, int]]) -> list[tuple[int, int] | None]:
    """Return a move order that places `black` and `white` stones, passing for the side with none left.

    The order starts with black and ends with white, so black is to play after it
    in a game without handicap.
    """
    rounds = max(len(black), len(white))
    moves: list[tuple[int, int] | None] = []
    for index in range(rounds):
        moves.append(black[index] if index < len(black) else None)
        moves.append(white[index] if index < len(white) else None)
    return moves


def sgf_moves(game: sgf.Sgf_game) -> list[tuple[str, tuple[int, int] | None]]:
    """Return the main line's moves as ("B"|"W", (x, y) or None), x from the left, y from the top."""
    size = game.get_size()
    moves = []
    for node in game.get_main_sequence():
        colour, point = node.get_move()
        if colour is None:
            continue
        moves.append((colour.upper(), None if point is None else (point[1], size - 1 - point[0])))
    return moves


def api_moves(detail: dict) -> list[tuple[str, tuple[int, int] | None]]:
    """Return a record detail's moves in the same form as `sgf_moves`."""
    moves = []
    for move in detail["moves"]:
        position = move["position"]
        moves.append((move["color"], None if position is None else (position["x"], position["y"])))
    return moves
