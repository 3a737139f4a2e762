"""Property-based requests generated from the FastAPI server's OpenAPI schema, sent to every server.

The schema comes from the server named `fastapi` in GOBAN_API_URLS, and each configured server
gets the same operations, since the Django server serves the same paths. Each operation gets at
most MAX_EXAMPLES requests that fit the schema and as many that do not. The only check is that
no response is a 5xx. Requests carry the token of a user registered for the run, and half of
the cases that name a record name one of that user's records, so plays, undos and updates reach
real rows rather than stopping at 404.

Bounds: at most 30 examples per operation and generation mode, and 10 seconds per request.
Each server also has a time budget (GOBAN_FUZZ_BUDGET_SECONDS, 120 by default). Operations
that the budget leaves out are named in the failure. A run took 55-60 s per server on a 2-core
machine, half of it spent hashing passwords at login.

    GOBAN_API_URLS=django=http://127.0.0.1:8001,fastapi=http://127.0.0.1:8002 .venv/bin/pytest tests/fuzz
"""

import datetime
import os
import time
import uuid

import httpx
import pytest
import schemathesis
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from hypothesis.errors import Unsatisfiable
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error

DEFAULT_API_URLS = "django=http://127.0.0.1:8001,fastapi=http://127.0.0.1:8002"
MAX_EXAMPLES = 30
REQUEST_TIMEOUT = 10.0
BUDGET_SECONDS = float(os.environ.get("GOBAN_FUZZ_BUDGET_SECONDS", "120"))
RECORDS = 4

# The SGF import takes the raw file; schemathesis sends generated text for it as it sends text/plain.
schemathesis.serializer.alias("application/x-go-sgf", "text/plain")


def configured_servers() -> dict[str, str]:
    """Parse GOBAN_API_URLS ("name=base URL" pairs separated by commas)."""
    servers = {}
    for pair in os.environ.get("GOBAN_API_URLS", DEFAULT_API_URLS).split(","):
        name, _, base_url = pair.strip().partition("=")
        servers[name.strip()] = base_url.strip().rstrip("/")
    return servers


def verify_tls() -> bool:
    return os.environ.get("GOBAN_API_VERIFY", "1") != "0"


@pytest.fixture(scope="module")
def schema() -> schemathesis.BaseSchema:
    """The FastAPI server's OpenAPI schema."""
    servers = configured_servers()
    if "fastapi" not in servers:
        pytest.fail("GOBAN_API_URLS has no `fastapi` entry, whose /api/openapi.json the fuzz run reads")
    return schemathesis.openapi.from_url(f"{servers['fastapi']}/api/openapi.json", verify=verify_tls())


def _fresh_user_with_records(base_url: str) -> tuple[dict[str, str], list[int]]:
    """Register and log in a user on base_url, create its records, and return its headers and record ids."""
    name = f"fuzz_{uuid.uuid4().hex[:16]}"
    password = f"fuzz-{uuid.uuid4().hex}"
    with httpx.Client(base_url=base_url, verify=verify_tls(), timeout=30) as client:
        registered = client.post(
            "/api/register/", json={"username": name, "email": f"{name}@example.com", "password": password}
        )
        assert registered.status_code == 201, registered.text
        token = client.post("/api/login/", json={"username": name, "password": password}).json()
        headers = {"Authorization": f"Bearer {token}"}
        records = []
        for size in (9, 13, 19, 9)[:RECORDS]:
            created = client.post("/api/records/", json={"board_size": size}, headers=headers)
            assert created.status_code == 201, created.text
            records.append(created.json()["id"])
    return headers, records


def _cases(operation, mode: GenerationMode, record_ids: list[int]):
    """Strategy of cases for operation, half of which name one of record_ids when a record is named."""
    cases = operation.as_strategy(generation_mode=mode)
    if "record_id" not in operation.path or operation.method.upper() == "DELETE":
        return cases

    def aim(pair):
        case, record_id = pair
        if record_id is not None and isinstance(case.path_parameters, dict):
            case.path_parameters["record_id"] = record_id
        return case

    return st.tuples(cases, st.one_of(st.none(), st.sampled_from(record_ids))).map(aim)


def _run_operation(operation, base_url: str, headers: dict[str, str], record_ids: list[int]) -> list[str]:
    """Send generated requests for one operation to base_url; return the failures found."""
    failures = []
    for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):

        @settings(
            max_examples=MAX_EXAMPLES,
            deadline=datetime.timedelta(seconds=REQUEST_TIMEOUT * 2),
            phases=[Phase.explicit, Phase.generate],
            suppress_health_check=list(HealthCheck),
            database=None,
        )
        @given(case=_cases(operation, mode, record_ids))
        def check(case) -> None:
            response = case.call(base_url=base_url, headers=headers, timeout=REQUEST_TIMEOUT, verify=verify_tls())
            case.validate_response(response, checks=[not_a_server_error])

        try:
            check()
        except Unsatisfiable:
            # An operation without parameters or body, such as GET /api/health/, has nothing to
            # make invalid, so the negative mode generates no case at all.
            assert mode is GenerationMode.NEGATIVE, f"no case generated for {operation.method} {operation.path}"
        except Exception as error:  # noqa: BLE001 - every failure of one operation is reported with the rest
            failures.append(f"{operation.method.upper()} {operation.path} ({mode.value}): {error}")
    return failures


@pytest.mark.parametrize("server", sorted(configured_servers()))
def test_generated_requests_get_no_server_error(schema, server: str):
    """No request generated from the schema, valid or not, gets a 5xx from the server."""
    base_url = configured_servers()[server]
    headers, record_ids = _fresh_user_with_records(base_url)
    deadline = time.monotonic() + BUDGET_SECONDS

    failures: list[str] = []
    left_out: list[str] = []
    operations = [result.ok() for result in schema.get_all_operations()]
    for operation in operations:
        if time.monotonic() > deadline:
            left_out.append(f"{operation.method.upper()} {operation.path}")
            continue
        started = time.monotonic()
        failures.extend(_run_operation(operation, base_url, headers, record_ids))
        print(f"{server}: {operation.method.upper()} {operation.path} took {time.monotonic() - started:.1f} s")

    assert len(operations) >= 12, [f"{op.method} {op.path}" for op in operations]
    assert not failures, "\n\n".join(failures)
    assert not left_out, f"the {BUDGET_SECONDS:.0f} s budget ran out before: {', '.join(left_out)}"
