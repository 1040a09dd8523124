"""History with values, revert, and merges judged and undone, through the admin as an editor."""

from __future__ import annotations

import pytest
from django.urls import reverse

from curation.models import MergeRecord
from events.models import Event, Participation, Position, ReviewItem
from people.models import Person, PersonAlias, PersonRedirect
from tests.curation.test_admin import change_url, form_data
from tests.curation.test_editing import CHANGED, extracted, ingest
from tests.factories import make_event, make_organization, make_participation, make_person

pytestmark = pytest.mark.django_db


def history_url(obj):
    return reverse(f"admin:{obj._meta.app_label}_{obj._meta.model_name}_history", args=[obj.pk])


def test_history_page_shows_old_and_new_values_and_reverts(csrf_editor):
    event = make_event("Summit", venue="Hall 1")
    data = form_data(csrf_editor.get(change_url(event)))
    data["venue"] = "National Convention Center"
    assert csrf_editor.post(change_url(event), data).status_code == 302

    page = csrf_editor.get(history_url(event))
    changes = [
        [(c["field"], c["old"], c["new"]) for c in record.history_delta_changes]
        for record in page.context["page_obj"]
        if getattr(record, "history_delta_changes", None)
    ]
    assert changes == [
        [("Curated fields", "[]", "[venue]"), ("Venue", "Hall 1", "National Convention Center")]
    ]
    assert "Hall 1" in page.content.decode()
    assert page.context["page_obj"][0].history_user == csrf_editor.user

    # Revert: open the version before the change and save it.
    first = event.history.earliest()
    url = reverse("admin:events_event_simple_history", args=[event.pk, first.history_id])
    data = form_data(csrf_editor.get(url))
    assert data["venue"] == "Hall 1"
    assert csrf_editor.post(url, data).status_code == 302
    event.refresh_from_db()
    assert event.venue == "Hall 1"
    # The editor chose that value: an import must not change it back.
    assert event.curated_fields == ["venue"]
    assert event.history.count() == 3


def test_imports_write_history_in_bulk_with_values(django_assert_max_num_queries):
    ingest(extracted())
    event = Event.objects.get()
    (added,) = event.history.all()
    assert (added.history_type, added.history_change_reason, added.history_user.username) == (
        "+",
        "Imported from forum.txt",
        "load_reports",
    )
    assert Person.history.count() == 2
    assert Participation.history.filter(history_type="+").count() == 2

    ingest(extracted(CHANGED, venue="Riverside Conference Hall"))
    changed = event.history.latest()
    delta = changed.diff_against(changed.prev_record)
    assert [(c.field, c.old, c.new) for c in delta.changes] == [
        ("venue", "Riverside Hall", "Riverside Conference Hall")
    ]


def test_people_change_list_shows_the_latest_affiliation(csrf_editor):
    liu = make_person("Liu Yanhua")
    make_person("Zhang Wei")
    make_participation(
        make_event("Summit", start_year=2020),
        liu,
        positions=[("director", make_organization("NDRC"))],
    )
    make_participation(
        make_event("Forum", start_year=2022),
        liu,
        positions=[("adviser", make_organization("World Bank"))],
    )
    page = csrf_editor.get(reverse("admin:people_person_changelist"))
    rows = {p.name: p.affiliation for p in page.context["cl"].result_list}
    assert rows == {"Liu Yanhua": "World Bank", "Zhang Wei": None}
    assert '<th scope="col" class="sortable column-affiliation">' in page.content.decode()


def test_merge_is_undone_from_the_survivors_history(csrf_editor):
    summit, forum = make_event("Summit"), make_event("Forum")
    keep = make_person("Liu Yanhua")
    dupe = make_person("Yanhua Liu", aliases=["Y. Liu"])
    bank = make_organization("World Bank")
    make_participation(summit, keep, positions=[("director", bank)])
    make_participation(summit, dupe, positions=[("former vice minister", None)])
    make_participation(forum, dupe, positions=[("adviser", bank)])
    ReviewItem.objects.create(record=dupe, reason="no-affiliation", message="check")
    before = {
        "people": sorted(Person.objects.values_list("pk", "name", "slug")),
        "appearances": sorted(Participation.objects.values_list("pk", "person_id", "event_id")),
        "positions": sorted((p.participation_id, p.order, str(p)) for p in Position.objects.all()),
        "aliases": sorted(PersonAlias.objects.values_list("person_id", "name", "kind")),
    }

    response = csrf_editor.post(
        reverse("admin:people_person_merge"),
        {"ids": [keep.pk, dupe.pk], "survivor": keep.pk, "confirm": "yes"},
    )
    assert response.status_code == 302
    assert list(Person.objects.all()) == [keep]
    assert PersonRedirect.objects.get().old_slug == "yanhua-liu"

    history = csrf_editor.get(history_url(keep)).content.decode()
    merge = MergeRecord.objects.get()
    undo = reverse("admin:curation_mergerecord_undo", args=[merge.pk])
    assert f'href="{undo}">Undo this merge…</a>' in history
    assert csrf_editor.get(undo).status_code == 200
    response = csrf_editor.post(undo, {})
    assert (response.status_code, response["Location"]) == (302, history_url(keep))

    assert {
        "people": sorted(Person.objects.values_list("pk", "name", "slug")),
        "appearances": sorted(Participation.objects.values_list("pk", "person_id", "event_id")),
        "positions": sorted((p.participation_id, p.order, str(p)) for p in Position.objects.all()),
        "aliases": sorted(PersonAlias.objects.values_list("person_id", "name", "kind")),
    } == before
    assert not PersonRedirect.objects.exists()
    assert ReviewItem.objects.get().record == Person.objects.get(pk=dupe.pk)
    merge.refresh_from_db()
    assert merge.undone_by == csrf_editor.user
    # Undone once; the page now says so and offers nothing more.
    assert "Undo this merge" not in csrf_editor.get(history_url(keep)).content.decode()
