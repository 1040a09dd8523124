from django.apps import AppConfig


class EventsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "events"
    verbose_name = "Events and reports"

    def ready(self):
        # The public pages show this app's records: a change makes cached pages stale.
        from core.data_version import track_changes

        track_changes(self)
