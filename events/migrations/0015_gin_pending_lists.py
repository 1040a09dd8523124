"""The position-title trigram index takes each new title at once; the report and event
full-text indexes flush often (core/gin_indexes.py says why). PostgreSQL only."""

from django.db import migrations

from core import gin_indexes

INDEXES = {
    "trigram": ("events_position_title_trgm",),
    "fulltext": ("events_event_fts", "events_report_fts"),
}


def tune(apps, schema_editor):
    gin_indexes.tune(schema_editor, **INDEXES)


def untune(apps, schema_editor):
    gin_indexes.untune(schema_editor, **INDEXES)


class Migration(migrations.Migration):
    dependencies = [("events", "0014_sqlite_fulltext")]

    operations = [migrations.RunPython(tune, untune, elidable=False)]
