"""Calibrated confidence of each statement rule: written by bench/calibrate_rules.py.

The share of each rule's statements right end to end (T = 0.3, speaker correct),
smoothed as (right + 1) / (statements + 2), on polnear_train.jsonl (840 articles).
Do not edit by hand: rerun the script.
"""

#: rule -> (confidence, statements, right)
CALIBRATION: dict[str, tuple[float, int, int]] = {
    "quote_marks": (0.845, 378, 320),
    "quote_dash_name": (0.5, 0, 0),
    "quote_name_colon": (0.55, 38, 21),
    "verb_that_clause": (0.898, 7595, 6822),
    "verb_infinitive": (0.651, 456, 297),
    "verb_particle": (0.512, 158, 81),
    "verb_call_on": (0.687, 65, 45),
    "verb_by_agent": (0.808, 24, 20),
    "verb_topic": (0.348, 219, 76),
    "verb_naming": (0.828, 62, 52),
    "verb_object": (0.671, 1278, 858),
    "inverted": (0.791, 65, 52),
    "parenthetical": (0.923, 206, 191),
    "as_clause": (0.5, 76, 38),
    "according_to": (0.865, 404, 350),
    "per_source": (0.5, 0, 0),
    "nominal": (0.543, 92, 50),
    "nominal_topic": (0.455, 119, 54),
    "colon_line": (0.656, 120, 79),
    "headline": (0.754, 55, 42),
    "floating": (0.5, 18, 9),
    "floating_same_paragraph": (0.804, 49, 40),
    "floating_distant": (0.176, 32, 5),
}
