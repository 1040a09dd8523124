"""The review queue as an editor works through it: pages, labels, filters, links, bulk."""

from __future__ import annotations

import itertools

import pytest
from django.contrib.contenttypes.models import ContentType

from events.extraction import records as rec
from events.models import Event, ReviewItem, ReviewStatus
from people.models import Person
from tests.events.test_ingest import TEXT, extracted, ingest
from tests.factories import make_event, make_person, make_report

pytestmark = pytest.mark.django_db

QUEUE = "/admin/events/reviewitem/"
NUMBERS = itertools.count(1)


def make_items(n: int, *, reason="name-order-guessed", report=None, record=None):
    report = report or make_report(f"Lead sentence. Another {next(NUMBERS)}.")
    records = [record] * n if record else [make_person(f"Person {next(NUMBERS)}") for _ in range(n)]
    return ReviewItem.objects.bulk_create(
        ReviewItem(
            content_type=ContentType.objects.get_for_model(r),
            object_id=r.pk,
            reason=reason,
            message="Which part is the family name is a guess.",
            report=report,
            evidence_start=0,
            evidence_end=14,
        )
        for r in records
    )


def test_queue_is_paginated_and_keeps_its_filters(csrf_editor):
    make_items(60)
    first = csrf_editor.get(QUEUE, {"reason": "name-order-guessed"})
    assert (len(first.context["cl"].result_list), first.context["cl"].result_count) == (50, 60)
    assert 'href="?p=2&amp;reason=name-order-guessed"' in first.content.decode()
    second = csrf_editor.get(QUEUE, {"reason": "name-order-guessed", "p": 2})
    assert len(second.context["cl"].result_list) == 10


def test_reasons_are_shown_as_words_and_rows_link_record_and_report(csrf_editor):
    report = make_report("Lead sentence. Another.", title="Green Cities Forum held in Wuhan")
    (item,) = make_items(1, report=report)
    page = csrf_editor.get(QUEUE)
    content = page.content.decode()
    reasons = dict(
        next(f for f in page.context["cl"].filter_specs if f.title == "reason").lookups(None, None)
    )
    assert reasons["name-order-guessed"] == "Family name guessed"
    assert ">Family name guessed</a>" in content
    assert "name-order-guessed</a>" not in content
    person = item.record
    assert f'<a href="/admin/people/person/{person.pk}/change/">{person.name}</a>' in content
    assert (
        f'<a href="/admin/events/report/{report.pk}/change/">Green Cities Forum held in Wuhan</a>'
        in content
    )
    assert "<q>Lead sentence.</q>" in content


def test_queue_filters_by_reason_report_and_kind_of_record(csrf_editor):
    report = make_report(f"Lead sentence. Another {next(NUMBERS)}.")
    make_items(3, report=report)
    make_items(1, reason="no-year", record=make_event("Summit"))
    make_items(1, reason="no-year", record=make_event("Forum"))
    make_items(1, reason="no-affiliation")

    def count(**params):
        return csrf_editor.get(QUEUE, params).context["cl"].result_count

    assert count() == 6
    assert count(reason="no-year") == 2
    assert count(reason="no-affiliation") == 1
    assert count(report=report.pk) == 3
    assert count(record_type="event") == 2
    assert count(record_type="person") == 4


def test_bulk_confirm_across_pages_in_a_few_statements(csrf_editor, django_assert_max_num_queries):
    make_items(120)
    csrf_editor.get(QUEUE)
    # One UPDATE and a batched INSERT of history, whatever the number of items.
    with django_assert_max_num_queries(20):
        response = csrf_editor.post(
            QUEUE,
            {
                "action": "confirm",
                "select_across": "1",
                "index": "0",
                "_selected_action": [ReviewItem.objects.first().pk],
            },
        )
    assert response.status_code == 302
    assert ReviewItem.objects.filter(status=ReviewStatus.CONFIRMED).count() == 120
    assert ReviewItem.objects.filter(resolved_by=csrf_editor.user).count() == 120


def test_namesake_item_links_both_people_and_merges_them(csrf_editor):
    ingest(extracted(person=("Wang Wei", "Wang", "Wei")))
    ingest(
        extracted(
            text=TEXT + " x",
            event_name="Other",
            person=("Wang Wei", "Wang", "Wei"),
            org="Other Body",
        ),
        file_name="b.txt",
    )
    first, second = Person.objects.order_by("pk")
    content = csrf_editor.get(QUEUE, {"reason": "possible-namesake"}).content.decode()
    assert f'href="/admin/people/person/{second.pk}/change/">Wang Wei (Other Body)</a>' in content
    assert f'namesake of <a href="/admin/people/person/{first.pk}/change/">Wang Wei</a>' in content
    merge = f"/admin/people/person/merge/?ids={second.pk}&amp;ids={first.pk}&amp;next=%2Fadmin%2Fevents%2Freviewitem%2F"
    assert merge in content

    page = csrf_editor.get(merge.replace("&amp;", "&"))
    assert [side.record for side in page.context["previews"]] == [first, second]
    assert [side.organizations for side in page.context["previews"]] == [
        ("Hubei Energy Association",),
        ("Other Body",),
    ]
    response = csrf_editor.post(
        "/admin/people/person/merge/",
        {"ids": [first.pk, second.pk], "survivor": first.pk, "confirm": "yes", "next": QUEUE},
    )
    assert (response.status_code, response["Location"]) == (302, QUEUE)
    assert list(Person.objects.all()) == [first]
    item = ReviewItem.objects.get(reason="possible-namesake")
    assert (item.record, item.status, item.resolved_by) == (first, "corrected", csrf_editor.user)


def test_an_online_webinar_is_not_flagged_for_its_missing_city(csrf_editor):
    ingest(extracted(event_name="Green Finance Webinar", warnings=(rec.Warning.NO_CITY,)))
    ingest(
        extracted(
            text=TEXT + " x",
            event_name="Green Cities Forum",
            start=(2021, 6, 1),
            warnings=(rec.Warning.NO_CITY,),
        ),
        file_name="b.txt",
    )
    webinar = Event.objects.get(name="Green Finance Webinar")
    assert webinar.online is True
    listed = csrf_editor.get(QUEUE, {"reason": "no-city"}).context["cl"].result_list
    assert [item.record.name for item in listed] == ["Green Cities Forum"]


def test_ticking_online_answers_the_no_city_question(csrf_editor):
    from tests.curation.test_admin import change_url, form_data

    ingest(extracted(event_name="Green Cities Forum", warnings=(rec.Warning.NO_CITY,)))
    event = Event.objects.get()
    data = form_data(csrf_editor.get(change_url(event)))
    data["online"] = "on"
    assert csrf_editor.post(change_url(event), data).status_code == 302
    item = ReviewItem.objects.get(reason="no-city")
    assert (item.status, item.resolved_by) == ("corrected", csrf_editor.user)
    event.refresh_from_db()
    assert (event.online, event.curated_fields) == (True, ["online"])


def test_every_review_reason_the_code_writes_has_a_label():
    from events import ingest, loading

    written = {str(w) for w in rec.Warning} | {
        ingest.REPORTS_DISAGREE,
        ingest.POSSIBLE_NAMESAKE,
        ingest.NEW_RECORD,
        loading.NEW_FROM_ADMIN,
        "no-source",
    }
    from events.models import ReviewReason

    assert written == set(ReviewReason.values)
