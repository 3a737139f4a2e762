"""Moves sent at the same time to one record are serialised by the row lock on the record."""

import time
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.conf import settings
from django.contrib.auth.models import User
from django.db import connection, transaction
from goban_core.passwords import hash_password
from goban_core.tokens import issue_token
from rest_framework.test import APIClient

from goban_django.record.models import Move
from goban_django.users import services
from tests.factories import record_make

THREADS = 8
MOVES_PER_THREAD = 10


def _send(token: str, record_id: int, thread: int) -> list[int]:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {token}")
    statuses = []
    try:
        for step in range(MOVES_PER_THREAD):
            if step % 5 == 4:
                response = client.post(f"/api/records/{record_id}/pass/")
            else:
                # Each thread owns two rows of the board, so no two stones meet on one point.
                point = {"x": step, "y": thread * 2 + step % 2}
                response = client.post(f"/api/records/{record_id}/play/", point, format="json")
            statuses.append(response.status_code)
    finally:
        connection.close()
    return statuses


@pytest.mark.django_db(transaction=True)
def test_concurrent_moves_get_consecutive_numbers(user):
    record = record_make(owner=user, board_size=19)
    token = issue_token(user.pk, settings.SECRET_KEY)

    with ThreadPoolExecutor(max_workers=THREADS) as pool:
        results = list(pool.map(_send, [token] * THREADS, [record.pk] * THREADS, range(THREADS)))

    assert [status for statuses in results for status in statuses] == [201] * THREADS * MOVES_PER_THREAD
    rows = list(Move.objects.filter(record=record).order_by("move").values_list("move", "color"))
    assert [number for number, _ in rows] == list(range(1, THREADS * MOVES_PER_THREAD + 1))
    assert [color for _, color in rows] == ["B", "W"] * (THREADS * MOVES_PER_THREAD // 2)


def _play_until_gone(token: str, record_id: int) -> list[int]:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {token}")
    statuses = []
    try:
        for step in range(40):
            point = {"x": step % 19, "y": step // 19}
            statuses.append(client.post(f"/api/records/{record_id}/play/", point, format="json").status_code)
            if statuses[-1] == 404:
                break
    finally:
        connection.close()
    return statuses


def _delete(token: str, record_id: int) -> int:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {token}")
    try:
        return client.delete(f"/api/records/{record_id}/").status_code
    finally:
        connection.close()


@pytest.mark.django_db(transaction=True)
def test_delete_during_plays_leaves_no_orphan_move(user):
    """Each play either lands before the delete (and is deleted with the record) or gets 404."""
    token = issue_token(user.pk, settings.SECRET_KEY)
    records = [record_make(owner=user, board_size=19) for _ in range(4)]

    with ThreadPoolExecutor(max_workers=8) as pool:
        plays = [pool.submit(_play_until_gone, token, record.pk) for record in records]
        deletes = [pool.submit(_delete, token, record.pk) for record in records]
        play_statuses = [status for future in plays for status in future.result()]
        delete_statuses = [future.result() for future in deletes]

    assert delete_statuses == [204] * len(records)
    assert set(play_statuses) <= {201, 404}
    assert not Move.objects.exists()


def _update_until_gone(token: str, record_id: int) -> list[int]:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {token}")
    statuses = []
    try:
        for step in range(40):
            body = {"name": f"edit {step}"}
            statuses.append(client.patch(f"/api/records/{record_id}/", body, format="json").status_code)
            if statuses[-1] == 404:
                break
    finally:
        connection.close()
    return statuses


@pytest.mark.django_db(transaction=True)
def test_delete_during_updates_gives_404_not_500(user):
    token = issue_token(user.pk, settings.SECRET_KEY)
    records = [record_make(owner=user) for _ in range(4)]

    with ThreadPoolExecutor(max_workers=8) as pool:
        updates = [pool.submit(_update_until_gone, token, record.pk) for record in records]
        deletes = [pool.submit(_delete, token, record.pk) for record in records]
        update_statuses = [status for future in updates for status in future.result()]
        delete_statuses = [future.result() for future in deletes]

    assert delete_statuses == [204] * len(records)
    assert set(update_statuses) <= {200, 404}


def _register(username: str) -> int:
    client = APIClient()
    body = {"username": username, "email": "same@example.com", "password": "correct horse battery"}
    try:
        return client.post("/api/register/", body, format="json").status_code
    finally:
        connection.close()


@pytest.mark.django_db(transaction=True)
def test_registration_waits_for_same_name_in_other_case(monkeypatch):
    """A registration of "bob" waits while one of "BOB" is not committed yet, then is rejected."""
    monkeypatch.setattr(services, "hash_password", lambda password: hash_password(password, iterations=1))

    with ThreadPoolExecutor(max_workers=1) as pool:
        with transaction.atomic():
            services.user_create(username="BOB", email="b@example.com", password="correct horse battery")
            waiting = pool.submit(_register, "bob")
            time.sleep(1.0)
            running_while_locked = not waiting.done()

        assert waiting.result() == 400
    assert running_while_locked
    assert list(User.objects.values_list("username", flat=True)) == ["BOB"]
