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
    """Tests marked `postgresql` need what SQLite lacks (query plans, concurrent writers, the
    task queue); tests marked `sqlite` check what only SQLite has (its FTS5 indexes).

    Each kind is deselected on the other database, and the run says how many: the other pass of
    CI runs them. Deselected rather than skipped, because under CI nothing may be skipped.
    """
    from django.db import connection

    other = "sqlite" if connection.vendor == "postgresql" else "postgresql"
    deselected = [item for item in items if item.get_closest_marker(other)]
    if deselected:
        config.hook.pytest_deselected(items=deselected)
        items[:] = [item for item in items if not item.get_closest_marker(other)]
