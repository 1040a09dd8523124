"""Production settings pass Django's deployment checklist."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

PRODUCTION = {
    "SECRET_KEY": "k3#p9v!w2x@z8q4r6t0y1u5i7o3a9s2d4f6g8h0j1l3z5x7c9v",
    "DEBUG": "0",
    "ALLOWED_HOSTS": "eventsdb.example.org",
    "DATABASE_URL": "sqlite:////tmp/eventsdb-deploy-check.sqlite3",
}


def run_manage(*args, env_overrides):
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in {"DEBUG", "HTTPS", "DATABASE_URL", "SECRET_KEY", "BEHIND_PROXY"}
    }
    env.update(env_overrides)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_check_deploy_is_clean_under_production_settings():
    result = run_manage("check", "--deploy", "--fail-level", "WARNING", env_overrides=PRODUCTION)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_debug_settings_are_flagged_by_check_deploy():
    result = run_manage(
        "check", "--deploy", "--fail-level", "WARNING", env_overrides={**PRODUCTION, "DEBUG": "1"}
    )
    assert result.returncode != 0
    assert "security.W018" in result.stderr + result.stdout


def test_check_deploy_warns_when_secret_key_is_not_in_the_environment():
    without_key = {k: v for k, v in PRODUCTION.items() if k != "SECRET_KEY"}
    result = run_manage("check", "--deploy", "--fail-level", "WARNING", env_overrides=without_key)
    assert result.returncode != 0
    assert "eventsdb.W001" in result.stderr + result.stdout
