"""An index for each sort order of the events list.

Newest first is `start_year DESC NULLS LAST, ...`; SQLite cannot declare NULLS LAST in an
index, but its DESC already puts NULLs last, so it gets a plain DESC index instead. Neither is
in the model's Meta, so the schema Django sees is the same on both.
"""

from django.db import migrations, models

NEWEST = "event_newest_idx"


def create_newest(apps, schema_editor):
    postgresql = schema_editor.connection.vendor == "postgresql"
    nulls = " NULLS LAST" if postgresql else ""
    columns = ", ".join(f"{c} DESC{nulls}" for c in ("start_year", "start_month", "start_day"))
    # With the id in the index a deep page skips its OFFSET rows in the index alone
    # (SQLite's rowid is in every index already).
    include = " INCLUDE (id)" if postgresql else ""
    schema_editor.execute(f"CREATE INDEX {NEWEST} ON events_event ({columns}, name){include}")


def drop_newest(apps, schema_editor):
    schema_editor.execute(f"DROP INDEX IF EXISTS {NEWEST}")


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0008_report_import"),
        ("people", "0005_list_orders"),
    ]

    operations = [
        migrations.RemoveIndex(model_name="event", name="event_date_idx"),
        migrations.AddIndex(
            model_name="event",
            index=models.Index(
                fields=["start_year", "start_month", "start_day", "name"], name="event_date_idx"
            ),
        ),
        migrations.RunPython(create_newest, drop_newest, elidable=False),
    ]
