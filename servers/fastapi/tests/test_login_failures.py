"""A burst of failed logins for one username gives one warning, not one line per attempt."""

import logging

import pytest
from goban_fastapi.auth import login_failures
from goban_fastapi.auth.login_failures import (
    BURST_SIZE,
    BURST_WINDOW_SECONDS,
    login_failure_record,
)


@pytest.fixture(autouse=True)
def no_earlier_failures(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(login_failures, "_failure_times", {})


def _warnings(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [record.getMessage() for record in caplog.records if record.levelno == logging.WARNING]


def test_burst_logs_one_warning(caplog: pytest.LogCaptureFixture):
    for second in range(BURST_SIZE):
        login_failure_record("mallory", now=1000.0 + second)

    assert _warnings(caplog) == [
        f"{BURST_SIZE} failed logins for username 'mallory' within {BURST_WINDOW_SECONDS:.0f} s"
    ]


def test_failures_below_burst_log_nothing(caplog: pytest.LogCaptureFixture):
    for second in range(BURST_SIZE - 1):
        login_failure_record("mallory", now=1000.0 + second)

    assert _warnings(caplog) == []


def test_failures_spread_beyond_window_log_nothing(caplog: pytest.LogCaptureFixture):
    for index in range(BURST_SIZE * 2):
        login_failure_record("mallory", now=1000.0 + index * BURST_WINDOW_SECONDS / 2)

    assert _warnings(caplog) == []
    assert len(login_failures._failure_times["mallory"]) <= 2


def test_other_usernames_count_apart(caplog: pytest.LogCaptureFixture):
    for second in range(BURST_SIZE - 1):
        login_failure_record("mallory", now=1000.0 + second)
        login_failure_record("trudy", now=1000.0 + second)

    assert _warnings(caplog) == []
