"""``--scheduler`` and ``--workers`` never end in a traceback or a hang.

Every address that is not ``tcp://HOST:PORT`` or ``HOST:PORT`` is refused as it is parsed;
a listener that is no Dask scheduler (one claiming a 1 TiB message, one answering HTTP,
one sending garbage, one saying nothing) is found out by a bounded handshake before a
Dask client is made; a scheduler without workers is given a bounded time to get one; a
local cluster that cannot start (the loopback interface down) is one line. Each is one
line on stderr, exit 2, and nothing stored. The fake listeners run on 127.0.0.1 here.
"""

from __future__ import annotations

import errno
import socket
import struct
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from reader.archive import engine, probe
from reader.archive.address import parse_address
from reader.cli import main
from reader.library import open_library


def add(capsys, tmp_path: Path, *flags: str) -> tuple[int, str, str]:
    article = tmp_path / "article.txt"
    article.write_text("Mayor Tom Okafor said the council would vote in May.\n", "utf-8")
    code = main(["library", "--data-dir", str(tmp_path / "data"), "add", str(article), *flags])
    out, err = capsys.readouterr()
    return code, out, err


def stored(tmp_path: Path) -> int:
    with open_library(tmp_path / "data") as library:
        return library.count()


def assert_one_line(code: int, out: str, err: str, *words: str) -> None:
    assert code == 2
    assert out == ""
    assert err.count("\n") == 1 and err.startswith("dramatis: "), err
    assert "Traceback" not in err
    for word in words:
        assert word in err


@pytest.mark.parametrize(
    ("address", "words"),
    [
        ("tls://127.0.0.1:8786", ("the tls:// protocol is not supported",)),
        ("ucx://127.0.0.1:8786", ("the ucx:// protocol is not supported",)),
        ("foo://bar", ("the foo:// protocol is not supported",)),
        ("garbage", ("expected a Dask scheduler address", "'garbage'")),
        ("", ("expected a Dask scheduler address", "''")),
        ("tcp://127.0.0.1", ("expected a Dask scheduler address",)),
        ("127.0.0.1:0", ("expected a Dask scheduler address",)),
        ("127.0.0.1:65536", ("expected a Dask scheduler address",)),
        ("tcp://host name:8786", ("expected a Dask scheduler address",)),
    ],
)
def test_addresses_that_are_not_tcp_are_refused_as_parsed(capsys, tmp_path, address, words):
    code, out, err = add(capsys, tmp_path, "--scheduler", address)
    assert_one_line(code, out, err, "argument --scheduler", *words)
    assert not (tmp_path / "data").exists()  # refused before the library is opened


def test_tcp_addresses_are_read_as_dask_is_to_be_given_them():
    assert str(parse_address("127.0.0.1:8786")) == "tcp://127.0.0.1:8786"
    assert str(parse_address("TCP://scheduler.example.org:8786")) == (
        "tcp://scheduler.example.org:8786"
    )
    assert str(parse_address("tcp://[::1]:8786")) == "tcp://[::1]:8786"
    assert parse_address("tcp://[::1]:8786").host == "::1"


# -- listeners that are not Dask schedulers ---------------------------------------------------


def tebibyte(connection: socket.socket) -> None:
    connection.sendall(struct.pack("Q", 1 << 40))


def http(connection: socket.socket) -> None:
    connection.recv(4096)
    connection.sendall(b"HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n")


def garbage(connection: socket.socket) -> None:
    connection.sendall(b"\x02\x00\x00\x00\x00\x00\x00\x00" + b"\xff" * 64)


def silent(connection: socket.socket) -> None:
    connection.recv(4096)


def closes(connection: socket.socket) -> None:
    """Nothing: the connection is closed at once."""


@pytest.fixture
def listener() -> Iterator[Callable[[Callable[[socket.socket], None]], str]]:
    """Starts a one-connection-at-a-time server on 127.0.0.1 that answers with ``serve``,
    then holds the connection open until the test ends."""
    servers: list[socket.socket] = []
    done = threading.Event()

    def start(serve: Callable[[socket.socket], None]) -> str:
        server = socket.create_server(("127.0.0.1", 0))
        servers.append(server)

        def loop() -> None:
            while not done.is_set():
                try:
                    connection, _ = server.accept()
                except OSError:
                    return
                with connection:
                    serve(connection)
                    if serve is not closes:
                        done.wait(30)

        threading.Thread(target=loop, daemon=True).start()
        return f"127.0.0.1:{server.getsockname()[1]}"

    yield start
    done.set()
    for server in servers:
        server.close()


@pytest.mark.slow
@pytest.mark.parametrize(
    ("serve", "detail"),
    [
        (tebibyte, ("its first message claims 1,099,511,627,776 bytes",)),
        (http, ("it answers HTTP",)),
        (garbage, ("its first message is not a Dask handshake",)),
        (silent, ("no answer within",)),
        # Closed with our handshake unread, the system may reset the connection instead.
        (closes, ("the connection was closed", "connection reset")),
    ],
)
def test_a_listener_that_is_no_scheduler_is_one_line(
    capsys, tmp_path, monkeypatch, listener, serve, detail
):
    """1 TiB and HTTP gave numpy's out-of-memory traceback."""
    monkeypatch.setattr(probe, "PROBE_SECONDS", 0.5)
    address = listener(serve)
    code, out, err = add(capsys, tmp_path, "--scheduler", address)
    assert_one_line(code, out, err, f"tcp://{address}", "does not answer as a Dask scheduler")
    assert any(words in err for words in detail), err
    assert stored(tmp_path) == 0


def test_nobody_listening_is_one_line(capsys, tmp_path):
    with socket.create_server(("127.0.0.1", 0)) as server:
        port = server.getsockname()[1]
    code, out, err = add(capsys, tmp_path, "--scheduler", f"127.0.0.1:{port}")
    assert_one_line(code, out, err, "the Dask scheduler cannot be reached")
    assert stored(tmp_path) == 0


@pytest.mark.slow
def test_a_scheduler_without_workers_is_given_a_bounded_time(capsys, tmp_path, monkeypatch):
    """A scheduler with no workers waited forever without a word."""
    import logging

    from distributed import LocalCluster

    monkeypatch.setattr(engine, "WORKERS_SECONDS", 0.5)
    with LocalCluster(
        n_workers=0,
        processes=False,
        protocol="tcp://",
        host="127.0.0.1",
        dashboard_address=None,
        silence_logs=logging.ERROR,
    ) as cluster:
        code, out, err = add(capsys, tmp_path, "--scheduler", cluster.scheduler_address)
    assert_one_line(code, out, err, "the Dask scheduler has no workers", "dask worker tcp://")
    assert stored(tmp_path) == 0


def test_loopback_down_is_one_line_before_any_process_starts(capsys, tmp_path, monkeypatch):
    """With the loopback interface down, ``--workers 2`` gave a traceback after
    30 s. Connecting to 127.0.0.1 fails at once there (network unreachable)."""
    started: list[int] = []

    def unreachable(*args: object, **kwargs: object) -> socket.socket:
        raise OSError(errno.ENETUNREACH, "Network is unreachable")

    monkeypatch.setattr(engine.socket, "create_connection", unreachable)
    monkeypatch.setattr(engine, "_start_local", lambda workers: started.append(workers))
    code, out, err = add(capsys, tmp_path, "--workers", "2")
    assert_one_line(code, out, err, "--workers 2", "network is unreachable", "--workers 1")
    assert started == []
    assert stored(tmp_path) == 0


def test_a_local_cluster_that_fails_to_start_is_one_line(capsys, tmp_path, monkeypatch):
    def fails(workers: int) -> None:
        raise RuntimeError("Cluster failed to start: Timed out trying to connect")

    monkeypatch.setattr(engine, "_start_local", fails)
    code, out, err = add(capsys, tmp_path, "--workers", "2")
    assert_one_line(code, out, err, "--workers 2", "could not be started", "Timed out")
    assert stored(tmp_path) == 0
