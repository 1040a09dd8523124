"""The facet select box writes its own HTML: it must be the HTML Django's Select gives."""

from __future__ import annotations

import re

from django import forms

from browse.filters.facets import FacetSelect


def django_select(choices, value, attrs) -> str:
    widget = forms.Select(attrs={"data-label": "City"}, choices=choices)
    return widget.render("city", value, attrs)


def squeezed(html: str) -> str:
    """Django's template puts newlines between options; the browser ignores them."""
    return re.sub(r">\s+<", "><", html.strip())


CHOICES = [
    ("", "Any city"),
    ("beijing", "Beijing (12)"),
    ("x<y", 'Tom & "Jerry" <b>'),  # from a report: escaped in value and label
]


def test_the_select_is_the_one_django_renders():
    for value in ("", "beijing", "x<y", "missing"):
        widget = FacetSelect("City")
        widget.choices = CHOICES
        ours = widget.render("city", value, {"id": "id_city"})
        assert ours == squeezed(django_select(CHOICES, value, {"id": "id_city"}))


def test_report_text_is_escaped_in_the_options():
    widget = FacetSelect("City")
    widget.choices = CHOICES
    html = widget.render("city", "x<y", {"id": "id_city"})
    assert '<option value="x&lt;y" selected>Tom &amp; &quot;Jerry&quot; &lt;b&gt;</option>' in html
    assert "<b>" not in html


def test_a_searchable_facet_adds_its_text_box():
    widget = FacetSelect("Organisation", searchable=True)
    widget.choices = CHOICES[:2]
    widget.search_text = "tsing"
    html = widget.render("organization", "", {"id": "id_organization"})
    assert html.startswith('<select name="organization" data-label="Organisation"')
    assert 'name="organization_q"' in html and 'value="tsing"' in html
