import subprocess
import sys

import pytest

from events.extraction.event_facts import (
    after_possessor,
    clean_headline,
    find_event_frame,
    find_organizers,
)
from events.extraction.records import OrganizerRole
from events.extraction.text import split_sentences

HOST, ORGANIZER, CO, SPONSOR, SUPPORTER = (
    OrganizerRole.HOST,
    OrganizerRole.ORGANIZER,
    OrganizerRole.CO_ORGANIZER,
    OrganizerRole.SPONSOR,
    OrganizerRole.SUPPORTER,
)

# name, part_of, venue, organisers (name, acronym, role), attendance (approx, text).
EXPECTED = {
    "r01_breadcrumb_footer": (
        "Green Finance and Climate Investment Dialogue",
        None,
        "Zhongguancun Exhibition Center",
        [
            ("Beijing Green Finance Association", "BGFA", ORGANIZER),
            ("Institute of Climate Finance", None, CO),
            ("Asian Carbon Bank", None, CO),
            ("Haidian District People's Government", None, SUPPORTER),
        ],
        (1000, "About 1,000"),
    ),
    "r02_range_parent": (
        "Urban Climate Adaptation Workshop",
        "Third Asia Climate Resilience Week",
        None,
        [
            ("Yunnan Provincial Ecological Environment Department", None, CO),
            ("Asian Resilience Partnership", "ARP", CO),
            ("Kunming University of Science and Technology", None, CO),
        ],
        (120, "More than 120"),
    ),
    "r03_no_year": (
        "Xiamen Hydrogen Industry Salon",
        None,
        "Xiamen International Conference Center",
        [("Xiamen Municipal Commission of Industry and Information Technology", None, HOST)],
        (80, "Nearly 80"),
    ),
    "r04_us_dates": (
        "Zero-Carbon Buildings Forum",
        None,
        None,
        [
            ("Shenzhen Green Building Association", None, SPONSOR),
            ("Example Real Estate Group", None, SPONSOR),
        ],
        (300, "Over 300"),
    ),
    "r05_iso_district": (
        "Carbon Market Capacity Building Training Session",
        None,
        None,
        [
            ("Binhai New Area", None, HOST),
            ("Tianjin Climate Exchange", None, ORGANIZER),
            ("Binhai Energy Saving Service Center", None, CO),
        ],
        (None, "Hundreds"),
    ),
    "r06_mojibake": (
        "Low-Carbon Transport Symposium",
        None,
        None,
        [("Zhejiang Transport Research Institute", None, HOST)],
        None,
    ),
}


@pytest.mark.parametrize("stem", sorted(EXPECTED))
def test_find_event_frame_reads_each_report(report, stem):
    read = report(stem)
    frame = find_event_frame(read.title, read.text, read.sentences, publisher=read.publisher)
    assert (
        frame.name.value,
        frame.part_of and frame.part_of.value,
        frame.venue and frame.venue.value,
        [(mention.name, mention.acronym, mention.role) for mention in frame.organizers],
        frame.attendance and (frame.attendance.approx, frame.attendance.text),
    ) == EXPECTED[stem]


def test_find_event_frame_gives_organizer_offsets_into_the_text(report):
    read = report("r01_breadcrumb_footer")
    frame = find_event_frame(read.title, read.text, read.sentences)
    assert [read.text[mention.start : mention.end] for mention in frame.organizers] == [
        mention.name for mention in frame.organizers
    ]


def _frame(title, body, publisher=None):
    text = f"{title}\n\n{body}"
    return find_event_frame(title, text, split_sentences(text), publisher=publisher)


def test_find_event_frame_does_not_take_a_person_who_hosted_for_an_organizer():
    frame = _frame(
        "Green Summit Held",
        "On May 3, the Green Summit was held. Ms. Rong Ma, director of the Council, hosted "
        "the summit. Edward Smith hosted the meeting.",
    )
    assert frame.organizers == ()


def test_find_event_frame_reads_a_series_acronym_from_the_publisher():
    frame = _frame(
        "2023 GCEF Dialogue--Carbon Markets",
        "On May 3, the dialogue was successfully held.",
        publisher="Global Clean Energy Forum",
    )
    assert (frame.name.value, frame.part_of.value) == (
        "GCEF Dialogue: Carbon Markets",
        "Global Clean Energy Forum",
    )


def test_find_event_frame_skips_programme_counts_for_attendance():
    frame = _frame(
        "Project Review Meeting Held",
        "On May 3, the meeting was held. Since 2019, 900 people participated in trainings. "
        "About 60 experts attended the meeting.",
    )
    assert (frame.attendance.approx, frame.attendance.text) == (60, "About 60")


@pytest.mark.parametrize(
    ("headline", "name"),
    [
        ("Inaugural green finance forum unveils in Pudong", "Green finance forum"),
        ("2022 Low Carbon Summit kicks off in Beijing", "Low Carbon Summit"),
        (
            "“City Climate Action Pilot Project” Review Meeting was successfully held",
            "City Climate Action Pilot Project Review Meeting",
        ),
        ("The “Belt and Road” Green Forum concluded successfully", "“Belt and Road” Green Forum"),
    ],
)
def test_clean_headline_removes_filler(headline, name):
    assert clean_headline(headline) == name


def test_extraction_package_imports_no_django():
    code = (
        "import sys, events.extraction.text, events.extraction.dates, events.extraction.places, "
        "events.extraction.topics, events.extraction.event_facts; "
        "print(any(name.startswith('django') for name in sys.modules))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"


def test_after_possessor_skips_a_possessing_body_or_place_only():
    assert after_possessor("European Commission's Directorate-General for Climate Action") == len(
        "European Commission's "
    )
    assert after_possessor("China's National Energy Administration") == len("China's ")
    assert after_possessor("People's Bank of China") == 0


def test_organisers_with_a_possessor_and_a_two_word_acronym():
    text = (
        "The dialogue was co-organised by the Ministry of Ecology and Environment and the "
        "European Commission's Directorate-General for Climate Action (DG CLIMA)."
    )
    found = [(m.name, m.acronym) for m in find_organizers(text, split_sentences(text))]
    assert found == [
        ("Ministry of Ecology and Environment", None),
        ("Directorate-General for Climate Action", "DG CLIMA"),
    ]


def test_a_programmes_heading_loses_its_trailing_date():
    assert clean_headline("Ocean Dialogue on Blue Carbon, 8 December 2023") == (
        "Ocean Dialogue on Blue Carbon"
    )
    assert clean_headline("Green Summit, May 3, 2021") == "Green Summit"


def test_organiser_acronym_with_digits_is_no_part_of_the_name():
    text = (
        "The forum was hosted by the Wuhan Municipal Government and the R20 Climate Network (R20)."
    )
    found = [(m.name, m.acronym) for m in find_organizers(text, split_sentences(text))]
    assert found == [("Wuhan Municipal Government", None), ("R20 Climate Network", "R20")]
