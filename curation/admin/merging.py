"""Merging in the admin: the action on the change lists, a merge page that other pages link
to (namesakes, duplicate candidates), and undoing a merge from the record's history."""

from __future__ import annotations

from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.http import url_has_allowed_host_and_scheme

from curation import merging
from curation.models import MergeRecord


def safe_next(request, fallback: str) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        return target
    return fallback


class MergeActionMixin:
    """Fold records into the one the editor picks, from the change list or from a link."""

    merge_template = "admin/merge_confirmation.html"

    @admin.action(description="Merge selected %(verbose_name_plural)s", permissions=["merge"])
    def merge_selected(self, request, queryset):
        records = list(queryset.order_by("pk"))
        if len(records) < 2:
            self.message_user(request, "Select two or more records to merge.", messages.WARNING)
            return None
        return self.merge_or_confirm(request, records, from_action=True)

    def get_urls(self):
        opts = self.model._meta
        return [
            path(
                "merge/",
                self.admin_site.admin_view(self.merge_view),
                name=f"{opts.app_label}_{opts.model_name}_merge",
            ),
            *super().get_urls(),
        ]

    def merge_view(self, request):
        """/merge/?ids=1&ids=2: the same confirmation as the action, for links elsewhere."""
        if not self.has_merge_permission(request):
            raise PermissionDenied
        data = request.POST if request.method == "POST" else request.GET
        ids = [i for i in data.getlist("ids") if i.isdigit()]
        records = list(self.model.objects.filter(pk__in=ids).order_by("pk"))
        if len(records) < 2:
            self.message_user(request, "These records cannot be merged any more.", messages.WARNING)
            return HttpResponseRedirect(safe_next(request, self.changelist_url()))
        return self.merge_or_confirm(request, records, from_action=False)

    def merge_or_confirm(self, request, records, *, from_action: bool):
        by_pk = {str(r.pk): r for r in records}
        survivor = by_pk.get(request.POST.get("survivor", ""))
        confirmed = request.method == "POST" and request.POST.get("confirm") == "yes"
        if confirmed and survivor is not None:
            losers = [r for r in records if r.pk != survivor.pk]
            done = merging.merge(survivor, losers, user=request.user)
            self.message_user(
                request,
                f"Merged {', '.join(done.merged_names)} into {survivor}. "
                "The merge can be undone from its history.",
                messages.SUCCESS,
            )
            return HttpResponseRedirect(safe_next(request, self.change_url(survivor)))
        previews = [merging.preview(r) for r in records]
        context = {
            **self.admin_site.each_context(request),
            "title": f"Merge {self.opts.verbose_name_plural}",
            "opts": self.opts,
            "previews": previews,
            "default_survivor": merging.default_survivor(previews),
            "queryset": records,
            "from_action": from_action,
            "next": safe_next(request, ""),
            "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
            "action": "merge_selected",
            "survivor_error": confirmed,
        }
        return TemplateResponse(request, self.merge_template, context)

    def has_merge_permission(self, request):
        return self.has_change_permission(request) and self.has_delete_permission(request)

    def changelist_url(self):
        return reverse(f"admin:{self.opts.app_label}_{self.opts.model_name}_changelist")

    def change_url(self, obj):
        return reverse(f"admin:{self.opts.app_label}_{self.opts.model_name}_change", args=[obj.pk])


@admin.register(MergeRecord)
class MergeRecordAdmin(admin.ModelAdmin):
    """Every merge, newest first; one that has not been undone can be."""

    list_display = ["__str__", "content_type", "merged_by", "merged_at", "undone_at"]
    list_filter = ["content_type"]
    list_select_related = ["content_type", "merged_by"]
    fields = ["survivor_label", "merged_names", "merged_by", "merged_at", "undone_at", "undone_by"]
    readonly_fields = fields

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def get_urls(self):
        return [
            path(
                "<int:pk>/undo/",
                self.admin_site.admin_view(self.undo_view),
                name="curation_mergerecord_undo",
            ),
            *super().get_urls(),
        ]

    def undo_view(self, request, pk):
        record = get_object_or_404(MergeRecord.objects.select_related("content_type"), pk=pk)
        model = record.content_type.model_class()
        model_admin = self.admin_site._registry[model]
        if not model_admin.has_merge_permission(request):
            raise PermissionDenied
        history = reverse(
            f"admin:{model._meta.app_label}_{model._meta.model_name}_history",
            args=[record.survivor_id],
        )
        if request.method == "POST":
            try:
                restored = merging.undo_merge(record, user=request.user)
            except (merging.UndoError, IntegrityError) as exc:
                self.message_user(request, f"The merge cannot be undone: {exc}", messages.ERROR)
            else:
                names = ", ".join(str(r) for r in restored)
                self.message_user(request, f"Merge undone: {names} restored.", messages.SUCCESS)
            return HttpResponseRedirect(history)
        context = {
            **self.admin_site.each_context(request),
            "title": "Undo this merge?",
            "opts": model._meta,
            "merge": record,
            "history_url": history,
        }
        return TemplateResponse(request, "admin/curation/undo_merge.html", context)
