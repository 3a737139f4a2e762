"""JSON Web Tokens that both servers issue and accept, so a token from one works on the other."""

import datetime

import jwt

ALGORITHM = "HS256"
ISSUER = AUDIENCE = "go-recordkeeper"
LIFETIME = datetime.timedelta(hours=24)
LEEWAY = datetime.timedelta(seconds=2)

# auth_user.id is a PostgreSQL integer, so a larger subject cannot name a user.
_MAX_USER_ID = 2**31 - 1


class InvalidToken(ValueError):
    """A token that is malformed, forged, expired or missing a required claim."""


def issue_token(user_id: int, secret: str, *, now: datetime.datetime | None = None) -> str:
    """Sign a token for user_id that expires 24 hours after now (default: the current UTC time)."""
    if now is None:
        now = datetime.datetime.now(datetime.UTC)
    claims = {
        "sub": str(user_id),
        "iat": now,
        "exp": now + LIFETIME,
        "iss": ISSUER,
        "aud": AUDIENCE,
    }
    return jwt.encode(claims, secret, algorithm=ALGORITHM)


def read_token(token: str, secret: str) -> int:
    """Verify token and return the user id in its sub claim; raise InvalidToken when it is not valid."""
    try:
        claims = jwt.decode(
            token,
            secret,
            algorithms=[ALGORITHM],
            audience=AUDIENCE,
            issuer=ISSUER,
            leeway=LEEWAY,
            # sub is checked below because the original servers signed it as a JSON number,
            # which PyJWT's own check rejects.
            options={"require": ["exp", "iss", "aud", "sub"], "verify_sub": False},
        )
    except jwt.InvalidTokenError as error:
        raise InvalidToken(f"invalid token: {error}") from error

    return _user_id(claims["sub"])


def _user_id(subject: object) -> int:
    if isinstance(subject, str) and subject.isascii() and subject.isdigit():
        user_id = int(subject)
    elif isinstance(subject, int) and not isinstance(subject, bool):
        user_id = subject
    else:
        raise InvalidToken("invalid token: the sub claim is not a user id")
    if not 1 <= user_id <= _MAX_USER_ID:
        raise InvalidToken("invalid token: the sub claim is not a user id")
    return user_id
