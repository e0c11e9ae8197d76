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
    "Discord", "Substack", "Uber", "Airbnb", "Google", "Amazon", "Zoom",
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
