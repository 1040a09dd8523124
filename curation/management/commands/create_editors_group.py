from django.core.management.base import BaseCommand

from curation.editing import ensure_editors_group


class Command(BaseCommand):
    help = "Create the 'editors' group, or give it back any content permission it lacks."

    def handle(self, *args, **options):
        group = ensure_editors_group()
        self.stdout.write(f"{group.name}: {group.permissions.count()} permissions")
