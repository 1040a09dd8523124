"""Fourth generalisation round: r47-r56 imitate organisers' and media sites (an association,
a district's news page, a city bureau, a provincial portal, a foreign aid project, a
knowledge city, a port group, a COP pavilion, a university news network, a foundation's
webinar); gold_round4/ was typed before the extractor read them.

The rules that round added, each on sentences of its own: a city named by or inside the
venue, a small foreign city vouched for by its country, an edition year opening the dated
sentence, site names stacked above the headline, publishers that are portals, projects, logos
or a body's section, stacked honorifics. The set's scores are kept by test_annotated_sets.py."""

from events.extraction import extract_report
from events.extraction.dates import find_event_dates
from events.extraction.places import find_places
from events.extraction.text import clean_report, split_sentences


def event_city(text: str) -> str | None:
    found = find_places(text, split_sentences(text))
    return found.city.name if found.city else None


def test_city_named_by_or_inside_the_venue():
    assert event_city(
        "On May 18, 2023, the forum was held at the Beijing International Hotel."
    ) == ("Beijing")
    assert event_city(
        "On Oct 21, the forum was held at the Xianlin Campus of Nanjing University."
    ) == ("Nanjing")


def test_small_foreign_city_vouched_for_by_its_country():
    text = (
        "On November 12, 2022, the side event was held at the China Pavilion of the 27th "
        "Conference of the Parties (COP27) in Sharm el-Sheikh, Egypt."
    )
    assert event_city(text) == "Sharm el-Sheikh"


def test_edition_year_opening_the_dated_sentence():
    text = "The 2021 China (Huzhou) Green Finance Summit opened in Huzhou on June 22."
    start, _ = find_event_dates(text, split_sentences(text))
    assert (start.year, start.month, start.day) == (2021, 6, 22)


def test_site_name_stacked_above_the_headline():
    cleaned = clean_report(
        "SHENZHEN GLOBAL\nAbout | News | Contact\n\n"
        "Round Table on Zero-Carbon Buildings Held at Shenzhen Bay\n\n"
        "On August 25, 2022, the Round Table on Zero-Carbon Buildings was held at the "
        "Shenzhen Bay Science and Technology Ecological Park in Shenzhen.\n"
    )
    assert cleaned.publisher == "SHENZHEN GLOBAL"
    assert cleaned.title == "Round Table on Zero-Carbon Buildings Held at Shenzhen Bay"


def test_portals_logos_and_sections_are_no_organisations():
    report = extract_report(
        "TIANJIN PORT GROUP\n首页 | Home > Media Center > Group News\n\n"
        "Green Port Forum held in Tianjin\n\n"
        "On September 14, 2023, the Green Port Forum was held in Tianjin. It was undertaken by "
        "Tianjin Port Group Co., Ltd. and the China Ports and Harbours Association.\n",
        source="t.txt",
    )
    assert [o.name for o in report.organizations] == [
        "Tianjin Port Group Co., Ltd.",
        "China Ports and Harbours Association",
    ]


def test_stacked_honorifics_before_a_name():
    report = extract_report(
        "Energy dialogue held in Chengdu\n\nOn 10 December 2020, the dialogue was held in "
        "Chengdu. Keynote speeches were delivered by Prof. Dr. Claudia Kemfert, Head of the "
        "Energy Department at the German Institute for Economic Research.\n",
        source="t.txt",
    )
    names = [p.name.display for p in report.events[0].participants]
    assert names == ["Claudia Kemfert"]
