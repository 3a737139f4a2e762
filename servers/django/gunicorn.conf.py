"""gunicorn settings for the Goban Django server, overridable through the environment.

GOBAN_BIND: address to listen on (default 0.0.0.0:8000).
GOBAN_WORKERS: number of worker processes (default 2).
GOBAN_FORWARDED_ALLOW_IPS: proxies whose X-Forwarded-* headers are trusted (default: any,
because only nginx can reach the server on its private network).
"""

import os

bind = os.environ.get("GOBAN_BIND", "0.0.0.0:8000")
workers = int(os.environ.get("GOBAN_WORKERS", "2"))
wsgi_app = "goban_django.wsgi"

# On SIGTERM, requests in flight get this many seconds to finish before workers are killed.
graceful_timeout = 30
timeout = 30

accesslog = "-"
errorlog = "-"
access_log_format = '%(h)s "%(r)s" %(s)s %(b)s %(M)sms'

forwarded_allow_ips = os.environ.get("GOBAN_FORWARDED_ALLOW_IPS", "*")

# gunicorn 25.1+ opens a control socket at one fixed path per user by default. Several
# servers on one host would compete for that path, and nothing here uses gunicornc.
control_socket_disable = True


def worker_exit(server, worker):
    """Serve the connections still queued on the listening socket before this worker exits.

    A sync worker stops accepting on SIGTERM, and the kernel resets the connections left in
    the listen backlog when the socket closes. nginx has already sent those requests, so it
    cannot retry a POST on the other server, and the client would see a 502.
    """
    for listener in worker.sockets:
        listener.setblocking(False)
        while True:
            try:
                client, address = listener.accept()
            except (BlockingIOError, InterruptedError):
                break
            client.setblocking(True)
            worker.handle(listener, client, address)
        listener.close()
