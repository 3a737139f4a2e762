"""The server starts only on a database that Django's migrations have brought up to date."""

import os
import re
import socket
import subprocess
import sys
from pathlib import Path

import psycopg
import pytest
from fastapi.testclient import TestClient
from goban_fastapi import db
from goban_fastapi.main import create_app
from sqlalchemy import URL

SERVER_DIR = Path(__file__).resolve().parents[1]
DJANGO_DIR = SERVER_DIR.parent / "django"


def _execute(url: URL, *statements: str) -> None:
    with psycopg.connect(
        host=url.host, port=url.port, user=url.username, password=url.password, dbname=url.database, autocommit=True
    ) as connection:
        for statement in statements:
            connection.execute(statement)


def test_required_migrations_include_latest_record_migration():
    """REQUIRED_MIGRATIONS names the Django record app's latest migration, so a new one is not missed."""
    migrations = sorted(path.stem for path in (DJANGO_DIR / "goban_django" / "record" / "migrations").glob("[0-9]*.py"))

    assert migrations, "no migrations found in the Django server"
    assert ("record", migrations[-1]) in db.REQUIRED_MIGRATIONS


def test_empty_database_refuses_to_start(empty_database: str, settings_for, caplog: pytest.LogCaptureFixture):
    app = create_app(settings_for(empty_database))

    with pytest.raises(db.SchemaNotReady, match="no django_migrations table"):
        with TestClient(app):
            pass

    assert "not starting: the database is not ready" in caplog.text
    assert "manage.py migrate" in caplog.text


def test_database_behind_refuses_to_start_naming_migration(empty_database: str, settings_for):
    _execute(
        settings_for(empty_database).database_url,
        "CREATE TABLE django_migrations "
        "(id serial PRIMARY KEY, app varchar(255), name varchar(255), applied timestamptz)",
        "INSERT INTO django_migrations (app, name, applied) VALUES "
        "('auth', '0012_alter_user_first_name_max_length', now()), ('record', '0002_record_winner', now())",
    )
    app = create_app(settings_for(empty_database))

    with pytest.raises(db.SchemaNotReady) as raised:
        with TestClient(app):
            pass

    assert "record.0003_alter_record_board_size" in str(raised.value)
    assert "auth." not in str(raised.value)


def test_migrated_database_starts_and_is_healthy(migrated_database: str, settings_for):
    with TestClient(create_app(settings_for(migrated_database))) as client:
        response = client.get("/api/health/")

    assert response.status_code == 200, response.text
    assert response.json() == {"status": "ok", "server": "fastapi", "database": "ok"}


def test_migrated_database_is_left_unchanged(migrated_database: str, settings_for):
    """Starting and serving requests creates no table and records no migration."""
    query = (
        "SELECT (SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'), "
        "(SELECT count(*) FROM django_migrations)"
    )
    url = settings_for(migrated_database).database_url
    connect = {"host": url.host, "port": url.port, "user": url.username, "password": url.password}

    with psycopg.connect(dbname=migrated_database, **connect) as connection:
        before = connection.execute(query).fetchone()
    with TestClient(create_app(settings_for(migrated_database))) as client:
        assert client.get("/api/health/").status_code == 200
    with psycopg.connect(dbname=migrated_database, **connect) as connection:
        after = connection.execute(query).fetchone()

    assert after == before


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_gunicorn_exits_with_message_on_empty_database(empty_database: str):
    environment = {
        **os.environ,
        "POSTGRES_NAME": empty_database,
        "GOBAN_BIND": f"127.0.0.1:{_free_port()}",
        "GOBAN_WORKERS": "1",
    }
    gunicorn = Path(sys.executable).with_name("gunicorn")

    finished = subprocess.run(
        [str(gunicorn), "-c", "gunicorn.conf.py", "goban_fastapi.main:app"],
        cwd=SERVER_DIR,
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
    )

    output = finished.stdout + finished.stderr
    assert finished.returncode != 0, output
    assert re.search(r"not starting: the database is not ready", output), output
    assert "no django_migrations table" in output, output
