"""A stored search vector on organisations, kept by a trigger on PostgreSQL (core.fulltext)."""

import django.contrib.postgres.search
from django.db import migrations

from core.fulltext import install_vector, remove_vector

COLUMNS = {"name": "A", "acronym": "B"}
INDEX = "people_organization_fts"


def install(apps, schema_editor):
    install_vector(schema_editor, "people_organization", COLUMNS, INDEX)


def remove(apps, schema_editor):
    remove_vector(schema_editor, "people_organization", COLUMNS, INDEX)


class Migration(migrations.Migration):

    dependencies = [
        ('people', '0005_list_orders'),
    ]

    operations = [
        migrations.AddField(
            model_name='organization',
            name='search_vector',
            field=django.contrib.postgres.search.SearchVectorField(editable=False, help_text='Name and acronym for full-text search (PostgreSQL).', null=True),
        ),
        migrations.RunPython(install, remove, elidable=False),
    ]
