from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("admin/", admin.site.urls),
    path("", include("browse.urls")),
]

handler404 = "browse.views.events.page_not_found"
handler500 = "django.views.defaults.server_error"  # templates/500.html, standalone
