#!/usr/bin/env bash
# Initialise PGDATA on first start from POSTGRES_USER, POSTGRES_PASSWORD and
# POSTGRES_DB, as the official image does, then run the server as postgres.
set -euo pipefail

log() { echo "docker-entrypoint: $*" >&2; }

as_postgres() {
    setpriv --reuid=postgres --regid=postgres --init-groups "$@"
}

initialise() {
    : "${POSTGRES_PASSWORD:?POSTGRES_PASSWORD is not set; the stand-in has no passwordless mode}"
    local user=${POSTGRES_USER:-postgres}
    local database=${POSTGRES_DB:-$user}

    log "initialising $PGDATA for user $user"
    local pwfile
    pwfile=$(mktemp)
    printf '%s\n' "$POSTGRES_PASSWORD" >"$pwfile"
    chown postgres "$pwfile"
    as_postgres initdb --username="$user" --pwfile="$pwfile" --auth-local=trust \
        --auth-host=scram-sha-256 --encoding=UTF8 -D "$PGDATA" >&2
    rm -f "$pwfile"
    # Other containers connect over the network, with a password.
    echo "host all all all scram-sha-256" >>"$PGDATA/pg_hba.conf"

    if [[ $database != postgres ]]; then
        # A server on the Unix socket only, so no client connects before the
        # database exists.
        as_postgres pg_ctl -D "$PGDATA" -o "-c listen_addresses=''" -w start >&2
        as_postgres psql -v ON_ERROR_STOP=1 --username="$user" --dbname=postgres \
            -c "CREATE DATABASE \"$database\"" >&2
        as_postgres pg_ctl -D "$PGDATA" -m fast -w stop >&2
    fi
}

if [[ ${1:-} == postgres ]]; then
    install -d -o postgres -g postgres -m 700 "$PGDATA"
    install -d -o postgres -g postgres -m 2775 /var/run/postgresql
    if [[ ! -s $PGDATA/PG_VERSION ]]; then
        initialise
    fi
    exec setpriv --reuid=postgres --regid=postgres --init-groups "$@" -c listen_addresses='*'
fi

exec "$@"
