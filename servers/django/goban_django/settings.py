"""Django settings, read only from environment variables so one image runs anywhere.

POSTGRES_NAME, POSTGRES_USER, POSTGRES_PASSWORD, POSTGRES_HOST, POSTGRES_PORT: the database.
GOBAN_SECRET_KEY: signs tokens and sessions; required unless GOBAN_DEBUG is on.
GOBAN_HOST: comma-separated public host names the server accepts (also trusted for CSRF over
https); 127.0.0.1 and localhost are always accepted.
GOBAN_DEBUG: "1", "true", "yes" or "on" turns on Django's debug mode, which is for development only.
"""

import os
import warnings
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent


def _flag(name: str) -> bool:
    return os.environ.get(name, "").strip().lower() in {"1", "true", "yes", "on"}


DEBUG = _flag("GOBAN_DEBUG")

SECRET_KEY = os.environ.get("GOBAN_SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "GOBAN_SECRET_KEY is not set: set it to a long random string "
            "(the same for both servers), or set GOBAN_DEBUG=1 for local development."
        )
    SECRET_KEY = "insecure-development-key-used-only-with-GOBAN_DEBUG"

ALLOWED_HOSTS = [host.strip() for host in os.environ.get("GOBAN_HOST", "").split(",") if host.strip()]
CSRF_TRUSTED_ORIGINS = [f"https://{host}" for host in ALLOWED_HOSTS if host != "*"]
# Health checks run inside the container or on the host and address the server as localhost.
ALLOWED_HOSTS += ["127.0.0.1", "localhost"]

# nginx terminates TLS and passes the original scheme and host on.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
USE_X_FORWARDED_HOST = True

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "rest_framework",
    "goban_django.users",
    "goban_django.record",
]

MIDDLEWARE = [
    "goban_django.common.middleware.server_header_middleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "goban_django.urls"
WSGI_APPLICATION = "goban_django.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": os.environ.get("POSTGRES_NAME", "goban"),
        "USER": os.environ.get("POSTGRES_USER", "goban"),
        "PASSWORD": os.environ.get("POSTGRES_PASSWORD", ""),
        "HOST": os.environ.get("POSTGRES_HOST", "127.0.0.1"),
        "PORT": os.environ.get("POSTGRES_PORT", "5432"),
        # Persistent connections, checked before reuse, so a PostgreSQL restart costs one
        # reconnect instead of an error on the next request of every worker.
        "CONN_MAX_AGE": 60,
        "CONN_HEALTH_CHECKS": True,
        "OPTIONS": {"connect_timeout": 5},
    }
}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

PASSWORD_HASHERS = ["django.contrib.auth.hashers.PBKDF2PasswordHasher"]

LANGUAGE_CODE = "en-us"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = os.environ.get("GOBAN_STATIC_ROOT", str(BASE_DIR / "staticfiles"))
# Without a collected STATIC_ROOT (native runs), whitenoise serves the admin's files
# straight from the installed apps.
WHITENOISE_USE_FINDERS = not Path(STATIC_ROOT, "admin").is_dir()
if WHITENOISE_USE_FINDERS:
    # whitenoise warns on every start that STATIC_ROOT is missing, which is expected here.
    warnings.filterwarnings("ignore", message="No directory at: ", category=UserWarning)
# Plain names rather than a manifest, so the admin renders whether or not collectstatic ran.
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}

# SGF files are small; a larger body is refused before it is parsed.
DATA_UPLOAD_MAX_MEMORY_SIZE = 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = DATA_UPLOAD_MAX_MEMORY_SIZE

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": ["goban_django.common.authentication.BearerTokenAuthentication"],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_RENDERER_CLASSES": ["goban_django.common.renderers.UTF8JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["goban_django.common.parsers.JSONObjectParser"],
    "EXCEPTION_HANDLER": "goban_django.common.exceptions.api_exception_handler",
    "UNAUTHENTICATED_USER": None,
    "COERCE_DECIMAL_TO_STRING": False,
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "line": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"},
    },
    "handlers": {
        "stdout": {"class": "logging.StreamHandler", "stream": "ext://sys.stdout", "formatter": "line"},
    },
    "root": {"handlers": ["stdout"], "level": "INFO"},
    "loggers": {
        # Django logs every 4xx as a warning, which would put one line per request body
        # mistake in the log; errors (5xx) still come through.
        "django.request": {"level": "ERROR"},
        "django.security.DisallowedHost": {"level": "ERROR"},
    },
}
