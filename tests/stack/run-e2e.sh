#!/usr/bin/env bash
# Run the browser tests (tests/e2e) in Debian's Chromium against the web
# client that nginx serves, with its self-signed certificate.
#
#   GOBAN_WEB_URL=https://127.0.0.1 tests/stack/run-e2e.sh [PLAYWRIGHT ARG...]
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
export GOBAN_WEB_URL=${GOBAN_WEB_URL:-https://127.0.0.1}
export GOBAN_GAMES_DIR=${GOBAN_GAMES_DIR:-$(cd "$root/.." && pwd)/shared/games}

if [[ ! -x /usr/bin/chromium ]]; then
    echo "run-e2e: installing Chromium from Debian's archive" >&2
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi

# The tests live outside web/, so Node finds @playwright/test through NODE_PATH.
cd "$root/web"
export NODE_PATH=$root/web/node_modules
exec npx playwright test --config "$root/tests/e2e/playwright.config.ts" "$@"
