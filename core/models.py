"""What every record shares: its curation state, its matching key, and tombstones."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.utils import timezone

from core.folding import fold


class CurationState(models.Model):
    """What an editor did to a record, so that a re-import never undoes it."""

    curated_fields = models.JSONField(
        default=list,
        blank=True,
        help_text="Fields an editor has changed. Re-importing reports never overwrites them.",
    )
    created_by_editor = models.BooleanField(
        default=False,
        help_text="Made by hand in the admin rather than extracted from a report.",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        abstract = True

    def is_curated(self, field_name: str) -> bool:
        return self.created_by_editor or field_name in self.curated_fields


class NamedRecord(models.Model):
    """A record matched on `key`, the folded form of its name.

    Each model declares its own `key` field, sized to its `name`.
    """

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        # The matching key is derived data; keeping it in step here means an editor's
        # rename in the admin is matched by the next import.
        self.key = fold(self.name)
        super().save(*args, **kwargs)

    def natural_key(self) -> tuple[str, ...]:
        return (self.key,)


class NamedRecordQuerySet(models.QuerySet):
    def matching_key(self, key: str):
        """Records whose name or any earlier name or alias (the model's `aliases`) folds to
        `key`.

        Two index lookups joined by UNION: written as one OR across the alias join, the
        planner read every row of the table (410 ms an import at 100,000 events).
        """
        aliases = self.model._meta.get_field("aliases")
        named = self.model._default_manager.filter(key=key).order_by().values("pk")
        renamed = (
            aliases.related_model._default_manager.filter(key=key)
            .order_by()
            .values(aliases.field.attname)
        )
        return self.filter(pk__in=named.union(renamed))


def fit(model: type[models.Model], field_name: str, value: str | None) -> str:
    """`value` cut to what `model.field_name` holds ('' for None).

    Reports put text of any length where a column holds a few hundred characters; asking the
    model keeps every caller in step with it: `fit(Report, "title", text)`.
    """
    return (value or "")[: model._meta.get_field(field_name).max_length]


class SlugRedirect(models.Model):
    """An old URL of a record merged into another, so links keep working.

    Each concrete redirect names its record by a foreign key whose related name is
    "redirects"; `find_redirect` needs nothing else.
    """

    old_slug = models.SlugField(max_length=120, unique=True)
    record_field = ""  # the name of the foreign key to the surviving record

    class Meta:
        abstract = True
        ordering = ["old_slug"]

    def __str__(self):
        return f"{self.old_slug} → {getattr(self, self.record_field)}"

    def natural_key(self) -> tuple[str, ...]:
        return (self.old_slug,)


def find_redirect(model, slug: str) -> str | None:
    """The URL a merged record's old slug now lives at, or None.

    >>> find_redirect(Person, "liu-yan-hua")   # doctest: +SKIP  (after merging into "liu-yanhua")
    '/speakers/liu-yanhua/'
    """
    try:
        redirects = model._meta.get_field("redirects").related_model
    except FieldDoesNotExist:
        return None
    field = redirects.record_field
    found = redirects.objects.select_related(field).filter(old_slug=slug).first()
    return getattr(found, field).get_absolute_url() if found else None


class DeletedRecordQuerySet(models.QuerySet):
    def of(self, record: models.Model):
        """The tombstone of `record` (saved or not), found by its model and natural key."""
        return self.filter(model=record._meta.label_lower, key=DeletedRecord.key_of(record))

    def follow_rename(self, model: str, part: int, old_key: str, new_key: str) -> int:
        """Tombstones of `model` whose key has `old_key` as its `part`-th "|"-separated part
        now name `new_key` there: a renamed event keeps its deleted participations deleted.

        `model` is the label of the row kind ("app.model"); a key "forum|liu yanhua" becomes
        "forum 2021|liu yanhua" for part 0, old key "forum" and new key "forum 2021".
        """
        if not old_key or old_key == new_key:
            return 0
        lookup = {"key__startswith": f"{old_key}|"} if part == 0 else {"key__contains": old_key}
        moved = 0
        for tombstone in self.filter(model=model, **lookup):
            parts = tombstone.key.split("|")
            if len(parts) <= part or parts[part] != old_key:
                continue
            parts[part] = new_key
            key = "|".join(parts)
            if self.filter(model=model, key=key).exists():
                tombstone.delete()
            else:
                tombstone.key = key
                tombstone.save(update_fields=["key"])
            moved += 1
        return moved


class DeletedRecord(models.Model):
    """A record an editor deleted; a re-import must not bring it back."""

    model = models.CharField(max_length=60, help_text="app_label.model of the deleted record")
    key = models.CharField(max_length=400, help_text="The natural key the import matches on.")
    label = models.CharField(max_length=300, blank=True)
    deleted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    deleted_at = models.DateTimeField(auto_now_add=True)

    objects = DeletedRecordQuerySet.as_manager()

    class Meta:
        # Moved here from the people app; the table keeps its name so no row is copied.
        db_table = "people_deletedrecord"
        ordering = ["-deleted_at"]
        constraints = [
            models.UniqueConstraint(fields=["model", "key"], name="deleted_record_unique"),
        ]

    def __str__(self):
        return f"{self.model}: {self.label or self.key}"

    def natural_key(self) -> tuple[str, ...]:
        return (self.model, self.key)

    @staticmethod
    def key_of(record: models.Model) -> str:
        """The `key` a tombstone of `record` is stored under: its natural key, joined."""
        return "|".join(record.natural_key())


class DataVersion(models.Model):
    """One row whose number goes up with every change to the public data.

    Cached pages are stored under the version they were rendered at, so one change makes
    every cached page unreachable at once; `changed_at` is their Last-Modified.
    """

    version = models.PositiveBigIntegerField(default=0)
    changed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.CheckConstraint(condition=models.Q(pk=1), name="data_version_single_row"),
        ]

    def __str__(self):
        return f"data version {self.version} ({self.changed_at:%Y-%m-%d %H:%M:%S})"
