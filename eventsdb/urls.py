from django.conf import settings
from django.contrib import admin
from django.urls import include, path

from curation.admin.quality import data_quality
from curation.throttling import login

urlpatterns = [
    # Before the admin's own URLs: the login goes through the per-user-name wait.
    path("admin/login/", login, name="admin_login"),
    path("admin/data-quality/", admin.site.admin_view(data_quality), name="data_quality"),
    path("admin/", admin.site.urls),
    path("", include("browse.urls")),
]

if settings.BENCHMARK:
    urlpatterns.insert(0, path("__benchmark__/", include("benchmarks.views")))

handler404 = "browse.views.events.page_not_found"
handler500 = "django.views.defaults.server_error"  # templates/500.html, standalone
