"""Settings from the environment, and the host check that uses them."""

from pathlib import Path

import pytest
from goban_fastapi.config import DEBUG_SECRET_KEY, ConfigurationError, settings_from_env
from goban_fastapi.http import host_is_allowed

DJANGO_DIR = Path(__file__).resolve().parents[2] / "django"


def test_secret_key_is_required_outside_debug():
    with pytest.raises(ConfigurationError, match="GOBAN_SECRET_KEY"):
        settings_from_env({"GOBAN_DEBUG": "0"})


def test_debug_uses_django_development_key():
    """Both servers started with GOBAN_DEBUG and no secret accept each other's tokens."""
    settings = settings_from_env({"GOBAN_DEBUG": "1"})

    assert settings.secret_key == DEBUG_SECRET_KEY
    assert f'"{DEBUG_SECRET_KEY}"' in (DJANGO_DIR / "goban_django" / "settings.py").read_text()


def test_database_url_comes_from_postgres_variables():
    environment = {
        "GOBAN_SECRET_KEY": "s",
        "POSTGRES_NAME": "games",
        "POSTGRES_USER": "player",
        "POSTGRES_PASSWORD": "p@ss:word",
        "POSTGRES_HOST": "db.internal",
        "POSTGRES_PORT": "6543",
    }

    url = settings_from_env(environment).database_url

    assert (url.database, url.username, url.password, url.host, url.port) == (
        "games",
        "player",
        "p@ss:word",
        "db.internal",
        6543,
    )


def test_invalid_port_is_a_configuration_error():
    with pytest.raises(ConfigurationError, match="POSTGRES_PORT"):
        settings_from_env({"GOBAN_SECRET_KEY": "s", "POSTGRES_PORT": "five"})


@pytest.mark.parametrize(
    ("environment", "hosts"),
    [
        (
            {"GOBAN_SECRET_KEY": "s", "GOBAN_HOST": " goban.example , 127.0.0.1,"},
            ["goban.example", "127.0.0.1", "localhost"],
        ),
        ({"GOBAN_SECRET_KEY": "s"}, ["127.0.0.1", "localhost"]),
    ],
    ids=["listed", "local-only"],
)
def test_allowed_hosts(environment: dict[str, str], hosts: list[str]):
    assert settings_from_env(environment).allowed_hosts == hosts


@pytest.mark.parametrize(
    ("host", "allowed"),
    [
        ("goban.example", True),
        ("GOBAN.example:443", True),
        ("www.goban.example", False),
        ("evil.example", False),
        ("", False),
        ("api.sub.example", True),
        ("sub.example", True),
        ("notsub.example", False),
        ("[::1]:8000", True),
    ],
)
def test_host_is_allowed(host: str, allowed: bool):
    assert host_is_allowed(host, ["goban.example", ".sub.example", "[::1]"]) is allowed


def test_star_allows_any_host():
    assert host_is_allowed("anything.example", ["*"])
