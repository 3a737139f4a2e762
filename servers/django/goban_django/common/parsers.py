"""The JSON parser of the API: every request body must be a JSON object."""

import json

from django.conf import settings
from rest_framework.exceptions import ParseError
from rest_framework.parsers import BaseParser

from goban_django.common.exceptions import PayloadTooLarge

_JSON_TYPE_NAMES = {list: "an array", str: "a string", int: "a number", float: "a number", bool: "a boolean"}


class JSONObjectParser(BaseParser):
    """Parse a UTF-8 JSON object, whatever Content-Type the client sent.

    Accepting any media type means a form or text body gets the same 400 as malformed JSON
    instead of a 415. NaN and Infinity are rejected because JSON has no such values.
    """

    media_type = "*/*"

    def parse(self, stream, media_type=None, parser_context=None) -> dict:
        limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
        body = stream.read(limit + 1)
        if len(body) > limit:
            raise PayloadTooLarge()

        try:
            data = json.loads(body.decode("utf-8"), parse_constant=_reject_constant)
        except (UnicodeDecodeError, ValueError, RecursionError) as error:
            raise ParseError(f"The body is not valid JSON: {error}") from None
        if not isinstance(data, dict):
            kind = _JSON_TYPE_NAMES.get(type(data), "null")
            raise ParseError(f"The body must be a JSON object, not {kind}.")
        return data


def _reject_constant(name: str):
    raise ValueError(f"{name} is not a JSON number")
