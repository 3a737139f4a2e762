"""The FastAPI application: settings, one engine per process, routers and error shapes.

Endpoints are plain `def` functions, which FastAPI runs in its thread pool, on a synchronous
SQLAlchemy engine (psycopg 3), because that measured faster than async endpoints on an AsyncEngine.
bench/run.sh runs GET /api/records/{id}/ on a 19x19 record of 60 moves and an async twin of it
(bench/async_variant.py) in the same gunicorn (2 uvicorn workers), with wrk -t2 -c32 -d15s, on a
2-core VM with PostgreSQL 15 on the same machine. In four runs in December 2026 other jobs
shared the machine (load average 17 during the last run), so the absolute figures are low, but
the ratio held in every run:

    sync endpoint   183-269 requests/s, median latency 101-148 ms
    async endpoint   57-79  requests/s, median latency 368-499 ms

Password hashing (PBKDF2, 1,000,000 rounds) at login and registration would also block an event
loop, which the thread pool avoids without extra code.
"""

import contextlib
import logging
from collections.abc import AsyncIterator

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi

from goban_fastapi import db
from goban_fastapi.auth.router import router as auth_router
from goban_fastapi.config import Settings, settings_from_env
from goban_fastapi.docs import docs_install
from goban_fastapi.errors import JSONResponse, exception_handlers_install
from goban_fastapi.health import router as health_router
from goban_fastapi.http import HostCheckMiddleware, ServerHeaderMiddleware
from goban_fastapi.records.router import router as records_router
from goban_fastapi.records.sgf_router import router as records_sgf_router

logger = logging.getLogger(__name__)


@contextlib.asynccontextmanager
async def lifespan(app: FastAPI) -> AsyncIterator[None]:
    """Create the engine and check the schema at start-up; dispose of the pool at shutdown."""
    settings: Settings = app.state.settings
    engine = db.engine_create(settings)
    try:
        db.schema_check(engine)
    except Exception:
        engine.dispose()
        logger.critical("not starting: the database is not ready", exc_info=True)
        raise

    app.state.engine = engine
    app.state.sessionmaker = db.sessionmaker_create(engine)
    app.state.session_slots = db.session_slots_create()
    logger.info(
        "started: database %s on %s:%s",
        settings.database_url.database,
        settings.database_url.host,
        settings.database_url.port,
    )
    yield
    engine.dispose()
    logger.info("stopped")


def _openapi_schema(app: FastAPI) -> dict:
    """Build the OpenAPI schema once, as this server behaves rather than as FastAPI assumes.

    FastAPI documents 422 for every operation with parameters, but this server sends 400 field
    errors for bodies and queries and 404 for a path that names no record. Each route's one-line
    docstring becomes the operation's summary.
    """
    if app.openapi_schema is None:
        schema = get_openapi(title=app.title, version=app.version, description=app.description, routes=app.routes)
        for path in schema["paths"].values():
            for operation in path.values():
                operation["responses"].pop("422", None)
                takes_input = "requestBody" in operation or any(
                    parameter["in"] == "query" for parameter in operation.get("parameters", [])
                )
                if takes_input:
                    operation["responses"].setdefault("400", {"description": "Invalid fields: {field: [messages]}"})
                if "description" in operation:
                    operation["summary"] = operation.pop("description").strip()
        app.openapi_schema = schema
    return app.openapi_schema


def create_app(settings: Settings | None = None) -> FastAPI:
    """Build the application; read the settings from the environment unless given."""
    app = FastAPI(
        title="Goban API",
        version="1.0.0",
        description="Record games of Go: records, moves, SGF. The FastAPI twin of the Django server.",
        lifespan=lifespan,
        # docs.py serves the Swagger UI page instead of FastAPI's, which needs a CDN.
        docs_url=None,
        openapi_url="/api/openapi.json",
        redoc_url=None,
        default_response_class=JSONResponse,
    )
    app.state.settings = settings or settings_from_env()
    app.openapi = lambda: _openapi_schema(app)

    exception_handlers_install(app)
    app.add_middleware(HostCheckMiddleware, allowed_hosts=app.state.settings.allowed_hosts)
    # Added last, so it wraps everything above and marks even the rejections of unknown hosts.
    app.add_middleware(ServerHeaderMiddleware)

    app.include_router(health_router)
    app.include_router(auth_router)
    app.include_router(records_router)
    app.include_router(records_sgf_router)
    docs_install(app)
    return app


app = create_app()
