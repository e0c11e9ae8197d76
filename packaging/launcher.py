"""Entry point of the packaged app: the desktop reader, or the command line when asked.

A double-click (or ``dramatis file.pdf``) opens the desktop reader; ``dramatis analyse …``,
``dramatis library …`` and ``dramatis eval …`` run the command line from the same bundle.
"""

from __future__ import annotations

import sys

COMMANDS = frozenset({"analyse", "eval", "library", "--help", "-h", "--version"})


def main() -> int:
    if len(sys.argv) > 1 and sys.argv[1] in COMMANDS:
        from reader.cli import main as cli_main

        return cli_main(sys.argv[1:])
    from ui.app import main as gui_main

    return gui_main(sys.argv[1:])


if __name__ == "__main__":
    sys.exit(main())
