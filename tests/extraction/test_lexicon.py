from events.extraction.lexicon import (
    GAZETTEER,
    HONORIFICS,
    MONTH_ABBREVIATIONS,
    NOT_PERSON_HEADS,
    ORGANISATION_HEADS,
    ORGANISATION_HEADS_BY_KIND,
    ORGANISATION_WORDS,
    ORGANISER_HEADS,
    PERSON_NAME_PARTICLES,
    SENTENCE_OPENERS,
    TERMINAL_ABBREVIATIONS,
    month_number,
    strip_article,
)
from events.extraction.organizations import LEADING_NOISE, NOT_ORG_WORDS, UNIT_WORDS
from events.extraction.records import OrgKind


def test_month_number_reads_names_and_abbreviations():
    assert [month_number(w) for w in ("Sept.", "September", "jun", "Dec", "Mo", "Monday")] == [
        9,
        9,
        6,
        12,
        None,
        None,
    ]
    assert "may" not in MONTH_ABBREVIATIONS and "sept" in MONTH_ABBREVIATIONS


def test_organisation_heads_say_the_kind_in_order_of_precedence():
    kinds = [kind for kind, _ in ORGANISATION_HEADS_BY_KIND]
    assert kinds[:3] == [OrgKind.COMPANY, OrgKind.ACADEMIC, OrgKind.GOVERNMENT]
    assert {"university", "ministry", "foundation", "ltd"} <= ORGANISATION_HEADS
    # Every stage's wider set starts from the same heads.
    assert ORGANISATION_HEADS <= ORGANISER_HEADS and ORGANISATION_HEADS <= NOT_PERSON_HEADS
    assert {"zone", "initiative"} <= ORGANISER_HEADS - ORGANISATION_HEADS


def test_honorifics_and_articles():
    assert {"mr", "dr", "prof", "academician"} <= HONORIFICS
    assert strip_article("the Energy Foundation,") == "Energy Foundation"
    assert strip_article("Danfoss Co., Ltd.") == "Danfoss Co., Ltd."


def test_gazetteer_answers_every_place_question():
    assert GAZETTEER.city("Pudong New Area").name == "Shanghai"
    assert GAZETTEER.city("Beijing City").name == "Beijing"
    assert GAZETTEER.city("Guangdong") is None  # a province is no city
    assert GAZETTEER.city_in_country("Sharm el-Sheikh", "Egypt").country == "Egypt"
    assert GAZETTEER.country_of("the P.R.C.") == "China"
    assert [GAZETTEER.is_place(t) for t in ("China and Mongolia", "Southeast Asia", "Sichuan")] == [
        True,
        True,
        True,
    ]
    assert GAZETTEER.is_place("Energy Foundation") is False


def test_special_administrative_regions_are_cities_at_the_chinese_size():
    assert [GAZETTEER.city(name).name for name in ("Macau", "Macao", "Hong Kong")] == [
        "Macau",
        "Macau",
        "Hong Kong",
    ]
    assert GAZETTEER.city("Bath") is None


def test_the_word_lists_of_sentences_and_names_live_in_the_lexicon():
    assert {"co", "ltd", "etc"} <= TERMINAL_ABBREVIATIONS
    assert {"the", "however", "according"} <= SENTENCE_OPENERS
    assert {"van", "von", "der", "bin"} <= PERSON_NAME_PARTICLES
    assert "co" not in SENTENCE_OPENERS


def test_organisation_word_lists_live_in_the_lexicon():
    assert "department" in UNIT_WORDS and "hotel" in NOT_ORG_WORDS and "the" in LEADING_NOISE
    assert UNIT_WORDS is ORGANISATION_WORDS["unit_words"]


def test_gazetteer_reads_names_written_without_their_accents():
    assert GAZETTEER.city("Bogota").name == "Bogotá"
    assert GAZETTEER.city("Sao Paulo").name == "São Paulo"
    assert GAZETTEER.city("Urumqi").name == "Ürümqi"
    assert GAZETTEER.city_or_town("Cancun").name == "Cancún"
    assert "bogotá" in GAZETTEER.city_names() and "bogota" in GAZETTEER.city_names()


def test_gazetteer_knows_variant_spellings_of_chinese_cities():
    assert GAZETTEER.city("Urumchi").name == "Ürümqi"
    assert GAZETTEER.city("Hulunbeir").name == "Hulunbuir"
    assert GAZETTEER.city("Xian").name == GAZETTEER.city("Xi'an").name
    assert GAZETTEER.city("Amoy").name == "Xiamen"


def test_gazetteer_knows_prefectures_geonames_files_under_another_name():
    assert GAZETTEER.city("Rikaze").name == "Shigatse"
    assert (GAZETTEER.city("Xilingol League").name, GAZETTEER.city("Xilingol").province) == (
        "Xilingol",
        "Inner Mongolia",
    )
    assert GAZETTEER.city("Bayannur").province == "Inner Mongolia"


def test_venues_of_international_meetings_are_towns_whatever_their_size():
    assert GAZETTEER.city("Davos") is None  # read only where the text says it is a place
    assert GAZETTEER.city_or_town("Davos").country == "Switzerland"
    assert GAZETTEER.city_or_town("Sharm El Sheikh").name == "Sharm el-Sheikh"
    assert GAZETTEER.city_or_town("Marrakech").name == "Marrakesh"


def test_ambiguous_city_names_denote_a_city_only_when_asked():
    assert GAZETTEER.city("Lima") is None
    assert GAZETTEER.ambiguous_city("Lima").country == "Peru"
    assert GAZETTEER.ambiguous_city("Rome").country == "Italy"
    assert GAZETTEER.ambiguous_city("March") is None  # a month, never a city
