"""Downloads people take to spreadsheets: provenance rows, safe cells, BOM, names, the dump."""

import csv
import gzip
import io
import json

import pytest

from tests.factories import (
    downloaded,
    make_city,
    make_event,
    make_organization,
    make_participation,
    make_person,
    make_report,
    make_topic,
)

pytestmark = pytest.mark.django_db

TEXT = 'Dialogue on Coal\n=HYPERLINK("http://evil") was there. Wang Can, director of WRI, spoke.'


@pytest.fixture
def dialogue():
    report = make_report(TEXT, title="Dialogue on Coal")
    city = make_city("Taiyuan")
    topic = make_topic("coal")
    wri = make_organization("World Resources Institute", acronym="WRI")
    event = make_event(
        "Dialogue on Coal", report=report, city=city, start_year=2022, start_month=3, topics=[topic]
    )
    sentence = "Wang Can, director of WRI, spoke."
    start = TEXT.index(sentence)
    make_participation(
        event,
        make_person("Wang Can"),
        positions=[("director", wri)],
        evidence_start=start,
        evidence_end=start + len(sentence),
    )
    make_participation(event, make_person('=HYPERLINK("http://evil")'), role="attendee")
    return {"event": event, "wri": wri, "sentence": sentence, "report": report}


def read_csv(response):
    return list(csv.DictReader(io.StringIO(downloaded(response))))


def test_participations_csv_is_the_provenance_table(client, dialogue):
    response = client.get("/downloads/participations.csv", {"organisation": dialogue["wri"].slug})
    assert response["Content-Disposition"] == (
        'attachment; filename="participations-organisation-world-resources-institute.csv"'
    )
    assert read_csv(response) == [
        {
            "person": "Wang Can",
            "person_url": "http://testserver/speakers/wang-can/",
            "role": "speaker",
            "title": "director",
            "organisation": "World Resources Institute",
            "organisation_url": "http://testserver/organisations/world-resources-institute/",
            "event": "Dialogue on Coal",
            "event_url": "http://testserver/events/dialogue-on-coal/",
            "date": "March 2022",
            "city": "Taiyuan",
            "report": "Dialogue on Coal",
            "report_page": "http://testserver" + dialogue["report"].get_absolute_url(),
            "report_url": "",
            "evidence": dialogue["sentence"],
        }
    ]


def test_a_cell_a_spreadsheet_would_run_is_neutralised(client, dialogue):
    rows = read_csv(client.get("/downloads/participations.csv", {"role": "attendee"}))
    assert [row["person"] for row in rows] == ['\'=HYPERLINK("http://evil")']
    events = read_csv(client.get("/events/", {"format": "csv"}))
    assert events[0]["name"] == "Dialogue on Coal"


@pytest.mark.parametrize("value", ["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx"])
def test_every_formula_start_is_neutralised(value):
    from browse.views.lists import spreadsheet_safe

    assert spreadsheet_safe(value) == "'" + value
    assert spreadsheet_safe(3) == 3
    assert spreadsheet_safe(["a", "=b"]) == "a; =b"


def test_an_empty_download_still_has_its_header_and_bom(client, db):
    response = client.get("/downloads/participations.csv", {"city": "nowhere"})
    body = b"".join(response.streaming_content).decode()
    assert (
        body
        == "\ufeff"
        + ",".join(
            [
                "person",
                "person_url",
                "role",
                "title",
                "organisation",
                "organisation_url",
                "event",
                "event_url",
                "date",
                "city",
                "report",
                "report_page",
                "report_url",
                "evidence",
            ]
        )
        + "\r\n"
    )
    events = client.get("/events/", {"format": "csv", "year": 1999})
    assert downloaded(events).splitlines() == [
        "name,url,date,start,city,venue,part_of,topics,participants,attendance"
    ]


def test_participations_json_follows_the_filters(client, dialogue):
    response = client.get("/downloads/participations.json", {"topic": "coal", "role": "speaker"})
    assert response["Content-Disposition"] == (
        'attachment; filename="participations-role-speaker-topic-coal.json"'
    )
    rows = json.loads(downloaded(response))
    assert [(r["person"], r["evidence"]) for r in rows] == [("Wang Can", dialogue["sentence"])]
    assert client.get("/downloads/participations.xls").status_code == 404


@pytest.mark.parametrize("n", [2, 20])
def test_participation_download_streams_in_constant_queries(
    client, django_assert_max_num_queries, n
):
    event = make_event("Big Forum")
    org = make_organization("Asian Development Bank")
    for i in range(n):
        make_participation(event, make_person(f"Li Ming{i}"), positions=[("expert", org)])
    with django_assert_max_num_queries(2):
        response = client.get("/downloads/participations.csv")
        rows = read_csv(response)
    assert response.streaming
    assert len(rows) == n


def test_everything_dump_holds_every_record_kind(client, dialogue):
    response = client.get("/downloads/eventsdb.jsonl.gz")
    assert response.streaming
    assert response["Content-Disposition"] == 'attachment; filename="eventsdb.jsonl.gz"'
    lines = gzip.decompress(b"".join(response.streaming_content)).decode().splitlines()
    records = [json.loads(line) for line in lines]
    kinds = {record["type"] for record in records}
    assert kinds == {"city", "topic", "person", "organisation", "report", "event", "participation"}
    [event] = [r for r in records if r["type"] == "event"]
    assert event["topics"] == ["coal"] and event["city"] == "taiyuan"
    assert sum(r["type"] == "participation" for r in records) == 2


def test_list_pages_link_the_provenance_download_with_their_filters(client, dialogue):
    html = client.get("/events/", {"city": "taiyuan"}).content.decode()
    assert 'href="/downloads/participations.csv?city=taiyuan"' in html
    rows = read_csv(client.get("/downloads/participations.csv", {"city": "taiyuan"}))
    assert len(rows) == 2
    speakers = client.get("/speakers/", {"affiliation": "WRI"}).content.decode()
    assert 'href="/downloads/participations.csv?affiliation=WRI"' in speakers
    rows = read_csv(client.get("/downloads/participations.csv", {"affiliation": "WRI"}))
    assert [row["person"] for row in rows] == ["Wang Can"]


def test_the_topics_and_cities_lists_chart_what_they_list(client, dialogue):
    assert "Events per topic" in client.get("/topics/").content.decode()
    assert "Events per city" in client.get("/cities/").content.decode()
