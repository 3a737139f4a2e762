"""Control of the running production stack: its URLs, its containers and its users.

The tests talk to the stack only through nginx on 127.0.0.1 and drive the
containers with the docker CLI, as a person on call would.
"""

import json
import os
import subprocess
import time
import uuid
from dataclasses import dataclass
from pathlib import Path

import httpx

REPOSITORY_ROOT = Path(__file__).resolve().parents[2]
COMPOSE_FILE = REPOSITORY_ROOT / "compose.prod.yml"
HTTPS_URL = os.environ.get("GOBAN_STACK_URL", "https://127.0.0.1").rstrip("/")
HTTP_URL = os.environ.get("GOBAN_STACK_HTTP_URL", "http://127.0.0.1").rstrip("/")
SERVERS = ("django", "fastapi")
# Compose takes the project name from this variable before the file's own `name: goban`.
PROJECT = os.environ.get("COMPOSE_PROJECT_NAME", "goban")


def client(**options) -> httpx.Client:
    """Return a client for nginx that accepts its self-signed certificate."""
    options.setdefault("timeout", 30)
    return httpx.Client(base_url=HTTPS_URL, verify=False, **options)


def compose(*args: str, timeout: float = 300) -> str:
    """Run `docker compose` on compose.prod.yml and return its standard output."""
    command = ["docker", "compose", "-f", str(COMPOSE_FILE), *args]
    result = subprocess.run(command, cwd=REPOSITORY_ROOT, capture_output=True, text=True, timeout=timeout)
    if result.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} failed with exit status {result.returncode}:\n{result.stderr}")
    return result.stdout


def drain(service: str) -> None:
    """Take a server out of nginx's rotation, as deploy/server-drain.sh does before a stop."""
    subprocess.run([str(REPOSITORY_ROOT / "deploy" / "server-drain.sh"), service], check=True, timeout=60)


def container_id(service: str) -> str:
    """Return the id of the service's container, or "" when it has none."""
    return compose("ps", "--all", "--quiet", service).strip()


def inspect(service: str) -> dict:
    """Return `docker inspect` of the service's container."""
    output = subprocess.run(
        ["docker", "inspect", container_id(service)], capture_output=True, text=True, check=True
    ).stdout
    return json.loads(output)[0]


def wait_healthy(service: str, timeout: float = 90) -> None:
    """Wait until the service's container reports healthy."""
    deadline = time.monotonic() + timeout
    status = "no container"
    while time.monotonic() < deadline:
        if container_id(service):
            state = inspect(service)["State"]
            status = state.get("Health", {}).get("Status", state["Status"])
            if status == "healthy":
                return
        time.sleep(0.5)
    raise TimeoutError(f"{service} is not healthy after {timeout} s (last status: {status})")


def wait_in_rotation(timeout: float = 30) -> None:
    """Wait until requests to /api/ reach both servers again.

    nginx skips a server for a few seconds after a failed attempt, so right
    after a test has stopped one the rotation is not yet even.
    """
    deadline = time.monotonic() + timeout
    with client(timeout=5) as http:
        recent: list[str] = []
        while time.monotonic() < deadline:
            try:
                response = http.get("/api/health/")
            except httpx.TransportError:
                response = None
            if response is not None and response.status_code == 200:
                recent = [*recent, response.headers["X-Goban-Server"]][-4:]
                if recent.count("django") == 2 and recent.count("fastapi") == 2:
                    return
            time.sleep(0.05)
    raise TimeoutError(f"/api/health/ did not alternate between both servers within {timeout} s")


def service_states() -> dict[str, str]:
    """Return each service's health, or its state when it has no health check."""
    output = compose("ps", "--all", "--format", "json")
    # Compose 2.21 and later print one JSON object per line, older ones a JSON array.
    rows = json.loads(output) if output.startswith("[") else [json.loads(line) for line in output.splitlines()]
    return {row["Service"]: row["Health"] or row["State"] for row in rows}


def ensure_running() -> None:
    """Start any stopped service of the stack and wait until it serves requests again."""
    states = service_states()
    long_running = ("postgres", *SERVERS, "nginx")
    if any(states.get(service) not in ("healthy", "running") for service in long_running):
        for service in long_running:
            if states.get(service) not in ("healthy", "running", "starting"):
                compose("start", service)
        for service in ("postgres", *SERVERS):
            wait_healthy(service)
    wait_in_rotation()


@dataclass
class User:
    username: str
    password: str
    token: str

    @property
    def headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}"}


def new_user(http: httpx.Client) -> User:
    """Register a user with a unique name through nginx and log in."""
    username = f"stack-{uuid.uuid4().hex[:16]}"
    password = f"secret-{uuid.uuid4().hex}"
    registered = http.post(
        "/api/register/", json={"username": username, "email": f"{username}@example.org", "password": password}
    )
    assert registered.status_code == 201, registered.text
    logged_in = http.post("/api/login/", json={"username": username, "password": password})
    assert logged_in.status_code == 200, logged_in.text
    return User(username, password, logged_in.json())


def create_game(http: httpx.Client, user: User, moves: list[tuple[int, int]]) -> dict:
    """Create a 9x9 record, play the moves and return its detail."""
    created = http.post("/api/records/", json={"board_size": 9, "name": "stack test"}, headers=user.headers)
    assert created.status_code == 201, created.text
    record_id = created.json()["id"]
    for x, y in moves:
        played = http.post(f"/api/records/{record_id}/play/", json={"x": x, "y": y}, headers=user.headers)
        assert played.status_code == 201, played.text
    detail = http.get(f"/api/records/{record_id}/", headers=user.headers)
    assert detail.status_code == 200, detail.text
    return detail.json()
