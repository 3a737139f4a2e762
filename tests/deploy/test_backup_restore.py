"""make backup, losing the database volume, make deploy and make restore
bring back every user, record and move."""

import subprocess
from pathlib import Path

from rollout import GAMES, REPOSITORY, run_make, running_containers


def snapshot(api) -> list[dict]:
    """Return the full detail of every record of the client's user, newest first."""
    response = api.get("/api/records/?page_size=100")
    assert response.status_code == 200
    details = []
    for record in response.json()["results"]:
        detail = api.get(f"/api/records/{record['id']}/")
        assert detail.status_code == 200
        details.append(detail.json())
    return details


def table_counts(project: str) -> dict[str, int]:
    """Return the number of rows of each Goban table, read with psql in the postgres container."""
    postgres = running_containers(project)["postgres"]["Id"]
    counts = {}
    for table in ("auth_user", "record_record", "record_move"):
        result = subprocess.run(
            ["docker", "exec", postgres, "sh", "-c",
             f'psql --tuples-only --no-align --username="$POSTGRES_USER" --dbname="$POSTGRES_DB" -c "SELECT count(*) FROM {table}"'],
            check=True, capture_output=True, text=True,
        )
        counts[table] = int(result.stdout.strip())
    return counts


def newest_dump(before: set[Path]) -> Path:
    dumps = set((REPOSITORY / "backups").glob("*/*.dump")) - before
    assert len(dumps) == 1, f"expected one new dump, found {sorted(dumps)}"
    return dumps.pop()


def test_restore_brings_every_record_back(settings, api):
    project = settings["goban_compose_project"]
    for path in GAMES[:6]:
        response = api.post("/api/records/import/", content=path.read_bytes(), headers={"Content-Type": "application/x-go-sgf"})
        assert response.status_code == 201, response.text
    response = api.post("/api/records/", json={"board_size": 13, "name": "Restored by hand", "komi": 6.5})
    assert response.status_code == 201
    for point in ({"x": 3, "y": 3}, {"x": 9, "y": 9}):
        assert api.post(f"/api/records/{response.json()['id']}/play/", json=point).status_code == 201
    assert api.post(f"/api/records/{response.json()['id']}/pass/").status_code == 201
    records_before = snapshot(api)
    counts_before = table_counts(project)
    dumps_before = set((REPOSITORY / "backups").glob("*/*.dump"))

    backup = run_make("backup")
    assert backup.returncode == 0
    dump = newest_dump(dumps_before)

    # Lose the database: remove the containers and the data volume, then deploy again.
    subprocess.run(["docker", "compose", "--project-name", project, "down"], check=True, cwd=settings["goban_current_link"])
    subprocess.run(["docker", "volume", "rm", f"{project}_pgdata"], check=True)
    deploy = run_make("deploy")
    assert deploy.returncode == 0
    assert api.get("/api/user/").status_code == 403
    assert table_counts(project)["record_record"] == 0

    restore = run_make("restore", f"FILE={dump}", "CONFIRM=yes")
    assert restore.returncode == 0

    assert table_counts(project) == counts_before
    assert snapshot(api) == records_before


def test_unconfirmed_restore_changes_nothing(settings, tmp_path):
    dump = tmp_path / "unconfirmed.dump"
    dump.write_bytes(b"never read: the restore stops at the confirmation")
    counts_before = table_counts(settings["goban_compose_project"])

    restore = run_make("restore", f"FILE={dump}")

    assert restore.returncode != 0
    assert "Restore cancelled" in restore.stdout
    assert table_counts(settings["goban_compose_project"]) == counts_before
