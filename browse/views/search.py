"""/search/: one box over events, people, organisations, topics, cities and report text."""

from __future__ import annotations

from django.shortcuts import render
from django.urls import reverse

from browse.search.everything import AFFILIATED, KINDS, MAX_QUERY_LENGTH, search_everything

# Kinds whose list page filters by name with ?q=: a "see all" there can be narrowed further.
LIST_PAGES = {
    "events": "events:list",
    "people": "people:list",
    "organisations": "people:organizations",
}


def search(request):
    kind = request.GET.get("kind")
    kind = kind if kind in KINDS or kind == AFFILIATED else None
    results = search_everything(
        request.GET.get("q", ""), kind=kind, page=request.GET.get("page") if kind else None
    )
    return render(
        request,
        "search/search.html",
        {
            "results": results,
            "query": results.query,
            "kind": kind,
            "max_length": MAX_QUERY_LENGTH,
            "list_pages": {name: reverse(url) for name, url in LIST_PAGES.items()},
            "affiliated": AFFILIATED,
        },
    )
