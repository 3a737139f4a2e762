"""The WSGI application that gunicorn serves."""

import logging
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "goban_django.settings")

application = get_wsgi_application()

logging.getLogger(__name__).info("Goban Django server loaded (pid %s)", os.getpid())
