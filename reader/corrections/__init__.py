"""Corrections a reader makes to the cast, as data, and the pure function that applies them.

``operations`` holds the values (merge, rename, kind, reassign, dismiss, split), each keyed
by identities that survive a re-analysis: actors by name and kind (compared by their library
key), statements by their content span. ``apply`` lays them over an ``Analysis`` and returns
a new one; the library (``reader.library.amend`` and ``reader.library.correcting``) stores
them and applies them again whenever an article's analysis is written.
"""
