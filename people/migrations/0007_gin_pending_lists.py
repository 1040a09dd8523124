"""Trigram indexes take each new key at once; the organisation full-text index flushes often
(core/gin_indexes.py says why). PostgreSQL only."""

from django.db import migrations

from core import gin_indexes

INDEXES = {
    "trigram": (
        "people_organization_key_trgm",
        "people_organizationalias_key_trgm",
        "people_person_key_trgm",
        "people_personalias_key_trgm",
    ),
    "fulltext": ("people_organization_fts",),
}


def tune(apps, schema_editor):
    gin_indexes.tune(schema_editor, **INDEXES)


def untune(apps, schema_editor):
    gin_indexes.untune(schema_editor, **INDEXES)


class Migration(migrations.Migration):
    dependencies = [("people", "0006_history_and_country_index")]

    operations = [migrations.RunPython(tune, untune, elidable=False)]
