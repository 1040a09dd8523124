"""Organisations a report names: acronyms, kinds, parents, countries, and one index to resolve them.

`find_organizations` reads the report once and returns an `OrganizationIndex`; the people
finder and the pipeline register what they find in positions and organizer lists, and resolve
"NCSC", "ISC China" or "the Belt and Road Center" to the full names already seen.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import cache, lru_cache
from importlib import resources

from rapidfuzz import fuzz

from events.extraction.folding import fold_keeping_punctuation
from events.extraction.lexicon import (
    EVENT_HEADS,
    FIELD_ENDING_RE,
    FUNCTION_WORDS,
    GAZETTEER,
    MONTH_ALTERNATION,
    MONTH_NAMES,
    NAME_CONNECTORS,
    ORGANISATION_HEADS,
    ORGANISATION_HEADS_BY_KIND,
    ORGANISATION_WORDS,
    PLACE_SUFFIXES,
    TITLE_MODIFIERS,
    TITLES,
    strip_article,
)
from events.extraction.names import is_chinese_surname, is_pinyin_word
from events.extraction.records import OrganizationMention, OrgKind, Span, Warning

KIND_WORDS = ORGANISATION_HEADS_BY_KIND
# "Pudong New Area hosted the forum": an area acts as a body where a city would not.
ORG_HEADS = ORGANISATION_HEADS | {"area"}

# Units that belong in a person's title when their parent is named in the same phrase:
# "director of Experts Council of the IGEA" is a title at the IGEA, not an organisation.
UNIT_WORDS = ORGANISATION_WORDS["unit_words"]

# Names of places and events, not bodies: "National Convention Center", "Expo Chengdu Exhibition".
NOT_ORG_WORDS = ORGANISATION_WORDS["not_org_words"]

# Generic leads: "the Pilot City Ecological Environment Bureau" names no particular body.
GENERIC_LEADS = ORGANISATION_WORDS["generic_leads"]

# Words that start a capitalised run in prose but never an organisation's name.
LEADING_NOISE = ORGANISATION_WORDS["leading_noise"]
# "People's Bank of China", "Children's Fund": possessives that belong to the name
NAME_POSSESSORS = ORGANISATION_WORDS["name_possessors"]
# regions that look like bodies: "Guangdong-Hong Kong-Macao Greater Bay Area"
REGION_TAIL_RE = re.compile(
    r"\b(?:Bay\s+Area|Economic\s+(?:Circle|Belt|Corridor)|River\s+Delta)\W*$", re.IGNORECASE
)

CONNECTORS = NAME_CONNECTORS

NAME_RUN_RE = re.compile(
    r"""
    (?<![\w’'\-])                           # a whole word: "iGDP" does not start a run at "GDP"
    (?:[A-Z0-9][\w’'&.\-]*|&)                # a capitalised word, "E20", "Hi-tech", "People’s"
    (?:
        \s+(?:(?:of|for|and|the|on|in|with|&|de|du|des|für|der)\s+)*   # lower-case glue
        (?:[A-Z0-9][\w’'&.\-]*)              # ... always followed by another capitalised word
        | ,?\s+(?:Co\.,?\s*Ltd\.?|Ltd\.?|Inc\.?|Co\.|LLC|GmbH|Limited)  # "Co., Ltd." suffixes
    )*
    (?:\s*\((?P<paren>[^()]{1,60})\))?       # "(NCSC)", "(EF China)", "(Shenzhen)"
    """,
    re.VERBOSE,
)

ACRONYM_RE = re.compile(
    r"""
    ^(?:[A-Za-z]{0,2}[A-Z][A-Za-z0-9\-&]*[A-Z0-9])  # "NCSC", "UN-HABITAT", "iGDP", "C40"
    (?:\s+(?:[A-Z][a-z]+|[A-Z]{2,}))?$               # a country office "EF China", or "DG CLIMA"
    """,
    re.VERBOSE,
)


@dataclass(frozen=True)
class KnownOrganization:
    name: str
    acronym: str | None
    kind: OrgKind
    country: str | None
    aliases: tuple[str, ...] = ()


@dataclass
class _Entry:
    name: str
    acronym: str | None
    kind: OrgKind
    evidence: Span
    aliases: list[str] = field(default_factory=list)
    parent: str | None = None
    country: str | None = None
    warnings: tuple[Warning, ...] = ()
    kind_known: bool = False
    from_lexicon: bool = False
    seq: int = 0  # order of first sight: of two entries that answer a lookup, the first wins
    merged: bool = False


@cache
def load_known_organizations() -> tuple[KnownOrganization, ...]:
    """The packaged lexicon of well-known organisations (general knowledge, not report data)."""
    raw = (
        resources.files("events.extraction")
        .joinpath("data/organizations.json")
        .read_text(encoding="utf-8")
    )
    return tuple(
        KnownOrganization(
            name=row["name"],
            acronym=row.get("acronym"),
            kind=OrgKind(row["kind"]),
            country=row.get("country"),
            aliases=tuple(row.get("aliases") or ()),
        )
        for row in json.loads(raw)["organizations"]
    )


@cache
def _known_by_key() -> dict[str, KnownOrganization]:
    table: dict[str, KnownOrganization] = {}
    for known in load_known_organizations():
        for written in (known.name, *known.aliases):
            table.setdefault(organization_key(written), known)
        if known.acronym:
            table.setdefault(f"acr:{known.acronym.lower()}", known)
    return table


@lru_cache(maxsize=65536)
def find_known_organization(written: str) -> KnownOrganization | None:
    """Look `written` up in the lexicon by full name, alias or acronym ("WB" -> World Bank)."""
    table = _known_by_key()
    stripped = strip_article(written)
    if ACRONYM_RE.match(stripped) and (hit := table.get(f"acr:{stripped.lower()}")):
        return hit
    return table.get(organization_key(stripped))


@lru_cache(maxsize=65536)
def _is_known_by_name(written: str) -> bool:
    """A well-known body written in full: "Chinese Academy of Sciences" is never a shortening
    of "Chinese Academy of Agricultural Sciences"."""
    known = find_known_organization(written)
    return known is not None and organization_key(known.name) == organization_key(written)


_KEY_SEPARATOR = re.compile(r"[^a-z0-9]+")


# Called for every pair of names compared; the same few hundred strings recur.
@lru_cache(maxsize=65536)
def organization_key(name: str) -> str:
    """Folded comparison key: "the Energy Foundation," -> "energy foundation"."""
    tokens = _KEY_SEPARATOR.split(fold_keeping_punctuation(name))
    return " ".join(
        t
        for t in tokens
        if t and t not in {"the", "of", "and", "for", "in", "co", "ltd", "inc", "limited", "s"}
    )


def infer_kind(name: str) -> OrgKind | None:
    """Kind from the name's words: "Sichuan University" -> academic; None when nothing says."""
    known = find_known_organization(name)
    if known:
        return known.kind
    words = [w.lower().strip(",()") for w in name.split()]
    lowered = " ".join(words)
    if lowered.startswith(("un ", "un-", "united nations")) or "world bank" in lowered:
        return OrgKind.INTERGOVERNMENTAL
    head = head_word(name)
    if head == "institute" and "institute of technology" in lowered:
        return OrgKind.ACADEMIC
    for kind, kind_words in KIND_WORDS:
        if head in kind_words:
            return kind
    if lowered.endswith("new area"):
        return OrgKind.GOVERNMENT
    return None


# "International Council on Clean Transportation": bodies named for a subject with "on".
ON_HEADS = ORGANISATION_WORDS["on_heads"]


# The head-word tests below are pure functions of a name that every rule asks again of the
# same few hundred names of a report (tens of thousands of calls): kept, not recomputed.
@lru_cache(maxsize=65536)
def head_word(name: str) -> str | None:
    """The noun that says what a body is: "Department of Resource ..." -> "department".

    It ends the name ("Sichuan University") or comes just before its first "of"/"for"
    ("Ministry of ..."); "Government Representatives" has no head.
    """
    bare = re.sub(r"\s*\([^()]*\)", "", strip_article(name))
    bare = re.sub(r",?\s+(?:Co\.,?\s*Ltd\.?|Ltd\.?|Inc\.?|LLC|GmbH|Limited)$", " Co.", bare)
    words = [w.lower().strip(",.") for w in bare.split()]
    candidates = []
    for i, word in enumerate(words):
        if (word in ("of", "for") or (word == "on" and words[i - 1] in ON_HEADS)) and i > 0:
            candidates.append(words[i - 1])
            break
    if words:
        candidates.append(words[-1])
    for word in candidates:
        if word in ORG_HEADS or word in UNIT_WORDS:
            return word
    return None


@lru_cache(maxsize=65536)
def head_words(name: str) -> frozenset[str]:
    """Both head candidates: "School of X, Y University" -> {"school", "university"}."""
    words = [
        w.lower().strip(",.") for w in re.sub(r"\s*\([^()]*\)", "", strip_article(name)).split()
    ]
    found = {
        words[i - 1]
        for i, w in enumerate(words)
        if i > 0 and (w in ("of", "for") or (w == "on" and words[i - 1] in ON_HEADS))
    }
    if words:
        found.add(words[-1])
    if re.search(r"(?:Co\.,?\s*Ltd\.?|Ltd\.?|Inc\.?|LLC|GmbH|Limited)$", name.strip()):
        found.add("co.")
    return frozenset(found)


@lru_cache(maxsize=65536)
def has_organization_head(name: str) -> bool:
    words = [w.lower().strip(",()") for w in strip_article(name).split()]
    if not words or words[0] in GENERIC_LEADS or any(w in NOT_ORG_WORDS for w in words):
        return False
    if len(words) == 1 and words[0] in ORG_HEADS:
        return False  # "About the Alliance", "the Council": a back-reference, not a name
    return bool(head_words(name) & ORG_HEADS) or " ".join(words).endswith("new area")


# "... China Office", "... Lakeland Resident Mission": the words an office's name ends in.
OFFICE_END_RE = re.compile(
    r"\b(?:(?:Country|Regional|Representative|Resident|Liaison|Project)\s+)?"
    r"(?i:office|secretariat|delegation|mission|representation)$"
)


def country_office_stem(name: str) -> str:
    """The body a country office belongs to, by its name: the name without the place (and
    the office word) at its end; "" when the name is no country office's.

    Example: "Danfoss Blueland" -> "Danfoss"; "Northwind Fund Blueland Office" -> "Northwind
    Fund"; "Danfoss Energy" -> "".
    """
    name = OFFICE_END_RE.sub("", name).rstrip()
    words = name.split()
    for size in range(1, min(3, len(words) - 1) + 1):
        if GAZETTEER.is_place(" ".join(words[-size:])):
            return " ".join(words[:-size])
    return ""


@lru_cache(maxsize=65536)
def split_place_suffix(name: str) -> tuple[str, str | None, str | None]:
    """ "Belt and Road Research Institute in Belgrade, Serbia" -> (name, "in Belgrade, Serbia", "Serbia")."""
    name = name.strip(" ,")
    match = re.search(r"(?:\s+in\s+|,\s*)(?P<place>[A-Z][^()]*)$", name)
    if match and GAZETTEER.is_place(match.group("place")):
        place = match.group("place")
        country = None
        for part in reversed(re.split(r",\s*|\s+and\s+", place)):
            if GAZETTEER.country_of(part):
                country = GAZETTEER.country_of(part)
                break
        return name[: match.start()].strip(), match.group(0).strip(" ,"), country
    trailing = re.search(r"\s+of\s+(?P<place>(?:the\s+)?[A-Z][\w.' ]+)$", name)
    if trailing and GAZETTEER.country_of(trailing.group("place")):
        return name, None, GAZETTEER.country_of(trailing.group("place"))
    return name, None, None


def _known_by_acronym(written: str, acronym: str | None) -> KnownOrganization | None:
    """The lexicon entry for a report's acronym, unless the report spells out another body.

    "National Center for Climate Change Strategy and International Cooperation (NCSC)" is
    the report's own expansion; the lexicon's older name for NCSC must not replace it.
    """
    known = find_known_organization(acronym) if acronym else None
    if known is None or ACRONYM_RE.match(written):
        return known
    spelled = organization_key(written)
    if spelled in {organization_key(n) for n in (known.name, *known.aliases)}:
        return known
    return None


def keeps_head_noun(short: str, name: str) -> bool:
    """A shortening keeps what the body is: "Green Finance Center" shortens "Green Finance
    Research Center of the ABA"; "Green Finance, ABA" (no "Center") does not."""
    heads = head_words(name) & ORG_HEADS
    return not heads or bool(heads & {w.lower().strip(",.") for w in short.split()})


def _is_shortening(written: str, name: str) -> bool:
    """ "Energy Foundation" shortens "Energy Foundation China" (its words, in order); the
    report's "National Center for Climate Change ..." is another spelling, not a shortening."""
    remaining = iter(organization_key(name).split())
    return all(word in remaining for word in organization_key(written).split())


def _near_spelling(a: str, b: str) -> bool:
    """A ratio of 95 needs the shorter within about a tenth of the longer's length; checking
    that first spares the comparison for most pairs in a report naming hundreds of bodies."""
    shorter, longer = sorted((len(a), len(b)))
    return shorter * 2 >= 0.95 * (shorter + longer) and fuzz.ratio(a, b) >= 95


def _respells(entry: _Entry, written: str) -> bool:
    """True when a lexicon name was taken from an acronym and the report now spells it its way."""
    return (
        entry.from_lexicon
        and entry.acronym is not None
        and not any(organization_key(a) != organization_key(entry.acronym) for a in entry.aliases)
        and not ACRONYM_RE.match(written)
        and organization_key(written) != organization_key(entry.name)
        and not _is_shortening(written, entry.name)
    )


class OrganizationIndex:
    """Every organisation seen in one report, keyed by name, alias and acronym."""

    def __init__(self) -> None:
        self._entries: list[_Entry] = []
        # Folded name or acronym -> entries by identity, so a lookup does not read every entry
        # and adding one does not read every entry under its key (long reports made both
        # quadratic). None after a merge or removal: rebuilt when next read.
        self._lookup: dict[str, dict[int, _Entry]] | None = None
        self._seen = 0

    def resolve(self, written: str, *, loose: bool = True) -> str | None:
        """Full name of an organisation already seen: "ISC China" -> "Institute for ... Cooperation".

        `loose` also accepts shortenings and near spellings ("the Belt and Road Center").
        """
        entry = self._find(written, loose=loose)
        return entry.name if entry else None

    def register(
        self,
        written: str,
        evidence: Span,
        *,
        acronym: str | None = None,
        kind: OrgKind | None = None,
        parent: str | None = None,
        country: str | None = None,
    ) -> str:
        """Add (or enrich) an organisation and return its full name."""
        written = strip_article(written)
        spelled_parent = parent_the_acronym_spells(written, acronym) if acronym else None
        if spelled_parent:
            # "Training Centre of the National Energy Administration (NEA)": NEA is the parent's.
            parent = parent or self.register(spelled_parent, evidence, acronym=acronym)
            acronym = None
        known = find_known_organization(written) or _known_by_acronym(written, acronym)
        exact = _is_known_by_name(written)
        entry = self._find_same_body(written, exact) or (self._find(acronym) if acronym else None)
        if entry is None and known:
            entry = self._find_same_body(known.name, exact)
        if entry is None:
            entry = self._new_entry(written, evidence, acronym, known)
            self._seen += 1
            entry.seq = self._seen
            self._entries.append(entry)
        elif _respells(entry, written):
            # Met first as a bare acronym ("NCSC holds ..."), now spelled out by the report.
            entry.aliases.append(entry.name)
            entry.name = written
        elif written != entry.name and written not in entry.aliases and written != entry.acronym:
            entry.aliases.append(written)
        self._enrich(entry, acronym=acronym, kind=kind, parent=parent, country=country)
        if self._lookup is not None:
            self._add_to_lookup(self._lookup, entry)
        return entry.name

    def register_office(self, written: str, evidence: Span, *, parent: str) -> str:
        """Add the office a body's acronym and a place name ("UNDP China") as a body of its
        own, named with the parent's name spelled out and the written form as its acronym:
        `register` would read it as the parent itself.

        Example: "WWF Blueland" under "World Wide Fund for Nature" -> "World Wide Fund for
        Nature Blueland" (acronym "WWF Blueland").
        """
        written = strip_article(written)
        acronym, _, rest = written.partition(" ")
        parent_entry = self._find(parent, loose=False)
        name = f"{parent} {rest}" if parent_entry and parent_entry.acronym == acronym else written
        entry = self._find(written, loose=False)
        if entry is None or entry is parent_entry:
            entry = _Entry(name, written, OrgKind.OTHER, evidence, [])
            if parent_entry is not None:
                entry.kind, entry.kind_known = parent_entry.kind, parent_entry.kind_known
                entry.country = parent_entry.country
            self._seen += 1
            entry.seq = self._seen
            self._entries.append(entry)
        self._enrich(entry, acronym=None, kind=None, parent=parent, country=None)
        self._lookup = None
        return entry.name

    def _find_same_body(self, written: str, exact: bool) -> _Entry | None:
        """The entry `written` names; a well-known body written in full (`exact`) matches a
        longer name only when that name adds where the body is ("... of China")."""
        entry = self._find(written)
        if entry is None or not exact or organization_key(entry.name) == organization_key(written):
            return entry
        rest = entry.name[len(written) :] if entry.name.startswith(written) else ""
        place = re.fullmatch(r"\s+(?:of|in)\s+(?:the\s+)?(?P<place>.+)", rest)
        if place and GAZETTEER.is_place(place.group("place")):
            return entry
        return self._find(written, loose=False)

    def _lookup_table(self) -> dict[str, dict[int, _Entry]]:
        if self._lookup is None:
            self._lookup = {}
            for entry in self._entries:
                self._add_to_lookup(self._lookup, entry)
        return self._lookup

    @staticmethod
    def _add_to_lookup(lookup: dict[str, dict[int, _Entry]], entry: _Entry) -> None:
        keys = {f"name:{organization_key(n)}" for n in (entry.name, *entry.aliases)}
        if entry.acronym:
            keys.add(f"acronym:{entry.acronym.lower()}")
        name_key = organization_key(entry.name)
        if name_key:
            keys |= {
                f"first:{name_key.split()[0]}",
                f"head:{name_key[:4]}",
                f"tail:{name_key[-4:]}",
            }
        for key in keys:
            lookup.setdefault(key, {})[id(entry)] = entry

    def _new_entry(
        self, written: str, evidence: Span, acronym: str | None, known: KnownOrganization | None
    ) -> _Entry:
        if known:
            name = known.name
            aliases = [written] if organization_key(written) != organization_key(known.name) else []
            if ACRONYM_RE.match(written) and written == known.acronym:
                aliases = []
            elif aliases and not _is_shortening(written, known.name):
                # The report spells the body out its own way ("National Center for Climate
                # Change Strategy ..."); that spelling is the name, the lexicon's is an alias.
                name, aliases = written, [known.name]
            return _Entry(
                name,
                known.acronym,
                known.kind,
                evidence,
                aliases,
                country=known.country,
                kind_known=True,
                from_lexicon=True,
            )
        words = written.split()
        if (
            len(words) == 2
            and ACRONYM_RE.match(written)
            and words[0].isupper()
            and GAZETTEER.is_place(words[1])
        ):
            acronym = acronym or written
        kind = infer_kind(written)
        warnings = () if kind else (Warning.UNKNOWN_ORGANIZATION_KIND,)
        return _Entry(
            written,
            acronym,
            kind or OrgKind.OTHER,
            evidence,
            [],
            warnings=warnings,
            kind_known=kind is not None,
        )

    def _enrich(self, entry: _Entry, *, acronym, kind, parent, country) -> None:
        if acronym and not entry.acronym:
            entry.acronym = acronym
        if kind and not entry.from_lexicon:
            entry.kind, entry.kind_known, entry.warnings = kind, True, ()
        if parent and not entry.parent and parent != entry.name:
            entry.parent = parent
        if country and not entry.country:
            entry.country = country

    def _find(self, written: str | None, *, loose: bool = True) -> _Entry | None:
        if not written:
            return None
        stripped = strip_article(written)
        key = organization_key(stripped)
        if not key:
            return None
        lookup = self._lookup_table()
        hits = [*lookup.get(f"name:{key}", {}).values()]
        hits += lookup.get(f"acronym:{stripped.lower()}", {}).values()
        if hits:
            return min(hits, key=lambda entry: entry.seq)
        office = self._find_by_acronym_office(stripped)
        return office or (self._find_by_shortening(stripped) if loose else None)

    def _find_by_acronym_office(self, written: str) -> _Entry | None:
        """ "ISC China" is the China office of ISC; "Danfoss" is "Danfoss China"."""
        words = written.split()
        if len(words) >= 2 and GAZETTEER.is_place(" ".join(words[1:])):
            for entry in self._entries:
                if entry.acronym and words[0] == entry.acronym:
                    return entry
        return None

    def _find_by_shortening(self, written: str) -> _Entry | None:
        """ "Belt and Road Center" for "Belt and Road Environmental ... Transfer Center (Shenzhen)".

        Only entries sharing the first word (a shortening keeps it) or the key's first or last
        four letters (a near spelling of 15 letters or more keeps one end) are compared, so a
        report naming hundreds of bodies does not compare each name with all of them.
        """
        key = organization_key(written)
        words = key.split()
        if len(words) < 2:
            return None
        lookup = self._lookup_table()
        candidates = dict(lookup.get(f"first:{words[0]}", {}))
        if len(key) >= 15:
            candidates |= lookup.get(f"head:{key[:4]}", {})
            candidates |= lookup.get(f"tail:{key[-4:]}", {})
        hits: list[_Entry] = []
        for entry in sorted(candidates.values(), key=lambda e: e.seq):
            full_key = organization_key(entry.name)
            full = full_key.split()
            if (
                full
                and words[0] == full[0]
                and words[-1] in full[-2:]
                and set(words) <= set(full)
                and len(full) > len(words)
                and keeps_head_noun(written, entry.name)
            ) or (len(key) >= 15 and _near_spelling(key, full_key)):
                hits.append(entry)
        return hits[0] if len(hits) == 1 else None

    def resolve_by_word(self, word: str) -> str | None:
        """ "the Chamber" for the one indexed body whose name has the word "Chamber"."""
        if len(word.split()) != 1 or not word[:1].isupper():
            return None
        hits = [e.name for e in self._entries if word in e.name.split()]
        return hits[0] if len(hits) == 1 else None

    def remove(self, name: str) -> None:
        self._entries = [e for e in self._entries if e.name != name]
        self._lookup = None

    def names(self) -> tuple[str, ...]:
        return tuple(entry.name for entry in self._entries)

    def written_forms(self) -> tuple[str, ...]:
        """Every way the index knows an organisation is written, longest first."""
        forms = {f for e in self._entries for f in (e.name, *e.aliases, e.acronym or "") if f}
        return tuple(sorted(forms, key=len, reverse=True))

    def find_undefined_acronyms(self, text: str) -> None:
        """ "CIFCC" in a headline is "China International Forum on Climate Change" by its initials."""
        words = frozenset(re.findall(r"[\w-]+", text))  # read once, not once per entry
        for entry in self._entries:
            if entry.acronym:
                continue
            initials = "".join(w[0] for w in re.split(r"[\s\-]+", entry.name) if w[:1].isupper())
            if len(initials) >= 3 and initials in words:
                entry.acronym = initials
        self._lookup = None

    def _entries_by(self, keys_of) -> dict[str, list[_Entry]]:
        """Entries under each key `keys_of(entry)` gives, in order of sight: the merges below
        look a name's partners up there instead of comparing every pair of entries."""
        table: dict[str, list[_Entry]] = {}
        for entry in self._entries:
            for key in keys_of(entry):
                table.setdefault(key, []).append(entry)
        return table

    @staticmethod
    def _live(candidates: list[_Entry]) -> list[_Entry]:
        return [e for e in candidates if not e.merged]

    def _drop(self, entry: _Entry) -> None:
        """Remove an entry folded into another; `merged` tells the merges' tables it is gone."""
        entry.merged = True
        self._entries.remove(entry)

    def merge_country_offices(self) -> None:
        """Fold "Danfoss" into "Danfoss China" (or "Danfoss China Office") when the report
        names the country office."""
        by_stem = self._entries_by(lambda e: [country_office_stem(e.name)])
        for entry in list(self._entries):
            for other in self._live(by_stem.get(entry.name, [])):
                if other is not entry:
                    other.aliases.append(entry.name)
                    other.acronym = other.acronym or entry.acronym
                    if entry.kind_known and not other.kind_known:
                        other.kind, other.kind_known, other.warnings = entry.kind, True, ()
                    self._drop(entry)
                    self._lookup = None
                    break

    def merge_country_qualified(self) -> None:
        """Fold "Building and Construction Authority of Singapore" into the "Building and
        Construction Authority (BCA)" the report defined: the country after "of" is the
        sentence's, the defined name is the body's; the country is kept on the body."""
        for entry in list(self._entries):
            match = re.fullmatch(r"(?P<body>.+?)\s+of\s+(?:the\s+)?(?P<place>[^,]+)", entry.name)
            country = match and GAZETTEER.country_of(match.group("place"))
            other = country and self._find(match.group("body"), loose=False)
            if other and other is not entry and other.acronym and not other.merged:
                other.aliases.append(entry.name)
                other.country = other.country or country
                if entry.kind_known and not other.kind_known:
                    other.kind, other.kind_known, other.warnings = entry.kind, True, ()
                self._drop(entry)
                self._lookup = None

    def merge_shortenings(self) -> None:
        """Fold "Green Computing Alliance" (a headline's shortening) into "Green Computing
        Industry Alliance": same first and last word, the shorter's words in order."""

        def ends(e: _Entry) -> list[str]:
            words = organization_key(e.name).split()
            return [f"{words[0]} {words[-1]}"] if words else []

        by_ends = self._entries_by(ends)
        for entry in list(self._entries):
            short = organization_key(entry.name).split()
            for other in self._live(by_ends.get(ends(entry)[0], []) if short else []):
                full = organization_key(other.name).split()
                if (
                    other is not entry
                    and len(short) >= 2
                    and len(full) > len(short)
                    and short[0] == full[0]
                    and short[-1] == full[-1]
                    and _is_shortening(entry.name, other.name)
                    and not (entry.acronym and other.acronym and entry.acronym != other.acronym)
                    and not (_is_known_by_name(entry.name) and not other.name.endswith(entry.name))
                ):
                    other.aliases.append(entry.name)
                    other.acronym = other.acronym or entry.acronym
                    self._drop(entry)
                    self._lookup = None
                    break

    def tidy_names(self) -> None:
        """Cut what a name swallowed from the sentence around it (see `tidy_organization_name`);
        the written form stays an alias, so positions that wrote it still find the body."""
        for entry in list(self._entries):
            tidy = tidy_organization_name(entry.name)
            if tidy == entry.name:
                continue
            other = self._find(tidy, loose=False)
            if other is not None and other is not entry:
                other.aliases.extend([entry.name, *entry.aliases])
                self._drop(entry)
            else:
                entry.aliases.append(entry.name)
                entry.name = tidy
            self._lookup = None

    def merge_acronyms_into_names(self) -> None:
        """Fold "FCSSC", met alone, into "Finance Center for South-South Cooperation" once the
        initials have given the full name that acronym."""
        by_acronym = self._entries_by(lambda e: [e.acronym] if e.acronym else [])
        for entry in list(self._entries):
            for other in self._live(by_acronym.get(entry.name, [])):
                if other is not entry and other.acronym and entry.name == other.acronym:
                    other.aliases.extend(a for a in entry.aliases if a not in other.aliases)
                    self._drop(entry)
                    self._lookup = None
                    break

    def merge_names_cut_at_commas(self) -> None:
        """Fold "Wuppertal Institute for Climate" into "Wuppertal Institute for Climate,
        Environment and Energy": a name cut at its inner comma is the whole name."""
        self._fold_into_continuations(
            lambda e: [e.name[: m.start()] for m in re.finditer(", ", e.name)], ", "
        )

    def merge_names_cut_at_and(self) -> None:
        """Fold "Ministry of Industry" into "Ministry of Industry and Information Technology":
        a name ending in a field, not its own noun, was cut at the "and" of its fields."""
        self._fold_into_continuations(
            lambda e: (
                [e.name[: m.start()] for m in re.finditer(" and ", e.name)]
                if " of " in e.name
                else []
            ),
            " and ",
            fits=lambda entry, other: (
                entry.name.split()[-1].lower() not in ORG_HEADS
                and not has_organization_head(other.name[len(entry.name) + len(" and ") :])
            ),
        )

    def merge_names_cut_before_their_place(self) -> None:
        """Fold "Harbour Trade Office" into "Harbour Trade Office in Lisbon" when the report
        writes both: one reading cut the place off as where the body sits, another kept the
        body's own name, which ends in it."""
        self._fold_into_continuations(
            lambda e: [base] if (base := split_place_suffix(e.name)[0]) != e.name else [], " in "
        )

    def _fold_into_continuations(self, heads_of, joint: str, fits=None) -> None:
        """Fold each entry into another whose name is the entry's, then `joint` and more;
        `heads_of` gives the shorter names each entry's name may continue, `fits` whether
        the entry may fold into that other."""
        by_head = self._entries_by(heads_of)
        for entry in list(self._entries):
            for other in self._live(by_head.get(entry.name, [])):
                if (
                    other is not entry
                    and other.name.startswith(entry.name + joint)
                    and (fits is None or fits(entry, other))
                ):
                    other.aliases.extend([entry.name, *entry.aliases])
                    other.acronym = other.acronym or entry.acronym
                    self._drop(entry)
                    self._lookup = None
                    break

    def merge_units_with_parents(self) -> None:
        """Fold "Third Institute of Oceanography" into "Third Institute of Oceanography of the
        Ministry of Natural Resources": a unit written alone and with its parent is one body."""
        by_unit = self._entries_by(
            lambda e: [e.name[: m.start()] for m in re.finditer(r",\s+|\s+(?:of|at)\s+", e.name)]
        )
        for entry in list(self._entries):
            for other in self._live(by_unit.get(entry.name, [])):
                rest = other.name[len(entry.name) :]
                parent = re.match(r"(?:,\s+|\s+(?:of|at)\s+(?:the\s+)?)(?P<parent>[A-Z].*)$", rest)
                if (
                    other is not entry
                    and other.name.startswith(entry.name)
                    and parent
                    and self._find(parent.group("parent"), loose=False)
                    and not (entry.acronym and other.acronym and entry.acronym != other.acronym)
                ):
                    other.aliases.extend([entry.name, *entry.aliases])
                    other.acronym = other.acronym or entry.acronym
                    other.parent = other.parent or self._find(parent.group("parent")).name
                    self._drop(entry)
                    self._lookup = None
                    break

    def mentions(self) -> tuple[OrganizationMention, ...]:
        return tuple(
            OrganizationMention(
                name=e.name,
                acronym=e.acronym,
                kind=e.kind,
                evidence=e.evidence,
                aliases=tuple(e.aliases),
                parent=e.parent,
                country=e.country,
                warnings=e.warnings,
            )
            for e in self._entries
        )


def find_organizations(text: str, sentences: tuple[Span, ...]) -> OrganizationIndex:
    """Read every sentence for organisation names and return the report's index.

    Finds acronym definitions ("the Energy Foundation (EF China)"), capitalised names with an
    organisation noun ("Sichuan University", "Hubei ... Co., Ltd."), well-known acronyms used
    alone ("WB"), and lists of bodies whose representatives spoke or attended.
    """
    index = OrganizationIndex()
    for span in sentences:
        sentence = span.of(text)
        for name, acronym, country in find_named_organizations(sentence):
            register_with_parent(index, name, span, acronym=acronym, country=country)
    for span in sentences:
        sentence = span.of(text)
        for item in find_listed_organizations(sentence):
            index.register(item, span)
        for acronym in find_known_acronyms(sentence, index):
            index.register(acronym, span)
        for host in find_meeting_hosts(sentence):
            index.register(host, span)
        for owner in find_event_owners(sentence):
            index.register(owner, span)
    return index


_BODYS_MEETING = re.compile(
    r"""
    (?P<words>(?:[A-Z][\w&'’-]*\s+){1,8})          # the capitalised words before the meeting
    (?:Annual\s+(?:Meeting|Conference|Congress)|General\s+Assembly)\b   # a body's own meeting
    """,
    re.VERBOSE,
)


def find_meeting_hosts(sentence: str) -> list[str]:
    """A well-known body named in the title of its own yearly meeting holds that meeting.

    Example: "to attend the 2018 World Economic Forum Annual Meeting" -> ["World Economic
    Forum"]; "the 2018 Green Finance Annual Meeting" names no known body -> [].
    """
    hosts = []
    for match in _BODYS_MEETING.finditer(sentence):
        words = match.group("words").split()
        for size in range(len(words), 0, -1):
            known = find_known_organization(" ".join(words[-size:]))
            if known:
                hosts.append(known.name)
                break
    return hosts


_EVENT_OWNER = re.compile(
    r"""
    (?P<body>[A-Z][\w&-]*(?:\s+[A-Z][\w&-]*){1,5})[’']s\s+   # "the South China Morning Post’s"
    (?P<event>(?:[A-Z0-9][\w-]*\s+){0,7}[A-Z][a-z]+)\b      # "Climate Change Hong Kong Summit"
    """,
    re.VERBOSE,
)


def find_event_owners(sentence: str) -> list[str]:
    """A named body whose possessive names an event holds it: "the South China Morning
    Post’s Climate Change Hong Kong Summit 2022" -> ["South China Morning Post"].

    A place's ("China’s Green Expo") or a person's ("Li Wei’s Forum") possessive is not one,
    nor a name's own ("the Chinese People’s Political Consultative Conference").
    """
    owners = []
    for match in _EVENT_OWNER.finditer(sentence):
        body = strip_article(match.group("body"))
        if match.group("event").split()[-1].lower() not in EVENT_HEADS or len(body.split()) < 2:
            continue
        if GAZETTEER.is_place(body) or is_chinese_personal_name(body):
            continue
        if body.split()[-1].lower() in NAME_POSSESSORS:
            continue  # "Chinese People’s Political Consultative Conference": the name's own
        owners.append(body)
    return owners


def register_with_parent(
    index: OrganizationIndex,
    name: str,
    evidence: Span,
    *,
    acronym: str | None = None,
    country: str | None = None,
    kind: OrgKind | None = None,
) -> str | None:
    """Register a name; a unit of a named parent registers the parent instead (or as well).

    "Experts Council of the IGEA" -> the IGEA only (the council is part of a title);
    "Sichuan Energy Research Institute of Tsinghua University" -> both, with the parent set.
    """
    *bodies, name = split_at_inner_titles(name)
    for body in bodies:
        register_with_parent(index, body, evidence)
    unit, parent = split_unit_and_parent(name, index)
    if parent is None:
        return index.register(name, evidence, acronym=acronym, country=country, kind=kind)
    parent_name = register_with_parent(index, parent, evidence)
    if head_word(unit) in UNIT_WORDS:
        return parent_name
    kind = kind or (OrgKind.ACADEMIC if infer_kind(parent) == OrgKind.ACADEMIC else None)
    return index.register(
        name, evidence, acronym=acronym, country=country, kind=kind, parent=parent_name
    )


# "City of", "State of", "Kingdom of": a place's noun before "of" opens a body named for it.
_PLACE_NOUN_END_RE = re.compile(r"\b(?:City|State|Province|County|Kingdom|Republic)$")


def split_unit_and_parent(name: str, index: OrganizationIndex) -> tuple[str, str | None]:
    """ "Belt and Road Research Center of the Asian Institute of Technology" -> (unit, parent).

    The parent is the rightmost "of"/"at"/"," part that is itself an organisation.
    """
    boundaries = r"\s+(?:of|at)\s+(?:the\s+)?|,\s+(?!(?:Ltd|Inc|Limited|LLC)\b)"
    for match in reversed(list(re.finditer(boundaries, name))):
        left, right = name[: match.start()], name[match.end() :]
        if _PLACE_NOUN_END_RE.search(left) and match.group(0).strip() == "of":
            continue  # "... of the City of Lakeside Corporation": the "of" is the body's own
        if is_suffixed_place(right):
            continue  # "Ecology Environment Bureau of Shenzhen Municipality": the city's bureau
        if left and right and looks_like_organization(right, index):
            if head_word(left) is None and not index.resolve(left):
                return name, None
            return left, right
    words = name.split()
    if len(words) >= 2 and head_word(name) in UNIT_WORDS:
        for size in range(len(words) - 1, 0, -1):
            prefix = " ".join(words[:size])
            if ACRONYM_RE.match(prefix) and (
                index.resolve(prefix) or find_known_organization(prefix)
            ):
                return " ".join(words[size:]), prefix
    return name, None


def is_suffixed_place(text: str) -> bool:
    """A city written with its place noun: after "of" it says whose bureau a body is, a city's,
    and no parent body of its own.

    Example: "Shenzhen Municipality" -> True; "Shenzhen Municipal People's Government" -> False.
    """
    place, _, suffix = text.rstrip(".,;:").rpartition(" ")
    return suffix in PLACE_SUFFIXES and GAZETTEER.is_place(place)


def looks_like_organization(text: str, index: OrganizationIndex) -> bool:
    """Whether `text` names a body: already indexed, in the lexicon, or headed by an org noun.

    A leading ordinal counts a body's terms: "11th Lakeside People's Congress" is one."""
    stripped = re.sub(r"^\d{1,2}(?:st|nd|rd|th)\s+(?=[A-Z])", "", strip_article(text))
    if stripped and ACRONYM_RE.match(stripped) and index.resolve(stripped, loose=False):
        return True  # "iGDP": an acronym the report defined, whatever its first letter
    if not stripped or not stripped[0].isupper() or GAZETTEER.is_place(stripped):
        return False
    return bool(
        index.resolve(stripped)
        or find_known_organization(stripped)
        or has_organization_head(stripped)
    )


def find_named_organizations(sentence: str) -> list[tuple[str, str | None, str | None]]:
    """(name, acronym, country) for each organisation-shaped capitalised run in a sentence.

    "co-sponsored by the Energy Foundation (EF China)" -> [("Energy Foundation", "EF China", None)]
    """
    found = []
    for match in NAME_RUN_RE.finditer(sentence):
        run, paren = match.group(0), match.group("paren")
        name = run[: run.rfind("(")].strip() if paren else run.strip()
        if re.search(r"\)\s+(?:and|with)\s", name):
            continue  # "Ministry of Finance (MOF) and the China Banking": two runs glued
        name = MONTH_TAIL_RE.sub("", _drop_leading_noise(name))
        name = _drop_possessor(name)
        if not name or _is_unit_before_parent(name, sentence[match.end() :]):
            continue
        if _is_cut_before_fields(name, sentence[match.end() :]):
            continue  # "Department of Science" cut from "..., Technology and Standards"
        if LEGAL_FORM_ONLY_RE.fullmatch(name) or _is_owned_unit(sentence[: match.start()]):
            continue  # "(Group) Co., Ltd." cut from its name; "Huaneng's Science ... Committee"
        partner = LEGAL_FORM_WITH_RE.match(name)
        if partner:  # "... (GIZ) GmbH with the Energy Research Institute": two bodies
            if not LEGAL_FORM_ONLY_RE.fullmatch(partner.group("left")):
                found.append((partner.group("left"), None, None))
            name = partner.group("right")
        if REGION_TAIL_RE.search(name) or _is_place_office(name):
            continue
        acronym = None
        if paren and _is_acronym_of(paren.strip(), name):
            acronym = paren.strip()
            parent = PARENT_AFTER_ACRONYM_RE.match(sentence[match.end() :])
            if parent and head_word(parent.group("parent")) in PARENT_HEADS:
                name = f"{name} of {parent.group('parent')}"  # "Institute ... (ICCSD) of X"
        elif paren and GAZETTEER.is_place(paren):
            name = f"{name} ({paren.strip()})"
        if _follows_place_preposition(sentence, match.start(), name):
            continue
        name = drop_person_tail(_drop_person_lead(name))
        *bodies, name = split_at_inner_titles(name)
        found.extend((body, None, None) for body in bodies)
        name = drop_trailing_personal_name(name)
        parts = split_coordinated(name)
        found.extend((part, None, None) for part in parts[:-1] if has_organization_head(part))
        name = parts[-1]
        name, _, country = split_place_suffix(name)
        if country and is_posting(sentence[: match.start()]):
            country = None
        if acronym and not has_organization_head(name) and not _initials_are(acronym, name):
            continue  # "Xiaoqiang Zhang (NEA)": a person, then their body's acronym
        parent_spelled = parent_the_acronym_spells(name, acronym) if acronym else None
        if parent_spelled:
            found.append((name, None, country))
            found.append((parent_spelled, acronym, None))
        elif acronym and not any(w.lower() in NOT_ORG_WORDS for w in name.split()):
            found.append((name, acronym, country))
        elif has_organization_head(name) or find_known_organization(name):
            found.append((name, None, country))
    return found


_TITLE_BEFORE_RE = re.compile(
    r"(?P<title>[\w-]+)\s+(?:of|at|for|with)\s+(?:the\s+)?$", re.IGNORECASE
)


def is_posting(before: str) -> bool:
    """True when the words before an organisation's name are a person's title, so a place
    after the name ("director of the World Bank in China and Mongolia") is where the post
    is, not where the organisation is.

    Example: "Martin Raiser, director of the " -> True; "The forum was hosted by the " -> False.
    """
    match = _TITLE_BEFORE_RE.search(before[-60:])
    return bool(match) and match.group("title").lower() in TITLES


LEGAL_FORM_ONLY_RE = re.compile(r"(?:[\s,.]|Co|Ltd|Inc|LLC|GmbH|Limited|Corp)+")
LEGAL_FORM_WITH_RE = re.compile(
    r"^(?P<left>.*?\b(?:GmbH|AG|Inc\.?|Ltd\.?|LLC|Limited))\s+with\s+(?:the\s+)?(?P<right>[A-Z].*)$"
)


def _is_owned_unit(before: str) -> bool:
    """ "China Huaneng Group Co., Ltd.'s Science and Technology Committee": a body's own
    committee or working group, named after its owner's possessive, is no body of its own.
    "China's National Energy Administration" is a country's body, and stays."""
    owner = re.search(r"([A-Z][\w.\-]*)['’]s\s+$", before)
    if not owner:
        return False
    word = owner.group(1)
    return (
        word.lower() not in NAME_POSSESSORS
        and not GAZETTEER.is_place(word)
        and not GAZETTEER.country_of(word)
    )


PARENT_AFTER_ACRONYM_RE = re.compile(
    r"\s+of\s+(?:the\s+)?(?P<parent>[A-Z][\w’'\-]*(?:\s+(?:(?:of|for|and)\s+)?[A-Z][\w’'\-]*)*)"
)

MONTH_TAIL_RE = re.compile(
    rf"""
    \s+(?:on|in)\s+                      # "Pudong New Area on July 19": a date, not the name
    (?:{MONTH_ALTERNATION})
    \b.*$
    """,
    re.VERBOSE,
)

PARENT_GAP_RE = re.compile(
    r"""
    ^\s*(?:,|\s+at|\s+of)\s+(?:the\s+)?     # "School of X, Y University" / "School of X at Y"
    (?P<parent>[A-Z][^,;()]*)                 # the body the unit belongs to
    """,
    re.VERBOSE,
)
PARENT_HEADS = ORGANISATION_WORDS["parent_heads"]


_TITLE_THEN_OF = re.compile(r"^(?P<titles>[A-Z][\w-]*(?:\s+and\s+[A-Z][\w-]*)?)\s+of\s+(?:the\s+)?")
_AND_TITLE = re.compile(
    r"\s+and\s+(?:(?:Senior|Chief|Deputy|Vice|Executive)\s+)?(?P<word>[A-Z][\w-]*)"
)


def tidy_organization_name(name: str) -> str:
    """A body's name without the titles and verbs a long sentence ran into it.

    Example: "Publisher and Editor-in-Chief of China Daily" or "Chairman of China Daily" ->
    "China Daily"; "United Nations and Senior Advisor to the World Resources Institute" ->
    "United Nations"; "Ministry of
    Environmental Protection plays the host" -> "Ministry of Environmental Protection";
    "Nanjing University and" -> "Nanjing University"; "Cabinet-level Water Administration"
    -> "Water Administration".
    """
    name = SEAT_OR_RANK_LEAD_RE.sub("", name)
    lead = _TITLE_THEN_OF.match(name)
    if (
        lead
        and all(
            any(part in TITLES for part in w.lower().split("-"))
            for w in lead.group("titles").split()
            if w != "and"
        )
        and lead.group("titles").count(" and ") <= 1
    ):
        name = name[lead.end() :]
    for match in _AND_TITLE.finditer(name):
        if match.group("word").lower() in TITLES:
            name = name[: match.start()]
            break
    name = drop_country_possessive(name)
    # "Secretary of State for the X Ministry", "Head of Department in the X Ministry" cut
    # after their first "of" leave "State for ..." and "Department in ...".
    rank_tail = re.match(
        r"(?:State\s+(?:for|at|in)|(?:Department|Division|Section|Unit|Office)\s+in)"
        r"\s+(?:the\s+)?(?=[A-Z])",
        name,
    )
    if rank_tail and has_organization_head(name[rank_tail.end() :]):
        name = name[rank_tail.end() :]
    words = name.split()
    for i, word in enumerate(words[1:], start=1):
        if word in _VERBS_AFTER_A_NAME:
            name = " ".join(words[:i])
            break
    # "Warsaw University of Technology and" (the next person cut off after "and").
    return re.sub(r"(?:\s+(?:and|&))+$", "", name.strip(" ,")).strip(" ,")


_COUNTRY_POSSESSIVE = re.compile(r"^(?P<country>[A-Z][\w .-]*?)['’]s\s+(?P<body>[A-Z].*)$")


def drop_country_possessive(name: str) -> str:
    """A country's possessive before a body's name is the sentence's, not the name's.

    Example: "Norway's Ministry of Climate and Environment" -> "Ministry of Climate and
    Environment"; "People's Bank of China", "Xinhua's Beijing bureau" (no country) stay.
    """
    match = _COUNTRY_POSSESSIVE.match(name)
    if not match or GAZETTEER.country_of(match.group("country")) is None:
        return name
    body = match.group("body")
    return body if has_organization_head(body) else name


# Verbs a sentence goes on with after a body's name: "... Protection plays the host".
_VERBS_AFTER_A_NAME = frozenset(
    {"plays", "played", "hosts", "hosted", "holds", "held", "said", "says", "is", "was"}
    | {"are", "were", "has", "have", "will", "organized", "organised", "launched"}
)


def is_chinese_personal_name(text: str) -> bool:
    """A Chinese surname and a pinyin given name, which no organisation's name ends with.

    Example: "Zhou Naixiang" -> True; "Energy Foundation" -> False.
    """
    words = text.split()
    return (
        len(words) == 2
        and words[0][:1].isupper()
        and is_chinese_surname(words[0])
        and is_pinyin_word(words[1])
        and words[1].lower() not in ORG_HEADS
        and not GAZETTEER.is_place(text)
    )


def split_coordinated(name: str) -> list[str]:
    """ "Tongji University and the China Building Materials Federation" -> both names; a
    person's name on either side of "and" is no body ("Li Wei and Fudan University").

    Only where the part before "and" already ends in an organisation noun, so
    "Department of Resource Conservation and Environmental Protection" stays whole.
    """
    for match in re.finditer(r",?\s+and\s+(?:the\s+)?", name):
        left, right = name[: match.start()], name[match.end() :]
        if is_chinese_personal_name(right):
            return [left]  # "National Energy Administration of China and Zhou Naixiang, ..."
        if is_chinese_personal_name(left):
            return split_coordinated(right)  # "student Zhou Yiran and Tsinghua University ..."
        last = left.split()[-1].lower().strip(",") if left.split() else ""
        with_article = match.group(0).rstrip().endswith("the")
        left_ok = (
            last in ORG_HEADS
            or last in ("ltd.", "ltd")
            or (with_article and has_organization_head(left))
            or bool(re.fullmatch(r"[A-Z]{2,}", split_place_suffix(left)[0]))  # "UNICEF China"
        )
        if left_ok and has_organization_head(right):
            return [left, *split_coordinated(right)]
        if _ends_in_own_head(left) and not has_organization_head(right):
            return [left, right]  # "the Green Growth Alliance and Coastal Energy": a brand
        # "People's Government of Nansha District and E20 Environment Platform": each side is
        # headed by its own noun; "Department of Resource Conservation and Environmental
        # Protection of the NDRC" is one body, since "Protection" heads nothing.
        if _own_head(left) in ORG_HEADS and _own_head(right) in ORG_HEADS and _ends_whole(left):
            return [left, *split_coordinated(right)]
        if with_article and head_word(right) in ORG_HEADS:
            return split_coordinated(right)  # "Government Representatives and the X Bureau"
    return [name]


def _ends_in_own_head(name: str) -> bool:
    """ "Green Growth Alliance": two or more capitalised words closed by an organisation noun,
    so an "and" after it starts another name."""
    words = name.split()
    return (
        len(words) >= 2 and words[-1].lower() in ORG_HEADS and all(w[:1].isupper() for w in words)
    )


def _ends_whole(name: str) -> bool:
    """ "People's Government of Nansha District" ends whole; "... of the National Development"
    stops inside "National Development and Reform Commission"."""
    tail = re.split(r"\s+(?:of|for)\s+(?:the\s+)?", name)[-1]
    if tail == name:
        return True
    lowered = tail.lower()
    return GAZETTEER.is_place(tail) or lowered.endswith(
        ("district", "county", "province", "city", "new area")
    )


def _own_head(name: str) -> str | None:
    """The noun a name is built on: before its first "of"/"for", else its last word."""
    words = [w.lower().strip(",.") for w in strip_article(name).split()]
    for i, word in enumerate(words):
        if word in ("of", "for") and i > 0:
            return words[i - 1]
    return words[-1] if words else None


def _is_unit_before_parent(name: str, after: str) -> bool:
    """ "School of Environment ..., China Remin University": the school is part of a title.

    A body the lexicon knows by its whole name ("China Council for International Cooperation
    on Environment and Development, the Ministry of ...") is a list item, not a unit."""
    if head_word(name) not in UNIT_WORDS or find_known_organization(name):
        return False
    gap = PARENT_GAP_RE.match(after)
    if not gap:
        return False
    parent = gap.group("parent")
    return head_word(parent) in PARENT_HEADS or find_known_organization(parent) is not None


_UNIT_OF_FIELD_RE = re.compile(r"^(?:[A-Z][\w-]*\s+)*[A-Z][\w-]*\s+of\s+[A-Z][\w-]*$")
_MORE_FIELDS_RE = re.compile(r"^,\s*[A-Z][\w-]*(?:,\s*[A-Z][\w-]*)*,?\s+(?:and|&)\s+[A-Z]")


def _is_cut_before_fields(name: str, after: str) -> bool:
    """ "Department of Science" before ", Technology and Standards of the Ministry": a unit
    named for a list of fields, which the comma cut; the piece names no body."""
    return (
        head_word(name.split(" of ")[0]) in UNIT_WORDS
        and bool(_UNIT_OF_FIELD_RE.match(name))
        and bool(_MORE_FIELDS_RE.match(after))
    )


def _capital_initials(name: str) -> str:
    return "".join(w[0] for w in re.split(r"[\s\-]+", name) if w and w[0].isupper()).upper()


def parent_the_acronym_spells(name: str, acronym: str) -> str | None:
    """The parent body a unit's bracketed acronym belongs to, when it spells the parent only.

    Example: "Training Centre of the National Energy Administration (NEA)" -> "National
    Energy Administration": NEA is the administration's, not the centre's.
    """
    match = re.match(r"^(?P<unit>.+?)\s+of\s+(?:the\s+)?(?P<parent>[A-Z].+)$", name)
    letters = acronym.replace("-", "").upper()
    if not match or _capital_initials(name) == letters or not has_organization_head(match["unit"]):
        return None
    parent = match["parent"]
    spells = _capital_initials(parent) == letters and len(letters) >= 2
    return parent if spells and has_organization_head(parent) else None


def _initials_are(acronym: str, name: str) -> bool:
    initials = "".join(w[0] for w in re.split(r"[\s\-]+", name) if w and w[0].isupper())
    return acronym.replace("-", "").upper().startswith(initials.upper()[:2]) and len(initials) > 1


def _drop_possessor(name: str) -> str:
    """ "China's National Energy Administration" -> the administration; "Bank of China's Macao"
    -> the bank; "Chamber's Energy Working Group" or "EU's Carbon Border Adjustment Mechanism"
    name no body of their own. "People's Bank of China" keeps its possessive."""
    match = re.match(r"^(?P<owner>.+?)['’]s\s+(?P<rest>.+)$", name)
    if not match or match.group("owner").split()[-1].lower() in NAME_POSSESSORS:
        return name
    owner, rest = match.group("owner"), match.group("rest")
    if GAZETTEER.is_place(owner) and has_organization_head(rest):
        return rest
    if len(owner.split()) > 1 and has_organization_head(owner):
        return owner
    return ""


def _is_place_office(name: str) -> bool:
    """ "China Office", "Beijing Representative Office": a place and unit words, no body."""
    words = name.split()
    places = [w for w in words if GAZETTEER.is_place(w)]
    return bool(places) and all(GAZETTEER.is_place(w) or w.lower() in UNIT_WORDS for w in words)


_OF_BEFORE_BODY_RE = re.compile(r"\s+(?:of|at)\s+(?:the\s+)?(?=[A-Z])")


def split_at_inner_titles(name: str) -> list[str]:
    """A person's second post runs one body's name into the next: the title joins two bodies.

    Example: "Chinese Academy of Sciences and President of Qinghai University" or "Ministry
    of Industry and Information Technology Head of the Industry Advancement Center" -> both
    bodies; "Office of the President" (no body after) stays whole.
    """
    for match in _OF_BEFORE_BODY_RE.finditer(name):
        words = name[: match.start()].split()
        if not words or words[-1].lower() not in TITLES:
            continue
        cut = len(words) - 1
        while cut > 0 and (
            _is_title_or_plural(words[cut - 1]) or words[cut - 1].lower() in TITLE_MODIFIERS
        ):
            cut -= 1
        # "and Senior Scientific Consultant of": after "and" a rank opens the title
        for back in (1, 2):
            at = cut - back
            if at > 0 and words[at - 1] == "and" and words[at].lower() in TITLE_MODIFIERS:
                cut = at
        if cut > 0 and words[cut - 1] == "and":
            cut -= 1
        elif cut > 0 and words[cut - 1].lower() in CONNECTORS:
            continue  # "Office of the Commissioner of ...": the title is the body's own word
        left, right = " ".join(words[:cut]).rstrip(","), name[match.end() :]
        if left and has_organization_head(left) and has_organization_head(right):
            return [left, *split_at_inner_titles(right)]
    return [name]


def drop_trailing_personal_name(name: str) -> str:
    """The person a title-first line names runs on from their body: "Head of the Industry
    Advancement Center Liu Yingjun" keeps the centre only; "Tsinghua University" stays.
    """
    words = name.split()
    if (
        len(words) >= 4
        and words[-3] not in CONNECTORS  # "... of China and Zhou Naixiang": two items
        and is_chinese_personal_name(" ".join(words[-2:]))
    ):
        body = " ".join(words[:-2])
        if has_organization_head(body):
            return body
    return name


_ADDRESSED_TAIL_RE = re.compile(r"\s+(?:Mr|Ms|Mrs|Dr|Prof|Professor|Ir)\.?\s+[A-Z].*$")


def drop_person_tail(name: str) -> str:
    """A titled list runs a body into the next person's name: the honorific ends the body.

    Example: "Ministry of Foreign Affairs in the HKSAR Mr. Li Yongsheng" -> "Ministry of
    Foreign Affairs in the HKSAR"; "Bank of China" is left whole.
    """
    return _ADDRESSED_TAIL_RE.sub("", name)


_NAMES_BEFORE_BODY_RE = re.compile(
    r"""
    ^(?P<left>[A-Z][\w’'.\-]*(?:\s+[A-Z][\w’'.\-]*)*    # "Vice Presidents Ana Ruiz"
    \s+and\s+[A-Z][\w’'.\-]*(?:\s+[A-Z][\w’'.\-]*){1,2})  # "and Ben Ode"
    \s+(?:of|from)\s+(?:the\s+)?                           # "of the"
    (?P<right>[A-Z].*)$                                    # "African Development Bank"
    """,
    re.VERBOSE,
)


def drop_listed_names_lead(name: str) -> str:
    """People listed under one title run into their body's name: the body is what follows.

    Example: "Vice Presidents Ana Ruiz and Ben Ode of the African Development Bank" ->
    "African Development Bank"; "Science and Technology Commission of X City" stays whole, as
    each side of its "and" is not a two- or three-word name.
    """
    match = _NAMES_BEFORE_BODY_RE.match(name)
    if not match or not has_organization_head(match.group("right")):
        return name
    words = match.group("left").split()
    while words and _is_title_or_plural(words[0]):
        words = words[1:]
    people = " ".join(words).split(" and ")
    if len(people) != 2 or not all(_is_listed_person(person) for person in people):
        return name
    return match.group("right")


def _is_title_or_plural(word: str) -> bool:
    lowered = word.lower()
    return lowered in TITLES or lowered.removesuffix("s") in TITLES or lowered in ("vice", "deputy")


def _is_listed_person(words: str) -> bool:
    tokens = words.split()
    return (
        2 <= len(tokens) <= 3
        and not any(t.lower() in ORG_HEADS or t.lower() in UNIT_WORDS for t in tokens)
        and not any(t.lower() in TITLES or t.lower() in CONNECTORS for t in tokens)
        and not GAZETTEER.is_place(words)
        and not find_known_organization(words)
    )


def _drop_person_lead(name: str) -> str:
    """ "Ma of Example Motors Co., Ltd.", "Johannes Urpelainen of Johns Hopkins University": a
    person's name before "of"/"from" is not part of the body; "Bank of China" keeps its head.
    So is a name with its title and no comma: "Ana K Lee the MD of Blue Capital Ltd"."""
    name = drop_listed_names_lead(name)
    match = re.match(
        r"(?P<left>[A-Z][\w’'\-]*(?:\s+[A-Z][\w’'.\-]*){0,3})"
        r"(?:\s+the\s+(?P<title>(?:[A-Z][\w-]*\s+){0,3}?[A-Z][\w-]*))?"
        r"\s+(?:of|from|with)\s+(?:the\s+)?(?P<right>[A-Z].*)$",
        name,
    )
    if not match or not has_organization_head(match.group("right")):
        return name
    if match.group("title") and match.group("title").split()[-1].lower() not in TITLES:
        return name
    left = match.group("left")
    if (
        head_word(left)
        or find_known_organization(left)
        or ACRONYM_RE.match(left)
        or GAZETTEER.is_place(left)
    ):
        return name
    if any(w.lower() in ORG_HEADS or w.lower() in UNIT_WORDS for w in left.split()):
        return name
    return match.group("right")


# "Xiamen-based Third Institute", "the Cabinet-level Water Administration": where the body
# sits or how it ranks describes it; its name starts after.
SEAT_OR_RANK_LEAD_RE = re.compile(r"^(?:[Tt]he\s+)?[A-Z][\w’']*-(?:based|level)\s+(?=[A-Z])")


def _drop_leading_noise(name: str) -> str:
    name = SEAT_OR_RANK_LEAD_RE.sub("", name)
    words = name.split()
    # "10:00 Panel discussion" leaves "00 Panel", "on 27 November 2019 with the China
    # Electricity Council" leaves a date: a clock time or a date leads no body's name.
    in_date = False
    while words and (
        words[0].lower() in LEADING_NOISE
        or words[0].lower() in CONNECTORS
        or re.fullmatch(r"\d{1,2}(?:[:.]\d{2})?", words[0])
        or (in_date and re.fullmatch(r"(?:19|20)\d{2},?", words[0]))
        or (words[0].lower() in MONTH_NAMES and len(words) > 1 and words[1][:1].isdigit())
    ):
        in_date = words[0].lower() in MONTH_NAMES
        words = words[1:]
    while words and words[-1].lower() in CONNECTORS:
        words = words[:-1]
    name = " ".join(words)
    # "Founder and CEO of Envision Group", "Board and Party Secretary of State Grid ..."
    title_re = re.compile(
        r"^(?:(?:[A-Z][\w\-]*|and)\s+){0,4}?(?:"
        + TITLE_HEADS_RE
        + r")\s+(?:of|at|for)\s+(?:the\s+)?"
    )
    title = title_re.match(name)
    while title and title_re.match(name[title.end() :]):
        name = name[title.end() :]
        title = title_re.match(name)
    if title:
        name = name[title.end() :]
        # "Secretary for the Environment of the Hong Kong SAR Government": the portfolio
        # before the body is part of the title too.
        portfolio = re.match(
            r"^(?P<what>[A-Z][\w\-]*(?:\s+and\s+[A-Z][\w\-]*)?)\s+of\s+(?:the\s+)?", name
        )
        last = portfolio.group("what").split()[-1].lower() if portfolio else ""
        if portfolio and last not in ORG_HEADS and last not in UNIT_WORDS:
            rest = name[portfolio.end() :]
            if has_organization_head(rest):
                name = rest
    # "Chinese Academy of Engineering and Professor": a second title after the body.
    return re.sub(r"\s+and\s+(?:" + TITLE_HEADS_RE + r")$", "", name)


# Capitalised title words that lead runs such as "Deputy Director of the ..." in prose.
TITLE_HEADS_RE = (
    r"Director|Director-General|President|Vice\s+President|Chairman|Chair|Professor|Researcher|"
    r"Secretary|Secretary-General|Representative|Officer|Manager|Founder|Dean|Head|Member|"
    r"Minister|Counsellor|Partner|Academician|Expert|Fellow|Governor|Mayor|Ambassador|Chief|"
    r"CEO|CFO|CTO|COO|Strategist|Advisor|Adviser|Scientist|Engineer|Economist|Administrator|"
    r"Envoy|Commissioner|Coordinator|Specialist|Analyst|Board"
)


def _follows_place_preposition(sentence: str, start: int, name: str) -> bool:
    """ "held in Pudong New Area": a district after "in" is a place, not a host body."""
    lowered = name.lower()
    if not (lowered.endswith(("new area", "district", "city", "province", "county"))):
        return False
    return bool(re.search(r"\b(?:in|at|to|of)\s+(?:the\s+)?$", sentence[:start]))


def _is_acronym_of(candidate: str, name: str) -> bool:
    """ "NCSC" for "National Climate Change Strategy ... Center"; "EF China" for "Energy Foundation";
    "European Chamber" for "European Union Chamber of Commerce in China"."""
    short, long = candidate.split(), name.split()
    if 1 < len(short) < len(long) and all(w[:1].isupper() for w in short):
        it = iter(long)
        if all(any(w == x for x in it) for w in short):
            return True
    if not ACRONYM_RE.match(candidate) or GAZETTEER.is_place(candidate):
        return False
    letters = "".join(w[0] for w in re.split(r"[\s\-]+", name) if w and w[0].isupper()).upper()
    first = candidate.split()[0].replace("-", "").upper()
    return bool(first) and (first[0] == letters[:1] or first in letters or len(first) <= 5)


LIST_RE = re.compile(
    r"""
    \b(?P<head>[Rr]epresentatives|[Gg]uests|[Dd]elegates|[Ee]xperts|[Ll]eaders|[Oo]fficials
       |[Ee]xecutives|[Cc]ompanies|[Ff]irms|[Ee]nterprises|[Bb]rands|[Mm]anufacturers
       |[Pp]artners|[Ss]ponsors|[Ii]nstitutions|[Jj]ournalists|[Rr]eporters)  # plural: a list
    (?:\s+(?P<joint>of|from|such\s+as|including|like|include|included|are|were))?\s+  # "from"
    (?P<items>(?:the\s+)?[A-Z].+?)                 # the list itself
    (?:,?\s+(?:also\s+)?(?:shared|attended|took\s+part|participated|joined|gave|delivered|
          presented|introduced|spoke|were\s+present|made|showcased|exhibited|signed
          |discussed|displayed)\b   # the verb closes the list
       |\.?$)                                      # or the sentence ends
    """,
    re.VERBOSE,
)
_PEOPLE_LIST_HEADS = ORGANISATION_WORDS["people_list_heads"]
# Heads whose lists name companies, so a single capitalised word in them is a brand.
_COMPANY_LIST_HEADS = ORGANISATION_WORDS["company_list_heads"]
# "industry leaders including Huawei, GCL and BYD": leaders of an industry are its companies.
_COMPANY_LIST_QUALIFIERS = ORGANISATION_WORDS["company_list_qualifiers"]


def find_listed_organizations(sentence: str) -> list[str]:
    """Bodies in "Representatives of A Co., Ltd., B Institute, and C shared ..." lists.

    Single words must be well-known acronyms ("WB"); places ("Shanghai") are never bodies.
    """
    found = []
    for match in LIST_RE.finditer(sentence):
        head = match.group("head").lower()
        brands = head in _COMPANY_LIST_HEADS or is_company_qualified(sentence, match.start())
        if match.group("joint") not in ("of", "from") and head in _PEOPLE_LIST_HEADS and not brands:
            continue  # "Experts including Chai Qimin, ...": a list of people
        if match.group("joint") is None and not brands:
            continue  # only "its sponsors Dow, Acme and Zenith" names bodies with no joint
        for item in split_list_items(match.group("items")):
            item = strip_article(re.sub(r"\s*\([^()]*\)$", "", item))  # "(CBIRC)": indexed
            if not item or not item[0].isupper() or GAZETTEER.is_place(item):
                continue
            words = item.split()
            if sum(w.lower() not in CONNECTORS for w in words) > 8:
                break  # the list ran into a clause
            if (
                len(words) == 1
                and not find_known_organization(item)
                and not (brands and is_brand_name(item))
            ):
                continue
            if any(w[0].islower() and w not in CONNECTORS for w in words):
                continue
            found.append(item)
    return found


def is_company_qualified(sentence: str, start: int) -> bool:
    """Whether the word before a list's head says its members are companies, not people.

    Example: "attracted industry leaders including Huawei, GCL and BYD" -> True (at "leaders");
    "business leaders and scholars" -> False.
    """
    before = sentence[max(0, start - 20) : start].split()
    return bool(before) and before[-1].lower() in _COMPANY_LIST_QUALIFIERS


def is_brand_name(word: str) -> bool:
    """One capitalised word that can be a company's name in a list of companies.

    Example: "Goldwind", "Envision" -> True; "China", "Others", "Chinese" -> False.
    """
    return (
        bool(re.fullmatch(r"[A-Z][\w&\-]{2,}", word))
        and not GAZETTEER.is_place(word)
        and not GAZETTEER.country_of(word)
        and word.lower() not in NOT_ORG_WORDS
        and word.lower() not in FUNCTION_WORDS
        and not re.search(r"(?:ese|ian|ish|an)$", word)
    )


def split_list_items(text: str) -> list[str]:
    """Split "A Co., Ltd., B, and C" at commas and "and", keeping "Co., Ltd." whole, and
    "Changzhou Ecology and Environment Bureau" too: a headless left side of "and" is the
    first half of the name the right side's noun heads."""
    protected = re.sub(r"Co\.,\s*Ltd", "Co.\x00 Ltd", text)
    items = []
    for chunk in re.split(r",\s*(?:and\s+)?|;\s*", protected):
        parts = re.split(r"\s+and\s+(?=[A-Z]|the\s)", chunk)
        joined = [parts[0]]
        for part in parts[1:]:
            left = joined[-1]
            if _second_half(left, part):
                joined[-1] = f"{left} and {part}"
                continue
            part = re.sub(r"^the\s+", "", part)
            if not _stands_alone(left) and has_organization_head(part):
                joined[-1] = f"{left} and {part}"
            else:
                joined.append(part)
        items.extend(joined)
    return [item.replace("\x00", ",").strip() for item in items if item.strip()]


_PORTFOLIO_TAIL_RE = re.compile(
    r"""
    \s(?:of|for)\s+                 # "Ministry of"
    (?:[A-Z][\w\-]*\s+)*[A-Z][a-z][\w\-]*$  # "Industry": a field, not a bracket or acronym
    """,
    re.VERBOSE,
)


def _second_half(left: str, part: str) -> bool:
    """ "Ministry of Industry and Information Technology", "Ministry of Science and Technology":
    a body named for two fields goes on after "and" with words that head nothing, or one field. "X Group and Ningbo Port" (the left ends in its
    noun) and "and the China Banking ..." (an article opens a new item) are two items."""
    return (
        not part.startswith("the ")
        and (len(part.split()) > 1 or bool(FIELD_ENDING_RE.search(part)))
        and not (len(part.split()) > 1 and _stands_alone(part))
        and bool(_PORTFOLIO_TAIL_RE.search(left))
        and left.split()[-1].lower() not in ORG_HEADS
    )


def _stands_alone(item: str) -> bool:
    """Whether a list item names a body on its own: an organisation noun, a known body, an
    acronym, or a one-word brand."""
    item = strip_article(item.strip())
    return (
        len(item.split()) == 1
        or has_organization_head(item)
        or bool(find_known_organization(item))
        or bool(ACRONYM_RE.match(item))
    )


KNOWN_ACRONYM_RE = re.compile(
    r"""
    (?<![\w\-])                      # a whole token, not the middle of "UN-HABITAT"
    (?P<acr>[A-Z][A-Za-z0-9\-]*[A-Z0-9])
    (?![\w\-])
    (?!\s+[A-Z])                     # "UN Climate Talks" uses UN as a modifier, not a body
    (?!\s+(?:\d|(?:agencies|summits|countries|members|goals|targets|talks)\b))  # "UN 2030
                                     # Agenda", "UN summits": a modifier of the noun after it
    """,
    re.VERBOSE,
)


def find_known_acronyms(sentence: str, index: OrganizationIndex) -> list[str]:
    """Well-known acronyms used on their own: "guests from EU, WB" -> ["EU", "WB"]."""
    found = []
    for match in KNOWN_ACRONYM_RE.finditer(sentence):
        acronym = match.group("acr")
        known = find_known_organization(acronym)
        if known and (known.acronym == acronym or acronym in known.aliases):
            found.append(acronym)
    return found
