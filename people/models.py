"""People and organisations, with the written forms they go by and their curation state."""

from __future__ import annotations

from django.db import models
from django.db.models.functions import Upper
from simple_history.models import HistoricalRecords

from core.addresses import address_by_slug
from core.folding import fold
from core.id_lists import among
from core.models import CurationState, NamedRecord, NamedRecordQuerySet, SlugRedirect


class OrganizationKind(models.TextChoices):
    GOVERNMENT = "government", "Government"
    COMPANY = "company", "Company"
    NGO = "ngo", "NGO"
    ACADEMIC = "academic", "Academic"
    INTERGOVERNMENTAL = "intergovernmental", "Intergovernmental"
    ASSOCIATION = "association", "Association"
    MEDIA = "media", "Media"
    OTHER = "other", "Other"


class OrganizationQuerySet(NamedRecordQuerySet):
    def matching(self, text: str):
        """Organisations the words mean, best first, with `match_tier` and `match_reason`."""
        from people.matching import match_organizations

        return self.with_hits(match_organizations(text))

    def with_hits(self, hits):
        """The organisations of `match_organizations()` hits, best first, tier and reason kept."""
        from people.matching import reason_of, tier_of

        return (
            self.filter(among("pk", hits))
            .annotate(match_tier=tier_of(hits), match_reason=reason_of(hits))
            .order_by("match_tier", "name", "pk")
        )

    def named(self, text: str):
        """Organisations written `text` under their name or any alias, however cased or accented."""
        return self.matching_key(fold(text))


class Organization(NamedRecord, CurationState):
    name = models.CharField(max_length=300)
    slug = models.SlugField(max_length=120, unique=True)
    key = models.CharField(
        max_length=300, db_index=True, editable=False, help_text="Folded name used for matching."
    )
    acronym = models.CharField(max_length=40, blank=True)
    kind = models.CharField(
        max_length=20, choices=OrganizationKind.choices, default=OrganizationKind.OTHER
    )
    parent = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="units",
        help_text="The larger body a unit belongs to: a university for its institute.",
    )
    country = models.CharField(max_length=100, blank=True)
    description = models.TextField(blank=True)
    history = HistoricalRecords(excluded_fields=["key", "created_at", "updated_at"])

    objects = OrganizationQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        indexes = [
            models.Index(fields=["name"], name="organization_name_idx"),
            models.Index(Upper("acronym"), name="organization_acronym_idx"),
            models.Index(fields=["kind", "country"], name="organization_kind_country_idx"),
            models.Index(fields=["country"], name="organization_country_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(kind__in=OrganizationKind.values),
                name="organization_kind_valid",
            ),
            # Matching goes by key; unique, two concurrent imports cannot both create it.
            models.UniqueConstraint(fields=["key"], name="organization_key_unique"),
        ]

    def __str__(self):
        return f"{self.name} ({self.acronym})" if self.acronym else self.name

    def get_absolute_url(self):
        return address_by_slug("people:organization", self.slug)


class AliasKind(models.TextChoices):
    ACRONYM = "acronym", "Acronym"
    ALIAS = "alias", "Other written form"
    MERGED = "merged", "Name of a merged record"


class OrganizationAlias(NamedRecord):
    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="aliases")
    name = models.CharField(max_length=300)
    key = models.CharField(max_length=300, db_index=True, editable=False)
    kind = models.CharField(max_length=10, choices=AliasKind.choices, default=AliasKind.ALIAS)

    class Meta:
        ordering = ["organization", "name"]
        verbose_name_plural = "organization aliases"
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "key"], name="organization_alias_unique"
            ),
        ]

    def __str__(self):
        return self.name

    def natural_key(self) -> tuple[str, ...]:
        return (self.organization.key, self.key)


class PersonQuerySet(NamedRecordQuerySet):
    def named(self, text: str):
        """People written `text` under their name or any alias: "LIU Yanhua", "Liu Yanhua"."""
        return self.matching_key(fold(text))


class Person(NamedRecord, CurationState):
    name = models.CharField(
        max_length=200, help_text="Usual written order; Chinese names family name first."
    )
    family_name = models.CharField(max_length=100, blank=True)
    given_name = models.CharField(max_length=100, blank=True)
    slug = models.SlugField(max_length=120, unique=True)
    key = models.CharField(max_length=200, db_index=True, editable=False)
    history = HistoricalRecords(excluded_fields=["key", "created_at", "updated_at"])

    objects = PersonQuerySet.as_manager()

    class Meta:
        ordering = ["family_name", "given_name", "name"]
        verbose_name_plural = "people"
        indexes = [
            models.Index(fields=["family_name", "given_name", "name"], name="person_name_idx")
        ]
        constraints = [
            # A full name is one person, whoever imports it first. A lone word ("Wang") is
            # matched only within its report and event, so several people may share it.
            models.UniqueConstraint(
                fields=["key"], condition=models.Q(key__contains=" "), name="person_key_unique"
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return address_by_slug("people:person", self.slug)


class PersonAlias(NamedRecord):
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="aliases")
    name = models.CharField(max_length=200)
    key = models.CharField(max_length=200, db_index=True, editable=False)
    kind = models.CharField(max_length=10, choices=AliasKind.choices, default=AliasKind.ALIAS)

    class Meta:
        ordering = ["person", "name"]
        verbose_name_plural = "person aliases"
        constraints = [
            models.UniqueConstraint(fields=["person", "key"], name="person_alias_unique"),
        ]

    def __str__(self):
        return self.name

    def natural_key(self) -> tuple[str, ...]:
        return (self.person.key, self.key)


class PersonRedirect(SlugRedirect):
    """An old URL of a person merged into another."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="redirects")
    record_field = "person"


class OrganizationRedirect(SlugRedirect):
    """An old URL of an organisation merged into another."""

    organization = models.ForeignKey(
        Organization, on_delete=models.CASCADE, related_name="redirects"
    )
    record_field = "organization"
