"""Every list an editor works through costs the same few queries at 10 rows and at 10,000,
and shows one page of them."""

from __future__ import annotations

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test.utils import CaptureQueriesContext

from curation.models import DuplicateCandidate, RecordKind
from events.models import Participation, ReviewItem
from people.models import Person
from tests.curation.test_admin import make_rows

pytestmark = pytest.mark.django_db

# Session, user, permissions, the count, the page, the filters' choices, prefetches.
MAX_QUERIES = 16
LISTS = [
    "/admin/events/event/",
    "/admin/events/event/?year=none&has_source=no",
    "/admin/people/person/",
    "/admin/people/person/?has_affiliation=no&o=4",
    "/admin/people/organization/",
    "/admin/people/organization/?has_country=no",
    "/admin/events/participation/",
    "/admin/events/position/?linked=yes",
    "/admin/events/report/",
    "/admin/events/reviewitem/",
    "/admin/events/reviewitem/?status__exact=open&reason=name-order-guessed&record_type=person",
    "/admin/curation/duplicatecandidate/",
    "/admin/curation/duplicatecandidate/?kind__exact=person&p=2",
]


def make_queue(n: int) -> None:
    people = list(Person.objects.order_by("pk"))
    person_type = ContentType.objects.get_for_model(Person)
    participation_type = ContentType.objects.get_for_model(Participation)
    ReviewItem.objects.bulk_create(
        ReviewItem(
            content_type=person_type,
            object_id=p.pk,
            reason="name-order-guessed" if i % 2 else "no-affiliation",
            message="check",
            evidence_start=0,
            evidence_end=5,
        )
        for i, p in enumerate(people)
    )
    ReviewItem.objects.bulk_create(
        ReviewItem(
            content_type=participation_type, object_id=pk, reason="no-affiliation", message="x"
        )
        for pk in Participation.objects.values_list("pk", flat=True)
    )
    DuplicateCandidate.objects.bulk_create(
        DuplicateCandidate(
            kind=RecordKind.PERSON,
            person_a=a,
            person_b=b,
            first_id=a.pk,
            second_id=b.pk,
            reasons=["edit-distance"],
            score=0.75,
        )
        for a, b in zip(people, people[1:], strict=False)
    )
    assert DuplicateCandidate.objects.count() == n - 1


@pytest.mark.parametrize("n", [10, 10_000])
def test_lists_keep_a_constant_number_of_queries_and_paginate(csrf_editor, n):
    make_rows(n)
    make_queue(n)
    csrf_editor.get("/admin/")
    costs = {}
    for url in LISTS:
        with CaptureQueriesContext(connection) as queries:
            response = csrf_editor.get(url)
        assert response.status_code == 200, url
        cl = response.context["cl"]
        assert len(cl.result_list) == min(cl.result_count, cl.list_per_page), url
        costs[url] = len(queries)
    assert {url: c for url, c in costs.items() if c > MAX_QUERIES} == {}, "\n".join(
        q["sql"] for q in queries.captured_queries
    )
    if n == 10_000:
        page = csrf_editor.get("/admin/curation/duplicatecandidate/").context["cl"]
        assert (page.result_count, len(page.result_list)) == (9_999, 50)
