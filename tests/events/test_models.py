import pytest
from django.db import IntegrityError

from events.models import Event, format_partial_date
from tests.factories import make_event


def test_format_partial_date_never_invents_a_year():
    assert format_partial_date(None, 7, 19) == "19 July (year not stated)"
    assert format_partial_date(2021, 9, 6) == "6 September 2021"
    assert format_partial_date(2021, 9, None) == "September 2021"
    assert format_partial_date(2021, None, None) == "2021"
    assert format_partial_date(None, None, None) == ""


@pytest.mark.django_db
def test_event_date_display_and_iso():
    event = make_event("Summit", start_year=2021, start_month=9, start_day=6)
    assert event.date_display == "6 September 2021"
    assert event.start_iso == "2021-09-06"
    assert str(event) == "Summit"
    assert event.get_absolute_url() == "/events/summit/"


@pytest.mark.django_db
def test_event_day_without_month_is_refused():
    with pytest.raises(IntegrityError):
        make_event("Bad date", start_day=3)


@pytest.mark.django_db
def test_events_without_year_sort_after_dated_ones():
    make_event("Undated", start_month=7, start_day=19)
    make_event("Older", start_year=2020, start_month=1)
    make_event("Newer", start_year=2022, start_month=10, start_day=30)
    assert [e.name for e in Event.objects.all()] == ["Newer", "Older", "Undated"]
