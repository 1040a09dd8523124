"""The words and shapes people are written with, and the drafts a report's people are built in."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from events.extraction.lexicon import (
    EVENT_HEADS,
    GAZETTEER,
    MONTH_NAMES,
    NOT_PERSON_HEADS,
    PERSON_NAME_PARTICLES,
    TITLES,
    WEEKDAYS,
)
from events.extraction.organizations import (
    NOT_ORG_WORDS,
    ORG_HEADS,
    UNIT_WORDS,
)
from events.extraction.records import Position, Role, Span

TITLE_WORDS = TITLES

# Titles of state leaders (lexicon.STATE_TITLES): "President Xi Jinping proposed ..." recalls
# them, it does not seat them.

# Fields that follow "professor of"; "professor of Economics" names no organisation.
DISCIPLINES = frozenset(
    {
        "economics",
        "engineering",
        "law",
        "finance",
        "management",
        "chemistry",
        "physics",
        "biology",
        "geography",
        "ecology",
        "sociology",
        "marketing",
        "operations",
        "sales",
        "strategy",
        "practice",
        "studies",
        "planning",
    }
)

# Verbs that say a person spoke; "attended" alone makes an attendee.
SPEECH_WORDS = (
    "said",
    "delivered",
    "says",
    "pointed out",
    "noted",
    "stressed",
    "emphasized",
    "emphasised",
    "indicated",
    "insisted",
    "analyzed",
    "analysed",
    "shared",
    "delivered",
    "gave",
    "spoke",
    "addressed",
    "introduced",
    "presented",
    "explained",
    "elaborated",
    "remarked",
    "stated",
    "suggested",
    "proposed",
    "highlighted",
    "praised",
    "interpreted",
    "discussed",
    "argued",
    "believed",
    "mentioned",
    "added",
    "called",
    "urged",
    "expressed",
    "conducted",
    "reported",
    "commented",
    "advised",
    "underlined",
    "outlined",
    "summarized",
    "summarised",
    "talked",
    "made",
)
MODERATOR_RE = re.compile(
    r"""
    \b(?:hosted|moderated|presided\s+over|chaired|emceed|
         was\s+the\s+(?:moderator|host|emcee|chair))   # what a moderator does in these reports
    \b(?!\s+by\b)                                        # "hosted by the IGEA" names an organizer
    """,
    re.VERBOSE | re.IGNORECASE,
)
ATTEND_RE = re.compile(r"\b(?:attended|was\s+present|were\s+present|took\s+part)\b", re.IGNORECASE)
KEYNOTE_RE = re.compile(r"\bkeynote\b", re.IGNORECASE)
PANEL_RE = re.compile(r"\bpanel(?:ists?|\s+discussions?)?\b", re.IGNORECASE)
ONLINE_RE = re.compile(
    r"\b(?:online|virtually|via\s+video(?:\s+link)?|by\s+video)\b", re.IGNORECASE
)

TALK_RE = re.compile(
    r"""
    (?:titled|entitled|on\s+the\s+(?:theme|topic)\s+of|(?:with|addressed|under)\s+the\s+
       (?:theme|topic)\s+of|themed)                  # how reports introduce a talk title
    \s*[:,]?\s*
    ["“'‘](?P<title>.+?)["”]                        # the quoted title: "Achieving Dual ..."
    """,
    re.VERBOSE,
)

# Capitalised words that open prose, name places, topics or bodies, and never a person.
NOT_NAME_WORDS = (
    frozenset(
        [
            "the",
            "a",
            "an",
            "at",
            "on",
            "in",
            "of",
            "by",
            "for",
            "from",
            "to",
            "with",
            "and",
            "or",
            "but",
            "as",
            "if",
            "this",
            "that",
            "these",
            "those",
            "there",
            "here",
            "it",
            "its",
            "he",
            "she",
            "they",
            "we",
            "our",
            "their",
            "his",
            "her",
            "i",
            "you",
            "during",
            "after",
            "before",
            "when",
            "while",
            "since",
            "until",
            "however",
            "moreover",
            "therefore",
            "meanwhile",
            "also",
            "first",
            "second",
            "third",
            "finally",
            "then",
            "thus",
            "besides",
            "question",
            "answer",
            "live",
            "pictures",
            "picture",
            "photo",
            "video",
            "home",
            "news",
            "contact",
            "site",
            "map",
            "service",
            "unit",
            "laws",
            "regulations",
            "hotel",
            "visa",
            "traffic",
            "significance",
            "content",
            "framework",
            "top",
            "skip",
            "main",
            "release",
            "time",
            "ago",
            "government",
            "representatives",
            "representative",
            "guests",
            "guest",
            "experts",
            "expert",
            "leaders",
            "participants",
            "speakers",
            "speaker",
            "moderator",
            "host",
            "organizer",
            "organizers",
            "person",
            "people",
            "everyone",
            "green",
            "low",
            "carbon",
            "low-carbon",
            "energy",
            "climate",
            "development",
            "industry",
            "industrial",
            "city",
            "cities",
            "environmental",
            "environment",
            "sustainable",
            "sustainability",
            "ecological",
            "economy",
            "economic",
            "international",
            "national",
            "global",
            "china",
            "chinese",
            "european",
            "asian",
            "african",
            "american",
            "belt",
            "road",
            "new",
            "area",
            "district",
            "province",
            "municipal",
            "state",
            "world",
            "united",
            "nations",
            "summit",
            "forum",
            "conference",
            "meeting",
            "fair",
            "expo",
            "exhibition",
            "session",
            "round",
            "table",
            "dual",
            "peak",
            "neutrality",
            "project",
            "cooperation",
            "achievement",
            "achievements",
            "technology",
            "innovation",
            "policy",
            "policies",
            "research",
            "science",
            "report",
            "reports",
            "part",
            "river",
            "lake",
            "basin",
            "delta",
            "mountain",
            "mountains",
            "sea",
            "ocean",
            "bay",
            "valley",
            "pavilion",
            "according",
            "speaking",
            "speakers",
            "panelists",
            "editor",
        ]
    )
    | ORG_HEADS
    | TITLE_WORDS
    | frozenset(MONTH_NAMES)
    | WEEKDAYS
)

LEADING_FILLERS = (
    # list bullets: "- Zou Ji, CEO and President, Energy Foundation China"
    "- ",
    "– ",
    "• ",
    "* ",
    "· ",
    "and ",
    "including ",
    "such as ",
    "namely ",
    "as well as ",
    "with ",
    "by ",
    "while ",
    "whereas ",
)


@lru_cache(maxsize=65536)
def strip_leading_fillers(text: str) -> str:
    """A segment without the bullets and list words before its first name, in the order of
    LEADING_FILLERS.

    Example: "- and Li Wei" -> "Li Wei"; "Andrew Li" (no space after "and") is kept.
    """
    lowered = text.lower()
    for filler in LEADING_FILLERS:
        if lowered.startswith(filler):
            text = text[len(filler) :].lstrip()
            lowered = text.lower()
    return text


# "who is a senior adviser of NRDC" is an appositive title like "a senior adviser of NRDC".
ARTICLES = (
    "a ",
    "an ",
    "the ",
    "as ",
    "also ",
    "and ",
    "who is ",
    "who was ",
    "who serves as ",
    "who also serves as ",
    "currently ",
)
ADVERBS = frozenset(
    {
        "also",
        "highly",
        "then",
        "respectively",
        "jointly",
        "separately",
        "successively",
        "later",
        "further",
        "briefly",
        "each",
        "all",
        "both",
        "first",
        "finally",
        "subsequently",
        "warmly",
        "fully",
    }
)
COMPANY_APPOSITIVE_RE = re.compile(
    r"\b(?:company|enterprise|firm|corporation|manufacturer|start-?up|provider|developer|"
    r"group|supplier|operator|fortune\s+500|listed)\b",
    re.IGNORECASE,
)
ABBREVIATION_END_RE = re.compile(
    r"""
    (?:\b[A-Z]|\bMrs?|\bMs|\bDr|\bProf|\bCo|\bLtd|\bInc|\bCorp|\bNo|\bSt|\bJr|\bvs)\.$  # "A." "Mr." "Co."
    """,
    re.VERBOSE,
)


class People(list):
    """The report's people in order of first sight, indexed by name key.

    A report names each person many times; looking every mention up in a dictionary, not
    through every person met so far, keeps a long report linear. Example: after
    `met.add_key(wang, "wang yi")`, `met.first_with_key("wang yi")` is `wang`.
    """

    def __init__(self) -> None:
        super().__init__()
        self._order: dict[int, int] = {}
        self._by_key: dict[str, PersonDraft] = {}

    def append(self, person: PersonDraft) -> None:
        self._order[id(person)] = len(self)
        super().append(person)
        for key in person.keys:
            self._note(person, key)

    def add_key(self, person: PersonDraft, key: str) -> None:
        person.keys.add(key)
        self._note(person, key)

    def first_with_key(self, key: str) -> PersonDraft | None:
        return self._by_key.get(key)

    def _note(self, person: PersonDraft, key: str) -> None:
        held = self._by_key.get(key)
        # Of two people with one key the first met answers, as a scan in order would.
        if held is None or self._order[id(held)] > self._order.get(id(person), len(self)):
            self._by_key[key] = person


@dataclass
class PersonDraft:
    """A participant under construction; frozen into a Participant at the end."""

    written: str
    forms: list[str]
    positions: list[Position]
    evidence: Span
    role: Role | None = None
    talk_title: str | None = None
    talk_evidence: Span | None = None
    online: bool = False
    keys: set[str] = field(default_factory=set)
    state_title: bool = False  # introduced as "President X" / "Premier X" with no organisation
    recalled: bool = False  # only what they did or said before the event is reported


@dataclass
class Segment:
    text: str
    joined_by_and: bool = False


@dataclass
class Opening:
    """How a segment introduces a person: the name, its titles, and the verb after it."""

    name: str
    rest: str = ""
    titles: tuple[Segment, ...] = ()
    affiliation: tuple[str, str] | None = None  # (title, organisation) from "X from Tencent"
    role: Role | None = None
    state_title: bool = False


def is_brand_word(word: str) -> bool:
    """ "Envision", "Ucommune", "Tencent": one capitalised word that is no title, place or field."""
    if not re.fullmatch(r"[A-Z][\w&\-]+", word):
        return False
    lowered = word.lower()
    return not (
        is_title_word(word)
        or GAZETTEER.is_place(word)
        or lowered in NOT_NAME_WORDS
        or lowered in NOT_ORG_WORDS
        or lowered in DISCIPLINES
        or lowered in UNIT_WORDS
    )


def is_brand_phrase(text: str) -> bool:
    """A short run of capitalised words led by a brand, as a body after "from"/"at" a name.

    Example: "BASF Greater China", "Enel Green Power" -> True; "Greater China", "Beijing",
    "the Forum", "Green Finance Forum", "Monday" -> False.
    """
    words = text.split()
    if not 2 <= len(words) <= 4 or not all(re.fullmatch(r"[A-Z][\w&'’\-]*", w) for w in words):
        return False
    if GAZETTEER.is_place(text) or GAZETTEER.is_place(words[0]):
        return False
    if any(w.lower() in EVENT_HEADS or w.lower() in MONTH_NAMES for w in words):
        return False
    return is_brand_word(words[0]) or (len(words[0]) >= 2 and words[0].isupper())


CUE_RE = re.compile(
    r"""
    \b(?:(?:[Mm]oderated|hosted|[Cc]haired|presided\s+over)\s+by  # "moderated by Tang Rui"
        |(?:officiated|opened|addressed)\s+by                   # "was officiated by Ho Iat Seng"
        |(?:given|delivered|made|signed|witnessed|presented)\s+by  # "remarks were given by"
        |(?:remarks|speech(?:es)?|address|presentations?|talks?)\s+(?:by|from)  # "a speech from Li"
        |(?:present|speaking|attending|participating)\s+were     # "Also present were"
        |(?:[Pp]anell?ists?|[Ss]peakers?|[Pp]articipants|[Gg]uests)  # "Panelists in the
            \s+(?:in|at|of|for|on|from)\s+[^,;:]{1,50}?(?=\s+(?:were|included))  # afternoon were"
        |panell?ists?|speakers?|included|including|featured|featuring  # "panelists Sun Qiang"
        |include|includes                                        # "the guests include"
        |alongside|together\s+with                              # "a speech alongside Li Wei"
        |keynote\s+speakers?
        |said|says|noted|added|[Aa]ccording\s+to)                # '"...," said Ma Jun'
    \s+(?:were\s+|was\s+|included\s+|including\s+)?
    (?=[A-Z])                                                    # a name or title follows
    |\b(?:[Mm]oderators?|[Cc]hair(?:ed)?|[Ss]peakers?|[Pp]anell?ists?|[Hh]osts?)\s*:\s*  # "Moderator:"
    (?=[A-Z])
    """,
    re.VERBOSE,
)
# A predicate that closes on the person it reaches: "reported the plan to Nur Bekri", whose
# titles are the segments after the comma; "listened to the speech of Liu He": a speaker.
NAME_CLOSING_PREDICATE_RE = re.compile(
    r"\b(?:to|with|met|thanked|welcomed|invited|accompanied\s+by|joined\s+by"
    r"|(?P<talk>speech|remarks|address|report)\s+of)\s+"
    r"(?P<name>[A-Z][\w'’.\-]*(?:\s+[A-Z][\w'’.\-]*){1,3})\s*$"
)
AFFILIATION_RE = re.compile(
    r"""
    ^(?:from|of|at|with)\s+(?:the\s+)?                          # "Dr. Liu Xiaodan from"
    (?P<org>[A-Z][\w&.’'\-]*                                    # "Tencent", "Johns"
        (?:\s+(?:(?:of|for|and|the|on|in|&)\s+)*[A-Z][\w&.’'\-]*)*   # "Hopkins University"
        (?:,?\s+(?:Co\.,?\s*Ltd\.?|Ltd\.?|Inc\.?))?              # "Example Motors Co., Ltd."
        (?:\s*\([A-Za-z][\w\s\-]{0,15}\))?)                     # "(CCID)"
    (?P<rest>(?:\s+[a-z].*|[.,]?\s*))$                          # "introduced the plan ..."
    """,
    re.VERBOSE | re.DOTALL,
)
BRACKETED_TITLE_RE = re.compile(
    r"""
    ^\((?P<title>[^()]{3,160})\)       # "(Secretary-General, China Electronics ... Association)"
    (?P<rest>.*)$                      # "read out the alliance charter"
    """,
    re.VERBOSE | re.DOTALL,
)
# "Li Shuo – Greenpeace East Asia", "Dr. Yu Xiang – Shanghai Environment and Energy Exchange –
# explained ...": an organisation between dashes after a name.
DASH_AFFILIATION_RE = re.compile(
    r"^[–—-]\s*(?P<org>[A-Z][^–—]*?)\s*(?:[–—]\s*(?P<rest>.*))?$", re.DOTALL
)
# "representing UNDP China", "on behalf of the China Youth Development Foundation": a body the
# person speaks for, written as its own clause or right after the verb.
ORG_PHRASE = r"""[A-Z][\w&.’'\-]*(?:\s+(?:(?:of|for|and|the|on|in|&)\s+)*[A-Z][\w&.’'\-]*)*
    (?:,?\s+(?:Co\.,?\s*Ltd\.?|Ltd\.?|Inc\.?))?(?:\s*\([A-Za-z][\w\s\-]{0,15}\))?"""
SPEAKS_FOR_RE = re.compile(
    rf"""^(?:[\w-]+\s+){{0,6}}?          # "spoke", "attended and delivered opening remarks"
    (?:representing|on\s+behalf\s+of)\s+(?:the\s+)?
    (?P<org>{ORG_PHRASE})""",
    re.VERBOSE | re.IGNORECASE,
)
AFFILIATION_CLAUSE_RE = re.compile(
    rf"^(?:representing|on\s+behalf\s+of|from|with|at)\s+(?:the\s+)?(?P<org>{ORG_PHRASE})[\s.]*$",
    re.VERBOSE,
)
# "who heads the Blue Carbon Research Center at Hainan University": a post as a verb.
LEADS_RE = re.compile(
    r"^who\s+(?P<verb>heads|leads|chairs|directs|runs|manages)\s+(?P<what>.+?)[\s.]*$",
    re.IGNORECASE | re.DOTALL,
)
LEADS_TITLES = {
    "heads": "head",
    "leads": "head",
    "chairs": "chair",
    "directs": "director",
    "runs": "head",
    "manages": "manager",
}
# "Envision Group's Zhang Lei said": an organisation's person, with no title between.
POSSESSIVE_NAME_RE = re.compile(
    r"^(?:(?:and|while|but|whereas|meanwhile)\s+)?(?P<org>[A-Z][^,;]*?)['’]s\s+(?P<tail>[A-Z].*)$",
    re.DOTALL,
)
# "who joined the ceremony as a guest": a relative clause between a name and its verb.
RELATIVE_CLAUSE_RE = re.compile(r"^\s*(?:who|whom|whose)\s", re.IGNORECASE)


# Asked of every segment and word of every sentence, many times over: kept, not recomputed.
@lru_cache(maxsize=65536)
def title_phrase_leads(text: str) -> bool:
    """True when `text` opens with a title: "former Vice Minister of ...", "Senior Partner of"."""
    words = re.split(r"\s+(?:of|at|for|in|with|under|from)\s+|,", text.strip(), maxsplit=1)[
        0
    ].split()
    first_title = next((i for i, w in enumerate(words) if is_title_word(w)), None)
    if first_title is None or len(words) > 6:
        return False
    # "technology and honorary dean of ICCSD" ends a portfolio; it does not open a title
    return "and" not in [w.lower() for w in words[:first_title]]


@lru_cache(maxsize=65536)
def is_title_word(word: str) -> bool:
    cleaned = word.lower().strip(",.:;()")
    return cleaned in TITLE_WORDS or any(p in TITLE_WORDS for p in cleaned.split("-") if p != "")


NAME_PARTICLES = PERSON_NAME_PARTICLES


# Head words of organisations, events and campaigns: a phrase with one is no person's name
# ("Beat Plastic Pollution", "Ant Forest", "Sino-German Hydrogen Dialogue", "AmCham Shanghai").
NON_PERSON_HEADS = NOT_PERSON_HEADS


def is_company_appositive(text: str) -> bool:
    stripped = text.strip()
    return bool(re.match(r"(?:a|an)\s", stripped)) and bool(COMPANY_APPOSITIVE_RE.search(stripped))


def strip_articles(text: str) -> str:
    stripped = text.strip()
    changed = True
    while changed:
        changed = False
        for article in ARTICLES:
            if stripped.lower().startswith(article):
                stripped = stripped[len(article) :].lstrip()
                changed = True
    return stripped


RECALLED_RE = re.compile(
    r"""
    ^\s*(?:
      had\s+(?:(?:earlier|also|already|long|once|repeatedly|\w+ly)\s+)?  # "had earlier urged"
      # News English reports a speech at the event as "has said"; "has long called for" and
      # "has repeatedly urged" recall what came before it.
      |(?:has|have)\s+(?:earlier|already|long|once|repeatedly|previously)\s+
    )
    \w+(?:ed|en|wn|ught|id)\b                  # "urged", "stressed", "proposed", "said"
    |^\s*(?:back\s+)?in\s+(?:19|20)\d{2}\b      # "... proposed by President Ma back in 2014"
    """,
    re.VERBOSE | re.IGNORECASE,
)
AT_EVENT_RE = re.compile(
    r"""
    \b(?:attended|addressed|opened|spoke\s+at|delivered|chaired|met\s+with)\b   # present
    .{0,60}?\b(?:forum|summit|meeting|ceremony|conference|session|dialogue|workshop|event
              |seminar|expo|roundtable|symposium)\b   # at this kind of occasion
    """,
    re.VERBOSE | re.IGNORECASE,
)


ROLE_RANK = {
    Role.ATTENDEE: 0,
    Role.SPEAKER: 1,
    Role.PANELIST: 2,
    Role.KEYNOTE: 3,
    Role.MODERATOR: 4,
}


def has_open_bracket(out: list[str]) -> bool:
    return "".join(out).count("'") % 2 == 1
