"""Data survives taking the stack down and up again with make down and make up."""

import subprocess

import httpx

import stack


def run_up_script(action: str) -> None:
    script = stack.REPOSITORY_ROOT / "deploy" / "up.sh"
    result = subprocess.run([str(script), action], capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr


def test_records_survive_down_and_up(http: httpx.Client, user: stack.User):
    before = stack.create_game(http, user, [(0, 0), (8, 8)])

    run_up_script("down")
    assert stack.container_id("postgres") == ""
    run_up_script("up")

    with stack.client() as fresh:
        after = fresh.get(f"/api/records/{before['id']}/", headers=user.headers)
        logged_in = fresh.post("/api/login/", json={"username": user.username, "password": user.password})
    assert after.status_code == 200, after.text
    assert after.json() == before
    assert logged_in.status_code == 200, logged_in.text
