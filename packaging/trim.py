"""What the packaged app leaves out, and the symbols it strips.

``packaging/dramatis.spec`` applies these rules to PyInstaller's analysis. Every rule names
what it removes and why; the figures behind them come from ``packaging/trace.py`` (the
frozen app run on every supported format, the library commands, the self-test and the
window; see docs/PACKAGING.md). The rules only ever remove; the packaging tests then run
the trimmed app on every format and in the real window to prove nothing needed went.

- ``EXCLUDED_MODULES``: Python packages the app never imports (the trace: 0 modules).
- ``DROPPED_FILES``: bundled files no run opened or mapped, by pattern.
- ``HOST_LIBRARIES``: system libraries that must come from the computer the app runs on.
- ``unneeded_libraries``: shared libraries needed only by what went (``without`` removes
  them with their links).
- ``strip_symbols``: copies of the shared libraries without debug sections and symbol
  tables.
"""

from __future__ import annotations

import fnmatch
import functools
import importlib.util
import shutil
import subprocess
from collections.abc import Iterable, Sequence
from pathlib import Path

#: A PyInstaller TOC entry: (name in the bundle, source file, type code).
Entry = tuple[str, str, str]

#: Python packages and modules left out, with the reason.
EXCLUDED_MODULES: dict[str, str] = {
    "tkinter": "no Tk interface",
    "torch": "not a dependency; spaCy's optional back end",
    "tensorflow": "not a dependency; spaCy's optional back end",
    "matplotlib": "not a dependency",
    "IPython": "not a dependency",
    "pytest": "development only",
    "PIL": "pypdf imports Pillow only to report its version and to extract images; "
    "text extraction never needs it (14 MB of image codecs)",
    "PySide6.QtNetwork": "collected because every PySide6 module links QtNetwork on Linux; "
    "the app opens no network connection and no run mapped it",
    "PySide6.QtDBus": "never imported (libQt6DBus itself stays: QtGui links it)",
    "mypy": "pulled in by thinc.mypy, a type-checker plugin",
    "thinc.mypy": "a type-checker plugin",
    "ast_serialize": "mypy's parser",
    "hypothesis": "pulled in by the test suites of spaCy and thinc",
    "spacy.tests": "spaCy's test suite",
    "thinc.tests": "thinc's test suite",
    "srsly.tests": "srsly's test suite",
    "yaml": "only numpy's build-configuration report imports it",
    "psutil": "only development tools import it",
    "smart_open": "weasel's remote storage for projects (push/pull), never used",
    "wrapt": "only smart_open imports it",
    "curses": "no terminal interface",
    "readline": "no interactive prompt",
    "lxml.objectify": "not used by trafilatura or python-docx",
    "lxml.isoschematron": "not used by trafilatura or python-docx",
    "lxml.html.diff": "not used by trafilatura",
    "dask": "not imported by the app (archive-scale analysis runs from the source tree)",
    "distributed": "not imported by the app",
    "tornado": "only dask.distributed imports it",
    "anyio": "httpx's asynchronous transport; the app opens no network connection",
    "httpcore": "httpx's transports; the app opens no network connection",
    "markdown_it": "rich's Markdown renderer, never used",
    "cloudpathlib": "weasel's cloud storage, never used",
    "pygments.formatters": "rich highlights no code in this app",
    "pydoc": "interactive help",
    "pydoc_data": "interactive help",
    "unittest": "only test helpers import it",
    "doctest": "only test helpers import it",
    "pdb": "the debugger",
    "asyncio": "nothing in the app runs an event loop (only httpx's unused async client)",
    "http.server": "the app serves nothing",
    "xmlrpc": "the app makes no remote calls",
    "smtplib": "the app sends no mail",
    "ftplib": "the app downloads nothing",
    "pydantic.mypy": "a type-checker plugin",
    "numpy.f2py": "numpy's Fortran wrapper generator, a build tool",
    "numpy.testing": "numpy's test helpers",
    "numpy.ma": "masked arrays: spaCy and thinc never use them",
    "numpy.polynomial": "spaCy and thinc never use it",
    "numpy.fft": "spaCy and thinc never use it",
    "lxml.html._difflib": "only lxml.html.diff (left out) uses it",
}

_KEPT_IMAGE_FORMAT = "libqsvg.so"
_KEPT_BABEL_LOCALES = ("root.dat", "en.dat")

#: Bundle paths (``fnmatch`` patterns) left out, with the reason.
DROPPED_FILES: dict[str, str] = {
    "PySide6/Qt/translations/*": "Qt's own translations: the interface is English only "
    "and installs no QTranslator",
    "PySide6/Qt/plugins/imageformats/*": "image codecs: the article view loads no images "
    "(its documents refuse resources); only the SVG reader stays, for the icon",
    "PySide6/Qt/plugins/platforms/libqlinuxfb.so": "framebuffer console platform",
    "PySide6/Qt/plugins/platforms/libqvnc.so": "VNC server platform",
    "PySide6/Qt/plugins/platforms/libqvkkhrdisplay.so": "Vulkan display platform",
    "PySide6/Qt/plugins/platforms/libqminimal*.so": "test platforms",
    "PySide6/Qt/plugins/platforms/libqeglfs.so": "embedded EGL full-screen platform",
    "PySide6/Qt/plugins/egldeviceintegrations/*": "only the eglfs platform uses them",
    "PySide6/Qt/lib/libQt6EglFS*": "only the eglfs platform uses them",
    "PySide6/Qt/plugins/generic/*": "evdev and TUIO input for framebuffer and eglfs",
    "PySide6/Qt/plugins/networkinformation/*": "QtNetwork plugins",
    "PySide6/Qt/plugins/tls/*": "QtNetwork plugins",
    "PySide6/Qt/plugins/platformthemes/libqgtk3.so": "needs the system's GTK 3 and brings "
    "cairo, pango and gdk-pixbuf of the build machine; Qt's own style is used instead",
    "babel/locale-data/*": "courlan parses locale names only when it filters URLs by "
    "language while crawling; opening a saved page never does (0 of 1149 files opened)",
    "pytz/zoneinfo/*": "dateparser, which htmldate loads only for dates written in words, "
    "looks zones up by name only to make dates timezone-aware, which htmldate does not ask "
    "for (UTC is built into pytz; an unknown zone is an error dateparser handles)",
    "*/tests/*": "test suites of the packages",
    "*.pyx": "Cython sources",
    "*.pxd": "Cython headers",
    "*.pyi": "type stubs",
    "*.h": "C headers",
    "*.c": "C sources",
    "*.cpp": "C++ sources",
}

#: Exceptions to ``DROPPED_FILES``.
KEPT_FILES = (
    f"PySide6/Qt/plugins/imageformats/{_KEPT_IMAGE_FORMAT}",
    *(f"babel/locale-data/{name}" for name in _KEPT_BABEL_LOCALES),
)


#: spaCy languages that stay: English for the model; "xx" and the five whose tokenizers
#: spacy/registrations.py imports whenever spaCy starts (the trace shows all seven).
KEPT_SPACY_LANGUAGES = frozenset({"en", "xx", "ja", "ko", "th", "vi", "zh"})


def spacy_languages_to_exclude(keep: frozenset[str] = KEPT_SPACY_LANGUAGES) -> list[str]:
    """spaCy's other language packages (found without importing spaCy)."""
    spec = importlib.util.find_spec("spacy")
    if spec is None or spec.origin is None:
        return []
    languages = Path(spec.origin).parent / "lang"
    return sorted(
        f"spacy.lang.{folder.name}"
        for folder in languages.iterdir()
        if (folder / "__init__.py").exists() and folder.name not in keep
    )


def pygments_parts_to_exclude() -> list[str]:
    """Pygments' lexers and styles: rich, which spaCy's command line imports, loads them by
    name only to highlight code, which this app never asks it to do (the trace: only the
    lookup tables ``_mapping`` are imported)."""
    spec = importlib.util.find_spec("pygments")
    if spec is None or spec.origin is None:
        return []
    root = Path(spec.origin).parent
    return sorted(
        f"pygments.{group}.{module.stem}"
        for group in ("lexers", "styles")
        for module in (root / group).glob("*.py")
        if module.stem not in {"__init__", "_mapping"}
    )


def excluded_modules() -> list[str]:
    """Every module name for ``Analysis(excludes=…)``."""
    return [*EXCLUDED_MODULES, *spacy_languages_to_exclude(), *pygments_parts_to_exclude()]


def drop_reason(name: str) -> str | None:
    """Why the file at bundle path ``name`` is left out, or None to keep it."""
    name = name.replace("\\", "/")
    if name in KEPT_FILES:
        return None
    for pattern, reason in DROPPED_FILES.items():
        if fnmatch.fnmatchcase(name, pattern):
            return reason
    parts = name.split("/")
    if parts[:2] == ["spacy", "lang"] and len(parts) > 3 and parts[2] not in KEPT_SPACY_LANGUAGES:
        return "data of a language left out"
    return None


def keep(entries: Iterable[Entry]) -> list[Entry]:
    """The entries no rule drops."""
    return [entry for entry in entries if drop_reason(entry[0]) is None]


# -- libraries needed only by what went -----------------------------------------------------


@functools.cache
def needed(path: str) -> frozenset[str]:
    """The DT_NEEDED names of a shared library or executable (empty if not ELF)."""
    completed = subprocess.run(
        ["readelf", "--dynamic", "--wide", path], capture_output=True, text=True, check=False
    )
    names = set()
    for line in completed.stdout.splitlines():
        if "(NEEDED)" in line and "[" in line:
            names.add(line.rsplit("[", 1)[1].rstrip("]"))
    return frozenset(names)


#: Libraries taken from the computer the app runs on, never bundled (the subset of the
#: AppImage project's exclude list found in this bundle, plus the D-Bus client): the
#: desktop's own graphics drivers, input methods and font configuration are loaded into
#: the process from the host and need the host's versions of these; an older bundled copy
#: breaks them. Every Linux desktop has them.
HOST_LIBRARIES: dict[str, str] = {
    "libstdc++.so.6": "host graphics drivers need the host's C++ runtime",
    "libgcc_s.so.1": "host graphics drivers need the host's C runtime support",
    "libz.so.1": "part of every system",
    "libexpat.so.1": "Mesa and fontconfig read their XML configuration with the host's",
    "libfontconfig.so.1": "must read the host's font configuration format",
    "libfreetype.so.6": "pairs with the host's fontconfig",
    "libX11.so.6": "talks to the host's X server (libxcb is never bundled either)",
    "libglib-2.0.so.0": "shared with the host's input method and theme modules",
    "libgpg-error.so.0": "on the AppImage exclude list",
    "libuuid.so.1": "on the AppImage exclude list",
    "libdbus-1.so.3": "talks to the host's session bus (accessibility, portals, input methods)",
}


def host_libraries(entries: Iterable[Entry]) -> set[str]:
    """Bundle names of the ``HOST_LIBRARIES`` in ``entries``."""
    return {e[0] for e in entries if e[2] == "BINARY" and Path(e[0]).name in HOST_LIBRARIES}


def _is_linked_library(entry: Entry) -> bool:
    """A shared library other binaries link to (not an extension module, not a Qt plugin)."""
    name, _source, kind = entry
    return kind == "BINARY" and ".so" in name and "/plugins/" not in name


def _closure(entries: Sequence[Entry], libraries: dict[str, Entry]) -> set[str]:
    """Names of the libraries reachable by DT_NEEDED from every other binary in ``entries``."""
    pending = [e for e in entries if e[1] not in {lib[1] for lib in libraries.values()}]
    pending = [e for e in pending if e[2] in {"BINARY", "EXTENSION"}]
    reached: set[str] = set()
    while pending:
        entry = pending.pop()
        for name in needed(entry[1]):
            if name in libraries and name not in reached:
                reached.add(name)
                pending.append(libraries[name])
    return reached


def unneeded_libraries(before: Sequence[Entry], after: Sequence[Entry]) -> set[str]:
    """Bundle names of libraries that nothing left in ``after`` links to.

    Dropped: a library something linked before the trim and nothing links after, and any
    of Qt's own libraries nothing links (Qt opens only plugins by name). A library that
    nothing links at all (one opened by name at run time, through ctypes say) stays.
    """
    libraries = {Path(e[0]).name: e for e in after if _is_linked_library(e)}
    every = {Path(e[0]).name: e for e in before if _is_linked_library(e)}
    linked_after = _closure(after, libraries)
    linked_before = _closure(before, every)
    orphans = set(linked_before) - linked_after
    orphans |= {name for name, e in libraries.items() if e[0].startswith("PySide6/Qt/lib/")}
    orphans -= linked_after
    # The bootloader opens libpython by name; nothing need link it.
    orphans = {name for name in orphans if not name.startswith("libpython")}
    return {libraries[name][0] for name in orphans if name in libraries}


def without(entries: Sequence[Entry], names: set[str]) -> list[Entry]:
    """``entries`` less ``names``, and less the symbolic links that pointed to them."""
    kept = [e for e in entries if e[0] not in names]
    present = {e[0] for e in kept if e[2] != "SYMLINK"}
    return [e for e in kept if e[2] != "SYMLINK" or e[1] in present]


# -- symbols ---------------------------------------------------------------------------------


def is_relinked(path: str) -> bool:
    """A library repaired by auditwheel (linked to a ``*.libs`` folder): never rewritten."""
    if ".libs/" in path:
        return True
    completed = subprocess.run(
        ["readelf", "--dynamic", "--wide", path], capture_output=True, text=True, check=False
    )
    return any(
        ".libs" in line for line in completed.stdout.splitlines() if "PATH)" in line
    )  # (RPATH) and (RUNPATH) lines


def strip_symbols(entries: Iterable[Entry], work: Path) -> tuple[list[Entry], int]:
    """Entries whose shared libraries point to stripped copies in ``work``.

    ``strip --strip-unneeded`` removes debug sections and the static symbol table; the
    dynamic symbols every library needs stay. Libraries relinked by auditwheel (numpy's,
    for one) are left alone: rewriting those breaks them. Returns the entries and the
    bytes saved.
    """
    result: list[Entry] = []
    saved = 0
    for name, source, kind in entries:
        if kind in {"BINARY", "EXTENSION"} and not is_relinked(source):
            copy = work / "stripped" / name
            copy.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, copy)
            subprocess.run(["strip", "--strip-unneeded", str(copy)], check=True)
            saved += Path(source).stat().st_size - copy.stat().st_size
            source = str(copy)
        result.append((name, source, kind))
    return result, saved
