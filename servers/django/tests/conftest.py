"""Fixtures of the Django server's unit tests, which run against a real PostgreSQL.

The POSTGRES_* variables name the server; pytest-django creates and drops a test database
("test_" + POSTGRES_NAME) on it, so the user needs the CREATEDB privilege.
"""

import os

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "goban_django.settings")
os.environ.setdefault("GOBAN_SECRET_KEY", "unit-test-secret-key-0123456789abcdef")
os.environ.setdefault("GOBAN_HOST", "testserver,127.0.0.1,localhost")

import django  # noqa: E402

# pytest-django sets Django up before conftest files run, unless DJANGO_SETTINGS_MODULE was
# already in the environment; this makes `pytest servers/django/tests` work without it.
django.setup()

import pytest  # noqa: E402
from django.conf import settings  # noqa: E402
from goban_core.tokens import issue_token  # noqa: E402
from rest_framework.test import APIClient  # noqa: E402

from tests.factories import user_make  # noqa: E402

PASSWORD = "correct horse battery"


@pytest.fixture
def client() -> APIClient:
    return APIClient()


@pytest.fixture
def user(db):
    return user_make(username="alice", password=PASSWORD)


@pytest.fixture
def auth_client(user) -> APIClient:
    """A client that sends a valid token of `user` with every request."""
    api_client = APIClient()
    api_client.credentials(HTTP_AUTHORIZATION=f"Bearer {issue_token(user.pk, settings.SECRET_KEY)}")
    return api_client


def pytest_configure(config: pytest.Config) -> None:
    # Without collectstatic the admin's files come from the app folders, and whitenoise warns
    # at each start that STATIC_ROOT is missing.
    config.addinivalue_line("filterwarnings", "ignore:No directory at:UserWarning")
