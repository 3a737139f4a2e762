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
