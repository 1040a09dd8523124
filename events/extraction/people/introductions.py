"""Reading introductions: who a sentence names, in which role, and where their titles start.

A sentence is read as a stream of comma/semicolon segments. A person-shaped name opens a
group; the title segments after it become positions (positions.py); the first verb segment
("said", "hosted the summit") closes every open group and gives their role.
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import islice

from events.extraction.folding import fold_keeping_punctuation
from events.extraction.lexicon import (
    AUXILIARY_VERBS,
    FIELD_ENDING_RE,
    GAZETTEER,
    NATIONALITY_ADJECTIVES,
    STATE_TITLES,
    TITLE_MODIFIERS,
    TITLE_PORTFOLIO_WORDS,
    WEEKDAY_ALTERNATION,
    strip_article,
)
from events.extraction.names import (
    has_honorific,
    is_cantonese_surname,
    is_chinese_surname,
    is_pinyin_word,
    name_key,
    name_tokens,
    parse_person_name_with_warnings,
    space_initials,
    strip_honorific,
    unglue_pinyin_name,
)
from events.extraction.organizations import (
    CONNECTORS,
    ORG_HEADS,
    UNIT_WORDS,
    OrganizationIndex,
    find_known_organization,
    looks_like_organization,
)
from events.extraction.people.positions import (
    ACRONYM_PAREN_RE,
    infer_city_government,
    is_named_body,
    is_title_segment,
    parse_position,
    read_positions,
    resolve_organization,
)
from events.extraction.people.words import (
    ADVERBS,
    AFFILIATION_CLAUSE_RE,
    AFFILIATION_RE,
    AT_EVENT_RE,
    ATTEND_RE,
    BRACKETED_TITLE_RE,
    CUE_RE,
    DASH_AFFILIATION_RE,
    DISCIPLINES,
    KEYNOTE_RE,
    LEADS_RE,
    LEADS_TITLES,
    MODERATOR_RE,
    NAME_CLOSING_PREDICATE_RE,
    NAME_PARTICLES,
    NON_PERSON_HEADS,
    NOT_NAME_WORDS,
    ONLINE_RE,
    PANEL_RE,
    POSSESSIVE_NAME_RE,
    RECALLED_RE,
    RELATIVE_CLAUSE_RE,
    ROLE_RANK,
    SPEAKS_FOR_RE,
    SPEECH_WORDS,
    Opening,
    People,
    PersonDraft,
    Segment,
    is_brand_phrase,
    is_brand_word,
    is_company_appositive,
    is_title_word,
    strip_leading_fillers,
    title_phrase_leads,
)
from events.extraction.records import OrgKind, Position, Role, Span

# "Excellency Ren Yaping, (Deputy Director of ...)": a name, a comma, then a bracketed title.
_COMMA_BEFORE_BRACKET = re.compile(r"(?<=[a-z]),\s+\((?=[A-Z])")


def bracket_after_comma(sentence: str) -> str:
    """A title in brackets after a name and a comma reads as one written without the comma.

    Example: "Excellency Huang Zhiqiang, (Vice-Chairman of X), Ambassadors," ->
    "Excellency Huang Zhiqiang (Vice-Chairman of X), Ambassadors,".
    """
    return _COMMA_BEFORE_BRACKET.sub(" (", sentence)


_DASHED_TITLE = re.compile(
    r"""
    (?<=[a-z])\s+[–—]\s+               # "Ana Lee – ": a name, then a spaced dash
    (?P<inside>[A-Z][^–—()]{2,120}?,[^–—()]+?)  # "Senior Adviser, Lakeside Capital"
    \s+[–—]\s+(?=[a-z])                # " – opened": the closing dash, then the verb
    """,
    re.VERBOSE,
)


def dashes_as_brackets(sentence: str) -> str:
    """A title and body set off by dashes read as a bracketed one.

    Example: "Ana Lee – Senior Adviser, Lakeside Capital – opened the panel" -> "Ana Lee
    (Senior Adviser, Lakeside Capital) opened the panel".
    """
    return _DASHED_TITLE.sub(lambda m: f" ({m.group('inside')}) ", sentence)


_APPOSITIVE_WITHOUT_COMMA = re.compile(
    r"""
    (?<![\w.’'-])(?<![\w.’'-]\s)         # the name opens its clause: no word right before
    (?P<name>[A-Z][a-z][\w'’-]*(?:\s+[A-Z]\.?)?\s+[A-Z][a-z][\w'’-]*)   # "Ana K Lee"
    \s+the\s+
    (?P<title>(?:[A-Za-z][\w-]*\s+){0,3}?[A-Za-z][\w-]*)              # "MD", "chief economist"
    \s+(?P<joiner>of|at)\s+
    (?P<body>[A-Z][\w&.'’-]*(?:\s+(?:(?:of|for|and|the|&)\s+)*[A-Z][\w&.'’-]*)*)  # "Blue Capital Ltd"
    (?=\s+[a-z])                     # then the verb
    """,
    re.VERBOSE,
)


def appositive_as_brackets(sentence: str) -> str:
    """ "Name the Title of Body" written with no comma reads as a bracketed title.

    Example: "Ana K Lee the MD of Blue Capital Ltd presented the plan" -> "Ana K Lee (MD of
    Blue Capital Ltd) presented the plan"; "Beijing the capital of China is" is left alone,
    "capital" being no title.
    """

    def bracket(match: re.Match[str]) -> str:
        title_words = match.group("title").split()
        name_words = match.group("name").split()
        if not is_title_word(title_words[-1]) or any(
            is_title_word(w) or GAZETTEER.is_place(w) or w.lower() in ORG_HEADS for w in name_words
        ):
            return match.group(0)
        inside = f"{match.group('title')} {match.group('joiner')} {match.group('body')}"
        return f"{match.group('name')} ({inside})"

    return _APPOSITIVE_WITHOUT_COMMA.sub(bracket, sentence)


def read_sentence(
    text: str,
    span: Span,
    index: OrganizationIndex,
    people: list[PersonDraft],
    sentence: str | None = None,
) -> None:
    """Find people introduced with titles or a verb in one sentence and add them to `people`.

    `sentence` is the span's text read another way (a speaker card's lines joined by commas).
    """
    if sentence is None:
        sentence = text[span.start : span.end]
    if " | " in sentence:
        read_table_row(text, span, index, people)
        return
    if read_greeting_items(sentence, span, index, people):
        return
    if read_salutation_names(sentence, span, people):
        return
    # A greeting's gloss names guests in the room, who attend whatever verb is missing.
    greeted = english_gloss(sentence)
    closing_role = Role.ATTENDEE if greeted != sentence or is_salutation_line(sentence) else None
    sentence = read_shared_title_list(greeted, span, index, people)
    segments = addressed_after_title(
        split_segments(bracket_after_comma(dashes_as_brackets(appositive_as_brackets(sentence))))
    )
    segments = unglue_names_before_titles(split_at_contrast(segments, index), index)
    pending: list[tuple[PersonDraft, list[Segment]]] = []
    relative = ""
    leading: Position | None = None  # "Representing X, First Counsellor Y presented ..."
    listed = listed_with_body(segments, index)
    if listed:
        person = start_person(listed[0], span, people)
        _add_affiliation(person, ("", listed[1]), span, index)
        return
    skip_until = -1  # segments already read as the titles of a person a predicate reached
    for position, segment in enumerate(segments):
        if position <= skip_until:
            continue
        following = segments[position + 1].text if position + 1 < len(segments) else ""
        if pending and pending[-1][1]:
            moved = titles_of_next_item(pending[-1][1], segment.text, following)
            if moved:
                # "Ana Lee, Director of X, and Head of Unit in Y, Tom Hale.": the titles after
                # ", and" are the next person's, whose name closes them.
                del pending[-1][1][-len(moved) :]
                person = start_person(segment.text.strip(" ."), span, people)
                pending.append((person, moved))
                continue
        if pending and pending[-1][1] and closing_body(segment.text, following):
            # "Dr. Ana Lee, Chief Economist, Blue Capital Partners": the body ends the titles.
            pending[-1][1].append(segment)
            continue
        opening = open_person(segment.text, index) or closing_bare_name(segment.text, following)
        if opening:
            person = start_person(opening.name, span, people)
            if leading and not any(
                p.organization == leading.organization for p in person.positions
            ):
                person.positions.append(leading)
            if not (position + 1 < len(segments) and segments[position + 1].joined_by_and):
                leading = None  # "On behalf of X, Ana Lee and Tom Hale attended": both are X's
            speaks_for = SPEAKS_FOR_RE.match(opening.rest)
            if speaks_for and is_affiliation(speaks_for.group("org"), index):
                body = unit_with_parent_after(speaks_for, opening.rest, following, index)
                _add_affiliation(person, ("", body), span, index)
            person.role = _stronger(person.role, opening.role)
            person.state_title = person.state_title or opening.state_title
            if opening.affiliation:
                _add_affiliation(person, opening.affiliation, span, index)
            titles = list(opening.titles)
            if position == 1 and not titles and title_opens_sentence(segments, index):
                # "UNDP Resident Representative in China, Ana Lee, said": the title comes first.
                titles = [segments[0]]
            elif not (titles or pending or opening.rest or opening.affiliation):
                titles = title_before_name(segments, position)
            if position >= 2 and not (titles or pending or leading):
                titles = titles_in_commas_before_name(segments, position, index)
            pending.append((person, titles))
            if opening.rest:
                close_groups(pending, opening.rest, span, index)
                pending, relative = [], ""
                reached = name_closing_predicate(opening, following, index)
                if reached:
                    # "Ana Lee reported the plan to Li Wei, Director of X, about ...": Li Wei
                    # holds the titles after the comma; the words after them are Ana Lee's.
                    other = start_person(reached.name, span, people)
                    other.role = _stronger(other.role, reached.role)
                    titles = titles_after(segments[position + 1 :], index)
                    close_groups([(other, titles)], "", span, index)
                    skip_until = position + len(titles)
                    continue
                joined = person_joined_in(opening, index)
                if joined:
                    # "Ana Lee gave a keynote alongside Li Wei, Director of X": the second
                    # person's titles are the segments that follow.
                    other = start_person(joined.name, span, people)
                    other.role = _stronger(other.role, joined.role or person.role)
                    pending.append((other, list(joined.titles)))
            continue
        clause = affiliation_clause(segment.text, span, index)
        if clause:
            if pending:
                if not any(p.organization == clause.organization for p in pending[-1][0].positions):
                    pending[-1][0].positions.append(clause)
            elif AFFILIATION_CLAUSE_RE.match(segment.text.strip()) or (
                _LOCAL_GOVERNMENT_CLAUSE.match(segment.text.strip())
            ):
                leading = clause
            continue
        if not pending:
            continue
        title, predicate = split_trailing_predicate(segment.text)
        if predicate and (
            is_title_segment(title, index)
            or (is_org_segment(title, index) and not GAZETTEER.is_place(title))
        ):
            # "Shi Zihai, Deputy Secretary-General of the NDRC delivered their keynote speeches";
            # "Ana Lee, Director, Blue River Agency talked about ...": the body before the verb.
            pending[-1][1].append(Segment(title, segment.joined_by_and))
            close_groups(pending, predicate, span, index)
            pending, relative = [], ""
            continue
        if (
            is_title_segment(segment.text, index)
            or is_org_segment(segment.text, index)
            or is_company_appositive(segment.text)
            or (pending[-1][1] and is_named_body(segment.text))
        ):
            pending[-1][1].append(segment)
        elif relative_title(segment.text, index):
            # "Li Wei, who serves as Chairman of X, said": the clause is a title.
            pending[-1][1].append(Segment(relative_title(segment.text, index)))
        elif RELATIVE_CLAUSE_RE.match(segment.text):
            # "X, who joined the ceremony as a guest, noted ...": the main verb comes later.
            relative = relative or segment.text
        elif starts_predicate(segment.text):
            close_groups(pending, segment.text, span, index)
            pending, relative = [], ""
        elif _title_before_colon(segment.text, index):
            # A transcript turn: "Xu Hua, Vice President, China Southern Power Grid: We ..."
            head, _, tail = segment.text.partition(":")
            pending[-1][1].append(Segment(head))
            close_groups(pending, f":{tail}", span, index)
            pending, relative = [], ""
    if pending:
        close_groups(pending, relative, span, index, closing_role)


def is_salutation_line(sentence: str) -> bool:
    """A line that only addresses someone, closed by a comma: the speech's salutation, whose
    guests are in the room, even one a state leader's title names.

    Example: "Chairman Ana Lee," -> True; "Chairman Ana Lee said," -> True too, but its verb
    gives the role first; "Ana Lee, Director of X, said so." -> False.
    """
    return bool(re.fullmatch(r"[^,.;:!?\n]{3,80},", sentence.strip()))


def titles_of_next_item(titles: list[Segment], segment: str, following: str) -> list[Segment]:
    """The titles a list's last item gives before its name: from ", and <title>" on.

    Example: [Director of X | and Head of Unit in Y | Trade and Energy] before "Tom Hale." ->
    [and Head of Unit in Y | Trade and Energy]; before "Blue Capital" (no name) -> [].
    """
    name = segment.strip().rstrip(".")
    if following or not is_bare_name(name) or len(name.split()) < 2:
        return []
    for at, title in enumerate(titles):
        text = title.text.strip()
        if text.startswith("and ") and title_phrase_leads(text[4:]):
            return titles[at:]
    return []


_TITLE_CUE = re.compile(
    r"\b(?:by|were|was|included|including|featured|are|is)\s+(?:both\s+|also\s+)?(?:the\s+)?"
    r"(?=[A-Z])"
)


def title_before_name(segments: list[Segment], position: int) -> list[Segment]:
    """The title a sentence gives before a bare name, after "led by" or "were".

    Example: [The delegation was led by Head of Unit in the Blue Ministry of Trade | Industry
    and Energy | Ana Lee] -> [Head of Unit in the Blue Ministry of Trade, Industry and Energy];
    [The forum opened in Wuxi | Ana Lee] -> [].
    """
    if position == 0:
        return []
    before = ", ".join(segment.text.strip() for segment in segments[:position])
    cues = list(_TITLE_CUE.finditer(before))
    if not cues:
        return []
    title = before[cues[-1].end() :]
    words = title.split()
    if len(words) > 16 or not title_phrase_leads(title):
        return []
    if any(w[:1].islower() and w not in TITLE_CONNECTORS and not is_title_word(w) for w in words):
        return []
    return [Segment(title)]


def closing_bare_name(segment: str, following: str) -> Opening | None:
    """A bare name that ends the sentence with its full stop: "..., Ana Lee."

    Example: "Ana Lee." at the end -> Ana Lee; "Ana Lee." before more text, "Blue River." -> None.
    """
    text = segment.strip()
    if following or not text.endswith(".") or not 2 <= len(text.split()) <= 4:
        return None
    if not is_bare_name(text[:-1]):
        return None
    name, rest = split_leading_name(text[:-1], OrganizationIndex())
    return Opening(name, "") if name and not rest and len(name.split()) >= 2 else None


def person_joined_in(opening: Opening, index: OrganizationIndex) -> Opening | None:
    """A second person the first one's predicate names with a cue and nothing after.

    Example: "Ana Lee" then "gave a keynote alongside Li Wei" -> Li Wei (a keynote);
    "Ana Lee" then "said Li Wei was right" or "met the press" -> None.
    """
    # Most predicates name nobody; the cue search is cheaper than reading one as a person.
    if not CUE_RE.search(opening.rest):
        return None
    joined = open_person(opening.rest, index)
    if joined is None or joined.rest or joined.name == opening.name:
        return None
    return joined


def name_closing_predicate(
    opening: Opening, following: str, index: OrganizationIndex
) -> Opening | None:
    """A person the first one's predicate reaches with a preposition, a title after the comma.

    Example: "Alan Li" then "reported the plan to Nur Bekri" before "Director of the NEA" ->
    Nur Bekri; "the speech of Liu He" before "member of X" -> Liu He (a speaker); "... to
    Beijing" or no title after -> None.
    """
    match = NAME_CLOSING_PREDICATE_RE.search(opening.rest)
    if match is None or not is_title_segment(following, index):
        return None
    name, rest = split_leading_name(match.group("name"), index)
    if not name or rest.strip(" .") or name == opening.name or len(name.split()) < 2:
        return None
    # Reached by the predicate, not its subject: attends, or speaks when it is their talk.
    return Opening(name, "", role=Role.SPEAKER if match.group("talk") else Role.ATTENDEE)


def titles_after(segments: list[Segment], index: OrganizationIndex) -> list[Segment]:
    """The title and body segments that follow a name, up to the first that is neither.

    Example: ["Director of the NEA", "about the plan"] -> ["Director of the NEA"].
    """
    titles: list[Segment] = []
    for segment in segments:
        if not (is_title_segment(segment.text, index) or is_org_segment(segment.text, index)):
            break
        titles.append(segment)
    return titles


def title_opens_sentence(segments: list[Segment], index: OrganizationIndex) -> bool:
    """A sentence that opens with a person's title, the name after the comma.

    Example: [UNDP Resident Representative in China | Ana Lee | delivered remarks] -> True;
    [In China | Ana Lee | said] or [Director | Li Wei and Zhang Hua] -> False.
    """
    if len(segments) < 2 or segments[1].joined_by_and:
        return False
    first = strip_article(segments[0].text.strip())
    words = first.split()
    # A bare title and body, no clause: "Its director", "The forum, chaired by ..." are not.
    if not 2 <= len(words) <= 10 or words[0].lower() in _DETERMINERS:
        return False
    if any(w[:1].islower() and w not in TITLE_CONNECTORS and not is_title_word(w) for w in words):
        return False
    return is_title_segment(first, index)


_DETERMINERS = frozenset({"its", "his", "her", "their", "this", "that", "our"})

# "On the forum", "At the opening ceremony", "In his remarks": where, not who.
_SCENE_OPENER = re.compile(
    r"^(?:On|At|In|During)\s+(?:the|his|her|their)\s+[a-z]+(?:\s+[a-z]+){0,3}$"
)


def titles_in_commas_before_name(
    segments: list[Segment], position: int, index: OrganizationIndex
) -> list[Segment]:
    """Several titles, each set off by commas, before the name they belong to, after at
    most a phrase that sets the scene.

    Example: [At the forum | Adviser to the Blue Council | former Director of the Hill Fund
    | Ana Lee | said] -> both titles; [At the forum | Ana Lee said] has none, and [The panel
    met in Lisbon | Director of X | Ana Lee] none, its first clause being no title.
    """
    before = segments[:position]
    if _SCENE_OPENER.match(before[0].text.strip()):
        before = before[1:]
    name = segments[position]
    if not before or not all(title_opens_sentence([seg, name], index) for seg in before):
        return []
    return before


def unit_with_parent_after(
    speaks_for: re.Match[str], rest: str, following: str, index: OrganizationIndex
) -> str:
    """The body a person speaks for, with its parent when the next segment names it.

    Example: "spoke on behalf of the Water Department" before "Ministry of Rivers" ->
    "Water Department, Ministry of Rivers"; before "said" -> "Water Department".
    """
    unit = speaks_for.group("org")
    if rest[speaks_for.end() :].strip(" .") or not is_org_segment(following, index):
        return unit
    return f"{unit}, {following.strip(' .')}"


_GLOSSED_LINE = re.compile(
    r"""
    ^[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef\s,]+   # the Chinese salutation: "尊敬的王主任、"
    \((?P<gloss>[A-Za-z][^()\u4e00-\u9fff]+)\)        # its English in brackets
    [\s,，、.]*$
    """,
    re.VERBOSE,
)


def english_gloss(sentence: str) -> str:
    """A bilingual speech's salutation line read in its English gloss.

    Example: "尊敬的王主任、(Director of the River Agency, Mr Wang)" -> "Director of the River
    Agency, Mr Wang"; "Mr Wang (River Agency) spoke." is left whole.
    """
    match = _GLOSSED_LINE.match(sentence)
    return match.group("gloss") if match else sentence


def addressed_after_title(segments: list[Segment]) -> list[Segment]:
    """ "Director of the River Agency, Mr Wang": a salutation names the title first, then the
    person it addresses; read it name first, as the other shapes are.

    Example: [Director of the River Agency | Mr Wang] -> [Mr Wang | Director of the River
    Agency]; [Director | Li Wei said] is left as it is.
    """
    if len(segments) != 2:
        return segments
    title, addressed = segments
    if not has_honorific(addressed.text) or not is_title_segment(title.text, OrganizationIndex()):
        return segments
    name, rest = split_leading_name(addressed.text, OrganizationIndex())
    if not name or rest.strip(" .,;"):
        return segments
    return [addressed, title]


_LIST_NAME = r"[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){1,2}"
_LIST_ORG = r"[A-Z][\w&'’.-]*(?:\s+(?:(?:of|for|and|the|on|&)\s+)*[A-Z][\w&'’.-]*)*"
# A listed name, with its own body in brackets: "Ana Lee (Lakeside University)".
_LIST_ITEM = rf"{_LIST_NAME}(?:\s*\([^()]{{2,80}}\))?"
_LIST_ITEM_PARTS = re.compile(rf"(?P<name>{_LIST_NAME})(?:\s*\((?P<own>[^()]{{2,80}})\))?")
_SHARED_TITLE_LIST = re.compile(
    rf"""
    (?<![\w-])(?P<title>(?:[A-Z][a-z-]+\s+){{0,3}}[A-Z][a-z]+s      # "Honorary Presidents"
      |[a-z]+s)                                                     # "researchers"
    (?:\s+(?:of|at)\s+(?:the\s+)?(?P<before>{_LIST_ORG}?))?          # " of AFDC"
    \s+(?P<names>{_LIST_ITEM}(?:\s*,\s*{_LIST_ITEM})*\s*,?\s+and\s+{_LIST_ITEM}
      |{_LIST_ITEM}(?:\s*,\s*{_LIST_ITEM})+\s*,?\s+and\s+others\b)   # "A, B, and others"
    (?:\s+(?:of|from|at)\s+(?:the\s+)?(?P<after>{_LIST_ORG}))?        # " of Tsinghua University"
    """,
    re.VERBOSE,
)


_RELATIVE_TITLE = re.compile(
    r"^\s*(?:who|and)\s+(?:(?:currently|now|also)\s+)?(?:serves|served|is|was|works|worked)"
    r"\s+(?:(?:currently|now|also)\s+)?(?:as\s+)?(?:the\s+|a\s+|an\s+)?(?P<title>.+?)[\s.]*$",
    re.IGNORECASE | re.DOTALL,
)


def relative_title(segment: str, index: OrganizationIndex) -> str | None:
    """The title a relative clause gives its person, else None.

    Example: "who serves as Chairman of the China Green Finance Association" -> "Chairman of
    the China Green Finance Association"; "who is a partner at Blue Capital" -> "partner at
    Blue Capital"; "who joined the ceremony" -> None.
    """
    match = _RELATIVE_TITLE.match(segment)
    if not match or not is_title_segment(match.group("title"), index):
        return None
    return match.group("title")


def speaker_card(text: str, units: tuple[Span, ...], at: int) -> tuple[Span, str] | None:
    """A name alone on its line, then its title and body on the next lines, as speaker pages
    print them: the card's span and its lines read as one "Name, Title, Body" sentence.

    Example: "Ana Lee" / "Chief Economist" / "Blue Capital Partners" -> "Ana Lee, Chief
    Economist, Blue Capital Partners"; "Ana Lee said so." / "..." -> None.
    """
    first = units[at].of(text).strip()
    words = first.split()
    if not 2 <= len(words) <= 4 or not is_bare_name(first) or GAZETTEER.is_place(first):
        return None
    if split_leading_name(first, OrganizationIndex())[0] != first:
        return None
    parts, end = [first], units[at].end
    for j, unit in enumerate(units[at + 1 : at + 4], start=at + 1):
        line = unit.of(text).strip()
        following = units[j + 1].of(text).strip() if j + 1 < len(units) else ""
        if len(parts) > 1 and is_bare_name(line) and title_phrase_leads(following):
            break  # the next card's name
        gap = text[end : unit.start]
        if (
            "\n" not in gap
            or gap.strip()
            or len(line.split()) > 14
            or _SENTENCE_END_RE.search(line)
        ):
            break
        if len(parts) == 1 and not title_phrase_leads(line.split(",")[0].split("|")[0]):
            return None
        parts.append(line.replace(" | ", ", "))
        end = unit.end
    if len(parts) == 1:
        return None
    return Span(units[at].start, end), ", ".join(parts)


_SENTENCE_END_RE = re.compile(r"[.!?][\"'”’)]*$")


def closing_body(segment: str, following: str) -> bool:
    """A brand's name closing a person's titles, with only the verb, the ", and" before a
    list's last item, or nothing after it.

    Example: "Blue Capital Partners" before "", "said ..." or "and Tom Hale" -> True; "Zhang
    Hua" before "Director of X" (the next person of a list) or "Li Wei" (a Chinese name) ->
    False.
    """
    text = segment.strip().rstrip(".")
    if not is_brand_phrase(text) or _looks_chinese_name(text.split()):
        return False
    # "..., Sustainable Finance; ..." ends in a field: a portfolio, not a brand.
    last = text.split()[-1].lower()
    ends_item = bool(re.match(r"and\s+[A-Z]", following)) and not (
        FIELD_ENDING_RE.search(last) or last in DISCIPLINES or last in TITLE_PORTFOLIO_WORDS
    )
    if has_honorific(text) or (following and not starts_predicate(following) and not ends_item):
        return False
    return not any(is_chinese_surname(w) or is_cantonese_surname(w) for w in text.split())


def read_shared_title_list(
    sentence: str, span: Span, index: OrganizationIndex, people: list[PersonDraft]
) -> str:
    """People listed under one plural title and body; the sentence without them.

    Example: "Professors Li Wei, Zhang Hua and Chen Bo of Tsinghua University gave talks" ->
    three people, each "Professor" of Tsinghua University; "Honorary Presidents of AFDC Tian
    Zengpei and Cai Fangbo" -> two "Honorary President"s of AFDC; "researchers Ana Lee, Li Wei
    and Tom Hale of X" -> three "researcher"s of X; "Professors Ana Lee (Lakeside University)
    and Tom Hale (Hill College)" -> two "Professor"s, each of their own body; "Municipal leaders
    Ana Lee, Li Wei, and others attended" -> two "Municipal leader"s.
    """
    for match in reversed(list(_SHARED_TITLE_LIST.finditer(sentence))):
        title = singular_title(match.group("title"))
        items = [
            (item.group("name"), item.group("own"))
            for item in _LIST_ITEM_PARTS.finditer(match.group("names"))
        ]
        if title is None or not all(
            split_leading_name(name, index)[0] == name and not split_leading_name(name, index)[1]
            for name, _ in items
        ):
            continue
        body = match.group("before") or match.group("after")
        if body and not is_affiliation(body, index):
            continue
        if any(own and not is_affiliation(own, index) for _, own in items):
            continue
        role = Role.SPEAKER
        if match.group("names").endswith("others"):
            # "A, B, and others attended the meeting": the predicate follows the open list.
            role = role_from_predicate(sentence[match.end() :].strip()) or Role.SPEAKER
        for name, own in items:
            person = start_person(name, span, people)
            if own or body:
                _add_affiliation(person, (title, own or body), span, index)
            elif not person.positions:
                person.positions.append(Position(title=title, organization=None, evidence=span))
            person.role = _stronger(person.role, role)
        start, end = match.span()
        sentence = sentence[:start] + " " * (end - start) + sentence[end:]
    return sentence


def singular_title(plural: str) -> str | None:
    """ "Honorary Presidents" -> "Honorary President"; "Professors" -> "Professor"; "Experts"
    or "Guests" (no title) -> None."""
    words = plural.split()
    last = words[-1]
    for singular in (last[:-1], last[:-2] if last.endswith("es") else ""):
        if singular and is_title_word(singular):
            return " ".join([*words[:-1], singular])
    return None


_GREETING_ITEM = re.compile(
    r"""
    (?P<short>(?:[A-Z][\w'’.-]*\s+){0,2}[A-Z][\w'’.-]*)\s*     # "Margaret", "Director-General Gao"
    \((?P<inside>[^()]*(?:\([^()]*\)[^()]*)*?)                  # "Executive Director, HKTDC"
    ,\s+(?P<name>(?:Mr|Ms|Mrs|Miss|Dr|Prof|Professor|Ir|Sir|Dame)\.?\s+
      [A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3})\s*\)          # ", Ms Margaret Fong)"
    """,
    re.VERBOSE,
)


def read_greeting_items(
    sentence: str, span: Span, index: OrganizationIndex, people: list[PersonDraft]
) -> bool:
    """The salutation of a speech, each guest addressed by a short form, then in brackets
    their titles and their full name; they attend. True when the sentence is one.

    Example: "Margaret (Executive Director, Hong Kong Trade Development Council, Ms Margaret
    Fong), Director-General Gao (Director-General of X, Mr Gao Yunhu), ladies and gentlemen,"
    -> Margaret Fong (form "Margaret") and Gao Yunhu (form "Gao"), with their positions.
    """
    items = list(_GREETING_ITEM.finditer(sentence))
    if not items:
        return False
    for item in items:
        name = strip_honorific(item.group("name"))
        person = start_person(name, span, people)
        short = item.group("short").split()[-1]
        if short != name:
            add_form(person, short, people)
        segments = split_segments(item.group("inside"))
        for position in read_positions(segments, span, index):
            if not any(
                p.organization == position.organization and p.title == position.title
                for p in person.positions
            ):
                person.positions.append(position)
        person.role = _stronger(person.role, Role.ATTENDEE)
    return True


_SALUTATION_CLOSER = re.compile(
    r"""^(?:ladies\s+and\s+gentlemen                      # "Ladies and Gentlemen"
    |(?:dear|distinguished|honou?red)\s+(?:guests|friends|colleagues)   # "Distinguished Guests"
    |(?:your\s+)?excellencies)$                           # "Excellencies"
    """,
    re.VERBOSE | re.IGNORECASE,
)
_SALUTED_NAME = re.compile(
    r"""^(?:dear\s+)?(?:
    (?P<given>[A-Z][a-z]+)\s*\((?P<family>[A-Z][\w'’-]+)\)    # "Christine (Loh)"
    |(?:Mr|Ms|Mrs|Miss|Dr|Prof|Professor)\.?\s+               # "Mr Sun", "Dr. Ana Lee"
     (?P<addressed>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2})
    )$""",
    re.VERBOSE | re.IGNORECASE,
)


def read_salutation_names(sentence: str, span: Span, people: list[PersonDraft]) -> bool:
    """A speech's salutation line: the guests it addresses by name, before "Ladies and
    Gentlemen", attend. True when every item before the closing greeting is such a name.

    Example: "Dear Anna (Berg), Mr Tan, Dr. Omar Said, Distinguished Guests, Ladies and
    Gentlemen," -> Anna Berg (form "Anna"), Tan and Omar Said, who attend.
    """
    items = [item.strip() for item in re.split(r"[,;]", sentence.strip().rstrip(",:;!"))]
    closers = [i for i, item in enumerate(items) if _SALUTATION_CLOSER.match(item)]
    if not closers or closers[0] == 0 or any(i < closers[0] for i in closers[1:]):
        return False
    if any(not _SALUTATION_CLOSER.match(item) for item in items[closers[0] :]):
        return False  # the line goes on after its greeting: prose, not a salutation
    saluted = [_SALUTED_NAME.match(item) for item in items[: closers[0]]]
    for match in saluted:
        if match is None:
            continue
        if match.group("given"):
            person = start_person(f"{match.group('given')} {match.group('family')}", span, people)
            add_form(person, match.group("given"), people)
        else:
            person = start_person(match.group("addressed"), span, people)
        person.role = _stronger(person.role, Role.ATTENDEE)
    return all(saluted)


# Verbs that end a title written without a comma before them: "... Commission delivered".
_TRAILING_PREDICATE = re.compile(
    r"""(?<=[A-Za-z)])\s+(?P<verb>(?:delivered|praised|addressed|presided|attended|noted|stressed
        |emphasi[sz]ed|gave|spoke|said|says|introduced|shared|pointed|called|chaired|moderated
        |hosted|expressed|welcomed|highlighted|announced|opened|unveiled|talked|discussed
        |delivers|speaks|gives|addresses|presents|attends|opens|chairs|moderates|notes
        |stresses|highlights|shares|welcomes|introduces|paid|pays|visited|visits|met|meets)
        \b.*)$""",
    re.VERBOSE | re.DOTALL,
)


_NAME_BEFORE = re.compile(r"\b(?:Mr|Ms|Mrs|Dr)\.?\s+[A-Z]\w*$")


def split_trailing_predicate(segment: str) -> tuple[str, str]:
    """A title segment that runs on into the sentence's verb, split before the verb.

    Example: "vice-chairman of the 11th CPPCC praised the construction" -> ("vice-chairman of
    the 11th CPPCC", "praised the construction"); "Director of the Center" -> (it, "").
    """
    match = _TRAILING_PREDICATE.search(segment)
    # "Partner of Climate Bridge Ltd. Mr. Zhou said": another sentence's subject, not this title.
    if not match or _NAME_BEFORE.search(segment[: match.start()]):
        return segment, ""
    return segment[: match.start()], match.group("verb")


def listed_with_body(segments: list[Segment], index: OrganizationIndex) -> tuple[str, str] | None:
    """(name, body) of a programme line that gives a speaker and only their body.

    Example: "Benjamin Barratt, King's College London" -> ("Benjamin Barratt", "King's College
    London"); "Li Wei, director" or "Li Wei said" -> None.
    """
    if len(segments) != 2:
        return None
    name, rest = split_leading_name(segments[0].text, index)
    body = segments[1].text.strip(" .")
    if not name or rest.strip() or is_title_segment(body, index):
        return None
    if is_named_body(body) or (looks_like_organization(body, index) and not is_bare_name(body)):
        return name, body
    return None


# "on behalf of the Rivertown municipal government": the city's government, in lower case.
_LOCAL_GOVERNMENT_CLAUSE = re.compile(
    r"^(?i:representing|on\s+behalf\s+of)\s+the\s+(?P<city>[A-Z][a-z]+)\s+(?:municipal|city)"
    r"\s+government[\s.]*$"
)


def affiliation_clause(segment: str, span: Span, index: OrganizationIndex) -> Position | None:
    """A clause that gives a person's body: "representing UNDP China", "with the Hainan Research
    Academy", "who heads the Blue Carbon Research Center at Hainan University", "on behalf of
    the Rivertown municipal government" (the city's government, when the city is known)."""
    text = segment.strip()
    government = _LOCAL_GOVERNMENT_CLAUSE.match(text)
    if government:
        organization = infer_city_government(f"Mayor of {government.group('city')}", index)
        if organization:
            organization = index.register(organization, span, kind=OrgKind.GOVERNMENT)
            return Position(title="", organization=organization, evidence=span)
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


def read_table_row(
    text: str, span: Span, index: OrganizationIndex, people: list[PersonDraft]
) -> None:
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


def open_person(segment: str, index: OrganizationIndex) -> Opening | None:
    """Read a segment that introduces a person, in any of the shapes reports use.

    "Liu Qiang said", "moderated by Chen Wei from CCID", "Li Ming (Secretary-General, X)",
    "Vice Minister of Commerce Sheng Qiuping said", "Sinopec's chief economist Wang Lei noted".
    """
    name, rest = split_leading_name(segment, index)
    if name:
        opening = read_after_name(name, rest, index)
        if opening:
            return opening
    quoted = _AFTER_QUOTE.match(segment)
    if quoted:
        # '“Producing clean energy is essential,” MOEA Minister Deng Chen-chung said.'
        opening = open_person(quoted.group("rest"), index)
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
    listed = after_list_opener(segment.strip())
    if listed != segment.strip():
        # "Leaders and guests in attendance include Jiang Wanrong": the list's first person.
        name, rest = split_leading_name(listed, index)
        opening = read_after_name(name, rest, index) if name else None
        if opening:
            opener = segment.strip()[: len(segment.strip()) - len(listed)]
            opening.role = _stronger(opening.role, role_from_cue(opener))
            return opening
    # "Joining him were Tsinghua University's Zhang Hua": the list's first person, and a
    # body's name has no lowercase word but its connectors.
    opener = segment.strip()[: len(segment.strip()) - len(listed)]
    possessive = (POSSESSIVE_NAME_RE.match(listed) if ":" not in opener else None) or (
        POSSESSIVE_NAME_RE.match(segment.strip())
    )
    if possessive and any(
        w[:1].islower() and w not in CONNECTORS for w in possessive.group("org").split()
    ):
        possessive = None
    if possessive and is_affiliation(possessive.group("org"), index):
        name, rest = split_leading_name(possessive.group("tail"), index)
        if name and (not rest or starts_predicate(rest)):
            return Opening(name, rest, affiliation=("", possessive.group("org")))
    return read_titled_name(segment, index) or read_addressed_name_at_end(segment, index)


_AFTER_QUOTE = re.compile(r"^\s*[“\"][^”\"]{2,}[”\"]\s*,?\s*(?P<rest>[A-Z].*)$", re.DOTALL)

_ADDRESS_RE = re.compile(r"\b(?:Mr|Ms|Mrs|Dr|Prof|Professor|Ir)\.?\s+(?=[A-Z])")


def read_addressed_name_at_end(segment: str, index: OrganizationIndex) -> Opening | None:
    """A name with an honorific closing a segment of prose: the honorific says a person.

    Example: "followed by the speeches of officiating guests Mr. KS Wong" -> "Mr. KS Wong";
    "the talks were those by Dr. Ana Lee of Blue University, who ..." -> "Dr. Ana Lee" of Blue
    University; "Mr. Li's team presented" -> None (a verb follows, no name closes the segment).
    """
    addresses = list(_ADDRESS_RE.finditer(segment))
    if not addresses:
        return None
    name, rest = split_leading_name(segment[addresses[-1].start() :], index)
    if not name:
        return None
    if rest.strip(" .,;"):
        opening = read_after_name(name, rest, index)
        return opening if opening and opening.affiliation else None
    return Opening(name, "")


def read_after_name(name: str, rest: str, index: OrganizationIndex) -> Opening | None:
    """What follows a name: nothing, a verb, "(title, organisation)" or "from/of organisation"."""
    affiliation = AFFILIATION_RE.match(rest)
    if affiliation and (
        is_affiliation(affiliation.group("org"), index)
        or (rest[:4] in ("from", "at ") and is_brand_phrase(affiliation.group("org").rstrip(".")))
    ):
        after = affiliation.group("rest").strip(" .,;")
        if after and not starts_predicate(after):
            return None
        title = "professor" if re.match(r"Prof(?:essor)?\b", name) else ""
        return Opening(name, after, affiliation=(title, affiliation.group("org")))
    dash = DASH_AFFILIATION_RE.match(rest)
    if dash and is_affiliation(dash.group("org"), index):
        after = (dash.group("rest") or "").strip(" .,;")
        if not after or starts_predicate(after):
            return Opening(name, after, affiliation=("", dash.group("org")))
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
            return Opening(name, after, affiliation=("", bracket.group("title")))
    if bracket and is_title_segment(bracket.group("title").split(",")[0], index):
        after = bracket.group("rest").strip()
        if after and not starts_predicate(after):
            return None
        return Opening(name, after, titles=(Segment(_bracketed_title(bracket.group("title"))),))
    if not rest or starts_predicate(rest):
        return Opening(name, rest)
    return None


def _bracketed_title(inside: str) -> str:
    """ "Secretary-General, China Electronics ... Association" -> "Secretary-General of China ..."."""
    title, _, organization = inside.partition(",")
    if organization.strip():
        return f"{title.strip()} of {organization.strip()}"
    return title.strip()


def is_affiliation(written: str, index: OrganizationIndex) -> bool:
    """A body after "from"/"of"/"at" a name: an organisation, or a one-word brand ("Tencent")."""
    stripped = strip_article(ACRONYM_PAREN_RE.sub("", written)).rstrip(".")
    return (
        looks_like_organization(stripped, index)
        or is_brand_word(stripped)
        or is_brand_phrase(stripped)
    )


def _add_affiliation(
    person: PersonDraft, affiliation: tuple[str, str], span: Span, index: OrganizationIndex
) -> None:
    title, written = affiliation
    organization = resolve_organization(written, span, index, None)[1]
    if organization is None:
        organization = index.register(strip_article(written), span)
    if not any(p.organization == organization for p in person.positions):
        person.positions.append(Position(title=title, organization=organization, evidence=span))


TITLE_CONNECTORS = CONNECTORS | {"to", "former", "acting"}
# Honorifics that only address a person; "Professor" is also a title ("Associate Professor").
ADDRESS_HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "dr", "lord", "excellency", "h.e"})


def is_address_before_name(word: str, before: str) -> bool:
    """An honorific between a title and the name it addresses, not the end of the title.

    Example: ("Mr.", "Ltd"), ("Prof.", "Ltd") in "Chairman of Blue River Ltd Prof. Tom Hale" ->
    True; ("Prof.", "Associate") -> False ("Associate Prof." is the title).
    """
    bare = word.rstrip(".").lower()
    if bare in ADDRESS_HONORIFICS:
        return True
    return bare == "prof" and before.lower() not in TITLE_MODIFIERS


_LIST_OPENER = re.compile(
    r"""^.*?(?:\b(?:including|include|includes|included|such\s+as|among\s+them(?:\s+were)?
    |namely|invited|were|are)\s+|:\s+)(?=[A-Z]|(?:former|acting)\s)""",
    re.VERBOSE,
)


@lru_cache(maxsize=65536)  # asked of each segment by several readers: the pattern is lazy
def after_list_opener(segment: str) -> str:
    """The first item of a list a segment opens with "including", "such as", "among them".

    Example: "three experts including former US Special Envoy Mr. Todd Stern" -> "former US
    Special Envoy Mr. Todd Stern"; "The speakers were: Li Wei" -> "Li Wei"; "the forum
    discussed finance" is left whole.
    """
    match = _LIST_OPENER.match(segment)
    return segment[match.end() :] if match else segment


def read_titled_name(segment: str, index: OrganizationIndex) -> Opening | None:
    """A title written before the name.

    "Vice-Minister of Ecology and Environment Zhao Yingmin delivered the opening address" ->
    title "Vice-Minister of Ecology and Environment", name "Zhao Yingmin"; also
    "UNDP Administrator Achim Steiner said", "Sinopec's chief economist Wang Lei noted".
    """
    text = strip_leading_fillers(after_list_opener(segment.strip()))
    words = list(_WORDS.finditer(text))
    end = len(words)
    for i, match in enumerate(words):
        word = match.group(0)
        if i and _TIME_BEFORE_VERB.match(text[match.start() :]):
            end = i  # "Minister Li Wei on Tuesday opened": the day is not the title's
            break
        # "Chinese Ambassador to the United States Qin Gang": "to" stays inside the title.
        if (
            word[0].islower()
            and word not in TITLE_CONNECTORS
            and not is_title_word(word)
            and not particle_inside_name(words, i)
        ):
            end = i
            break
    # "by Governor Ana Lee and breakout sessions": a connector before the first lower-case
    # word joins the name to the next phrase, not to more of the title.
    while 0 < end < len(words) and words[end - 1].group(0) in ("and", "&"):
        end -= 1
    lead = [w.group(0) for w in words[:end]]
    particled = particled_name_size(lead)
    for i, word in enumerate(lead[2:], start=2):
        # "Deputy Director General Zhou Meixiang of FCSSC gave": the name ends before "of".
        if word in {"of", "from", "at"} and (
            (
                i >= 3
                and _looks_chinese_name(lead[i - 2 : i])
                and any(is_title_word(w) for w in lead[: i - 2])
            )
            or is_titled_surname(lead[:i])
            or name_between_title_and_body(lead, i, index)
        ):
            end, lead = i, lead[:i]
            break
    size = 3 if len(lead) >= 3 and re.fullmatch(r"[A-Z]\.", lead[-2]) else 2
    if (
        has_english_name_before_hyphenated_given(lead)
        or has_hong_kong_given_name_last(lead)
        or has_three_word_western_name(lead)
    ):
        size = 3
    if len(lead) >= 4 and is_three_word_chinese_name([w.rstrip(".,") for w in lead[-3:]]):
        size = 3
    surname_only = is_titled_surname(lead)
    size = particled or (1 if surname_only else size)
    if len(lead) <= size:
        return None
    name_words, title_words = lead[-size:], lead[:-size]
    # "former US Special Envoy for Climate Change Mr. Todd Stern": the honorific opens the name.
    addressed = False
    while len(title_words) > 1 and is_address_before_name(title_words[-1], title_words[-2]):
        title_words, addressed = title_words[:-1], True
    name = " ".join(name_words).rstrip(".,")
    if title_words[-1].lower() in CONNECTORS or (
        not surname_only and split_leading_name(name, index)[0] != name
    ):
        return None
    if not (
        is_title_word(title_words[-1])
        or _looks_chinese_name(name_words)
        or is_three_word_chinese_name(name_words)
        or addressed
        or particled
        or title_ends_in_country(title_words)
        or title_ends_in_portfolio(title_words, name_words)
    ):
        return None  # "vice president of Ping An Asset Management" ends in a body, not a person
    if not any(is_title_word(re.sub(r"['’]s$", "", w)) for w in title_words):
        return None
    rest = text[words[end].start() :] if end < len(words) else ""
    body, rest = body_after_titled_name(rest)
    rest = without_time_before_verb(rest)
    if rest and not starts_predicate(rest):
        return None
    title = owner_title(" ".join(title_words) + (f" of {body}" if body else ""), index)
    return Opening(
        name,
        rest,
        titles=(Segment(title),),
        state_title=is_state_title(title),
    )


def has_english_name_before_hyphenated_given(lead: list[str]) -> bool:
    """ "Vice Minister Tom Wen-li Chou": a romanised given name written with a hyphen and a
    lower-case second syllable, with an English name before it and the surname after; the
    three words are one name.

    Example: ["Vice", "Minister", "Tom", "Wen-li", "Chou"] -> True; ["Vice", "Minister",
    "Wen-li", "Chou"] -> False (the word before the given name is the title's).
    """
    return (
        len(lead) >= 4
        and bool(re.fullmatch(r"[A-Z][a-z]+-[a-z]+", lead[-2]))
        and bool(re.fullmatch(r"[A-Z][a-z]+", lead[-3]))
        and not is_title_word(lead[-3])
        and lead[-3].lower() not in TITLE_PORTFOLIO_WORDS
        and not GAZETTEER.is_place(lead[-3])
    )


def has_three_word_western_name(lead: list[str]) -> bool:
    """ "Commission President Ana Maria Lindqvist": three capitalised words right after a title
    word, none a title's, a place's, a body's or a portfolio's, are one person's given names and
    surname.

    Example: ["Vice", "President", "Ana", "Maria", "Lindqvist"] -> True; ["Director", "General",
    "Tom", "Hale"] (two name words), ["Minister", "of", "Blue", "River", "Affairs"] -> False.
    """
    if len(lead) < 4 or not is_title_word(re.sub(r"['’]s$", "", lead[-4])):
        return False
    name = lead[-3:]
    return not _looks_chinese_name(name[1:]) and all(
        re.fullmatch(r"[A-Z][a-z]+(?:[-'’][A-Z]?[a-z]+)?", w)
        and not is_title_word(w)
        and w.lower() not in TITLE_MODIFIERS
        and w.lower() not in ORG_HEADS
        and w.lower() not in TITLE_PORTFOLIO_WORDS
        and w.lower() not in CONNECTORS
        and w not in NOT_NAME_WORDS
        and not GAZETTEER.is_place(w)
        and GAZETTEER.country_of(w) is None
        for w in name
    )


def has_hong_kong_given_name_last(lead: list[str]) -> bool:
    """ "Financial Secretary Paul Chan Mo-po": Hong Kong's written order, an English name, the
    surname, then the Cantonese given name hyphenated with a lower-case second syllable; the
    three words are one name.

    Example: ["Financial", "Secretary", "Paul", "Chan", "Mo-po"] -> True; ["Secretary", "Chan",
    "Mo-po"] -> False (the word before the surname is the title's).
    """
    return (
        len(lead) >= 4
        and bool(re.fullmatch(r"[A-Z][a-z]+-[a-z]+", lead[-1]))
        and all(re.fullmatch(r"[A-Z][a-z]+", w) for w in lead[-3:-1])
        and not any(is_title_word(w) for w in lead[-3:-1])
        and lead[-3].lower() not in TITLE_PORTFOLIO_WORDS
        and not any(GAZETTEER.is_place(w) for w in lead[-3:-1])
    )


def name_between_title_and_body(lead: list[str], at: int, index: OrganizationIndex) -> bool:
    """ "Chief Economist Ana Lee of Lakeside Capital said": two name words right after a
    title word and right before "of" a body, so the name ends at "of".

    Example: (["Chief", "Economist", "Ana", "Lee", "of", "Lakeside", "Capital"], 4) -> True;
    "Director of Lakeside Capital" has no name before its "of".
    """
    if at < 3 or not is_title_word(lead[at - 3]):
        return False
    name = lead[at - 2 : at]
    if any(
        not re.fullmatch(r"[A-Z][a-z][\w'’-]*", w)
        or is_title_word(w)
        or w.lower() in ORG_HEADS
        or GAZETTEER.is_place(w)
        for w in name
    ):
        return False
    body = " ".join(lead[at + 1 :]).rstrip(".,")
    if lead[at - 3].lower() in ("mayor", "governor"):
        # "Mayor Ana Lee of X": X is a city, known to the gazetteer or not written as one
        return GAZETTEER.is_place(body)
    return bool(body) and (looks_like_organization(body, index) or is_brand_phrase(body))


def title_ends_in_country(title_words: list[str]) -> bool:
    """ "Deputy Minister of Energy of Blueland" before "Ana Lee": a portfolio, then the
    country, end the post, so the capitalised words after it are the holder's name. One "of"
    ("Chairman of China Resources Land") may still be inside a body's name."""
    if title_words.count("of") < 2:
        return False
    if len(title_words) < 3 or title_words[-2] != "of":
        if len(title_words) < 4 or title_words[-3] != "of":
            return False
        return GAZETTEER.country_of(" ".join(title_words[-2:])) is not None
    return GAZETTEER.country_of(title_words[-1]) is not None


def title_ends_in_portfolio(title_words: list[str], name_words: list[str]) -> bool:
    """ "Deputy Minister of Foreign Affairs" before "Ana Lee": a portfolio's words after the
    title's "of" end the post, so the capitalised words after them, none a portfolio's, are the
    holder's name.

    Example: (["Deputy", "Minister", "of", "Foreign", "Affairs"], ["Ana", "Lee"]) -> True;
    (["Director", "of", "Blue", "Capital"], ["Ana", "Lee"]) -> False (a body's name may run on);
    (["Envoy", "for", "Climate"], ["Change", "Affairs"]) -> False (the portfolio runs on).
    """
    if any(w.lower() in TITLE_PORTFOLIO_WORDS for w in name_words):
        return False
    for i in range(len(title_words) - 1, 0, -1):
        if title_words[i] in ("of", "for"):
            portfolio = title_words[i + 1 :]
            return (
                is_title_word(title_words[i - 1])
                and 1 <= len(portfolio) <= 4
                and all(w.lower() in TITLE_PORTFOLIO_WORDS or w in ("and", "&") for w in portfolio)
            )
    return False


_TIME_BEFORE_VERB = re.compile(
    rf"""^(?:on\s+(?:{WEEKDAY_ALTERNATION})|yesterday|today|earlier\s+today|this\s+morning)
    \s+(?=[a-z])""",
    re.VERBOSE,
)


def without_time_before_verb(rest: str) -> str:
    """The words after a titled name with the day of the news dropped before its verb.

    Example: "on Tuesday opened the forum" -> "opened the forum" (after "Minister Li Wei");
    "on behalf of the city" is kept (no weekday, no verb).
    """
    match = _TIME_BEFORE_VERB.match(rest)
    if match and starts_predicate(rest[match.end() :]):
        return rest[match.end() :]
    return rest


_BODY_THEN_VERB = re.compile(
    r"""^(?:of|from|at)\s+(?:the\s+)?
    (?:\d{1,2}(?:st|nd|rd|th)\s+)?      # a session's number, not the body's: "the 9th X"
    (?P<body>[A-Z][\w&.'’-]*(?:\s+(?:(?:of|for|and|the|&)\s+)*[A-Z][\w&.'’-]*)*)
    (?:\s*\([A-Z][\w-]{1,12}\))?       # its acronym: "(DEA)"
    (?:\s+(?P<rest>[a-z].*))?$          # the verb, or nothing in a salutation's line
    """,
    re.VERBOSE | re.DOTALL,
)


def body_after_titled_name(rest: str) -> tuple[str, str]:
    """The body after a titled name, before the verb: (body, the rest), else ("", rest).

    Example: "of FCSSC gave a keynote speech" -> ("FCSSC", "gave a keynote speech") after
    "Deputy Director General Zhou Meixiang"; "gave a speech" -> ("", "gave a speech");
    "of FCSSC" closing a greeting's line -> ("FCSSC", ""); "of the 3rd Blue Assembly" ->
    ("Blue Assembly", "") (the session's number is not the body's name).
    """
    match = _BODY_THEN_VERB.match(rest)
    if not match or (match.group("rest") and not starts_predicate(match.group("rest"))):
        return "", rest
    return match.group("body"), match.group("rest") or ""


def is_state_title(title: str) -> bool:
    """A state leader's title, with at most the nation's name before it.

    Example: "President", "Chinese President", "China's Vice Premier" -> True; "President of
    the Energy Foundation", "Association President" -> False.
    """
    words = title.split()
    for i in range(min(len(words), 3)):
        if " ".join(words[i:]).lower() in STATE_TITLES:
            nation = " ".join(words[:i])
            return (
                not nation
                or bool(re.fullmatch(r"[A-Z][a-z]+(?:ese|an|ian|ish|['’]s)", nation))
                or GAZETTEER.country_of(nation) is not None
            )
    return False


def is_three_word_chinese_name(words: list[str]) -> bool:
    """A Hong Kong or Macao name in its usual order: a surname, then two short syllables.

    Example: ["Ho", "Iat", "Seng"], ["Lei", "Wai", "Nong"] -> True; ["Macao", "SAR", "Ho"],
    ["Energy", "Wai", "Nong"] -> False.
    """
    return (
        len(words) == 3
        and (is_chinese_surname(words[0]) or is_cantonese_surname(words[0]))
        and words[0][1:].islower()
        and all(
            2 <= len(w) <= 5 and w[:1].isupper() and w[1:].islower() and not is_title_word(w)
            for w in words[1:]
        )
        and not any(GAZETTEER.is_place(w) for w in words)
    )


def particle_inside_name(words: list[re.Match[str]], i: int) -> bool:
    """A lowercase particle between two capitalised words of a name, after a title.

    Example: "do" in "Secretary for Transport Raimundo Arrais do Rosário" -> True; "and" in
    "Minister and Mayor" or "do" at the end of a segment -> False.
    """
    word = words[i].group(0)
    following = words[i + 1].group(0) if i + 1 < len(words) else ""
    previous = words[i - 1].group(0) if i else ""
    return (
        word in NAME_PARTICLES
        and previous[:1].isupper()
        and (following[:1].isupper() or following in NAME_PARTICLES)
    )


def particled_name_size(lead: list[str]) -> int | None:
    """How many closing words of a title-led phrase are a name with particles, else None.

    Example: ["Secretary", "of", "the", "Macao", "SAR", "Raimundo", "Arrais", "do",
    "Rosário"] -> 4 ("Raimundo Arrais do Rosário"); ["Director", "Li", "Wei"] -> None.
    """
    first_particle = next(
        (i for i in range(1, len(lead) - 1) if lead[i] in NAME_PARTICLES and lead[i][0].islower()),
        None,
    )
    if first_particle is None or not lead[-1][:1].isupper():
        return None
    start = first_particle
    # Up to two given names before the particles: "Raimundo Arrais", "Ursula".
    while start > 1 and first_particle - start < 2:
        word = lead[start - 1].rstrip(",.")
        if not (word[:1].isupper() and word[1:].islower()) or is_title_word(word):
            break
        if word.lower() in CONNECTORS or word in NOT_NAME_WORDS:
            break
        start -= 1
    if start == first_particle or start < 1:
        return None
    return len(lead) - start


def is_titled_surname(lead: list[str]) -> bool:
    """A Chinese official addressed by title and family name alone, as speeches greet them.

    Example: ["Vice", "Mayor", "Tang"], ["Deputy", "Director", "General", "Luo"] -> True;
    ["Director", "Tang", "Wei"] (a full name), ["Director", "Energy"], ["Tang"] -> False.
    """
    if len(lead) < 2:
        return False
    surname, before = lead[-1].rstrip(".,"), lead[-2].lower()
    return (
        surname[:1].isupper()
        and surname[1:].islower()
        and is_chinese_surname(surname)
        and not GAZETTEER.is_place(surname)
        and (is_title_word(before) or before in TITLE_MODIFIERS)
    )


def _looks_chinese_name(words: list[str]) -> bool:
    """ "Li Guoying", "ZHOU Dadi": a Chinese surname, then pinyin."""
    return len(words) == 2 and is_chinese_surname(words[0]) and is_pinyin_word(words[1].strip(".,"))


def owner_title(title: str, index: OrganizationIndex) -> str:
    """Put the organisation after the title: "Sinopec's chief economist" -> "chief economist of
    Sinopec"; "UNDP Administrator" -> "Administrator of UNDP"; "Tianjin's vice-mayor" -> "vice-mayor
    of Tianjin". Titles already shaped "X of Y" are kept, a possessive inside their body too:
    "Vice-Governor of the People's Government of Guangdong Province"."""
    possessive = re.match(r"(?P<owner>.+?)['’]s\s+(?P<title>.+)$", title)
    if possessive and not re.search(r"\s(?:of|for|to|at|in)\s", possessive.group("owner")):
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


def role_from_cue(before: str) -> Role | None:
    """The role the words before a name give: "The panel, moderated by" -> moderator; "the
    ceremony was officiated by" -> attendee (officiating guests are named, not heard)."""
    lowered = before.lower()
    if re.search(r"\b(?:moderated|hosted|chaired|presided\s+over)\s+by\s*$", lowered):
        return Role.MODERATOR
    if re.search(r"\b(?:moderators?|chair|hosts?)\s*:\s*$", lowered):
        return Role.MODERATOR
    if re.search(r"\bofficiated\s+by\s*$", lowered):
        return Role.ATTENDEE
    if re.search(r"\bpanel", lowered):
        return Role.PANELIST
    if re.search(r"\bkeynote", lowered):
        return Role.KEYNOTE
    return None


def _stronger(current: Role | None, new: Role | None) -> Role | None:
    if new is None or (current is not None and ROLE_RANK[current] >= ROLE_RANK[new]):
        return current
    return new


_COMPANY_LIMITED = re.compile(r"Co\.,\s*Ltd")
_SEGMENT_MARKS = re.compile(r'[(),;“”"]')


def split_segments(sentence: str) -> list[Segment]:
    """Split at commas, semicolons and "and" before a title or name; "Co., Ltd." stays whole.

    "A, director of X and former Vice Minister of Y, said" -> A | director of X |
    former Vice Minister of Y | said
    """
    protected = _COMPANY_LIMITED.sub("Co.\x00 Ltd", sentence)
    parts: list[str] = []
    depth, quote, start = 0, False, 0
    # Only brackets, quotes and separators change what is read: the text between is skipped.
    for mark in _SEGMENT_MARKS.finditer(protected):
        char = mark.group()
        if char == "(":
            depth += 1
        elif char == ")":
            depth = max(0, depth - 1)
        elif char in '“”"':
            quote = not quote if char == '"' else char == "“"
        elif depth == 0 and not quote:
            parts.append(protected[start : mark.start()])
            start = mark.end()
    parts.append(protected[start:])
    segments: list[Segment] = []
    for part in parts:
        segments.extend(split_at_and(part.replace("\x00", ",").strip()))
    return [s for s in segments if s.text]


def unglue_names_before_titles(segments: list[Segment], index: OrganizationIndex) -> list[Segment]:
    """A glued Chinese name that ends its segment, a title after the comma, gets its space.

    Example: "From 23 Jan, ShuYinbiao" | "Chairman of State Grid" -> "From 23 Jan, Shu
    Yinbiao"; "HuaWei" | "said" stays (no title follows).
    """
    read: list[Segment] = []
    for at, segment in enumerate(segments):
        following = segments[at + 1].text if at + 1 < len(segments) else ""
        words = segment.text.split()
        spaced = unglue_pinyin_name(words[-1]) if words else None
        if spaced and is_title_segment(following, index):
            text = segment.text[: segment.text.rfind(words[-1])] + spaced
            read.append(Segment(text, segment.joined_by_and))
        else:
            read.append(segment)
    return read


_CONTRAST_RE = re.compile(r"\s+(?:while|whereas)\s+(?=[A-Z])")


def split_at_contrast(segments: list[Segment], index: OrganizationIndex) -> list[Segment]:
    """A "while" that opens a clause with a person of its own is a break between subjects.

    Example: "Zhang Jing was elected Secretary General while Xu Yujie" -> "Zhang Jing was
    elected Secretary General" | "Xu Yujie"; "while Beijing hosted" stays whole.
    """
    split: list[Segment] = []
    for segment in segments:
        match = _CONTRAST_RE.search(segment.text)
        if (
            match
            and match.start() > 0
            and split_leading_name(segment.text[match.end() :], index)[0]
        ):
            split.append(Segment(segment.text[: match.start()], segment.joined_by_and))
            split.append(Segment(segment.text[match.end() :]))
        else:
            split.append(segment)
    return split


def titled_names_joined(head: str, remainder: str) -> bool:
    """ "UNEP Regional Director Ana Lee and ADB Vice-President Tom Hale spoke": each side of
    "and" is a title written before a name, the first with nothing after its name."""
    scratch = OrganizationIndex()
    first = read_titled_name(head, scratch)
    return bool(first) and not first.rest and read_titled_name(remainder, scratch) is not None


def split_at_and(part: str) -> list[Segment]:
    """Split "director of X and former Vice Minister of Y" before the second title."""
    pieces = [Segment(part)]
    for match in reversed(list(re.finditer(r"\s+and\s+", part))):
        remainder = part[match.end() :]
        head = pieces[0].text[: match.start()]
        if and_inside_body_name(head, remainder) or fields_before_title(head, remainder):
            continue
        # "Mayor Ana Lee and vice-mayors Li Wei and Tom Hale": the titled name after this
        # "and" ends at the next "and", already split off.
        tail = pieces[0].text[match.end() :]
        if head and (
            title_phrase_leads(remainder)
            or _names_joined(head, remainder)
            or titled_names_joined(head, tail)
        ):
            pieces = [Segment(head), Segment(tail, joined_by_and=True), *pieces[1:]]
    return pieces


_FIELD_AFTER_UNIT = re.compile(
    r"""
    \b(?P<unit>[A-Z][a-z]+)\s+(?:of|for)\s+(?:the\s+)?    # "School of", "Institute for the"
    (?P<field>(?:[A-Z][\w-]*\s+){0,2}[A-Z][\w-]*)$        # "Mechanical", "Urban Water"
    """,
    re.VERBOSE,
)
_FIELD_WORDS = re.compile(r"^(?P<words>[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,3})(?=\s*(?:[,;(]|$))")


def and_inside_body_name(head: str, remainder: str) -> bool:
    """ "and" joining two fields inside one body's name, which no person follows.

    Example: "from the School of Marine and Coastal Engineering" -> True (one school);
    "director of the School of Law and Li Wei", "... Institute of Physics and Mr. Tom Hale",
    "... Institute of Physics and Tom Hale",
    "Director of the Bureau and Deputy Mayor" -> False.
    """
    unit = _FIELD_AFTER_UNIT.search(head)
    if not unit or unit.group("unit").lower() not in ORG_HEADS | UNIT_WORDS:
        return False
    if unit.group("field").split()[-1].lower() in ORG_HEADS:
        return False  # "Ministry of Commerce Bureau and ...": the first name is already whole
    field = _FIELD_WORDS.match(remainder)
    if not field or has_honorific(remainder) or title_phrase_leads(remainder):
        return False
    words = field.group("words").split()
    if not FIELD_ENDING_RE.search(words[-1]) and words[-1].lower() not in DISCIPLINES:
        return False  # "Institute of Physics and John Smith": a person, not a field, follows
    return not (
        _looks_chinese_name(words)
        or is_three_word_chinese_name(words)
        or any(w.lower() in ORG_HEADS or is_title_word(w) for w in words)
    )


def fields_before_title(head: str, remainder: str) -> bool:
    """ "and" joining two fields of a body's name that a person's title follows, the body
    written before the title.

    Example: "Ministry of Industry" + "Information Technology Head of X Li Wei" -> True;
    "Ministry of Industry" + "Vice Minister Li Wei", "Institute of Physics" + "Tom Hale" -> False.
    """
    unit = _FIELD_AFTER_UNIT.search(head)
    if not unit or unit.group("unit").lower() not in ORG_HEADS | UNIT_WORDS:
        return False
    words = remainder.split()
    title_at = next((i for i, w in enumerate(words) if is_title_word(w.strip(",."))), None)
    if title_at is None or not 1 <= title_at <= 3:
        return False
    fields = words[:title_at]
    return (
        all(re.fullmatch(r"[A-Z][a-z][\w-]*", w) for w in fields)
        and bool(FIELD_ENDING_RE.search(fields[-1]) or fields[-1].lower() in DISCIPLINES)
        and not any(w.lower() in ORG_HEADS for w in fields)
        and not _looks_chinese_name(fields)
    )


def _names_joined(head: str, remainder: str) -> bool:
    """ "Mr. Zhang and Ms. Li" or "director and Li Wei": never "Environment and Natural Resources"."""
    if name_with_body(head) and name_with_body(remainder):
        return True
    if not is_bare_name(remainder):
        return False
    last = head.split()[-1] if head.split() else ""
    # "Deputy Mayor of Hangzhou Chen Weiqiang and Yin Yu": a title-led name, then another.
    # "minister of the National Energy Administration and Zhou Naixiang, acting governor":
    # no body's name ends in a Chinese person's name, so the list goes on with a person.
    return (
        is_bare_name(head)
        # "AIT Director Christopher Marut and Robert Wang": a title-led name, then another.
        or read_titled_name(head, OrganizationIndex()) is not None
        or has_honorific(remainder)  # "... President of the Agency and Mr. Hideki Minamikawa"
        or (len(last) >= 2 and last.isupper())  # "Director General at NDRC and Veerle Vandeweerd"
        or last[:1].islower()
        or _looks_chinese_name(head.split()[-2:])
        or _looks_chinese_name(remainder.split())
    )


def name_with_body(text: str) -> bool:
    """A person's name then "of/from/at" a capitalised body, the whole text.

    Example: "Ana Lee of Blue Capital", "Li Wei (Tsinghua University)" -> True; "Also speaking were Sam Ortiz of Green Bank"
    -> True (a list opener before the name); "Ministry of Finance" -> False.
    """
    name, rest = split_leading_name(after_list_opener(text.strip()), OrganizationIndex())
    if not name:
        for cue in CUE_RE.finditer(text):
            name, rest = split_leading_name(text[cue.end() :], OrganizationIndex())
            if name:
                break
    return bool(name) and bool(
        re.fullmatch(
            r"(?:(?:of|from|at|with)\s+(?:the\s+)?[A-Z][\w&.'’-]*(?:\s+\S+){0,8}|\([^()]{2,80}\)\.?)",
            rest,
        )
    )


_WORDS = re.compile(r"\S+")
_LEADING_HONORIFICS = re.compile(
    r"(?:(?:(?:Assoc(?:iate)?\.?\s+)?Prof(?:essor)?|Mr|Mrs|Ms|Miss|Dr|Academician|Sir)\.?\s+)+"
)
# "A.Elkhereiji" is two tokens: an initial glued to the next word, then the word.
_NAME_WORDS = re.compile(r"[A-Z]\.(?=[A-Z])|\S+")
_NAME_TOKENS = re.compile(r"[A-Z]\.(?=[A-Z])|[^\s:,]+")
_WORD_ENDING = re.compile(r"(?:['’]s|[:,.])$")
_INITIAL = re.compile(r"[A-Z]\.")
_TWO_CAPITALS = re.compile(r"[A-Z]{2}")
_ARABIC_ARTICLE_NAME = re.compile(r"(?:al|el|ad|ar|as|ash|at|az)-[A-Z][a-z'’]+(?:-[A-Z][a-z]+)?")


def split_leading_name(segment: str, index: OrganizationIndex) -> tuple[str | None, str]:
    """ "Mr. Yanhua LIU" -> ("Mr. Yanhua LIU", ""); "Zou Ji: First, ..." -> ("Zou Ji", ": First")."""
    text = strip_leading_fillers(segment.strip())
    honorific = _LEADING_HONORIFICS.match(text)
    body_start = honorific.end() if honorific else 0
    taken: list[str] = []
    end = body_start
    # "A.Elkhereiji" is read as two tokens; the written form keeps the report's spelling.
    # Only the first five words can be a name: a long segment is not read to its end.
    words = list(islice(_NAME_WORDS.finditer(text[body_start:]), 5))
    for i, match in enumerate(words):
        word = match.group(0)
        bare = _WORD_ENDING.sub("", word) if not _INITIAL.fullmatch(word) else word
        following = words[i + 1].group(0) if i + 1 < len(words) else ""
        if not (
            is_name_token(bare, index)
            or is_capitalised_family_name(bare, taken, index)
            or are_initials_before_surname(bare, taken, following)
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


def are_initials_before_surname(word: str, taken: list[str], following: str) -> bool:
    """Two given-name initials written together before a Chinese family name, as Hong Kong
    writes them.

    Example: "KS" before "Wong" -> True; "EU" before "Commission", "KS" after a name -> False.
    """
    surname = following.rstrip(",.:;")
    return (
        not taken
        and bool(_TWO_CAPITALS.fullmatch(word))
        and surname[:1].isupper()
        and surname[1:].islower()
        and (is_chinese_surname(surname) or is_cantonese_surname(surname))
    )


def is_capitalised_family_name(word: str, taken: list[str], index: OrganizationIndex) -> bool:
    """A family name in capitals after a given name, as conference lists write them.

    Example: "HEDEGAARD" or "KONO" after ["Connie"] -> True; "UNDP" (a known body), "AESC"
    (an acronym's letters) after ["Envision"], "PDR" after ["Lao"] (a place), "WATSON" with
    no given name before it -> False.
    """
    return (
        len(taken) == 1
        and taken[0][:1].isupper()
        and taken[0][1:].islower()
        and (len(word) >= 5 or bool(re.fullmatch(r"[^AEIOU][AEIOU][^AEIOU][AEIOU]", word)))
        and word.isupper()
        and not GAZETTEER.is_place(taken[0])
        and word.replace("-", "").replace("'", "").isalpha()
        and not find_known_organization(word)
        and not index.resolve(word)
    )


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
    if any(_INITIAL.fullmatch(t) for t in tokens):
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


def _has_non_person_head(tokens: list[str]) -> bool:
    lowered = [t.lower().strip(",.;:") for t in tokens]
    return any(t in NON_PERSON_HEADS for t in lowered) or lowered[0].startswith("sino-")


def ends_in_nationality(tokens: list[str]) -> bool:
    """ "Notable Swedish presence at ...": a capitalised adjective of nationality after a
    headline's first word ends no person's name, as a family name would.

    Example: ["Notable", "Swedish"] -> True; ["Anders", "Lind"] -> False.
    """
    return tokens[-1].lower().strip(",.;:") in NATIONALITY_ADJECTIVES


def _end_of_tokens(text: str, count: int) -> int:
    tokens = list(islice(_NAME_TOKENS.finditer(text), count))
    return tokens[-1].end() if tokens else 0


def _valid_name(tokens: list[str], honorific: bool) -> bool:
    if len(tokens) == 1:
        return honorific
    if _has_non_person_head(tokens) or ends_in_nationality(tokens):
        return False
    if len(tokens) > 4:
        return False
    if all(len(t) <= 2 for t in tokens):
        # "Li Na" is a name; "EU UN" is not.
        return is_chinese_surname(tokens[0]) and all(is_pinyin_word(t) for t in tokens[1:])
    return True


def is_name_token(word: str, index: OrganizationIndex) -> bool:
    """A capitalised word that can be part of a person's name: "Lalić", "J.", "LIU", "Clarence-Smith"."""
    if _INITIAL.fullmatch(word) or is_arabic_article_name(word):
        return True
    if not word or not word[0].isupper() or not word.replace("-", "").replace("'", "").isalpha():
        return False
    if word.isupper() and len(word) > 1:
        return (
            (is_chinese_surname(word) or is_cantonese_surname(word))
            and not find_known_organization(word)
            and not index.resolve(word)
        )
    if word.lower() in NOT_NAME_WORDS or fold_keeping_punctuation(word) in NOT_NAME_WORDS:
        return False
    return not (find_known_organization(word) or GAZETTEER.country_of(word))


def is_arabic_article_name(word: str) -> bool:
    """ "al-Amin", "el-Sayed": an Arabic family name written with its article in lowercase.

    Example: "al-Amin" -> True; "al-", "all-round", "Al-Amin" (capitalised, a name anyway)
    -> False.
    """
    return bool(_ARABIC_ARTICLE_NAME.fullmatch(word))


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
    if first in AUXILIARY_VERBS:
        return True  # "was elected Secretary General": a title after the verb is its object
    if not first[0].islower() or first in ("a", "an", "the", "as") or is_title_word(first):
        return False
    return not title_phrase_leads(" ".join(words))


def is_org_segment(text: str, index: OrganizationIndex) -> bool:
    """A bare organisation or place that continues the title before it: ", China Remin University"."""
    stripped = strip_article(text)
    if not stripped or not stripped[0].isupper() or is_bare_name(stripped):
        return False
    return GAZETTEER.is_place(stripped) or looks_like_organization(stripped, index)


def start_person(written: str, span: Span, people: list[PersonDraft]) -> PersonDraft:
    """The person `written` refers to, created when new."""
    existing = match_person(written, people, by_given_name=True)
    if existing:
        add_form(existing, written, people)
        return existing
    person = PersonDraft(written=written, forms=[], positions=[], evidence=span)
    person.keys.add(written_key(written))
    people.append(person)
    return person


def match_person(
    written: str, people: list[PersonDraft], *, by_given_name: bool = False
) -> PersonDraft | None:
    """Same person when the name keys are equal, or a bare surname names exactly one person;
    `by_given_name` for a person newly introduced, who may be a given name with an honorific."""
    key = written_key(written)
    person = people.first_with_key(key)
    if person is not None:
        return person
    tokens = name_tokens(written)
    if len(tokens) == 1:
        hits = [p for p in people if tokens[0] in _family_parts(p)]
        if not hits and by_given_name and has_honorific(written):
            # "Mr Liang Zhipeng ... Mr. Zhipeng said": a writer took the given name for the
            # family name; it still names the one person introduced with it.
            hits = [p for p in people if tokens[0] in _given_parts(p)]
        if len(hits) == 1:
            return hits[0]
    return None


@lru_cache(maxsize=65536)
def written_key(written: str) -> str:
    """The key of the name as it will be shown, so two ways of writing one person meet.

    Example: "Associate Professor Liu Zhu" (shown "Liu Zhu") has the key of "Liu Zhu": the
    "Associate" of the title is no part of the name.
    """
    return name_key(_shown_name(written))


@lru_cache(maxsize=4096)
def _shown_name(written: str) -> str:
    name, _ = parse_person_name_with_warnings(written)
    return name.display or written


def _given_parts(person: PersonDraft) -> frozenset[str]:
    return _given_tokens(person.written)


@lru_cache(maxsize=4096)
def _given_tokens(written: str) -> frozenset[str]:
    name, _ = parse_person_name_with_warnings(written)
    return frozenset(name_tokens(name.given or ""))


def _family_parts(person: PersonDraft) -> frozenset[str]:
    return _family_tokens(person.written)


@lru_cache(maxsize=4096)
def _family_tokens(written: str) -> frozenset[str]:
    # Asked for every person at every bare surname in the report; the answer never changes.
    name, _ = parse_person_name_with_warnings(written)
    return frozenset(name_tokens(name.family))


def add_form(person: PersonDraft, written: str, people: People) -> None:
    """Keep a new written form; honorifics are dropped unless the form is a bare surname."""
    form = space_initials(strip_honorific(written))
    if len(form.split()) == 1 and has_honorific(written):
        form = written.strip()
    if form != person.written and form not in person.forms and written.strip() != person.written:
        person.forms.append(form)
    people.add_key(person, written_key(written))


def close_groups(
    pending: list[tuple[PersonDraft, list[Segment]]],
    predicate: str,
    span: Span,
    index: OrganizationIndex,
    unsaid: Role | None = None,
) -> None:
    """Give every open person their positions and the role the closing verb implies, or
    `unsaid` when no verb closes the sentence."""
    role = role_from_predicate(predicate) or unsaid
    for person, segments in pending:
        if (
            person.role is None
            and not person.positions
            and unsaid is None
            and is_recalled(person, predicate)
        ):
            person.recalled = True
        if person.recalled:
            continue  # a body named only in a recalled title is not one at the event
        positions = read_positions(segments, span, index)
        if not positions and not predicate and not person.positions and role is None:
            continue
        for position in positions:
            if not is_known_post(position, person.positions):
                person.positions.append(position)
        if role and (person.role is None or ROLE_RANK[role] > ROLE_RANK[person.role]):
            person.role = role
        if person.role is None:
            person.role = Role.SPEAKER if (positions or predicate) else None
        if ONLINE_RE.search(predicate):
            person.online = True


def is_known_post(position: Position, positions: list[Position]) -> bool:
    """A post the person already holds: the same body, or with no body the same title.

    Example: "Deputy Director" with no body after "Deputy director" of the River Institute ->
    True ("Deputy director Wang Hua" then "Deputy Director Wang": one post, written twice).
    """
    if position.organization:
        return any(p.organization == position.organization for p in positions)
    title = (position.title or "").lower()
    return any((p.title or "").lower() == title for p in positions)


def is_recalled(person: PersonDraft, predicate: str) -> bool:
    """Mentioned, not taking part: "had earlier urged ...", "President Xi proposed ... in 2013".

    A state leader named by title alone counts only when the verb puts them at an event.
    """
    if RECALLED_RE.match(predicate):
        return True
    return person.state_title and not AT_EVENT_RE.search(predicate)


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
