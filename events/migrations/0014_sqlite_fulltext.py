"""Full-text indexes on SQLite: FTS5 tables over events and reports, kept by triggers.

PostgreSQL has its stored vectors (0008); this is a no-op there. The same columns as the
vectors' (events.fulltext). See core.fulltext.
"""

from django.db import migrations

from core.fulltext import remove_sqlite_index
from events.fulltext import SQLITE_INDEXED, ensure_indexes


def install(apps, schema_editor):
    ensure_indexes(schema_editor.connection)


def remove(apps, schema_editor):
    for table in SQLITE_INDEXED:
        remove_sqlite_index(schema_editor.connection, table)


class Migration(migrations.Migration):

    dependencies = [
        ('events', '0013_event_redirect'),
    ]

    operations = [
        migrations.RunPython(install, remove, elidable=False),
    ]
