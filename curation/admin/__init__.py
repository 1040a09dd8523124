"""The editors' admin, one module per domain app; importing this package registers both."""

from curation.admin import events, people  # noqa: F401
