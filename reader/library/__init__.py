"""The local library of every article opened: storage, search, actors and statements.

Public API (plain dataclasses in and out, no SQL for callers)::

    library = open_library(data_dir)            # data_dir None: reader.paths.data_dir()
    article_id, was_new = library.add_analysis(analysis)  # reader.reading analyses
    library.search("putin AND gas", actor="Putin")
    library.said("Vladimir Putin")

A damaged library raises ``CorruptLibraryError`` and is never overwritten; ``set_aside``
moves it aside and ``start_fresh`` also opens a new one. A library that cannot be written
(read-only folder, full disk) is opened read-only and can still be read. ``check_library``
and ``repair_library`` are ``dramatis library check [--repair]``; ``export_csv`` writes
every statement to a file. Opening and analysing a file is the reading step's
(``reader.reading``): the library only stores, reads and corrects. Each name here is
imported from its own module when it is first used: a records or errors import loads
neither sqlite-utils nor the storage code.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

from reader.errors import LibraryError
from reader.paths import log_path

if TYPE_CHECKING:
    from reader.library.check import Kind, Problem
    from reader.library.connection import CorruptLibraryError
    from reader.library.core import Library
    from reader.library.export import export_csv
    from reader.library.failures import (
        CorrectionError,
        DamagedRecordError,
        NoSuchArticleError,
        NotSavedError,
    )
    from reader.library.held import LostLibraryError
    from reader.library.lifecycle import (
        SchemaMismatchError,
        check_library,
        keep_library,
        open_library,
        repair_library,
        repair_schema,
        set_aside,
        start_fresh,
    )
    from reader.library.listing import Bounds, Column
    from reader.library.records import (
        ActorSummary,
        AddResult,
        ListedArticle,
        SearchHit,
        StoredArticle,
        StoredStatement,
    )
    from reader.library.removal import Removed
    from reader.library.search import MARK_END, MARK_START

__all__ = [
    "MARK_END",
    "MARK_START",
    "ActorSummary",
    "AddResult",
    "Bounds",
    "Column",
    "CorrectionError",
    "CorruptLibraryError",
    "DamagedRecordError",
    "Kind",
    "Library",
    "LibraryError",
    "ListedArticle",
    "LostLibraryError",
    "NoSuchArticleError",
    "NotSavedError",
    "Problem",
    "Removed",
    "SchemaMismatchError",
    "SearchHit",
    "StoredArticle",
    "StoredStatement",
    "check_library",
    "export_csv",
    "keep_library",
    "log_path",
    "open_library",
    "repair_library",
    "repair_schema",
    "set_aside",
    "start_fresh",
]

#: Where each public name lives: a module is imported when one of its names is first used,
#: so that a module needing only a record or an error does not load sqlite-utils (the
#: window paints before it opens its library).
_HOME = {
    "MARK_END": "search",
    "MARK_START": "search",
    "ActorSummary": "records",
    "AddResult": "records",
    "ListedArticle": "records",
    "SearchHit": "records",
    "StoredArticle": "records",
    "StoredStatement": "records",
    "Bounds": "listing",
    "Column": "listing",
    "CorrectionError": "failures",
    "DamagedRecordError": "failures",
    "NoSuchArticleError": "failures",
    "NotSavedError": "failures",
    "CorruptLibraryError": "connection",
    "Kind": "check",
    "Problem": "check",
    "Library": "core",
    "LostLibraryError": "held",
    "Removed": "removal",
    "export_csv": "export",
    "SchemaMismatchError": "lifecycle",
    "check_library": "lifecycle",
    "keep_library": "lifecycle",
    "open_library": "lifecycle",
    "repair_library": "lifecycle",
    "repair_schema": "lifecycle",
    "set_aside": "lifecycle",
    "start_fresh": "lifecycle",
}


def __getattr__(name: str) -> Any:
    home = _HOME.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(f"{__name__}.{home}"), name)
    globals()[name] = value
    return value
