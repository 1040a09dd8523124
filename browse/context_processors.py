"""What every public page says about itself to crawlers and link previews."""

from __future__ import annotations

# Only these parameters make a different document; filters, sorts and downloads are views of
# one list, so they all name the unfiltered list as canonical.
CANONICAL_PARAMETERS = ("page",)


def canonical_url(request) -> dict:
    kept = [(name, request.GET[name]) for name in CANONICAL_PARAMETERS if request.GET.get(name)]
    query = "&".join(f"{name}={value}" for name, value in kept if value.isdigit() and value != "1")
    url = request.build_absolute_uri(request.path)
    return {"canonical_url": f"{url}?{query}" if query else url}
