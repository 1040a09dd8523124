"""Deployment checks of our own, run by `manage.py check --deploy`."""

from django.conf import settings
from django.core.checks import Tags, Warning, register


@register(Tags.security, deploy=True)
def check_secret_key_comes_from_environment(app_configs, **kwargs):
    if settings.SECRET_KEY_FROM_ENVIRONMENT:
        return []
    return [
        Warning(
            "SECRET_KEY is not set in the environment; a key generated for this checkout "
            "is used, which other servers of the same site would not share.",
            hint="Set SECRET_KEY to a long random value in production.",
            id="eventsdb.W001",
        )
    ]
