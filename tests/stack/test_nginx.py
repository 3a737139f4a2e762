"""What nginx adds in front of the servers: TLS, redirects, caching, headers, limits and logs."""

import json
import re
import subprocess
import uuid

import httpx
import pytest

import stack

HASHED_ASSET = re.compile(r'(/assets/[^"]+\.js)"')


def test_http_redirects_to_https():
    with httpx.Client(base_url=stack.HTTP_URL) as http:
        response = http.get("/records/12/?page=2")

    assert response.status_code == 301
    assert response.headers["Location"] == f"{stack.HTTPS_URL}/records/12/?page=2"


def test_acme_challenge_is_served_over_http():
    """certbot's webroot files are reachable on port 80 without a redirect."""
    acme_dir = stack.REPOSITORY_ROOT / "acme" / ".well-known" / "acme-challenge"
    token = uuid.uuid4().hex
    acme_dir.mkdir(parents=True, exist_ok=True)
    (acme_dir / token).write_text(f"{token}.key-authorization")
    try:
        with httpx.Client(base_url=stack.HTTP_URL) as http:
            response = http.get(f"/.well-known/acme-challenge/{token}")
    finally:
        (acme_dir / token).unlink()

    assert response.status_code == 200
    assert response.text == f"{token}.key-authorization"


def test_security_headers_on_api_and_client(http: httpx.Client):
    """Each header comes once, from nginx, whichever server sent the response."""
    for path in ("/", "/no-such-page/", "/django/api/health/", "/fastapi/api/health/", "/admin/login/"):
        response = http.get(path)
        assert response.status_code == 200, path
        assert response.headers.get_list("Strict-Transport-Security") == ["max-age=31536000"], path
        assert response.headers.get_list("X-Content-Type-Options") == ["nosniff"], path
        assert response.headers.get_list("X-Frame-Options") == ["DENY"], path
        assert response.headers.get_list("Referrer-Policy") == ["strict-origin-when-cross-origin"], path
        assert "frame-ancestors 'none'" in response.headers["Content-Security-Policy"], path


def test_unknown_path_gets_index_html_without_caching(http: httpx.Client):
    index = http.get("/")
    fallback = http.get("/records/12/")

    assert fallback.status_code == 200
    assert fallback.text == index.text
    assert '<div id="app">' in fallback.text
    assert fallback.headers["Cache-Control"] == "no-cache"


def test_hashed_assets_are_cached_for_good(http: httpx.Client):
    asset = HASHED_ASSET.search(http.get("/").text).group(1)

    response = http.get(asset, headers={"Accept-Encoding": "gzip"})

    assert response.status_code == 200
    assert response.headers["Cache-Control"] == "public, max-age=31536000, immutable"
    assert response.headers["Content-Encoding"] == "gzip"


def test_missing_asset_is_not_found(http: httpx.Client):
    assert http.get("/assets/no-such-file-0000.js").status_code == 404


def test_admin_and_static_files_come_from_django(http: httpx.Client):
    admin = http.get("/admin/login/")
    static = http.get("/static/admin/css/base.css")

    assert admin.status_code == 200
    assert "Django" in admin.text
    assert static.status_code == 200
    assert static.headers["Content-Type"].startswith("text/css")


def test_oversized_body_is_rejected(http: httpx.Client, user: stack.User):
    body = b"(;GM[1]SZ[19]" + b";B[aa]" * 400_000 + b")"

    response = http.post(
        "/api/records/import/", content=body, headers={**user.headers, "Content-Type": "application/x-go-sgf"}
    )

    assert response.status_code == 413


def test_login_burst_is_limited(http: httpx.Client):
    """Past the burst of 40, requests to /api/login/ from one address get 429."""
    statuses = [
        http.post("/api/login/", json={"username": "", "password": ""}).status_code for _ in range(80)
    ]

    assert 429 in statuses
    assert set(statuses) == {400, 429}


def test_access_log_names_upstream_and_server(http: httpx.Client):
    marker = uuid.uuid4().hex
    response = http.get(f"/django/api/health/?marker={marker}")
    assert response.status_code == 200
    address = stack.inspect("django")["NetworkSettings"]["Networks"][f"{stack.PROJECT}_front"]["IPAddress"]

    logs = subprocess.run(
        ["docker", "logs", "--since", "2m", stack.container_id("nginx")], capture_output=True, text=True, check=True
    ).stdout
    entries = [json.loads(line) for line in logs.splitlines() if marker in line]

    assert len(entries) == 1
    assert entries[0]["upstream_addr"] == f"{address}:8000"
    assert entries[0]["server"] == "django"
    assert entries[0]["status"] == 200


def test_nginx_reuses_time_wait_ports():
    setting = subprocess.run(
        ["docker", "exec", stack.container_id("nginx"), "cat", "/proc/sys/net/ipv4/tcp_tw_reuse"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert setting.strip() == "1"


@pytest.mark.parametrize("port", ["5432"])
def test_postgres_port_is_not_published(port: str):
    ports = subprocess.run(
        ["docker", "port", stack.container_id("postgres")], capture_output=True, text=True, check=True
    ).stdout
    assert ports.strip() == ""
    assert stack.inspect("postgres")["HostConfig"]["PortBindings"] in ({}, None)
    assert list(stack.inspect("postgres")["NetworkSettings"]["Networks"]) == [f"{stack.PROJECT}_back"]


@pytest.mark.parametrize("network", ["back", "front"])
def test_network_has_configured_subnet(network: str):
    settings = json.loads(stack.compose("config", "--format", "json"))["networks"][network]
    configured = [entry["subnet"] for entry in settings["ipam"]["config"]]
    inspected = subprocess.run(
        ["docker", "network", "inspect", f"{stack.PROJECT}_{network}"], capture_output=True, text=True, check=True
    ).stdout
    created = [entry["Subnet"] for entry in json.loads(inspected)[0]["IPAM"]["Config"]]

    assert created == configured
