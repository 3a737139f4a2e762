#!/usr/bin/env bash
# Build the web client, serve it with `vite preview` on 127.0.0.1:4173 and
# run the browser tests against it in Debian's Chromium. The API servers
# must already run; the preview server forwards /api/ to GOBAN_API_PROXY.
#
#   GOBAN_API_PROXY=http://127.0.0.1:8001 tests/e2e/run-native.sh [PLAYWRIGHT ARG...]
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
WEB=$ROOT/web
PREVIEW_HOST=127.0.0.1
PREVIEW_PORT=${GOBAN_PREVIEW_PORT:-4173}
export GOBAN_API_PROXY=${GOBAN_API_PROXY:-http://127.0.0.1:8001}
export GOBAN_GAMES_DIR=${GOBAN_GAMES_DIR:-$(cd "$ROOT/.." && pwd)/shared/games}
PREVIEW_PID=

log() { echo "e2e: $*" >&2; }

stop_preview() {
    if [[ -n $PREVIEW_PID ]]; then
        kill -TERM "$PREVIEW_PID" 2>/dev/null || true
        wait "$PREVIEW_PID" 2>/dev/null || true
    fi
}
trap stop_preview EXIT

if [[ ! -x /usr/bin/chromium ]]; then
    log "installing Chromium from Debian's archive"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi

cd "$WEB"
# npm ci writes node_modules/.package-lock.json; an older copy means the lock file changed since.
if [[ ! -f node_modules/.package-lock.json || package-lock.json -nt node_modules/.package-lock.json ]]; then
    log "installing npm packages"
    npm ci --no-audit --no-fund
fi
npm run build

node node_modules/vite/bin/vite.js preview --host "$PREVIEW_HOST" --port "$PREVIEW_PORT" --strictPort \
    >"$ROOT/tests/e2e/preview.log" 2>&1 &
PREVIEW_PID=$!
for _ in $(seq 1 60); do
    if curl -fsS -o /dev/null "http://$PREVIEW_HOST:$PREVIEW_PORT/"; then
        break
    fi
    if ! kill -0 "$PREVIEW_PID" 2>/dev/null; then
        log "vite preview exited; its log follows"
        cat "$ROOT/tests/e2e/preview.log" >&2
        exit 1
    fi
    sleep 0.5
done
log "web client on http://$PREVIEW_HOST:$PREVIEW_PORT, API through $GOBAN_API_PROXY"

# The tests live outside web/, so Node finds @playwright/test through NODE_PATH.
status=0
NODE_PATH=$WEB/node_modules GOBAN_WEB_URL=http://$PREVIEW_HOST:$PREVIEW_PORT \
    node node_modules/@playwright/test/cli.js test --config "$ROOT/tests/e2e/playwright.config.ts" "$@" || status=$?
exit "$status"
