"""Public pages: home, events, reports, cities and topics."""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import urlencode

from django.db.models import Case, Count, Exists, OuterRef, Prefetch, Value, When
from django.shortcuts import render
from django.views.decorators.http import require_safe
from django.views.generic import DetailView, ListView
from django_filters.views import FilterView

from browse.evidence import facts_in_report, mark_evidence
from browse.filters.events import EventFilter
from browse.linked_data import city_json_ld, event_json_ld, topic_json_ld
from browse.summaries import (
    charts_from_facets,
    city_map,
    events_per_city,
    events_per_topic,
    events_per_year,
    record_counts,
    with_topic_event_counts,
)
from browse.views.lists import (
    DOWNLOAD_CHUNK,
    ListPageMixin,
    SlugRedirectMixin,
    in_chunks,
    paginate,
    url_by_slug,
)
from core.counting import SubqueryCount
from core.data_version import counted_once
from events.models import (
    City,
    CityMention,
    Event,
    EventTopic,
    ParticipationRole,
    Report,
    Topic,
    with_evidence,
)
from people.models import Organization, Person

# An event page lists this many participants at a time.
PARTICIPANTS_PER_PAGE = 50
# Participants are shown in this order of roles; within a role, in the report's order.
ROLE_ORDER = [
    (ParticipationRole.KEYNOTE, "Keynote speakers"),
    (ParticipationRole.SPEAKER, "Speakers"),
    (ParticipationRole.PANELIST, "Panelists"),
    (ParticipationRole.MODERATOR, "Moderators"),
    (ParticipationRole.ATTENDEE, "Also attending"),
]


@require_safe
def home(request):
    counts = record_counts()
    return render(
        request,
        "events/home.html",
        {
            "counts": [
                (kind, label, counts[kind], url)
                for kind, label, url in [
                    ("events", "Events", "events:list"),
                    ("speakers", "Speakers", "people:list"),
                    ("organisations", "Organisations", "people:organizations"),
                    ("cities", "Cities", "events:cities"),
                    ("topics", "Topics", "events:topics"),
                    ("reports", "Source reports", "events:reports"),
                ]
            ],
            "latest_events": Event.objects.for_list().with_participant_count().newest_first()[:6],
            "topics": with_topic_event_counts(Topic.objects.all())
            .filter(event_count__gt=0)
            .order_by("-event_count", "name")[:12],
            "charts": [events_per_year(), events_per_topic(), events_per_city()],
            "map": city_map(),
        },
    )


def page_not_found(request, exception):
    return render(request, "404.html", {"request_path": request.path}, status=404)


EVENT_DOWNLOAD_COLUMNS = (
    "name",
    "slug",
    *(f"{part}_{unit}" for part in ("start", "end") for unit in ("year", "month", "day")),
    "venue",
    "attendance_text",
    "city__name",
    "parent__name",
)


class EventListView(ListPageMixin, FilterView):
    filterset_class = EventFilter
    template_name = "events/event_list.html"
    download_name = "events"
    download_fields = (
        "name",
        "url",
        "date",
        "start",
        "city",
        "venue",
        "part_of",
        "topics",
        "participants",
        "attendance",
    )

    def get_queryset(self):
        return Event.objects.newest_first()

    def page_rows(self, queryset):
        return queryset.for_list().with_participant_count()

    def download_rows(self) -> Iterator[dict]:
        # Only the columns a row needs, each thousand events' topics in one query and URLs from
        # one reverse(): a model's prefetch manager and reverse() per row made the busiest
        # topic's 30,000 events take 15 s.
        events = (
            self.download_queryset()
            .select_related("city", "parent")
            .only(*EVENT_DOWNLOAD_COLUMNS)
            .with_participant_count()
        )
        url = url_by_slug(self.request, "events:detail")
        for chunk in in_chunks(events.iterator(chunk_size=DOWNLOAD_CHUNK)):
            topics: dict[int, list[str]] = {}
            for event_id, name in (
                EventTopic.objects.filter(event__in=[event.pk for event in chunk])
                .order_by("topic__name")
                .values_list("event_id", "topic__name")
            ):
                topics.setdefault(event_id, []).append(name)
            for event in chunk:
                yield {
                    "name": event.name,
                    "url": url(event.slug),
                    "date": event.date_display,
                    "start": event.start_iso,
                    "city": event.city.name if event.city_id else "",
                    "venue": event.venue,
                    "part_of": event.parent.name if event.parent_id else "",
                    "topics": topics.get(event.pk, []),
                    "participants": event.participant_count,
                    "attendance": event.attendance_text,
                }

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        query = {k: v for k, v in self.request.GET.items() if v and k not in ("page", "format")}

        def link(name, value):
            return "?" + urlencode({**query, name: value})

        context["charts"] = charts_from_facets(self.filterset, link)
        return context


class EventDetailView(SlugRedirectMixin, DetailView):
    model = Event
    template_name = "events/event_detail.html"

    def get_queryset(self):
        return Event.objects.for_page()

    def get_context_data(self, **kwargs):
        event = self.object
        in_role_order = Case(
            *(When(role=role, then=Value(i)) for i, (role, _) in enumerate(ROLE_ORDER)),
            default=Value(len(ROLE_ORDER)),
        )
        participants = paginate(
            self.request,
            event.participations.order_by(in_role_order, "order", "pk"),
            "participants_page",
            lambda rows: rows.for_event_page(),
            per_page=PARTICIPANTS_PER_PAGE,
        )
        participations = list(participants)
        totals = dict(event.participations.order_by().values_list("role").annotate(n=Count("pk")))
        claims: dict[str, list] = {}
        for claim in event.claims.all():
            claims.setdefault(claim.field, []).append(claim)
        return super().get_context_data(
            participants=participants,
            participant_groups=[
                (label, totals.get(role, 0), [p for p in participations if p.role == role])
                for role, label in ROLE_ORDER
                if any(p.role == role for p in participations)
            ],
            talks=[p for p in participations if p.talk_title],
            claims=claims,
            json_ld=event_json_ld(event, participations, self.request),
            **kwargs,
        )


class ReportListView(ListPageMixin, ListView):
    template_name = "events/report_list.html"
    download_name = "reports"
    download_fields = (
        "title",
        "file_name",
        "publisher",
        "url",
        "events",
    )

    def get_queryset(self):
        return Report.objects.order_by("title", "pk")

    def page_rows(self, queryset):
        return queryset.for_list()

    def download_row(self, report) -> dict:
        return {
            "title": report.title,
            "file_name": report.file_name,
            "publisher": report.publisher,
            "url": self.request.build_absolute_uri(report.get_absolute_url()),
            "events": report.event_count,
        }


REPORT_RECORDS = 300


class ReportDetailView(DetailView):
    model = Report
    template_name = "events/report_detail.html"

    def get_context_data(self, **kwargs):
        report = self.object
        return super().get_context_data(
            marked=mark_evidence(report.text, facts_in_report(report)),
            events=report.events.for_list()
            .with_participant_count()
            .order_by("event_sources__order", "name"),
            # What the report supports, in its own order; a report names tens, never thousands.
            people=Person.objects.filter(participations__mentions__report=report)
            .order_by("family_name", "given_name", "pk")
            .distinct()[:REPORT_RECORDS],
            organizations=Organization.objects.filter(mentions__report=report).order_by(
                "mentions__order", "pk"
            )[:REPORT_RECORDS],
            **kwargs,
        )


class CityListView(ListPageMixin, ListView):
    template_name = "events/city_list.html"
    download_name = "cities"
    download_fields = (
        "name",
        "province",
        "country",
        "latitude",
        "longitude",
        "url",
        "events_held",
        "events_mentioning",
    )

    def get_queryset(self):
        return City.objects.with_event_count().order_by("-event_count", "name", "pk")

    def paginate_queryset(self, queryset, page_size):
        # Ranking every city by the events it held counts every event on each request (13 ms
        # at 10,000 events, 27 ms at 100,000), for an order and counts that change only with
        # the data: they are kept under the data version and each page reads its own cities.
        ranked = counted_once(
            "cities:ranked",
            lambda: list(
                self.page_rows(queryset).values_list("pk", "event_count", "mention_count")
            ),
        )
        paginator, page, shown, is_paginated = ListView.paginate_queryset(self, ranked, page_size)
        by_id = City.objects.in_bulk([pk for pk, _, _ in shown])
        page.object_list = []
        for pk, event_count, mention_count in shown:
            if city := by_id.get(pk):
                city.event_count, city.mention_count = event_count, mention_count
                page.object_list.append(city)
        return paginator, page, page.object_list, is_paginated

    def page_rows(self, queryset):
        # get_queryset() has already counted the events each city held.
        return queryset.annotate(
            mention_count=SubqueryCount(
                CityMention.objects.filter(city=OuterRef("pk")).values("pk")
            )
        )

    def download_row(self, city) -> dict:
        return {
            "name": city.name,
            "province": city.province,
            "country": city.country,
            "latitude": city.latitude,
            "longitude": city.longitude,
            "url": self.request.build_absolute_uri(city.get_absolute_url()),
            "events_held": city.event_count,
            "events_mentioning": city.mention_count,
        }

    def get_context_data(self, **kwargs):
        return super().get_context_data(map=city_map(), chart=events_per_city(), **kwargs)


class CityDetailView(DetailView):
    model = City
    template_name = "events/city_detail.html"

    def get_context_data(self, **kwargs):
        city = self.object
        return super().get_context_data(
            events=paginate(
                self.request,
                city.events.newest_first(),
                "events_page",
                lambda rows: rows.for_list().with_participant_count(),
            ),
            mentions=paginate(
                self.request,
                # By the folded name, whose unique index PostgreSQL walks, probing each event
                # for a mention, for as long as a page takes: sorted by the written name it
                # joined all 12,000 mentions of the busiest city to their events first.
                CityMention.objects.filter(city=city).order_by("event__key", "pk"),
                "mentions_page",
                lambda rows: with_evidence(rows, "event"),
            ),
            json_ld=city_json_ld(city, self.request),
            **kwargs,
        )


class TopicListView(ListPageMixin, ListView):
    template_name = "events/topic_list.html"
    download_name = "topics"
    download_fields = (
        "name",
        "description",
        "url",
        "events",
    )

    def get_queryset(self):
        return with_topic_event_counts(Topic.objects.all()).order_by("-event_count", "name", "pk")

    def get_context_data(self, **kwargs):
        return super().get_context_data(chart=events_per_topic(), **kwargs)

    def download_row(self, topic) -> dict:
        return {
            "name": topic.name,
            "description": topic.description,
            "url": self.request.build_absolute_uri(topic.get_absolute_url()),
            "events": topic.event_count,
        }


class TopicDetailView(DetailView):
    model = Topic
    template_name = "events/topic_detail.html"

    def get_context_data(self, **kwargs):
        topic = self.object
        # Events in date order from the index, each checked for the tag: the page stops after
        # 25 rather than sorting every tagged event of a busy topic.
        tagged = Event.objects.filter(
            Exists(EventTopic.objects.filter(topic=topic, event=OuterRef("pk")))
        ).newest_first()
        tags = with_evidence(EventTopic.objects.filter(topic=topic))
        events = paginate(
            self.request,
            tagged,
            "page",
            lambda rows: rows.select_related("city").prefetch_related(
                Prefetch("topic_tags", queryset=tags, to_attr="tags_of_topic")
            ),
        )
        return super().get_context_data(
            events=events, json_ld=topic_json_ld(topic, self.request), **kwargs
        )
