"""Duplicate candidates: what is found and why, the page, and the decisions it remembers."""

from __future__ import annotations

import itertools
import time
from pathlib import Path

import pytest
from django.core.management import call_command

from curation.duplicates import WINDOW, find_candidates, refresh_duplicate_candidates
from curation.models import DistinctPair, DuplicateCandidate
from people.models import Organization, Person
from tests.factories import (
    make_event,
    make_organization,
    make_participation,
    make_person,
)

pytestmark = pytest.mark.django_db

PAGE = "/admin/curation/duplicatecandidate/"
SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def found(kind: str) -> dict[tuple[str, str], list[str]]:
    names = {
        "person": dict(Person.objects.values_list("pk", "name")),
        "organization": dict(Organization.objects.values_list("pk", "name")),
    }.get(kind)
    if names is None:
        from events.models import Event

        names = dict(Event.objects.values_list("pk", "name"))
    return {
        (names[a], names[b]): sorted(reasons)
        for (a, b), reasons in find_candidates(kind).reasons.items()
    }


def test_organisation_pairs_from_the_issue_with_their_reasons():
    for name in [
        "E20 Environment Platform",
        "E20 Environmental Platform",
        "Ministry of Ecology and Environment",
        "Ministry of Ecology and Environment of China",
        "World Resource Institute",
        "World Resources Institute China",
        "Tsinghua University",
        "Tsinghau University",
        "Center for Climate Finance",
        "Climate Finance Center",
        "Tsinghua University Institute of Energy",
        "Asian Development Bank",
        "ADB",
        "Energy Foundation",
    ]:
        make_organization(name)
    make_organization(
        "Institute of Energy", parent=Organization.objects.get(name="Tsinghua University")
    )

    assert found("organization") == {
        ("E20 Environment Platform", "E20 Environmental Platform"): ["edit-distance"],
        ("Ministry of Ecology and Environment", "Ministry of Ecology and Environment of China"): [
            "country-added"
        ],
        ("World Resource Institute", "World Resources Institute China"): ["edit-distance"],
        ("Tsinghua University", "Tsinghau University"): ["edit-distance"],
        ("Center for Climate Finance", "Climate Finance Center"): ["token-order"],
        ("Tsinghua University Institute of Energy", "Institute of Energy"): ["unit-of-parent"],
        ("Asian Development Bank", "ADB"): ["acronym"],
    }


def test_people_pairs_by_word_order_spelling_alias_and_shared_affiliation():
    liu = make_person("Liu Yanhua")
    make_person("Yanhua Liu")
    make_person("Liu Yanhau")
    make_person("Zhang Wei")
    make_person("Zhang Wen")  # one letter apart, but short Chinese names differ that way
    make_person("Jane Doe", aliases=["J. Doe"])
    make_person("J. Doe")
    bank = make_organization("World Bank")
    summit = make_event("Summit")
    make_participation(summit, make_person("Wang Tao"), positions=[("director", bank)])
    make_participation(summit, make_person("Tao Wang Jr"), positions=[("adviser", bank)])
    make_participation(summit, liu, positions=[("economist", bank)])

    assert found("person") == {
        ("Liu Yanhua", "Yanhua Liu"): ["token-order"],
        ("Liu Yanhua", "Liu Yanhau"): ["edit-distance"],
        ("Jane Doe", "J. Doe"): ["acronym"],
        ("Wang Tao", "Tao Wang Jr"): ["shared-context"],
    }


def test_event_pairs_by_word_order_and_by_date_and_city():
    from tests.factories import make_city

    wuhan = make_city("Wuhan")
    make_event("Green Cities Forum 2021")
    make_event("2021 Green Cities Forum")
    day = {"start_year": 2021, "start_month": 5, "start_day": 12, "city": wuhan}
    make_event("Low Carbon Week opening", **day)
    make_event("Opening of Low Carbon Week", **day)
    make_event("Unrelated Dinner", **day)

    assert found("event") == {
        ("Green Cities Forum 2021", "2021 Green Cities Forum"): ["token-order"],
        ("Low Carbon Week opening", "Opening of Low Carbon Week"): [
            "same-date-place",
            "token-order",
        ],
    }


def test_candidates_at_100000_people_take_bounded_work():
    surnames = ["Wang", "Li", "Zhang", "Liu", "Chen", "Yang", "Zhao", "Huang", "Zhou", "Wu"]
    syllables = ["an", "bo", "chen", "de", "fang", "gang", "hui", "jun", "lei", "ming"]
    names = (
        f"{s} {a.capitalize()}{b}{c}{d}"
        for s, a, b, c, d in itertools.product(surnames, *[syllables] * 4)
    )
    Person.objects.bulk_create(
        (Person(name=n, key=n.lower(), slug=f"p-{i}") for i, n in enumerate(names)),
        batch_size=5000,
    )
    assert Person.objects.count() == 100_000
    started = time.perf_counter()
    pairs = find_candidates("person")
    elapsed = time.perf_counter() - started
    # Two sorted orders, a window each: never the 5·10⁹ pairs of all against all.
    assert pairs.compared <= 2 * WINDOW * 100_000
    print(f"person candidates at 100,000 people: {elapsed:.1f} s, {pairs.compared} comparisons")
    assert elapsed < 60, f"{elapsed:.1f} s"


def test_duplicate_page_lists_pairs_and_remembers_not_the_same(csrf_editor):
    a = make_organization("E20 Environment Platform")
    b = make_organization("E20 Environmental Platform")
    make_organization("World Bank")
    assert refresh_duplicate_candidates() == {"person": 0, "organization": 1, "event": 0}

    page = csrf_editor.get(PAGE)
    content = page.content.decode()
    assert [str(c) for c in page.context["cl"].result_list] == [
        "E20 Environment Platform / E20 Environmental Platform"
    ]
    assert "Spelt almost the same" in content
    assert f"/admin/people/organization/merge/?ids={a.pk}&amp;ids={b.pk}" in content
    candidate = DuplicateCandidate.objects.get()
    assert (
        f'formaction="/admin/curation/duplicatecandidate/distinct/" name="pair" value="{candidate.pk}"'
        in content
    )

    response = csrf_editor.post(
        "/admin/curation/duplicatecandidate/distinct/", {"pair": candidate.pk}
    )
    assert (response.status_code, response["Location"]) == (302, PAGE)
    assert not DuplicateCandidate.objects.exists()
    assert list(DistinctPair.objects.values_list("first_id", "second_id", "decided_by")) == [
        (a.pk, b.pk, csrf_editor.user.pk)
    ]
    refresh_duplicate_candidates()
    assert not DuplicateCandidate.objects.exists()


def test_merging_from_the_duplicate_page_removes_the_pair(csrf_editor):
    a = make_organization("E20 Environment Platform")
    b = make_organization("E20 Environmental Platform")
    refresh_duplicate_candidates()
    response = csrf_editor.post(
        "/admin/people/organization/merge/",
        {"ids": [a.pk, b.pk], "survivor": b.pk, "confirm": "yes", "next": PAGE},
    )
    assert (response.status_code, response["Location"]) == (302, PAGE)
    assert list(Organization.objects.all()) == [b]
    assert not DuplicateCandidate.objects.exists()


def test_load_reports_refreshes_the_candidates_at_its_end():
    make_organization("E20 Environment Platform")
    make_organization("E20 Environmental Platform")
    seed = sorted(SEEDS.glob("*.txt"))[0]
    call_command("load_reports", str(seed), verbosity=0, stdout=__import__("io").StringIO())
    assert ("E20 Environment Platform", "E20 Environmental Platform") in {
        (c.organization_a.name, c.organization_b.name)
        for c in DuplicateCandidate.objects.for_page()
    }


def test_find_duplicates_command_says_what_it_found(capsys):
    make_person("Liu Yanhua")
    make_person("Yanhua Liu")
    call_command("find_duplicates")
    assert capsys.readouterr().out.startswith(
        "1 person pair(s), 0 organization pair(s), 0 event pair(s) in "
    )


def test_a_refresh_writes_only_the_pairs_that_changed():
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    make_person("Liu Yanhua")
    make_person("Yanhua Liu")
    make_person("Chen Guoqiang")
    refresh_duplicate_candidates(["person"])
    first = DuplicateCandidate.objects.get()

    def writes() -> list[str]:
        with CaptureQueriesContext(connection) as queries:
            refresh_duplicate_candidates(["person"])
        return [
            q["sql"].split()[0]
            for q in queries.captured_queries
            if "curation_duplicatecandidate" in q["sql"] and not q["sql"].startswith("SELECT")
        ]

    assert writes() == []  # nothing changed: nothing written
    assert DuplicateCandidate.objects.get() == first  # the pair keeps its row
    make_person("Chen Guoqaing")
    assert writes() == ["INSERT"]
    Person.objects.filter(name="Chen Guoqaing").update(key="zhou yu")  # renamed away
    assert writes() == ["DELETE"]
    assert list(DuplicateCandidate.objects.values_list("reasons", flat=True)) == [["token-order"]]
