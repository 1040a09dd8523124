import pytest

from events.extraction.records import Span
from events.extraction.text import split_sentences
from events.extraction.topics import (
    _compile,
    _compile_scanner,
    _scan_starts,
    _starts_at_prefix,
    literal_prefix,
    load_vocabulary,
    lower_same_length,
    tag_topics,
)

# Topic slugs each hand-written report must be tagged with, best first.
EXPECTED = {
    "r01_breadcrumb_footer": ["green-finance"],
    "r02_range_parent": ["climate-adaptation"],
    "r03_no_year": ["hydrogen"],
    "r05_iso_district": ["carbon-trading", "capacity-building", "energy-conservation"],
}


@pytest.mark.parametrize("stem", sorted(EXPECTED))
def test_tag_topics_reads_each_report(report, stem):
    read = report(stem)
    assert [tag.slug for tag in tag_topics(read.text, read.sentences)] == EXPECTED[stem]


def test_load_vocabulary_has_unique_slugs_and_descriptions():
    vocabulary = load_vocabulary()
    assert 30 <= len(vocabulary) <= 45
    assert len({topic.slug for topic in vocabulary}) == len(vocabulary)
    assert all(topic.description.endswith(".") and topic.patterns for topic in vocabulary)


def test_tag_topics_matches_inflections_and_cites_the_first_sentence():
    text = (
        "Green Week\n\nFirms pledged to be carbon-neutral. "
        "Carbon neutrality was the theme. Cities aim at carbon neutral growth."
    )
    tags = [
        tag for tag in tag_topics(text, split_sentences(text)) if tag.slug == "carbon-neutrality"
    ]
    assert [(tag.evidence, tag.score) for tag in tags] == [(Span(12, 47), 5.0)]


def test_tag_topics_ignores_one_passing_mention_outside_the_lead():
    text = "Forum\n\nThe forum met. Experts spoke. Guests ate. One speaker mentioned urbanization."
    assert tag_topics(text, split_sentences(text)) == ()


def test_literal_prefix_of_a_topic_pattern():
    assert literal_prefix("carbon[- ]neutral(?:ity)?") == "carbon"
    assert literal_prefix("emissions? trading") == "emission"
    assert literal_prefix("ETS|emissions trading") == ""
    assert literal_prefix("(?:a|b)c") == ""


def test_starts_at_prefix_finds_what_finditer_finds():
    pattern = _compile("carbon[- ]neutral(?:ity)?")
    text = "Low-carbon neutral? Carbon neutrality, carbon-neutral; carbonneutral is not."
    expected = [m.start() for m in pattern.finditer(text)]
    assert list(_starts_at_prefix(pattern, "carbon", text, text.lower())) == expected
    assert expected == [20, 39]


def test_scan_starts_finds_what_finditer_finds():
    pattern, scanner = _compile("ETS|emissions trading"), _compile_scanner("ETS|emissions trading")
    text = "Sweets, ETS and emissions trading; pre-ETS, ETS-linked, ets."
    expected = [m.start() for m in pattern.finditer(text)]
    assert list(_scan_starts(scanner, text)) == expected
    assert expected == [8, 16, 56]


def test_lower_same_length_keeps_every_offset():
    text = "İzmir and ISTANBUL İnvest in carbon neutrality"
    lowered = lower_same_length(text)
    assert lowered == "izmir and istanbul invest in carbon neutrality"
    assert len(lowered) == len(text) and len(text.lower()) == len(text) + 2


def test_starts_at_prefix_finds_matches_after_a_dotted_capital_i():
    # One "İ" anywhere made text.lower() longer than the text, and every pattern then fell
    # back to scanning the whole report (10 s for 500 KB); the prefix path must still find
    # what finditer finds, at the text's offsets.
    pattern = _compile("investment in carbon")
    text = "İzmir: İNVESTMENT IN CARBON, then İnvestment in carbon."
    expected = [m.start() for m in pattern.finditer(text)]
    lowered = lower_same_length(text)
    assert list(_starts_at_prefix(pattern, "investment", text, lowered)) == expected
    assert expected == [7, 34]
