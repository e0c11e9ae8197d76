"""What the window draws: the article view, the cast, the library and "who said what"
panels, the legend and the message banner. Widgets show immutable values they are given and
forward what the user asks for as signals; none runs NLP or SQL."""
