"""What editors do to the data, recorded so that re-importing reports never undoes it.

Plain functions used by the admin: noting which fields an editor changed, tombstones for
deleted records, merging duplicate people and organisations, and the `editors` group.
Everything an import must respect is stored on the records themselves (`curated_fields`,
`created_by_editor`, aliases of kind "merged", `DeletedRecord`), so `ingest.py` needs no
knowledge of the admin.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from django.apps import apps as global_apps
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.auth.management import create_permissions
from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction

from core.data_version import one_data_change
from core.folding import fold
from core.models import CurationState, DeletedRecord, fit
from events.models import (
    Event,
    EventAlias,
    EventOrganizer,
    EventRedirect,
    OrganizationMention,
    ParticipantMention,
    Participation,
    Position,
    Report,
    ReviewItem,
    ReviewReason,
    ReviewStatus,
)
from people.models import (
    AliasKind,
    Organization,
    OrganizationAlias,
    OrganizationRedirect,
    Person,
    PersonAlias,
    PersonRedirect,
)

EDITORS_GROUP = "editors"
EDITOR_ACTIONS = ("add", "change", "delete", "view")
EDITOR_MODELS = {
    "events": (
        "report",
        "event",
        "eventsource",
        "eventclaim",
        "eventorganizer",
        "eventtopic",
        "citymention",
        "organizationmention",
        "participation",
        "participantmention",
        "eventalias",
        "position",
        "reviewitem",
        "city",
        "topic",
    ),
    "people": (
        "person",
        "personalias",
        "organization",
        "organizationalias",
        "personredirect",
        "organizationredirect",
    ),
    "core": ("deletedrecord",),
    "curation": ("duplicatecandidate", "distinctpair", "mergerecord"),
}


def ensure_editors_group(apps=global_apps):
    """Create (or complete) the `editors` group; safe to run any number of times."""
    for label in EDITOR_MODELS:
        create_permissions(apps.get_app_config(label), apps=apps, verbosity=0)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name=EDITORS_GROUP)
    codenames = [
        f"{action}_{model}"
        for names in EDITOR_MODELS.values()
        for model in names
        for action in EDITOR_ACTIONS
    ]
    group.permissions.add(
        *Permission.objects.filter(
            content_type__app_label__in=list(EDITOR_MODELS), codename__in=codenames
        ),
        # The import status of the reports they add: the queue writes it, editors read it.
        *Permission.objects.filter(content_type__app_label="events", codename="view_reportimport"),
    )
    return group


# ---------------------------------------------------------------- edits and deletions


def note_editor_changes(obj, changed_fields: Iterable[str], *, adding: bool) -> None:
    """Remember what an editor set by hand; the caller saves `obj`."""
    if not isinstance(obj, CurationState):
        return
    if adding:
        obj.created_by_editor = True
        return
    model_fields = {f.name for f in obj._meta.concrete_fields}
    curated = list(obj.curated_fields or [])
    for name in changed_fields:
        if name in model_fields and name not in curated:
            curated.append(name)
    obj.curated_fields = curated


def note_curated_relation(parent, formset) -> None:
    """An editor changed rows of `parent` that have no curation state: name the relation."""
    if issubclass(formset.model, CurationState):
        return
    mark_relation_curated(parent, formset.fk.remote_field.related_name)


def mark_relation_curated(parent, name: str) -> None:
    """From now on the rows of `parent.<name>` are the editor's; ingest leaves them alone."""
    if not isinstance(parent, CurationState) or name in parent.curated_fields:
        return
    parent.curated_fields = [*parent.curated_fields, name]
    type(parent).objects.filter(pk=parent.pk).update(curated_fields=parent.curated_fields)


# Tombstones keyed on an event's key and a person's or organisation's: (model, part) per owner.
COMPOSITE_TOMBSTONES = {
    Person: [("events.participation", 1)],
    Organization: [("events.eventorganizer", 1)],
}


def keep_old_name(obj, old_name: str) -> None:
    """After a rename, the old name stays an alias so the next import still finds the record,
    and what an editor deleted under the old name stays deleted."""
    if isinstance(obj, Person):
        _add_alias(obj, PersonAlias, "person", old_name, AliasKind.ALIAS)
    elif isinstance(obj, Organization):
        _add_alias(obj, OrganizationAlias, "organization", old_name, AliasKind.ALIAS)
    elif isinstance(obj, Event):
        obj.keep_old_name(old_name)
    for model, part in COMPOSITE_TOMBSTONES.get(type(obj), []):
        DeletedRecord.objects.follow_rename(model, part, fold(old_name), obj.key)


def keep_old_slug(obj, old_slug: str) -> None:
    """A changed slug must not break links to the record: the old URL redirects."""
    if not old_slug or old_slug == obj.slug:
        return
    if isinstance(obj, Person):
        PersonRedirect.objects.update_or_create(old_slug=old_slug, defaults={"person": obj})
    elif isinstance(obj, Organization):
        OrganizationRedirect.objects.update_or_create(
            old_slug=old_slug, defaults={"organization": obj}
        )


# What an import matches on and so must not bring back once an editor deleted it.
TOMBSTONED = (Person, Organization, Event, Report, Participation, EventOrganizer)


def tombstone_key(obj) -> tuple[str, str] | None:
    """(model label, natural key) an import matches on, or None for untracked models."""
    if isinstance(obj, TOMBSTONED):
        return obj._meta.label_lower, DeletedRecord.key_of(obj)
    return None


def record_deletion(obj, user=None) -> DeletedRecord | None:
    """Write the tombstone that keeps an import from bringing `obj` back."""
    found = tombstone_key(obj)
    if found is None:
        return None
    model, key = found
    deleted_by = user if user and user.pk else None
    # Every name the record went by: an import may meet it under any of them.
    keys = [key]
    if isinstance(obj, Person | Organization):
        keys += [alias.key for alias in obj.aliases.all() if " " in alias.key or obj.key == ""]
    for each in dict.fromkeys(keys):
        tombstone, _ = DeletedRecord.objects.update_or_create(
            model=model,
            key=each,
            defaults={"label": fit(DeletedRecord, "label", str(obj)), "deleted_by": deleted_by},
        )
    ReviewItem.objects.filter(
        content_type=ContentType.objects.get_for_model(obj), object_id=obj.pk
    ).delete()
    return DeletedRecord.objects.get(model=model, key=key)


def record_deletions(queryset, user=None) -> None:
    if queryset.model is Participation:
        queryset = queryset.select_related("event", "person")
    elif queryset.model is EventOrganizer:
        queryset = queryset.select_related("event", "organization")
    for obj in queryset:
        record_deletion(obj, user)


def delete_report(report: Report, user=None) -> None:
    """Delete a report with what only it stated; what an editor vouched for is flagged instead.

    Appearances another report also states are filed under that report first, so deleting
    one report of an event never takes the other report's speakers along.
    """
    with transaction.atomic():
        events = set(report.events.values_list("pk", flat=True))
        stated = Participation.objects.filter(
            models.Q(report=report) | models.Q(mentions__report=report)
        ).distinct()
        participations = set(stated.values_list("pk", flat=True))
        people = set(stated.values_list("person_id", flat=True))
        organizations = (
            set(
                OrganizationMention.objects.filter(report=report).values_list(
                    "organization_id", flat=True
                )
            )
            | set(Position.objects.filter(report=report).values_list("organization_id", flat=True))
            | set(
                EventOrganizer.objects.filter(report=report).values_list(
                    "organization_id", flat=True
                )
            )
        ) - {None}
        for participation in Participation.objects.filter(report=report).prefetch_related(
            "mentions"
        ):
            other = next(
                (m for m in participation.mentions.all() if m.report_id != report.pk), None
            )
            if other is not None:
                participation.report_id = other.report_id
                participation.evidence_start = other.evidence_start
                participation.evidence_end = other.evidence_end
                participation.save(update_fields=["report", "evidence_start", "evidence_end"])
        record_deletion(report, user)
        report.delete()
        _settle_orphans(Participation.objects.filter(pk__in=participations, mentions__isnull=True))
        _settle_orphans(Event.objects.filter(pk__in=events, event_sources__isnull=True))
        _settle_orphans(Person.objects.filter(pk__in=people, participations__isnull=True))
        _settle_orphans(
            Organization.objects.filter(
                pk__in=organizations,
                mentions__isnull=True,
                positions__isnull=True,
                organizer_roles__isnull=True,
                units__isnull=True,
            )
        )


def _settle_orphans(queryset) -> None:
    """Records no report supports any more: deleted, or flagged when an editor vouched for them."""
    content_type = ContentType.objects.get_for_model(queryset.model)
    for record in queryset:
        if record.created_by_editor or record.curated_fields:
            ReviewItem.objects.update_or_create(
                content_type=content_type,
                object_id=record.pk,
                reason=ReviewReason.NO_SOURCE,
                defaults={
                    "message": "No report supports this record any more; "
                    "keep it only if you can vouch for it.",
                    "report": None,
                    "evidence_start": None,
                    "evidence_end": None,
                    "status": ReviewStatus.OPEN,
                    "resolved_at": None,
                    "resolved_by": None,
                },
            )
        else:
            ReviewItem.objects.filter(content_type=content_type, object_id=record.pk).delete()
            record.delete()


def delete_reports(queryset, user=None) -> None:
    for report in queryset:
        delete_report(report, user)


# ---------------------------------------------------------------- merging


def merge_people(survivor: Person, losers: Sequence[Person], *, user=None) -> list[str]:
    """Fold `losers` into `survivor`; return the merged names.

    Losers are deleted without tombstones: their names stay as "merged" aliases of the
    survivor, so a later import maps those names to the survivor instead of skipping them.
    """
    losers = [p for p in losers if p.pk != survivor.pk]
    names = []
    with transaction.atomic(), one_data_change():
        for loser in losers:
            for participation in loser.participations.select_related("event"):
                _move_participation(participation, survivor)
            names.append(loser.name)
            _retire_loser(survivor, loser, PersonAlias, PersonRedirect, "person")
        _note_merge(survivor, names, user)
    return names


def merge_organizations(
    survivor: Organization, losers: Sequence[Organization], *, user=None
) -> list[str]:
    """Fold `losers` into `survivor`; return the merged names. See `merge_people`."""
    losers = [o for o in losers if o.pk != survivor.pk]
    loser_pks = {o.pk for o in losers}
    names = []
    with transaction.atomic(), one_data_change():
        # A survivor that was a unit of a loser would otherwise point at a deleted record.
        while survivor.parent_id in loser_pks:
            survivor.parent = next(o for o in losers if o.pk == survivor.parent_id).parent
        if survivor.parent_id == survivor.pk:
            survivor.parent = None
        for loser in losers:
            loser.positions.update(organization=survivor)
            for mention in loser.mentions.all():
                if OrganizationMention.objects.filter(
                    report_id=mention.report_id, organization=survivor
                ).exists():
                    mention.delete()
                else:
                    mention.organization = survivor
                    mention.save(update_fields=["organization"])
            for role in loser.organizer_roles.all():
                taken = EventOrganizer.objects.filter(
                    event_id=role.event_id, organization=survivor
                ).exists()
                if taken:
                    role.delete()
                else:
                    role.organization = survivor
                    role.save(update_fields=["organization"])
            loser.units.exclude(pk=survivor.pk).update(parent=survivor)
            if loser.acronym:
                _add_merged_alias(survivor, OrganizationAlias, "organization", loser.acronym)
            names.append(loser.name)
            _retire_loser(survivor, loser, OrganizationAlias, OrganizationRedirect, "organization")
        _note_merge(survivor, names, user)
    return names


def merge_events(survivor: Event, losers: Sequence[Event], *, user=None) -> list[str]:
    """Fold `losers` into `survivor`: sources, speakers, organisers, topics, cities, claims and
    part-of events move; the old names become aliases the next import finds."""
    losers = [e for e in losers if e.pk != survivor.pk]
    names = []
    with transaction.atomic():
        for loser in losers:
            for participation in loser.participations.select_related("person"):
                _move_participation(participation, event=survivor)
            for related, unique in [
                ("event_sources", "report_id"),
                ("organizer_roles", "organization_id"),
                ("topic_tags", "topic_id"),
                ("city_mentions", "city_id"),
            ]:
                _move_unique_rows(getattr(loser, related).all(), survivor, unique)
            for claim in loser.claims.all():
                if survivor.claims.filter(report_id=claim.report_id, field=claim.field).exists():
                    claim.delete()
                else:
                    claim.event = survivor
                    claim.save(update_fields=["event"])
            loser.children.exclude(pk=survivor.pk).update(parent=survivor)
            if survivor.parent_id == loser.pk:
                survivor.parent = loser.parent if loser.parent_id != survivor.pk else None
            for name in [loser.name, *loser.aliases.values_list("name", flat=True)]:
                key = fold(name)
                if key and key != survivor.key:
                    EventAlias.objects.get_or_create(
                        event=survivor, key=key, defaults={"name": name}
                    )
            _move_review_items(loser, survivor)
            loser.redirects.update(event=survivor)
            EventRedirect.objects.update_or_create(
                old_slug=loser.slug, defaults={"event": survivor}
            )
            names.append(loser.name)
            loser.delete()
        _note_merge(survivor, names, user)
    return names


def _move_unique_rows(rows, survivor: Event, unique: str) -> None:
    """Rows of a merged event move to the survivor, unless it already has their twin."""
    for row in rows:
        if type(row).objects.filter(event=survivor, **{unique: getattr(row, unique)}).exists():
            row.delete()
        else:
            row.event = survivor
            row.save(update_fields=["event"])


def _retire_loser(survivor, loser, alias_model, redirect_model, owner_field: str) -> None:
    """Delete a merged record once its relations have moved; its names, URLs and review
    items pass to the survivor."""
    _move_aliases(survivor, loser, alias_model, owner_field)
    _move_review_items(loser, survivor)
    loser.redirects.update(**{owner_field: survivor})
    redirect_model.objects.update_or_create(old_slug=loser.slug, defaults={owner_field: survivor})
    loser.delete()


def _move_participation(
    participation: Participation, survivor: Person | None = None, *, event: Event | None = None
) -> None:
    """Move an appearance to the surviving person (or event), folding it into the one that
    is already there."""
    person, event = survivor or participation.person, event or participation.event
    kept = (
        Participation.objects.filter(event=event, person=person)
        .exclude(pk=participation.pk)
        .first()
    )
    if kept is None:
        participation.person, participation.event = person, event
        participation.save(update_fields=["person", "event", "updated_at"])
        return
    # Both people were at the same event: one participation, every position kept.
    held = {(p.title, p.organization_id) for p in kept.positions.all()}
    next_order = (kept.positions.aggregate(m=models.Max("order"))["m"] or 0) + 1
    for position in participation.positions.order_by("order"):
        if (position.title, position.organization_id) in held:
            continue
        position.participation = kept
        position.order = next_order
        position.save(update_fields=["participation", "order"])
        held.add((position.title, position.organization_id))
        next_order += 1
    for field in ("talk_title", "report_id", "evidence_start", "evidence_end"):
        if not getattr(kept, field) and getattr(participation, field):
            setattr(kept, field, getattr(participation, field))
    kept.online = kept.online or participation.online
    # Whatever an editor vouched for on either record stays vouched for.
    kept.created_by_editor = kept.created_by_editor or participation.created_by_editor
    kept.curated_fields = list(dict.fromkeys([*kept.curated_fields, *participation.curated_fields]))
    kept.save()
    for mention in participation.mentions.all():
        if ParticipantMention.objects.filter(
            participation=kept, report_id=mention.report_id
        ).exists():
            mention.delete()
        else:
            mention.participation = kept
            mention.save(update_fields=["participation"])
    _move_review_items(participation, kept)
    participation.delete()


def _move_review_items(old, new) -> None:
    old_ct = ContentType.objects.get_for_model(old)
    new_ct = ContentType.objects.get_for_model(new)
    taken = set(
        ReviewItem.objects.filter(content_type=new_ct, object_id=new.pk).values_list(
            "reason", flat=True
        )
    )
    items = ReviewItem.objects.filter(content_type=old_ct, object_id=old.pk)
    items.filter(reason__in=taken).delete()
    items.update(content_type=new_ct, object_id=new.pk)


def _add_alias(owner, alias_model, owner_field: str, name: str, kind: str) -> None:
    key = fold(name)
    if not key or key == owner.key:
        return
    alias_model.objects.get_or_create(
        **{owner_field: owner, "key": key}, defaults={"name": name, "kind": kind}
    )


def _add_merged_alias(survivor, alias_model, owner_field: str, name: str) -> None:
    _add_alias(survivor, alias_model, owner_field, name, AliasKind.MERGED)


def _move_aliases(survivor, loser, alias_model, owner_field: str) -> None:
    _add_merged_alias(survivor, alias_model, owner_field, loser.name)
    for alias in loser.aliases.all():
        _add_merged_alias(survivor, alias_model, owner_field, alias.name)


MERGE_CHOSEN_FIELDS = {
    Person: ["name", "family_name", "given_name"],
    Organization: ["name", "acronym", "kind", "country", "parent"],
    Event: ["name", "start_year", "start_month", "start_day", "city", "venue", "parent"],
}


def _note_merge(survivor: CurationState, names: list[str], user) -> None:
    if not names:
        return
    # The editor chose which record survives and what it says; an import must not undo that,
    # even when it reaches the survivor through a loser's name.
    curated = list(survivor.curated_fields or [])
    chosen = MERGE_CHOSEN_FIELDS[type(survivor)]
    for entry in [*chosen, *(f"merged:{name}" for name in names)]:
        if entry not in curated:
            curated.append(entry)
    survivor.curated_fields = curated
    survivor.save()
    if user is not None and user.pk:
        log_change(user, survivor, f"Merged {', '.join(names)} into this record.")


def log_change(user, obj, message: str, *, flag: int = CHANGE) -> None:
    """A history entry on `obj`'s admin history page."""
    LogEntry.objects.log_actions(
        user_id=user.pk,
        queryset=[obj],
        action_flag=flag,
        change_message=message,
        single_object=True,
    )
