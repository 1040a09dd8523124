"""/api/v1/ and its OpenAPI schema and documentation page, served by the site itself."""

from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView
from rest_framework.routers import DefaultRouter

from browse.api import views

router = DefaultRouter()
router.register("events", views.EventViewSet, basename="event")
router.register("speakers", views.PersonViewSet, basename="person")
router.register("organisations", views.OrganizationViewSet, basename="organization")
router.register("cities", views.CityViewSet, basename="city")
router.register("topics", views.TopicViewSet, basename="topic")
router.register("participations", views.ParticipationViewSet, basename="participation")
router.register("reports", views.ReportViewSet, basename="report")

app_name = "api"
urlpatterns = [
    path("v1/", include(router.urls)),
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path("docs/", SpectacularSwaggerSplitView.as_view(url_name="api:schema"), name="docs"),
]
