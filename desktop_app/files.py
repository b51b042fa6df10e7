"""Reading a file a person names, within a bound, whatever the path turns out to be.

``stat`` says 0 bytes for ``/dev/zero`` and ``/dev/urandom``, and opening a FIFO for reading
waits for a writer: so only a regular file is read (opened without waiting, checked with
``fstat`` on the open file), and at most ``limit + 1`` bytes are read whatever its size says.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from desktop_app.errors import AppError
from desktop_app.i18n import N_

_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
_FLAGS |= getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)


def read_limited(
    path: str | os.PathLike[str],
    limit: int,
    error: type[AppError],
    *,
    kind: str = "file",
    too_large: str = "",
) -> bytes:
    """The bytes of the regular file ``path`` (at most ``limit``); ``error`` with one clear line
    when it is missing, a folder, a device, a pipe or a socket, unreadable, or larger.
    ``kind`` names what was expected ("backup file", "image file")."""
    p = Path(path)
    large = too_large or N_(
        "{name} is too large (more than {mb} MB).", name=p.name, mb=limit // 2**20 or 1
    )
    try:
        fd = os.open(p, _FLAGS)
    except FileNotFoundError:
        raise error(N_("{path}: no such file.", path=str(p))) from None
    except IsADirectoryError:
        raise error(N_("{path} is a folder, not a {kind}.", path=str(p), kind=kind)) from None
    except PermissionError:
        raise error(N_("{path}: permission denied.", path=str(p))) from None
    except OSError as exc:
        raise error(f"{p} cannot be read: {exc.strerror or type(exc).__name__}.") from None
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise error(N_("{path} is a folder, not a {kind}.", path=str(p), kind=kind))
        if not stat.S_ISREG(info.st_mode):
            raise error(
                N_(
                    "{path} is not a regular file (a device, pipe or socket), so it is not read.",
                    path=str(p),
                )
            )
        if info.st_size > limit:
            raise error(large)
        chunks: list[bytes] = []
        left = limit + 1
        while left > 0:
            chunk = os.read(fd, min(left, 1 << 20))
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
    except OSError as exc:
        raise error(f"{p} cannot be read: {exc.strerror or type(exc).__name__}.") from None
    finally:
        os.close(fd)
    data = b"".join(chunks)
    if len(data) > limit:
        raise error(large)
    return data
