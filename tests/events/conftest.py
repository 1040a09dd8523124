import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import connection

ROOT = Path(__file__).resolve().parent.parent.parent


@pytest.fixture
def manage_py():
    """Start `manage.py ARGS` in a process of its own, against this test's database."""

    def start(*args: str, **popen) -> subprocess.Popen:
        db = connection.settings_dict
        url = f"postgres://{db['USER']}@{db['HOST']}:{db['PORT'] or 5432}/{db['NAME']}"
        return subprocess.Popen(
            [sys.executable, str(ROOT / "manage.py"), *args],
            cwd=ROOT,
            env={**os.environ, "DATABASE_URL": url, "CONN_MAX_AGE": "0"},
            stdout=subprocess.PIPE,
            stderr=popen.pop("stderr", subprocess.PIPE),
            text=True,
            **popen,
        )

    return start
