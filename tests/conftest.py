import pytest


@pytest.fixture(autouse=True)
def _plain_static_and_http(settings):
    # Manifest storage needs collectstatic; the test client speaks plain http.
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    settings.SECURE_SSL_REDIRECT = False
    # Rolled-back test transactions bring data versions back; the page cache tests turn the
    # cache on with a store of their own.
    settings.PAGE_CACHE = False
