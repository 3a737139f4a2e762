"""Fixtures of the rollout tests. They run on the machine Goban is deployed
to (inventory/local.yml, or a copy with other ports and names), after make
deploy:

    make test-deploy [INVENTORY=...]

Each test talks to the deployed nginx on 127.0.0.1 and runs make targets as
a person would."""

import subprocess
import sys
import uuid
from pathlib import Path
from typing import Any, Callable

import pytest
from testinfra.utils.ansible_runner import AnsibleRunner

sys.path.insert(0, str(Path(__file__).resolve().parent))

from rollout import (  # noqa: E402
    REPOSITORY,
    checkout_release,
    current_release,
    deployment,
    inventory_path,
    new_client,
    register,
)


@pytest.fixture(scope="session")
def settings() -> dict[str, Any]:
    """Return the deployment settings of the inventory's only host."""
    runner = AnsibleRunner(str(inventory_path()))
    hosts = runner.get_hosts("all")
    assert len(hosts) == 1, f"the rollout tests need an inventory with one host, not {hosts}"
    variables = runner.get_variables(hosts[0])
    assert variables.get("ansible_connection") == "local", "the rollout tests run on the deployed machine itself"
    return deployment.deployment_settings(variables)


@pytest.fixture(scope="session")
def base_url(settings) -> str:
    return f"https://127.0.0.1:{settings['goban_https_port']}"


@pytest.fixture
def api(base_url):
    """Yield a client logged in as a new user."""
    with new_client(base_url) as client:
        client.headers["Authorization"] = f"Bearer {register(client)}"
        yield client


@pytest.fixture
def clone_with_commit(settings, tmp_path) -> Callable[[Callable[[Path], None], str], tuple[Path, str]]:
    """Return a function that clones the repository into a temporary folder, applies
    an edit, commits it there and returns the clone with its release id.

    The clone starts from the deployed commit when the repository has it, so the
    update is exactly the edit even when the repository has moved on since make
    deploy. A release deployed from another clone (an earlier test's) is not in
    the repository, and then the clone starts from HEAD."""

    def make(edit: Callable[[Path], None], message: str) -> tuple[Path, str]:
        clone = tmp_path / f"clone-{uuid.uuid4().hex[:8]}"
        subprocess.run(["git", "clone", "--quiet", str(REPOSITORY), str(clone)], check=True)
        deployed = current_release(settings)
        known = subprocess.run(["git", "-C", str(clone), "cat-file", "-e", f"{deployed}^{{commit}}"], capture_output=True)
        if known.returncode == 0:
            subprocess.run(["git", "-C", str(clone), "checkout", "--quiet", deployed], check=True)
        edit(clone)
        subprocess.run(
            ["git", "-C", str(clone), "-c", "user.name=Goban deploy test", "-c", "user.email=deploy-test@example.org",
             "commit", "--quiet", "--all", "--message", message],
            check=True,
        )
        return clone, checkout_release(clone)

    return make


@pytest.fixture
def clone(tmp_path) -> Path:
    """Return a clone of the repository's HEAD, which stays put while the repository moves on."""
    path = tmp_path / "clone"
    subprocess.run(["git", "clone", "--quiet", str(REPOSITORY), str(path)], check=True)
    return path
