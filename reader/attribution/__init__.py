"""Statements: who is reported to have said what, found from the parse and quotation marks.

Input: the article text, its parsed paragraphs and its entities. Output: ``Quote`` values
(``find_quotes``), in text order, each with content spans, a cue and speaker mention (both
or neither), a kind (direct, mixed, indirect) and the ``Rule`` that found it; not yet
linked to actors. Invariants: every offset points into the article text; no two statements
repeat each other; a quotation belongs to at most one statement.

The cue finders (``verb_cues`` with the frame handlers of ``verb_frames``,
``source_phrases``, ``nominal_cues``, ``colon_lines``, ``headline_cues``) and the
quotation-mark regions (``quotation_marks``) feed ``assembly``, which joins them in explicit
steps; ``rules`` names each rule, its precedence and its calibrated confidence; ``syntax``
holds the parse helpers they share.
"""
