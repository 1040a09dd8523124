"""Moving DeletedRecord from people to core keeps every row, its history and its permissions.

The database is taken back to the schema before the move, filled through the historical
models of that time, and migrated forward again.
"""

from importlib import import_module

import pytest
from django.contrib.admin.models import LogEntry
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from core.models import DeletedRecord
from curation.editing import EDITORS_GROUP
from events.models import Event, Participation
from people.models import Person

BEFORE_THE_MOVE = [
    ("people", "0003_unaccent_search"),
    ("events", "0005_participant_mention"),
    ("core", None),
]


def migrate(targets):
    # The state migrate() returns is the whole project's, with the historical models.
    return MigrationExecutor(connection).migrate(targets).apps


def latest_targets():
    return MigrationExecutor(connection).loader.graph.leaf_nodes()


def fill_old_schema(old):
    # A transactional test starts from a flushed database, without the group a migration
    # made; make it as that migration did.
    import_module("events.migrations.0002_editors_group").create_editors_group(old, None)
    User = old.get_model("auth", "User")
    OldDeletedRecord = old.get_model("people", "DeletedRecord")
    OldPerson = old.get_model("people", "Person")
    editor = User.objects.create(username="editor")
    tombstone = OldDeletedRecord.objects.create(
        model="people.person", key="liu yanhua", label="Liu Yanhua", deleted_by=editor
    )
    OldDeletedRecord.objects.create(model="events.event", key="green forum", label="")
    person = OldPerson.objects.create(name="Bojan Lalić", slug="bojan-lalic", key="bojan lalic")
    event = old.get_model("events", "Event").objects.create(
        name="Green Forum 2021", slug="green-forum-2021", key="green forum 2021"
    )
    report = old.get_model("events", "Report").objects.create(
        file_name="forum.txt", slug="forum", sha256="0" * 64, raw_text="", text="", title="Forum"
    )
    old.get_model("events", "Participation").objects.create(
        event=event, person=person, report=report
    )
    old_type = old.get_model("contenttypes", "ContentType").objects.get(
        app_label="people", model="deletedrecord"
    )
    # The admin's history of a tombstone points at it through its content type.
    old.get_model("admin", "LogEntry").objects.create(
        user=editor,
        content_type=old_type,
        object_id=str(tombstone.pk),
        object_repr=str(tombstone.label),
        action_flag=3,
    )
    return old_type.pk


@pytest.mark.django_db(transaction=True)
def test_deleted_records_survive_the_move_to_core():
    try:
        old = migrate(BEFORE_THE_MOVE)
        fill_old_schema(old)
    finally:
        migrate(latest_targets())

    rows = DeletedRecord.objects.order_by("key").values_list(
        "model", "key", "label", "deleted_by__username"
    )
    assert list(rows) == [
        ("events.event", "green forum", "", None),
        ("people.person", "liu yanhua", "Liu Yanhua", "editor"),
    ]
    assert list(Person.objects.values_list("name", "key")) == [("Bojan Lalić", "bojan lalic")]
    assert list(Participation.objects.values_list("event__name", "person__name")) == [
        ("Green Forum 2021", "Bojan Lalić")
    ]
    assert Event.objects.count() == 1


@pytest.mark.django_db(transaction=True)
def test_tombstone_content_type_and_editor_permissions_follow_the_model():
    try:
        old = migrate(BEFORE_THE_MOVE)
        old_type_pk = fill_old_schema(old)
        old_group = old.get_model("auth", "Group").objects.get(name=EDITORS_GROUP)
        old_codenames = set(
            old_group.permissions.filter(content_type_id=old_type_pk).values_list(
                "codename", flat=True
            )
        )
    finally:
        migrate(latest_targets())

    moved = ContentType.objects.get_for_model(DeletedRecord)
    assert (moved.pk, moved.app_label) == (old_type_pk, "core")
    assert not ContentType.objects.filter(app_label="people", model="deletedrecord").exists()
    group = Group.objects.get(name=EDITORS_GROUP)
    codenames = set(group.permissions.filter(content_type=moved).values_list("codename", flat=True))
    expected = {f"{action}_deletedrecord" for action in ("add", "change", "delete", "view")}
    assert old_codenames == expected
    assert codenames == expected
    history = LogEntry.objects.get()
    assert (history.content_type, history.get_edited_object().label) == (moved, "Liu Yanhua")
