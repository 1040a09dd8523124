"""When an event took place: the date (or range) a report gives for holding it.

A year the report does not state is never guessed. A date written without one takes the year
the report states elsewhere: in the event's name ("2021 CIFTIS Low Carbon ... Summit", "UNIDO
Day 2024"), or in the report's own dateline or dated page line when the date falls before it;
see `_year_the_report_states` for the rules in order.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache

from events.extraction.lexicon import (
    EVENT_HEADS,
    WEEKDAY_ALTERNATION,
    WEEKDAY_NUMBERS,
    WEEKDAYS,
    month_number,
)
from events.extraction.records import PartialDate, Span
from events.extraction.text import date_line

# Month names are matched case-sensitively: "may" is a verb, "May" a month, and so is "MAY"
# in the capitals programmes and banners print dates in ("30 NOVEMBER 2020").
_MONTH = (
    r"\b(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?"
    r"|JAN(?:UARY)?|FEB(?:RUARY)?|MAR(?:CH)?|APR(?:IL)?|MAY|JUNE?|JULY?|AUG(?:UST)?"
    r"|SEP(?:T(?:EMBER)?)?|OCT(?:OBER)?|NOV(?:EMBER)?|DEC(?:EMBER)?)\.?"
)
_DAY = r"(?:0?[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?(?!\d)"
_YEAR = r"(?:19|20)\d{2}(?!\d)"
_LEAD = (
    r"(?:\b(?i:on|from|between)\s+(?:(?i:the)\s+(?i:morning|afternoon|evening|night)\s+of\s+)?)?"
)
_RANGE = r"\s*(?:-|–|—|~|to|through|till|until|and)\s*"
_WEEKDAY_IN_BRACKETS = rf"\s*\((?:{WEEKDAY_ALTERNATION})\)"

_MONTH_DAY_YEAR = re.compile(
    rf"""
    (?P<lead>{_LEAD})                      # "On the afternoon of ", "From "
    (?P<m1>{_MONTH})(?:\s+|(?<=\.))(?P<d1>{_DAY})   # "September 6", "Nov. 17", "Oct.23"
    (?:{_RANGE}                            # a range: "-18", " to November 2"
       (?:(?P<m2>{_MONTH})\s+)?(?P<d2>{_DAY}))?
    (?:{_WEEKDAY_IN_BRACKETS})?            # " (Friday)"
    (?:,?\s+(?P<y>{_YEAR}))?               # ", 2021"
    """,
    re.VERBOSE,
)

_DAY_MONTH_YEAR = re.compile(
    rf"""
    (?P<lead>{_LEAD})                      # "from "
    (?P<d1>{_DAY})                         # "17"
    (?:\s+(?:of\s+)?(?P<m1>{_MONTH}))?     # " November" when the range spans two months
    (?:{_RANGE}(?P<d2>{_DAY}))?            # " to 19"
    \s+(?:of\s+)?(?P<m2>{_MONTH})          # " May"
    (?:{_WEEKDAY_IN_BRACKETS})?            # " (Friday)": "8 December (Friday) 2023"
    (?:,?\s+(?P<y>{_YEAR}))?               # " 2021"
    """,
    re.VERBOSE,
)

_ISO = re.compile(
    rf"""
    (?P<lead>{_LEAD})                      # "On "
    (?P<y>{_YEAR})[-/.](?P<m1>0?[1-9]|1[0-2])[-/.](?P<d1>{_DAY})   # "2020-11-17", "2020/11/17"
    (?:{_RANGE}(?:{_YEAR}[-/.](?P<m2>0?[1-9]|1[0-2])[-/.])?(?P<d2>{_DAY}))?  # "-18"
    """,
    re.VERBOSE,
)

_CJK = re.compile(
    r"""
    (?P<y>(?:19|20)\d{2})\s*年\s*            # "2021年"
    (?P<m1>0?[1-9]|1[0-2])\s*月               # "9月"
    (?:\s*(?P<d1>\d{1,2})\s*日                # "6日", or no day: "2021年9月"
       (?:\s*[-–~至到]\s*(?:(?P<m2>0?[1-9]|1[0-2])\s*月\s*)?(?P<d2>\d{1,2})\s*日)?)?  # "-8日"
    """,
    re.VERBOSE,
)

# "on 25/11/2019", "on 05-20-2014", "on 5.11.2019": day and month in either order, told apart
# by a number above 12 or by the order the report writes its other dates in
# (`writes_day_first`). Only after "on", "from" or "between": a bare one is a page's stamp.
_NUMERIC_DAY_MONTH = re.compile(
    rf"""
    (?P<lead>{_LEAD})                                   # "on "
    (?<![\d/.-])(?P<a>0?[1-9]|[12]\d|3[01])(?P<sep>[/.-])   # "25/"
    (?P<b>0?[1-9]|[12]\d|3[01])(?P=sep)                 # "11/"
    (?P<y>{_YEAR})                                      # "2019"
    """,
    re.VERBOSE,
)

_MONTH_YEAR = re.compile(
    rf"""
    (?P<lead>\b(?i:in)\s+)?                # "in "
    (?P<m1>{_MONTH})\s+(?P<y>{_YEAR})      # "September 2021"
    """,
    re.VERBOSE,
)

# Words that show a sentence reports the event being held, not a plan or a history.
_HOLDING_CUE = re.compile(
    r"""
    \b(?:held|hold|holds|hosted|convened|opened|kicked\ off|took\ place|takes\ place
       |concluded|closed|unveiled|unveils|started|began|gathered|attended|organi[sz]ed
       |co-sponsored|sponsored|launched|inaugurated|staged)\b
    | \b(?:forum|summit|conference|meeting|round[- ]?table|symposium|workshop|seminar
       |dialogue|expo|congress|ceremony|salon|session|exhibition|fair)s?\b
    """,
    re.VERBOSE | re.IGNORECASE,
)

# A verb saying the event was held: "the forum was held ... on 26 September" over a photo
# caption's "at the Carbon Neutrality Expo on June 5", which names an event but holds none.
_HOLDING_VERB = re.compile(
    r"""\b(?:held|hosted|convened|opened|kicked\ off|took\ place|concluded|closed|staged
       |inaugurated|wrapped\ up|commenced|began)\b""",
    re.VERBOSE | re.IGNORECASE,
)

# Words just before a date that make it a deadline or a history, not the event's date.
_NOT_EVENT_DATE = re.compile(
    r"""
    \b(?:by|before|until|till|since|after|deadline|due|launched\ (?:in|on)|founded\ (?:in|on)
       |established\ (?:in|on)|expires?\ (?:in|on)
       |first\ (?:held|convened|hosted|staged|organi[sz]ed|launched)\ (?:in|on))\s+$  # a history
    """,
    re.VERBOSE | re.IGNORECASE,
)

_EDITION_YEAR = re.compile(
    r"""
    ^(?:the\s+)?                     # the headline opens with the edition: "The 2022 ..."
    (?P<y>(?:19|20)\d{2})\s+         # "2021 "
    (?=[A-Z])                        # then the capitalised series or event name: "CIFTIS ..."
    """,
    re.VERBOSE | re.IGNORECASE,
)


@dataclass(frozen=True)
class _Candidate:
    start: PartialDate
    end: PartialDate | None
    position: int
    score: int


def find_event_dates(
    text: str,
    sentences: tuple[Span, ...],
    *,
    title: str = "",
    dateline: tuple[int | None, int, int] | None = None,
    published: tuple[int, int, int] | None = None,
    scheduled: tuple[int, int, int] | None = None,
    buried_datelines: tuple[Span, ...] = (),
) -> tuple[PartialDate | None, PartialDate | None]:
    """Return the (start, end) dates of the event the report describes; end only for ranges.

    Example input: "On the afternoon of September 6, 2021, hosted by ..., the Summit was held"
    gives start PartialDate(2021, 9, 6, text="On the afternoon of September 6, 2021").

    `dateline` (year or None, month, day) and `published` (the page line's date) are when the
    report was filed, not when the event was; `scheduled` is an event page's labelled date
    ("Date: 14 November 2018" beside "Venue: ..."), which wins; `buried_datelines` are where
    the text still holds a wire dateline (`text.find_buried_datelines`). Only when the lead says the event happened
    "today" or "on Monday" is it dated by them: the dateline's month and day when the body
    gives no date, and the page line's year when the date has none.
    """
    body = [span for span in sentences if span.of(text).strip() != title.strip() or not title]
    if scheduled is not None:
        # An event page's "Date:" label says it outright; the page gives no sentence for it.
        evidence = body[0] if body else Span(0, 0)
        return PartialDate(*scheduled, evidence, ""), None
    # Read only if a numeric date needs it: counting a long report's dates takes a while.
    day_first = cache(lambda: writes_day_first(text))
    candidates = [
        candidate
        for index, span in enumerate(body)
        for candidate in _find_candidates(text, span, index, day_first, buried_datelines)
    ]
    # A founding day, a deadline or a history is no event's date, even when no other is given.
    candidates = [candidate for candidate in candidates if candidate.score >= 0]
    if not candidates:
        candidates = dates_in_headline(text, title)
    relative = _says_relative_day(text, body)
    if relative and (dateline or first_dated_by_weekday(candidates, relative, published)):
        # "BEIJING, Sept. 6 -- ... gathered on Monday": a date elsewhere is another matter's
        candidates = [c for c in candidates if relative.start <= c.position < relative.end]
    if not candidates and dateline and dateline[0] is not None and not relative:
        # "DURBAN, South Africa, Dec. 6, 2011 /PRNewswire-Asia/ --" and no date in the body:
        # the release is dated by the day it reports, or by "On the 5th" before it.
        evidence = body[0] if body else Span(0, 0)
        day_only = _day_of_the_page_month(text, body, dateline)
        return day_only or PartialDate(*dateline, evidence, evidence.of(text)), None
    filed = _filed(dateline, published)
    if not candidates and relative and filed and _YESTERDAY.search(relative.of(text)):
        return day_before(filed, relative), None
    if not candidates and relative and published and _TODAY.search(relative.of(text)):
        # "The forum opened today" on a page dated 10 October: a release is filed that day.
        return PartialDate(*published, relative, relative.of(text)), None
    if not candidates and not (relative and dateline):
        day_only = _day_of_the_page_month(text, body, filed)
        return day_only or _year_only(text, title, body, published), None
    if not candidates:
        year, month, day = dateline
        if year is None and published is not None:
            year = published[0]
        sentence = relative.of(text)
        if year is not None and not says_still_to_come(sentence):
            year, month, day = weekday_on_or_before((year, month, day), sentence)
        return PartialDate(year, month, day, relative, sentence), None
    best = max(candidates, key=lambda candidate: (candidate.score, -candidate.position))
    if best.start.year is not None:
        return _closing_day_spread(text, body, best.position, best.start, best.end)
    year = _year_the_report_states(
        best.start, text, title, dateline, published, relative
    ) or year_of_a_nearby_date(best.start, [c.start for c in candidates])
    if year is None:
        return best.start, best.end
    start, end = _with_year(best.start, year), best.end and _with_year(best.end, year)
    return _closing_day_spread(text, body, best.position, start, end)


# "On the 30th", "On the afternoon of the 15th": translated Chinese reports' "30日", "15日下午".
_DAY_ONLY = re.compile(
    r"""\b[Oo]n\s+the\s+(?:(?:morning|afternoon|evening|night)\s+of\s+the\s+)?
    (?P<day>[1-9]|[12]\d|3[01])(?:st|nd|rd|th)\b(?!\s+of\b)""",
    re.VERBOSE,
)


def day_in_page_month(
    day: int, published: tuple[int | None, int, int]
) -> tuple[int | None, int, int]:
    """The date a bare "on the 30th" means in a page dated `published`: that month's day,
    or the month before's when the day is still to come.

    Example: 30 on a page of 2022-06-02 -> (2022, 5, 30); 1 on it -> (2022, 6, 1); 30 under
    a dateline "Dec. 1" with no year -> (None, 11, 30).
    """
    year, month, today = published
    if day <= today:
        return year, month, day
    if month == 1:
        return (None if year is None else year - 1), 12, day
    return year, month - 1, day


_YESTERDAY = re.compile(r"\byesterday\b", re.IGNORECASE)
_TODAY = re.compile(r"\b(?:today|this\s+(?:morning|afternoon|evening))\b", re.IGNORECASE)


def day_before(filed: tuple[int | None, int, int], evidence: Span) -> PartialDate:
    """The day before a report was filed, for an event it says was held "yesterday".

    Example: (2019, 3, 1) -> 2019-02-28; (None, 5, 6), a dateline without its year ->
    (None, 5, 5).
    """
    year, month, day = filed
    # Without the year, any year but a leap one's 29 February reads the same.
    known = year if year is not None else (2000 if (month, day) == (2, 29) else 2001)
    before = date(known, month, day) - timedelta(days=1)
    return PartialDate(
        before.year if year is not None else None, before.month, before.day, evidence, "yesterday"
    )


def _filed(
    dateline: tuple[int | None, int, int] | None, published: tuple[int, int, int] | None
) -> tuple[int | None, int, int] | None:
    """When the report was filed: its wire dateline, with the page's year when the dateline
    has none and falls in the page's month; else the page's date."""
    if dateline is None:
        return published
    year, month, day = dateline
    if year is None and published is not None and published[1] == month:
        year = published[0]
    return year, month, day


def _day_of_the_page_month(
    text: str, body: list[Span], published: tuple[int | None, int, int] | None
) -> PartialDate | None:
    """ "On the 30th, the forum was held": a day with no month, dated by the dateline or the
    page line."""
    if published is None:
        return None
    for span in body[:3]:
        sentence = span.of(text)
        match = _DAY_ONLY.search(sentence)
        if match and _HOLDING_CUE.search(sentence):
            year, month, day = day_in_page_month(int(match.group("day")), published)
            return PartialDate(year, month, day, span, match.group(0))
    return None


_DAYS_LONG = {"two": 2, "three": 3, "four": 4, "five": 5, "2": 2, "3": 3, "4": 4, "5": 5}
_N_DAYS = r"\b(?P<days>two|three|four|five|[2-5])-day\b"
# A closing verb, and the rest of its clause up to the date.
_CLOSED = r"""\b(?:wrapped\s+up|concluded|closed|ended|came\s+to\s+(?:a\s+)?close
    |drew\s+to\s+a\s+close)\b[^.;!?]{0,60}$"""
_CLOSED_N_DAY_EVENT = re.compile(rf"{_N_DAYS}[^.;!?]{{0,120}}?{_CLOSED}", re.VERBOSE | re.I)


def closing_day_span(before: str) -> int | None:
    """How many days an event lasted when the words before its date say it closed then.

    Example: "The three-day expo wrapped up in Lanzhou on " -> 3; "The two-day expo opened
    on " -> None (the date is its first day).
    """
    match = _CLOSED_N_DAY_EVENT.search(before)
    return _DAYS_LONG[match.group("days").lower()] if match else None


_CLOSED_BEFORE = re.compile(_CLOSED, re.VERBOSE | re.IGNORECASE)
_N_DAY_EVENT = re.compile(rf"\b(?:the|this)\s+{_N_DAYS}", re.IGNORECASE)


def days_said_next(before: str, following: str) -> int | None:
    """How long an event that closed on a date lasted, when the next sentence says it.

    Example: "The conference wrapped up " (before "May 13") and "... the two-day event
    attracted 220 people" -> 2; "The conference opened " -> None.
    """
    if not _CLOSED_BEFORE.search(before):
        return None
    match = _N_DAY_EVENT.search(following)
    return _DAYS_LONG[match.group("days").lower()] if match else None


def _closing_day_spread(
    text: str,
    body: list[Span],
    position: int,
    start: PartialDate,
    end: PartialDate | None,
) -> tuple[PartialDate, PartialDate | None]:
    """A lone date that is an N-day event's closing day: the event ran from N-1 days before."""
    if end is not None or None in (start.year, start.month, start.day):
        return start, end
    at = next((i for i, span in enumerate(body) if span.start <= position < span.end), None)
    if at is None:
        return start, end
    before = text[body[at].start : position]
    days = closing_day_span(before)
    if days is None and at + 1 < len(body):
        days = days_said_next(before, body[at + 1].of(text))
    if days is None:
        return start, end
    try:
        last = date(start.year, start.month, start.day)
    except ValueError:
        return start, end
    first = last - timedelta(days=days - 1)
    opening = PartialDate(first.year, first.month, first.day, start.evidence, start.text)
    return opening, start


_EARLIER_PERIOD = re.compile(r"\b(?:last|past|previous)\s+(?:week|month|year|weekend)\b", re.I)


def dates_in_headline(text: str, title: str) -> list[_Candidate]:
    """The dates a headline gives, for a body that gives none.

    Example: "Green Forum held in Nanjing on 5 June 2019" over a body with no date -> the
    candidate 2019-06-05; a headline with no date -> [].
    """
    if not title or not text.startswith(title) or date_line(title):
        return []  # a headline that is only a date is the page's date line taken for one
    return _find_candidates(text, Span(0, len(title)), 0)


def _year_only(
    text: str, title: str, body: list[Span], published: tuple[int, int, int] | None
) -> PartialDate | None:
    """With no day or month stated, the year alone where the report states it: in the event's
    name, else the page's own date for an event it reports as held.

    Example: "The 2025 Qingdao Venture Capital Conference spotlighted green finance this week"
    -> PartialDate(2025, None, None); a page dated 2017-09-07 saying "a seminar has been held
    in Beijing" -> PartialDate(2017, None, None).
    """
    lead = body[:3]
    for span in [None, *lead]:
        written = title if span is None else span.of(text)
        year = find_edition_year(written) or year_in_event_name(written)
        if year is not None:
            evidence = span or (body[0] if body else Span(0, 0))
            return PartialDate(year, None, None, evidence, str(year))
    held = next((s for s in lead if _HOLDING_CUE.search(s.of(text))), None)
    if held is None and body and is_speech_headline(title):
        held = body[0]  # a speech's transcript opens with its salutations, not its occasion
    # "wrapped up last week": the page's date is not the event's, which may lie in another year.
    if any(_EARLIER_PERIOD.search(span.of(text)) for span in lead):
        return None
    if published is not None and held is not None:
        return PartialDate(published[0], None, None, held, "")
    return None


_SPOKEN_AT = re.compile(
    r"""\b(?:speaks|spoke|speech|remarks|address|keynote)   # what was said: "Delivers a Speech"
        \s+(?:\w+\s+){0,2}?at\s+(?:the|a|an)\b           # and the occasion: "at the Launch"
    """,
    re.VERBOSE | re.IGNORECASE,
)


def is_speech_headline(title: str) -> bool:
    """A headline saying someone spoke at an occasion: the page carries the speech, given
    when the page was put up.

    Example: "Envoy Li Ming Delivers a Keynote Speech at the Opening of the Fair" -> True;
    "Remarks by Li Ming" -> False (no occasion); "Speech contest set for May" -> False.
    """
    return bool(_SPOKEN_AT.search(title))


def year_of_a_nearby_date(date: PartialDate, others: list[PartialDate]) -> int | None:
    """The year of another date the report writes in full within a week of `date`.

    Example: "on 28 November" beside "co-hosted on 27 November 2019" -> 2019; "Monday 30
    November" beside "Wednesday 2 December 2020" -> 2020; beside only "27 March 2019" -> None.
    """
    if date.month is None or date.day is None:
        return None
    years = set()
    for other in others:
        written = _as_date(other)
        if written is None:
            continue
        # The week may cross into another year: "30 December" beside "2 January 2021".
        for year in (written.year - 1, written.year, written.year + 1):
            near = _as_date(PartialDate(year, date.month, date.day, date.evidence, ""))
            if near is not None and abs((near - written).days) <= 7:
                years.add(year)
    return years.pop() if len(years) == 1 else None


def _as_date(partial: PartialDate) -> date | None:
    if None in (partial.year, partial.month, partial.day):
        return None
    try:
        return date(partial.year, partial.month, partial.day)
    except ValueError:  # "31 November", "29 February" of a common year
        return None


def _year_the_report_states(
    start: PartialDate,
    text: str,
    title: str,
    dateline: tuple[int | None, int, int] | None,
    published: tuple[int, int, int] | None,
    relative: Span | None,
) -> int | None:
    """The year of a date written without one, where the report itself states it; the rules
    in order, the first that answers wins, the last being the one year the report writes in
    an event's name anywhere ("Eco Expo Asia 2017 is one of the major events")."""
    sentence = start.evidence.of(text) if start.evidence else ""
    # "The 2021 China (Huzhou) Green Finance Summit opened ... on June 22": the edition year
    # opening the dated sentence states the year as plainly as a headline that opens with it.
    year = find_edition_year(title) or find_edition_year(sentence)
    year = year or year_in_event_name(sentence) or year_in_event_name(title)
    if year is not None:
        return year
    if relative and published is not None:
        return published[0]
    for filed in (dateline, published):
        if filed and filed[0] is not None and _not_after(start, filed):
            return filed[0]
    if published is not None and says_still_to_come(sentence):
        # "The forum will be held on 20 May" on a page of 7 May: the coming 20 May.
        return published[0]
    if published is not None and held_the_year_before(start, published, sentence):
        return published[0] - 1
    stamped = year_stamped_in_brackets(sentence)
    if stamped and _not_after(start, stamped):
        return stamped[0]
    return year_in_event_name(text)


_STILL_TO_COME = re.compile(
    r"""\b(?:will|is\s+to|are\s+to|is\s+set\s+to|are\s+set\s+to|is\s+scheduled\s+to)
        \s+(?:be\s+)?(?:held|hosted|convened|staged|take\s+place|open|run|kick\s+off|start)\b
      | \b(?:upcoming|forthcoming)\b""",
    re.VERBOSE | re.IGNORECASE,
)


def says_still_to_come(sentence: str) -> bool:
    """The dated sentence announces the event as still to come, so a date later than the
    page's own is in the page's year, not a year before.

    Example: "The tea fair will be held on 20 May in Hangzhou." -> True; "The tea fair was
    held on 20 May." -> False.
    """
    return bool(_STILL_TO_COME.search(sentence))


_HELD_PAST = re.compile(
    r"\b(?:was|were)\s+(?:\w+\s+)?(?:held|hosted|convened|staged|opened|launched)\b"
    r"|\b(?:took\s+place|concluded|wrapped\s+up|kicked\s+off|closed|ended)\b",
    re.IGNORECASE,
)


def held_the_year_before(
    start: PartialDate, published: tuple[int, int, int], sentence: str
) -> bool:
    """A yearless date of the last months of a year, on a page of the first months of the
    next, that the sentence says was held: the year before the page's.

    Example: "December 28" in "The forum was held on December 28" on a page of 2020-01-05
    -> True; "June 28" on that page, or "will be held on December 28" -> False.
    """
    if start.month is None or start.month <= published[1]:
        return False
    return start.month - published[1] >= 9 and bool(_HELD_PAST.search(sentence))


# "CNA (2011/05/28) Climate Parliament ... held a conference on May 27": an agency's stamp.
_BRACKETED_STAMP = re.compile(
    r"\((?P<y>(?:19|20)\d{2})[/-](?P<m>0?[1-9]|1[0-2])[/-](?P<d>0?[1-9]|[12]\d|3[01])\)"
)


def year_stamped_in_brackets(sentence: str) -> tuple[int, int, int] | None:
    """A numeric date in brackets in the dated sentence, as wire agencies stamp a story.

    Example: "CNA (2011/05/28) Climate Parliament ... held a conference on May 27" ->
    (2011, 5, 28); "held on May 27 (local time)" -> None.
    """
    match = _BRACKETED_STAMP.search(sentence)
    if not match:
        return None
    return int(match.group("y")), int(match.group("m")), int(match.group("d"))


# "the 2018 Annual Conference on Sustainability", "the 2024 fifth edition of the CCG VIP
# Luncheon": a year opening an event's name, at most eight words before its head noun.
_YEAR_THEN_EVENT = re.compile(
    rf"""(?<![\w-])(?P<y>(?:19|20)\d{{2}})\s+
    (?:(?:[“"'(]?[A-Z][\w’'·&()-]*[”"']?|\d+(?:st|nd|rd|th)|first|second|third|fourth|fifth
        |sixth|seventh|eighth|ninth|tenth|annual|edition|of|the|and|&)\s+){{0,8}}?
    (?i:{"|".join(sorted(EVENT_HEADS, key=len, reverse=True))})s?\b""",
    re.VERBOSE,
)
# "UNIDO Day 2024", "Annual General Meeting 2018", "Eco Forum Global Guiyang 2025",
# "Green Forum (Xiamen) 2018".
_EVENT_THEN_YEAR = re.compile(
    rf"""\b(?i:{"|".join(sorted(EVENT_HEADS, key=len, reverse=True))})s?
    (?:\s+\(?[A-Z][\w-]*\)?){{0,3}}\s+(?P<y>(?:19|20)\d{{2}})(?![\w-])""",  # "Forum (Xiamen) 2018"
    re.VERBOSE,
)


# "the 2019 edition of the forum": the year names the edition.
_YEAR_EDITION = re.compile(r"\b(?:the|its|this)\s+(?P<y>(?:19|20)\d{2})\s+edition\b", re.I)


def year_in_event_name(text: str) -> int | None:
    """The year written inside an event's name, when the text names one year that way.

    Example: "On May 9th, CCIEE held the 2018 Annual Conference on Sustainability" -> 2018;
    "On July 5, Eco Forum Global Guiyang 2025 opened" -> 2025; "the forum, the 2019 edition of
    the series," -> 2019; "goals for 2030" -> None.
    """
    years = {int(m.group("y")) for m in _YEAR_THEN_EVENT.finditer(text)}
    years |= {int(m.group("y")) for m in _EVENT_THEN_YEAR.finditer(text)}
    years |= {int(m.group("y")) for m in _YEAR_EDITION.finditer(text)}
    return years.pop() if len(years) == 1 else None


def _not_after(start: PartialDate, filed: tuple[int | None, int, int]) -> bool:
    """True when a date's month and day come no later in the year than the filing's: a report
    filed on 30 November about "October 18" tells of that year's October."""
    if start.month is None:
        return False
    return (start.month, start.day or 1) <= (filed[1], filed[2])


# A weekday or "today" saying the event happened on the day the report was filed.
_RELATIVE_DAY = re.compile(
    rf"""
    \b(?:(?:on\s+)?(?:{WEEKDAY_ALTERNATION})  # wires: "opened Thursday"
        |on\s+the\s+same\s+day|today|yesterday|this\s+(?:morning|afternoon|evening))\b
    """,
    re.VERBOSE | re.IGNORECASE,
)


_NAMED_WEEKDAY = re.compile(rf"\b(?:{WEEKDAY_ALTERNATION})\b", re.IGNORECASE)


def weekday_on_or_before(filed: tuple[int, int, int], sentence: str) -> tuple[int, int, int]:
    """The date of the weekday a wire's lead names, the filing day or the latest before it:
    a release filed on Tuesday says the expo "kicked off on Monday".

    Example: ((2023, 6, 20), "The expo kicked off on Monday in Changzhou") -> (2023, 6, 19);
    ((2015, 6, 27), "opened here on Saturday") -> (2015, 6, 27), the day filed; a sentence
    naming no weekday, or two, keeps `filed`.
    """
    named = {match.group(0).lower() for match in _NAMED_WEEKDAY.finditer(sentence)}
    try:
        filed_on = date(*filed)
    except ValueError:  # a dateline's "Feb. 30"
        return filed
    if len(named) != 1:
        return filed
    weekday = WEEKDAY_NUMBERS[named.pop()]
    held = filed_on - timedelta(days=(filed_on.weekday() - weekday) % 7)
    return held.year, held.month, held.day


def first_dated_by_weekday(
    candidates: list[_Candidate], relative: Span, published: tuple[int, int, int] | None
) -> bool:
    """A dated page whose lead says the event was held "on Tuesday" before it writes any
    date but the page's own: a date written later is another matter's ("ahead of World
    Cities Day on Oct. 31"), and the event is dated by the page.

    Example: page dated 2016-10-19, "held a forum on Tuesday" and "Oct. 31" in the next
    sentence -> True; with "The forum opened on 17 October" before it -> False.
    """
    if published is None:
        return False
    return not any(
        candidate.position < relative.start
        and (candidate.start.year, candidate.start.month, candidate.start.day) != published
        for candidate in candidates
    )


def _says_relative_day(text: str, body: list[Span]) -> Span | None:
    """The lead sentence saying the event was held "on Monday" or "today", if any."""
    for span in body[:3]:
        sentence = span.of(text)
        if _RELATIVE_DAY.search(sentence) and _HOLDING_CUE.search(sentence):
            return span
    return None


def find_edition_year(title: str) -> int | None:
    """The year of a series' edition when the headline opens with it, else None.

    Example input: "2022 CIFCC Round Table Meeting--Green Industry ..." -> 2022.
    The rule: the headline must start with the four-digit year followed by a capitalised name,
    and name no other year. "Pudong forum held on July 19" or "Plans for 2030 ..." give None.
    """
    match = _EDITION_YEAR.match(title.strip())
    if not match or len(re.findall(r"\b(?:19|20)\d{2}\b", title)) != 1:
        return None
    return int(match.group("y"))


def _with_year(date: PartialDate, year: int) -> PartialDate:
    return PartialDate(year, date.month, date.day, date.evidence, date.text)


def writes_day_first(text: str) -> bool | None:
    """Whether a report writes its dates day first, by the dates it writes with a month's
    name; None when it writes none, or as many each way.

    Example: "held on 5 November 2019 ... by 6 December" -> True; "on November 5, 2019" ->
    False; "on 2019-11-05" -> None.
    """
    day_first = sum(1 for _ in _DAY_MONTH_YEAR.finditer(text))
    month_first = sum(1 for _ in _MONTH_DAY_YEAR.finditer(text))
    if day_first == month_first:
        return None
    return day_first > month_first


def read_day_and_month(
    a: int, b: int, separator: str, day_first: bool | None
) -> tuple[int, int] | None:
    """(day, month) of a numeric date written without its year first, or None when the
    report does not tell the order.

    Example: (25, 11, "/", None) -> (25, 11); (5, 20, "-", None) -> (20, 5); (5, 11, "/",
    False) -> (11, 5); (5, 11, "/", None) -> None; (5, 11, ".", None) -> (5, 11), as dots
    are written day first.
    """
    if b > 12:
        return (b, a) if a <= 12 else None
    if a > 12 or a == b or separator == ".":
        return a, b
    if day_first is None:
        return None
    return (a, b) if day_first else (b, a)


def _find_candidates(
    text: str,
    span: Span,
    index: int,
    day_first: Callable[[], bool | None] = lambda: None,
    buried_datelines: tuple[Span, ...] = (),
) -> list[_Candidate]:
    sentence = span.of(text)
    cue = bool(_HOLDING_CUE.search(sentence))
    found: list[_Candidate] = []
    taken: list[tuple[int, int]] = []
    patterns = (_MONTH_DAY_YEAR, _DAY_MONTH_YEAR, _ISO, _CJK, _NUMERIC_DAY_MONTH, _MONTH_YEAR)
    for pattern in patterns:
        for match in pattern.finditer(sentence):
            if any(match.start() < end and start < match.end() for start, end in taken):
                continue
            if pattern is _NUMERIC_DAY_MONTH:
                dates = _read_numeric(match, span, day_first)
            else:
                dates = _read_match(match, span)
            if dates is None:
                continue
            taken.append((match.start(), match.end()))
            dateline = _dateline_holding(buried_datelines, span.start + match.start())
            if dateline is not None:
                dates = _dated_by_its_weekday(text[dateline.end : span.end], dates)
            score = _score_match(sentence, match, cue, index, has_day=dates[0].day is not None)
            found.append(_Candidate(dates[0], dates[1], span.start + match.start(), score))
    return found


def _dateline_holding(datelines: tuple[Span, ...], at: int) -> Span | None:
    return next((span for span in datelines if span.start <= at < span.end), None)


def _dated_by_its_weekday(
    lead: str, dates: tuple[PartialDate, PartialDate | None]
) -> tuple[PartialDate, PartialDate | None]:
    """A wire dateline left in the body ("BEIJING, June 20, 2023 /PRNewswire/ -- The expo
    kicked off on Monday") dates its lead by the weekday the lead names, not by the filing."""
    start, end = dates
    if end is not None or None in (start.year, start.month, start.day):
        return dates
    if not (_RELATIVE_DAY.search(lead) and _HOLDING_CUE.search(lead)) or says_still_to_come(lead):
        return dates
    year, month, day = weekday_on_or_before((start.year, start.month, start.day), lead)
    return PartialDate(year, month, day, start.evidence, start.text), None


def _score_match(
    sentence: str, match: re.Match[str], cue: bool, index: int, *, has_day: bool
) -> int:
    lead = match.groupdict().get("lead") or ""
    # The lead "on " is part of the match: "founded on 3 March 2009" reads "founded " + "on ".
    before = sentence[: match.start()]
    if _NOT_EVENT_DATE.search(before + lead) or is_founding_date(before) or is_page_stamp(before):
        return -10
    scheduled = 4 * is_scheduled(before, sentence[match.end() :])
    held = bool(_HOLDING_VERB.search(sentence))
    if in_aside_of_another_matter(before, sentence[match.end() :]):
        return -1 + 2 * bool(lead.strip()) + 2 * has_day + (index < 3)
    # A photo caption names an event and its date but holds nothing: the noun alone says less.
    named = held and is_dated_event_noun(before) and bool(lead.strip())
    return (
        4 * cue
        + 2 * held
        + 2 * bool(lead.strip())
        + 2 * has_day
        + (index < 3)
        + scheduled
        + 2 * named
    )


# A comma-enclosed relative clause opening before a date: ", which signed a pact on ".
_ASIDE_OPENS_BEFORE = re.compile(r",\s*(?:which|who|whose)\b(?P<aside>[^,;:()]*)$", re.IGNORECASE)
# And closing after it, before the sentence goes on: " in Lima, held its ...".
_ASIDE_CLOSES_AFTER = re.compile(r"^(?P<aside>[^,;:()]*),\s*\w")


def in_aside_of_another_matter(before: str, after: str) -> bool:
    """A date in a relative clause between commas that holds no event: it dates what the
    subject did once, and the sentence's own date, or the report's, is the event's.

    Example: ("The Alliance, which signed a pact on ", " in Lima, held its forum on 5 May")
    -> True; ("The forum, which was held on ", " in Lima, drew 300 guests") -> False; ("The
    forum was held on ", ", with 300 guests") -> False (no relative clause).
    """
    opens = _ASIDE_OPENS_BEFORE.search(before)
    closes = _ASIDE_CLOSES_AFTER.match(after)
    if not (opens and closes):
        return False
    return not _HOLDING_VERB.search(opens.group("aside") + closes.group("aside"))


_EVENT_NOUN_BEFORE = re.compile(
    rf"\b(?i:{'|'.join(sorted(EVENT_HEADS, key=len, reverse=True))})s?\s*$"
)


def is_dated_event_noun(before: str) -> bool:
    """The date follows the event's own noun: "The Annual Symposium on 28 November" says
    when the symposium was, over "the training was co-hosted on 27 November" beside it.

    Example: "The Annual Symposium " (before "on 28 November") -> True; "co-hosted " -> False.
    """
    return bool(_EVENT_NOUN_BEFORE.search(before))


_FOUNDED_BEFORE = re.compile(
    r"""\b(?:founded|established|set\s+up|incorporated|inaugurated|born|formed
        |(?:its|the)\s+(?:establishment|founding|inception|creation))   # "since its establishment"
        (?:\s+(?:in|on))?\s*$""",
    re.VERBOSE | re.IGNORECASE,
)


_INAUGURATED_BEFORE = re.compile(r"\binaugurated(?:\s+(?:in|on))?\s*$", re.IGNORECASE)
_EVENT_NOUN = re.compile(rf"\b(?i:{'|'.join(sorted(EVENT_HEADS, key=len, reverse=True))})s?\b")


def is_founding_date(before: str) -> bool:
    """A date right after "founded"/"established": when a body began, not the event. An
    event is "inaugurated" the day it opens, so that verb after an event's noun is its date.

    Example: "The Institute, founded " (before "on 3 March 2009") -> True; "held " -> False;
    "The 5th Green Forum was inaugurated " -> False.
    """
    if _INAUGURATED_BEFORE.search(before) and _EVENT_NOUN.search(before):
        return False
    return bool(_FOUNDED_BEFORE.search(before))


_PAGE_STAMP_BEFORE = re.compile(
    r"""
    \b(?:updated|published|posted|released|release\s+time|last\s+modified)  # "Updated"
    \s*(?:on|at)?\s*[:：]?\s*$                                              # " :"
    """,
    re.VERBOSE | re.IGNORECASE,
)


def is_page_stamp(before: str) -> bool:
    """A date after a page's "Updated:" or "Published:" label: when the page was put up.

    Example: "【Updated :" (before "August 05,20 3:23 PM") -> True; "was held " -> False.
    """
    return bool(_PAGE_STAMP_BEFORE.search(before))


_WEEKDAY_BEFORE = re.compile(
    rf"(?:^|\|)\s*(?i:{'|'.join(WEEKDAYS)}),?\s*$",
)


_TIME_AFTER = re.compile(
    r"^\s*(?:\||,|–|-|at)?\s*\d{1,2}(?:[:.]\d{2})?\s*(?:[ap]\.?m\.?|-|–|\b)", re.I
)


def is_scheduled(before: str, after: str) -> bool:
    """A date led by its weekday at the start of a line and followed by a time of day, as
    programmes and event pages state when an event is: never a date recalled in prose, nor a
    page's own dated line.

    Example: "Thursday, " before "April 15, 2021" and " | 5:00 - 6:30 p.m." after -> True;
    "Friday, " before "10 October 2025" with nothing after (a press release's date) -> False.
    """
    return bool(_WEEKDAY_BEFORE.search(before) and _TIME_AFTER.match(after))


def _read_match(match: re.Match[str], span: Span) -> tuple[PartialDate, PartialDate | None] | None:
    groups = match.groupdict()
    m1 = _read_month(groups.get("m1") or groups.get("m2"))
    m2 = _read_month(groups.get("m2")) or m1
    year = int(groups["y"]) if groups.get("y") else None
    d1 = _read_day(groups.get("d1"))
    d2 = _read_day(groups.get("d2"))
    if m1 is None:
        return None
    words = match.group().strip()
    if d2 is None:
        return PartialDate(year, m1, d1, span, words), None
    # A range across the year's end with its year written once: after the range it is the
    # end's ("30 December to 2 January 2021"), before it the start's ("2020-12-30 to 01-02").
    first_year = last_year = year
    if year is not None and m2 < m1:
        if match.start("y") > match.start("d1"):
            first_year = year - 1
        else:
            last_year = year + 1
    return PartialDate(first_year, m1, d1, span, words), PartialDate(last_year, m2, d2, span, words)


def _read_numeric(
    match: re.Match[str], span: Span, day_first: Callable[[], bool | None]
) -> tuple[PartialDate, None] | None:
    if not match.group("lead").strip():
        return None
    a, b, separator = int(match.group("a")), int(match.group("b")), match.group("sep")
    order = read_day_and_month(a, b, separator, None) or read_day_and_month(
        a, b, separator, day_first()
    )
    if order is None:
        return None
    day, month = order
    return PartialDate(int(match.group("y")), month, day, span, match.group().strip()), None


def _read_month(value: str | None) -> int | None:
    if not value:
        return None
    if value.isdigit():
        return int(value)
    return month_number(value)


def _read_day(value: str | None) -> int | None:
    digits = re.match(r"\d+", value or "")
    return int(digits.group()) if digits else None
