#!/usr/bin/env bash
# Dump the Goban database from the running postgres container into the
# backup folder, then delete the oldest dumps beyond the retention count.
# Prints the path of the new dump on stdout.
#
#   deploy/backup.sh
#
# Settings (environment):
#   GOBAN_COMPOSE_PROJECT  Compose project of the stack (default goban)
#   GOBAN_BACKUP_DIR       folder of the dumps (default /srv/goban/backups)
#   GOBAN_BACKUP_KEEP      number of dumps kept (default 14)
#
# The dump is pg_dump's custom format (-Fc): compressed, and restored
# selectively with pg_restore (deploy/restore.sh).
set -euo pipefail

project=${GOBAN_COMPOSE_PROJECT:-goban}
backup_dir=${GOBAN_BACKUP_DIR:-/srv/goban/backups}
keep=${GOBAN_BACKUP_KEEP:-14}

log() { echo "backup: $*" >&2; }

die() {
    log "error: $*"
    exit 1
}

[[ $keep =~ ^[1-9][0-9]*$ ]] || die "GOBAN_BACKUP_KEEP must be a positive whole number, not '$keep'"

container=$(docker ps --quiet \
    --filter "label=com.docker.compose.project=$project" \
    --filter "label=com.docker.compose.service=postgres")
[[ -n $container ]] || die "no running postgres container in Compose project '$project'; start the stack first"

install -d -m 0700 "$backup_dir"
dump="$backup_dir/$project-$(date -u +%Y%m%dT%H%M%SZ).dump"

# The dump is written under a temporary name and renamed when complete, so a
# failed run never leaves a partial file that looks like a backup. Inside the
# container, pg_dump connects over the local socket as the stack's user.
umask 077
docker exec "$container" sh -c \
    'exec pg_dump --format=custom --username="$POSTGRES_USER" "${POSTGRES_DB:-$POSTGRES_USER}"' \
    >"$dump.partial" || {
    rm -f "$dump.partial"
    die "pg_dump failed in container $container"
}
mv "$dump.partial" "$dump"
log "wrote $dump ($(stat -c %s "$dump") bytes)"

# Dump names sort by time, so everything but the newest $keep goes.
mapfile -t old < <(ls -1 "$backup_dir/$project"-[0-9]*Z.dump | sort -r | tail -n +"$((keep + 1))")
for file in "${old[@]}"; do
    rm -f -- "$file"
    log "deleted $file (keeping $keep)"
done

echo "$dump"
