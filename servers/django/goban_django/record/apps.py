"""Configuration of the record app."""

from django.apps import AppConfig


class RecordConfig(AppConfig):
    name = "goban_django.record"
    # The label fixes the table names (record_record, record_move) and the migration history
    # that existing go-recordkeeper databases carry.
    label = "record"
    verbose_name = "Game records"
