"""Template filters for the public pages: JSON-LD output and links to cited sentences."""

from __future__ import annotations

import json

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from browse.evidence import evidence_anchor

register = template.Library()

# The same escapes as Django's json_script: the JSON cannot close the <script> element or
# open a comment, whatever text a report puts into a name.
JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@register.filter
def json_ld(data):
    """`{{ data|json_ld }}` -> <script type="application/ld+json">…</script>."""
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(
        JSON_SCRIPT_ESCAPES
    )
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(text))


@register.filter
def evidence_url(record) -> str:
    """Link to the sentence behind a fact on its report's page, or '' when none is stored."""
    if record.evidence_start is None or record.evidence_end is None or not record.report_id:
        return ""
    anchor = evidence_anchor(record.evidence_start, record.evidence_end)
    return f"{record.report.get_absolute_url()}#{anchor}"
