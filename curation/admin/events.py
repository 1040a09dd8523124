"""The editors' admin: every record, its evidence, merging, the review queue, adding reports.

Whatever an editor changes here is written down (`curation.editing`) so that running
`load_reports` again never undoes it. `Person` and `Organization` are registered here rather
than with their aliases in `curation.admin.people` because their pages show appearances and
organiser roles and offer merging, which are events' records.
"""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin.models import ADDITION
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db import models, transaction
from django.db.models import Exists, OuterRef, Prefetch
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import NoReverseMatch, path, reverse
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.text import Truncator

from core.folding import fold
from curation import editing
from curation.admin.history import RecordHistoryAdmin
from curation.admin.merging import MergeActionMixin
from curation.admin.people import OrganizationAliasInline, PersonAliasInline
from curation.admin.quality import (
    HasAffiliationFilter,
    HasCountryFilter,
    HasSourceFilter,
    LinkedOrganizationFilter,
)
from events.loading import flag_events_for_review, load_report_bytes
from events.models import (
    City,
    CityMention,
    Event,
    EventAlias,
    EventClaim,
    EventOrganizer,
    EventSource,
    EventTopic,
    OrganizationMention,
    ParticipantMention,
    Participation,
    Position,
    Report,
    ReportImport,
    ReviewItem,
    ReviewReason,
    ReviewStatus,
    Topic,
    chronological,
)
from events.signals import reports_loaded
from people.models import Organization, Person

admin.site.site_header = "eventsdb editors"
admin.site.site_title = "eventsdb editors"
admin.site.index_title = "Curate events, people and organisations"
admin.site.index_template = "admin/eventsdb_index.html"


# ---------------------------------------------------------------- curation bookkeeping


class CurationAdminMixin:
    """Records editors' changes on the records so re-imports leave them alone."""

    bookkeeping_fields = {"curated_fields", "created_by_editor"}

    def save_model(self, request, obj, form, change):
        before = type(obj)._default_manager.filter(pk=obj.pk).first() if change else None
        changed = [name for name in form.changed_data if name not in self.bookkeeping_fields]
        if before is not None:
            # Reverting from the history fills the form with the old values, so the form
            # sees no change; the stored record tells what the editor is putting back.
            changed += [
                f.name
                for f in obj._meta.concrete_fields
                if f.name not in self.bookkeeping_fields
                and f.name not in changed
                and f.editable
                and getattr(before, f.attname) != getattr(obj, f.attname)
            ]
        editing.note_editor_changes(obj, changed, adding=not change)
        super().save_model(request, obj, form, change)
        if before is not None and "name" in changed:
            editing.keep_old_name(obj, before.name)
        if before is not None and "slug" in changed:
            editing.keep_old_slug(obj, before.slug)

    def save_formset(self, request, form, formset, change):
        for inline_form in formset.forms:
            if not inline_form.has_changed() or inline_form in formset.deleted_forms:
                continue
            editing.note_editor_changes(
                inline_form.instance,
                inline_form.changed_data,
                adding=inline_form.instance._state.adding,
            )
        instances = formset.save(commit=False)
        for obj in formset.deleted_objects:
            editing.record_deletion(obj, request.user)
            obj.delete()
        for obj in instances:
            obj.save()
        formset.save_m2m()
        if instances or formset.deleted_objects:
            # Rows without curation state of their own (positions, organisers, topics) are
            # protected through their parent: ingest leaves a curated "positions" alone.
            editing.note_curated_relation(form.instance, formset)

    def delete_model(self, request, obj):
        with transaction.atomic():
            editing.record_deletion(obj, request.user)
            super().delete_model(request, obj)

    def delete_queryset(self, request, queryset):
        with transaction.atomic():
            editing.record_deletions(queryset, request.user)
            super().delete_queryset(request, queryset)


class NamedRecordForm(forms.ModelForm):
    """A rename onto another record's name is refused with a pointer to merging.

    The matching key is unique and not a form field, so the form would not check it and the
    database would refuse the save with an error page instead.
    """

    def _post_clean(self):
        super()._post_clean()
        name = self.cleaned_data.get("name")
        if not name or self.errors:
            return
        self.instance.key = fold(name)
        others = [f.name for f in self.instance._meta.concrete_fields if f.name != "key"]
        try:
            self.instance.validate_constraints(exclude=others)
        except forms.ValidationError:
            verbose = self.instance._meta.verbose_name
            self.add_error(
                "name",
                f"Another {verbose} already has this name: merge the two instead "
                "(select both in the list, then “Merge selected”).",
            )


class RowCurationMixin(CurationAdminMixin):
    """Rows without curation state of their own, edited on their own admin page.

    The edit is recorded on the parent, as when the row is edited inline, so the next import
    keeps the editor's rows of that relation as they are.
    """

    parent_relation: tuple[str, str]  # (field pointing at the parent, parent's related name)

    def note_parent(self, obj) -> None:
        field, related_name = self.parent_relation
        editing.mark_relation_curated(getattr(obj, field), related_name)

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        self.note_parent(obj)

    def delete_model(self, request, obj):
        self.note_parent(obj)
        super().delete_model(request, obj)

    def delete_queryset(self, request, queryset):
        for obj in queryset.select_related(self.parent_relation[0]):
            self.note_parent(obj)
        super().delete_queryset(request, queryset)


class ReportStatementAdmin(admin.ModelAdmin):
    """What a report said, kept as evidence: editors read it and correct the records instead.

    Deleting stays allowed because deleting a record or a report takes its statements along
    (the admin asks for delete permission on everything a deletion cascades to).
    """

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def get_actions(self, request):
        actions = super().get_actions(request)
        actions.pop("delete_selected", None)
        return actions


def admin_change_link(obj, text=None):
    if obj is None:
        return "—"
    try:
        url = reverse(f"admin:{obj._meta.app_label}_{obj._meta.model_name}_change", args=[obj.pk])
    except NoReverseMatch:
        return str(obj)
    return format_html('<a href="{}">{}</a>', url, text or str(obj))


def evidence_html(obj, limit: int | None = None) -> str:
    sentence = obj.evidence
    if not sentence:
        return "—"
    return format_html("<q>{}</q>", Truncator(sentence).chars(limit) if limit else sentence)


def open_review_exists(model):
    return Exists(
        ReviewItem.objects.open().filter(
            content_type=ContentType.objects.get_for_model(model), object_id=OuterRef("pk")
        )
    )


class NeedsReviewFilter(admin.SimpleListFilter):
    title = "needs review"
    parameter_name = "needs_review"

    def lookups(self, request, model_admin):
        return [("yes", "Has open review items"), ("no", "Nothing to review")]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.filter(needs_review=True)
        if self.value() == "no":
            return queryset.filter(needs_review=False)
        return queryset


class YearFilter(admin.SimpleListFilter):
    """Events have partial dates, so a year list stands in for a date hierarchy."""

    title = "year"
    parameter_name = "year"

    def lookups(self, request, model_admin):
        years = (
            Event.objects.exclude(start_year=None)
            .order_by("-start_year")
            .values_list("start_year", flat=True)
            .distinct()
        )
        return [*((str(y), str(y)) for y in years), ("none", "Year not stated")]

    def queryset(self, request, queryset):
        if self.value() == "none":
            return queryset.filter(start_year=None)
        if self.value() and self.value().isdigit():
            return queryset.filter(start_year=int(self.value()))
        return queryset


# ---------------------------------------------------------------- inlines


def default_report(parent) -> Report | None:
    """The report a fact added by hand is filed under: the parent's own source."""
    if isinstance(parent, Event):
        source = parent.event_sources.select_related("report").order_by("order").first()
        return source.report if source else None
    return getattr(parent, "report", None)


class EvidenceFormSet(forms.BaseInlineFormSet):
    """Rows added by hand take their report from the record they are added to."""

    def clean(self):
        super().clean()
        adding = [
            f
            for f in self.forms
            if f.instance._state.adding and f.has_changed() and f not in self.deleted_forms
        ]
        if adding and default_report(self.instance) is None:
            raise forms.ValidationError(
                "Add a source report to this record first: every fact is filed under one."
            )

    def save_new(self, form, commit=True):
        obj = form.save(commit=False)
        setattr(obj, self.fk.name, self.instance)
        if obj.report_id is None:
            obj.report = default_report(self.instance)
        if commit:
            obj.save()
            form.save_m2m()
        return obj


class EvidenceInlineMixin:
    formset = EvidenceFormSet

    @admin.display(description="evidence")
    def evidence_sentence(self, obj):
        return evidence_html(obj) if obj.pk else "—"


class EventSourceInline(admin.TabularInline):
    model = EventSource
    extra = 0
    autocomplete_fields = ["report"]
    fields = ["report", "order"]
    verbose_name_plural = "Source reports"


class EventOrganizerInline(EvidenceInlineMixin, admin.TabularInline):
    model = EventOrganizer
    extra = 0
    autocomplete_fields = ["organization"]
    fields = ["organization", "role", "order", "evidence_sentence"]
    readonly_fields = ["evidence_sentence"]
    verbose_name_plural = "Organisers"

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("organization", "report")


class EventTopicInline(EvidenceInlineMixin, admin.TabularInline):
    model = EventTopic
    extra = 0
    autocomplete_fields = ["topic"]
    fields = ["topic", "score", "evidence_sentence"]
    readonly_fields = ["evidence_sentence"]
    verbose_name_plural = "Topics"

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("topic", "report")


class EventParticipationInline(EvidenceInlineMixin, admin.TabularInline):
    model = Participation
    extra = 0
    autocomplete_fields = ["person"]
    fields = ["person", "role", "talk_title", "online", "order", "positions", "evidence_sentence"]
    readonly_fields = ["positions", "evidence_sentence"]
    show_change_link = True
    verbose_name_plural = "Participants (open one to edit the positions they held)"

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .select_related("person", "report")
            .prefetch_related(
                Prefetch("positions", queryset=Position.objects.select_related("organization"))
            )
        )

    @admin.display(description="positions")
    def positions(self, obj):
        if not obj.pk:
            return "—"
        return "; ".join(str(p) for p in obj.positions.all()) or "—"


class CityMentionInline(EvidenceInlineMixin, admin.TabularInline):
    model = CityMention
    extra = 0
    autocomplete_fields = ["city"]
    fields = ["city", "order", "evidence_sentence"]
    readonly_fields = ["evidence_sentence"]
    verbose_name_plural = "Other cities the reports mention"

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("city", "report")


class PositionInline(EvidenceInlineMixin, admin.TabularInline):
    model = Position
    extra = 0
    autocomplete_fields = ["organization"]
    fields = ["order", "title", "organization", "evidence_sentence"]
    readonly_fields = ["evidence_sentence"]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("organization", "report")


class PersonParticipationInline(EvidenceInlineMixin, admin.TabularInline):
    """Every appearance of a person, read-only here: edit them on the event."""

    model = Participation
    extra = 0
    can_delete = False
    show_change_link = True
    fields = ["event_link", "event_date", "role", "positions", "evidence_sentence"]
    readonly_fields = fields
    verbose_name_plural = "Appearances"

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .select_related("event", "report")
            .prefetch_related(
                Prefetch("positions", queryset=Position.objects.select_related("organization"))
            )
        )

    @admin.display(description="event")
    def event_link(self, obj):
        return admin_change_link(obj.event)

    @admin.display(description="date")
    def event_date(self, obj):
        return obj.event.date_display or "—"

    @admin.display(description="positions")
    def positions(self, obj):
        return "; ".join(str(p) for p in obj.positions.all()) or "—"


# ---------------------------------------------------------------- events


class EventAliasInline(admin.TabularInline):
    model = EventAlias
    extra = 0
    fields = ["name"]
    verbose_name = "earlier name"
    verbose_name_plural = "Earlier names (an import matches the event by any of these)"


@admin.register(Event)
class EventAdmin(MergeActionMixin, CurationAdminMixin, RecordHistoryAdmin):
    form = NamedRecordForm
    list_display = ["name", "date_display", "city", "parent", "venue", "needs_review"]
    list_filter = [
        YearFilter,
        "city",
        "online",
        HasSourceFilter,
        NeedsReviewFilter,
        "created_by_editor",
    ]
    list_select_related = ["city", "parent"]
    search_fields = ["name", "venue", "slug"]
    autocomplete_fields = ["city", "parent"]
    prepopulated_fields = {"slug": ["name"]}
    readonly_fields = ["source_evidence", "created_at", "updated_at"]
    actions = ["merge_selected"]
    inlines = [
        EventAliasInline,
        EventParticipationInline,
        EventOrganizerInline,
        EventTopicInline,
        CityMentionInline,
        EventSourceInline,
    ]
    fieldsets = [
        (None, {"fields": ["name", "slug", "parent"]}),
        (
            "Start",
            {
                "fields": [("start_year", "start_month", "start_day")],
                "description": "Leave a part blank when the reports do not state it; "
                "never guess a year.",
            },
        ),
        ("End", {"fields": [("end_year", "end_month", "end_day")]}),
        ("Place", {"fields": ["city", "venue", "online"]}),
        ("Attendance", {"fields": [("attendance_text", "attendance_approx")]}),
        (
            "What the reports say",
            {
                "fields": ["source_evidence"],
                "description": "Each fact with the sentence that states it. Where reports "
                "disagree, the fields above hold the value you settle on.",
            },
        ),
        (
            "Curation",
            {
                "fields": ["curated_fields", "created_by_editor", "created_at", "updated_at"],
                "classes": ["collapse"],
                "description": "Fields listed here are never overwritten by an import; "
                "remove a name to let the next import update that field again.",
            },
        ),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(needs_review=open_review_exists(Event))

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if obj.online and "online" in form.changed_data:
            # Held online: there is no city to find, so the question is answered.
            items = ReviewItem.objects.open().filter(
                content_type=ContentType.objects.get_for_model(Event),
                object_id=obj.pk,
                reason=ReviewReason.NO_CITY,
            )
            items.update(
                status=ReviewStatus.CORRECTED, resolved_at=timezone.now(), resolved_by=request.user
            )

    @admin.display(description="date", ordering="start_year")
    def date_display(self, obj):
        return obj.date_display or "—"

    @admin.display(description="needs review", boolean=True, ordering="needs_review")
    def needs_review(self, obj):
        return obj.needs_review

    @admin.display(description="evidence from the reports")
    def source_evidence(self, obj):
        if obj.pk is None:
            return "—"
        claims = obj.claims.select_related("report").order_by("field", "report__file_name")
        rows = format_html_join(
            "",
            "<li><strong>{}</strong>: {} — <q>{}</q> ({})</li>",
            (
                (c.get_field_display(), c.value, c.evidence or "—", c.report.file_name)
                for c in claims
            ),
        )
        return format_html("<ul>{}</ul>", rows) if rows else "—"


@admin.register(Participation)
class ParticipationAdmin(CurationAdminMixin, RecordHistoryAdmin):
    list_display = ["person", "event", "role", "positions_summary", "online", "report"]
    list_filter = ["role", "online", "created_by_editor"]
    list_select_related = ["person", "event", "report"]
    search_fields = ["person__name", "event__name", "talk_title"]
    autocomplete_fields = ["event", "person", "report"]
    readonly_fields = ["evidence_sentence"]
    fields = [
        "event",
        "person",
        "role",
        "talk_title",
        "online",
        "order",
        "confidence",
        "report",
        "evidence_sentence",
        "curated_fields",
        "created_by_editor",
    ]
    inlines = [PositionInline]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .prefetch_related(
                Prefetch("positions", queryset=Position.objects.select_related("organization"))
            )
        )

    @admin.display(description="positions")
    def positions_summary(self, obj):
        return "; ".join(str(p) for p in obj.positions.all()) or "—"

    @admin.display(description="evidence")
    def evidence_sentence(self, obj):
        return evidence_html(obj) if obj.pk else "—"


@admin.register(Position)
class PositionAdmin(RowCurationMixin, admin.ModelAdmin):
    parent_relation = ("participation", "positions")
    list_display = ["title", "organization", "participation"]
    list_filter = [LinkedOrganizationFilter]
    list_select_related = ["organization", "participation__person", "participation__event"]
    search_fields = ["title", "organization__name", "participation__person__name"]
    autocomplete_fields = ["participation", "organization", "report"]


@admin.register(Report)
class ReportAdmin(CurationAdminMixin, admin.ModelAdmin):
    list_display = ["title", "file_name", "publisher", "event_count", "loaded_at"]
    search_fields = ["title", "file_name", "publisher"]
    # Events carry partial dates (no hierarchy possible); reports have a real load time.
    date_hierarchy = "loaded_at"
    readonly_fields = [
        "file_name",
        "sha256",
        "encoding",
        "repairs",
        "loaded_at",
        "extracted_at",
        "text",
        "raw_text",
    ]
    fields = ["title", "slug", "publisher", *readonly_fields]
    change_list_template = "admin/events/report/change_list.html"

    def delete_model(self, request, obj):
        editing.delete_report(obj, request.user)

    def delete_queryset(self, request, queryset):
        editing.delete_reports(queryset, request.user)

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(event_count=models.Count("events"))

    @admin.display(description="events", ordering="event_count")
    def event_count(self, obj):
        return obj.event_count

    def get_urls(self):
        return [
            path(
                "add-from-text/",
                self.admin_site.admin_view(self.add_from_text_view),
                name="events_report_add_from_text",
            ),
            *super().get_urls(),
        ]

    def add_from_text_view(self, request):
        if not self.has_add_permission(request):
            raise PermissionDenied
        report = None
        if request.method == "POST":
            form = ReportFromTextForm(request.POST, request.FILES)
            if form.is_valid() and settings.TASK_QUEUE:
                return self.queue_from_text(request, form)
            if form.is_valid():
                report = add_report_from_admin(form, request.user)
        else:
            form = ReportFromTextForm()
        if report is not None:
            self.message_user(
                request,
                f"Added “{report}” with {report.events.count()} event(s); "
                "they are flagged for review.",
                messages.SUCCESS,
            )
            return HttpResponseRedirect(reverse("admin:events_report_change", args=[report.pk]))
        context = {
            **self.admin_site.each_context(request),
            "title": "Add a report from text",
            "opts": self.opts,
            "form": form,
            "adminform": form,
        }
        return TemplateResponse(request, "admin/events/report/add_from_text.html", context)

    def queue_from_text(self, request, form):
        """A long report must not hold the request: a worker extracts it; its page shows how far."""
        from events.tasks import enqueue_reports

        (job,) = enqueue_reports(
            [(form.cleaned_data["file_name"], form.cleaned_data["data"])],
            review_new_records=True,
            user=request.user,
        )
        self.message_user(
            request,
            f"“{job.file_name}” is queued for extraction; this page shows its progress.",
            messages.SUCCESS,
        )
        return HttpResponseRedirect(reverse("admin:events_reportimport_change", args=[job.pk]))


@admin.register(ReportImport)
class ReportImportAdmin(admin.ModelAdmin):
    """What became of each queued report: the import queue's status board (read-only)."""

    list_display = [
        "file_name",
        "state",
        "queued_at",
        "started_at",
        "finished_at",
        "extract_seconds",
        "ingest_seconds",
        "attempts",
        "short_error",
    ]
    list_filter = ["state"]
    search_fields = ["file_name"]
    date_hierarchy = "queued_at"
    fields = [
        "file_name",
        "state",
        "loaded_records",
        "outcome",
        "error",
        "attempts",
        "queued_at",
        "started_at",
        "finished_at",
        "extract_seconds",
        "ingest_seconds",
        "requested_by",
    ]
    readonly_fields = fields

    def get_queryset(self, request):
        return super().get_queryset(request).defer("data")

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    @admin.display(description="error")
    def short_error(self, obj):
        return Truncator(obj.error).chars(80)

    @admin.display(description="loaded")
    def loaded_records(self, obj):
        if obj.report is None:
            return "—"
        report = obj.report
        events = list(report.events.order_by("name"))
        people = (
            Person.objects.filter(participations__mentions__report=report)
            .distinct()
            .order_by("name")
        )
        link = '<a href="{}">{}</a>'
        parts = [
            format_html(
                "Report: " + link, reverse("admin:events_report_change", args=[report.pk]), report
            ),
            format_html(
                "Events: {}",
                format_html_join(
                    ", ",
                    link,
                    ((reverse("admin:events_event_change", args=[e.pk]), e.name) for e in events),
                )
                or "none",
            ),
            format_html(
                "People: {}",
                format_html_join(
                    ", ",
                    link,
                    ((reverse("admin:people_person_change", args=[p.pk]), p.name) for p in people),
                )
                or "none",
            ),
        ]
        return format_html_join(mark_safe("<br>"), "{}", ((part,) for part in parts))


class ReportFromTextForm(forms.Form):
    file_name = forms.CharField(
        max_length=255,
        help_text="A name for the report, unique among reports: “2021-09-06_cop26_side_event.txt”.",
    )
    text = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 20}),
        required=False,
        strip=False,
        help_text="Paste the whole report: title first, then the text.",
    )
    upload = forms.FileField(required=False, help_text="…or choose a text file instead.")

    def clean_file_name(self):
        name = self.cleaned_data["file_name"].strip()
        if Report.objects.filter(file_name=name).exists():
            raise forms.ValidationError("A report with this file name is already loaded.")
        return name

    def clean(self):
        cleaned = super().clean()
        text, upload = cleaned.get("text") or "", cleaned.get("upload")
        if bool(text.strip()) == bool(upload):
            raise forms.ValidationError("Paste the text or choose a file (one of the two).")
        cleaned["data"] = upload.read() if upload else text.encode("utf-8")
        return cleaned


def add_report_from_admin(form: ReportFromTextForm, user) -> Report | None:
    """The same path as `load_reports`, then every event of the report is flagged for review.

    Returns None, with the reason added to the form, when nothing was written.
    """
    file_name = form.cleaned_data["file_name"]
    with transaction.atomic():
        outcome = load_report_bytes(
            form.cleaned_data["data"], file_name=file_name, review_new_records=True, user=user
        )
        if outcome.failed or outcome.result is None:
            form.add_error(None, f"This report cannot be added: {outcome.error or outcome.notice}.")
            return None
        report = Report.objects.get(file_name=file_name)
        flag_events_for_review(report)
        editing.log_change(user, report, "Added from text in the admin.", flag=ADDITION)
    reports_loaded.send(sender=ReportAdmin, results=[outcome.result])
    return report


@admin.register(City)
class CityAdmin(CurationAdminMixin, admin.ModelAdmin):
    list_display = ["name", "province", "country", "geonames_id"]
    list_filter = ["country"]
    search_fields = ["name", "province"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Topic)
class TopicAdmin(CurationAdminMixin, admin.ModelAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name", "description"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(EventSource)
class EventSourceAdmin(ReportStatementAdmin):
    list_display = ["event", "report", "order"]
    list_select_related = ["event", "report"]
    search_fields = ["event__name", "report__file_name"]
    autocomplete_fields = ["event", "report"]


@admin.register(EventClaim)
class EventClaimAdmin(ReportStatementAdmin):
    list_display = ["event", "field", "value", "report"]
    list_filter = ["field"]
    list_select_related = ["event", "report"]
    search_fields = ["event__name", "value"]
    autocomplete_fields = ["event", "report"]
    readonly_fields = ["evidence_sentence"]

    @admin.display(description="evidence")
    def evidence_sentence(self, obj):
        return evidence_html(obj)


@admin.register(EventOrganizer)
class EventOrganizerAdmin(RowCurationMixin, admin.ModelAdmin):
    parent_relation = ("event", "organizer_roles")
    list_display = ["organization", "role", "event"]
    list_filter = ["role"]
    list_select_related = ["organization", "event"]
    search_fields = ["organization__name", "organization__acronym", "event__name"]
    autocomplete_fields = ["event", "organization", "report"]


@admin.register(EventTopic)
class EventTopicAdmin(RowCurationMixin, admin.ModelAdmin):
    parent_relation = ("event", "topic_tags")
    list_display = ["topic", "event", "score"]
    list_filter = ["topic"]
    list_select_related = ["topic", "event"]
    search_fields = ["topic__name", "event__name"]
    autocomplete_fields = ["event", "topic", "report"]


@admin.register(OrganizationMention)
class OrganizationMentionAdmin(ReportStatementAdmin):
    list_display = ["organization", "report", "order"]
    list_select_related = ["organization", "report"]
    search_fields = ["organization__name", "organization__acronym", "report__file_name"]
    autocomplete_fields = ["organization", "report"]
    readonly_fields = ["evidence_sentence"]

    @admin.display(description="evidence")
    def evidence_sentence(self, obj):
        return evidence_html(obj)


@admin.register(ParticipantMention)
class ParticipantMentionAdmin(ReportStatementAdmin):
    list_display = ["participation", "report", "order"]
    list_select_related = ["participation__person", "participation__event", "report"]
    search_fields = ["participation__person__name", "participation__event__name"]
    readonly_fields = ["evidence_sentence"]

    @admin.display(description="evidence")
    def evidence_sentence(self, obj):
        return evidence_html(obj)


@admin.register(CityMention)
class CityMentionAdmin(RowCurationMixin, admin.ModelAdmin):
    parent_relation = ("event", "city_mentions")
    list_display = ["city", "event"]
    list_select_related = ["city", "event"]
    search_fields = ["city__name", "event__name"]
    autocomplete_fields = ["event", "city", "report"]


# ---------------------------------------------------------------- people and organisations


@admin.register(Person)
class PersonAdmin(MergeActionMixin, CurationAdminMixin, RecordHistoryAdmin):
    form = NamedRecordForm
    list_display = [
        "name",
        "family_name",
        "given_name",
        "affiliation",
        "appearance_count",
        "created_by_editor",
    ]
    list_filter = [HasAffiliationFilter, "created_by_editor"]
    search_fields = ["name", "family_name", "given_name", "aliases__name", "slug"]
    prepopulated_fields = {"slug": ["name"]}
    readonly_fields = ["positions_held", "created_at", "updated_at"]
    fieldsets = [
        (None, {"fields": ["name", ("family_name", "given_name"), "slug"]}),
        ("Positions held, as the reports state them", {"fields": ["positions_held"]}),
        (
            "Curation",
            {
                "fields": ["curated_fields", "created_by_editor", "created_at", "updated_at"],
                "classes": ["collapse"],
                "description": "Fields listed here are never overwritten by an import.",
            },
        ),
    ]
    inlines = [PersonAliasInline, PersonParticipationInline]
    actions = ["merge_selected"]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(
                appearance_count=models.Count("participations", distinct=True),
                # The organisation of the latest appearance: one subquery, not one per row.
                affiliation=models.Subquery(
                    Position.objects.filter(
                        participation__person=models.OuterRef("pk"), organization__isnull=False
                    )
                    .order_by(*chronological("participation__event"), "-participation__pk", "order")
                    .values("organization__name")[:1]
                ),
            )
        )

    @admin.display(description="affiliation", ordering="affiliation")
    def affiliation(self, obj):
        return obj.affiliation or "—"

    @admin.display(description="appearances", ordering="appearance_count")
    def appearance_count(self, obj):
        return obj.appearance_count

    @admin.display(description="positions held")
    def positions_held(self, obj):
        if obj.pk is None:
            return "—"
        positions = (
            Position.objects.filter(participation__person=obj)
            .select_related("organization", "participation__event")
            .order_by(*chronological("participation__event"), "participation__event__name")
        )
        rows = format_html_join(
            "",
            "<li>{} — {} ({})</li>",
            (
                (
                    p.title,
                    admin_change_link(p.organization) if p.organization_id else "no organisation",
                    p.participation.event.name,
                )
                for p in positions
            ),
        )
        return format_html("<ul>{}</ul>", rows) if rows else "—"


@admin.register(Organization)
class OrganizationAdmin(MergeActionMixin, CurationAdminMixin, RecordHistoryAdmin):
    form = NamedRecordForm
    list_display = ["name", "acronym", "kind", "parent", "country", "created_by_editor"]
    list_filter = ["kind", HasCountryFilter, "country", "created_by_editor"]
    list_select_related = ["parent"]
    search_fields = ["name", "acronym", "aliases__name", "slug"]
    autocomplete_fields = ["parent"]
    prepopulated_fields = {"slug": ["name"]}
    readonly_fields = ["members", "events_organised", "units_list", "created_at", "updated_at"]
    fieldsets = [
        (None, {"fields": ["name", "acronym", "slug", "kind", "parent", "country"]}),
        ("Description", {"fields": ["description"], "classes": ["collapse"]}),
        (
            "From the reports",
            {"fields": ["members", "events_organised", "units_list"]},
        ),
        (
            "Curation",
            {
                "fields": ["curated_fields", "created_by_editor", "created_at", "updated_at"],
                "classes": ["collapse"],
                "description": "Fields listed here are never overwritten by an import.",
            },
        ),
    ]
    inlines = [OrganizationAliasInline]
    actions = ["merge_selected"]

    @admin.display(description="people holding positions")
    def members(self, obj):
        if obj.pk is None:
            return "—"
        people = (
            Person.objects.filter(participations__positions__organization=obj)
            .distinct()
            .order_by("family_name", "given_name")
        )
        return format_html_join(", ", "{}", ((admin_change_link(p),) for p in people)) or "—"

    @admin.display(description="events organised")
    def events_organised(self, obj):
        if obj.pk is None:
            return "—"
        roles = obj.organizer_roles.select_related("event")
        rows = format_html_join(
            "",
            "<li>{} ({})</li>",
            ((admin_change_link(r.event), r.get_role_display()) for r in roles),
        )
        return format_html("<ul>{}</ul>", rows) if rows else "—"

    @admin.display(description="units")
    def units_list(self, obj):
        if obj.pk is None:
            return "—"
        return (
            format_html_join(", ", "{}", ((admin_change_link(u),) for u in obj.units.all())) or "—"
        )
