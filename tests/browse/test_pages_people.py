"""Speakers and organisations pages, rendered from real objects."""

import csv
import io
import json
import re

import pytest
from django.urls import reverse

from people.models import OrganizationRedirect, PersonRedirect
from tests.factories import (
    downloaded,
    make_event,
    make_organization,
    make_organizer,
    make_participation,
    make_person,
    make_topic,
)


@pytest.fixture
def world(db):
    parent = make_organization("Tsinghua University", kind="academic", country="China")
    institute = make_organization(
        "Institute of Climate Change", kind="academic", country="China", parent=parent
    )
    bank = make_organization(
        "World Bank", acronym="WB", kind="intergovernmental", country="United States"
    )
    ministry = make_organization("Ministry of Ecology", kind="government", country="China")
    topic = make_topic("carbon markets")
    older = make_event("Forum 2020", start_year=2020, start_month=5, topics=[topic])
    newer = make_event("Summit 2022", start_year=2022, start_month=10, start_day=30)
    make_organizer(newer, bank, role="sponsor")
    lalic = make_person("Bojan Lalić", aliases=["B. Lalic"])
    liu = make_person("Liu Yanhua", aliases=["Yanhua LIU"])
    wang = make_person("Wang Jin")
    make_participation(older, liu, positions=[("professor", institute)])
    make_participation(
        newer, liu, role="keynote", positions=[("director", ministry), ("adviser", bank)]
    )
    make_participation(newer, lalic, positions=[("economist", bank)])
    make_participation(older, wang, role="moderator", positions=[("dean", parent)])
    return locals()


def names(response):
    return [person.name for person in response.context["page_obj"]]


def json_ld(content):
    match = re.search(r'<script type="application/ld\+json">(.*?)</script>', content, re.S)
    return json.loads(match.group(1))


def test_person_list_shows_affiliation_at_latest_appearance(client, world):
    content = client.get(reverse("people:list")).content.decode()
    assert (
        '<p class="person-row__affiliation">director, '
        '<a href="/organisations/ministry-of-ecology/">Ministry of Ecology</a></p>'
    ) in content
    assert '<a class="person-row__name" href="/speakers/liu-yanhua/">Liu Yanhua</a>' in content
    assert '<p class="row__aside">2 events</p>' in content


def test_person_list_search_ignores_case_and_accents(client, world):
    assert names(client.get(reverse("people:list"), {"q": "LALIC"})) == ["Bojan Lalić"]
    assert names(client.get(reverse("people:list"), {"q": "lalić"})) == ["Bojan Lalić"]
    assert names(client.get(reverse("people:list"), {"q": "yanhua liu"})) == ["Liu Yanhua"]
    assert names(client.get(reverse("people:list"), {"q": "nobody"})) == []


def test_person_list_filters_combine_and_count_choices(client, world):
    response = client.get(reverse("people:list"), {"organisation": "world-bank"})
    assert names(response) == ["Bojan Lalić", "Liu Yanhua"]
    response = client.get(reverse("people:list"), {"organisation": "world-bank", "q": "liu"})
    assert names(response) == ["Liu Yanhua"]
    assert names(client.get(reverse("people:list"), {"kind": "academic"})) == [
        "Liu Yanhua",
        "Wang Jin",
    ]
    assert names(client.get(reverse("people:list"), {"country": "United States"})) == [
        "Bojan Lalić",
        "Liu Yanhua",
    ]
    assert names(client.get(reverse("people:list"), {"event": "forum-2020"})) == [
        "Liu Yanhua",
        "Wang Jin",
    ]
    assert names(
        client.get(reverse("people:list"), {"topic": "carbon-markets", "kind": "government"})
    ) == ["Liu Yanhua"]
    content = client.get(reverse("people:list")).content.decode()
    assert '<option value="world-bank">World Bank (2)</option>' in content
    assert '<option value="academic">Academic (2)</option>' in content
    assert '<option value="China">China (2)</option>' in content
    assert '<option value="summit-2022">Summit 2022 (2)</option>' in content
    assert '<option value="carbon-markets">carbon markets (2)</option>' in content


def test_person_list_pagination_keeps_search(client, world):
    for n in range(30):
        make_person(f"Zhang Wei{n:02d}")
    response = client.get(reverse("people:list"), {"q": "zhang"})
    assert len(response.context["page_obj"]) == 25
    assert 'href="?q=zhang&amp;page=2"' in response.content.decode()
    page_2 = client.get(reverse("people:list"), {"q": "zhang", "page": 2})
    assert names(page_2)[0] == "Zhang Wei25"


def test_person_list_downloads_apply_filters(client, world):
    response = client.get(reverse("people:list"), {"organisation": "world-bank", "format": "csv"})
    assert response["Content-Disposition"] == (
        'attachment; filename="speakers-organisation-world-bank.csv"'
    )
    rows = list(csv.DictReader(io.StringIO(downloaded(response))))
    assert rows == [
        {
            "name": "Bojan Lalić",
            "url": "http://testserver/speakers/bojan-lalic/",
            "title": "economist",
            "organisation": "World Bank",
            "appearances": "1",
        },
        {
            "name": "Liu Yanhua",
            "url": "http://testserver/speakers/liu-yanhua/",
            "title": "director",
            "organisation": "Ministry of Ecology",
            "appearances": "2",
        },
    ]
    data = json.loads(
        downloaded(client.get(reverse("people:list"), {"q": "wang", "format": "json"}))
    )
    assert data == [
        {
            "name": "Wang Jin",
            "url": "http://testserver/speakers/wang-jin/",
            "title": "dean",
            "organisation": "Tsinghua University",
            "appearances": 1,
        }
    ]


def test_person_detail_shows_appearances_organisations_and_co_speakers(client, world):
    response = client.get(reverse("people:person", args=["liu-yanhua"]))
    content = response.content.decode()
    assert "<h1>Liu Yanhua</h1>" in content
    assert '<span class="alias">Yanhua LIU</span>' in content
    assert [p.event.name for p in response.context["appearances"]] == ["Summit 2022", "Forum 2020"]
    assert '<p class="timeline__date">30 October 2022</p>' in content
    assert '<span class="badge badge--keynote">Keynote speaker</span>' in content
    assert (
        '<li>professor, <a href="/organisations/institute-of-climate-change/">'
        "Institute of Climate Change</a></li>"
    ) in content
    assert [
        (e["organization"].name, e["titles"], e["years"]) for e in response.context["organizations"]
    ] == [
        ("Institute of Climate Change", ["professor"], [2020]),
        ("Ministry of Ecology", ["director"], [2022]),
        ("World Bank", ["adviser"], [2022]),
    ]
    assert [(p.name, p.shared) for p in response.context["co_speakers"]] == [
        ("Bojan Lalić", 1),
        ("Wang Jin", 1),
    ]
    assert '<a href="/speakers/wang-jin/">Wang Jin</a>' in content


def test_person_detail_json_ld_has_affiliation(client, world):
    data = json_ld(client.get(reverse("people:person", args=["liu-yanhua"])).content.decode())
    assert data["@type"] == "Person"
    assert data["name"] == "Liu Yanhua"
    assert data["alternateName"] == ["Yanhua LIU"]
    assert data["jobTitle"] == "director"
    assert data["@id"] == "http://testserver/speakers/liu-yanhua/"
    assert data["affiliation"] == {
        "@type": "Organization",
        "@id": "http://testserver/organisations/ministry-of-ecology/",
        "name": "Ministry of Ecology",
        "url": "http://testserver/organisations/ministry-of-ecology/",
    }


def test_merged_person_slug_redirects(client, world):
    PersonRedirect.objects.create(old_slug="yanhua-liu", person=world["liu"])
    response = client.get("/speakers/yanhua-liu/")
    assert response.status_code == 301
    assert response["Location"] == "/speakers/liu-yanhua/"
    assert client.get("/speakers/nobody-here/").status_code == 404


def test_merged_organisation_slug_redirects(client, world):
    OrganizationRedirect.objects.create(
        old_slug="international-bank-for-reconstruction", organization=world["bank"]
    )
    response = client.get("/organisations/international-bank-for-reconstruction/")
    assert response.status_code == 301
    assert response["Location"] == "/organisations/world-bank/"
    assert client.get("/organisations/nobody-here/").status_code == 404


def test_live_slug_wins_over_a_stale_redirect(client, world):
    # A redirect left behind for a slug that a record uses again must not hide the record.
    PersonRedirect.objects.create(old_slug="wang-jin", person=world["liu"])
    response = client.get("/speakers/wang-jin/")
    assert response.status_code == 200
    assert response.context["person"].name == "Wang Jin"


def test_organization_list_filters_and_counts_people(client, world):
    response = client.get(reverse("people:organizations"), {"kind": "academic"})
    assert [o.name for o in response.context["page_obj"]] == [
        "Institute of Climate Change",
        "Tsinghua University",
    ]
    response = client.get(reverse("people:organizations"), {"country": "United States"})
    content = response.content.decode()
    assert [o.name for o in response.context["page_obj"]] == ["World Bank"]
    assert '<td data-label="People" class="num">2</td>' in content
    assert '<td data-label="Events organised" class="num">1</td>' in content
    content = client.get(reverse("people:organizations")).content.decode()
    assert '<option value="academic">Academic (2)</option>' in content
    assert '<option value="China">China (3)</option>' in content
    assert names_of_orgs(client.get(reverse("people:organizations"), {"q": "wb"})) == ["World Bank"]


def names_of_orgs(response):
    return [o.name for o in response.context["page_obj"]]


def test_organization_list_json_download(client, world):
    data = json.loads(
        downloaded(
            client.get(reverse("people:organizations"), {"kind": "academic", "format": "json"})
        )
    )
    assert [(row["name"], row["part_of"], row["people"]) for row in data] == [
        ("Institute of Climate Change", "Tsinghua University", 1),
        ("Tsinghua University", "", 1),
    ]


def test_organization_detail_shows_people_units_and_events(client, world):
    content = client.get(reverse("people:organization", args=["world-bank"])).content.decode()
    assert '<h1>World Bank <span class="acronym">WB</span></h1>' in content
    assert "<dd>Intergovernmental</dd>" in content
    assert "<dd>WB</dd>" in content
    assert '<a class="person-row__name" href="/speakers/liu-yanhua/">Liu Yanhua</a>' in content
    assert (
        'adviser <span class="muted">· at <a href="/events/summit-2022/">Summit 2022</a>, 30 October 2022</span>'
        in content
    )
    assert (
        '<a href="/events/summit-2022/">Summit 2022</a> <span class="badge">Sponsor</span>'
        in content
    )
    content = client.get(
        reverse("people:organization", args=["tsinghua-university"])
    ).content.decode()
    assert (
        '<li><a href="/organisations/institute-of-climate-change/">Institute of Climate Change</a></li>'
        in content
    )
    content = client.get(
        reverse("people:organization", args=["institute-of-climate-change"])
    ).content.decode()
    assert (
        '<dd><a href="/organisations/tsinghua-university/">Tsinghua University</a></dd>' in content
    )
