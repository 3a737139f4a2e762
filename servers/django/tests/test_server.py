"""The server as gunicorn runs it: settings from the environment, health, static files, headers."""

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from django.conf import settings
from django.db import connection

SERVER_DIR = Path(__file__).resolve().parents[1]
GUNICORN = Path(sys.executable).with_name("gunicorn")

HEALTH_SCRIPT = """
import django
django.setup()
from django.test import Client
response = Client(HTTP_HOST="127.0.0.1").get("/api/health/")
print(response.status_code, response.content.decode(), response["X-Goban-Server"])
"""


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _python(script: str, **env: str) -> subprocess.CompletedProcess:
    environment = {**os.environ, **env}
    for name, value in env.items():
        if value is None:
            del environment[name]
    return subprocess.run(
        [sys.executable, "-c", script], cwd=SERVER_DIR, env=environment, capture_output=True, text=True, timeout=60
    )


def test_start_without_secret_key_is_refused():
    environment = {key: value for key, value in os.environ.items() if key not in {"GOBAN_SECRET_KEY", "GOBAN_DEBUG"}}
    result = subprocess.run(
        [sys.executable, "manage.py", "check"], cwd=SERVER_DIR, env=environment, capture_output=True, text=True
    )

    assert result.returncode != 0
    assert "ImproperlyConfigured: GOBAN_SECRET_KEY is not set" in result.stderr


def test_health_is_503_without_database():
    result = _python(HEALTH_SCRIPT, POSTGRES_PORT=str(_free_port()))

    assert result.returncode == 0, result.stderr
    lines = result.stdout.strip().splitlines()
    assert lines[-1] == '503 {"status":"error","server":"django","database":"unavailable"} django'
    assert "WARNING goban_django.common.health: health check: database unavailable: " in lines[0]


USER_SCRIPT = """
import django
django.setup()
from django.conf import settings
from django.db import connection
from django.test import Client
from goban_core.tokens import issue_token
token = issue_token(1, settings.SECRET_KEY)
response = Client(HTTP_HOST="127.0.0.1").get("/api/user/", HTTP_AUTHORIZATION="Bearer " + token)
print(response.status_code, response.content.decode())
"""


def test_api_is_503_json_without_database():
    result = _python(USER_SCRIPT, POSTGRES_PORT=str(_free_port()))

    assert result.returncode == 0, result.stderr
    lines = result.stdout.strip().splitlines()
    assert lines[-1] == '503 {"detail":"The database is unavailable. Try again in a moment."}'
    assert "WARNING goban_django.common.exceptions: database unavailable during /api/user/: " in lines[0]


@pytest.fixture
def gunicorn(django_db_blocker, django_db_setup):
    """gunicorn with gunicorn.conf.py on a free port, serving the test database."""
    port = _free_port()
    environment = {
        **os.environ,
        "GOBAN_BIND": f"127.0.0.1:{port}",
        "GOBAN_WORKERS": "1",
        "POSTGRES_NAME": settings.DATABASES["default"]["NAME"],
    }
    process = subprocess.Popen(
        [str(GUNICORN), "-c", "gunicorn.conf.py", "goban_django.wsgi"],
        cwd=SERVER_DIR,
        env=environment,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    base_url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                httpx.get(f"{base_url}/api/health/", timeout=1)
                break
            except httpx.TransportError:
                time.sleep(0.1)
        yield base_url, process
    finally:
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)
            process.wait(timeout=40)


def test_gunicorn_serves_api_and_admin_with_css(gunicorn):
    base_url, _ = gunicorn

    health = httpx.get(f"{base_url}/api/health/")
    login_page = httpx.get(f"{base_url}/admin/login/")
    css = httpx.get(f"{base_url}/static/admin/css/base.css")

    assert health.status_code == 200
    assert health.json() == {"status": "ok", "server": "django", "database": "ok"}
    assert login_page.status_code == 200
    assert '<link rel="stylesheet" href="/static/admin/css/base.css">' in login_page.text
    assert css.status_code == 200
    assert css.headers["content-type"].startswith("text/css")
    assert {health.headers["x-goban-server"], login_page.headers["x-goban-server"]} == {"django"}


def test_forwarded_headers_of_proxy_are_trusted(rf):
    """Behind nginx, Django uses the https scheme and the public host name that nginx received."""
    request = rf.get("/admin/", HTTP_X_FORWARDED_PROTO="https", HTTP_X_FORWARDED_HOST="localhost")

    assert request.is_secure()
    assert request.build_absolute_uri() == "https://localhost/admin/"


def test_gunicorn_non_api_404_is_html_with_header(gunicorn):
    base_url, _ = gunicorn

    response = httpx.get(f"{base_url}/nothing/")

    assert response.status_code == 404
    assert response.headers["content-type"].startswith("text/html")
    assert response.headers["x-goban-server"] == "django"


def test_gunicorn_logs_start_and_access_to_stdout(gunicorn):
    base_url, process = gunicorn
    httpx.get(f"{base_url}/api/health/")

    process.send_signal(signal.SIGTERM)
    output, _ = process.communicate(timeout=40)

    assert "Goban Django server loaded" in output
    assert '"GET /api/health/ HTTP/1.1" 200' in output
    assert process.returncode == 0


def test_gunicorn_reconnects_after_connections_drop(gunicorn, django_db_blocker):
    """A persistent connection that PostgreSQL closed (as on a restart) is replaced, not reported."""
    base_url, _ = gunicorn
    assert httpx.get(f"{base_url}/api/health/").status_code == 200

    with django_db_blocker.unblock(), connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity"
            " WHERE datname = current_database() AND pid <> pg_backend_pid()"
        )
        (terminated,) = cursor.fetchone()
    responses = [httpx.get(f"{base_url}/api/health/") for _ in range(3)]

    assert terminated >= 1
    assert [response.status_code for response in responses] == [200, 200, 200]
