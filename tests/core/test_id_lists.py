import pytest
from django.db import connection
from django.db.models import Case, IntegerField, Value, When

from core.id_lists import among
from events.models import EventOrganizer
from people.models import Organization
from tests.factories import make_event, make_organization, make_report


@pytest.mark.django_db
def test_among_selects_the_rows_an_in_list_selects():
    orgs = [make_organization(f"Body {i}") for i in range(5)]
    wanted = [orgs[0].pk, orgs[3].pk, orgs[4].pk]
    assert sorted(
        Organization.objects.filter(among("pk", wanted)).values_list("pk", flat=True)
    ) == (sorted(wanted))
    assert not Organization.objects.filter(among("pk", [])).exists()


@pytest.mark.django_db
def test_among_works_through_a_foreign_key_and_inside_a_case():
    event, report = make_event("Green Forum"), make_report()
    bank, fund = make_organization("World Bank"), make_organization("Green Fund")
    EventOrganizer.objects.create(event=event, organization=bank, role="host", report=report)
    EventOrganizer.objects.create(event=event, organization=fund, role="sponsor", report=report)
    rows = EventOrganizer.objects.filter(among("organization_id", [fund.pk])).annotate(
        first=Case(
            When(among("organization_id", [bank.pk]), then=Value(1)),
            default=Value(0),
            output_field=IntegerField(),
        )
    )
    assert [(row.organization_id, row.first) for row in rows] == [(fund.pk, 0)]


@pytest.mark.postgresql
@pytest.mark.django_db
def test_among_sends_a_thousand_ids_as_one_array_parameter():
    sent = []

    def record(execute, sql, params, many, context):
        sent.append((sql, params))
        return execute(sql, params, many, context)

    with connection.execute_wrapper(record):
        list(Organization.objects.filter(among("pk", range(1, 1001))).values_list("pk"))
    ((sql, params),) = sent
    assert "= ANY(%s::bigint[])" in sql
    assert len(params) == 1 and len(params[0]) == 1000
