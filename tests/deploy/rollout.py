"""Helpers of the rollout tests: the deployment's settings, make targets run
the way a person runs them, API clients and the running containers."""

import importlib.util
import json
import os
import subprocess
import sys
import uuid
from pathlib import Path
from typing import Any

import httpx

REPOSITORY = Path(__file__).resolve().parents[2]

# The settings loader lives with the smoke checks; both read the same roles.
_spec = importlib.util.spec_from_file_location("goban_deployment", REPOSITORY / "tests" / "infra" / "deployment.py")
deployment = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(deployment)

GAMES_DIR = Path(os.environ.get("GOBAN_GAMES_DIR", REPOSITORY.parent / "shared" / "games"))
GAMES = sorted(GAMES_DIR.glob("*.sgf"))

# A make target that builds images on two cores takes a few minutes; twenty
# means something hangs.
MAKE_TIMEOUT = 1200


def inventory_path() -> Path:
    return Path(os.environ.get("GOBAN_INVENTORY", REPOSITORY / "inventory" / "local.yml")).resolve()


def new_client(base_url: str) -> httpx.Client:
    # The certificate on this machine is self-signed.
    return httpx.Client(base_url=base_url, verify=False, timeout=30)


def register(client: httpx.Client) -> str:
    """Register a new user and return a bearer token for it."""
    username = f"deploy-{uuid.uuid4().hex[:12]}"
    password = uuid.uuid4().hex
    response = client.post(
        "/api/register/", json={"username": username, "email": f"{username}@example.org", "password": password}
    )
    assert response.status_code == 201, response.text
    response = client.post("/api/login/", json={"username": username, "password": password})
    assert response.status_code == 200, response.text
    return response.json()


def run_make(target: str, *arguments: str, cwd: Path = REPOSITORY) -> subprocess.CompletedProcess:
    """Run make TARGET in cwd against the test inventory and return the finished process with its output."""
    command = ["make", "--no-print-directory", target, f"INVENTORY={inventory_path()}", *arguments]
    result = subprocess.run(
        command,
        cwd=cwd,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        timeout=MAKE_TIMEOUT,
    )
    # pytest shows captured output of a failed test, so a failed rollout explains itself.
    sys.stdout.write(f"$ {' '.join(command)}  (in {cwd}, exit {result.returncode})\n{result.stdout[-30000:]}\n")
    return result


def running_containers(project: str) -> dict[str, dict[str, Any]]:
    """Return `docker inspect` of each running container of the Compose project, by service name."""
    ids = subprocess.run(
        ["docker", "ps", "--quiet", "--filter", f"label=com.docker.compose.project={project}"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.split()
    if not ids:
        return {}
    output = subprocess.run(["docker", "inspect", *ids], check=True, capture_output=True, text=True).stdout
    return {item["Config"]["Labels"]["com.docker.compose.service"]: item for item in json.loads(output)}


def running_images(project: str) -> dict[str, str]:
    """Return the image name of each running container of the Compose project, by service name."""
    return {service: item["Config"]["Image"] for service, item in running_containers(project).items()}


def current_release(settings: dict[str, Any]) -> str:
    return os.readlink(settings["goban_current_link"]).rsplit("/", 1)[-1]


def checkout_release(path: Path) -> str:
    """Return the release id make deploy gives the checkout at path."""
    result = subprocess.run(
        ["git", "-C", str(path), "rev-parse", "--short=12", "HEAD"], check=True, capture_output=True, text=True
    )
    return result.stdout.strip()
