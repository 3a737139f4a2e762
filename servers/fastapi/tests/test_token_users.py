"""A valid token of a deactivated or deleted user gets 403 from record and user endpoints, never 404."""

import psycopg
import pytest
from fastapi.testclient import TestClient
from goban_core.tokens import issue_token
from goban_fastapi.main import create_app


def _execute(url, sql: str, parameters: tuple) -> None:
    connect = {"host": url.host, "port": url.port, "user": url.username, "password": url.password}
    with psycopg.connect(dbname=url.database, **connect) as connection:
        connection.execute(sql, parameters)


def _register(client: TestClient, username: str, secret_key: str) -> dict[str, str]:
    response = client.post("/api/register/", json={"username": username, "email": f"{username}@example.com", "password": "correct horse"})
    assert response.status_code == 201, response.text
    return {"Authorization": f"Bearer {issue_token(response.json()['id'], secret_key)}"}


@pytest.fixture
def app_client(migrated_database: str, settings_for):
    settings = settings_for(migrated_database)
    with TestClient(create_app(settings)) as client:
        yield client, settings


def test_owner_reads_record_and_missing_is_404(app_client):
    client, settings = app_client
    owner = _register(client, "owner", settings.secret_key)
    other = _register(client, "other", settings.secret_key)
    record = client.post("/api/records/", json={"board_size": 9}, headers=owner).json()

    assert client.get(f"/api/records/{record['id']}/", headers=owner).status_code == 200
    assert client.get(f"/api/records/{record['id'] + 1000}/", headers=owner).status_code == 404
    assert client.get(f"/api/records/{record['id']}/", headers=other).status_code == 404
    assert client.put(f"/api/records/{record['id']}/", json={"name": "x"}, headers=other).status_code == 404


@pytest.mark.parametrize("change", ["deactivated", "deleted"])
def test_token_of_gone_user_gets_403(app_client, change: str):
    client, settings = app_client
    headers = _register(client, "leaver", settings.secret_key)
    record_id = client.post("/api/records/", json={"board_size": 9}, headers=headers).json()["id"]

    if change == "deactivated":
        _execute(settings.database_url, "UPDATE auth_user SET is_active = false WHERE username = %s", ("leaver",))
    else:
        _execute(settings.database_url, "DELETE FROM record_record WHERE id = %s", (record_id,))
        _execute(settings.database_url, "DELETE FROM auth_user WHERE username = %s", ("leaver",))

    requests = [
        ("GET", f"/api/records/{record_id}/", None),
        ("GET", f"/api/records/{record_id + 1000}/", None),
        ("PUT", f"/api/records/{record_id}/", {"name": "renamed"}),
        ("POST", f"/api/records/{record_id}/pass/", None),
        ("GET", "/api/records/", None),
        ("GET", "/api/user/", None),
    ]
    for method, path, body in requests:
        response = client.request(method, path, json=body, headers=headers)
        assert response.status_code == 403, f"{method} {path}: {response.status_code} {response.text}"
        assert response.json() == {"detail": "Invalid or expired token."}
