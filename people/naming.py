"""Keys and slugs for matching records by name, independent of case, accents and punctuation."""

from __future__ import annotations

from django.utils.text import slugify

from core.folding import fold


def unique_slug(model, text: str, *, max_length: int = 100, exclude_pk=None) -> str:
    """A slug for `text` not yet used by `model`, adding -2, -3... when taken."""
    base = slugify(fold(text))[:max_length].strip("-") or "record"
    taken = model._default_manager.filter(slug__startswith=base)
    if exclude_pk is not None:
        taken = taken.exclude(pk=exclude_pk)
    taken = taken.order_by().values_list("slug", flat=True)
    # A merged or renamed record's old URL redirects; a new record must not take it over.
    redirects = getattr(model, "redirects", None)
    if redirects is not None:
        taken = taken.union(
            redirects.rel.related_model.objects.filter(old_slug__startswith=base)
            .order_by()
            .values_list("old_slug", flat=True)
        )
    used = set(taken)
    if base not in used:
        return base
    n = 2
    while f"{base}-{n}" in used:
        n += 1
    return f"{base}-{n}"
