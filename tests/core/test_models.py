import pytest
from django.contrib.admin.models import LogEntry

from core.models import DeletedRecord, fit
from events.models import EventClaim, EventOrganizer, Participation, Report
from people.models import Person, PersonAlias
from tests.factories import make_event, make_organization, make_person, make_report


def test_fit_cuts_to_the_models_own_field_length():
    assert fit(Person, "name", "x" * 500) == "x" * 200
    assert fit(PersonAlias, "name", "x" * 500) == "x" * 200
    assert fit(Report, "title", "y" * 600) == "y" * 500
    assert fit(EventClaim, "value", "short") == "short"
    assert fit(LogEntry, "object_repr", "z" * 300) == "z" * 200
    assert fit(Report, "publisher", None) == ""


@pytest.mark.django_db
def test_tombstone_key_is_the_records_natural_key_saved_or_not():
    event = make_event("Green Forum")
    person = make_person("Liu Yanhua")
    bank = make_organization("World Bank")
    assert make_report(file_name="forum.txt").natural_key() == ("forum.txt",)
    assert DeletedRecord.key_of(Participation(event=event, person=person)) == (
        "green forum|liu yanhua"
    )
    organizer = EventOrganizer(event=event, organization=bank)
    assert DeletedRecord.key_of(organizer) == "green forum|world bank"
    DeletedRecord.objects.create(model="events.eventorganizer", key="green forum|world bank")
    assert DeletedRecord.objects.of(organizer).get().natural_key() == (
        "events.eventorganizer",
        "green forum|world bank",
    )
    assert not DeletedRecord.objects.of(event).exists()
