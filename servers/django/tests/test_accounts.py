"""Registration, login and token authentication."""

import datetime
import json
from collections import defaultdict, deque

import pytest
from django.conf import settings
from django.contrib.auth.hashers import PBKDF2PasswordHasher
from django.contrib.auth.models import User
from goban_core.passwords import DJANGO_ITERATIONS
from goban_core.tokens import issue_token, read_token

from goban_django.users import login_failures
from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db


def test_register_returns_user(client):
    response = client.post(
        "/api/register/", {"username": "bob", "email": "bob@example.com", "password": PASSWORD}, format="json"
    )

    assert response.status_code == 201
    user = User.objects.get(username="bob")
    assert response.json() == {"id": user.pk, "username": "bob", "email": "bob@example.com"}
    assert user.password.startswith(f"pbkdf2_sha256${DJANGO_ITERATIONS}$")
    assert user.check_password(PASSWORD)


def test_register_username_taken_ignoring_case(client, user):
    response = client.post(
        "/api/register/", {"username": "ALICE", "email": "a@example.com", "password": PASSWORD}, format="json"
    )

    assert response.status_code == 400
    assert list(response.json()) == ["username"]
    assert User.objects.count() == 1


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"username": "", "email": "b@example.com", "password": PASSWORD}, "username"),
        ({"username": "b" * 151, "email": "b@example.com", "password": PASSWORD}, "username"),
        ({"username": "with space", "email": "b@example.com", "password": PASSWORD}, "username"),
        ({"username": "semi;colon", "email": "b@example.com", "password": PASSWORD}, "username"),
        ({"username": 12, "email": "b@example.com", "password": PASSWORD}, "username"),
        ({"username": None, "email": "b@example.com", "password": PASSWORD}, "username"),
        ({"email": "b@example.com", "password": PASSWORD}, "username"),
        ({"username": "bob", "email": "not-an-email", "password": PASSWORD}, "email"),
        ({"username": "bob", "email": ["b@example.com"], "password": PASSWORD}, "email"),
        ({"username": "bob", "password": PASSWORD}, "email"),
        ({"username": "bob", "email": "b@example.com", "password": "short"}, "password"),
        ({"username": "bob", "email": "b@example.com", "password": "x" * 1025}, "password"),
        ({"username": "bob", "email": "b@example.com", "password": "bad\ud800surrogate"}, "password"),
        ({"username": "bob", "email": "b@example.com", "password": "nul\x00character"}, "password"),
        ({"username": "bob", "email": "b@example.com", "password": 123456789}, "password"),
    ],
)
def test_register_invalid_field_is_rejected(client, body, field):
    # json.dumps escapes the lone surrogate as \ud800, as a browser would send it.
    response = client.post("/api/register/", json.dumps(body), content_type="application/json")

    assert response.status_code == 400
    assert list(response.json()) == [field]
    assert isinstance(response.json()[field], list)
    assert not User.objects.exists()


def test_register_accepts_django_username_characters(client):
    body = {"username": "ü.name+tag@host-1_x", "email": "u@example.com", "password": "x" * 1024}

    response = client.post("/api/register/", body, format="json")

    assert response.status_code == 201
    assert response.json()["username"] == "ü.name+tag@host-1_x"


def test_login_returns_token_string(client, user):
    response = client.post("/api/login/", {"username": "alice", "password": PASSWORD}, format="json")

    assert response.status_code == 200
    assert read_token(response.json(), settings.SECRET_KEY) == user.pk


@pytest.mark.parametrize(
    "body",
    [
        {"username": "alice", "password": "wrong password"},
        {"username": "Alice", "password": PASSWORD},
        {"username": "alice@example.com", "password": PASSWORD},
        {"username": "nobody", "password": PASSWORD},
        {"username": "alice", "password": PASSWORD + "x" * 2000},
    ],
    ids=["wrong-password", "other-case", "email", "unknown", "too-long"],
)
def test_login_refused_with_401(client, user, body):
    response = client.post("/api/login/", body, format="json")

    assert response.status_code == 401
    assert set(response.json()) == {"detail"}


def test_login_refused_for_inactive_user(client, user):
    User.objects.filter(pk=user.pk).update(is_active=False)

    response = client.post("/api/login/", {"username": "alice", "password": PASSWORD}, format="json")

    assert response.status_code == 401


@pytest.mark.parametrize(
    ("body", "fields"),
    [
        ({}, ["password", "username"]),
        ({"username": "alice"}, ["password"]),
        ({"password": PASSWORD}, ["username"]),
        ({"username": ["alice"], "password": PASSWORD}, ["username"]),
        ({"username": "alice", "password": None}, ["password"]),
    ],
)
def test_login_missing_fields_is_400(client, user, body, fields):
    response = client.post("/api/login/", body, format="json")

    assert response.status_code == 400
    assert sorted(response.json()) == fields


@pytest.mark.parametrize("iterations", [260_000, 390_000, 600_000])
def test_login_with_older_django_hash_upgrades_it(client, iterations):
    """Hashes that Django 3.2 to 5.1 made still log in, and are rehashed at today's count."""
    encoded = PBKDF2PasswordHasher().encode(PASSWORD, "oldsaltvalue1234", iterations=iterations)
    user = User.objects.create(username="veteran", email="v@example.com", password=encoded)

    response = client.post("/api/login/", {"username": "veteran", "password": PASSWORD}, format="json")

    assert response.status_code == 200
    assert read_token(response.json(), settings.SECRET_KEY) == user.pk
    user.refresh_from_db()
    assert user.password.startswith(f"pbkdf2_sha256${DJANGO_ITERATIONS}$")
    assert user.check_password(PASSWORD)
    assert user.last_login is not None


def test_login_with_corrupt_hash_is_refused(client):
    User.objects.create(username="broken", email="b@example.com", password="pbkdf2_sha256$many$salt$digest")

    response = client.post("/api/login/", {"username": "broken", "password": PASSWORD}, format="json")

    assert response.status_code == 401


def test_user_endpoint_shows_token_owner(auth_client, user):
    response = auth_client.get("/api/user/")

    assert response.status_code == 200
    assert response.json() == {"id": user.pk, "username": "alice", "email": "alice@example.com"}


def _expired_token(user_id: int) -> str:
    long_ago = datetime.datetime.now(datetime.UTC) - datetime.timedelta(days=2)
    return issue_token(user_id, settings.SECRET_KEY, now=long_ago)


@pytest.mark.parametrize(
    "header",
    [
        None,
        "Bearer",
        "Bearer not.a.token",
        "Bearer a b",
        "Token {valid}",
        "Bearer {forged}",
        "Bearer {expired}",
        "Bearer {missing_user}",
        "Bearer {inactive}",
    ],
)
def test_bad_token_is_403(client, user, header):
    tokens = {
        "valid": issue_token(user.pk, settings.SECRET_KEY),
        "forged": issue_token(user.pk, "some other secret that is long enough"),
        "expired": _expired_token(user.pk),
        "missing_user": issue_token(user.pk + 1000, settings.SECRET_KEY),
        "inactive": issue_token(user.pk, settings.SECRET_KEY),
    }
    if header == "Bearer {inactive}":
        User.objects.filter(pk=user.pk).update(is_active=False)
    if header is not None:
        client.credentials(HTTP_AUTHORIZATION=header.format(**tokens))

    response = client.get("/api/user/")

    assert response.status_code == 403
    assert set(response.json()) == {"detail"}


def test_token_with_non_ascii_header_is_403(client, user):
    response = client.get("/api/user/", HTTP_AUTHORIZATION="Bearer \u00e9t\u00e9")

    assert response.status_code == 403
    assert set(response.json()) == {"detail"}


def test_burst_of_failed_logins_is_logged_once(client, user, caplog, monkeypatch):
    # Start from no failures, whatever earlier tests counted in this process.
    monkeypatch.setattr(login_failures, "_failures", defaultdict(deque))

    for _ in range(6):
        client.post("/api/login/", {"username": "alice", "password": "wrong password"}, format="json")

    warnings = [record.getMessage() for record in caplog.records if record.name.endswith("login_failures")]
    assert warnings == ["5 failed logins for username 'alice' within 60 s"]
    assert PASSWORD not in caplog.text


def test_failed_login_counts_expire(monkeypatch):
    failures = defaultdict(deque)
    monkeypatch.setattr(login_failures, "_failures", failures)

    for second in range(4):
        login_failures.login_failure_record(f"name{second}", now=1000.0 + second)
    # 62.5 s after the first failure, those older than 60 s (name0 to name2) are forgotten.
    login_failures.login_failure_record("later", now=1062.5)

    assert sorted(failures) == ["later", "name3"]
