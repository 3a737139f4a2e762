"""Users that the FastAPI server writes are rows Django itself would write."""

import datetime

import psycopg
from fastapi.testclient import TestClient
from goban_core.passwords import DJANGO_ITERATIONS, hash_password
from goban_fastapi.main import create_app

COLUMNS = "username, email, is_active, is_staff, is_superuser, first_name, last_name, last_login, date_joined, password"


def _user_row(url, username: str) -> tuple:
    connect = {"host": url.host, "port": url.port, "user": url.username, "password": url.password}
    with psycopg.connect(dbname=url.database, **connect) as connection:
        return connection.execute(f"SELECT {COLUMNS} FROM auth_user WHERE username = %s", (username,)).fetchone()


def test_registration_writes_django_columns(migrated_database: str, settings_for):
    settings = settings_for(migrated_database)
    before = datetime.datetime.now(datetime.UTC)

    with TestClient(create_app(settings)) as client:
        response = client.post(
            "/api/register/", json={"username": "Ada", "email": "ada@example.com", "password": "analytical engine"}
        )

    assert response.status_code == 201, response.text
    row = _user_row(settings.database_url, "Ada")
    assert row[:8] == ("Ada", "ada@example.com", True, False, False, "", "", None)
    assert before <= row[8] <= datetime.datetime.now(datetime.UTC)
    assert row[9].startswith(f"pbkdf2_sha256${DJANGO_ITERATIONS}$")


def test_login_sets_last_login_and_upgrades_old_hash(migrated_database: str, settings_for):
    """A hash with fewer iterations, as older Django releases made, is replaced at login."""
    settings = settings_for(migrated_database)
    old_hash = hash_password("difference engine", iterations=260_000)
    with TestClient(create_app(settings)) as client:
        client.post(
            "/api/register/", json={"username": "Babbage", "email": "cb@example.com", "password": "placeholder"}
        )
        connect = {"host": settings.database_url.host, "port": settings.database_url.port}
        with psycopg.connect(
            dbname=migrated_database,
            user=settings.database_url.username,
            password=settings.database_url.password,
            **connect,
        ) as connection:
            connection.execute("UPDATE auth_user SET password = %s WHERE username = 'Babbage'", (old_hash,))

        response = client.post("/api/login/", json={"username": "Babbage", "password": "difference engine"})

    assert response.status_code == 200, response.text
    row = _user_row(settings.database_url, "Babbage")
    assert row[7] is not None
    assert row[9].startswith(f"pbkdf2_sha256${DJANGO_ITERATIONS}$")
    assert row[9] != old_hash


def test_login_by_email_or_other_case_is_refused(migrated_database: str, settings_for):
    with TestClient(create_app(settings_for(migrated_database))) as client:
        client.post(
            "/api/register/", json={"username": "Grace", "email": "grace@example.com", "password": "compiler one"}
        )

        by_email = client.post("/api/login/", json={"username": "grace@example.com", "password": "compiler one"})
        other_case = client.post("/api/login/", json={"username": "grace", "password": "compiler one"})

    assert (by_email.status_code, other_case.status_code) == (401, 401)
