"""Renderers of an Analysis for people and programs: JSON, terminal text, web pages, Markdown.

They read an ``Analysis`` and nothing else; ``words`` names every label, kind, rule and
correction for people, the interface's tooltips included.
"""
