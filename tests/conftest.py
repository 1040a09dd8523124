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
    settings.FACET_COUNT_CACHE = False


def pytest_collection_modifyitems(config, items):
    """Tests marked `postgresql` (query plans) run only on PostgreSQL.

    Deselected, not skipped, on other databases: CI runs the suite on SQLite and again on
    PostgreSQL, where they run, and a skip would hide a missing PostgreSQL pass.
    """
    from django.conf import settings

    if "postgresql" in settings.DATABASES["default"]["ENGINE"]:
        return
    kept = [item for item in items if item.get_closest_marker("postgresql") is None]
    if len(kept) < len(items):
        config.hook.pytest_deselected(items=[item for item in items if item not in kept])
        items[:] = kept
