"""The data version goes up with every change to the public data, once per import or merge."""

from __future__ import annotations

import pytest
from django.db import IntegrityError

from core.data_version import bump_data_version, current_data_version, one_data_change
from core.models import DataVersion
from core.write_batch import WriteBatch
from curation.editing import merge_people
from events.models import Event, Topic
from tests.events.test_ingest import TEXT, extracted, ingest
from tests.factories import make_event, make_person, make_report

pytestmark = pytest.mark.django_db


def version() -> int:
    return current_data_version()[0]


def test_the_migration_creates_the_one_row():
    assert list(DataVersion.objects.values_list("pk", flat=True)) == [1]


def test_each_save_delete_and_relation_change_bumps():
    start = version()
    report = make_report()  # one save
    event = Event.objects.create(name="Summit", slug="summit")
    topic = Topic.objects.create(name="Hydrogen", slug="hydrogen")
    assert version() == start + 3
    event.topics.add(topic, through_defaults={"report": report})
    # The through rows are bulk-created: the relation's own signal bumps.
    assert version() == start + 4
    event.delete()  # the event and, cascading, its topic row
    assert version() == start + 6


def test_an_import_bumps_once_whatever_it_writes():
    start = version()
    ingest(extracted())
    assert version() == start + 1
    _, changed_at = current_data_version()
    # Another text: the same text under another name is a duplicate, which writes nothing.
    other = extracted(event_name="Blue Cities Forum", text=TEXT + " It ended at noon.")
    ingest(other, file_name="other.txt")
    assert version() == start + 2
    assert current_data_version()[1] > changed_at


def test_a_dry_run_or_a_failed_import_leaves_the_version():
    start = version()
    ingest(extracted(), dry_run=True)
    with pytest.raises(IntegrityError):
        ingest(extracted(start=(2021, None, 12)))
    assert version() == start


def test_a_merge_bumps_once():
    make_event("Summit")
    keep, dupe = make_person("Liu Yanhua"), make_person("Yanhua Liu")
    start = version()
    merge_people(keep, [dupe])
    assert version() == start + 1


def test_writes_inside_one_data_change_bump_once_at_the_end():
    start = version()
    with one_data_change():
        make_event("Summit")
        with one_data_change():
            make_event("Forum")
        assert version() == start
    assert version() == start + 1


def test_a_bump_recreates_a_missing_row():
    DataVersion.objects.all().delete()
    assert version() == 0
    bump_data_version()
    assert version() == 1


@pytest.mark.parametrize("row", ["kept", "missing"])
def test_a_bump_queued_in_a_write_batch_counts_when_the_batch_is_sent(row):
    if row == "missing":
        DataVersion.objects.all().delete()
    start, changed_at = current_data_version()
    batch = WriteBatch()
    with one_data_change(batch):
        make_event("Summit")
    batch.send()
    assert version() == start + 1
    assert current_data_version()[1] > changed_at


def test_a_request_reads_the_version_once(django_assert_num_queries):
    from core.data_version import one_version_per_request

    bump_data_version()
    with one_version_per_request(), django_assert_num_queries(1):
        first = current_data_version()
        assert current_data_version() == first
    # Outside a request every call reads the row.
    with django_assert_num_queries(2):
        current_data_version()
        current_data_version()


def test_a_change_made_by_the_request_is_read_afresh():
    from core.data_version import one_version_per_request

    with one_version_per_request():
        before = version()
        bump_data_version()  # an editor's save, inside the same request
        assert version() == before + 1
