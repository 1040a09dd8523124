"""Login throttling: guessing is slowed, but nobody can lock an editor out from elsewhere."""

from __future__ import annotations

from datetime import timedelta

import pytest
from axes.models import AccessFailureLog
from django.test import Client
from django.urls import reverse

from curation.throttling import DEVICE_COOKIE
from tests.curation.conftest import PASSWORD

pytestmark = pytest.mark.django_db


def browser(address: str) -> Client:
    """A client with CSRF checks on, at its own address, holding the login form's token."""
    client = Client(enforce_csrf_checks=True, REMOTE_ADDR=address)
    client.get(reverse("admin:login"))
    return client


def log_in(client: Client, password: str):
    return client.post(
        reverse("admin:login"),
        {
            "username": "edith",
            "password": password,
            "next": "/admin/",
            "csrfmiddlewaretoken": client.cookies["csrftoken"].value,
        },
    )


def test_lockout_from_one_address_does_not_stop_the_editor_elsewhere(editor, settings):
    attacker = browser("203.0.113.9")
    for _ in range(settings.AXES_FAILURE_LIMIT):
        log_in(attacker, "wrong")
    assert log_in(attacker, PASSWORD).status_code == 429

    office = browser("198.51.100.7")
    response = log_in(office, PASSWORD)
    assert (response.status_code, response["Location"]) == (302, "/admin/")
    assert office.session["_auth_user_id"] == str(editor.pk)


def test_many_failures_for_a_user_name_make_unknown_browsers_wait(editor, settings):
    settings.LOGIN_USERNAME_FAILURE_LIMIT = 6
    for n in range(3):
        attacker = browser(f"203.0.113.{n + 1}")
        for _ in range(2):
            assert log_in(attacker, "wrong").status_code == 200
    assert AccessFailureLog.objects.filter(username="edith").count() == 6

    stranger = browser("192.0.2.44")
    response = log_in(stranger, PASSWORD)
    assert response.status_code == 429
    assert response.context["seconds"] in range(50, 61)
    assert "_auth_user_id" not in stranger.session

    # Once the delay since the latest failure has passed, the right password works again.
    AccessFailureLog.objects.filter(username="edith").update(
        attempt_time=AccessFailureLog.objects.order_by("attempt_time").first().attempt_time
        - timedelta(seconds=61)
    )
    response = log_in(stranger, PASSWORD)
    assert (response.status_code, response["Location"]) == (302, "/admin/")


def test_a_browser_that_logged_in_before_never_waits(editor, settings):
    settings.LOGIN_USERNAME_FAILURE_LIMIT = 2
    laptop = browser("198.51.100.7")
    assert log_in(laptop, PASSWORD).status_code == 302
    assert laptop.cookies[DEVICE_COOKIE]["httponly"] is True
    laptop.post(reverse("admin:logout"), {"csrfmiddlewaretoken": laptop.cookies["csrftoken"].value})

    for n in range(2):
        log_in(browser(f"203.0.113.{n + 1}"), "wrong")
    assert log_in(browser("192.0.2.44"), PASSWORD).status_code == 429

    laptop.get(reverse("admin:login"))
    response = log_in(laptop, PASSWORD)
    assert (response.status_code, response["Location"]) == (302, "/admin/")
    assert laptop.session["_auth_user_id"] == str(editor.pk)
