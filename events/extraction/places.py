"""Where: the city an event took place in, and the other cities a report names.

Which names are cities is the lexicon's gazetteer (GeoNames restricted to sizeable cities, plus
provinces, districts and new areas that reports name instead of their city); this module
decides which of the cities a report names is where its event was.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from itertools import accumulate

from events.extraction.lexicon import (
    EVENT_HEADS,
    FUNCTION_WORDS,
    GAZETTEER,
    MONTH_ALTERNATION,
    PLACE_SUFFIXES,
    CityInfo,
)
from events.extraction.records import Place, Span


@dataclass(frozen=True)
class PlaceFindings:
    city: Place | None  # where the event took place
    mentioned: tuple[Place, ...]  # other cities named, report order, no repeats


@dataclass(frozen=True)
class _Occurrence:
    start: int
    end: int
    written: str
    city: CityInfo


def find_places(
    text: str,
    sentences: tuple[Span, ...],
    *,
    title: str = "",
    exclude: Iterable[tuple[int, int]] = (),
    dateline_city: str | None = None,
) -> PlaceFindings:
    """The event's city and the other cities named outside the `exclude` ranges.

    Example input: "... the forum concluded successfully in Chengdu." -> city Chengdu.
    A wire dateline's city ("BEIJING, Sept. 6 (Xinhua) --", stripped from the text) is the
    event's city when the body states no other city as the venue.
    """
    excluded = sorted(exclude)
    # The furthest end of the ranges starting at or before each start: one bisection then
    # says whether an occurrence overlaps any range, however many there are.
    reach = list(accumulate((end for _, end in excluded), max))
    occurrences = _find_occurrences(text)
    # A host that is a place ("Pudong New Area hosted") is still where the event was, so the
    # organisation ranges only keep cities out of `mentioned`.
    event_city = _find_event_city(text, sentences, title, occurrences, dateline_city)
    mentioned: dict[str, Place] = {}
    for occurrence in occurrences:
        i = bisect_left(excluded, (occurrence.end,)) - 1
        if i >= 0 and reach[i] > occurrence.start:
            continue
        if _is_part_of_name(text, occurrence):
            continue
        name = occurrence.city.name
        if event_city and name == event_city.name or name in mentioned:
            continue
        mentioned[name] = _make_place(occurrence, _sentence_of(sentences, occurrence.start))
    return PlaceFindings(city=event_city, mentioned=tuple(mentioned.values()))


# ---------------------------------------------------------------------------------------------
# The event's city

_HELD_BEFORE = re.compile(
    r"""
    \b(?:held|hosted|convened|opened|opens|kicked\ off|kicks\ off|took\ place|takes\ place
       |concluded|concludes|closed|closes|ended|ends|unveiled|unveils|launched|launches|staged|started
       |began|was\ organi[sz]ed|(?:co-|jointly\ )organi[sz]ed|happened|came\ to\ a\ close
       |wrapped\ up|signed|gathered|commences|commenced)\b  # ... held
    (?:\s+successfully)?                                         # "concluded successfully"
    (?:“[^”]{0,200}”|[^.;:!?“]){0,90}?                           # "at the National Convention Center", a quoted name
    \bin\s+(?:the\s+)?                                           # "in " right before the city
    (?:(?:[A-Z][\w'’-]*\s+){1,3}of\s+                             # "in the Expo City of Dubai"
      |(?-i:[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2}),\s+)?$         # "in Nanshan District, Shenzhen"
    |\bmet\s+in\s+$                                              # "experts met in Beijing"
    |\b(?:drew|attracted)\s+[^.;:!?]{0,60}?\bto\s+$              # "drew 300 guests to Chengdu"
    """,
    re.VERBOSE | re.IGNORECASE,
)

_VENUE_BEFORE = re.compile(
    r"""
    \b(?:at|(?:a\s+)?visit\s+to)\s+(?:the\s+)?[A-Z][^.;:!?]{0,80}?   # "at the National
    \s+in\s+$                         # Convention Center in ", "a visit to the Institute's base in "
    """,
    re.VERBOSE,
)

# "a five-day forum in Beijing", "the UN conference on housing and sustainable cities in Quito",
# "the 2019 Annual General Meeting of the CCICED in Hangzhou"; "event" only after "at a"
# ("at a special event in Brussels"): "the biggest event in China's energy calendar" is no venue.
_EVENT_BEFORE = re.compile(
    rf"""\b(?i:{"|".join(sorted(EVENT_HEADS, key=len, reverse=True))})s?
    (?:\s+on\s+[a-z][^.;:!?,]{{0,60}}?)?     # "on housing and sustainable cities"
    (?:\s+of\s+(?:the\s+)?[A-Z][\w'’&-]*      # "of the CCICED", the body whose meeting it is
       (?:\s+(?:[A-Z][\w'’&-]*|of|on|for|and|the)){{0,10}}?)?   # "Council for ... Development"
    \s+in\s+$                               # "in " right before the city
    | \b(?i:at)\s+(?i:an?|the)\s+(?:[a-z][\w-]*\s+){{0,3}}event\s+in\s+$  # "At a special event in"
    """,
    re.VERBOSE,
)


def event_named_before(before: str) -> bool:
    """True when the words before a city name an event held in it.

    Example: "... is being discussed at a five-day forum in " -> True (before "Beijing");
    "... invested in " -> False.
    """
    return bool(_EVENT_BEFORE.search(before))


_DATE_AFTER = re.compile(
    rf"""
    ^\s*,?\s*(?:on|from|between)\s+(?:the\s+)?          # " from ", ", on the "
    (?:\d{{1,2}}(?:st|nd|rd|th)?                         # "5"
       (?:\s*(?:-|–|to|and)\s*\d{{1,2}}(?:st|nd|rd|th)?)?  # " to 6"
       \s+(?:of\s+)?)?                                  # " of "
    (?:{MONTH_ALTERNATION}|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.)
    """,
    re.VERBOSE,
)


def dated_after(before: str, after: str) -> bool:
    """ "... in Nanjing from 5 to 6 May 2013": a city the sentence gives the event's date
    right after is where it was held.

    Example: ("organized by X and Y in ", " from 5 to 6 May 2013.") -> True; ("invested in ",
    " projects") or ("born in ", " in 1970") -> False.
    """
    return bool(re.search(r"\bin\s+$", before)) and bool(_DATE_AFTER.match(after))


_HOSTED_AFTER = re.compile(
    r"""
    ^\s*(?:,\s*)?                           # "Pudong New Area hosted", "Xiamen, ... hosted"
    (?:has\s+|have\s+|will\s+|recently\s+|successfully\s+)?   # tense and adverbs
    (?:hosted|hosts|played\ host|held|holds|staged|convened|welcomed|welcomes)\b
    """,
    re.VERBOSE | re.IGNORECASE,
)


_EVENT_OR_VENUE_AFTER = re.compile(
    r"""
    \)?                                          # "China (Shanghai) International ... Fair"
    (?:\s+(?:[A-Z][\w'’-]*|and|&)){0,7}?          # "Hydrogen Industry", "Import and Export"
    \s+(?:Summit|Forum|Conference|Salon|Symposium|Workshop|Seminar|Expo|Exhibition|Fair|Week
       |Dialogue|Congress|Convention|Conference\s+Cent(?:er|re)|Exhibition\s+Cent(?:er|re))\b
    """,
    re.VERBOSE,
)


# Regions span several cities and name none: "held in the Greater Bay Area" gives no city.
_REGION = re.compile(
    r"""
    (?:\b[A-Z][\w'’]*[- ]){0,4}                          # "Guangdong-Hong Kong-Macao "
    (?:Greater\ Bay\ Area|Bay\ Area|Yangtze\ River\ Delta|Pearl\ River\ Delta
       |Yangtze\ River\ Economic\ Belt|Yellow\ River\ Basin|Bohai\ (?:Rim|Economic\ Rim)
       |Beijing-Tianjin-Hebei(?:\ (?:region|area))?|Jing-Jin-Ji
       |Chengdu-Chongqing(?:\ (?:economic\ circle|region|area|twin-city\ economic\ circle))?)
    """,
    re.VERBOSE,
)
_HELD_IN_REGION = re.compile(
    rf"""
    \b(?:held|hosted|convened|opened|kicked\ off|took\ place|gathered|staged|concluded)\b
    [^.;:!?]{{0,90}}?\bin\s+(?:the\s+)?(?:{_REGION.pattern})
    """,
    re.VERBOSE,
)


def _find_event_city(
    text: str,
    sentences: tuple[Span, ...],
    title: str,
    occurrences: list[_Occurrence],
    dateline_city: str | None = None,
) -> Place | None:
    """The first city, in reading order with the headline first, stated as hosting the event."""
    regions = [match.span() for match in _REGION.finditer(text)]
    occurrences = [
        occurrence
        for occurrence in occurrences
        if not any(start <= occurrence.start and occurrence.end <= end for start, end in regions)
    ]
    lead_end = sentences[min(3, len(sentences) - 1)].end if sentences else 0
    in_region = _HELD_IN_REGION.search(text, 0, lead_end)
    title_end = len(title) if title and text.startswith(title) else 0
    # Past the headline, a byline and the lead, a report recalls other events as often as not.
    past_lead = sentences[min(5, len(sentences) - 1)].end if sentences else 0
    if held_online(text, sentences, title):
        return None  # checked first: the COP in Glasgow it discussed was no venue of a webinar
    for occurrence in _in_title_first(text, title, occurrences):
        if in_region and occurrence.start >= max(in_region.start(), title_end):
            return None  # "held in the Greater Bay Area": a region, and no city, is the place
        sentence = _sentence_of(sentences, occurrence.start)
        before = text[sentence.start : occurrence.start]
        after = text[occurrence.end : sentence.end]
        held = (
            _HELD_BEFORE.search(before)
            or _VENUE_BEFORE.search(before)
            or event_named_before(before)
        )
        if held or _HOSTED_AFTER.match(after) or dated_after(before, after):
            if occurrence.start >= past_lead and recalls_an_earlier_event(sentence.of(text)):
                continue
            return _make_place(occurrence, sentence)
    if in_region:
        return None
    labelled = find_labelled_venue_city(text, sentences, occurrences)
    if labelled is not None:
        return labelled
    abroad = (
        _find_small_city_abroad(text, sentences)
        or find_city_vouched_by_province(text, sentences, title)
        or find_unlisted_city_after_event(text, sentences)
        or find_town_held_in(text, sentences)
        or find_town_visited_to_attend(text, sentences)
    )
    if abroad is not None:
        return abroad
    dateline_city = dateline_city or city_before_dash(text, sentences)
    dateline = GAZETTEER.city_or_town(dateline_city) if dateline_city else None
    if dateline is not None:
        named = city_named_over_dateline(text, sentences, title, occurrences, dateline)
        if named is not None:
            return named
        evidence = sentences[1] if len(sentences) > 1 else Span(0, 0)
        return _make_place(_Occurrence(0, 0, dateline_city, dateline), evidence)
    return (
        find_place_and_date_line(text, sentences, occurrences)
        or _find_city_naming_event(text, sentences, title, occurrences)
        or _find_city_in_venue(text, sentences, occurrences)
        or _find_capital(text, sentences)
        or _find_host_base(text, sentences)
        or _find_host_city_government(text, sentences)
        or _find_hosting_venue_in_lead(text, sentences, occurrences)
        or _find_host_named_after_city(text, sentences, occurrences)
        or most_named_city(sentences, occurrences)
    )


_VENUE_LABEL = re.compile(r"(?:venue|location|place|where|address)\s*[:：|]", re.IGNORECASE)


def find_labelled_venue_city(
    text: str, sentences: tuple[Span, ...], occurrences: list[_Occurrence]
) -> Place | None:
    """An event page's labelled venue line near the top, and the city in it: the one an
    address gives after a comma ("Hilton Hotel, Hangzhou"), else the one the venue is named
    after.

    Example: "Venue: Shangri-La Hotel, Hangzhou" -> Hangzhou; "Venue: Beijing International
    Hotel" -> Beijing; "Location: Home > News" (a breadcrumb) -> None.
    """
    for span in sentences[:12]:
        label = _VENUE_LABEL.match(text, span.start, span.end)
        if not label:
            continue
        inside = [o for o in occurrences if label.end() <= o.start and o.end <= span.end]
        addressed = [o for o in inside if re.search(r",\s*$", text[span.start : o.start])]
        if addressed or inside:
            return _make_place((addressed or inside)[0], span)
    return None


_EARLIER_EVENT = re.compile(
    r"""
    \b(?:first|previous|last|past|former)\b       # "hosted the first ... Summit"
    | \bsince\b | \bago\b                         # "held there two years ago"
    | \bin\s+(?:19|20)\d{2}\b                      # "in 2015"
    """,
    re.VERBOSE | re.IGNORECASE,
)


def recalls_an_earlier_event(sentence: str) -> bool:
    """A sentence telling of an event before the report's: a city that held that one is no
    evidence of where this one was.

    Example: "Los Angeles hosted the first Climate Leaders Summit in 2015." -> True; "The
    forum will be held on 8 December in Dubai." -> False.
    """
    return bool(_EARLIER_EVENT.search(sentence))


_EVENT_NOUN = (
    r"(?:event|forum|meeting|conference|seminar|session|dialogue|workshop|round[\s-]?table"
    r"|summit|symposium)s?"
)
_ONLINE = re.compile(
    rf"""\b(?:webinars?
    | (?:held|hosted|convened|took\s+place|takes\s+place|was\s+organi[sz]ed|conducted)
      (?:\s+\w+){{0,2}}?\s+(?:virtually|online|remotely
        |(?:via|by|through|over)\s+(?:video\s*(?:link|conference|conferencing)|zoom|(?:microsoft\s+)?teams
          |webex|tencent\s+meeting))
    | (?<!attended\s)(?<!joined\s)(?:virtual|online|cloud)\s+(?:\w+\s+)?{_EVENT_NOUN}  # not a guest's way in
    | (?:an?|the)\s+video\s*conference
    | in\s+(?:an?\s+)?(?:virtual|online|digital)\s+format)\b""",
    re.VERBOSE | re.IGNORECASE,
)
# A venue besides the screen: "a hybrid seminar in Beijing", "held in Beijing and online".
_IN_PERSON_TOO = re.compile(
    r"\b(?:hybrid|in[\s-]person|on[\s-]site|offline"
    r"|in\s+(?-i:[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?)\s+and\s+(?:online|virtually))\b",
    re.IGNORECASE,
)


def held_online(text: str, sentences: tuple[Span, ...], title: str = "") -> bool:
    """The headline or lead says the event was held online, and states no venue it was also
    held at, so no city hosted it: another event's city or the wire's dateline is no venue.

    Example: "The Seminar was held virtually on Friday", "ADB webinar on ..." or "a virtual
    round table on coal" -> True; "a hybrid seminar in Beijing, with 300 joining online",
    "the minister spoke via video link" or "online shopping grew" -> False.
    """
    # A wire may open with a paragraph on another event and name its webinar only after it.
    lead_end = sentences[min(5, len(sentences) - 1)].end if sentences else 0
    end = max(lead_end, len(title))
    return bool(_ONLINE.search(text, 0, end)) and not _IN_PERSON_TOO.search(text, 0, end)


def most_named_city(sentences: tuple[Span, ...], occurrences: list[_Occurrence]) -> Place | None:
    """With nothing else to go on, the city the report names most, when it names it at least
    twice and clearly more than any other: a government's speech about its own city.

    Example: "Hong Kong" three times and "Beijing" once -> Hong Kong; "Shanghai" and "Beijing"
    twice each -> None.
    """
    counts: dict[str, list[_Occurrence]] = {}
    for occurrence in occurrences:
        counts.setdefault(occurrence.city.name, []).append(occurrence)
    ranked = sorted(counts.values(), key=len, reverse=True)
    if (
        not ranked
        or len(ranked[0]) < 2
        or (len(ranked) > 1 and len(ranked[1]) * 2 > len(ranked[0]))
    ):
        return None
    first = ranked[0][0]
    return _make_place(first, _sentence_of(sentences, first.start))


_WRITTEN_DAY = r"(?:\d{1,2}\s+[A-Z][a-z]{2,8}\.?|[A-Z][a-z]{2,8}\.?\s+\d{1,2},?)\s+(?:19|20)\d{2}"
_CITY_DASH = re.compile(
    rf"""
    (?:{_WRITTEN_DAY},\s+)?                                      # a release's date first: "5 May 2019, "
    (?P<city>[A-Z][A-Za-z'’.-]+(?:\ [A-Z][A-Za-z'’.-]+){{0,2}})  # "TAIPEI", "Hong Kong"
    (?:,\ [A-Z][A-Za-z.]+(?:\ [A-Z][a-z]+)?)?                   # ", Taiwan"
    (?:\s*\({_WRITTEN_DAY}\))?                                   # its date after: " (May 5, 2019)"
    \s*(?:--|—|–)                                               # the dash before the story
    """,
    re.VERBOSE,
)


def city_before_dash(text: str, sentences: tuple[Span, ...] = ()) -> str | None:
    """A report or its first paragraph under the headline opening with a city and a dash, a
    dateline without its date, or with the date written before the city or in brackets.

    Example: "TAIPEI, Taiwan –The German Trade Office ..." -> "Taipei"; "Hong Kong – Opening
    remarks by ..." -> "Hong Kong"; "5 May 2019, Hangzhou – The forum" and "Hangzhou, China
    (May 5, 2019) – The forum" -> "Hangzhou"; "GENEVA – The ..." -> "Geneva", a city however
    small a dateline names; "Green Growth – a forum" -> None.
    """
    paragraphs = [s.start for s in sentences[1:3] if s.start and text[s.start - 1] == "\n"]
    for start in (0, *paragraphs):
        match = _CITY_DASH.match(text, start)
        city = GAZETTEER.city_or_town(match.group("city")) if match else None
        if city is not None:
            return city.name
    return None


_NAMED_HOST = re.compile(
    r"""
    (?:\s+(?:[A-Z][\w'’-]*|of|and|for|&))*?\s+[A-Z][\w'’-]*   # " Baptist University"
    (?:\s+\([A-Z][\w&-]*\))?                                   # " (HKBU)"
    \s+(?:has\s+|successfully\s+)?
    (?:organi[sz]ed|hosted|held|convened|staged)\s+(?:the|a|an|its)\b
    """,
    re.VERBOSE,
)


def _find_host_named_after_city(
    text: str, sentences: tuple[Span, ...], occurrences: list[_Occurrence]
) -> Place | None:
    """ "Hong Kong Baptist University (HKBU) organised the International GreenTech Symposium":
    with no city stated, a host named after its city held the event there."""
    lead_end = sentences[min(3, len(sentences) - 1)].end if sentences else 0
    for occurrence in occurrences:
        if occurrence.start >= lead_end:
            break
        if _NAMED_HOST.match(text, occurrence.end):
            return _make_place(occurrence, _sentence_of(sentences, occurrence.start))
    return None


_WRITTEN_DATE = re.compile(
    r"\b(?:\d{1,2}\s+[A-Z][a-z]{2,8}\.?|[A-Z][a-z]{2,8}\.?\s+\d{1,2},?)\s+(?:19|20)\d{2}\b"
)


def find_place_and_date_line(
    text: str, sentences: tuple[Span, ...], occurrences: list[_Occurrence]
) -> Place | None:
    """A short line near the top giving a city and a date, as speeches and programmes do.

    Example: "Hulunbeir, 20 Sept 2020" or "4 Jun 2013 Beijing, The People's Republic of China"
    -> the city; a line of prose naming a city and a date is no such line.
    """
    for span in sentences[:6]:
        line = span.of(text)
        if (
            len(line.split()) > 10
            or _SENTENCE_END_RE.search(line)
            or not _WRITTEN_DATE.search(line)
        ):
            continue
        for occurrence in occurrences:
            if span.start <= occurrence.start and occurrence.end <= span.end:
                return _make_place(occurrence, span)
    return None


_SENTENCE_END_RE = re.compile(r"[.!?][\"'”’)]*$")


_HELD_AT_VENUE = re.compile(
    r"""
    \b(?:held|hosted|convened|opened|took\ place|concluded|closed|staged|kicked\ off)\b
    (?:\s+successfully)?                    # "held successfully at"
    (?:[^.;:!?]{0,120}?\s+at\s+(?:the\s+)?(?:[a-z]+\s+)?    # "held the luncheon at the historic"
      |\s+(?:at|on)\s+(?:the\s+)?)           # "at the", "on the"
    (?P<venue>[A-Z][\w'’-]*                   # "Beijing", "Xianlin"
      (?:\s+(?:[A-Z][\w'’-]*|of|and|for|the|&))*)   # "International Hotel", "Campus of Nanjing"
    """,
    re.VERBOSE,
)


def city_named_over_dateline(
    text: str,
    sentences: tuple[Span, ...],
    title: str,
    occurrences: list[_Occurrence],
    dateline: CityInfo,
) -> Place | None:
    """A wire files from its bureau, not always from the event: another city opening the
    event's or its venue's name in the headline or the lead's first sentence is where the
    event was.

    Example: "WUHAN, May 3 (Xinhua) -- The Xiamen Harbour Forum opened on Monday" -> Xiamen;
    "... opened on Monday at the Xiamen Expo Center" -> Xiamen; "The Wuhan Harbour Forum" ->
    None (the dateline's own city).
    """
    named = _find_city_naming_event(text, sentences, title, occurrences, lead=1) or (
        _find_city_in_venue(text, sentences, occurrences, lead=1)
    )
    if named is None or named.name == dateline.name:
        return None
    return named


def _find_city_in_venue(
    text: str, sentences: tuple[Span, ...], occurrences: list[_Occurrence], lead: int = 3
) -> Place | None:
    """With no "held in" city, the city that a lead's venue is named after or sits in:
    "was held at the Beijing International Hotel", "at the Xianlin Campus of Nanjing University".
    A city written after the venue's comma or in brackets is where it sits, whatever the
    venue is named after: "at the Shangri-La Hotel, Hangzhou" (a chain named after a Yunnan
    town), "at the National Exhibition and Convention Center (Shanghai)"."""
    lead_end = sentences[min(lead, len(sentences) - 1)].end if sentences else 0
    for match in _HELD_AT_VENUE.finditer(text, 0, lead_end):
        start, end = match.span("venue")
        after = city_after_venue(text, end, occurrences)
        if after is not None:
            return _make_place(after, _sentence_of(sentences, after.start))
        inside = [o for o in occurrences if start <= o.start and o.end <= end]
        closing = [o for o in inside if closes_venue_name(text, o)]
        if closing or inside:
            occurrence = (closing or inside)[0]
            return _make_place(occurrence, _sentence_of(sentences, occurrence.start))
    return None


_VENUE_NOUN_BEFORE = re.compile(
    r"""\b(?:Hotel|Resort|Hall|Cent(?:er|re)|Plaza|Campus|Park)\s+$   # "Grand Hotel ", "Expo Centre "
    """,
    re.VERBOSE,
)


def closes_venue_name(text: str, occurrence: _Occurrence) -> bool:
    """A city written after the venue's noun names the branch's city: a chain's name, which
    may be a town's ("Shangri-La"), comes first.

    Example: "at Shangri-La Hotel Hangzhou" -> True for Hangzhou; "at the Hangzhou Grand
    Hotel" -> False.
    """
    return bool(_VENUE_NOUN_BEFORE.search(text, max(0, occurrence.start - 20), occurrence.start))


_COMMA_OR_BRACKET = re.compile(r",\s*|\s*\(")


def city_after_venue(
    text: str, position: int, occurrences: list[_Occurrence]
) -> _Occurrence | None:
    """The city written right after a comma or in brackets at `position`, as an address
    follows a venue.

    Example: after "at the Shangri-La Hotel" in "at the Shangri-La Hotel, Hangzhou, with" or
    after "at the Expo Center" in "at the Expo Center (Chengdu)" -> the city's occurrence;
    after "at the Hotel" in "at the Hotel, with 300 guests" -> None.
    """
    comma = _COMMA_OR_BRACKET.match(text, position)
    if not comma:
        return None
    i = bisect_left(occurrences, comma.end(), key=lambda occurrence: occurrence.start)
    if i < len(occurrences) and occurrences[i].start == comma.end():
        return occurrences[i]
    return None


_HELD_IN_CITY_COUNTRY = re.compile(
    rf"""
    \b(?:held|hosted|convened|opened|took\ place|concluded|closed|staged|kicked\ off
       |(?i:{"|".join(sorted(EVENT_HEADS, key=len, reverse=True))})s?)\b   # "meeting in Jeju"
    [^.;:!?]{{0,160}}?                                   # "at the China Pavilion of ... (COP27)"
    \bin\s+(?P<city>[A-Z][\w'’]*(?:[\s-][A-Za-z][\w'’]*){{0,2}})   # "Sharm el-Sheikh"
    ,\s+(?P<country>[A-Z][\w'’]*(?:\s+[A-Z][\w'’]*){{0,2}})           # ", Egypt"
    \s*[.,;]                                            # the sentence or clause ends
    """,
    re.VERBOSE,
)


_VISITED_TO_ATTEND = re.compile(
    r"""
    \b(?:visit(?:ed)?|visit\s+to|travell?ed\s+to|went\s+to|arrived\s+in)\s+   # "a visit to "
    (?P<city>[A-Z][\w'’-]+(?:\s[A-Z][\w'’-]+)?)                            # "Davos"
    ,\s+(?P<country>[A-Z][\w'’]+(?:\s[A-Z][\w'’]+)?)                       # ", Switzerland"
    \s+(?:to\s+attend|for\s+the)\b                                       # " to attend the ..."
    """,
    re.VERBOSE,
)


def find_town_visited_to_attend(text: str, sentences: tuple[Span, ...]) -> Place | None:
    """ "paid a visit to Davos, Switzerland to attend the Annual Meeting": the town a lead
    says its speaker travelled to for the event, vouched for by its country, whatever its size.

    Example: "He paid a visit to Davos, Switzerland to attend the 2018 Annual Meeting." ->
    Davos (Switzerland); "a visit to Davos, Switzerland last year" -> None.
    """
    lead_end = sentences[min(3, len(sentences) - 1)].end if sentences else 0
    for match in _VISITED_TO_ATTEND.finditer(text, 0, lead_end):
        name, country = match.group("city"), GAZETTEER.country_of(match.group("country"))
        if country is None or GAZETTEER.is_place(name) and GAZETTEER.city(name) is None:
            continue
        city = (
            GAZETTEER.city_in_country(name, country)
            or GAZETTEER.city_or_town(name)
            or CityInfo(name, None, country, None, None, None)
        )
        if city.country != country:
            continue
        occurrence = _Occurrence(match.start("city"), match.end("city"), name, city)
        return _make_place(occurrence, _sentence_of(sentences, match.start("city")))
    return None


def _find_small_city_abroad(text: str, sentences: tuple[Span, ...]) -> Place | None:
    """ "held ... in Sharm el-Sheikh, Egypt": a city too small for the gazetteer, vouched for by
    its country, as where international climate meetings (COPs) take place."""
    # Reports open with a repeated headline and a byline as often as not: six sentences.
    lead_end = sentences[min(5, len(sentences) - 1)].end if sentences else 0
    for match in _HELD_IN_CITY_COUNTRY.finditer(text, 0, lead_end):
        city = GAZETTEER.city_in_country(match.group("city"), match.group("country"))
        if city is not None:
            occurrence = _Occurrence(match.start("city"), match.end("city"), city.name, city)
            return _make_place(occurrence, _sentence_of(sentences, match.start("city")))
    return None


_CARDINAL = r"(?:(?:north|south)?(?:east|west)|north|south|central)(?:ern)?"
_HELD_IN_PROVINCE_CITY = re.compile(
    rf"""
    \b(?:held|hosted|convened|opened|took\ place|concluded|closed|staged|kicked\ off|launched)\b
    [^.;:!?]{{0,120}}?\bin\s+
    (?:
      (?P<city>[A-Z][a-z'’]+(?:\s[A-Z][a-z'’]+)?)(?:\s+(?i:city|county))?,\s+   # "in Anji county, "
      (?:(?i:{_CARDINAL})\s+)?(?:China['’]s\s+)?                     # "east China's "
      (?P<province>[A-Z][a-z]+(?:\s[A-Z][a-z]+)?)\s+(?i:province|autonomous\s+region)\b
    |
      (?i:{_CARDINAL})\s+China['’]s\s+                                # "in east China's "
      (?P<bare>[A-Z][a-z'’]+)(?![a-z'’])                              # the whole word
      (?!\s+(?:Province|Autonomous|Region|City)\b)(?!\s?[A-Z])
    )
    """,
    re.VERBOSE,
)


def find_city_vouched_by_province(
    text: str, sentences: tuple[Span, ...], title: str = ""
) -> Place | None:
    """A city too small for the gazetteer, held in and vouched for by its province or by
    "China's" before it, as Chinese wires write them.

    Example: "kicked off in Yangzhong, east China's Jiangsu Province" -> Yangzhong (Jiangsu);
    "held in east China's Yangzhong" -> Yangzhong; "held in Jiangsu Province" -> None.
    """
    lead_end = sentences[min(3, len(sentences) - 1)].end if sentences else 0
    for match in _HELD_IN_PROVINCE_CITY.finditer(text, 0, max(lead_end, len(title))):
        name = match.group("city") or match.group("bare")
        province = match.group("province")
        if province is not None and not GAZETTEER.is_province(province):
            continue
        if GAZETTEER.is_place(name) and GAZETTEER.city(name) is None:
            continue  # "in Inner Mongolia, ..." names a province, not a city
        start = match.start("city") if match.group("city") else match.start("bare")
        return _vouched_city(name, province, start, sentences)
    return None


def _vouched_city(name: str, province: str | None, start: int, sentences) -> Place:
    """The city named at `start`, a Chinese one the text vouches for where the gazetteer has
    none."""
    city = GAZETTEER.city(name) or CityInfo(name, province, "China", None, None, None)
    occurrence = _Occurrence(start, start + len(name), name, city)
    return _make_place(occurrence, _sentence_of(sentences, start))


_EVENT_IN_CITY_CHINA = re.compile(
    rf"""
    \b(?i:{"|".join(sorted(EVENT_HEADS, key=len, reverse=True))})s?\b   # "Conference"
    \s+in\s+(?P<city>[A-Z][a-z'’]+(?:\s[A-Z][a-z'’]+)?)(?:\s+(?:City|County))?,\s+
    (?:(?P<province>[A-Z][a-z]+(?:\s[A-Z][a-z]+)?)(?:\s+Province)?,\s+)?    # "Hainan Province, "
    China\b(?!['’]s)
    """,
    re.VERBOSE,
)


def find_unlisted_city_after_event(text: str, sentences: tuple[Span, ...]) -> Place | None:
    """An event "in X, China" where X is too small for the gazetteer: the country vouches.

    Example: "remarks at the Climate and Health Conference in Lingshui, China" -> Lingshui;
    "a forum in Hainan, China" -> None (a province, not a city).
    """
    lead_end = sentences[min(3, len(sentences) - 1)].end if sentences else 0
    for match in _EVENT_IN_CITY_CHINA.finditer(text, 0, lead_end):
        name = match.group("city")
        if GAZETTEER.is_place(name) and GAZETTEER.city(name) is None:
            continue
        province = match.group("province")
        if province is not None and not GAZETTEER.is_province(province):
            continue
        return _vouched_city(name, province, match.start("city"), sentences)
    return None


_HELD_IN_TOWN = re.compile(
    r"""
    \b(?:held|hosted|convened|opened|took\ place|concluded|closed|staged|kicked\ off)\b
    [^.;:!?]{0,90}?\bin\s+                                  # "was held last week in "
    (?P<town>[A-Z][\w'’-]+(?:\s[A-Z][\w'’-]+){0,2})           # "Geneva", "The Hague"
    (?![\w'’-]|\s+[A-Z])                                     # the whole name
    """,
    re.VERBOSE,
)


def find_town_held_in(text: str, sentences: tuple[Span, ...]) -> Place | None:
    """ "The dialogue was held in Geneva": a foreign town too small for the gazetteer's
    cities, in the lead's own statement of where the event was held.

    Example: "The tea talks were held in Geneva on 5 May." -> Geneva; "The tea talks were
    held in English." -> None.
    """
    lead_end = sentences[min(3, len(sentences) - 1)].end if sentences else 0
    for match in _HELD_IN_TOWN.finditer(text, 0, lead_end):
        town = GAZETTEER.city_or_town(match.group("town"))
        if town is not None:
            occurrence = _Occurrence(match.start("town"), match.end("town"), town.name, town)
            return _make_place(occurrence, _sentence_of(sentences, match.start("town")))
    return None


_IN_THE_CAPITAL = re.compile(
    r"""
    \b(?:held|hosted|convened|opened|took\ place|concluded|closed|wrapped\ up|staged)\b
    [^.;:!?]{0,60}?                        # "last week"
    \bin\s+the\s+(?:Chinese\s+)?capital\b   # "in the capital"
    (?!\s+(?:of|city\s+of)\b)               # not "the capital of Yunnan"
    """,
    re.VERBOSE | re.IGNORECASE,
)
_BASED_HOST = re.compile(
    r"""
    \b(?P<city>[A-Z][a-z]+)-based\s+[^.;!?]{0,160}?     # "Xiamen-based Third Institute ..."
    \b(?:held|hosted|convened|organi[sz]ed|staged)\b    # the based body holds the event
    """,
    re.VERBOSE | re.IGNORECASE,
)


def _find_capital(text: str, sentences: tuple[Span, ...]) -> Place | None:
    """ "wrapped up last week in the capital": Chinese reports' capital is Beijing."""
    for sentence in sentences[:4]:
        match = _IN_THE_CAPITAL.search(text, sentence.start, sentence.end)
        city = GAZETTEER.city("Beijing")
        if match and city is not None:
            end = match.end()
            return _make_place(_Occurrence(end - len("capital"), end, "capital", city), sentence)
    return None


def _find_host_base(text: str, sentences: tuple[Span, ...]) -> Place | None:
    """ "The Xiamen-based Third Institute of Oceanography ... held a workshop": with no city
    stated, the host's home city is where it held the event."""
    lead_end = sentences[min(3, len(sentences) - 1)].end if sentences else 0
    for match in _BASED_HOST.finditer(text, 0, lead_end):
        city = GAZETTEER.city(match.group("city"))
        if city is not None:
            occurrence = _Occurrence(
                match.start(), match.start("city") + len(city.name), match.group("city"), city
            )
            return _make_place(occurrence, _sentence_of(sentences, match.start()))
    return None


_HOST_CITY_GOVERNMENT = re.compile(
    r"""
    \b(?:hosted|organi[sz]ed|co-organi[sz]ed|held|sponsored)\s+(?:jointly\s+)?by\b
    [^.;!?]{0,200}?                                   # "the World Alliance ... and"
    \b(?:the\s+)?(?P<city>[A-Z][a-z]+)\s+(?:Municipal|City)\s+(?:People['’]s\s+)?Government\b
    """,
    re.VERBOSE,
)


def _find_host_city_government(text: str, sentences: tuple[Span, ...]) -> Place | None:
    """ "The forum was hosted by the Alliance and the Dali Municipal People's Government":
    with no city stated, the host city's government held it at home. A city too small for
    the gazetteer is vouched for by its "Municipal" government ("Lishui Municipal ...")."""
    lead_end = sentences[min(3, len(sentences) - 1)].end if sentences else 0
    for match in _HOST_CITY_GOVERNMENT.finditer(text, 0, lead_end):
        name = match.group("city")
        vouched = "Municipal" in match.group() and not GAZETTEER.is_place(name)
        if GAZETTEER.city(name) is not None or vouched:
            return _vouched_city(name, None, match.start("city"), sentences)
    return None


# "Peru's embassy in Beijing was the venue ...", "the consulate in Lyon hosted ...".
_HOSTING_VENUE_BEFORE = re.compile(
    r"\b(?:embassy|consulate(?:\s+general)?|pavilion|headquarters|campus)\s+in\s+$", re.IGNORECASE
)


def _find_hosting_venue_in_lead(
    text: str, sentences: tuple[Span, ...], occurrences: list[_Occurrence]
) -> Place | None:
    """ "Peru's embassy in Beijing was the centre of attention on May 4": an embassy,
    consulate or pavilion in a city, in the headline or first sentence, is the venue."""
    for occurrence in occurrences:
        for sentence in sentences[:2]:  # the headline, and the lead's first sentence
            if sentence.start <= occurrence.start < sentence.end and _HOSTING_VENUE_BEFORE.search(
                text[sentence.start : occurrence.start]
            ):
                return _make_place(occurrence, sentence)
    return None


def _find_city_naming_event(
    text: str,
    sentences: tuple[Span, ...],
    title: str,
    occurrences: list[_Occurrence],
    lead: int = 3,
) -> Place | None:
    """Failing a "held in" statement, a city that opens the name of the event or its venue in
    the headline or lead: "Xiamen Hydrogen Industry Salon", "Chengdu Exhibition"."""
    lead_end = sentences[min(lead, len(sentences) - 1)].end if sentences else 0
    for occurrence in _in_title_first(text, title, occurrences):
        if occurrence.start >= lead_end:
            break
        opens = _EVENT_OR_VENUE_AFTER.match(text, occurrence.end)
        if (opens or closes_event_name(text, occurrence)) and not in_chain_of_places(
            text, occurrence
        ):
            return _make_place(occurrence, _sentence_of(sentences, occurrence.start))
    return None


_EVENT_HEAD_BEFORE = re.compile(
    rf"\b(?:{'|'.join(sorted(EVENT_HEADS, key=len, reverse=True))})s?\s*\(?$", re.IGNORECASE
)
_EDITION_AFTER = re.compile(r"\)?\s+(?:19|20)\d{2}\b")


def closes_event_name(text: str, occurrence: _Occurrence) -> bool:
    """A city between an event's noun and its edition year: "Eco Forum Global Annual
    Conference Guiyang 2015", "Green Forum (Xiamen) 2018".

    Example: "The Green Forum Xiamen 2018 drew guests" -> True for Xiamen; "the Forum Xiamen
    hosted" -> False.
    """
    before = text[max(0, occurrence.start - 40) : occurrence.start]
    return bool(_EVENT_HEAD_BEFORE.search(before) and _EDITION_AFTER.match(text, occurrence.end))


_PLACE_WORDS = r"[A-Z][\w'’]*(?:\s+[A-Z][\w'’]*)?"


def in_chain_of_places(text: str, occurrence: _Occurrence) -> bool:
    """A city joined to another place's name names a region, not where an event was.

    Example: "Guangdong Hong Kong Macao Sustainable Development Conference" -> True for Hong
    Kong; "Xiamen Hydrogen Industry Salon" -> False.
    """
    before = re.search(
        rf"({_PLACE_WORDS})[\s-]+$", text[max(0, occurrence.start - 40) : occurrence.start]
    )
    after = re.match(rf"[\s-]+({_PLACE_WORDS})", text[occurrence.end : occurrence.end + 40])
    words = [m.group(1) for m in (before, after) if m]
    return any(
        GAZETTEER.is_place(word)
        or GAZETTEER.is_place(word.split()[0])
        or GAZETTEER.is_place(word.split()[-1])
        for word in words
    )


def _in_title_first(text: str, title: str, occurrences: list[_Occurrence]) -> list[_Occurrence]:
    title_end = len(title) if title and text.startswith(title) else 0
    return sorted(
        occurrences, key=lambda occurrence: (occurrence.start >= title_end, occurrence.start)
    )


# ---------------------------------------------------------------------------------------------
# Occurrences of city names


def _find_occurrences(text: str) -> list[_Occurrence]:
    occurrences = []
    for match in _city_matches(text):
        city = (
            GAZETTEER.city(match.group())
            or ambiguous_city_with_cue(text, match)
            or capital_with_cue(text, match)
        )
        if city is not None:
            occurrences.append(_Occurrence(match.start(), match.end(), match.group(), city))
    separated = [o for o in map(city_with_syllable_mark, _SYLLABLE_MARK.finditer(text)) if o]
    if separated:
        occurrences = sorted(occurrences + separated, key=lambda occurrence: occurrence.start)
    return occurrences


_COUNTRY_AFTER = re.compile(r",\s*([A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,2})")
_CLAUSE_START = re.compile(r"[.!?;]\s")


def ambiguous_city_with_cue(text: str, match: re.Match[str]) -> CityInfo | None:
    """A city whose name is also a word or a person's ("Lima", "Rome", "Nice") counts where
    a place cue governs it: its country after a comma, or an event held in it.

    Example: "talks in Lima, Peru" -> Lima (Peru); "the meeting held in Rome" and "a forum
    in Rome on 3 May" -> Rome (Italy); "Mr Rome said" or "Club of Rome" -> None.
    """
    city = GAZETTEER.ambiguous_city(match.group())
    return None if city is None else _city_with_cue(text, match, city)


def capital_with_cue(text: str, match: re.Match[str]) -> CityInfo | None:
    """A national capital too small for the gazetteer's foreign cities counts where a place
    cue governs it, as a word-like city does: anywhere else it is a government ("Wellington
    and Beijing agreed") or another event's host, and no evidence of where this one was.

    Example: "the summit held in Wellington" or "talks in Wellington, New Zealand" ->
    Wellington; "officials in Wellington said" -> None.
    """
    capital = GAZETTEER.capital(match.group())
    return None if capital is None else _city_with_cue(text, match, capital)


def _city_with_cue(text: str, match: re.Match[str], city: CityInfo) -> CityInfo | None:
    name = match.group()
    after = text[match.end() : match.end() + 120]
    country = _COUNTRY_AFTER.match(after)
    if country:
        words = country.group(1).split()
        for n in range(len(words), 0, -1):
            found = GAZETTEER.country_of(" ".join(words[:n]))
            if found is not None:
                return GAZETTEER.city_in_country(name, found)
    before = text[max(0, match.start() - 200) : match.start()]
    clauses = list(_CLAUSE_START.finditer(before))
    before = before[clauses[-1].end() :] if clauses else before
    if not re.search(r"\bin\s+$", before):
        return None
    if dated_after(before, after) or _HELD_BEFORE.search(before) or event_named_before(before):
        return city
    return None


# Pinyin's syllable mark, written where the name needs none: "Xi’ning" for Xining.
_SYLLABLE_MARK = re.compile(r"(?<![\w'’-])[A-Z][a-z]+['’][a-z]+(?![\w'’-])")


def city_with_syllable_mark(match: re.Match[str]) -> _Occurrence | None:
    """A Chinese city written with a needless syllable mark; "Xi'an", a city under its own
    name with the mark, is found by the gazetteer pattern and is not read here.

    Example: "held in the city of Xi’ning" -> Xining; "Beijing’s" -> None.
    """
    written = match.group()
    if GAZETTEER.city(written) is not None:
        return None
    city = GAZETTEER.city(re.sub(r"['’]", "", written))
    if city is None or city.country != "China":
        return None
    return _Occurrence(match.start(), match.end(), written, city)


_NEAR = 120


def _is_part_of_name(text: str, occurrence: _Occurrence) -> bool:
    """A city inside a proper name: "Qingdao Honghai Curtain Wall", "Center (Shenzhen)".

    Example input: "Tianjin Greatmen Decoration" -> True; "Shanghai, Hohhot and" -> False.
    """
    # A window each side is all the rules read; slicing the whole text made it quadratic.
    before = text[max(0, occurrence.start - _NEAR) : occurrence.start]
    after = text[occurrence.end : occurrence.end + _NEAR]
    suffix = re.match(rf"\s+(?:{'|'.join(PLACE_SUFFIXES)})\b", after)
    if suffix:
        after = after[suffix.end() :]
    next_word = re.match(r"\s+([A-Z][\w'’-]*)", after)
    if next_word and next_word.group(1).lower() not in FUNCTION_WORDS:
        return GAZETTEER.city(next_word.group(1)) is None
    previous_word = re.search(r"([A-Z][\w'’-]*)\s+$", before)
    if previous_word and previous_word.group(1).lower() not in FUNCTION_WORDS:
        return True
    return bool(re.search(r"[A-Z][\w-]*\s*\($", before) and after.startswith(")"))


def _make_place(occurrence: _Occurrence, evidence: Span) -> Place:
    city = occurrence.city
    written = occurrence.written if occurrence.written != city.name else ""
    return Place(
        name=city.name,
        province=city.province,
        country=city.country,
        evidence=evidence,
        latitude=city.latitude,
        longitude=city.longitude,
        geonames_id=city.geonames_id,
        written_as=written,
    )


def _sentence_of(sentences: tuple[Span, ...], position: int) -> Span:
    i = bisect_right(sentences, position, key=lambda span: span.start) - 1
    if i >= 0 and position < sentences[i].end:
        return sentences[i]
    return Span(position, position)


# ---------------------------------------------------------------------------------------------
# City names in running text


@cache
def _city_pattern() -> re.Pattern[str]:
    """Every gazetteer name as a capitalised word, longest first ("Pudong New Area"); that it
    starts a word is checked by `_city_matches`.

    With no look-behind in front, the regex engine skips straight to the capitals a name can
    start with instead of trying thousands of names at every character.
    """
    # The ambiguous names and small capitals join the one alternation; their cue vets them.
    names = sorted(
        {*GAZETTEER.city_names(), *GAZETTEER.ambiguous_city_names(), *GAZETTEER.capital_names()},
        key=len,
        reverse=True,
    )
    alternatives = "|".join(_name_regex(name) for name in names)
    # A possessive still names the city ("Tianjin's Hexi District"); "Xi'an" is not "Xi".
    return re.compile(rf"(?:{alternatives})(?![\w-]|['’](?!s\b))")


def _city_matches(text: str):
    """The matches `finditer` would give of the city pattern behind `(?<![\\w'’-])`.

    Example: in "Ex-Beijing staff met in Beijing" only the second "Beijing" (at 24) starts a
    word; the first has a hyphen before it.
    """
    pattern, at = _city_pattern(), 0
    while (match := pattern.search(text, at)) is not None:
        start = match.start()
        if start and (text[start - 1].isalnum() or text[start - 1] in "_'’-"):
            at = start + 1
            continue
        yield match
        at = match.end()


def _name_regex(name: str) -> str:
    """Capital first letter required (so "nice" the word never matches), the rest any case."""
    rest = re.escape(name[1:]).replace("'", "['’]").replace("\\ ", r"\s+")
    return f"{re.escape(name[0].upper())}(?i:{rest})"
