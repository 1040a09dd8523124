import pytest

from people.models import Organization, Person
from tests.factories import make_organization, make_person


@pytest.mark.django_db
def test_person_and_organization_keys_fold_case_and_accents():
    person = make_person("Bojan Lalić")
    org = make_organization("World Bank", acronym="WB")
    assert person.key == "bojan lalic"
    assert org.key == "world bank"
    assert str(org) == "World Bank (WB)"
    assert [a.name for a in org.aliases.all()] == ["WB"]


@pytest.mark.django_db
def test_person_named_matches_any_written_form_folded():
    liu = make_person("Liu Yanhua", aliases=["Yanhua LIU"])
    make_person("Liu Yan")
    assert list(Person.objects.named("LIU Yanhua")) == [liu]
    assert list(Person.objects.named("yanhua liu")) == [liu]
    assert list(Person.objects.named("Yanhua")) == []


@pytest.mark.django_db
def test_organization_named_matches_name_acronym_and_alias_once():
    bank = make_organization("World Bank", acronym="WB", aliases=["The World Bank Group"])
    assert list(Organization.objects.named("world bank")) == [bank]
    assert list(Organization.objects.named("WB")) == [bank]
    assert list(Organization.objects.named("the world bank group")) == [bank]
    assert list(Organization.objects.named("Bank")) == []


@pytest.mark.django_db
def test_natural_keys_are_the_folded_names_imports_match_on():
    person = make_person("Bojan Lalić", aliases=["LALIC Bojan"])
    bank = make_organization("World Bank", acronym="WB")
    assert person.natural_key() == ("bojan lalic",)
    assert bank.natural_key() == ("world bank",)
    assert [a.natural_key() for a in person.aliases.all()] == [("bojan lalic", "lalic bojan")]
    assert [a.natural_key() for a in bank.aliases.all()] == [("world bank", "wb")]
