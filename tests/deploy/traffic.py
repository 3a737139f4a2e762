"""Bounded read and write traffic through nginx while a rollout runs.

Each worker thread logs in as its own user and repeats a cycle of requests:
create a 9x9 record, play moves, read the record and the list, change the
comment. Every request must get the status the API promises; anything else,
a 5xx or a failed connection included, is recorded as a failure. Workers
stop when asked, after max_requests each, or after max_seconds."""

import threading
import time
from collections import Counter
from dataclasses import dataclass, field

import httpx

from rollout import new_client, register

# Black fills the top row and White the bottom row of a 9x9 board, so every
# move is legal and nothing is captured: 18 moves per record.
MOVES_PER_RECORD = 18


@dataclass
class TrafficReport:
    requests: int = 0
    failures: list[str] = field(default_factory=list)
    servers: Counter = field(default_factory=Counter)


class Traffic:
    """Worker threads sending API requests until stopped or out of budget."""

    def __init__(self, base_url: str, *, workers: int = 4, max_requests: int = 20000, max_seconds: float = 1200) -> None:
        self.base_url = base_url
        self.max_requests = max_requests
        self.deadline = time.monotonic() + max_seconds
        self.stop_event = threading.Event()
        self.lock = threading.Lock()
        self.report = TrafficReport()
        self.threads = [threading.Thread(target=self._work, name=f"traffic-{n}", daemon=True) for n in range(workers)]

    def __enter__(self) -> "Traffic":
        for thread in self.threads:
            thread.start()
        return self

    def __exit__(self, *exc_info) -> None:
        self.stop()

    def stop(self) -> TrafficReport:
        """Ask the workers to stop, wait for them and return what they saw."""
        self.stop_event.set()
        for thread in self.threads:
            thread.join(timeout=60)
        return self.report

    def wait_for_requests(self, count: int, timeout: float = 60) -> None:
        """Block until the workers have sent count requests in total."""
        deadline = time.monotonic() + timeout
        while self.report.requests < count:
            assert time.monotonic() < deadline, f"only {self.report.requests} requests in {timeout} s"
            assert not self.report.failures, self.report.failures
            time.sleep(0.1)

    def _running(self, sent: int) -> bool:
        return not self.stop_event.is_set() and sent < self.max_requests and time.monotonic() < self.deadline

    def _work(self) -> None:
        with new_client(self.base_url) as client:
            try:
                client.headers["Authorization"] = f"Bearer {register(client)}"
            except (AssertionError, httpx.HTTPError) as error:
                self._fail(f"logging in failed: {error!r}")
                return
            sent = 0
            record_id, moves = None, MOVES_PER_RECORD
            while self._running(sent):
                if moves == MOVES_PER_RECORD:
                    body = self._send(client, "POST", "/api/records/", 201, json={"board_size": 9, "comment": "load"})
                    record_id, moves = (body or {}).get("id"), 0
                    sent += 1
                    if record_id is None:
                        moves = MOVES_PER_RECORD
                        continue
                x, y = moves // 2, 0 if moves % 2 == 0 else 8
                self._send(client, "POST", f"/api/records/{record_id}/play/", 201, json={"x": x, "y": y})
                self._send(client, "GET", f"/api/records/{record_id}/", 200)
                self._send(client, "GET", "/api/records/?page_size=5", 200)
                self._send(client, "PATCH", f"/api/records/{record_id}/", 200, json={"comment": f"after move {moves + 1}"})
                sent += 4
                moves += 1

    def _send(self, client: httpx.Client, method: str, path: str, expected: int, **kwargs) -> dict | None:
        try:
            response = client.request(method, path, **kwargs)
        except httpx.HTTPError as error:
            self._fail(f"{method} {path}: {error!r}")
            return None
        with self.lock:
            self.report.requests += 1
            self.report.servers[response.headers.get("x-goban-server", "none")] += 1
        if response.status_code != expected:
            self._fail(f"{method} {path}: {response.status_code} {response.text[:200]}")
            return None
        return response.json()

    def _fail(self, message: str) -> None:
        with self.lock:
            self.report.requests += 1
            self.report.failures.append(f"{time.strftime('%H:%M:%S')} {message}")
