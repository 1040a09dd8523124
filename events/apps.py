from django.apps import AppConfig


class EventsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "events"
    verbose_name = "Events and reports"

    def ready(self):
        # The public pages show this app's records: a change makes cached pages stale.
        from django.db.models.signals import post_migrate

        from core.data_version import track_changes
        from events.fulltext import after_migrate

        track_changes(self)
        post_migrate.connect(after_migrate, sender=self)
