"""Merges an editor can judge before and undo after.

`preview` lists what each side brings (organisations, events, other names) and which record
should survive by default: the one with most appearances. `merge` runs the merge of
`curation.editing` after writing down every row it is going to touch; `undo_merge` deletes
what the merge added and puts those rows back as they were.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core import serializers
from django.db import models, transaction
from django.utils import timezone

from curation import editing
from curation.models import DistinctPair, DuplicateCandidate, MergeRecord, RecordKind
from events.models import (
    CityMention,
    Event,
    EventAlias,
    EventClaim,
    EventOrganizer,
    EventSource,
    EventTopic,
    OrganizationMention,
    ParticipantMention,
    Participation,
    Position,
    ReviewItem,
    ReviewReason,
    ReviewStatus,
)
from people.models import (
    Organization,
    OrganizationAlias,
    OrganizationRedirect,
    Person,
    PersonAlias,
    PersonRedirect,
)

KIND_OF = {
    Person: RecordKind.PERSON,
    Organization: RecordKind.ORGANIZATION,
    Event: RecordKind.EVENT,
}
MERGE = {
    Person: editing.merge_people,
    Organization: editing.merge_organizations,
    Event: editing.merge_events,
}


@dataclass(frozen=True)
class SidePreview:
    """One record of a merge, as the confirmation page shows it."""

    record: models.Model
    appearances: int
    organizations: tuple[str, ...]
    events: tuple[str, ...]
    aliases: tuple[str, ...]
    people: tuple[str, ...] = ()
    details: tuple[str, ...] = ()


def preview(record: models.Model) -> SidePreview:
    if isinstance(record, Person):
        organizations = (
            Organization.objects.filter(positions__participation__person=record)
            .distinct()
            .values_list("name", flat=True)
        )
        return SidePreview(
            record=record,
            appearances=record.participations.count(),
            organizations=tuple(organizations),
            events=tuple(
                Event.objects.filter(participations__person=record).values_list("name", flat=True)
            ),
            aliases=tuple(record.aliases.values_list("name", flat=True)),
        )
    if isinstance(record, Organization):
        events = Event.objects.filter(
            models.Q(organizer_roles__organization=record)
            | models.Q(participations__positions__organization=record)
        ).distinct()
        return SidePreview(
            record=record,
            appearances=record.positions.count()
            + record.organizer_roles.count()
            + record.mentions.count(),
            organizations=tuple([f"part of {record.parent}"] if record.parent_id else [])
            + tuple(f"unit: {u}" for u in record.units.values_list("name", flat=True)),
            events=tuple(events.values_list("name", flat=True)),
            aliases=tuple(record.aliases.values_list("name", flat=True)),
            people=tuple(
                Person.objects.filter(participations__positions__organization=record)
                .distinct()
                .values_list("name", flat=True)
            ),
        )
    return SidePreview(
        record=record,
        appearances=record.participations.count() + record.event_sources.count(),
        organizations=tuple(record.organizers.values_list("name", flat=True)),
        events=tuple(f"report: {r}" for r in record.sources.values_list("file_name", flat=True)),
        aliases=tuple(record.aliases.values_list("name", flat=True)),
        people=tuple(record.participations.values_list("person__name", flat=True)),
        details=(record.date_display or "no date", str(record.city or "no city")),
    )


def default_survivor(previews: Sequence[SidePreview]) -> models.Model:
    """The record with most appearances; the oldest of those when several tie."""
    return max(previews, key=lambda p: (p.appearances, -p.record.pk)).record


# ---------------------------------------------------------------- recording and undoing


def touched_rows(records: Sequence[models.Model]) -> list[models.Model]:
    """Every row a merge of `records` may change or delete, parents before children."""
    model = type(records[0])
    ct = ContentType.objects.get_for_model(model)
    pks = [r.pk for r in records]
    rows: list[models.Model] = list(model.objects.filter(pk__in=pks))
    if model is Person:
        participations = list(Participation.objects.filter(person__in=pks))
        rows += [
            *PersonAlias.objects.filter(person__in=pks),
            *PersonRedirect.objects.filter(person__in=pks),
            *participations,
            *Position.objects.filter(participation__in=participations),
            *ParticipantMention.objects.filter(participation__in=participations),
        ]
        reviewed = ReviewItem.objects.filter(
            models.Q(content_type=ct, object_id__in=pks)
            | models.Q(namesake__in=pks)
            | models.Q(
                content_type=ContentType.objects.get_for_model(Participation),
                object_id__in=[p.pk for p in participations],
            )
        )
    elif model is Organization:
        rows += [
            *Organization.objects.filter(parent__in=pks).exclude(pk__in=pks),
            *OrganizationAlias.objects.filter(organization__in=pks),
            *OrganizationRedirect.objects.filter(organization__in=pks),
            *Position.objects.filter(organization__in=pks),
            *EventOrganizer.objects.filter(organization__in=pks),
            *OrganizationMention.objects.filter(organization__in=pks),
        ]
        reviewed = ReviewItem.objects.filter(content_type=ct, object_id__in=pks)
    else:
        participations = list(Participation.objects.filter(event__in=pks))
        rows += [
            *Event.objects.filter(parent__in=pks).exclude(pk__in=pks),
            *EventAlias.objects.filter(event__in=pks),
            *EventSource.objects.filter(event__in=pks),
            *EventClaim.objects.filter(event__in=pks),
            *EventOrganizer.objects.filter(event__in=pks),
            *EventTopic.objects.filter(event__in=pks),
            *CityMention.objects.filter(event__in=pks),
            *participations,
            *Position.objects.filter(participation__in=participations),
            *ParticipantMention.objects.filter(participation__in=participations),
        ]
        reviewed = ReviewItem.objects.filter(
            models.Q(content_type=ct, object_id__in=pks)
            | models.Q(
                content_type=ContentType.objects.get_for_model(Participation),
                object_id__in=[p.pk for p in participations],
            )
        )
    return rows + list(reviewed)


def merge(survivor: models.Model, losers: Sequence[models.Model], *, user=None) -> MergeRecord:
    """Merge and remember how to undo it."""
    losers = [r for r in losers if r.pk != survivor.pk]
    with transaction.atomic():
        before = touched_rows([survivor, *losers])
        snapshot = json.loads(serializers.serialize("json", before))
        seen = {(row._meta.label_lower, row.pk) for row in before}
        names = MERGE[type(survivor)](survivor, losers, user=user)
        # The namesake question between them is answered by the merge.
        ReviewItem.objects.open().filter(
            content_type=ContentType.objects.get_for_model(survivor),
            object_id=survivor.pk,
            reason=ReviewReason.POSSIBLE_NAMESAKE,
            namesake=survivor.pk,
        ).update(
            status=ReviewStatus.CORRECTED,
            resolved_at=timezone.now(),
            resolved_by=user if user and user.pk else None,
        )
        created = [
            [row._meta.label_lower, row.pk]
            for row in touched_rows([survivor])
            if (row._meta.label_lower, row.pk) not in seen
        ]
        return MergeRecord.objects.create(
            content_type=ContentType.objects.get_for_model(survivor),
            survivor_id=survivor.pk,
            survivor_label=str(survivor)[:300],
            merged_names=names,
            snapshot=snapshot,
            created_rows=created,
            merged_by=user if user and user.pk else None,
        )


class UndoError(Exception):
    pass


def undo_merge(record: MergeRecord, *, user=None) -> list[models.Model]:
    """Put the merged records back as they were before the merge; return them.

    Whatever was changed on the touched rows since the merge is replaced by their state
    before it; rows added since (by an import, say) stay.
    """
    if record.undone_at is not None:
        raise UndoError("This merge has already been undone.")
    with transaction.atomic():
        for label, pk in reversed(record.created_rows):
            apps.get_model(label).objects.filter(pk=pk).delete()
        restored = []
        for item in serializers.deserialize("json", json.dumps(record.snapshot)):
            item.object.save()
            restored.append(item.object)
        record.undone_at = timezone.now()
        record.undone_by = user if user and user.pk else None
        record.save(update_fields=["undone_at", "undone_by"])
        model = record.content_type.model_class()
        records = [r for r in restored if type(r) is model and r.pk != record.survivor_id]
        if user is not None and user.pk:
            survivor = model.objects.get(pk=record.survivor_id)
            editing.log_change(
                user, survivor, f"Undid the merge of {', '.join(record.merged_names)}."
            )
            for each in records:
                editing.log_change(user, each, f"Restored by undoing its merge into {survivor}.")
    return records


def mark_distinct(first: models.Model, second: models.Model, *, user=None) -> DistinctPair:
    """Remember that two records are not the same, so the pair is never suggested again."""
    a, b = sorted([first, second], key=lambda r: r.pk)
    kind = KIND_OF[type(a)]
    DuplicateCandidate.objects.filter(kind=kind, first_id=a.pk, second_id=b.pk).delete()
    pair, _ = DistinctPair.objects.get_or_create(
        kind=kind,
        first_id=a.pk,
        second_id=b.pk,
        defaults={"label": f"{a} / {b}"[:620], "decided_by": user if user and user.pk else None},
    )
    # A namesake question about these two is answered too.
    ReviewItem.objects.open().filter(
        content_type=ContentType.objects.get_for_model(a),
        object_id__in=[a.pk, b.pk],
        namesake__in=[a.pk, b.pk] if isinstance(a, Person) else [],
    ).update(status=ReviewStatus.CONFIRMED, resolved_at=timezone.now(), resolved_by=pair.decided_by)
    return pair
