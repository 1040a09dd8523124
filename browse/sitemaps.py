"""sitemap.xml for every public record, and robots.txt pointing to it.

Each section is paged by the sitemap framework (at most `limit` URLs a file, listed in one
index), ordered by primary key so every page is an index range scan at any size.
"""

from __future__ import annotations

from django.contrib.sitemaps import Sitemap
from django.http import HttpResponse
from django.urls import reverse
from django.views.decorators.http import require_safe

from events.models import City, Event, Report, Topic
from people.models import Organization, Person


class RecordSitemap(Sitemap):
    model = None
    fields = ("slug",)
    limit = 5000

    def items(self):
        return self.model.objects.order_by("pk").only(*self.fields)


class UpdatedRecordSitemap(RecordSitemap):
    fields = ("slug", "updated_at")

    def lastmod(self, record):
        return record.updated_at


class EventSitemap(UpdatedRecordSitemap):
    model = Event


class PersonSitemap(UpdatedRecordSitemap):
    model = Person


class OrganizationSitemap(UpdatedRecordSitemap):
    model = Organization


class CitySitemap(RecordSitemap):
    model = City


class TopicSitemap(RecordSitemap):
    model = Topic


class ReportSitemap(RecordSitemap):
    model = Report
    fields = ("slug", "loaded_at")

    def lastmod(self, report):
        return report.loaded_at


SITEMAPS = {
    "events": EventSitemap,
    "speakers": PersonSitemap,
    "organisations": OrganizationSitemap,
    "cities": CitySitemap,
    "topics": TopicSitemap,
    "reports": ReportSitemap,
}


@require_safe
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        # Filtered and downloaded variants of the lists are endless; the records are in the sitemap.
        "Disallow: /*?*format=",
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap-index'))}",
        "",
    ]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")
