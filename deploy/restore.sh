#!/usr/bin/env bash
# Replace the Goban database with a dump made by deploy/backup.sh.
#
#   deploy/restore.sh DUMP
#
# The API servers are stopped first, so no request writes while the tables
# are replaced, and started again afterwards, also when the restore fails.
# pg_restore runs in one transaction: it replaces everything or nothing.
#
# Settings (environment):
#   GOBAN_COMPOSE_PROJECT  Compose project of the stack (default goban)
#   GOBAN_WAIT_TIMEOUT     seconds to wait for the servers to be healthy again (default 180)
set -euo pipefail

project=${GOBAN_COMPOSE_PROJECT:-goban}
wait_timeout=${GOBAN_WAIT_TIMEOUT:-180}

log() { echo "restore: $*" >&2; }

die() {
    log "error: $*"
    exit 1
}

containers_of() {
    docker ps --quiet \
        --filter "label=com.docker.compose.project=$project" \
        --filter "label=com.docker.compose.service=$1"
}

[[ $# -eq 1 ]] || die "usage: $0 DUMP"
dump=$1
[[ -f $dump && -r $dump ]] || die "dump not found or not readable: '$dump'"

postgres=$(containers_of postgres)
[[ -n $postgres ]] || die "no running postgres container in Compose project '$project'; start the stack first"

servers=()
for service in django fastapi; do
    mapfile -t -O "${#servers[@]}" servers < <(containers_of "$service")
done

start_servers() {
    ((${#servers[@]})) || return 0
    log "starting the API servers again"
    docker start "${servers[@]}" >/dev/null
    local deadline=$((SECONDS + wait_timeout)) container health
    for container in "${servers[@]}"; do
        until health=$(docker inspect --format '{{if .State.Health}}{{.State.Health.Status}}{{else}}none{{end}}' "$container") \
            && [[ $health == healthy || $health == none ]]; do
            ((SECONDS < deadline)) || die "container $container is not healthy after $wait_timeout s"
            sleep 1
        done
    done
    log "the API servers are healthy"
}
trap start_servers EXIT

if ((${#servers[@]})); then
    log "stopping the API servers: ${servers[*]}"
    docker stop "${servers[@]}" >/dev/null
fi

log "restoring $dump"
# --clean --if-exists drops each object of the dump before creating it again,
# so tables created by migrations since are replaced, and missing ones are
# not an error.
docker exec --interactive "$postgres" sh -c \
    'exec pg_restore --clean --if-exists --no-owner --single-transaction --username="$POSTGRES_USER" --dbname="${POSTGRES_DB:-$POSTGRES_USER}"' \
    <"$dump"
log "restored $dump"
