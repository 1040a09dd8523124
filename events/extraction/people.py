"""People named in a capacity: who they are, their titles and organisations, their role, talks.

A sentence is read as a stream of comma/semicolon segments. A person-shaped name opens a
group; the title segments after it ("director of X", "EF China ... Project Manager") become
positions; the first verb segment ("said", "hosted the summit") closes every open group and
gives their role. Later short references ("Mr. Clarence", "Zou Ji:") join the same person.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field, replace
from functools import lru_cache

from events.extraction.folding import fold_keeping_punctuation
from events.extraction.lexicon import (
    GAZETTEER,
    MONTH_NAMES,
    NOT_PERSON_HEADS,
    REGIONS,
    STATE_TITLES,
    TITLES,
    WEEKDAYS,
    strip_article,
)
from events.extraction.names import (
    has_honorific,
    is_chinese_surname,
    is_pinyin_word,
    name_key,
    name_tokens,
    parse_person_name_with_warnings,
    space_initials,
    strip_honorific,
)
from events.extraction.organizations import (
    ACRONYM_RE,
    CONNECTORS,
    NOT_ORG_WORDS,
    ORG_HEADS,
    UNIT_WORDS,
    OrganizationIndex,
    find_known_organization,
    head_word,
    infer_kind,
    looks_like_organization,
    register_with_parent,
    split_place_suffix,
    split_unit_and_parent,
)
from events.extraction.records import OrgKind, Participant, Position, Role, Span, Warning

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


@dataclass
class _Person:
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
class _Segment:
    text: str
    joined_by_and: bool = False


def find_participants(
    text: str,
    sentences: tuple[Span, ...],
    organizations: OrganizationIndex | None = None,
) -> tuple[Participant, ...]:
    """Everyone the report names in a capacity, in order of first mention.

    `organizations` is the report's index; organisations met in positions are added to it so
    every `Position.organization` is the full name of an indexed organisation.
    """
    index = organizations if organizations is not None else OrganizationIndex()
    people: list[_Person] = []
    units = merge_abbreviation_splits(text, sentences)
    for span in units:
        read_sentence(text, span, index, people)
    for span in units:
        find_references(text, span, people)
    apply_contexts(text, units, people)
    find_talks(text, units, people)
    return tuple(
        freeze_person(person)
        for person in people
        if (person.role or person.positions) and not person.recalled
    )


def merge_abbreviation_splits(text: str, sentences: tuple[Span, ...]) -> tuple[Span, ...]:
    """Join sentences split after "Mr." or "J." or "Co., Ltd." by a naive splitter."""
    merged: list[Span] = []
    for span in sentences:
        if merged:
            previous = merged[-1]
            tail = text[previous.start : previous.end].rstrip()
            gap = text[previous.end : span.start]
            next_text = text[span.start : span.end]
            if "\n" not in gap and (
                ABBREVIATION_END_RE.search(tail) or (next_text[:1].islower() and tail.endswith("."))
            ):
                merged[-1] = Span(previous.start, span.end)
                continue
        merged.append(span)
    return tuple(merged)


def read_sentence(text: str, span: Span, index: OrganizationIndex, people: list[_Person]) -> None:
    """Find people introduced with titles or a verb in one sentence and add them to `people`."""
    sentence = text[span.start : span.end]
    if " | " in sentence:
        read_table_row(text, span, index, people)
        return
    segments = split_segments(sentence)
    pending: list[tuple[_Person, list[_Segment]]] = []
    relative = ""
    leading: Position | None = None  # "Representing X, First Counsellor Y presented ..."
    for segment in segments:
        opening = open_person(segment.text, index)
        if opening:
            person = start_person(opening.name, span, people)
            if leading and not any(
                p.organization == leading.organization for p in person.positions
            ):
                person.positions.append(leading)
            leading = None
            speaks_for = SPEAKS_FOR_RE.match(opening.rest)
            if speaks_for and is_affiliation(speaks_for.group("org"), index):
                _add_affiliation(person, ("", speaks_for.group("org")), span, index)
            person.role = _stronger(person.role, opening.role)
            person.state_title = person.state_title or opening.state_title
            if opening.affiliation:
                _add_affiliation(person, opening.affiliation, span, index)
            pending.append((person, list(opening.titles)))
            if opening.rest:
                close_groups(pending, opening.rest, span, index)
                pending, relative = [], ""
            continue
        clause = affiliation_clause(segment.text, span, index)
        if clause:
            if pending:
                if not any(p.organization == clause.organization for p in pending[-1][0].positions):
                    pending[-1][0].positions.append(clause)
            elif AFFILIATION_CLAUSE_RE.match(segment.text.strip()):
                leading = clause
            continue
        if not pending:
            continue
        if (
            is_title_segment(segment.text, index)
            or is_org_segment(segment.text, index)
            or is_company_appositive(segment.text)
        ):
            pending[-1][1].append(segment)
        elif RELATIVE_CLAUSE_RE.match(segment.text):
            # "X, who joined the ceremony as a guest, noted ...": the main verb comes later.
            relative = relative or segment.text
        elif starts_predicate(segment.text):
            close_groups(pending, segment.text, span, index)
            pending, relative = [], ""
        elif _title_before_colon(segment.text, index):
            # A transcript turn: "Xu Hua, Vice President, China Southern Power Grid: We ..."
            head, _, tail = segment.text.partition(":")
            pending[-1][1].append(_Segment(head))
            close_groups(pending, f":{tail}", span, index)
            pending, relative = [], ""
    if pending:
        close_groups(pending, relative, span, index)


def affiliation_clause(segment: str, span: Span, index: OrganizationIndex) -> Position | None:
    """A clause that gives a person's body: "representing UNDP China", "with the Hainan Research
    Academy", "who heads the Blue Carbon Research Center at Hainan University"."""
    text = segment.strip()
    clause = AFFILIATION_CLAUSE_RE.match(text)
    if clause and is_affiliation(clause.group("org"), index):
        organization = resolve_organization(clause.group("org"), span, index, None)[1]
        if organization is None:
            organization = index.register(strip_article(clause.group("org")), span)
        return Position(title="", organization=organization, evidence=span)
    leads = LEADS_RE.match(text)
    if leads:
        title = LEADS_TITLES[leads.group("verb").lower()]
        what = re.sub(r"^(?:the|its|their)\s+", "", leads.group("what"))
        title, organization = parse_position(f"{title} of {what}", span, index)
        if organization:
            return Position(title=title, organization=organization, evidence=span)
        brand = re.search(
            r"\s(?:at|of)\s+(?:the\s+)?(?P<org>[A-Z][\w&.\-]*(?:\s+[A-Z][\w&.\-]*)*)$", what
        )
        if brand and is_affiliation(brand.group("org"), index):
            return Position(
                title=title.split(" at ")[0],
                organization=index.register(brand.group("org"), span),
                evidence=span,
            )
    return None


def _title_before_colon(segment: str, index: OrganizationIndex) -> bool:
    head, colon, tail = segment.partition(":")
    return bool(colon and head.strip() and tail.strip()) and (
        is_title_segment(head, index) or is_org_segment(head, index)
    )


def read_table_row(text: str, span: Span, index: OrganizationIndex, people: list[_Person]) -> None:
    """A programme table flattened to text: "09:20 | Opening address | Yu Xingguang, Director".

    Each cell is read on its own; a session cell ("Keynote: ...", "Panel") gives the role of the
    people named in the cells after it.
    """
    role: Role | None = None
    for cell in re.finditer(r"[^|]+", text[span.start : span.end]):
        stripped = cell.group(0).strip()
        if not stripped:
            continue
        start = span.start + cell.start() + cell.group(0).index(stripped)
        before = len(people)
        known = {id(p) for p in people}
        read_sentence(text, Span(start, start + len(stripped)), index, people)
        for person in people[before:] if role else ():
            if id(person) not in known:
                person.role = _stronger(person.role, role)
        if KEYNOTE_RE.match(stripped):
            role = _stronger(role, Role.KEYNOTE)
        elif PANEL_RE.match(stripped):
            role = _stronger(role, Role.PANELIST)


@dataclass
class _Opening:
    """How a segment introduces a person: the name, its titles, and the verb after it."""

    name: str
    rest: str = ""
    titles: tuple[_Segment, ...] = ()
    affiliation: tuple[str, str] | None = None  # (title, organisation) from "X from Tencent"
    role: Role | None = None
    state_title: bool = False


def open_person(segment: str, index: OrganizationIndex) -> _Opening | None:
    """Read a segment that introduces a person, in any of the shapes reports use.

    "Liu Qiang said", "moderated by Chen Wei from CCID", "Li Ming (Secretary-General, X)",
    "Vice Minister of Commerce Sheng Qiuping said", "Sinopec's chief economist Wang Lei noted".
    """
    name, rest = split_leading_name(segment, index)
    if name:
        opening = read_after_name(name, rest, index)
        if opening:
            return opening
    for cue in reversed(list(CUE_RE.finditer(segment))):
        after = segment[cue.end() :]
        name, rest = split_leading_name(after, index)
        opening = (read_after_name(name, rest, index) if name else None) or read_titled_name(
            after, index
        )
        if opening:
            opening.role = _stronger(opening.role, role_from_cue(segment[: cue.end()]))
            return opening
    possessive = POSSESSIVE_NAME_RE.match(segment.strip())
    if possessive and is_affiliation(possessive.group("org"), index):
        name, rest = split_leading_name(possessive.group("tail"), index)
        if name and (not rest or starts_predicate(rest)):
            return _Opening(name, rest, affiliation=("", possessive.group("org")))
    return read_titled_name(segment, index)


def read_after_name(name: str, rest: str, index: OrganizationIndex) -> _Opening | None:
    """What follows a name: nothing, a verb, "(title, organisation)" or "from/of organisation"."""
    affiliation = AFFILIATION_RE.match(rest)
    if affiliation and is_affiliation(affiliation.group("org"), index):
        after = affiliation.group("rest").strip(" .,;")
        if after and not starts_predicate(after):
            return None
        title = "professor" if re.match(r"Prof(?:essor)?\b", name) else ""
        return _Opening(name, after, affiliation=(title, affiliation.group("org")))
    dash = DASH_AFFILIATION_RE.match(rest)
    if dash and is_affiliation(dash.group("org"), index):
        after = (dash.group("rest") or "").strip(" .,;")
        if not after or starts_predicate(after):
            return _Opening(name, after, affiliation=("", dash.group("org")))
    bracket = BRACKETED_TITLE_RE.match(rest)
    if (
        bracket
        and "," not in bracket.group("title")
        and not is_title_segment(bracket.group("title"), index)
        and is_affiliation(bracket.group("title"), index)
    ):
        # "Xiaoqiang Zhang (NEA) described ...", "Ma Jun (IPE)"
        after = bracket.group("rest").strip(" .,;")
        if not after or starts_predicate(after):
            return _Opening(name, after, affiliation=("", bracket.group("title")))
    if bracket and is_title_segment(bracket.group("title").split(",")[0], index):
        after = bracket.group("rest").strip()
        if after and not starts_predicate(after):
            return None
        return _Opening(name, after, titles=(_Segment(_bracketed_title(bracket.group("title"))),))
    if not rest or starts_predicate(rest):
        return _Opening(name, rest)
    return None


def _bracketed_title(inside: str) -> str:
    """ "Secretary-General, China Electronics ... Association" -> "Secretary-General of China ..."."""
    title, _, organization = inside.partition(",")
    if organization.strip():
        return f"{title.strip()} of {organization.strip()}"
    return title.strip()


def is_affiliation(written: str, index: OrganizationIndex) -> bool:
    """A body after "from"/"of"/"at" a name: an organisation, or a one-word brand ("Tencent")."""
    stripped = strip_article(ACRONYM_PAREN_RE.sub("", written))
    return looks_like_organization(stripped, index) or is_brand_word(stripped)


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


def _add_affiliation(
    person: _Person, affiliation: tuple[str, str], span: Span, index: OrganizationIndex
) -> None:
    title, written = affiliation
    organization = resolve_organization(written, span, index, None)[1]
    if organization is None:
        organization = index.register(strip_article(written), span)
    if not any(p.organization == organization for p in person.positions):
        person.positions.append(Position(title=title, organization=organization, evidence=span))


def read_titled_name(segment: str, index: OrganizationIndex) -> _Opening | None:
    """A title written before the name.

    "Vice-Minister of Ecology and Environment Zhao Yingmin delivered the opening address" ->
    title "Vice-Minister of Ecology and Environment", name "Zhao Yingmin"; also
    "UNDP Administrator Achim Steiner said", "Sinopec's chief economist Wang Lei noted".
    """
    text = segment.strip()
    for filler in LEADING_FILLERS:
        if text.lower().startswith(filler):
            text = text[len(filler) :].lstrip()
    words = list(re.finditer(r"\S+", text))
    end = len(words)
    for i, match in enumerate(words):
        word = match.group(0)
        if word[0].islower() and word not in CONNECTORS and not is_title_word(word):
            end = i
            break
    lead = [w.group(0) for w in words[:end]]
    size = 3 if len(lead) >= 3 and re.fullmatch(r"[A-Z]\.", lead[-2]) else 2
    if len(lead) <= size:
        return None
    name_words, title_words = lead[-size:], lead[:-size]
    name = " ".join(name_words).rstrip(".,")
    if split_leading_name(name, index)[0] != name or title_words[-1].lower() in CONNECTORS:
        return None
    if not (is_title_word(title_words[-1]) or _looks_chinese_name(name_words)):
        return None  # "vice president of Ping An Asset Management" ends in a body, not a person
    if not any(is_title_word(re.sub(r"['’]s$", "", w)) for w in title_words):
        return None
    rest = text[words[end].start() :] if end < len(words) else ""
    if rest and not starts_predicate(rest):
        return None
    title = owner_title(" ".join(title_words), index)
    return _Opening(
        name,
        rest,
        titles=(_Segment(title),),
        state_title=title.lower() in STATE_TITLES,
    )


def _looks_chinese_name(words: list[str]) -> bool:
    """ "Li Guoying", "ZHOU Dadi": a Chinese surname, then pinyin."""
    return len(words) == 2 and is_chinese_surname(words[0]) and is_pinyin_word(words[1].strip(".,"))


def owner_title(title: str, index: OrganizationIndex) -> str:
    """Put the organisation after the title: "Sinopec's chief economist" -> "chief economist of
    Sinopec"; "UNDP Administrator" -> "Administrator of UNDP"; "Tianjin's vice-mayor" -> "vice-mayor
    of Tianjin". Titles already shaped "X of Y" are kept."""
    possessive = re.match(r"(?P<owner>.+?)['’]s\s+(?P<title>.+)$", title)
    if possessive:
        return f"{possessive.group('title')} of {possessive.group('owner')}"
    words = title.split()
    first_title = next((i for i, w in enumerate(words) if is_title_word(w)), 0)
    for size in range(first_title, 0, -1):
        owner = " ".join(words[:size])
        if (
            index.resolve(owner, loose=False)
            or find_known_organization(owner)
            or re.fullmatch(r"[A-Z][A-Z0-9\-]+", owner)
        ):
            return f"{' '.join(words[size:])} of {owner}"
    return title


CUE_RE = re.compile(
    r"""
    \b(?:(?:moderated|hosted|chaired|presided\s+over)\s+by       # "moderated by Tang Rui"
        |(?:given|delivered|made|signed|witnessed|presented)\s+by  # "remarks were given by"
        |(?:remarks|speech(?:es)?|address|presentations?|talks?)\s+by  # "opening remarks by"
        |(?:present|speaking|attending|participating)\s+were     # "Also present were"
        |(?:[Pp]anell?ists?|[Ss]peakers?|[Pp]articipants|[Gg]uests)  # "Panelists in the
            \s+(?:in|at|of|for|on|from)\s+[^,;:]{1,50}?(?=\s+(?:were|included))  # afternoon were"
        |panell?ists?|speakers?|included|including|featured|featuring  # "panelists Sun Qiang"
        |keynote\s+speakers?
        |said|says|noted|added|[Aa]ccording\s+to)                # '"...," said Ma Jun'
    \s+(?:were\s+|was\s+|included\s+|including\s+)?
    (?=[A-Z])                                                    # a name or title follows
    |\b(?:[Mm]oderators?|[Cc]hair(?:ed)?|[Ss]peakers?|[Pp]anell?ists?|[Hh]osts?)\s*:\s*  # "Moderator:"
    (?=[A-Z])
    """,
    re.VERBOSE,
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
    rf"""^(?:(?:also|later|then)\s+)?(?:\w+\s+)?(?:representing|on\s+behalf\s+of)\s+(?:the\s+)?
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


def role_from_cue(before: str) -> Role | None:
    """The role the words before a name give: "The panel, moderated by" -> moderator."""
    lowered = before.lower()
    if re.search(r"\b(?:moderated|hosted|chaired|presided\s+over)\s+by\s*$", lowered):
        return Role.MODERATOR
    if re.search(r"\b(?:moderators?|chair|hosts?)\s*:\s*$", lowered):
        return Role.MODERATOR
    if re.search(r"\bpanel", lowered):
        return Role.PANELIST
    if re.search(r"\bkeynote", lowered):
        return Role.KEYNOTE
    return None


def _stronger(current: Role | None, new: Role | None) -> Role | None:
    if new is None or (current is not None and ROLE_RANK[current] >= ROLE_RANK[new]):
        return current
    return new


def split_segments(sentence: str) -> list[_Segment]:
    """Split at commas, semicolons and "and" before a title or name; "Co., Ltd." stays whole.

    "A, director of X and former Vice Minister of Y, said" -> A | director of X |
    former Vice Minister of Y | said
    """
    protected = re.sub(r"Co\.,\s*Ltd", "Co.\x00 Ltd", sentence)
    parts: list[str] = []
    depth, quote, current = 0, False, []
    for char in protected:
        if char in "(":
            depth += 1
        elif char in ")":
            depth = max(0, depth - 1)
        elif char in '“”"':
            quote = not quote if char == '"' else char == "“"
        if char in ",;" and depth == 0 and not quote:
            parts.append("".join(current))
            current = []
        else:
            current.append(char)
    parts.append("".join(current))
    segments: list[_Segment] = []
    for part in parts:
        segments.extend(split_at_and(part.replace("\x00", ",").strip()))
    return [s for s in segments if s.text]


def split_at_and(part: str) -> list[_Segment]:
    """Split "director of X and former Vice Minister of Y" before the second title."""
    pieces = [_Segment(part)]
    for match in reversed(list(re.finditer(r"\s+and\s+", part))):
        remainder = part[match.end() :]
        head = pieces[0].text[: match.start()]
        if head and (title_phrase_leads(remainder) or _names_joined(head, remainder)):
            tail = pieces[0].text[match.end() :]
            pieces = [_Segment(head), _Segment(tail, joined_by_and=True), *pieces[1:]]
    return pieces


def _names_joined(head: str, remainder: str) -> bool:
    """ "Mr. Zhang and Ms. Li" or "director and Li Wei": never "Environment and Natural Resources"."""
    if not is_bare_name(remainder):
        return False
    last = head.split()[-1] if head.split() else ""
    # "Deputy Mayor of Hangzhou Chen Weiqiang and Yin Yu": a title-led name, then another.
    return is_bare_name(head) or last[:1].islower() or _looks_chinese_name(head.split()[-2:])


def title_phrase_leads(text: str) -> bool:
    """True when `text` opens with a title: "former Vice Minister of ...", "Senior Partner of"."""
    words = re.split(r"\s+(?:of|at|for|in|with|under)\s+|,", text.strip(), maxsplit=1)[0].split()
    first_title = next((i for i, w in enumerate(words) if is_title_word(w)), None)
    if first_title is None or len(words) > 6:
        return False
    # "technology and honorary dean of ICCSD" ends a portfolio; it does not open a title
    return "and" not in [w.lower() for w in words[:first_title]]


def is_title_word(word: str) -> bool:
    cleaned = word.lower().strip(",.:;()")
    return cleaned in TITLE_WORDS or any(p in TITLE_WORDS for p in cleaned.split("-") if p != "")


def split_leading_name(segment: str, index: OrganizationIndex) -> tuple[str | None, str]:
    """ "Mr. Yanhua LIU" -> ("Mr. Yanhua LIU", ""); "Zou Ji: First, ..." -> ("Zou Ji", ": First")."""
    text = segment.strip()
    for filler in LEADING_FILLERS:
        if text.lower().startswith(filler):
            text = text[len(filler) :].lstrip()
    honorific = re.match(
        r"(?:(?:(?:Assoc(?:iate)?\.?\s+)?Prof(?:essor)?|Mr|Mrs|Ms|Miss|Dr|Academician|Sir)\.?\s+)+",
        text,
    )
    body_start = honorific.end() if honorific else 0
    taken: list[str] = []
    end = body_start
    # "A.Elkhereiji" is read as two tokens; the written form keeps the report's spelling.
    words = list(re.finditer(r"[A-Z]\.(?=[A-Z])|\S+", text[body_start:]))[:5]
    for i, match in enumerate(words):
        word = match.group(0)
        bare = re.sub(r"(?:['’]s|[:,.])$", "", word) if not re.fullmatch(r"[A-Z]\.", word) else word
        following = words[i + 1].group(0) if i + 1 < len(words) else ""
        if not (
            is_name_token(bare, index)
            or _is_surname_word(bare, taken, following)
            or _is_name_particle(bare, taken, following, index)
        ):
            break
        taken.append(bare)
        end = body_start + match.start() + len(bare)
        if bare != word:
            break
    while taken and (not _valid_name(taken, bool(honorific)) or _is_place_name(taken)):
        taken.pop()
        end = body_start + _end_of_tokens(text[body_start:], len(taken))
    if not taken:
        return None, segment
    return text[:end].strip(), text[end:].strip()


NAME_PARTICLES = frozenset({"van", "von", "der", "den", "de", "da", "di", "del", "le", "la", "bin"})


def _is_surname_word(word: str, taken: list[str], following: str) -> bool:
    """ "He Lin", "Hui He": a Chinese surname that is also an English word, inside a pinyin name."""
    if not (word[:1].isupper() and word[1:].islower() and is_chinese_surname(word)):
        return False
    if taken:
        return len(taken) == 1 and is_pinyin_word(taken[0]) and not following[:1].isupper()
    given = following.rstrip(",.:;")
    return (
        given[:1].isupper()
        and given[1:].islower()
        and is_pinyin_word(given)
        and not GAZETTEER.is_place(given)
        and not find_known_organization(given)
    )


def _is_name_particle(
    word: str, taken: list[str], following: str, index: OrganizationIndex
) -> bool:
    """ "Ingrid van den Berg", "Ursula von der Leyen": lowercase particles between names."""
    return (
        bool(taken)
        and word in NAME_PARTICLES
        and (following in NAME_PARTICLES or is_name_token(following.rstrip(",.:;"), index))
    )


def _is_place_name(tokens: list[str]) -> bool:
    """ "Saudi Arabia", or "Tianjin Greatmen ..." led by a city; "Mao Daqing" leads with a surname."""
    if GAZETTEER.is_place(" ".join(tokens)):
        return True
    if any(re.fullmatch(r"[A-Z]\.", t) for t in tokens):
        return False  # "Mary K. O'Connell": an initial makes a person, whatever "Mary" names
    if not (
        len(tokens[0]) > 3 and GAZETTEER.is_place(tokens[0]) and not is_chinese_surname(tokens[0])
    ):
        return False
    # "Florence Girard", "Sydney Chen": a foreign city's name is a first name when a
    # surname-like word follows; "Tianjin Greatmen" stays a Chinese city's company.

    city = GAZETTEER.city(tokens[0])
    surname_follows = len(tokens) >= 2 and not any(GAZETTEER.is_place(t) for t in tokens[1:])
    chinese_city = city is not None and city.country == "China"
    return chinese_city or not surname_follows or _has_non_person_head(tokens)


# Head words of organisations, events and campaigns: a phrase with one is no person's name
# ("Beat Plastic Pollution", "Ant Forest", "Sino-German Hydrogen Dialogue", "AmCham Shanghai").
NON_PERSON_HEADS = NOT_PERSON_HEADS


def _has_non_person_head(tokens: list[str]) -> bool:
    lowered = [t.lower().strip(",.;:") for t in tokens]
    return any(t in NON_PERSON_HEADS for t in lowered) or lowered[0].startswith("sino-")


def _end_of_tokens(text: str, count: int) -> int:
    tokens = list(re.finditer(r"[A-Z]\.(?=[A-Z])|[^\s:,]+", text))[:count]
    return tokens[-1].end() if tokens else 0


def _valid_name(tokens: list[str], honorific: bool) -> bool:
    if len(tokens) == 1:
        return honorific
    if _has_non_person_head(tokens):
        return False
    if len(tokens) > 4:
        return False
    if all(len(t) <= 2 for t in tokens):
        # "Li Na" is a name; "EU UN" is not.
        return is_chinese_surname(tokens[0]) and all(is_pinyin_word(t) for t in tokens[1:])
    return True


def is_name_token(word: str, index: OrganizationIndex) -> bool:
    """A capitalised word that can be part of a person's name: "Lalić", "J.", "LIU", "Clarence-Smith"."""
    if re.fullmatch(r"[A-Z]\.", word):
        return True
    if not word or not word[0].isupper() or not word.replace("-", "").replace("'", "").isalpha():
        return False
    if word.isupper() and len(word) > 1:
        return (
            is_chinese_surname(word)
            and not find_known_organization(word)
            and not index.resolve(word)
        )
    if word.lower() in NOT_NAME_WORDS or fold_keeping_punctuation(word) in NOT_NAME_WORDS:
        return False
    return not (find_known_organization(word) or GAZETTEER.country_of(word))


def is_bare_name(text: str) -> bool:
    name, rest = split_leading_name(text, OrganizationIndex())
    return bool(name) and (not rest or starts_predicate(rest))


def starts_predicate(text: str) -> bool:
    """True when `text` opens with a verb phrase: "pointed out: ...", "highly praised", ": First"."""
    stripped = text.strip()
    if stripped.startswith(":"):
        return True
    words = stripped.split()
    while words and words[0].lower() in ADVERBS | {"and"}:
        words = words[1:]
    if not words:
        return False
    first = words[0]
    if not first[0].islower() or first in ("a", "an", "the", "as") or is_title_word(first):
        return False
    return not title_phrase_leads(" ".join(words))


def is_title_segment(text: str, index: OrganizationIndex) -> bool:
    stripped = _strip_articles(text)
    if title_phrase_leads(stripped):
        return True
    prefix, rest = split_org_prefix(stripped, index)
    return bool(prefix) and title_phrase_leads(rest)


def is_org_segment(text: str, index: OrganizationIndex) -> bool:
    """A bare organisation or place that continues the title before it: ", China Remin University"."""
    stripped = strip_article(text)
    if not stripped or not stripped[0].isupper() or is_bare_name(stripped):
        return False
    return GAZETTEER.is_place(stripped) or looks_like_organization(stripped, index)


def is_company_appositive(text: str) -> bool:
    stripped = text.strip()
    return bool(re.match(r"(?:a|an)\s", stripped)) and bool(COMPANY_APPOSITIVE_RE.search(stripped))


def _strip_articles(text: str) -> str:
    stripped = text.strip()
    changed = True
    while changed:
        changed = False
        for article in ARTICLES:
            if stripped.lower().startswith(article):
                stripped = stripped[len(article) :].lstrip()
                changed = True
    return stripped


def start_person(written: str, span: Span, people: list[_Person]) -> _Person:
    """The person `written` refers to, created when new."""
    existing = match_person(written, people)
    if existing:
        add_form(existing, written)
        return existing
    person = _Person(written=written, forms=[], positions=[], evidence=span)
    person.keys.add(name_key(written))
    people.append(person)
    return person


def match_person(written: str, people: list[_Person]) -> _Person | None:
    """Same person when the name keys are equal, or a bare surname names exactly one person."""
    key = name_key(written)
    for person in people:
        if key in person.keys:
            return person
    tokens = name_tokens(written)
    if len(tokens) == 1:
        hits = [p for p in people if tokens[0] in _family_parts(p)]
        if len(hits) == 1:
            return hits[0]
    return None


def _family_parts(person: _Person) -> set[str]:
    name, _ = parse_person_name_with_warnings(person.written)
    return set(name_tokens(name.family))


def add_form(person: _Person, written: str) -> None:
    """Keep a new written form; honorifics are dropped unless the form is a bare surname."""
    form = space_initials(strip_honorific(written))
    if len(form.split()) == 1 and has_honorific(written):
        form = written.strip()
    if form != person.written and form not in person.forms and written.strip() != person.written:
        person.forms.append(form)
    person.keys.add(name_key(written))


def close_groups(
    pending: list[tuple[_Person, list[_Segment]]],
    predicate: str,
    span: Span,
    index: OrganizationIndex,
) -> None:
    """Give every open person their positions and the role the closing verb implies."""
    role = role_from_predicate(predicate)
    for person, segments in pending:
        if person.role is None and not person.positions and is_recalled(person, predicate):
            person.recalled = True
        positions = read_positions(segments, span, index)
        if not positions and not predicate and not person.positions:
            continue
        for position in positions:
            if not any(
                p.organization == position.organization
                and (position.organization or p.title == position.title)
                for p in person.positions
            ):
                person.positions.append(position)
        if role and (person.role is None or ROLE_RANK[role] > ROLE_RANK[person.role]):
            person.role = role
        if person.role is None:
            person.role = Role.SPEAKER if (positions or predicate) else None
        if ONLINE_RE.search(predicate):
            person.online = True


def is_recalled(person: _Person, predicate: str) -> bool:
    """Mentioned, not taking part: "had earlier urged ...", "President Xi proposed ... in 2013".

    A state leader named by title alone counts only when the verb puts them at an event.
    """
    if RECALLED_RE.match(predicate):
        return True
    return person.state_title and not AT_EVENT_RE.search(predicate)


RECALLED_RE = re.compile(
    r"""
    ^\s*(?:had|has|have)\s+                    # the past before the event: "had called for"
    (?:(?:earlier|also|already|long|once|repeatedly|\w+ly)\s+)?   # "had earlier urged"
    \w+(?:ed|en|wn|ught|id)\b                  # "urged", "stressed", "proposed", "said"
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


def role_from_predicate(predicate: str) -> Role | None:
    """ "hosted the summit" -> moderator; "attended the meeting" -> attendee; "said" -> speaker."""
    if not predicate:
        return None
    if MODERATOR_RE.search(predicate[:80]):
        return Role.MODERATOR
    lowered = predicate.lower()
    if ATTEND_RE.search(lowered) and not any(re.search(rf"\b{w}\b", lowered) for w in SPEECH_WORDS):
        return Role.ATTENDEE
    return Role.SPEAKER


def read_positions(
    segments: list[_Segment], span: Span, index: OrganizationIndex
) -> list[Position]:
    """Turn a person's title segments into positions, attaching bare organisations and places."""
    merged: list[_Segment] = []
    company_hint = False
    for segment in segments:
        if is_company_appositive(segment.text):
            company_hint = True
            continue
        if merged and not is_title_segment(segment.text, index):
            merged[-1] = _Segment(f"{merged[-1].text}, {segment.text}", merged[-1].joined_by_and)
            continue
        merged.append(segment)
    positions: list[Position] = []
    for i, segment in enumerate(merged):
        forced = company_hint and i == len(merged) - 1
        title, organization = parse_position(segment.text, span, index, brand=forced)
        if not title:
            continue
        positions.append(Position(title=title, organization=organization, evidence=span))
        if company_hint and organization and i == len(merged) - 1:
            index.register(organization, span, kind=OrgKind.COMPANY)
    return share_organizations(positions, merged)


def share_organizations(positions: list[Position], segments: list[_Segment]) -> list[Position]:
    """ "Chairman and CEO of X": the bare title before "and" shares the next organisation."""
    result = list(positions)
    for i in range(len(result) - 1):
        if (
            result[i].organization is None
            and i + 1 < len(segments)
            and segments[i + 1].joined_by_and
            and result[i + 1].organization
        ):
            result[i + 1] = replace(
                result[i + 1], title=f"{result[i].title} and {result[i + 1].title}"
            )
            result[i] = None  # type: ignore[call-overload]
    return [p for p in result if p is not None]


def parse_position(
    text: str, span: Span, index: OrganizationIndex, *, brand: bool = False
) -> tuple[str, str | None]:
    """Split one title segment into (title, organisation full name or None).

    "sustainable development director of WB in China and Mongolia" ->
    ("sustainable development director in China and Mongolia", "World Bank")
    """
    stripped = _strip_articles(text).rstrip(" .")
    # "Senior Fellow at the World Resources Institute (WRI) China": the acronym was indexed
    # when the organisations were read; inside a title it only splits the name.
    stripped = INNER_ACRONYM_RE.sub("", stripped)
    board = split_board_title(stripped)
    if board:
        title, organization_text = board
        if organization_text is None:
            return _tidy_title(title), None
        return _tidy_title(title), resolve_organization(organization_text, span, index, None)[1]
    prefix, rest = split_org_prefix(stripped, index)
    if prefix and title_phrase_leads(rest):
        return _tidy_title(rest), register_with_parent(index, prefix, span)
    title, organization_text = split_title_and_org(stripped, index)
    if organization_text is None:
        title, organization_text = split_title_and_brand(stripped, single_word=brand)
    if organization_text is None:
        title, organization_text = split_title_at_comma(stripped, index)
    if organization_text is None:
        government = infer_city_government(title, index)
        if government:
            return _tidy_title(title), index.register(government, span, kind=OrgKind.GOVERNMENT)
        ministry = infer_ministry(title)
        if ministry:
            return _tidy_title(ministry[0]), index.register(
                ministry[1], span, kind=OrgKind.GOVERNMENT
            )
        return _title_with_inner_organization(title, span, index)
    organization_text, qualifier, country = split_place_suffix(organization_text)
    unit_title, organization = resolve_organization(organization_text, span, index, country)
    if unit_title:
        title = f"{title} of {unit_title}"
    if (
        qualifier
        and qualifier.startswith("in ")
        and _qualifies_title(qualifier, organization, index)
    ):
        title = f"{title} {qualifier}"
    return _tidy_title(title), organization


# "head of sustainable finance at HSBC": a bare acronym brand after at/with/of.
BARE_ACRONYM_RE = re.compile(
    r"^(?P<title>.+?)\s+(?:at|with|of|from)\s+(?:the\s+)?(?P<org>[A-Z]{2,6})$"
)
# "professor at Fudan University's School of Management": a unit of its parent.
UNIT_OF_PARENT_RE = re.compile(
    r"""^(?P<title>.+?)\s+(?:at|with|of|from)\s+(?:the\s+)?
    (?P<parent>[A-Z][\w-]*(?:\s+(?:of\s+|and\s+)?[A-Z][\w-]*)*)['’]s\s+
    (?P<unit>(?:School|College|Faculty|Department|Institute|Center|Centre|Academy)\s+(?:of|for)\s+
       [A-Z][\w-]*(?:\s+(?:and\s+)?[A-Z][\w-]*)*)$""",
    re.VERBOSE,
)


def _title_with_inner_organization(
    title: str, span: Span, index: OrganizationIndex
) -> tuple[str, str | None]:
    """The organisation a title still holds when no other rule found one: "UN Resident
    Coordinator in China" -> United Nations; "head of finance at HSBC" -> HSBC; "professor at
    Fudan University's School of Management" -> the school, written with its parent."""
    unit = UNIT_OF_PARENT_RE.match(title)
    if unit:
        parent = register_with_parent(index, unit.group("parent"), span)
        name = f"{unit.group('unit')}, {parent or unit.group('parent')}"
        return _tidy_title(unit.group("title")), index.register(name, span, parent=parent)
    bare = BARE_ACRONYM_RE.match(title)
    if bare and not GAZETTEER.is_place(bare.group("org")):
        acronym = bare.group("org")
        known = index.resolve(acronym) or find_known_organization(acronym)
        name = known if isinstance(known, str) else getattr(known, "name", None) or acronym
        return _tidy_title(bare.group("title")), index.register(name, span)
    if re.match(r"^(?:UN|U\.N\.)\s+[A-Z]", title):
        name = index.resolve("United Nations") or "United Nations"
        return _tidy_title(title), index.register(name, span, kind=OrgKind.INTERGOVERNMENTAL)
    return _tidy_title(title), None


def split_title_at_comma(text: str, index: OrganizationIndex) -> tuple[str, str | None]:
    """ "CEO and President, Energy Foundation China" -> ("CEO and President", "Energy ...").

    Speaker lists and programmes write "Name, Title, Organization"; the first comma after
    which a body follows ends the title.
    """
    for comma in re.finditer(r",\s*", text):
        left, right = text[: comma.start()], text[comma.end() :].strip(" .")
        if not title_phrase_leads(left):
            continue
        if looks_like_organization(right, index) or is_brand_word(right):
            return left, right
    return text, None


BOARD_RE = re.compile(
    r"""
    ^(?P<title>.*?\b(?:chair(?:man|woman|person)?|director|member|secretary)  # "Chairman"
    \s+of\s+the\s+board(?:\s+of\s+(?:directors|supervisors))?)             # "of the Board"
    (?:\s+of\s+(?:the\s+)?(?P<org>.+))?$                                    # "of GCL ..."
    """,
    re.VERBOSE | re.IGNORECASE,
)


def split_board_title(text: str) -> tuple[str, str | None] | None:
    """ "Chairman of the Board of GCL Technology" -> ("Chairman of the Board", "GCL Technology");
    the board is part of the title, never the organisation."""
    match = BOARD_RE.match(text)
    if not match:
        return None
    return match.group("title"), match.group("org")


def _qualifies_title(qualifier: str, organization: str | None, index: OrganizationIndex) -> bool:
    """ "representative of UNIDO in China": the region is the post's; "AIT in Thailand" is where AIT is."""
    first_place = re.split(r",\s*|\s+and\s+", qualifier[3:])[0]
    if not GAZETTEER.country_of(first_place) and first_place.lower() not in REGIONS:
        return False
    kind = next((o.kind for o in index.mentions() if o.name == organization), None)
    return kind in (OrgKind.INTERGOVERNMENTAL, OrgKind.NGO, OrgKind.COMPANY)


def split_org_prefix(text: str, index: OrganizationIndex) -> tuple[str | None, str]:
    """ "EF China Low-Carbon City Project Manager" -> ("EF China", "Low-Carbon City Project Manager").

    Only exact names and acronyms count as a prefix; "UN" before "Climate Talks" does not,
    because a lexicon-only acronym must be one the report itself uses as an organisation.
    """
    words = text.split()
    for size in range(min(len(words), 8), 0, -1):
        prefix = " ".join(words[:size])
        if index.resolve(prefix, loose=False) and not GAZETTEER.is_place(prefix):
            return prefix, " ".join(words[size:])
    return None, text


def split_title_and_org(text: str, index: OrganizationIndex) -> tuple[str, str | None]:
    """Find where the title ends: at " at ", or at the first " of/for/with " whose right side is
    a body; a portfolio before the body stays in the title ("Secretary for the Environment")."""
    title, organization = _split_title_and_org(text, index)
    if organization is None:
        return title, organization
    portfolio = PORTFOLIO_RE.match(organization)
    if (
        portfolio
        and portfolio.group("what").split()[-1].lower() not in ORG_HEADS | UNIT_WORDS | PLACE_NOUNS
        and not index.resolve(portfolio.group("what"), loose=False)
        and looks_like_organization(portfolio.group("body"), index)
    ):
        joint = organization[: portfolio.start("body")].rstrip()
        joint = re.sub(r"(?:,|\s+of(?:\s+the)?)$", "", joint)
        return f"{title}{text[len(title) : len(text) - len(organization)]}{joint}", portfolio.group(
            "body"
        )
    return title, organization


# "City of London Corporation", "State of California": a body named for a place, no portfolio.
PLACE_NOUNS = frozenset({"city", "state", "province", "county", "district", "region", "town"})

PORTFOLIO_RE = re.compile(
    r"""
    ^(?P<what>[A-Z][\w\-]*(?:\s+(?:and|&)\s+[A-Z][\w\-]*)?)  # "Environment", "Mobility and Transport"
    (?:\s+of\s+(?:the\s+)?|,\s+)                            # " of the " or ", "
    (?P<body>[A-Z].+)$                                      # "Hong Kong SAR Government"
    """,
    re.VERBOSE,
)


def _split_title_and_org(text: str, index: OrganizationIndex) -> tuple[str, str | None]:
    for match in re.finditer(r"\s+(?:of|for|with)\s+(?:the\s+)?", text):
        left, right = text[: match.start()], text[match.end() :]
        if (
            is_title_word(left.split()[-1])
            and not _inside_named_body(left)
            and (looks_like_organization(right, index) or _org_then_place(right, index))
            and not re.search(r"\s+at\s+(?:the\s+)?[A-Z]", right)
        ):
            return left, right
        break
    at = re.search(r"\s+at\s+(?:the\s+)?", text)
    if at and looks_like_organization(text[at.end() :].split(",")[0], index):
        return text[: at.start()], text[at.end() :]
    for match in re.finditer(r"\s+(?:of|for|with|from|under)\s+(?:the\s+)?", text):
        right = text[match.end() :]
        if _inside_named_body(text[: match.start()]):
            continue
        if looks_like_organization(right, index) or _org_then_place(right, index):
            return text[: match.start()], right
    return text, None


def _inside_named_body(left: str) -> bool:
    """ "Deputy Director, Fujian Provincial Department" + "of Natural Resources": the "of" is
    inside the body's name, whose head noun closes the comma's clause."""
    if "," not in left:
        return False
    clause = left.rsplit(",", 1)[1].split()
    return len(clause) >= 2 and clause[0][:1].isupper() and clause[-1].lower() in ORG_HEADS


def split_title_and_brand(text: str, *, single_word: bool = False) -> tuple[str, str | None]:
    """ "head of sustainable finance of BNP Paribas" -> ("head of sustainable finance", "BNP Paribas").

    A brand without an organisation noun needs two capitalised words, or a company appositive
    after it ("president of Ucommune, a Chinese listed company").
    """
    match = re.search(
        r"\s+(?:of|at|with)\s+(?:the\s+)?(?P<brand>[A-Z][\w&.\-]*(?:\s+[A-Z][\w&.\-]*){0,4})$",
        text,
    )
    if not match or infer_ministry(text) or _inside_named_body(text[: match.start()]):
        return text, None
    brand = match.group("brand")
    words = brand.split()
    if GAZETTEER.is_place(brand) or any(w.lower() in NOT_ORG_WORDS for w in words):
        return text, None
    if len(words) < 2 and not single_word and not _brand_after_title(text[: match.start()], brand):
        return text, None
    if not is_title_word(text[: match.start()].split()[-1]) and not any(
        is_title_word(w) for w in text[: match.start()].split()
    ):
        return text, None
    return text[: match.start()], brand


def _brand_after_title(before: str, brand: str) -> bool:
    """ "CEO of Envision", "president of Ucommune": one word right after a title is a company."""
    words = before.split()
    return bool(words) and is_title_word(words[-1]) and is_brand_word(brand)


def _org_then_place(text: str, index: OrganizationIndex) -> bool:
    """ "WB in China and Mongolia", "ISC China", "the EF China low-carbon city project"."""
    name, qualifier, _ = split_place_suffix(text)
    if qualifier and looks_like_organization(name, index):
        return True
    prefix, rest = split_org_prefix(strip_article(text), index)
    return bool(prefix) and (
        not rest or GAZETTEER.is_place(rest) or rest[:1].islower() or _is_unit_phrase(rest)
    )


def _is_unit_phrase(text: str) -> bool:
    return head_word(text) in UNIT_WORDS


def resolve_organization(
    text: str, span: Span, index: OrganizationIndex, country: str | None
) -> tuple[str | None, str | None]:
    """(unit words for the title, full organisation name) for the organisation part of a title."""
    text = strip_article(
        ACRONYM_PAREN_RE.sub(
            lambda m: "" if not GAZETTEER.is_place(m.group(1)) else m.group(0), text
        )
    )
    owned = re.match(r"^(?P<owner>[A-Z][^'’]*?)['’]s\s+(?P<unit>[A-Z].*)$", text)
    if owned and not GAZETTEER.is_place(owned.group("owner")):
        owner = index.resolve(owned.group("owner")) or index.resolve_by_word(owned.group("owner"))
        if owner:
            return owned.group("unit"), owner  # "the Chamber's Energy Working Group"
    under = re.match(r"(?P<name>.+?)\s+under\s+(?:the\s+)?(?P<parent>.+)$", text)
    if under and looks_like_organization(under.group("parent"), index):
        parent = register_with_parent(index, under.group("parent"), span)
        return None, index.register(under.group("name"), span, parent=parent)
    unit, parent = split_unit_and_parent(text, index)
    if parent and unit != text:
        name = register_with_parent(index, text, span, country=country)
        unit_words = strip_article(unit).split()
        is_title_unit = name == index.resolve(parent) or (
            name is not None and name != text and infer_kind(unit) != OrgKind.NGO
        )
        if is_title_unit and unit_words:
            return unit, name
        return None, name
    prefix, rest = split_org_prefix(text, index)
    if prefix and rest and not index.resolve(text, loose=False):
        organization = index.register(prefix, span)
        if GAZETTEER.is_place(rest):
            if organization_is_acronym(prefix, index):
                return None, organization
            return None, index.register(
                text, span, kind=infer_kind(prefix), country=GAZETTEER.country_of(rest)
            )
        if rest[:1].islower() or _is_unit_phrase(rest):
            return rest, organization
    if not looks_like_organization(text, index) and not text[:1].isupper():
        return None, None
    return None, register_with_parent(index, text, span, country=country)


def organization_is_acronym(written: str, index: OrganizationIndex) -> bool:
    known = find_known_organization(written)
    return (
        bool(ACRONYM_RE.match(written))
        and written.isupper()
        or bool(known and known.acronym == written)
    )


ACRONYM_PAREN_RE = re.compile(r"\s*\(([A-Z][A-Za-z\-]{1,12}(?:\s[A-Z][a-z]+)?)\)")
# An acronym in brackets with more of the name after it: "(WRI) China"; "(Agriculture)" is a word.
INNER_ACRONYM_RE = re.compile(r"\s*\((?:[a-z]?[A-Z]{2,}[a-z]?)\)(?=\s+[A-Z])")

MINISTER_RE = re.compile(
    r"""
    ^(?P<title>.*?\b(?i:minister))      # "former Vice Minister", "vice minister"
    \s+of\s+(?:the\s+)?
    (?P<domain>.+?)                      # "Science and Technology"
    (?:\s+of\s+(?P<country>(?:the\s+)?[A-Z][\w.'’ ]+))?$   # "of the P.R.C." / "of China"
    """,
    re.VERBOSE,
)


def infer_ministry(title: str) -> tuple[str, str] | None:
    """ "former Vice Minister of Science and Technology of the P.R.C." ->
    ("former Vice Minister of Science and Technology", "Ministry of Science and Technology")."""
    match = MINISTER_RE.match(title.strip())
    if not match:
        return None
    domain = match.group("domain")
    country = match.group("country")
    if domain.islower():
        # "vice minister of ecology and environment": the portfolio names the ministry
        if not re.fullmatch(r"[a-z]+(?:\s+(?:and\s+)?[a-z]+){0,4}", domain):
            return None
        domain_name = " ".join(w if w == "and" else w.capitalize() for w in domain.split())
        return f"{match.group('title')} of {domain}", f"Ministry of {domain_name}"
    ministry = f"Ministry of {domain}"
    if country and GAZETTEER.country_of(country) and GAZETTEER.country_of(country) != "China":
        ministry = f"{ministry} of {strip_article(country)}"
    return f"{match.group('title')} of {domain}", ministry


MAYOR_RE = re.compile(
    r"""
    \b(?:vice[\s-]|deputy\s|executive\s+vice[\s-])?mayor   # "vice-mayor", "Mayor"
    \s+of\s+(?P<city>[A-Z][\w'’\-]+(?:\s+[A-Z][\w'’\-]+)?)$  # "of Tianjin"
    """,
    re.VERBOSE | re.IGNORECASE,
)


GOVERNOR_RE = re.compile(
    r"""
    \b(?:vice[\s-]|deputy\s|executive\s+vice[\s-])?governor      # "Vice Governor"
    \s+of\s+(?P<province>[A-Z][\w'’\-]+)(?:\s+[Pp]rovince)?$      # "of Zhejiang Province"
    """,
    re.VERBOSE | re.IGNORECASE,
)


def infer_city_government(title: str, index: OrganizationIndex | None = None) -> str | None:
    """ "vice-mayor of Tianjin" -> "Tianjin Municipal Government": a mayor's body is the city's
    government, which Chinese reports rarely spell out; "Governor of Zhejiang Province" ->
    "People's Government of Zhejiang Province". A government the report names wins."""
    mayor = MAYOR_RE.search(title.strip())
    governor = GOVERNOR_RE.search(title.strip())
    if mayor and GAZETTEER.is_place(mayor.group("city")):
        place, default = mayor.group("city"), f"{mayor.group('city')} Municipal Government"
    elif governor and GAZETTEER.is_place(governor.group("province")):
        place = governor.group("province")
        default = f"People's Government of {place} Province"
    else:
        return None
    for mention in index.mentions() if index is not None else ():
        if re.search(rf"\b{re.escape(place)}\b", mention.name) and re.search(
            r"\bGovernment\b", mention.name
        ):
            return mention.name
    return default


def _tidy_title(title: str) -> str:
    """Drop a doubled word ("Project Project Manager") and stray punctuation."""
    title = re.sub(r"\b(\w+)\s+\1\b", r"\1", title.strip(" ,;:."), flags=re.IGNORECASE)
    title = re.sub(r"^(?:as|a|an)\s+", "", title)
    return " ".join(title.split())


def find_references(text: str, span: Span, people: list[_Person]) -> None:
    """Record later ways a known person is written: "Just as Mr. Yanhua Liu said", "Mr. Clarence"."""
    sentence = text[span.start : span.end]
    pattern = re.compile(
        r"(?:(?:Mr|Mrs|Ms|Miss|Dr|Prof)\.?\s+)?[A-Z][\w’'\-.]*(?:\s+[A-Z][\w’'\-]*){0,3}"
    )
    for match in pattern.finditer(sentence):
        candidate = re.sub(r"(?:['’]s)$", "", match.group(0)).strip()
        for start in range(len(candidate.split())):
            words = candidate.split()[start:]
            for end in range(len(words), 0, -1):
                written = " ".join(words[:end])
                if len(words[:end]) == 1 and not has_honorific(written):
                    continue
                person = match_person(written, people)
                if person and (len(name_tokens(written)) > 1 or has_honorific(written)):
                    add_form(person, written)
                    break
            else:
                continue
            break


def apply_contexts(text: str, units: tuple[Span, ...], people: list[_Person]) -> None:
    """Keynote, panel and online contexts: a keynote session paragraph makes its speakers keynotes."""
    # Read once per report, not once per sentence: where paragraphs start, where each one's
    # first "keynote" ends, and which people each folded word may name.
    paragraph_starts = [0] + [m.end() for m in re.finditer("\n", text)]
    first_keynote: dict[int, int | None] = {}
    by_word: dict[str, set[int]] = {}
    for i, person in enumerate(people):
        for form in (person.written, *person.forms):
            tokens = name_tokens(form)
            # A name whose first token is no plain word is tried on every clause.
            key = tokens[0] if tokens and tokens[0].isalnum() else ""
            by_word.setdefault(key, set()).add(i)
    for span in units:
        sentence = text[span.start : span.end]
        paragraph_start = paragraph_starts[bisect_right(paragraph_starts, span.start) - 1]
        if paragraph_start not in first_keynote:
            paragraph_end = text.find("\n", paragraph_start)
            found = KEYNOTE_RE.search(
                text, paragraph_start, paragraph_end if paragraph_end >= 0 else len(text)
            )
            first_keynote[paragraph_start] = found.end() if found else None
        keynote_end = first_keynote[paragraph_start]
        keynote = KEYNOTE_RE.search(sentence) or (
            keynote_end is not None and keynote_end <= span.start
        )
        panel = PANEL_RE.search(sentence)
        for _, clause in _clauses(sentence):
            folded = fold_keeping_punctuation(space_initials(clause))
            words = frozenset(_WORD.findall(folded))
            named = sorted(set().union(by_word.get("", ()), *(by_word.get(w, ()) for w in words)))
            for person in (people[i] for i in named):
                if not _mentioned(folded, words, person):
                    continue
                if keynote and person.role in (None, Role.SPEAKER, Role.ATTENDEE, Role.PANELIST):
                    if _speaks(clause) or person.role is not None:
                        person.role = Role.KEYNOTE
                elif panel and person.role in (None, Role.SPEAKER, Role.ATTENDEE):
                    person.role = Role.PANELIST
                if ONLINE_RE.search(clause) and _speaks(clause):
                    person.online = True


def _speaks(clause: str) -> bool:
    lowered = clause.lower()
    return any(re.search(rf"\b{w}\b", lowered) for w in SPEECH_WORDS)


def _clauses(sentence: str) -> list[tuple[int, str]]:
    result, start = [], 0
    for match in re.finditer(r";", sentence):
        result.append((start, sentence[start : match.start()]))
        start = match.end()
    result.append((start, sentence[start:]))
    return result


_WORD = re.compile(r"\w+")


def _mentioned(folded: str, words: frozenset[str], person: _Person) -> bool:
    """True when the folded clause, whose words are `words`, writes one of the person's forms.

    Every clause meets every person, so the cheap test of words comes before the pattern.
    """
    for form in (person.written, *person.forms):
        tokens = name_tokens(form)
        if not tokens or not all(t in words or not t.isalnum() for t in tokens):
            continue
        if _form_pattern(form).search(folded):
            return True
    return False


@lru_cache(maxsize=4096)
def _form_pattern(form: str) -> re.Pattern[str] | None:
    """The folded words of a written name, as one pattern: every clause is matched against
    every person, so compiling it once per name keeps long reports linear."""
    tokens = name_tokens(form)
    return re.compile(r"\b" + r"\W+".join(map(re.escape, tokens)) + r"\b") if tokens else None


def find_talks(text: str, units: tuple[Span, ...], people: list[_Person]) -> None:
    """A quoted title after "titled"/"on the theme of" belongs to the nearest person before it."""
    for span in units:
        sentence = text[span.start : span.end]
        for match in TALK_RE.finditer(sentence):
            before = sentence[: match.start()]
            speaker = _last_mentioned(before, people)
            if speaker and speaker.talk_title is None:
                speaker.talk_title = tidy_talk_title(match.group("title"))
                speaker.talk_evidence = span


def _last_mentioned(before: str, people: list[_Person]) -> _Person | None:
    best, best_at = None, -1
    folded = fold_keeping_punctuation(space_initials(before))
    for person in people:
        for form in (person.written, *person.forms):
            pattern = _form_pattern(form)
            if pattern is None:
                continue
            for hit in pattern.finditer(folded):
                if hit.start() > best_at:
                    best, best_at = person, hit.start()
    return best


def tidy_talk_title(raw: str) -> str:
    """Straighten single quotes a translation misplaced.

    "'One Belt, One Road 'helps green industries' go global '" ->
    "'One Belt, One Road' helps green industries go global"
    """
    text = re.sub(r"\s+['‘’]\s*$", "", raw.strip())
    out: list[str] = []
    opened = False
    for i, char in enumerate(text):
        if char not in "'‘’":
            out.append(char)
            continue
        before = text[i - 1] if i else " "
        after = text[i + 1] if i + 1 < len(text) else " "
        if before.isalpha() and after.isalpha():
            out.append(char)  # an apostrophe: "China's"
        elif (
            not opened and before.isspace() and after.isalnum() and (i == 0 or "'" in text[i + 1 :])
        ):
            if i == 0 or out[-1:] == [" "] and not _has_open(out):
                out.append("'")
                opened = True
            else:
                out.append(char)
        elif opened:
            while out and out[-1] == " ":
                out.pop()
            out.append("' " if after.isalnum() else "'")
            opened = False
        # any other quote is a stray and is dropped
    return " ".join("".join(out).split())


def _primary_first(positions: list[Position]) -> list[Position]:
    """ "Ambassador Amina J. Mohammed, deputy secretary-general of the UN": a one-word title
    with no body is a form of address; the titled post with a body is the primary one."""
    if len(positions) > 1 and positions[0].organization is None:
        first = next((i for i, p in enumerate(positions) if p.organization), None)
        if first is not None:
            return [positions[first], *positions[:first], *positions[first + 1 :]]
    return positions


def _has_open(out: list[str]) -> bool:
    return "".join(out).count("'") % 2 == 1


def freeze_person(person: _Person) -> Participant:
    name, warnings = parse_person_name_with_warnings(person.written, forms=tuple(person.forms))
    positions = tuple(_primary_first(person.positions))
    all_warnings = list(warnings)
    if not positions or positions[0].organization is None:
        all_warnings.append(Warning.NO_AFFILIATION)
    return Participant(
        name=name,
        role=person.role or Role.SPEAKER,
        positions=positions,
        evidence=person.evidence,
        talk_title=person.talk_title,
        talk_evidence=person.talk_evidence,
        online=person.online,
        confidence=1.0 if positions else 0.6,
        warnings=tuple(all_warnings),
    )


__all__ = ["find_participants", "parse_position", "CONNECTORS"]
