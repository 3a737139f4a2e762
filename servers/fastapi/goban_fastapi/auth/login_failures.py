"""One warning in the log when a username collects a burst of failed logins."""

import logging
import threading
import time
from collections import deque

logger = logging.getLogger(__name__)

BURST_SIZE = 5
BURST_WINDOW_SECONDS = 60.0

_lock = threading.Lock()
_failure_times: dict[str, deque[float]] = {}


def login_failure_record(username: str, *, now: float | None = None) -> None:
    """Count a failed login; log a warning each time username reaches BURST_SIZE failures in the window.

    NOTE: each worker process counts on its own, so a burst spread over workers or over both
    servers is logged late or not at all.
    """
    now = time.monotonic() if now is None else now
    with _lock:
        times = _failure_times.setdefault(username, deque())
        times.append(now)
        burst = len(times) >= BURST_SIZE
        if burst:
            times.clear()
        _expire(now - BURST_WINDOW_SECONDS)

    if burst:
        logger.warning("%d failed logins for username %r within %d s", BURST_SIZE, username[:150], BURST_WINDOW_SECONDS)


def _expire(cutoff: float) -> None:
    # Every username is checked, so names tried once do not accumulate.
    for username in list(_failure_times):
        times = _failure_times[username]
        while times and times[0] <= cutoff:
            times.popleft()
        if not times:
            del _failure_times[username]
