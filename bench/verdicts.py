"""The benchmark's targets, checked against the runs: no errors, a fast enough game detail, linear cost."""

from report import GrowthRow, Row

# The game detail must reach this share of the same target's /api/health/ throughput.
MIN_DETAIL_RATIO = 0.5
# The cost per move from 100 moves to the whole game may exceed the cost per move up to 100 by
# this factor, plus NOISE_MS spread over the longer stretch, and still count as linear.
LINEAR_TOLERANCE = 1.5
# The fastest requests of two runs of the same cached request differed by up to about 1 ms on a
# busy 2-core machine. A cost that grows with the square of the moves still fails with it: a
# replay costing 4 ms at 308 moves would cost 17 µs per move on the last stretch against 11 µs
# allowed.
NOISE_MS = 1.0


def verdicts_check(rows: list[Row], growth: list[GrowthRow]) -> tuple[list[str], list[str]]:
    """Return (failures, notes): one note per target check, and the notes of the checks that failed."""
    notes: list[str] = []
    failures: list[str] = []

    def record(passed: bool, text: str) -> None:
        notes.append(("PASS: " if passed else "FAIL: ") + text)
        if not passed:
            failures.append(text)

    runs = [(f"{row.endpoint} on {row.target}", result) for row in rows for result in row.results]
    runs += [
        (f"game detail ({row.moves} moves, one connection) on {row.target}", result)
        for row in growth
        for result in row.results
    ]
    with_errors = [(name, result) for name, result in runs if result.errors]
    for name, result in with_errors:
        record(False, f"{name}: {result.non_2xx} non-2xx responses and {result.socket_errors} socket errors")
    if not with_errors:
        record(True, f"no errors in any of the {len(runs)} runs")

    for row in rows:
        if row.endpoint.startswith("GET records/{id}/") and row.ratio is not None:
            record(
                row.ratio >= MIN_DETAIL_RATIO,
                f"{row.endpoint} on {row.target} at {row.ratio:.2f} of health, median of "
                f"{', '.join(f'{ratio:.2f}' for ratio in row.ratios)} (target {MIN_DETAIL_RATIO:.2f})",
            )

    for target in dict.fromkeys(row.target for row in growth):
        target_rows = [row for row in growth if row.target == target]
        if any(row.errors for row in target_rows):
            record(False, f"game detail on {target}: no cost growth figures, because some of its runs had errors")
            continue
        record(*_linearity(target, sorted((row.moves, row.min_ms) for row in target_rows)))
    return failures, notes


def _linearity(target: str, points: list[tuple[int, float]]) -> tuple[bool, str]:
    """Compare the cost per move of the first and the last stretch of moves, from the fastest requests.

    The fastest request of each size is the one least delayed by other processes on the machine,
    so it shows the cost of the request itself best.
    """
    (moves_0, latency_0), (moves_1, latency_1) = points[0], points[1]
    moves_n, latency_n = points[-1]
    first = (latency_1 - latency_0) / (moves_1 - moves_0) * 1000
    last = (latency_n - latency_1) / (moves_n - moves_1) * 1000
    allowed = max(first, 0.0) * LINEAR_TOLERANCE + NOISE_MS / (moves_n - moves_1) * 1000
    text = (
        f"game detail on {target}: fastest request {latency_0:.2f} ms at {moves_0} moves, {latency_1:.2f} ms at {moves_1}, "
        f"{latency_n:.2f} ms at {moves_n}; {first:.1f} µs per move up to {moves_1}, {last:.1f} µs per move after "
        f"(linear when at most {allowed:.1f})"
    )
    return last <= allowed, text
