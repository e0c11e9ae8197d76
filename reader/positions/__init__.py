"""Positions: what each statement is about, and what each actor stands for across articles.

``subjects`` finds a statement's subjects at analysis time (the actors its content names,
its key noun phrases); ``grouping`` gathers one actor's statements under positions by the
subjects they share; ``stance`` finds the words that carry a statement's stance.
"""
