"""Serializer fields that accept only the JSON type they name.

DRF's own fields coerce: "5" and 5.0 pass as integers and 5 passes as text. The contract requires
integers, numbers and strings, so a value of another JSON type is a validation error here.
"""

from rest_framework import serializers


class StrictIntegerField(serializers.IntegerField):
    """An integer field that rejects strings, floats and booleans."""

    def to_internal_value(self, data):
        if isinstance(data, bool) or not isinstance(data, int):
            self.fail("invalid")
        return super().to_internal_value(data)


class StrictFloatField(serializers.FloatField):
    """A number field that accepts JSON integers and floats but not strings or booleans."""

    def to_internal_value(self, data):
        if isinstance(data, bool) or not isinstance(data, int | float):
            self.fail("invalid")
        return super().to_internal_value(data)


class StrictCharField(serializers.CharField):
    """A text field that rejects non-strings and text PostgreSQL cannot store.

    Whitespace is kept as sent. A lone surrogate, which JSON can encode but UTF-8 cannot, is
    rejected here so that it never reaches the database driver.
    """

    default_error_messages = {
        "not_string": "Not a valid string.",
        "surrogate": "Text must be valid Unicode without lone surrogates.",
    }

    def __init__(self, **kwargs):
        kwargs.setdefault("trim_whitespace", False)
        super().__init__(**kwargs)

    def to_internal_value(self, data):
        if not isinstance(data, str):
            self.fail("not_string")
        try:
            data.encode("utf-8")
        except UnicodeEncodeError:
            self.fail("surrogate")
        return super().to_internal_value(data)


class StrictEmailField(StrictCharField, serializers.EmailField):
    """An email address given as a JSON string."""
