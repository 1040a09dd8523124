"""The data-quality page: counts of what is missing, each linking to exactly those rows."""

from __future__ import annotations

import pytest
from django.contrib.contenttypes.models import ContentType

from curation.duplicates import refresh_duplicate_candidates
from events.models import Event, EventSource, ReviewItem
from tests.factories import (
    make_city,
    make_event,
    make_organization,
    make_participation,
    make_person,
)

pytestmark = pytest.mark.django_db

PAGE = "/admin/data-quality/"


def make_gaps():
    wuhan = make_city("Wuhan")
    bank = make_organization("World Bank", kind="intergovernmental", country="United States")
    make_organization("Wuhan Energy Association")  # kind "other", no country
    make_organization("Wuhan Energy Asociation", kind="ngo", country="China")
    full = make_event("Summit", start_year=2021, city=wuhan)
    make_event("Forum")  # no year, no city
    make_event("Webinar", start_year=2022, online=True)  # no city, but online
    orphan = make_event("Orphan", start_year=2020, city=wuhan)
    EventSource.objects.filter(event=orphan).delete()
    make_participation(full, make_person("Liu Yanhua"), positions=[("director", bank)])
    make_participation(full, make_person("Wang Lei"), positions=[("professor", None)])
    for reason in ("no-year", "no-year", "name-order-guessed"):
        event = Event.objects.exclude(
            pk__in=ReviewItem.objects.filter(reason=reason).values("object_id")
        ).first()
        ReviewItem.objects.create(
            content_type=ContentType.objects.get_for_model(Event),
            object_id=event.pk,
            reason=reason,
            message="x",
        )
    refresh_duplicate_candidates()


def test_data_quality_page_counts_and_links(csrf_editor, django_assert_max_num_queries):
    make_gaps()
    with django_assert_max_num_queries(20):
        page = csrf_editor.get(PAGE)
    sections = {
        name: [(c.label, c.count, c.url) for c in counts]
        for name, counts in page.context["sections"].items()
    }
    assert sections == {
        "Events": [
            ("without a year", 1, "/admin/events/event/?year=none"),
            (
                "without a city (not held online)",
                1,
                "/admin/events/event/?city__isnull=True&online__exact=0",
            ),
            ("without a source report", 1, "/admin/events/event/?has_source=no"),
        ],
        "People and organisations": [
            ("people without an affiliation", 1, "/admin/people/person/?has_affiliation=no"),
            (
                "organisations of unknown kind",
                1,
                "/admin/people/organization/?kind__exact=other",
            ),
            (
                "organisations without a country",
                1,
                "/admin/people/organization/?has_country=no",
            ),
            (
                "affiliations not linked to an organisation",
                1,
                "/admin/events/position/?linked=no",
            ),
        ],
        "Open review items": [
            ("No year stated", 2, "/admin/events/reviewitem/?status__exact=open&reason=no-year"),
            (
                "Family name guessed",
                1,
                "/admin/events/reviewitem/?status__exact=open&reason=name-order-guessed",
            ),
        ],
        "Duplicate candidates": [
            ("Person", 0, "/admin/curation/duplicatecandidate/?kind__exact=person"),
            ("Organisation", 1, "/admin/curation/duplicatecandidate/?kind__exact=organization"),
            ("Event", 0, "/admin/curation/duplicatecandidate/?kind__exact=event"),
        ],
    }
    # Each link lists exactly the rows counted.
    for counts in page.context["sections"].values():
        for item in counts:
            listed = csrf_editor.get(item.url)
            assert listed.status_code == 200, item.url
            assert listed.context["cl"].result_count == item.count, item.url


def test_staff_without_the_editors_group_cannot_open_it(client):
    from django.contrib.auth.models import User

    client.force_login(User.objects.create_user("stan", password="x" * 20, is_staff=True))
    response = client.get(PAGE)
    assert (response.status_code, "sections" in (response.context or {})) == (403, False)
