"""Duplicate candidates: pairs of people, organisations or events that may be one record.

Never all pairs: records are grouped by blocking keys (the same words in any order, an
acronym, an earlier name, a name without its country, a unit with its parent's words, an
affiliation at an event, a date and city), and near spellings are looked for only between
neighbours in two sorted orders of the names (the sorted-neighbourhood method). The work grows
with the number of records times a small window, so 100,000 people take seconds, not hours.
Each pair keeps the reasons it was found for and a score; pairs an editor marked "not the
same" are never proposed again.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from django.db import transaction
from rapidfuzz import fuzz

from curation.models import DistinctPair, DuplicateCandidate, DuplicateReason, RecordKind
from events.ingest import serialize_ingests
from events.models import Event, Position
from people.models import Organization, OrganizationAlias, Person, PersonAlias

# How many neighbours each name is compared with in each sorted order.
WINDOW = 6
# A block larger than this is a common word, not a likely duplicate: it is skipped.
MAX_BLOCK = 25
# fuzz.ratio from which two different spellings count as "spelt almost the same".
NEAR_SPELLING = 90
BATCH = 2000

WEIGHTS = {
    DuplicateReason.SAME_NAME: 0.7,
    DuplicateReason.TOKEN_ORDER: 0.8,
    DuplicateReason.ACRONYM: 0.7,
    DuplicateReason.EDIT_DISTANCE: 0.75,
    DuplicateReason.SHARED_CONTEXT: 0.5,
    DuplicateReason.UNIT_OF_PARENT: 0.7,
    DuplicateReason.COUNTRY_ADDED: 0.8,
    DuplicateReason.SAME_DATE_PLACE: 0.5,
}
# Words an organisation's initials skip: "World Resources Institute" -> WRI.
MINOR_WORDS = {"of", "the", "and", "for", "on", "in", "at", "to", "de"}
# Written after a name to say which country's branch or body it is.
COUNTRY_TAIL = re.compile(
    r"""
    (?:\s+of)?\s+              # "Ministry of Ecology and Environment of China"
    (?:the\s+)?                # "... of the PRC"
    (?:china|prc|peoples\s+republic\s+of\s+china)$   # "World Resources Institute China"
    """,
    re.VERBOSE,
)


@dataclass(frozen=True)
class Named:
    pk: int
    key: str

    @property
    def words(self) -> str:
        return " ".join(sorted(self.key.split()))


class Pairs:
    """Candidate pairs with their reasons, keyed by (smaller pk, larger pk)."""

    def __init__(self, distinct: set[tuple[int, int]]):
        self.reasons: dict[tuple[int, int], set[str]] = defaultdict(set)
        self.distinct = distinct
        self.compared = 0  # spelling comparisons made: the work the blocking bounds

    def add(self, a: int, b: int, reason: str) -> None:
        if a == b:
            return
        pair = (a, b) if a < b else (b, a)
        if pair not in self.distinct:
            self.reasons[pair].add(reason)

    def add_block(self, members: Iterable[int], reason: str) -> None:
        members = sorted(set(members))
        if len(members) > MAX_BLOCK:
            return
        for i, a in enumerate(members):
            for b in members[i + 1 :]:
                self.add(a, b, reason)

    def add_groups(self, records: Iterable[Named], key, reason: str) -> None:
        groups = defaultdict(list)
        for record in records:
            value = key(record)
            if value:
                groups[value].append(record.pk)
        for members in groups.values():
            if len(members) > 1:
                self.add_block(members, reason)

    def add_near_spellings(self, records: list[Named], key=lambda r: r.key) -> None:
        """Sorted neighbourhood: compare each name with the next few in two orders."""
        for order in (key, lambda r: key(r)[::-1]):
            ranked = sorted(records, key=order)
            for i, record in enumerate(ranked):
                for other in ranked[i + 1 : i + 1 + WINDOW]:
                    a, b = key(record), key(other)
                    self.compared += 1
                    if a != b and len(a) >= 6 and fuzz.ratio(a, b) >= NEAR_SPELLING:
                        self.add(record.pk, other.pk, DuplicateReason.EDIT_DISTANCE)


def score(reasons: set[str]) -> float:
    """Independent pieces of evidence: 1 - product of (1 - weight)."""
    missing = 1.0
    for reason in reasons:
        missing *= 1 - WEIGHTS[reason]
    return round(1 - missing, 3)


def distinct_pairs(kind: str) -> set[tuple[int, int]]:
    return set(DistinctPair.objects.filter(kind=kind).values_list("first_id", "second_id"))


# ---------------------------------------------------------------- per kind


def find_people(pairs: Pairs) -> None:
    people = [Named(pk, key) for pk, key in Person.objects.values_list("pk", "key") if key]
    pairs.add_groups(people, lambda r: r.key, DuplicateReason.SAME_NAME)
    pairs.add_groups(
        [p for p in people if p.words != p.key] + people,
        lambda r: r.words,
        DuplicateReason.TOKEN_ORDER,
    )
    drop_same_name_token_order(pairs, {p.pk: p.key for p in people})
    by_key = defaultdict(list)
    for person in people:
        by_key[person.key].append(person.pk)
    for owner, key in PersonAlias.objects.values_list("person_id", "key"):
        for other in by_key.get(key, [])[:MAX_BLOCK]:
            pairs.add(owner, other, DuplicateReason.ACRONYM)
    pairs.add_near_spellings(people)
    # Two people holding a position at the same organisation at the same event.
    together = defaultdict(set)
    for person, event, org in Position.objects.filter(organization__isnull=False).values_list(
        "participation__person_id", "participation__event_id", "organization_id"
    ):
        together[(event, org)].add(person)
    keys = {p.pk: p.key for p in people}
    for members in together.values():
        if 1 < len(members) <= MAX_BLOCK:
            members = sorted(members)
            for i, a in enumerate(members):
                for b in members[i + 1 :]:
                    if shares_a_word(keys.get(a, ""), keys.get(b, "")):
                        pairs.add(a, b, DuplicateReason.SHARED_CONTEXT)


def find_organizations(pairs: Pairs) -> None:
    rows = list(Organization.objects.values_list("pk", "key", "acronym", "parent_id"))
    orgs = [Named(pk, key) for pk, key, _, _ in rows if key]
    keys = {o.pk: o.key for o in orgs}
    pairs.add_groups(orgs, lambda r: r.key, DuplicateReason.SAME_NAME)
    pairs.add_groups(orgs, lambda r: content_words(r.key), DuplicateReason.TOKEN_ORDER)
    drop_same_name_token_order(pairs, keys)
    pairs.add_groups(orgs, lambda r: without_country(r.key) or r.key, DuplicateReason.COUNTRY_ADDED)
    for pair, reasons in pairs.reasons.items():
        if DuplicateReason.COUNTRY_ADDED in reasons and keys[pair[0]] == keys[pair[1]]:
            reasons.discard(DuplicateReason.COUNTRY_ADDED)
    # An acronym, or an earlier written form, that is another organisation's name.
    by_key = defaultdict(list)
    by_acronym = defaultdict(list)
    for pk, key, acronym, _ in rows:
        by_key[key].append(pk)
        if acronym:
            by_acronym[acronym.upper()].append(pk)
    for pk, key, _, _ in rows:
        short = initials(key)
        # Another organisation whose acronym, or whose whole name, is these initials.
        for other in [*by_acronym.get(short, []), *by_key.get(short.lower(), [])][:MAX_BLOCK]:
            pairs.add(pk, other, DuplicateReason.ACRONYM)
    for owner, key in OrganizationAlias.objects.values_list("organization_id", "key"):
        for other in by_key.get(key, [])[:MAX_BLOCK]:
            pairs.add(owner, other, DuplicateReason.ACRONYM)
    pairs.add_near_spellings(
        [Named(o.pk, without_country(o.key) or o.key) for o in orgs],
    )
    # "Institute of Energy, Tsinghua University" beside the institute filed under its parent.
    by_words = defaultdict(list)
    for org in orgs:
        by_words[content_words(org.key)].append(org.pk)
    for pk, key, _, parent in rows:
        if parent and parent in keys:
            combined = content_words(f"{key} {keys[parent]}")
            for other in by_words.get(combined, [])[:MAX_BLOCK]:
                if other not in (pk, parent):
                    pairs.add(pk, other, DuplicateReason.UNIT_OF_PARENT)


def find_events(pairs: Pairs) -> None:
    rows = list(
        Event.objects.values_list("pk", "key", "start_year", "start_month", "start_day", "city_id")
    )
    events = [Named(pk, key) for pk, key, *_ in rows if key]
    keys = {e.pk: e.key for e in events}
    pairs.add_groups(events, lambda r: r.key, DuplicateReason.SAME_NAME)
    pairs.add_groups(events, lambda r: content_words(r.key), DuplicateReason.TOKEN_ORDER)
    drop_same_name_token_order(pairs, keys)
    pairs.add_near_spellings(events)
    same_day = defaultdict(list)
    for pk, _, year, month, day, city in rows:
        if year and month and day and city:
            same_day[(year, month, day, city)].append(pk)
    for members in same_day.values():
        if 1 < len(members) <= MAX_BLOCK:
            for i, a in enumerate(members):
                for b in members[i + 1 :]:
                    if shares_a_word(keys.get(a, ""), keys.get(b, ""), minimum=2):
                        pairs.add(a, b, DuplicateReason.SAME_DATE_PLACE)


# ---------------------------------------------------------------- name keys


def content_words(key: str) -> str:
    return " ".join(sorted(w for w in key.split() if w not in MINOR_WORDS))


def without_country(key: str) -> str:
    stripped = COUNTRY_TAIL.sub("", key)
    return stripped if stripped != key else ""


def initials(key: str) -> str:
    words = [w for w in key.split() if w not in MINOR_WORDS]
    return "".join(w[0] for w in words).upper() if len(words) >= 2 else ""


def shares_a_word(a: str, b: str, *, minimum: int = 1) -> bool:
    return len((set(a.split()) - MINOR_WORDS) & (set(b.split()) - MINOR_WORDS)) >= minimum


def drop_same_name_token_order(pairs: Pairs, keys: dict[int, str]) -> None:
    """The same name is not "the same words in another order"."""
    for (a, b), reasons in pairs.reasons.items():
        if keys.get(a) == keys.get(b):
            reasons.discard(DuplicateReason.TOKEN_ORDER)


MODELS = {RecordKind.PERSON: Person, RecordKind.ORGANIZATION: Organization, RecordKind.EVENT: Event}
FINDERS = {
    RecordKind.PERSON: find_people,
    RecordKind.ORGANIZATION: find_organizations,
    RecordKind.EVENT: find_events,
}


def find_candidates(kind: str) -> Pairs:
    pairs = Pairs(distinct_pairs(kind))
    FINDERS[kind](pairs)
    pairs.reasons = {pair: reasons for pair, reasons in pairs.reasons.items() if reasons}
    return pairs


def refresh_duplicate_candidates(kinds: Iterable[str] = tuple(RecordKind.values)) -> dict:
    """Recompute and store the candidates of each kind; return how many of each."""
    counts = {}
    for kind in kinds:
        found = find_candidates(kind).reasons
        with transaction.atomic():
            # Written in turn with the imports: none deletes a record of a pair meanwhile,
            # and two refreshes after two concurrent imports do not interleave.
            serialize_ingests()
            exists = set(MODELS[kind].objects.values_list("pk", flat=True))
            found = {pair: sorted(r) for pair, r in found.items() if exists.issuperset(pair)}
            write_changes(kind, found)
        counts[kind] = len(found)
    return counts


def write_changes(kind: str, found: dict[tuple[int, int], list[str]]) -> None:
    """Store `found` as the candidates of `kind`, writing only the pairs that changed.

    An import changes a few pairs among a hundred thousand: deleting and writing them all
    again took most of a small import's time at 100,000 people. Pairs found again keep the
    time they were first found.
    """
    stored = {
        (first, second): (pk, reasons)
        for pk, first, second, reasons in DuplicateCandidate.objects.filter(kind=kind)
        .order_by()
        .values_list("pk", "first_id", "second_id", "reasons")
    }
    gone = [pk for pair, (pk, reasons) in stored.items() if found.get(pair) != reasons]
    for start in range(0, len(gone), BATCH):
        DuplicateCandidate.objects.filter(pk__in=gone[start : start + BATCH]).delete()
    DuplicateCandidate.objects.bulk_create(
        (
            DuplicateCandidate(
                kind=kind,
                first_id=a,
                second_id=b,
                reasons=reasons,
                score=score(set(reasons)),
                **{f"{kind}_a_id": a, f"{kind}_b_id": b},
            )
            for (a, b), reasons in found.items()
            if stored.get((a, b), (None, None))[1] != reasons
        ),
        batch_size=BATCH,
    )


def refresh_after_import(sender=None, results=(), **kwargs) -> None:
    """Receiver of `events.signals.reports_loaded`: after an import that wrote something."""
    if any(r.status in ("created", "updated") for r in results):
        refresh_duplicate_candidates()
