"""Subcommands of the ``dramatis`` command line, one module each."""
