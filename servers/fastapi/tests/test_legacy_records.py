"""Records written by the original servers, which enforced no ko rule, still load and play."""

import psycopg
from fastapi.testclient import TestClient
from goban_fastapi.main import create_app

# A ko on a 9x9 board: white takes at (1, 1), then black retakes at once at (2, 1).
KO_RETAKEN = [(1, 0), (2, 0), (0, 1), (3, 1), (2, 1), (2, 2), (1, 2), (1, 1), (2, 1)]


def _store_moves(url, record_id: int, points) -> None:
    connect = {"host": url.host, "port": url.port, "user": url.username, "password": url.password}
    with psycopg.connect(dbname=url.database, **connect) as connection:
        for number, (x, y) in enumerate(points, start=1):
            connection.execute(
                "INSERT INTO record_move (record_id, move, position, color) VALUES (%s, %s, %s, %s)",
                (record_id, number, x + y * 9, "BW"[(number - 1) % 2]),
            )


def test_stored_ko_recapture_loads(migrated_database: str, settings_for):
    settings = settings_for(migrated_database)
    with TestClient(create_app(settings)) as client:
        client.post("/api/register/", json={"username": "Honinbo", "email": "h@example.com", "password": "dosaku1645"})
        token = client.post("/api/login/", json={"username": "Honinbo", "password": "dosaku1645"}).json()
        client.headers["Authorization"] = f"Bearer {token}"
        record_id = client.post("/api/records/", json={"board_size": 9}).json()["id"]
        _store_moves(settings.database_url, record_id, KO_RETAKEN)

        detail = client.get(f"/api/records/{record_id}/")
        retake = client.post(f"/api/records/{record_id}/play/", json={"x": 1, "y": 1})
        elsewhere = client.post(f"/api/records/{record_id}/play/", json={"x": 8, "y": 8})

    assert detail.status_code == 200, detail.text
    assert detail.json()["moves"][8] == {"position": {"x": 2, "y": 1}, "color": "B", "captures": [{"x": 1, "y": 1}]}
    assert retake.status_code == 403
    assert elsewhere.status_code == 201
