"""URLs of the record endpoints, under /api/."""

from django.urls import path, register_converter

from goban_django.record.apis.moves import MovePassApi, MovePlayApi, MoveUndoApi
from goban_django.record.apis.records import RecordDetailApi, RecordListApi
from goban_django.record.apis.sgf import RecordDownloadApi, RecordImportApi


class RecordIdConverter:
    """A record id: digits that fit PostgreSQL's bigint, so a longer number is simply not found."""

    regex = "[0-9]+"
    max_value = 2**63 - 1

    def to_python(self, value: str) -> int:
        number = int(value) if len(value) <= 19 else self.max_value + 1
        if number > self.max_value:
            raise ValueError(f"record id {value} is out of range")
        return number

    def to_url(self, value: int) -> str:
        return str(value)


register_converter(RecordIdConverter, "record_id")

urlpatterns = [
    path("records/", RecordListApi.as_view(), name="record-list"),
    path("records/import/", RecordImportApi.as_view(), name="record-import"),
    path("records/<record_id:record_id>/", RecordDetailApi.as_view(), name="record-detail"),
    path("records/<record_id:record_id>/play/", MovePlayApi.as_view(), name="record-play"),
    path("records/<record_id:record_id>/pass/", MovePassApi.as_view(), name="record-pass"),
    path("records/<record_id:record_id>/undo/", MoveUndoApi.as_view(), name="record-undo"),
    path("records/<record_id:record_id>/download/", RecordDownloadApi.as_view(), name="record-download"),
]
