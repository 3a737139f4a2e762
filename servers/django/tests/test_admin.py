"""The Django admin pages of records and moves."""

import pytest

from goban_django.record.models import Move
from tests.factories import record_make, user_make

pytestmark = pytest.mark.django_db


@pytest.fixture
def record():
    record = record_make(owner=user_make(username="carol"), black_player="Shusaku", white_player="Gennan")
    Move.objects.create(record=record, move=1, position=0, color="B")
    return record


@pytest.mark.parametrize(
    "path",
    ["/admin/record/record/", "/admin/record/record/{id}/change/", "/admin/record/move/", "/admin/record/move/{move}/change/"],
)
def test_admin_page_renders(admin_client, record, path):
    response = admin_client.get(path.format(id=record.pk, move=record.moves.get().pk))

    assert response.status_code == 200
    assert response["X-Goban-Server"] == "django"


def test_admin_record_page_lists_moves_read_only(admin_client, record):
    response = admin_client.get(f"/admin/record/record/{record.pk}/change/")

    assert "Shusaku" in response.text
    assert 'name="moves-0-color"' not in response.text
    assert 'name="moves-MAX_NUM_FORMS" value="0"' in response.text


def test_admin_cannot_add_or_delete_moves(admin_client, record):
    move = record.moves.get()

    add = admin_client.get("/admin/record/move/add/")
    delete = admin_client.post(f"/admin/record/move/{move.pk}/delete/", {"post": "yes"})

    assert add.status_code == 403
    assert delete.status_code == 403
    assert Move.objects.filter(pk=move.pk).exists()


def test_admin_needs_staff_login(client, record):
    response = client.get("/admin/record/record/")

    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


def test_admin_board_size_is_read_only_once_created(admin_client, record):
    response = admin_client.get(f"/admin/record/record/{record.pk}/change/")
    add = admin_client.get("/admin/record/record/add/")

    assert 'name="board_size"' not in response.text
    assert 'name="board_size"' in add.text
