"""The two servers return the same response to the same request, error messages included.

Each case sets up the same state on each server (its own records, the same user), sends the
same request, and compares status, Content-Type and whole body, with ids and times replaced by
placeholders. Needs both servers in GOBAN_API_URLS under the names `django` and `fastapi`.
"""

import json
import uuid
from collections.abc import Callable
from dataclasses import dataclass

import httpx
import pytest
from support import (
    User,
    configured_servers,
    create_record,
    games_dir,
    login,
    pass_turn,
    play,
    play_sequence,
    register,
    register_and_login,
    undo,
)

SERVERS = ("django", "fastapi")
GAME_FILE = "9x9-zen-vs-ichiriki-ryo-2012.sgf"
SGF = "application/x-go-sgf"

# On a 9x9 board: black takes the white stone at (1, 0) with its last move, (2, 0).
CAPTURE = [(0, 0), (1, 0), (1, 1), (8, 8), (2, 0)]
# Black at (1, 0), (0, 1), (1, 2) and white at (2, 0), (3, 1), (2, 2) leave a ko at (1, 1) and
# (2, 1). Black plays (2, 1), white takes it from (1, 1), and black may not retake at once.
KO = [(1, 0), (2, 0), (0, 1), (3, 1), (1, 2), (2, 2), (2, 1), (1, 1)]


@dataclass(frozen=True)
class Context:
    client: httpx.Client
    user: User
    other: User


Case = Callable[[Context], httpx.Response]
CASES: dict[str, Case] = {}


def case(function: Case) -> Case:
    CASES[function.__name__] = function
    return function


@pytest.fixture(scope="module")
def servers(client_for: Callable[[str], httpx.Client]) -> dict[str, httpx.Client]:
    """One client per server; fails when GOBAN_API_URLS does not name both."""
    missing = [name for name in SERVERS if name not in configured_servers()]
    if missing:
        pytest.fail(f"GOBAN_API_URLS has no entry for {', '.join(missing)}: parity tests need both servers")
    return {name: client_for(name) for name in SERVERS}


@pytest.fixture(scope="module")
def users(servers: dict[str, httpx.Client]) -> tuple[User, User]:
    """Two users registered once and used on both servers: the caller and someone else."""
    return register_and_login(servers["django"], "parity"), register_and_login(servers["fastapi"], "parity_other")


def _normalised(value: object, keys: tuple[str, ...] = ("id", "created")) -> object:
    """Replace the values of keys (ids and timestamps), which differ between otherwise identical records."""
    if isinstance(value, dict):
        return {key: f"<{key}>" if key in keys else _normalised(item, keys) for key, item in value.items()}
    if isinstance(value, list):
        return [_normalised(item, keys) for item in value]
    return value


def _comparable(response: httpx.Response, keys: tuple[str, ...] = ("id", "created")) -> dict:
    body: object = response.content
    if response.content and response.headers.get("content-type", "").startswith("application/json"):
        body = _normalised(response.json(), keys)
    return {
        "status": response.status_code,
        "content-type": response.headers.get("content-type") if response.status_code != 204 else None,
        "content-disposition": response.headers.get("content-disposition"),
        "body": body,
        # Dicts compare equal whatever their order, and the field order is part of the contract.
        "field order": json.dumps(body, ensure_ascii=True) if not isinstance(body, bytes) else None,
    }


def _record(ctx: Context, moves=(), **fields) -> dict:
    record = create_record(ctx.client, ctx.user, **{"board_size": 9, **fields})
    play_sequence(ctx.client, ctx.user, record["id"], moves)
    return record


def _post_json(ctx: Context, path: str, body: object, *, auth: bool = True) -> httpx.Response:
    headers = {"Content-Type": "application/json", **(ctx.user.headers if auth else {})}
    return ctx.client.post(path, content=json.dumps(body).encode(), headers=headers)


# Registration and login.


@case
def register_taken_in_other_case(ctx: Context) -> httpx.Response:
    return register(ctx.client, ctx.user.username.upper(), "a long enough password")


@case
def register_invalid_fields(ctx: Context) -> httpx.Response:
    return register(ctx.client, "not valid!", "a long enough password", email="not-an-email")


@case
def register_password_too_short(ctx: Context) -> httpx.Response:
    return register(ctx.client, f"parity_{uuid.uuid4().hex[:8]}", "short")


@case
def register_password_too_long(ctx: Context) -> httpx.Response:
    return register(ctx.client, f"parity_{uuid.uuid4().hex[:8]}", "p" * 1025)


@case
def register_missing_fields(ctx: Context) -> httpx.Response:
    return _post_json(ctx, "/api/register/", {}, auth=False)


@case
def register_wrong_types(ctx: Context) -> httpx.Response:
    return _post_json(ctx, "/api/register/", {"username": 5, "email": [], "password": None}, auth=False)


@case
def register_body_not_object(ctx: Context) -> httpx.Response:
    return _post_json(ctx, "/api/register/", ["username"], auth=False)


@case
def register_body_not_json(ctx: Context) -> httpx.Response:
    return ctx.client.post("/api/register/", content=b"{username", headers={"Content-Type": "application/json"})


@case
def login_wrong_password(ctx: Context) -> httpx.Response:
    return login(ctx.client, ctx.user.username, "wrong password")


@case
def login_unknown_user(ctx: Context) -> httpx.Response:
    return login(ctx.client, f"nobody_{uuid.uuid4().hex}", "whatever password")


@case
def login_missing_fields(ctx: Context) -> httpx.Response:
    return _post_json(ctx, "/api/login/", {"username": ""}, auth=False)


@case
def user_without_token(ctx: Context) -> httpx.Response:
    return ctx.client.get("/api/user/")


@case
def user_with_forged_token(ctx: Context) -> httpx.Response:
    return ctx.client.get("/api/user/", headers={"Authorization": "Bearer not.a.token"})


@case
def user_with_malformed_header(ctx: Context) -> httpx.Response:
    return ctx.client.get("/api/user/", headers={"Authorization": f"Token {ctx.user.token}"})


# Records.


@case
def create_with_defaults(ctx: Context) -> httpx.Response:
    return _post_json(ctx, "/api/records/", {"board_size": 19})


@case
def create_with_every_field(ctx: Context) -> httpx.Response:
    body = {
        "board_size": 13,
        "name": "  Spaces kept  ",
        "black_player": "黒",
        "white_player": "White ]\\",
        "comment": "line one\nline two",
        "handicap": 3,
        "komi": 0,
        "ruleset": "JPN",
        "winner": "B",
    }
    return _post_json(ctx, "/api/records/", body)


@case
def create_invalid_values(ctx: Context) -> httpx.Response:
    body = {"board_size": 7, "name": "n" * 201, "black_player": "", "handicap": 10, "komi": 6.25, "ruleset": "XYZ"}
    return _post_json(ctx, "/api/records/", body)


@case
def create_wrong_types(ctx: Context) -> httpx.Response:
    body = {"board_size": "19", "name": 5, "white_player": True, "handicap": 1.5, "komi": "7.5", "ruleset": 1}
    return _post_json(ctx, "/api/records/", body)


@case
def create_with_lone_surrogates(ctx: Context) -> httpx.Response:
    """A JSON string may hold a lone surrogate, which UTF-8 cannot encode: both refuse it and quote it safely."""
    body = b'{"board_size": 19, "name": "\\ud800", "ruleset": "\\udfff"}'
    return ctx.client.post(
        "/api/records/", content=body, headers={"Content-Type": "application/json", **ctx.user.headers}
    )


@case
def create_nulls(ctx: Context) -> httpx.Response:
    return _post_json(ctx, "/api/records/", {"board_size": None, "name": None, "komi": None, "ruleset": None})


@case
def create_without_token(ctx: Context) -> httpx.Response:
    return _post_json(ctx, "/api/records/", {"board_size": 19}, auth=False)


@case
def create_body_too_large(ctx: Context) -> httpx.Response:
    return _post_json(ctx, "/api/records/", {"board_size": 19, "comment": "c" * (1024 * 1024 + 1)})


def test_list_pages_alike_but_for_owner(servers):
    """The same three records of a new user on each server list the same way, page by page."""
    responses = {}
    for name, client in servers.items():
        owner = register_and_login(client, "parity_list")
        for record_name in ("first", "second", "third"):
            create_record(client, owner, board_size=9, name=record_name)
        responses[name] = [
            client.get("/api/records/", params={"page": page, "page_size": 2}, headers=owner.headers)
            for page in (1, 2, 3)
        ]

    assert [response.status_code for response in responses["django"]] == [200, 200, 404]
    for django, fastapi in zip(responses["django"], responses["fastapi"], strict=True):
        assert _comparable(fastapi, ("id", "created", "owner")) == _comparable(django, ("id", "created", "owner"))


@case
def list_page_out_of_range(ctx: Context) -> httpx.Response:
    return ctx.client.get("/api/records/", params={"page": 100000}, headers=ctx.user.headers)


@case
def list_page_not_a_number(ctx: Context) -> httpx.Response:
    return ctx.client.get("/api/records/", params={"page": "last"}, headers=ctx.user.headers)


@pytest.mark.parametrize("page_size", ["0", "101", "ten"])
def test_bad_page_size_same_on_both(servers, users, page_size: str):
    responses = {
        name: client.get("/api/records/", params={"page_size": page_size}, headers=users[0].headers)
        for name, client in servers.items()
    }
    assert responses["django"].status_code == 400, responses["django"].text
    assert _comparable(responses["fastapi"]) == _comparable(responses["django"])


@case
def detail_after_capture(ctx: Context) -> httpx.Response:
    record = _record(ctx, CAPTURE)
    return ctx.client.get(f"/api/records/{record['id']}/", headers=ctx.user.headers)


@case
def update_some_fields(ctx: Context) -> httpx.Response:
    record = _record(ctx, name="before")
    body = {"name": "after", "board_size": 19, "winner": "W", "komi": -3.5}
    return ctx.client.put(f"/api/records/{record['id']}/", json=body, headers=ctx.user.headers)


@case
def update_invalid_values(ctx: Context) -> httpx.Response:
    record = _record(ctx)
    body = {"winner": "X", "komi": 1000, "white_player": None, "comment": "c" * 401}
    return ctx.client.patch(f"/api/records/{record['id']}/", json=body, headers=ctx.user.headers)


@case
def delete_then_read(ctx: Context) -> httpx.Response:
    record = _record(ctx, CAPTURE)
    deleted = ctx.client.delete(f"/api/records/{record['id']}/", headers=ctx.user.headers)
    assert deleted.status_code == 204, deleted.text
    return ctx.client.get(f"/api/records/{record['id']}/", headers=ctx.user.headers)


@case
def delete_response(ctx: Context) -> httpx.Response:
    record = _record(ctx)
    return ctx.client.delete(f"/api/records/{record['id']}/", headers=ctx.user.headers)


# Playing.


@case
def play_with_capture(ctx: Context) -> httpx.Response:
    record = _record(ctx, CAPTURE[:-1])
    return play(ctx.client, ctx.user, record["id"], *CAPTURE[-1])


@case
def play_on_occupied_point(ctx: Context) -> httpx.Response:
    record = _record(ctx, [(4, 4)])
    return play(ctx.client, ctx.user, record["id"], 4, 4)


@case
def play_suicide(ctx: Context) -> httpx.Response:
    record = _record(ctx, [(1, 0), None, (0, 1)])
    return play(ctx.client, ctx.user, record["id"], 0, 0)


@case
def play_ko_recapture(ctx: Context) -> httpx.Response:
    record = _record(ctx, KO)
    return play(ctx.client, ctx.user, record["id"], 2, 1)


@case
def play_off_board(ctx: Context) -> httpx.Response:
    record = _record(ctx)
    return play(ctx.client, ctx.user, record["id"], 9, -1)


@case
def play_missing_coordinates(ctx: Context) -> httpx.Response:
    record = _record(ctx)
    return _post_json(ctx, f"/api/records/{record['id']}/play/", {})


@case
def play_coordinates_as_text(ctx: Context) -> httpx.Response:
    record = _record(ctx)
    return _post_json(ctx, f"/api/records/{record['id']}/play/", {"x": "1", "y": 2.0})


@case
def play_huge_coordinates(ctx: Context) -> httpx.Response:
    record = _record(ctx)
    return _post_json(ctx, f"/api/records/{record['id']}/play/", {"x": 10**30, "y": 0})


@case
def pass_response(ctx: Context) -> httpx.Response:
    return pass_turn(ctx.client, ctx.user, _record(ctx)["id"])


@case
def undo_capture(ctx: Context) -> httpx.Response:
    return undo(ctx.client, ctx.user, _record(ctx, CAPTURE)["id"])


@case
def undo_pass(ctx: Context) -> httpx.Response:
    return undo(ctx.client, ctx.user, _record(ctx, [(4, 4), None])["id"])


@case
def undo_without_moves(ctx: Context) -> httpx.Response:
    return undo(ctx.client, ctx.user, _record(ctx)["id"])


# SGF.


@case
def download(ctx: Context) -> httpx.Response:
    record = _record(ctx, [*CAPTURE, None], name="Parity game", comment="A ] and a \\", komi=6.5)
    return ctx.client.get(f"/api/records/{record['id']}/download/", headers=ctx.user.headers)


@case
def download_non_ascii_name(ctx: Context) -> httpx.Response:
    record = _record(ctx, black_player="本因坊 秀策", white_player="井上 幻庵")
    return ctx.client.get(f"/api/records/{record['id']}/download/", headers=ctx.user.headers)


@case
def import_raw_body(ctx: Context) -> httpx.Response:
    data = (games_dir() / GAME_FILE).read_bytes()
    return ctx.client.post("/api/records/import/", content=data, headers={"Content-Type": SGF, **ctx.user.headers})


@case
def import_multipart(ctx: Context) -> httpx.Response:
    data = (games_dir() / GAME_FILE).read_bytes()
    return ctx.client.post("/api/records/import/", files={"file": ("game.sgf", data, SGF)}, headers=ctx.user.headers)


@case
def import_not_sgf(ctx: Context) -> httpx.Response:
    return ctx.client.post("/api/records/import/", content=b"hello", headers={"Content-Type": SGF, **ctx.user.headers})


@case
def import_illegal_move(ctx: Context) -> httpx.Response:
    data = b"(;GM[1]FF[4]SZ[9];B[aa];W[aa])"
    return ctx.client.post("/api/records/import/", content=data, headers={"Content-Type": SGF, **ctx.user.headers})


@case
def import_unsupported_size(ctx: Context) -> httpx.Response:
    data = b"(;GM[1]FF[4]SZ[7];B[aa])"
    return ctx.client.post("/api/records/import/", content=data, headers={"Content-Type": SGF, **ctx.user.headers})


@case
def import_without_file(ctx: Context) -> httpx.Response:
    return ctx.client.post(
        "/api/records/import/", files={"other": ("game.sgf", b"(;SZ[9])", SGF)}, headers=ctx.user.headers
    )


# Not found and not allowed.


@case
def detail_of_missing_record(ctx: Context) -> httpx.Response:
    return ctx.client.get("/api/records/9223372036854775807/", headers=ctx.user.headers)


@case
def detail_of_huge_id(ctx: Context) -> httpx.Response:
    return ctx.client.get(f"/api/records/{10**40}/", headers=ctx.user.headers)


@case
def detail_of_other_users_record(ctx: Context) -> httpx.Response:
    record = create_record(ctx.client, ctx.other, board_size=9)
    return ctx.client.get(f"/api/records/{record['id']}/", headers=ctx.user.headers)


@case
def play_on_other_users_record(ctx: Context) -> httpx.Response:
    record = create_record(ctx.client, ctx.other, board_size=9)
    return _post_json(ctx, f"/api/records/{record['id']}/play/", {"x": "not even valid"})


@case
def record_path_not_a_number(ctx: Context) -> httpx.Response:
    return ctx.client.get("/api/records/first/", headers=ctx.user.headers)


@case
def unknown_api_path(ctx: Context) -> httpx.Response:
    return ctx.client.get("/api/nothing-here/", headers=ctx.user.headers)


@case
def method_not_allowed(ctx: Context) -> httpx.Response:
    return ctx.client.delete("/api/records/", headers=ctx.user.headers)


@pytest.mark.parametrize("name", list(CASES))
def test_servers_respond_alike(servers, users, name: str):
    """Both servers give the same status, Content-Type and body (ids and times aside)."""
    user, other = users
    responses = {server: CASES[name](Context(client, user, other)) for server, client in servers.items()}

    assert responses["django"].headers["X-Goban-Server"] == "django"
    assert responses["fastapi"].headers["X-Goban-Server"] == "fastapi"
    assert responses["django"].status_code < 500, responses["django"].text
    assert _comparable(responses["fastapi"]) == _comparable(responses["django"])


def test_health_alike_but_for_server_name(servers):
    bodies = {name: client.get("/api/health/").json() for name, client in servers.items()}

    assert bodies["django"] == {"status": "ok", "server": "django", "database": "ok"}
    assert bodies["fastapi"] == {"status": "ok", "server": "fastapi", "database": "ok"}
