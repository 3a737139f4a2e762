"""Field types shared by the request bodies: strict JSON types that PostgreSQL can store.

Like the Django server's fields, they accept only the JSON type they name ("5" is not an integer,
5 is not a string), keep whitespace as sent, and reject text PostgreSQL cannot store.
"""

from collections.abc import Callable
from typing import Annotated, Any

from pydantic import AfterValidator, BeforeValidator, Field, Strict, WithJsonSchema
from pydantic_core import PydanticCustomError


def _storable(value: str) -> str:
    if "\x00" in value:
        raise PydanticCustomError("null_characters", "Null characters are not allowed.")
    return value


def text(*, min_length: int = 1, max_length: int | None = None) -> Any:
    """Return a strict string type with these length limits (min_length 0 allows the empty string)."""
    return Annotated[str, Strict(), Field(min_length=min_length, max_length=max_length), AfterValidator(_storable)]


def choice(*choices: int | str) -> BeforeValidator:
    """Accept a value whose text is one of choices, as Django REST framework's ChoiceField does."""
    by_text = {str(choice): choice for choice in choices}

    def parse(value: Any) -> Any:
        if value is None:
            return value
        try:
            return by_text[str(value)]
        except (KeyError, TypeError, ValueError):
            # The message leaves the value out because pydantic cannot format a lone surrogate.
            # errors.py quotes the input when it builds the response.
            raise PydanticCustomError("invalid_choice", "The value is not a valid choice.") from None

    return BeforeValidator(parse)


def check(predicate: Callable[[Any], bool], kind: str, message: str) -> AfterValidator:
    """Reject a value for which predicate is false, with message."""

    def validate(value: Any) -> Any:
        if not predicate(value):
            raise PydanticCustomError(kind, message)
        return value

    return AfterValidator(validate)


StrictInt = Annotated[int, Strict()]
StrictFloat = Annotated[float, Strict()]
Text = text()

__all__ = ["StrictFloat", "StrictInt", "Text", "WithJsonSchema", "check", "choice", "text"]
