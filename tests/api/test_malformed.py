"""Malformed requests: each one gets a 4xx, never a 5xx, and leaves the data as it was.

Every case runs against a record with moves and then re-reads it, so a request
that a server wrongly accepted shows up as a changed record or record count.
"""

import json
from dataclasses import dataclass

import httpx
import pytest

from support import User, count_records, create_record, get_detail, play_sequence, register_and_login

OWN_TOKEN = "own token"
NO_JSON = object()


@dataclass(frozen=True)
class Case:
    method: str
    path: str
    json: object = NO_JSON
    content: bytes | None = None
    content_type: str = "application/json"
    authorization: str | bytes | None = OWN_TOKEN
    params: dict | None = None


def cases(method: str, path: str, bodies: dict[str, object], **options) -> list:
    """Build one case per body; a bytes body is sent as is, anything else encoded as JSON.

    Encoding here rather than through httpx's `json=` sends a JSON `null` as such,
    where httpx would send no body at all.
    """
    built = []
    for name, body in bodies.items():
        content = body if isinstance(body, bytes) else json.dumps(body).encode()
        built.append(pytest.param(Case(method, path, content=content, **options), id=f"{method} {path} {name}"))
    return built


NOT_JSON = {
    "form-text": b"board_size=19",
    "truncated": b'{"board_size": 19',
    "empty": b"",
    "invalid-utf8": b'{"board_size": 19, "name": "\xff\xfe"}',
    "latin1-bytes": b'{"board_size": 19, "name": "caf\xe9"}',
    "single-quotes": b"{'board_size': 19}",
    "trailing-garbage": b'{"board_size": 19} x',
}

NOT_OBJECTS = {
    "list": [],
    "list-of-object": [{"board_size": 19, "x": 1, "y": 1}],
    "number": 19,
    "string": "board_size",
    "null": None,
    "true": True,
}

HUGE_NUMBERS = {"10**30": 10**30, "2**63": 2**63, "-2**63-1": -(2**63) - 1, "2**31": 2**31}

CREATE = {
    **NOT_OBJECTS,
    **NOT_JSON,
    "size-text": {"board_size": "nineteen"},
    "size-float": {"board_size": 19.5},
    "size-bool": {"board_size": True},
    "size-object": {"board_size": {"value": 19}},
    "size-list": {"board_size": [19]},
    **{f"size-{name}": {"board_size": value} for name, value in HUGE_NUMBERS.items()},
    "size-wrong-key": {"size": 19},
    "name-object": {"board_size": 19, "name": {"text": "x"}},
    "name-list": {"board_size": 19, "name": ["x"]},
    "name-null": {"board_size": 19, "name": None},
    "name-bool": {"board_size": 19, "name": True},
    "player-null": {"board_size": 19, "black_player": None},
    "handicap-float": {"board_size": 19, "handicap": 2.5},
    "handicap-bool": {"board_size": 19, "handicap": True},
    "handicap-text": {"board_size": 19, "handicap": "two"},
    **{f"handicap-{name}": {"board_size": 19, "handicap": value} for name, value in HUGE_NUMBERS.items()},
    "komi-text": {"board_size": 19, "komi": "seven"},
    "komi-bool": {"board_size": 19, "komi": True},
    "komi-list": {"board_size": 19, "komi": [7.5]},
    "komi-10**30": {"board_size": 19, "komi": 10**30},
    "komi-nan": b'{"board_size": 19, "komi": NaN}',
    "komi-infinity": b'{"board_size": 19, "komi": Infinity}',
    "komi-overflow": b'{"board_size": 19, "komi": 1e400}',
    "ruleset-number": {"board_size": 19, "ruleset": 1},
    "ruleset-list": {"board_size": 19, "ruleset": ["AGA"]},
    "ruleset-null": {"board_size": 19, "ruleset": None},
}

# An empty body reads as the empty object, as in Django REST framework, so an update
# without a body is a valid update that changes nothing and is left out here.
UPDATE = {
    **NOT_OBJECTS,
    **{name: body for name, body in NOT_JSON.items() if name != "empty"},
    "name-object": {"name": {"text": "x"}},
    "name-null": {"name": None},
    "player-empty": {"white_player": ""},
    "handicap-bool": {"handicap": True},
    "handicap-float": {"handicap": 1.5},
    **{f"handicap-{name}": {"handicap": value} for name, value in HUGE_NUMBERS.items()},
    "komi-10**30": {"komi": 10**30},
    "komi-nan": b'{"komi": NaN}',
    "komi-overflow": b'{"komi": -1e400}',
    "winner-number": {"winner": 1},
    "winner-lowercase": {"winner": "w"},
    "winner-null": {"winner": None},
    "ruleset-object": {"ruleset": {"name": "AGA"}},
}

PLAY = {
    **NOT_OBJECTS,
    **NOT_JSON,
    "pair-list": [3, 3],
    "pair-text": "3,3",
    "x-text": {"x": "a", "y": 3},
    "x-float": {"x": 1.5, "y": 3},
    "y-float": {"x": 3, "y": 2.5},
    "x-bool": {"x": True, "y": 3},
    "y-bool": {"x": 3, "y": False},
    "x-null": {"x": None, "y": 3},
    "x-object": {"x": {"value": 3}, "y": 3},
    "x-list": {"x": [3], "y": 3},
    **{f"x-{name}": {"x": value, "y": 3} for name, value in HUGE_NUMBERS.items()},
    **{f"y-{name}": {"x": 3, "y": value} for name, value in HUGE_NUMBERS.items()},
    "x-overflow": b'{"x": 1e400, "y": 3}',
    "x-nan": b'{"x": NaN, "y": 3}',
    "x-missing": {"y": 3},
    "point-object": {"point": {"x": 3, "y": 3}},
}

LOGIN = {
    **NOT_OBJECTS,
    **NOT_JSON,
    "username-list": {"username": ["a"], "password": "secret-password"},
    "username-object": {"username": {"name": "a"}, "password": "secret-password"},
    "both-null": {"username": None, "password": None},
}

REGISTER = {
    **NOT_OBJECTS,
    **NOT_JSON,
    "username-list": {"username": ["a"], "email": "a@example.com", "password": "secret-password"},
    "email-object": {"username": "malformed_email", "email": {"a": 1}, "password": "secret-password"},
    "password-null": {"username": "malformed_password", "email": "a@example.com", "password": None},
}

RECORD_ENDPOINTS = [
    ("GET", ""),
    ("PUT", ""),
    ("PATCH", ""),
    ("DELETE", ""),
    ("POST", "play/"),
    ("POST", "pass/"),
    ("POST", "undo/"),
    ("GET", "download/"),
]

UNKNOWN_IDS = ["99999999999999999999", str(2**63), str(2**63 - 1), "-1", "0", "abc", "1.5", "1e3"]

UNKNOWN_ID_CASES = [
    pytest.param(
        Case(method, f"/api/records/{record_id}/{suffix}", json={"name": "x", "x": 1, "y": 1}),
        id=f"{method} /api/records/{record_id}/{suffix}",
    )
    for method, suffix in RECORD_ENDPOINTS
    for record_id in UNKNOWN_IDS
]

BAD_AUTHORIZATION = {
    "missing": None,
    "garbage": "garbage",
    "bearer-garbage": "Bearer garbage",
    "bearer-three-dots": "Bearer a.b.c",
    "bearer-only": "Bearer",
    "bearer-non-ascii": b"Bearer \xff\xfe",
}

BAD_AUTHORIZATION_CASES = [
    pytest.param(Case(method, path, json=body, authorization=value), id=f"{method} {path} token-{name}")
    for method, path, body in [
        ("POST", "/api/records/", {"board_size": 9}),
        ("PATCH", "/api/records/{record}/", {"name": "changed"}),
        ("DELETE", "/api/records/{record}/", NO_JSON),
        ("POST", "/api/records/{record}/play/", {"x": 8, "y": 8}),
        ("POST", "/api/records/{record}/pass/", NO_JSON),
        ("POST", "/api/records/{record}/undo/", NO_JSON),
    ]
    for name, value in BAD_AUTHORIZATION.items()
]

LIST_PARAMS = [
    pytest.param(Case("GET", "/api/records/", params=params), id=f"GET /api/records/ {params}")
    for params in [
        {"page": "abc"},
        {"page": "1.5"},
        {"page": str(10**30)},
        {"page": "-5"},
        {"page_size": str(10**30)},
        {"page_size": str(2**63)},
        {"page_size": "1e2"},
    ]
]

IMPORT_CASES = [
    pytest.param(Case("POST", "/api/records/import/", json={"board_size": 9}), id="import-json-object"),
    pytest.param(
        Case("POST", "/api/records/import/", content=b"\x00\x01\x02", content_type="application/octet-stream"),
        id="import-binary",
    ),
    pytest.param(Case("POST", "/api/records/import/", content=b"", content_type="multipart/form-data"), id="import-bad-multipart"),
]

ALL_CASES = [
    *cases("POST", "/api/records/", CREATE),
    *cases("PUT", "/api/records/{record}/", UPDATE),
    *cases("PATCH", "/api/records/{record}/", UPDATE),
    *cases("POST", "/api/records/{record}/play/", PLAY),
    *cases("POST", "/api/login/", LOGIN),
    *cases("POST", "/api/register/", REGISTER),
    *UNKNOWN_ID_CASES,
    *BAD_AUTHORIZATION_CASES,
    *LIST_PARAMS,
    *IMPORT_CASES,
]


@pytest.fixture(scope="module")
def owner(api: httpx.Client) -> User:
    """User of this module, so its record count moves only with these cases."""
    return register_and_login(api, "malformed")


@pytest.fixture(scope="module")
def target(api: httpx.Client, owner: User) -> dict:
    """Named 9x9 record with a capture and a pass, the record each case must leave alone."""
    record = create_record(api, owner, board_size=9, name="Target", komi=6.5, handicap=0)
    play_sequence(api, owner, record["id"], [(1, 0), (0, 0), (0, 1), None, (4, 4)])
    return record


def send(api: httpx.Client, owner: User, record_id: int, case: Case) -> httpx.Response:
    headers = {}
    if case.authorization == OWN_TOKEN:
        headers.update(owner.headers)
    elif case.authorization is not None:
        headers["Authorization"] = case.authorization
    options: dict = {"headers": headers, "params": case.params}
    if case.json is not NO_JSON:
        options["json"] = case.json
    elif case.content is not None:
        options["content"] = case.content
        headers["Content-Type"] = case.content_type
    return api.request(case.method, case.path.format(record=record_id), **options)


@pytest.mark.parametrize("case", ALL_CASES)
def test_malformed_request_gets_client_error(api: httpx.Client, owner: User, target: dict, case: Case):
    before = get_detail(api, owner, target["id"])
    count = count_records(api, owner)

    response = send(api, owner, target["id"], case)

    assert 400 <= response.status_code < 500, (response.status_code, response.text[:500])
    assert get_detail(api, owner, target["id"]) == before
    assert count_records(api, owner) == count
