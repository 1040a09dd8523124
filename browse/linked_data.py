"""schema.org JSON-LD for every record page.

Each node carries "@id", the absolute URL of the record's page, so the event's organiser on
an event page and the same organisation's own page describe one node to a crawler.
"""

from __future__ import annotations

import re

from events.models import ParticipationRole

SCHEMA = "https://schema.org/"
# A report that calls its event a webinar, or says it was held online, describes no venue.
ONLINE_EVENT = re.compile(r"\b(?:webinar|online|virtual|e-conference|video\s?conference)\b", re.I)


def identity(record, request) -> dict:
    url = request.build_absolute_uri(record.get_absolute_url())
    return {"@id": url, "url": url}


def attendance_mode(event, participations) -> str:
    """Online for an event held online (found at import or ticked by an editor), a webinar, or
    one whose every speaker joined remotely; mixed when only some did; offline otherwise (the
    common case: a forum held in a hall)."""
    remote = [p.online for p in participations if p.role != ParticipationRole.ATTENDEE]
    if event.online or ONLINE_EVENT.search(event.name) or (remote and all(remote)):
        return SCHEMA + "OnlineEventAttendanceMode"
    if any(remote):
        return SCHEMA + "MixedEventAttendanceMode"
    return SCHEMA + "OfflineEventAttendanceMode"


def event_json_ld(event, participations, request) -> dict:
    """schema.org Event; startDate is only as precise as the report is."""
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        **identity(event, request),
        "name": event.name,
        "eventAttendanceMode": attendance_mode(event, participations),
    }
    if event.start_iso:
        data["startDate"] = event.start_iso
    if event.city_id or event.venue:
        address = {"@type": "PostalAddress"}
        if event.city_id:
            address["addressLocality"] = event.city.name
            if event.city.province:
                address["addressRegion"] = event.city.province
            if event.city.country:
                address["addressCountry"] = event.city.country
        place = {"@type": "Place", "name": event.venue or event.city.name, "address": address}
        if event.city_id and event.city.latitude is not None and event.city.longitude is not None:
            place["geo"] = {
                "@type": "GeoCoordinates",
                "latitude": event.city.latitude,
                "longitude": event.city.longitude,
            }
        data["location"] = place
    organizers = [
        {
            "@type": "Organization",
            **identity(role.organization, request),
            "name": role.organization.name,
        }
        for role in event.organizer_roles.all()
    ]
    if organizers:
        data["organizer"] = organizers
    performers = []
    for participation in participations:
        if participation.role == ParticipationRole.ATTENDEE:
            continue
        performer = {
            "@type": "Person",
            **identity(participation.person, request),
            "name": participation.person.name,
        }
        position = participation.primary_position
        if position is not None and position.organization is not None:
            performer["affiliation"] = {"@type": "Organization", "name": position.organization.name}
        performers.append(performer)
    if performers:
        data["performer"] = performers
    if event.parent_id:
        data["superEvent"] = {
            "@type": "Event",
            **identity(event.parent, request),
            "name": event.parent.name,
        }
    # The page already holds the topic tags (with their evidence); no second fetch of topics.
    topics = sorted(tag.topic.name for tag in event.topic_tags.all())
    if topics:
        data["keywords"] = ", ".join(topics)
    return data


def person_json_ld(person, position, request) -> dict:
    data = {
        "@context": "https://schema.org",
        "@type": "Person",
        **identity(person, request),
        "name": person.name,
    }
    if person.family_name:
        data["familyName"] = person.family_name
    if person.given_name:
        data["givenName"] = person.given_name
    aliases = [alias.name for alias in person.aliases.all()]
    if aliases:
        data["alternateName"] = aliases
    if position is not None:
        data["jobTitle"] = position.title
        if position.organization is not None:
            data["affiliation"] = {
                "@type": "Organization",
                **identity(position.organization, request),
                "name": position.organization.name,
            }
    return data


def city_json_ld(city, request) -> dict:
    data = {"@context": "https://schema.org", "@type": "City", **identity(city, request)}
    data["name"] = city.name
    address = {"@type": "PostalAddress", "addressLocality": city.name}
    if city.province:
        address["addressRegion"] = city.province
    if city.country:
        address["addressCountry"] = city.country
    data["address"] = address
    if city.latitude is not None and city.longitude is not None:
        data["geo"] = {
            "@type": "GeoCoordinates",
            "latitude": city.latitude,
            "longitude": city.longitude,
        }
    return data


def organization_json_ld(organization, request) -> dict:
    data = {
        "@context": "https://schema.org",
        "@type": "Organization",
        **identity(organization, request),
        "name": organization.name,
    }
    names = [alias.name for alias in organization.aliases.all() if alias.name != organization.name]
    if organization.acronym and organization.acronym not in names:
        names.insert(0, organization.acronym)
    if names:
        data["alternateName"] = names
    if organization.country:
        data["location"] = {"@type": "Country", "name": organization.country}
    if organization.parent_id:
        data["parentOrganization"] = {
            "@type": "Organization",
            **identity(organization.parent, request),
            "name": organization.parent.name,
        }
    if organization.description:
        data["description"] = organization.description
    return data


def topic_json_ld(topic, request) -> dict:
    data = {
        "@context": "https://schema.org",
        "@type": "DefinedTerm",
        **identity(topic, request),
        "name": topic.name,
        "inDefinedTermSet": request.build_absolute_uri("/topics/"),
    }
    if topic.description:
        data["description"] = topic.description
    return data
