"""Every real game record in the games folder: import, replay, export and import again.

The folder is GOBAN_GAMES_DIR, by default ../shared/games beside the repository.
"""

import os
from pathlib import Path

import pytest
from sgfmill import boards, sgf

from goban_core.rules import Position, next_color, replay
from goban_core.sgf import export_sgf, import_sgf

REPOSITORY = Path(__file__).resolve().parents[3]
GAMES_DIR = Path(os.environ.get("GOBAN_GAMES_DIR", REPOSITORY.parent / "shared" / "games"))
GAME_FILES = sorted(GAMES_DIR.glob("*.sgf"))


def sgfmill_stones(board: boards.Board) -> list[tuple[int, int, str]]:
    """Return sgfmill's stones as (x, y, color) from the top left, sorted by (y, x)."""
    size = board.side
    stones = [(col, size - 1 - row, colour.upper()) for colour, (row, col) in board.list_occupied_points()]
    return sorted(stones, key=lambda stone: (stone[1], stone[0]))


def test_games_folder_has_records():
    assert len(GAME_FILES) >= 20, f"expected the game records in {GAMES_DIR}"


@pytest.mark.parametrize("path", GAME_FILES, ids=lambda path: path.name)
def test_final_position_matches_sgfmill(path):
    """Replaying the imported moves gives the position that sgfmill's own board reaches."""
    data = path.read_bytes()
    game = import_sgf(data)
    reference = sgf.Sgf_game.from_bytes(data)
    board = boards.Board(reference.get_size())
    position = Position(reference.get_size())
    imported_moves = iter(game.moves)

    for node in reference.get_main_sequence():
        black, white, empty = node.get_setup_stones()
        if black or white or empty:
            board.apply_setup(black, white, empty)
            for _ in range(len(black) + len(white)):
                position.play(next(imported_moves))
        colour, point = node.get_move()
        if colour is None:
            continue
        if point is not None:
            board.play(point[0], point[1], colour)
        position.play(next(imported_moves))
        assert position.stones() == sgfmill_stones(board)

    assert next(imported_moves, None) is None
    assert replay(game.info.board_size, game.moves).stones() == sgfmill_stones(board)


@pytest.mark.parametrize("path", GAME_FILES, ids=lambda path: path.name)
def test_move_count_matches_sgfmill(path):
    data = path.read_bytes()
    reference = sgf.Sgf_game.from_bytes(data)
    nodes = reference.get_main_sequence()
    setup_stones = sum(len(node.get_setup_stones()[0]) + len(node.get_setup_stones()[1]) for node in nodes)
    file_moves = sum(1 for node in nodes if node.get_move()[0] is not None)

    assert len(import_sgf(data).moves) == setup_stones + file_moves


@pytest.mark.parametrize("path", GAME_FILES, ids=lambda path: path.name)
def test_handicap_matches_ha(path):
    data = path.read_bytes()

    assert import_sgf(data).info.handicap == (sgf.Sgf_game.from_bytes(data).get_handicap() or 0)


@pytest.mark.parametrize("path", GAME_FILES, ids=lambda path: path.name)
def test_turn_order_matches_the_file(path):
    """The real records alternate colours after their handicap stones, as next_color() does."""
    game = import_sgf(path.read_bytes())

    expected = [next_color(game.info.handicap, game.moves[:index]) for index in range(len(game.moves))]
    assert [move.color for move in game.moves] == expected


@pytest.mark.parametrize("path", GAME_FILES, ids=lambda path: path.name)
def test_export_then_import_keeps_moves_and_details(path):
    game = import_sgf(path.read_bytes())

    again = import_sgf(export_sgf(game.info, game.moves).encode("utf-8"))

    assert again.moves == game.moves
    assert again.info == game.info
