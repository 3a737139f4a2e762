"""The database engine, sessions and the check that Django's migrations have been applied."""

import logging
from collections.abc import Iterator
from typing import Annotated

from fastapi import Depends, Request
from sqlalchemy import Engine, create_engine, text
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import DeclarativeBase, Session, sessionmaker

from goban_fastapi.config import Settings

logger = logging.getLogger(__name__)

# The Django server owns the schema. These are the latest migration of each app whose tables
# this server maps; when Django adds a migration these tables depend on, add it here.
REQUIRED_MIGRATIONS: tuple[tuple[str, str], ...] = (
    ("auth", "0012_alter_user_first_name_max_length"),
    ("record", "0003_alter_record_board_size"),
)


class Base(DeclarativeBase):
    """Base of the mapped classes. Its metadata is never used to create or alter tables."""


class SchemaNotReady(RuntimeError):
    """The database lacks the tables or the migrations this server expects."""


def engine_create(settings: Settings) -> Engine:
    """Create the process's engine; pool_pre_ping replaces connections that a PostgreSQL restart closed."""
    return create_engine(
        settings.database_url,
        pool_pre_ping=True,
        pool_size=10,
        max_overflow=10,
        pool_timeout=10,
    )


def schema_check(engine: Engine) -> None:
    """Raise SchemaNotReady unless every migration in REQUIRED_MIGRATIONS is recorded in django_migrations."""
    with engine.connect() as connection:
        if connection.scalar(text("SELECT to_regclass('django_migrations')")) is None:
            raise SchemaNotReady(
                "the database has no django_migrations table: run the Django server's "
                "`manage.py migrate` before starting this server"
            )
        applied = set(connection.execute(text("SELECT app, name FROM django_migrations")).tuples())

    missing = [f"{app}.{name}" for app, name in REQUIRED_MIGRATIONS if (app, name) not in applied]
    if missing:
        raise SchemaNotReady(
            f"the database schema is behind, migrations not applied: {', '.join(missing)}; "
            "run the Django server's `manage.py migrate` before starting this server"
        )


def database_is_up(engine: Engine) -> bool:
    """Return whether a trivial query succeeds."""
    try:
        with engine.connect() as connection:
            connection.execute(text("SELECT 1"))
    except SQLAlchemyError as error:
        logger.warning("health check: database unavailable: %s", error)
        return False
    return True


def get_session(request: Request) -> Iterator[Session]:
    """Yield a session from the process's pool, closed (and rolled back if unfinished) after the response."""
    with request.app.state.sessionmaker() as session:
        yield session


def sessionmaker_create(engine: Engine) -> sessionmaker[Session]:
    """Create the session factory; objects stay readable after commit because responses read them then."""
    return sessionmaker(engine, expire_on_commit=False)


SessionDep = Annotated[Session, Depends(get_session)]
