#!/usr/bin/env bash
# Measure GET /api/records/{id}/ (sync endpoint) against its async twin with wrk, on one gunicorn.
#
#   bench/run.sh            (from servers/fastapi, with POSTGRES_* and GOBAN_SECRET_KEY set)
#
# Needs wrk (Debian package wrk), uv and a migrated database. SQLAlchemy's asyncio support needs
# greenlet, which the server itself does not, so uv lays it over the project's environment for
# this run only. Binds 127.0.0.1:8092 unless GOBAN_BENCH_BIND is set.
set -euo pipefail
cd "$(dirname "$0")/.."
BIND=${GOBAN_BENCH_BIND:-127.0.0.1:8092}
DURATION=${GOBAN_BENCH_DURATION:-15s}
CONNECTIONS=${GOBAN_BENCH_CONNECTIONS:-32}
PY=../../.venv/bin/python

GOBAN_BIND=$BIND PYTHONPATH=bench uv run --no-sync --with greenlet gunicorn -c gunicorn.conf.py async_variant:app >/tmp/goban-bench-gunicorn.log 2>&1 &
SERVER=$!
trap 'kill -TERM $SERVER; wait $SERVER || true' EXIT
for _ in $(seq 1 40); do curl -sf "http://$BIND/api/health/" >/dev/null && break; sleep 0.5; done

# A user with one 19x19 record of 60 moves, a typical game in progress.
read -r TOKEN RECORD < <($PY - "$BIND" <<'PYEOF'
import sys, uuid, httpx
base = f"http://{sys.argv[1]}"
with httpx.Client(base_url=base, timeout=30) as client:
    name = f"bench_{uuid.uuid4().hex[:12]}"
    client.post("/api/register/", json={"username": name, "email": f"{name}@example.com", "password": "bench-password"}).raise_for_status()
    token = client.post("/api/login/", json={"username": name, "password": "bench-password"}).json()
    headers = {"Authorization": f"Bearer {token}"}
    record = client.post("/api/records/", json={"board_size": 19}, headers=headers).json()["id"]
    for index in range(60):
        x, y = (index * 7) % 19, (index * 7) // 19 * 2 % 19
        client.post(f"/api/records/{record}/play/", json={"x": x, "y": y}, headers=headers)
    moves = len(client.get(f"/api/records/{record}/", headers=headers).json()["moves"])
    print(f"record {record} has {moves} moves", file=sys.stderr)
    print(token, record)
PYEOF
)

for path in "/api/records/$RECORD/" "/bench/async/records/$RECORD/"; do
    curl -sf -H "Authorization: Bearer $TOKEN" "http://$BIND$path" >/dev/null
    wrk -t2 -c8 -d3s -H "Authorization: Bearer $TOKEN" "http://$BIND$path" >/dev/null   # warm-up
    echo "== $path"
    wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency -H "Authorization: Bearer $TOKEN" "http://$BIND$path" | grep -E "Requests/sec|Latency|50%|99%|Non-2xx"
done
