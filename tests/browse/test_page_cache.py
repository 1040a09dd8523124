"""The page cache never serves a stale page: every kind of change shows on the next request,
with the local-memory cache and with a real Redis server (REDIS_URL; `.ci/run` starts one)."""

from __future__ import annotations

import os
import uuid

import pytest
from django.core.management import call_command
from django.urls import reverse

from core.data_version import current_data_version, one_data_change
from curation.editing import merge_people
from events.models import Event
from people.models import Person
from tests.curation.test_admin import REPORT_TEXT, change_url, changelist_url, form_data
from tests.factories import make_event, make_participation, make_person

pytestmark = pytest.mark.django_db

BACKENDS = ["locmem", "redis"]


@pytest.fixture(params=BACKENDS)
def page_cache(request, settings):
    """The page cache on, with a store no other test shares."""
    prefix = f"test-{uuid.uuid4().hex}"
    if request.param == "redis":
        url = os.environ.get("REDIS_URL")
        if not url:
            if os.environ.get("CI"):
                pytest.fail("REDIS_URL is not set: the Redis page cache may not be skipped")
            pytest.skip("REDIS_URL is not set (a Redis server for the cache tests)")
        backend = {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": url}
    else:
        backend = {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": prefix}
    settings.CACHES = {"default": {**backend, "KEY_PREFIX": prefix}}
    settings.PAGE_CACHE = True
    return request.param


def get(client, url: str, **headers):
    response = client.get(url, headers=headers)
    return response, response.content.decode() if response.status_code == 200 else ""


def test_page_is_served_from_the_cache_until_the_data_changes(client, page_cache):
    make_event("Green Finance Forum")
    first, first_text = get(client, "/events/")
    second, second_text = get(client, "/events/")
    assert (first["X-Page-Cache"], second["X-Page-Cache"]) == ("miss", "hit")
    assert second_text == first_text
    assert "Green Finance Forum" in second_text
    assert second["ETag"] == first["ETag"]
    assert second["Cache-Control"] == "no-cache"
    version, changed_at = current_data_version()
    assert second["Last-Modified"] == changed_at.strftime("%a, %d %b %Y %H:%M:%S GMT")


def test_conditional_get_answers_304_until_the_data_changes(client, page_cache):
    event = make_event("Green Finance Forum")
    etag = get(client, "/events/")[0]["ETag"]
    assert client.get("/events/", headers={"If-None-Match": etag}).status_code == 304
    event.name = "Blue Economy Forum"
    event.save()
    response, text = get(client, "/events/", **{"If-None-Match": etag})
    assert (response.status_code, response["X-Page-Cache"]) == (200, "miss")
    assert "Blue Economy Forum" in text


def test_an_import_shows_on_the_next_request(client, page_cache, tmp_path):
    make_event("Summit")
    assert "Green Finance Forum" not in get(client, "/events/")[1]
    assert get(client, "/events/")[0]["X-Page-Cache"] == "hit"
    (tmp_path / "forum.txt").write_text(REPORT_TEXT, encoding="utf-8")
    call_command("load_reports", str(tmp_path), verbosity=0)
    response, text = get(client, "/events/")
    assert response["X-Page-Cache"] == "miss"
    assert "Green Finance Forum" in text


def test_an_admin_save_shows_on_the_next_request(client, page_cache, admin_client):
    event = make_event("Summit", venue="Hall 1", start_year=2021)
    assert "Hall 1" in get(client, event.get_absolute_url())[1]
    assert get(client, event.get_absolute_url())[0]["X-Page-Cache"] == "hit"
    data = form_data(admin_client.get(change_url(event)))
    data["venue"] = "National Convention Center"
    assert admin_client.post(change_url(event), data).status_code == 302
    text = get(client, event.get_absolute_url())[1]
    assert "National Convention Center" in text
    assert "Hall 1" not in text


def test_a_merge_shows_on_the_next_request(client, page_cache):
    summit = make_event("Summit")
    keep, dupe = make_person("Liu Yanhua"), make_person("Yanhua Liu")
    make_participation(summit, keep)
    make_participation(summit, dupe)
    assert "Yanhua Liu" in get(client, "/speakers/")[1]
    assert get(client, "/speakers/")[0]["X-Page-Cache"] == "hit"
    merge_people(keep, [dupe])
    text = get(client, "/speakers/")[1]
    assert "Liu Yanhua" in text
    assert "Yanhua Liu" not in text


def test_an_admin_merge_shows_on_the_next_request(client, page_cache, admin_client):
    keep, dupe = make_person("Liu Yanhua"), make_person("Yanhua Liu")
    assert "Yanhua Liu" in get(client, "/speakers/")[1]
    selected = {"action": "merge_selected", "_selected_action": [keep.pk, dupe.pk]}
    response = admin_client.post(
        changelist_url(Person), {**selected, "confirm": "yes", "survivor": keep.pk}
    )
    assert response.status_code == 302
    assert "Yanhua Liu" not in get(client, "/speakers/")[1]


def test_a_delete_shows_on_the_next_request(client, page_cache, admin_client):
    make_event("Summit")
    doomed = make_event("Green Finance Forum")
    assert "Green Finance Forum" in get(client, "/events/")[1]
    assert get(client, "/events/")[0]["X-Page-Cache"] == "hit"
    url = reverse("admin:events_event_delete", args=[doomed.pk])
    assert admin_client.post(url, {"post": "yes"}).status_code == 302
    assert not Event.objects.filter(pk=doomed.pk).exists()
    assert "Green Finance Forum" not in get(client, "/events/")[1]


def test_a_change_in_code_without_signals_shows_after_one_data_change(client, page_cache):
    event = make_event("Summit")
    get(client, "/events/")
    with one_data_change():
        Event.objects.filter(pk=event.pk).update(name="Renamed Summit")
    assert "Renamed Summit" in get(client, "/events/")[1]


def test_staff_and_the_admin_are_never_served_from_the_cache(page_cache, admin_client):
    make_event("Summit")
    for url in ("/events/", reverse("admin:events_event_changelist")):
        first, second = admin_client.get(url), admin_client.get(url)
        assert (first.status_code, second.status_code) == (200, 200)
        assert "X-Page-Cache" not in second
        assert "ETag" not in second


def test_the_login_page_and_visitors_with_a_session_are_not_cached(client, page_cache):
    login = reverse("admin:login")
    # The admin by its path; anyone with a session cookie, whatever the page.
    assert "X-Page-Cache" not in client.get(login)
    make_event("Summit")
    client.cookies["sessionid"] = "not-a-session"
    assert "X-Page-Cache" not in client.get("/events/")


def test_pages_are_served_while_the_cache_server_is_down(client, settings, caplog):
    # Nothing listens on port 1: every cache call fails at once.
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",
        }
    }
    settings.PAGE_CACHE = True
    make_event("Green Finance Forum")
    response, text = get(client, "/events/")
    assert response.status_code == 200
    assert "Green Finance Forum" in text
    assert "X-Page-Cache" not in response
    assert "page cache unavailable; serving /events/ uncached" in caplog.text
