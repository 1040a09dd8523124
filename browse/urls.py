"""Public URLs for feeds, calendars, sitemaps and robots.txt (included at the site root)."""

from django.contrib.sitemaps import views as sitemap_views
from django.urls import path

from browse import calendars, feeds
from browse.sitemaps import SITEMAPS, robots_txt

urlpatterns = [
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
    urlpatterns += [
        path(f"{prefix}/<slug:slug>/events.rss", feed(), name=f"{name}-feed-rss"),
        path(f"{prefix}/<slug:slug>/events.atom", feeds.atom(feed)(), name=f"{name}-feed-atom"),
        path(f"{prefix}/<slug:slug>/events.ics", calendar, name=f"{name}-calendar"),
    ]
