"""Stored search vectors on events and reports, kept by triggers on PostgreSQL.

The column exists on every database; on PostgreSQL the triggers fill it and the GIN indexes
of 0004 (same names) now cover the column instead of an expression. See core.fulltext.
"""

import django.contrib.postgres.search
from django.db import migrations

from core.fulltext import install_vector, remove_vector

VECTORS = {
    "events_event": ({"name": "A", "venue": "B"}, "events_event_fts"),
    "events_report": ({"title": "A", "text": "B"}, "events_report_fts"),
}


def install(apps, schema_editor):
    for table, (columns, index) in VECTORS.items():
        install_vector(schema_editor, table, columns, index)


def remove(apps, schema_editor):
    for table, (columns, index) in VECTORS.items():
        remove_vector(schema_editor, table, columns, index)


class Migration(migrations.Migration):

    dependencies = [
        ('events', '0007_list_orders'),
    ]

    operations = [
        migrations.AddField(
            model_name='event',
            name='search_vector',
            field=django.contrib.postgres.search.SearchVectorField(editable=False, help_text='Name and venue for full-text search (PostgreSQL).', null=True),
        ),
        migrations.AddField(
            model_name='report',
            name='search_vector',
            field=django.contrib.postgres.search.SearchVectorField(editable=False, help_text='Title and text for full-text search (PostgreSQL).', null=True),
        ),
        migrations.RunPython(install, remove, elidable=False),
    ]
