from django.apps import AppConfig


class PeopleConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "people"
    verbose_name = "People and organisations"

    def ready(self):
        # The public pages show this app's records: a change makes cached pages stale.
        from core.data_version import track_changes

        track_changes(self)
