"""What one report costs the database: a bounded number of statements, not one per row."""

import hashlib
from pathlib import Path

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from events import ingest
from events.ingest import serialize_ingests
from events.loading import load_report_file, skip_before_extracting, skip_many_before_extracting

ROOT = Path(__file__).resolve().parent.parent.parent
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
# Reports of every size: no speaker to 30, one organisation to 20.
REPORTS = SEEDS + sorted((ROOT / "tests" / "extraction" / "reports").glob("*.txt"))[:40]
# Measured on the seeds into an empty database: 217-494 statements per report with an
# update_or_create per relation row and a query per lookup; 66-136 with relation rows and
# review items written in bulk, tombstones and the people and organisations a report names
# read up front; 28-48 (seeds and test reports, PostgreSQL's lock included) with new records
# written by one INSERT per model, their slugs claimed by one query per model, and aliases,
# cities, topics, participations and positions read in one query per kind. On PostgreSQL a
# new report's relation rows, review items, admin log entries and history rows then go in one
# round trip of several INSERTs (core.write_batch): 19-35 round trips. What is left is per
# model or per event, not per name.
MAX_STATEMENTS_PER_REPORT = 50
# On PostgreSQL the reads that need no other's answer go together too (core.read_batch): the
# report's tombstones, the report, what its names may match, the import account and the slugs
# it will meet up front, each event's candidates with its slugs, the new records' slugs. With
# the data version bump, new positions and aliases in the last round trip: 12-20 round trips.
MAX_ROUND_TRIPS_PER_REPORT = 22
# A report loaded again with a changed text also reads what it said before, to remove what it
# no longer says: measured 47-52.
MAX_STATEMENTS_PER_CHANGED_REPORT = 60


def statements_per_report(paths) -> dict[str, int]:
    counts = {}
    for path in paths:
        with CaptureQueriesContext(connection) as queries:
            outcome = load_report_file(path)
        assert outcome.failed is False, outcome.error
        counts[path.name] = (outcome.result.status, len(queries))
    return counts


@pytest.mark.django_db
def test_loading_a_report_costs_a_bounded_number_of_statements():
    # The first report also creates the import account and the data version row.
    load_report_file(REPORTS[0])
    counts = statements_per_report(REPORTS[1:])
    assert {status for status, _ in counts.values()} == {"created"}
    over = {name: n for name, (_, n) in counts.items() if n > MAX_STATEMENTS_PER_REPORT}
    assert over == {}


@pytest.mark.postgresql
@pytest.mark.django_db
def test_on_postgresql_a_report_costs_fewer_round_trips():
    load_report_file(REPORTS[0])
    counts = statements_per_report(REPORTS[1:])
    over = {name: n for name, (_, n) in counts.items() if n > MAX_ROUND_TRIPS_PER_REPORT}
    assert over == {}


@pytest.mark.django_db
def test_a_report_costs_the_same_statements_whatever_its_number_of_speakers():
    # Not one statement more per person, organisation or position: the seeds name 2 to 8
    # speakers and 4 to 14 organisations, all new.
    load_report_file(REPORTS[-1])
    counts = [n for _, n in statements_per_report(SEEDS).values()]
    assert max(counts) - min(counts) <= 15, counts


@pytest.mark.django_db
def test_a_changed_report_costs_a_bounded_number_of_statements(tmp_path):
    for path in SEEDS:
        load_report_file(path)
    changed = []
    for path in SEEDS:
        copy = tmp_path / path.name
        copy.write_text(path.read_text(encoding="utf-8") + "\nA closing note.\n", "utf-8")
        changed.append(copy)
    counts = statements_per_report(changed)
    assert {status for status, _ in counts.values()} == {"updated"}
    over = {name: n for name, (_, n) in counts.items() if n > MAX_STATEMENTS_PER_CHANGED_REPORT}
    assert over == {}


@pytest.mark.django_db
def test_an_unchanged_report_costs_two_statements():
    for path in SEEDS:
        load_report_file(path)
    for path in SEEDS:
        with CaptureQueriesContext(connection) as queries:
            outcome = load_report_file(path)
        assert (outcome.result.status, len(queries)) == ("unchanged", 2)


@pytest.mark.django_db
def test_which_reports_need_extracting_is_asked_in_two_statements_for_many():
    for path in SEEDS:
        load_report_file(path)
    shas = [hashlib.sha256(path.read_bytes()).hexdigest() for path in SEEDS]
    pairs = [(path.name, sha) for path, sha in zip(SEEDS, shas, strict=True)]
    pairs += [("copy.txt", shas[0]), ("new.txt", "0" * 64), (SEEDS[1].name, "1" * 64)]
    with CaptureQueriesContext(connection) as queries:
        many = skip_many_before_extracting(pairs)
    assert len(queries) == 2
    one_by_one = [skip_before_extracting(name, sha) for name, sha in pairs]
    assert [repr(skip) for skip in many] == [repr(skip) for skip in one_by_one]
    assert many[-3] == {"notice": f"same text as {SEEDS[0].name}; skipped"}
    assert many[-2:] == [None, None]


def synchronous_commit() -> str:
    with connection.cursor() as cursor:
        cursor.execute("SHOW synchronous_commit")
        return cursor.fetchone()[0]


@pytest.mark.postgresql
@pytest.mark.django_db(transaction=True)
def test_on_postgresql_an_ingest_commits_without_waiting_for_the_disk(monkeypatch):
    # Only inside the ingest's own transaction: what runs after it (a queue job marked done,
    # an editor's save) waits for the disk again, and so makes the ingest durable with it.
    seen = []
    locked = ingest._Ingest.load

    def spying(*args, **kwargs):
        seen.append(synchronous_commit())
        return locked(*args, **kwargs)

    monkeypatch.setattr(ingest._Ingest, "load", spying)
    assert synchronous_commit() == "on"
    outcome = load_report_file(SEEDS[0])
    assert outcome.result.status == "created"
    assert seen == ["off"]
    assert synchronous_commit() == "on"


@pytest.mark.postgresql
@pytest.mark.django_db(transaction=True)
def test_on_postgresql_other_writers_taking_the_ingest_lock_still_wait_for_the_disk():
    with transaction.atomic():
        serialize_ingests()
        assert synchronous_commit() == "on"
