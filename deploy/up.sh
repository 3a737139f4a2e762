#!/usr/bin/env bash
# Build and start the production stack on this machine with Docker Compose, and
# wait until it serves requests. Creates .env with fresh secrets on first use and never
# overwrites it.
#
#   deploy/up.sh          build and start
#   deploy/up.sh down     stop and remove the containers; the data volume stays
set -euo pipefail

cd "$(dirname "$0")/.."
compose=(docker compose -f compose.prod.yml)

log() { echo "up: $*" >&2; }

# Write .env from the template with new random secrets, readable by root only.
ensure_env() {
    if [[ -e .env ]]; then
        return
    fi
    log "creating .env with fresh secrets"
    local password secret
    password=$(openssl rand -hex 24)
    secret=$(openssl rand -base64 48 | tr -d '\n')
    (
        umask 077
        sed -e "s|^POSTGRES_PASSWORD=.*|POSTGRES_PASSWORD=$password|" \
            -e "s|^GOBAN_SECRET_KEY=.*|GOBAN_SECRET_KEY=$secret|" \
            deploy/.env.example >.env.partial
        mv .env.partial .env
    )
}

# Read one setting from .env, or its default.
setting() {
    local value
    value=$(sed -n "s/^$1=//p" .env | tail -n 1)
    echo "${value:-$2}"
}

# Wait until nginx passes a health check through to a server.
wait_for_site() {
    local url=$1
    local deadline=$((SECONDS + 60))
    until curl --silent --fail --insecure --max-time 5 "$url/api/health/" >/dev/null; do
        if ((SECONDS > deadline)); then
            log "error: $url/api/health/ did not answer 200 within 60 s; see: ${compose[*]} logs"
            return 1
        fi
        sleep 1
    done
}

up() {
    ensure_env
    chmod 600 .env
    "${compose[@]}" build
    "${compose[@]}" up -d --wait --remove-orphans

    local port address url
    port=$(setting GOBAN_HTTPS_PORT 443)
    address=$(setting GOBAN_BIND_ADDRESS 127.0.0.1)
    [[ $address == 0.0.0.0 ]] && address=127.0.0.1
    url="https://$address"
    [[ $port == 443 ]] || url="$url:$port"
    wait_for_site "$url"
    log "Goban is up at $url (release $(setting GOBAN_RELEASE dev))"
}

down() {
    "${compose[@]}" down --remove-orphans
    log "stopped; the database volume goban_pgdata is kept"
}

case "${1:-up}" in
    up) up ;;
    down) down ;;
    *)
        echo "usage: $0 [up|down]" >&2
        exit 2
        ;;
esac
