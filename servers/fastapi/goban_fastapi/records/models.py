"""The record_record and record_move tables of the Django app `record`."""

import datetime

from sqlalchemy import BigInteger, DateTime, Double, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from goban_fastapi.db import Base


class Record(Base):
    """One game. Only the Django server's migrations create or change the table."""

    __tablename__ = "record_record"

    id: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    owner_id: Mapped[int] = mapped_column(Integer, ForeignKey("auth_user.id", ondelete="CASCADE"))
    board_size: Mapped[int] = mapped_column(Integer)
    created: Mapped[datetime.datetime] = mapped_column(DateTime(timezone=True))
    name: Mapped[str] = mapped_column(String(200))
    black_player: Mapped[str] = mapped_column(String(200))
    white_player: Mapped[str] = mapped_column(String(200))
    comment: Mapped[str] = mapped_column(String(400))
    handicap: Mapped[int] = mapped_column(Integer)
    komi: Mapped[float] = mapped_column(Double)
    ruleset: Mapped[str] = mapped_column(String(3))
    winner: Mapped[str] = mapped_column(String(1))


class Move(Base):
    """One move of a record; position is x + y * board_size, or None for a pass."""

    __tablename__ = "record_move"

    id: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    record_id: Mapped[int] = mapped_column(BigInteger, ForeignKey("record_record.id", ondelete="CASCADE"))
    move: Mapped[int] = mapped_column(Integer)
    position: Mapped[int | None] = mapped_column(Integer)
    color: Mapped[str] = mapped_column(String(1))
