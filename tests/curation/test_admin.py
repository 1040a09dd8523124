"""The editors' admin driven through the test client as an editor: staff, in `editors`, no
superuser. Also who may not write, and the login throttle."""

from __future__ import annotations

import json

import pytest
from django.contrib.admin.models import LogEntry
from django.contrib.auth.models import Group, Permission, User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse

from core.models import DeletedRecord
from curation.editing import EDITORS_GROUP
from events.models import Event, Participation, Report, ReviewItem, ReviewStatus
from people.models import Organization, Person, PersonAlias, PersonRedirect
from tests.curation.conftest import PASSWORD
from tests.factories import (
    make_city,
    make_event,
    make_organization,
    make_organizer,
    make_participation,
    make_person,
    make_report,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


@pytest.fixture
def staff_client(client):
    """Staff, but in no group: may open the admin and nothing in it."""
    user = User.objects.create_user("stan", password=PASSWORD, is_staff=True)
    client.force_login(user)
    return client


def change_url(obj):
    return reverse(f"admin:{obj._meta.app_label}_{obj._meta.model_name}_change", args=[obj.pk])


def changelist_url(model):
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")


def form_data(response) -> dict:
    """The POST a browser would send back for an admin change page, unchanged."""
    data = {}

    def add(form, prefixed=True):
        for name, field in form.fields.items():
            key = form.add_prefix(name) if prefixed else name
            value = form[name].value()
            if value is None or value is False:
                continue
            if value is True:
                value = "on"
            elif isinstance(value, list | dict) and field.__class__.__name__ == "JSONField":
                value = json.dumps(value)
            elif isinstance(value, list | tuple):
                value = [str(v) for v in value]
            data[key] = value
            if field.show_hidden_initial:
                data[form.add_initial_prefix(name)] = value

    add(response.context["adminform"].form)
    # A history page's form to revert to has no inlines.
    for inline in response.context.get("inline_admin_formsets", []):
        formset = inline.formset
        add(formset.management_form)
        for form in formset.forms:
            add(form)
    return data


# ---------------------------------------------------------------- roles


def test_editors_group_has_content_permissions_and_none_on_users():
    group = Group.objects.get(name=EDITORS_GROUP)
    codenames = set(group.permissions.values_list("codename", flat=True))
    assert {"add_event", "change_person", "delete_organization", "view_reviewitem"} <= codenames
    assert {"change_deletedrecord", "delete_participation", "add_report"} <= codenames
    labels = set(group.permissions.values_list("content_type__app_label", flat=True))
    assert labels == {"core", "curation", "events", "people"}
    assert not codenames & {"add_user", "change_user", "change_group", "delete_user"}


def test_create_editors_group_command_is_idempotent(capsys):
    group = Group.objects.get(name=EDITORS_GROUP)
    group.permissions.remove(Permission.objects.get(codename="change_event"))
    call_command("create_editors_group")
    call_command("create_editors_group")
    group.refresh_from_db()
    assert Group.objects.filter(name=EDITORS_GROUP).count() == 1
    assert group.permissions.filter(codename="change_event").exists()
    assert (
        capsys.readouterr().out.splitlines()[-1]
        == f"editors: {group.permissions.count()} permissions"
    )


def test_admin_login_is_locked_out_after_five_failures(client, settings):
    User.objects.create_user("edith", password=PASSWORD, is_staff=True)
    url = reverse("admin:login")
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        response = client.post(url, {"username": "edith", "password": "wrong"})
        assert response.status_code == 200
        assert response.context["form"].errors
    response = client.post(url, {"username": "edith", "password": "wrong"})
    assert response.status_code == 429
    # Locked out: even the right password is refused until the cool-off has passed.
    response = client.post(url, {"username": "edith", "password": PASSWORD})
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


def test_admin_login_works_for_an_editor(client, editor):
    response = client.post(
        reverse("admin:login"), {"username": "edith", "password": PASSWORD, "next": "/admin/"}
    )
    assert response.status_code == 302
    assert response["Location"] == "/admin/"
    assert client.session["_auth_user_id"] == str(editor.pk)
    index = client.get("/admin/")
    assert index.status_code == 200
    assert index.context["user"] == editor


@pytest.mark.parametrize(
    "model_name",
    [
        "events.report",
        "events.event",
        "events.eventsource",
        "events.eventclaim",
        "events.eventorganizer",
        "events.eventtopic",
        "events.citymention",
        "events.organizationmention",
        "events.participation",
        "events.position",
        "events.reviewitem",
        "events.city",
        "events.topic",
        "people.person",
        "people.personalias",
        "people.organization",
        "people.organizationalias",
        "people.personredirect",
        "people.organizationredirect",
        "core.deletedrecord",
    ],
)
def test_every_content_model_has_an_admin_an_editor_can_open(editor_client, model_name):
    app_label, model = model_name.split(".")
    response = editor_client.get(reverse(f"admin:{app_label}_{model}_changelist"))
    assert response.status_code == 200
    assert response.context["cl"].model._meta.label_lower == model_name


def test_editor_cannot_manage_users(editor_client):
    assert editor_client.get(changelist_url(User)).status_code == 403
    assert editor_client.get(changelist_url(Group)).status_code == 403


def test_staff_without_group_cannot_read_or_write(staff_client):
    event = make_event("Summit", venue="Hall 1")
    assert staff_client.get(changelist_url(Event)).status_code == 403
    response = staff_client.post(change_url(event), {"name": "Changed", "venue": "Hall 2"})
    assert response.status_code == 403
    response = staff_client.post(reverse("admin:events_report_add_from_text"), {})
    assert response.status_code == 403
    event.refresh_from_db()
    assert (event.name, event.venue) == ("Summit", "Hall 1")


def test_anonymous_visitors_are_sent_to_the_login_page(client):
    event = make_event("Summit", venue="Hall 1")
    for response in [
        client.get(changelist_url(Event)),
        client.post(change_url(event), {"name": "Changed"}),
        client.post(reverse("admin:events_report_add_from_text"), {"file_name": "x.txt"}),
    ]:
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("admin:login"))
    event.refresh_from_db()
    assert event.name == "Summit"


@pytest.mark.parametrize(
    "url", ["/", "/events/", "/speakers/", "/organisations/", "/reports/", "/cities/", "/topics/"]
)
def test_public_list_pages_refuse_posts(client, url):
    response = client.post(url, {"name": "x"})
    assert response.status_code in (403, 405)
    assert set(response.get("Allow", "GET").split(", ")) <= {"GET", "HEAD", "OPTIONS"}


def test_public_detail_pages_refuse_posts(client):
    event = make_event("Summit")
    person = make_person("Liu Yanhua")
    organization = make_organization("World Bank")
    for obj in (event, person, organization, event.sources.first()):
        assert client.post(obj.get_absolute_url(), {"name": "x"}).status_code in (403, 405)
    assert Event.objects.get().name == "Summit"


# ---------------------------------------------------------------- editing and bookkeeping


def test_editor_edits_an_event_field_and_it_is_marked_curated(editor_client, editor):
    event = make_event("Summit", venue="Hall 1", start_year=2021)
    make_participation(event, make_person("Liu Yanhua"))
    response = editor_client.get(change_url(event))
    data = form_data(response)
    data["venue"] = "National Convention Center"
    response = editor_client.post(change_url(event), data)
    assert response.status_code == 302, response.context and response.context["errors"]
    event.refresh_from_db()
    assert event.venue == "National Convention Center"
    assert event.curated_fields == ["venue"]
    assert not event.created_by_editor
    entry = LogEntry.objects.get(object_id=str(event.pk))
    assert (entry.user, entry.is_change()) == (editor, True)
    history = editor_client.get(reverse("admin:events_event_history", args=[event.pk]))
    assert "Changed Venue." in history.content.decode()


def test_event_change_page_shows_evidence_escaped(editor_client):
    report = make_report("Summit <b>bold</b> was held. Jane Doe spoke.")
    event = make_event("Summit", report=report)
    event.claims.create(
        field="name", value="Summit", report=report, evidence_start=0, evidence_end=28
    )
    make_participation(event, make_person("Jane Doe"), evidence_start=29, evidence_end=44)
    content = editor_client.get(change_url(event)).content.decode()
    assert "<q>Summit &lt;b&gt;bold&lt;/b&gt; was held.</q>" in content
    assert "<q>Jane Doe spoke.</q>" in content


def test_inline_edit_of_a_participation_is_marked_curated(editor_client):
    event = make_event("Summit")
    participation = make_participation(event, make_person("Liu Yanhua"))
    data = form_data(editor_client.get(change_url(event)))
    data["participations-0-talk_title"] = "Cities and carbon"
    assert editor_client.post(change_url(event), data).status_code == 302
    participation.refresh_from_db()
    assert participation.talk_title == "Cities and carbon"
    assert participation.curated_fields == ["talk_title"]
    event.refresh_from_db()
    assert event.curated_fields == []


def test_inline_delete_of_a_participation_writes_a_tombstone(editor_client):
    event = make_event("Summit")
    make_participation(event, make_person("Liu Yanhua"))
    data = form_data(editor_client.get(change_url(event)))
    data["participations-0-DELETE"] = "on"
    assert editor_client.post(change_url(event), data).status_code == 302
    assert not Participation.objects.exists()
    assert list(DeletedRecord.objects.values_list("model", "key")) == [
        ("events.participation", "summit|liu yanhua")
    ]


def test_person_added_in_the_admin_is_created_by_editor(editor_client):
    response = editor_client.post(
        reverse("admin:people_person_add"),
        {
            "name": "Wang Wei",
            "family_name": "Wang",
            "given_name": "Wei",
            "slug": "wang-wei",
            "curated_fields": "[]",
            "aliases-TOTAL_FORMS": "1",
            "aliases-INITIAL_FORMS": "0",
            "aliases-0-name": "WANG Wei",
            "aliases-0-kind": "alias",
            "participations-TOTAL_FORMS": "0",
            "participations-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 302, response.context and response.context["errors"]
    person = Person.objects.get()
    assert person.created_by_editor
    assert list(person.aliases.values_list("name", flat=True)) == ["WANG Wei"]


def test_renaming_a_person_keeps_the_old_name_as_an_alias(editor_client):
    person = make_person("Yanhua Liu")
    data = form_data(editor_client.get(change_url(person)))
    data["name"] = "Liu Yanhua"
    assert editor_client.post(change_url(person), data).status_code == 302
    person.refresh_from_db()
    assert person.curated_fields == ["name"]
    assert list(person.aliases.values_list("name", "kind")) == [("Yanhua Liu", "alias")]


def test_deleting_a_person_writes_a_tombstone(editor_client, editor):
    person = make_person("Liu Yanhua")
    url = reverse("admin:people_person_delete", args=[person.pk])
    assert editor_client.post(url, {"post": "yes"}).status_code == 302
    assert not Person.objects.exists()
    tombstone = DeletedRecord.objects.get()
    assert (tombstone.model, tombstone.key, tombstone.label) == (
        "people.person",
        "liu yanhua",
        "Liu Yanhua",
    )
    assert tombstone.deleted_by == editor


def test_bulk_delete_writes_a_tombstone_per_record(editor_client):
    events = [make_event("Summit A"), make_event("Summit B")]
    organization = make_organization("World Bank")
    editor_client.post(
        changelist_url(Event),
        {"action": "delete_selected", "post": "yes", "_selected_action": [e.pk for e in events]},
    )
    editor_client.post(
        changelist_url(Organization),
        {"action": "delete_selected", "post": "yes", "_selected_action": [organization.pk]},
    )
    assert not Event.objects.exists()
    assert sorted(DeletedRecord.objects.values_list("model", "key")) == [
        ("events.event", "summit a"),
        ("events.event", "summit b"),
        ("people.organization", "world bank"),
    ]


# ---------------------------------------------------------------- merging


def test_merging_two_people_through_the_admin(editor_client, editor):
    summit = make_event("Summit")
    forum = make_event("Forum")
    keep = make_person("Liu Yanhua")
    dupe = make_person("Yanhua Liu", aliases=["Y. Liu"])
    bank = make_organization("World Bank")
    make_participation(summit, keep, positions=[("director", bank)])
    make_participation(summit, dupe, positions=[("former vice minister", None)])
    make_participation(forum, dupe, positions=[("adviser", bank)])
    selected = {"action": "merge_selected", "_selected_action": [keep.pk, dupe.pk]}

    page = editor_client.post(changelist_url(Person), selected)
    assert page.status_code == 200
    assert page.templates[0].name == "admin/merge_confirmation.html"
    previews = {p.record.name: p for p in page.context["previews"]}
    side = previews["Yanhua Liu"]
    assert (side.appearances, side.organizations, side.events, side.aliases) == (
        2,
        ("World Bank",),
        ("Forum", "Summit"),
        ("Y. Liu",),
    )
    assert previews["Liu Yanhua"].events == ("Summit",)
    # The record with more appearances survives unless the editor picks the other.
    assert page.context["default_survivor"] == dupe
    assert f'name="survivor" value="{dupe.pk}" id="survivor-{dupe.pk}" checked' in (
        page.content.decode()
    )
    assert f'name="survivor" value="{keep.pk}"' in page.content.decode()
    assert Person.objects.count() == 2  # nothing happens before the editor confirms

    response = editor_client.post(
        changelist_url(Person), {**selected, "confirm": "yes", "survivor": keep.pk}
    )
    assert response.status_code == 302
    assert response["Location"] == change_url(keep)
    assert list(Person.objects.all()) == [keep]
    at_summit = Participation.objects.get(event=summit)
    assert [str(p) for p in at_summit.positions.all()] == [
        "director, World Bank",
        "former vice minister",
    ]
    assert Participation.objects.get(event=forum).person == keep
    assert sorted(keep.aliases.values_list("name", "kind")) == [
        ("Y. Liu", "merged"),
        ("Yanhua Liu", "merged"),
    ]
    assert PersonRedirect.objects.get().old_slug == "yanhua-liu"
    assert not DeletedRecord.objects.exists()
    entry = LogEntry.objects.get(object_id=str(keep.pk))
    assert entry.user == editor
    assert entry.change_message == "Merged Yanhua Liu into this record."
    history = editor_client.get(reverse("admin:people_person_history", args=[keep.pk]))
    assert "Merged Yanhua Liu into this record." in history.content.decode()


def test_merging_two_organisations_through_the_admin(editor_client):
    event = make_event("Summit")
    keep = make_organization("International Green Economy Association", acronym="IGEA")
    dupe = make_organization("Intl. Green Economy Assn", acronym="IGEAA")
    unit = make_organization("IGEA Think Tank", parent=dupe)
    make_organizer(event, dupe, role="host")
    make_participation(event, make_person("Liu Yanhua"), positions=[("chair", dupe)])
    selected = {"action": "merge_selected", "_selected_action": [keep.pk, dupe.pk]}

    page = editor_client.post(changelist_url(Organization), selected)
    side = {p.record.pk: p for p in page.context["previews"]}[dupe.pk]
    assert (side.appearances, side.organizations, side.events, side.people, side.aliases) == (
        2,
        ("unit: IGEA Think Tank",),
        ("Summit",),
        ("Liu Yanhua",),
        ("IGEAA",),
    )
    response = editor_client.post(
        changelist_url(Organization), {**selected, "confirm": "yes", "survivor": keep.pk}
    )
    assert response.status_code == 302
    assert set(Organization.objects.all()) == {keep, unit}
    unit.refresh_from_db()
    assert unit.parent == keep
    assert list(event.organizer_roles.values_list("organization__name", "role")) == [
        (keep.name, "host")
    ]
    assert sorted(keep.aliases.values_list("name", "kind")) == [
        ("IGEA", "acronym"),
        ("IGEAA", "merged"),
        ("Intl. Green Economy Assn", "merged"),
    ]


def test_merge_needs_two_records(editor_client):
    person = make_person("Liu Yanhua")
    response = editor_client.post(
        changelist_url(Person),
        {"action": "merge_selected", "_selected_action": [person.pk]},
        follow=True,
    )
    assert [str(m) for m in response.context["messages"]] == [
        "Select two or more records to merge."
    ]


def test_staff_without_group_cannot_merge(staff_client):
    a, b = make_person("Liu Yanhua"), make_person("Yanhua Liu")
    response = staff_client.post(
        changelist_url(Person),
        {
            "action": "merge_selected",
            "_selected_action": [a.pk, b.pk],
            "confirm": "yes",
            "survivor": a.pk,
        },
    )
    assert response.status_code == 403
    assert Person.objects.count() == 2


# ---------------------------------------------------------------- review queue


def make_review_item(record, reason="no-year", message="The year is not stated."):
    from django.contrib.contenttypes.models import ContentType

    report = record.sources.first() if isinstance(record, Event) else make_report()
    return ReviewItem.objects.create(
        content_type=ContentType.objects.get_for_model(record),
        object_id=record.pk,
        reason=reason,
        message=message,
        report=report,
        evidence_start=0,
        evidence_end=6,
    )


def test_admin_index_shows_the_open_review_count(editor_client):
    make_review_item(make_event("Summit"))
    make_review_item(make_event("Forum"))
    content = editor_client.get(reverse("admin:index")).content.decode()
    assert "<strong>2</strong> items need review" in content


def test_review_list_links_to_the_record_with_its_evidence(editor_client):
    event = make_event("Summit")
    make_review_item(event)
    content = editor_client.get(changelist_url(ReviewItem) + "?status__exact=open").content.decode()
    assert f'<a href="{change_url(event)}">Summit</a>' in content
    assert "<q>Summit</q>" in content


@pytest.mark.parametrize(
    ("action", "status"), [("confirm", "confirmed"), ("mark_corrected", "corrected")]
)
def test_review_actions_resolve_items_and_write_history(editor_client, editor, action, status):
    event = make_event("Summit")
    item = make_review_item(event)
    response = editor_client.post(
        changelist_url(ReviewItem), {"action": action, "_selected_action": [item.pk]}
    )
    assert response.status_code == 302
    item.refresh_from_db()
    assert (item.status, item.resolved_by) == (status, editor)
    assert item.resolved_at is not None
    assert (
        LogEntry.objects.filter(object_id=str(item.pk), content_type__model="reviewitem").count()
        == 1
    )
    assert LogEntry.objects.get(
        object_id=str(event.pk), content_type__model="event"
    ).change_message == (
        f"Review “no-year”: {ReviewStatus(status).label.lower()}. The year is not stated."
    )
    assert ReviewItem.objects.open().count() == 0


# ---------------------------------------------------------------- adding a report

REPORT_TEXT = (
    "Green Finance Forum Held in Shanghai\n\n"
    "On March 3, 2022, the Green Finance Forum was held in Shanghai.\n"
)


@pytest.fixture
def loads_in_request(settings):
    """The in-request path (SQLite's); the queued path is tested beside the queue."""
    settings.TASK_QUEUE = False


@pytest.mark.usefixtures("loads_in_request")
def test_editor_adds_a_report_from_pasted_text(editor_client):
    url = reverse("admin:events_report_add_from_text")
    assert editor_client.get(url).status_code == 200
    response = editor_client.post(url, {"file_name": "forum.txt", "text": REPORT_TEXT})
    report = Report.objects.get()
    assert response.status_code == 302
    assert response["Location"] == change_url(report)
    assert report.file_name == "forum.txt"
    events = list(report.events.all())
    assert events
    flagged = set(
        ReviewItem.objects.open()
        .filter(content_type__model="event")
        .values_list("object_id", flat=True)
    )
    assert flagged == {e.pk for e in events}
    page = editor_client.get(response["Location"])
    assert "flagged for review" in " ".join(str(m) for m in page.context["messages"])


@pytest.mark.usefixtures("loads_in_request")
def test_editor_adds_a_report_from_an_uploaded_file(editor_client):
    upload = SimpleUploadedFile("forum.txt", REPORT_TEXT.encode("utf-8"))
    response = editor_client.post(
        reverse("admin:events_report_add_from_text"), {"file_name": "forum.txt", "upload": upload}
    )
    assert response.status_code == 302
    assert Report.objects.get().raw_text.startswith("Green Finance Forum")


@pytest.mark.usefixtures("loads_in_request")
@pytest.mark.parametrize(
    ("data", "error"),
    [
        ({"file_name": "empty.txt", "text": "   \n"}, "Paste the text or choose a file"),
        (
            {
                "file_name": "binary.txt",
                "upload": SimpleUploadedFile("x.bin", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 20),
            },
            "This report cannot be added: the file is binary",
        ),
    ],
    ids=["empty", "binary"],
)
def test_bad_report_input_shows_an_error_and_writes_nothing(editor_client, data, error):
    response = editor_client.post(reverse("admin:events_report_add_from_text"), data)
    assert response.status_code == 200
    assert error in " ".join(response.context["form"].non_field_errors())
    assert not Report.objects.exists()
    assert not Event.objects.exists()


@pytest.mark.usefixtures("loads_in_request")
def test_report_file_names_stay_unique(editor_client):
    make_report(file_name="forum.txt")
    response = editor_client.post(
        reverse("admin:events_report_add_from_text"),
        {"file_name": "forum.txt", "text": REPORT_TEXT},
    )
    assert response.context["form"].errors["file_name"] == [
        "A report with this file name is already loaded."
    ]


# ---------------------------------------------------------------- query counts


def make_rows(n: int) -> None:
    city = make_city("Beijing")
    report = make_report()
    bank = make_organization("World Bank")
    events = Event.objects.bulk_create(
        Event(
            name=f"Summit {i}",
            key=f"summit {i}",
            slug=f"summit-{i}",
            city=city,
            start_year=2000 + i % 20,
        )
        for i in range(n)
    )
    people = Person.objects.bulk_create(
        Person(name=f"Person {i}", key=f"person {i}", slug=f"person-{i}") for i in range(n)
    )
    Organization.objects.bulk_create(
        Organization(name=f"Org {i}", key=f"org {i}", slug=f"org-{i}", parent=bank)
        for i in range(n)
    )
    participations = Participation.objects.bulk_create(
        Participation(event=e, person=p, report=report) for e, p in zip(events, people, strict=True)
    )
    from events.models import Position

    Position.objects.bulk_create(
        Position(participation=p, title="director", organization=bank, report=report)
        for p in participations
    )


def test_redirect_lookup_after_a_merge():
    from core.models import find_redirect
    from curation.editing import merge_people

    keep, dupe = make_person("Liu Yanhua"), make_person("Yanhua Liu")
    merge_people(keep, [dupe])
    assert find_redirect(Person, "yanhua-liu") == "/speakers/liu-yanhua/"
    assert find_redirect(Person, "nobody") is None
    assert find_redirect(Organization, "yanhua-liu") is None
    assert PersonAlias.objects.get().person == keep


def test_person_and_organisation_pages_show_appearances_members_and_events(editor_client):
    event = make_event("Summit", start_year=2021)
    bank = make_organization("World Bank", acronym="WB")
    person = make_person("Liu Yanhua")
    participation = make_participation(event, person, positions=[("director", bank)])
    make_organizer(event, bank)
    make_review_item(participation, reason="no-affiliation", message="No organisation.")

    person_page = editor_client.get(change_url(person)).content.decode()
    assert f'<a href="{change_url(event)}">Summit</a>' in person_page
    assert f'<li>director — <a href="{change_url(bank)}">World Bank (WB)</a> (Summit)</li>' in (
        person_page
    )
    org_page = editor_client.get(change_url(bank)).content.decode()
    assert f'<a href="{change_url(person)}">Liu Yanhua</a>' in org_page
    assert f'<li><a href="{change_url(event)}">Summit</a> (Host)</li>' in org_page
    for obj in (participation, ReviewItem.objects.get(), event.sources.first()):
        assert editor_client.get(change_url(obj)).status_code == 200


def test_organiser_added_inline_is_filed_under_the_events_report(editor_client):
    event = make_event("Summit")
    bank = make_organization("World Bank")
    data = form_data(editor_client.get(change_url(event)))
    data.update(
        {
            "organizer_roles-TOTAL_FORMS": "1",
            "organizer_roles-0-organization": str(bank.pk),
            "organizer_roles-0-role": "host",
            "organizer_roles-0-order": "0",
        }
    )
    assert editor_client.post(change_url(event), data).status_code == 302
    organizer = event.organizer_roles.get()
    assert (organizer.organization, organizer.report) == (bank, event.sources.first())
    event.refresh_from_db()
    assert event.curated_fields == ["organizer_roles"]


def test_position_edited_in_the_admin_marks_positions_curated(editor_client):
    participation = make_participation(
        make_event("Summit"), make_person("Liu Yanhua"), positions=[("directr", None)]
    )
    data = form_data(editor_client.get(change_url(participation)))
    data["positions-0-title"] = "director"
    assert editor_client.post(change_url(participation), data).status_code == 302
    participation.refresh_from_db()
    assert participation.curated_fields == ["positions"]
    assert participation.positions.get().report == participation.report


# ---------------------------------------------------------------- rows edited on their own page


def test_editing_a_position_on_its_own_page_marks_the_participation(editor_client):
    from events.models import Position

    participation = make_participation(
        make_event("Summit"), make_person("Zou Ji"), positions=[("director", None)]
    )
    position = Position.objects.get()
    data = form_data(editor_client.get(change_url(position)))
    data["title"] = "country director"
    assert editor_client.post(change_url(position), data).status_code == 302
    participation.refresh_from_db()
    assert participation.curated_fields == ["positions"]


def test_report_statements_cannot_be_edited_in_the_admin(editor_client):
    from events.models import EventClaim

    event = make_event("Summit")
    claim = EventClaim.objects.create(
        event=event, report=event.sources.get(), field="venue", value="Hall A"
    )
    page = editor_client.get(change_url(claim))
    assert page.status_code == 200
    assert not page.context["adminform"].form.fields  # read-only: no editable field
    assert editor_client.post(change_url(claim), {"value": "Hall B"}).status_code == 403
    claim.refresh_from_db()
    assert claim.value == "Hall A"


def test_changing_a_slug_leaves_a_redirect(editor_client, client):
    person = make_person("Liu Yanhua")
    data = form_data(editor_client.get(change_url(person)))
    data["slug"] = "yanhua-liu"
    assert editor_client.post(change_url(person), data).status_code == 302
    assert PersonRedirect.objects.get().old_slug == "liu-yanhua"
    response = client.get("/speakers/liu-yanhua/")
    assert (response.status_code, response["Location"]) == (301, "/speakers/yanhua-liu/")


def test_review_queue_lists_open_items_first(editor_client):
    event = make_event("Summit")
    for reason, status in [("a", "confirmed"), ("b", "open"), ("c", "corrected")]:
        ReviewItem.objects.create(record=event, reason=reason, message=reason, status=status)
    page = editor_client.get(changelist_url(ReviewItem))
    assert [item.reason for item in page.context["cl"].result_list][0] == "b"
