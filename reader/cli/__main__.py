"""``python -m reader.cli``: the ``dramatis`` command line."""

import sys

from reader.cli import main

sys.exit(main())
