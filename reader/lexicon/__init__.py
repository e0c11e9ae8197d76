"""The one English vocabulary every stage reads: plain data, defined once.

``titles`` (title words and honorifics), ``name_parts`` (particles, suffixes, determiners),
``pronouns``, ``groups`` (bodies of people and institutions) and ``speech`` (speech verbs,
their argument frames, nominal cues). Code imports the words from here and never keeps a
list of its own; the one exception is the evaluation metric (``reader.evaluation``), which
keeps its own name rules on purpose, so that a measurement never shares the rules it
measures. Every list is built with ``wordset``, which refuses a word written twice.
"""
