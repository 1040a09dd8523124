import pytest
from django.contrib.auth.models import User
from django.test import Client

from curation.editing import ensure_editors_group

PASSWORD = "a long enough password 42"


@pytest.fixture
def editor(db):
    """A staff member of the `editors` group, no superuser."""
    user = User.objects.create_user("edith", password=PASSWORD, is_staff=True)
    user.groups.add(ensure_editors_group())
    return user


class CsrfClient(Client):
    """A browser with CSRF checks on: every POST carries the token the last page set."""

    def __init__(self, **defaults):
        super().__init__(enforce_csrf_checks=True, **defaults)

    def post(self, path, data=None, **extra):
        if "csrftoken" not in self.cookies:
            self.get("/admin/")
        data = dict(data or {})
        data.setdefault("csrfmiddlewaretoken", self.cookies["csrftoken"].value)
        return super().post(path, data, **extra)


@pytest.fixture
def csrf_editor(db):
    """Logged in as a staff member of the `editors` group (no superuser), CSRF checks on."""
    user = User.objects.create_user("erin", password=PASSWORD, is_staff=True)
    user.groups.add(ensure_editors_group())
    client = CsrfClient()
    client.force_login(user)
    client.user = user
    return client
