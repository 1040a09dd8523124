"""`DeletedRecord` moves here from the people app: state only, the table keeps its name.

The rows stay where they are (`people_deletedrecord`); `people` 0004 drops the model from its
own state once this one holds it.
"""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
        # The table is created by people 0001; this app only takes the model over.
        ("people", "0003_unaccent_search"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="DeletedRecord",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        (
                            "model",
                            models.CharField(
                                help_text="app_label.model of the deleted record", max_length=60
                            ),
                        ),
                        (
                            "key",
                            models.CharField(
                                help_text="The natural key the import matches on.",
                                max_length=400,
                            ),
                        ),
                        ("label", models.CharField(blank=True, max_length=300)),
                        ("deleted_at", models.DateTimeField(auto_now_add=True)),
                        (
                            "deleted_by",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                    ],
                    options={
                        "db_table": "people_deletedrecord",
                        "ordering": ["-deleted_at"],
                        "constraints": [
                            models.UniqueConstraint(
                                fields=("model", "key"), name="deleted_record_unique"
                            )
                        ],
                    },
                ),
            ],
            database_operations=[],
        ),
    ]
