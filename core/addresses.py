"""Record addresses by slug without resolving the URL pattern each time.

A list page links each of its rows to a record, a person and an event, and `reverse()` walks
the URL patterns for every link: a tenth of a page's time. One reverse() per view, per URL
configuration and script prefix, gives the address around the slug; the slug goes in between.
"""

from __future__ import annotations

import re
from functools import lru_cache

from django.conf import settings
from django.urls import get_script_prefix, get_urlconf, reverse

_PLACEHOLDER = "slug-placeholder"
# What a slug converter accepts; anything else takes the long way, and reverse() judges it.
_PLAIN_SLUG = re.compile(r"[-a-zA-Z0-9_]+")


def address_by_slug(view_name: str, slug: str) -> str:
    """`reverse(view_name, kwargs={"slug": slug})`, from a cached template.

    >>> address_by_slug("events:detail", "green-summit")  # doctest: +SKIP
    '/events/green-summit/'
    """
    if not _PLAIN_SLUG.fullmatch(slug):
        return reverse(view_name, kwargs={"slug": slug})
    before, after = around_slug(view_name)
    return f"{before}{slug}{after}"


def around_slug(view_name: str) -> tuple[str, str]:
    """The path of `view_name`'s record before and after its slug: ("/events/", "/")."""
    return _around_slug(view_name, get_script_prefix(), get_urlconf() or settings.ROOT_URLCONF)


@lru_cache(maxsize=256)
def _around_slug(view_name: str, prefix: str, urlconf: str) -> tuple[str, str]:
    # `prefix` and `urlconf` only key the cache: reverse() reads both itself.
    before, after = reverse(view_name, kwargs={"slug": _PLACEHOLDER}).split(_PLACEHOLDER)
    return before, after
