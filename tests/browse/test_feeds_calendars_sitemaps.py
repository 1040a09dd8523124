"""Feeds, calendars and sitemaps, each parsed back with a real parser."""

import xml.etree.ElementTree as ET

import feedparser
import icalendar
import pytest
from django.urls import reverse

from tests.factories import (
    make_city,
    make_event,
    make_organization,
    make_organizer,
    make_participation,
    make_person,
    make_report,
    make_topic,
)

pytestmark = pytest.mark.django_db
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


@pytest.fixture
def corpus():
    beijing, shanghai = make_city("Beijing"), make_city("Shanghai")
    energy = make_topic("energy transition")
    bank = make_organization("World Bank", acronym="WB")
    dated = make_event(
        "Forum on Green Finance",
        city=beijing,
        venue="Kerry Hotel",
        start_year=2021,
        start_month=9,
        start_day=6,
        end_year=2021,
        end_month=9,
        end_day=7,
        topics=[energy],
    )
    month_only = make_event("Summit on Coal", city=shanghai, start_year=2020, start_month=5)
    no_year = make_event("Round Table on Cities", start_month=7, start_day=19)
    make_organizer(dated, bank)
    speaker = make_person("Liu Yanhua")
    make_participation(month_only, speaker, positions=[("director", bank)])
    return {
        "beijing": beijing,
        "energy": energy,
        "bank": bank,
        "speaker": speaker,
        "dated": dated,
        "month_only": month_only,
        "no_year": no_year,
    }


def test_site_feed_lists_the_newest_events_first_as_rss_and_atom(client, corpus):
    for name, version in (("feed-rss", "rss20"), ("feed-atom", "atom10")):
        response = client.get(reverse(name))
        assert response.status_code == 200
        feed = feedparser.parse(response.content)
        assert feed.version == version
        assert not feed.bozo
        assert [entry.title for entry in feed.entries] == [
            "Round Table on Cities",
            "Summit on Coal",
            "Forum on Green Finance",
        ]
        assert feed.entries[2].link == "http://testserver" + corpus["dated"].get_absolute_url()
        assert (
            feed.entries[2].summary == "6 September 2021 – 7 September 2021 · Beijing · Kerry Hotel"
        )


@pytest.mark.parametrize(
    ("record", "url_name", "expected"),
    [
        ("energy", "topic-feed-atom", ["Forum on Green Finance"]),
        ("beijing", "city-feed-atom", ["Forum on Green Finance"]),
        # organised one, spoke for at another
        ("bank", "organization-feed-atom", ["Summit on Coal", "Forum on Green Finance"]),
        ("speaker", "person-feed-atom", ["Summit on Coal"]),
    ],
)
def test_scoped_feeds_list_only_that_records_events(client, corpus, record, url_name, expected):
    obj = corpus[record]
    response = client.get(reverse(url_name, kwargs={"slug": obj.slug}))
    feed = feedparser.parse(response.content)
    assert not feed.bozo
    assert str(obj) in feed.feed.title
    assert [entry.title for entry in feed.entries] == expected


def test_feed_of_an_unknown_record_is_a_404(client, db):
    assert client.get(reverse("topic-feed-rss", kwargs={"slug": "nothing"})).status_code == 404


def test_feed_escapes_text_from_reports(client, db):
    make_event('Forum <script>alert("x")</script> & Co')
    feed = feedparser.parse(client.get(reverse("feed-rss")).content)
    assert not feed.bozo
    assert feed.entries[0].title == 'Forum <script>alert("x")</script> & Co'


def test_calendar_holds_only_events_with_a_full_date_as_all_day_entries(client, corpus):
    response = client.get(reverse("calendar"))
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    calendar = icalendar.Calendar.from_ical(response.content)
    entries = calendar.walk("VEVENT")
    assert [str(entry["summary"]) for entry in entries] == ["Forum on Green Finance"]
    entry = entries[0]
    assert entry.decoded("dtstart").isoformat() == "2021-09-06"
    assert entry.decoded("dtend").isoformat() == "2021-09-08"  # exclusive end
    assert str(entry["location"]) == "Kerry Hotel, Beijing"
    assert str(entry["uid"]) == "http://testserver" + corpus["dated"].get_absolute_url()


def test_scoped_calendars_filter_by_their_record(client, corpus):
    city = client.get(reverse("city-calendar", kwargs={"slug": corpus["beijing"].slug}))
    assert [
        str(e["summary"]) for e in icalendar.Calendar.from_ical(city.content).walk("VEVENT")
    ] == ["Forum on Green Finance"]
    person = client.get(reverse("person-calendar", kwargs={"slug": corpus["speaker"].slug}))
    # Their one event has no day: nothing to put in a calendar.
    assert icalendar.Calendar.from_ical(person.content).walk("VEVENT") == []


def test_sitemap_index_and_sections_list_every_record(client, corpus):
    report = make_report("Extra report.")
    index = ET.fromstring(client.get(reverse("sitemap-index")).content)
    sections = [loc.text for loc in index.iter(f"{SITEMAP}loc")]
    assert len(sections) == 6
    urls = set()
    for section in sections:
        body = client.get(section.removeprefix("http://testserver")).content
        urls |= {loc.text for loc in ET.fromstring(body).iter(f"{SITEMAP}loc")}
    expected = {
        corpus["dated"].get_absolute_url(),
        corpus["month_only"].get_absolute_url(),
        corpus["no_year"].get_absolute_url(),
        corpus["speaker"].get_absolute_url(),
        corpus["bank"].get_absolute_url(),
        corpus["beijing"].get_absolute_url(),
        corpus["energy"].get_absolute_url(),
        report.get_absolute_url(),
    }
    assert {url.removeprefix("http://testserver") for url in urls} >= expected


def test_robots_txt_points_to_the_sitemap_and_keeps_out_of_the_admin(client, db):
    response = client.get("/robots.txt")
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert "Disallow: /admin/" in lines
    assert "Sitemap: http://testserver/sitemap.xml" in lines


@pytest.mark.parametrize("n", [3, 40])
def test_feeds_and_calendars_are_bounded_and_constant_in_queries(
    client, django_assert_max_num_queries, n
):
    city = make_city("Nanjing")
    for day in range(1, n + 1):
        make_event(city=city, start_year=2022, start_month=1 + day % 12, start_day=1 + day % 28)
    with django_assert_max_num_queries(2):
        feed = feedparser.parse(client.get(reverse("city-feed-atom", args=[city.slug])).content)
    assert len(feed.entries) == min(n, 30)
    with django_assert_max_num_queries(2):
        body = client.get(reverse("city-calendar", args=[city.slug])).content
    assert len(icalendar.Calendar.from_ical(body).walk("VEVENT")) == n


def test_record_pages_link_their_feeds_calendar_and_downloads(client, corpus):
    html = client.get(corpus["beijing"].get_absolute_url()).content.decode()
    for url in (
        "/cities/beijing/events.atom",
        "/cities/beijing/events.rss",
        "/cities/beijing/events.ics",
        "/downloads/participations.csv?city=beijing",
        "/downloads/participations.json?city=beijing",
    ):
        assert f'href="{url}"' in html
        assert client.get(url).status_code == 200
    person = client.get(corpus["speaker"].get_absolute_url()).content.decode()
    assert f'href="/downloads/participations.csv?person={corpus["speaker"].slug}"' in person


def test_footer_links_the_open_data(client, db):
    html = client.get("/").content.decode()
    for url in ("/api/docs/", "/downloads/participations.csv", "/downloads/eventsdb.jsonl.gz"):
        assert f'href="{url}"' in html
