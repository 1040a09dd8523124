"""One report through the stages, in this order:

read (decode bytes) -> clean (repair, page furniture, headline, dateline, page date) ->
segment (sentences) -> find mentions (organisations, the event's frame, people with their
positions, dates, places, topics) -> resolve (merge organisation spellings, acronyms, point
positions and organisers at the names kept). Every stage reads words through `lexicon`.
"""

from __future__ import annotations

import re
from dataclasses import replace

from events.extraction.dates import find_event_dates
from events.extraction.event_facts import find_event_frame
from events.extraction.lexicon import GAZETTEER
from events.extraction.organizations import (
    OrganizationIndex,
    find_organizations,
    has_organization_head,
    infer_kind,
    register_with_parent,
    split_coordinated,
    split_unit_and_parent,
)
from events.extraction.people import find_participants
from events.extraction.places import find_places
from events.extraction.records import (
    ExtractedEvent,
    ExtractedReport,
    Organizer,
    OrgKind,
    Span,
    Warning,
)
from events.extraction.text import clean_report, decode_report, split_sentences
from events.extraction.topics import tag_topics


def extract_report(data: bytes | str, *, source: str) -> ExtractedReport:
    """Extract every event, person and organisation a report states.

    Raises ReportError when the input cannot be read as text at all; messy prose never raises.
    """
    if isinstance(data, bytes):
        text, encoding = decode_report(data)
    else:
        text, encoding = data, "utf-8"
    cleaned = clean_report(text)
    sentences = split_sentences(cleaned.text)
    organizations = find_organizations(cleaned.text, sentences)
    for buried in cleaned.buried_datelines:
        _register_agency(buried, sentences, organizations)
    frame = _find_frame(cleaned.title, cleaned.text, sentences, cleaned.publisher)
    organizers = _register_organizers(frame, organizations)
    _drop_venue(frame, organizations)
    participants = find_participants(cleaned.text, sentences, organizations)
    _register_publisher(cleaned.publisher, sentences, organizations)
    _register_agency(cleaned.dateline, sentences, organizations)
    _register_credited_agencies(cleaned.credited_agencies, sentences, organizations)
    _register_source(cleaned.source, sentences, organizations)
    _drop_joined_pairs(organizations)
    organizations.tidy_names()
    organizations.merge_country_offices()
    organizations.merge_country_qualified()
    organizations.merge_shortenings()
    organizations.merge_units_with_parents()
    organizations.merge_names_cut_at_commas()
    organizations.merge_names_cut_at_and()
    organizations.merge_names_cut_before_their_place()
    organizations.find_undefined_acronyms(f"{cleaned.title}\n{cleaned.text}")
    organizations.merge_acronyms_into_names()
    participants, organizers = _point_at_merged(participants, organizers, organizations)
    event = _build_event(cleaned, sentences, frame, organizers, participants, organizations)
    return ExtractedReport(
        source=source,
        text=cleaned.text,
        title=cleaned.title,
        publisher=cleaned.publisher,
        encoding=encoding,
        repairs=cleaned.repairs,
        sentences=sentences,
        events=(event,),
        organizations=organizations.mentions(),
    )


def _point_at_merged(participants, organizers, index: OrganizationIndex):
    """Positions and organizers name the body a merge kept: "Third Institute of Oceanography"
    becomes "Third Institute of Oceanography of the Ministry of Natural Resources"."""
    names = set(index.names())

    def kept(name: str | None) -> str | None:
        if name is None or name in names:
            return name
        return index.resolve(name, loose=False) or name

    participants = tuple(
        replace(
            person,
            positions=tuple(
                replace(position, organization=kept(position.organization))
                for position in person.positions
            ),
        )
        for person in participants
    )
    organizers = tuple(
        replace(organizer, organization=kept(organizer.organization)) for organizer in organizers
    )
    return participants, organizers


def _find_frame(title: str, text: str, sentences: tuple[Span, ...], publisher: str | None):
    return find_event_frame(title, text, sentences, publisher=publisher)


def _register_organizers(frame, index: OrganizationIndex) -> tuple[Organizer, ...]:
    organizers = []
    for mention in frame.organizers:
        parts = split_coordinated(mention.name)
        for part in parts:
            acronym = mention.acronym if part == parts[-1] else None
            name = _register_organizer(part, mention.evidence, acronym, index)
            if not any(o.organization == name for o in organizers):
                organizers.append(
                    Organizer(organization=name, role=mention.role, evidence=mention.evidence)
                )
    return tuple(organizers)


def _register_organizer(
    name: str, evidence: Span, acronym: str | None, index: OrganizationIndex
) -> str:
    """An organizing unit stays itself ("Green Building Research Center of Tongji University"),
    with its parent registered and a university's kind."""
    unit, parent = split_unit_and_parent(name, index)
    if parent is None or unit == name:
        return index.register(name, evidence, acronym=acronym)
    parent_name = register_with_parent(index, parent, evidence)
    kind = OrgKind.ACADEMIC if infer_kind(parent) == OrgKind.ACADEMIC else None
    return index.register(name, evidence, acronym=acronym, kind=kind, parent=parent_name)


def _drop_venue(frame, index: OrganizationIndex) -> None:
    """ "at the National Convention Center" is where, not who."""
    if frame.venue is None:
        return
    venue = index.resolve(frame.venue.value)
    if venue:
        index.remove(venue)


def _register_publisher(
    publisher: str | None, sentences: tuple[Span, ...], index: OrganizationIndex
) -> None:
    """A publisher is an organisation of the report; a bare web address is not."""
    if not publisher or re.search(r"\.(?:com|cn|org|net)\b|^www\.", publisher, re.IGNORECASE):
        return
    # "Tsinghua University News", "Envision Corporate News", "Envision Group Press Release",
    # "AmCham Shanghai | Events Recap": a body's news section is the body.
    section = re.match(
        r"""(?P<body>.+?)\s*
        (?:\|.*                                              # "| Events Recap"
          |\s(?:Corporate\s+)?News(?:room)?(?:\s+(?:Network|Cent(?:er|re)))?   # "News Network"
          |\sPress\s+Releases?)$                              # "Press Release"
        """,
        publisher,
        re.VERBOSE,
    )
    if re.fullmatch(r"(?:Corporate\s+|Latest\s+)?News(?:room)?|Press\s+Releases?", publisher, re.I):
        return  # "Corporate News" alone: the page's section, whoever publishes it
    if section and has_organization_head(section.group("body")):
        publisher = section.group("body")
    elif "|" in publisher:
        return  # a site name and its section, neither of them a body's full name
    # A government's web portal or a funded project's site is a publication, not a body.
    if re.search(r"\b(?:portal|website|web\s+site|project|programme|program)$", publisher, re.I):
        return
    # "TIANJIN PORT GROUP" above a report naming "Tianjin Port Group Co., Ltd.".
    if any(name.lower().startswith(publisher.lower() + " ") for name in index.names()):
        return
    # "SHENZHEN GLOBAL", "China-Singapore Guangzhou Knowledge City": a logo in capitals or a
    # place's site that no organisation noun heads is no body, unless the report names it so.
    brand_or_place = publisher.isupper() or re.search(r"\b(?:City|Zone|Area|District)$", publisher)
    if (
        brand_or_place
        and not has_organization_head(publisher)
        and index.resolve(publisher, loose=False) is None
    ):
        return
    evidence = sentences[0] if sentences else Span(0, 0)
    kind = infer_kind(publisher) if has_organization_head(publisher) else None
    index.register(publisher, evidence, kind=kind or OrgKind.OTHER)


def _drop_joined_pairs(index: OrganizationIndex) -> None:
    """A name that is two indexed bodies joined by "and" is no body of its own.

    Example: "UNICEF China and Peking University" beside "UNICEF China" and "Peking
    University" is dropped; "Ministry of Ecology and Environment" stays.
    """
    names = set(index.names())
    for name in list(names):
        for match in re.finditer(r"\s+and\s+", name):
            left, right = name[: match.start()], name[match.end() :]
            if left in names and right in names:
                index.remove(name)
                break


def _register_agency(dateline, sentences: tuple[Span, ...], index: OrganizationIndex) -> None:
    """The agency or wire a dateline names is an organisation of the report, a media one.

    Example: "DURBAN, South Africa, Dec. 6, 2011 /PRNewswire-Asia/ --" -> PRNewswire-Asia.
    """
    if dateline is None or not dateline.agency or GAZETTEER.is_place(dateline.agency):
        return
    at = dateline.span.start if dateline.span else 0
    evidence = next((s for s in sentences if s.start <= at < s.end), None)
    evidence = evidence or (sentences[0] if sentences else Span(0, 0))
    index.register(dateline.agency, evidence, kind=OrgKind.MEDIA)


def _register_credited_agencies(
    agencies: tuple[str, ...], sentences: tuple[Span, ...], index: OrganizationIndex
) -> None:
    """The agency a caption credits took the report's pictures: a media organisation of it.

    Example: "(Xinhua/Ou Dongqu)" under a photo -> Xinhua (media).
    """
    evidence = sentences[0] if sentences else Span(0, 0)
    for agency in agencies:
        if not index.resolve(agency, loose=False):
            index.register(agency, evidence, kind=OrgKind.MEDIA)


def _register_source(source: str | None, sentences: tuple[Span, ...], index) -> None:
    """The news source a page line credits is a media organisation of the report.

    Example: a line "cgtn.com" under the story -> cgtn.com (media).
    """
    if not source or GAZETTEER.is_place(source) or index.resolve(source, loose=False):
        return
    evidence = sentences[0] if sentences else Span(0, 0)
    index.register(source, evidence, kind=OrgKind.MEDIA)


def _build_event(
    cleaned, sentences, frame, organizers, participants, organizations
) -> ExtractedEvent:
    start, end = _find_dates(cleaned, sentences)
    places = _find_places(cleaned, sentences, organizations)
    warnings = []
    if start is None:
        warnings.append(Warning.NO_DATE)
    elif start.year is None:
        warnings.append(Warning.NO_YEAR)
    city = places.city
    if city is None:
        warnings.append(Warning.NO_CITY)
    return ExtractedEvent(
        name=frame.name,
        start=start,
        end=end,
        city=city,
        venue=frame.venue,
        part_of=frame.part_of,
        organizers=organizers,
        participants=participants,
        cities_mentioned=places.mentioned,
        attendance=frame.attendance,
        topics=_tag_topics(cleaned.text, sentences),
        warnings=tuple(warnings),
    )


def _find_dates(cleaned, sentences):
    dateline = cleaned.dateline
    return find_event_dates(
        cleaned.text,
        sentences,
        title=cleaned.title,
        dateline=(dateline.year, dateline.month, dateline.day) if dateline else None,
        published=cleaned.published,
        scheduled=cleaned.scheduled,
        buried_datelines=tuple(d.span for d in cleaned.buried_datelines if d.span),
    )


def _find_places(cleaned, sentences, organizations: OrganizationIndex):
    return find_places(
        cleaned.text,
        sentences,
        title=cleaned.title,
        exclude=organization_ranges(cleaned.text, organizations),
        dateline_city=cleaned.dateline.city if cleaned.dateline else None,
    )


def _tag_topics(text, sentences):
    return tag_topics(text, sentences)


def organization_ranges(text: str, organizations: OrganizationIndex) -> tuple[tuple[int, int], ...]:
    """Character ranges covered by written organisation names, so "Tsinghua University" is no
    city; overlapping names make one range."""
    found = []
    for form in organizations.written_forms():
        if len(form) < 3:
            continue
        # str.find rather than a pattern per name: a long report names hundreds of bodies.
        at = text.find(form)
        while at >= 0:
            end = at + len(form)
            if not (at and _is_word_char(text[at - 1])) and not (
                end < len(text) and _is_word_char(text[end])
            ):
                found.append((at, end))
            at = text.find(form, at + 1)
    merged: list[tuple[int, int]] = []
    for start, end in sorted(found):
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return tuple(merged)


def _is_word_char(char: str) -> bool:
    return char.isalnum() or char == "_"
