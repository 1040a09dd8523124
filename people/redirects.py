"""Old URLs of merged people and organisations, for the detail views' not-found path."""

from __future__ import annotations

from people.models import Organization, OrganizationRedirect, Person, PersonRedirect


def find_redirect(model, slug: str) -> str | None:
    """The URL a merged record's old slug now lives at, or None.

    >>> find_redirect(Person, "liu-yan-hua")   # after merging into "liu-yanhua"
    '/speakers/liu-yanhua/'
    """
    if model is Person:
        found = PersonRedirect.objects.select_related("person").filter(old_slug=slug).first()
        return found.person.get_absolute_url() if found else None
    if model is Organization:
        found = (
            OrganizationRedirect.objects.select_related("organization")
            .filter(old_slug=slug)
            .first()
        )
        return found.organization.get_absolute_url() if found else None
    return None
