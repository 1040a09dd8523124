"""Admin logins: slow down guessing of an editor's password without letting anyone lock them out.

django-axes locks the combination of address and user name, so failures from one address
never stop the same editor elsewhere. On top of it a longer, separate limit per user name
spaces out attempts from browsers that have never logged in as that user: after
`LOGIN_USERNAME_FAILURE_LIMIT` failures within `LOGIN_USERNAME_WINDOW`, such a browser must wait
`LOGIN_USERNAME_DELAY` after the latest failure. A browser that logged in as the user before
carries a signed device cookie and is never made to wait (OWASP's "device cookies").
"""

from __future__ import annotations

from datetime import timedelta

from axes.models import AccessFailureLog
from django.conf import settings
from django.contrib import admin
from django.db.models import Count, Max
from django.template.response import TemplateResponse
from django.utils import timezone

DEVICE_COOKIE = "eventsdb_device"
DEVICE_SALT = "eventsdb.login.device"
DEVICE_MAX_AGE = 60 * 60 * 24 * 365


def username_wait(username: str) -> timedelta | None:
    """How long a new attempt for `username` must still wait, or None."""
    if not username:
        return None
    now = timezone.now()
    recent = AccessFailureLog.objects.filter(
        username=username, attempt_time__gte=now - settings.LOGIN_USERNAME_WINDOW
    ).aggregate(count=Count("pk"), last=Max("attempt_time"))
    if recent["count"] < settings.LOGIN_USERNAME_FAILURE_LIMIT:
        return None
    wait = recent["last"] + settings.LOGIN_USERNAME_DELAY - now
    return wait if wait > timedelta(0) else None


def is_known_device(request, username: str) -> bool:
    known = request.get_signed_cookie(
        DEVICE_COOKIE, default=None, salt=DEVICE_SALT, max_age=DEVICE_MAX_AGE
    )
    return bool(username) and known == username


def login(request, extra_context=None):
    """The admin login, behind the per-user-name wait."""
    username = request.POST.get("username", "") if request.method == "POST" else ""
    if username and not is_known_device(request, username):
        wait = username_wait(username)
        if wait is not None:
            context = {
                **admin.site.each_context(request),
                "title": "Please wait",
                "seconds": int(wait.total_seconds()) + 1,
            }
            return TemplateResponse(request, "admin/curation/login_wait.html", context, status=429)
    response = admin.site.login(request, extra_context)
    if request.method == "POST" and request.user.is_authenticated and response.status_code == 302:
        response.set_signed_cookie(
            DEVICE_COOKIE,
            request.user.get_username(),
            salt=DEVICE_SALT,
            max_age=DEVICE_MAX_AGE,
            secure=settings.SESSION_COOKIE_SECURE,
            httponly=True,
            samesite="Lax",
        )
    return response
