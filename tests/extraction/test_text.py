import pytest

from events.extraction.records import ReportError
from events.extraction.text import (
    MAX_BYTES,
    Dateline,
    clean_report,
    credited_date_line,
    credited_source,
    date_line,
    decode_report,
    drop_bracket_label,
    drop_follow_prompt,
    event_date_label,
    find_buried_datelines,
    first_date_in,
    hard_wrap_width,
    is_country_or_province,
    is_headline,
    is_listed_person_item,
    labelled_date_line,
    numeric_date_line,
    photo_credit_agencies,
    read_dateline,
    repair_gbk_punctuation,
    split_dateline,
    split_page_date_prefix,
    split_sentences,
    unglue_sentences,
    unlettered_date_line,
)

# Expected headline, publisher and repairs of each hand-written report.
EXPECTED = {
    "r01_breadcrumb_footer": (
        "Green Finance Dialogue Opens in Haidian District",
        "Example Climate Daily",
        ("photo-credit", "page-furniture"),
    ),
    "r03_no_year": ("Xiamen Hydrogen Industry Salon kicks off", None, ("photo-credit",)),
    "r04_us_dates": (
        "Zero-Carbon Buildings Forum held in Shenzhen",
        "Example Green Building Network",
        (),
    ),
    "r06_mojibake": (
        "Low-Carbon Transport Symposium was held in Hangzhou",
        None,
        ("gbk-mojibake", "utf8-mojibake"),
    ),
}


@pytest.mark.parametrize("stem", sorted(EXPECTED))
def test_clean_report_finds_headline_publisher_and_repairs(report, stem):
    read = report(stem)
    assert (read.title, read.publisher, read.repairs) == EXPECTED[stem]


def test_clean_report_strips_page_furniture(report):
    text = report("r01_breadcrumb_footer").text
    for junk in ("Home >", "Skip to", "Editor:", "Source:", "(Photo", "Site Map", "Copyright"):
        assert junk not in text
    assert text.split("\n\n")[0] == "Green Finance Dialogue Opens in Haidian District"
    assert text.split("\n\n")[1].startswith("On 17 November 2021, the Green Finance")


def test_clean_report_repairs_both_mojibakes_and_keeps_accents(report):
    text = report("r06_mojibake").text
    assert "The “green travel” campaign ended with a café debate on Zürich’s tram network." in text
    assert "The city’s new electric buses" in text


def test_repair_gbk_punctuation_leaves_latin_text_alone():
    assert repair_gbk_punctuation("¡°policy and trend¡± ¡¤ Lalić, café") == (
        "“policy and trend” · Lalić, café"
    )


def test_clean_report_drops_inline_photo_credit_but_keeps_caption():
    cleaned = clean_report(
        "Forum held\n\nOn May 2, the forum was held. [Photo/WeChat account: x]\n"
    )
    assert cleaned.text == "Forum held\n\nOn May 2, the forum was held."


def test_clean_report_joins_hard_wrapped_lines():
    cleaned = clean_report(
        "Title Forum\n\nThe forum was held in\nChengdu and many came.\nNext line."
    )
    assert (
        cleaned.text
        == "Title Forum\n\nThe forum was held in\n\nChengdu and many came.\n\nNext line."
    )
    wrapped = clean_report("Title Forum\n\nThe forum was held\nin Chengdu.")
    assert wrapped.text == "Title Forum\n\nThe forum was held in Chengdu."


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ("Forum “held” in Zürich".encode(), ("Forum “held” in Zürich", "utf-8")),
        ("\ufeffForum".encode(), ("Forum", "utf-8-sig")),
        ("Forum “held”".encode("utf-16"), ("Forum “held”", "utf-16")),
        ("Forum held in Beijing".encode("utf-16-le"), ("Forum held in Beijing", "utf-16-le")),
        ("Forum held in Beijing".encode("utf-16-be"), ("Forum held in Beijing", "utf-16-be")),
        ("论坛在北京举行。Forum held.".encode("gbk"), ("论坛在北京举行。Forum held.", "gb18030")),
        (
            "Café in Zürich, Lalić".encode().decode("utf-8").encode("cp1250"),
            ("Café in Zürich, Laliæ", "cp1252"),
        ),
        ("Café in Zürich".encode("latin-1"), ("Café in Zürich", "cp1252")),
    ],
)
def test_decode_report_reads_common_encodings(data, expected):
    assert decode_report(data) == expected


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "the file is empty or holds only whitespace"),
        (b"  \n\t ", "the file is empty or holds only whitespace"),
        (
            b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x01",
            "the file is binary (it contains NUL bytes), not a text report",
        ),
        (
            bytes(range(1, 32)) * 10,
            "the file is binary (too many control characters), not a text report",
        ),
        (
            b"a" * (MAX_BYTES + 1),
            f"the file is {MAX_BYTES + 1:,} bytes; reports over {MAX_BYTES:,} bytes are refused",
        ),
    ],
)
def test_decode_report_refuses_unreadable_input(data, message):
    with pytest.raises(ReportError) as raised:
        decode_report(data)
    assert str(raised.value) == message


def test_split_sentences_keeps_abbreviations_initials_and_decimals():
    text = (
        "Forum Held\n\nMr. Liu of Danfoss Co., Ltd. said that 2.5% of U.S. output fell. "
        "Carter J.Brandon and Abdulrahman A. Elkhereiji of the P.R.C. team agreed on No. 5. "
        "The forum ended."
    )
    sentences = [span.of(text) for span in split_sentences(text)]
    assert sentences == [
        "Forum Held",
        "Mr. Liu of Danfoss Co., Ltd. said that 2.5% of U.S. output fell.",
        "Carter J.Brandon and Abdulrahman A. Elkhereiji of the P.R.C. team agreed on No. 5.",
        "The forum ended.",
    ]


def test_split_sentences_keeps_a_headline_with_a_full_stop_whole():
    text = "A chapter was written. The Forum concluded\n\nOn June 27, it ended."
    assert [span.of(text) for span in split_sentences(text)] == [
        "A chapter was written. The Forum concluded",
        "On June 27, it ended.",
    ]


def test_wire_datelines_are_split_off_and_kept():

    for line, city, month, day in [
        ("CHANGSHA, Sept. 9 (Xinhua) -- Engineers met to", "Changsha", 9, 9),
        ("HONG KONG, Oct. 12 /PRNewswire/ -- A fund opened", "Hong Kong", 10, 12),
        ("WUHAN, Nov 2 (China Daily) Delegates agreed", "Wuhan", 11, 2),
        ("NANJING, March 3 (Xinhua) — Mayors pledged", "Nanjing", 3, 3),
    ]:
        dateline, rest = split_dateline(line)
        assert dateline == Dateline(city, None, month, day, dateline.agency), line
        assert rest[0].isupper() and "(" not in rest[:3]
    assert split_dateline("Wang Li, June 4 was the day the plan began.")[0] is None


def test_publication_lines_are_furniture_but_their_date_is_kept():
    report = clean_report(
        "Harbin hosts cold-climate heat pump seminar\nPublished: 2019-12-03\n\n"
        "HARBIN, Dec. 2 (Xinhua) -- Engineers gathered on Monday for a seminar on heat pumps."
    )
    assert report.published == (2019, 12, 3)
    assert report.dateline.city == "Harbin"
    assert "Published" not in report.text and "(Xinhua)" not in report.text


def test_publication_label_glued_to_its_date_is_still_a_publication_line():
    for line in ("2020-04-21Source: Green Futures Network", "datetime:2020-04-21 09:30:12"):
        report = clean_report(
            f"Tidal energy workshop held\n{line}\n\n"
            "On April 20, experts met in Xiamen to discuss tidal energy."
        )
        assert report.published == (2020, 4, 21), line


def test_site_name_stacked_above_the_headline():
    cleaned = clean_report(
        "SHENZHEN GLOBAL\nAbout | News | Contact\n\n"
        "Round Table on Zero-Carbon Buildings Held at Shenzhen Bay\n\n"
        "On August 25, 2022, the Round Table on Zero-Carbon Buildings was held at the "
        "Shenzhen Bay Science and Technology Ecological Park in Shenzhen.\n"
    )
    assert cleaned.publisher == "SHENZHEN GLOBAL"
    assert cleaned.title == "Round Table on Zero-Carbon Buildings Held at Shenzhen Bay"


def test_split_page_date_prefix_before_the_headline():
    date, lines = split_page_date_prefix(["", "date 2023-11-06 The 15th Conference Opens", "x"])
    assert (date, lines) == ((2023, 11, 6), ["", "The 15th Conference Opens", "x"])
    assert split_page_date_prefix(["The date 2023-11-06 line"]) == (
        None,
        ["The date 2023-11-06 line"],
    )


def test_a_first_paragraph_of_prose_is_no_headline():
    lead = (
        "[Explanation] On June 11, the 12th Green Development Low-Carbon Life Forum hosted by "
        "China News Service and its weekly magazine was held in Beijing with guests from the "
        "political, academic and industry circles."
    )
    cleaned = clean_report(lead + "\n\nChen Junjun, president of the agency, spoke.\n")
    assert (is_headline(lead), cleaned.title) == (False, "")
    assert is_headline("Ecological Civilization Forum opens in Wenjiang")


def test_page_lines_dated_by_time_and_chinese_labels():
    for line in ("• Time:2018-05-11", "发布时间:2017-09-07 浏览次数:3690"):
        cleaned = clean_report(f"Forum Opened\n{line}\n\nThe forum was held on May 9.\n")
        assert cleaned.published[0] in (2018, 2017), line


def test_dateline_with_a_country_and_a_site_that_is_no_city():
    dateline, rest = split_dateline(
        "DURBAN, South Africa, Dec. 6, 2011 /PRNewswire-Asia/ -- At the side event, leaders met."
    )
    assert (dateline, rest) == (
        Dateline("Durban", 2011, 12, 6, "PRNewswire-Asia"),
        "At the side event, leaders met.",
    )
    paragraph = "Xinhuanet, Beijing, November 23 (Liu Mimi) On the 23rd, the forum was held."
    assert split_dateline(paragraph) == (None, paragraph)


def test_date_line():
    assert [
        date_line(x) for x in ("16 January 2020", "October 11 , 2024", "On 16 January 2020")
    ] == [
        (2020, 1, 16),
        (2024, 10, 11),
        None,
    ]


def test_bracket_labels_and_glued_sentences():
    assert drop_bracket_label("[Commentary] Xie Zhenhua attended.") == "Xie Zhenhua attended."
    assert drop_bracket_label("[2021-11-05] Forum held") == "[2021-11-05] Forum held"
    assert unglue_sentences("said Kong.Ni Weidou said") == "said Kong. Ni Weidou said"
    assert unglue_sentences("the U.S.President and chinadaily.com.cn") == (
        "the U.S.President and chinadaily.com.cn"
    )


def test_a_short_dated_lead_is_no_headline():
    assert not is_headline("On June 11, the 12th Green Forum was held in Beijing.")
    assert is_headline("Green Forum held in Beijing on June 11")


def test_numeric_and_labelled_date_lines():
    assert numeric_date_line("2019-03-26 09:02") == (2019, 3, 26)
    assert numeric_date_line("Held on 2019-03-26.") is None
    assert labelled_date_line("Posted on June 8, 2020 by admin") == (2020, 6, 8)
    assert labelled_date_line("Date: June 2, 2020") == (2020, 6, 2)
    assert labelled_date_line("Dated and signed in Paris") is None
    assert labelled_date_line("Published: 8 June 2020") == (2020, 6, 8)
    assert labelled_date_line("Posted in News") is None


def test_event_date_label_needs_a_venue_or_time_beside_it():
    assert event_date_label(["Date: 14 November 2018", "Venue: Nanjing Expo Center"]) == (
        2018,
        11,
        14,
    )
    assert event_date_label(["Date: 2021-09-07", "Editor: Wang"]) is None
    assert event_date_label(["Time: 5 March 2019, 9:00-12:00", "Venue: Nanjing Hotel"]) == (
        2019,
        3,
        5,
    )


WRAPPED = """Forum report
TAIPEI, Taiwan - The German Trade Office Taipei and the German
Offshore-Wind Initiative jointly organized the wind forum, held
on October 20th, 2022, during the Energy Taiwan Trade Fair. The forum connected
leading energy suppliers from Taiwan and Germany and provided a platform for
future cooperation in this fast-growing sector. Speakers include
Representatives from well-known German and Taiwanese energy companies in
Taiwan, such as RWE and Enercon."""


def test_hard_wrapped_text_joins_its_lines_whatever_case_follows():
    assert hard_wrap_width(WRAPPED.splitlines()) is not None
    assert "the German Offshore-Wind Initiative" in clean_report(WRAPPED).text
    paragraphs = ["Title", *(f"Paragraph {i} is one whole line that ends well." for i in range(6))]
    assert hard_wrap_width(paragraphs) is None


def test_split_dateline_keeps_the_agency():
    dateline, _ = split_dateline(
        "DURBAN, South Africa, Dec. 6, 2011 /PRNewswire-Asia/ -- At a side event"
    )
    assert dateline.agency == "PRNewswire-Asia"
    assert split_dateline("BEIJING, Sept. 6 (Xinhua) -- Officials met")[0].agency == "Xinhua"


def test_credited_source_lines():
    assert credited_source(["Reference(s):", "cgtn.com"]) == "cgtn.com"
    assert credited_source(["( chinadaily.com.cn )"]) == "chinadaily.com.cn"
    assert credited_source(["(ECNS) – “Green industrialization is a path,” she said."]) == "ECNS"
    assert credited_source(["China Plus Published: 2017-09-07 07:54:04"]) == "China Plus"
    assert credited_source(["english.beijing.gov.cn", "Home > News"]) is None


def test_bulleted_people_are_content_not_menus():
    assert is_listed_person_item("- Maria Rossi, Head of ESG, Banca Verde")
    assert not is_listed_person_item("·Calligraphy, Then and Now")
    text = (
        "Panel\n\nPanelists:\n- Maria Rossi, Head of ESG, Banca Verde\n- Tom Baker, Partner, Ames"
    )
    assert "Tom Baker" in clean_report(text).text


def test_a_programme_is_not_hard_wrapped():
    lines = ["Programme", *[f"Speaker {i}, Senior Fellow, Brookings Institution" for i in range(6)]]
    assert hard_wrap_width(lines) is None


def test_more_page_and_event_date_lines():
    assert labelled_date_line("By Li Wei, 6 March 2019") == (2019, 3, 6)
    assert labelled_date_line("Last updated 6 March 2019") == (2019, 3, 6)
    assert event_date_label(["Date | 5 March 2019", "Venue | Nanjing Hotel"]) == (2019, 3, 5)
    text = "Forum\n\n5 March 2019 | 9:00-12:00 | Nanjing Hotel\n\nThe forum discussed cities."
    assert "5 March 2019 | 9:00-12:00" in clean_report(text).text


def test_a_date_line_may_put_a_period_after_the_day():
    assert date_line("18. November 2015") == (2015, 11, 18)


def test_a_sidebar_of_teasers_glued_to_their_bullets_is_furniture():
    raw = (
        "Newsmore\n·Ninth Forum on Rivers and Coastal Cities Held in Dalian\n·Tea Farmers Head "
        "Online\n·Kite Makers of Weifang\n\nGreen pavilion opens in Lima\n\nThe pavilion opened "
        "in Lima on 4 May 2014, said Zhao Lei, director of the centre."
    )
    cleaned = clean_report(raw)
    assert "Dalian" not in cleaned.text and "Weifang" not in cleaned.text
    assert "opened in Lima" in cleaned.text


def test_drop_follow_prompt_keeps_the_newsroom_name():
    assert drop_follow_prompt("Follow Blue River Energy Agency") == "Blue River Energy Agency"
    assert drop_follow_prompt("Follow us on WeChat") == "Follow us on WeChat"
    assert drop_follow_prompt("Follow the guidelines below.") == "Follow the guidelines below."
    text = "Follow Blue River Energy Agency\n\nRiver Week Opens in Wuhan\n\nThe week opened today."
    assert clean_report(text).publisher == "Blue River Energy Agency"


def test_date_line_with_a_dot_after_the_day():
    assert date_line("16. January 2020") == (2020, 1, 16)
    assert date_line("16. Jan") is None


def test_dateline_city_written_with_accented_capitals():
    dateline, rest = split_dateline("SÃO PAULO, Brazil, May 3, 2024 /PRNewswire/ -- Leaders met.")
    assert (dateline.city, dateline.agency, rest) == ("São Paulo", "PRNewswire", "Leaders met.")


def test_credited_date_line_is_the_page_date_unless_a_place_heads_it():
    assert credited_date_line("CNS, March 4, 2015 Adjust font size:") == (2015, 3, 4)
    assert credited_date_line("Jiangsu Daily, 4 March 2015") == (2015, 3, 4)
    assert credited_date_line("Hangzhou, 4 March 2015") is None  # a speech's place and date
    assert clean_report("Tea forum opens\n\nCNS, March 4, 2015\n\nThe forum opened.").published == (
        2015,
        3,
        4,
    )


def test_a_release_s_closing_mark_dates_a_page_with_no_date_at_the_top():
    text = "Tea fair opens\n\nThe tea fair opened today (May 5).\n\nEnds/Sunday, May 5, 2019\nIssued at HKT 18:30"
    assert clean_report(text).published == (2019, 5, 5)
    assert clean_report("Tea fair opens\n\nThe tea fair opened.\n\nEnds").published is None


def test_an_event_page_s_labelled_date_with_its_time_or_range_around_it():
    assert first_date_in("9:00-12:00, 5 November 2019") == (2019, 11, 5)
    assert first_date_in("9:00-12:00") is None
    lines = ["When: Nov 5-6, 2019 9:00 AM – 5:00 PM", "Where: Hilton Hotel, Suzhou"]
    assert event_date_label(lines) == (2019, 11, 5)


def test_a_wire_dateline_may_write_a_town_s_province_after_it():
    assert is_country_or_province("Zhejiang") and is_country_or_province("South Africa")
    assert not is_country_or_province("Beijing")
    dateline, rest = split_dateline("WUZHEN, Zhejiang, Nov. 7 (Xinhua) -- Delegates met.")
    assert (dateline.city, dateline.month, dateline.day, rest) == (
        "Wuzhen",
        11,
        7,
        "Delegates met.",
    )


def test_photo_credit_agencies_names_the_agency_not_the_photographer():
    text = (
        "BEIJING, Sept. 6 (Xinhua) -- The forum opened. (Xinhua/Ou Dongqu)\n"
        "Guests at the hall (Photo / Li Ming)"
    )
    assert photo_credit_agencies(text) == ("Xinhua",)


def test_find_buried_datelines_reads_a_wire_dateline_left_below_the_furniture():
    text = "Menu SUBSCRIBE LYON, May 2, 2024 /PRNewswire/ — The fair opened in 2024/25 - a year."
    (dateline,) = find_buried_datelines(text)
    assert dateline.city == "Lyon" and (dateline.year, dateline.month, dateline.day) == (
        2024,
        5,
        2,
    )
    assert dateline.agency == "PRNewswire"
    assert text[dateline.span.start : dateline.span.end].startswith("LYON, May 2")
    assert text[dateline.span.end :].startswith("The fair")


def test_find_buried_datelines_wants_the_wire_mark():
    assert find_buried_datelines("The talks in Lima, May 2 - the second round - went well.") == ()


def test_find_buried_datelines_prefers_the_city_the_gazetteer_knows():
    (dateline,) = find_buried_datelines("Newsroom Beijing, May 2 (Xinhua) -- Talks began.")
    assert dateline.city == "Beijing"


def test_read_dateline_reads_where_it_is_told_and_says_where_the_story_starts():
    text = "Teaser. OSLO, Jan. 9 (Xinhua) -- Talks began."
    dateline, story = read_dateline(text, text.index("OSLO"))
    assert (dateline.city, dateline.month, dateline.day, dateline.agency) == (
        "Oslo",
        1,
        9,
        "Xinhua",
    )
    assert text[story:] == "Talks began."
    assert read_dateline(text) is None


def test_credited_date_line_reads_past_the_share_widgets():
    assert credited_date_line("2 CommentsPrint E-mail Tass, 3 June 2011") == (2011, 6, 3)
    assert credited_date_line("Print | Share Xinhua, May 1, 2010") == (2010, 5, 1)
    assert credited_date_line("Print this page") is None


def test_unlettered_date_line_is_a_stamp_in_another_script():
    assert unlettered_date_line("\u65b0\u95fb\u4e2d\u5fc3 2021-04-06 \u9605\u8bfb 88") == (
        2021,
        4,
        6,
    )
    assert unlettered_date_line("2021-04-06: Forum held") is None
    assert unlettered_date_line("\u65b0\u95fb") is None
