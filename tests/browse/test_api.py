"""The read-only API: filters as on the pages, cursor pages, evidence, ETags, schema, throttle."""

import json

import pytest
import yaml
from django.core.cache import cache
from django.urls import reverse
from openapi_spec_validator import validate

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

TEXT = (
    "Forum on Green Finance\n"
    "The Forum on Green Finance was held in Beijing on 6 September 2021. "
    "Liu Yanhua, director of the World Bank, spoke."
)


@pytest.fixture(autouse=True)
def _no_throttle_carry_over():
    cache.clear()


@pytest.fixture
def forum():
    report = make_report(TEXT, title="Forum on Green Finance")
    beijing = make_city("Beijing", latitude=39.9, longitude=116.4)
    energy = make_topic("energy transition")
    bank = make_organization("World Bank", acronym="WB", kind="intergovernmental")
    event = make_event(
        "Forum on Green Finance",
        report=report,
        city=beijing,
        start_year=2021,
        start_month=9,
        start_day=6,
        topics=[energy],
    )
    make_organizer(event, bank)
    liu = make_person("Liu Yanhua")
    sentence = "Liu Yanhua, director of the World Bank, spoke."
    start = TEXT.index(sentence)
    participation = make_participation(
        event,
        liu,
        positions=[("director", bank)],
        evidence_start=start,
        evidence_end=start + len(sentence),
    )
    position = participation.positions.get()
    position.evidence_start, position.evidence_end = start, start + len(sentence)
    position.save()
    return {"event": event, "person": liu, "bank": bank, "sentence": sentence, "report": report}


def get_json(client, url, **params):
    response = client.get(url, params)
    assert response.status_code == 200, response.content
    assert response["Content-Type"] == "application/json"
    return response.json()


def test_event_list_and_detail_with_evidence_of_every_fact(client, forum):
    listing = get_json(client, "/api/v1/events/")
    assert listing["previous"] is None and listing["next"] is None
    assert listing["results"] == [
        {
            "slug": forum["event"].slug,
            "name": "Forum on Green Finance",
            "start": {"year": 2021, "month": 9, "day": 6},
            "end": None,
            "date": "6 September 2021",
            "city": {
                "slug": "beijing",
                "name": "Beijing",
                "country": "China",
                "url": "http://testserver/cities/beijing/",
            },
            "venue": "",
            "topics": ["energy-transition"],
            "url": "http://testserver" + forum["event"].get_absolute_url(),
        }
    ]
    detail = get_json(client, f"/api/v1/events/{forum['event'].slug}/")
    [participant] = detail["participants"]
    assert participant["person"]["name"] == "Liu Yanhua"
    assert participant["evidence"] == {
        "sentence": forum["sentence"],
        "report": "http://testserver" + forum["report"].get_absolute_url(),
        "report_title": "Forum on Green Finance",
    }
    assert participant["positions"][0]["title"] == "director"
    assert participant["positions"][0]["organization"]["acronym"] == "WB"
    assert participant["positions"][0]["evidence"]["sentence"] == forum["sentence"]
    assert [o["organization"]["name"] for o in detail["organizers"]] == ["World Bank"]
    assert [r["title"] for r in detail["sources"]] == ["Forum on Green Finance"]


def test_participations_are_the_citable_rows(client, forum):
    rows = get_json(client, "/api/v1/participations/", organisation=forum["bank"].slug)["results"]
    assert [
        (r["person"]["name"], r["role"], r["event"]["name"], r["city"]["name"]) for r in rows
    ] == [("Liu Yanhua", "speaker", "Forum on Green Finance", "Beijing")]
    assert rows[0]["evidence"]["sentence"] == forum["sentence"]
    assert get_json(client, "/api/v1/participations/", year=2019)["results"] == []


@pytest.mark.parametrize(
    ("path", "params", "expected"),
    [
        ("/api/v1/events/", {"city": "beijing"}, ["Forum on Green Finance"]),
        ("/api/v1/events/", {"city": "shanghai"}, []),
        (
            "/api/v1/events/",
            {"year": 2021, "topic": "energy-transition"},
            ["Forum on Green Finance"],
        ),
        ("/api/v1/speakers/", {"q": "LIU yanhua"}, ["Liu Yanhua"]),
        ("/api/v1/speakers/", {"q": "Zhang"}, []),
        ("/api/v1/organisations/", {"q": "WB"}, ["World Bank"]),
        ("/api/v1/organisations/", {"kind": "company"}, []),
    ],
)
def test_list_filters_are_the_pages_filters(client, forum, path, params, expected):
    assert [r["name"] for r in get_json(client, path, **params)["results"]] == expected


def test_cursor_pages_walk_every_record_once(client, db):
    for n in range(7):
        make_event(f"Summit {n}")
    seen, url = [], "/api/v1/events/?page_size=3"
    while url:
        page = get_json(client, url.removeprefix("http://testserver"))
        seen += [r["name"] for r in page["results"]]
        url = page["next"]
    assert seen == [f"Summit {n}" for n in reversed(range(7))]


def test_page_size_is_capped(client, db):
    for n in range(3):
        make_event(f"Summit {n}")
    assert len(get_json(client, "/api/v1/events/", page_size=10_000)["results"]) == 3


@pytest.mark.parametrize("n", [2, 30])
def test_list_endpoints_run_a_constant_number_of_queries(client, django_assert_max_num_queries, n):
    city = make_city("Nanjing")
    bank = make_organization("Asian Development Bank")
    for i in range(n):
        event = make_event(f"Dialogue {i}", city=city)
        make_participation(event, make_person(f"Wang Wei{i}"), positions=[("expert", bank)])
    for path, queries in (("/api/v1/events/", 2), ("/api/v1/participations/", 2)):
        with django_assert_max_num_queries(queries):
            client.get(path)


def test_etag_gives_304_on_a_repeat(client, forum):
    first = client.get("/api/v1/events/")
    assert first.has_header("ETag")
    again = client.get("/api/v1/events/", headers={"if-none-match": first["ETag"]})
    assert again.status_code == 304


def test_details_of_every_kind(client, forum):
    assert get_json(client, f"/api/v1/speakers/{forum['person'].slug}/")["name"] == "Liu Yanhua"
    org = get_json(client, f"/api/v1/organisations/{forum['bank'].slug}/")
    assert (org["acronym"], org["kind"], org["aliases"]) == ("WB", "intergovernmental", ["WB"])
    assert get_json(client, "/api/v1/cities/beijing/")["latitude"] == 39.9
    assert get_json(client, "/api/v1/topics/energy-transition/")["name"] == "energy transition"
    report = get_json(client, f"/api/v1/reports/{forum['report'].slug}/")
    assert report["text"] == TEXT
    assert [e["name"] for e in report["events"]] == ["Forum on Green Finance"]
    assert client.get("/api/v1/events/no-such-event/").status_code == 404


def test_text_from_reports_is_escaped_as_json(client, db):
    make_event('</script><script>alert("x")</script>')
    body = client.get("/api/v1/events/").content.decode()
    assert json.loads(body)["results"][0]["name"] == '</script><script>alert("x")</script>'


def test_the_api_is_read_only(client, forum):
    assert client.post("/api/v1/events/", {"name": "x"}).status_code in (403, 405)
    assert client.delete(f"/api/v1/events/{forum['event'].slug}/").status_code in (403, 405)


def test_anonymous_clients_are_throttled(client, db, settings):
    from rest_framework.throttling import AnonRateThrottle

    rates = {**AnonRateThrottle.THROTTLE_RATES, "anon": "3/minute"}
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK}
    AnonRateThrottle.THROTTLE_RATES = rates
    try:
        codes = [client.get("/api/v1/topics/").status_code for _ in range(4)]
    finally:
        AnonRateThrottle.THROTTLE_RATES = {
            **rates,
            "anon": settings.REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"]["anon"],
        }
    assert codes == [200, 200, 200, 429]


def test_openapi_schema_is_valid_and_covers_every_endpoint(client, db):
    response = client.get("/api/schema/")
    assert response.status_code == 200
    document = yaml.safe_load(response.content)
    validate(document)
    assert document["openapi"].startswith("3.")
    assert set(document["paths"]) >= {
        f"/api/v1/{kind}/{suffix}"
        for kind, key in (
            ("events", "{slug}"),
            ("speakers", "{slug}"),
            ("organisations", "{slug}"),
            ("cities", "{slug}"),
            ("topics", "{slug}"),
            ("reports", "{slug}"),
            ("participations", "{id}"),
        )
        for suffix in ("", f"{key}/")
    }


def test_docs_page_is_served_by_the_site_with_no_outside_assets(client, db):
    response = client.get(reverse("api:docs"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "swagger-ui" in html
    assert "https://" not in html.replace("https://swagger.io", "")
