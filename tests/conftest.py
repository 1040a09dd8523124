import time

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


# ------------------------------------------------------------------ no session left open

_monitor = None
_reported: set[int] = set()  # sessions a test already failed for: not blamed on the next


def _sessions_left_open() -> list[tuple]:
    """Sessions on this worker's PostgreSQL test database other than this thread's own.

    A session left open (a thread that never closed its connection, say) stops the test
    database from being dropped at the end of the run, with a warning that names no test.
    """
    global _monitor
    from django.db import connections

    default = connections["default"]
    name = default.settings_dict["NAME"]
    if default.vendor != "postgresql" or not name.startswith("test_"):
        return []
    if _monitor is None:
        import psycopg

        db = default.settings_dict
        params = {key: db[key.upper()] for key in ("host", "port", "user", "password")}
        # The maintenance database, as Django's own creation and teardown use: a session
        # on the test database itself would be one more that blocks dropping it.
        _monitor = psycopg.connect(
            dbname="postgres", autocommit=True, **{k: v for k, v in params.items() if v}
        )
    own = [
        conn.connection.info.backend_pid
        for conn in connections.all(initialized_only=True)
        if conn.connection is not None and not conn.connection.closed
    ]
    # A session whose client just closed (a subprocess, a live-server thread) takes a moment
    # to leave pg_stat_activity.
    deadline = time.monotonic() + 5
    while True:
        rows = _monitor.execute(
            "SELECT pid, state, left(query, 160) FROM pg_stat_activity"
            " WHERE datname = %s AND backend_type = 'client backend' AND NOT pid = ANY(%s)",
            (name, own + sorted(_reported)),
        ).fetchall()
        if not rows or time.monotonic() > deadline:
            return rows
        time.sleep(0.05)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item, nextitem):
    # After the test's own fixtures are torn down: the test that left a session fails.
    result = yield
    left = _sessions_left_open()
    if left:
        _reported.update(pid for pid, _, _ in left)
        sessions = "\n".join(
            f"  pid {pid} ({state}), last query: {query}" for pid, state, query in left
        )
        raise AssertionError(
            f"{item.nodeid} left {len(left)} session(s) open on the test database, which then "
            "cannot be dropped; a thread must close what it opened "
            f"(django.db.connections.close_all() in a finally):\n{sessions}"
        )
    return result


def pytest_unconfigure(config):
    if _monitor is not None:
        _monitor.close()
