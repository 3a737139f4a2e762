"""Settings read from the environment: the same variables as the Django server."""

import dataclasses
import logging
import os
from collections.abc import Mapping

from sqlalchemy import URL

logger = logging.getLogger(__name__)

SERVER_NAME = "fastapi"

# Used only with GOBAN_DEBUG, so two servers started for development accept each other's tokens.
DEBUG_SECRET_KEY = "insecure-development-key-used-only-with-GOBAN_DEBUG"

_TRUE_WORDS = {"1", "true", "yes", "on"}


class ConfigurationError(RuntimeError):
    """A required environment variable is missing or invalid."""


@dataclasses.dataclass(frozen=True)
class Settings:
    """Server settings: database, token secret, debug flag and allowed host names."""

    database_url: URL
    secret_key: str
    debug: bool
    allowed_hosts: list[str]


def settings_from_env(environ: Mapping[str, str] = os.environ) -> Settings:
    """Read the settings from environ; raise ConfigurationError when GOBAN_SECRET_KEY is missing outside debug."""
    debug = environ.get("GOBAN_DEBUG", "").strip().lower() in _TRUE_WORDS

    secret_key = environ.get("GOBAN_SECRET_KEY", "")
    if not secret_key:
        if not debug:
            raise ConfigurationError(
                "GOBAN_SECRET_KEY is not set: set it to the secret shared with the Django server "
                "(or set GOBAN_DEBUG=1 for a development key)"
            )
        secret_key = DEBUG_SECRET_KEY

    try:
        port = int(environ.get("POSTGRES_PORT", "5432"))
    except ValueError:
        raise ConfigurationError(f"POSTGRES_PORT is not a port number: {environ['POSTGRES_PORT']!r}") from None

    database_url = URL.create(
        "postgresql+psycopg",
        username=environ.get("POSTGRES_USER", "goban"),
        password=environ.get("POSTGRES_PASSWORD", ""),
        host=environ.get("POSTGRES_HOST", "127.0.0.1"),
        port=port,
        database=environ.get("POSTGRES_NAME", "goban"),
    )
    hosts = [host.strip() for host in environ.get("GOBAN_HOST", "").split(",") if host.strip()]
    # Health checks run inside the container or on the host and address the server by these names.
    hosts += [host for host in ("127.0.0.1", "localhost") if host not in hosts]

    return Settings(
        database_url=database_url,
        secret_key=secret_key,
        debug=debug,
        allowed_hosts=hosts,
    )
