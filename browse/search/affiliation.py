"""Find speakers by the organisations they spoke for, their titles and their names.

One entry point, `search_speakers_by_affiliation`, used by the speakers page. The organisations
matching the query are found first, each with a tier (exact name, acronym or alias, parent
organisation, partial name, similar spelling); then the people are ranked by their best tier
and name, and each is shown with their best position. Only one page is ranked and the count
stops at COUNT_CAP, so a search matching tens of thousands of people stays bounded; the
speakers page passes its other filters in as a subquery of the people to choose among.

PostgreSQL answers the substring and similar-spelling questions from GIN trigram indexes
(`people/migrations/0002_search.py`); SQLite scans the folded keys. Similar spellings are
tried only when the query as typed matches nothing: the database proposes candidate names
(pg_trgm word similarity, or shared three-letter runs on SQLite), rapidfuzz picks the
corrected words, and the corrected words are searched like a partial name, so both databases
give the same results.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import IntEnum
from functools import reduce
from operator import and_, or_

from django.db import connection
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.db.models.functions import Upper
from rapidfuzz import fuzz

from core.folding import fold
from events.models import Event, Position, chronological
from people.models import AliasKind, Organization, OrganizationAlias, Person, PersonAlias

MAX_QUERY_LENGTH = 200
# Words too common to narrow a partial match; dropped unless nothing else is left.
STOPWORDS = frozenset({"of", "the", "and", "for", "in", "on", "at", "de", "du", "la", "le", "co"})
# Similar spelling: each long query word must be this close (rapidfuzz ratio, 0-100) to a word
# of the organisation's name. One slip in an 8-letter word scores 87.5.
FUZZY_MIN_WORD_LENGTH = 4
FUZZY_MIN_SCORE = 80
# Candidates pulled from the database for the Python check; the trigram threshold is looser
# than the rapidfuzz one so PostgreSQL never drops what rapidfuzz would accept.
FUZZY_CANDIDATES = 500
TRIGRAM_WORD_THRESHOLD = 0.4
PARENT_DEPTH = 2
# Counting stops here: "1,000+ speakers" says enough, and counting 46,000 does not pay.
COUNT_CAP = 1000
# Up to this many matching positions are ranked in Python (see AffiliationResults._probe).
PROBE_POSITIONS = 5000
DOWNLOAD_BATCH = 500


class Tier(IntEnum):
    EXACT = 0
    ALIAS = 1
    PARENT = 2
    PARTIAL = 3
    FUZZY = 4
    NAME = 5  # no organisation asked for: matched by name or title only


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


@dataclass(frozen=True)
class OrganizationHit:
    organization_id: int
    tier: Tier
    reason: str


class AffiliationResults(Sequence):
    """Ranked matches, one per person; a slice runs a few bounded queries, so a Paginator can
    page it.

    Ranking is done tier by tier (exact, acronym or alias, parent, partial, similar spelling):
    each tier's people, minus those already met in a better tier, sorted by name, and only as
    many as the page needs. A broad search ("University": tens of thousands of people) thus
    reads one page of people from the name index rather than ranking everyone. The count
    stops at `COUNT_CAP` (shown as "1,000+").
    """

    def __init__(
        self,
        positions: QuerySet | None = None,
        hits: dict[int, OrganizationHit] | None = None,
        *,
        people: QuerySet | None = None,
        reason: str = "",
    ):
        self._positions = positions
        self._people = people
        self._hits = hits or {}
        self._reason = reason
        self._count: int | None = None
        self.capped = False
        # (tier, organisation ids); None when no organisation was asked for (title only).
        self._tiers: list[tuple[Tier, list[int] | None]] = (
            list(_ids_by_tier(self._hits).items()) if self._hits else [(Tier.NAME, None)]
        )

    def count(self) -> int:
        """How many people match, at most `COUNT_CAP`; `capped` says whether there are more."""
        if self._count is None:
            if self._positions is not None:
                probed = self._probe()
                seen = len({person_id for person_id, _ in self._pairs})
                if probed is not None:
                    found = len(probed)
                elif seen > COUNT_CAP:
                    found = seen  # a broad search: the bounded read already passed the cap
                else:
                    # In id order, so the planner walks people and stops at the cap rather
                    # than gathering every match of a broad search first.
                    found = self._people_in(self._all_ids()).order_by("pk")[: COUNT_CAP + 1].count()
                self.capped = found > COUNT_CAP
                self._count = min(found, COUNT_CAP)
            elif self._people is not None:
                found = self._people[: COUNT_CAP + 1].count()
                self.capped = found > COUNT_CAP
                self._count = min(found, COUNT_CAP)
            else:
                self._count = 0
        return self._count

    @property
    def count_display(self) -> str:
        count = self.count()
        return f"{count:,}+" if self.capped else f"{count:,}"

    def __len__(self) -> int:
        return self.count()

    def __getitem__(self, index):
        if isinstance(index, slice):
            return self._matches(index)
        if index < 0:
            index += len(self)
        matches = self._matches(slice(index, index + 1))
        if not matches:
            raise IndexError(index)
        return matches[0]

    def __iter__(self):
        """Every match, uncapped (for downloads), fetched in batches."""
        if self._positions is None:
            yield from self._matches(slice(None))
            return
        ranked = self._ranked_people(0, None)
        for start in range(0, len(ranked), DOWNLOAD_BATCH):
            yield from self._with_positions(ranked[start : start + DOWNLOAD_BATCH])

    def _matches(self, window: slice) -> list[AffiliationMatch]:
        if self._positions is not None:
            start, stop = window.start or 0, window.stop
            return self._with_positions(self._ranked_people(start, stop))
        if self._people is not None:
            people = list(self._people[window])
            latest = _latest_positions(people)
            return [
                AffiliationMatch(
                    person,
                    latest.get(person.pk),
                    latest[person.pk].participation.event if person.pk in latest else None,
                    Tier.NAME,
                    self._reason,
                )
                for person in people
            ]
        return []

    def _all_ids(self) -> list[int] | None:
        return list(self._hits) if self._hits else None

    def _held(self, ids: list[int] | None):
        """A position of the outer person, at one of these organisations when given."""
        held = self._positions.filter(participation__person_id=OuterRef("pk"))
        return held.filter(organization_id__in=ids) if ids is not None else held

    def _people_in(self, ids: list[int] | None) -> QuerySet:
        return Person.objects.filter(Exists(self._held(ids))).order_by().values("pk")

    def _probe(self) -> dict[int, Tier] | None:
        """Every matching person's best tier when the matching positions are few, else None.

        One bounded read of (person, organisation) pairs. When it sees them all, ranking is
        done here and needs no plan from the database: a LIMIT over the name index is fast for
        broad searches but slow for a few hundred people scattered through the alphabet.
        """
        if not hasattr(self, "_probed"):
            self._pairs = list(
                self._positions.filter(**self._at(self._all_ids())).values_list(
                    "participation__person_id", "organization_id"
                )[:PROBE_POSITIONS]
            )
            self._probed = None
            if len(self._pairs) < PROBE_POSITIONS:
                best: dict[int, Tier] = {}
                for person_id, organization_id in self._pairs:
                    hit = self._hits.get(organization_id)
                    tier = hit.tier if hit else Tier.NAME
                    if person_id not in best or tier < best[person_id]:
                        best[person_id] = tier
                self._probed = best
        return self._probed

    @staticmethod
    def _at(ids: list[int] | None) -> dict:
        return {"organization_id__in": ids} if ids is not None else {}

    def _ranked_people(self, start: int, stop: int | None) -> list[tuple[int, Tier]]:
        """(person id, tier) of the matches start..stop, best tier first, then by name."""
        probed = self._probe()
        if probed is not None:
            keys: dict[int, str] = {}
            people = list(probed)
            for first in range(0, len(people), DOWNLOAD_BATCH):
                keys.update(
                    Person.objects.filter(pk__in=people[first : first + DOWNLOAD_BATCH])
                    .order_by()
                    .values_list("pk", "key")
                )
            ranked = sorted(probed.items(), key=lambda item: (item[1], keys[item[0]], item[0]))
            return ranked[start:stop]
        ranked: list[tuple[int, Tier]] = []
        seen = 0
        better: list[int] = []
        for tier, ids in self._tiers:
            if stop is not None and seen >= stop:
                break
            people = Person.objects.filter(Exists(self._held(ids)))
            if better:
                people = people.exclude(Exists(self._held(better)))
            people = people.order_by("key", "pk").values_list("pk", flat=True)
            found = list(people if stop is None else people[: stop - seen])
            ranked += [(pk, tier) for n, pk in enumerate(found, seen) if n >= start]
            seen += len(found)
            better += ids or []
        return ranked

    def _with_positions(self, ranked: list[tuple[int, Tier]]) -> list[AffiliationMatch]:
        """Each ranked person with their best position in their tier, in one query."""
        if not ranked:
            return []
        tiers = dict(ranked)
        positions = self._positions.filter(participation__person_id__in=list(tiers))
        ids = self._all_ids()
        if ids is not None:
            positions = positions.filter(organization_id__in=ids)
        best: dict[int, object] = {}
        for position in positions.select_related(
            "organization", "participation__person", "participation__event"
        ):
            person_id = position.participation.person_id
            if self._tier_of(position) != tiers[person_id]:
                continue
            # Among a person's equally good positions, the latest recorded one.
            order = (-position.participation_id, position.order, position.pk)
            current = best.get(person_id)
            if current is None or order < (-current.participation_id, current.order, current.pk):
                best[person_id] = position
        return [self._from_position(best[pk], tier) for pk, tier in ranked if pk in best]

    def _tier_of(self, position) -> Tier:
        hit = self._hits.get(position.organization_id)
        return hit.tier if hit else Tier.NAME

    def _from_position(self, position, rank: int) -> AffiliationMatch:
        hit = self._hits.get(position.organization_id)
        reason = hit.reason if hit else self._reason
        return AffiliationMatch(
            person=position.participation.person,
            position=position,
            event=position.participation.event,
            rank=int(rank),
            reason=reason,
        )


def search_speakers_by_affiliation(
    affiliation: str, *, title: str = "", name: str = "", people: QuerySet | None = None
) -> AffiliationResults:
    """People who held a position at a matching organisation, best match first.

    `people`, when given, is a queryset of the people to choose among (the speakers page's
    other filters); it is used as a subquery.

    >>> [m.person.name for m in search_speakers_by_affiliation("WB")]  # doctest: +SKIP
    ['Carter J. Brandon']
    """
    affiliation_key = fold(affiliation[:MAX_QUERY_LENGTH])
    title_words = [w for w in fold(title[:MAX_QUERY_LENGTH]).split() if w]
    name_key = fold(name[:MAX_QUERY_LENGTH])
    if not (affiliation_key or title_words or name_key):
        return AffiliationResults()
    chosen = people.order_by().values("pk") if people is not None else None

    hits: dict[int, OrganizationHit] = {}
    if affiliation_key:
        hits = find_organizations(affiliation, affiliation_key)
        if not hits:
            return AffiliationResults()
    elif not title_words:
        named = people_named(name_key)
        if chosen is not None:
            named = named.filter(pk__in=chosen)
        return AffiliationResults(people=named, reason="name")

    # order_by(): the default ordering joins every row to its event, for nothing here.
    positions = Position.objects.order_by()
    for word in title_words:
        positions = positions.filter(title__icontains=word)
    if name_key:
        positions = positions.filter(participation__person__in=people_named(name_key).values("pk"))
    if chosen is not None:
        positions = positions.filter(participation__person__in=chosen)
    return AffiliationResults(positions, hits, reason="title" if title_words else "name")


def people_named(key: str) -> QuerySet:
    """People whose folded name, or any other written form, contains every word of `key`."""
    words = key.split()
    aliases = PersonAlias.objects.filter(*[Q(key__contains=w) for w in words]).values("person_id")
    return Person.objects.filter(
        Q(*[Q(key__contains=w) for w in words]) | Q(pk__in=aliases)
    ).order_by("key", "pk")


def find_organizations(text: str, key: str) -> dict[int, OrganizationHit]:
    """Organisations matching `key` (folded `text`), each with its best tier and a reason."""
    hits: dict[int, OrganizationHit] = {}

    def add(organization_id: int, tier: Tier, reason: str) -> None:
        if organization_id not in hits or tier < hits[organization_id].tier:
            hits[organization_id] = OrganizationHit(organization_id, tier, reason)

    named = (
        Organization.objects.annotate(acronym_upper=Upper("acronym"))
        .filter(Q(key=key) | Q(acronym_upper=key.upper()))
        .values_list("pk", "key", "acronym")
    )
    for pk, organization_key, acronym in named:
        if organization_key == key:
            add(pk, Tier.EXACT, "exact organisation")
        else:
            add(pk, Tier.ALIAS, f"via acronym {acronym}")
    for pk, alias, kind in OrganizationAlias.objects.filter(key=key).values_list(
        "organization_id", "name", "kind"
    ):
        add(pk, Tier.ALIAS, _alias_reason(alias, kind))

    _add_units(hits, add)

    words = _partial_words(key)
    if words:
        contains_all = reduce(and_, (Q(key__contains=w) for w in words))
        for pk in Organization.objects.filter(contains_all).values_list("pk", flat=True):
            add(pk, Tier.PARTIAL, "partial name")
        for pk in OrganizationAlias.objects.filter(contains_all).values_list(
            "organization_id", flat=True
        ):
            add(pk, Tier.PARTIAL, "partial name")

    # Similar spellings only when the query as typed found nothing: a typo, not a near miss.
    if not hits:
        for pk, reason in _similar_spellings(text, key):
            add(pk, Tier.FUZZY, reason)
    return hits


def _alias_reason(alias: str, kind: str) -> str:
    if kind == AliasKind.ACRONYM:
        return f"via acronym {alias}"
    if kind == AliasKind.MERGED:
        return f"via former record {alias}"
    return f"via alias {alias}"


def _add_units(hits: dict[int, OrganizationHit], add) -> None:
    """Units of the exactly-named organisations: institutes of a university, and theirs."""
    parents = {pk for pk, hit in hits.items() if hit.tier <= Tier.ALIAS}
    parent_names: dict[int, str] = {}
    for _ in range(PARENT_DEPTH):
        if not parents:
            return
        units = Organization.objects.filter(parent_id__in=parents).values_list(
            "pk", "parent_id", "parent__name"
        )
        found = set()
        for pk, parent_id, parent_name in units:
            # A grandchild names the organisation the user asked for, not its own parent.
            named = parent_names.get(parent_id, parent_name)
            parent_names[pk] = named
            add(pk, Tier.PARENT, f"via parent organisation {named}")
            found.add(pk)
        parents = found


def _partial_words(key: str) -> list[str]:
    words = key.split()
    meaningful = [w for w in words if w not in STOPWORDS]
    return meaningful or words


def _fuzzy_words(key: str) -> list[str]:
    return [w for w in _partial_words(key) if len(w) >= FUZZY_MIN_WORD_LENGTH]


def _similar_spellings(text: str, key: str) -> list[tuple[int, str]]:
    """(organisation id, reason) for names with words spelt like the query's.

    Each long query word is corrected to the closest words (rapidfuzz) found in a bounded set
    of candidate names; then every organisation containing the corrected words is found with
    the same substring query as a partial match, so no candidate cap drops results.
    """
    words = _fuzzy_words(key)
    if not words:
        return []
    corrections: dict[str, set[str]] = {w: set() for w in words}
    shown: dict[str, str] = {}
    for candidate_key, name in _fuzzy_candidates(key, words):
        candidate_words = candidate_key.split()
        for word in words:
            for candidate_word in candidate_words:
                if candidate_word != word and fuzz.ratio(word, candidate_word) >= FUZZY_MIN_SCORE:
                    corrections[word].add(candidate_word)
        for written in name.split():
            shown.setdefault(fold(written), written.strip(",.()"))
    if not any(corrections.values()):
        return []
    # A word already spelt right stays as it is; one with no close word sinks the search.
    matches = Q()
    for word, close in corrections.items():
        if not close and word not in shown:
            return []
        matches &= reduce(or_, (Q(key__contains=w) for w in sorted(close | {word})))
    originals = {fold(w): w for w in text.split()}
    results: dict[int, str] = {}
    rows = [
        *Organization.objects.filter(matches).values_list("pk", "key"),
        *OrganizationAlias.objects.filter(matches).values_list("organization_id", "key"),
    ]
    for pk, organization_key in rows:
        present = set(organization_key.split())
        described = [
            f"{originals.get(word, word)} ≈ {shown.get(fixed, fixed)}"
            for word, close in corrections.items()
            for fixed in sorted(close & present)[:1]
            if word not in present
        ]
        if described and pk not in results:
            results[pk] = "similar spelling: " + ", ".join(described)
    return list(results.items())


def _fuzzy_candidates(key: str, words: list[str]) -> list[tuple[str, str]]:
    """(folded key, written name) of a bounded set of names that may hold close words."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT set_config('pg_trgm.word_similarity_threshold', %s, false)",
                [str(TRIGRAM_WORD_THRESHOLD)],
            )
        similar = reduce(or_, (Q(key__trigram_word_similar=w) for w in words))
    else:
        # SQLite has no trigram index: a key sharing any three letters with a query word is a
        # candidate, which rapidfuzz then judges. A full scan, fine at SQLite sizes.
        grams = {w[i : i + 3] for w in words for i in range(len(w) - 2)}
        similar = reduce(or_, (Q(key__contains=g) for g in sorted(grams)))
    return [
        *Organization.objects.filter(similar).values_list("key", "name")[:FUZZY_CANDIDATES],
        *OrganizationAlias.objects.filter(similar).values_list("key", "name")[:FUZZY_CANDIDATES],
    ]


def _ids_by_tier(hits: dict[int, OrganizationHit]) -> dict[Tier, list[int]]:
    by_tier: dict[Tier, list[int]] = {}
    for pk, hit in hits.items():
        by_tier.setdefault(hit.tier, []).append(pk)
    return dict(sorted(by_tier.items()))


def _latest_positions(people: list[Person]) -> dict[int, Position]:
    """Each person's most recent position (first listed), in one query."""
    if not people:
        return {}
    positions = (
        Position.objects.filter(participation__person__in=people)
        .select_related("organization", "participation__event")
        .order_by(*chronological("participation__event"), "order", "pk")
    )
    latest: dict[int, object] = {}
    for position in positions:
        latest.setdefault(position.participation.person_id, position)
    return latest
