"""Parsing positions: a title segment into its title and its organisation.

"director of National Climate Change Commission" -> ("director", "National Climate Change
Commission"); "EF China ... Project Manager" -> ("Project Manager", "Energy Foundation China").
"""

from __future__ import annotations

import re
from dataclasses import replace

from events.extraction.lexicon import (
    BODY_DESCRIPTORS,
    EVENT_HEADS,
    EVENT_ROLE_WORDS,
    EXECUTIVE_TITLES,
    FIELD_ENDING_RE,
    FUNCTION_WORDS,
    GAZETTEER,
    HONORIFICS,
    NATIONALITY_ADJECTIVES,
    NOT_PERSON_HEADS,
    REGIONS,
    TITLE_MODIFIERS,
    TITLE_PORTFOLIO_WORDS,
    strip_article,
)
from events.extraction.organizations import (
    ACRONYM_RE,
    NOT_ORG_WORDS,
    OFFICE_END_RE,
    ORG_HEADS,
    UNIT_WORDS,
    OrganizationIndex,
    find_known_organization,
    has_organization_head,
    head_word,
    infer_kind,
    is_chinese_personal_name,
    looks_like_organization,
    register_with_parent,
    split_place_suffix,
    split_unit_and_parent,
)
from events.extraction.people.words import (
    DISCIPLINES,
    Segment,
    is_brand_phrase,
    is_brand_word,
    is_company_appositive,
    is_title_word,
    strip_articles,
    title_phrase_leads,
)
from events.extraction.records import OrgKind, Position, Span


def is_title_segment(text: str, index: OrganizationIndex) -> bool:
    stripped = strip_articles(text)
    if title_phrase_leads(stripped):
        return True
    prefix, rest = split_org_prefix(stripped, index)
    return bool(prefix) and title_phrase_leads(rest)


def read_positions(segments: list[Segment], span: Span, index: OrganizationIndex) -> list[Position]:
    """Turn a person's title segments into positions, attaching bare organisations and places."""
    merged: list[Segment] = []
    company_hint = False
    for segment in segments:
        if is_company_appositive(segment.text):
            company_hint = True
            continue
        if merged and not is_title_segment(segment.text, index):
            merged[-1] = Segment(f"{merged[-1].text}, {segment.text}", merged[-1].joined_by_and)
            continue
        merged.append(segment)
    positions: list[Position] = []
    for i, segment in enumerate(merged):
        body = body_without_title(segment.text, index)
        if body:
            organization = resolve_organization(body, span, index, None)[1]
            organization = organization or index.register(body, span)
            positions.append(Position(title="", organization=organization, evidence=span))
            continue
        forced = company_hint and i == len(merged) - 1
        title, organization = parse_position(segment.text, span, index, brand=forced)
        if not title:
            continue
        positions.append(Position(title=title, organization=organization, evidence=span))
        if company_hint and organization and i == len(merged) - 1:
            index.register(organization, span, kind=OrgKind.COMPANY)
    return share_organizations(positions, merged)


def body_without_title(text: str, index: OrganizationIndex) -> str | None:
    """A segment that names only a body, no title: "Sam Ortiz, Green Bank, said".

    Example: "Green Bank" -> "Green Bank"; "the Asian Development Bank" -> "Asian Development
    Bank"; "Chief Economist of Green Bank", "Beijing" -> None.
    """
    stripped = strip_articles(text).rstrip(" .")
    if not stripped or is_title_segment(stripped, index) or GAZETTEER.is_place(stripped):
        return None
    words = stripped.split()
    if any(is_title_word(word) for word in words) or len(words) > 12:
        return None
    # A body's name is capitalised words and connectors; a verb means a sentence ran on.
    if any(w[:1].islower() and w not in _NAME_CONNECTORS for w in words):
        return None
    return stripped if looks_like_organization(stripped, index) else None


_NAME_CONNECTORS = frozenset({"of", "and", "for", "the", "&", "on", "in", "de", "du", "la"})


def share_organizations(positions: list[Position], segments: list[Segment]) -> list[Position]:
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
    stripped = strip_articles(text).rstrip(" .")
    # "Senior Fellow at the World Resources Institute (WRI) China": the acronym was indexed
    # when the organisations were read; inside a title it only splits the name.
    stripped = INNER_ACRONYM_RE.sub("", stripped)
    stripped = drop_owner_in_brackets(stripped, span, index)
    board = split_board_title(stripped)
    if board:
        title, organization_text = board
        if organization_text is None:
            return _tidy_title(title), None
        return _tidy_title(title), resolve_organization(organization_text, span, index, None)[1]
    prefix, rest = split_org_prefix(stripped, index)
    if prefix and title_phrase_leads(rest):
        return _tidy_title(rest), register_with_parent(index, prefix, span)
    owned = owner_before_title(stripped, index)
    if owned:
        return _tidy_title(owned[1]), register_with_parent(index, owned[0], span)
    title, organization_text = split_title_and_org(stripped, index)
    if organization_text is not None and is_bare_head(organization_text):
        title, organization_text = stripped, None
    if organization_text is None:
        title, organization_text = split_title_and_brand(stripped, single_word=brand)
    if organization_text is None:
        title, organization_text = split_title_at_comma(stripped, index)
    if organization_text is None:
        government = infer_city_government(title, index) or region_governed(title)
        if government:
            return _tidy_title(title), index.register(government, span, kind=OrgKind.GOVERNMENT)
        ministry = infer_ministry(title)
        if ministry:
            named = ministry_named_in_other_order(ministry[1], index)
            return _tidy_title(ministry[0]), named or index.register(
                ministry[1], span, kind=OrgKind.GOVERNMENT
            )
        return _title_with_inner_organization(title, span, index)
    organization_text, qualifier, country = split_place_suffix(organization_text)
    unit_title, organization = resolve_organization(organization_text, span, index, None)
    if unit_title:
        title = f"{title} of {unit_title}"
    if (
        qualifier
        and qualifier.startswith("in ")
        and _qualifies_title(qualifier, organization, index)
    ):
        # "director of the World Bank in China and Mongolia": the country is the posting's.
        title = f"{title} {qualifier}"
    elif country and organization:
        index.register(organization, span, country=country)
    return _tidy_title(title), organization


_OWNER_IN_BRACKETS_RE = re.compile(
    r"""(?<=[A-Za-z])\s*\(
    (?P<owner>[A-Z][\w&'’.-]*(?:\s+(?:(?:of|for|and|the|&)\s+)*[A-Z][\w&'’.-]*)+)   # "Hill Group"
    \)$""",
    re.VERBOSE,
)


def drop_owner_in_brackets(text: str, span: Span, index: OrganizationIndex) -> str:
    """A second body in brackets after the title's body names its owner, not part of the post:
    the owner is indexed and the title read without it.

    Example: "VP of Blue Capital Services (Hill Group)" -> "VP of Blue Capital Services",
    with "Hill Group" indexed; "Director (Acting)" and "Head of X (ABC)" are left alone.
    """
    match = _OWNER_IN_BRACKETS_RE.search(text)
    if not match or not has_organization_head(match.group("owner")):
        return text
    before = text[: match.start()]
    if not re.search(r"\b(?:of|at)\s+(?:the\s+)?[A-Z]", before):
        return text
    index.register(match.group("owner"), span)
    return before


def ministry_named_in_other_order(ministry: str, index: OrganizationIndex) -> str | None:
    """The indexed ministry a title names with its portfolio's words in another order.

    Example: "Ministry of Water and Soil" beside an indexed "Ministry of Soil and Water of
    Blueland" -> that name; beside "Ministry of Soil" only -> None.
    """
    words = _portfolio_words(ministry)
    for name in index.names():
        other = _portfolio_words(name)
        if (
            name != ministry
            and "ministry" in other
            and words <= other
            and not other - words - _place_words(name)
        ):
            return name
    return None


def _portfolio_words(name: str) -> frozenset[str]:
    return frozenset(w.lower() for w in re.findall(r"[A-Za-z]+", name)) - {"of", "and", "the"}


def _place_words(name: str) -> frozenset[str]:
    """The words of the place a body's name ends with: "... of Blueland" -> {"blueland"}."""
    tail = re.match(r".*\bof\s+(?:the\s+)?(?P<place>[A-Z][\w ]*)$", name)
    if tail and GAZETTEER.is_place(tail.group("place")):
        return _portfolio_words(tail.group("place"))
    return frozenset()


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
    bracketed = TRAILING_ACRONYM_RE.match(title)
    if bracketed:
        known = index.resolve(bracketed.group("acronym")) or find_known_organization(
            bracketed.group("acronym")
        )
        name = known if isinstance(known, str) else getattr(known, "name", None)
        if name:
            return _tidy_title(bracketed.group("title")), index.register(name, span)
    named = split_title_at_capitalised_body(title)
    if named:
        return _tidy_title(named[0]), index.register(named[1], span)
    written = written_body_prefix(title.split()) or company_before_executive_title(title.split())
    if written:
        return _tidy_title(written[1]), index.register(written[0], span)
    return _tidy_title(title), None


def company_before_executive_title(words: list[str]) -> tuple[str, str] | None:
    """A company named with its country before a post only a company has.

    Example: "China Energy Deputy CEO" -> ("China Energy", "Deputy CEO"); "Kenya Power
    General Manager" -> ("Kenya Power", "General Manager"); "China Climate Envoy" (a
    country's post) or "Deputy CEO" -> None.
    """
    ends = [
        len(words) - size
        for size in (2, 1)
        if len(words) > size and " ".join(words[-size:]).lower() in EXECUTIVE_TITLES
    ]
    if not ends:
        return None
    first = ends[0]
    while first > 0 and words[first - 1].lower() in TITLE_MODIFIERS:
        first -= 1
    prefix = words[:first]
    if not 2 <= len(prefix) <= 4 or not GAZETTEER.country_of(prefix[0]):
        return None
    if not all(_may_name_a_body(word) and not is_title_word(word) for word in prefix[1:]):
        return None
    return " ".join(prefix), " ".join(words[first:])


def _may_name_a_body(word: str) -> bool:
    """A word that can stand in a body's own name written before a title: capitalised, and no
    place, country, nationality or function word. "Energy" yes; "Chinese", "Beijing", "of" no.
    """
    lowered = word.lower()
    return _BODY_WORD_RE.fullmatch(word) is not None and not (
        GAZETTEER.is_place(word)
        or GAZETTEER.country_of(word)
        or lowered in NATIONALITY_ADJECTIVES
        or lowered in FUNCTION_WORDS
    )


_BODY_JOINERS = frozenset({"and", "of", "for", "the", "in", "&"})


def is_bare_head(text: str) -> bool:
    """A head noun alone names no organisation: "Member of Parliament", "Minister of State".

    Example: "Parliament" -> True; "European Parliament", "Tencent" -> False.
    """
    word = strip_article(text).strip(" .,")
    return " " not in word and word.lower() in ORG_HEADS


def _without_country_and_inner_acronym(body: str) -> str:
    """ "Building and Construction Authority (BCA) of Singapore" -> "Building and Construction
    Authority": the country says where the body is, the acronym spelling its initials was read
    with the organisations; "Friends of the Earth (HK)" keeps its bracket."""
    trailing = re.search(r"\s+of\s+(?:the\s+)?(?P<place>[A-Z][\w.' ]+)$", body)
    if trailing and GAZETTEER.country_of(trailing.group("place")):
        body = body[: trailing.start()]
    acronym = re.search(r"\s+\((?P<letters>[A-Z]{2,})\)", body)
    initials = (
        "".join(w[0] for w in body[: acronym.start()].split() if w[0].isupper()) if acronym else ""
    )
    if acronym and initials == acronym.group("letters"):
        body = body[: acronym.start()] + body[acronym.end() :]
    return body


# "Special Adviser for Climate Change Affairs (MEE)": the body's acronym closes the title.
TRAILING_ACRONYM_RE = re.compile(r"^(?P<title>.+?)\s*\((?P<acronym>[A-Z][A-Za-z]*[A-Z])\)$")


def split_title_at_capitalised_body(title: str) -> tuple[str, str] | None:
    """A title, "of" or "at", then a body no head noun marks, known by its capitals alone.

    Example: "Chairperson of Friends of the Earth (HK)" -> ("Chairperson", "Friends of the
    Earth (HK)"); "Deputy Consul General of the Chinese Consulate General in Chicago" -> (...,
    "Chinese Consulate General in Chicago"); "Professor of Economics", "Chief Executive of
    the Macao SAR" (a place) and "delegate of China for UN Climate Talks" -> None.
    """
    for joint in re.finditer(r"\s+(?:of|at)\s+(?:the\s+)?", title):
        left, body = title[: joint.start()], title[joint.end() :].strip(" .,")
        if not title_phrase_leads(left):
            continue
        words = body.split()
        capitalised = [w for w in words if w[:1].isupper() or re.fullmatch(r"\([A-Z]{2,}\)", w)]
        if (
            len(capitalised) + sum(w in _BODY_JOINERS for w in words) != len(words)
            or words[-1] in _BODY_JOINERS
            or len(capitalised) < 2
            or GAZETTEER.is_place(body)
            # "delegate of China for UN Climate Talks": a country and what it sends people to
            or (GAZETTEER.is_place(words[0]) and words[1] in _BODY_JOINERS)
            # "Chairman of Friday Culture Ltd Prof. Herman Hu": the next person's name
            or any(w.rstrip(".").lower() in HONORIFICS for w in words)
        ):
            return None
        lowered = {w.lower() for w in words}
        acronym = any(re.fullmatch(r"\(?[A-Z]{2,}\)?", w) for w in words)
        if acronym or len(capitalised) >= 3 or lowered & (ORG_HEADS | NOT_PERSON_HEADS):
            return left, _without_country_and_inner_acronym(body)
        return None
    return None


def split_title_at_comma(text: str, index: OrganizationIndex) -> tuple[str, str | None]:
    """ "CEO and President, Energy Foundation China" -> ("CEO and President", "Energy ...").

    Speaker lists and programmes write "Name, Title, Organization"; the first comma after
    which a body follows ends the title.
    """
    for comma in re.finditer(r",\s*", text):
        left, right = text[: comma.start()], text[comma.end() :].strip(" .")
        if not title_phrase_leads(left) or continues_portfolio(left, right, index):
            continue
        if (
            looks_like_organization(right, index)
            or is_brand_word(right)
            or is_named_body(right)
            or is_brand_phrase(right)
        ):
            return left, right
    return text, None


_PORTFOLIO_END = re.compile(r"\b(?:for|of)\s+[A-Z][\w-]*$")
_PORTFOLIO_REST = re.compile(
    r"""
    ^(?P<fields>[A-Z][\w-]*(?:,\s*[A-Z][\w-]*)*,?\s+(?:and|&)\s+[A-Z][\w-]*)  # "Industry and Energy"
    (?:\s+(?:at|of)\s+(?:the\s+)?[A-Z].*|,\s*[A-Z].*)?$   # " at X University", ", Acme Corp"
    """,
    re.VERBOSE,
)


def continues_portfolio(left: str, right: str, index: OrganizationIndex) -> bool:
    """ "Secretary for Trade, Industry and Energy", "professor at the School of Law,
    Economics and Politics at X University": the words after the comma go on listing the
    fields the title or unit began, and name no body.

    Example: ("Secretary for Trade", "Industry and Energy") -> True; ("Director", "Blue Bank")
    or ("Secretary for Trade", "Ministry of Commerce") -> False.
    """
    rest = _PORTFOLIO_REST.match(right)
    return (
        bool(_PORTFOLIO_END.search(left))
        and bool(rest)
        and not looks_like_organization(rest.group("fields"), index)
    )


def is_named_body(text: str) -> bool:
    """A capitalised name after a title in "Name, Title, Body", though no noun says it is a body.

    Example: "UNDP China", "Energy Innovation", "Tsinghua Graduate School", "Embassy of the
    Republic of Blueland" -> True; "Beijing", "John Smith", "Director of Research" -> False.
    """
    words = strip_article(text).strip(" .").split()
    if not 1 < len(words) <= 8 or GAZETTEER.is_place(" ".join(words)):
        return False
    # "Embassy of the Republic of Blueland": "the" inside a name, after its "of"
    connectors = {"and", "of", "for", "&"}
    if not all(
        w[:1].isupper() or w in connectors or (w == "the" and words[i - 1] == "of")
        for i, w in enumerate(words)
    ):
        return False
    if any(is_title_word(w.strip(",")) for w in words):
        return False
    lowered = {w.lower().strip(",.") for w in words}
    acronym = any(len(w) >= 2 and w.isupper() and w.isalpha() for w in words)
    return acronym or len(words) >= 3 or bool(lowered & NOT_PERSON_HEADS)


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
    return bare_head_prefix(words, index) or known_org_prefix(words)


def bare_head_prefix(words: list[str], index: OrganizationIndex) -> tuple[str, str] | None:
    """A body named by its head noun alone before a title, when the report names one such body.

    Example: "Council President" in a report naming the US-China Business Council ->
    ("US-China Business Council", "President"); "Foundation Chairman" with two foundations, or
    "Deputy Director" -> None.
    """
    if len(words) < 2 or words[0].lower() not in ORG_HEADS or not words[0][0].isupper():
        return None
    rest = " ".join(words[1:])
    # "Program Director, China Sustainable Energy Program": the body written out follows.
    if "," in rest or not title_phrase_leads(rest):
        return None
    if re.search(r"\s(?:at|of|with)\s+(?:the\s+)?[A-Z]", rest):
        return None
    body = index.resolve_by_word(words[0])
    return (body, rest) if body else None


def known_org_prefix(words: list[str]) -> tuple[str | None, str]:
    """A body the lexicon knows, or a headed organisation name, before a title.

    Example: "UNEP Executive Director" -> ("UNEP", "Executive Director"); "Asian Development
    Bank Vice President" -> ("Asian Development Bank", "Vice President"); "Deputy Director"
    or "EU Ambassador" (a bloc, no body's acronym in the lexicon) -> (None, the text).
    """
    for size in range(min(len(words) - 1, 8), 0, -1):
        prefix = " ".join(words[:size])
        rest = " ".join(words[size:])
        if (
            GAZETTEER.is_place(prefix)
            or not title_phrase_leads(rest)
            or is_title_word(words[0])
            or words[0].lower() in TITLE_MODIFIERS
            # "EIB Chair in Climate Policy at the European University Institute": the body
            # named after the title is the affiliation.
            or re.search(r"\s(?:at|of|with)\s+(?:the\s+)?[A-Z]", rest)
        ):
            continue
        head = words[size - 1]
        if find_known_organization(prefix) or (
            size > 1 and head.lower() in ORG_HEADS and prefix[0].isupper()
        ):
            return prefix, rest
    return None, " ".join(words)


_BODY_WORD_RE = re.compile(r"[A-Z][\w&'’\-]*")
# One word before a country office ("AmCham China") is a body only when shaped like a brand:
# "AmCham", "iGDP", "WWF"; "Shell China" is left to the lexicon.
_BRAND_SHAPED_RE = re.compile(r"[A-Za-z]?[A-Z][a-z]*[A-Z][\w&\-]*")


def written_body_prefix(words: list[str]) -> tuple[str, str] | None:
    """A body nobody has indexed, written in capitalised words before the title it gives.

    Example: "Harbour Alliance Deputy Director" -> ("Harbour Alliance", "Deputy Director");
    "AmCham Kenya President" -> ("AmCham Kenya", "President"); the field stays the title's:
    "Seaview Trust Climate Campaigner" -> ("Seaview Trust", "Climate Campaigner"). "Chinese
    Vice Premier", "Yunnan Party Secretary", "Panel Moderator" -> None.
    """
    first = next(
        (i for i, w in enumerate(words) if is_title_word(w) or w.lower() in TITLE_MODIFIERS), None
    )
    if not first:
        return None
    while first > 0 and _is_field_word(words[first - 1]):
        first -= 1
    prefix, rest = words[:first], " ".join(words[first:])
    core = list(prefix)
    while len(core) > 1 and GAZETTEER.is_place(core[-1]):
        core.pop()  # "Greenpeace East Asia": the office's region ends the body's name
    if not core or not title_phrase_leads(rest):
        return None
    if re.search(r"\s(?:at|of|with|for)\s+(?:the\s+)?[A-Z]", rest):
        return None  # "ESG Leader for ACME Brazil": the body follows
    if len(prefix) == 1 or (len(core) == 1 and not _BRAND_SHAPED_RE.fullmatch(core[0])):
        # One word before a title is a body only as an acronym the report or lexicon knows,
        # found before this rule; "AmCham China" is a brand and its country office.
        return None
    for word in core:
        lowered = word.lower()
        if (
            not _may_name_a_body(word)
            or re.search(r"['’]s$", word)  # "China's Special Envoy": a country's post
            or lowered in HONORIFICS
            or lowered in NOT_ORG_WORDS
            or lowered in EVENT_HEADS
            or lowered in EVENT_ROLE_WORDS  # "Guest Speaker Professor": a role, not a body
        ):
            return None
    if (
        GAZETTEER.is_place(" ".join(prefix))
        or len(core) > 4
        or is_chinese_personal_name(" ".join(core))
    ):
        return None
    return " ".join(prefix), rest


def _is_field_word(word: str) -> bool:
    """ "Climate", "Project", "Engineering": a word of the post's field, before its title."""
    lowered = word.lower()
    return (
        lowered in TITLE_PORTFOLIO_WORDS
        or lowered in DISCIPLINES
        or bool(FIELD_ENDING_RE.search(lowered))
    )


_ADVISER_TO_RE = re.compile(
    r"""
    ^(?P<title>(?:(?!\s(?:of|and)\s).)*?        # no other post: "X of Y and Adviser to Z"
      \b(?i:advis[eo]r|consultant|counsell?or))  # "Senior Adviser", "Counsellor"
    \s+to\s+(?:the\s+)?                          # " to the "
    (?P<body>[A-Z].+)$                            # "Lakeside Institute"
    """,
    re.VERBOSE,
)


def split_title_and_org(text: str, index: OrganizationIndex) -> tuple[str, str | None]:
    """Find where the title ends: at " at ", or at the first " of/for/with " whose right side is
    a body; a portfolio before the body stays in the title ("Secretary for the Environment").
    An adviser's or consultant's "to" names the body they serve ("Senior Adviser to X")."""
    adviser = _ADVISER_TO_RE.match(text)
    if adviser and looks_like_organization(adviser.group("body"), index):
        return adviser.group("title"), adviser.group("body")
    title, organization = _split_title_and_org(text, index)
    if organization is None:
        return described_body(text, index) or (title, organization)
    of_state = _OF_STATE.match(organization)
    if of_state and looks_like_organization(of_state.group("body"), index):
        # "Secretary of State for the Blue Ministry": "of State" is part of the rank.
        return f"{title} of State", of_state.group("body")
    unit_in = _UNIT_IN_BODY.match(organization)
    if unit_in and looks_like_organization(unit_in.group("body"), index):
        # "Head of Department in the Blue Ministry": an unnamed unit of the body is the rank.
        return f"{title} of {unit_in.group('unit')}", unit_in.group("body")
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


_DESCRIBED_BODY_RE = re.compile(
    r"^(?P<title>.+?)\s+(?:of|at|from)\s+(?:the\s+|an?\s+)?(?:[A-Z][\w-]*\s+){0,4}"
    r"(?P<noun>[a-z][a-z-]*(?:\s+[a-z][a-z-]*)?)\s+(?P<body>[A-Z][\w&.\-]*(?:\s+[A-Z][\w&.\-]*){0,4})$"
)


def described_body(text: str, index: OrganizationIndex) -> tuple[str, str] | None:
    """A body named after the common noun that describes it: the name is the organisation.

    Example: "CEO & Co-Founder of the Independent Climate think tank E3G" -> ("CEO &
    Co-Founder", "E3G"); "Head of the energy team Blue" -> None (a team is no body's kind).
    """
    match = _DESCRIBED_BODY_RE.match(text)
    if not match or match.group("noun") not in BODY_DESCRIPTORS:
        return None
    body = match.group("body")
    if not (
        ACRONYM_RE.match(body) or looks_like_organization(body, index) or is_brand_phrase(body)
    ):
        return None
    return match.group("title"), body


_OF_STATE = re.compile(r"^State\s+(?:for|at|in)\s+(?:the\s+)?(?P<body>[A-Z].+)$")
_UNIT_IN_BODY = re.compile(
    r"^(?P<unit>Department|Division|Section|Unit|Office)\s+(?:in|at)\s+(?:the\s+)?(?P<body>[A-Z].+)$"
)

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
            and (
                looks_like_organization(right, index)
                or _org_then_place(right, index)
                or names_a_body(right)
                or names_owned_unit(right, index)
            )
            and not re.search(r"\s+at\s+(?:the\s+)?[A-Z]", right)
        ):
            return left, right
        break
    at = re.search(r"\s+at\s+(?:the\s+)?", text)
    if at and looks_like_organization(text[at.end() :].split(",")[0], index):
        return text[: at.start()], text[at.end() :]
    for match in re.finditer(r"\s+(?:of|for|with|from|under)\s+(?:the\s+)?", text):
        right = text[match.end() :]
        if _inside_named_body(text[: match.start()]) or _unit_of_fields(
            text[: match.start()], right
        ):
            continue
        if looks_like_organization(right, index) or _org_then_place(right, index):
            return text[: match.start()], right
        if match.group().strip().startswith("from") and names_a_body(right):
            return text[: match.start()], right
    return text, None


_FIELD_LIST_RE = re.compile(r"^[A-Z][\w-]*(?:,\s*[A-Z][\w-]*)+,?\s+(?:and|&)\s+[A-Z][\w-]*\b")


def _unit_of_fields(left: str, right: str) -> bool:
    """ "professor at the School" + "of Law, Economics and Politics at X University": a unit
    named for a list of fields; the commas inside the list end no title."""
    last = left.split()[-1] if left.split() else ""
    return last[:1].isupper() and last.lower() in UNIT_WORDS and bool(_FIELD_LIST_RE.match(right))


_OWNED_UNIT_RE = re.compile(
    r"""^(?P<owner>[A-Z][^'’,]*?)['’]s\s+                    # "BEA’s", "the Agency's"
    (?P<unit>[A-Z][\w-]*(?:\s+(?:(?:and|of|for|&)\s+)?[A-Z][\w-]*)*)$   # "International Division"
    """,
    re.VERBOSE,
)


def names_owned_unit(phrase: str, index: OrganizationIndex) -> bool:
    """A unit named with its owner's possessive, the owner a body: the body of a title even
    though a unit's noun ("Division", "Office") is no organisation's head.

    Example: "BEA’s International Division" once "Blue Energy Agency (BEA)" was read -> True;
    "Blueland's Trade Office" -> False (a country owns no unit here); "BEA’s plans" -> False.
    """
    match = _OWNED_UNIT_RE.match(phrase)
    if not match or head_word(match.group("unit")) not in UNIT_WORDS:
        return False
    owner = match.group("owner")
    if GAZETTEER.is_place(owner) or GAZETTEER.country_of(owner):
        return False
    return bool(index.resolve(owner)) or looks_like_organization(owner, index)


def names_a_body(phrase: str) -> bool:
    """True for a capitalised name that opens with a place and is no place itself: the body of a
    title even when no organisation noun heads it.

    Example: "Shanghai Environment and Energy Exchange", "City of London" -> True;
    "Foreign Affairs", "Shanghai Pudong", "China for UN Climate Talks" -> False.
    """
    words = phrase.split()
    # "and" and "of" join a body's words; "delegate of China for UN Climate Talks" is a role.
    if len(words) < 2 or not all(w[:1].isupper() or w in {"and", "of", "&"} for w in words):
        return False
    opens_with_place = GAZETTEER.is_place(words[0]) or words[0] in {"City", "State"}
    rest = " ".join(words[1:])
    places = (GAZETTEER.city(phrase), GAZETTEER.city(rest))
    return opens_with_place and not GAZETTEER.is_place(phrase) and places == (None, None)


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
    served = brand_served_for(text)
    if served:
        return served
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
    if STATE_NAME_RE.match(brand):
        return text, None  # "former Prime Minister of the Czech Republic": a state, no body
    if len(words) < 2 and not single_word and not _brand_after_title(text[: match.start()], brand):
        return text, None
    if not is_title_word(text[: match.start()].split()[-1]) and not any(
        is_title_word(w) for w in text[: match.start()].split()
    ):
        return text, None
    return text[: match.start()], brand


_FOR_ACRONYM_BRAND = re.compile(
    r"""
    \s+for\s+(?:the\s+)?
    (?P<brand>[A-Z]{2,}(?:-[A-Z]+)*(?:\s+[A-Z][a-z]+)?)   # "ACME Brazil"; not "COP28", an event
    (?:\s*(?:&|and)\s+[A-Z]{2,}(?:-[A-Z]+)*(?:\s+[A-Z][a-z]+)?)?$   # " & ACME Americas"
    """,
    re.VERBOSE,
)


def brand_served_for(text: str) -> tuple[str, str] | None:
    """ "ESG Leader for ACME Brazil & ACME Americas" -> ("ESG Leader", "ACME Brazil"): a
    firm's post written "for" its acronym-led brand, the first of two offices being primary.

    "Minister for Foreign Affairs", "Director for Asia" (no acronym), "Special Envoy for
    COP28" (an event) -> None.
    """
    match = _FOR_ACRONYM_BRAND.search(text)
    before = text[: match.start()] if match else ""
    if not match or not any(is_title_word(w) for w in before.split()):
        return None
    if GAZETTEER.is_place(match.group("brand").split()[0]):
        return None
    return before, match.group("brand")


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
    office = acronym_led_office(text, index)
    if office:
        return None, index.register_office(text, span, parent=office)
    owned = re.match(r"^(?P<owner>[A-Z][^'’]*?)['’]s\s+(?P<unit>[A-Z].*)$", text)
    if owned and not GAZETTEER.is_place(owned.group("owner")):
        owner = index.resolve(owned.group("owner")) or index.resolve_by_word(owned.group("owner"))
        if owner:
            return owned_unit_or_body(owned.group("unit"), owner, span, index)
    under = re.match(r"(?P<name>.+?)\s+under\s+(?:the\s+)?(?P<parent>.+)$", text)
    if under and looks_like_organization(under.group("parent"), index):
        parent = register_with_parent(index, under.group("parent"), span)
        return None, index.register(under.group("name"), span, parent=parent)
    unit, parent = split_unit_and_parent(text, index)
    if parent and unit != text and is_local_committee(unit):
        parent_name = register_with_parent(index, parent, span)
        return None, index.register(text, span, kind=OrgKind.GOVERNMENT, parent=parent_name)
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
        if rest.startswith("at ") and not _PARENT_AFTER_RE.match(rest):
            return None, organization  # "at X and ...": no unit of the title, the body known
        if (rest[:1].islower() and not _PARENT_AFTER_RE.match(rest)) or _is_unit_phrase(rest):
            return rest, organization
    if not looks_like_organization(text, index) and not text[:1].isupper():
        return None, None
    return None, register_with_parent(index, text, span, country=country)


def acronym_led_office(text: str, index: OrganizationIndex) -> str | None:
    """The parent's full name when a body's acronym leads the name of one of its offices:
    the acronym, then a place, an office word, or both. Reports name the office as written,
    so it is the affiliation, not the parent.

    Example: "WWF Blueland", "WWF Blueland Office", "WWF Northland Secretariat" -> the full
    name of the indexed WWF; "WWF Executive Director" (a title) or "WWF" alone -> None.
    """
    words = text.split()
    if len(words) < 2 or not ACRONYM_RE.match(words[0]) or not words[0][1:].isupper():
        return None
    rest = " ".join(words[1:])
    office = OFFICE_END_RE.search(rest)
    # "East and Northeast Asia office": a region the gazetteer need not hold
    named = office and all(w[:1].isupper() or w == "and" for w in rest[: office.start()].split())
    if not (GAZETTEER.is_place(rest) or named):
        return None
    return index.resolve(words[0], loose=False)


def owned_unit_or_body(
    unit: str, owner: str, span: Span, index: OrganizationIndex
) -> tuple[str | None, str]:
    """An owner's possessive before a body: a unit ("Working Group") belongs in the title and
    the owner is the affiliation; a body of its own (an institute, a school) is the
    affiliation, with the owner as its parent.

    Example: "Tsinghua's Institute for Carbon Neutrality" -> (None, "Institute for Carbon
    Neutrality") under Tsinghua; "the Chamber's Energy Working Group" -> (unit, the Chamber).
    """
    head = head_word(unit)
    if head is None or head in UNIT_WORDS or head not in ORG_HEADS:
        return unit, owner
    return None, index.register(unit, span, parent=owner)


# "Environment and Society Centre at Chatham House": a known unit, then the body it is at;
# the whole is the organisation's name, no part of the title.
_PARENT_AFTER_RE = re.compile(
    r"^at\s+(?:the\s+)?[A-Z][\w&'’.\-]*(?:\s+(?:of\s+|for\s+)?[A-Z][\w&'’.\-]*)*$"
)


_LOCAL_COMMITTEE_RE = re.compile(
    r"\b(?:Municipal|Provincial|Regional|District|County|Prefectural)\s+Committee$"
)


def is_local_committee(unit: str) -> bool:
    """A city's or province's committee of a national body is a body of its own, not a unit
    whose name belongs in the title.

    Example: "Xiamen Municipal Committee" (of the CPPCC) -> True; "Expert Committee" -> False.
    """
    return bool(_LOCAL_COMMITTEE_RE.search(unit.strip()))


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


# A state's formal name, which the gazetteer may not hold: "the Czech Republic", "the
# Kingdom of Blueland", "the Solomon Islands".
STATE_NAME_RE = re.compile(
    r"""
    ^(?:the\s+)?
    (?:(?:Republic|Kingdom|Federation|Commonwealth|Principality|Sultanate|State)(?:\s+of\s|$)  # "Kingdom of"
      |(?:[A-Z][\w'’-]*\s+)+(?:Republic|Kingdom|Federation|Islands|Emirates)$)       # "Czech Republic"
    """,
    re.VERBOSE,
)


_RANK_OF_STATE = re.compile(r"^State\s+(?:for|of)\s+(?:the\s+)?")


_OWNER_RE = re.compile(r"^(?P<owner>[A-Z][^'’,]*?)['’]s\s+(?P<title>[a-zA-Z].*)$")


def owner_before_title(text: str, index: OrganizationIndex) -> tuple[str, str] | None:
    """ "Lakeside Capital's chief economist" -> ("Lakeside Capital", "chief economist"): a
    body's possessive before the title it gives; a country's ("Blueland's envoy") is none.
    """
    match = _OWNER_RE.match(text)
    if not match or not title_phrase_leads(match.group("title")):
        return None
    owner = match.group("owner")
    if GAZETTEER.is_place(owner) or GAZETTEER.country_of(owner) or is_chinese_personal_name(owner):
        return None
    if looks_like_organization(owner, index) or is_brand_phrase(owner):
        return owner, match.group("title")
    return None


def infer_ministry(title: str) -> tuple[str, str] | None:
    """ "former Vice Minister of Science and Technology of the P.R.C." ->
    ("former Vice Minister of Science and Technology", "Ministry of Science and Technology");
    "former Foreign Minister of Japan" -> None (no "Ministry of Japan"); "Minister of MOEA"
    -> None (the acronym is the ministry); "former Prime Minister of the Czech Republic" -> None."""
    match = MINISTER_RE.match(title.strip())
    if not match:
        return None
    domain = match.group("domain")
    country = match.group("country")
    if GAZETTEER.country_of(strip_article(domain)) or STATE_NAME_RE.match(domain):
        return None  # "former Foreign Minister of Japan": a country is no portfolio
    if re.search(r"\bprime\s+minister$", match.group("title"), re.IGNORECASE):
        return None  # "Prime Minister of Blueland" heads a government, not a ministry
    if ACRONYM_RE.fullmatch(domain.strip()):
        return None  # "Minister of MOEA": the acronym names the ministry itself
    if domain.islower():
        # "vice minister of ecology and environment": the portfolio names the ministry
        if not re.fullmatch(r"[a-z]+(?:\s+(?:and\s+)?[a-z]+){0,4}", domain):
            return None
        domain_name = " ".join(w if w == "and" else w.capitalize() for w in domain.split())
        return f"{match.group('title')} of {domain}", f"Ministry of {domain_name}"
    # "Minister of State for National Development": "of State" is the rank, not the portfolio.
    ministry = f"Ministry of {_RANK_OF_STATE.sub('', domain)}"
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


REGION_HEAD_RE = re.compile(
    r"""
    \b(?:vice[\s-]|deputy\s|executive\s+vice[\s-])?(?:chairman|chairwoman|chairperson|governor)
    \s+of\s+(?:the\s+)?
    (?P<region>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*?
      \s+(?:Autonomous\s+Region|Special\s+Administrative\s+Region))$
    """,
    re.VERBOSE | re.IGNORECASE,
)


def region_governed(title: str) -> str | None:
    """The region whose government a regional leader's title names.

    Example: "Vice-Chairman of Inner Mongolia Autonomous Region" -> "Inner Mongolia Autonomous
    Region"; "Chairman of the Board" -> None.
    """
    match = REGION_HEAD_RE.search(title.strip())
    return match.group("region") if match else None


def _tidy_title(title: str) -> str:
    """Drop a doubled word ("Project Project Manager") and stray punctuation."""
    title = re.sub(r"\b(\w+)\s+\1\b", r"\1", title.strip(" ,;:."), flags=re.IGNORECASE)
    title = re.sub(r"^(?:as|a|an)\s+", "", title)
    return " ".join(title.split())
