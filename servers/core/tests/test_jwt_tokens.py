"""The JWT claims both servers issue and accept."""

import datetime

import jwt
import pytest

from goban_core.tokens import InvalidToken, issue_token, read_token

SECRET = "a-test-secret-that-is-at-least-32-bytes-long"
OTHER_SECRET = "another-secret-that-is-at-least-32-bytes-long"


def now() -> datetime.datetime:
    return datetime.datetime.now(datetime.UTC)


def signed(claims: dict, secret: str = SECRET, algorithm: str = "HS256") -> str:
    return jwt.encode(claims, secret, algorithm=algorithm)


def valid_claims(**changes) -> dict:
    issued = now()
    claims = {
        "sub": "42",
        "iat": issued,
        "exp": issued + datetime.timedelta(hours=24),
        "iss": "go-recordkeeper",
        "aud": "go-recordkeeper",
    }
    claims.update(changes)
    return {name: value for name, value in claims.items() if value is not None}


def test_issued_token_is_read_back():
    assert read_token(issue_token(42, SECRET), SECRET) == 42


def test_issued_token_has_the_contract_claims():
    issued = datetime.datetime(2026, 12, 4, 19, 0, tzinfo=datetime.UTC)

    token = issue_token(7, SECRET, now=issued)

    assert jwt.get_unverified_header(token)["alg"] == "HS256"
    assert jwt.decode(token, options={"verify_signature": False}) == {
        "sub": "7",
        "iat": int(issued.timestamp()),
        "exp": int(issued.timestamp()) + 24 * 3600,
        "iss": "go-recordkeeper",
        "aud": "go-recordkeeper",
    }


def test_foreign_token_is_accepted():
    assert read_token(signed(valid_claims()), SECRET) == 42


def test_integer_sub_of_the_original_servers_is_accepted():
    assert read_token(signed(valid_claims(sub=42)), SECRET) == 42


def test_expired_token_is_rejected():
    token = issue_token(42, SECRET, now=now() - datetime.timedelta(hours=25))

    with pytest.raises(InvalidToken):
        read_token(token, SECRET)


def test_token_expired_within_the_leeway_is_accepted():
    """Two seconds of clock leeway: a token that expired one second ago still counts."""
    token = issue_token(42, SECRET, now=now() - datetime.timedelta(hours=24, seconds=1))

    assert read_token(token, SECRET) == 42


def test_token_expired_beyond_the_leeway_is_rejected():
    token = issue_token(42, SECRET, now=now() - datetime.timedelta(hours=24, seconds=5))

    with pytest.raises(InvalidToken):
        read_token(token, SECRET)


def test_forged_token_is_rejected():
    with pytest.raises(InvalidToken):
        read_token(issue_token(42, OTHER_SECRET), SECRET)


def test_token_with_a_changed_payload_is_rejected():
    header, _, signature = issue_token(42, SECRET).split(".")
    other_payload = issue_token(1, OTHER_SECRET).split(".")[1]

    with pytest.raises(InvalidToken):
        read_token(f"{header}.{other_payload}.{signature}", SECRET)


@pytest.mark.parametrize(
    "claims",
    [
        valid_claims(aud="someone-else"),
        valid_claims(iss="someone-else"),
        valid_claims(sub=None),
        valid_claims(exp=None),
        valid_claims(iss=None),
        valid_claims(aud=None),
    ],
    ids=["wrong audience", "wrong issuer", "missing sub", "missing exp", "missing iss", "missing aud"],
)
def test_token_with_wrong_or_missing_claims_is_rejected(claims):
    with pytest.raises(InvalidToken):
        read_token(signed(claims), SECRET)


@pytest.mark.parametrize("sub", ["abc", "", "0", "-1", "4.2", "２", str(2**31), True, 0, 2**40, ["42"]])
def test_non_user_id_sub_is_rejected(sub):
    with pytest.raises(InvalidToken):
        read_token(signed(valid_claims(sub=sub)), SECRET)


def test_alg_none_is_rejected():
    token = jwt.encode(valid_claims(), None, algorithm="none")

    with pytest.raises(InvalidToken):
        read_token(token, SECRET)


def test_other_hmac_algorithm_is_rejected():
    long_secret = SECRET * 2  # HS512 wants a key of 64 bytes or more.

    with pytest.raises(InvalidToken):
        read_token(signed(valid_claims(), long_secret, algorithm="HS512"), long_secret)


def test_token_issued_in_the_future_is_rejected():
    with pytest.raises(InvalidToken):
        read_token(issue_token(42, SECRET, now=now() + datetime.timedelta(minutes=5)), SECRET)


@pytest.mark.parametrize("token", ["", "not-a-token", "a.b.c", "Bearer x", "é.é.é"])
def test_malformed_token_is_rejected(token):
    with pytest.raises(InvalidToken):
        read_token(token, SECRET)
