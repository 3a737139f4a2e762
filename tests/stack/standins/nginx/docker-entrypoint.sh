#!/bin/sh
# Run the executable *.sh scripts of /docker-entrypoint.d/ in name order before
# nginx starts, as the official image does, then replace this shell with the
# command.
set -eu

if [ "${1:-}" = nginx ] || [ "${1:-}" = nginx-debug ]; then
    for script in /docker-entrypoint.d/*.sh; do
        [ -e "$script" ] || continue
        if [ -x "$script" ]; then
            echo "$0: running $script" >&2
            "$script"
        else
            echo "$0: ignoring $script, not executable" >&2
        fi
    done
fi

exec "$@"
