"""Each record's history page: old and new values of every change (django-simple-history,
with revert), the admin's log of merges and review decisions, and the merges one can undo."""

from __future__ import annotations

from django.contrib.admin.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from simple_history.admin import SimpleHistoryAdmin

from curation.models import MergeRecord

LOG_SHOWN = 50


class RecordHistoryAdmin(SimpleHistoryAdmin):
    object_history_template = "admin/curation/object_history.html"

    def history_view(self, request, object_id, extra_context=None):
        content_type = ContentType.objects.get_for_model(self.model)
        context = {
            **(extra_context or {}),
            "merges": MergeRecord.objects.filter(
                content_type=content_type, survivor_id=object_id
            ).select_related("merged_by"),
            "log_entries": LogEntry.objects.filter(
                content_type=content_type, object_id=str(object_id)
            )
            .select_related("user")
            .order_by("-action_time")[:LOG_SHOWN],
        }
        return super().history_view(request, object_id, extra_context=context)
