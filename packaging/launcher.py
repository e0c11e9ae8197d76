"""Entry point of the packaged app: the desktop reader, or the command line when asked.

A double-click (or ``dramatis file.pdf``) opens the desktop reader; ``dramatis analyse …``,
``dramatis library …`` and ``dramatis eval …`` run the command line from the same bundle;
``dramatis --self-test`` checks the bundle headless (``packaging/self_test.py``). Timing and
trace instrumentation (``packaging/instrument.py``) runs only when its environment
variables ask for it.
"""

from __future__ import annotations

import locale
import os
import sys
import time

STARTED = time.time()

COMMANDS = frozenset({"analyse", "eval", "library", "--help", "-h", "--version"})
SELF_TEST = "--self-test"


def coerce_c_locale() -> None:
    """Under the C locale use C.UTF-8, as Python's own interpreter does (PEP 538).

    The frozen app starts Python without that step, and Qt would warn on every start in a
    bare environment (``env -i``).
    """
    try:
        current = locale.setlocale(locale.LC_CTYPE, "")
    except locale.Error:
        current = "C"
    if current in {"C", "POSIX"}:
        os.environ["LC_CTYPE"] = "C.UTF-8"
        try:
            locale.setlocale(locale.LC_CTYPE, "C.UTF-8")
        except locale.Error:
            os.environ.pop("LC_CTYPE")


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if getattr(sys, "frozen", False):
        coerce_c_locale()
    command = args[0] if args else None
    gui = command not in COMMANDS and command != SELF_TEST

    import instrument

    if instrument.wanted():
        instrument.install(gui, STARTED)
    if command == SELF_TEST:
        from self_test import run

        return run()
    if not gui:
        from reader.cli import main as cli_main

        return cli_main(args)
    from ui.app import main as gui_main

    return gui_main(args)


if __name__ == "__main__":
    # The window analyses in a process of its own (reader/analysis_process.py), started
    # by running this executable again: in the bundle, that run must become the process.
    import multiprocessing

    multiprocessing.freeze_support()
    sys.exit(main())
