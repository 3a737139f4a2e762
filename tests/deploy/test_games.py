"""Real game records go in and come out of the deployed stack unchanged."""

import pytest
from sgfmill import sgf

from rollout import GAMES, GAMES_DIR


def main_line(data: bytes) -> tuple[set, list]:
    """Return the setup stones (as black moves) and the moves of an SGF file's main line."""
    game = sgf.Sgf_game.from_bytes(data)
    setup, moves = set(), []
    for node in game.get_main_sequence():
        black, _, _ = node.get_setup_stones()
        setup |= black
        colour, point = node.get_move()
        if colour is not None:
            moves.append((colour, point))
    return setup, moves


def test_games_folder_has_games():
    assert len(GAMES) >= 20, f"expected the real game records in {GAMES_DIR}"


@pytest.mark.parametrize("path", GAMES, ids=lambda path: path.stem)
def test_game_round_trip_keeps_moves(api, path):
    original = path.read_bytes()
    setup, moves = main_line(original)

    response = api.post("/api/records/import/", content=original, headers={"Content-Type": "application/x-go-sgf"})
    assert response.status_code == 201, response.text
    record = response.json()
    assert len(record["moves"]) == len(setup) + len(moves)

    response = api.get(f"/api/records/{record['id']}/download/")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/x-go-sgf")
    downloaded_setup, downloaded_moves = main_line(response.content)

    # Setup stones come back as the leading black moves, in any order.
    assert downloaded_setup == set()
    leading = downloaded_moves[: len(setup)]
    assert {colour for colour, _ in leading} <= {"b"}
    assert {point for _, point in leading} == setup
    assert downloaded_moves[len(setup):] == moves
