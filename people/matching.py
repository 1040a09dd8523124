"""The one organisation matcher: which organisations a few words of a name mean.

`Organization.objects.matching(text)` (and through it the speakers page's `?affiliation=`
and the organisations of /search/) finds the organisations matching the query, each with a
tier (exact name, acronym or alias, parent organisation, partial name, similar spelling) and
a reason to show.

PostgreSQL answers the substring and similar-spelling questions from GIN trigram indexes
(`people/migrations/0002_search.py`); SQLite scans the folded keys. Similar spellings are
tried only when the query as typed matches nothing: the database proposes candidate names
(pg_trgm word similarity, or shared three-letter runs on SQLite), rapidfuzz picks the
corrected words, and the corrected words are searched like a partial name, the names with
the closest words first and at most FUZZY_ORGANIZATIONS of them, so both databases give the
same results and a misspelt common word costs what a rare one does.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum
from functools import reduce
from operator import and_, or_

from django.db import connection
from django.db.models import Case, CharField, IntegerField, Q, QuerySet, Value, When
from django.db.models.functions import Upper
from rapidfuzz import fuzz

from core.data_version import counted_once
from core.folding import fold
from core.id_lists import among
from people.models import AliasKind, Organization, OrganizationAlias

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
# Similar spelling lists the people of at most this many organisations, the closest first.
FUZZY_ORGANIZATIONS = 50
# A partial name keeps at most this many organisations (in name order); see OrganizationHits.
PARTIAL_LIMIT = 200
TRIGRAM_WORD_THRESHOLD = 0.4
PARENT_DEPTH = 2


class Tier(IntEnum):
    EXACT = 0
    ALIAS = 1
    PARENT = 2
    PARTIAL = 3
    FUZZY = 4
    NAME = 5  # no organisation asked for: matched by name or title only


@dataclass(frozen=True)
class OrganizationHit:
    organization_id: int
    tier: Tier
    reason: str


class OrganizationHits(dict):
    """{organisation id: OrganizationHit}; `capped` when more names matched in part than
    PARTIAL_LIMIT, the ones beyond it (in name order) left out."""

    capped = False


def find_organizations(text: str, key: str) -> OrganizationHits:
    """Organisations matching `key` (folded `text`), each with its best tier and a reason."""
    hits = OrganizationHits()

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
        # A common word ("carbon") is part of thousands of names: the first PARTIAL_LIMIT in
        # name order are kept, read through the name index, and the hits say they are capped.
        contains_all = reduce(and_, (Q(key__contains=w) for w in words))
        partial = {
            *Organization.objects.filter(contains_all)
            .order_by("name", "pk")
            .values_list("pk", flat=True)[: PARTIAL_LIMIT + 1],
            *OrganizationAlias.objects.filter(contains_all)
            .order_by("name", "pk")
            .values_list("organization_id", flat=True)[: PARTIAL_LIMIT + 1],
        }
        if len(partial) > PARTIAL_LIMIT:
            hits.capped = True
            kept = Organization.objects.filter(pk__in=partial).order_by("name", "pk")
            partial = kept.values_list("pk", flat=True)[:PARTIAL_LIMIT]
        for pk in partial:
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
    of candidate names; then the organisations containing the corrected words are found with
    the same substring query as a partial match, the FUZZY_ORGANIZATIONS closest kept.
    """
    words = _fuzzy_words(key)
    if not words:
        return []
    corrections: dict[str, set[str]] = {w: set() for w in words}
    shown: dict[str, str] = {}
    candidate_words: set[str] = set()
    for candidate_key, name in _fuzzy_candidates(key, words):
        candidate_words.update(candidate_key.split())
        for written in name.split():
            shown.setdefault(fold(written), written.strip(",.()"))
    # Each distinct word once: the candidates repeat the few words near the query.
    for word in words:
        for candidate_word in candidate_words:
            if candidate_word != word and fuzz.ratio(word, candidate_word) >= FUZZY_MIN_SCORE:
                corrections[word].add(candidate_word)
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
    for pk, organization_key in _closest_named(matches, corrections):
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


def _closest_named(matches: Q, corrections: dict[str, set[str]]) -> list[tuple[int, str]]:
    """(organisation id, key) of the FUZZY_ORGANIZATIONS names holding the closest words.

    A common word misspelt ("Tehcnology") names thousands of organisations; the people
    search then reads one page of people at the best-spelt fifty, chosen in the database:
    each name scores the rapidfuzz ratio of the word it holds for each query word, the
    names (and aliases) are sorted by that score, then by name, and cut with LIMIT.
    """
    score = sum(
        (
            Case(
                When(key__contains=word, then=Value(100)),
                *(
                    When(key__contains=close, then=Value(round(fuzz.ratio(word, close))))
                    for close in sorted(close_words, key=lambda c: (-fuzz.ratio(word, c), c))
                ),
                default=Value(0),
                output_field=IntegerField(),
            )
            for word, close_words in corrections.items()
            if close_words
        ),
        Value(0),
    )
    organizations = (
        Organization.objects.filter(matches)
        .annotate(score=score)
        .order_by("-score", "name", "pk")
        .values_list("pk", "key", "score", "name")[:FUZZY_ORGANIZATIONS]
    )
    aliases = (
        OrganizationAlias.objects.filter(matches)
        .annotate(score=score)
        .order_by("-score", "name", "pk")
        .values_list("organization_id", "key", "score", "name")[:FUZZY_ORGANIZATIONS]
    )
    rows = sorted([*organizations, *aliases], key=lambda row: (-row[2], row[3], row[0]))
    return [(pk, key) for pk, key, _, _ in rows[:FUZZY_ORGANIZATIONS]]


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
        *_first(Organization.objects.filter(similar).values_list("key", "name")),
        *_first(OrganizationAlias.objects.filter(similar).values_list("key", "name")),
    ]


def _first(rows: QuerySet) -> list[tuple]:
    """The first FUZZY_CANDIDATES rows, read through the trigram index on PostgreSQL.

    With a LIMIT, PostgreSQL prices the similarity test as cheap and scans the table
    (20,000 similarity tests); planned apart from the LIMIT, in a materialised CTE that is
    read lazily, the GIN index answers and the scan stops at the limit.
    """
    if connection.vendor != "postgresql":
        return list(rows.order_by()[:FUZZY_CANDIDATES])
    sql, params = rows.order_by().query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(
            f"WITH found AS MATERIALIZED ({sql}) SELECT * FROM found LIMIT %s",
            [*params, FUZZY_CANDIDATES],
        )
        return cursor.fetchall()


def _ids_by_tier(hits: dict[int, OrganizationHit]) -> dict[Tier, list[int]]:
    by_tier: dict[Tier, list[int]] = {}
    for pk, hit in hits.items():
        by_tier.setdefault(hit.tier, []).append(pk)
    return dict(sorted(by_tier.items()))


def match_organizations(text: str) -> OrganizationHits:
    """Matching organisations by id, each with its best tier and reason; empty for no words."""
    key = fold(text[:MAX_QUERY_LENGTH])
    if not key:
        return OrganizationHits()
    # Matched once per text between two data changes: a misspelt word costs a trigram
    # search, a thousand word comparisons and a scored query, for an answer only the data
    # changes.
    asked = text[:MAX_QUERY_LENGTH]
    return counted_once(f"organizations:{asked}", lambda: find_organizations(asked, key))


def tier_of(hits: dict[int, OrganizationHit], field: str = "pk") -> Case:
    """The tier of the row's organisation (`field` names its id) as a database value."""
    by_tier = _ids_by_tier(hits)
    return Case(
        *(When(among(field, ids), then=Value(int(tier))) for tier, ids in by_tier.items()),
        default=Value(int(Tier.NAME)),
        output_field=IntegerField(),
    )


def reason_of(hits: dict[int, OrganizationHit], field: str = "pk") -> Case:
    """The reason shown beside a match, one `When` per distinct reason."""
    by_reason: dict[str, list[int]] = {}
    for pk, hit in hits.items():
        by_reason.setdefault(hit.reason, []).append(pk)
    return Case(
        *(When(among(field, ids), then=Value(reason)) for reason, ids in by_reason.items()),
        default=Value(""),
        output_field=CharField(),
    )
