"""The site-wide search behind /search/: one entry point, the database picked at query time.

`search_everything(q)` finds events, people, organisations, topics, cities and reports whose
words start with every word of the query. Organisations come from the one organisation
matcher, the speakers page's (`Organization.objects.matching()`, people.matching). On
PostgreSQL, events and reports are matched by full-text search on stored, weighted vectors
that triggers keep and GIN indexes cover (core.fulltext, events migration 0008); only a
bounded set of matches is ranked and counts stop at COUNT_CAP, so a word that every report
contains costs what a rare one does. Names are found by trigram-indexed substring search on
their folded keys. On SQLite, events and reports are matched by FTS5 indexes that triggers
keep (events.fulltext), bounded the same way; on any other database the same word-start rule
is a regular expression, so every backend gives the same hits.

Snippets are built here as segments of plain text, the matching words flagged, and the
template escapes them: report text is never marked safe.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache, cached_property, lru_cache, reduce
from operator import and_, or_
from typing import NamedTuple

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.core.paginator import Page, Paginator
from django.db import connection
from django.db.models import Case, F, Func, IntegerField, Q, QuerySet, TextField, Value, When
from django.db.models.expressions import RawSQL

from browse.search.affiliation import AffiliationResults
from core.data_version import counted_once_per_query
from core.folding import fold, fold_with_offsets
from core.fulltext import sqlite_index_name, sqlite_index_ready
from core.id_lists import among
from events.fulltext import SQLITE_INDEXED
from events.models import City, Event, EventOrganizer, Position, Report, Topic
from people.matching import OrganizationHits, Tier, match_organizations
from people.models import Organization, Person, PersonAlias

MAX_QUERY_LENGTH = 200
MAX_WORDS = 8
HITS_PER_KIND = 10
SNIPPET_BEFORE = 80
SNIPPET_AFTER = 140
ALIAS_MATCH_LIMIT = 1000
# Full text: at most this many matches (by name or title, and anywhere) are ranked, and the
# count stops at COUNT_CAP ("1,000+"): a word in every report costs the same as a rare one.
RANKED = 100
COUNT_CAP = 1000
PAGE_SIZE = 25
# Folding a long report letter by letter is slow; an accented match is looked for this far.
SNIPPET_SEARCH_LIMIT = 20_000


@dataclass(frozen=True)
class Segment:
    text: str
    match: bool = False


@dataclass(frozen=True)
class Hit:
    title: tuple[Segment, ...]
    url: str
    snippet: tuple[Segment, ...] = ()
    detail: str = ""


@dataclass(frozen=True)
class KindResults:
    kind: str
    label: str
    count: int
    hits: tuple[Hit, ...]
    capped: bool = False  # there are more than `count`
    page: Page | None = None  # when one kind is paged through

    @property
    def more(self) -> int:
        return self.count - len(self.hits)

    @property
    def count_display(self) -> str:
        return f"{self.count:,}+" if self.capped else f"{self.count:,}"


class Found(NamedTuple):
    """One kind's matches: best first (bounded), and all of them (to count, capped).

    `capped`: the matches were already cut short before counting (organisations matched in
    part, people.matching.PARTIAL_LIMIT), so the count is a lower bound.
    """

    ranked: QuerySet
    matching: QuerySet
    capped: bool = False


@dataclass(frozen=True)
class SearchResults:
    query: str
    words: tuple[str, ...]
    truncated: bool
    groups: tuple[KindResults, ...]

    @property
    def total(self) -> int:
        return sum(group.count for group in self.groups)

    @property
    def capped(self) -> bool:
        return any(group.capped for group in self.groups)

    @property
    def found(self) -> tuple[KindResults, ...]:
        return tuple(group for group in self.groups if group.count)


def parse_query(q: str) -> tuple[str, bool, tuple[str, ...]]:
    """(query as searched, whether it was cut short, folded words).

    >>> parse_query('  "Tsinghua" <b>Universität</b> ')
    ('"Tsinghua" <b>Universität</b>', False, ('tsinghua', 'b', 'universitat'))
    """
    q = " ".join((q or "").split())
    truncated = len(q) > MAX_QUERY_LENGTH
    if truncated:
        q = q[:MAX_QUERY_LENGTH]
    words = tuple(dict.fromkeys(fold(q).replace("_", " ").split()))[:MAX_WORDS]
    return q, truncated, words


def search_everything(q: str, *, kind: str | None = None, page=None) -> SearchResults:
    """Every kind's best HITS_PER_KIND; or, with `kind`, one page of that kind's ranked hits."""
    query, truncated, words = parse_query(q)
    if not words:
        return SearchResults(query, words, truncated, ())
    backend = _backend(words)
    groups = []
    for name, (label, method, make_hit) in KINDS.items():
        if kind in (None, name):
            found = getattr(backend, method)()
            groups.append(_group(name, label, found, words, make_hit, page if kind else None))
        if name == "people" and kind in (None, AFFILIATED):
            hits = backend.organization_hits
            groups.append(_affiliated_group(hits, words, page if kind else None))
    return SearchResults(query, words, truncated, tuple(groups))


# "Tsinghua University" is most often asked to find who spoke for it: the people whose
# positions match the words as an organisation, ranked as the speakers page ranks them.
AFFILIATED = "affiliated"


# The global search names an organisation, or it does not: people are looked for at exact,
# alias and parent matches always, at partial ones only when few organisations match ("Tsinghua"
# yes, "carbon" no), and never by similar spelling. The speakers page searches them all.
FEW_PARTIAL_MATCHES = 50


def _affiliated_group(hits, words, page) -> KindResults:
    """People by affiliation from the organisations the words matched (asked once a search)."""
    partial = [pk for pk, hit in hits.items() if hit.tier == Tier.PARTIAL]
    kept = {
        pk: hit
        for pk, hit in hits.items()
        if hit.tier < Tier.PARTIAL
        or (hit.tier == Tier.PARTIAL and len(partial) <= FEW_PARTIAL_MATCHES)
    }
    if kept:
        tiers = tuple(sorted({hit.tier for hit in kept.values()}))
        matches = AffiliationResults(Position.objects.at_organizations(kept), tiers)
    else:
        matches = AffiliationResults()
    count = matches.count()
    shown = None
    if page is not None:
        shown = Paginator(matches, PAGE_SIZE).get_page(page)
        rows = list(shown.object_list)
    else:
        rows = matches[:HITS_PER_KIND] if count else []
    hits = tuple(_affiliation_hit(match, words) for match in rows)
    label = "People by affiliation"
    return KindResults(AFFILIATED, label, count, hits, matches.capped, shown)


def _affiliation_hit(match, words) -> Hit:
    held = ", ".join(
        part
        for part in (
            match.position.title if match.position else "",
            match.organization.name if match.organization else "",
        )
        if part
    )
    detail = " · ".join(part for part in (held, match.reason) if part)
    return Hit(
        highlight(match.person.name, words, word_start=False),
        match.person.get_absolute_url(),
        detail=detail,
    )


def _group(kind: str, label: str, found, words, make_hit: Callable, page) -> KindResults:
    if not isinstance(found, Found):
        found = Found(found, found)
    # A common word's count reads a thousand index entries; it changes only with the data.
    matching = found.matching.order_by().values("pk")[: COUNT_CAP + 1]
    count = counted_once_per_query(matching, matching.count)
    shown = None
    if page is not None:
        shown = Paginator(found.ranked, PAGE_SIZE).get_page(page)
        rows = shown.object_list
    else:
        rows = found.ranked[:HITS_PER_KIND] if count else ()
    hits = tuple(make_hit(record, words) for record in rows)
    capped = count > COUNT_CAP or found.capped
    return KindResults(kind, label, min(count, COUNT_CAP), hits, capped, shown)


class _Backend:
    def __init__(self, words: tuple[str, ...]):
        self.words = words

    def _all_words_in(self, *fields: str) -> Q:
        """Every word is part of one of these (already folded) fields."""
        return reduce(
            and_, (reduce(or_, (Q(**{f"{f}__contains": w}) for f in fields)) for w in self.words)
        )

    def _all_words_icontained(self, *fields: str) -> Q:
        return reduce(
            and_, (reduce(or_, (Q(**{f"{f}__icontains": w}) for f in fields)) for w in self.words)
        )

    def people(self) -> QuerySet:
        aliases = list(
            PersonAlias.objects.filter(self._all_words_in("key")).values_list(
                "person_id", flat=True
            )[:ALIAS_MATCH_LIMIT]
        )
        return Person.objects.filter(self._all_words_in("key") | Q(pk__in=aliases)).order_by(
            "key", "pk"
        )

    def _organised_by_matches(self) -> Q | None:
        """Events organised by a matching organisation: "IGEA" finds the summits it hosted.

        The ids are fetched first: an OR with a subquery would stop PostgreSQL using the
        full-text index on events. The organisations are given as a list of ids (bounded by
        the matcher), which PostgreSQL reads through the organiser index; as a subquery it
        hashed every organiser row.
        """
        if not self.organization_hits:
            return None
        events = list(
            EventOrganizer.objects.filter(among("organization_id", sorted(self.organization_hits)))
            .order_by()
            .values_list("event_id", flat=True)
            .distinct()[:RANKED]
        )
        return Q(pk__in=events) if events else None

    @cached_property
    def organization_hits(self) -> OrganizationHits:
        # The same matcher as the speakers page's ?affiliation= (people.matching), asked once
        # for the organisations, the events they organised and the people who spoke for them.
        return match_organizations(" ".join(self.words))

    @cached_property
    def _matching_organizations(self) -> QuerySet:
        return Organization.objects.with_hits(self.organization_hits)

    def organizations(self) -> Found:
        matching = self._matching_organizations
        return Found(matching, matching, self.organization_hits.capped)

    def events(self) -> Found:
        return self._ranked(
            Event.objects.select_related("city"), "name", "venue", self._organised_by_matches()
        )

    def reports(self) -> Found:
        return self._ranked(Report.objects.defer("raw_text", "search_vector"), "title", "text")

    def topics(self) -> QuerySet:
        return Topic.objects.filter(self._all_words_icontained("name", "description"))

    def cities(self) -> QuerySet:
        return City.objects.filter(self._all_words_icontained("name", "province", "country"))


def _unaccent(expression) -> Func:
    """The IMMUTABLE wrapper of unaccent the search indexes are built on (people 0003)."""
    return Func(expression, function="eventsdb_unaccent", output_field=TextField())


class _PostgresBackend(_Backend):
    """Full-text search on the indexed weighted vectors; names through trigram indexes."""

    def _query(self) -> SearchQuery:
        # Folded words hold only letters, digits and spaces, so they are safe in tsquery
        # syntax; `:*` makes each a word-start match like the fallback's regular expression.
        # unaccent as on the vectors: fold() keeps letters such as "ł" that unaccent maps.
        terms = " & ".join(f"{word}:*" for word in self.words)
        return SearchQuery(_unaccent(Value(terms)), search_type="raw", config="simple")

    def _ranked(self, queryset: QuerySet, a: str, b: str, extra: Q | None = None) -> Found:
        """Matches of the stored vector (core.fulltext), the best RANKED first.

        Only a bounded set is ranked: the first RANKED rows whose `a` column (the name or
        title, weight A) matches, and the first RANKED matching anywhere. A word that nearly
        every report contains then costs two short index reads and a few hundred ranks, not
        a rank of every report.
        """
        query = self._query()
        title_query = SearchQuery(
            _unaccent(Value(" & ".join(f"{word}:*A" for word in self.words))),
            search_type="raw",
            config="simple",
        )
        matching = queryset.model._default_manager.order_by()
        # The ids are fetched first: an OR of two LIMITed subqueries makes PostgreSQL scan the
        # whole table to test each row against them; a list of ids is read through the key.
        ids = {
            *matching.filter(search_vector=title_query).values_list("pk", flat=True)[:RANKED],
            *matching.filter(search_vector=query).values_list("pk", flat=True)[:RANKED],
        }
        candidates = among("pk", sorted(ids))
        if extra is not None:
            candidates |= extra
        matches = Q(search_vector=query)
        return Found(
            queryset.filter(candidates)
            .annotate(rank=SearchRank(F("search_vector"), query))
            .order_by("-rank", a, "pk"),
            queryset.filter(matches | extra if extra is not None else matches),
        )


def _backend(words: tuple[str, ...]) -> _Backend:
    if connection.vendor == "postgresql":
        return _PostgresBackend(words)
    if all(sqlite_index_ready(connection, table) for table in SQLITE_INDEXED):
        return _SqliteBackend(words)
    return _PlainBackend(words)


class _PlainBackend(_Backend):
    """Anything else: the same word-start rule as a regular expression, on every row."""

    def _words_start_in(self, *fields: str) -> Q:
        return reduce(
            and_,
            (
                reduce(or_, (Q(**{f"{f}__iregex": rf"\b{_accented(w)}"}) for f in fields))
                for w in self.words
            ),
        )

    def _ranked(self, queryset: QuerySet, a: str, b: str, extra: Q | None = None) -> Found:
        matches = self._words_start_in(a, b)
        if extra is not None:
            matches |= extra
        in_title = Case(
            When(self._words_start_in(a), then=Value(0)),
            default=Value(1),
            output_field=IntegerField(),
        )
        matching = queryset.filter(matches)
        return Found(matching.annotate(rank=in_title).order_by("rank", a, "pk"), matching)


class _SqliteBackend(_PlainBackend):
    """SQLite: word-start matches from the FTS5 indexes (events.fulltext), whose tokenizer
    drops accents as unaccent does; only a bounded set is ranked, as on PostgreSQL."""

    def _match(self, column: str | None = None) -> str:
        # Folded words hold only letters, digits and spaces: safe inside FTS5 quotes.
        terms = " ".join(f'"{word}"*' for word in self.words)
        return f"{{{column}}} : ({terms})" if column else terms

    def _ranked(self, queryset: QuerySet, a: str, b: str, extra: Q | None = None) -> Found:
        table = queryset.model._meta.db_table
        fts = sqlite_index_name(table)
        select = f"SELECT rowid FROM {fts} WHERE {fts} MATCH %s"
        ids: set[int] = set()
        with connection.cursor() as cursor:
            # The first RANKED whose name or title matches, and the first RANKED anywhere.
            for match in (self._match(a), self._match()):
                cursor.execute(f"{select} LIMIT {RANKED}", [match])
                ids.update(pk for (pk,) in cursor.fetchall())
        candidates = among("pk", sorted(ids))
        matches = Q(pk__in=RawSQL(select, [self._match()]))
        if extra is not None:
            candidates |= extra
            matches |= extra
        # The regular expression is asked of the few candidates only.
        in_title = Case(
            When(self._words_start_in(a), then=Value(0)),
            default=Value(1),
            output_field=IntegerField(),
        )
        return Found(
            queryset.filter(candidates).annotate(rank=in_title).order_by("rank", a, "pk"),
            queryset.filter(matches),
        )


@cache
def _letter_variants() -> dict[str, str]:
    """For each plain letter, the accented letters that fold to it: "c" -> "çćĉċč…"."""
    variants: dict[str, list[str]] = {}
    for code in (*range(0xC0, 0x250), *range(0x1E00, 0x1F00)):
        char = chr(code)
        decomposed = unicodedata.normalize("NFKD", char)
        base = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
        if len(base) == 1 and base.isascii() and base.isalnum() and base != char.casefold():
            variants.setdefault(base, []).append(char)
    return {base: "".join(chars) for base, chars in variants.items()}


def _accented(word: str) -> str:
    """A regular expression for a folded word that also matches it written with accents,
    as PostgreSQL's unaccent does, so SQLite finds "Lalić" for "lalic" too.

    >>> re.search(_accented("lalic"), "Bojan Lalić") is not None
    True
    """
    variants = _letter_variants()
    return "".join(
        f"[{char}{variants[char]}]" if char in variants else re.escape(char) for char in word
    )


# Snippets ---------------------------------------------------------------------------------


# ASCII folds letter for letter: lower case, anything but a letter or digit a space.
_ASCII_FOLD = {code: (chr(code).lower() if chr(code).isalnum() else " ") for code in range(128)}


@lru_cache(maxsize=32)
def _folded(text: str) -> tuple[str, Sequence[int]]:
    """`fold_with_offsets`, once per text (a snippet asks for each query word), and for an
    ASCII text with str.translate: folding a 20,000-letter report one letter at a time in
    Python cost more than every query of the search page."""
    if text.isascii():
        return text.translate(_ASCII_FOLD), range(len(text))
    return fold_with_offsets(text)


def _match_spans(text: str, words, *, word_start: bool) -> list[tuple[int, int]]:
    folded, offsets = _folded(text)
    if not words or not folded:
        return []
    alternatives = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    pattern = rf"(?<![^\W_])(?:{alternatives})\w*" if word_start else rf"(?:{alternatives})"
    spans: list[tuple[int, int]] = []
    for m in re.finditer(pattern, folded):
        start, end = offsets[m.start()], offsets[m.end() - 1] + 1
        if spans and start <= spans[-1][1]:
            spans[-1] = (spans[-1][0], max(end, spans[-1][1]))
        else:
            spans.append((start, end))
    return spans


def highlight(text: str, words, *, word_start: bool = True) -> tuple[Segment, ...]:
    """Split `text` into segments, the words of the query flagged as matches.

    >>> [(s.text, s.match) for s in highlight("Bojan Lalić", ["lalic"])]
    [('Bojan ', False), ('Lalić', True)]
    """
    segments: list[Segment] = []
    position = 0
    for start, end in _match_spans(text, words, word_start=word_start):
        if start > position:
            segments.append(Segment(text[position:start]))
        segments.append(Segment(text[start:end], True))
        position = end
    if position < len(text):
        segments.append(Segment(text[position:]))
    return tuple(segments)


def excerpt(text: str, words) -> tuple[Segment, ...]:
    """A short passage of a long text where most of the words occur together, highlighted."""
    first = _densest_match(text[:SNIPPET_SEARCH_LIMIT], words)
    start = max(0, first - SNIPPET_BEFORE)
    end = min(len(text), first + SNIPPET_AFTER)
    # Whole words at both ends.
    if start > 0:
        space = text.find(" ", start)
        start = space + 1 if 0 <= space < first else start
    if end < len(text):
        space = text.rfind(" ", first, end)
        end = space if space > first else end
    passage = " ".join(text[start:end].split())
    segments = list(highlight(passage, words))
    if start > 0:
        segments.insert(0, Segment("… "))
    if end < len(text):
        segments.append(Segment(" …"))
    return tuple(segments)


def _densest_match(text: str, words) -> int:
    """Where the passage should start: the match followed, within the passage, by the most
    different query words (a report that mentions "carbon" early and "carbon trading" later
    is shown where both occur)."""
    found = [
        (start, i)
        for i, word in enumerate(words)
        for start, _ in _match_spans(text, [word], word_start=True)
    ]
    if not found:
        return 0
    found.sort()
    best, best_count = found[0][0], 0
    for start, _ in found:
        count = len({i for other, i in found if start <= other < start + SNIPPET_AFTER})
        if count > best_count:
            best, best_count = start, count
    return best


def _event_hit(event: Event, words) -> Hit:
    details = [event.date_display, event.city.name if event.city_id else ""]
    return Hit(
        title=highlight(event.name, words),
        url=event.get_absolute_url(),
        snippet=highlight(event.venue, words) if event.venue else (),
        detail=" · ".join(d for d in details if d),
    )


def _person_hit(person: Person, words) -> Hit:
    return Hit(highlight(person.name, words, word_start=False), person.get_absolute_url())


def _org_hit(organization: Organization, words) -> Hit:
    return Hit(
        title=highlight(organization.name, words),
        url=organization.get_absolute_url(),
        snippet=highlight(organization.acronym, words) if organization.acronym else (),
    )


def _topic_hit(topic: Topic, words) -> Hit:
    return Hit(
        title=highlight(topic.name, words, word_start=False),
        url=topic.get_absolute_url(),
        snippet=excerpt(topic.description, words) if topic.description else (),
    )


def _city_hit(city: City, words) -> Hit:
    detail = ", ".join(x for x in (city.province, city.country) if x)
    return Hit(highlight(city.name, words, word_start=False), city.get_absolute_url(), (), detail)


def _report_hit(report: Report, words) -> Hit:
    return Hit(
        title=highlight(report.title or report.file_name, words),
        url=report.get_absolute_url(),
        snippet=excerpt(report.text, words),
        detail=report.file_name,
    )


# kind: (label, backend method, hit maker), in the order the page shows them.
KINDS = {
    "events": ("Events", "events", _event_hit),
    "people": ("People", "people", _person_hit),
    "organisations": ("Organisations", "organizations", _org_hit),
    "topics": ("Topics", "topics", _topic_hit),
    "cities": ("Cities", "cities", _city_hit),
    "reports": ("Reports", "reports", _report_hit),
}
