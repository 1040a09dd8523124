import re

import pytest

from events.extraction.lexicon import GAZETTEER, CityInfo
from events.extraction.places import (
    _city_pattern,
    _find_occurrences,
    ambiguous_city_with_cue,
    capital_with_cue,
    city_after_venue,
    city_before_dash,
    closes_venue_name,
    dated_after,
    event_named_before,
    find_city_vouched_by_province,
    find_labelled_venue_city,
    find_places,
    find_town_held_in,
    find_town_visited_to_attend,
    find_unlisted_city_after_event,
    held_online,
    recalls_an_earlier_event,
)
from events.extraction.text import split_sentences

# Event city (name, as written) and mentioned cities for each hand-written report, with the
# organisation names the pipeline would pass as `exclude`.
EXPECTED = {
    "r01_breadcrumb_footer": (("Beijing", "Haidian District"), ["Wuhan", "Xiamen"], []),
    "r02_range_parent": (("Kunming", ""), ["Chengdu", "Guiyang", "Nanning"], []),
    "r03_no_year": (("Xiamen", ""), [], []),
    "r04_us_dates": (("Shenzhen", ""), ["Guangzhou", "Dongguan", "Hong Kong"], []),
    "r05_iso_district": (
        ("Tianjin", "Binhai New Area"),
        [],
        ["Binhai New Area", "Shanghai Environment and Energy Exchange"],
    ),
    "r06_mojibake": (("Hangzhou", ""), [], []),
}


def _ranges(text, names):
    return [match.span() for name in names for match in re.finditer(re.escape(name), text)]


@pytest.mark.parametrize("stem", sorted(EXPECTED))
def test_find_places_reads_each_report(report, stem):
    read = report(stem)
    city, mentioned, organizations = EXPECTED[stem]
    found = find_places(
        read.text, read.sentences, title=read.title, exclude=_ranges(read.text, organizations)
    )
    assert (found.city.name, found.city.written_as) == city
    assert [place.name for place in found.mentioned] == mentioned


def test_lookup_city_prefers_chinese_and_populous_cities():
    assert GAZETTEER.city("Zhongshan") == CityInfo(
        "Zhongshan", "Guangdong", "China", 22.52306, 113.37912, 6986104
    )
    assert GAZETTEER.city("Pudong New Area").name == "Shanghai"
    assert GAZETTEER.city("Xiong'an New Area").name == "Xiong'an"  # a new area of its own
    assert GAZETTEER.city("Xiong'an New Area").province == "Hebei"
    assert GAZETTEER.city("Haidian District").province == "Beijing"
    assert GAZETTEER.city("Belgrade").country == "Serbia"
    assert [GAZETTEER.city(name) for name in ("Guangdong", "Sichuan", "China", "Nice")] == [
        None
    ] * 4


def test_find_places_skips_cities_inside_names_and_excluded_ranges():
    text = (
        "Forum held in Chengdu\n\nThe forum was held in Chengdu. Tianjin Greatmen Decoration, "
        "Qingdao Honghai Curtain Wall, the Center (Shenzhen), Guangdong and Wuhan spoke. "
        "Li of the Sichuan Association in Belgrade spoke."
    )
    exclude = _ranges(text, ["Sichuan Association in Belgrade"])
    found = find_places(text, split_sentences(text), title="Forum held in Chengdu", exclude=exclude)
    assert found.city.name == "Chengdu"
    assert [place.name for place in found.mentioned] == ["Wuhan"]


def test_find_places_without_a_holding_statement_finds_no_city():
    text = "Round Table\n\nExperts from Beijing University and Shanghai discussed cities."
    found = find_places(text, split_sentences(text), title="Round Table")
    assert (found.city, [place.name for place in found.mentioned]) == (None, ["Shanghai"])


def test_a_region_is_no_city_and_a_dateline_city_is_the_fallback():
    text = (
        "Carbon forum opens\n\nThe carbon forum opened on May 9 in the Yangtze River Delta. "
        "A fund launched in Hangzhou was praised."
    )
    assert find_places(text, split_sentences(text), title="Carbon forum opens").city is None
    text = "Carbon forum opens\n\nEngineers met on Monday to discuss storage in Suzhou's parks."
    found = find_places(
        text, split_sentences(text), title="Carbon forum opens", dateline_city="Wuxi"
    )
    assert found.city.name == "Wuxi"
    text = "Carbon forum opens\n\nThe carbon forum was held in Xiongan New Area on May 9."
    assert find_places(text, split_sentences(text), title="x").city.name == "Xiong'an"


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


def test_event_named_before_a_city():
    assert event_named_before("is being discussed at a five-day forum in ")
    assert event_named_before("during the UN conference on housing and sustainable cities in ")
    assert not event_named_before("the fund invested in ")
    assert event_named_before("attended the 2019 Annual General Meeting of the CCICED in ")
    assert not event_named_before("a member of the Council in ")
    assert event_named_before("At a special event in ")


def test_dated_after_a_city_makes_it_the_venue():
    assert dated_after("organized by the Blue Fund and the River Agency in ", " from 5 to 6 May.")
    assert dated_after("experts gathered in ", ", on the 3rd of June")
    assert not dated_after("the fund invested in ", " projects")
    assert not dated_after("she was born in ", " in 1970")
    text = (
        "A clear outcome of the symposium organized by the Blue River Energy Agency and the "
        "Academy of Rivers (AOR) in Nanjing from 5 to 6 May 2013 is a new platform."
    )
    assert find_places(text, split_sentences(text)).city.name == "Nanjing"


@pytest.mark.parametrize(
    ("text", "city"),
    [
        ("Environmental cooperation is being discussed at a five-day forum in Beijing.", "Beijing"),
        ("The BRICS energy ministers met in Beijing on 7th June 2017.", "Beijing"),
        (
            "On June 13, the UNIDO Day was held at the 10th China (Shanghai) International "
            "Technology Import and Export Fair.",
            "Shanghai",
        ),
        (
            "On October 11, the center held the fifth VIP Luncheon at the historic Xianhe Hall "
            "of the Beijing International Club.",
            "Beijing",
        ),
        (
            "The institute co-organized the High-level Dialogue on Energy in Beijing.",
            "Beijing",
        ),
        ("The Shenzhen Session was held in the Expo City of Dubai.", "Dubai"),
        (
            "Hong Kong Baptist University (HKBU) organised the International GreenTech "
            "Symposium yesterday.",
            "Hong Kong",
        ),
        ("The environmental cooperation forum was held in Macao.", "Macau"),
        ("The 8th Guangdong Hong Kong Macao Sustainable Development Conference opened.", None),
        (
            "The annual Green Water Forum was hosted by the River Alliance and the Wuhan "
            "Municipal People's Government. Speakers came from Shanghai and Shanghai.",
            "Wuhan",
        ),
        (
            "Chile's embassy in Beijing was the centre of attention on May 4, when diplomats "
            "discussed glaciers. Some had flown in from Shanghai and Shanghai.",
            "Beijing",
        ),
    ],
)
def test_event_city_from_the_shapes_of_real_reports(text, city):
    assert event_city(text) == city


@pytest.mark.parametrize(
    ("text", "city"),
    [
        (
            "Expert Meeting on Air Quality\n4 Jun 2013 Beijing, The People's Republic of China\n"
            "The meeting brought experts together.",
            "Beijing",
        ),
        ("Remarks at the Forum\nHulunbeir, 20 Sept 2020\nI am delighted to be here.", "Hulunbuir"),
        ("Remarks at the Forum\nWe met Shanghai partners on 20 Sept 2020 and more.", None),
    ],
)
def test_find_place_and_date_line(text, city):
    assert event_city(text) == city


def test_city_before_dash_is_a_dateline_without_its_date():
    assert [
        city_before_dash(text)
        for text in (
            "TAIPEI, Taiwan –The German Trade Office Taipei and partners",
            "Hong Kong – Opening remarks by the Secretary",
            "Green Growth – a forum",
        )
    ] == ["Taipei", "Hong Kong", None]


def _city(text, title=""):
    found = find_places(text, split_sentences(text), title=title).city
    return found.name if found else None


def test_city_vouched_by_its_province_or_by_china_s():
    assert _city("The conference kicked off in Yangzhong, east China's Jiangsu Province.") == (
        "Yangzhong"
    )
    text = "Forum held in east China's Yangzhong\n\nExperts met to talk."
    assert _city(text, title="Forum held in east China's Yangzhong") == "Yangzhong"
    assert find_city_vouched_by_province("It was held in Jiangsu Province.", ()) is None
    # Not the province's name cut short before "Province": "Guizho" is no city.
    text = "A forum opened in southwest China's Guizhou Province on Saturday."
    assert find_city_vouched_by_province(text, ()) is None


def test_small_city_vouched_by_its_country_after_an_event_noun():
    assert _city("Speaking at the annual general meeting in Jeju, South Korea, he said.") == "Jeju"


def test_landmark_venue_names_its_city():
    text = "The Association held the 9th “Spring of Diplomats” in the Great Hall of the People."
    assert _city(text) == "Beijing"


def test_most_named_city_when_nothing_else_says():
    text = (
        "Speech by the Secretary.\n\nHong Kong is green. Hong Kong will be greener. Beijing helps."
    )
    assert _city(text) == "Hong Kong"
    assert _city("Notes.\n\nShanghai grows. Beijing grows. Shanghai and Beijing trade.") is None


def test_no_city_for_an_event_held_online():
    text = "HONG KONG, Feb 5, 2021 - The seminar was held virtually on Friday. Hong Kong and Hong Kong."
    assert held_online(text, split_sentences(text))
    shopping = "Online shopping grew in Beijing."
    assert not held_online(shopping, split_sentences(shopping))


def test_an_online_event_takes_no_city_it_talks_about_or_files_from():
    # Another event's "held in" city, and the wire's dateline, come before the online cue.
    text = (
        "OSLO, May 3, 2022 -- The summit held in Lima last year set goals. On 2 May, the "
        "Institute hosted a virtual round table on coal."
    )
    assert held_online(text, split_sentences(text))
    assert find_places(text, split_sentences(text), dateline_city="Oslo").city is None
    zoom = "The Nordic Water Dialogue was held via Zoom on 4 May. Guests from Rome joined."
    assert find_places(zoom, split_sentences(zoom)).city is None


def test_an_event_held_online_and_in_a_city_keeps_the_city():
    hybrid = "The Council held a hybrid workshop on soil in Chengdu, with 200 joining online."
    assert not held_online(hybrid, split_sentences(hybrid))
    assert find_places(hybrid, split_sentences(hybrid)).city.name == "Chengdu"
    both = "The online forum on rivers was held in Wuhan and online on 6 June."
    assert find_places(both, split_sentences(both)).city.name == "Wuhan"


def test_a_guest_joining_online_leaves_the_event_where_it_was():
    for text in (
        "The expo opened in Xiamen on Monday. The minister spoke via video link.",
        "The expo opened in Xiamen on Monday. Dr Lee attended online session two.",
    ):
        assert not held_online(text, split_sentences(text))
        assert find_places(text, split_sentences(text)).city.name == "Xiamen"


def test_a_city_followed_by_the_day_is_where_the_event_was():
    text = (
        "The symposium on water was organized by the Asian Water Council and the Academy of "
        "Hydrology, with partners from six countries, in Nanjing from 5 to 6 June 2019."
    )
    assert find_places(text, split_sentences(text)).city.name == "Nanjing"
    assert dated_after("held in ", " on May 3, 2021")
    assert dated_after("organized by X in ", " from 5 to 6 December 2013")
    assert not dated_after("born in ", " in 2013") and not dated_after("in ", " on climate")


def test_an_event_in_a_small_city_of_china_is_vouched_for_by_the_country():
    text = "Ms Lee spoke at the Rural Health Conference in Lingshui, China. It was well attended."
    place = find_unlisted_city_after_event(text, split_sentences(text))
    assert (place.name, place.country) == ("Lingshui", "China")
    province = "A forum in Hainan, China was held."
    assert find_unlisted_city_after_event(province, split_sentences(province)) is None


def test_a_host_municipal_government_vouches_for_a_city_the_gazetteer_lacks():
    text = (
        "The forum was hosted by the Green Alliance and the Mengla Municipal People's "
        "Government. Some 80 experts attended."
    )
    assert find_places(text, split_sentences(text)).city.name == "Mengla"


def test_a_city_after_the_venue_s_comma_is_where_the_venue_sits():
    text = "The tea forum opened on 5 May 2019 at the Shangri-La Hotel, Suzhou, with 300 guests."
    assert _city(text) == "Suzhou"
    found = find_places(text, split_sentences(text))
    assert city_after_venue(text, text.index(", with"), []) is None
    assert found.city.written_as == ""


def test_a_labelled_venue_line_names_the_event_city():
    text = "Tea Dialogue\n\nVenue: Shangri-La Hotel, Suzhou\n\nGuests tasted tea. They talked."
    sentences = split_sentences(text)
    assert find_labelled_venue_city(text, sentences, []) is None  # no city names found
    assert _city(text) == "Suzhou"
    assert _city("Tea Dialogue\n\nLocation: Home > News\n\nGuests tasted tea.") is None


def test_a_district_of_hong_kong_macao_or_a_municipality_is_that_city():
    assert [GAZETTEER.city(name).name for name in ("Sha Tin", "Kowloon", "Taipa")] == [
        "Hong Kong",
        "Hong Kong",
        "Macau",
    ]
    assert [GAZETTEER.city(name).name for name in ("Minhang", "Shunyi", "Wanzhou")] == [
        "Shanghai",
        "Beijing",
        "Wanzhou",  # Chongqing's districts are cities of their own
    ]


def test_a_city_after_its_district_and_a_comma_hosts_the_event():
    assert _city("The tea fair was held in Longgang District, Shenzhen on 5 May 2019.") == (
        "Shenzhen"
    )
    assert _city("The tea fair was held in Tuen Mun, Hong Kong on 5 May 2019.") == "Hong Kong"
    assert _city("Since the tea fair was first held in the past, Wuhan has grown.") is None


def test_a_city_in_brackets_after_the_venue():
    text = "The tea fair was held at the International Expo Center (Chengdu) on 5 May 2019."
    assert _city(text) == "Chengdu"


def test_a_small_city_vouched_by_a_province_written_in_lower_case():
    assert _city("The tea fair was held in Meitan county, Guizhou province, on 5 May.") == (
        "Meitan"
    )


def test_a_city_that_held_an_earlier_event_late_in_the_report_is_no_venue():
    assert recalls_an_earlier_event("Wuhan hosted the first Tea Summit in 2015.")
    assert not recalls_an_earlier_event("The tea forum will be held on 8 May in Wuhan.")
    text = (
        "Tea growers meet\n\nGrowers met on Thursday. They spoke of prices. Buyers came. "
        "Sellers came. Brokers came. Wuhan hosted the first Tea Summit in 2015."
    )
    assert _city(text, title="Tea growers meet") is None
    assert _city("Tea growers meet\n\nWuhan hosted the first Tea Summit in 2015.") == "Wuhan"


def test_a_wire_dateline_names_a_city_whatever_its_size():
    assert GAZETTEER.city("Geneva") is None  # too small to be read as a city in running text
    assert GAZETTEER.city_or_town("Geneva").country == "Switzerland"
    assert GAZETTEER.city_or_town("Nice") is None  # a word as often as a city
    text = "Tea talks end\n\nEnvoys met on Thursday to talk about tea. They agreed."
    found = find_places(text, split_sentences(text), title="Tea talks end", dateline_city="Geneva")
    assert found.city.name == "Geneva"


def test_a_release_dateline_with_its_date_before_the_city_or_in_brackets():
    for lead in (
        "5 May 2019, Kunming – Growers met.",
        "Kunming, China (May 5, 2019) – Growers met.",
    ):
        text = f"Tea growers meet\n\n{lead} They talked about tea."
        assert city_before_dash(text, split_sentences(text)) == "Kunming"
    text = "Tea growers meet\n\nGENEVA – Growers met. They talked about tea."
    assert city_before_dash(text, split_sentences(text)) == "Geneva"  # however small
    text = "Tea growers meet\n\nGrowers met. Kunming – a city of tea – grows."
    assert city_before_dash(text, split_sentences(text)) is None


def test_an_event_that_ended_in_a_city_was_held_there():
    assert _city("The two-day tea forum ended on 6 May 2019 in Kunming.") == "Kunming"


def test_a_foreign_town_the_lead_says_the_event_was_held_in():
    text = "The tea talks were held in Geneva on 5 May 2019. Growers came."
    assert find_town_held_in(text, split_sentences(text)).name == "Geneva"
    assert _city(text) == "Geneva"
    english = "The tea talks were held in English on 5 May 2019. Growers came."
    assert find_town_held_in(english, split_sentences(english)) is None


def test_a_chinese_city_written_with_a_needless_syllable_mark():
    assert _city("On 21 July, the Yellow River Forum was held in the city of Xi’ning.") == "Xining"
    assert _city("The forum was held in Xi'an.") == "Xi’an"
    assert _city("Beijing’s forum was held in Chengdu.") == "Chengdu"


def test_a_town_visited_to_attend_the_event_is_vouched_for_by_its_country():
    text = "He paid a visit to Davos, Switzerland to attend the 2018 Annual Meeting. He spoke."
    found = find_town_visited_to_attend(text, split_sentences(text))
    assert (found.name, found.country) == ("Davos", "Switzerland")
    text = "He paid a visit to Davos, Switzerland last year. He spoke."
    assert find_town_visited_to_attend(text, split_sentences(text)) is None


def test_a_visit_to_a_named_site_in_a_city_is_where_the_event_was():
    text = "On May 8, delegates came for a visit to the Institute research base in Langfang, China."
    assert _city(text) == "Langfang"


def test_a_city_between_an_event_s_noun_and_its_edition_year():
    assert _city(
        "Green Forum held\n\nThe Green Forum Xiamen 2018 drew 300 guests. They spoke."
    ) == ("Xiamen")
    assert _city("Green Forum held\n\nGreen Forum (Xiamen) 2018 drew guests. They spoke.") == (
        "Xiamen"
    )


def test_a_city_the_event_drew_guests_to_or_that_welcomed_them():
    assert _city("Green forum held\n\nThe forum drew 300 guests to Chengdu. They spoke.") == (
        "Chengdu"
    )
    assert _city("Green forum held\n\nChengdu welcomed 300 guests to the forum. They spoke.") == (
        "Chengdu"
    )


def test_a_city_naming_the_event_or_its_venue_in_the_lead_wins_over_the_dateline():
    def city(lead):
        text = f"Harbour forum\n\n{lead} Guests came from ten ports."
        found = find_places(
            text, split_sentences(text), title="Harbour forum", dateline_city="Wuhan"
        )
        return found.city.name

    assert city("The Xiamen Harbour Forum opened on Monday.") == "Xiamen"
    assert city("The harbour forum opened on Monday at the Xiamen Expo Center.") == "Xiamen"
    assert city("The Wuhan Harbour Forum opened on Monday.") == "Wuhan"
    assert city("The harbour forum opened on Monday.") == "Wuhan"


def test_a_city_after_the_venue_s_noun_is_the_branch_s_city_not_the_chain_s_name():
    text = "The forum was held at Shangri-La Hotel Xiamen on 5 May. Guests came."
    assert _city(text) == "Xiamen"
    assert _city("The forum was held at the Xiamen Grand Hotel on 5 May.") == "Xiamen"
    chain, branch = _find_occurrences(text)
    assert closes_venue_name(text, branch) and not closes_venue_name(text, chain)


def test_city_matches_start_words_only():
    from events.extraction.places import _city_matches

    text = "Ex-Beijing staff met in Beijing, then O'Shanghai and Tianjin's port."
    assert [(m.start(), m.group()) for m in _city_matches(text)] == [
        (24, "Beijing"),
        (53, "Tianjin"),
    ]


def _cued(text, name):
    match = next(m for m in _city_pattern().finditer(text) if m.group() == name)
    found = ambiguous_city_with_cue(text, match)
    return (found.name, found.country) if found else None


def test_an_ambiguous_city_name_counts_where_a_place_cue_governs_it():
    assert _cued("Ministers met for talks in Lima, Peru, last week.", "Lima") == ("Lima", "Peru")
    assert _cued("The summit was held in Rome last week.", "Rome") == ("Rome", "Italy")
    assert _cued("A forum on tea in Rome on 3 May drew 300 guests.", "Rome") == ("Rome", "Italy")
    assert _cued("Mr Rome said the Club of Rome report was late.", "Rome") is None
    assert _cued("It rained. In Nice weather the forum was held in the park.", "Nice") is None


def test_an_event_held_in_a_city_written_without_its_accents():
    assert _city("Tea talks\n\nThe tea summit was held in Bogota on Monday.") == "Bogotá"
    assert _city("Tea talks\n\nThe tea summit was held in Lima on Monday.") == "Lima"
    assert _city("Tea talks\n\nThe tea summit was held in Davos on Monday.") == "Davos"


def test_a_small_capital_is_the_event_city_only_under_a_place_cue():
    held = "Delegates from Xiamen joined a two-day forum on grids in Wellington."
    assert find_places(held, split_sentences(held)).city.name == "Wellington"
    gov = "Officials in Wellington said the grid forum opened in Xiamen on 3 May."
    assert find_places(gov, split_sentences(gov)).city.name == "Xiamen"
    for text, found in (
        ("talks in Wellington, New Zealand", "New Zealand"),
        ("officials in Wellington said", None),
    ):
        match = re.search("Wellington", text)
        city = capital_with_cue(text, match)
        assert (city.country if city else None) == found
