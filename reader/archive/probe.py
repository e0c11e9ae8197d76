"""Is a Dask scheduler listening at this address? Asked with a bounded handshake first.

Dask's client believes the size a peer announces for its first message and allocates it
(a listener claiming a 1 TiB frame, or an HTTP server whose answer starts with
the bytes ``HTTP/1.1``, ended in numpy's out-of-memory traceback). Before a Dask client
is made, this module connects with a timeout, sends the handshake a Dask client sends, and
reads the scheduler's own handshake, refusing an answer larger than any handshake, one that
does not decode as one, or none within ``PROBE_SECONDS``.
"""

from __future__ import annotations

import pickle
import socket
import struct
import sys
import time
from typing import Any

from distributed.protocol import dumps, loads

from reader import errors
from reader.archive.address import parse_address
from reader.errors import DramatisError

#: Seconds to wait for the connection, and then for the scheduler's whole answer.
PROBE_SECONDS = 5.0
#: A scheduler's handshake is about 60 bytes: a few kilobytes is generous.
MAX_HANDSHAKE_BYTES = 4096
#: Dask frames every message with an unsigned 64-bit length in the machine's byte order.
_LENGTH = struct.Struct("Q")


def probe(address: str) -> None:
    """Return if a Dask scheduler answers at ``address``; ``DramatisError`` otherwise."""
    where = parse_address(address)
    try:
        sock = socket.create_connection((where.host, where.port), timeout=PROBE_SECONDS)
    except OSError as error:
        detail = "no answer" if isinstance(error, TimeoutError) else _os_detail(error)
        raise DramatisError(address, errors.SCHEDULER_UNREACHABLE.format(detail=detail)) from None
    with sock:
        try:
            sock.sendall(_handshake())
            info = _read_handshake(sock, time.monotonic() + PROBE_SECONDS)
        except TimeoutError:
            info = f"no answer within {PROBE_SECONDS:g} s"
        except OSError as error:
            info = _os_detail(error)
    if isinstance(info, str):
        raise DramatisError(address, errors.SCHEDULER_NOT_DASK.format(detail=info))


def _handshake() -> bytes:
    """What a Dask client sends first: its compression, Python and pickle versions."""
    info = {
        "compression": None,
        "python": tuple(sys.version_info)[:3],
        "pickle-protocol": pickle.HIGHEST_PROTOCOL,
    }
    frames = [bytes(frame) for frame in dumps(info)]
    prelude = struct.pack(f"Q{len(frames)}Q", len(frames), *map(len, frames))
    body = prelude + b"".join(frames)
    return _LENGTH.pack(len(body)) + body


def _read_handshake(sock: socket.socket, deadline: float) -> dict[str, Any] | str:
    """The peer's handshake, or what was wrong with its answer."""
    header = _receive(sock, _LENGTH.size, deadline)
    if header.startswith(b"HTTP"):
        return "it answers HTTP"
    (size,) = _LENGTH.unpack(header)
    if size > MAX_HANDSHAKE_BYTES:
        return f"its first message claims {size:,} bytes"
    frames = _frames(_receive(sock, size, deadline))
    try:
        info = loads(frames, deserialize=False) if frames is not None else None
    except Exception:  # any bytes at all may arrive; none of them is a handshake
        info = None
    if not isinstance(info, dict) or "python" not in info:
        return "its first message is not a Dask handshake"
    return info


def _frames(body: bytes) -> list[bytes] | None:
    """The frames of a message body (a count, their lengths, then them), or None."""
    if len(body) < _LENGTH.size:
        return None
    (count,) = _LENGTH.unpack_from(body)
    start = _LENGTH.size * (1 + count)
    if count > 16 or start > len(body):
        return None
    lengths = struct.unpack_from(f"{count}Q", body, _LENGTH.size)
    if start + sum(lengths) != len(body):
        return None
    frames = []
    for length in lengths:
        frames.append(body[start : start + length])
        start += length
    return frames


def _receive(sock: socket.socket, size: int, deadline: float) -> bytes:
    """``size`` bytes, all of them before ``deadline`` (a peer sending a byte at a time
    waits no longer than one that sends nothing)."""
    data = bytearray()
    while len(data) < size:
        left = deadline - time.monotonic()
        if left <= 0:
            raise TimeoutError
        sock.settimeout(left)
        chunk = sock.recv(size - len(data))
        if not chunk:
            raise ConnectionResetError("the connection was closed")
        data += chunk
    return bytes(data)


def _os_detail(error: OSError) -> str:
    return (error.strerror or str(error) or type(error).__name__).lower()
