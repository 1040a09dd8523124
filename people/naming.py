"""Keys and slugs for matching records by name, independent of case, accents and punctuation."""

from __future__ import annotations

from django.db.models import Q
from django.utils.text import slugify

from core.folding import fold


def slug_base(text: str, max_length: int = 100) -> str:
    return slugify(fold(text))[:max_length].strip("-") or "record"


def unique_slug(model, text: str, *, max_length: int = 100, exclude_pk=None) -> str:
    """A slug for `text` not yet used by `model`, adding -2, -3... when taken."""
    base = slug_base(text, max_length)
    return _first_free(base, set(taken_slugs(model, [base], exclude_pk=exclude_pk)))


def free_slugs(bases: list[str], used: set[str]) -> list[str]:
    """A slug for each base that is not in `used` (what `taken_slugs` read) nor given to an
    earlier base of the list."""
    used = set(used)
    slugs = []
    for base in bases:
        slug = _first_free(base, used)
        used.add(slug)
        slugs.append(slug)
    return slugs


def taken_slugs(model, bases: list[str], *, exclude_pk=None):
    """The slugs, and old slugs that redirect, of `model` that start with one of `bases`."""
    prefixes = Q()
    old_prefixes = Q()
    for base in bases:
        prefixes |= Q(slug__startswith=base)
        old_prefixes |= Q(old_slug__startswith=base)
    taken = model._default_manager.filter(prefixes)
    if exclude_pk is not None:
        taken = taken.exclude(pk=exclude_pk)
    taken = taken.order_by().values_list("slug", flat=True)
    # A merged or renamed record's old URL redirects; a new record must not take it over.
    redirects = getattr(model, "redirects", None)
    if redirects is not None:
        taken = taken.union(
            redirects.rel.related_model.objects.filter(old_prefixes)
            .order_by()
            .values_list("old_slug", flat=True)
        )
    return taken


def _first_free(base: str, used: set[str]) -> str:
    if base not in used:
        return base
    n = 2
    while f"{base}-{n}" in used:
        n += 1
    return f"{base}-{n}"
