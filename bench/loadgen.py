"""Bounded wrk runs with the Lua scripts of bench/wrk, and their figures read back as JSON."""

import dataclasses
import json
import os
import shutil
import subprocess
from pathlib import Path

LUA_DIR = Path(__file__).resolve().parent / "wrk"
RESULT_MARKER = "GOBAN_BENCH_RESULT "


@dataclasses.dataclass(frozen=True)
class Load:
    """The settings of one wrk run: seconds, threads, connections and the timeout of each request in seconds."""

    duration: float = 5.0
    threads: int = 2
    connections: int = 16
    timeout: float = 10.0


@dataclasses.dataclass(frozen=True)
class Result:
    requests: int
    duration_s: float
    non_2xx: int
    first_non_2xx_status: int
    socket_errors: int
    min_ms: float
    p50_ms: float
    p90_ms: float
    p99_ms: float
    mean_ms: float

    @property
    def rps(self) -> float:
        return self.requests / self.duration_s if self.duration_s else 0.0

    @property
    def errors(self) -> int:
        return self.non_2xx + self.socket_errors


def wrk_path() -> str:
    """Return the wrk executable, installing Debian's package when it is missing."""
    found = shutil.which("wrk")
    if found:
        return found
    print("bench: wrk is missing; installing it from Debian's archive", flush=True)
    environment = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    subprocess.run(["apt-get", "update", "-qq"], check=True, env=environment)
    subprocess.run(["apt-get", "install", "-y", "-qq", "wrk"], check=True, env=environment)
    found = shutil.which("wrk")
    if not found:
        raise RuntimeError("wrk is still not on PATH after apt-get install wrk")
    return found


def wrk_run(url: str, load: Load, *, script: str = "request.lua", environment: dict[str, str] | None = None) -> Result:
    """Run wrk once against url with one of the Lua scripts and return what its done() printed."""
    command = [
        wrk_path(),
        f"--threads={load.threads}",
        f"--connections={load.connections}",
        f"--duration={load.duration:g}s",
        f"--timeout={load.timeout:g}s",
        f"--script={LUA_DIR / script}",
        url,
    ]
    completed = subprocess.run(
        command,
        env={**os.environ, "GOBAN_BENCH_LUA_DIR": str(LUA_DIR), **(environment or {})},
        capture_output=True,
        text=True,
        timeout=load.duration + load.timeout + 60,
    )
    if completed.returncode != 0:
        raise RuntimeError(f"wrk failed with status {completed.returncode} on {url}: {completed.stderr.strip()}")
    return _result_parse(completed.stdout, url)


def _result_parse(output: str, url: str) -> Result:
    lines = [line for line in output.splitlines() if line.startswith(RESULT_MARKER)]
    if not lines:
        raise RuntimeError(f"wrk printed no {RESULT_MARKER.strip()} line for {url}; its output was:\n{output}")
    data = json.loads(lines[-1].removeprefix(RESULT_MARKER))
    latency = data["latency_us"]
    return Result(
        requests=data["requests"],
        duration_s=data["duration_us"] / 1e6,
        non_2xx=data["non_2xx"],
        first_non_2xx_status=data["first_non_2xx_status"],
        socket_errors=data["connect_errors"] + data["read_errors"] + data["write_errors"] + data["timeouts"],
        min_ms=latency["min"] / 1000,
        p50_ms=latency["p50"] / 1000,
        p90_ms=latency["p90"] / 1000,
        p99_ms=latency["p99"] / 1000,
        mean_ms=latency["mean"] / 1000,
    )
