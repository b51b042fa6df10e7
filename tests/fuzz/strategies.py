"""Hypothesis strategies for the fuzz suites: structured links and byte-level mutations."""

from __future__ import annotations

import re

from hypothesis import settings
from hypothesis import strategies as st

COMMON = {
    "deadline": None,
    "database": None,
}


def examples(default: int = 60) -> int:
    """Cases per fuzz test: ``default``, or the ``fuzz-long`` profile's count when it is loaded."""
    n = settings.default.max_examples
    return n if n > 100 else default


_NUMBERS = [b"0", b"-1", b"1", b"2", b"99999999999999999999999", b"1e400", b"2147483648",
            b"1048576", b"4294967296", b"-0", b"1.5", b"null", b'"x"', b"[]", b"{}", b"true"]  # fmt: skip
_DIGITS = re.compile(rb"-?\d+")


@st.composite
def mutated(draw: st.DrawFn, seeds: list[bytes], max_ops: int = 6) -> bytes:
    """One seed with 1..max_ops mutations: bit flips, byte sets, inserts, deletes, truncation,
    duplicated runs, and replaced numbers (JSON fields such as n, digits, period, sizes)."""
    data = bytearray(draw(st.sampled_from(seeds)))
    for _ in range(draw(st.integers(1, max_ops))):
        op = draw(st.sampled_from(["flip", "set", "insert", "delete", "truncate", "dup", "num"]))
        size = len(data)
        at = draw(st.integers(0, max(0, size - 1)))
        if op == "flip" and size:
            data[at] ^= 1 << draw(st.integers(0, 7))
        elif op == "set" and size:
            data[at] = draw(st.integers(0, 255))
        elif op == "insert":
            data[at:at] = draw(st.binary(min_size=1, max_size=16))
        elif op == "delete" and size:
            del data[at : at + draw(st.integers(1, 64))]
        elif op == "truncate":
            del data[at:]
        elif op == "dup" and size:
            run = data[at : at + draw(st.integers(1, 64))]
            data[at:at] = run * draw(st.integers(1, 8))
        elif op == "num":
            numbers = list(_DIGITS.finditer(bytes(data)))
            if numbers:
                m = draw(st.sampled_from(numbers))
                data[m.start() : m.end()] = draw(st.sampled_from(_NUMBERS))
    return bytes(data)


@st.composite
def header_sizes(draw: st.DrawFn, seeds: list[bytes]) -> bytes:
    """An image whose header fields (sizes, depth, colour type) are overwritten with big or odd
    values: the decompression-bomb shapes."""
    data = bytearray(draw(st.sampled_from(seeds)))
    for _ in range(draw(st.integers(1, 3))):
        at = draw(st.integers(0, min(40, max(0, len(data) - 4))))
        value = draw(st.sampled_from([0, 1, 0xFFFF, 0x7FFF, 16000, 65500, 2**31 - 1, 2**32 - 1]))
        width = draw(st.sampled_from([2, 4]))
        order = draw(st.sampled_from(["big", "little"]))
        data[at : at + width] = (value % (1 << (8 * width))).to_bytes(width, order)
    return bytes(data)


_PIECES = ["otpauth://", "otpauth:/", "otpauth:", "OTPAUTH://", "otpauth-migration://", "://",
           "totp", "hotp", "steam", "/", ":", "%3A", "%", "%ff", "%C3%A4", "?", "&", "=", "#", "+",
           "secret=", "issuer=", "algorithm=SHA512", "digits=", "period=", "counter=", "encoder=",
           "image=http://x/y.png", "ACME", "bob@example.com", " ", "\n", "\x00", "ä", "\ud800",
           "0", "-1", "99999999999999999999"]  # fmt: skip


@st.composite
def links(draw: st.DrawFn, secret: str) -> str:
    """Link-like text built from the pieces of otpauth links, with ``secret`` planted in it."""
    parts = draw(st.lists(st.sampled_from([*_PIECES, secret, secret.lower()]), max_size=24))
    if draw(st.booleans()):
        parts.insert(draw(st.integers(0, len(parts))), draw(st.text(max_size=20)))
    return "".join(parts)
