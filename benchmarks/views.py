"""The yardsticks the page benchmark compares every page against (benchmark mode only)."""

from django.http import HttpResponse
from django.shortcuts import render
from django.urls import path
from django.views.decorators.http import require_safe


@require_safe
def bare(request):
    return HttpResponse("ok", content_type="text/plain")


@require_safe
def base(request):
    return render(request, "base.html")


urlpatterns = [
    path("bare/", bare, name="bare"),
    path("base/", base, name="base"),
]
