from django.apps import AppConfig


class CurationConfig(AppConfig):
    name = "curation"
    verbose_name = "Curation"

    def ready(self):
        from curation.duplicates import refresh_after_import
        from events.signals import reports_loaded

        reports_loaded.connect(refresh_after_import, dispatch_uid="curation.duplicates")
