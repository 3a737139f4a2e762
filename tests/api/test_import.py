"""SGF import of real game records, checked against sgfmill's reading of each file, and bad imports."""

import datetime
import re
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest
from sgfmill import boards, sgf

from support import (
    User,
    api_moves,
    assert_utc_timestamp,
    count_records,
    error_messages,
    games_dir,
    get_detail,
    register_and_login,
    sgf_moves,
)

GAME_FILES = sorted(games_dir().glob("*.sgf"))
RULESETS = {"aga": "AGA", "japanese": "JPN", "chinese": "CHN"}
FULL_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@dataclass
class ExpectedGame:
    """What a server must make of one SGF file, worked out with sgfmill."""

    board_size: int
    setup_moves: list[dict]
    moves: list[dict]
    stones: list[dict]
    handicap: int
    winner: str
    name: str
    comment: str
    black_players: set[str]
    white_players: set[str]
    komi: float | None
    ruleset: str | None
    date: datetime.date | None


def by_row(points: list[tuple[int, int]]) -> list[tuple[int, int]]:
    return sorted(points, key=lambda p: (p[1], p[0]))


def replay_move(board: boards.Board, color: str, point: tuple[int, int] | None) -> dict:
    """Play one move on `board` and describe it as the API does, captures included."""
    if point is None:
        return {"position": None, "color": color, "captures": []}
    size = board.side
    opponent = "w" if color == "B" else "b"
    before = {p for c, p in board.list_occupied_points() if c == opponent}
    board.play(size - 1 - point[1], point[0], color.lower())
    after = {p for c, p in board.list_occupied_points() if c == opponent}
    captured = [(col, size - 1 - row) for row, col in before - after]
    return {
        "position": {"x": point[0], "y": point[1]},
        "color": color,
        "captures": [{"x": x, "y": y} for x, y in by_row(captured)],
    }


def player_names(data: bytes, game: sgf.Sgf_game, colour: str, default: str) -> set[str]:
    """Return the acceptable readings of a player's name.

    A file without CA is Latin-1 by the SGF standard, but Fox files are UTF-8
    without saying so, so either reading is accepted there.
    """
    games = [game]
    if not game.get_root().has_property("CA"):
        games.append(sgf.Sgf_game.from_bytes(data, override_encoding="UTF-8"))
    names = {(g.get_player_name(colour) or default)[:200] for g in games}
    return names


def expected_game(data: bytes) -> ExpectedGame:
    game = sgf.Sgf_game.from_bytes(data)
    root = game.get_root()
    size = game.get_size()
    board = boards.Board(size)
    setup_moves: list[dict] = []
    moves: list[dict] = []
    for node in game.get_main_sequence():
        black, _, _ = node.get_setup_stones()
        for row, col in black:
            setup_moves.append(replay_move(board, "B", (col, size - 1 - row)))
        colour, point = node.get_move()
        if colour is not None:
            position = None if point is None else (point[1], size - 1 - point[0])
            moves.append(replay_move(board, colour.upper(), position))

    stones = [
        {"x": col, "y": size - 1 - row, "color": colour.upper()} for colour, (row, col) in board.list_occupied_points()
    ]
    result = root.get("RE") if root.has_property("RE") else ""
    komi = root.get("KM") if root.has_property("KM") else None
    ruleset = root.get("RU") if root.has_property("RU") else "AGA"
    date = root.get("DT") if root.has_property("DT") else ""
    return ExpectedGame(
        board_size=size,
        setup_moves=sorted(setup_moves, key=lambda m: (m["position"]["y"], m["position"]["x"])),
        moves=moves,
        stones=sorted(stones, key=lambda s: (s["y"], s["x"])),
        handicap=root.get("HA") if root.has_property("HA") else 0,
        winner=result[0] if result[:2] in ("B+", "W+") else "U",
        name=(root.get("GN") if root.has_property("GN") else "")[:200],
        comment=(root.get("GC") if root.has_property("GC") else "")[:400],
        black_players=player_names(data, game, "b", "Black"),
        white_players=player_names(data, game, "w", "White"),
        komi=komi if komi is not None and -100 <= komi <= 100 and komi * 2 == int(komi * 2) else None,
        ruleset=RULESETS.get(ruleset.lower()),
        date=datetime.date.fromisoformat(date) if FULL_DATE.match(date) else None,
    )


@pytest.fixture(scope="module")
def importer(api: httpx.Client) -> User:
    """User of this module, so record counts move only with its own imports."""
    return register_and_login(api, "importer")


def import_raw(api: httpx.Client, user: User, data: bytes) -> httpx.Response:
    return api.post(
        "/api/records/import/", content=data, headers={**user.headers, "Content-Type": "application/x-go-sgf"}
    )


def import_multipart(api: httpx.Client, user: User, data: bytes, filename: str = "game.sgf") -> httpx.Response:
    return api.post(
        "/api/records/import/", files={"file": (filename, data, "application/x-go-sgf")}, headers=user.headers
    )


UPLOADS = {"raw": import_raw, "multipart": import_multipart}


@pytest.fixture(scope="module")
def imported(api: httpx.Client, importer: User):
    """Return a function that imports a file once per module and returns the record detail."""
    records: dict[Path, dict] = {}

    def get(path: Path) -> dict:
        if path not in records:
            response = import_raw(api, importer, path.read_bytes())
            assert response.status_code == 201, response.text
            records[path] = response.json()
        return records[path]

    return get


def test_games_folder_has_games():
    assert len(GAME_FILES) >= 20, f"no SGF files found in {games_dir()} (set GOBAN_GAMES_DIR)"


@pytest.mark.parametrize("upload", UPLOADS.values(), ids=UPLOADS.keys())
@pytest.mark.parametrize("path", GAME_FILES, ids=[path.stem for path in GAME_FILES])
def test_import_real_game(api: httpx.Client, importer: User, path: Path, upload):
    """The record contains the file's main line (setup stones first, passes kept) with every capture."""
    data = path.read_bytes()
    expected = expected_game(data)
    count = count_records(api, importer)

    response = upload(api, importer, data)

    assert response.status_code == 201, response.text
    record = response.json()
    assert record == get_detail(api, importer, record["id"])
    assert count_records(api, importer) == count + 1
    assert record["owner"] == importer.id
    assert record["board_size"] == expected.board_size

    setup_count = len(expected.setup_moves)
    imported_setup = sorted(record["moves"][:setup_count], key=lambda m: (m["position"]["y"], m["position"]["x"]))
    assert imported_setup == expected.setup_moves
    assert record["moves"][setup_count:] == expected.moves
    assert record["stones"] == expected.stones


@pytest.mark.parametrize("path", GAME_FILES, ids=[path.stem for path in GAME_FILES])
def test_import_real_game_fields(imported, path: Path):
    """Players, handicap, result, name, comment, komi, ruleset and date come from the root node."""
    expected = expected_game(path.read_bytes())

    record = imported(path)

    assert record["black_player"] in expected.black_players
    assert record["white_player"] in expected.white_players
    assert record["handicap"] == expected.handicap
    assert record["winner"] == expected.winner
    assert record["name"] == expected.name
    assert record["comment"] == expected.comment
    assert isinstance(record["komi"], float)
    assert -100 <= record["komi"] <= 100
    assert (record["komi"] * 2).is_integer()
    if expected.komi is not None:
        assert record["komi"] == expected.komi
    assert record["ruleset"] in ("AGA", "JPN", "CHN")
    if expected.ruleset is not None:
        assert record["ruleset"] == expected.ruleset
    if expected.date is not None:
        assert datetime.datetime.fromisoformat(record["created"]).date() == expected.date


@pytest.mark.parametrize("path", GAME_FILES, ids=[path.stem for path in GAME_FILES])
def test_import_then_download_keeps_moves(api: httpx.Client, importer: User, imported, path: Path):
    """The downloaded file has the imported moves in the same order, passes included."""
    expected = expected_game(path.read_bytes())
    record = imported(path)

    download = api.get(f"/api/records/{record['id']}/download/", headers=importer.headers)

    assert download.status_code == 200, download.text
    game = sgf.Sgf_game.from_bytes(download.content)
    assert game.get_size() == expected.board_size
    assert sgf_moves(game) == api_moves(record)
    assert len(sgf_moves(game)) == len(expected.setup_moves) + len(expected.moves)


BAD_FILES = {
    "not-sgf": (b"This is not a game record.", None),
    "empty": (b"", None),
    "binary": (bytes(range(256)), None),
    "unclosed": (b"(;FF[4]SZ[9];B[aa]", None),
    "size-7": (b"(;FF[4]GM[1]SZ[7];B[aa];W[bb])", r"(?i)size.*\b7\b|\b7\b.*size"),
    "size-25": (b"(;FF[4]GM[1]SZ[25];B[aa])", r"(?i)size.*\b25\b|\b25\b.*size"),
    "rectangular": (b"(;FF[4]GM[1]SZ[19:13];B[aa])", r"(?i)size"),
    "off-board": (b"(;FF[4]GM[1]SZ[9];B[aa];W[jj])", None),
    "occupied": (b"(;FF[4]GM[1]SZ[9];B[ee];W[cc];B[cc])", r"(?i)move.*\b3\b|\b3\b.*move"),
    "suicide": (b"(;FF[4]GM[1]SZ[9];B[ba];W[cc];B[ab];W[aa])", r"(?i)move.*\b4\b|\b4\b.*move"),
    "ko": (
        b"(;FF[4]GM[1]SZ[9];B[ba];W[ca];B[ab];W[bb];B[bc];W[db];B[];W[cc];B[cb];W[bb])",
        r"(?i)move.*\b10\b|\b10\b.*move",
    ),
    "on-setup-stone": (b"(;FF[4]GM[1]SZ[9]AB[aa][ii];W[aa])", r"(?i)move.*\b[13]\b|\b[13]\b.*move"),
}


@pytest.mark.parametrize("upload", UPLOADS.values(), ids=UPLOADS.keys())
@pytest.mark.parametrize(("data", "pattern"), BAD_FILES.values(), ids=BAD_FILES.keys())
def test_bad_import_is_rejected_and_stores_nothing(api: httpx.Client, importer: User, data, pattern, upload):
    """A bad file gives 400 with a message naming the problem (and the move number) and stores no record.

    In the last case white's move is number 1 of the file's moves and number 3 of the record's,
    after the two setup stones. The contract does not fix which count to name, so either passes.
    """
    count = count_records(api, importer)

    response = upload(api, importer, data)

    assert response.status_code == 400, response.text
    messages = " ".join(error_messages(response.json()))
    assert messages.strip(), response.text
    if pattern is not None:
        assert re.search(pattern, messages), messages
    assert count_records(api, importer) == count


def test_multipart_without_file_field_is_rejected(api: httpx.Client, importer: User):
    count = count_records(api, importer)

    response = api.post(
        "/api/records/import/",
        files={"upload": ("game.sgf", b"(;FF[4]SZ[9];B[aa])", "application/x-go-sgf")},
        headers=importer.headers,
    )

    assert response.status_code == 400, response.text
    assert error_messages(response.json())
    assert count_records(api, importer) == count


def test_import_without_token_is_forbidden(api: httpx.Client, importer: User):
    count = count_records(api, importer)

    response = api.post(
        "/api/records/import/", content=b"(;FF[4]SZ[9];B[aa])", headers={"Content-Type": "application/x-go-sgf"}
    )

    assert response.status_code == 403, response.text
    assert set(response.json()) == {"detail"}
    assert count_records(api, importer) == count


def test_list_orders_imported_records_by_date(api: httpx.Client, fresh_user: User):
    """The list runs by `created` first, so an old game imported last comes after a new record."""
    new = api.post("/api/records/", json={"board_size": 9}, headers=fresh_user.headers).json()
    old = import_raw(api, fresh_user, b"(;FF[4]SZ[9]DT[1990-06-01];B[ee])").json()
    older = import_raw(api, fresh_user, b"(;FF[4]SZ[9]DT[1980-06-01];B[ee])").json()

    response = api.get("/api/records/", headers=fresh_user.headers)

    assert response.status_code == 200, response.text
    assert [record["id"] for record in response.json()["results"]] == [new["id"], old["id"], older["id"]]
    assert older["id"] > old["id"] > new["id"]


def test_import_small_game_whole_body(api: httpx.Client, importer: User):
    data = (
        b"(;FF[4]GM[1]CA[UTF-8]SZ[9]GN[Lunch game]GC[Quick one]PB[Ann]PW[Bob]KM[5.5]HA[0]"
        b"RU[Japanese]RE[W+R]DT[2024-05-17];B[ba];W[aa];B[ab];W[];B[tt])"
    )

    response = import_raw(api, importer, data)

    assert response.status_code == 201, response.text
    record = response.json()
    assert isinstance(record["id"], int)
    assert_utc_timestamp(record["created"])
    assert record == {
        "id": record["id"],
        "owner": importer.id,
        "board_size": 9,
        "created": record["created"],
        "name": "Lunch game",
        "black_player": "Ann",
        "white_player": "Bob",
        "comment": "Quick one",
        "handicap": 0,
        "komi": 5.5,
        "ruleset": "JPN",
        "winner": "W",
        "stones": [{"x": 1, "y": 0, "color": "B"}, {"x": 0, "y": 1, "color": "B"}],
        "moves": [
            {"position": {"x": 1, "y": 0}, "color": "B", "captures": []},
            {"position": {"x": 0, "y": 0}, "color": "W", "captures": []},
            {"position": {"x": 0, "y": 1}, "color": "B", "captures": [{"x": 0, "y": 0}]},
            {"position": None, "color": "W", "captures": []},
            {"position": None, "color": "B", "captures": []},
        ],
    }
    assert datetime.datetime.fromisoformat(record["created"]).date() == datetime.date(2024, 5, 17)
