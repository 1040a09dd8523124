"""Home, events, reports, cities and topics pages, rendered from real objects."""

import csv
import io
import json
import re

import pytest
from django.urls import reverse

from browse.evidence import evidence_anchor
from events.models import CityMention, EventClaim, EventOrganizer, EventTopic, Position
from tests.factories import (
    downloaded,
    make_city,
    make_event,
    make_organization,
    make_organizer,
    make_participation,
    make_person,
    make_report,
    make_topic,
)

TEXT = (
    "The Low Carbon Summit was held on 6 September 2021 at the National Convention Center "
    "in Beijing. Nearly 200 people attended. "
    "Liu Yanhua, director of the National Climate Change Commission, said <script>alert(1)"
    "</script> cities lead the way. "
    "Ma Rong of IGEA moderated. Speakers praised Shanghai."
)


def span(text, sentence):
    start = text.index(sentence)
    return {"evidence_start": start, "evidence_end": start + len(sentence)}


def sentence_of(fragment):
    """The sentence of TEXT containing `fragment`."""
    for match in re.finditer(r"[^.]+\.", TEXT):
        if fragment in match.group():
            return match.group().strip()
    raise AssertionError(fragment)


@pytest.fixture
def summit(db):
    report = make_report(TEXT, title="Low Carbon Summit held in Beijing", publisher="IGEA News")
    beijing = make_city("Beijing", province="Beijing", latitude=39.9075, longitude=116.3972)
    shanghai = make_city("Shanghai", province="Shanghai")
    neutrality = make_topic("carbon neutrality", description="Reaching net zero emissions.")
    fair = make_event("CIFTIS 2021", report=report, start_year=2021, start_month=9)
    event = make_event(
        "Low Carbon Summit",
        report=report,
        topics=[neutrality],
        start_year=2021,
        start_month=9,
        start_day=6,
        city=beijing,
        venue="National Convention Center",
        parent=fair,
        attendance_text="Nearly 200",
    )
    first = sentence_of("was held on")
    EventTopic.objects.filter(event=event).update(**span(TEXT, first))
    EventClaim.objects.create(
        event=event, report=report, field="start", value="2021-09-06", **span(TEXT, first)
    )
    igea = make_organization("International Green Economy Association", acronym="IGEA")
    make_organizer(event, igea, role="host")
    EventOrganizer.objects.filter(event=event).update(**span(TEXT, sentence_of("Ma Rong")))
    nccc = make_organization("National Climate Change Commission", kind="government")
    liu = make_person("Liu Yanhua", aliases=["Yanhua LIU"])
    ma = make_person("Ma Rong")
    liu_sentence = sentence_of("Liu Yanhua")
    make_participation(
        event,
        liu,
        positions=[("director", nccc), ("former Vice Minister", None)],
        talk_title="Cities and the dual carbon target",
        **span(TEXT, liu_sentence),
    )
    Position.objects.filter(participation__person=liu).update(**span(TEXT, liu_sentence))
    make_participation(
        event,
        ma,
        role="moderator",
        positions=[("director of Experts Council", igea)],
        **span(TEXT, sentence_of("Ma Rong")),
    )
    CityMention.objects.create(
        event=event, city=shanghai, report=report, **span(TEXT, sentence_of("Shanghai"))
    )
    return {"report": report, "event": event, "fair": fair, "liu": liu, "beijing": beijing}


def json_ld(content: str) -> dict:
    match = re.search(r'<script type="application/ld\+json">(.*?)</script>', content, re.S)
    assert match, "no JSON-LD on the page"
    return json.loads(match.group(1))


def test_home_shows_counts_latest_events_and_search(client, summit):
    content = client.get(reverse("events:home")).content.decode()
    assert '<span class="stat__n">2</span> <span class="stat__label">Events</span>' in content
    assert '<span class="stat__n">2</span> <span class="stat__label">Speakers</span>' in content
    assert (
        '<span class="stat__n">1</span> <span class="stat__label">Source reports</span>' in content
    )
    assert 'href="/events/low-carbon-summit/">Low Carbon Summit</a>' in content
    assert (
        '<form class="big-search" action="/search/" method="get" role="search" aria-label="Search the knowledge base">'
        in content
    )
    for url in ["/events/", "/speakers/", "/organisations/", "/cities/", "/topics/", "/reports/"]:
        assert f'href="{url}"' in content


def test_every_page_sets_title_and_description(client, summit):
    pages = {
        "/": "Green and low-carbon events in China · eventsdb",
        "/events/": "Events · eventsdb",
        "/events/low-carbon-summit/": "Low Carbon Summit · eventsdb",
        "/reports/": "Source reports · eventsdb",
        f"/reports/{summit['report'].slug}/": "Low Carbon Summit held in Beijing · eventsdb",
        "/cities/": "Cities · eventsdb",
        "/cities/beijing/": "Beijing · eventsdb",
        "/topics/": "Topics · eventsdb",
        "/topics/carbon-neutrality/": "Carbon neutrality · eventsdb",
        "/speakers/": "Speakers · eventsdb",
        "/speakers/liu-yanhua/": "Liu Yanhua · eventsdb",
        "/organisations/": "Organisations · eventsdb",
        "/organisations/international-green-economy-association/": (
            "International Green Economy Association · eventsdb"
        ),
    }
    for url, title in pages.items():
        response = client.get(url)
        content = response.content.decode()
        assert response.status_code == 200, url
        assert re.search(r"<title>(.*?)</title>", content).group(1) == title
        assert re.search(r'<meta name="description" content="[^"]{20,}">', content), url


def test_event_list_shows_events_with_facet_counts(client, summit):
    make_event("Shanghai Forum", start_year=2020, city=make_city("Shanghai West"))
    content = client.get(reverse("events:list")).content.decode()
    assert 'href="/events/low-carbon-summit/">Low Carbon Summit</a>' in content
    assert '<option value="beijing">Beijing (1)</option>' in content
    assert '<option value="2021">2021 (2)</option>' in content
    assert '<option value="2020">2020 (1)</option>' in content
    assert '<option value="carbon-neutrality">carbon neutrality (1)</option>' in content
    assert (
        '<option value="international-green-economy-association">'
        "International Green Economy Association (1)</option>"
    ) in content
    assert '<option value="moderator">Moderator (1)</option>' in content


def test_event_list_filters_combine(client, summit):
    make_event("Beijing 2020 Forum", start_year=2020, city=summit["beijing"])
    response = client.get(reverse("events:list"), {"city": "beijing", "year": "2021"})
    assert [e.name for e in response.context["page_obj"]] == ["Low Carbon Summit"]
    response = client.get(reverse("events:list"), {"city": "beijing"})
    assert [e.name for e in response.context["page_obj"]] == [
        "Low Carbon Summit",
        "Beijing 2020 Forum",
    ]
    response = client.get(
        reverse("events:list"), {"role": "moderator", "topic": "carbon-neutrality"}
    )
    assert [e.name for e in response.context["page_obj"]] == ["Low Carbon Summit"]
    # The year facet counts under the city filter but ignores its own selection.
    assert (
        '<option value="2020" selected>2020 (1)</option>'
        in client.get(reverse("events:list"), {"city": "beijing", "year": "2020"}).content.decode()
    )


def test_event_list_sorts_by_name_and_date(client, summit):
    make_event("Alpha Forum", start_year=2019)
    by_name = client.get(reverse("events:list"), {"sort": "name"}).context["page_obj"]
    assert [e.name for e in by_name] == ["Alpha Forum", "CIFTIS 2021", "Low Carbon Summit"]
    oldest = client.get(reverse("events:list"), {"sort": "oldest"}).context["page_obj"]
    # Within September 2021 the dated day comes first; the vaguer date is not guessed at.
    assert [e.name for e in oldest] == ["Alpha Forum", "Low Carbon Summit", "CIFTIS 2021"]
    newest = client.get(reverse("events:list")).context["page_obj"]
    assert [e.name for e in newest] == ["Low Carbon Summit", "CIFTIS 2021", "Alpha Forum"]


def test_event_list_pagination_keeps_filters(client, summit):
    for n in range(30):
        make_event(f"Beijing Forum {n:02d}", start_year=2022, city=summit["beijing"])
    response = client.get(reverse("events:list"), {"city": "beijing", "sort": "name"})
    content = response.content.decode()
    assert len(response.context["page_obj"]) == 25
    assert 'href="?city=beijing&amp;sort=name&amp;page=2"' in content
    page_2 = client.get(reverse("events:list"), {"city": "beijing", "sort": "name", "page": 2})
    assert [e.name for e in page_2.context["page_obj"]] == [
        "Beijing Forum 25",
        "Beijing Forum 26",
        "Beijing Forum 27",
        "Beijing Forum 28",
        "Beijing Forum 29",
        "Low Carbon Summit",
    ]
    assert 'href="?city=beijing&amp;sort=name&amp;page=1"' in page_2.content.decode()


def test_event_list_download_links_keep_filters(client, summit):
    content = client.get(reverse("events:list"), {"city": "beijing", "page": 1}).content.decode()
    assert 'href="?city=beijing&amp;format=csv"' in content
    assert 'href="?city=beijing&amp;format=json"' in content


def test_event_list_csv_download_applies_filters(client, summit):
    make_event("Elsewhere", start_year=2021)
    response = client.get(reverse("events:list"), {"city": "beijing", "format": "csv"})
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="events-city-beijing.csv"'
    rows = list(csv.DictReader(io.StringIO(downloaded(response))))
    assert rows == [
        {
            "name": "Low Carbon Summit",
            "url": "http://testserver/events/low-carbon-summit/",
            "date": "6 September 2021",
            "start": "2021-09-06",
            "city": "Beijing",
            "venue": "National Convention Center",
            "part_of": "CIFTIS 2021",
            "topics": "carbon neutrality",
            "participants": "2",
            "attendance": "Nearly 200",
        }
    ]


def test_event_list_json_download_applies_filters(client, summit):
    response = client.get(
        reverse("events:list"), {"year": "2021", "sort": "name", "format": "json"}
    )
    assert response["Content-Type"] == "application/json; charset=utf-8"
    data = json.loads(downloaded(response))
    assert [row["name"] for row in data] == ["CIFTIS 2021", "Low Carbon Summit"]
    assert data[1]["topics"] == ["carbon neutrality"]


def test_event_detail_shows_every_fact(client, summit):
    content = client.get(summit["event"].get_absolute_url()).content.decode()
    assert "<h1>Low Carbon Summit</h1>" in content
    assert "<dd>6 September 2021" in content
    assert '<a href="/cities/beijing/">Beijing</a>, China' in content
    assert "<dd>National Convention Center" in content
    assert '<dd><a href="/events/ciftis-2021/">CIFTIS 2021</a>' in content
    assert '<dd>Nearly 200 <span class="muted">(as stated)</span>' in content
    assert (
        '<a href="/organisations/international-green-economy-association/">'
        "International Green Economy Association</a> <abbr>(IGEA)</abbr> "
        '<span class="badge">Host</span>'
    ) in content
    assert '<a class="person-card__name" href="/speakers/liu-yanhua/">Liu Yanhua</a>' in content
    assert (
        '<li>director, <a href="/organisations/national-climate-change-commission/">'
        "National Climate Change Commission</a></li>"
    ) in content
    assert "<li>former Vice Minister</li>" in content
    assert '<span class="badge badge--moderator">Moderator</span>' in content
    assert "<cite>Cities and the dual carbon target</cite>" in content
    assert '<a class="chip" href="/topics/carbon-neutrality/">carbon neutrality</a>' in content
    assert '<a href="/cities/shanghai/">Shanghai</a>' in content
    report = summit["report"]
    assert (
        f'<li><a href="/reports/{report.slug}/">Low Carbon Summit held in Beijing</a></li>'
        in content
    )


def test_event_detail_groups_participants_by_role(client, summit):
    response = client.get(summit["event"].get_absolute_url())
    groups = [
        (label, total, [p.person.name for p in group])
        for label, total, group in response.context["participant_groups"]
    ]
    assert groups == [("Speakers", 1, ["Liu Yanhua"]), ("Moderators", 1, ["Ma Rong"])]


def test_event_detail_quotes_evidence_and_links_to_the_marked_sentence(client, summit):
    content = client.get(summit["event"].get_absolute_url()).content.decode()
    sentence = sentence_of("Ma Rong")
    start = TEXT.index(sentence)
    anchor = evidence_anchor(start, start + len(sentence))
    assert f"According to the report: “{sentence}”" in content
    assert f'href="/reports/{summit["report"].slug}/#{anchor}"' in content
    report_page = client.get(summit["report"].get_absolute_url()).content.decode()
    assert f'<mark id="{anchor}"' in report_page


def test_event_detail_escapes_report_text(client, summit):
    content = client.get(summit["event"].get_absolute_url()).content.decode()
    assert "<script>alert(1)</script>" not in content
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in content


def test_event_detail_json_ld_describes_the_event(client, summit):
    data = json_ld(client.get(summit["event"].get_absolute_url()).content.decode())
    assert data["@type"] == "Event"
    assert data["name"] == "Low Carbon Summit"
    assert data["startDate"] == "2021-09-06"
    assert data["location"]["name"] == "National Convention Center"
    assert data["location"]["address"]["addressLocality"] == "Beijing"
    assert data["location"]["geo"] == {
        "@type": "GeoCoordinates",
        "latitude": 39.9075,
        "longitude": 116.3972,
    }
    assert data["organizer"][0]["name"] == "International Green Economy Association"
    assert [p["name"] for p in data["performer"]] == ["Liu Yanhua", "Ma Rong"]
    assert data["performer"][0]["affiliation"]["name"] == "National Climate Change Commission"
    assert data["superEvent"]["name"] == "CIFTIS 2021"


def test_event_json_ld_start_date_is_only_as_precise_as_known(client, summit):
    assert (
        json_ld(client.get(summit["fair"].get_absolute_url()).content.decode())["startDate"]
        == "2021-09"
    )
    undated = make_event("Undated Forum", start_month=7, start_day=19)
    content = client.get(undated.get_absolute_url()).content.decode()
    assert "startDate" not in json_ld(content)
    assert "<dd>19 July (year not stated)" in content


def test_json_ld_escapes_markup_in_names(client, db):
    event = make_event("Forum </script><b>x</b> & more")
    content = client.get(event.get_absolute_url()).content.decode()
    assert "</script><b>" not in content
    assert "\\u003C/script\\u003E\\u003Cb\\u003Ex\\u003C/b\\u003E \\u0026 more" in content
    assert json_ld(content)["name"] == "Forum </script><b>x</b> & more"


def test_event_detail_lists_sub_events(client, summit):
    content = client.get(summit["fair"].get_absolute_url()).content.decode()
    assert '<a href="/events/low-carbon-summit/">Low Carbon Summit</a>' in content
    assert "Sessions and sub-events" in content


def test_report_page_marks_evidence_and_escapes_text(client, summit):
    content = client.get(summit["report"].get_absolute_url()).content.decode()
    assert "<script>alert(1)</script>" not in content
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in content
    sentence = sentence_of("Liu Yanhua")
    start = TEXT.index(sentence)
    escaped = sentence.replace("<", "&lt;").replace(">", "&gt;")
    assert (
        f'<mark id="ev-{start}-{start + len(sentence)}" data-passages="2">{escaped}</mark>'
        in content
    )
    assert (
        "Liu Yanhua: speaker at Low Carbon Summit, “Cities and the dual carbon target”" in content
    )
    assert "Liu Yanhua: director, National Climate Change Commission" in content
    assert "Topic of Low Carbon Summit: carbon neutrality" in content
    assert "International Green Economy Association: host of Low Carbon Summit" in content


def test_report_list_links_each_report(client, summit):
    content = client.get(reverse("events:reports")).content.decode()
    assert (
        f'<a href="/reports/{summit["report"].slug}/">Low Carbon Summit held in Beijing</a>'
        in content
    )
    assert '<td data-label="Publisher">IGEA News</td>' in content
    assert '<td data-label="Events" class="num">2</td>' in content


def test_city_pages_show_events_held_and_mentions(client, summit):
    content = client.get(reverse("events:cities")).content.decode()
    assert '<a href="/cities/beijing/">Beijing</a>' in content
    content = client.get(reverse("events:city", args=["beijing"])).content.decode()
    assert "<dd>39.9075, 116.3972</dd>" in content
    assert "<dd>China</dd>" in content
    assert 'href="/events/low-carbon-summit/">Low Carbon Summit</a>' in content
    content = client.get(reverse("events:city", args=["shanghai"])).content.decode()
    assert "Events that mention Shanghai" in content
    assert f"According to the report: “{sentence_of('Shanghai')}”" in content


def test_topic_pages_show_events_with_evidence(client, summit):
    content = client.get(reverse("events:topics")).content.decode()
    assert '<a href="/topics/carbon-neutrality/">carbon neutrality</a>' in content
    assert "1 event" in content
    content = client.get(reverse("events:topic", args=["carbon-neutrality"])).content.decode()
    assert '<p class="lede">Reaching net zero emissions.</p>' in content
    assert '<a href="/events/low-carbon-summit/">Low Carbon Summit</a>' in content
    assert f"According to the report: “{sentence_of('was held on')}”" in content


@pytest.mark.parametrize(
    "url", ["/cities/?format=csv", "/topics/?format=json", "/reports/?format=json"]
)
def test_small_lists_download(client, summit, url):
    response = client.get(url)
    assert response.status_code == 200
    body = downloaded(response)
    assert "beijing" in body.lower() or "carbon neutrality" in body or "Low Carbon Summit" in body


def test_unknown_url_gives_styled_404(client, db):
    response = client.get("/no/such/page/")
    assert response.status_code == 404
    content = response.content.decode()
    assert "<h1>Page not found</h1>" in content
    assert '<nav class="site-nav" aria-label="Sections">' in content
    assert "<code>/no/such/page/</code>" in content
    assert client.get("/events/no-such-event/").status_code == 404


def test_base_layout_has_landmarks_and_skip_link(client, db):
    content = client.get("/").content.decode()
    assert '<a class="skip-link" href="#main">Skip to content</a>' in content
    assert '<main id="main" class="page" tabindex="-1">' in content
    assert '<header class="site-header">' in content
    assert '<footer class="site-footer">' in content
    assert "<script" not in content.replace('<script type="application/ld+json">', "")
