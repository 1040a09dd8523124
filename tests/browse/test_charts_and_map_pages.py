"""The map and the charts on the pages they summarise, linked to the filtered lists."""

import re

import pytest

from tests.factories import make_city, make_event, make_topic

pytestmark = pytest.mark.django_db


@pytest.fixture
def spread():
    beijing = make_city("Beijing", latitude=39.9, longitude=116.4)
    kunming = make_city("Kunming", latitude=25.0, longitude=102.7)
    make_city("Atlantis")  # no coordinates, no events: never a dot
    coal, water = make_topic("coal"), make_topic("water")
    make_event("A", city=beijing, start_year=2020, topics=[coal])
    make_event("B", city=beijing, start_year=2021, topics=[coal, water])
    make_event("C", city=kunming, start_year=2021, topics=[water])


def dots(html):
    return re.findall(r'<a href="(/cities/[^"]+)">\s*<circle class="city-map__dot"', html)


def test_home_shows_the_map_and_three_charts(client, spread):
    html = client.get("/").content.decode()
    assert dots(html) == ["/cities/beijing/", "/cities/kunming/"]
    assert 'src="/static/maps/east-asia.svg"' not in html  # an SVG <image>, not an <img>
    assert 'href="/static/maps/east-asia.svg"' in html
    assert html.count('class="chart"') == 3
    assert '<a href="/events/?year=2021">' in html
    assert '<a href="/events/?topic=coal">' in html
    assert '<a href="/events/?city=beijing">' in html
    # The text alternative of each chart: a table with the counts.
    assert re.search(r"<td><a href=\"/events/\?year=2021\">2021</a></td><td>2</td>", html)


def test_cities_page_has_the_map(client, spread):
    html = client.get("/cities/").content.decode()
    assert dots(html) == ["/cities/beijing/", "/cities/kunming/"]
    assert "Beijing: 2 events" in html


def test_event_list_charts_follow_the_filters_and_link_to_them(client, spread):
    html = client.get("/events/", {"topic": "water"}).content.decode()
    # Within topic "water": one event a year in 2021 only, in Beijing and Kunming.
    assert re.search(r'<td><a href="\?topic=water&amp;year=2021">2021</a></td><td>2</td>', html)
    assert '<td><a href="?topic=water&amp;year=2020">' not in html
    assert re.search(
        r'<td><a href="\?topic=water&amp;city=kunming">Kunming</a></td><td>1</td>', html
    )


def test_an_empty_knowledge_base_shows_no_map_and_no_charts(client, db):
    html = client.get("/").content.decode()
    assert "city-map" not in html
    assert 'class="chart"' not in html
