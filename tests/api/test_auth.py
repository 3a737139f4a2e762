"""Registration, login, the current user, and which tokens the servers accept."""

import base64
import json
import math
import time

import httpx
import jwt
import pytest

from support import (
    TOKEN_ISSUER,
    TOKEN_LIFETIME,
    User,
    assert_detail_error,
    assert_field_errors,
    forge_token,
    login,
    register,
    unique_username,
)

PASSWORD = "correct horse battery"


def test_register_returns_user(api: httpx.Client):
    username = unique_username()
    response = register(api, username, PASSWORD, email=f"{username}@example.org")

    assert response.status_code == 201, response.text
    body = response.json()
    assert set(body) == {"id", "username", "email"}
    assert isinstance(body["id"], int)
    assert body == {"id": body["id"], "username": username, "email": f"{username}@example.org"}


def test_login_returns_token_string(api: httpx.Client):
    username = unique_username()
    assert register(api, username, PASSWORD).status_code == 201

    response = login(api, username, PASSWORD)

    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("application/json")
    token = response.json()
    assert isinstance(token, str)
    assert token.count(".") == 2


def test_token_claims(api: httpx.Client, user: User):
    """The token carries sub (the user id as a string), iat, exp 24 hours later, iss and aud."""
    response = login(api, user.username, user.password)
    assert response.status_code == 200, response.text
    token = response.json()

    claims = jwt.decode(token, options={"verify_signature": False})
    header = jwt.get_unverified_header(token)

    assert header["alg"] == "HS256"
    assert claims["sub"] == str(user.id)
    assert claims["iss"] == TOKEN_ISSUER
    assert claims["aud"] == TOKEN_ISSUER
    assert isinstance(claims["iat"], int)
    assert isinstance(claims["exp"], int)
    assert claims["exp"] - claims["iat"] == TOKEN_LIFETIME.total_seconds()
    assert abs(claims["iat"] - time.time()) < 60


def test_current_user_matches_registration(api: httpx.Client, user: User):
    response = api.get("/api/user/", headers=user.headers)

    assert response.status_code == 200, response.text
    assert response.json() == {"id": user.id, "username": user.username, "email": user.email}


def test_current_user_without_token_is_forbidden(api: httpx.Client):
    assert_detail_error(api.get("/api/user/"), 403)


@pytest.mark.parametrize("password_length", [8, 1024])
def test_password_length_bounds_are_accepted(api: httpx.Client, password_length: int):
    username = unique_username()
    password = "p" * password_length

    registered = register(api, username, password)
    assert registered.status_code == 201, registered.text

    logged_in = login(api, username, password)
    assert logged_in.status_code == 200, logged_in.text


@pytest.mark.parametrize("password_length", [0, 7, 1025])
def test_password_length_out_of_bounds_is_rejected(api: httpx.Client, password_length: int):
    username = unique_username()

    response = register(api, username, "p" * password_length)

    assert_field_errors(response, "password")
    assert login(api, username, "p" * password_length).status_code in (400, 401)


@pytest.mark.parametrize(
    "username",
    [
        "",
        "has space",
        "exclaim!",
        "semi;colon",
        "slash/name",
        "quote'name",
        "u" * 151,
    ],
    ids=["empty", "space", "exclamation", "semicolon", "slash", "quote", "151-chars"],
)
def test_invalid_username_is_rejected(api: httpx.Client, username: str):
    response = register(api, username, PASSWORD, email="someone@example.com")

    assert_field_errors(response, "username")


@pytest.mark.parametrize(
    "make_username",
    [
        lambda: unique_username().ljust(150, "x"),
        lambda: f"a.b+c-d_e@{unique_username()}",
        lambda: f"Ünïcödé_{unique_username()}",
    ],
    ids=["150-chars", "allowed-punctuation", "unicode-letters"],
)
def test_valid_username_is_accepted(api: httpx.Client, make_username):
    username = make_username()

    response = register(api, username, PASSWORD, email="someone@example.com")

    assert response.status_code == 201, response.text
    assert response.json()["username"] == username
    assert login(api, username, PASSWORD).status_code == 200


@pytest.mark.parametrize("change_case", [str.upper, str.lower, str.swapcase], ids=["upper", "lower", "swapcase"])
def test_username_taken_in_any_case_is_rejected(api: httpx.Client, change_case):
    """Usernames are unique regardless of case for new registrations."""
    username = unique_username("Mixed")
    assert register(api, username, PASSWORD).status_code == 201

    response = register(api, change_case(username), PASSWORD)

    assert_field_errors(response, "username")


def test_username_taken_exactly_is_rejected(api: httpx.Client, user: User):
    response = register(api, user.username, PASSWORD)

    assert_field_errors(response, "username")


@pytest.mark.parametrize("email", ["not-an-email", "a@", "@example.com", "two@@example.com"])
def test_invalid_email_is_rejected(api: httpx.Client, email: str):
    response = register(api, unique_username(), PASSWORD, email=email)

    assert_field_errors(response, "email")


def assert_login_refused(response: httpx.Response) -> None:
    """Check a refused login: 401 and no token in the body.

    The contract fixes only the status; the original servers sent `null` and ours
    may send a `detail`.
    """
    assert response.status_code == 401, response.text
    body = response.json()
    assert body is None or (set(body) == {"detail"} and isinstance(body["detail"], str)), body


def test_login_with_wrong_password_is_refused(api: httpx.Client, user: User):
    assert_login_refused(login(api, user.username, user.password + "x"))


def test_login_of_unknown_user_is_refused(api: httpx.Client):
    assert_login_refused(login(api, unique_username("nobody"), PASSWORD))


def test_login_with_email_as_username_is_refused(api: httpx.Client, user: User):
    """Login takes the username only; the email in its place is an unknown user."""
    assert_login_refused(login(api, user.email, user.password))


@pytest.mark.parametrize("change_case", [str.upper, str.swapcase], ids=["upper", "swapcase"])
def test_login_username_must_match_case(api: httpx.Client, user: User, change_case):
    """Login matches the stored username exactly, unlike the uniqueness check."""
    assert_login_refused(login(api, change_case(user.username), user.password))


@pytest.mark.parametrize(
    ("body", "missing"),
    [
        ({"username": "someone"}, ["password"]),
        ({"password": PASSWORD}, ["username"]),
        ({}, ["username", "password"]),
    ],
    ids=["no-password", "no-username", "empty"],
)
def test_login_with_missing_fields_is_rejected(api: httpx.Client, body: dict, missing: list[str]):
    assert_field_errors(api.post("/api/login/", json=body), *missing)


@pytest.mark.parametrize(
    ("body", "missing"),
    [
        ({"username": "someone", "email": "someone@example.com"}, ["password"]),
        ({"email": "someone@example.com", "password": PASSWORD}, ["username"]),
    ],
    ids=["no-password", "no-username"],
)
def test_register_with_missing_fields_is_rejected(api: httpx.Client, body: dict, missing: list[str]):
    assert_field_errors(api.post("/api/register/", json=body), *missing)


def test_token_signed_with_secret_is_accepted(api: httpx.Client, user: User, secret_key: str):
    """A token made here with the shared secret works, so the forged-token tests below are meaningful."""
    token = forge_token(secret_key, sub=str(user.id))

    response = api.get("/api/user/", headers={"Authorization": f"Bearer {token}"})

    assert response.status_code == 200, response.text
    assert response.json()["id"] == user.id


def test_token_expired_within_leeway_is_accepted(api: httpx.Client, user: User, secret_key: str):
    """Verification allows 2 seconds of clock leeway, so a token expired under a second ago still works."""
    now = math.ceil(time.time())
    token = forge_token(secret_key, sub=str(user.id), iat=now - 86_400, exp=now - 1)

    response = api.get("/api/user/", headers={"Authorization": f"Bearer {token}"})

    assert response.status_code == 200, response.text
    assert response.json()["id"] == user.id


def unsigned_token(user_id: int) -> str:
    """Build a token with algorithm "none" and an empty signature."""

    def encode(part: dict) -> str:
        return base64.urlsafe_b64encode(json.dumps(part).encode()).rstrip(b"=").decode()

    now = int(time.time())
    claims = {"sub": str(user_id), "iat": now, "exp": now + 3600, "iss": TOKEN_ISSUER, "aud": TOKEN_ISSUER}
    return f"{encode({'alg': 'none', 'typ': 'JWT'})}.{encode(claims)}."


def tampered_token(token: str, user_id: int) -> str:
    """Replace the payload of a real token with one naming another user, keeping the old signature."""
    header, payload, signature = token.split(".")
    claims = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
    claims["sub"] = str(user_id)
    new_payload = base64.urlsafe_b64encode(json.dumps(claims).encode()).rstrip(b"=").decode()
    return f"{header}.{new_payload}.{signature}"


BAD_TOKENS = {
    "wrong-secret": lambda user, secret: forge_token("not-the-secret-of-these-servers-at-all", sub=str(user.id)),
    "algorithm-none": lambda user, secret: unsigned_token(user.id),
    "algorithm-hs512": lambda user, secret: forge_token(secret, algorithm="HS512", sub=str(user.id)),
    "expired": lambda user, secret: forge_token(
        secret, sub=str(user.id), iat=int(time.time()) - 86_460, exp=int(time.time()) - 60
    ),
    "expired-beyond-leeway": lambda user, secret: forge_token(
        secret, sub=str(user.id), iat=int(time.time()) - 86_405, exp=int(time.time()) - 5
    ),
    "no-exp": lambda user, secret: forge_token(secret, sub=str(user.id), drop=["exp"]),
    "no-iss": lambda user, secret: forge_token(secret, sub=str(user.id), drop=["iss"]),
    "no-aud": lambda user, secret: forge_token(secret, sub=str(user.id), drop=["aud"]),
    "no-sub": lambda user, secret: forge_token(secret, drop=["sub"]),
    "wrong-iss": lambda user, secret: forge_token(secret, sub=str(user.id), iss="someone-else"),
    "wrong-aud": lambda user, secret: forge_token(secret, sub=str(user.id), aud="someone-else"),
    "deleted-user": lambda user, secret: forge_token(secret, sub=str(2**31 - 1)),
    "user-id-zero": lambda user, secret: forge_token(secret, sub="0"),
    "user-id-negative": lambda user, secret: forge_token(secret, sub="-1"),
    "user-id-text": lambda user, secret: forge_token(secret, sub="alice"),
    "user-id-huge": lambda user, secret: forge_token(secret, sub="99999999999999999999"),
    "tampered-payload": lambda user, secret: tampered_token(user.token, user.id + 1),
    "garbage": lambda user, secret: "garbage",
    "three-dots": lambda user, secret: "a.b.c",
}


# The secret may be shorter than HS512 would like; the server must refuse such a token anyway.
@pytest.mark.filterwarnings("ignore::jwt.warnings.InsecureKeyLengthWarning")
@pytest.mark.parametrize("make_token", BAD_TOKENS.values(), ids=BAD_TOKENS.keys())
def test_bad_bearer_token_is_forbidden(api: httpx.Client, user: User, secret_key: str, make_token):
    """A forged, expired or malformed token, or one naming a user that does not exist, gives 403."""
    token = make_token(user, secret_key)

    response = api.get("/api/user/", headers={"Authorization": f"Bearer {token}"})

    assert_detail_error(response, 403)


@pytest.mark.parametrize(
    "make_header",
    [
        lambda token: f"Token {token}",
        lambda token: f"Basic {token}",
        lambda token: token,
        lambda token: f"Bearer {token} extra",
        lambda token: f"Bearer{token}",
        lambda token: "Bearer",
    ],
    ids=["token-scheme", "basic-scheme", "no-scheme", "extra-part", "no-space", "scheme-only"],
)
def test_malformed_authorization_header_is_forbidden(api: httpx.Client, user: User, make_header):
    response = api.get("/api/user/", headers={"Authorization": make_header(user.token)})

    assert_detail_error(response, 403)


def test_non_ascii_authorization_header_is_forbidden(api: httpx.Client):
    response = api.get("/api/user/", headers={"Authorization": b"Bearer \xff\xfe"})

    assert_detail_error(response, 403)
