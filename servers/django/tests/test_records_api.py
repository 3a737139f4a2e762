"""Creating, listing, showing, changing and deleting records."""

import json
import re

import pytest
from django.contrib.auth.models import User
from rest_framework.test import APIClient

from goban_django.record.apis import records
from goban_django.record.models import Move, Record
from tests.factories import record_make, user_make

pytestmark = pytest.mark.django_db

CREATED = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$")


def post_json(client, path: str, body) -> object:
    return client.post(path, json.dumps(body), content_type="application/json")


def test_create_record_with_defaults(auth_client, user):
    response = post_json(auth_client, "/api/records/", {"board_size": 19})

    assert response.status_code == 201
    body = response.json()
    record = Record.objects.get()
    assert CREATED.match(body.pop("created"))
    assert body == {
        "id": record.pk,
        "owner": user.pk,
        "board_size": 19,
        "name": "",
        "black_player": "Black",
        "white_player": "White",
        "comment": "",
        "handicap": 0,
        "komi": 7.5,
        "ruleset": "AGA",
        "winner": "U",
    }


def test_create_record_with_every_field(auth_client):
    fields = {
        "board_size": 13,
        "name": "Club game",
        "black_player": "  Ann  ",
        "white_player": "Bo",
        "comment": "c" * 400,
        "handicap": 9,
        "komi": -0.5,
        "ruleset": "JPN",
        "winner": "B",
    }

    response = post_json(auth_client, "/api/records/", fields)

    assert response.status_code == 201
    body = response.json()
    # winner cannot be set on creation: the game has just begun.
    assert {key: body[key] for key in fields} == {**fields, "winner": "U"}


def test_komi_is_always_a_float(auth_client):
    response = auth_client.post("/api/records/", b'{"board_size": 9, "komi": 0}', content_type="application/json")

    assert response.status_code == 201
    assert b'"komi":0.0' in response.content


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({}, "board_size"),
        ({"board_size": None}, "board_size"),
        ({"board_size": 10}, "board_size"),
        ({"board_size": "19"}, "board_size"),
        ({"board_size": 19.0}, "board_size"),
        ({"board_size": True}, "board_size"),
        ({"board_size": 10**30}, "board_size"),
        ({"board_size": {"size": 19}}, "board_size"),
        ({"board_size": 19, "name": "n" * 201}, "name"),
        ({"board_size": 19, "name": None}, "name"),
        ({"board_size": 19, "name": 5}, "name"),
        ({"board_size": 19, "name": "nul\x00"}, "name"),
        ({"board_size": 19, "name": "lone \ud800"}, "name"),
        ({"board_size": 19, "black_player": ""}, "black_player"),
        ({"board_size": 19, "white_player": "w" * 201}, "white_player"),
        ({"board_size": 19, "comment": "c" * 401}, "comment"),
        ({"board_size": 19, "comment": {"text": "x"}}, "comment"),
        ({"board_size": 19, "handicap": -1}, "handicap"),
        ({"board_size": 19, "handicap": 10}, "handicap"),
        ({"board_size": 19, "handicap": 1.5}, "handicap"),
        ({"board_size": 19, "handicap": "2"}, "handicap"),
        ({"board_size": 19, "komi": 7.25}, "komi"),
        ({"board_size": 19, "komi": 100.5}, "komi"),
        ({"board_size": 19, "komi": -101}, "komi"),
        ({"board_size": 19, "komi": "7.5"}, "komi"),
        ({"board_size": 19, "komi": 10**400}, "komi"),
        ({"board_size": 19, "komi": None}, "komi"),
        ({"board_size": 19, "ruleset": "NZ"}, "ruleset"),
        ({"board_size": 19, "ruleset": ["AGA"]}, "ruleset"),
    ],
)
def test_create_invalid_field_is_rejected(auth_client, body, field):
    response = post_json(auth_client, "/api/records/", body)

    assert response.status_code == 400
    assert list(response.json()) == [field]
    assert not Record.objects.exists()


@pytest.mark.parametrize(
    "content",
    [b"[]", b'"text"', b"null", b"42", b"{", b"\xff\xfe", b'{"board_size": NaN}', b"[" * 100_000],
    ids=["array", "string", "null", "number", "truncated", "not-utf8", "nan", "deep"],
)
def test_body_not_a_json_object_is_400_detail(auth_client, content):
    response = auth_client.post("/api/records/", content, content_type="application/json")

    assert response.status_code == 400
    assert set(response.json()) == {"detail"}
    assert not Record.objects.exists()


def test_empty_body_is_missing_fields(auth_client):
    response = auth_client.post("/api/records/", b"", content_type="application/json")

    assert response.status_code == 400
    assert list(response.json()) == ["board_size"]


def test_form_body_is_400_detail(auth_client):
    response = auth_client.post("/api/records/", "board_size=9", content_type="application/x-www-form-urlencoded")

    assert response.status_code == 400
    assert set(response.json()) == {"detail"}


def test_list_newest_first_in_pages(auth_client, user):
    records = [record_make(owner=user, name=f"game {number}") for number in range(12)]
    record_make(owner=user_make(username="bob"))

    first = auth_client.get("/api/records/?page_size=5")
    last = auth_client.get("/api/records/?page=3&page_size=5")

    assert first.status_code == 200
    assert (first.json()["count"], first.json()["pages"]) == (12, 3)
    assert [item["id"] for item in first.json()["results"]] == [r.pk for r in reversed(records)][:5]
    assert last.status_code == 200
    assert [item["id"] for item in last.json()["results"]] == [records[1].pk, records[0].pk]


def test_list_empty_has_one_page(auth_client):
    response = auth_client.get("/api/records/")

    assert response.status_code == 200
    assert response.json() == {"count": 0, "pages": 1, "results": []}


@pytest.mark.parametrize("page", ["0", "2", "-1", "x", "1.5", "9" * 40, ""])
def test_list_page_out_of_range_is_404(auth_client, page):
    response = auth_client.get(f"/api/records/?page={page}")

    assert response.status_code == 404
    assert set(response.json()) == {"detail"}


@pytest.mark.parametrize("page_size", ["0", "101", "x", "", "-5", "9" * 40, "2.0"])
def test_list_bad_page_size_is_400(auth_client, page_size):
    response = auth_client.get(f"/api/records/?page_size={page_size}")

    assert response.status_code == 400
    assert list(response.json()) == ["page_size"]


def test_detail_of_empty_record(auth_client, user):
    record = record_make(owner=user)

    response = auth_client.get(f"/api/records/{record.pk}/")

    assert response.status_code == 200
    assert response.json()["stones"] == []
    assert response.json()["moves"] == []
    assert response.json()["id"] == record.pk


@pytest.mark.parametrize("method", ["get", "put", "patch", "delete"])
def test_other_users_record_is_404(auth_client, method):
    record = record_make(owner=user_make(username="bob"), name="secret")

    response = getattr(auth_client, method)(f"/api/records/{record.pk}/", {"name": "x"}, format="json")

    assert response.status_code == 404
    assert set(response.json()) == {"detail"}
    record.refresh_from_db()
    assert record.name == "secret"


@pytest.mark.parametrize("record_id", ["0", "999999", "9223372036854775807", "9223372036854775808", "9" * 60])
def test_unknown_record_id_is_404(auth_client, record_id):
    response = auth_client.get(f"/api/records/{record_id}/")

    assert response.status_code == 404
    assert set(response.json()) == {"detail"}


@pytest.mark.parametrize("change", ["deactivated", "deleted"])
@pytest.mark.parametrize("method", ["get", "put", "delete"])
def test_token_of_gone_owner_is_403(auth_client, user, change, method):
    record = record_make(owner=user, name="kept")
    if change == "deactivated":
        User.objects.filter(pk=user.pk).update(is_active=False)
    else:
        User.objects.filter(pk=user.pk).delete()

    for record_id in (record.pk, record.pk + 1000):
        response = getattr(auth_client, method)(f"/api/records/{record_id}/", {"name": "x"}, format="json")

        assert response.status_code == 403, (record_id, response.content)
        assert response.json() == {"detail": "Invalid or expired token."}


@pytest.mark.parametrize("method", ["put", "patch"])
def test_update_changes_only_given_fields(auth_client, user, method):
    record = record_make(owner=user, name="before", komi=6.5)

    response = getattr(auth_client, method)(
        f"/api/records/{record.pk}/", {"winner": "W", "board_size": 13, "komi": 0.5}, format="json"
    )

    assert response.status_code == 200
    assert (response.json()["winner"], response.json()["komi"]) == ("W", 0.5)
    assert (response.json()["name"], response.json()["board_size"]) == ("before", 9)
    record.refresh_from_db()
    assert (record.winner, record.komi, record.name, record.board_size) == ("W", 0.5, "before", 9)


@pytest.mark.parametrize(
    "body",
    [{"winner": "X"}, {"winner": None}, {"handicap": 12}, {"black_player": ""}, {"komi": float("inf")}],
    ids=["winner", "winner-null", "handicap", "black-empty", "komi-infinite"],
)
def test_update_invalid_field_changes_nothing(auth_client, user, body):
    record = record_make(owner=user, name="kept")

    response = auth_client.put(
        f"/api/records/{record.pk}/", json.dumps(body).replace("Infinity", "1e999"), content_type="application/json"
    )

    assert response.status_code == 400
    assert list(response.json()) == list(body)
    record.refresh_from_db()
    assert (record.name, record.winner, record.handicap) == ("kept", "U", 0)


def test_delete_removes_record_and_moves(auth_client, user):
    record = record_make(owner=user)
    Move.objects.create(record=record, move=1, position=0, color="B")

    response = auth_client.delete(f"/api/records/{record.pk}/")

    assert response.status_code == 204
    assert not Record.objects.exists()
    assert not Move.objects.exists()


def test_unknown_api_path_is_json_404(auth_client):
    response = auth_client.get("/api/nothing-here/")

    assert response.status_code == 404
    assert response.json() == {"detail": "Not found."}
    assert response["X-Goban-Server"] == "django"


def test_method_not_allowed_is_json_405(auth_client):
    response = auth_client.delete("/api/records/")

    assert response.status_code == 405
    assert set(response.json()) == {"detail"}


def test_invalid_choice_with_lone_surrogate_is_400(auth_client):
    response = auth_client.post(
        "/api/records/", b'{"board_size": 9, "ruleset": "\\ud800"}', content_type="application/json"
    )

    assert response.status_code == 400
    assert list(response.json()) == ["ruleset"]
    assert "\\ud800" in response.content.decode("ascii")


def test_unhandled_error_is_json_500(user, monkeypatch):
    """A bug still gives the client JSON, not Django's HTML error page."""
    client = APIClient(raise_request_exception=False)
    client.force_authenticate(user)

    def fail(**kwargs):
        raise RuntimeError("simulated bug")

    monkeypatch.setattr(records, "record_list", fail)
    response = client.get("/api/records/")

    assert response.status_code == 500
    assert response.content == b'{"detail":"Internal server error."}'
    assert response["X-Goban-Server"] == "django"
