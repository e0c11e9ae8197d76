"""``dramatis eval``: scores the statement finder against annotated news.

``scoring`` reads gold JSONL files, runs the pipeline and summarises; ``metrics`` holds the
metric's definitions, with name rules of its own on purpose, so that a measurement never
shares the rules it measures.
"""
