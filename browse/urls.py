"""Every public URL; the namespaces `events` and `people` name the domain a page shows."""

from django.contrib.sitemaps import views as sitemap_views
from django.urls import include, path

from browse import calendars, feeds
from browse.sitemaps import SITEMAPS, robots_txt
from browse.views import downloads, events, people, search

event_patterns = [
    path("", events.home, name="home"),
    path("events/", events.EventListView.as_view(), name="list"),
    path("events/<slug:slug>/", events.EventDetailView.as_view(), name="detail"),
    path("reports/", events.ReportListView.as_view(), name="reports"),
    path("reports/<slug:slug>/", events.ReportDetailView.as_view(), name="report"),
    path("cities/", events.CityListView.as_view(), name="cities"),
    path("cities/<slug:slug>/", events.CityDetailView.as_view(), name="city"),
    path("topics/", events.TopicListView.as_view(), name="topics"),
    path("topics/<slug:slug>/", events.TopicDetailView.as_view(), name="topic"),
]

people_patterns = [
    path("speakers/", people.speakers, name="list"),
    path("speakers/<slug:slug>/", people.PersonDetailView.as_view(), name="person"),
    path("organisations/", people.OrganizationListView.as_view(), name="organizations"),
    path(
        "organisations/<slug:slug>/",
        people.OrganizationDetailView.as_view(),
        name="organization",
    ),
]

# Feeds, calendars, sitemaps and robots.txt: what other software reads.
syndication_patterns = [
    path("robots.txt", robots_txt, name="robots"),
    path(
        "sitemap.xml",
        sitemap_views.index,
        {"sitemaps": SITEMAPS, "sitemap_url_name": "sitemap-section"},
        name="sitemap-index",
    ),
    path(
        "sitemap-<section>.xml",
        sitemap_views.sitemap,
        {"sitemaps": SITEMAPS},
        name="sitemap-section",
    ),
    path("feeds/events.rss", feeds.LatestEventsFeed(), name="feed-rss"),
    path("feeds/events.atom", feeds.atom(feeds.LatestEventsFeed)(), name="feed-atom"),
    path("calendar/events.ics", calendars.all_events, name="calendar"),
]

SCOPES = [
    ("topics", feeds.TopicEventsFeed, calendars.topic_events, "topic"),
    ("cities", feeds.CityEventsFeed, calendars.city_events, "city"),
    ("organisations", feeds.OrganizationEventsFeed, calendars.organization_events, "organization"),
    ("speakers", feeds.PersonEventsFeed, calendars.person_events, "person"),
]
for prefix, feed, calendar, name in SCOPES:
    syndication_patterns += [
        path(f"{prefix}/<slug:slug>/events.rss", feed(), name=f"{name}-feed-rss"),
        path(f"{prefix}/<slug:slug>/events.atom", feeds.atom(feed)(), name=f"{name}-feed-atom"),
        path(f"{prefix}/<slug:slug>/events.ics", calendar, name=f"{name}-calendar"),
    ]

urlpatterns = [
    path("search/", search.search, name="search"),
    path("api/", include("browse.api.urls")),
    path(
        "downloads/participations.<str:fmt>",
        downloads.participations,
        name="download-participations",
    ),
    path("downloads/eventsdb.jsonl.gz", downloads.everything, name="download-everything"),
    *syndication_patterns,
    path("", include((people_patterns, "people"))),
    path("", include((event_patterns, "events"))),
]
