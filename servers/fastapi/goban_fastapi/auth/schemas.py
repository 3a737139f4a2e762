"""Request and response bodies of the user endpoints."""

import re
from typing import Annotated

from pydantic import AfterValidator, BaseModel, Field
from pydantic_core import PydanticCustomError

from goban_fastapi.fields import Text, text

# Django's rule for usernames: letters, digits and @ . + - _ (Unicode letters and digits included).
_USERNAME = re.compile(r"[\w.@+-]+")

# An address is a dot-atom or quoted local part, then a host name with a top-level domain,
# localhost, or an address literal in brackets, as Django's EmailValidator accepts.
_LOCAL_PART = re.compile(
    r"[-!#$%&'*+/=?^_`{}|~0-9A-Z]+(\.[-!#$%&'*+/=?^_`{}|~0-9A-Z]+)*"
    r'|"([\001-\010\013\014\016-\037!#-\[\]-\177]|\\[\001-\011\013\014\016-\177])*"',
    re.IGNORECASE,
)
_DOMAIN = re.compile(
    r"((?!-)[a-z0-9\u00a1-\uffff-]{1,63}(?<!-)\.)+(?!-)([a-z\u00a1-\uffff]{2,63}|xn--[a-z0-9]{1,59})(?<!-)\.?"
    r"|localhost"
    r"|\[[0-9a-f:.]+\]",
    re.IGNORECASE,
)
_EMAIL_MAX_LENGTH = 254


def _username(value: str) -> str:
    if not _USERNAME.fullmatch(value):
        raise PydanticCustomError(
            "invalid_username",
            "Enter a valid username. This value may contain only letters, numbers, and @/./+/-/_ characters.",
        )
    return value


def _email(value: str) -> str:
    local, at, domain = value.rpartition("@")
    if not at or not _LOCAL_PART.fullmatch(local) or not _DOMAIN.fullmatch(domain):
        raise PydanticCustomError("invalid_email", "Enter a valid email address.")
    return value


Username = Annotated[text(max_length=150), AfterValidator(_username)]
Email = Annotated[text(max_length=_EMAIL_MAX_LENGTH), AfterValidator(_email)]
Password = text(min_length=8, max_length=1024)


class UserCreate(BaseModel):
    """A registration."""

    username: Annotated[Username, Field(examples=["alice"])]
    email: Annotated[Email, Field(examples=["alice@example.com"])]
    password: Annotated[Password, Field(examples=["correct horse battery staple"])]


class UserLogin(BaseModel):
    """A username and password to exchange for a token."""

    username: Text
    password: Text


class UserPublic(BaseModel):
    """A user as the API shows it."""

    id: int
    username: str
    email: str
