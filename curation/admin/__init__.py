"""The editors' admin, one module per concern; importing this package registers them all."""

from curation.admin import events, merging, people, review  # noqa: F401
