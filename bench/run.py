"""Load benchmarks of the Goban API with wrk, run on this machine against 127.0.0.1 only.

    .venv/bin/python bench/run.py [--targets NAME=URL,...] [--duration 5] [--connections 16]

Each target is an API root: by default nginx's round robin (/api/) and each server pinned
through nginx (/django/api/, /fastapi/api/) on https://127.0.0.1. The script registers a user,
imports a real game, runs wrk against health, the game detail, the record list, play + undo and
login, measures the game detail at several lengths, and writes bench/results.md. It exits 1 when
a run had errors, when the game detail stays under half the health throughput, or when the
detail's cost grows faster than the number of moves.
"""

import argparse
import json
import os
import ssl
import statistics
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit

import httpx
from fixtures import Account, account_create, free_point, game_prefix_sgf, record_delete, record_import
from goban_core.sgf import import_sgf
from loadgen import Load, Result, wrk_path, wrk_run
from report import GrowthRow, Row, growth_table, memory_table, results_page, throughput_table, utc_now
from verdicts import verdicts_check

BENCH_DIR = Path(__file__).resolve().parent
ROOT = BENCH_DIR.parent
DEFAULT_TARGETS = "nginx=https://127.0.0.1/api,django=https://127.0.0.1/django/api,fastapi=https://127.0.0.1/fastapi/api"
DEFAULT_GAME = "19x19-kgs-2005-aya-gnugo-many-captures-passes.sgf"
# nginx's certificate: make up writes it to the checkout's tls/, make deploy with the
# default inventory to the server's shared folder.
TLS_DIRS = (ROOT / "tls", Path("/srv/goban/shared/tls"))
GROWTH_MOVES = (0, 100)  # plus the whole game
# Each login hashes the password with 1,000,000 PBKDF2 rounds (0.2 s of CPU with hashlib on a
# 2-core AMD EPYC test machine), so few connections and a long timeout keep the run from
# measuring only its own queue.
LOGIN_LOAD = Load(duration=10, threads=2, connections=4, timeout=30)
GROWTH_LOAD = Load(duration=2, threads=1, connections=1)
# Rounds over all sizes in turn, so a change in the machine's load hits every size alike.
GROWTH_ROUNDS = 3
WARM_UP_LOAD = Load(duration=2)


def main() -> int:
    options = _options()
    targets = dict(pair.split("=", 1) for pair in options.targets.split(","))
    load = Load(duration=options.duration, threads=options.threads, connections=options.connections)
    game_file = Path(options.games_dir) / options.game
    if not game_file.is_file():
        print(
            f"bench: error: game record not found: {game_file}; set GAMES_DIR (make bench) or "
            "GOBAN_GAMES_DIR (bench/run.py) to the folder of the real games, or use --games-dir",
            file=sys.stderr,
        )
        return 2
    wrk_path()

    load_before = os.getloadavg()
    first_url = next(iter(targets.values()))
    tls_dir = Path(options.tls_dir) if options.tls_dir else _served_tls_dir(first_url)
    verify = _tls_context(tls_dir / "fullchain.pem")
    clients = {name: httpx.Client(base_url=url.rstrip("/") + "/", verify=verify, timeout=60) for name, url in targets.items()}
    first = next(iter(clients.values()))
    try:
        servers = {name: _health_server(client) for name, client in clients.items()}
    except httpx.ConnectError as error:
        if "CERTIFICATE_VERIFY_FAILED" not in str(error):
            raise
        print(
            f"bench: error: the certificate of {first_url} is not trusted ({error}); set "
            "GOBAN_TLS_DIR or --tls-dir to the folder of the fullchain.pem that nginx serves",
            file=sys.stderr,
        )
        return 2

    account = account_create(first)
    created: list[int] = []
    try:
        rows, growth = _runs(clients, targets, account, game_file, load, options.rounds, options.play_connections, created)
    finally:
        _records_delete(first, account, created)

    containers = _container_memory(options.compose_project)
    sections = [
        ("Throughput", throughput_table(rows)),
        ("Game detail against the number of moves", growth_table(growth)),
        ("Container memory after the runs", memory_table(containers)),
    ]
    failures, notes = verdicts_check(rows, growth)
    sections.append(("Targets", "\n".join(f"- {line}" for line in notes)))
    header = _header(targets, servers, game_file, load, options.rounds)
    header["Load average (1, 5, 15 min)"] = f"{_loadavg(load_before)} before the runs, {_loadavg(os.getloadavg())} after"

    page = results_page(header=header, sections=sections)
    print(page)
    Path(options.output).write_text(page)
    print(f"bench: wrote {options.output}")
    return 1 if failures else 0


def _runs(clients, targets, account: Account, game_file: Path, load: Load, rounds: int, play_connections: int, created: list[int]):
    first = next(iter(clients.values()))
    game_length = len(import_sgf(game_file.read_bytes()).moves)
    lengths = [*GROWTH_MOVES, game_length]
    details = {}
    for moves in lengths:
        details[moves] = record_import(first, account, game_prefix_sgf(game_file, moves))
        created.append(details[moves]["id"])
    game = details[game_length]
    point = free_point(game)

    rows: list[Row] = []
    for name, url in targets.items():
        rows += _target_rows(first, account, game_file, name, url.rstrip("/"), game, point, load, rounds, play_connections)

    token = {"GOBAN_BENCH_TOKEN": account.token}
    growth: list[GrowthRow] = []
    for name, url in targets.items():
        results: dict[int, list[Result]] = {moves: [] for moves in lengths}
        for _ in range(GROWTH_ROUNDS):
            for moves in lengths:
                detail_url = f"{url.rstrip('/')}/records/{details[moves]['id']}/"
                results[moves].append(wrk_run(detail_url, GROWTH_LOAD, environment=token))
        growth += [GrowthRow(name, moves, runs) for moves, runs in results.items()]
    return rows, growth


def _target_rows(client, account, game_file, name, root, game, point, load, rounds, play_connections) -> list[Row]:
    """Run every endpoint against one target in rounds, with health before each round and after the last.

    The machine's speed can change by half within seconds when other work shares it, so each
    endpoint is measured several times, each time beside health runs, rather than once.
    """
    token = {"GOBAN_BENCH_TOKEN": account.token}
    detail_url = f"{root}/records/{game['id']}/"
    print(f"bench: {name}: warming up", flush=True)
    wrk_run(detail_url, WARM_UP_LOAD, environment=token)

    health = [wrk_run(f"{root}/health/", load)]
    runs: dict[str, list[Result]] = {"detail": [], "list": [], "play": []}
    for _ in range(rounds):
        runs["detail"].append(wrk_run(detail_url, load, environment=token))
        runs["list"].append(wrk_run(f"{root}/records/", load, environment=token))
        play_undo_load, play_undo = _play_undo_run(client, account, game_file, root, load, play_connections, point)
        runs["play"].append(play_undo)
        health.append(wrk_run(f"{root}/health/", load))
    login_body = json.dumps({"username": account.username, "password": account.password})
    login = wrk_run(f"{root}/login/", LOGIN_LOAD, environment={"GOBAN_BENCH_METHOD": "POST", "GOBAN_BENCH_BODY": login_body})

    # Health around round r: the runs r and r + 1.
    around = [(before.rps + after.rps) / 2 for before, after in zip(health, health[1:])]

    def ratios(results: list[Result]) -> list[float]:
        return [result.rps / health_rps for result, health_rps in zip(results, around, strict=True) if health_rps]

    rows = [
        Row("GET health/", name, load, health),
        Row(f"GET records/{{id}}/ ({len(game['moves'])} moves)", name, load, runs["detail"], ratios(runs["detail"])),
        Row("GET records/", name, load, runs["list"], ratios(runs["list"])),
        Row("POST play/ + undo/", name, play_undo_load, runs["play"], ratios(runs["play"])),
        # Login is too slow to take turns with the others, so its ratio uses the mean of every health run.
        Row("POST login/", name, LOGIN_LOAD, [login], [login.rps / statistics.mean(around)]),
    ]
    print(f"bench: {name}: game detail at {rows[1].ratio:.2f} of health (rounds: "
          f"{', '.join(f'{ratio:.2f}' for ratio in rows[1].ratios)})", flush=True)
    return rows


def _play_undo_run(client, account, game_file, root, load, connections, point) -> tuple[Load, Result]:
    """Run play + undo with one connection per thread, each on a fresh copy of the game, then delete the copies."""
    sgf = game_file.read_bytes()
    record_ids = [record_import(client, account, sgf)["id"] for _ in range(connections)]
    play_load = Load(duration=load.duration, threads=connections, connections=connections, timeout=load.timeout)
    environment = {
        "GOBAN_BENCH_TOKEN": account.token,
        "GOBAN_BENCH_RECORDS": ",".join(str(record_id) for record_id in record_ids),
        "GOBAN_BENCH_PLAY_BODY": json.dumps({"x": point[0], "y": point[1]}),
    }
    try:
        result = wrk_run(root, play_load, script="play_undo.lua", environment=environment)
    finally:
        # wrk stops with requests still in flight. Deleting a record while a play on it is still
        # being written can fail, so the servers get a moment to finish them.
        time.sleep(1)
        _records_delete(client, account, record_ids)
    return play_load, result


def _records_delete(client: httpx.Client, account: Account, record_ids: list[int]) -> None:
    """Delete the benchmark's records, warning about each one that cannot be deleted."""
    for record_id in record_ids:
        try:
            record_delete(client, account, record_id)
        except (httpx.HTTPError, RuntimeError) as error:
            print(f"bench: warning: record {record_id} of user {account.username} stays: {error}", file=sys.stderr)


def _health_server(client: httpx.Client) -> str:
    """Check that the target passes its health check and return the servers named in X-Goban-Server.

    Two requests, so that nginx's round robin shows both of its servers.
    """
    servers = []
    for _ in range(2):
        response = client.get("health/")
        if response.status_code != 200:
            raise RuntimeError(f"health check failed: {response.url} returned {response.status_code}: {response.text[:200]}")
        servers.append(response.headers.get("X-Goban-Server", "?"))
    return ", ".join(sorted(set(servers)))


def _served_tls_dir(url: str) -> Path:
    """Return the folder of TLS_DIRS whose fullchain.pem starts with the certificate served at url.

    Return the first folder when none matches or the connection fails, so the error comes from the
    health check that follows.
    """
    parts = urlsplit(url)
    if parts.scheme != "https":
        return TLS_DIRS[0]
    try:
        served = ssl.PEM_cert_to_DER_cert(ssl.get_server_certificate((parts.hostname, parts.port or 443), timeout=10))
    except OSError:
        return TLS_DIRS[0]

    end = "-----END CERTIFICATE-----"
    for folder in TLS_DIRS:
        chain = folder / "fullchain.pem"
        text = chain.read_text() if chain.is_file() else ""
        if end not in text:
            continue
        leaf = text.split(end, 1)[0].strip() + "\n" + end
        if ssl.PEM_cert_to_DER_cert(leaf) == served:
            return folder
    return TLS_DIRS[0]


def _tls_context(certificate: Path) -> ssl.SSLContext:
    """Trust the system's authorities plus the stack's self-signed certificate when there is one."""
    context = ssl.create_default_context()
    if certificate.is_file():
        context.load_verify_locations(cafile=certificate)
    return context


def _container_memory(project: str) -> list[tuple[str, str, str]]:
    """Return (name, image, memory used / limit) of each running container of the Compose project.

    Return an empty list when Docker cannot be asked, as when the servers run outside Docker.
    """
    label = f"label=com.docker.compose.project={project}"
    try:
        listing = _docker_output("ps", "--filter", label, "--format", "{{.ID}}\t{{.Names}}\t{{.Image}}")
        containers = [line.split("\t") for line in listing.splitlines() if line.count("\t") == 2]
        if not containers:
            return []
        stats = _docker_output("stats", "--no-stream", "--format", "{{.Name}}\t{{.MemUsage}}", *(row[0] for row in containers))
    except (OSError, subprocess.CalledProcessError) as error:
        print(f"bench: warning: no container memory figures: {error}", file=sys.stderr)
        return []

    image_of = {name: image for _, name, image in containers}
    rows = [line.split("\t", 1) for line in stats.splitlines() if "\t" in line]
    return sorted((name, image_of.get(name, "unknown"), usage) for name, usage in rows)


def _docker_output(*arguments: str) -> str:
    return subprocess.run(["docker", *arguments], capture_output=True, text=True, check=True).stdout


def _header(targets, servers, game_file: Path, load: Load, rounds: int) -> dict[str, str]:
    wrk_version = subprocess.run([wrk_path(), "-v"], capture_output=True, text=True).stdout.splitlines()[0]
    # "-dirty" marks a checkout with uncommitted changes, whose figures no commit can reproduce.
    describe = ["git", "-C", str(ROOT), "describe", "--always", "--dirty", "--exclude=*"]
    commit = subprocess.run(describe, capture_output=True, text=True).stdout.strip()
    return {
        "Date": utc_now(),
        "Cores (nproc)": str(len(os.sched_getaffinity(0))),
        "CPU": _cpu_model(),
        "Commit": commit or "unknown",
        "Load generator": f"{wrk_version.split(' [')[0]}, on the same machine as the stack",
        "Default load": f"{load.duration:g} s per run, {load.threads} threads, {load.connections} connections; "
        f"{rounds} rounds of detail, list and play + undo, with health before each round and after the last",
        "Targets": ", ".join(f"{name} = {url} (X-Goban-Server: {servers[name]})" for name, url in targets.items()),
        "Game": f"{game_file.name}",
    }


def _loadavg(values: tuple[float, float, float]) -> str:
    return " ".join(f"{value:.2f}" for value in values)


def _cpu_model() -> str:
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            return line.split(":", 1)[1].strip()
    return "unknown"


def _options() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--targets", default=os.environ.get("GOBAN_BENCH_TARGETS", DEFAULT_TARGETS),
                        help="comma-separated NAME=URL pairs, each URL an API root (env GOBAN_BENCH_TARGETS)")
    parser.add_argument("--duration", type=float, default=2.0, help="seconds per wrk run (default 2)")
    parser.add_argument("--rounds", type=int, default=5, help="rounds of runs per target (default 5)")
    parser.add_argument("--threads", type=int, default=2, help="wrk threads per run (default 2)")
    parser.add_argument("--connections", type=int, default=16, help="wrk connections per run (default 16)")
    parser.add_argument("--play-connections", type=int, default=16,
                        help="connections of the play + undo run, one thread and one record each (default 16)")
    parser.add_argument("--games-dir", default=os.environ.get("GOBAN_GAMES_DIR", ROOT.parent / "shared" / "games"),
                        help="folder of the real game records (env GOBAN_GAMES_DIR)")
    parser.add_argument("--game", default=DEFAULT_GAME, help=f"SGF file of the long game (default {DEFAULT_GAME})")
    parser.add_argument("--tls-dir", default=os.environ.get("GOBAN_TLS_DIR"),
                        help="folder of nginx's certificate, trusted when self-signed (env GOBAN_TLS_DIR; default: "
                             "whichever of tls/ and /srv/goban/shared/tls contains the certificate served)")
    parser.add_argument("--compose-project", default=os.environ.get("COMPOSE_PROJECT_NAME", "goban"),
                        help="Compose project whose containers' memory is reported (default goban)")
    parser.add_argument("--output", default=BENCH_DIR / "results.md", help="Markdown file to write (default bench/results.md)")
    return parser.parse_args()


if __name__ == "__main__":
    sys.exit(main())
