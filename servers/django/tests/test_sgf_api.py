"""SGF download and import, including every real game record of the shared games folder."""

import os
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from sgfmill import sgf

from goban_django.record.models import Move, Record
from tests.factories import record_make, user_make

pytestmark = pytest.mark.django_db

REPO_ROOT = Path(__file__).resolve().parents[3]
GAMES_DIR = Path(os.environ.get("GOBAN_GAMES_DIR", REPO_ROOT.parent / "shared" / "games"))
GAME_FILES = sorted(GAMES_DIR.glob("*.sgf"))


def import_raw(client, data: bytes):
    return client.post("/api/records/import/", data, content_type="application/x-go-sgf")


def main_line(data: bytes) -> list[tuple[str, tuple[int, int] | None]]:
    game = sgf.Sgf_game.from_bytes(data)
    return [node.get_move() for node in game.get_main_sequence() if node.get_move()[0] is not None]


def test_games_folder_is_found():
    assert len(GAME_FILES) >= 20, f"no SGF files in {GAMES_DIR}: set GOBAN_GAMES_DIR"


def test_download_has_file_name_and_moves(auth_client, user):
    record = record_make(owner=user, board_size=9, black_player="Ann Lee", white_player="Bo", winner="W")
    auth_client.post(f"/api/records/{record.pk}/play/", {"x": 0, "y": 0}, format="json")
    auth_client.post(f"/api/records/{record.pk}/pass/")

    response = auth_client.get(f"/api/records/{record.pk}/download/")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/x-go-sgf"
    date = record.created.strftime("%Y_%m_%d")
    assert response["Content-Disposition"] == f'attachment; filename="Ann_Lee_vs_Bo_{date}.sgf"'
    game = sgf.Sgf_game.from_bytes(response.content)
    assert game.get_root().get("RE") == "W+"
    assert [node.get_move() for node in game.get_main_sequence()[1:]] == [("b", (8, 0)), ("w", None)]


def test_download_of_other_users_record_is_404(auth_client):
    record = record_make(owner=user_make(username="bob"))

    response = auth_client.get(f"/api/records/{record.pk}/download/")

    assert response.status_code == 404


@pytest.mark.parametrize("path", GAME_FILES, ids=[path.name for path in GAME_FILES])
def test_import_real_game_keeps_main_line(auth_client, path):
    data = path.read_bytes()

    response = import_raw(auth_client, data)

    assert response.status_code == 201, response.content
    body = response.json()
    record = Record.objects.get(pk=body["id"])
    assert Move.objects.filter(record=record).count() == len(body["moves"])
    # AB setup stones come first as black moves, then the main line's moves in order.
    sgf_moves = main_line(data)
    assert len(body["moves"]) >= len(sgf_moves)
    size = record.board_size
    tail = body["moves"][len(body["moves"]) - len(sgf_moves) :]
    for move, (colour, point) in zip(tail, sgf_moves, strict=True):
        assert move["color"] == colour.upper()
        expected = None if point is None else {"x": point[1], "y": size - 1 - point[0]}
        assert move["position"] == expected


def test_import_multipart_file(auth_client):
    data = GAME_FILES[0].read_bytes()

    response = auth_client.post(
        "/api/records/import/", {"file": SimpleUploadedFile("game.sgf", data)}, format="multipart"
    )

    assert response.status_code == 201, response.content
    assert Record.objects.count() == 1


@pytest.mark.parametrize(
    "data",
    [b"", b"not an sgf file", b"(;GM[1]FF[4]SZ[25];B[aa])", b"(;SZ[9];B[aa];W[aa])", b"\xff\xfe\x00"],
    ids=["empty", "text", "size-25", "illegal-move", "binary"],
)
def test_import_bad_file_is_400_and_stores_nothing(auth_client, data):
    response = import_raw(auth_client, data)

    assert response.status_code == 400
    assert len(response.json()) == 1
    assert not Record.objects.exists()


def test_import_illegal_move_names_its_number(auth_client):
    response = import_raw(auth_client, b"(;SZ[9];B[aa];W[bb];B[aa])")

    assert response.status_code == 400
    assert "3" in response.json()["detail"]


def test_import_multipart_without_file_is_400(auth_client):
    response = auth_client.post("/api/records/import/", {"other": "x"}, format="multipart")

    assert response.status_code == 400
    assert list(response.json()) == ["file"]


def test_import_too_large_is_413(auth_client):
    response = import_raw(auth_client, b"(;SZ[9]C[" + b"x" * (2 * 1024 * 1024) + b"])")

    assert response.status_code == 413
    assert set(response.json()) == {"detail"}


def test_import_needs_token(client):
    response = import_raw(client, GAME_FILES[0].read_bytes())

    assert response.status_code == 403
    assert not Record.objects.exists()
