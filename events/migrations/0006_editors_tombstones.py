"""The `editors` group keeps its permissions on tombstones now that they live in core.

On a database migrated before the move, people 0004 carried the permissions over with the
content type and this finds them in place. On a fresh database people 0004 may run before
0002 made the group, and 0002's frozen list names tombstones under people, so they are
granted here.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUP_NAME = "editors"
ACTIONS = ("add", "change", "delete", "view")


def grant_tombstone_permissions(apps, schema_editor):
    app_config = apps.get_app_config("core")
    app_config.models_module = True
    try:
        create_permissions(app_config, apps=apps, verbosity=0)
    finally:
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name=GROUP_NAME)
    group.permissions.add(
        *Permission.objects.filter(
            content_type__app_label="core",
            codename__in=[f"{action}_deletedrecord" for action in ACTIONS],
        )
    )


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0005_participant_mention"),
        ("people", "0004_deletedrecord_to_core"),
    ]

    operations = [migrations.RunPython(grant_tombstone_permissions, migrations.RunPython.noop)]
