"""gunicorn settings for the Goban FastAPI server (uvicorn workers), overridable through the environment.

GOBAN_BIND: address to listen on (default 0.0.0.0:8000).
GOBAN_WORKERS: number of worker processes (default 2).
GOBAN_FORWARDED_ALLOW_IPS: proxies whose X-Forwarded-* headers are trusted (default: any,
because only nginx can reach the server on its private network).
"""

import os

bind = os.environ.get("GOBAN_BIND", "0.0.0.0:8000")
workers = int(os.environ.get("GOBAN_WORKERS", "2"))
worker_class = "uvicorn_worker.UvicornWorker"
wsgi_app = "goban_fastapi.main:app"

# On SIGTERM, requests in flight get this many seconds to finish before workers are stopped.
graceful_timeout = 30
timeout = 30

forwarded_allow_ips = os.environ.get("GOBAN_FORWARDED_ALLOW_IPS", "*")

# gunicorn 25.1+ opens a control socket at one fixed path per user by default. Several servers
# on one host would compete for that path, and nothing here uses gunicornc.
control_socket_disable = True

accesslog = "-"
# One stdout stream for gunicorn, uvicorn and the application, one line per event.
logconfig_dict = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"line": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"}},
    "handlers": {"stdout": {"class": "logging.StreamHandler", "stream": "ext://sys.stdout", "formatter": "line"}},
    "root": {"handlers": ["stdout"], "level": "INFO"},
    "loggers": {
        "gunicorn.error": {"handlers": ["stdout"], "level": "INFO", "propagate": False},
        "gunicorn.access": {"handlers": ["stdout"], "level": "INFO", "propagate": False},
    },
}
