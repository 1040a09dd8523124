from django.conf import settings
from django.contrib import admin
from django.urls import include, path

from events import search_views

urlpatterns = [
    path("admin/", admin.site.urls),
    path("search/", search_views.search, name="search"),
    path("", include("people.urls")),
    path("", include("events.urls")),
]

if settings.BENCHMARK:
    urlpatterns.insert(0, path("__benchmark__/", include("benchmarks.views")))

handler404 = "events.views.page_not_found"
handler500 = "django.views.defaults.server_error"  # templates/500.html, standalone
