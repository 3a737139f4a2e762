#!/usr/bin/env bash
# Run a command against both API servers started natively for this run:
# a throwaway PostgreSQL cluster, the Django server and the FastAPI server
# under gunicorn on 127.0.0.1. Everything started here is stopped on exit.
#
#   tests/native/run.sh COMMAND [ARG...]
#
# The command gets GOBAN_API_URLS, GOBAN_SECRET_KEY and the POSTGRES_*
# variables of the run.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
VENV_BIN=$ROOT/.venv/bin
# Below 32768, so outgoing connections of other programs never hold the port.
PG_PORT=${GOBAN_NATIVE_PG_PORT:-25432}
DJANGO_BIND=127.0.0.1:${GOBAN_NATIVE_DJANGO_PORT:-8001}
FASTAPI_BIND=127.0.0.1:${GOBAN_NATIVE_FASTAPI_PORT:-8002}
RUN_DIR=$(mktemp -d /tmp/goban-native.XXXXXX)
PIDS=()

log() { echo "native: $*" >&2; }

cleanup() {
    local status=$?
    for pid in "${PIDS[@]}"; do
        kill -TERM "$pid" 2>/dev/null || true
    done
    for pid in "${PIDS[@]}"; do
        wait "$pid" 2>/dev/null || true
    done
    if [[ -f $RUN_DIR/pgdata/postmaster.pid ]]; then
        runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$RUN_DIR/pgdata" -m fast -w stop >/dev/null || true
    fi
    if [[ $status -ne 0 ]]; then
        log "failed (exit $status); server logs follow"
        tail -n 40 "$RUN_DIR"/*.log "$RUN_DIR"/socket/*.log >&2 || true
    fi
    rm -rf "$RUN_DIR"
    exit "$status"
}
trap cleanup EXIT
trap "exit 143" TERM INT

ensure_postgresql() {
    PG_BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
    if [[ -z $PG_BIN || ! -x $PG_BIN/initdb ]]; then
        log "installing PostgreSQL from Debian's archive"
        apt-get update -qq
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
        PG_BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
    fi
}

start_postgresql() {
    # initdb refuses to run as root, so the cluster belongs to the postgres user.
    chmod 755 "$RUN_DIR"
    install -d -o postgres -g postgres "$RUN_DIR/pgdata" "$RUN_DIR/socket"
    echo goban > "$RUN_DIR/pwfile"
    chown postgres "$RUN_DIR/pwfile"
    runuser -u postgres -- "$PG_BIN/initdb" -D "$RUN_DIR/pgdata" -U goban \
        --pwfile="$RUN_DIR/pwfile" --auth=scram-sha-256 -E UTF8 >/dev/null
    runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$RUN_DIR/pgdata" -w -l "$RUN_DIR/socket/postgres.log" \
        -o "-p $PG_PORT -k $RUN_DIR/socket -c listen_addresses=127.0.0.1 -c max_connections=200 -c fsync=off" start >/dev/null
    PGPASSWORD=goban "$PG_BIN/psql" -q -h 127.0.0.1 -p "$PG_PORT" -U goban -d postgres -c "CREATE DATABASE goban"
    log "PostgreSQL on 127.0.0.1:$PG_PORT"
}

wait_healthy() {
    local url=$1
    for _ in $(seq 1 60); do
        if "$VENV_BIN/python" -c "import sys, urllib.request; urllib.request.urlopen(sys.argv[1], timeout=2)" "$url" 2>/dev/null; then
            return 0
        fi
        sleep 0.5
    done
    log "$url did not become healthy within 30 s"
    return 1
}

start_server() {
    local name=$1 bind=$2 app=$3
    (cd "$ROOT/servers/$name" && GOBAN_BIND=$bind exec "$VENV_BIN/gunicorn" -c gunicorn.conf.py "$app") \
        >"$RUN_DIR/$name.log" 2>&1 &
    PIDS+=($!)
    wait_healthy "http://$bind/api/health/"
    log "$name server on $bind"
}

export POSTGRES_NAME=goban POSTGRES_USER=goban POSTGRES_PASSWORD=goban
export POSTGRES_HOST=127.0.0.1 POSTGRES_PORT=$PG_PORT
export GOBAN_SECRET_KEY=${GOBAN_SECRET_KEY:-native-test-$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')}
export GOBAN_HOST=127.0.0.1,localhost GOBAN_DEBUG=0 GOBAN_WORKERS=${GOBAN_WORKERS:-2}

ensure_postgresql
start_postgresql
(cd "$ROOT/servers/django" && "$VENV_BIN/python" manage.py migrate --noinput >"$RUN_DIR/migrate.log")
start_server django "$DJANGO_BIND" goban_django.wsgi
urls="django=http://$DJANGO_BIND"
if [[ -f $ROOT/servers/fastapi/gunicorn.conf.py ]]; then
    start_server fastapi "$FASTAPI_BIND" goban_fastapi.main:app
    urls="$urls,fastapi=http://$FASTAPI_BIND"
fi
export GOBAN_API_URLS=$urls

# In the background, so that cleanup can end the command too when this script is stopped.
"$@" &
PIDS=("$!" "${PIDS[@]}")
wait "${PIDS[0]}"
