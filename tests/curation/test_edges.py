"""Curation at its edges, reproduced through the admin as an editor with CSRF checks on."""

from __future__ import annotations

import pytest
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse

from events.models import Event, Participation, Report, ReviewItem
from people.models import Organization, Person
from tests.curation.test_admin import change_url, form_data
from tests.curation.test_editing import CHANGED, extracted, ingest

pytestmark = pytest.mark.django_db

OTHER = (
    "Green Cities Forum closes in Wuhan\n\n"
    "On May 12, 2021, the Green Cities Forum closed in Wuhan. "
    "Li Ming, mayor of Wuhan, spoke. Wang Lei, professor at Wuhan University, spoke.\n"
)
OTHER_PEOPLE = [
    ("Li Ming", "Li", "Ming", "mayor", "Wuhan City"),
    ("Wang Lei", "Wang", "Lei", "professor", "Wuhan University"),
]
SKY = (
    "Blue Sky Dialogue held in Wuhan\n\n"
    "On May 12, 2021, the Blue Sky Dialogue was held at the Riverside Hall in Wuhan. "
    "Zhao Min, analyst at the Blue Sky Institute, spoke.\n"
)
SKY_PEOPLE = [("Zhao Min", "Zhao", "Min", "analyst", "Blue Sky Institute")]


def delete_url(obj):
    return reverse(f"admin:{obj._meta.app_label}_{obj._meta.model_name}_delete", args=[obj.pk])


def rename(client, obj, name: str) -> None:
    data = form_data(client.get(change_url(obj)))
    data["name"] = name
    response = client.post(change_url(obj), data)
    assert response.status_code == 302, response.context and response.context["errors"]


def dangling_review_items() -> list[str]:
    return [
        f"{item.content_type.model}:{item.object_id}"
        for item in ReviewItem.objects.select_related("content_type")
        if not item.content_type.model_class().objects.filter(pk=item.object_id).exists()
    ]


def test_deleted_participation_stays_deleted_after_its_event_is_renamed(csrf_editor):
    """Issue: delete a participation, rename its event, re-import the changed report: the deleted
    participation came back."""
    ingest(extracted())
    jane = Participation.objects.get(person__name="Jane Doe")
    assert csrf_editor.post(delete_url(jane), {"post": "yes"}).status_code == 302
    rename(csrf_editor, Event.objects.get(), "Green Cities Forum 2021")

    ingest(extracted(CHANGED))

    assert list(Event.objects.values_list("name", flat=True)) == ["Green Cities Forum 2021"]
    assert list(Participation.objects.values_list("person__name", flat=True)) == ["Wang Lei"]


def test_renamed_event_is_found_by_its_old_name_in_another_report(csrf_editor):
    """Issue: rename an event, then import another report of the same event: a second event
    appeared."""
    ingest(extracted())
    event = Event.objects.get()
    rename(csrf_editor, event, "Green Cities Forum 2021")

    # Nothing but the name ties it to the first report: no speaker in common.
    ingest(extracted(OTHER, venue=None, people=OTHER_PEOPLE[:1]), file_name="closing.txt")

    assert list(Event.objects.values_list("name", flat=True)) == ["Green Cities Forum 2021"]
    assert sorted(event.sources.values_list("file_name", flat=True)) == [
        "closing.txt",
        "forum.txt",
    ]
    assert list(event.aliases.values_list("name", flat=True)) == ["Green Cities Forum"]


def test_deleting_a_report_removes_what_only_it_supported(csrf_editor, client):
    """Issue: delete a report: its event stayed listed publicly with no source and no speakers, and
    a review item pointed at a deleted participation."""
    ingest(extracted())
    ingest(extracted(OTHER, venue=None, people=OTHER_PEOPLE), file_name="closing.txt")
    closing = Report.objects.get(file_name="closing.txt")
    wang = Participation.objects.get(person__name="Wang Lei")
    ReviewItem.objects.create(record=wang, reason="no-affiliation", message="check", report=closing)
    # One event told by two reports; now a report of a second event that only it describes.
    ingest(extracted(SKY, people=SKY_PEOPLE, name="Blue Sky Dialogue"), file_name="sky.txt")
    forum = Report.objects.get(file_name="forum.txt")
    # Filed under the report that stays, about an appearance only the deleted one states.
    ReviewItem.objects.create(
        record=Participation.objects.get(person__name="Jane Doe"),
        reason="name-order-guessed",
        message="check",
        report=closing,
    )

    sky = Report.objects.get(file_name="sky.txt")
    assert csrf_editor.post(delete_url(sky), {"post": "yes"}).status_code == 302
    assert csrf_editor.post(delete_url(forum), {"post": "yes"}).status_code == 302

    assert list(Event.objects.values_list("name", flat=True)) == ["Green Cities Forum"]
    assert [e.name for e in client.get("/events/").context["page_obj"]] == ["Green Cities Forum"]
    # Wang Lei is in the closing report too, so his appearance stays, filed under it.
    assert sorted(Participation.objects.values_list("person__name", "report__file_name")) == [
        ("Li Ming", "closing.txt"),
        ("Wang Lei", "closing.txt"),
    ]
    assert sorted(Person.objects.values_list("name", flat=True)) == ["Li Ming", "Wang Lei"]
    assert sorted(Organization.objects.values_list("name", flat=True)) == [
        "Wuhan City",
        "Wuhan University",
    ]
    assert dangling_review_items() == []
    assert (
        ReviewItem.objects.filter(
            content_type=ContentType.objects.get_for_model(Participation)
        ).count()
        == 1
    )


def test_deleting_the_only_report_of_a_curated_event_flags_it(csrf_editor):
    """An event an editor curated that loses its only report is flagged, not deleted."""
    ingest(extracted())
    event = Event.objects.get()
    rename(csrf_editor, event, "Green Cities Forum 2021")
    assert csrf_editor.post(delete_url(Report.objects.get()), {"post": "yes"}).status_code == 302

    item = ReviewItem.objects.get(object_id=event.pk)
    assert (item.record, item.reason, item.report) == (event, "no-source", None)


def test_reimport_prunes_organisations_the_report_no_longer_names(csrf_editor):
    """Issue: an organisation named only in a report's old text lingered after the report was re-
    imported."""
    ingest(extracted())
    kept = Organization.objects.get(name="Wuhan University")
    data = form_data(csrf_editor.get(change_url(kept)))
    data["country"] = "China"
    assert csrf_editor.post(change_url(kept), data).status_code == 302
    people = [
        ("Jane Doe", "Doe", "Jane", "director", "Hubei Power Society"),
        ("Wang Lei", "Wang", "Lei", "professor", "Wuhan Institute"),
    ]

    ingest(extracted(CHANGED, people=people))

    listed = csrf_editor.get(reverse("admin:people_organization_changelist"))
    assert sorted(o.name for o in listed.context["cl"].result_list) == [
        "Hubei Power Society",
        "Wuhan Institute",
        "Wuhan University",  # an editor changed it: kept though no report names it now
    ]


def test_renaming_onto_another_records_name_points_to_merging(csrf_editor):
    from tests.factories import make_event

    make_event("Summit")
    forum = make_event("Forum")
    data = form_data(csrf_editor.get(change_url(forum)))
    data["name"] = "SUMMIT"
    response = csrf_editor.post(change_url(forum), data)
    assert response.status_code == 200
    assert response.context["adminform"].form.errors["name"] == [
        "Another event already has this name: merge the two instead "
        "(select both in the list, then “Merge selected”)."
    ]
    forum.refresh_from_db()
    assert forum.name == "Forum"
