"""Settings for eventsdb. One module; production differs only by environment variables.

Environment:
    DATABASE_URL   sqlite:///path (default: db.sqlite3 beside manage.py) or postgres://...
    SECRET_KEY     required in production; without it a per-checkout key is generated once
    DEBUG          "1" for development error pages (default off)
    ALLOWED_HOSTS  comma-separated (default: localhost,127.0.0.1)
    HTTPS          "0" to serve plain http locally (default on: redirects, secure cookies, HSTS)
    BEHIND_PROXY   "1" when a proxy in front sets X-Forwarded-Proto (otherwise clients could)
    CACHE_URL      redis://host:port/db for the page cache (default: local memory, per process)
    PAGE_CACHE     "0" turns the page cache off (default on)
    FACET_COUNT_CACHE  "0" recounts every filter choice on every request (default: cached
                   per data version, in the same cache)
    STATIC_ROOT    where collectstatic writes (default: staticfiles/ beside manage.py)
    EVENTSDB_BENCHMARK  "1" only for benchmarks/pages.py: query counts in a header, bare views
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.core.management.utils import get_random_secret_key

BASE_DIR = Path(__file__).resolve().parent.parent


def env_flag(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def read_local_secret_key() -> str:
    # A checkout without SECRET_KEY still gets a random key of its own rather than a
    # well-known one committed to the repository.
    path = BASE_DIR / ".secret_key"
    if not path.exists():
        path.write_text(get_random_secret_key(), encoding="utf-8")
        path.chmod(0o600)
    return path.read_text(encoding="utf-8").strip()


DEBUG = env_flag("DEBUG", False)
# `check --deploy` reports a key that did not come from the environment (eventsdb.W001).
SECRET_KEY_FROM_ENVIRONMENT = bool(os.environ.get("SECRET_KEY"))
SECRET_KEY = os.environ.get("SECRET_KEY") or read_local_secret_key()
ALLOWED_HOSTS = [
    h.strip()
    for h in os.environ.get("ALLOWED_HOSTS", "localhost,127.0.0.1").split(",")
    if h.strip()
]
CSRF_TRUSTED_ORIGINS = [
    o.strip() for o in os.environ.get("CSRF_TRUSTED_ORIGINS", "").split(",") if o.strip()
]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
    "django.contrib.sitemaps",
    "django_filters",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "axes",
    "csp",
    "simple_history",
    "eventsdb",
    "core",
    "people",
    "events",
    "browse",
    "curation",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Before sessions, CSRF and authentication: a cached page needs none of them.
    "browse.middleware.PageCacheMiddleware",
    "browse.middleware.PublicGZipMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    # Names the editor behind each change in the records' history.
    "simple_history.middleware.HistoryRequestMiddleware",
    # Last, so it sees the outcome of authentication.
    "axes.middleware.AxesMiddleware",
]

BENCHMARK = env_flag("EVENTSDB_BENCHMARK", False)
if BENCHMARK:
    # Outermost, so that the count includes every middleware's queries.
    MIDDLEWARE.insert(0, "benchmarks.middleware.QueryCountMiddleware")

ROOT_URLCONF = "eventsdb.urls"
WSGI_APPLICATION = "eventsdb.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "browse.context_processors.canonical_url",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# The import queue (procrastinate) keeps its jobs in PostgreSQL, so it is there only with
# PostgreSQL; on SQLite the admin loads a pasted report in the request, as the command does.
# TASK_QUEUE=0 turns it off on PostgreSQL too.
TASK_QUEUE = DATABASES["default"]["ENGINE"].endswith("postgresql") and os.environ.get(
    "TASK_QUEUE", "1"
) not in ("0", "false", "no")
if TASK_QUEUE:
    INSTALLED_APPS.append("procrastinate.contrib.django")

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

# Failed admin logins. django-axes locks the pair (address, user name) after five failures for
# 15 minutes, so nobody can lock an editor out from another address. A longer limit per user
# name alone only spaces out attempts from unknown browsers (curation.throttling).
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = [["ip_address", "username"]]
AXES_ENABLE_ACCESS_FAILURE_LOG = True
LOGIN_USERNAME_FAILURE_LIMIT = int(os.environ.get("LOGIN_USERNAME_FAILURE_LIMIT", "20"))
LOGIN_USERNAME_WINDOW = timedelta(hours=1)
LOGIN_USERNAME_DELAY = timedelta(seconds=60)
AXES_RESET_ON_SUCCESS = True

# Whole public pages are cached under the data version (browse.middleware): local memory
# by default, one cache per worker process; CACHE_URL=redis://... shares one between workers
# and servers.
CACHE_URL = os.environ.get("CACHE_URL", "")
if CACHE_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": CACHE_URL,
            "KEY_PREFIX": "eventsdb",
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "eventsdb",
            # At most a few hundred pages of at most ~150 KB each in a worker's memory.
            "OPTIONS": {"MAX_ENTRIES": 300},
        }
    }
PAGE_CACHE = env_flag("PAGE_CACHE", True)
PAGE_CACHE_ALIAS = "default"
# Pages of an older data version are never read again; this only frees their space.
PAGE_CACHE_SECONDS = 60 * 60 * 24
# Filter-choice counts, per filter state, under the data version (browse.filters.facets).
FACET_COUNT_CACHE = env_flag("FACET_COUNT_CACHE", True)

# No inline script or style anywhere: everything comes from our own static files.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "img-src": [SELF, "data:"],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT") or BASE_DIR / "staticfiles")
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# Security is on unless a developer serves plain http locally (HTTPS=0).
HTTPS = env_flag("HTTPS", not DEBUG)
SECURE_SSL_REDIRECT = HTTPS
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
SECURE_HSTS_SECONDS = 60 * 60 * 24 * 365 if HTTPS else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = HTTPS
SECURE_HSTS_PRELOAD = HTTPS
if env_flag("BEHIND_PROXY", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SESSION_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}

# The read-only API (browse/api): JSON only, anonymous clients throttled per address.
REST_FRAMEWORK = {
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": [],
    "DEFAULT_AUTHENTICATION_CLASSES": [],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "DEFAULT_THROTTLE_CLASSES": ["rest_framework.throttling.AnonRateThrottle"],
    "DEFAULT_THROTTLE_RATES": {"anon": os.environ.get("API_ANON_RATE", "120/minute")},
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "UNAUTHENTICATED_USER": None,
}
SPECTACULAR_SETTINGS = {
    "TITLE": "eventsdb API",
    "DESCRIPTION": (
        "Read-only access to events, speakers, organisations, cities, topics, participations "
        "and reports extracted from news reports; every fact carries its evidence sentence."
    ),
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    # Tag operations by the kind of record ("events", "speakers"), not by the version prefix.
    "SCHEMA_PATH_PREFIX": r"/api/v1",
    # Swagger UI from the sidecar package: the docs page loads nothing from outside the site.
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "ENUM_NAME_OVERRIDES": {
        "ParticipationRoleEnum": "events.models.ParticipationRole",
        "OrganizerRoleEnum": "events.models.OrganizerRole",
    },
}
