from events.extraction.names import (
    family_start_with_particles,
    hong_kong_written_name,
    name_key,
    parse_person_name,
    parse_person_name_with_warnings,
    unglue_pinyin_name,
)
from events.extraction.records import PersonName, Warning


def test_parse_person_name_puts_all_caps_surname_first():
    assert parse_person_name("Mr. Yanhua LIU") == PersonName(
        "Liu Yanhua", "Liu", "Yanhua", ("Yanhua LIU",)
    )


def test_parse_person_name_keeps_family_first_chinese_order():
    assert parse_person_name("Mao Daqing") == PersonName("Mao Daqing", "Mao", "Daqing")
    assert parse_person_name("Lei Ding").family == "Lei"
    assert parse_person_name("Ouyang Feng").family == "Ouyang"


def test_parse_person_name_reorders_given_first_chinese_name_with_warning():
    name, warnings = parse_person_name_with_warnings("Yanhua Liu")
    assert (name.display, name.family) == ("Liu Yanhua", "Liu")
    assert warnings == (Warning.NAME_ORDER_GUESSED,)


def test_parse_person_name_spaces_glued_initial_and_keeps_written_form():
    assert parse_person_name("Carter J.Brandon") == PersonName(
        "Carter J. Brandon", "Brandon", "Carter J.", ("Carter J.Brandon",)
    )
    assert parse_person_name("Abdulrahman A.Elkhereiji").display == "Abdulrahman A. Elkhereiji"


def test_parse_person_name_keeps_hyphenated_family_and_diacritics():
    assert parse_person_name("Edward Clarence-Smith").family == "Clarence-Smith"
    assert parse_person_name("Bojan Lalić") == PersonName("Bojan Lalić", "Lalić", "Bojan")


def test_parse_person_name_does_not_reorder_western_names():
    assert parse_person_name("Peter Cook").display == "Peter Cook"
    assert parse_person_name("Anna Li").display == "Anna Li"


def test_parse_person_name_warns_on_single_word():
    name, warnings = parse_person_name_with_warnings("Dr. Chen")
    assert name.display == "Chen"
    assert Warning.SINGLE_WORD_NAME in warnings


def test_name_key_ignores_case_order_accents_and_honorifics():
    assert name_key("Mr. Yanhua LIU") == name_key("Liu Yanhua")
    assert name_key("Bojan Lalić") == name_key("bojan lalic")
    assert name_key("Carter J.Brandon") == name_key("Carter J. Brandon")


def test_initials_written_together_keep_their_capitals_a_surname_does_not():
    assert [
        (parse_person_name(n).display, parse_person_name(n).family)
        for n in ("KS Wong", "NG Kai-ming")
    ] == [("KS Wong", "Wong"), ("Ng Kai-ming", "Ng")]


def test_particles_join_the_family_name():
    name = parse_person_name("Ursula von der Leyen")
    assert (name.family, name.given) == ("von der Leyen", "Ursula")
    assert family_start_with_particles(["Li", "Wei"], 0) == 0


def test_a_hong_kong_name_keeps_its_written_order_with_the_surname_in_the_middle():
    name = parse_person_name("Paul Chan Mo-po")
    assert (name.display, name.family, name.given) == ("Paul Chan Mo-po", "Chan", "Mo-po")
    assert name.forms == ("Paul Chan",)
    assert hong_kong_written_name(["Tom", "Wen-li", "Chou"]) is None


def test_unglue_pinyin_name_spaces_a_surname_glued_to_its_given_name():
    assert [unglue_pinyin_name(w) for w in ("ShuYinbiao", "YouTube", "Shanghai", "WeChat")] == [
        "Shu Yinbiao",
        None,
        None,
        None,
    ]
