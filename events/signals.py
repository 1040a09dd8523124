"""What the import tells the apps above it, which it may not import itself."""

from django.dispatch import Signal

# Sent once at the end of a `load_reports` run or an admin upload, with `results`: the
# IngestResult of every report. Duplicate candidates are refreshed on it.
reports_loaded = Signal()
