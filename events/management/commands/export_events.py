import csv
import json

from django.core.management.base import BaseCommand

from events.exporting import CSV_COLUMNS, export_reports, participation_rows


class Command(BaseCommand):
    help = "Print every loaded report as JSON (shared/gold/SCHEMA.md) or participations as CSV."

    def add_arguments(self, parser):
        parser.add_argument("--format", choices=["json", "csv"], default="json")

    def handle(self, *args, format, **options):
        if format == "json":
            self.stdout.write(json.dumps(export_reports(), ensure_ascii=False, indent=2))
            return
        writer = csv.DictWriter(self.stdout, fieldnames=CSV_COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(participation_rows())
