"""Response headers: a Content-Security-Policy on every page, and compression only where it
cannot leak a secret (BREACH)."""

from __future__ import annotations

import gzip
import re
from pathlib import Path

import pytest
from django.urls import reverse

from tests.factories import make_event

pytestmark = pytest.mark.django_db

TEMPLATES = Path(__file__).resolve().parents[2] / "templates"
# Inline code the policy would block: style attributes and elements, event handlers,
# javascript: URLs, scripts without a src (JSON-LD data blocks are not code and are allowed).
INLINE_CODE = re.compile(
    r"""style=|<style|\son[a-z]+=|["']javascript:|<script(?![^>]*\b(src=|type="application/ld\+json"))""",
    re.IGNORECASE,
)


def test_no_template_has_inline_scripts_or_styles():
    caught = ['<p style="x">', "<style>", '<a onclick="x">', "<script>x()</script>"]
    assert [bool(INLINE_CODE.search(text)) for text in caught] == [True] * 4
    allowed = ['<script src="/static/a.js">', '<script type="application/ld+json">']
    assert [bool(INLINE_CODE.search(text)) for text in allowed] == [False] * 2
    found = [
        f"{path.relative_to(TEMPLATES)}: {match.group(0)}"
        for path in sorted(TEMPLATES.rglob("*.html"))
        for match in INLINE_CODE.finditer(path.read_text(encoding="utf-8"))
    ]
    assert found == []


def test_pages_carry_a_content_security_policy(client):
    response = client.get("/")
    assert sorted(response["Content-Security-Policy"].split("; ")) == [
        "base-uri 'self'",
        "default-src 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
        "img-src 'self' data:",
        "object-src 'none'",
    ]


def test_public_pages_are_compressed_for_anonymous_visitors(client):
    make_event("Green Finance Forum")
    response = client.get("/events/", headers={"Accept-Encoding": "gzip"})
    assert response["Content-Encoding"] == "gzip"
    assert "Green Finance Forum" in gzip.decompress(response.content).decode()


def test_pages_with_a_csrf_token_or_a_session_are_not_compressed(client, admin_client):
    login = client.get(reverse("admin:login"), headers={"Accept-Encoding": "gzip"})
    assert "csrfmiddlewaretoken" in login.content.decode()
    assert "Content-Encoding" not in login
    for url in ("/events/", reverse("admin:index")):
        response = admin_client.get(url, headers={"Accept-Encoding": "gzip"})
        assert response.status_code == 200
        assert "Content-Encoding" not in response
