"""Actors: each person, organisation, place or group once, however it is written.

Input: the article text, its paragraphs, entities and statements. Output (``building``'s
``resolve_actors``): the entities and statements linked to ``Actor`` values, and the actors,
each with a canonical name, its aliases, a kind, its mention count and its statements.
Invariants: every actor id an entity or statement names exists; an actor's statements are
in text order. ``clusters`` groups mentions, ``names`` compares names (pure string work),
``coreference`` resolves pronouns and titles to actors.
"""
