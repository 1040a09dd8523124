"""gunicorn settings: `gunicorn eventsdb.wsgi` (what `make serve` runs).

Environment:
    WEB_CONCURRENCY    worker processes (default: 2 per core, at most 8)
    BIND               address to listen on (default 127.0.0.1:8000; a proxy sits in front)
    GUNICORN_TIMEOUT   seconds a request may take before its worker is restarted (default 30)
    ACCESS_LOG         where the access log goes: "-" is stdout (default), "" turns it off
"""

import os

# Sync workers: every page is a short database-bound request and the database, not the
# worker, bounds concurrency; a slow client is the proxy's job.
worker_class = "sync"
workers = int(os.environ.get("WEB_CONCURRENCY") or min(8, 2 * (os.cpu_count() or 1)))
bind = os.environ.get("BIND", "127.0.0.1:8000")
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
# On a restart or deploy, requests in flight get this long to finish.
graceful_timeout = 20
# A worker is replaced after this many requests (staggered by the jitter, so they do not all
# restart at once): whatever memory a large page left behind is given back.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "2000"))
max_requests_jitter = max_requests // 10
accesslog = os.environ.get("ACCESS_LOG", "-") or None
errorlog = "-"
# Client address, request line, status, size, time in ms, user agent.
access_log_format = '%(h)s "%(r)s" %(s)s %(B)s %(M)sms "%(a)s"'
# Python, Django and the apps load once in the master; workers start fast and share pages.
preload_app = True
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
# The control socket sits at one path per user, shared by every gunicorn that user runs;
# the server is managed with signals (HUP reloads, TERM stops) instead.
control_socket_disable = True
