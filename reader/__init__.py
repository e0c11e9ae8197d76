"""Dramatis core: open articles, analyse who appears and who said what, keep a library.

Nothing in this package imports Qt; the desktop interface lives in ``ui``.
"""

__version__ = "0.1.0"
