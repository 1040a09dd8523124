"""Addresses by slug come from a cached template and equal what reverse() gives."""

from __future__ import annotations

import pytest
from django.urls import reverse, set_script_prefix

from core.addresses import address_by_slug


@pytest.mark.parametrize(
    "view_name", ["events:detail", "events:city", "people:person", "people:organization"]
)
def test_an_address_is_what_reverse_gives(view_name):
    for slug in ("green-summit", "li-na-2", "x_y"):
        assert address_by_slug(view_name, slug) == reverse(view_name, kwargs={"slug": slug})


def test_a_site_mounted_under_a_prefix_keeps_it():
    try:
        set_script_prefix("/kb/")
        assert address_by_slug("events:detail", "green-summit") == "/kb/events/green-summit/"
    finally:
        set_script_prefix("/")
    assert address_by_slug("events:detail", "green-summit") == "/events/green-summit/"
