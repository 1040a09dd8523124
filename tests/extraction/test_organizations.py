from events.extraction import extract_report
from events.extraction.organizations import (
    OrganizationIndex,
    country_office_stem,
    drop_country_possessive,
    drop_listed_names_lead,
    drop_person_tail,
    drop_trailing_personal_name,
    find_event_owners,
    find_known_acronyms,
    find_known_organization,
    find_listed_organizations,
    find_meeting_hosts,
    find_named_organizations,
    find_organizations,
    infer_kind,
    is_brand_name,
    is_chinese_personal_name,
    is_posting,
    keeps_head_noun,
    parent_the_acronym_spells,
    split_at_inner_titles,
    split_coordinated,
    split_unit_and_parent,
    tidy_organization_name,
)
from events.extraction.records import OrgKind, Span
from events.extraction.text import split_sentences


def _index(text):
    return find_organizations(text, split_sentences(text))


def _by_name(index):
    return {m.name: m for m in index.mentions()}


def test_find_organizations_reads_acronym_definitions_and_resolves_later_uses():
    index = _index(
        "The workshop was co-sponsored by the Institute for Sustainable Development Cooperation (ISC) "
        "and the Energy Foundation (EF China)."
    )
    assert index.resolve("ISC China") == "Institute for Sustainable Development Cooperation"
    assert index.resolve("EF China") == "Energy Foundation China"
    assert _by_name(index)["Institute for Sustainable Development Cooperation"].acronym == "ISC"


def test_find_organizations_expands_well_known_acronyms_in_guest_lists():
    index = _index(
        "The guests from EU, UN-HABITAT, WB, CASS, International Finance Corporation, attended."
    )
    assert set(index.names()) == {
        "European Union",
        "UN-Habitat",
        "World Bank",
        "Chinese Academy of Social Sciences",
        "International Finance Corporation",
    }


def test_find_organizations_reads_company_lists_but_not_cities():
    index = _index(
        "Representatives of Baogui Stone Art Co., Ltd., Smart City Research Institute and "
        "Qingdao Honghai Curtain Wall shared their practice. Representatives from Changsha, "
        "Zhuzhou and Tianjin shared their projects."
    )
    assert set(index.names()) == {
        "Baogui Stone Art Co., Ltd.",
        "Smart City Research Institute",
        "Qingdao Honghai Curtain Wall",
    }


def test_find_organizations_gives_institute_its_parent_and_drops_title_units():
    index = _index(
        "Yang Xiu, associate researcher of the Institute of Climate Change of Tsinghua University, "
        "and Yao Jun, vice president of School of Civil Engineering, Peking University, spoke."
    )
    found = _by_name(index)
    assert (
        found["Institute of Climate Change of Tsinghua University"].parent == "Tsinghua University"
    )
    assert "Tsinghua University" in found and "Peking University" in found
    assert not any(name.startswith("School") for name in found)


def test_find_organizations_ignores_generic_bodies_and_people_words():
    index = _index(
        "Government Representatives and the Pilot City Ecological Environment Bureau attended."
    )
    assert index.names() == ()


def test_infer_kind_reads_the_head_noun():
    assert infer_kind("Sichuan University") == OrgKind.ACADEMIC
    assert infer_kind("Hubei Green Cold Energy Saving Co., Ltd.") == OrgKind.COMPANY
    assert (
        infer_kind("International Alliance of Pioneers in Environmental Products")
        == OrgKind.ASSOCIATION
    )
    assert (
        infer_kind("Ministry of Investment and Development of Saudi Arabia") == OrgKind.GOVERNMENT
    )
    assert infer_kind("Qingdao Honghai Curtain Wall") is None


def test_register_without_known_kind_warns():
    index = OrganizationIndex()
    index.register("Qingdao Honghai Curtain Wall", Span(0, 1))
    (mention,) = index.mentions()
    assert mention.kind == OrgKind.OTHER and mention.warnings


def test_country_office_folds_into_named_subsidiary():
    index = OrganizationIndex()
    index.register("Danfoss", Span(0, 1))
    index.register("Danfoss China", Span(0, 1))
    index.merge_country_offices()
    assert index.names() == ("Danfoss China",)


def test_country_qualified_name_folds_into_the_defined_body():
    index = OrganizationIndex()
    index.register("Building and Construction Authority", Span(0, 1), acronym="BCA")
    index.register("Building and Construction Authority of Singapore", Span(0, 1))
    index.register("Ministry of National Development of Singapore", Span(0, 1))
    index.merge_country_qualified()
    assert index.names() == (
        "Building and Construction Authority",
        "Ministry of National Development of Singapore",
    )


def test_an_authority_is_a_government_body():
    assert infer_kind("Hong Kong Monetary Authority") == OrgKind.GOVERNMENT


def test_find_known_organization_by_acronym_and_alias():
    assert find_known_organization("WB").name == "World Bank"
    assert find_known_organization("World Resource Institute").acronym == "WRI"


def test_split_coordinated_keeps_single_names_whole():
    assert split_coordinated("Tongji University and the China Building Materials Federation") == [
        "Tongji University",
        "China Building Materials Federation",
    ]
    name = "Department of Resource Conservation and Environmental Protection"
    assert split_coordinated(name) == [name]


def test_find_organizations_keeps_the_reports_own_spelling_of_a_known_acronym():
    index = _index(
        "NCSC holds training. The workshop was co-hosted by the National Center for Climate "
        "Change Strategy and International Cooperation (NCSC) and others."
    )
    assert index.resolve("NCSC") == (
        "National Center for Climate Change Strategy and International Cooperation"
    )


def test_find_organizations_drops_a_person_before_of():
    index = _index('"EVs are the future," said Mr. Ma of Example Motors Co., Ltd. today.')
    assert "Example Motors Co., Ltd." in index.names()
    assert not any(name.startswith("Ma ") for name in index.names())


def test_find_organizations_drops_a_person_and_their_title_written_without_a_comma():
    index = _index("Ana K Lee the MD of Blue Capital Ltd presented the plan.")
    assert index.names() == ("Blue Capital Ltd",)


def test_tidy_organization_name_drops_where_a_body_sits_or_ranks():
    assert [
        tidy_organization_name(name)
        for name in ("Cabinet-level Water Administration", "Xiamen-based Third Institute")
    ] == ["Water Administration", "Third Institute"]


def test_list_keeps_a_name_whose_first_half_has_no_head():
    sentence = (
        "Representatives of Suzhou Industrial Park Administrative Committee and Changzhou "
        "Ecology and Environment Bureau shared local practices."
    )
    assert find_listed_organizations(sentence) == [
        "Suzhou Industrial Park Administrative Committee",
        "Changzhou Ecology and Environment Bureau",
    ]


def test_list_splits_bodies_joined_by_and_the():
    sentence = (
        "Officials from the Ministry of Finance (MOF) and the China Banking and Insurance "
        "Regulatory Commission (CBIRC) joined a closed-door session."
    )
    assert find_listed_organizations(sentence) == [
        "Ministry of Finance",
        "China Banking and Insurance Regulatory Commission",
    ]


def test_legal_form_then_with_is_two_bodies():
    sentence = (
        "It was organised by the Deutsche Gesellschaft für Internationale Zusammenarbeit (GIZ) "
        "GmbH with the Energy Research Institute of the National Development and Reform "
        "Commission (ERI)."
    )
    names = [name for name, _, _ in find_named_organizations(sentence)]
    assert not any(name.startswith("GmbH") for name in names)
    assert "Energy Research Institute of the National Development and Reform Commission" in names


def test_owned_committee_and_cut_legal_form_are_no_bodies():
    sentence = (
        "Liu Lili, Vice-Chairperson of China Huaneng Group Co., Ltd.'s Science and Technology "
        "Committee, and Shen Hao of China Three Gorges Renewables (Group) Co., Ltd. spoke."
    )
    names = [name for name, _, _ in find_named_organizations(sentence)]
    assert "Science and Technology Committee" not in names
    assert "Co., Ltd." not in names


def test_unit_acronym_then_parent_keeps_the_parent():
    sentence = (
        "The forum was organized by the Institute of Climate Change and Sustainable Development "
        "(ICCSD) of Tsinghua University."
    )
    assert (
        "Institute of Climate Change and Sustainable Development of Tsinghua University",
        "ICCSD",
        None,
    ) in find_named_organizations(sentence)


def test_unit_alone_folds_into_unit_with_parent():
    text = (
        "The Third Institute of Oceanography of the Ministry of Natural Resources (TIO) held a "
        "workshop. Yu Xingguang, Director-General, Third Institute of Oceanography, spoke."
    )
    report = extract_report(text, source="t.txt")
    names = [org.name for org in report.organizations]
    assert "Third Institute of Oceanography" not in names
    assert "Third Institute of Oceanography of the Ministry of Natural Resources" in names


def test_named_organisations_drop_possessors_regions_and_person_leads():
    found = {
        name
        for sentence in (
            "China's National Energy Administration (NEA) said so.",
            "The forum was held on Sept 6 in the Guangdong-Hong Kong-Macao Greater Bay Area.",
            "Xiaoqiang Zhang (NEA) described the plan.",
            "Wang Fang with the Hainan Research Academy of Environmental Sciences spoke.",
        )
        for name, _, _ in find_named_organizations(sentence)
    }
    assert found == {
        "National Energy Administration",
        "Hainan Research Academy of Environmental Sciences",
    }


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


def test_no_organisation_name_ends_in_a_chinese_persons_name():
    assert split_coordinated("National Energy Administration of China and Zhou Naixiang") == [
        "National Energy Administration of China"
    ]
    assert [is_chinese_personal_name(t) for t in ("Zhou Naixiang", "Hong Kong", "Energy Fund")] == [
        True,
        False,
        False,
    ]


def test_a_name_cut_at_its_inner_comma_folds_into_the_whole_name():
    index = OrganizationIndex()
    index.register("Wuppertal Institute for Climate", Span(0, 1))
    index.register("Wuppertal Institute for Climate, Environment and Energy", Span(0, 1))
    index.merge_names_cut_at_commas()
    assert index.names() == ("Wuppertal Institute for Climate, Environment and Energy",)
    assert index.resolve("Wuppertal Institute for Climate") == (
        "Wuppertal Institute for Climate, Environment and Energy"
    )


def test_a_name_cut_before_its_place_folds_into_the_name_that_ends_in_it():
    index = OrganizationIndex()
    index.register("Harbour Trade Office", Span(0, 1))
    index.register("Harbour Trade Office in Lisbon", Span(0, 1))
    index.register("Green Fund", Span(0, 1))
    index.merge_names_cut_before_their_place()
    assert index.names() == ("Harbour Trade Office in Lisbon", "Green Fund")
    assert index.resolve("Harbour Trade Office") == "Harbour Trade Office in Lisbon"


def test_a_name_is_not_folded_into_one_that_goes_on_past_a_place():
    index = OrganizationIndex()
    index.register("Harbour Trade Office", Span(0, 1))
    index.register("Harbour Trade Office in Lisbon Harbour Authority", Span(0, 1))
    index.merge_names_cut_before_their_place()
    assert len(index.names()) == 2


def test_an_acronym_met_alone_folds_into_the_name_its_initials_spell():
    report = extract_report(
        "FCSSC Director General Wu Zhong Attended UNIDO Day\n\nOn June 13, the day was held "
        "in Shanghai. Finance Center for South-South Cooperation organized it. Deputy Director "
        "General Zhou Meixiang of FCSSC gave a keynote speech.\n",
        source="t.txt",
    )
    by_name = {o.name: o.acronym for o in report.organizations}
    assert by_name["Finance Center for South-South Cooperation"] == "FCSSC"
    assert "FCSSC" not in by_name
    zhou = next(p for p in report.events[0].participants if p.name.display == "Zhou Meixiang")
    assert zhou.positions[0].organization == "Finance Center for South-South Cooperation"


def test_tidy_organization_name():
    assert [
        tidy_organization_name(name)
        for name in (
            "United Nations and Senior Advisor to the World Resources Institute",
            "Ministry of Environmental Protection plays the host",
            "University of North Carolina at Chapel Hill",
            "Institut für Klima",
            "Nanjing University and",
            "Chairman of the Blue River Research Committee",
            "Office of the Commissioner for Rivers",
            "State for the Blue Ministry of Energy",
            "Department in the Blue Ministry of Energy",
        )
    ] == [
        "United Nations",
        "Ministry of Environmental Protection",
        "University of North Carolina at Chapel Hill",
        "Institut für Klima",
        "Nanjing University",
        "Blue River Research Committee",
        "Office of the Commissioner for Rivers",
        "Blue Ministry of Energy",
        "Blue Ministry of Energy",
    ]


def test_a_place_after_a_title_and_its_body_is_the_posting_not_the_body_country():
    assert is_posting("Martin Raiser, director of the ")
    assert not is_posting("The forum was hosted by the ")
    text = (
        "Martin Raiser, director of the World Bank in China and Mongolia, said it. The "
        "Energy Research Institute in Beijing, China hosted the forum."
    )
    index = find_organizations(text, split_sentences(text))
    assert [(m.name, m.country) for m in index.mentions()] == [
        ("World Bank", None),
        ("Energy Research Institute", "China"),
    ]


def test_an_honorific_ends_a_body_run_into_the_next_person():
    assert [
        drop_person_tail(name)
        for name in ("Ministry of Foreign Affairs in the HKSAR Mr. Li Yongsheng", "Bank of China")
    ] == ["Ministry of Foreign Affairs in the HKSAR", "Bank of China"]


def test_company_lists_after_executives_companies_such_as():
    assert find_listed_organizations(
        "Executives from Longi, Trina Solar, Envision and Goldwind attended the forum."
    ) == ["Longi", "Trina Solar", "Envision", "Goldwind"]
    assert find_listed_organizations(
        "Companies such as Huawei, Tencent and Alibaba showcased apps."
    ) == [
        "Huawei",
        "Tencent",
        "Alibaba",
    ]
    assert find_listed_organizations("Experts including Chai Qimin, director of NCSC, spoke.") == []
    assert is_brand_name("Goldwind") and not is_brand_name("Chinese") and not is_brand_name("China")


def test_a_clock_time_leads_no_organisation_name():
    text = "Programme\n\n10:00 Panel discussion\n\n11:00 Closing"
    names = [o.name for o in extract_report(text, source="x.txt").organizations]
    assert not any(name.startswith("00") for name in names)


def test_a_date_leads_no_organisation_name():
    text = (
        "Training\n\nThe Training was co-hosted on 27 November 2019 with the China Electricity "
        "Council (CEC) in Beijing."
    )
    names = [o.name for o in extract_report(text, source="x.txt").organizations]
    assert "China Electricity Council" in names
    assert not any(name[:1].isdigit() for name in names)


def test_bracketed_acronym_of_the_parent_goes_to_the_parent():
    name = "Training Centre of the National Energy Administration"
    assert parent_the_acronym_spells(name, "NEA") == "National Energy Administration"
    assert parent_the_acronym_spells(name, "TCNEA") is None
    assert parent_the_acronym_spells("Bank of China", "BOC") is None
    index = OrganizationIndex()
    assert index.register(name, Span(0, 1), acronym="NEA") == name
    assert index.resolve("NEA") == "National Energy Administration"


def test_a_shortening_keeps_the_head_noun():
    full = "Green Finance Research Center of the ABA"
    assert keeps_head_noun("Green Finance Center", full)
    assert not keeps_head_noun("Green Finance, ABA", full)
    assert keeps_head_noun("Danfoss", "Danfoss China")


def test_drop_country_possessive_keeps_the_body():
    assert drop_country_possessive("Norway's Ministry of Climate and Environment") == (
        "Ministry of Climate and Environment"
    )
    assert drop_country_possessive("People's Bank of China") == "People's Bank of China"
    assert drop_country_possessive("Norway’s fjords") == "Norway’s fjords"
    index = OrganizationIndex()
    index.register("Norway's Ministry of Climate and Environment", Span(0, 1))
    index.tidy_names()
    assert list(index.names()) == ["Ministry of Climate and Environment"]


def test_find_named_organizations_keeps_a_known_council_listed_before_a_ministry():
    sentence = (
        "Hosts included the China Council for International Cooperation on Environment and "
        "Development, the Ministry of Water Resources and Lakeside University."
    )
    names = [name for name, _, _ in find_named_organizations(sentence)]
    assert "China Council for International Cooperation on Environment and Development" in names


def test_find_listed_organizations_keeps_a_ministry_of_two_fields_whole():
    sentence = (
        "Executives from Alpha Motors, Ridge Group and Harbour Port, as well as officials from "
        "the Ministry of Industry and Information Technology attended."
    )
    assert find_listed_organizations(sentence) == ["Alpha Motors", "Ridge Group", "Harbour Port"]
    sentence = "Officials from the Ministry of Science and Technology and Ridge Group attended."
    assert find_listed_organizations(sentence) == [
        "Ministry of Science and Technology",
        "Ridge Group",
    ]


def test_drop_listed_names_lead_keeps_the_body_after_a_titled_pair_of_names():
    assert (
        drop_listed_names_lead(
            "Vice Presidents Ana Ruiz and Ben Ode of the Coastal Development Bank"
        )
        == "Coastal Development Bank"
    )
    assert (
        drop_listed_names_lead("Science and Technology Commission of Lakeside City")
        == "Science and Technology Commission of Lakeside City"
    )


def test_extract_report_takes_no_section_name_above_the_headline_for_a_publisher():
    report = extract_report(
        "Corporate News\n\nLakeside Green Summit Opens\n\n"
        "Ana Lee, President of the Blue River Foundation, opened the summit on 3 May 2024.\n",
        source="section.txt",
    )
    assert [o.name for o in report.organizations] == ["Blue River Foundation"]


def test_find_listed_organizations_reads_sponsors_named_with_no_joint_and_journalists_from():
    assert find_listed_organizations("The chamber thanks its sponsors Acme, Zenith and Orbis.") == [
        "Acme",
        "Zenith",
        "Orbis",
    ]
    assert find_listed_organizations(
        "Journalists from Lakeside Daily and Blue River News Agency attended."
    ) == ["Lakeside Daily", "Blue River News Agency"]
    assert find_listed_organizations("The forum thanked guests Ana Lee and Tom Hale.") == []


def test_split_coordinated_drops_a_person_named_before_and():
    assert split_coordinated("Zhang Wei and Lakeside University") == ["Lakeside University"]


def test_split_coordinated_ends_a_name_at_its_noun_before_and():
    assert split_coordinated("Green Growth Alliance and Coastal Energy") == [
        "Green Growth Alliance",
        "Coastal Energy",
    ]
    name = "Department of Resource Conservation and Environmental Protection"
    assert split_coordinated(name) == [name]


def test_split_unit_and_parent_keeps_a_body_named_for_a_city_whole():
    name = "Policy Committee of the City of Lakeside Corporation"
    assert split_unit_and_parent(name, OrganizationIndex()) == (
        "Policy Committee",
        "City of Lakeside Corporation",
    )


def test_find_known_acronyms_skips_an_acronym_modifying_the_noun_after_it():
    index = OrganizationIndex()
    assert find_known_acronyms("It pushes the UN 2030 Agenda and three UN summits.", index) == []
    assert find_known_acronyms("Guests came from the UN and the EU.", index) == ["UN", "EU"]


def test_find_named_organizations_skips_a_unit_cut_inside_its_list_of_fields():
    names = [
        name
        for name, _, _ in find_named_organizations(
            "Ana Lee, Director of the Department of Science, Technology and Standards, spoke."
        )
    ]
    assert "Department of Science" not in names
    names = [
        name
        for name, _, _ in find_named_organizations(
            "It was hosted by the Department of Energy, Lakeside University and Blue Bank."
        )
    ]
    assert "Department of Energy" in names


def test_split_at_inner_titles_separates_bodies_a_second_post_joins():
    assert split_at_inner_titles(
        "Chinese Academy of Sciences and President of Qinghai University"
    ) == ["Chinese Academy of Sciences", "Qinghai University"]
    assert split_at_inner_titles(
        "Ministry of Industry and Information Technology Head of the Industry Advancement Center"
    ) == ["Ministry of Industry and Information Technology", "Industry Advancement Center"]
    assert split_at_inner_titles("Office of the President") == ["Office of the President"]


def test_drop_trailing_personal_name_keeps_the_body_a_title_first_line_runs_on_from():
    assert drop_trailing_personal_name("State Council Wu Zongxin") == "State Council"
    assert drop_trailing_personal_name("Tsinghua University") == "Tsinghua University"


def test_a_name_cut_at_the_and_of_its_fields_folds_into_the_whole_name():
    index = OrganizationIndex()
    index.register("Ministry of Industry", Span(0, 1))
    index.register("Ministry of Industry and Information Technology", Span(0, 1))
    index.register("Tsinghua University", Span(0, 1))
    index.register("Tsinghua University and Peking University", Span(0, 1))
    index.merge_names_cut_at_and()
    assert index.names() == (
        "Ministry of Industry and Information Technology",
        "Tsinghua University",
        "Tsinghua University and Peking University",
    )


def test_a_well_known_body_written_in_full_is_no_shortening_of_a_longer_name():
    index = OrganizationIndex()
    index.register("Chinese Academy of Agricultural Sciences", Span(0, 1))
    index.register("Chinese Academy of Sciences", Span(0, 1))
    index.merge_shortenings()
    assert index.names() == (
        "Chinese Academy of Agricultural Sciences",
        "Chinese Academy of Sciences",
    )


def test_a_bureau_of_a_municipality_is_the_citys_body_not_the_municipality():
    index = OrganizationIndex()
    name = "Ecology Environment Bureau of Shenzhen Municipality"
    unit = "Party Committee of " + name
    assert (split_unit_and_parent(name, index), split_unit_and_parent(unit, index)) == (
        (name, None),
        ("Party Committee", name),
    )


def test_industry_leaders_listed_are_companies_business_leaders_are_people():
    sentence = "The expo attracted industry leaders including Huawei, GCL and BYD."
    people = "Business leaders including Chen Wei and Li Na attended."
    assert (find_listed_organizations(sentence), find_listed_organizations(people)) == (
        ["Huawei", "GCL", "BYD"],
        [],
    )


def test_a_known_body_in_its_own_meeting_title_holds_the_meeting():
    sentence = (
        "He attended the 2018 World Economic Forum Annual Meeting and the Green Annual Meeting."
    )
    assert find_meeting_hosts(sentence) == ["World Economic Forum"]


def test_a_body_whose_possessive_names_an_event_holds_it():
    sentence = (
        "He spoke at the South China Morning Post’s Climate Change Summit 2022, a member of "
        "the Chinese People’s Political Consultative Conference and of Hong Kong’s Green Forum."
    )
    assert find_event_owners(sentence) == ["South China Morning Post"]


def test_country_office_stem():
    assert country_office_stem("Danfoss Blueland") == ""  # not a place the gazetteer holds
    assert country_office_stem("Danfoss China") == "Danfoss"
    assert country_office_stem("Northwind Fund China Office") == "Northwind Fund"
    assert country_office_stem("Northwind Fund Energy") == ""


def test_register_office_spells_the_parent_out_and_keeps_the_written_form():
    index = OrganizationIndex()
    index.register("Northwind Conservation Fund", Span(0, 1), acronym="NCF")
    name = index.register_office("NCF China", Span(2, 3), parent="Northwind Conservation Fund")
    assert name == "Northwind Conservation Fund China"
    assert index.resolve("Northwind Conservation Fund") == "Northwind Conservation Fund"
    index.merge_country_offices()
    assert index.names() == ("Northwind Conservation Fund China",)
