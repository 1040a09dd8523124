"""Ingest: idempotent, curation-preserving, one transaction per report."""

import hashlib

import pytest
from django.db import IntegrityError

from core.models import DeletedRecord
from events.extraction import records as rec
from events.ingest import ingest_report
from events.models import (
    Event,
    EventClaim,
    EventOrganizer,
    Participation,
    Position,
    Report,
    ReviewItem,
    ReviewStatus,
)
from people.models import Organization, Person, PersonAlias

TEXT = (
    "Green Cities Forum held in Wuhan\n\n"
    "On May 12, 2021, the Green Cities Forum was hosted by the Hubei Energy Association in Wuhan. "
    "Jane Doe, director of the Hubei Energy Association, said cities matter."
)


def sentence(opening: str, text: str = TEXT) -> rec.Span:
    start = text.index(opening)
    return rec.Span(start, text.index(". ", start) + 1)


def extracted(
    *,
    text=TEXT,
    event_name="Green Cities Forum",
    person=("Jane Doe", "Doe", "Jane"),
    forms=(),
    title="director",
    org="Hubei Energy Association",
    start=(2021, 5, 12),
    warnings=(),
) -> rec.ExtractedReport:
    lead = sentence("On May 12", text)
    orgs = (
        rec.OrganizationMention(
            name=org, acronym="HEA", kind=rec.OrgKind.ASSOCIATION, evidence=lead
        ),
    )
    participants = ()
    if person:
        display, family, given = person
        participants = (
            rec.Participant(
                name=rec.PersonName(display, family, given, tuple(forms)),
                role=rec.Role.SPEAKER,
                positions=(rec.Position(title, org, lead),),
                evidence=lead,
            ),
        )
    event = rec.ExtractedEvent(
        name=rec.Quoted(event_name, lead),
        start=rec.PartialDate(*start, evidence=lead) if start else None,
        city=rec.Place("Wuhan", "Hubei", "China", lead, 30.58, 114.27, 1791247),
        organizers=(rec.Organizer(org, rec.OrganizerRole.HOST, lead),),
        participants=participants,
        topics=(rec.TopicTag("low-carbon-cities", "low-carbon cities", lead),),
        warnings=tuple(warnings),
    )
    return rec.ExtractedReport(
        source="forum.txt",
        text=text,
        title="Green Cities Forum held in Wuhan",
        events=(event,),
        organizations=orgs,
    )


def ingest(x: rec.ExtractedReport, file_name="forum.txt", **kwargs):
    return ingest_report(
        x,
        raw_text=x.text,
        sha256=hashlib.sha256(x.text.encode()).hexdigest(),
        file_name=file_name,
        **kwargs,
    )


def counts():
    return {
        model.__name__: model.objects.count()
        for model in (Report, Event, Person, Organization, Participation, Position, EventOrganizer)
    }


@pytest.mark.django_db
def test_ingest_report_creates_linked_records_with_evidence():
    result = ingest(extracted())
    assert result.status == "created"
    event = Event.objects.get()
    assert (event.name, event.start_year, event.city.name) == ("Green Cities Forum", 2021, "Wuhan")
    participation = Participation.objects.get()
    assert participation.person.name == "Jane Doe"
    assert participation.evidence.startswith("On May 12, 2021")
    position = participation.positions.get()
    assert (position.title, position.organization.name) == ("director", "Hubei Energy Association")
    assert EventOrganizer.objects.get().role == "host"
    assert Organization.objects.get().aliases.get().name == "HEA"
    assert EventClaim.objects.get(field="start").value == "2021-5-12"


@pytest.mark.django_db
def test_ingest_report_twice_changes_nothing():
    ingest(extracted())
    before = counts()
    result = ingest(extracted())
    assert result.status == "unchanged"
    assert counts() == before


@pytest.mark.django_db
def test_changed_report_is_re_extracted_without_duplicates():
    ingest(extracted())
    changed = TEXT.replace("Jane Doe", "John Roe")
    result = ingest(extracted(text=changed, person=("John Roe", "Roe", "John")))
    assert result.status == "updated"
    assert [p.person.name for p in Participation.objects.all()] == ["John Roe"]
    # Jane Doe stood only on the old text and nobody curated her.
    assert list(Person.objects.values_list("name", flat=True)) == ["John Roe"]
    assert Report.objects.count() == 1
    assert Event.objects.count() == 1


@pytest.mark.django_db
def test_same_person_written_two_ways_across_reports_is_one_record():
    ingest(extracted(person=("Liu Yanhua", "Liu", "Yanhua"), forms=("Yanhua LIU",)))
    other = TEXT + " More."
    ingest(
        extracted(
            text=other,
            event_name="Second Forum",
            person=("Liu Yanhua", "Liu", "Yanhua"),
            start=(2022, 3, 1),
        ),
        file_name="other.txt",
    )
    person = Person.objects.get()
    assert person.participations.count() == 2
    assert list(person.aliases.values_list("name", flat=True)) == ["Yanhua LIU"]


@pytest.mark.django_db
def test_people_sharing_a_family_name_stay_apart():
    ingest(extracted(person=("Wang Wei", "Wang", "Wei")))
    ingest(
        extracted(text=TEXT + " x", event_name="Other", person=("Wang Tao", "Wang", "Tao")),
        file_name="b.txt",
    )
    assert sorted(Person.objects.values_list("name", flat=True)) == ["Wang Tao", "Wang Wei"]


@pytest.mark.django_db
def test_namesake_with_other_organisations_is_kept_apart_and_flagged_for_review():
    ingest(extracted(person=("Wang Wei", "Wang", "Wei")))
    ingest(
        extracted(
            text=TEXT + " x",
            event_name="Other",
            person=("Wang Wei", "Wang", "Wei"),
            org="Other Body",
        ),
        file_name="b.txt",
    )
    # Kept apart, told apart by organisation, the second one flagged with a link to the
    # first: an editor merges them if they are one person.
    first, second = Person.objects.order_by("pk")
    assert (first.name, second.name) == ("Wang Wei", "Wang Wei (Other Body)")
    assert list(second.aliases.values_list("name", flat=True)) == ["Wang Wei"]
    item = ReviewItem.objects.get(reason="possible-namesake")
    assert (item.record, item.namesake) == (second, first)
    # Loading the second report again finds the person it named, not a third Wang Wei.
    ingest(
        extracted(
            text=TEXT + " x y",
            event_name="Other",
            person=("Wang Wei", "Wang", "Wei"),
            org="Other Body",
        ),
        file_name="b.txt",
    )
    assert Person.objects.count() == 2
    # A third report with the first one's organisation finds the first one.
    ingest(
        extracted(
            text=TEXT + " z",
            event_name="Third",
            person=("Wang Wei", "Wang", "Wei"),
            start=(2022, 1, 1),
        ),
        file_name="c.txt",
    )
    assert Person.objects.count() == 2
    assert first.participations.count() == 2


@pytest.mark.django_db
def test_second_report_of_same_event_adds_a_source_and_flags_disagreement():
    ingest(extracted())
    ingest(extracted(text=TEXT + " Again.", start=(2021, 5, 13)), file_name="second.txt")
    event = Event.objects.get()
    assert event.sources.count() == 2
    assert (event.start_month, event.start_day) == (5, 12)  # the first statement stands
    assert sorted(EventClaim.objects.filter(field="start").values_list("value", flat=True)) == [
        "2021-5-12",
        "2021-5-13",
    ]
    assert ReviewItem.objects.get(reason="reports-disagree").status == ReviewStatus.OPEN


@pytest.mark.django_db
def test_missing_year_is_stored_as_unknown_and_queued_for_review():
    ingest(extracted(start=(None, 7, 19), warnings=(rec.Warning.NO_YEAR,)))
    event = Event.objects.get()
    assert (event.start_year, event.start_month, event.start_day) == (None, 7, 19)
    assert event.date_display == "19 July (year not stated)"
    item = ReviewItem.objects.get(reason="no-year")
    assert item.record == event
    assert item.evidence.startswith("On May 12")


@pytest.mark.django_db
def test_dry_run_writes_nothing_but_reports_what_would_change():
    result = ingest(extracted(), dry_run=True)
    assert result.status == "created"
    assert result.participants == 1
    assert counts() == dict.fromkeys(counts(), 0)


@pytest.mark.django_db
def test_failing_report_leaves_no_trace():
    bad = extracted(start=(2021, None, 12))  # a day without a month breaks a constraint
    with pytest.raises(IntegrityError):
        ingest(bad)
    assert Report.objects.count() == 0


@pytest.mark.django_db
def test_curated_field_survives_re_import():
    ingest(extracted())
    event = Event.objects.get()
    event.venue = "Wuhan Expo Hall"
    event.curated_fields = ["venue"]
    event.save()
    ingest(extracted(text=TEXT + " Changed."))
    assert Event.objects.get().venue == "Wuhan Expo Hall"


@pytest.mark.django_db
def test_deleted_person_is_not_resurrected():
    ingest(extracted())
    person = Person.objects.get()
    DeletedRecord.objects.create(model="people.person", key=person.key, label=person.name)
    person.delete()
    ingest(extracted(text=TEXT + " Changed."))
    assert Person.objects.count() == 0
    assert Participation.objects.count() == 0


@pytest.mark.django_db
def test_merged_name_maps_to_the_survivor():
    ingest(extracted())
    survivor = Person.objects.get()
    PersonAlias.objects.create(person=survivor, name="Janet Doe", kind="merged")
    ingest(
        extracted(text=TEXT + " b", event_name="Other", person=("Janet Doe", "Doe", "Janet")),
        file_name="b.txt",
    )
    assert list(Person.objects.values_list("name", flat=True)) == ["Jane Doe"]
    assert survivor.participations.count() == 2


@pytest.mark.django_db
def test_confirmed_review_reopens_when_import_changes_the_record():
    ingest(extracted(start=(None, 5, 12), warnings=(rec.Warning.NO_YEAR,)))
    item = ReviewItem.objects.get()
    item.status = ReviewStatus.CONFIRMED
    item.save()
    ingest(extracted(text=TEXT + " Now dated.", start=(2022, 5, 12)))
    item.refresh_from_db()
    assert item.status == ReviewStatus.OPEN


@pytest.mark.django_db
def test_organisers_and_topics_edited_inline_survive_re_import():
    ingest(extracted())
    event = Event.objects.get()
    event.organizer_roles.update(role="sponsor")
    event.topic_tags.all().delete()
    event.curated_fields = ["organizer_roles", "topic_tags"]
    event.save()
    ingest(extracted(text=TEXT + " Changed."))
    assert list(event.organizer_roles.values_list("role", flat=True)) == ["sponsor"]
    assert event.topic_tags.count() == 0


@pytest.mark.django_db
def test_import_writes_history_for_what_it_adds_and_changes():
    from django.contrib.admin.models import ADDITION, CHANGE, LogEntry

    ingest(extracted())
    event = Event.objects.get()
    added = LogEntry.objects.get(object_id=str(event.pk), content_type__model="event")
    assert (added.action_flag, added.user.username) == (ADDITION, "load_reports")
    assert added.change_message == "Added by importing forum.txt."
    assert not added.user.is_active
    assert not added.user.has_usable_password()

    ingest(extracted(text=TEXT + " Moved.", start=(2021, 5, 13)))
    changed = LogEntry.objects.filter(
        object_id=str(event.pk), content_type__model="event", action_flag=CHANGE
    ).get()
    assert changed.change_message == "Changed start day by importing forum.txt."


@pytest.mark.django_db
def test_import_history_names_the_editor_who_added_the_report(django_user_model):
    from django.contrib.admin.models import LogEntry

    editor = django_user_model.objects.create_user("ed", password="x")
    ingest(extracted(), user=editor)
    assert set(LogEntry.objects.values_list("user__username", flat=True)) == {"ed"}


@pytest.mark.django_db
def test_report_describing_two_events_keeps_both_in_report_order():
    from dataclasses import replace

    from events.exporting import export_reports

    base = extracted()
    second = replace(
        base.events[0],
        name=rec.Quoted("Green Cities Workshop", base.events[0].name.evidence),
        start=rec.PartialDate(2021, 5, 13),
        participants=(),
    )
    ingest(replace(base, events=(base.events[0], second)))
    document = export_reports()["reports"][0]
    assert [e["name"] for e in document["events"]] == [
        "Green Cities Forum",
        "Green Cities Workshop",
    ]
    assert document["events"][1]["start"] == {"year": 2021, "month": 5, "day": 13}
    assert Event.objects.get(name="Green Cities Workshop").sources.get().file_name == "forum.txt"
    # Re-running the same report maps each event back by its place in the report.
    ingest(replace(base, text=TEXT + " x", events=(base.events[0], second)))
    assert Event.objects.count() == 2


def two_events(text=TEXT, first="Green Cities Forum", second="Blue Sky Forum"):
    from dataclasses import replace

    base = extracted(text=text)
    one = replace(base.events[0], name=rec.Quoted(first, base.events[0].name.evidence))
    two = replace(
        base.events[0],
        name=rec.Quoted(second, base.events[0].name.evidence),
        start=rec.PartialDate(2020, 1, 2),
        participants=(),
    )
    return replace(base, events=(one, two))


@pytest.mark.django_db
def test_events_swapped_in_a_changed_report_keep_their_own_facts():
    from dataclasses import replace

    ingest(two_events())
    x = two_events(text=TEXT + " Swapped.")
    ingest(replace(x, events=tuple(reversed(x.events))))
    green = Event.objects.get(name="Green Cities Forum")
    blue = Event.objects.get(name="Blue Sky Forum")
    assert [p.person.name for p in green.participations.all()] == ["Jane Doe"]
    assert blue.participations.count() == 0
    assert (green.start_year, blue.start_year) == (2021, 2020)


@pytest.mark.django_db
def test_event_renamed_in_a_changed_report_is_renamed_and_keeps_its_url():
    ingest(extracted())
    slug = Event.objects.get().slug
    ingest(extracted(text=TEXT + " Renamed.", event_name="Green Cities Forum 2021"))
    event = Event.objects.get()
    assert (event.name, event.slug) == ("Green Cities Forum 2021", slug)


@pytest.mark.django_db
def test_curated_positions_survive_when_the_report_drops_the_person():
    ingest(extracted())
    participation = Participation.objects.get()
    participation.curated_fields = ["positions"]
    participation.save()
    ingest(extracted(text=TEXT + " Nobody spoke.", person=None))
    participation.refresh_from_db()
    assert [p.title for p in participation.positions.all()] == ["director"]


@pytest.mark.django_db
def test_single_word_name_is_the_same_person_on_re_import():
    ingest(extracted(person=("Clarence", "Clarence", "")))
    first = Person.objects.get()
    ingest(extracted(text=TEXT + " Again.", person=("Clarence", "Clarence", "")))
    assert list(Person.objects.values_list("pk", "slug")) == [(first.pk, first.slug)]


@pytest.mark.django_db
def test_two_reports_of_one_event_each_export_their_own_speakers():
    from events.exporting import export_reports

    ingest(extracted(person=("Jane Doe", "Doe", "Jane")), file_name="a.txt")
    ingest(extracted(text=TEXT + " b", person=("John Roe", "Roe", "John")), file_name="b.txt")
    assert Event.objects.count() == 1
    documents = {d["report"]: d for d in export_reports()["reports"]}
    assert [p["name"] for p in documents["a.txt"]["events"][0]["participants"]] == ["Jane Doe"]
    assert [p["name"] for p in documents["b.txt"]["events"][0]["participants"]] == ["John Roe"]


@pytest.mark.django_db
def test_person_named_by_two_reports_stays_when_one_report_drops_them():
    ingest(extracted(), file_name="a.txt")
    ingest(extracted(text=TEXT + " b"), file_name="b.txt")
    ingest(extracted(text=TEXT + " a changed", person=None), file_name="a.txt")
    participation = Participation.objects.get()
    assert list(participation.mentions.values_list("report__file_name", flat=True)) == ["b.txt"]


@pytest.mark.django_db
def test_parent_event_no_longer_mentioned_is_removed():
    from dataclasses import replace

    base = extracted()
    with_parent = replace(
        base,
        events=(
            replace(base.events[0], part_of=rec.Quoted("Big Expo", base.events[0].name.evidence)),
        ),
    )
    ingest(with_parent)
    assert Event.objects.get(name="Green Cities Forum").parent.name == "Big Expo"
    ingest(extracted(text=TEXT + " No expo."))
    assert list(Event.objects.values_list("name", flat=True)) == ["Green Cities Forum"]


@pytest.mark.django_db
def test_review_items_go_with_the_records_an_import_removes():
    ingest(extracted(person=("Jane", "Jane", ""), warnings=()))
    participation = Participation.objects.get()
    ReviewItem.objects.create(record=participation, reason="no-affiliation", message="m")
    ingest(extracted(text=TEXT + " Gone.", person=None))
    assert ReviewItem.objects.count() == 0
