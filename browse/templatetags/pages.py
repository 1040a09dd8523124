"""Template filters for the public pages: JSON-LD output and links to cited sentences."""

from __future__ import annotations

import json

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.text import Truncator

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


@register.simple_tag
def evidence(record, fact="", open=False) -> str:
    """`{% evidence record fact %}`: a fact's sentence, quoted from its report, to unfold.

    Written here rather than as an included template: an event page shows fifty of them, and
    an include per row cost more than the rest of the row.
    """
    quote = record.evidence
    if not quote:
        return ""
    return format_html(
        '<details class="evidence"{}>\n'
        '  <summary>Source<span class="visually-hidden"> for {}</span></summary>\n'
        "  <blockquote>According to the report: “{}”</blockquote>\n"
        '  <a href="{}">See it in “{}”</a>\n'
        "</details>\n",
        " open" if open else "",
        fact or "this fact",
        quote,
        evidence_url(record),
        Truncator(record.report.title).chars(80),
    )


class CaptureNode(template.Node):
    def __init__(self, nodelist, name):
        self.nodelist, self.name = nodelist, name

    def render(self, context):
        # The inner text is rendered (and escaped) once here, so it stays safe when reused.
        context[self.name] = mark_safe(self.nodelist.render(context).strip())
        return ""


@register.tag
def capture(parser, token):
    """`{% capture as name %}…{% endcapture %}`: render once, use as {{ name }} many times.

    The base template captures the title and description blocks so that <title>, the meta
    description and the Open Graph tags all say the same thing.
    """
    bits = token.split_contents()
    if len(bits) != 3 or bits[1] != "as":
        raise template.TemplateSyntaxError("usage: {% capture as name %}…{% endcapture %}")
    nodelist = parser.parse(("endcapture",))
    parser.delete_first_token()
    return CaptureNode(nodelist, bits[2])


@register.simple_tag(takes_context=True)
def page_query(context, number, param="page") -> str:
    """The current query string with `param` set to `number` and blank fields dropped.

    A filter form sends every field, most of them empty; the links of one list's pages keep
    the filters and the other lists' pages as they are.
    """
    query = context["request"].GET.copy()
    for key in [key for key, values in query.lists() if not any(values)]:
        del query[key]
    query[param or "page"] = number
    return "?" + query.urlencode()


# The plural nouns the pages count, and their singular.
SINGULAR = {
    "cities": "city",
    "events": "event",
    "organisations": "organisation",
    "people": "person",
    "people by affiliation": "person by affiliation",
    "reports": "report",
    "results": "result",
    "speakers": "speaker",
    "topics": "topic",
}


@register.filter
def counted(number, noun: str) -> str:
    """`{{ 1|counted:"events" }}` -> "1 event"; `{{ 1200|counted:"cities" }}` -> "1,200 cities"."""
    try:
        n = int(number)
    except (TypeError, ValueError):
        return f"{number} {noun}"
    return f"{n:,} {SINGULAR.get(noun, noun) if n == 1 else noun}"


@register.filter
def noun_for(noun: str, number) -> str:
    """`{{ "events"|noun_for:1 }}` -> "event": the noun that goes with a count shown apart."""
    return SINGULAR.get(noun, noun) if str(number) == "1" else noun
