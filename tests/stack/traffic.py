"""A bounded load of reads and writes through nginx, with every outcome kept.

Each thread plays games as its own user: it creates a 9x9 record, plays two
moves, reads the record back and lists its records, then pauses briefly. A
request fails when it raises, returns a status other than the expected one, or
when the record read back does not hold exactly the two moves played (a POST
applied twice would show up there).
"""

import threading
import time
from dataclasses import dataclass, field

import httpx

from stack import User, client

PAUSE_SECONDS = 0.02
MOVES = [(2, 2), (6, 6)]


@dataclass
class Outcome:
    started: float
    method: str
    path: str
    status: int | None
    server: str | None
    error: str = ""


@dataclass
class Traffic:
    users: list[User]
    outcomes: list[Outcome] = field(default_factory=list)
    failures: list[Outcome] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._threads = [threading.Thread(target=self._play, args=(user,), daemon=True) for user in self.users]

    def __enter__(self) -> "Traffic":
        for thread in self._threads:
            thread.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self._stop.set()
        for thread in self._threads:
            thread.join(timeout=60)

    def failure_report(self) -> str:
        """Return one line per failed request, for an assertion message."""
        with self._lock:
            lines = [
                f"{outcome.method} {outcome.path}: {outcome.status or 'no response'} {outcome.error[:120]!r}"
                for outcome in self.failures
            ]
        return f"{len(lines)} of {len(self.outcomes)} requests failed:\n" + "\n".join(lines)

    def servers_since(self, moment: float) -> set[str]:
        """Return the servers that served requests sent at or after moment (time.monotonic())."""
        with self._lock:
            return {outcome.server for outcome in self.outcomes if outcome.started >= moment and outcome.server}

    def requests_since(self, moment: float) -> int:
        with self._lock:
            return sum(1 for outcome in self.outcomes if outcome.started >= moment)

    def _play(self, user: User) -> None:
        with client(headers=user.headers) as http:
            while not self._stop.is_set():
                self._play_one_game(http)
                time.sleep(PAUSE_SECONDS)

    def _play_one_game(self, http: httpx.Client) -> None:
        created = self._send(http, "POST", "/api/records/", 201, json={"board_size": 9})
        if created is None:
            return
        record = f"/api/records/{created.json()['id']}/"
        for x, y in MOVES:
            if self._send(http, "POST", f"{record}play/", 201, json={"x": x, "y": y}) is None:
                return
        detail = self._send(http, "GET", record, 200)
        if detail is not None:
            self._check_moves(detail)
        self._send(http, "GET", "/api/records/?page_size=5", 200)

    def _send(self, http: httpx.Client, method: str, path: str, expected: int, **options) -> httpx.Response | None:
        """Send one request, keep its outcome and return the response when it has the expected status."""
        started = time.monotonic()
        try:
            response = http.request(method, path, **options)
        except httpx.HTTPError as error:
            self._keep(Outcome(started, method, path, None, None, repr(error)), failed=True)
            return None
        outcome = Outcome(started, method, path, response.status_code, response.headers.get("X-Goban-Server"))
        if response.status_code != expected:
            outcome.error = response.text[:200]
            self._keep(outcome, failed=True)
            return None
        self._keep(outcome, failed=False)
        return response

    def _check_moves(self, detail: httpx.Response) -> None:
        moves = [(move["position"]["x"], move["position"]["y"]) for move in detail.json()["moves"]]
        if moves != MOVES:
            outcome = Outcome(time.monotonic(), "GET", str(detail.url), detail.status_code, None, f"moves {moves}")
            self._keep(outcome, failed=True)

    def _keep(self, outcome: Outcome, *, failed: bool) -> None:
        with self._lock:
            self.outcomes.append(outcome)
            if failed:
                self.failures.append(outcome)
