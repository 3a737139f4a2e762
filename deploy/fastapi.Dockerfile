# The FastAPI API server. Build context: the repository root.
#   docker build -f deploy/fastapi.Dockerfile -t goban/fastapi .

FROM python:3.11-slim-bookworm AS build

# uv installs exactly what uv.lock pins. Bytecode is compiled here because the
# running container's file system is read-only.
RUN pip install --no-cache-dir --root-user-action=ignore uv==0.13.9
ENV UV_COMPILE_BYTECODE=1 \
    UV_LINK_MODE=copy \
    UV_PYTHON_DOWNLOADS=never \
    UV_PROJECT_ENVIRONMENT=/app/.venv

WORKDIR /app

# Dependencies first, from the lock file and the workspace's pyproject files
# only, so this layer is rebuilt only when a dependency changes.
COPY pyproject.toml uv.lock ./
COPY servers/core/pyproject.toml servers/core/
COPY servers/django/pyproject.toml servers/django/
COPY servers/fastapi/pyproject.toml servers/fastapi/
RUN uv sync --frozen --no-dev --no-install-workspace --package goban-fastapi

COPY servers/core servers/core
COPY servers/fastapi servers/fastapi
RUN uv sync --frozen --no-dev --package goban-fastapi \
    && python -m compileall -q servers/core servers/fastapi


FROM python:3.11-slim-bookworm AS runtime

ENV PATH=/app/.venv/bin:$PATH \
    PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    GOBAN_BIND=0.0.0.0:8000

RUN groupadd --system --gid 10001 goban \
    && useradd --system --uid 10001 --gid goban --no-create-home --home-dir /nonexistent goban

# The code stays owned by root, so the server cannot change it.
COPY --from=build /app /app

WORKDIR /app/servers/fastapi
USER goban
EXPOSE 8000

# 503 (database unavailable) or no answer makes urlopen raise, so the check fails.
HEALTHCHECK --interval=5s --timeout=4s --start-period=30s --retries=3 \
    CMD ["python", "-c", "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/api/health/', timeout=3)"]

CMD ["gunicorn", "-c", "gunicorn.conf.py", "goban_fastapi.main:app"]
