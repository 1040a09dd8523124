"""Speakers and organisations: lists that filter in the URL, and one page per record."""

from __future__ import annotations

from collections import OrderedDict

from django.core.paginator import Paginator
from django.db.models import Count, OuterRef, Prefetch, Subquery
from django.http import Http404, HttpResponsePermanentRedirect
from django.views.generic import DetailView
from django_filters.views import FilterView

from browse.filters.people import OrganizationFilter, PersonFilter
from browse.search.affiliation import search_speakers_by_affiliation
from browse.views.lists import ListPageMixin
from events.models import Position, chronological
from people.models import Organization, Person
from people.redirects import find_redirect

AFFILIATION_PARAMS = ("affiliation", "title")


class SlugRedirectMixin:
    """A record merged into another keeps its old URL: it redirects (301) to the survivor."""

    def get(self, request, *args, **kwargs):
        try:
            return super().get(request, *args, **kwargs)
        except Http404:
            # Only a slug that is not a record's costs the redirect lookup.
            moved_to = find_redirect(self.model, kwargs["slug"])
            if moved_to is None:
                raise
            return HttpResponsePermanentRedirect(moved_to)


class PersonListView(ListPageMixin, FilterView):
    filterset_class = PersonFilter
    template_name = "people/person_list.html"
    download_name = "speakers"

    def get_queryset(self):
        # The first position held at the person's latest dated appearance.
        latest = Position.objects.filter(participation__person=OuterRef("pk")).latest_first()
        # Counting groups the rows, and Django drops Meta.ordering from grouped queries.
        return Person.objects.annotate(
            appearance_count=Count("participations", distinct=True),
            latest_title=Subquery(latest.values("title")[:1]),
            latest_organization=Subquery(latest.values("organization__name")[:1]),
            latest_organization_slug=Subquery(latest.values("organization__slug")[:1]),
        ).order_by("family_name", "given_name", "name", "pk")

    def download_row(self, person) -> dict:
        return {
            "name": person.name,
            "url": self.request.build_absolute_uri(person.get_absolute_url()),
            "title": person.latest_title or "",
            "organisation": person.latest_organization or "",
            "appearances": person.appearance_count,
        }

    def affiliation_download_row(self, match) -> dict:
        return {
            "name": match.person.name,
            "url": self.request.build_absolute_uri(match.person.get_absolute_url()),
            "title": match.position.title if match.position else "",
            "organisation": match.organization.name if match.organization else "",
            "event": match.event.name if match.event else "",
            "reason": match.reason,
        }

    def download_rows(self) -> list[dict]:
        results = self.affiliation_results()
        if results is None:
            return super().download_rows()
        return [self.affiliation_download_row(match) for match in results]

    def affiliation_asked(self) -> dict[str, str]:
        return {name: self.request.GET.get(name, "").strip() for name in AFFILIATION_PARAMS}

    def affiliation_results(self):
        """The ranked affiliation search among the people the other filters select, or None."""
        filterset = getattr(self, "filterset", None) or self.get_filterset(
            self.get_filterset_class()
        )
        terms = filterset.search_terms()
        if not (terms["affiliation"] or terms["title"]):
            return None
        return search_speakers_by_affiliation(
            terms["affiliation"],
            title=terms["title"],
            name=terms["q"],
            people=filterset.chosen_people(),
        )

    def get_paginate_by(self, queryset):
        # An affiliation search pages its own ranked results with the same ?page=.
        if any(self.affiliation_asked().values()):
            return None
        return super().get_paginate_by(queryset)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        asked = self.affiliation_asked()
        context["affiliation_asked"] = asked
        context["affiliation_kept"] = [
            (name, value)
            for name, value in self.request.GET.items()
            if name not in {*AFFILIATION_PARAMS, "page", "format"} and value
        ]
        results = self.affiliation_results() if any(asked.values()) else None
        context["affiliation_search"] = results is not None
        if results is not None:
            paginator = Paginator(results, self.paginate_by)
            context["affiliation_results"] = results
            context["affiliation_page"] = paginator.get_page(self.request.GET.get("page"))
        return context


class PersonDetailView(SlugRedirectMixin, DetailView):
    model = Person
    template_name = "people/person_detail.html"

    def get_queryset(self):
        return Person.objects.prefetch_related("aliases")

    def get_context_data(self, **kwargs):
        person = self.object
        appearances = list(
            person.participations.for_person()
            .select_related("report", "event__parent")
            .newest_first()
        )
        co_speakers = (
            Person.objects.filter(participations__event__participations__person=person)
            .exclude(pk=person.pk)
            .annotate(shared=Count("participations__event", distinct=True))
            .order_by("-shared", "family_name", "given_name")[:30]
        )
        return super().get_context_data(
            appearances=appearances,
            organizations=organizations_over_time(appearances),
            co_speakers=co_speakers,
            json_ld=person_json_ld(person, appearances, self.request),
            **kwargs,
        )


def organizations_over_time(appearances) -> list[dict]:
    """Each organisation the person was introduced with, the titles and the years seen."""
    seen: OrderedDict = OrderedDict()
    for participation in reversed(appearances):  # oldest first
        for position in participation.positions.all():
            key = position.organization_id or position.title
            entry = seen.setdefault(
                key, {"organization": position.organization, "titles": [], "years": []}
            )
            if position.title not in entry["titles"]:
                entry["titles"].append(position.title)
            year = participation.event.start_year
            if year and year not in entry["years"]:
                entry["years"].append(year)
    return list(seen.values())


def person_json_ld(person, appearances, request) -> dict:
    data = {
        "@context": "https://schema.org",
        "@type": "Person",
        "name": person.name,
        "url": request.build_absolute_uri(person.get_absolute_url()),
    }
    if person.family_name:
        data["familyName"] = person.family_name
    if person.given_name:
        data["givenName"] = person.given_name
    aliases = [alias.name for alias in person.aliases.all()]
    if aliases:
        data["alternateName"] = aliases
    latest = next((p for p in appearances if p.positions.all()), None)
    if latest is not None:
        position = latest.primary_position
        data["jobTitle"] = position.title
        if position.organization is not None:
            data["affiliation"] = {
                "@type": "Organization",
                "name": position.organization.name,
                "url": request.build_absolute_uri(position.organization.get_absolute_url()),
            }
    return data


class OrganizationListView(ListPageMixin, FilterView):
    filterset_class = OrganizationFilter
    template_name = "people/organization_list.html"
    download_name = "organisations"

    def get_queryset(self):
        return (
            Organization.objects.select_related("parent")
            .annotate(
                people_count=Count("positions__participation__person", distinct=True),
                event_count=Count("organized_events", distinct=True),
            )
            .order_by("name", "pk")
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


class OrganizationDetailView(SlugRedirectMixin, DetailView):
    model = Organization
    template_name = "people/organization_detail.html"

    def get_queryset(self):
        return Organization.objects.select_related("parent").prefetch_related(
            "aliases", Prefetch("units", queryset=Organization.objects.order_by("name"))
        )

    def get_context_data(self, **kwargs):
        organization = self.object
        positions = organization.positions.select_related(
            "participation__person", "participation__event", "report"
        ).order_by(
            "participation__person__family_name",
            "participation__person__given_name",
            *chronological("participation__event"),
            "participation__pk",
        )
        organised = organization.organizer_roles.select_related("event__city", "report").order_by(
            *chronological("event"), "event__name"
        )
        return super().get_context_data(positions=positions, organised=organised, **kwargs)
