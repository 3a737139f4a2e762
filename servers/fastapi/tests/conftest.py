"""Fixtures of the FastAPI server's unit tests, which run against a real PostgreSQL.

The POSTGRES_* variables name the server, as for the server itself. Each test that needs a
database gets a new one, created and dropped here, so the user needs the CREATEDB privilege.
"""

import os
import subprocess
import sys
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

os.environ.setdefault("GOBAN_SECRET_KEY", "unit-test-secret-key-0123456789abcdef")
os.environ.setdefault("GOBAN_HOST", "testserver,127.0.0.1,localhost")

import psycopg  # noqa: E402
import pytest  # noqa: E402
from goban_fastapi.config import Settings, settings_from_env  # noqa: E402
from sqlalchemy import URL  # noqa: E402

REPOSITORY_ROOT = Path(__file__).resolve().parents[3]
DJANGO_DIR = REPOSITORY_ROOT / "servers" / "django"


def _admin_connection() -> psycopg.Connection:
    url = settings_from_env().database_url
    return psycopg.connect(
        host=url.host, port=url.port, user=url.username, password=url.password, dbname="postgres", autocommit=True
    )


@pytest.fixture
def empty_database() -> Iterator[str]:
    """Name of a new, empty database, dropped after the test."""
    name = f"test_goban_fastapi_{uuid.uuid4().hex[:12]}"
    with _admin_connection() as connection:
        connection.execute(f'CREATE DATABASE "{name}"')
    yield name
    with _admin_connection() as connection:
        connection.execute(f'DROP DATABASE "{name}" WITH (FORCE)')


@pytest.fixture
def migrated_database(empty_database: str) -> str:
    """Name of a new database migrated by the Django server, as a deployment would have it."""
    environment = {**os.environ, "POSTGRES_NAME": empty_database}
    subprocess.run(
        [sys.executable, "manage.py", "migrate", "--noinput"],
        cwd=DJANGO_DIR,
        env=environment,
        check=True,
        capture_output=True,
    )
    return empty_database


@pytest.fixture
def settings_for() -> Callable[[str], Settings]:
    """Return a function that gives the environment's settings, pointed at a database."""

    def settings_for(database: str) -> Settings:
        settings = settings_from_env()
        url: URL = settings.database_url.set(database=database)
        return Settings(database_url=url, secret_key=settings.secret_key, debug=False, allowed_hosts=["testserver"])

    return settings_for
