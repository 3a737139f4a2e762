"""SGF download: headers, and the file parsed back with sgfmill."""

import datetime
import re
import urllib.parse

import httpx
import pytest
from sgfmill import sgf

from support import (
    User,
    api_moves,
    create_record,
    get_detail,
    play_sequence,
    sgf_moves,
)

DISPOSITION = re.compile(r'^attachment; filename="(?P<ascii>[^"\\]*)"(?:; filename\*=UTF-8\'\'(?P<utf8>\S+))?$')


def download(api: httpx.Client, user: User, record_id: int) -> httpx.Response:
    response = api.get(f"/api/records/{record_id}/download/", headers=user.headers)
    assert response.status_code == 200, response.text
    return response


def created_date(record: dict) -> datetime.date:
    return datetime.datetime.fromisoformat(record["created"]).astimezone(datetime.UTC).date()


def test_download_content_type(api: httpx.Client, user: User, record: dict):
    response = download(api, user, record["id"])

    assert response.headers["content-type"] == "application/x-go-sgf"


@pytest.mark.parametrize(
    ("fields", "stem"),
    [
        ({}, "Black_vs_White"),
        ({"black_player": "Lee Sedol", "white_player": "Gu Li"}, "Lee_Sedol_vs_Gu_Li"),
        ({"name": "Club final"}, "Club_final"),
        ({"name": "Game", "black_player": "Lee Sedol"}, "Game"),
        ({"name": "Round 2 - Board 5"}, "Round_2_-_Board_5"),
    ],
    ids=["defaults", "players-with-spaces", "name", "name-over-players", "name-with-punctuation"],
)
def test_download_filename_ascii(api: httpx.Client, user: User, fields: dict, stem: str):
    """The file is named after the record's name, else its players, with the creation date in UTC."""
    record = create_record(api, user, **fields)

    response = download(api, user, record["id"])

    date = created_date(record).strftime("%Y_%m_%d")
    assert response.headers["content-disposition"] == f'attachment; filename="{stem}_{date}.sgf"'


@pytest.mark.parametrize(
    ("fields", "stem"),
    [
        ({"name": "名人戦 第一局"}, "名人戦_第一局"),
        ({"black_player": "梶原武雄", "white_player": "趙治勲"}, "梶原武雄_vs_趙治勲"),
        ({"name": "Café Gô"}, "Café_Gô"),
    ],
    ids=["japanese-name", "japanese-players", "accents"],
)
def test_download_filename_non_ascii(api: httpx.Client, user: User, fields: dict, stem: str):
    """A non-ASCII name gets an ASCII stand-in in `filename` and the exact name in `filename*`."""
    record = create_record(api, user, **fields)

    response = download(api, user, record["id"])

    date = created_date(record).strftime("%Y_%m_%d")
    match = DISPOSITION.match(response.headers["content-disposition"])
    assert match, response.headers["content-disposition"]
    assert match["ascii"].isascii()
    assert match["ascii"].endswith(f"_{date}.sgf")
    assert match["utf8"] is not None
    assert urllib.parse.unquote(match["utf8"], errors="strict") == f"{stem}_{date}.sgf"


@pytest.mark.parametrize("name", ['He said "hi"', "back\\slash", "semi;colon", "tab\there"])
def test_download_filename_quotes_safely(api: httpx.Client, user: User, name: str):
    """Characters that would break the quoted filename are replaced, so the header still parses."""
    record = create_record(api, user, name=name)

    response = download(api, user, record["id"])

    match = DISPOSITION.match(response.headers["content-disposition"])
    assert match, response.headers["content-disposition"]
    assert match["ascii"].endswith(f"_{created_date(record).strftime('%Y_%m_%d')}.sgf")
    assert "\t" not in match["ascii"]


def test_download_root_properties(api: httpx.Client, user: User):
    record = create_record(
        api,
        user,
        board_size=13,
        name="Autumn cup",
        comment="Kept by the club.",
        black_player="Sato",
        white_player="Kim",
        handicap=3,
        komi=0.5,
        ruleset="JPN",
    )

    game = sgf.Sgf_game.from_bytes(download(api, user, record["id"]).content)

    root = game.get_root()
    assert root.get("FF") == 4
    assert root.get("GM") == 1
    assert root.get_raw("CA") == b"UTF-8"
    assert game.get_size() == 13
    assert root.get("GN") == "Autumn cup"
    assert root.get("GC") == "Kept by the club."
    assert game.get_player_name("b") == "Sato"
    assert game.get_player_name("w") == "Kim"
    assert game.get_komi() == 0.5
    assert root.get("HA") == 3
    assert root.has_property("RU")
    assert root.get("DT") == created_date(record).isoformat()
    assert not root.has_property("RE")


def test_download_of_defaults_has_no_name_or_comment(api: httpx.Client, user: User, record: dict):
    game = sgf.Sgf_game.from_bytes(download(api, user, record["id"]).content)

    root = game.get_root()
    assert game.get_size() == 19
    assert game.get_player_name("b") == "Black"
    assert game.get_player_name("w") == "White"
    assert game.get_komi() == 7.5
    assert root.get("HA") == 0
    assert not root.has_property("GN")
    assert not root.has_property("GC")
    assert not root.has_property("RE")
    assert sgf_moves(game) == []


@pytest.mark.parametrize("board_size", [9, 13, 19])
def test_download_board_size(api: httpx.Client, user: User, board_size: int):
    record = create_record(api, user, board_size=board_size)
    play_sequence(api, user, record["id"], [(board_size - 1, board_size - 1)])

    game = sgf.Sgf_game.from_bytes(download(api, user, record["id"]).content)

    assert game.get_size() == board_size
    assert game.get_root().get("SZ") == board_size
    assert sgf_moves(game) == [("B", (board_size - 1, board_size - 1))]


@pytest.mark.parametrize("komi", [0.0, -3.5, 100.0, -100.0, 6.5])
def test_download_komi(api: httpx.Client, user: User, komi: float):
    record = create_record(api, user, board_size=9, komi=komi)

    game = sgf.Sgf_game.from_bytes(download(api, user, record["id"]).content)

    assert game.get_komi() == komi


@pytest.mark.parametrize(("winner", "result"), [("B", "B+"), ("W", "W+")])
def test_download_result_when_winner_set(api: httpx.Client, user: User, winner: str, result: str):
    record = create_record(api, user, board_size=9)
    assert api.patch(f"/api/records/{record['id']}/", json={"winner": winner}, headers=user.headers).status_code == 200

    game = sgf.Sgf_game.from_bytes(download(api, user, record["id"]).content)

    assert game.get_root().get("RE") == result
    assert game.get_winner() == winner.lower()


@pytest.mark.parametrize(
    "text",
    ["close ] bracket", "back \\ slash", "both \\] at once", "名人戦", "two\nlines"],
    ids=["bracket", "backslash", "both", "japanese", "newline"],
)
def test_download_escapes_text(api: httpx.Client, user: User, text: str):
    """Name, players and comment come back unchanged through SGF escaping.

    GN, PB and PW are SimpleText in SGF, where a reader turns line breaks into spaces.
    """
    record = create_record(api, user, board_size=9, name=text, comment=text, black_player=text, white_player=text)

    game = sgf.Sgf_game.from_bytes(download(api, user, record["id"]).content)

    root = game.get_root()
    assert root.get("GN") == text.replace("\n", " ")
    assert root.get("GC") == text
    assert root.get("PB") == text.replace("\n", " ")
    assert root.get("PW") == text.replace("\n", " ")


def test_download_moves_in_order_with_passes(api: httpx.Client, user: User):
    record = create_record(api, user, board_size=9)
    play_sequence(api, user, record["id"], [(0, 0), (2, 0), None, (8, 8), (0, 8), None, None])

    game = sgf.Sgf_game.from_bytes(download(api, user, record["id"]).content)

    assert sgf_moves(game) == [
        ("B", (0, 0)),
        ("W", (2, 0)),
        ("B", None),
        ("W", (8, 8)),
        ("B", (0, 8)),
        ("W", None),
        ("B", None),
    ]
    assert sgf_moves(game) == api_moves(get_detail(api, user, record["id"]))


def test_download_point_letters_are_x_then_y(api: httpx.Client, user: User):
    """SGF point letters run x then y from the top left, and a pass is an empty value, not tt."""
    record = create_record(api, user)
    play_sequence(api, user, record["id"], [(2, 0), (0, 3), None, (18, 17)])

    game = sgf.Sgf_game.from_bytes(download(api, user, record["id"]).content)

    nodes = game.get_main_sequence()[1:]
    assert [node.get_raw("B" if index % 2 == 0 else "W") for index, node in enumerate(nodes)] == [
        b"ca",
        b"ad",
        b"",
        b"sr",
    ]


def test_download_with_handicap_starts_with_black_moves(api: httpx.Client, user: User):
    record = create_record(api, user, handicap=2)
    play_sequence(api, user, record["id"], [(3, 3), (15, 15), (15, 3)])

    game = sgf.Sgf_game.from_bytes(download(api, user, record["id"]).content)

    assert game.get_root().get("HA") == 2
    assert sgf_moves(game) == [("B", (3, 3)), ("B", (15, 15)), ("W", (15, 3))]


@pytest.mark.parametrize("ruleset", ["AGA", "JPN", "CHN"])
def test_download_imports_back_to_same_record(api: httpx.Client, user: User, ruleset: str):
    """A downloaded file imports as a record with the same fields and moves."""
    fields = {
        "name": "Round trip",
        "black_player": "Go Seigen",
        "white_player": "Kitani",
        "comment": "A comment ] with \\ escapes",
        "handicap": 0,
        "komi": 4.5,
        "ruleset": ruleset,
    }
    record = create_record(api, user, board_size=13, **fields)
    play_sequence(api, user, record["id"], [(3, 3), (9, 9), (4, 3), None, (9, 3)])
    api.patch(f"/api/records/{record['id']}/", json={"winner": "W"}, headers=user.headers)
    content = download(api, user, record["id"]).content

    response = api.post(
        "/api/records/import/", content=content, headers={**user.headers, "Content-Type": "application/x-go-sgf"}
    )

    assert response.status_code == 201, response.text
    imported = response.json()
    original = get_detail(api, user, record["id"])
    assert imported["id"] != original["id"]
    assert created_date(imported) == created_date(original)
    ignored = {"id", "created"}
    assert {k: v for k, v in imported.items() if k not in ignored} == {
        k: v for k, v in original.items() if k not in ignored
    }
