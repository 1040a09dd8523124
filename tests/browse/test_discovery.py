"""What pages say about themselves: JSON-LD on every record page, canonical and Open Graph."""

import json
import re
from html.parser import HTMLParser

import pytest

from tests.factories import (
    make_city,
    make_event,
    make_organization,
    make_participation,
    make_person,
    make_topic,
)

pytestmark = pytest.mark.django_db


class HeadReader(HTMLParser):
    """Collects the JSON-LD blocks, <link rel> and <meta property/name> of a page."""

    def __init__(self):
        super().__init__()
        self.json_ld, self.links, self.meta, self._in_ld = [], {}, {}, False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "script" and attrs.get("type") == "application/ld+json":
            self._in_ld = True
        elif tag == "link" and "rel" in attrs:
            self.links[attrs["rel"]] = attrs.get("href")
        elif tag == "meta" and ("property" in attrs or "name" in attrs):
            self.meta[attrs.get("property") or attrs["name"]] = attrs.get("content")

    def handle_endtag(self, tag):
        self._in_ld = False

    def handle_data(self, data):
        if self._in_ld:
            self.json_ld.append(json.loads(data))


def read(client, url) -> HeadReader:
    response = client.get(url)
    assert response.status_code == 200
    reader = HeadReader()
    reader.feed(response.content.decode())
    return reader


@pytest.fixture
def records():
    city = make_city("Kunming", province="Yunnan", latitude=25.04, longitude=102.71)
    topic = make_topic("biodiversity", description="Species and ecosystems.")
    parent = make_organization("Tsinghua University")
    unit = make_organization(
        "Institute of Climate Change", acronym="ICCSD", parent=parent, kind="academic"
    )
    event = make_event("COP15 Side Event", city=city, topics=[topic])
    webinar = make_event("Webinar on Green Bonds")
    return {"city": city, "topic": topic, "unit": unit, "event": event, "webinar": webinar}


def test_city_page_describes_a_place_with_coordinates(client, records):
    [data] = read(client, records["city"].get_absolute_url()).json_ld
    assert data["@type"] == "City"
    assert data["@id"] == "http://testserver/cities/kunming/"
    assert data["address"] == {
        "@type": "PostalAddress",
        "addressLocality": "Kunming",
        "addressRegion": "Yunnan",
        "addressCountry": "China",
    }
    assert data["geo"] == {"@type": "GeoCoordinates", "latitude": 25.04, "longitude": 102.71}


def test_topic_page_describes_a_defined_term(client, records):
    [data] = read(client, records["topic"].get_absolute_url()).json_ld
    assert (data["@type"], data["name"], data["description"]) == (
        "DefinedTerm",
        "biodiversity",
        "Species and ecosystems.",
    )
    assert data["inDefinedTermSet"] == "http://testserver/topics/"


def test_organisation_page_names_its_parent_and_other_names(client, records):
    [data] = read(client, records["unit"].get_absolute_url()).json_ld
    assert data["@type"] == "Organization"
    assert data["alternateName"] == ["ICCSD"]
    assert data["parentOrganization"]["name"] == "Tsinghua University"
    assert data["parentOrganization"]["@id"].endswith("/organisations/tsinghua-university/")


def test_event_attendance_mode_follows_the_report(client, records):
    [hall] = read(client, records["event"].get_absolute_url()).json_ld
    assert hall["eventAttendanceMode"] == "https://schema.org/OfflineEventAttendanceMode"
    [online] = read(client, records["webinar"].get_absolute_url()).json_ld
    assert online["eventAttendanceMode"] == "https://schema.org/OnlineEventAttendanceMode"
    mixed = make_event("Dialogue on Methane")
    make_participation(mixed, make_person("Ana Silva"), online=True)
    make_participation(mixed, make_person("Wang Can"))
    [data] = read(client, mixed.get_absolute_url()).json_ld
    assert data["eventAttendanceMode"] == "https://schema.org/MixedEventAttendanceMode"


def test_pages_carry_canonical_and_open_graph_tags(client, records):
    page = read(client, records["event"].get_absolute_url() + "?utm_source=x")
    url = "http://testserver" + records["event"].get_absolute_url()
    assert page.links["canonical"] == url
    assert page.meta["og:url"] == url
    assert page.meta["og:type"] == "article"
    assert page.meta["og:title"] == "COP15 Side Event"
    assert page.meta["og:description"].startswith("COP15 Side Event, Kunming")
    assert page.meta["twitter:card"] == "summary"
    assert page.links["alternate"] == "/feeds/events.atom"


def test_a_filtered_list_names_the_plain_list_as_canonical_but_keeps_its_page(client, records):
    assert read(client, "/events/?city=kunming&sort=name").links["canonical"] == (
        "http://testserver/events/"
    )
    assert read(client, "/events/?page=1").links["canonical"] == "http://testserver/events/"


def test_titles_from_reports_are_escaped_once_in_every_head_tag(client, db):
    event = make_event('Forum "A" & <B>')
    html = client.get(event.get_absolute_url()).content.decode()
    assert "<title>Forum &quot;A&quot; &amp; &lt;B&gt; · eventsdb</title>" in html
    assert re.search(
        r'<meta property="og:title" content="Forum &quot;A&quot; &amp; &lt;B&gt;">', html
    )
    assert "&amp;amp;" not in html


def test_a_filter_form_submission_with_empty_fields_redirects_to_a_clean_url(client, records):
    response = client.get("/events/", {"q": "", "year": "", "city": "kunming", "topic": " "})
    assert response.status_code == 302
    assert response["Location"] == "/events/?city=kunming"
    assert client.get("/events/", {"q": ""})["Location"] == "/events/"


def test_counts_are_in_the_singular_for_one(client, records):
    html = client.get("/cities/").content.decode()
    assert "1 city" in html and "1 cities" not in html


def test_a_position_without_a_title_has_no_stray_comma(client, db):
    from tests.factories import make_organization, make_participation, make_person

    event = make_event("Forum on Water")
    make_participation(event, make_person("Wang Can"), positions=[("", make_organization("WRI"))])
    html = client.get(event.get_absolute_url()).content.decode()
    assert '<li><a href="/organisations/wri/">WRI</a></li>' in html


def test_each_search_form_on_a_page_has_its_own_name(client, db):
    html = client.get("/").content.decode()
    labels = re.findall(r'role="search" aria-label="([^"]+)"', html)
    assert len(labels) == 2 and len(set(labels)) == 2


def test_a_parent_organisation_counts_and_lists_its_units_people_marked_as_such(client, records):
    from tests.factories import make_organization, make_participation, make_person

    tsinghua = records["unit"].parent
    lab = make_organization("Energy Lab", parent=records["unit"])  # a unit of a unit
    event = make_event("Campus Dialogue")
    make_participation(event, make_person("Li Zheng"), positions=[("dean", records["unit"])])
    make_participation(event, make_person("Zhou Li"), positions=[("fellow", lab)])
    make_participation(event, make_person("Qiu Bao"), positions=[("professor", tsinghua)])
    html = client.get(tsinghua.get_absolute_url()).content.decode()
    assert "3 people, 3 positions, its units included" in html
    assert re.search(
        r'dean, <a class="unit-mark" href="/organisations/[^"]+/">Institute of Climate Change</a>',
        html,
    )
    assert re.search(
        r'fellow, <a class="unit-mark" href="/organisations/energy-lab/">Energy Lab</a>', html
    )
    assert re.search(r"<li>professor <span", html)  # its own people carry no unit mark
