"""The ``--scheduler`` address, checked as it is parsed: ``tcp://HOST:PORT`` or ``HOST:PORT``.

Dask accepts many protocols and spellings, and answers most mistakes late and badly
(``tls://`` and ``ucx://`` ended in a TypeError; ``foo://bar`` and ``""`` printed a message
and then hung for 20 s). Only plain TCP is used here, the protocol a scheduler started with
``dask scheduler`` listens on; anything else is refused before a connection is tried.
This module does not import dask.
"""

from __future__ import annotations

import argparse
import re
from dataclasses import dataclass

from reader import errors
from reader.opening.limits import MAX_DETAIL_CHARS, cut

# A host name or IPv4 address, or an IPv6 address in brackets; then a port.
_HOST_PORT = re.compile(
    r"^(?:\[(?P<ipv6>[0-9A-Fa-f:.]+)\]|(?P<host>[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?))"
    r":(?P<port>[0-9]{1,5})$"
)


@dataclass(frozen=True, slots=True)
class SchedulerAddress:
    """Where a scheduler listens; ``str()`` is the address Dask is given."""

    host: str
    port: int

    def __str__(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"tcp://{host}:{self.port}"


def parse_address(value: str) -> SchedulerAddress:
    """``value`` as a scheduler address; ``ValueError`` with the message if it is none."""
    rest = value
    scheme, separator, after = value.partition("://")
    if separator:
        if scheme.lower() != "tcp":
            shown = cut(scheme, MAX_DETAIL_CHARS)
            raise ValueError(errors.SCHEDULER_PROTOCOL.format(scheme=shown))
        rest = after
    found = _HOST_PORT.match(rest)
    port = int(found["port"]) if found else 0
    if found is None or not 1 <= port <= 65535:
        raise ValueError(errors.SCHEDULER_ADDRESS.format(value=cut(value, MAX_DETAIL_CHARS)))
    return SchedulerAddress(found["ipv6"] or found["host"], port)


def scheduler_address(value: str) -> str:
    """``--scheduler``: the address as Dask is to be given it."""
    try:
        return str(parse_address(value))
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None
