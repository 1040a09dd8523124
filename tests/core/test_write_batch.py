import pytest
from django.contrib.admin.models import ADDITION, LogEntry
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType

from core.write_batch import WriteBatch
from events.models import OrganizationMention
from people.models import Organization
from tests.factories import make_organization, make_report

pytestmark = pytest.mark.django_db


def mentions(report):
    return list(
        OrganizationMention.objects.filter(report=report)
        .order_by("order")
        .values_list("organization__name", "order", "evidence_start", "evidence_end")
    )


def test_plain_rows_are_written_as_instances_would_be():
    report, other = make_report(), make_report("Another summit was held in Paris.")
    bank, fund = make_organization("World Bank"), make_organization("Green Fund")
    rows = [
        {"report": report, "organization": bank, "order": 0, "evidence_start": 3},
        {"report_id": report.pk, "organization_id": fund.pk, "order": 1},
    ]
    batch = WriteBatch()
    batch.insert_rows(OrganizationMention, rows)
    batch.insert(OrganizationMention, [OrganizationMention(**row) for row in rows_for(other, rows)])
    batch.send()
    assert (
        mentions(report)
        == mentions(other)
        == [
            ("World Bank", 0, 3, None),
            ("Green Fund", 1, None, None),
        ]
    )


def rows_for(report, rows):
    """The same rows, of another report."""
    return [
        {**{k: v for k, v in row.items() if k not in ("report", "report_id")}, "report": report}
        for row in rows
    ]


def test_plain_rows_update_on_conflict_as_bulk_create_does():
    report, bank = make_report(), make_organization("World Bank")
    OrganizationMention.objects.create(report=report, organization=bank, order=4)
    batch = WriteBatch()
    batch.insert_rows(
        OrganizationMention,
        [{"report": report, "organization": bank, "order": 1, "evidence_start": 7}],
        unique_fields=["report", "organization"],
        update_fields=["order", "evidence_start"],
    )
    batch.send()
    assert mentions(report) == [("World Bank", 1, 7, None)]


def test_admin_log_rows_take_the_field_defaults():
    user = get_user_model().objects.create(username="editor")
    bank = make_organization("World Bank")
    batch = WriteBatch()
    batch.insert_rows(
        LogEntry,
        [
            {
                "user_id": user.pk,
                "content_type_id": ContentType.objects.get_for_model(Organization).pk,
                "object_id": str(bank.pk),
                "object_repr": "World Bank",
                "action_flag": ADDITION,
                "change_message": "Added.",
            }
        ],
    )
    batch.send()
    entry = LogEntry.objects.get()
    assert (entry.user, entry.get_edited_object(), entry.action_flag) == (user, bank, ADDITION)
    assert entry.action_time is not None


def test_a_row_pointing_at_an_unsaved_record_is_refused():
    batch = WriteBatch()
    with pytest.raises(ValueError):
        batch.insert_rows(
            OrganizationMention,
            [{"report": make_report(), "organization": Organization(name="Unsaved"), "order": 0}],
        )
