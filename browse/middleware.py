"""Whole public pages from the cache, and compression where it cannot leak a secret."""

from __future__ import annotations

import hashlib
import logging

from django.conf import settings
from django.core.cache import caches
from django.http import HttpResponse
from django.middleware.gzip import GZipMiddleware
from django.utils.cache import (
    get_conditional_response,
    has_vary_header,
    patch_cache_control,
    set_response_etag,
)
from django.utils.http import http_date

from core.data_version import current_data_version, one_version_per_request

logger = logging.getLogger(__name__)

# Never cached nor compressed: the admin (and whatever an editor sees there), and the
# benchmark's yardsticks, which must measure the bare stack.
PRIVATE_PREFIXES = ("/admin/", "/__benchmark__/")


def is_anonymous_public_request(request) -> bool:
    """A visitor without a session asking for a public page.

    Decided from the cookie, not `request.user`: reading the user costs a query, and anyone
    who has logged in carries the session cookie.
    """
    return (
        request.method in ("GET", "HEAD")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and "HTTP_AUTHORIZATION" not in request.META
        and not request.path.startswith(PRIVATE_PREFIXES)
    )


def holds_no_secret(request, response) -> bool:
    """Nothing in it belongs to one visitor: no cookie set, no CSRF token, no session read."""
    return (
        not response.cookies
        # A page rendering {% csrf_token %} carries a per-visitor secret.
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        and not has_vary_header(response, "Cookie")
    )


def is_shared_response(request, response) -> bool:
    """The same bytes would do for every anonymous visitor, and may be stored."""
    cache_control = response.get("Cache-Control", "")
    return (
        response.status_code == 200
        and not response.streaming
        and holds_no_secret(request, response)
        and "private" not in cache_control
        and "no-store" not in cache_control
    )


class PageCacheMiddleware:
    """Anonymous GETs of public pages from the cache, under the current data version.

    The key holds the data version, so an import or an editor's change makes every stored
    page unreachable at once and the next request renders afresh; stale entries expire. One
    query per request reads the version. Pages also carry an ETag and Last-Modified (the
    time of the last change), so a browser's conditional GET gets a 304.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        with one_version_per_request():
            return self.respond(request)

    def respond(self, request):
        if not (settings.PAGE_CACHE and is_anonymous_public_request(request)):
            return self.get_response(request)
        version, changed_at = current_data_version()
        cache = caches[settings.PAGE_CACHE_ALIAS]
        key = self.key(request, version, changed_at.timestamp())
        try:
            stored = cache.get(key)
        except Exception:
            # A cache server that is down costs speed, not the site.
            logger.warning(
                "page cache unavailable; serving %s uncached", request.path, exc_info=True
            )
            return self.get_response(request)
        if stored is not None:
            status, headers, content = stored
            response = HttpResponse(content, status=status, headers=headers)
            response["X-Page-Cache"] = "hit"
        else:
            response = self.get_response(request)
            if not is_shared_response(request, response):
                return response
            set_response_etag(response)
            response["Last-Modified"] = http_date(changed_at.timestamp())
            # Stored by browsers, but asked again each time: the data may change any minute.
            patch_cache_control(response, no_cache=True)
            try:
                cache.set(
                    key,
                    (response.status_code, dict(response.items()), response.content),
                    settings.PAGE_CACHE_SECONDS,
                )
            except Exception:
                logger.warning("page cache unavailable; %s not stored", request.path, exc_info=True)
            response["X-Page-Cache"] = "miss"
        return get_conditional_response(
            request,
            etag=response["ETag"],
            last_modified=int(changed_at.timestamp()),
            response=response,
        )

    @staticmethod
    def key(request, version: int, changed_at: float) -> str:
        # Host and scheme: absolute links (JSON-LD) differ between them. Accept-Encoding:
        # a compressed and a plain copy are stored apart.
        gzip = "gzip" in request.META.get("HTTP_ACCEPT_ENCODING", "")
        page = f"{request.scheme}://{request.get_host()}{request.get_full_path()} {gzip}"
        digest = hashlib.sha256(page.encode()).hexdigest()
        return f"page:{version}:{changed_at:.6f}:{digest}"


class PublicGZipMiddleware(GZipMiddleware):
    """Compress only what carries no secret (BREACH).

    BREACH recovers a secret from the size of compressed responses that also reflect the
    attacker's input. Anonymous public pages reflect the query (the search box) but hold no
    secret; the admin, any page with a CSRF token, and any response to a logged-in visitor
    are sent uncompressed.
    """

    def process_response(self, request, response):
        if not (is_anonymous_public_request(request) and holds_no_secret(request, response)):
            return response
        return super().process_response(request, response)
