from django.urls import path

from events import views

app_name = "events"
urlpatterns = [
    path("", views.home, name="home"),
    path("events/", views.EventListView.as_view(), name="list"),
    path("events/<slug:slug>/", views.EventDetailView.as_view(), name="detail"),
    path("reports/", views.ReportListView.as_view(), name="reports"),
    path("reports/<slug:slug>/", views.ReportDetailView.as_view(), name="report"),
    path("cities/", views.CityListView.as_view(), name="cities"),
    path("cities/<slug:slug>/", views.CityDetailView.as_view(), name="city"),
    path("topics/", views.TopicListView.as_view(), name="topics"),
    path("topics/<slug:slug>/", views.TopicDetailView.as_view(), name="topic"),
]
