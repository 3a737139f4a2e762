"""The database engine, sessions and the check that Django's migrations have been applied."""

import asyncio
import logging
from collections.abc import AsyncIterator
from typing import Annotated

from fastapi import Depends, Request
from fastapi.concurrency import run_in_threadpool
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


# Connections per worker process: the pool keeps POOL_SIZE open and opens up to POOL_OVERFLOW more
# under load. With 2 workers per server this stays well under PostgreSQL's default of 100.
POOL_SIZE = 10
POOL_OVERFLOW = 10


def engine_create(settings: Settings) -> Engine:
    """Create the process's engine; pool_pre_ping replaces connections that a PostgreSQL restart closed."""
    return create_engine(
        settings.database_url,
        pool_pre_ping=True,
        pool_size=POOL_SIZE,
        max_overflow=POOL_OVERFLOW,
        pool_timeout=10,
        connect_args={"connect_timeout": 5},
    )


def session_slots_create() -> asyncio.Semaphore:
    """Create the limit on requests holding a session, one per pooled connection."""
    return asyncio.Semaphore(POOL_SIZE + POOL_OVERFLOW)


def schema_check(engine: Engine) -> None:
    """Raise SchemaNotReady unless every migration in REQUIRED_MIGRATIONS is recorded in django_migrations."""
    with engine.connect() as connection:
        if connection.scalar(text("SELECT to_regclass('django_migrations')")) is None:
            raise SchemaNotReady(
                "the database has no django_migrations table: run the Django server's "
                "`manage.py migrate` before starting this server"
            )
        applied = {(app, name) for app, name in connection.execute(text("SELECT app, name FROM django_migrations"))}

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
        logger.warning("health check: database unavailable: %s", " ".join(str(error).split()))
        return False
    return True


async def get_session(request: Request) -> AsyncIterator[Session]:
    """Yield a session, closed (and rolled back if unfinished) once the endpoint has returned.

    A request keeps its session's connection from its first query (in the token check) to the end
    of the endpoint, and its sync dependencies and endpoint each wait for a thread in between. If
    more requests held sessions than the pool has connections, requests holding connections could
    wait for threads held by requests waiting for connections. The semaphore admits only as many
    requests as the pool has connections, so every admitted request gets one.
    """
    async with request.app.state.session_slots:
        session = request.app.state.sessionmaker()
        try:
            yield session
        finally:
            # Once its transaction has ended, a session has no connection and closing it sends
            # nothing to PostgreSQL, so it needs no thread. An endpoint that ends its transaction
            # saves the request a wait for one.
            if session.in_transaction():
                await run_in_threadpool(session.close)
            else:
                session.close()


def sessionmaker_create(engine: Engine) -> sessionmaker[Session]:
    """Create the session factory; objects stay readable after commit because responses read them then."""
    return sessionmaker(engine, expire_on_commit=False)


SessionDep = Annotated[Session, Depends(get_session)]
