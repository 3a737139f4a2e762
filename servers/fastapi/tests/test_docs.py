"""The Swagger UI page loads only files this server serves, so it works without internet access."""

from html.parser import HTMLParser
from urllib.parse import urlsplit

import dataclasses

import pytest
from fastapi.testclient import TestClient
from goban_fastapi.config import settings_from_env
from goban_fastapi.main import create_app

JAVASCRIPT_TYPES = {"text/javascript", "application/javascript"}


class _AssetCollector(HTMLParser):
    """Collects the src and href attributes of a page, and the text inside its script elements."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []
        self.script_sources: list[str | None] = []
        self.inline_script_text = ""
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        self.urls.extend(attributes[name] for name in ("src", "href") if attributes.get(name))
        if tag == "script":
            self.script_sources.append(attributes.get("src"))
            self._in_script = True

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script:
            self.inline_script_text += data.strip()


@pytest.fixture(scope="module")
def client() -> TestClient:
    # Without the "with" block the lifespan does not run, so no database is needed.
    settings = dataclasses.replace(settings_from_env(), allowed_hosts=["testserver"])
    return TestClient(create_app(settings))


@pytest.fixture(scope="module")
def page(client: TestClient) -> _AssetCollector:
    response = client.get("/api/docs/")
    assert response.status_code == 200, response.text
    collector = _AssetCollector()
    collector.feed(response.text)
    return collector


def _media_type(content_type: str) -> str:
    return content_type.split(";")[0].strip()


def test_docs_page_is_html_from_fastapi(client: TestClient):
    response = client.get("/api/docs/")

    assert response.status_code == 200
    assert _media_type(response.headers["content-type"]) == "text/html"
    assert response.headers["x-goban-server"] == "fastapi"


def test_docs_page_loads_only_same_origin_files(page: _AssetCollector):
    assert len(page.urls) == 4, page.urls
    for url in page.urls:
        parts = urlsplit(url)
        assert parts.scheme == "", f"{url} names a scheme, so it may be on another server"
        assert parts.netloc == "", f"{url} names another server"
        assert parts.path.startswith("/api/docs/"), f"{url} is outside /api/docs/, which nginx sends to FastAPI"


def test_docs_page_has_no_inline_script(page: _AssetCollector):
    """nginx's Content-Security-Policy allows scripts only from files of the same origin."""
    assert len(page.script_sources) == 2
    assert all(page.script_sources), page.script_sources
    assert page.inline_script_text == ""


@pytest.mark.parametrize(
    ("url", "media_types"),
    [
        ("/api/docs/static/swagger-ui-bundle.js", JAVASCRIPT_TYPES),
        ("/api/docs/static/swagger-ui.css", {"text/css"}),
        ("/api/docs/static/favicon-32x32.png", {"image/png"}),
        ("/api/docs/swagger-ui-init.js", JAVASCRIPT_TYPES),
    ],
)
def test_docs_file_served_with_media_type(client: TestClient, page: _AssetCollector, url: str, media_types: set[str]):
    response = client.get(url)

    assert url in page.urls
    assert response.status_code == 200
    assert _media_type(response.headers["content-type"]) in media_types
    assert response.headers["x-goban-server"] == "fastapi"
    assert len(response.content) > 0


def test_docs_initializer_points_at_openapi_schema(client: TestClient):
    script = client.get("/api/docs/swagger-ui-init.js").text

    assert '"url": "/api/openapi.json"' in script
    assert '"validatorUrl": null' in script
    assert client.get("/api/openapi.json").status_code == 200


def test_docs_missing_file_is_404(client: TestClient):
    response = client.get("/api/docs/static/no-such-file.js")

    assert response.status_code == 404
    assert response.headers["x-goban-server"] == "fastapi"


def test_docs_routes_not_in_schema(client: TestClient):
    paths = client.get("/api/openapi.json").json()["paths"]

    assert not [path for path in paths if path.startswith("/api/docs/")]
