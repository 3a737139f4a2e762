"""The application plus an async twin of GET /api/records/{id}/, to measure sync against async endpoints.

The twin, at /bench/async/records/{id}/, does the same work as the real endpoint (token check,
user and record queries, moves, replay, the same response model) on an AsyncEngine with psycopg 3's
async driver. Run with run.sh; the figures are recorded in goban_fastapi/main.py.
"""

from fastapi import HTTPException, Request
from goban_core.rules import replay
from goban_core.tokens import InvalidToken, read_token
from goban_fastapi.auth.models import User
from goban_fastapi.main import app
from goban_fastapi.records.models import Move, Record
from goban_fastapi.records.schemas import RecordDetail
from goban_fastapi.records.service import Game, game_moves
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine, async_sessionmaker, create_async_engine

_engine: AsyncEngine | None = None


def _sessions() -> async_sessionmaker:
    global _engine
    if _engine is None:
        url = app.state.settings.database_url
        _engine = create_async_engine(url, pool_pre_ping=True, pool_size=10, max_overflow=10)
    return async_sessionmaker(_engine, expire_on_commit=False)


@app.get("/bench/async/records/{record_id}/", include_in_schema=False)
async def record_detail_async(record_id: int, request: Request) -> RecordDetail:
    """Show a record with its stones and moves, on the async engine."""
    parts = request.headers.get("authorization", "").split()
    try:
        user_id = read_token(parts[1], app.state.settings.secret_key)
    except (IndexError, InvalidToken):
        raise HTTPException(403, "Invalid or expired token.") from None

    async with _sessions()() as session:
        user = await session.get(User, user_id)
        if user is None:
            raise HTTPException(403, "Invalid or expired token.")
        record = await session.scalar(select(Record).where(Record.id == record_id, Record.owner_id == user.id))
        if record is None:
            raise HTTPException(404, "No record with this id.")
        moves = list(await session.scalars(select(Move).where(Move.record_id == record.id).order_by(Move.move)))

    game = Game(record=record, moves=moves, position=replay(record.board_size, game_moves(record, moves)))
    return RecordDetail.from_game(game.record, game.played(), game.position)
