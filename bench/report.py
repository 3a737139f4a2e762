"""The benchmark's tables: printed to the terminal and written to bench/results.md."""

import dataclasses
import datetime
import statistics

from loadgen import Load, Result


class RunFigures:
    """The figures of several wrk runs of the same request, taken together; a subclass sets results."""

    results: list[Result]

    @property
    def p50_ms(self) -> float:
        return statistics.median(result.p50_ms for result in self.results)

    @property
    def p99_ms(self) -> float:
        return max(result.p99_ms for result in self.results)

    @property
    def non_2xx(self) -> int:
        return sum(result.non_2xx for result in self.results)

    @property
    def first_non_2xx_status(self) -> int:
        return next((result.first_non_2xx_status for result in self.results if result.non_2xx), 0)

    @property
    def socket_errors(self) -> int:
        return sum(result.socket_errors for result in self.results)

    @property
    def errors(self) -> int:
        return self.non_2xx + self.socket_errors


@dataclasses.dataclass(frozen=True)
class Row(RunFigures):
    """The runs of one endpoint on one target, one per round, and each run's ratio to health.

    A run's ratio divides its throughput by the mean of the health runs just before and after
    its round, so a change in the machine's speed between rounds cancels out.
    """

    endpoint: str
    target: str
    load: Load
    results: list[Result]
    ratios: list[float] = dataclasses.field(default_factory=list)

    @property
    def rps(self) -> float:
        duration = sum(result.duration_s for result in self.results)
        return sum(result.requests for result in self.results) / duration if duration else 0.0

    @property
    def ratio(self) -> float | None:
        return statistics.median(self.ratios) if self.ratios else None


@dataclasses.dataclass(frozen=True)
class GrowthRow(RunFigures):
    """The runs of the game detail at one number of moves on one target, one connection each."""

    target: str
    moves: int
    results: list[Result]

    @property
    def rps(self) -> float:
        return statistics.mean(result.rps for result in self.results)

    @property
    def min_ms(self) -> float:
        return min(result.min_ms for result in self.results)


def throughput_table(rows: list[Row]) -> str:
    """Return the main Markdown table: one line per endpoint and target, its runs taken together."""
    lines = [
        "| Endpoint | Target | Runs | req/s | p50 ms (median) | p99 ms (max) | non-2xx | socket errors | / health (median) |",
        "|---|---|---|---:|---:|---:|---:|---:|---:|",
    ]
    for row in rows:
        ratio = "" if row.ratio is None else f"{row.ratio:.2f}"
        runs = f"{len(row.results)} × {row.load.duration:g} s, {row.load.threads} t, {row.load.connections} c"
        lines.append(
            f"| {row.endpoint} | {row.target} | {runs} | {row.rps:,.1f} | {row.p50_ms:.2f} | "
            f"{row.p99_ms:.2f} | {_errors_cell(row)} | {row.socket_errors} | {ratio} |"
        )
    return "\n".join(lines)


def growth_table(rows: list[GrowthRow]) -> str:
    """Return the table of game detail latency against the number of moves, one connection at a time."""
    lines = [
        "| Target | Moves | Runs of 1 connection | req/s (mean) | min ms | p50 ms (median) | p99 ms (max) | errors |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for row in rows:
        lines.append(
            f"| {row.target} | {row.moves} | {len(row.results)} | {row.rps:,.1f} | {row.min_ms:.2f} | "
            f"{row.p50_ms:.2f} | {row.p99_ms:.2f} | {row.errors} |"
        )
    return "\n".join(lines)


def memory_table(containers: list[tuple[str, str, str]]) -> str:
    if not containers:
        return "No container of the stack was found, so no memory figures (servers run outside Docker)."
    lines = ["| Container | Image | Memory (used / limit) |", "|---|---|---|"]
    lines.extend(f"| {name} | {image} | {usage} |" for name, image, usage in containers)
    return "\n".join(lines)


def results_page(*, header: dict[str, str], sections: list[tuple[str, str]]) -> str:
    """Return the whole results.md: the machine and settings, then each titled section."""
    parts = ["# Goban load benchmark results", "", "Written by `make bench` (bench/run.py); rerun it to refresh.", ""]
    parts.extend(f"- {name}: {value}" for name, value in header.items())
    for title, body in sections:
        parts.extend(["", f"## {title}", "", body])
    return "\n".join(parts) + "\n"


def utc_now() -> str:
    return datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC")


def _errors_cell(row: Row) -> str:
    if not row.non_2xx:
        return "0"
    return f"{row.non_2xx} (first: {row.first_non_2xx_status})"
