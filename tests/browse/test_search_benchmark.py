"""The benchmark command, at a size that runs in a second."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from events.models import Report
from people.models import Organization, Person
from tests.factories import make_report


@pytest.mark.django_db
def test_benchmark_search_reports_timings_and_rolls_back():
    out = StringIO()
    call_command(
        "benchmark_search",
        people=200,
        organizations=60,
        positions=300,
        queries=10,
        stdout=out,
    )
    output = out.getvalue()
    assert "60 organisations" in output
    assert "200 people" in output
    assert "300 positions" in output
    for label in ("affiliation: exact", "affiliation: typo", "affiliation: all", "global search"):
        assert label in output
    assert "Rolled back" in output
    assert (Person.objects.count(), Organization.objects.count(), Report.objects.count()) == (
        0,
        0,
        0,
    )


@pytest.mark.django_db
def test_benchmark_search_refuses_a_database_with_reports():
    make_report()
    with pytest.raises(CommandError, match="already holds reports"):
        call_command("benchmark_search", people=10, stdout=StringIO())
