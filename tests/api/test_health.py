"""Health check and the X-Goban-Server header on every kind of API response."""

import httpx
import pytest

from support import SERVER_HEADER, User, create_record, expected_server_header, unique_username


def test_health_reports_ok(api: httpx.Client, server_name: str):
    response = api.get("/api/health/")

    assert response.status_code == 200, response.text
    body = response.json()
    assert body == {"status": "ok", "server": body["server"], "database": "ok"}
    assert body["server"] in expected_server_header(server_name)
    assert body["server"] == response.headers[SERVER_HEADER]


def request_health(api: httpx.Client, user: User) -> httpx.Response:
    return api.get("/api/health/")


def request_register(api: httpx.Client, user: User) -> httpx.Response:
    return api.post("/api/register/", json={"username": unique_username(), "email": "a@example.com", "password": "p" * 8})


def request_bad_register(api: httpx.Client, user: User) -> httpx.Response:
    return api.post("/api/register/", json={"username": "bad name", "email": "a@example.com", "password": "p" * 8})


def request_bad_login(api: httpx.Client, user: User) -> httpx.Response:
    return api.post("/api/login/", json={"username": user.username, "password": "wrong password"})


def request_current_user(api: httpx.Client, user: User) -> httpx.Response:
    return api.get("/api/user/", headers=user.headers)


def request_without_token(api: httpx.Client, user: User) -> httpx.Response:
    return api.get("/api/records/")


def request_list(api: httpx.Client, user: User) -> httpx.Response:
    return api.get("/api/records/", headers=user.headers)


def request_unknown_record(api: httpx.Client, user: User) -> httpx.Response:
    return api.get("/api/records/99999999999/", headers=user.headers)


def request_not_json(api: httpx.Client, user: User) -> httpx.Response:
    return api.post("/api/records/", content=b"{", headers={**user.headers, "Content-Type": "application/json"})


def request_pass(api: httpx.Client, user: User) -> httpx.Response:
    record = create_record(api, user, board_size=9)
    return api.post(f"/api/records/{record['id']}/pass/", headers=user.headers)


def request_undo_without_moves(api: httpx.Client, user: User) -> httpx.Response:
    record = create_record(api, user, board_size=9)
    return api.post(f"/api/records/{record['id']}/undo/", headers=user.headers)


def request_download(api: httpx.Client, user: User) -> httpx.Response:
    record = create_record(api, user, board_size=9)
    return api.get(f"/api/records/{record['id']}/download/", headers=user.headers)


def request_delete(api: httpx.Client, user: User) -> httpx.Response:
    record = create_record(api, user, board_size=9)
    return api.delete(f"/api/records/{record['id']}/", headers=user.headers)


def request_wrong_method(api: httpx.Client, user: User) -> httpx.Response:
    return api.get("/api/login/")


def request_unknown_path(api: httpx.Client, user: User) -> httpx.Response:
    return api.get("/api/no-such-endpoint/", headers=user.headers)


RESPONSES = {
    "health-200": (request_health, 200),
    "register-201": (request_register, 201),
    "register-400": (request_bad_register, 400),
    "login-401": (request_bad_login, 401),
    "user-200": (request_current_user, 200),
    "no-token-403": (request_without_token, 403),
    "list-200": (request_list, 200),
    "unknown-record-404": (request_unknown_record, 404),
    "not-json-400": (request_not_json, 400),
    "pass-201": (request_pass, 201),
    "undo-403": (request_undo_without_moves, 403),
    "download-200": (request_download, 200),
    "delete-204": (request_delete, 204),
    "wrong-method-405": (request_wrong_method, 405),
    "unknown-path-404": (request_unknown_path, 404),
}


@pytest.mark.parametrize(("send", "status"), RESPONSES.values(), ids=RESPONSES.keys())
def test_response_names_server(api: httpx.Client, server_name: str, user: User, send, status: int):
    """Every API response, error or not, carries X-Goban-Server naming the server that sent it."""
    response = send(api, user)

    assert response.status_code == status, response.text
    assert response.headers.get(SERVER_HEADER) in expected_server_header(server_name)
