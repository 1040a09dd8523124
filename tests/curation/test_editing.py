"""Merging, and the rule that an editor's work survives re-importing the reports."""

from __future__ import annotations

import hashlib

import pytest
from django.contrib.admin.models import LogEntry
from django.contrib.auth.models import User
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command

from core.models import DeletedRecord
from curation.editing import (
    keep_old_name,
    merge_organizations,
    merge_people,
    note_editor_changes,
    record_deletion,
)
from events.extraction import records as rec
from events.ingest import ingest_report
from events.models import Event, EventOrganizer, Participation, Position, ReviewItem, ReviewStatus
from people.models import (
    Organization,
    OrganizationRedirect,
    Person,
    PersonRedirect,
)
from tests.factories import (
    make_event,
    make_organization,
    make_organizer,
    make_participation,
    make_person,
)

pytestmark = pytest.mark.django_db


# ---------------------------------------------------------------- merging people


def test_merge_people_keeps_every_position_at_a_shared_event():
    summit = make_event("Summit")
    bank = make_organization("World Bank")
    keep, dupe = make_person("Liu Yanhua"), make_person("Yanhua Liu")
    make_participation(summit, keep, positions=[("director", bank)])
    make_participation(
        summit,
        dupe,
        positions=[("director", bank), ("former vice minister", None)],
        talk_title="Cities and carbon",
    )
    assert merge_people(keep, [dupe]) == ["Yanhua Liu"]
    participation = Participation.objects.get()
    assert participation.person == keep
    assert participation.talk_title == "Cities and carbon"
    assert [(p.order, str(p)) for p in participation.positions.all()] == [
        (0, "director, World Bank"),
        (1, "former vice minister"),
    ]


def test_merge_people_moves_aliases_redirects_and_review_items():
    keep = make_person("Liu Yanhua")
    dupe = make_person("Yanhua Liu", aliases=["Y. H. Liu"])
    older = make_person("Liu Y.")
    merge_people(dupe, [older])
    ReviewItem.objects.create(
        content_type=ContentType.objects.get_for_model(Person),
        object_id=dupe.pk,
        reason="single-word-name",
        message="?",
    )
    editor = User.objects.create_user("edith")
    merge_people(keep, [dupe], user=editor)

    assert list(Person.objects.all()) == [keep]
    assert sorted(keep.aliases.values_list("name", "kind")) == [
        ("Liu Y.", "merged"),
        ("Y. H. Liu", "merged"),
        ("Yanhua Liu", "merged"),
    ]
    # The redirect that pointed at the merged record now points at the survivor.
    assert sorted(PersonRedirect.objects.values_list("old_slug", "person")) == [
        ("liu-y", keep.pk),
        ("yanhua-liu", keep.pk),
    ]
    assert ReviewItem.objects.get().object_id == keep.pk
    assert not DeletedRecord.objects.exists()
    keep.refresh_from_db()
    assert keep.curated_fields == ["name", "family_name", "given_name", "merged:Yanhua Liu"]
    assert LogEntry.objects.get().change_message == "Merged Yanhua Liu into this record."


# ---------------------------------------------------------------- merging organisations


def test_merge_organizations_moves_positions_roles_units_and_names():
    summit, forum = make_event("Summit"), make_event("Forum")
    keep = make_organization("International Green Economy Association", acronym="IGEA")
    dupe = make_organization("Intl Green Economy Assn", acronym="IGEA2", aliases=["Green Econ"])
    unit = make_organization("Think Tank", parent=dupe)
    make_organizer(summit, keep, role="host")
    make_organizer(summit, dupe, role="organizer")
    make_organizer(forum, dupe, role="sponsor")
    make_participation(summit, make_person("Liu Yanhua"), positions=[("chair", dupe)])
    OrganizationRedirect.objects.create(old_slug="igea-old", organization=dupe)

    merge_organizations(keep, [dupe])

    assert set(Organization.objects.all()) == {keep, unit}
    assert Position.objects.get().organization == keep
    assert sorted(EventOrganizer.objects.values_list("event__name", "organization", "role")) == [
        ("Forum", keep.pk, "sponsor"),
        ("Summit", keep.pk, "host"),
    ]
    unit.refresh_from_db()
    assert unit.parent == keep
    assert sorted(keep.aliases.values_list("name", "kind")) == [
        ("Green Econ", "merged"),
        ("IGEA", "acronym"),
        ("IGEA2", "merged"),
        ("Intl Green Economy Assn", "merged"),
    ]
    assert sorted(OrganizationRedirect.objects.values_list("old_slug", flat=True)) == [
        "igea-old",
        "intl-green-economy-assn",
    ]
    assert not DeletedRecord.objects.exists()


def test_merging_a_parent_into_its_unit_leaves_no_dangling_parent():
    university = make_organization("Tsinghua University")
    institute = make_organization("Institute of Climate Change", parent=university)
    merge_organizations(institute, [university])
    institute.refresh_from_db()
    assert institute.parent is None


# ---------------------------------------------------------------- bookkeeping


def test_note_editor_changes_lists_model_fields_once():
    event = make_event("Summit")
    note_editor_changes(event, ["venue", "DELETE", "venue", "city"], adding=False)
    assert event.curated_fields == ["venue", "city"]
    person = Person(name="New")
    note_editor_changes(person, ["name"], adding=True)
    assert person.created_by_editor


def test_tombstone_keys_match_what_the_import_looks_up():
    event = make_event("Green Summit")
    person = make_person("Liu Yanhua")
    participation = make_participation(event, person)
    organizer = make_organizer(event, make_organization("World Bank"))
    for obj in (event, person, participation, organizer):
        record_deletion(obj)
    assert sorted(DeletedRecord.objects.values_list("model", "key")) == [
        ("events.event", "green summit"),
        ("events.eventorganizer", "green summit|world bank"),
        ("events.participation", "green summit|liu yanhua"),
        ("people.person", "liu yanhua"),
    ]


# ---------------------------------------------------------------- surviving re-import

TEXT = (
    "Green Cities Forum held in Wuhan\n\n"
    "On May 12, 2021, the Green Cities Forum was held at the Riverside Hall in Wuhan. "
    "Jane Doe, director of the Hubei Energy Association, spoke. "
    "Wang Lei, professor at Wuhan University, spoke.\n"
)


def span(text: str, opening: str) -> rec.Span:
    start = text.index(opening)
    return rec.Span(start, text.index(".", text.index(",", start)) + 1)


def participant(text, display, family, given, title, org, forms=()):
    evidence = span(text, display)
    return rec.Participant(
        name=rec.PersonName(display, family, given, tuple(forms)),
        role=rec.Role.SPEAKER,
        positions=(rec.Position(title, org, evidence),),
        evidence=evidence,
    )


def extracted(
    text=TEXT, *, venue="Riverside Hall", people=None, name="Green Cities Forum"
) -> rec.ExtractedReport:
    lead = span(text, "On May 12")
    if people is None:
        people = [
            ("Jane Doe", "Doe", "Jane", "director", "Hubei Energy Association"),
            ("Wang Lei", "Wang", "Lei", "professor", "Wuhan University"),
        ]
    orgs = tuple(
        rec.OrganizationMention(
            name=org, acronym=None, kind=rec.OrgKind.OTHER, evidence=span(text, display)
        )
        for display, *_, org in people
    )
    event = rec.ExtractedEvent(
        name=rec.Quoted(name, lead),
        start=rec.PartialDate(2021, 5, 12, evidence=lead),
        city=rec.Place("Wuhan", "Hubei", "China", lead),
        venue=rec.Quoted(venue, lead) if venue else None,
        participants=tuple(participant(text, *p) for p in people),
    )
    return rec.ExtractedReport(
        source="forum.txt",
        text=text,
        title="Green Cities Forum held in Wuhan",
        events=(event,),
        organizations=orgs,
    )


def ingest(x: rec.ExtractedReport, file_name="forum.txt"):
    return ingest_report(
        x,
        raw_text=x.text,
        sha256=hashlib.sha256(x.text.encode()).hexdigest(),
        file_name=file_name,
    )


CHANGED = TEXT.replace("spoke.\n", "spoke about carbon markets.\n")


def test_editor_changed_fields_survive_reimport_of_the_same_and_a_changed_report():
    ingest(extracted())
    event = Event.objects.get()
    person = Person.objects.get(name="Jane Doe")
    event.venue = "Wuhan International Expo Center"
    note_editor_changes(event, ["venue"], adding=False)
    event.save()
    person.name, person.given_name = "Jane A. Doe", "Jane A."
    note_editor_changes(person, ["name", "given_name"], adding=False)
    person.save()
    keep_old_name(person, "Jane Doe")

    ingest(extracted())
    ingest(extracted(CHANGED, venue="Riverside Conference Hall"))

    event.refresh_from_db()
    person.refresh_from_db()
    assert event.venue == "Wuhan International Expo Center"
    assert (person.name, person.given_name) == ("Jane A. Doe", "Jane A.")
    # The renamed person is still the one who spoke: no duplicate "Jane Doe" appears.
    assert sorted(Person.objects.values_list("name", flat=True)) == ["Jane A. Doe", "Wang Lei"]
    assert Participation.objects.filter(person=person).count() == 1


def test_record_an_editor_created_survives_reimport():
    ingest(extracted())
    event = Event.objects.get()
    added = make_person("Li Ming")
    added.created_by_editor = True
    added.save()
    participation = make_participation(event, added, positions=[("mayor", None)])
    participation.created_by_editor = True
    participation.save()
    jane = Person.objects.get(name="Jane Doe")
    jane.created_by_editor = True
    jane.family_name = "DOE"
    jane.save()

    ingest(extracted(CHANGED))

    assert Participation.objects.filter(pk=participation.pk).exists()
    assert [str(p) for p in Participation.objects.get(pk=participation.pk).positions.all()] == [
        "mayor"
    ]
    jane.refresh_from_db()
    assert jane.family_name == "DOE"


def test_merge_followed_by_reimport_does_not_recreate_the_merged_person():
    ingest(extracted())
    jane = Person.objects.get(name="Jane Doe")
    other = make_person("Doe Jane")
    merge_people(other, [jane])

    ingest(extracted(CHANGED))

    assert sorted(Person.objects.values_list("name", flat=True)) == ["Doe Jane", "Wang Lei"]
    assert Participation.objects.get(person__name="Doe Jane").event.name == "Green Cities Forum"
    assert not DeletedRecord.objects.exists()


def test_records_an_editor_deleted_are_not_resurrected():
    ingest(extracted())
    wang = Person.objects.get(name="Wang Lei")
    jane_there = Participation.objects.get(person__name="Jane Doe")
    for obj in (wang, jane_there):
        record_deletion(obj)
        obj.delete()

    ingest(extracted(CHANGED))

    assert list(Person.objects.values_list("name", flat=True)) == ["Jane Doe"]
    assert not Participation.objects.exists()


def test_confirmed_review_item_reopens_when_an_import_changes_the_record():
    ingest(extracted())
    event = Event.objects.get()
    item = ReviewItem.objects.create(
        content_type=ContentType.objects.get_for_model(Event),
        object_id=event.pk,
        reason="no-city",
        message="Check the venue.",
        status=ReviewStatus.CONFIRMED,
    )
    ingest(extracted(CHANGED))  # the same facts: nothing about the event changes
    item.refresh_from_db()
    assert item.status == ReviewStatus.CONFIRMED

    ingest(extracted(CHANGED.replace("spoke about", "talked about"), venue="Lakeside Hall"))
    item.refresh_from_db()
    event.refresh_from_db()
    assert (event.venue, item.status, item.resolved_by) == ("Lakeside Hall", "open", None)


# ---------------------------------------------------------------- the same through load_reports


@pytest.fixture
def report_file(tmp_path):
    path = tmp_path / "summit.txt"
    path.write_text(
        "Low Carbon Cities Summit\n\nThe Low Carbon Cities Summit was held in Beijing.\n",
        encoding="utf-8",
    )
    return path


def load(path):
    call_command("load_reports", str(path), "--no-progress", stdout=None)


def test_load_reports_keeps_an_editors_event_changes(report_file):
    load(report_file)
    event = Event.objects.get()
    event.venue, event.name = "National Convention Center", "Low Carbon Cities Summit 2021"
    note_editor_changes(event, ["venue", "name"], adding=False)
    event.save()
    load(report_file)
    report_file.write_text(report_file.read_text() + "Experts spoke.\n", encoding="utf-8")
    load(report_file)
    event.refresh_from_db()
    assert (event.name, event.venue) == (
        "Low Carbon Cities Summit 2021",
        "National Convention Center",
    )
    assert Event.objects.count() == 1


def test_load_reports_does_not_bring_back_a_deleted_event(report_file):
    load(report_file)
    event = Event.objects.get()
    record_deletion(event)
    event.delete()
    report_file.write_text(report_file.read_text() + "Experts spoke.\n", encoding="utf-8")
    load(report_file)
    assert not Event.objects.exists()


def test_load_reports_leaves_an_event_an_editor_created(report_file):
    mine = make_event("Low Carbon Cities Summit", venue="Hall 3")
    mine.created_by_editor = True
    mine.save()
    load(report_file)
    mine.refresh_from_db()
    assert Event.objects.get() == mine
    assert mine.venue == "Hall 3"


def test_positions_an_editor_corrected_survive_reimport():
    from curation.editing import note_curated_relation

    ingest(extracted())
    participation = Participation.objects.get(person__name="Jane Doe")
    position = participation.positions.get()
    position.title = "executive director"
    position.save()

    class PositionRows:  # what the admin's inline formset says about the rows
        model = Position
        fk = Position._meta.get_field("participation")

    note_curated_relation(participation, PositionRows)
    ingest(extracted(CHANGED))
    assert [p.title for p in participation.positions.all()] == ["executive director"]


def test_renamed_then_deleted_person_stays_deleted_under_either_name():
    ingest(extracted())
    wang = Person.objects.get(name="Wang Lei")
    wang.name = "Wang Lei Jr"
    wang.save()
    keep_old_name(wang, "Wang Lei")  # as the admin does after a rename
    record_deletion(wang)
    wang.delete()

    ingest(extracted(CHANGED))

    assert list(Person.objects.values_list("name", flat=True)) == ["Jane Doe"]


def test_deleting_a_record_takes_its_review_items_along():
    ingest(extracted())
    wang = Person.objects.get(name="Wang Lei")
    ReviewItem.objects.create(record=wang, reason="possible-namesake", message="check")
    record_deletion(wang)
    wang.delete()
    assert not ReviewItem.objects.exists()


def test_deleted_report_is_not_loaded_again(tmp_path):
    from events.models import Report

    path = tmp_path / "forum.txt"
    path.write_text(TEXT, encoding="utf-8")
    call_command("load_reports", str(path), verbosity=0)
    report = Report.objects.get()
    record_deletion(report)
    report.delete()
    out = __import__("io").StringIO()
    call_command("load_reports", str(path), stdout=out)
    assert "an editor deleted this report" in out.getvalue()
    assert not Report.objects.exists()


def test_merge_organizations_keeps_the_reports_mentions():
    from events.models import OrganizationMention

    ingest(extracted())
    hubei = Organization.objects.get(name="Hubei Energy Association")
    twin = make_organization("Hubei Energy Assoc.")
    merge_organizations(twin, [hubei])
    assert list(OrganizationMention.objects.values_list("organization__name", flat=True)) == [
        "Hubei Energy Assoc.",
        "Wuhan University",
    ]


def test_merge_then_reimport_keeps_the_survivors_name_parts():
    ingest(extracted())
    jane = Person.objects.get(name="Jane Doe")
    other = make_person("Doe Jane", family_name="Doe", given_name="Jane")
    merge_people(other, [jane])
    other.family_name, other.given_name = "Doe", "J."
    Person.objects.filter(pk=other.pk).update(given_name="J.")
    ingest(extracted(CHANGED))
    other.refresh_from_db()
    assert (other.family_name, other.given_name) == ("Doe", "J.")


@pytest.mark.django_db
def test_a_merged_events_old_url_redirects_to_the_survivor(client):
    from curation.editing import merge_events
    from tests.factories import make_event

    survivor, loser = make_event("Green Finance Forum"), make_event("Green Finance Forum 2021")
    old_url = loser.get_absolute_url()
    merge_events(survivor, [loser])
    response = client.get(old_url)
    assert response.status_code == 301
    assert response["Location"] == survivor.get_absolute_url()
    assert client.get("/events/never-was/").status_code == 404
