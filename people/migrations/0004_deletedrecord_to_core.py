"""`DeletedRecord` now belongs to the core app (core 0001); its table and rows stay put.

The content type moves with it, so the editors' permissions on tombstones and the admin
history of each tombstone follow the model instead of pointing at a model that is gone.
"""

from django.db import migrations


def move_content_type(apps, schema_editor, old="people", new="core"):
    ContentType = apps.get_model("contenttypes", "ContentType")
    db = schema_editor.connection.alias
    if ContentType.objects.using(db).filter(app_label=new, model="deletedrecord").exists():
        return
    ContentType.objects.using(db).filter(app_label=old, model="deletedrecord").update(
        app_label=new
    )


def move_content_type_back(apps, schema_editor):
    move_content_type(apps, schema_editor, old="core", new="people")


class Migration(migrations.Migration):
    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("people", "0003_unaccent_search"),
        ("core", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name="DeletedRecord")],
            database_operations=[],
        ),
        migrations.RunPython(move_content_type, move_content_type_back),
    ]
