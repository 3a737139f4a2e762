#!/usr/bin/env bash
# Take one API server out of nginx's rotation before it is stopped or replaced:
# its container refuses new connections from nginx, which retries a refused
# connection on the other server. This script then waits until the server has
# closed every connection it already has open.
#
#   deploy/server-drain.sh django|fastapi
#   docker compose -f compose.prod.yml stop django
#
# A bare `docker stop` can fail a request: the kernel resets connections still
# queued on the listening socket when gunicorn closes it, after nginx has sent
# the request, and nginx never retries a POST it has sent.
set -euo pipefail

cd "$(dirname "$0")/.."
service=${1:?usage: deploy/server-drain.sh django|fastapi}

container=$(docker compose -f compose.prod.yml ps --quiet "$service")
if [[ -z $container ]]; then
    echo "server-drain: $service has no running container" >&2
    exit 1
fi
pid=$(docker inspect --format '{{.State.Pid}}' "$container")

# Only the container's own network namespace changes, and a new container gets
# a new one. Its health check on loopback still reaches the server.
nsenter --target "$pid" --net iptables --wait --insert INPUT \
    -p tcp --dport 8000 --syn ! -i lo -j REJECT --reject-with tcp-reset

for _ in $(seq 1 60); do
    held=$(nsenter --target "$pid" --net ss -Htn state established '( sport = :8000 )' | grep -vc ' 127\.0\.0\.1:' || true)
    if [[ $held == 0 ]]; then
        echo "server-drain: $service rejects new connections and has none open" >&2
        exit 0
    fi
    sleep 0.5
done
echo "server-drain: $service still has $held connections open after 30 s; try again or stop it anyway" >&2
exit 1
