#!/bin/sh
# Write the upstream groups from the servers' fixed addresses on the front
# network, and the HTTPS authority that port 80 redirects to.
#
# nginx resolves the host names of an upstream group once, at start-up, so a
# recreated container that got a new address would never be reached. The
# servers have fixed addresses instead (compose.prod.yml sets the same
# variables), which a recreated container gets again. Round robin, passive
# failure detection (max_fails) and retries (proxy_next_upstream) then work as
# for any static upstream group.
set -eu

: "${GOBAN_DJANGO_ADDRESS:?is not set: the Django server's address on the front network}"
: "${GOBAN_FASTAPI_ADDRESS:?is not set: the FastAPI server's address on the front network}"
https_port=${GOBAN_HTTPS_PORT:-443}

if [ "$https_port" = 443 ]; then
    authority='$host'
else
    authority="\$host:$https_port"
fi

mkdir -p /etc/nginx/goban
cat >/etc/nginx/goban/upstreams.conf <<CONF
# Written by $0 at container start. Do not edit.

# After one failed attempt a server gets no requests for 5 s, then one
# request to test it. Without this, every other request to a stopped server
# would wait for the connect timeout before its retry. The zone shares the
# rotation and the failure counts between nginx's worker processes.
upstream goban_api {
    zone goban_api 64k;
    server $GOBAN_DJANGO_ADDRESS:8000 max_fails=1 fail_timeout=5s;
    server $GOBAN_FASTAPI_ADDRESS:8000 max_fails=1 fail_timeout=5s;
}

upstream goban_django {
    server $GOBAN_DJANGO_ADDRESS:8000;
}

upstream goban_fastapi {
    server $GOBAN_FASTAPI_ADDRESS:8000;
}

map \$host \$goban_https_authority {
    default "$authority";
}
CONF
echo "$0: django at $GOBAN_DJANGO_ADDRESS:8000, fastapi at $GOBAN_FASTAPI_ADDRESS:8000" >&2
