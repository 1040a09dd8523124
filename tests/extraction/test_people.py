import pytest

from events.extraction import extract_report
from events.extraction.organizations import OrganizationIndex, find_organizations
from events.extraction.people import find_participants
from events.extraction.people.introductions import (
    addressed_after_title,
    after_list_opener,
    and_inside_body_name,
    appositive_as_brackets,
    are_initials_before_surname,
    body_after_titled_name,
    bracket_after_comma,
    closing_bare_name,
    closing_body,
    dashes_as_brackets,
    ends_in_nationality,
    english_gloss,
    fields_before_title,
    has_english_name_before_hyphenated_given,
    has_hong_kong_given_name_last,
    has_three_word_western_name,
    is_address_before_name,
    is_arabic_article_name,
    is_capitalised_family_name,
    is_known_post,
    is_salutation_line,
    is_state_title,
    is_three_word_chinese_name,
    is_titled_surname,
    name_between_title_and_body,
    name_with_body,
    owner_title,
    particled_name_size,
    read_addressed_name_at_end,
    read_greeting_items,
    read_salutation_names,
    relative_title,
    singular_title,
    speaker_card,
    split_at_and,
    split_at_contrast,
    split_segments,
    split_trailing_predicate,
    starts_predicate,
    title_before_name,
    title_ends_in_country,
    title_ends_in_portfolio,
    title_opens_sentence,
    titled_names_joined,
    titles_after,
    titles_in_commas_before_name,
    titles_of_next_item,
    unglue_names_before_titles,
    without_time_before_verb,
    written_key,
)
from events.extraction.people.mentions import tidy_talk_title
from events.extraction.people.positions import (
    acronym_led_office,
    bare_head_prefix,
    body_without_title,
    brand_served_for,
    company_before_executive_title,
    continues_portfolio,
    described_body,
    drop_owner_in_brackets,
    infer_ministry,
    is_bare_head,
    is_local_committee,
    is_named_body,
    known_org_prefix,
    ministry_named_in_other_order,
    names_a_body,
    names_owned_unit,
    owned_unit_or_body,
    owner_before_title,
    region_governed,
    split_title_at_capitalised_body,
    written_body_prefix,
)
from events.extraction.people.words import (
    People,
    PersonDraft,
    Segment,
    is_brand_phrase,
    strip_leading_fillers,
    title_phrase_leads,
)
from events.extraction.records import Position, Role, Span, Warning
from events.extraction.text import split_sentences


def _people(text):
    sentences = split_sentences(text)
    index = find_organizations(text, sentences)
    return {p.name.display: p for p in find_participants(text, sentences, index)}, index


def _positions(person):
    return [(p.title, p.organization) for p in person.positions]


def test_find_participants_reads_titles_and_ministry():
    people, _ = _people(
        "Mr. Yanhua LIU, director of National Climate Change Commission and former Vice Minister "
        "of Science and Technology of the P.R.C., said, cities matter."
    )
    liu = people["Liu Yanhua"]
    assert liu.role == Role.SPEAKER
    assert _positions(liu) == [
        ("director", "National Climate Change Commission"),
        ("former Vice Minister of Science and Technology", "Ministry of Science and Technology"),
    ]


def test_find_participants_moderator_with_acronym_expanded_and_region_in_title():
    people, _ = _people(
        "The meeting was held, and Edward Clarence-Smith, representative of UNIDO in China and "
        "Northeast Asia, hosted the meeting. Mr. Clarence pointed out: industry matters."
    )
    assert list(people) == ["Edward Clarence-Smith"]
    person = people["Edward Clarence-Smith"]
    assert person.role == Role.MODERATOR
    assert person.name.forms == ("Mr. Clarence",)
    assert _positions(person) == [
        (
            "representative in China and Northeast Asia",
            "United Nations Industrial Development Organization",
        )
    ]


def test_find_participants_list_with_semicolons_and_unit_titles():
    people, _ = _people(
        "Speakers included Gao Ming, general manager of Hebei Hydrogen Co., Ltd.; Li Na, professor "
        "of the School of Chemical Engineering of Tianjin University; and Yi Lisha, Chief "
        "Commercial Officer, who shared their views."
    )
    assert _positions(people["Gao Ming"]) == [("general manager", "Hebei Hydrogen Co., Ltd.")]
    assert _positions(people["Li Na"]) == [
        ("professor of School of Chemical Engineering", "Tianjin University")
    ]
    assert _positions(people["Yi Lisha"]) == [("Chief Commercial Officer", None)]
    assert Warning.NO_AFFILIATION in people["Yi Lisha"].warnings


def test_find_participants_keynote_talk_titles_and_online():
    people, _ = _people(
        "At the conference, keynote speakers, including Chu Junhao, an academician of the Chinese "
        "Academy of Sciences, and Sophie Laurent, head of sustainable finance of BNP Paribas, "
        'delivered speeches. Chu Junhao addressed the theme of "Carbon Goals". Sophie Laurent '
        "shared her views online."
    )
    assert people["Chu Junhao"].role == Role.KEYNOTE
    assert people["Chu Junhao"].talk_title == "Carbon Goals"
    assert _positions(people["Sophie Laurent"]) == [("head of sustainable finance", "BNP Paribas")]
    assert people["Sophie Laurent"].online is True


def test_find_participants_panel_and_title_before_name():
    people, _ = _people(
        "The forum was co-hosted by the Solar Villages Foundation (SVF). SVF China Program Director "
        "Maria Gonzalez opened the meeting. In the panel discussion moderated by Tang Rui, managing "
        "director of Qianhai Green Capital Co., Ltd., panelists Sun Qiang, vice president of Ping An "
        "Asset Management, discussed transition finance."
    )
    # "SVF China" is the foundation's China office, named with the foundation spelled out
    assert _positions(people["Maria Gonzalez"]) == [
        ("Program Director", "Solar Villages Foundation China")
    ]
    assert people["Tang Rui"].role == Role.MODERATOR
    assert people["Sun Qiang"].role == Role.PANELIST


def test_find_participants_attendees_are_not_speakers():
    people, _ = _people(
        "Liu Qing, head of the Yinchuan Rural Electrification Office, attended the meeting. "
        "Zeng Lei, Chief Representative of the Ningxia Energy Bureau, attended the meeting and "
        "delivered a speech."
    )
    assert people["Liu Qing"].role == Role.ATTENDEE
    assert people["Zeng Lei"].role == Role.SPEAKER


def test_find_participants_ignores_capitalised_non_names():
    people, _ = _people(
        "Live Pictures\nQuestion: What are the barriers?\nGovernment Representatives from Shanghai "
        "shared their practice. The person in charge of the organizer said it will continue. "
        "Representatives of Tianjin Greatmen Decoration Engineering shared their practice."
    )
    assert people == {}


def test_find_participants_never_raises_on_messy_prose():
    people, _ = _people(",,, and ; Mr. , said: ((( “unclosed quote, Dr. said and and")
    assert isinstance(people, dict)


def test_infer_ministry_from_minister_title():
    assert infer_ministry(
        "former Vice Minister of Housing and Urban-Rural Development of China"
    ) == (
        "former Vice Minister of Housing and Urban-Rural Development",
        "Ministry of Housing and Urban-Rural Development",
    )
    assert infer_ministry("former Foreign Minister of Japan") is None


def test_tidy_talk_title_straightens_misplaced_quotes():
    raw = "'One Belt, One Road 'helps green industries' go global '"
    assert tidy_talk_title(raw) == "'One Belt, One Road' helps green industries go global"


def test_find_participants_reads_titles_written_before_the_name():
    people, _ = _people(
        "Vice Minister of Commerce Sheng Qiuping said trade matters. "
        "Sinopec's chief economist Wang Lei noted that hydrogen is coming. "
        "UNDP Administrator Achim Steiner said finance is needed."
    )
    assert _positions(people["Sheng Qiuping"]) == [
        ("Vice Minister of Commerce", "Ministry of Commerce")
    ]
    assert _positions(people["Wang Lei"]) == [("chief economist", "Sinopec")]
    assert _positions(people["Achim Steiner"]) == [
        ("Administrator", "United Nations Development Programme")
    ]


def test_find_participants_reads_one_word_companies_brackets_and_from():
    people, _ = _people(
        "Zhang Lei, CEO of Envision, pointed out that parks help. "
        "Li Ming (Secretary-General, China Electronics Energy Saving Technology Association) "
        "read out the charter. Dr. Liu Xiaodan from Tencent introduced the plan."
    )
    assert _positions(people["Zhang Lei"]) == [("CEO", "Envision")]
    assert _positions(people["Li Ming"]) == [
        ("Secretary-General", "China Electronics Energy Saving Technology Association")
    ]
    assert _positions(people["Liu Xiaodan"]) == [("", "Tencent")]


def test_find_participants_skips_people_only_recalled():
    people, _ = _people(
        "President Xi Jinping proposed the Belt and Road Initiative in 2013. "
        "Premier Li Qiang, who addressed the opening plenary, had called for openness. "
        '"Carbon rules are the new passport," said Ma Jun, director of the Institute of Public '
        "and Environmental Affairs (IPE)."
    )
    assert set(people) == {"Ma Jun"}
    assert _positions(people["Ma Jun"]) == [
        ("director", "Institute of Public and Environmental Affairs")
    ]


def test_find_participants_reads_bulleted_speaker_list():
    people, _ = _people(
        "Speakers included:\n- Zou Ji, CEO and President, Energy Foundation China\n"
        "- Ms. Hui He, China Regional Director, International Council on Clean Transportation\n"
    )
    assert _positions(people["Zou Ji"]) == [("CEO and President", "Energy Foundation China")]
    assert _positions(people["He Hui"]) == [
        ("China Regional Director", "International Council on Clean Transportation")
    ]


def test_find_participants_reads_programme_table_row_with_session_role():
    people, _ = _people(
        "09:40-10:30 | Keynote: Blue carbon | Jiao Nianzhi, Academician, Chinese Academy of "
        "Sciences; Professor, Xiamen University\n"
    )
    jiao = people["Jiao Nianzhi"]
    assert jiao.role == Role.KEYNOTE
    assert _positions(jiao)[0] == ("Academician", "Chinese Academy of Sciences")


def test_find_participants_reads_transcript_turn_and_cue_phrases():
    people, _ = _people(
        "Xu Hua, Vice President, China Southern Power Grid Co., Ltd.: We trade power with Laos. "
        "Also present were Deputy Mayor of Hangzhou Chen Weiqiang and Yin Yu, Chairman of the "
        "Board of State Grid Zhejiang Electric Power Co., Ltd."
    )
    assert _positions(people["Xu Hua"]) == [("Vice President", "China Southern Power Grid")]
    assert _positions(people["Chen Weiqiang"]) == [
        ("Deputy Mayor of Hangzhou", "Hangzhou Municipal Government")
    ]
    assert _positions(people["Yin Yu"]) == [
        ("Chairman of the Board", "State Grid Zhejiang Electric Power Co., Ltd.")
    ]


def test_find_participants_keeps_name_particles_and_surname_he():
    people, _ = _people(
        "Ms. Ingrid van den Berg, Policy Officer at the European Commission, spoke. Company "
        "speakers included He Lin, Sustainability Director of Shenzhou International Group."
    )
    assert {"Ingrid van den Berg", "He Lin"} <= set(people)


def test_find_participants_moves_portfolio_into_title():
    people, _ = _people(
        "Mr. Wong Kam-sing, Secretary for the Environment of the Hong Kong SAR Government, spoke."
    )
    assert _positions(people["Wong Kam-sing"]) == [
        ("Secretary for the Environment", "Hong Kong SAR Government")
    ]


def first_affiliations(text: str) -> dict[str, str | None]:
    people, _ = _people(text)
    return {
        name: (p.positions[0].organization if p.positions else None) for name, p in people.items()
    }


def test_affiliation_after_a_dash_or_in_brackets():
    text = (
        "The Shanghai Environment and Energy Exchange (SEEE) hosted the talks. "
        "Dr. Yu Xiang – Shanghai Environment and Energy Exchange – explained the rules. "
        "Xiaoqiang Zhang (SEEE) described the plan."
    )
    found = first_affiliations(text)
    assert found["Yu Xiang"] == "Shanghai Environment and Energy Exchange"
    assert found["Zhang Xiaoqiang"] == "Shanghai Environment and Energy Exchange"


def test_affiliation_given_as_a_clause():
    text = (
        "Dr. Kim Soo-jin, representing the United Nations Development Programme, spoke. "
        "Chen Xiaoming, who heads the Blue Carbon Research Center at Hainan University, said "
        "restored mangroves absorbed more carbon. Wang Fang with the Hainan Research Academy of "
        "Environmental Sciences introduced the inventory. Liu Wenqing spoke on behalf of the "
        "China Youth Development Foundation about its programme."
    )
    found = first_affiliations(text)
    assert found["Kim Soo-jin"] == "United Nations Development Programme"
    assert found["Chen Xiaoming"] and "Hainan University" in found["Chen Xiaoming"]
    assert found["Wang Fang"] == "Hainan Research Academy of Environmental Sciences"
    assert found["Liu Wenqing"] == "China Youth Development Foundation"


def test_possessive_body_and_lowercase_ministry():
    text = (
        "Envision Group's Zhang Lei said costs fell. Zhao Yingmin, vice minister of ecology and "
        "environment, said the market would grow."
    )
    found = first_affiliations(text)
    assert found["Zhang Lei"] == "Envision Group"
    assert found["Zhao Yingmin"] == "Ministry of Ecology and Environment"


def test_official_titles_bare_acronyms_units_and_un_titles():
    text = (
        "Marco Bellini, an official with the MOF, said tax rules would change. "
        "Kevin Ho, head of sustainable finance at HSBC, said bonds grew. "
        "Liu Mei, a professor at Nanjing University's School of Environment, said soil mattered. "
        "Ana Torres, UN Resident Coordinator in China, opened the event."
    )
    found = first_affiliations(text)
    assert found["Marco Bellini"] == "Ministry of Finance"
    assert found["Kevin Ho"] == "HSBC"
    assert "Nanjing University" in found["Liu Mei"]
    assert found["Ana Torres"] == "United Nations"


def test_city_first_names_kept_and_campaign_names_rejected():
    text = (
        "Florence Girard, policy officer of the French Development Agency, spoke. "
        "Sydney Chen, analyst at BloombergNEF, spoke. Beat Plastic Pollution, the campaign of "
        "the year, was praised. Sino-German Hydrogen Dialogue, a platform, said it would grow."
    )
    found = first_affiliations(text)
    assert {"Florence Girard", "Sydney Chen"} <= set(found)
    assert not {"Beat Plastic Pollution", "Sino-German Hydrogen Dialogue"} & set(found)


def test_stacked_honorifics_before_a_name():
    report = extract_report(
        "Energy dialogue held in Chengdu\n\nOn 10 December 2020, the dialogue was held in "
        "Chengdu. Keynote speeches were delivered by Prof. Dr. Claudia Kemfert, Head of the "
        "Energy Department at the German Institute for Economic Research.\n",
        source="t.txt",
    )
    names = [p.name.display for p in report.events[0].participants]
    assert names == ["Claudia Kemfert"]


@pytest.mark.parametrize(
    ("phrase", "body"),
    [
        ("Shanghai Environment and Energy Exchange", True),
        ("City of London", True),
        ("Foreign Affairs", False),
        ("Shanghai Pudong", False),
        ("China for UN Climate Talks", False),
    ],
)
def test_names_a_body(phrase, body):
    assert names_a_body(phrase) is body


def test_affiliations_to_bodies_no_organisation_noun_heads():
    found = first_affiliations(
        "Lai Xiaoming, chairman of the Shanghai Environment and Energy Exchange, emphasized the "
        "goal. Sherry Madera, Special Adviser for Asia from the City of London, said so. "
        "Hamid Sharif, Country Director, ADB PRC Resident Mission, spoke."
    )
    assert found == {
        "Lai Xiaoming": "Shanghai Environment and Energy Exchange",
        "Sherry Madera": "City of London",
        "Hamid Sharif": "ADB PRC Resident Mission",
    }


def test_honorifics_of_envoys_and_peers_are_no_part_of_a_name():
    people, _ = _people(
        "Excellency Ren Yaping, (Deputy Director of National Committee on Population Resources "
        "and Environment, CPPCC), spoke. Lord Nicholas Stern, professor at the London School "
        "of Economics, spoke. H.E. Maria Lopez, Ambassador of Chile, spoke."
    )
    assert sorted(people) == ["Maria Lopez", "Nicholas Stern", "Ren Yaping"]


def test_bracket_after_comma():
    assert bracket_after_comma("Excellency Huang Zhiqiang, (Vice-Chairman of X), Ambassadors") == (
        "Excellency Huang Zhiqiang (Vice-Chairman of X), Ambassadors"
    )


def test_a_list_goes_on_with_a_chinese_name_after_and():
    found = first_affiliations(
        "Zhang Jianhua, minister of the National Energy Administration of China and Zhou "
        "Naixiang, acting governor of Shandong Province, attended the opening ceremony."
    )
    assert found == {
        "Zhang Jianhua": "National Energy Administration of China",
        "Zhou Naixiang": "People's Government of Shandong Province",
    }


def test_region_governed():
    assert region_governed("Vice-Chairman of Inner Mongolia Autonomous Region") == (
        "Inner Mongolia Autonomous Region"
    )
    assert region_governed("Chairman of the Board") is None


def test_after_list_opener():
    assert after_list_opener("three experts including former US Special Envoy Mr. Todd Stern") == (
        "former US Special Envoy Mr. Todd Stern"
    )
    assert after_list_opener("the forum discussed finance") == "the forum discussed finance"
    assert after_list_opener("The speakers were: Li Wei") == "Li Wei"
    assert after_list_opener("Panellists were Thomas Becker") == "Thomas Becker"


def test_list_after_a_colon_gives_its_first_person():
    people, _ = _people(
        "The speakers were: Li Wei, Secretary General of the China Solar Association; "
        "Zhang Hua, Head of Research, Asia Climate Partners."
    )
    assert _positions(people["Li Wei"]) == [("Secretary General", "China Solar Association")]


def testparticled_name_size():
    lead = ["Secretary", "of", "the", "Macao", "SAR", "Raimundo", "Arrais", "do", "Rosário"]
    assert particled_name_size(lead) == 4
    assert particled_name_size(["Director", "Li", "Wei"]) is None


def test_title_before_a_name_with_particles():
    people, _ = _people(
        "Guests included Secretary for Transport and Public Works of the Macao SAR Raimundo "
        "Arrais do Rosário."
    )
    assert "Raimundo Arrais do Rosário" in people


def test_names_with_particles_and_apostrophes_and_capitalised_cantonese_surnames():
    people, _ = _people(
        "Speakers included Ana de la Vega, Director of the Clean Air Institute, and Pieter van "
        "'t Hof, Head of the Dutch Water Authority. HO Ka-ming, Chairman of the Hong Kong Green "
        "Council, also spoke."
    )
    assert _positions(people["Pieter van 't Hof"]) == [("Head", "Dutch Water Authority")]
    assert _positions(people["Ho Ka-ming"]) == [("Chairman", "Hong Kong Green Council")]


def test_brand_phrase_after_from_or_at_a_name():
    assert is_brand_phrase("BASF Greater China") and is_brand_phrase("Enel Green Power")
    assert not is_brand_phrase("Greater China") and not is_brand_phrase("Green Finance Forum")
    people, _ = _people("Panellists were Thomas Becker from BASF Greater China.")
    assert _positions(people["Thomas Becker"]) == [("", "BASF Greater China")]


def test_titles_before_names_with_to_honorifics_and_list_openers():
    people, _ = _people(
        "Chinese Ambassador to the United States Qin Gang answered questions. In addition, "
        "experts including former US Special Envoy for Climate Change Mr. Todd Stern, Chairman "
        "of the UK Energy Transitions Commission Lord Adair Turner, joined a panel discussion. "
        "Ms. Anna Krautzberger, President of the German Environment Agency and Mr. Hideki "
        "Minamikawa, Member of the Japan Environmental Sanitation Center, spoke."
    )
    assert {name: _positions(p) for name, p in people.items()} == {
        "Qin Gang": [("Chinese Ambassador to the United States", None)],
        "Todd Stern": [("former US Special Envoy for Climate Change", None)],
        "Adair Turner": [("Chairman", "UK Energy Transitions Commission")],
        "Anna Krautzberger": [("President", "German Environment Agency")],
        "Hideki Minamikawa": [("Member", "Japan Environmental Sanitation Center")],
    }


def test_people_in_present_perfect_lists_and_after_an_acronym():
    found = first_affiliations(
        "Jin Liqun, President of the Asian Infrastructure Investment Bank, has said the bank "
        "grows. Guests in attendance include Jiang Wanrong, Deputy Minister of Housing and "
        "Urban-Rural Development, Zong Ming, Deputy Director of the Shanghai Municipal People's "
        "Congress. Keynote speeches were given by Su Wei, Director General of Climate Change at "
        "NDRC and Veerle Vandeweerd, Director of the Environment and Energy Group at UNDP."
    )
    assert found == {
        "Jin Liqun": "Asian Infrastructure Investment Bank",
        "Jiang Wanrong": "Ministry of Housing and Urban-Rural Development",
        "Zong Ming": "Shanghai Municipal People's Congress",
        "Su Wei": "National Development and Reform Commission",
        "Veerle Vandeweerd": "United Nations Development Programme",
    }


def test_what_a_person_had_done_before_is_recalled_not_reported():
    people, _ = _people("Li Wei, director of the Energy Foundation, has long called for reform.")
    assert people == {}


@pytest.mark.parametrize(
    ("text", "body"),
    [
        ("UNDP China", True),
        ("Energy Innovation", True),
        ("Tsinghua Graduate School", True),
        ("Beijing", False),
        ("John Smith", False),
        ("Director of Research", False),
        ("Embassy of the Republic of Blueland", True),
        ("Embassy the Blueland", False),
    ],
)
def test_is_named_body(text, body):
    assert is_named_body(text) is body


def test_name_title_body_after_a_title_with_and():
    found = first_affiliations(
        "Jane Doe, Ambassador Extraordinary and Plenipotentiary, Embassy of the Republic of "
        "Kenya, gave the opening remarks.\n"
    )
    assert found == {"Jane Doe": "Embassy of the Republic of Kenya"}


def test_name_title_body_with_no_organisation_noun():
    found = first_affiliations(
        "Ms. Beate Trankmann, Resident Representative, UNDP China, delivers remarks.\n"
        "Chris Busch, Director of Research, Energy Innovation\n"
    )
    assert found == {"Beate Trankmann": "UNDP China", "Chris Busch": "Energy Innovation"}


def test_split_trailing_predicate():
    assert split_trailing_predicate("vice-chairman of the 11th CPPCC praised the work") == (
        "vice-chairman of the 11th CPPCC",
        "praised the work",
    )
    assert split_trailing_predicate("Director of the Center") == ("Director of the Center", "")
    assert split_trailing_predicate("Chairman of State Grid paid a visit") == (
        "Chairman of State Grid",
        "paid a visit",
    )
    assert split_trailing_predicate("Partner of Climate Bridge Ltd. Mr. Zhou said so") == (
        "Partner of Climate Bridge Ltd. Mr. Zhou said so",
        "",
    )


def test_titles_running_into_the_verb_and_local_committees():
    people, _ = _people(
        "Shi Zihai, Deputy Secretary-General of the National Development and Reform Commission "
        "delivered a keynote speech.\nHuang Shizhong, vice chairman of Xiamen Municipal Committee "
        "of the CPPCC, called on enterprises to act."
    )
    assert {name: (p.role, _positions(p)) for name, p in people.items()} == {
        "Shi Zihai": (
            Role.KEYNOTE,
            [("Deputy Secretary-General", "National Development and Reform Commission")],
        ),
        "Huang Shizhong": (
            Role.SPEAKER,
            [("vice chairman", "Xiamen Municipal Committee of the CPPCC")],
        ),
    }
    assert is_local_committee("Xiamen Municipal Committee") and not is_local_committee(
        "Expert Committee"
    )


@pytest.mark.parametrize(
    ("title", "state"),
    [
        ("President", True),
        ("Chinese President", True),
        ("China's Vice Premier", True),
        ("Association President", False),
        ("President of the Energy Foundation", False),
    ],
)
def test_is_state_title(title, state):
    assert is_state_title(title) is state


def test_a_state_leader_quoted_is_no_participant():
    people, _ = _people(
        "According to Chinese President Xi Jinping, green development is the path, noted Lu "
        "Cairong, director of the Energy Foundation."
    )
    assert "Xi Jinping" not in people


def test_body_after_titled_name():
    assert body_after_titled_name("of FCSSC gave a keynote speech") == (
        "FCSSC",
        "gave a keynote speech",
    )
    assert body_after_titled_name("gave a speech") == ("", "gave a speech")
    assert body_after_titled_name("of FCSSC") == ("FCSSC", "")
    assert body_after_titled_name("from the River Agency (RA) spoke") == ("River Agency", "spoke")


def test_title_name_then_body_then_verb():
    found = first_affiliations(
        "Deputy Director General Zhou Meixiang of FCSSC gave a keynote speech. Deputy director "
        "Wang Zhongying from Energy Research Institute did the keynote speech."
    )
    assert found == {"Zhou Meixiang": "FCSSC", "Wang Zhongying": "Energy Research Institute"}


def test_programme_lines_of_a_name_and_a_body():
    people, _ = _people(
        "Speakers\nBenjamin Barratt, King’s College London\nHe Kebin, Executive Vice-President, "
        "Tsinghua Graduate School and Professor of School of Environment, Tsinghua University\n"
        "Li Wei, director\n"
    )
    assert {name: _positions(p) for name, p in people.items()} == {
        "Benjamin Barratt": [("", "King’s College London")],
        "He Kebin": [
            ("Executive Vice-President", "Tsinghua Graduate School"),
            ("Professor of School of Environment", "Tsinghua University"),
        ],
        "Li Wei": [("director", None)],
    }


def test_groups_events_and_headline_subjects_are_no_people():
    people, _ = _people(
        "Senior Diplomats from 20 countries discuss the transition.\nThe Youth Seminar, held by "
        "the center, said so. Many Austrian guests attended. Liu Qiang, director of the "
        "Energy Foundation, said so."
    )
    assert list(people) == ["Liu Qiang"]


def test_greeting_items_name_each_guest_with_titles_in_brackets():
    people, _ = _people(
        "Margaret (Executive Director, Hong Kong Trade Development Council, Ms Margaret Fong), "
        "Director-General Gao (Director-General of the Department of Energy Conservation of "
        "the Ministry of Industry and Information Technology, Mr Gao Yunhu), Ir Lo (Chairman, "
        "Hong Kong Green Strategy Alliance, Ir Lo Wai Kee), ladies and gentlemen,"
    )
    assert {name: (p.role, p.name.forms, _positions(p)) for name, p in people.items()} == {
        "Margaret Fong": (
            Role.ATTENDEE,
            ("Margaret",),
            [("Executive Director", "Hong Kong Trade Development Council")],
        ),
        "Gao Yunhu": (
            Role.ATTENDEE,
            ("Gao",),
            [
                (
                    "Director-General of Department of Energy Conservation",
                    "Ministry of Industry and Information Technology",
                )
            ],
        ),
        "Lo Wai Kee": (
            Role.ATTENDEE,
            ("Lo", "Ir Lo"),
            [("Chairman", "Hong Kong Green Strategy Alliance")],
        ),
    }


def test_name_closing_predicate_reads_the_person_a_preposition_reaches_before_a_title():
    people, _ = _people(
        "Mr. Alan Li reported the plan to Nur Bekri, Director of the National Energy "
        "Administration, about the progress of the plant. The plan was sent to Beijing, "
        "Director of nothing."
    )
    assert _positions(people["Nur Bekri"]) == [("Director", "National Energy Administration")]
    assert people["Nur Bekri"].role == Role.ATTENDEE  # "about the progress" is Alan Li's
    assert "Beijing" not in people
    heard, _ = _people(
        "Ana Lee listened to the speech of Liu He, director of the Blue River Agency."
    )
    assert heard["Liu He"].role == Role.SPEAKER
    assert [
        s.text
        for s in titles_after([Segment("Director of X"), Segment("about it")], OrganizationIndex())
    ] == ["Director of X"]
    assert "Beijing" not in people


def test_described_body_takes_the_name_after_the_noun_that_describes_it():
    index = OrganizationIndex()
    assert described_body("CEO & Co-Founder of the Independent Climate think tank E3G", index) == (
        "CEO & Co-Founder",
        "E3G",
    )
    assert described_body("Head of the energy team Blue", index) is None


def test_a_fellow_from_a_centre_at_a_body_keeps_the_whole_name_as_the_organisation():
    people, _ = _people(
        "Nick Mabey, CEO of E3G, Jiangwen Guo, Senior Research Fellow from the Environment and "
        "Society Centre at Chatham House, spoke."
    )
    assert _positions(people["Guo Jiangwen"]) == [
        ("Senior Research Fellow", "Environment and Society Centre at Chatham House")
    ]
    assert title_phrase_leads("Senior Research Fellow from the Environment and Society Centre")


def test_owned_unit_or_body_keeps_a_unit_in_the_title_but_an_institute_is_the_body():
    index = OrganizationIndex()
    owner = index.register("Tsinghua University", Span(0, 5))
    assert owned_unit_or_body("Energy Working Group", owner, Span(0, 5), index) == (
        "Energy Working Group",
        "Tsinghua University",
    )
    assert owned_unit_or_body("Institute for Carbon Neutrality", owner, Span(0, 5), index) == (
        None,
        "Institute for Carbon Neutrality",
    )
    assert "Institute for Carbon Neutrality" in index.names()


def test_owner_title_moves_a_possessive_owner_but_not_one_inside_a_body():
    index = OrganizationIndex()
    assert [
        owner_title(title, index)
        for title in (
            "Sinopec's chief economist",
            "Vice-Governor of the People’s Government of Guangdong Province",
        )
    ] == [
        "chief economist of Sinopec",
        "Vice-Governor of the People’s Government of Guangdong Province",
    ]


def test_salutation_names_the_guests_addressed_before_ladies_and_gentlemen():
    people = People()
    assert read_salutation_names(
        "Dear Anna (Berg), Mr Tan, Dr. Omar Said, Distinguished Guests, Ladies and Gentlemen,",
        Span(0, 10),
        people,
    )
    assert [(p.written, p.forms, p.role) for p in people] == [
        ("Anna Berg", ["Anna"], Role.ATTENDEE),
        ("Tan", [], Role.ATTENDEE),
        ("Omar Said", [], Role.ATTENDEE),
    ]


def test_read_salutation_names_is_false_for_prose_after_the_greeting():
    people = People()
    assert not read_salutation_names(
        "Mr Tan, ladies and gentlemen, welcome to the forum.", Span(0, 10), people
    )
    assert list(people) == []


def test_appositive_as_brackets_reads_a_title_after_a_name_with_no_comma():
    assert [
        appositive_as_brackets(sentence)
        for sentence in (
            "Ana K Lee the MD of Blue Capital Ltd presented the plan",
            "Beijing the capital of China is large",
            "Ana Lee the Director of Blue Capital Ltd.",
        )
    ] == [
        "Ana K Lee (MD of Blue Capital Ltd) presented the plan",
        "Beijing the capital of China is large",
        "Ana Lee the Director of Blue Capital Ltd.",
    ]


def test_a_name_then_its_title_with_no_comma_is_one_person_with_a_position():
    people, _ = _people("Ana K Lee the MD of Blue Capital Ltd presented the plan.")
    assert {name: _positions(p) for name, p in people.items()} == {
        "Ana K Lee": [("MD", "Blue Capital Ltd")]
    }


def test_read_greeting_items_is_false_for_a_sentence_with_no_salutation():
    people = []
    assert not read_greeting_items(
        "The forum (held online, Mr Li said) closed.", Span(0, 10), OrganizationIndex(), people
    )
    assert people == []


def test_split_title_at_capitalised_body_reads_bodies_no_head_noun_marks():
    assert [
        split_title_at_capitalised_body(title)
        for title in (
            "Chairperson of Friends of the Earth (HK)",
            "Deputy Consul General of the Chinese Consulate General in Chicago",
            "Director of the Building and Construction Authority (BCA) of Singapore",
            "Professor of Economics",
            "Chief Executive of the Macao SAR",
            "delegate of China for UN Climate Talks",
            "Chairman of Friday Culture Ltd Prof. Herman Hu",
        )
    ] == [
        ("Chairperson", "Friends of the Earth (HK)"),
        ("Deputy Consul General", "Chinese Consulate General in Chicago"),
        ("Director", "Building and Construction Authority"),
        None,
        None,
        None,
        None,
    ]


def test_people_introduced_after_passive_verbs_and_include():
    people, _ = _people(
        "The opening ceremony was officiated by Ho Iat Seng, Chief Executive of the Macao SAR. "
        "Moderated by Dr. Henry Ho, Founder of One Country Two Systems Youth Forum, the panel "
        "went on. The symposium was opened by An Fengquan, Deputy Director of the National "
        "Energy Administration. The guests include Chief Executive Ho Iat Seng."
    )
    assert {name: (p.role, _positions(p)[:1]) for name, p in people.items()} == {
        "Ho Iat Seng": (Role.ATTENDEE, [("Chief Executive of the Macao SAR", None)]),
        "Henry Ho": (Role.MODERATOR, [("Founder", "One Country Two Systems Youth Forum")]),
        "An Fengquan": (Role.SPEAKER, [("Deputy Director", "National Energy Administration")]),
    }


def test_is_capitalised_family_name_after_a_given_name_only():
    index = OrganizationIndex()
    assert [
        is_capitalised_family_name(word, taken, index)
        for word, taken in (
            ("HEDEGAARD", ["Connie"]),
            ("KONO", ["Taro"]),
            ("UNDP", ["Connie"]),
            ("AESC", ["Envision"]),
            ("PDR", ["Lao"]),
            ("WATSON", []),
        )
    ] == [True, True, False, False, False, False]


def test_western_names_with_the_family_name_in_capitals():
    people, _ = _people(
        "The guests included Connie HEDEGAARD, European Commissioner for Climate Action, and "
        "Yoriko KAWAGUCHI, former Foreign Minister of Japan."
    )
    assert {name: (p.name.forms, _positions(p)) for name, p in people.items()} == {
        "Connie Hedegaard": (
            ("Connie HEDEGAARD",),
            [("European Commissioner for Climate Action", None)],
        ),
        "Yoriko Kawaguchi": (("Yoriko KAWAGUCHI",), [("former Foreign Minister of Japan", None)]),
    }


def test_a_head_noun_alone_is_no_organisation():
    assert [is_bare_head(t) for t in ("Parliament", "the Ministry", "European Parliament")] == [
        True,
        True,
        False,
    ]


def test_three_word_hong_kong_and_macao_names():
    assert [
        is_three_word_chinese_name(words)
        for words in (["Ho", "Iat", "Seng"], ["Lei", "Wai", "Nong"], ["Macao", "SAR", "Ho"])
    ] == [True, True, False]
    people, _ = _people(
        "The guests include Chief Executive of the Macao SAR Ho Iat Seng, Deputy Director of "
        "the Liaison Office Huang Liuquan, Secretary for Economy and Finance of the Macao SAR "
        "Lei Wai Nong."
    )
    assert sorted(people) == ["Ho Iat Seng", "Huang Liuquan", "Lei Wai Nong"]


def test_initials_written_together_before_a_chinese_family_name():
    assert [
        are_initials_before_surname(word, taken, following)
        for word, taken, following in (
            ("KS", [], "Wong,"),
            ("EU", [], "Commission"),
            ("KS", ["Li"], "Wong"),
        )
    ] == [True, False, False]


def test_read_addressed_name_at_end_of_a_prose_segment():
    index = OrganizationIndex()
    opening = read_addressed_name_at_end(
        "followed by the speeches of officiating guests Mr. KS Wong", index
    )
    assert (opening.name, opening.rest) == ("Mr. KS Wong", "")
    assert read_addressed_name_at_end("Mr. Li's team presented the plan", index) is None


def test_a_title_closed_by_its_body_acronym():
    people, _ = _people(
        "After Mr. XIE Zhenhua, Special Adviser for Climate Change Affairs (MEE), received an "
        "interview, officials spoke."
    )
    assert _positions(people["Xie Zhenhua"]) == [
        ("Special Adviser for Climate Change Affairs", "Ministry of Ecology and Environment")
    ]


def test_known_org_prefix_before_a_title():
    assert known_org_prefix(["UNEP", "Executive", "Director"]) == ("UNEP", "Executive Director")
    assert known_org_prefix(["Asian", "Development", "Bank", "Vice", "President"]) == (
        "Asian Development Bank",
        "Vice President",
    )
    assert known_org_prefix(["Senior", "Program", "Officer"])[0] is None
    assert (
        known_org_prefix(["EIB", "Chair", "in", "Climate", "Policy", "at", "the", "Institute"])[0]
        is None
    )
    people, _ = _people("Inger Andersen, UNEP Executive Director, said cooperation matters.")
    assert _positions(people["Inger Andersen"]) == [
        ("Executive Director", "United Nations Environment Programme")
    ]


def test_body_without_title():
    index = OrganizationIndex()
    assert body_without_title("Green Bank", index) == "Green Bank"
    assert body_without_title("Chief Economist of Green Bank", index) is None
    assert body_without_title("Beijing", index) is None
    assert body_without_title("First Counsel of the Ministry attended the ceremony", index) is None
    people, _ = _people("Sam Ortiz, Green Bank, said cooperation matters.")
    assert _positions(people["Sam Ortiz"]) == [("", "Green Bank")]


def test_shared_plural_title_for_a_list_of_names():
    assert singular_title("Honorary Presidents") == "Honorary President"
    assert singular_title("Guests") is None
    people, _ = _people("Professors Li Wei, Zhang Hua and Chen Bo of Tsinghua University spoke.")
    assert {name: _positions(p) for name, p in people.items()} == {
        name: [("Professor", "Tsinghua University")] for name in ("Li Wei", "Zhang Hua", "Chen Bo")
    }


def test_shared_plural_title_for_a_list_that_ends_in_and_others():
    people, _ = _people("Municipal leaders Li Wei, Zhang Hua, and others attended the forum.")
    assert {name: _positions(p) for name, p in people.items()} == {
        name: [("leader", None)] for name in ("Li Wei", "Zhang Hua")
    }
    assert people["Li Wei"].role is Role.ATTENDEE


def test_shared_plural_title_for_names_each_with_their_own_body_in_brackets():
    people, _ = _people(
        "He spoke with Professors Ana Lee (Lakeside University) and Tom Hale (Hill College)."
    )
    assert {name: _positions(p) for name, p in people.items()} == {
        "Ana Lee": [("Professor", "Lakeside University")],
        "Tom Hale": [("Professor", "Hill College")],
    }


def test_drop_owner_in_brackets_indexes_the_owner_and_keeps_the_post():
    index = OrganizationIndex()
    assert [
        drop_owner_in_brackets(text, Span(0, 10), index)
        for text in (
            "VP of Blue Capital Services (Hill Group)",
            "Director of the Bank of Hill (Acting)",
            "Director (Hill Group)",
        )
    ] == [
        "VP of Blue Capital Services",
        "Director of the Bank of Hill (Acting)",
        "Director (Hill Group)",
    ]
    assert index.names() == ("Hill Group",)


def test_a_vp_of_a_body_owned_by_a_group_in_brackets():
    people, _ = _people("Ana Lee, VP of Blue Capital Services (Hill Group), said so.")
    assert _positions(people["Ana Lee"]) == [("VP", "Blue Capital Services")]


def test_titles_in_commas_before_name_after_a_scene_setting_phrase():
    index = OrganizationIndex()
    segments = split_segments(
        "At the forum, Adviser to the Blue Council, former Director of the Hill Fund, Ana Lee, "
        "said so."
    )
    assert [s.text for s in titles_in_commas_before_name(segments, 3, index)] == [
        "Adviser to the Blue Council",
        "former Director of the Hill Fund",
    ]
    segments = split_segments("The panel met in Lisbon, Director of X, Ana Lee said so.")
    assert titles_in_commas_before_name(segments, 2, index) == []


def test_a_person_gets_each_title_written_before_the_name():
    people, _ = _people(
        "At the forum, Adviser to the Blue Council, former Director of the Hill Fund, Ana Lee, "
        "said so."
    )
    assert _positions(people["Ana Lee"]) == [
        ("Adviser", "Blue Council"),
        ("former Director", "Hill Fund"),
    ]


def test_names_owned_unit_needs_a_unit_noun_and_a_body_for_owner():
    index = OrganizationIndex()
    index.register("Blue Energy Agency", Span(0, 10), acronym="BEA")
    assert [
        names_owned_unit(phrase, index)
        for phrase in ("BEA’s International Division", "Blueland's Trade Office", "BEA’s Plans")
    ] == [True, False, False]


def test_a_post_in_a_unit_named_with_its_owners_acronym_belongs_to_the_owner():
    people, _ = _people(
        "The Blue Energy Agency (BEA) hosted it. Gu Jun, deputy director of BEA’s "
        "International Division, spoke."
    )
    assert _positions(people["Gu Jun"]) == [
        ("deputy director of International Division", "Blue Energy Agency")
    ]


def test_title_ends_in_portfolio_when_only_portfolio_words_follow_its_of():
    assert [
        title_ends_in_portfolio(title.split(), name.split())
        for title, name in (
            ("Deputy Minister of Foreign Affairs", "Ana Lee"),
            ("Director of Blue Capital", "Ana Lee"),
            ("Envoy for Climate", "Change Affairs"),
        )
    ] == [True, False, False]


def test_english_name_before_a_hyphenated_given_name_is_one_three_word_name():
    assert has_english_name_before_hyphenated_given(["Vice", "Minister", "Tom", "Wen-li", "Chou"])
    assert not has_english_name_before_hyphenated_given(["Vice", "Minister", "Wen-li", "Chou"])
    people, _ = _people("Deputy Minister of Energy Tom Wen-li Chou said so.")
    assert _positions(people["Tom Wen-li Chou"]) == [
        ("Deputy Minister of Energy", "Ministry of Energy")
    ]


def test_a_hong_kong_name_with_its_given_name_last_is_one_three_word_name():
    assert has_hong_kong_given_name_last(["Financial", "Secretary", "Paul", "Chan", "Mo-po"])
    assert not has_hong_kong_given_name_last(["Secretary", "Chan", "Mo-po"])
    people, _ = _people("At the summit, Chief Executive Tom Lee Ka-chiu said so.")
    assert _positions(people["Tom Lee Ka-chiu"]) == [("Chief Executive", None)]


def test_a_titled_name_ends_before_and_a_lower_case_phrase():
    people, _ = _people(
        "The summit featured a keynote address by Governor Ana Lee and breakout sessions."
    )
    assert {name: (p.role, _positions(p)) for name, p in people.items()} == {
        "Ana Lee": (Role.KEYNOTE, [("Governor", None)])
    }


def test_salutation_lines_address_guests_present_even_under_a_leaders_title():
    assert is_salutation_line("Chairman Ana Lee,")
    assert not is_salutation_line("Ana Lee, Director of X, said so.")
    people, _ = _people("Chairman Ana Lee,\n\nLadies and Gentlemen,\n\nI thank you all.")
    assert {name: (p.role, _positions(p)) for name, p in people.items()} == {
        "Ana Lee": (Role.ATTENDEE, [("Chairman", None)])
    }


def test_people_listed_with_their_bodies_after_and():
    assert name_with_body("Ana Lee of Blue Capital")
    assert name_with_body("Li Wei (Tsinghua University)")
    assert not name_with_body("Ministry of Finance")
    people, _ = _people("Also speaking were Sam Ortiz of Green Bank and Ana Lee of Blue Capital.")
    assert _positions(people["Ana Lee"]) == [("", "Blue Capital")]


def test_closing_body_after_titles():
    assert closing_body("Blue Capital Partners", "")
    assert closing_body("Blue Capital Partners", "said finance matters")
    assert not closing_body("Zhang Hua", "")
    assert not closing_body("Maria Rossi", "Head of ESG")
    people, _ = _people("Dr. Ana Lee, Chief Economist, Blue Capital Partners")
    assert _positions(people["Ana Lee"]) == [("Chief Economist", "Blue Capital Partners")]


def test_speaker_cards_name_then_title_lines():
    text = (
        "Speakers\n\nLi Wei\n\nPresident, China Green Finance Association\n\nAna Lee\n\n"
        "Chief Economist\n\nBlue Capital Partners\n\nSam Ortiz\n\nSenior Fellow | Brookings Institution"
    )
    people, _ = _people(text)
    assert {name: _positions(p) for name, p in people.items()} == {
        "Li Wei": [("President", "China Green Finance Association")],
        "Ana Lee": [("Chief Economist", "Blue Capital Partners")],
        "Sam Ortiz": [("Senior Fellow", "Brookings Institution")],
    }
    sentences = split_sentences("Ana Lee said so.\n\nChief Economist")
    assert speaker_card("Ana Lee said so.\n\nChief Economist", sentences, 0) is None


def test_relative_clause_giving_a_title():
    index = OrganizationIndex()
    assert relative_title("who serves as Chairman of the China Green Finance Association", index)
    assert relative_title("who joined the ceremony", index) is None
    people, _ = _people(
        "Li Wei, who serves as Chairman of the China Green Finance Association, said finance matters."
    )
    assert _positions(people["Li Wei"]) == [("Chairman", "China Green Finance Association")]


def test_possessive_body_after_a_list_opener():
    people, index = _people("Joining him were Tsinghua University's Zhang Hua and others.")
    assert _positions(people["Zhang Hua"]) == [("", "Tsinghua University")]
    assert index.resolve("Joining him") is None


def test_title_led_name_after_a_quote_and_a_second_name_after_and():
    people, _ = _people(
        "“Clean energy is essential,” MOEA Minister Deng Chen-chung said. Also attending were "
        "AIT Director Christopher Marut and Robert Wang, U.S. senior official for APEC."
    )
    assert {"Deng Chen-chung", "Christopher Marut", "Robert Wang"} <= set(people)
    assert infer_ministry("Minister of MOEA") is None


def test_present_tense_verb_ends_a_title_written_without_a_comma():
    assert split_trailing_predicate("Resident Representative of UNDP China delivers remarks") == (
        "Resident Representative of UNDP China",
        "delivers remarks",
    )


def test_bare_head_prefix_names_the_one_body_with_that_head():
    index = OrganizationIndex()
    index.register("US-China Business Council", Span(0, 1))
    assert bare_head_prefix(["Council", "President"], index) == (
        "US-China Business Council",
        "President",
    )
    assert bare_head_prefix(["Foundation", "Chairman"], index) is None
    assert bare_head_prefix(["Deputy", "Director"], index) is None


def test_people_index_answers_with_the_first_person_met():
    first = PersonDraft(written="Wang Yi", forms=[], positions=[], evidence=Span(0, 7))
    second = PersonDraft(written="Wang Yu", forms=[], positions=[], evidence=Span(9, 16))
    people = People()
    people.append(first)
    people.append(second)
    people.add_key(second, "dr wang")
    people.add_key(first, "dr wang")
    assert people.first_with_key("dr wang") is first
    assert people.first_with_key("li na") is None


def test_graded_counsel_is_a_title_not_a_person():
    people, _ = _people(
        "Remarks were given by Zhou Ming, Second-Class Counsel of the Energy Bureau of Wuhan "
        "Municipality, and Lin Fang, Counsel of the Water Bureau."
    )
    assert sorted(people) == ["Lin Fang", "Zhou Ming"]
    assert _positions(people["Zhou Ming"])[0][0].startswith("Second-Class Counsel")


def test_written_key_is_the_key_of_the_shown_name():
    assert written_key("Associate Professor Liu Zhu") == written_key("Liu Zhu")
    assert written_key("Dr. Weimin QIAN") == written_key("Qian Weimin")


def test_a_person_listed_under_a_shared_title_and_named_again_is_one_person():
    people, _ = _people(
        "Associate Professors Wang Han, Liu Zhu and Li Wei of the Department of Physics of "
        "Fudan University attended the seminar. Associate Professor Liu Zhu talked about rivers."
    )
    assert list(people) == ["Wang Han", "Liu Zhu", "Li Wei"]
    assert [title for title, _ in _positions(people["Liu Zhu"])] == ["Associate Professor"]


def test_a_speech_heading_is_no_person():
    people, _ = _people("Closing Statement by Dr. Ana Lee at the River Forum\n\nAna Lee spoke.")
    assert list(people) == ["Ana Lee"]


def test_ends_in_nationality_is_no_family_name():
    assert ends_in_nationality(["Notable", "Swedish"])
    assert not ends_in_nationality(["Anders", "Lind"])
    people, _ = _people("Notable Swedish presence at the opening of the wind fair in Wuhan")
    assert people == {}


def test_is_titled_surname_reads_a_greeted_official():
    assert is_titled_surname(["Vice", "Mayor", "Tang"])
    assert is_titled_surname(["Deputy", "Director", "General", "Luo"])
    assert not is_titled_surname(["Director", "Tang", "Wei"])
    assert not is_titled_surname(["Director", "Energy"])
    assert not is_titled_surname(["Tang"])
    people, _ = _people(
        "Respected guests, Vice Mayor Tang, Wuxi Municipal Government\n\n"
        "Deputy Director Luo of the Blue River Energy Agency"
    )
    assert _positions(people["Tang"]) == [("Vice Mayor", "Wuxi Municipal Government")]
    assert _positions(people["Luo"]) == [("Deputy Director", "Blue River Energy Agency")]


def test_fields_before_title_keeps_a_ministry_whole_before_its_officials_title():
    assert fields_before_title("Ministry of Industry", "Information Technology Head of X Li Wei")
    assert not fields_before_title("Ministry of Industry", "Vice Minister Li Wei")
    assert not fields_before_title("Institute of Physics", "Tom Hale")
    people, _ = _people(
        "Ministry of Industry and Information Technology Head of the Industry Advancement "
        "Center Liu Yingjun gave a speech."
    )
    assert [p.organization for p in people["Liu Yingjun"].positions] == [
        "Ministry of Industry and Information Technology"
    ]


def test_unglue_names_before_titles_spaces_a_glued_name_only_before_a_title():
    index = OrganizationIndex()
    read = unglue_names_before_titles(
        [Segment("In 2018, ShuYinbiao"), Segment("Chairman of State Grid")], index
    )
    assert [s.text for s in read] == ["In 2018, Shu Yinbiao", "Chairman of State Grid"]
    kept = unglue_names_before_titles([Segment("HuaWei"), Segment("said so")], index)
    assert [s.text for s in kept] == ["HuaWei", "said so"]


def test_split_at_contrast_opens_a_second_subject_after_while():
    split = split_at_contrast(
        [Segment("Zhang Jing was elected Secretary General while Xu Yujie"), Segment("Liu Wei")],
        OrganizationIndex(),
    )
    assert [s.text for s in split] == [
        "Zhang Jing was elected Secretary General",
        "Xu Yujie",
        "Liu Wei",
    ]
    assert split_at_contrast([Segment("opened while Beijing hosted it")], OrganizationIndex()) == [
        Segment("opened while Beijing hosted it")
    ]


def test_starts_predicate_reads_an_auxiliary_before_a_title_as_a_verb():
    assert starts_predicate("was elected Secretary General")
    assert not starts_predicate("Secretary General of CNESA")


def test_and_inside_body_name_keeps_one_school():
    assert and_inside_body_name("from the School of Marine", "Coastal Engineering")
    assert not and_inside_body_name("director of the School of Law", "Li Wei")
    assert not and_inside_body_name("director of the Institute of Physics", "Mr. Tom Hale")
    assert not and_inside_body_name("director of the Institute of Physics", "Tom Hale")
    assert not and_inside_body_name("Director of the Bureau", "Deputy Mayor")
    people, _ = _people(
        "Professor Tom Hale from the Department of Marine and Coastal Engineering, Blue Coast "
        "University talked about tides."
    )
    assert list(people) == ["Tom Hale"]
    assert _positions(people["Tom Hale"])[0] == (
        "professor",
        "Department of Marine and Coastal Engineering",
    )


def test_unit_spoken_for_is_written_with_its_parent():
    people, _ = _people(
        "Director Anna Berg attended and delivered remarks on behalf of the Water Department, "
        "Ministry of Rivers (MOR)."
    )
    # The unit is a part of its parent, which the position names.
    assert _positions(people["Anna Berg"])[0][1] == "Ministry of Rivers"


def test_is_known_post_reads_a_title_written_twice_as_one_post():
    held = [Position("Deputy director", "River Institute", Span(0, 1))]
    assert is_known_post(Position("Deputy Director", None, Span(2, 3)), held)
    assert is_known_post(Position("Director", "River Institute", Span(2, 3)), held)
    assert not is_known_post(Position("Professor", None, Span(2, 3)), held)
    assert not is_known_post(Position("Deputy director", "Blue Bank", Span(2, 3)), held)


def test_english_gloss_reads_a_bilingual_salutation():
    assert english_gloss("尊敬的王主任、(Director of the River Agency, Mr Wang)") == (
        "Director of the River Agency, Mr Wang"
    )
    assert english_gloss("Mr Wang (River Agency) spoke.") == "Mr Wang (River Agency) spoke."
    people, _ = _people("尊敬的王主任、(Director of the River Agency, Mr Wang)")
    assert people["Wang"].role == Role.ATTENDEE
    assert _positions(people["Wang"]) == [("Director", "River Agency")]


def test_addressed_after_title_reads_the_name_first():
    segments = split_segments("Director of the River Agency, Mr Wang")
    assert [s.text for s in addressed_after_title(segments)] == [
        "Mr Wang",
        "Director of the River Agency",
    ]
    segments = split_segments("Director, Li Wei said")
    assert addressed_after_title(segments) == segments


def test_is_arabic_article_name_in_a_programme_line():
    assert is_arabic_article_name("al-Amin")
    assert not is_arabic_article_name("all-round")
    assert not is_arabic_article_name("al-")
    people, _ = _people("H.E. Mr. Karim al-Amin, Minister of Energy, spoke.")
    assert list(people) == ["Karim al-Amin"]


def test_title_opens_sentence_before_the_name():
    index = OrganizationIndex()
    assert title_opens_sentence(split_segments("UNEP Regional Director, Ana Lee, said"), index)
    assert not title_opens_sentence(split_segments("In China, Ana Lee, said"), index)
    assert not title_opens_sentence(split_segments("Its director, Ana Lee, said"), index)
    people, _ = _people("UNEP Regional Director for Asia, Ana Lee, opened the forum.")
    assert _positions(people["Ana Lee"]) == [
        ("Regional Director for Asia", "United Nations Environment Programme")
    ]


def test_a_given_name_with_an_honorific_names_the_person_introduced():
    people, _ = _people(
        "The seminar was opened by Mr Zhao Minghui from the Blue River Energy Agency. "
        "Mr. Minghui said coal use must fall."
    )
    assert list(people) == ["Zhao Minghui"]
    assert people["Zhao Minghui"].name.forms == ("Mr. Minghui",)


def test_a_name_after_alongside_takes_part():
    people, _ = _people(
        "Keynote speeches were given alongside Zhang Hua, President of the Blue River Bank."
    )
    assert _positions(people["Zhang Hua"]) == [("President", "Blue River Bank")]
    assert people["Zhang Hua"].role == Role.KEYNOTE


def test_brand_served_for_an_acronym_led_firm():
    assert brand_served_for("Tax Leader for ACME Brazil & ACME Americas") == (
        "Tax Leader",
        "ACME Brazil",
    )
    assert brand_served_for("Minister for Foreign Affairs") is None
    assert brand_served_for("Special Envoy for COP28") is None
    assert brand_served_for("Director for Asia") is None


def test_person_joined_in_a_predicate_takes_the_titles_after():
    people, _ = _people(
        "Ms. Ana Lee gave a keynote speech alongside Li Wei, Director of the Blue River Agency, "
        "and Tom Hale, Chief Economist of Green Bank."
    )
    assert _positions(people["Li Wei"]) == [("Director", "Blue River Agency")]
    assert people["Li Wei"].role == Role.KEYNOTE
    assert _positions(people["Ana Lee"]) == []


def test_secretary_of_state_keeps_its_rank():
    people, _ = _people(
        "Tom Hale, Secretary of State for the Blue Ministry of Energy, gave a keynote speech."
    )
    assert _positions(people["Tom Hale"]) == [("Secretary of State", "Blue Ministry of Energy")]


def test_a_person_recalled_back_in_a_year_takes_no_part():
    people, _ = _people(
        "The talks recalled the energy revolution proposed by the president of Blueland, "
        "Ana Lee back in 2014."
    )
    assert people == {}


def test_title_before_name_after_led_by():
    segments = split_segments(
        "The delegation was led by Head of Unit in the Blue Ministry of Trade, Industry and "
        "Energy, Ana Lee."
    )
    assert [t.text for t in title_before_name(segments, len(segments) - 1)] == [
        "Head of Unit in the Blue Ministry of Trade, Industry and Energy"
    ]
    assert title_before_name(split_segments("The forum opened in Wuxi, Ana Lee."), 1) == []
    people, _ = _people("The delegation was led by the Director of the Blue River Agency, Ana Lee.")
    assert _positions(people["Ana Lee"]) == [("Director", "Blue River Agency")]


def test_titles_of_next_item_go_to_the_name_that_closes_them():
    segments = split_segments("Director of X, and Head of Unit in Y, Trade and Energy")
    assert [t.text for t in titles_of_next_item(segments, "Tom Hale.", "")] == [
        "and Head of Unit in Y",
        "Trade and Energy",
    ]
    assert titles_of_next_item(segments, "Blue", "") == []
    people, _ = _people(
        "Speakers were the Danish ambassador in China, Anders Lind, and Head of Unit in the "
        "Blue Ministry of Trade, Industry and Energy, Tom Hale."
    )
    assert _positions(people["Anders Lind"]) == [("Danish ambassador in China", None)]
    assert _positions(people["Tom Hale"]) == [
        ("Head of Unit", "Blue Ministry of Trade, Industry and Energy")
    ]


def test_continues_portfolio_after_a_comma():
    index = OrganizationIndex()
    assert continues_portfolio("Secretary for Trade", "Industry and Energy", index)
    assert not continues_portfolio("Director", "Blue Bank", index)
    assert not continues_portfolio("Secretary for Trade", "Ministry of Commerce", index)


def test_closing_bare_name_with_its_full_stop():
    assert closing_bare_name("Ana Lee.", "").name == "Ana Lee"
    assert closing_bare_name("Ana Lee.", "more") is None
    assert closing_bare_name("Ana Lee", "") is None


def test_ministry_named_in_other_order_is_the_indexed_one():
    index = OrganizationIndex()
    index.register("Ministry of Soil and Water of China", Span(0, 1))
    assert ministry_named_in_other_order("Ministry of Water and Soil", index) == (
        "Ministry of Soil and Water of China"
    )
    assert ministry_named_in_other_order("Ministry of Soil", index) is None
    other = OrganizationIndex()
    other.register("Ministry of Soil and Water", Span(0, 1))
    assert ministry_named_in_other_order("Ministry of Water and Soil", other) == (
        "Ministry of Soil and Water"
    )


def test_written_body_prefix_reads_an_unindexed_body_before_its_title():
    assert written_body_prefix(["AmCham", "Kenya", "President"]) == ("AmCham Kenya", "President")
    assert written_body_prefix(["Seaview", "Trust", "Climate", "Campaigner"]) == (
        "Seaview Trust",
        "Climate Campaigner",
    )
    for title in ("Yunnan Party Secretary", "Guest Speaker Professor", "LakeTech Chair Professor"):
        assert written_body_prefix(title.split()) is None


def test_find_participants_reads_a_body_written_before_the_title():
    people, _ = _people("Harbour Alliance Deputy Director Sam Ortiz opened the forum.")
    assert _positions(people["Sam Ortiz"]) == [("Deputy Director", "Harbour Alliance")]


def test_closing_body_ends_a_list_item_before_the_last_and():
    assert closing_body("Sunrise Solar", "and Tom Hale")
    assert not closing_body("Sunrise Solar", "Tom Hale")
    assert not closing_body("Sustainable Finance", "and Tom Hale")


def test_find_participants_reads_a_brand_closing_the_item_before_the_last_and():
    people, _ = _people(
        "Speakers were Ana Lee, Partner, Sunrise Solar, and Ben Ode, Professor, Lakeside "
        "University."
    )
    assert _positions(people["Ana Lee"]) == [("Partner", "Sunrise Solar")]


def test_infer_ministry_invents_no_ministry_of_a_state():
    assert infer_ministry("former Prime Minister of the Blueland Republic") is None
    assert infer_ministry("Minister of the Kingdom of Blueland") is None
    assert infer_ministry("Deputy Prime Minister of Blueland") is None


def test_find_participants_takes_no_state_for_a_body():
    people, index = _people("Ana Lee, former Prime Minister of the Blueland Republic, spoke.")
    assert _positions(people["Ana Lee"]) == [
        ("former Prime Minister of the Blueland Republic", None)
    ]
    assert index.names() == ()


def test_titled_names_joined_splits_two_titled_names_at_and():
    assert titled_names_joined("WWF Regional Director Ana Lee", "IEA Analyst Tom Hale spoke")
    assert not titled_names_joined("Professor of Economics", "Finance Ana Lee spoke")


def test_find_participants_reads_two_bodies_titles_and_names_joined_by_and():
    people, _ = _people(
        "WWF Regional Director Ana Lee and IEA Executive Director Tom Hale opened the forum."
    )
    assert _positions(people["Ana Lee"]) == [("Regional Director", "World Wide Fund for Nature")]
    assert _positions(people["Tom Hale"]) == [("Executive Director", "International Energy Agency")]


def test_title_ends_in_country_after_a_portfolio():
    assert title_ends_in_country(["Deputy", "Minister", "of", "Energy", "of", "Kenya"])
    assert not title_ends_in_country(["Chairman", "of", "China"])


def test_find_participants_reads_a_western_name_after_a_minister_of_a_country():
    people, _ = _people("Deputy Minister of Energy of Kenya Ana Lee spoke at the opening.")
    assert _positions(people["Ana Lee"]) == [
        ("Deputy Minister of Energy", "Ministry of Energy of Kenya")
    ]


def test_find_participants_reads_names_listed_under_a_lower_case_plural_title():
    people, _ = _people(
        "The panel included researchers Ana Lee, Li Wei and Tom Hale of the Lakeside Institute."
    )
    assert {name: _positions(p) for name, p in people.items()} == {
        name: [("researcher", "Lakeside Institute")] for name in ("Ana Lee", "Li Wei", "Tom Hale")
    }


def test_continues_portfolio_of_fields_before_the_body():
    index = OrganizationIndex()
    assert continues_portfolio(
        "Head of Sales", "Marketing and Operations at Lakeside Trading Company", index
    )
    assert continues_portfolio("Head of Sales", "Marketing and Operations, Lakeside Co", index)


def test_find_participants_keeps_a_unit_named_for_a_list_of_fields_whole():
    people, _ = _people(
        "Ana Lee, a professor at the School of Law, Economics and Politics at Lakeside "
        "University, spoke."
    )
    assert _positions(people["Ana Lee"]) == [
        ("professor at the School of Law, Economics and Politics", "Lakeside University")
    ]


def test_infer_ministry_drops_the_rank_of_state_from_the_portfolio():
    assert infer_ministry("Minister of State for Coastal Development") == (
        "Minister of State for Coastal Development",
        "Ministry of Coastal Development",
    )


def test_find_participants_reads_a_body_counted_by_its_term():
    people, _ = _people("Ana Lee, vice-chairman of the 11th Lakeside People's Congress, spoke.")
    assert _positions(people["Ana Lee"]) == [("vice-chairman", "11th Lakeside People's Congress")]


def test_name_between_title_and_body_ends_the_name_at_of():
    lead = ["Chief", "Economist", "Ana", "Lee", "of", "Lakeside", "Capital"]
    assert name_between_title_and_body(lead, 4, OrganizationIndex())
    assert not name_between_title_and_body(
        ["Director", "of", "Lakeside", "Capital"], 1, OrganizationIndex()
    )


def test_find_participants_reads_a_titled_western_name_then_its_body():
    people, _ = _people("Chief Economist Ana Lee of Lakeside Capital said growth would slow.")
    assert _positions(people["Ana Lee"]) == [("Chief Economist", "Lakeside Capital")]


def test_owner_before_title_reads_a_body_possessive():
    index = OrganizationIndex()
    assert owner_before_title("Lakeside Capital's chief economist", index) == (
        "Lakeside Capital",
        "chief economist",
    )
    assert owner_before_title("China's special envoy", index) is None


def test_a_company_named_with_its_country_before_an_executive_post():
    assert company_before_executive_title(["China", "Energy", "Deputy", "CEO"]) == (
        "China Energy",
        "Deputy CEO",
    )
    assert company_before_executive_title(["China", "Climate", "Envoy"]) is None
    people, _ = _people("Kenya Power General Manager Ana Lee attended the forum.")
    assert _positions(people["Ana Lee"]) == [("General Manager", "Kenya Power")]


def test_find_participants_reads_the_body_an_adviser_serves():
    people, _ = _people("Ana Lee, Senior Adviser to the Lakeside Institute, spoke.")
    assert _positions(people["Ana Lee"]) == [("Senior Adviser", "Lakeside Institute")]
    people, _ = _people("Tom Hale, Adviser to the Mayor, spoke.")
    assert _positions(people["Tom Hale"]) == [("Adviser to the Mayor", None)]
    people, _ = _people("Ana Lee, Counsellor to the Lakeside Institute, spoke.")
    assert _positions(people["Ana Lee"]) == [("Counsellor", "Lakeside Institute")]


def test_dashes_as_brackets_sets_off_a_title_and_body():
    assert dashes_as_brackets("Ana Lee – Senior Adviser, Lakeside Capital – opened the panel.") == (
        "Ana Lee (Senior Adviser, Lakeside Capital) opened the panel."
    )
    assert dashes_as_brackets("Ana Lee – Lakeside Capital – spoke.") == (
        "Ana Lee – Lakeside Capital – spoke."
    )


def test_strip_leading_fillers_drops_bullets_and_list_words_in_turn():
    assert strip_leading_fillers("- and Li Wei") == "Li Wei"
    assert strip_leading_fillers("Including Zhang Hua") == "Zhang Hua"
    assert strip_leading_fillers("Andrew Li") == "Andrew Li"


def test_acronym_led_office_is_the_affiliation_as_written():
    index = OrganizationIndex()
    index.register("Northwind Conservation Fund", Span(0, 1), acronym="NCF")
    assert acronym_led_office("NCF Kenya", index) == "Northwind Conservation Fund"
    assert acronym_led_office("NCF Kenya Office", index) == "Northwind Conservation Fund"
    assert acronym_led_office("NCF East and West Asia Secretariat", index) == (
        "Northwind Conservation Fund"
    )
    assert acronym_led_office("NCF Executive Director", index) is None
    assert acronym_led_office("NCF", index) is None
    assert acronym_led_office("XYZ Kenya", index) is None
    people, index = _people(
        "The Northwind Conservation Fund (NCF) held a forum in Beijing. Ana Ruiz, Programme "
        "Officer of NCF China Office, said forests matter. Li Wei, Representative of NCF China, "
        "spoke."
    )
    assert _positions(people["Ana Ruiz"]) == [
        ("Programme Officer", "Northwind Conservation Fund China Office")
    ]
    assert _positions(people["Li Wei"]) == [("Representative", "Northwind Conservation Fund China")]


def test_without_time_before_verb_drops_the_news_day():
    assert without_time_before_verb("on Tuesday opened the forum") == "opened the forum"
    assert without_time_before_verb("on behalf of the city") == "on behalf of the city"


def test_titled_name_read_before_the_news_day_and_after_an_address_from():
    people, _ = _people(
        "Deputy Minister of Water Resources Tan Wenli on Monday opened the river summit. "
        "The meeting closed with a video address from Chief Executive Ana Lindqvist."
    )
    assert "Tan Wenli" in people
    assert "Ana Lindqvist" in people


def test_titled_names_joined_by_and_each_end_at_the_next_and():
    pieces = split_at_and("Mayor Ana Lee and vice-mayors Li Wei and Tom Hale attended the expo.")
    assert [p.text for p in pieces] == [
        "Mayor Ana Lee",
        "vice-mayors Li Wei",
        "Tom Hale attended the expo.",
    ]


def test_on_behalf_of_a_city_government_in_lower_case_is_everyones_body():
    assert first_affiliations(
        "On behalf of the Shanghai municipal government, Mayor Tan Wenli and Li Hua attended "
        "the expo."
    ) == {
        "Tan Wenli": "Shanghai Municipal Government",
        "Li Hua": "Shanghai Municipal Government",
    }


def test_addressed_name_with_its_body_after_prose():
    opening = read_addressed_name_at_end(
        "The best talks were those by Dr. Ana Lindqvist of Blue River University who spoke",
        OrganizationIndex(),
    )
    assert opening.name == "Dr. Ana Lindqvist"
    assert opening.affiliation == ("", "Blue River University")
    assert read_addressed_name_at_end("Mr. Li's team presented", OrganizationIndex()) is None


def test_three_word_western_name_after_a_title():
    assert has_three_word_western_name(["Vice", "President", "Ana", "Maria", "Lindqvist"])
    assert not has_three_word_western_name(["Director", "General", "Tom", "Hale"])
    assert not has_three_word_western_name(["Minister", "of", "Blue", "River", "Affairs"])
    people, index = _people(
        "Commission President Ana Maria Lindqvist opened the forum. "
        "Summit Chair Tom Peter Hale had earlier urged the parties to act."
    )
    assert "Ana Maria Lindqvist" in people
    assert "Tom Peter Hale" not in people
    assert index.resolve("Summit") is None  # the recalled title's body is not the event's


def test_body_after_titled_name_skips_a_sessions_number():
    assert body_after_titled_name("of the 3rd Blue Assembly") == ("Blue Assembly", "")
    people, _ = _people("Guests included Vice President Tan Wenli of the 3rd Blue Assembly.")
    assert _positions(people["Tan Wenli"])[0][1] == "Blue Assembly"


def test_abbreviated_professor_between_a_title_and_a_name_is_an_address():
    assert is_address_before_name("Prof.", "Ltd")
    assert is_address_before_name("Mr.", "Ltd")
    assert not is_address_before_name("Prof.", "Associate")
    people, _ = _people("Guests included Chairman of Blue River Ltd Prof. Tom Hale.")
    assert "Tom Hale" in people
