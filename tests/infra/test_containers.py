"""The Docker daemon and the containers of the stack."""

import pytest

from deployment import HEALTH_CHECKED_SERVICES, SERVICES


def test_docker_daemon_answers(host):
    result = host.run("docker info --format '{{.ServerVersion}}'")

    assert result.rc == 0, result.stderr
    assert result.stdout.strip()


@pytest.mark.parametrize("service", SERVICES)
def test_container_is_running(containers, service):
    assert service in containers, f"no running container for {service}"
    assert containers[service]["State"]["Status"] == "running"


@pytest.mark.parametrize("service", HEALTH_CHECKED_SERVICES)
def test_container_is_healthy(containers, service):
    assert service in containers, f"no running container for {service}"
    health = containers[service]["State"].get("Health")
    assert health is not None, f"{service} has no health check"
    assert health["Status"] == "healthy"


def test_postgres_port_is_not_published(containers):
    """PostgreSQL is reached on the stack's internal network only."""
    postgres = containers["postgres"]

    assert not postgres["HostConfig"]["PortBindings"]
    assert not any(postgres["NetworkSettings"]["Ports"].values())


@pytest.mark.parametrize("service", ["django", "fastapi"])
def test_api_server_port_is_not_published(containers, service):
    """Requests reach the API servers through nginx only."""
    assert not containers[service]["HostConfig"]["PortBindings"]


def test_api_servers_run_the_current_release(host, settings, containers):
    release = host.file(settings["goban_current_link"]).linked_to.rsplit("/", 1)[-1]

    assert containers["django"]["Config"]["Image"] == f"goban/django:{release}"
    assert containers["fastapi"]["Config"]["Image"] == f"goban/fastapi:{release}"
