"""How things look: the colour registry (light and dark), the character formats of highlights,
and ``safe_text``, through which every string from a file reaches a widget as text, never
markup, bounded in length and with its "&" shown as written."""
