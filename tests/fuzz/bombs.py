"""Small files that claim (or inflate to) huge images: decompression bombs for the image tests.

Built without ever holding the huge image in memory (rows are compressed as a stream).
"""

from __future__ import annotations

import functools
import struct
import zlib


def _chunk(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))


@functools.lru_cache(maxsize=8)
def png_bomb(width: int = 16000, height: int = 16000, rgba: bool = True) -> bytes:
    """A valid PNG of ``width`` x ``height`` white pixels: ~1 MB that inflates to 1 GB RGBA.

    Built fast: a block of rows is deflated once with a full flush (which makes the next
    identical block compress to identical bytes), and those bytes are repeated."""
    channels = 4 if rgba else 3
    row = b"\x00" + b"\xff" * (width * channels)
    rows_per_block = max(1, min(height, 4_000_000 // len(row)))
    block = row * rows_per_block
    comp = zlib.compressobj(9, zlib.DEFLATED, -15)
    first = comp.compress(block) + comp.flush(zlib.Z_FULL_FLUSH)
    second = comp.compress(block) + comp.flush(zlib.Z_FULL_FLUSH)
    assert first == second
    full, rest = divmod(height, rows_per_block)
    comp = zlib.compressobj(9, zlib.DEFLATED, -15)
    tail = comp.compress(row * rest) + comp.flush(zlib.Z_FINISH)
    check = 1
    for _ in range(full):
        check = zlib.adler32(block, check)
    check = zlib.adler32(row * rest, check)
    stream = b"\x78\xda" + first * full + tail + struct.pack(">I", check)
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 6 if rgba else 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + _chunk(b"IHDR", ihdr)
        + _chunk(b"IDAT", stream)
        + _chunk(b"IEND", b"")
    )


def png_header_only(width: int, height: int) -> bytes:
    """A PNG whose header claims a size its (tiny, broken) data does not hold."""
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", ihdr) + _chunk(b"IDAT", zlib.compress(b"\0" * 64))


def jpeg_header_only(width: int, height: int, progressive: bool = False) -> bytes:
    """A JPEG start (SOI, APP0, SOF) claiming ``width`` x ``height``; its scan is garbage."""
    sof = 0xC2 if progressive else 0xC0
    app0 = b"\xff\xe0" + struct.pack(">H", 16) + b"JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00"
    body = struct.pack(">BHHB", 8, height, width, 3) + b"\x01\x22\x00\x02\x11\x01\x03\x11\x01"
    sof_seg = bytes([0xFF, sof]) + struct.pack(">H", len(body) + 2) + body
    return (
        b"\xff\xd8" + app0 + sof_seg + b"\xff\xda\x00\x08\x01\x01\x00\x00\x3f\x00" + b"\x00" * 256
    )


def gif_header_only(width: int, height: int) -> bytes:
    return b"GIF89a" + struct.pack("<HHBBB", width, height, 0, 0, 0) + b"\x3b"


def bmp_header_only(width: int, height: int) -> bytes:
    info = struct.pack("<IiiHHIIiiII", 40, width, height, 1, 24, 0, 0, 2835, 2835, 0, 0)
    return b"BM" + struct.pack("<IHHI", 14 + len(info), 0, 0, 14 + len(info)) + info


def webp_header_only(width: int, height: int) -> bytes:
    vp8x = b"VP8X" + struct.pack("<I", 10) + b"\x00\x00\x00\x00"
    vp8x += (width - 1).to_bytes(3, "little") + (height - 1).to_bytes(3, "little")
    return b"RIFF" + struct.pack("<I", 4 + len(vp8x)) + b"WEBP" + vp8x


def png_chunk_length_bomb(length: int = 0x7F000236) -> bytes:
    """A small PNG whose second chunk declares ``length`` bytes (found by the image fuzz suite:
    libpng allocated the declared 2 GB for a 600-byte file)."""
    ihdr = struct.pack(">IIBBBBB", 159, 159, 1, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + _chunk(b"IHDR", ihdr)
        + struct.pack(">I", length)
        + b"IDAT"
        + zlib.compress(b"\0" * 4000)
        + _chunk(b"IEND", b"")
    )


# --- databases ----------------------------------------------------------------------------------

#: a value computed on every read: 300 million characters from an 8 KB file (issue 23)
HUGE_VALUE = "printf('%.*c', 300000000, 'x')"


def sqlite_file(
    script: str, rows: int = 0, insert: str = "", *, after: str = "", wal: bool = False
) -> bytes:
    """An SQLite database file built from ``script`` (and ``rows`` executions of ``insert``,
    each given its row number, then ``after``); ``wal`` leaves it in WAL mode as Android does."""
    import sqlite3
    import tempfile
    from pathlib import Path

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "db"
        con = sqlite3.connect(path)
        if wal:
            con.execute("PRAGMA journal_mode = WAL")
        con.executescript(script)
        for i in range(rows):
            con.execute(insert, (i,))
        if after:
            con.executescript(after)
        con.commit()
        if wal:
            con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        con.close()  # the last connection checkpoints and removes the -wal file
        return path.read_bytes()


def sqlite_generated_column(table: str, columns: str, computed: str, rows: int = 200) -> bytes:
    """``table`` with ``columns`` and a VIRTUAL generated column ``computed`` (name and type)
    worth HUGE_VALUE characters per row (added after the rows: SQLite computes it on insert)."""
    first = columns.split(",")[0].split()[0]
    return sqlite_file(
        f"CREATE TABLE {table} ({columns});",
        rows,
        f"INSERT INTO {table} ({first}) VALUES (?)",
        after=f"ALTER TABLE {table} ADD COLUMN {computed} GENERATED ALWAYS AS ({HUGE_VALUE}) "
        "VIRTUAL;",
    )


def jpeg_many_scans(scans: int = 100_000, side: int = 64) -> bytes:
    """A real progressive JPEG of a ``side`` x ``side`` picture whose first scan is repeated
    until it has ``scans`` scans -- decodable, each scan another pass over the image (issue 23:
    100,000 scans in 5.4 MB took 180 s to decode)."""
    import cv2
    import numpy as np

    picture = np.full((side, side, 3), 200, np.uint8)
    ok, encoded = cv2.imencode(".jpg", picture, [cv2.IMWRITE_JPEG_PROGRESSIVE, 1])
    assert ok
    data = encoded.tobytes()
    first = data.index(b"\xff\xda")
    second = data.index(b"\xff\xda", first + 2)
    scan = data[first:second]
    table = scan.find(b"\xff\xc4")  # a Huffman table the next scan needs stays in place
    if table > 0:
        scan = scan[:table]
    count = data.count(b"\xff\xda")
    return data[:second] + scan * max(0, scans - count) + data[second:]


def tiff_duplicate_size(first: int = 64, last: int = 40000) -> bytes:
    """A little-endian TIFF whose IFD has ImageWidth and ImageLength twice (``first`` x
    ``first`` then ``last`` x ``last``): libtiff takes the first, a lax header reader the last."""
    entries = [
        (256, 4, 1, first),
        (257, 4, 1, first),
        (256, 4, 1, last),
        (257, 4, 1, last),
        (258, 3, 1, 8),
        (259, 3, 1, 1),
        (262, 3, 1, 1),
        (273, 4, 1, 8 + 2 + 12 * 9 + 4),
        (279, 4, 1, first * first),
    ]
    ifd = struct.pack("<H", len(entries)) + b"".join(
        struct.pack("<HHII", tag, kind, n, value) for tag, kind, n, value in entries
    )
    return b"II*\x00" + struct.pack("<I", 8) + ifd + b"\x00\x00\x00\x00" + b"\x80" * first * first


# --- JSON and Android settings files -------------------------------------------------------------


def steam_empty_lists(size: int = 16 * 2**20 - 4096) -> bytes:
    """A Steam Desktop Authenticator file padded with empty lists to ``size`` bytes (issue 23:
    861 MB to read)."""
    head = b'{"shared_secret": "zvIayp3JPvtvX/QGHqsqKBk/44s=", "account_name": "a", "x": ['
    count = (size - len(head) - 2) // 3
    return head + b"[]," * count + b"[]]}"


def prefs_file(items: dict[str, str], encoding: str = "utf-8") -> bytes:
    """An Android shared-preferences XML file of ``items`` (names and string values)."""
    from xml.sax.saxutils import escape, quoteattr

    body = "".join(f"<string name={quoteattr(k)}>{escape(v)}</string>" for k, v in items.items())
    return (
        f"<?xml version='1.0' encoding='{encoding}' standalone='yes' ?><map>{body}</map>"
    ).encode()


def authy_deep(depth: int = 100_000) -> bytes:
    """Authy's token preference holding JSON nested ``depth`` lists deep."""
    return prefs_file({"com.authy.storage.tokens.authenticator.key": "[" * depth + "]" * depth})


def png_with_bad_chunks(count: int = 1000) -> bytes:
    """A small valid PNG with ``count`` invalid sRGB chunks: libpng warns once for each."""
    import cv2
    import numpy as np

    ok, encoded = cv2.imencode(".png", np.full((64, 64), 255, np.uint8))
    assert ok
    data = encoded.tobytes()
    at = data.index(b"IDAT") - 4
    return data[:at] + _chunk(b"sRGB", b"\x09") * count + data[at:]
