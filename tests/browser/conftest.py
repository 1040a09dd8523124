import pytest
from django.test import override_settings


@pytest.fixture(scope="session", autouse=True)
def _plain_http_live_server():
    # The live server builds its middleware once per session, before the function-scoped
    # settings fixture in tests/conftest.py runs, so plain http must be set this early.
    with override_settings(SECURE_SSL_REDIRECT=False, SECURE_HSTS_SECONDS=0):
        yield
