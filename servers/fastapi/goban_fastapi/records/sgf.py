"""SGF download and import of records, on top of goban_core's reader and writer."""

import datetime

from goban_core.rules import replay
from goban_core.sgf import GameInfo, SgfImportError, download_filename_header, export_sgf, import_sgf
from pydantic import ValidationError
from sqlalchemy.orm import Session

from goban_fastapi.auth.models import User
from goban_fastapi.records.models import Move
from goban_fastapi.records.schemas import RecordCreate
from goban_fastapi.records.service import Game, game_moves, record_create


def game_info(game: Game) -> GameInfo:
    """Return the SGF header values of game's record, dated by its creation day in UTC."""
    record = game.record
    return GameInfo(
        board_size=record.board_size,
        name=record.name,
        black_player=record.black_player,
        white_player=record.white_player,
        comment=record.comment,
        handicap=record.handicap,
        komi=record.komi,
        ruleset=record.ruleset,
        winner=record.winner,
        created=record.created.astimezone(datetime.UTC).date(),
    )


def record_export(game: Game) -> tuple[str, str]:
    """Return the SGF text of game and the Content-Disposition header that names its file."""
    info = game_info(game)
    text = export_sgf(info, game_moves(game.record, game.moves))
    return text, download_filename_header(info, game.record.created.astimezone(datetime.UTC))


def record_import(session: Session, *, owner: User, data: bytes) -> Game:
    """Create a record from the main line of the SGF file data and commit; raise SgfImportError."""
    imported = import_sgf(data)
    info = imported.info
    try:
        fields = RecordCreate(
            board_size=info.board_size,
            name=info.name,
            black_player=info.black_player,
            white_player=info.white_player,
            comment=info.comment,
            handicap=info.handicap,
            komi=info.komi,
            ruleset=info.ruleset,
        )
    except ValidationError as error:
        invalid = ", ".join(str(detail["loc"][0]) for detail in error.errors())
        raise SgfImportError(f"the file's game information is invalid: {invalid}") from None

    created = None
    if info.created is not None:
        created = datetime.datetime.combine(info.created, datetime.time(), datetime.UTC)

    record = record_create(session, owner=owner, data=fields, created=created)
    record.winner = info.winner
    size = record.board_size
    moves = [
        Move(
            record_id=record.id,
            move=number,
            position=None if move.point is None else move.point[0] + move.point[1] * size,
            color=move.color,
        )
        for number, move in enumerate(imported.moves, start=1)
    ]
    session.add_all(moves)
    session.commit()
    return Game(record=record, moves=moves, position=replay(size, imported.moves))
