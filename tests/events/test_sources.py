"""A report's source: the header block at the top of its file, its slug and its page."""

import datetime as dt
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command

from events.models import Report
from events.sources import ReportSource, split_source_header

SEED = Path(settings.BASE_DIR) / "seeds" / "001_32a4326f49d64b45.txt"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("URL: https://a.org/x\n\nBody", (ReportSource("https://a.org/x"), "Body")),
        (
            "date: 2020-06-02\nSOURCE: http://b.cn/y\n\nBody",
            (ReportSource("http://b.cn/y", dt.date(2020, 6, 2)), "Body"),
        ),
        ("\ufeffSource: https://a.org/x\n\nBody", (ReportSource("https://a.org/x"), "Body")),
        # Not a header: prose that happens to start with a known word, or no blank line after.
        (
            "Source: Xinhua said the forum opened\nin Beijing.",
            (ReportSource(), "Source: Xinhua said the forum opened\nin Beijing."),
        ),
        (
            "Headline\nSource: https://a.org\n\nBody",
            (ReportSource(), "Headline\nSource: https://a.org\n\nBody"),
        ),
        # A value that is not a URL or not a date is dropped, the block still ends there.
        ("Source: the ministry\nPublished: last week\n\nBody", (ReportSource(), "Body")),
    ],
)
def test_split_source_header(text, expected):
    assert split_source_header(text) == expected


@pytest.mark.django_db
def test_a_report_with_a_header_block_keeps_its_source_and_gets_a_slug_from_its_headline(
    tmp_path, client
):
    path = tmp_path / "cifcc.txt"
    path.write_bytes(
        b"Source: https://www.cifcc.org/news/round-table-2022.html\nPublished: 2022-11-02\n\n"
        + SEED.read_bytes()
    )
    call_command("load_reports", str(path), verbosity=0)
    report = Report.objects.get()
    assert report.source_url == "https://www.cifcc.org/news/round-table-2022.html"
    assert report.published == dt.date(2022, 11, 2)
    assert report.slug.startswith("2022-cifcc-round-table-meeting")
    assert not report.text.startswith("Source:")  # the block is not part of the report
    html = client.get(report.get_absolute_url()).content.decode()
    assert (
        'Original: <a href="https://www.cifcc.org/news/round-table-2022.html" rel="nofollow noopener">'
        in html
    )
    assert "Published 2 November 2022" in html
    assert '<h2 id="rep-records">Records this report supports</h2>' in html
    assert '<a href="/speakers/zou-ji/">Zou Ji</a>' in html


@pytest.mark.django_db
def test_a_report_without_a_source_says_so(client):
    call_command("load_reports", str(SEED), verbosity=0)
    report = Report.objects.get()
    assert report.source_url == "" and report.published is None
    html = client.get(report.get_absolute_url()).content.decode()
    assert "The original address of this report is not recorded" in html
