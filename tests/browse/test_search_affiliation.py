"""Speaker search by affiliation, title and name; the same tests run on SQLite and PostgreSQL."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from browse.search.affiliation import AffiliationResults, search_speakers_by_affiliation
from browse.search.everything import search_everything
from people.matching import FUZZY_ORGANIZATIONS, PARTIAL_LIMIT, Tier, match_organizations
from people.models import Organization, Person
from tests.factories import (
    make_event,
    make_organization,
    make_participation,
    make_person,
    make_report,
)


def build_seed_like_data() -> SimpleNamespace:
    """Facts from the seed reports: who spoke where, for which organisation."""
    summit = make_event(
        "Low Carbon Construction and Low Carbon Industry Summit",
        report=make_report(
            "2021 CIFTIS Low Carbon Construction and Low Carbon Industry Summit Successfully Held\n"
            "The summit, hosted by the International Green Economy Association (IGEA), was held "
            "at the National Convention Center in Beijing on 6 September 2021."
        ),
        start_year=2021,
        start_month=9,
        start_day=6,
        venue="National Convention Center",
    )
    round_table = make_event(
        "CIFCC Round Table Meeting: Green Industry and Low-Carbon City Construction",
        report=make_report(
            "2022 CIFCC Round Table Meeting--Green Industry and Low-Carbon City Construction\n"
            "Carter J. Brandon, sustainable development director in China and Mongolia of the "
            "World Bank, spoke about green finance."
        ),
        start_year=2022,
    )
    sharing = make_event(
        "City Emission Reduction Cooperation Project Summary and Achievement Sharing Meeting",
        report=make_report(
            "City Emission Reduction Cooperation Project Summary and Achievement Sharing Meeting\n"
            "Experts from Tsinghua University institutes shared their results."
        ),
        start_year=2023,
    )
    forum = make_event(
        '"Belt and Road" Green and Low-carbon Development Forum',
        report=make_report(
            'The "Belt and Road" Green and Low-carbon Development Forum was held in Chengdu.'
        ),
        start_year=2023,
        start_month=11,
    )

    igea = make_organization(
        "International Green Economy Association", acronym="IGEA", kind="association"
    )
    ndrc = make_organization("National Development and Reform Commission", kind="government")
    world_bank = make_organization("World Bank", acronym="WB", kind="intergovernmental")
    schneider = make_organization("Schneider Electric", kind="company")
    ncsc = make_organization(
        "National Climate Change Strategy Research and International Cooperation Center",
        acronym="NCSC",
        kind="government",
    )
    ef_china = make_organization(
        "Energy Foundation China",
        acronym="EF China",
        aliases=["Energy Foundation"],
        kind="ngo",
    )
    tsinghua = make_organization("Tsinghua University", kind="academic")
    climate_institute = make_organization(
        "Institute of Climate Change and Sustainable Development of Tsinghua University",
        parent=tsinghua,
        kind="academic",
    )
    sichuan_institute = make_organization(
        "Sichuan Energy Research Institute of Tsinghua University", parent=tsinghua
    )
    belgrade = make_organization("Belt and Road Research Institute in Belgrade", kind="academic")
    unido = make_organization("United Nations Industrial Development Organization", acronym="UNIDO")

    people = SimpleNamespace()
    people.ma_rong = make_person("Ma Rong")
    make_participation(
        summit,
        people.ma_rong,
        role="moderator",
        positions=[
            ("director of Experts Council", igea),
            (
                "former deputy director-general of Department of Resource Conservation and "
                "Environmental Protection",
                ndrc,
            ),
        ],
    )
    people.brandon = make_person("Carter J. Brandon", family_name="Brandon", given_name="Carter J.")
    make_participation(
        round_table,
        people.brandon,
        positions=[("sustainable development director in China and Mongolia", world_bank)],
    )
    people.pasternak = make_person("Jean Pasternak", family_name="Pasternak", given_name="Jean")
    make_participation(
        round_table,
        people.pasternak,
        positions=[("carbon strategy & alliance director", schneider)],
    )
    people.clarence_smith = make_person(
        "Edward Clarence-Smith", family_name="Clarence-Smith", given_name="Edward"
    )
    make_participation(
        round_table,
        people.clarence_smith,
        role="moderator",
        positions=[("representative in China and Northeast Asia", unido)],
    )
    people.cao_ying = make_person("Cao Ying")
    make_participation(
        sharing,
        people.cao_ying,
        positions=[("Deputy Director of Policy and Regulation Department", ncsc)],
    )
    people.lin_weiwei = make_person("Lin Weiwei")
    make_participation(
        sharing, people.lin_weiwei, positions=[("Low-Carbon City Project Manager", ef_china)]
    )
    people.yang_xiu = make_person("Yang Xiu")
    make_participation(
        sharing, people.yang_xiu, positions=[("associate researcher", climate_institute)]
    )
    people.li_weiqi = make_person("Li Weiqi")
    make_participation(sharing, people.li_weiqi, positions=[("director", sichuan_institute)])
    people.lalic = make_person("Bojan Lalić", family_name="Lalić", given_name="Bojan")
    make_participation(forum, people.lalic, role="keynote", positions=[("Director", belgrade)])
    people.yi_lisha = make_person("Yi Lisha")
    make_participation(forum, people.yi_lisha, positions=[("Chief Commercial Officer", None)])
    return SimpleNamespace(
        people=people,
        events=SimpleNamespace(summit=summit, round_table=round_table, sharing=sharing),
        organizations=SimpleNamespace(tsinghua=tsinghua, world_bank=world_bank, igea=igea),
    )


@pytest.fixture
def seed(db):
    return build_seed_like_data()


def names(results) -> list[str]:
    return [match.person.name for match in results]


def reasons(results) -> dict[str, str]:
    return {match.person.name: match.reason for match in results}


@pytest.mark.parametrize("query", ["tsinghua", "TSINGHUA", "Tsinghua University"])
def test_search_speakers_finds_both_tsinghua_institute_people(seed, query):
    assert set(names(search_speakers_by_affiliation(query))) == {"Li Weiqi", "Yang Xiu"}


def test_search_speakers_via_parent_organisation_says_so(seed):
    results = search_speakers_by_affiliation("Tsinghua University")
    assert reasons(results) == {
        "Li Weiqi": "via parent organisation Tsinghua University",
        "Yang Xiu": "via parent organisation Tsinghua University",
    }
    assert [m.organization.name for m in results] == [
        "Sichuan Energy Research Institute of Tsinghua University",
        "Institute of Climate Change and Sustainable Development of Tsinghua University",
    ]


def test_search_speakers_partial_name(seed):
    results = search_speakers_by_affiliation("Schneider")
    assert names(results) == ["Jean Pasternak"]
    assert results[0].reason == "partial name"
    assert results[0].position.title == "carbon strategy & alliance director"
    assert results[0].event == seed.events.round_table


@pytest.mark.parametrize(
    ("query", "reason"),
    [("WB", "via acronym WB"), ("wb", "via acronym WB"), ("World Bank", "exact organisation")],
)
def test_search_speakers_world_bank_by_name_or_acronym(seed, query, reason):
    results = search_speakers_by_affiliation(query)
    assert names(results) == ["Carter J. Brandon"]
    assert results[0].reason == reason


@pytest.mark.parametrize(
    ("query", "person", "reason"),
    [
        ("NCSC", "Cao Ying", "via acronym NCSC"),
        ("IGEA", "Ma Rong", "via acronym IGEA"),
        ("EF China", "Lin Weiwei", "via acronym EF China"),
        ("energy foundation", "Lin Weiwei", "via alias Energy Foundation"),
    ],
)
def test_search_speakers_by_acronym_or_alias(seed, query, person, reason):
    results = search_speakers_by_affiliation(query)
    assert names(results)[0] == person
    assert results[0].reason == reason


def test_search_speakers_by_name_folds_accents(seed):
    results = search_speakers_by_affiliation("", name="lalic")
    assert names(results) == ["Bojan Lalić"]
    assert results[0].position.title == "Director"
    assert results[0].reason == "name"
    assert names(search_speakers_by_affiliation("", name="LALIĆ")) == ["Bojan Lalić"]


def test_search_speakers_by_title_and_affiliation(seed):
    results = search_speakers_by_affiliation("IGEA", title="director")
    assert names(results) == ["Ma Rong"]
    assert results[0].position.title == "director of Experts Council"
    assert names(search_speakers_by_affiliation("IGEA", title="professor")) == []


def test_search_speakers_by_title_alone(seed):
    assert names(search_speakers_by_affiliation("", title="director")) == [
        "Bojan Lalić",
        "Cao Ying",
        "Carter J. Brandon",
        "Jean Pasternak",
        "Li Weiqi",
        "Ma Rong",
    ]


def test_search_speakers_finds_former_positions(seed):
    results = search_speakers_by_affiliation("National Development and Reform Commission")
    assert names(results) == ["Ma Rong"]
    assert results[0].position.title.startswith("former deputy director-general")


def test_search_speakers_similar_spelling(seed):
    results = search_speakers_by_affiliation("Tsinghau")
    assert set(names(results)) == {"Li Weiqi", "Yang Xiu"}
    assert {m.reason for m in results} == {"similar spelling: Tsinghau ≈ Tsinghua"}


def test_search_speakers_ranks_exact_then_alias_then_parent_then_partial(db):
    event = make_event("Forum", start_year=2024)
    center = make_organization("Green Center", acronym="GC")
    make_organization("Green Center Foundation")  # only reached by partial name
    lab = make_organization("Solar Lab", parent=center)
    other = make_organization("Regional Climate Office", aliases=["Green Center"])
    partial = make_organization("Green Center Foundation Beijing")
    for person, organization in [
        ("Zhou Partial", partial),
        ("Ai Parent", lab),
        ("Bai Alias", other),
        ("Wu Exact", center),
        ("Chen Exact", center),
    ]:
        make_participation(event, make_person(person), positions=[("director", organization)])

    results = search_speakers_by_affiliation("green center")

    assert [(m.person.name, m.rank, m.reason) for m in results] == [
        ("Chen Exact", 0, "exact organisation"),
        ("Wu Exact", 0, "exact organisation"),
        ("Bai Alias", 1, "via alias Green Center"),
        ("Ai Parent", 2, "via parent organisation Green Center"),
        ("Zhou Partial", 3, "partial name"),
    ]


def test_search_speakers_one_row_per_person_with_the_best_match(db):
    exact = make_organization("Green Center")
    partial = make_organization("Green Center Annex")
    person = make_person("Wang Two")
    make_participation(make_event(start_year=2020), person, positions=[("chair", partial)])
    make_participation(make_event(start_year=2019), person, positions=[("member", exact)])

    results = search_speakers_by_affiliation("green center")

    assert [(m.person.name, m.position.title, m.reason) for m in results] == [
        ("Wang Two", "member", "exact organisation")
    ]


def test_search_speakers_nothing_found_or_asked(seed):
    assert list(search_speakers_by_affiliation("")) == []
    assert list(search_speakers_by_affiliation("   ")) == []
    assert list(search_speakers_by_affiliation("Acme Widgets Unlimited")) == []
    assert len(search_speakers_by_affiliation("'; DROP TABLE people_person; --")) == 0


def test_search_speakers_results_page_like_a_sequence(seed):
    results = search_speakers_by_affiliation("tsinghua")
    assert isinstance(results, AffiliationResults)
    assert len(results) == 2
    assert [m.person.name for m in results[1:2]] == [names(results)[1]]
    assert results[0].person.name == names(results)[0]


@pytest.mark.parametrize("n", [1, 5])
def test_search_speakers_query_count_does_not_grow_with_rows(db, django_assert_max_num_queries, n):
    university = make_organization("Peking University", acronym="PKU")
    event = make_event(start_year=2024)
    for i in range(n):
        unit = make_organization(f"School {i} of Peking University", parent=university)
        make_participation(
            event, make_person(f"Person {i}"), positions=[("dean", unit), ("member", university)]
        )

    with django_assert_max_num_queries(9):
        results = search_speakers_by_affiliation("pekin university", title="dean")
        page = list(results[:20])
        assert len(results) == n
    assert len(page) == n


def test_search_speakers_pages_across_tiers_in_rank_order(db):
    event = make_event("Forum", start_year=2024)
    center = make_organization("Green Center")
    annex = make_organization("Green Center Annex")
    for i in range(3):
        make_participation(event, make_person(f"Exact {i}"), positions=[("chair", center)])
        make_participation(event, make_person(f"Partial {i}"), positions=[("chair", annex)])
    both = make_person("Both Places")
    make_participation(event, both, positions=[("member", annex), ("chair", center)])

    results = search_speakers_by_affiliation("green center")

    everyone = ["Both Places", "Exact 0", "Exact 1", "Exact 2", "Partial 0", "Partial 1"]
    everyone.append("Partial 2")
    assert names(results) == everyone
    assert len(results) == 7
    for start in range(7):
        assert names(results[start : start + 3]) == everyone[start : start + 3]
    assert (results[0].position.title, results[0].reason) == ("chair", "exact organisation")


def test_search_speakers_among_chosen_people_only(seed):
    chosen = Person.objects.filter(name__in=["Li Weiqi", "Ma Rong"])
    assert names(search_speakers_by_affiliation("tsinghua", people=chosen)) == ["Li Weiqi"]
    assert names(search_speakers_by_affiliation("", title="director", people=chosen)) == [
        "Li Weiqi",
        "Ma Rong",
    ]
    assert names(search_speakers_by_affiliation("", name="lalic", people=chosen)) == []


def test_search_speakers_count_stops_at_the_cap(db, monkeypatch):
    monkeypatch.setattr("browse.search.affiliation.COUNT_CAP", 2)
    center = make_organization("Green Center")
    event = make_event(start_year=2024)
    for i in range(4):
        make_participation(event, make_person(f"Person {i}"), positions=[("chair", center)])
    results = search_speakers_by_affiliation("green center")
    assert (len(results), results.capped, results.count_display) == (2, True, "2+")
    assert len(list(results)) == 4  # downloads are not capped


@pytest.mark.parametrize("n", [10, 2 * FUZZY_ORGANIZATIONS])
def test_a_misspelt_common_word_reaches_a_bounded_set_of_organisations(db, n):
    # "Tehcnology": every organisation holding "technology" is a candidate; the closest
    # spelling ranks first and at most FUZZY_ORGANIZATIONS are searched for people.
    Organization.objects.bulk_create(
        Organization(
            name=f"Institute of Technology {i}",
            slug=f"tech-{i}",
            key=f"institute of technology {i}",
        )
        for i in range(n)
    )
    make_organization("Ecology Office")  # a farther spelling of the same typo
    hits = match_organizations("Tehcnology")
    assert 0 < len(hits) <= FUZZY_ORGANIZATIONS
    assert {hit.tier for hit in hits.values()} == {Tier.FUZZY}
    kept = Organization.objects.filter(pk__in=hits).values_list("name", flat=True)
    if n > FUZZY_ORGANIZATIONS:
        assert len(hits) == FUZZY_ORGANIZATIONS
        assert all("Technology" in name for name in kept)
    else:
        # PostgreSQL's trigram candidates may leave the farther spelling out.
        assert n <= len(hits) <= n + 1


@pytest.mark.parametrize("n", [10, PARTIAL_LIMIT + 10])
def test_a_common_word_keeps_a_bounded_set_of_partial_matches(db, n):
    Organization.objects.bulk_create(
        Organization(name=f"Carbon Office {i:03}", slug=f"carbon-{i}", key=f"carbon office {i:03}")
        for i in range(n)
    )
    hits = match_organizations("carbon")
    assert len(hits) == min(n, PARTIAL_LIMIT)
    assert hits.capped == (n > PARTIAL_LIMIT)
    kept = sorted(Organization.objects.filter(pk__in=hits).values_list("name", flat=True))
    assert kept[0] == "Carbon Office 000"
    assert kept[-1] == f"Carbon Office {min(n, PARTIAL_LIMIT) - 1:03}"
    organisations = next(g for g in search_everything("carbon").groups if g.kind == "organisations")
    assert organisations.count_display == (f"{PARTIAL_LIMIT}+" if hits.capped else str(n))
