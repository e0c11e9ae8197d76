"""Writing an exported file whole or not at all.

An export is written to a temporary file beside its destination and moved into place only
when complete, so a failure (a full disk, a folder that cannot be written) leaves any file
already there unchanged and no half-written one behind. The failure is an ``OutputError``
naming the file and the problem (importable from here by the interface).
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import TextIO

from reader import errors
from reader.errors import OutputError

__all__ = ["NEW_FILE_MODE", "OutputError", "replacing", "write_text"]

#: Read and write for its owner, read for others.
NEW_FILE_MODE = 0o644


@contextlib.contextmanager
def replacing(path: str | Path) -> Iterator[TextIO]:
    """A text stream (UTF-8, ``\\n`` line ends) whose content becomes ``path`` on success."""
    target = Path(path)
    try:
        handle, temporary = tempfile.mkstemp(
            prefix=f".{target.name}.", suffix=".part", dir=target.parent
        )
    except OSError as error:
        raise _unwritable(target, error) from error
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
            yield stream
        # A temporary file is private (0600); an export is an ordinary file, or keeps the
        # permissions of the one it replaces.
        os.chmod(temporary, _mode_of(target))
        os.replace(temporary, target)
    except OSError as error:
        _remove(temporary)
        raise _unwritable(target, error) from error
    except BaseException:
        _remove(temporary)
        raise


def write_text(path: str | Path, text: str) -> None:
    """Write ``text`` to ``path`` whole, replacing what was there only when done."""
    with replacing(path) as stream:
        stream.write(text)


def _mode_of(target: Path) -> int:
    try:
        return target.stat().st_mode & 0o777
    except OSError:
        return NEW_FILE_MODE


def _remove(temporary: str) -> None:
    with contextlib.suppress(OSError):
        os.unlink(temporary)


def _unwritable(path: Path, error: OSError) -> OutputError:
    detail = error.strerror or str(error)
    return OutputError(path, errors.OUTPUT_UNWRITABLE.format(detail=detail))
