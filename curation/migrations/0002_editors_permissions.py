"""The `editors` group may work with duplicate candidates, merges and earlier event names."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUP_NAME = "editors"
ACTIONS = ("add", "change", "delete", "view")
MODELS = {
    "curation": ("duplicatecandidate", "distinctpair", "mergerecord"),
    "events": ("eventalias",),
}


def grant(apps, schema_editor):
    for label in MODELS:
        app_config = apps.get_app_config(label)
        app_config.models_module = True
        try:
            create_permissions(app_config, apps=apps, verbosity=0)
        finally:
            app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name=GROUP_NAME)
    for label, models in MODELS.items():
        group.permissions.add(
            *Permission.objects.filter(
                content_type__app_label=label,
                codename__in=[f"{a}_{m}" for a in ACTIONS for m in models],
            )
        )


class Migration(migrations.Migration):
    dependencies = [
        ("curation", "0001_initial"),
        ("events", "0010_editors_tools"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
