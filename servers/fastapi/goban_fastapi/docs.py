"""The Swagger UI page at /api/docs/, served with all its files from this server.

FastAPI's built-in page loads Swagger UI from a CDN, so it stays blank on a machine without
internet access, and nginx's Content-Security-Policy (default-src 'self') blocks its inline
script. Here the files come from the swagger-ui-bundle-v2 package, and the script that starts
Swagger UI is a file of its own, so the page loads nothing but same-origin files.

swagger-ui-bundle-v2 is a fork of swagger-ui-bundle with the same import name. The original's
latest release (1.1.0) ships Swagger UI 4.15.5, which cannot read FastAPI's OpenAPI 3.1 schema.
"""

import json

from fastapi import FastAPI
from fastapi.responses import HTMLResponse, Response
from fastapi.staticfiles import StaticFiles
from swagger_ui_bundle import swagger_ui_path

DOCS_URL = "/api/docs/"
STATIC_URL = f"{DOCS_URL}static"
INITIALIZER_URL = f"{DOCS_URL}swagger-ui-init.js"


def _page_html(title: str) -> str:
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title} - Swagger UI</title>
<link rel="stylesheet" href="{STATIC_URL}/swagger-ui.css">
<link rel="icon" type="image/png" href="{STATIC_URL}/favicon-32x32.png">
</head>
<body>
<div id="swagger-ui"></div>
<script src="{STATIC_URL}/swagger-ui-bundle.js"></script>
<script src="{INITIALIZER_URL}"></script>
</body>
</html>
"""


def _initializer_js(openapi_url: str) -> str:
    # The same options as FastAPI's own page, plus validatorUrl: null, so the page never sends
    # the schema to validator.swagger.io for checking.
    options = {
        "url": openapi_url,
        "dom_id": "#swagger-ui",
        "layout": "BaseLayout",
        "deepLinking": True,
        "showExtensions": True,
        "showCommonExtensions": True,
        "validatorUrl": None,
    }
    return (
        f"window.ui = SwaggerUIBundle(Object.assign({json.dumps(options)}, {{\n"
        "  presets: [SwaggerUIBundle.presets.apis, SwaggerUIBundle.SwaggerUIStandalonePreset],\n"
        "}));\n"
    )


def docs_install(app: FastAPI) -> None:
    """Serve Swagger UI for app's OpenAPI schema; create the app with docs_url=None."""
    page = _page_html(app.title)
    initializer = _initializer_js(app.openapi_url)

    app.mount(STATIC_URL, StaticFiles(directory=swagger_ui_path), name="swagger_ui")

    @app.get(DOCS_URL, include_in_schema=False)
    def docs_page() -> HTMLResponse:
        return HTMLResponse(page)

    @app.get(INITIALIZER_URL, include_in_schema=False)
    def docs_initializer() -> Response:
        return Response(initializer, media_type="text/javascript")
