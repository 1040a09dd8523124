import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from core.read_batch import ReadBatch
from people.models import Organization, OrganizationAlias, Person
from tests.factories import make_organization, make_person

pytestmark = pytest.mark.django_db


def make_records():
    bank = make_organization("World Bank", aliases=["WB"])
    make_organization("Green Fund", parent=bank)
    make_person("Liu Yanhua")


def querysets():
    return [
        Organization.objects.all(),
        Organization.objects.filter(parent__isnull=False).select_related("parent"),
        OrganizationAlias.objects.filter(key__in=["wb"]).select_related("organization"),
        Organization.objects.values_list("key", "parent__key"),
        Person.objects.values_list("name", flat=True),
        Organization.objects.filter(key__in=[]),  # Django sends nothing: nothing can match
    ]


def as_compared(result):
    return [
        (type(obj), obj.pk, obj.__dict__.get("name"), getattr(obj, "parent", None))
        if hasattr(obj, "pk")
        else obj
        for obj in result
    ]


def test_a_read_batch_returns_what_each_queryset_returns():
    make_records()
    expected = [list(queryset) for queryset in querysets()]
    batch = ReadBatch()
    reads = [batch.add(queryset) for queryset in querysets()]
    got = [read.result() for read in reads]
    assert [as_compared(result) for result in got] == [as_compared(result) for result in expected]
    # Related objects came with the row, as select_related gives them.
    with CaptureQueriesContext(connection) as queries:
        assert [alias.organization.name for alias in got[2]] == ["World Bank"]
        assert [org.parent.name for org in got[1]] == ["World Bank"]
    assert len(queries) == 0


def test_first_is_one_object_or_none():
    make_organization("World Bank")
    batch = ReadBatch()
    found = batch.first(Organization.objects.filter(key="world bank"))
    missing = batch.first(Organization.objects.filter(key="imf"))
    assert (found.result().name, missing.result()) == ("World Bank", None)


@pytest.mark.postgresql
def test_on_postgresql_every_waiting_read_goes_in_one_round_trip():
    make_records()
    batch = ReadBatch()
    with CaptureQueriesContext(connection) as queries:
        reads = [batch.add(queryset) for queryset in querysets()[:5]]
        reads[-1].result()
        [read.result() for read in reads]
    assert len(queries) == 1
    assert queries[0]["sql"].count("SELECT") >= 5


@pytest.mark.sqlite
def test_elsewhere_a_read_runs_only_when_its_result_is_asked():
    make_records()
    batch = ReadBatch()
    reads = [batch.add(queryset) for queryset in querysets()[:5]]
    with CaptureQueriesContext(connection) as queries:
        reads[0].result()
        reads[0].result()
    assert len(queries) == 1


@pytest.mark.postgresql
def test_on_postgresql_a_lead_statement_goes_first_in_the_same_round_trip():
    make_records()
    lead = ("SELECT set_config('application_name', %s, true)", ["reading-in-turn"])
    batch = ReadBatch(lead=lead)
    with CaptureQueriesContext(connection) as queries:
        names = batch.add(Person.objects.values_list("name", flat=True))
        application = batch.add(
            Organization.objects.extra(select={"app": "current_setting('application_name')"})
            .values_list("app", flat=True)
            .order_by()[:1]
        )
        assert names.result() == ["Liu Yanhua"]
        assert application.result() == ["reading-in-turn"]
        # Sent once: a later read does not take the lead again.
        later = batch.add(Organization.objects.filter(key="world bank").values_list("name"))
        assert later.result() == [("World Bank",)]
    assert len(queries) == 2
    assert queries[0]["sql"].startswith("SELECT set_config")
    assert "set_config" not in queries[1]["sql"]


@pytest.mark.sqlite
def test_elsewhere_a_lead_statement_is_not_sent():
    make_records()
    batch = ReadBatch(lead=("SELECT nothing_here()", []))
    with CaptureQueriesContext(connection) as queries:
        assert batch.add(Person.objects.values_list("name", flat=True)).result() == ["Liu Yanhua"]
    assert len(queries) == 1
