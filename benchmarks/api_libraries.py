"""Django REST Framework or django-ninja for the API? The same events list in both, measured.

    .venv/bin/pip install -e ".[bench]"
    .venv/bin/python benchmarks/api_libraries.py [--events 5000] [--requests 300]

Fills a scratch SQLite database (or DATABASE_URL, which must hold no reports), serves one
page of 50 events with city and topics through each library in-process with Django's test
client (no network: this measures the library, not the server), and prints a table.
"""

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def setup(database_url: str | None) -> None:
    if database_url is None:
        scratch = Path(tempfile.mkdtemp()) / "bench.sqlite3"
        os.environ["DATABASE_URL"] = f"sqlite:///{scratch}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "eventsdb.settings")
    os.environ["API_ANON_RATE"] = "1000000/minute"
    import django

    django.setup()
    from django.conf import settings

    settings.ALLOWED_HOSTS = ["*"]
    settings.SECURE_SSL_REDIRECT = False
    # The libraries are measured, not the page cache that serves repeats of both.
    settings.PAGE_CACHE = False
    settings.FACET_COUNT_CACHE = False
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def fill(n_events: int) -> None:
    from events.models import City, Event, EventTopic, Report, Topic

    if Report.objects.exists() or Event.objects.exists():
        sys.exit("This database holds data already; give an empty one.")
    cities = City.objects.bulk_create(
        City(name=f"City {i}", slug=f"city-{i}", country="China") for i in range(200)
    )
    topics = Topic.objects.bulk_create(
        Topic(name=f"topic {i}", slug=f"topic-{i}") for i in range(40)
    )
    report = Report.objects.create(
        file_name="bench.txt", slug="bench", sha256="0", raw_text="", text=""
    )
    events = Event.objects.bulk_create(
        Event(
            name=f"Forum {i}",
            key=f"forum {i}",
            slug=f"forum-{i}",
            start_year=2010 + i % 15,
            start_month=1 + i % 12,
            start_day=1 + i % 28,
            city=cities[i % len(cities)],
        )
        for i in range(n_events)
    )
    EventTopic.objects.bulk_create(
        EventTopic(event=event, topic=topics[(i + k) % 40], report=report)
        for i, event in enumerate(events)
        for k in range(2)
    )


def ninja_urls():
    """The events list as django-ninja would serve it: same fields, same page size."""
    from django.urls import path
    from ninja import NinjaAPI, Schema
    from ninja.pagination import CursorPagination, paginate

    from events.models import Event

    class CityOut(Schema):
        slug: str
        name: str
        country: str
        url: str

        @staticmethod
        def resolve_url(city, context):
            return context["request"].build_absolute_uri(city.get_absolute_url())

    class EventOut(Schema):
        slug: str
        name: str
        start: dict | None
        end: dict | None
        date: str
        city: CityOut | None
        venue: str
        topics: list[str]
        url: str

        @staticmethod
        def resolve_start(event):
            return {"year": event.start_year, "month": event.start_month, "day": event.start_day}

        @staticmethod
        def resolve_end(event):
            parts = {"year": event.end_year, "month": event.end_month, "day": event.end_day}
            return parts if any(parts.values()) else None

        @staticmethod
        def resolve_url(event, context):
            return context["request"].build_absolute_uri(event.get_absolute_url())

        @staticmethod
        def resolve_date(event):
            return event.date_display

        @staticmethod
        def resolve_topics(event):
            return [topic.slug for topic in event.topics.all()]

    api = NinjaAPI(urls_namespace="ninja-bench")

    @api.get("/events/", response=list[EventOut])
    @paginate(CursorPagination, ordering=("-pk",), page_size=50)
    def events(request):
        return Event.objects.select_related("city").prefetch_related("topics")

    return [path("ninja/", api.urls)]


def measure(client, url: str, requests: int) -> dict:
    client.get(url)  # warm caches and connections
    times = []
    for _ in range(requests):
        start = time.perf_counter()
        response = client.get(url)
        times.append(time.perf_counter() - start)
        assert response.status_code == 200, response.status_code
    times.sort()
    return {
        "p50": statistics.median(times) * 1000,
        "p95": times[int(len(times) * 0.95) - 1] * 1000,
        "rps": requests / sum(times),
        "bytes": len(response.content),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=5000)
    parser.add_argument("--requests", type=int, default=300)
    args = parser.parse_args()
    setup(os.environ.get("DATABASE_URL"))
    fill(args.events)

    import django.urls
    from django.test import Client
    from django.test.utils import override_settings

    import eventsdb.urls

    module = type(sys)("bench_urls")
    module.urlpatterns = [*eventsdb.urls.urlpatterns, *ninja_urls()]
    sys.modules["bench_urls"] = module
    with override_settings(ROOT_URLCONF="bench_urls"):
        django.urls.clear_url_caches()
        client = Client()
        rows = [
            ("Django REST Framework", measure(client, "/api/v1/events/", args.requests)),
            ("django-ninja", measure(client, "/ninja/events/", args.requests)),
        ]
    print(f"events list, page of 50, {args.events:,} events, {args.requests} requests each")
    print(f"{'library':<24}{'p50 ms':>9}{'p95 ms':>9}{'req/s':>9}{'bytes':>9}")
    for name, r in rows:
        print(f"{name:<24}{r['p50']:>9.1f}{r['p95']:>9.1f}{r['rps']:>9.0f}{r['bytes']:>9,}")


if __name__ == "__main__":
    main()
