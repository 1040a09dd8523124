"""Find speakers by the organisations they spoke for, their titles and their names.

One entry point, `search_speakers_by_affiliation`, used by the speakers search. The
organisations come from the one organisation matcher (`people.matching`), each with a tier
(exact name, acronym or alias, parent organisation, partial name, similar spelling); the
positions held there come from `Position.objects.at_organizations()`, annotated with that
tier and the reason to show. The people are then ranked by their best tier and name, in the
database, one LIMITed query per tier, so a search matching tens of thousands of people reads
one page of them; the count stops at COUNT_CAP. The speakers page passes its other filters in
as a subquery of the people to choose among.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from django.db.models import Exists, F, OuterRef, Q, QuerySet, Value, Window
from django.db.models.functions import RowNumber

from core.data_version import counted_once_per_query
from core.folding import fold
from events.models import Event, Position, chronological
from people.matching import MAX_QUERY_LENGTH, Tier, match_organizations
from people.models import Organization, Person, PersonAlias

# Counting stops here: "1,000+ speakers" says enough, and counting 46,000 does not pay.
COUNT_CAP = 1000
DOWNLOAD_BATCH = 500
# What a match shows (the results, the downloads, the site search): the rest of these rows,
# report texts and evidence spans, stays in the database.
SHOWN_FIELDS = (
    "title",
    "organization__name",
    "organization__slug",
    "participation__person__name",
    "participation__person__slug",
    "participation__event__name",
    "participation__event__slug",
    "participation__event__start_year",
    "participation__event__start_month",
    "participation__event__start_day",
    "participation__event__end_year",
    "participation__event__end_month",
    "participation__event__end_day",
)


@dataclass(frozen=True)
class AffiliationMatch:
    person: Person
    position: Position | None
    event: Event | None
    rank: int
    reason: str

    @property
    def organization(self) -> Organization | None:
        return self.position.organization if self.position is not None else None


class AffiliationResults(Sequence):
    """Ranked matches, one per person, that a Paginator can page; the database ranks.

    `positions` are the matching positions, annotated with `match_tier` and `match_reason`;
    `tiers` the tiers present, best first. Without positions, `people` are matched by name.
    """

    def __init__(
        self,
        positions: QuerySet | None = None,
        tiers: tuple[int, ...] = (),
        *,
        people: QuerySet | None = None,
        reason: str = "",
        organizations_capped: bool = False,
    ):
        self._positions = positions
        # The organisations were cut short (people.matching.PARTIAL_LIMIT): there are more.
        self._organizations_capped = organizations_capped
        self._tiers = tiers
        self._people = people
        self._reason = reason
        self._count: int | None = None
        self.capped = False

    def matching_people(self) -> QuerySet:
        """Every matching person, unranked: what the facets beside the results count."""
        if self._positions is not None:
            return Person.objects.filter(Exists(self._held()))
        return self._people if self._people is not None else Person.objects.none()

    def _held(self, tiers=None) -> QuerySet:
        held = self._positions.filter(participation__person_id=OuterRef("pk"))
        return held.filter(match_tier__in=tiers) if tiers is not None else held

    def _holders(self, tiers) -> QuerySet:
        """Ids of the people holding a matching position of these tiers, as a subquery.

        Read from the positions, through the organisations' index: SQLite runs an EXISTS
        once per person (10,000 of them for an organisation five people spoke for).
        """
        return (
            self._positions.filter(match_tier__in=tiers)
            .order_by()
            .values("participation__person_id")
        )

    def count(self) -> int:
        """How many people match, at most `COUNT_CAP`; `capped` says whether there are more."""
        if self._count is None:
            if self._positions is not None and self._tiers != (Tier.NAME,):
                # The people at the matched organisations, a bounded set of them.
                counted = self._holders(self._tiers).distinct()[: COUNT_CAP + 1]
            else:
                # A title or a name: in id order, so the planner walks people and stops at
                # the cap.
                counted = self.matching_people().order_by("pk")[: COUNT_CAP + 1]
            found = counted_once_per_query(counted, counted.count)
            self.capped = found > COUNT_CAP or self._organizations_capped
            self._count = min(found, COUNT_CAP)
        return self._count

    @property
    def count_display(self) -> str:
        count = self.count()
        return f"{count:,}+" if self.capped else f"{count:,}"

    def __len__(self) -> int:
        return self.count()

    def __getitem__(self, index):
        if isinstance(index, slice):
            start, stop = index.start or 0, index.stop
            return self._matches(self._ranked_people(start, stop))
        if index < 0:
            index += len(self)
        matches = self[index : index + 1]
        if not matches:
            raise IndexError(index)
        return matches[0]

    def __iter__(self) -> Iterator[AffiliationMatch]:
        """Every match, uncounted (for downloads), a batch of people at a time."""
        batch: list[tuple[int, int]] = []
        for ranked in self._each_ranked():
            batch.append(ranked)
            if len(batch) == DOWNLOAD_BATCH:
                yield from self._matches(batch)
                batch = []
        yield from self._matches(batch)

    def _tier_people(self, tier: int, better: list[int]) -> QuerySet:
        """The people of one tier not met in a better one, in name order: ids only."""
        people = Person.objects.filter(pk__in=self._holders([tier]))
        if better:
            people = people.exclude(pk__in=self._holders(better))
        return people.order_by("key", "pk").values_list("pk", flat=True)

    def _each_ranked(self) -> Iterator[tuple[int, int]]:
        if self._positions is None:
            for pk in self.matching_people().values_list("pk", flat=True).iterator():
                yield pk, Tier.NAME
            return
        better: list[int] = []
        for tier in self._tiers:
            for pk in self._tier_people(tier, better).iterator(chunk_size=DOWNLOAD_BATCH):
                yield pk, tier
            better.append(tier)

    def _ranked_people(self, start: int, stop: int | None) -> list[tuple[int, int]]:
        """(person id, tier) of the matches start..stop, best tier first, then by name."""
        if self._positions is None:
            people = self.matching_people().values_list("pk", flat=True)[start:stop]
            return [(pk, Tier.NAME) for pk in people]
        ranked: list[tuple[int, int]] = []
        seen = 0
        better: list[int] = []
        for tier in self._tiers:
            if stop is not None and seen >= stop:
                break
            people = self._tier_people(tier, better)
            found = list(people if stop is None else people[: stop - seen])
            ranked += [(pk, tier) for n, pk in enumerate(found, seen) if n >= start]
            seen += len(found)
            better.append(tier)
        return ranked

    def _matches(self, ranked: list[tuple[int, int]]) -> list[AffiliationMatch]:
        """Each ranked person with their best position (latest among equals), one query."""
        if not ranked:
            return []
        ids = [pk for pk, _ in ranked]
        if self._positions is None:
            people = Person.objects.in_bulk(ids)
            latest = _first_position_of_each(
                Position.objects.all(),
                ids,
                [*chronological("participation__event"), "order", "pk"],
            )
            return [
                AffiliationMatch(
                    people[pk],
                    latest.get(pk),
                    latest[pk].participation.event if pk in latest else None,
                    Tier.NAME,
                    self._reason,
                )
                for pk in ids
            ]
        best = _first_position_of_each(
            self._positions,
            ids,
            [F("match_tier").asc(), F("participation_id").desc(), "order", "pk"],
        )
        return [
            AffiliationMatch(
                best[pk].participation.person,
                best[pk],
                best[pk].participation.event,
                int(tier),
                best[pk].match_reason,
            )
            for pk, tier in ranked
            if pk in best
        ]


def search_speakers_by_affiliation(
    affiliation: str, *, title: str = "", name: str = "", people: QuerySet | None = None
) -> AffiliationResults:
    """People who held a position at a matching organisation, best match first.

    `people`, when given, is a queryset of the people to choose among (the speakers page's
    other filters); it is used as a subquery.

    >>> [m.person.name for m in search_speakers_by_affiliation("WB")]  # doctest: +SKIP
    ['Carter J. Brandon']
    """
    title_words = [w for w in fold(title[:MAX_QUERY_LENGTH]).split() if w]
    name_key = fold(name[:MAX_QUERY_LENGTH])
    asked = fold(affiliation[:MAX_QUERY_LENGTH])
    if not (asked or title_words or name_key):
        return AffiliationResults()
    chosen = people.order_by().values("pk") if people is not None else None

    if asked:
        hits = match_organizations(affiliation)
        if not hits:
            return AffiliationResults()
        capped = hits.capped
        positions = Position.objects.at_organizations(hits)
        tiers = tuple(sorted({hit.tier for hit in hits.values()}))
    elif title_words:
        positions = Position.objects.order_by().annotate(
            match_tier=Value(int(Tier.NAME)), match_reason=Value("title")
        )
        tiers = (Tier.NAME,)
        capped = False
    else:
        named = people_named(name_key)
        if chosen is not None:
            named = named.filter(pk__in=chosen)
        return AffiliationResults(people=named, reason="name")

    for word in title_words:
        positions = positions.filter(title__icontains=word)
    if name_key:
        positions = positions.filter(participation__person__in=people_named(name_key).values("pk"))
    if chosen is not None:
        positions = positions.filter(participation__person__in=chosen)
    return AffiliationResults(positions, tiers, organizations_capped=capped)


def people_named(key: str) -> QuerySet:
    """People whose folded name, or any other written form, contains every word of `key`."""
    words = key.split()
    aliases = PersonAlias.objects.filter(*[Q(key__contains=w) for w in words]).values("person_id")
    return Person.objects.filter(
        Q(*[Q(key__contains=w) for w in words]) | Q(pk__in=aliases)
    ).order_by("key", "pk")


def _first_position_of_each(positions: QuerySet, people: list[int], order: list) -> dict:
    """Person id -> the first of their `positions` in `order`, chosen by the database: a
    person who spoke fifty times costs one row, not fifty. Only the columns a match shows
    are read."""
    if not people:
        return {}
    first = Window(RowNumber(), partition_by=F("participation__person_id"), order_by=order)
    chosen = (
        positions.filter(participation__person_id__in=people)
        .annotate(nth=first)
        .filter(nth=1)
        .select_related("organization", "participation__person", "participation__event")
        .only(*SHOWN_FIELDS)
    )
    return {position.participation.person_id: position for position in chosen}
