"""Where a report was published: an optional header block at the top of a report file.

    Source: https://www.example.org/news/2021/green-forum.html
    Published: 2021-09-07

    Headline of the report…

The block is lines of `Key: value` (keys `Source` or `URL`, `Published` or `Date`, any case)
ending at the first blank line. A file without one loads as before; the block is never part
of the text the extraction reads, so evidence offsets do not depend on it.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

_FIELD = re.compile(
    r"""^(?P<key>source|url|published|date)   # a known key, nothing else opens a block
        \s*:\s*(?P<value>\S.*?)\s*$""",
    re.IGNORECASE | re.VERBOSE,
)
_URL = re.compile(r"^https?://\S+$")


@dataclass(frozen=True)
class ReportSource:
    url: str = ""
    published: dt.date | None = None


def split_source_header(text: str) -> tuple[ReportSource, str]:
    """(what the header block says, the text after it); no block: (ReportSource(), text).

    >>> split_source_header("Source: https://a.org/x\\nPublished: 2021-09-07\\n\\nForum held")
    (ReportSource(url='https://a.org/x', published=datetime.date(2021, 9, 7)), 'Forum held')
    """
    lines = text.lstrip("\ufeff").split("\n")
    end = next((i for i, line in enumerate(lines) if not line.strip()), None)
    # No blank line: a file that is nothing but a header holds no report; leave it whole.
    if not end:
        return ReportSource(), text
    fields: dict[str, str] = {}
    for line in lines[:end]:
        match = _FIELD.match(line)
        if match is None:
            return ReportSource(), text
        fields[match["key"].lower()] = match["value"]
    url = fields.get("source") or fields.get("url") or ""
    published = _date(fields.get("published") or fields.get("date") or "")
    return ReportSource(url if _URL.match(url) else "", published), "\n".join(lines[end + 1 :])


def _date(value: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None
