from django.apps import AppConfig


class EventsdbConfig(AppConfig):
    name = "eventsdb"
    verbose_name = "eventsdb configuration"

    def ready(self):
        from eventsdb import checks  # noqa: F401 - registers the deployment checks
