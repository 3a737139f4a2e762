"""The site as a browser and the API clients reach it, through nginx."""

import json
import random
import time

import pytest


def test_http_port_is_listening(host, site):
    assert host.socket(f"tcp://{site.address}:{site.http_port}").is_listening


def test_https_port_is_listening(host, site):
    assert host.socket(f"tcp://{site.address}:{site.https_port}").is_listening


def test_certificate_is_valid_for_seven_more_days(host, site):
    result = host.run(
        f"openssl s_client -connect {site.address}:{site.https_port} -servername {site.domain} </dev/null 2>/dev/null"
        " | openssl x509 -noout -checkend 604800"
    )

    assert result.rc == 0, result.stdout + result.stderr


def test_certificate_names_the_domain(host, site):
    result = host.run(
        f"openssl s_client -connect {site.address}:{site.https_port} -servername {site.domain} </dev/null 2>/dev/null"
        f" | openssl x509 -noout -checkhost {site.domain}"
    )

    assert result.rc == 0, result.stderr
    assert "does match certificate" in result.stdout


def test_http_redirects_to_https(site):
    status, headers, _ = site.get("/records/?page=2", https=False)

    assert status == 301
    port = "" if site.https_port == 443 else f":{site.https_port}"
    assert headers["location"] == f"https://{site.domain}{port}/records/?page=2"


@pytest.mark.parametrize("server", ["django", "fastapi"])
def test_health_answers_through_server_prefix(site, server):
    status, headers, body = site.get(f"/{server}/api/health/")

    assert status == 200
    assert json.loads(body) == {"status": "ok", "server": server, "database": "ok"}
    assert headers["x-goban-server"] == server


def test_health_round_robin_reaches_both_servers(site):
    # Other clients share the rotation, so steady traffic can hand each of our
    # requests the same server. Random pauses break that rhythm, and 15 s
    # outlasts nginx's 5 s fail_timeout.
    seen = set()
    deadline = time.monotonic() + 15
    while seen != {"django", "fastapi"} and time.monotonic() < deadline:
        status, _, body = site.get("/api/health/")
        assert status == 200
        seen.add(json.loads(body)["server"])
        time.sleep(random.uniform(0.01, 0.2))

    assert seen == {"django", "fastapi"}


def test_web_client_is_served(site):
    status, headers, body = site.get("/")

    assert status == 200
    assert headers["content-type"].startswith("text/html")
    assert '<div id="app">' in body
    assert "<title>Goban</title>" in body


def test_web_client_route_falls_back_to_index(site):
    status, _, body = site.get("/records/12/")

    assert status == 200
    assert '<div id="app">' in body
