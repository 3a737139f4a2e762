"""make update and make rollback under load: no request fails, a release
that cannot start is rolled back by itself while the old one keeps serving,
and make rollback swaps the current and previous releases."""

import os
import re
from pathlib import Path

from rollout import current_release, run_make, running_images
from traffic import Traffic


def change_comment(clone: Path) -> None:
    """Add a comment to goban_core, which both server images contain, so both are rebuilt."""
    path = clone / "servers" / "core" / "goban_core" / "__init__.py"
    path.write_text(path.read_text() + "\n# Release built by the rolling update test.\n")


def break_django_port(clone: Path) -> None:
    """Make the Django server listen on a port nothing connects to, so its health check fails."""
    path = clone / "servers" / "django" / "gunicorn.conf.py"
    text, count = re.subn(r"(?m)^bind = .*$", 'bind = "0.0.0.0:8009"', path.read_text())
    assert count == 1, f"no bind setting found in {path}"
    path.write_text(text)


def test_update_under_load_fails_no_request(settings, base_url, clone_with_commit):
    clone, release = clone_with_commit(change_comment, "Change a comment for the rolling update test")
    project = settings["goban_compose_project"]

    with Traffic(base_url) as traffic:
        traffic.wait_for_requests(50)
        update = run_make("update", cwd=clone)
        report = traffic.stop()

    assert update.returncode == 0, update.stdout[-3000:]
    assert report.failures == [], f"{len(report.failures)} of {report.requests} requests failed"
    assert report.requests > 200
    assert report.servers["django"] > 0
    assert report.servers["fastapi"] > 0
    images = running_images(project)
    assert images["django"] == f"goban/django:{release}"
    assert images["fastapi"] == f"goban/fastapi:{release}"
    assert current_release(settings) == release


def test_failed_update_rolls_back_while_serving(settings, base_url, clone_with_commit):
    project = settings["goban_compose_project"]
    before = current_release(settings)
    images_before = running_images(project)
    clone, release = clone_with_commit(break_django_port, "Break the Django server's port for the rollback test")

    with Traffic(base_url) as traffic:
        traffic.wait_for_requests(50)
        update = run_make("update", cwd=clone)
        report = traffic.stop()

    assert update.returncode != 0
    assert f"Rolling back to {before}" in update.stdout
    assert "was rolled back" in update.stdout
    assert report.failures == [], f"{len(report.failures)} of {report.requests} requests failed"
    assert report.requests > 200
    assert release not in images_before["django"]
    assert running_images(project)["django"] == images_before["django"]
    assert running_images(project)["fastapi"] == images_before["fastapi"]
    assert current_release(settings) == before


def test_rollback_swaps_releases_while_serving(settings, base_url):
    project = settings["goban_compose_project"]
    before = current_release(settings)
    previous = os.readlink(settings["goban_previous_link"]).rsplit("/", 1)[-1]

    with Traffic(base_url) as traffic:
        traffic.wait_for_requests(50)
        rollback = run_make("rollback")
        report = traffic.stop()

    assert rollback.returncode == 0
    assert report.failures == [], f"{len(report.failures)} of {report.requests} requests failed"
    assert current_release(settings) == previous
    assert os.readlink(settings["goban_previous_link"]).rsplit("/", 1)[-1] == before
    images = running_images(project)
    assert images["django"] == f"goban/django:{previous}"
    assert images["fastapi"] == f"goban/fastapi:{previous}"
