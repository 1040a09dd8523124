"""The editors' admin, one module per concern; importing this package registers them all."""

from curation.admin import duplicates, events, merging, people, review  # noqa: F401
