"""Names that are page furniture or things, not people: agencies in credits, platforms,
products, events.

The tagger often calls these PERSON ("Bitcoin", "Brexit", "Twitter"); they are relabelled
to what they are, and photo credits are not part of the story at all.
"""

from __future__ import annotations

#: Picture agencies and wire services that appear in credits: "Jane Roe/AFP/Getty Images".
PICTURE_AGENCIES: tuple[str, ...] = (
    "AFP", "AP", "Reuters", "Getty Images", "Getty", "CP", "The Canadian Press", "Bloomberg",
    "EPA", "EPA-EFE", "Shutterstock", "Alamy", "PA", "PA Images", "PA Wire", "NurPhoto",
    "Sipa", "AAP", "ANP", "dpa", "Xinhua", "Kyodo", "Anadolu", "iStock", "Handout", "Pool",
    "Supplied", "File", "TNS", "USA Today Sports", "Imagn", "ZUMA", "Zuma Press",
)  # fmt: skip

#: Platforms and online services: organisations, never people.
PLATFORMS: frozenset[str] = frozenset({
    "Twitter", "Facebook", "Instagram", "TikTok", "YouTube", "WhatsApp", "Telegram",
    "Snapchat", "LinkedIn", "Reddit", "Threads", "Bluesky", "Netflix", "Spotify", "Twitch",
    "Discord", "Substack", "Uber", "Airbnb", "Google", "Amazon", "Zoom", "Bing", "Yahoo",
})  # fmt: skip

#: Products, currencies and software: things, never people.
PRODUCTS: frozenset[str] = frozenset({
    "Bitcoin", "bitcoin", "Ethereum", "Dogecoin", "iPhone", "iPad", "Android", "Windows",
    "ChatGPT", "PlayStation", "Xbox", "Kindle", "Ozempic", "Wegovy", "Tylenol", "Viagra",
})  # fmt: skip

#: Events news names like people: "Brexit", "the Olympics".
EVENTS: frozenset[str] = frozenset({
    "Brexit", "Olympics", "Paralympics", "World Cup", "Super Bowl", "Stanley Cup",
    "Grey Cup", "Oscars", "Grammys", "Emmys", "Junos", "Golden Globes", "Tour de France",
    "Wimbledon", "Euro 2024", "Eurovision", "Ramadan", "Christmas", "Diwali", "Hanukkah",
})  # fmt: skip

#: Last words of the names of events, prizes and programmes: "Fan Expo Canada" is not, but
#: "Google Science Fair", "Booker Prize", "Space Shuttle Program" are things, not actors.
EVENT_HEADS: frozenset[str] = frozenset({
    "expo", "fair", "festival", "championship", "championships", "prize", "award", "awards",
    "study", "survey", "census", "cup", "tournament", "olympics", "paralympics",
    "marathon", "summit", "conference", "convention", "week", "day", "gala", "rally",
    "election", "elections", "referendum", "war", "crisis", "pandemic", "scandal",
})  # fmt: skip

#: First words of the names of storms: "Hurricane Katrina", "Cyclone Phailin", "Tropical
#: Storm Alberto" (a bare "Storm …" may be a person's given name).
STORM_WORDS: frozenset[str] = frozenset({"hurricane", "cyclone", "typhoon", "tropical"})

#: Words that make a name a vehicle: "Space Shuttle Atlantis", "the cruise ship Freewinds".
VEHICLE_WORDS: frozenset[str] = frozenset({
    "shuttle", "spacecraft", "rocket", "rover", "probe", "satellite", "ship", "vessel",
    "yacht", "ferry", "frigate", "destroyer", "submarine", "tanker", "aircraft", "jet",
    "airliner", "train", "locomotive", "capsule", "orbiter", "telescope",
})  # fmt: skip

#: Nouns that introduce the title of a work: "the 1969 film Easy Rider", "her graphic novel
#: Angel Catbird", "the album …".
WORK_NOUNS: frozenset[str] = frozenset({
    "film", "movie", "novel", "book", "memoir", "album", "song", "single", "series", "show",
    "sitcom", "documentary", "play", "musical", "opera", "painting", "sculpture", "poem",
    "game", "podcast", "episode", "column", "report", "exhibit", "exhibition",
})  # fmt: skip

#: Labels of a caption's credit: "Ahmed Mohamed Image: Jane Roe".
CREDIT_WORDS: frozenset[str] = frozenset(
    {"image", "images", "photo", "photos", "video", "audio", "picture"}
)

#: Nouns that say the name before them is a product: "Mediawiki software", "the Epic Mickey
#: game", "the Firefox browser" (a thing, not an actor).
PRODUCT_HEADS: frozenset[str] = frozenset({
    "software", "app", "apps", "browser", "game", "games", "console", "drug", "drugs",
    "vaccine", "device", "smartphone", "phone", "handset", "gadget", "toy", "car", "truck",
})  # fmt: skip
