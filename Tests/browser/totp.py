"""Time-based one-time passwords (RFC 6238: HMAC-SHA1, 30-second steps, 6 digits), as an authenticator app computes
them from the key it was given, with the standard library only."""

import base64
import hashlib
import hmac
import struct
import time

STEP = 30
DIGITS = 6


def key_bytes(manual_key: str) -> bytes:
    """The secret from the key a person types into the app: base32, in groups, any case, padding optional."""
    text = "".join(manual_key.split()).upper().rstrip("=")
    return base64.b32decode(text + "=" * (-len(text) % 8))


def hotp(key: bytes, counter: int, digits: int = DIGITS) -> str:
    """RFC 4226: HMAC-SHA1 of the big-endian counter, dynamically truncated."""
    digest = hmac.new(key, struct.pack(">Q", counter), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    value = struct.unpack(">I", digest[offset:offset + 4])[0] & 0x7FFFFFFF
    return str(value % 10**digits).zfill(digits)


def current_step(now: float | None = None) -> int:
    return int(time.time() if now is None else now) // STEP


def totp(key: bytes, now: float | None = None, digits: int = DIGITS) -> str:
    return hotp(key, current_step(now), digits)


def _self_check():
    # RFC 6238, appendix B: the SHA-1 key "12345678901234567890", 8 digits.
    key = b"12345678901234567890"
    vectors = [(59, "94287082"), (1111111109, "07081804"), (1234567890, "89005924"), (20000000000, "65353130")]
    for moment, code in vectors:
        assert totp(key, moment, digits=8) == code, (moment, code)


_self_check()
