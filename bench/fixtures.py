"""The benchmark's data, made through the API as a user would: an account and imported games."""

import dataclasses
import secrets
from pathlib import Path

import httpx
from goban_core.rules import IllegalMove, Move, next_color, replay
from goban_core.sgf import export_sgf, import_sgf

SGF_MEDIA_TYPE = "application/x-go-sgf"


@dataclasses.dataclass(frozen=True)
class Account:
    username: str
    password: str
    token: str

    @property
    def headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}"}


def account_create(client: httpx.Client) -> Account:
    """Register a user with a fresh random name and log in; the client's base URL is an API root."""
    username = f"bench-{secrets.token_hex(6)}"
    password = secrets.token_urlsafe(18)
    registered = client.post("register/", json={"username": username, "email": f"{username}@example.com", "password": password})
    _expect(registered, 201, "registering the benchmark user")

    logged_in = client.post("login/", json={"username": username, "password": password})
    _expect(logged_in, 200, "logging in the benchmark user")
    return Account(username=username, password=password, token=logged_in.json())


def game_prefix_sgf(game_file: Path, move_count: int) -> bytes:
    """Return the game's SGF cut after its first move_count moves, with the game's own details."""
    game = import_sgf(game_file.read_bytes())
    if move_count > len(game.moves):
        raise ValueError(f"{game_file.name} has {len(game.moves)} moves, fewer than the {move_count} requested")
    return export_sgf(game.info, game.moves[:move_count]).encode()


def record_import(client: httpx.Client, account: Account, sgf: bytes) -> dict:
    """Import an SGF game as a new record of the account and return the record's detail."""
    response = client.post(
        "records/import/",
        content=sgf,
        headers={**account.headers, "Content-Type": SGF_MEDIA_TYPE},
    )
    _expect(response, 201, "importing a game")
    return response.json()


def record_delete(client: httpx.Client, account: Account, record_id: int) -> None:
    response = client.delete(f"records/{record_id}/", headers=account.headers)
    _expect(response, 204, f"deleting record {record_id}")


def free_point(detail: dict) -> tuple[int, int]:
    """Return a point where the player to move may play on the record without capturing anything.

    Such a move is undone by removing the one stone, so play and undo leave the record as it was.
    """
    size = detail["board_size"]
    moves = [_core_move(move) for move in detail["moves"]]
    color = next_color(detail["handicap"], moves)
    # Records of the original servers may hold ko recaptures, so replay them without the ko check.
    occupied = {(x, y) for x, y, _ in replay(size, moves, check_ko=False).stones()}
    for y in range(size):
        for x in range(size):
            if (x, y) in occupied:
                continue
            try:
                captured = replay(size, moves, check_ko=False).play(Move((x, y), color))
            except IllegalMove:
                continue
            if not captured:
                return x, y
    raise ValueError(f"record {detail['id']} has no free point for {color}")


def _core_move(move: dict) -> Move:
    position = move["position"]
    return Move(None if position is None else (position["x"], position["y"]), move["color"])


def _expect(response: httpx.Response, status: int, action: str) -> None:
    if response.status_code != status:
        raise RuntimeError(
            f"{action} failed: {response.request.method} {response.request.url} returned "
            f"{response.status_code} instead of {status}: {response.text[:300]}"
        )
