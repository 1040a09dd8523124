import pytest

from tests.factories import make_organization, make_person


@pytest.mark.django_db
def test_person_and_organization_keys_fold_case_and_accents():
    person = make_person("Bojan Lalić")
    org = make_organization("World Bank", acronym="WB")
    assert person.key == "bojan lalic"
    assert org.key == "world bank"
    assert str(org) == "World Bank (WB)"
    assert [a.name for a in org.aliases.all()] == ["WB"]
