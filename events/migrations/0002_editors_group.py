"""The `editors` group: add, change, delete and view on the content models, nothing on users.

A frozen copy of the model list lives here on purpose: a migration must keep meaning what it
meant when written. `manage.py create_editors_group` does the same for existing databases.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUP_NAME = "editors"
ACTIONS = ("add", "change", "delete", "view")
CONTENT_MODELS = {
    "events": (
        "report",
        "event",
        "eventsource",
        "eventclaim",
        "eventorganizer",
        "eventtopic",
        "citymention",
        "organizationmention",
        "participation",
        "position",
        "reviewitem",
        "city",
        "topic",
    ),
    "people": (
        "person",
        "personalias",
        "organization",
        "organizationalias",
        "personredirect",
        "organizationredirect",
        "deletedrecord",
    ),
}


def create_editors_group(apps, schema_editor):
    # Permissions are normally created by post_migrate, after every migration has run; on
    # a fresh database they do not exist yet, so make them now for the two apps.
    for label in CONTENT_MODELS:
        app_config = apps.get_app_config(label)
        app_config.models_module = True
        try:
            create_permissions(app_config, apps=apps, verbosity=0)
        finally:
            app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name=GROUP_NAME)
    codenames = [
        f"{action}_{model}"
        for models in CONTENT_MODELS.values()
        for model in models
        for action in ACTIONS
    ]
    permissions = Permission.objects.filter(
        content_type__app_label__in=list(CONTENT_MODELS), codename__in=codenames
    )
    group.permissions.add(*permissions)


def delete_editors_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=GROUP_NAME).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("events", "0001_initial"),
        ("people", "0001_initial"),
    ]

    operations = [migrations.RunPython(create_editors_group, delete_editors_group)]
