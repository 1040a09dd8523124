"""Every public URL; the namespaces `events` and `people` name the domain a page shows."""

from django.urls import include, path

from browse.views import events, people, search

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
    path("speakers/", people.PersonListView.as_view(), name="list"),
    path("speakers/<slug:slug>/", people.PersonDetailView.as_view(), name="person"),
    path("organisations/", people.OrganizationListView.as_view(), name="organizations"),
    path(
        "organisations/<slug:slug>/",
        people.OrganizationDetailView.as_view(),
        name="organization",
    ),
]

urlpatterns = [
    path("search/", search.search, name="search"),
    path("", include((people_patterns, "people"))),
    path("", include((event_patterns, "events"))),
]
