"""The review queue: facts the extraction was unsure of, a page at a time, filtered by reason,
report and kind of record, confirmed one by one or in bulk."""

from __future__ import annotations

from django.contrib import admin, messages
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.contenttypes.models import ContentType
from django.contrib.contenttypes.prefetch import GenericPrefetch
from django.db import models, transaction
from django.db.models import Case, When
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.http import urlencode
from django.utils.text import Truncator

from curation.admin.events import admin_change_link, evidence_html
from events.models import (
    Event,
    Participation,
    Report,
    ReviewItem,
    ReviewReason,
    ReviewStatus,
)
from people.models import Organization, Person

RECORD_TYPES = {
    "event": Event,
    "participation": Participation,
    "person": Person,
    "organization": Organization,
}


class ReasonFilter(admin.SimpleListFilter):
    title = "reason"
    parameter_name = "reason"

    def lookups(self, request, model_admin):
        return ReviewReason.choices

    def queryset(self, request, queryset):
        return queryset.filter(reason=self.value()) if self.value() else queryset


class RecordTypeFilter(admin.SimpleListFilter):
    title = "kind of record"
    parameter_name = "record_type"

    def lookups(self, request, model_admin):
        return [(key, model._meta.verbose_name.capitalize()) for key, model in RECORD_TYPES.items()]

    def queryset(self, request, queryset):
        model = RECORD_TYPES.get(self.value() or "")
        if model is None:
            return queryset
        return queryset.filter(content_type=ContentType.objects.get_for_model(model))


class ReportFilter(admin.SimpleListFilter):
    """The reports with most open items, and whichever report a row's link chose.

    Listing every report would put thousands of links in the sidebar; each row links to
    "this report's items" instead.
    """

    title = "report"
    parameter_name = "report"
    shown = 15

    def lookups(self, request, model_admin):
        busiest = (
            ReviewItem.objects.open()
            .filter(report__isnull=False)
            .values("report")
            .annotate(n=models.Count("pk"))
            .order_by("-n", "report")[: self.shown]
        )
        ids = [row["report"] for row in busiest]
        if self.value() and self.value().isdigit():
            ids.append(int(self.value()))
        titles = dict(Report.objects.filter(pk__in=ids).values_list("pk", "title"))
        return [
            (str(pk), Truncator(titles[pk]).chars(60)) for pk in dict.fromkeys(ids) if pk in titles
        ]

    def queryset(self, request, queryset):
        if self.value() and self.value().isdigit():
            return queryset.filter(report_id=int(self.value()))
        return queryset


@admin.register(ReviewItem)
class ReviewItemAdmin(admin.ModelAdmin):
    list_display = ["reason_label", "record_link", "evidence_excerpt", "report_link", "status"]
    list_display_links = ["reason_label"]
    list_filter = ["status", ReasonFilter, RecordTypeFilter, ReportFilter]
    list_select_related = ["content_type", "report", "namesake"]
    list_per_page = 50
    date_hierarchy = "created_at"
    search_fields = ["message", "reason"]
    readonly_fields = [
        "record_link",
        "reason_label",
        "message",
        "report_link",
        "evidence_sentence",
        "created_at",
        "resolved_at",
        "resolved_by",
    ]
    fields = readonly_fields[:5] + ["status"] + readonly_fields[5:]
    actions = ["confirm", "mark_corrected"]
    # Open items first; the status codes would sort alphabetically otherwise.
    ordering = [Case(When(status=ReviewStatus.OPEN, then=0), default=1).asc(), "-created_at"]

    def has_add_permission(self, request):
        return False

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            # The evidence needs the cleaned text, never the raw one.
            .defer("report__raw_text")
            .prefetch_related(records_prefetch())
        )

    @admin.display(description="reason", ordering="reason")
    def reason_label(self, obj):
        return obj.get_reason_display()

    @admin.display(description="record")
    def record_link(self, obj):
        if obj.record is None:
            return "(deleted)"
        link = admin_change_link(obj.record)
        if obj.namesake_id is None:
            return link
        merge = (
            reverse("admin:people_person_merge")
            + "?"
            + urlencode(
                [("ids", obj.record.pk), ("ids", obj.namesake_id), ("next", self.changelist_url())]
            )
        )
        return format_html(
            '{}<br>namesake of {}<br><a class="button" href="{}">Merge the two…</a>',
            link,
            admin_change_link(obj.namesake),
            merge,
        )

    @admin.display(description="report", ordering="report__title")
    def report_link(self, obj):
        if obj.report_id is None:
            return "—"
        return format_html(
            '<a href="{}">{}</a><br><a href="{}?{}">this report\'s items</a>',
            reverse("admin:events_report_change", args=[obj.report_id]),
            Truncator(str(obj.report)).chars(50),
            self.changelist_url(),
            urlencode({"report": obj.report_id, "status__exact": ReviewStatus.OPEN}),
        )

    @admin.display(description="evidence")
    def evidence_sentence(self, obj):
        return evidence_html(obj)

    @admin.display(description="evidence")
    def evidence_excerpt(self, obj):
        # A list row stays readable; the item's own page shows the whole sentence.
        return evidence_html(obj, limit=160)

    def changelist_url(self):
        return reverse("admin:events_reviewitem_changelist")

    def save_model(self, request, obj, form, change):
        if "status" in form.changed_data:
            resolve([obj], obj.status, request.user)
        super().save_model(request, obj, form, change)

    def resolve_selected(self, request, queryset, status):
        items = list(
            queryset.select_related(None)
            .prefetch_related(None)
            .prefetch_related(records_prefetch())
        )
        resolve(items, status, request.user)
        label = ReviewStatus(status).label.lower()
        self.message_user(request, f"{len(items)} item(s) {label}.", messages.SUCCESS)

    @admin.action(description="Confirm: the extracted fact is right", permissions=["change"])
    def confirm(self, request, queryset):
        self.resolve_selected(request, queryset, ReviewStatus.CONFIRMED)

    @admin.action(description="Mark corrected: I fixed the record", permissions=["change"])
    def mark_corrected(self, request, queryset):
        self.resolve_selected(request, queryset, ReviewStatus.CORRECTED)


def records_prefetch() -> GenericPrefetch:
    """Each item's record in one query per kind, with what its name is made of."""
    return GenericPrefetch(
        "record",
        [
            Participation.objects.select_related("person", "event"),
            Event.objects.all(),
            Person.objects.all(),
            Organization.objects.all(),
        ],
    )


def resolve(items: list[ReviewItem], status: str, user) -> None:
    """Set the outcome of reviews and say so in the history of each item and its record.

    One update and one insert however many items: a bulk confirmation of thousands of items
    stays a few statements.
    """
    now = timezone.now() if status != ReviewStatus.OPEN else None
    by = user if status != ReviewStatus.OPEN else None
    entries = []
    for item in items:
        item.status, item.resolved_at, item.resolved_by = status, now, by
        message = f"Review “{item.reason}”: {ReviewStatus(status).label.lower()}."
        entries.append(history_entry(user, item, message))
        if item.record is not None:
            entries.append(history_entry(user, item.record, f"{message} {item.message}"))
    with transaction.atomic():
        ReviewItem.objects.filter(pk__in=[i.pk for i in items if i.pk]).update(
            status=status, resolved_at=now, resolved_by=by
        )
        LogEntry.objects.bulk_create(entries, batch_size=1000)


def history_entry(user, obj, message: str) -> LogEntry:
    return LogEntry(
        user_id=user.pk,
        content_type=ContentType.objects.get_for_model(obj),
        object_id=str(obj.pk),
        object_repr=str(obj)[:200],
        action_flag=CHANGE,
        change_message=message,
    )
