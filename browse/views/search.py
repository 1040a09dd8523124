"""/search/: one box over events, people, organisations, topics, cities and report text."""

from __future__ import annotations

from django.shortcuts import render

from browse.search.everything import MAX_QUERY_LENGTH, search_everything


def search(request):
    results = search_everything(request.GET.get("q", ""))
    return render(
        request,
        "search/search.html",
        {"results": results, "query": results.query, "max_length": MAX_QUERY_LENGTH},
    )
