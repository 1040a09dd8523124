"""The frame of an event: its name, parent event, venue, organisers and attendance.

Reports open with a lead sentence of a few recurring shapes ("On <date>, hosted by <org>, the
<name> was held as part of <parent> at <venue> in <city>"), so the rules here are lexicons of
nouns (event, venue, organisation) and patterns over those shapes, never a report's own strings.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from events.extraction.folding import fold
from events.extraction.lexicon import (
    GAZETTEER,
    MONTH_ALTERNATION,
    ORGANISATION_HEADS,
    ORGANISER_HEADS,
)
from events.extraction.records import Attendance, OrganizerRole, Quoted, Span

# Sentences after the headline that count as the lead, where an event's frame is stated.
_LEAD_SENTENCES = 3

_EVENT_NOUNS = (
    r"(?:Summit|Forum|Conference|Meeting|Round[- ]?Table|Symposium|Workshop|Seminar|Dialogue"
    r"|Expo|Exposition|Congress|Ceremony|Salon|Session|Exhibition|Fair|Week|Festival"
    r"|Convention|Assembly|Lecture|Roundtable|Launch|Briefing|Training|Webinar|Consultation)s?"
)
_VENUE_NOUNS = (
    r"(?:Convention\s+Cent(?:er|re)|Exhibition\s+Cent(?:er|re)|Conference\s+Cent(?:er|re)"
    r"|International\s+Cent(?:er|re)|Cent(?:er|re)|Hall|Hotel|Auditorium|Building|Park|Plaza"
    r"|Tower|Stadium|Museum|Library|Theat(?:re|er)|Guest\s?house|Resort|Palace|Campus|Villa"
    r"|Mansion|Square|Arena|Pavilion|Complex)"
)
# The last word of an organiser's name: "... Association", "... Co., Ltd.", "... New Area".
_ORG_NOUNS = ORGANISER_HEADS
# Nouns that make a name an organisation's but also occur inside one ("Exchange and Transfer").
_ORG_INNER_NOUNS = frozenset({"exchange", "service", "services", "research", "development"})
# Small words that may sit inside a capitalised name: "Ministry of Ecology and Environment".
_CONNECTORS = frozenset({"of", "for", "and", "on", "in", "the", "&", "de", "to"})

# Words stripped from headlines because they report, not name, the event.
_FILLER_TAIL = re.compile(
    r"""
    \s*(?:[,:–—-]\s*)?                       # the verb phrase may follow a comma or dash
    (?:was|is|has\ been|were|are|will\ be)?\s*  # "was successfully held"
    (?:successfully\s+|grandly\s+|officially\s+|jointly\s+)?
    \b(?:held|convened|opened|opens|launched|launches|kicks?\ off|kicked\ off|concluded
       |concludes|closes|closed|unveils?|unveiled|takes?\ place|took\ place|ends|ended
       |wraps?\ up|wrapped\ up|begins|began|starts|started|gets\ underway|staged|debuts)\b
    .*$                                      # and whatever the verb says after it
    """,
    re.VERBOSE | re.IGNORECASE,
)

_LEADING_FILLER = re.compile(
    r"""
    ^(?:the\s+)?                               # "The 2022 ..."
    (?:(?:19|20)\d{2}\s+)?                      # an edition year: "2021 "
    (?:inaugural|first-ever|grand|annual)?\s*   # words that praise rather than name
    """,
    re.VERBOSE | re.IGNORECASE,
)

_CAPITALISED_PHRASE = (
    r"(?:\d+(?:st|nd|rd|th)\s+)?"  # an edition: "5th "
    r"[\"“‘']?[A-Z][\w'’·-]*[\"”’']?"  # first capitalised word, perhaps quoted
    r"(?:(?:\s+|-)(?:(?:of|for|and|on|in|the|&|de|to)\s+)*[\"“‘']?[A-Z0-9][\w'’·-]*[\"”’']?)*"
)

_EVENT_PHRASE = re.compile(
    rf"""
    (?<![\w"“])                                 # a whole phrase, not the tail of a word
    (?P<name>{_CAPITALISED_PHRASE}              # "Low Carbon Construction and ... Industry
      \s+{_EVENT_NOUNS}                         #  Summit"
      (?:\s+(?:of|on|for)\s+{_CAPITALISED_PHRASE})?)   # "Forum on Climate Change"
    (?![\w-])
    """,
    re.VERBOSE,
)

_PART_OF = re.compile(
    rf"""
    \b(?:as\s+(?:an?\s+|one\s+of\s+the\s+)?(?:important\s+|key\s+|main\s+|major\s+)?
          (?:part|component|agendas?|events?|activit(?:y|ies)|sessions?|sub-?forums?)\s+of
       |on\s+the\s+sidelines\s+of
       |(?:a|an|one)\s+(?:sub-?forum|side\s+event|parallel\s+(?:session|forum|event)|session
          |sub-?session|thematic\s+forum)\s+of
       |during)                                   # how the parent is introduced
    \s+(?:the\s+)?
    (?:[a-z][\w-]*\s+(?:and\s+)?){{0,6}}          # lowercase detail: "green and low-carbon
    (?:sub-?forums?\s+of\s+(?:the\s+)?)?          #  sub-forums of the"
    (?P<parent>{_CAPITALISED_PHRASE})             # "China International Fair for Trade ..."
    """,
    re.VERBOSE,
)

_VENUE = re.compile(
    rf"""
    \b(?:at|in)\s+(?:the\s+)?                     # "at the "
    (?P<venue>{_CAPITALISED_PHRASE}\s+{_VENUE_NOUNS}|{_VENUE_NOUNS})   # "National Convention Center"
    (?![\w-])
    """,
    re.VERBOSE,
)

_BY_ROLE = re.compile(
    r"""
    \b(?P<verb>(?:jointly\s+|co-?)?(?:hosted|organi[sz]ed|sponsored|supported|undertaken|initiated
       |convened|guided|co-sponsored|co-organi[sz]ed|co-hosted))
    \s+by\s+                                      # "co-sponsored by "
    |\b(?P<support>with\s+the\s+(?:strong\s+|joint\s+)?support\s+of
       |under\s+the\s+(?:guidance|auspices)\s+of)\s+   # "with the support of "
    """,
    re.VERBOSE | re.IGNORECASE,
)

_SUBJECT_HOSTS = re.compile(
    rf"""
    (?:^|:\s+|\b(?:as|when|after|while|where|and)\s+|,\s+(?:and\s+)?(?=the\s))   # a clause opens
    (?:the\s+)?
    (?P<subject>{_CAPITALISED_PHRASE}(?:\s+\([A-Z][\w ]*\))?)   # "Pudong New Area"
    \s+(?:successfully\s+|recently\s+|jointly\s+)?
    (?P<verb>hosted|organi[sz]ed|held|convened|staged|launched)
    \s+(?:its|the|a|an|their)\s+                   # "hosted its inaugural ... Conference"
    [^.;]{{0,120}}?{_EVENT_NOUNS}\b
    """,
    re.VERBOSE,
)

_LIST_SEPARATOR = re.compile(
    r"""
    (?P<sep>\s*,\s*(?:and\s+|as\s+well\s+as\s+)?   # ", " ", and "
      |\s+and\s+                                   # " and "
      |\s+(?:in\s+conjunction|together|along|jointly)\s+with\s+|\s+with\s+)   # "in conjunction with"
    (?:the\s+)?
    """,
    re.VERBOSE,
)

_ORG_NAME = re.compile(
    rf"""
    (?:the\s+)?
    (?P<name>{_CAPITALISED_PHRASE}                  # "Belt and Road ... Transfer Center"
      (?:\s+\((?![A-Z][A-Z0-9]+(?:\s+(?:[A-Z][a-z]+|[A-Z]{{2,}}))?\))[A-Z][\w ]*\))?)  # "(Shenzhen)"
    (?:\s*\((?P<acronym>[A-Z][A-Za-z0-9]*[A-Z0-9](?:\s+(?:[A-Z][a-z]+|[A-Z]{{2,}}))?)\))?
    # "(NCSC)", "(EF China)", "(DG CLIMA)", "(R20)": an acronym may hold digits
    """,
    re.VERBOSE,
)

_ATTENDEE_NOUNS = (
    "representatives|guests|participants|attendees|experts|delegates|people|persons"
    "|officials|scholars|entrepreneurs|members|leaders|professionals|stakeholders"
    "|researchers|managers|students|visitors"
)
_ATTENDANCE = re.compile(
    rf"""
    (?P<said>
      (?:(?:nearly|almost|about|around|approximately|some|over|more\s+than|up\s+to|close\s+to
        |at\s+least|roughly|upwards\s+of|in\s+excess\s+of)\s+)?   # "nearly ", "More than "
      (?P<number>\d{{1,3}}(?:,\d{{3}})+|\d+|hundreds|dozens|thousands|scores))   # "200", "1,000"
    \s+(?:of\s+)?(?:[\w-]+\s+){{0,3}}?               # "government ", "of "
    (?:{_ATTENDEE_NOUNS})\b
    """,
    re.VERBOSE | re.IGNORECASE,
)

_ATTENDING = re.compile(
    r"\b(?:attend(?:ed|ing)?|participat(?:ed|ing)|gathered|joined|took\s+part|present|"
    r"were\s+invited|came|at\s+the\s+(?:forum|summit|conference|meeting|event))\b",
    re.IGNORECASE,
)
# Nouns that mean people at the event even without a verb saying so: "Over 300 participants".
_ATTENDEE_NOUN = re.compile(r"\b(?:participants|attendees|delegates|guests)$", re.IGNORECASE)
# Every count _ATTENDANCE reads has a number and a noun of people in it. That pattern has no
# literal start and is tried at every character; most sentences lack one or the other, and
# are not tried at all.
_ATTENDANCE_COUNT = re.compile(r"\d|hundreds|dozens|thousands|scores", re.IGNORECASE)
_ATTENDEE_WORD = re.compile(_ATTENDEE_NOUNS, re.IGNORECASE)
# Counts of a programme over time, not of the people in the room.
_NOT_ATTENDANCE = re.compile(r"\b(?:trainings?|trained|since|over\s+the\s+past|years)\b", re.I)

_ROLE_OF_VERB = {
    "hosted": OrganizerRole.HOST,
    "convened": OrganizerRole.HOST,
    "held": OrganizerRole.HOST,
    "staged": OrganizerRole.HOST,
    "organized": OrganizerRole.ORGANIZER,
    "organised": OrganizerRole.ORGANIZER,
    "undertaken": OrganizerRole.ORGANIZER,
    "initiated": OrganizerRole.ORGANIZER,
    "launched": OrganizerRole.ORGANIZER,
    "sponsored": OrganizerRole.SPONSOR,
    "supported": OrganizerRole.SUPPORTER,
    "guided": OrganizerRole.SUPPORTER,
}


@dataclass(frozen=True)
class OrganizerMention:
    name: str  # as written, without a trailing "(ACRONYM)"
    acronym: str | None  # "IGEA"
    role: OrganizerRole
    evidence: Span  # the sentence that states the role
    start: int  # offsets of the name in the cleaned text
    end: int


@dataclass(frozen=True)
class EventFrame:
    name: Quoted
    part_of: Quoted | None
    venue: Quoted | None
    organizers: tuple[OrganizerMention, ...]
    attendance: Attendance | None


def find_event_frame(
    title: str, text: str, sentences: tuple[Span, ...], *, publisher: str | None = None
) -> EventFrame:
    """Name, parent event, venue, organisers and attendance of the report's event.

    Example input: title "2021 CIFTIS Low Carbon ... Summit Successfully Held ...", lead
    "On ..., hosted by the International Green Economy Association (IGEA), the Low Carbon
    Construction and Low Carbon Industry Summit was held as an important part of the China
    International Fair for Trade in Services (CIFTIS) at the National Convention Center in Beijing."
    `publisher` (the site's name) lets an acronym at the head of the name ("2022 CIFCC Round
    Table") be read as the parent series when the page's footer spells it out.
    """
    lead = _lead_sentences(title, text, sentences)
    name = find_event_name(title, text, sentences)
    return EventFrame(
        name=name,
        part_of=find_parent_event(name, text, lead, publisher=publisher),
        venue=find_venue(text, lead),
        organizers=find_organizers(text, lead or sentences[:1]),
        attendance=find_attendance(text, sentences),
    )


def _lead_sentences(title: str, text: str, sentences: tuple[Span, ...]) -> tuple[Span, ...]:
    body = tuple(span for span in sentences if not title or span.of(text) != title.strip())
    return body[:_LEAD_SENTENCES]


# ---------------------------------------------------------------------------------------------
# Name


def find_event_name(title: str, text: str, sentences: tuple[Span, ...]) -> Quoted:
    """The lead's event-noun phrase when the headline names the same event, else the headline
    without its filler.

    Example input: headline "2022 CIFCC Round Table Meeting--Green Industry" gives
    "CIFCC Round Table Meeting: Green Industry".
    """
    headline_span = sentences[0] if sentences else Span(0, 0)
    from_headline = clean_headline(title)
    folded_title = fold(title)
    for span in _lead_sentences(title, text, sentences):
        for match in _EVENT_PHRASE.finditer(span.of(text)):
            phrase = _strip_leading_filler(match.group("name"))
            if len(phrase.split()) >= 2 and _names_same_event(phrase, folded_title, from_headline):
                return Quoted(phrase, span)
    if re.search(_EVENT_NOUNS, from_headline, re.IGNORECASE) or not sentences:
        return Quoted(from_headline, headline_span)
    for span in _lead_sentences(title, text, sentences):
        match = _EVENT_PHRASE.search(span.of(text))
        if match:
            return Quoted(_strip_leading_filler(match.group("name")), span)
    return Quoted(from_headline, headline_span)


def clean_headline(title: str) -> str:
    """A headline reduced to the event's name.

    Example input: "“City Emission Reduction Cooperation Project” Summary and Achievement
    Sharing Meeting was successfully held in Beijing" -> "City Emission Reduction Cooperation
    Project Summary and Achievement Sharing Meeting".
    """
    parts = [part for part in re.split(r"(?<=[.!?])\s+", title.strip()) if part]
    with_event = [part for part in parts if re.search(_EVENT_NOUNS, part, re.IGNORECASE)]
    name = (with_event or parts or [""])[-1]
    name = _FILLER_TAIL.sub("", name)
    name = re.sub(r"\s+in\s+[A-Z][\w' -]*$", "", name)  # a trailing place: "in Beijing"
    name = _TRAILING_DATE.sub("", name)  # a programme's heading: "X Forum, 8 December 2023"
    name = _strip_leading_filler(name)
    name = re.sub(r"\s*(?:--|—|–|\s-\s)\s*", ": ", name)  # subtitle: "Meeting--Green" -> ": "
    name = _unquote_whole_titles(name)
    return name.strip(" .,:;")


_TRAILING_DATE = re.compile(
    rf""",\s*(?:\d{{1,2}}\s+(?:{MONTH_ALTERNATION})|(?:{MONTH_ALTERNATION})\s+\d{{1,2}},?)"""
    r"\s+(?:19|20)\d{2}$"
)


def _strip_leading_filler(name: str) -> str:
    stripped = _LEADING_FILLER.sub("", name.strip())
    return stripped[:1].upper() + stripped[1:] if stripped else name.strip()


def _unquote_whole_titles(name: str) -> str:
    """Drop quotes around a quoted title of four or more words; keep a quoted term ("Belt and
    Road") since reports quote such terms as part of the name."""

    def unquote(match: re.Match[str]) -> str:
        inner = match.group(2)
        return inner if len(inner.split()) >= 4 else match.group()

    return re.sub(r"([\"“])([^\"”]+)([\"”])", unquote, name)


def _names_same_event(phrase: str, folded_title: str, from_headline: str) -> bool:
    """The lead's phrase is the headline's event when the headline contains it, or when it is
    the fuller name: "Green Finance and Climate Investment Dialogue" for "Green Finance Dialogue"."""
    folded = fold(phrase)
    if folded in folded_title:
        return True
    plain = not re.search(r"[\"“”'‘’·]", phrase)  # a quoted slogan is not the plain full name
    return plain and set(fold(from_headline).split()) <= set(folded.split())


# ---------------------------------------------------------------------------------------------
# Parent event and venue


def find_parent_event(
    name: Quoted, text: str, lead: tuple[Span, ...], *, publisher: str | None = None
) -> Quoted | None:
    """The larger event this one belongs to: a fair, expo, forum series.

    Example input: "as an important part of the China International Fair for Trade in Services
    (CIFTIS)" -> "China International Fair for Trade in Services".
    """
    for span in lead:
        match = _PART_OF.search(span.of(text))
        if match and re.search(_EVENT_NOUNS + r"\b", match.group("parent")):
            return Quoted(_trim_local_section(match.group("parent")), span)
    acronym = re.match(r"([A-Z]{3,8})\b", name.value)
    if acronym and publisher and _acronym_fits(acronym.group(1), publisher):
        return Quoted(publisher, name.evidence)
    if acronym:
        expansion = re.search(rf"({_CAPITALISED_PHRASE})\s+\({acronym.group(1)}\)", text)
        if expansion and _acronym_fits(acronym.group(1), expansion.group(1)):
            return Quoted(expansion.group(1), name.evidence)
    return None


def _trim_local_section(parent: str) -> str:
    """ "5th China Environmental Expo Chengdu Exhibition" -> "5th China Environmental Expo":
    a city and a section noun after the event noun name the local part, not the event."""
    match = re.match(
        rf"(?P<event>.*?\b{_EVENT_NOUNS})\s+(?P<city>[A-Z][\w']+)\s+(?:{_EVENT_NOUNS}|Venue|Branch)$",
        parent,
    )
    if match and GAZETTEER.city(match.group("city")):
        return match.group("event")
    return parent


def _acronym_fits(acronym: str, name: str) -> bool:
    """Whether an acronym is the initials of a name, small words optional: CIFTIS fits
    "China International Fair for Trade in Services"."""
    words = re.findall(r"[A-Za-z]+", name)

    def fits(letters: str, index: int) -> bool:
        if not letters:
            return all(word.lower() in _CONNECTORS for word in words[index:])
        if index == len(words):
            return False
        word = words[index]
        if word[0].upper() == letters[0] and fits(letters[1:], index + 1):
            return True
        return word.lower() in _CONNECTORS and fits(letters, index + 1)

    return fits(acronym.upper(), 0)


def find_venue(text: str, lead: tuple[Span, ...]) -> Quoted | None:
    """Example input: "... at the National Convention Center in Beijing" -> "National
    Convention Center"."""
    for span in lead:
        match = _VENUE.search(span.of(text))
        if match and len(match.group("venue").split()) >= 2:
            return Quoted(match.group("venue"), span)
    return None


# ---------------------------------------------------------------------------------------------
# Organisers


def find_organizers(text: str, lead: tuple[Span, ...]) -> tuple[OrganizerMention, ...]:
    """Organisations the lead names as hosting, organising, sponsoring or supporting.

    Example input: "jointly organized by A in conjunction with B, C, and D" -> A organizer,
    B, C, D co-organizers.
    """
    found: list[OrganizerMention] = []
    seen: set[str] = set()
    for span in lead:
        for mention in (*_find_by_role(text, span), *_find_subject_hosts(text, span)):
            if mention.name not in seen:
                seen.add(mention.name)
                found.append(mention)
    return tuple(found)


def _find_by_role(text: str, span: Span) -> list[OrganizerMention]:
    sentence = span.of(text)
    mentions = []
    for match in _BY_ROLE.finditer(sentence):
        role = _role_of(match.group("verb") or "")
        for index, (start, end, acronym, after_with) in enumerate(
            _read_name_list(sentence, match.end())
        ):
            item_role = OrganizerRole.CO_ORGANIZER if after_with and index else role
            mentions.append(
                OrganizerMention(
                    name=sentence[start:end],
                    acronym=acronym,
                    role=item_role,
                    evidence=span,
                    start=span.start + start,
                    end=span.start + end,
                )
            )
    return mentions


def _role_of(verb: str) -> OrganizerRole:
    verb = verb.lower()
    if not verb:
        return OrganizerRole.SUPPORTER  # "with the support of", "under the guidance of"
    if verb.startswith("co"):
        return OrganizerRole.CO_ORGANIZER
    return _ROLE_OF_VERB.get(
        verb.split()[-1].replace("organised", "organized"), OrganizerRole.ORGANIZER
    )


def _read_name_list(sentence: str, position: int) -> list[tuple[int, int, str | None, bool]]:
    """(start, end, acronym, after_with) of each organisation listed from `position` on."""
    items: list[tuple[int, int, str | None, bool]] = []
    after_with = False
    while True:
        match = _ORG_NAME.match(sentence, position)
        if not match:
            break
        start, end = match.span("name")
        for piece_start, piece_end in _split_on_and(sentence, start, end):
            piece_start += after_possessor(sentence[piece_start:piece_end])
            name = sentence[piece_start:piece_end]
            if not _looks_like_organization(name, match.group("acronym")) and not (
                items and _is_brand(name)
            ):
                return items
            is_last = piece_end == end
            items.append(
                (piece_start, piece_end, match.group("acronym") if is_last else None, after_with)
            )
        separator = _LIST_SEPARATOR.match(sentence, match.end())
        if not separator:
            break
        after_with = after_with or "with" in separator.group("sep")
        position = separator.end()
    return items


def after_possessor(name: str) -> int:
    """Where an organiser's own name starts when a body or place possesses it, else 0.

    Example: "European Commission's Directorate-General for Climate Action" -> 21, the start
    of "Directorate-General ..."; "People's Bank of China" -> 0 (no body possesses it).
    """
    match = re.match(r"(?P<owner>[^'’]+)['’]s\s+(?=[A-Z])", name)
    if not match:
        return 0
    owner = match.group("owner")
    owner_words = {word.lower() for word in owner.split()}
    if owner_words & ORGANISATION_HEADS or GAZETTEER.is_place(owner):
        return match.end()
    return 0


def _split_on_and(sentence: str, start: int, end: int) -> list[tuple[int, int]]:
    """Split "A Association and B Center" where "and" follows an organisation's head noun."""
    pieces, piece_start = [], start
    for match in re.finditer(r"\s+and\s+(?P<the>the\s+)?", sentence[start:end]):
        left = sentence[piece_start : start + match.start()]
        if match.group("the") or left.split()[-1].strip(".,").lower() in _ORG_NOUNS:
            pieces.append((piece_start, start + match.start()))
            piece_start = start + match.end()
    pieces.append((piece_start, end))
    return pieces


def _looks_like_organization(name: str, acronym: str | None) -> bool:
    """Organisations, not people: an organisation noun, an acronym, or a place or its body."""
    words = re.findall(r"[\w.'’-]+", name)
    if acronym or (len(words) == 1 and words[0].isupper() and len(words[0]) >= 2):
        return True
    if any(word.lower().strip(".") in _ORG_NOUNS | _ORG_INNER_NOUNS for word in words):
        return True
    return GAZETTEER.city(name) is not None


def _is_brand(name: str) -> bool:
    """ "Huawei" after "initiated by CEESTA,": one capitalised word listed among bodies."""
    return bool(re.fullmatch(r"[A-Z][a-z][\w&\-]+", name)) and GAZETTEER.city(name) is None


def _find_subject_hosts(text: str, span: Span) -> list[OrganizerMention]:
    sentence = span.of(text)
    mentions = []
    for match in _SUBJECT_HOSTS.finditer(sentence):
        subject = match.group("subject")
        acronym_match = re.search(r"\s+\(([A-Z][\w ]*)\)$", subject)
        name = subject[: acronym_match.start()] if acronym_match else subject
        acronym = acronym_match.group(1) if acronym_match else None
        if not _looks_like_organization(name, acronym):
            continue
        start = span.start + match.start("subject")
        mentions.append(
            OrganizerMention(
                name=name,
                acronym=acronym,
                role=_ROLE_OF_VERB.get(match.group("verb"), OrganizerRole.HOST),
                evidence=span,
                start=start,
                end=start + len(name),
            )
        )
    return mentions


# ---------------------------------------------------------------------------------------------
# Attendance


def find_attendance(text: str, sentences: tuple[Span, ...]) -> Attendance | None:
    """The first count of people attending the event itself.

    Example input: "At the forum, nearly 200 government representatives ... gathered" ->
    Attendance(200, "nearly 200"). "hundreds of guests" -> Attendance(None, "hundreds"): the
    words are kept for editors, but no number is invented.
    """
    for span in sentences:
        sentence = span.of(text)
        if _NOT_ATTENDANCE.search(sentence):
            continue
        match = (
            _ATTENDANCE_COUNT.search(sentence)
            and _ATTENDEE_WORD.search(sentence)
            and _ATTENDANCE.search(sentence)
        )
        if match and (_ATTENDING.search(sentence) or _ATTENDEE_NOUN.search(match.group())):
            number = match.group("number").replace(",", "")
            approx = int(number) if number.isdigit() else None
            return Attendance(approx=approx, text=match.group("said"), evidence=span)
    return None
