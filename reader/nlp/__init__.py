"""Language analysis: the spaCy model, line-wise parsing, and entities corrected for news.

Input: ``Article.text``. Output: ``Paragraph`` values (``parsing.parse``: one spaCy doc per
line with its offset, long lines cut at bounded length) and ``Entity`` values
(``entities.extract_entities``, in text order, non-overlapping, possessives trimmed).
``headlines`` tells title-case headline lines from body text. The model loads once per
process (``parsing.load_nlp``); nothing here runs without it, and nothing else imports spaCy
at run time.
"""
