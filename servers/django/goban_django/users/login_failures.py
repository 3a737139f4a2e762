"""A log line when one username collects many failed logins in a short time."""

import logging
import threading
import time
from collections import defaultdict, deque

logger = logging.getLogger(__name__)

BURST_SIZE = 5
BURST_WINDOW_SECONDS = 60.0

_lock = threading.Lock()
_failures: defaultdict[str, deque[float]] = defaultdict(deque)


def login_failure_record(username: str, *, now: float | None = None) -> None:
    """Count a failed login and log one warning each time a username reaches BURST_SIZE in the window.

    NOTE: counts live in each gunicorn worker, so a burst spread over several workers or over
    both servers is logged later or not at all.
    """
    if now is None:
        now = time.monotonic()
    with _lock:
        _failures[username].append(now)
        burst = len(_failures[username]) >= BURST_SIZE
        if burst:
            _failures[username].clear()
        _forget_before(now - BURST_WINDOW_SECONDS)

    if burst:
        logger.warning(
            "%d failed logins for username %r within %d s", BURST_SIZE, username[:150], BURST_WINDOW_SECONDS
        )


def _forget_before(cutoff: float) -> None:
    # Every name is pruned, not only the current one, so names tried once do not pile up.
    for name in list(_failures):
        times = _failures[name]
        while times and times[0] <= cutoff:
            times.popleft()
        if not times:
            del _failures[name]
