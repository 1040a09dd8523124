"""What the editors' tools remember: duplicate candidates, pairs judged distinct, and merges
that can be undone."""

from __future__ import annotations

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models

from events.models import Event
from people.models import Organization, Person


class RecordKind(models.TextChoices):
    PERSON = "person", "Person"
    ORGANIZATION = "organization", "Organisation"
    EVENT = "event", "Event"


class DuplicateReason(models.TextChoices):
    SAME_NAME = "same-name", "Same name"
    TOKEN_ORDER = "token-order", "Same words in another order"
    ACRONYM = "acronym", "One is an acronym or alias of the other"
    EDIT_DISTANCE = "edit-distance", "Spelt almost the same"
    SHARED_CONTEXT = "shared-context", "Same affiliation and event"
    UNIT_OF_PARENT = "unit-of-parent", "A unit and its parent written as one"
    COUNTRY_ADDED = "country-added", "Same name with the country added"
    SAME_DATE_PLACE = "same-date-place", "Same date and city"


class DuplicateCandidateQuerySet(models.QuerySet):
    def for_page(self):
        return self.select_related(
            "person_a", "person_b", "organization_a", "organization_b", "event_a", "event_b"
        )


class DuplicateCandidate(models.Model):
    """Two records that may be one, with why and how likely; recomputed after each import.

    One pair of foreign keys per kind, so deleting or merging a record takes its candidates
    along and the page reads both sides in the same query.
    """

    kind = models.CharField(max_length=20, choices=RecordKind.choices)
    person_a = models.ForeignKey(
        Person, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    person_b = models.ForeignKey(
        Person, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    organization_a = models.ForeignKey(
        Organization, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    organization_b = models.ForeignKey(
        Organization, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    event_a = models.ForeignKey(
        Event, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    event_b = models.ForeignKey(
        Event, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    first_id = models.PositiveBigIntegerField(help_text="The smaller primary key of the pair.")
    second_id = models.PositiveBigIntegerField()
    reasons = models.JSONField(default=list)
    score = models.FloatField(help_text="0–1: how likely the two are one record.")
    found_at = models.DateTimeField(auto_now=True)

    objects = DuplicateCandidateQuerySet.as_manager()

    class Meta:
        ordering = ["-score", "kind", "first_id", "second_id"]
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "first_id", "second_id"], name="duplicate_candidate_unique"
            ),
        ]
        indexes = [models.Index(fields=["kind", "-score"], name="duplicate_kind_score_idx")]

    def __str__(self):
        first, second = self.pair
        return f"{first} / {second}"

    @property
    def pair(self) -> tuple[models.Model, models.Model]:
        return getattr(self, f"{self.kind}_a"), getattr(self, f"{self.kind}_b")

    @property
    def reason_labels(self) -> list[str]:
        return [DuplicateReason(r).label for r in self.reasons if r in DuplicateReason.values]


class DistinctPair(models.Model):
    """An editor said "not the same": the pair is never suggested again."""

    kind = models.CharField(max_length=20, choices=RecordKind.choices)
    first_id = models.PositiveBigIntegerField()
    second_id = models.PositiveBigIntegerField()
    label = models.CharField(max_length=620, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    decided_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-decided_at"]
        verbose_name = "pair marked “not the same”"
        verbose_name_plural = "pairs marked “not the same”"
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "first_id", "second_id"], name="distinct_pair_unique"
            ),
        ]

    def __str__(self):
        return self.label or f"{self.kind} {self.first_id} / {self.second_id}"


class MergeRecord(models.Model):
    """A merge, with the rows it touched as they were, so that it can be undone."""

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    survivor_id = models.PositiveBigIntegerField()
    survivor_label = models.CharField(max_length=300)
    merged_names = models.JSONField(default=list)
    snapshot = models.JSONField(help_text="The touched rows before the merge, serialised.")
    created_rows = models.JSONField(
        default=list, help_text="[model label, pk] of rows the merge added."
    )
    merged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    merged_at = models.DateTimeField(auto_now_add=True)
    undone_at = models.DateTimeField(null=True, blank=True)
    undone_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        ordering = ["-merged_at", "-pk"]
        indexes = [
            models.Index(fields=["content_type", "survivor_id"], name="merge_record_survivor_idx")
        ]

    def __str__(self):
        return f"{', '.join(self.merged_names)} → {self.survivor_label}"
