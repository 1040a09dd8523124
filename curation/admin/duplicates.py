"""The duplicate page: candidate pairs with their reasons, best first; merge or "not the same"."""

from __future__ import annotations

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join
from django.utils.http import urlencode

from curation import merging
from curation.admin.events import admin_change_link
from curation.models import DistinctPair, DuplicateCandidate


@admin.register(DuplicateCandidate)
class DuplicateCandidateAdmin(admin.ModelAdmin):
    list_display = ["first", "second", "reasons_list", "score", "decide"]
    list_filter = ["kind"]
    list_per_page = 50
    ordering = ["-score", "kind", "first_id", "second_id"]
    actions = ["mark_distinct_selected"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        # The pair itself is computed; editors act on it with the buttons, not a form.
        return False

    def get_queryset(self, request):
        return super().get_queryset(request).for_page()

    @admin.display(description="record")
    def first(self, obj):
        return admin_change_link(obj.pair[0])

    @admin.display(description="may be the same as")
    def second(self, obj):
        return admin_change_link(obj.pair[1])

    @admin.display(description="why")
    def reasons_list(self, obj):
        return format_html_join(", ", "{}", ((label,) for label in obj.reason_labels))

    @admin.display(description="")
    def decide(self, obj):
        first, second = obj.pair
        opts = first._meta
        merge = (
            reverse(f"admin:{opts.app_label}_{opts.model_name}_merge")
            + "?"
            + urlencode([("ids", first.pk), ("ids", second.pk), ("next", self.changelist_url())])
        )
        # The button posts the change list's own form (and its CSRF token) elsewhere: a form
        # of its own cannot sit inside that form.
        return format_html(
            '<a class="button" href="{}">Merge…</a> '
            '<button type="submit" class="button" formaction="{}" name="pair" value="{}">'
            "Not the same</button>",
            merge,
            reverse("admin:curation_duplicatecandidate_distinct"),
            obj.pk,
        )

    def changelist_url(self):
        return reverse("admin:curation_duplicatecandidate_changelist")

    def get_urls(self):
        return [
            path(
                "distinct/",
                self.admin_site.admin_view(self.distinct_view),
                name="curation_duplicatecandidate_distinct",
            ),
            *super().get_urls(),
        ]

    def has_decide_permission(self, request):
        return request.user.has_perm("curation.add_distinctpair")

    def distinct_view(self, request):
        if request.method != "POST" or not self.has_decide_permission(request):
            raise PermissionDenied
        candidate = get_object_or_404(
            DuplicateCandidate.objects.for_page(), pk=request.POST.get("pair")
        )
        first, second = candidate.pair
        merging.mark_distinct(first, second, user=request.user)
        self.message_user(request, f"“{first}” and “{second}” will not be proposed again.")
        return HttpResponseRedirect(self.changelist_url())

    @admin.action(
        description="Not the same: never propose these pairs again", permissions=["decide"]
    )
    def mark_distinct_selected(self, request, queryset):
        pairs = list(queryset.for_page())
        for candidate in pairs:
            merging.mark_distinct(*candidate.pair, user=request.user)
        self.message_user(request, f"{len(pairs)} pair(s) marked not the same.", messages.SUCCESS)


@admin.register(DistinctPair)
class DistinctPairAdmin(admin.ModelAdmin):
    """Deleting a row lets the pair be proposed again."""

    list_display = ["label", "kind", "decided_by", "decided_at"]
    list_filter = ["kind"]
    list_select_related = ["decided_by"]
    search_fields = ["label"]
    readonly_fields = ["kind", "first_id", "second_id", "label", "decided_by", "decided_at"]

    def has_add_permission(self, request):
        return False
