"""Admin for the people app's supporting records: aliases, redirects, and tombstones.

`Person` and `Organization` themselves are registered in `curation.admin.events`, whose
pages show their appearances and offer merging; the alias inlines defined here are used there.
"""

from django.contrib import admin

from core.models import DeletedRecord
from people.models import (
    OrganizationAlias,
    OrganizationRedirect,
    PersonAlias,
    PersonRedirect,
)


class PersonAliasInline(admin.TabularInline):
    model = PersonAlias
    extra = 0
    fields = ["name", "kind"]
    verbose_name = "other written form"
    verbose_name_plural = (
        "Other written forms (an import matches a person by any of these; "
        "'Name of a merged record' keeps merged duplicates from coming back)"
    )


class OrganizationAliasInline(admin.TabularInline):
    model = OrganizationAlias
    extra = 0
    fields = ["name", "kind"]
    verbose_name = "other written form"
    verbose_name_plural = (
        "Acronyms and other written forms (an import matches an organisation by any of these)"
    )


@admin.register(PersonAlias)
class PersonAliasAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "person"]
    list_filter = ["kind"]
    list_select_related = ["person"]
    search_fields = ["name", "person__name"]
    autocomplete_fields = ["person"]


@admin.register(OrganizationAlias)
class OrganizationAliasAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "organization"]
    list_filter = ["kind"]
    list_select_related = ["organization"]
    search_fields = ["name", "organization__name", "organization__acronym"]
    autocomplete_fields = ["organization"]


@admin.register(PersonRedirect)
class PersonRedirectAdmin(admin.ModelAdmin):
    list_display = ["old_slug", "person"]
    list_select_related = ["person"]
    search_fields = ["old_slug", "person__name"]
    autocomplete_fields = ["person"]


@admin.register(OrganizationRedirect)
class OrganizationRedirectAdmin(admin.ModelAdmin):
    list_display = ["old_slug", "organization"]
    list_select_related = ["organization"]
    search_fields = ["old_slug", "organization__name"]
    autocomplete_fields = ["organization"]


@admin.register(DeletedRecord)
class DeletedRecordAdmin(admin.ModelAdmin):
    """Deleting a tombstone lets the next import bring the record back."""

    list_display = ["label", "model", "key", "deleted_by", "deleted_at"]
    list_filter = ["model"]
    list_select_related = ["deleted_by"]
    search_fields = ["label", "key"]
    readonly_fields = ["model", "key", "label", "deleted_by", "deleted_at"]

    def has_add_permission(self, request):
        return False
