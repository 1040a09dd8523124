import pytest

from events.extraction import extract_report
from events.extraction.dates import (
    closing_day_span,
    dates_in_headline,
    day_before,
    day_in_page_month,
    days_said_next,
    find_edition_year,
    find_event_dates,
    held_the_year_before,
    in_aside_of_another_matter,
    is_dated_event_noun,
    is_founding_date,
    is_page_stamp,
    is_scheduled,
    is_speech_headline,
    read_day_and_month,
    says_still_to_come,
    weekday_on_or_before,
    writes_day_first,
    year_in_event_name,
    year_of_a_nearby_date,
    year_stamped_in_brackets,
)
from events.extraction.records import PartialDate, Span
from events.extraction.text import split_sentences

# (year, month, day, words) of start and end for each hand-written report.
EXPECTED = {
    "r01_breadcrumb_footer": ((2021, 11, 17, "On 17 November 2021"), None),
    "r02_range_parent": ((2021, 5, 17, "from 17 to 19 May 2021"), (2021, 5, 19)),
    "r03_no_year": ((None, 6, 8, "On June 8"), None),
    "r04_us_dates": ((2022, 11, 17, "Nov. 17-18, 2022"), (2022, 11, 18)),
    "r05_iso_district": ((2023, 4, 12, "2023-04-12"), None),
    "r06_mojibake": ((2020, 9, 23, "On the morning of September 23, 2020"), None),
}


def _as_tuples(start, end):
    return (
        start and (start.year, start.month, start.day, start.text),
        end and (end.year, end.month, end.day),
    )


@pytest.mark.parametrize("stem", sorted(EXPECTED))
def test_find_event_dates_reads_each_report(report, stem):
    read = report(stem)
    start, end = find_event_dates(read.text, read.sentences, title=read.title)
    assert _as_tuples(start, end) == EXPECTED[stem]


def test_find_event_dates_points_evidence_at_the_sentence(report):
    read = report("r03_no_year")
    start, _ = find_event_dates(read.text, read.sentences, title=read.title)
    assert start.evidence.of(read.text).startswith("On June 8, the Xiamen Municipal Commission")


def _dates(text, title=""):
    return _as_tuples(*find_event_dates(text, split_sentences(text), title=title))


def test_find_event_dates_never_takes_a_year_from_history_or_targets():
    text = (
        "Forum opens\n\nThe plan launched in 2017 runs to 2030. On July 19, the forum was held "
        "to review the 13th Five-Year Plan (2016-20). Emissions must fall by May 1, 2025."
    )
    assert _dates(text, "Forum opens") == ((None, 7, 19, "On July 19"), None)


def test_find_event_dates_takes_the_edition_year_from_the_headline():
    title = "2023 CIFTIS Green Finance Forum Held"
    assert _dates(f"{title}\n\nOn September 4, the forum was held.", title) == (
        (2023, 9, 4, "On September 4"),
        None,
    )


@pytest.mark.parametrize(
    ("title", "year"),
    [
        ("2022 CIFCC Round Table Meeting--Green Industry", 2022),
        ("The 2021 Low Carbon Summit", 2021),
        ("Pudong forum held on July 19", None),
        ("Plans for 2030 carbon peak discussed", None),
        ("2021 Forum looks to 2060", None),
    ],
)
def test_find_edition_year_needs_a_leading_year_and_no_other(title, year):
    assert find_edition_year(title) == year


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The forum was held on 2020/11/17.", ((2020, 11, 17, "on 2020/11/17"), None)),
        (
            "The expo ran June 30 to July 2, 2021.",
            ((2021, 6, 30, "June 30 to July 2, 2021"), (2021, 7, 2)),
        ),
        (
            "The summit was held on the 5th of March 2022.",
            ((2022, 3, 5, "5th of March 2022"), None),
        ),
        ("The forum was held in September 2021.", ((2021, 9, None, "in September 2021"), None)),
        (
            "The forum will be held on 4 March (Monday) 2024.",
            ((2024, 3, 4, "on 4 March (Monday) 2024"), None),
        ),
        ("Nothing happened.", (None, None)),
    ],
)
def test_find_event_dates_reads_other_shapes(sentence, expected):
    assert _dates(sentence) == expected


def test_a_dateline_dates_the_event_only_when_the_lead_says_on_monday():
    text = "Engineers gathered on Monday for a seminar on heat pumps. Trials end on May 30."
    sentences = split_sentences(text)
    start, _ = find_event_dates(text, sentences, dateline=(None, 12, 2), published=(2019, 12, 3))
    assert (start.year, start.month, start.day) == (2019, 12, 2)
    no_cue = "Engineers met for a seminar on heat pumps."
    assert find_event_dates(no_cue, split_sentences(no_cue), dateline=(None, 12, 2)) == (
        None,
        None,
    )


def test_a_page_date_gives_its_year_to_an_earlier_date_only():
    text = "The seminar on heat pumps was held on Nov 28 in Harbin."
    start, _ = find_event_dates(text, split_sentences(text), published=(2019, 12, 3))
    assert (start.year, start.month, start.day) == (2019, 11, 28)
    # Filed before the date it names: which year that is, the page does not say.
    start, _ = find_event_dates(text, split_sentences(text), published=(2019, 10, 3))
    assert (start.year, start.month, start.day) == (None, 11, 28)
    text = "The seminar on heat pumps was held today, Dec 3, in Harbin."
    start, _ = find_event_dates(text, split_sentences(text), published=(2019, 12, 3))
    assert (start.year, start.month, start.day) == (2019, 12, 3)


def test_a_wire_dateline_gives_its_year_to_an_earlier_date():
    text = "The 15th Chinese Renewable Energy Conference began on November 2nd in Wuxi."
    start, _ = find_event_dates(text, split_sentences(text), dateline=(2023, 11, 6))
    assert (start.year, start.month, start.day) == (2023, 11, 2)


@pytest.mark.parametrize(
    ("sentence", "year"),
    [
        ("On May 9th, CCIEE held the 2018 Annual Conference on Sustainability in Beijing.", 2018),
        ("On July 5, Eco Forum Global Guiyang 2025 officially opened in Guiyang.", 2025),
        ("On June 13, the UNIDO Day 2024 was held at the fair.", 2024),
        ("On October 11, CCG held the 2024 fifth edition of the CCG VIP Luncheon.", 2024),
        ("On May 9, the forum set goals for 2030 and 2060.", None),
        ("The 2019 Forum and the 2020 Summit were announced.", None),
    ],
)
def test_year_in_event_name(sentence, year):
    assert year_in_event_name(sentence) == year


def test_edition_year_opening_the_dated_sentence():
    text = "The 2021 China (Huzhou) Green Finance Summit opened in Huzhou on June 22."
    start, _ = find_event_dates(text, split_sentences(text))
    assert (start.year, start.month, start.day) == (2021, 6, 22)


def test_a_release_with_no_date_in_its_body_is_dated_by_its_dateline():
    text = "At the side event, leaders discussed China's plans."
    start, _ = find_event_dates(text, split_sentences(text), dateline=(2011, 12, 6))
    assert (start.year, start.month, start.day) == (2011, 12, 6)


def test_a_year_alone_from_the_event_name_or_the_page_date():
    text = "The 2025 Qingdao Venture Capital Conference spotlighted green finance this week."
    start, _ = find_event_dates(text, split_sentences(text))
    assert (start.year, start.month, start.day) == (2025, None, None)
    text = "An international seminar on green finance has been held in Beijing."
    start, _ = find_event_dates(text, split_sentences(text), published=(2017, 9, 7))
    assert (start.year, start.month, start.day) == (2017, None, None)
    # Before the page's date by an unknown span, the event may lie in another year.
    text = "The finance week wrapped up last week in the capital. It was hosted by the bureau."
    assert find_event_dates(text, split_sentences(text), published=(2022, 1, 5)) == (None, None)


def test_years_of_goals_are_no_event_name_year():
    sentence = "Xi declared efforts to peak carbon by 2030 and carbon neutrality by 2060 at the General Assembly."
    assert year_in_event_name(sentence) is None


def test_year_stamped_in_brackets_by_a_wire_agency():
    assert year_stamped_in_brackets("CNA (2011/05/28) The conference was held on May 27.") == (
        2011,
        5,
        28,
    )
    assert year_stamped_in_brackets("It was held on May 27 (local time).") is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "CNA (2011/05/28) The parliament held a conference on May 27 in Brussels.",
            (2011, 5, 27),
        ),
        (
            "The speech at the 12th Eco Expo Asia today (October 26) follows.\n\n"
            "Eco Expo Asia 2017 is one of the major events of the year.",
            (2017, 10, 26),
        ),
    ],
)
def test_a_year_the_report_states_elsewhere(text, expected):
    start, _ = find_event_dates(text, split_sentences(text))
    assert (start.year, start.month, start.day) == expected


def _start(text):
    start = extract_report(text, source="x.txt").events[0].start
    return start and (start.year, start.month, start.day)


def test_founding_date_is_not_the_event_date():
    assert is_founding_date("The Institute, founded ") and not is_founding_date("was held ")
    text = (
        "Forum on green growth\n\nThe Green Growth Institute, founded on 3 March 2009, held its "
        "annual forum on June 5 in Nanjing.\nPublished: 2020-06-08"
    )
    assert _start(text) == (2020, 6, 5)


def test_weekday_and_time_make_a_schedule_line():
    assert is_scheduled("Thursday, ", " | 5:00 - 6:30 p.m. (Pacific Time)")
    assert not is_scheduled("Friday, ", "")
    assert not is_scheduled("announced on ", " | 5:00")


def test_dates_in_headline_for_a_body_with_none():
    title = "Green Forum held in Nanjing on 5 June 2019"
    found = dates_in_headline(f"{title}\n\nExperts met.", title)
    assert [(c.start.year, c.start.month, c.start.day) for c in found] == [(2019, 6, 5)]
    assert dates_in_headline("16 January 2020\n\nText.", "16 January 2020") == []


def test_pages_dated_by_a_bare_numeric_or_labelled_line():
    assert _start("Forum ends\n2015-05-15\nThe forum wrapped up May 13 in Taipei.") == (2015, 5, 13)
    text = "Forum\nPosted on June 8, 2020 by admin\n\nThe forum was held on June 5 in Nanjing."
    assert _start(text) == (2020, 6, 5)


def test_event_page_date_label():
    text = "Green Forum\n\nDate: 14 November 2018\nVenue: Nanjing Expo Center\n\nExperts met."
    assert _start(text) == (2018, 11, 14)


def test_closing_day_of_an_n_day_event_gives_its_first_day():
    assert closing_day_span("The three-day expo wrapped up in Lanzhou on ") == 3
    assert closing_day_span("The two-day expo opened on ") is None
    text = "Expo closes\n\nThe two-day Solar Expo concluded in Lanzhou on March 1, 2024."
    start, end = find_event_dates(text, split_sentences(text), title="Expo closes")
    assert (start.year, start.month, start.day) == (2024, 2, 29)
    assert (end.year, end.month, end.day) == (2024, 3, 1)


def test_a_bare_day_is_dated_by_the_page_month():
    assert day_in_page_month(30, (2022, 6, 2)) == (2022, 5, 30)
    assert day_in_page_month(1, (2022, 6, 2)) == (2022, 6, 1)
    assert day_in_page_month(28, (2023, 1, 3)) == (2022, 12, 28)
    text = "Wind Salon\n\nOn the 28th, the Wind Salon was held in Dalian."
    start, _ = find_event_dates(
        text, split_sentences(text), title="Wind Salon", published=(2021, 4, 2)
    )
    assert (start.year, start.month, start.day) == (2021, 3, 28)
    start, _ = find_event_dates(text, split_sentences(text), title="Wind Salon")
    assert start is None or start.day is None


@pytest.mark.parametrize(
    "sentence",
    ["It will be held on 8 December (Friday) 2023.", "It was held on May 5 (Sunday), 2019."],
)
def test_a_weekday_in_brackets_keeps_the_year_with_its_day(sentence):
    report = extract_report(f"Water Forum\n\n{sentence}".encode(), source="x.txt")
    assert report.events[0].start.year in (2023, 2019)
    assert report.events[0].start.day in (8, 5)


def test_the_date_after_the_events_own_noun_wins():
    assert is_dated_event_noun("The Annual Symposium ")
    assert not is_dated_event_noun("The training was co-hosted ")
    text = (
        "Ocean Week held in Xiamen\n\nThe training was co-hosted on 3 June 2019 by the "
        "institute. In the morning of 3 June, experts met. The Ocean Week forum on 4 June was "
        "opened by the mayor."
    )
    start, _ = find_event_dates(text, split_sentences(text), title="Ocean Week held in Xiamen")
    assert (start.year, start.month, start.day) == (2019, 6, 4)


def test_a_date_without_year_takes_the_year_of_a_full_date_within_a_week():
    from events.extraction.records import PartialDate

    day = PartialDate(None, 11, 28, None, "")
    assert year_of_a_nearby_date(day, [PartialDate(2019, 11, 27, None, "")]) == 2019
    assert year_of_a_nearby_date(day, [PartialDate(2019, 3, 27, None, "")]) is None
    two_years = [PartialDate(2019, 11, 27, None, ""), PartialDate(2020, 11, 26, None, "")]
    assert year_of_a_nearby_date(day, two_years) is None


def test_an_event_that_closed_on_a_day_runs_back_as_long_as_the_next_sentence_says():
    assert days_said_next("The conference wrapped up ", "The two-day event drew 220 people.") == 2
    assert days_said_next("The conference opened ", "The two-day event drew 220 people.") is None
    text = (
        "Energy forum ends\n\nThe Conference on Grid Power wrapped up June 14, 2016 in Hefei. "
        "Organized by the city, the three-day event drew 300 experts."
    )
    start, end = find_event_dates(text, split_sentences(text), title="Energy forum ends")
    assert (start.day, end.day) == (12, 14)


def test_a_wire_weekday_without_on_dates_the_event_by_its_dateline():
    assert _start(
        b"Climate summit opens\n\nSEATTLE, Sept. 13 (Xinhua) -- Envoys met mayors at the "
        b"Climate Summit that opened in Seattle Thursday. They signed a pledge.\n\n"
        b"Published: 2018-09-14",
    ) == (2018, 9, 13)


def test_a_page_dated_lead_held_on_a_weekday_leaves_later_dates_to_other_matters():
    assert _start(
        b"Tea forum looks ahead\n\nCNS, March 4, 2015\n\nGrowers held a tea forum on Tuesday "
        b"in Hangzhou.\n\nIt prepared the coming Tea Day on March 21.",
    ) == (2015, None, None)
    opened = extract_report(
        b"Tea forum looks ahead\n\nCNS, March 4, 2015\n\nThe tea forum opened on 2 March in "
        b"Hangzhou.\n\nOn Tuesday, the tea forum session heard growers.",
        source="x.txt",
    )
    start = opened.events[0].start
    assert (start.year, start.month, start.day) == (2015, 3, 2)


def _start_and_end(text):
    start, end = find_event_dates(text, split_sentences(text))
    return (start.year, start.month, start.day), end and (end.year, end.month, end.day)


def test_numeric_day_and_month_are_told_apart_by_size_or_by_the_report_s_order():
    assert read_day_and_month(25, 11, "/", None) == (25, 11)
    assert read_day_and_month(5, 20, "-", None) == (20, 5)
    assert read_day_and_month(5, 11, "/", False) == (11, 5)
    assert read_day_and_month(5, 11, "/", None) is None
    assert read_day_and_month(5, 11, ".", None) == (5, 11)
    assert writes_day_first("held on 5 November 2019, closing by 6 December") is True
    assert writes_day_first("held on November 5, 2019") is False
    assert writes_day_first("held on 2019-11-05") is None
    assert _start_and_end(
        "The tea forum was held on 04/03/2015. Its next round is on 9 May 2016."
    ) == (
        (2015, 3, 4),
        None,
    )
    assert _start_and_end("The tea forum was held on 03/21/2015 in Hangzhou.") == (
        (2015, 3, 21),
        None,
    )


def test_a_chinese_written_date_inside_english_text():
    assert _start_and_end("The tea forum was held on 2015年3月4日至6日 in Hangzhou.") == (
        (2015, 3, 4),
        (2015, 3, 6),
    )
    assert _start_and_end("The tea forum was held in 2015年3月 in Hangzhou.") == (
        (2015, 3, None),
        None,
    )


def test_on_the_nth_is_dated_by_the_wire_dateline_month():
    assert day_in_page_month(30, (None, 12, 1)) == (None, 11, 30)
    assert _start(
        b"Tea forum\n\nHANGZHOU, Dec. 1 (Xinhua) -- On the 30th, the tea forum was held in "
        b"Hangzhou. Growers came.",
    ) == (None, 11, 30)
    assert _start(
        b"Tea forum\n\nHANGZHOU, Dec. 6, 2015 /PRNewswire/ -- On the 5th, the tea forum was "
        b"held in Hangzhou. Growers came.",
    ) == (2015, 12, 5)


def test_an_event_held_yesterday_is_dated_the_day_before_the_filing():
    before = day_before((2019, 3, 1), Span(0, 0))
    assert (before.year, before.month, before.day) == (2019, 2, 28)
    assert day_before((None, 5, 6), Span(0, 0)).year is None
    assert _start(
        b"Tea forum\n\nHANGZHOU, Dec. 1 (Xinhua) -- The tea forum was held in Hangzhou "
        b"yesterday. Growers came.",
    ) == (None, 11, 30)


def test_on_the_afternoon_of_the_nth_is_a_day_of_the_filing_month():
    assert _start(
        b"Tea forum\n\nPublished: 2015-03-16\n\nOn the afternoon of the 15th, the tea forum was "
        b"held in Hangzhou. Growers came.",
    ) == (2015, 3, 15)


def test_an_event_held_today_on_a_dated_page_is_dated_by_the_page():
    assert _start(
        b"Tea fair opens\n\nPublished: 2019-05-05\n\nThe tea fair opened today in Hangzhou. "
        b"Growers came.",
    ) == (2019, 5, 5)


def test_a_date_later_than_the_page_s_takes_its_year_when_the_event_is_still_to_come():
    assert says_still_to_come("The tea fair will be held on 20 May in Hangzhou.")
    assert not says_still_to_come("The tea fair was held on 20 May.")
    assert _start(
        b"Tea fair ahead\n\nPublished: 2019-05-07\n\nThe tea fair will be held on 20 May in "
        b"Hangzhou. Growers will come.",
    ) == (2019, 5, 20)


def test_a_late_december_event_on_a_january_page_was_held_the_year_before():
    december = PartialDate(None, 12, 28, Span(0, 0), "December 28")
    assert held_the_year_before(december, (2020, 1, 5), "The fair was held on December 28.")
    assert not held_the_year_before(december, (2020, 1, 5), "The fair will open on December 28.")
    june = PartialDate(None, 6, 28, Span(0, 0), "June 28")
    assert not held_the_year_before(june, (2020, 1, 5), "The fair was held on June 28.")
    assert _start(
        b"Tea fair ends\n\nPublished: 2020-01-05\n\nThe tea fair was held on December 28 in "
        b"Hangzhou. Growers came.",
    ) == (2019, 12, 28)


def test_a_nearby_full_date_across_a_month_or_year_end_gives_the_year():
    end_of_month = PartialDate(None, 11, 30, Span(0, 0), "30 November")
    written = PartialDate(2020, 12, 2, Span(0, 0), "2 December 2020")
    assert year_of_a_nearby_date(end_of_month, [written]) == 2020
    new_year = PartialDate(None, 1, 2, Span(0, 0), "2 January")
    assert year_of_a_nearby_date(new_year, [PartialDate(2020, 12, 30, Span(0, 0), "")]) == 2021
    for written in ("from 30 December to 2 January 2021", "on 2020年12月30日至1月2日"):
        assert _start_and_end(f"The tea fair ran {written} in Hangzhou.") == (
            (2020, 12, 30),
            (2021, 1, 2),
        )


def test_a_month_printed_in_capitals():
    assert _start_and_end("The tea fair opened in Hangzhou on 30 NOVEMBER 2020.") == (
        (2020, 11, 30),
        None,
    )


def test_an_event_inaugurated_is_dated_but_a_body_inaugurated_is_not():
    assert not is_founding_date("The 5th Green Forum was inaugurated ")
    assert is_founding_date("The Clean Energy Centre, inaugurated ")
    assert _start(
        b"Green forum opens\n\nThe 5th Green Forum was inaugurated on July 23, 2020 in Xining. "
        b"Guests came."
    ) == (2020, 7, 23)


def test_a_page_s_updated_label_is_not_the_event_date():
    assert is_page_stamp("\u3010Updated :") and not is_page_stamp("was held ")
    assert _start(
        "Green forum opens\n\n\u3010Updated :August 05,20 3:23 PM\u3011\n\nThe green forum "
        "was held in Xining on July 23, 2020. Guests came."
    ) == (2020, 7, 23)


def test_a_photo_caption_s_event_date_gives_way_to_the_held_event_s():
    assert _start(
        b"Climate calls\n\nCars at the Shanghai Carbon Expo on June 5\n\nThe push goes on. "
        b"The Carbon Forum was held at Tsinghua University in Beijing on September 26. "
        b"Guests came.\n\nPublished: 2025-10-20"
    ) == (2025, 9, 26)


def test_a_wire_lead_s_weekday_dates_the_event_on_or_before_the_filing():
    assert weekday_on_or_before((2023, 6, 20), "The expo kicked off on Monday") == (2023, 6, 19)
    assert weekday_on_or_before((2015, 6, 27), "opened here on Saturday") == (2015, 6, 27)
    assert weekday_on_or_before((2015, 6, 27), "opened here") == (2015, 6, 27)
    assert _start(
        b"Expo opens\n\nSUBSCRIBE\n\nBEIJING, June 20, 2023 /PRNewswire/ -- The 2023 Energy Expo "
        b"kicked off on Monday in Changzhou. Guests came."
    ) == (2023, 6, 19)


def test_a_month_abbreviation_glued_to_its_day_dates_a_colon_dateline():
    assert _start(
        b"Professor honoured\n\nPeking University, Oct.23, 2014: A professor visited PKU. The "
        b"awarding ceremony was "
        b"held on the morning of Oct 17. He spoke."
    ) == (2014, 10, 17)


def test_the_day_a_series_was_first_held_is_its_history():
    assert _start(
        b"Green forum held\n\nThe green forum was first held on 5 June 2009. This year it was "
        b"held in Nanjing on 6 June 2019. Guests came."
    ) == (2019, 6, 6)


def test_a_year_after_an_event_name_with_its_city_in_brackets():
    assert year_in_event_name("Green Forum (Xiamen) 2018 drew 300 guests.") == 2018


def test_a_founding_day_is_never_the_event_s_even_when_alone():
    assert is_founding_date("Since its establishment ")
    assert (
        _start(
            b"Green forum held\n\nThe Green Alliance was founded on 3 March 2009 in Beijing. It "
            b"held its annual forum in Nanjing. Guests came."
        )
        is None
    )


def test_the_year_of_an_edition_dates_the_event():
    assert year_in_event_name("The green forum, the 2019 edition of the series, opened") == 2019


def test_a_page_line_after_its_share_widgets_dates_a_lead_that_names_only_a_weekday():
    assert _start(
        b"Ports sign green pact\n\n3 CommentsPrint E-mail Tass, June 4, 2011\n\n"
        b"Two port authorities on Friday inaugurated a joint office for cleaner shipping."
    ) == (2011, None, None)


def test_a_stamp_in_another_script_dates_the_page_not_the_event():
    assert _start(
        "Mayor opens river forum\n\n\u65b0\u95fb 2021-04-06 88\n\n"
        "The river forum was held in Wuhan. Guests came."
    ) == (2021, None, None)


def test_a_speech_headline_dates_the_speech_by_the_page_s_year():
    assert is_speech_headline("Envoy Li Ming Delivers a Keynote Speech at the Opening of the Fair")
    assert is_speech_headline("Minister speaks at the launch of a river fund")
    assert not is_speech_headline("Remarks by Li Ming")
    assert not is_speech_headline("Speech contest set for May")
    assert _start(
        b"Envoy Li Ming Delivers a Speech at the Launch of the River Council\n\n"
        b"Published: 2021-05-03\n\nDear friends,\n\nIt is a delight to join you today."
    ) == (2021, None, None)


def test_a_date_in_a_relative_clause_of_another_matter_is_not_the_event_s():
    assert in_aside_of_another_matter(
        "The Alliance, which signed a pact on ", " in Lima, held its forum on 5 May"
    )
    assert not in_aside_of_another_matter(
        "The forum, which was held on ", " in Lima, drew 300 guests"
    )
    assert not in_aside_of_another_matter("The forum was held on ", ", with 300 guests")
    assert _start(
        b"River forum\n\nThe River Alliance, which signed a pact on 3 March 2018, held its "
        b"forum in Wuhan on 5 November 2019. Guests came."
    ) == (2019, 11, 5)
