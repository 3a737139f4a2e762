"""Fixtures of the smoke checks. Run them through the Ansible inventory:

    pytest --hosts=ansible://all --ansible-inventory=inventory/local.yml tests/infra
"""

import json
import shlex
import sys
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from deployment import deployment_settings  # noqa: E402




@pytest.fixture
def settings(host) -> dict[str, Any]:
    """Return the deployment settings of the host under test."""
    return deployment_settings(host.ansible.get_variables())


@pytest.fixture
def containers(host, settings) -> dict[str, dict[str, Any]]:
    """Return `docker inspect` of each running container of the stack, by service name."""
    project = settings["goban_compose_project"]
    ids = host.check_output(
        f"docker ps --quiet --filter label=com.docker.compose.project={shlex.quote(project)}"
    ).split()
    assert ids, f"no container of Compose project {project} is running"
    inspected = json.loads(host.check_output("docker inspect " + " ".join(ids)))
    return {item["Config"]["Labels"]["com.docker.compose.service"]: item for item in inspected}


class Site:
    """HTTP requests to the deployed nginx, sent with curl on the host itself."""

    def __init__(self, host, settings: dict[str, Any]) -> None:
        self.host = host
        self.domain = settings["goban_domain"]
        bind = settings["goban_bind_address"]
        self.address = "127.0.0.1" if bind in ("0.0.0.0", "") else bind
        self.http_port = int(settings["goban_http_port"])
        self.https_port = int(settings["goban_https_port"])

    def get(self, path: str, *, https: bool = True) -> tuple[int, dict[str, str], str]:
        """Send GET path; return the status code, the headers (lower-case names) and the body."""
        port = self.https_port if https else self.http_port
        scheme = "https" if https else "http"
        # --resolve sends the request to nginx here with the site's own name, so
        # the Host header and the TLS server name are the ones a browser sends.
        command = (
            "curl --silent --show-error --insecure --max-time 10 --include "
            f"--resolve {self.domain}:{port}:{self.address} "
            f"{scheme}://{self.domain}:{port}{path}"
        )
        result = self.host.run(command)
        assert result.rc == 0, f"{command} failed: {result.stderr}"
        head, _, body = result.stdout.replace("\r\n", "\n").partition("\n\n")
        status_line, *header_lines = head.split("\n")
        headers = {}
        for line in header_lines:
            name, _, value = line.partition(":")
            headers[name.strip().lower()] = value.strip()
        return int(status_line.split()[1]), headers, body


@pytest.fixture
def site(host, settings) -> Site:
    return Site(host, settings)
