"""SQLite's full-text indexes (events.fulltext): kept by triggers, used by /search/."""

from __future__ import annotations

import pytest
from django.db import connection

from browse.search import everything
from browse.search.everything import search_everything
from events.fulltext import SQLITE_INDEXED, after_migrate
from events.models import Event, Report
from tests.factories import make_event, make_report

pytestmark = pytest.mark.sqlite


def fts_ids(table: str, match: str) -> list[int]:
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT rowid FROM {table}_fts WHERE {table}_fts MATCH %s ORDER BY rowid", [match]
        )
        return [pk for (pk,) in cursor.fetchall()]


def titles(results, kind) -> list[str]:
    group = next(g for g in results.groups if g.kind == kind)
    return ["".join(s.text for s in hit.title) for hit in group.hits]


@pytest.mark.django_db
def test_triggers_keep_the_index_on_insert_update_and_delete():
    report = make_report("The forum discussed perovskite cells.", title="Solar forum")
    assert fts_ids("events_report", '"perovskite"*') == [report.pk]
    Report.objects.filter(pk=report.pk).update(text="Nothing about cells now.")
    assert fts_ids("events_report", '"perovskite"*') == []
    assert fts_ids("events_report", '"cells"*') == [report.pk]
    report.delete()
    assert fts_ids("events_report", '"cells"*') == []


@pytest.mark.django_db
def test_accents_fold_as_unaccent_does():
    event = make_event("Forum with Bojan Lalić", venue="Café Zürich")
    assert fts_ids("events_event", '"lalic"*') == [event.pk]
    assert fts_ids("events_event", '"zur"*') == [event.pk]


@pytest.mark.django_db
def test_search_reads_the_index_not_a_regular_expression():
    make_event("Low-carbon transition forum")
    make_event("Carbonate chemistry day")
    make_event("Water summit", venue="Carbon Hall")
    make_event("Unrelated meeting")
    assert isinstance(everything._backend(("carbon",)), everything._SqliteBackend)
    results = search_everything("carbon")
    # Name matches first, then the venue; a word start, not a substring.
    assert titles(results, "events") == [
        "Carbonate chemistry day",
        "Low-carbon transition forum",
        "Water summit",
    ]
    assert next(g for g in results.groups if g.kind == "events").count == 3


@pytest.mark.django_db(transaction=True)
def test_a_table_rebuilt_by_a_migration_gets_its_triggers_back():
    # SQLite drops a table's triggers when Django remakes the table (AlterField and the like).
    with connection.cursor() as cursor:
        cursor.execute("DROP TRIGGER events_event_fts_insert")
    make_event("Hydrogen valley summit")  # written while the trigger is missing
    assert not everything.sqlite_index_ready(connection, "events_event")
    assert type(everything._backend(("hydrogen",))) is everything._PlainBackend
    after_migrate(sender=None, using="default")
    assert all(everything.sqlite_index_ready(connection, table) for table in SQLITE_INDEXED)
    event = Event.objects.get(name="Hydrogen valley summit")
    assert fts_ids("events_event", '"hydrogen"*') == [event.pk]
