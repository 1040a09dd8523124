"""Speakers and organisations: lists that filter in the URL, and one page per record."""

from __future__ import annotations

from functools import cached_property

from django.core.paginator import Paginator
from django.db.models import Count, F, Max, Min, OuterRef, Q, Subquery
from django.views.generic import DetailView
from django_filters.views import FilterView

from browse.filters.people import OrganizationFilter, PersonFilter
from browse.linked_data import organization_json_ld, person_json_ld
from browse.search.affiliation import search_speakers_by_affiliation
from browse.views.lists import PAGE_SIZE, ListPageMixin, SlugRedirectMixin, paginate
from core.counting import SubqueryCount
from core.data_version import counted_once
from events.models import (
    EventOrganizer,
    Participation,
    Position,
    chronological,
    with_evidence,
)
from people.models import Organization, Person

AFFILIATION_PARAMS = ("affiliation", "title")


class PersonListView(ListPageMixin, FilterView):
    """Everyone the filters select, in name order, with their latest affiliation."""

    filterset_class = PersonFilter
    template_name = "people/person_list.html"
    download_name = "speakers"
    download_fields = (
        "name",
        "url",
        "title",
        "organisation",
        "appearances",
    )

    def get_queryset(self):
        return Person.objects.order_by("family_name", "given_name", "name", "pk")

    def page_rows(self, queryset):
        # The first position held at the person's latest dated appearance.
        latest = Position.objects.filter(participation__person=OuterRef("pk")).latest_first()
        return queryset.annotate(
            appearance_count=SubqueryCount(
                Participation.objects.filter(person=OuterRef("pk")).values("pk")
            ),
            latest_title=Subquery(latest.values("title")[:1]),
            latest_organization=Subquery(latest.values("organization__name")[:1]),
            latest_organization_slug=Subquery(latest.values("organization__slug")[:1]),
        )

    def download_row(self, person) -> dict:
        return {
            "name": person.name,
            "url": self.request.build_absolute_uri(person.get_absolute_url()),
            "title": person.latest_title or "",
            "organisation": person.latest_organization or "",
            "appearances": person.appearance_count,
        }

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            affiliation_asked=dict.fromkeys(AFFILIATION_PARAMS, ""),
            affiliation_kept=kept_params(self.request, AFFILIATION_PARAMS),
            affiliation_search=False,
            **kwargs,
        )


class SpeakerSearchView(ListPageMixin, FilterView):
    """Speakers ranked by how well an organisation they spoke for matches `?affiliation=`
    (and their titles `?title=`), among the people the other filters select.

    The facets count the people of this search, so the numbers beside the filters describe
    the list shown.
    """

    filterset_class = PersonFilter
    template_name = "people/person_list.html"
    download_name = "speakers"
    # The ranked results are paged below, with the same ?page=.
    paginate_by = None

    def asked(self) -> dict[str, str]:
        return {name: self.request.GET.get(name, "").strip() for name in AFFILIATION_PARAMS}

    @cached_property
    def results(self):
        # The filters are read here from the request: the view's filterset is built on the
        # queryset this search gives.
        filters = PersonFilter(self.request.GET, queryset=Person.objects.all())
        name = filters.form.cleaned_data.get("q", "") if filters.is_valid() else ""
        asked = self.asked()
        return search_speakers_by_affiliation(
            asked["affiliation"],
            title=asked["title"],
            name=name or "",
            people=filters.chosen_people(),
        )

    def get_queryset(self):
        return self.results.matching_people().order_by("family_name", "given_name", "name", "pk")

    def download_rows(self):
        return (self.download_row(match) for match in self.results)

    def download_row(self, match) -> dict:
        return {
            "name": match.person.name,
            "url": self.request.build_absolute_uri(match.person.get_absolute_url()),
            "title": match.position.title if match.position else "",
            "organisation": match.organization.name if match.organization else "",
            "event": match.event.name if match.event else "",
            "reason": match.reason,
        }

    def get_context_data(self, **kwargs):
        paginator = Paginator(self.results, PAGE_SIZE)
        return super().get_context_data(
            affiliation_asked=self.asked(),
            affiliation_kept=kept_params(self.request, AFFILIATION_PARAMS),
            affiliation_search=True,
            affiliation_results=self.results,
            affiliation_page=paginator.get_page(self.request.GET.get("page")),
            search_kept=[(name, value) for name, value in self.asked().items() if value],
            **kwargs,
        )


def kept_params(request, skip) -> list[tuple[str, str]]:
    """The other parameters of the page, for a form that changes only `skip`."""
    return [
        (name, value)
        for name, value in request.GET.items()
        if name not in {*skip, "page", "format"} and value
    ]


_person_list = PersonListView.as_view()
_speaker_search = SpeakerSearchView.as_view()


def speakers(request, *args, **kwargs):
    """/speakers/: the filtered list, or with ?affiliation= or ?title= the ranked search."""
    searching = any(request.GET.get(name, "").strip() for name in AFFILIATION_PARAMS)
    return (_speaker_search if searching else _person_list)(request, *args, **kwargs)


class PersonDetailView(SlugRedirectMixin, DetailView):
    model = Person
    template_name = "people/person_detail.html"

    def get_queryset(self):
        return Person.objects.prefetch_related("aliases")

    def get_context_data(self, **kwargs):
        person = self.object
        appearances = paginate(
            self.request,
            person.participations.newest_first(),
            "appearances_page",
            lambda rows: with_evidence(rows.for_person(), "event__parent"),
        )
        co_speakers = co_speakers_of(person)
        latest = (
            Position.objects.filter(participation__person=person)
            .select_related("organization")
            .latest_first()
            .first()
        )
        return super().get_context_data(
            appearances=appearances,
            organizations=organizations_over_time(person),
            co_speakers=co_speakers,
            json_ld=person_json_ld(person, latest, self.request),
            **kwargs,
        )


# A person's side panel lists at most this many (organisation, title) pairs.
HISTORY_LIMIT = 40
CO_SPEAKERS = 30


def co_speakers_of(person) -> list[Person]:
    """The people who shared the most events with `person`, each with `shared`.

    The grouping reads every appearance of everyone at the person's events (7,000 rows for
    the busiest speaker at 100,000 events), so it runs once between two data changes.
    """
    return counted_once(
        f"co-speakers:{person.pk}",
        lambda: list(
            Person.objects.filter(participations__event__participations__person=person)
            .exclude(pk=person.pk)
            .annotate(shared=Count("participations__event", distinct=True))
            .order_by("-shared", "family_name", "given_name", "pk")[:CO_SPEAKERS]
        ),
    )


def organizations_over_time(person) -> list[dict]:
    """Each organisation the person was introduced with, the titles and the years seen,
    oldest first; grouped in the database, so a person with a thousand appearances costs
    one bounded query, run once between two data changes (the grouping reads all of them)."""
    rows = counted_once(
        f"organizations-over-time:{person.pk}",
        lambda: list(
            Position.objects.filter(participation__person=person)
            .values("organization_id", "title")
            .annotate(
                first_year=Min("participation__event__start_year"),
                last_year=Max("participation__event__start_year"),
                first_seen=Min("participation_id"),
                first_order=Min("order"),
            )
            .order_by(F("first_year").asc(nulls_last=True), "first_seen", "first_order")[
                :HISTORY_LIMIT
            ]
        ),
    )
    organizations = Organization.objects.in_bulk({r["organization_id"] for r in rows} - {None})
    seen: dict = {}
    for row in rows:
        key = row["organization_id"] or row["title"]
        entry = seen.setdefault(
            key,
            {"organization": organizations.get(row["organization_id"]), "titles": [], "years": []},
        )
        if row["title"] not in entry["titles"]:
            entry["titles"].append(row["title"])
        for year in (row["first_year"], row["last_year"]):
            if year and year not in entry["years"]:
                entry["years"].append(year)
        entry["years"].sort()
    return list(seen.values())


class OrganizationListView(ListPageMixin, FilterView):
    filterset_class = OrganizationFilter
    template_name = "people/organization_list.html"
    download_name = "organisations"
    download_fields = (
        "name",
        "acronym",
        "url",
        "kind",
        "country",
        "part_of",
        "people",
        "events_organised",
    )

    def get_queryset(self):
        return Organization.objects.order_by("name", "pk")

    def page_rows(self, queryset):
        at = OuterRef("pk")
        return queryset.select_related("parent").annotate(
            people_count=SubqueryCount(
                Position.objects.filter(organization=at).values("participation__person").distinct()
            ),
            event_count=SubqueryCount(EventOrganizer.objects.filter(organization=at).values("pk")),
        )

    def download_row(self, organization) -> dict:
        return {
            "name": organization.name,
            "acronym": organization.acronym,
            "url": self.request.build_absolute_uri(organization.get_absolute_url()),
            "kind": organization.get_kind_display(),
            "country": organization.country,
            "part_of": organization.parent.name if organization.parent_id else "",
            "people": organization.people_count,
            "events_organised": organization.event_count,
        }


MAX_UNITS = 500  # units and their units an organisation's page gathers people from


class OrganizationDetailView(SlugRedirectMixin, DetailView):
    model = Organization
    template_name = "people/organization_detail.html"

    def get_queryset(self):
        return Organization.objects.select_related("parent").prefetch_related("aliases")

    def get_context_data(self, **kwargs):
        organization = self.object
        request = self.request
        # A university's page lists its institutes' staff too (two levels of units), each
        # marked with the unit; the same reach as the affiliation search's "via parent".
        # Ids first: an IN over a subquery with an OR misleads the planner into sorting every
        # position of a busy organisation.
        # A UNION of the two levels, each through the parent index: as one OR across a join
        # PostgreSQL scanned every organisation.
        children = organization.units.order_by().values_list("pk", flat=True)
        grandchildren = Organization.objects.filter(parent__parent=organization).order_by()
        units = list(children.union(grandchildren.values_list("pk", flat=True))[:MAX_UNITS])
        family = Q(organization__in=[organization.pk, *units])
        positions = (
            Position.objects.filter(family)
            .select_related("participation__person", "participation__event", "organization")
            .order_by(
                "participation__person__family_name",
                "participation__person__given_name",
                "participation__person_id",
                *chronological("participation__event"),
                "participation__pk",
                "pk",
            )
        )
        organised = organization.organizer_roles.order_by(
            *chronological("event"), "event__name", "pk"
        )
        return super().get_context_data(
            units=paginate(request, organization.units.order_by("name", "pk"), "units_page"),
            positions=paginate(request, positions, "people_page"),
            organised=paginate(
                request, organised, "events_page", lambda rows: with_evidence(rows, "event__city")
            ),
            json_ld=organization_json_ld(organization, request),
            people_count=counted_once(
                f"organization-people:{organization.pk}",
                lambda: (
                    Position.objects.filter(family)
                    .values("participation__person")
                    .distinct()
                    .count()
                ),
            ),
            **kwargs,
        )
