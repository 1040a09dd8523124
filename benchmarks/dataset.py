"""A synthetic corpus for the benchmarks: the shape of the real data, at any size.

    sizes = Sizes.for_events(100_000)     # 100k events and people, 20k organisations, ...
    sample = fill(sizes, seed=2024)

Counts follow the issue that asked for them (per 100,000 events: 100,000 people, 20,000
organisations, 300,000 participations and positions, 2,000 cities, 40 topics, one report per
event). Cities, topics, organisations and speakers are drawn with Zipf-like weights, so that
there is a busiest city, topic and organisation, as in real reports. Rows are written with
`bulk_create` in large batches and only primary keys are kept, so memory stays small.
"""

from __future__ import annotations

import itertools
import random
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from django.utils.text import slugify

from core.folding import fold
from events.models import (
    City,
    CityMention,
    Event,
    EventOrganizer,
    EventSource,
    EventTopic,
    OrganizerRole,
    Participation,
    ParticipationRole,
    Position,
    Report,
    Topic,
)
from people.models import Organization, OrganizationAlias, Person

# Every synthetic report's file name starts with this, so the benchmarks can tell their own
# data from real reports.
FILE_PREFIX = "bench_"
# One word that only a few reports contain, for the rare-word search.
RARE_WORD = "perovskite"
RARE_SHARE = 0.0005


def words(text: str, sep: str | None = None) -> tuple[str, ...]:
    return tuple(w.strip() for w in text.split(sep) if w.strip())


PLACES = words(
    "Beijing Shanghai Tianjin Chongqing Chengdu Wuhan Nanjing Hangzhou Xiamen Shenzhen "
    "Guangzhou Qingdao Dalian Harbin Changchun Shenyang Jinan Zhengzhou Xian Lanzhou Kunming "
    "Guiyang Nanning Fuzhou Hefei Nanchang Changsha Taiyuan Hohhot Urumqi Lhasa Xining Yinchuan "
    "Haikou Suzhou Wuxi Ningbo Wenzhou Foshan Dongguan Zhuhai Shantou Tangshan Baotou Luoyang "
    "Sichuan Hubei Hunan Henan Hebei Shandong Jiangsu Zhejiang Fujian Yunnan Guizhou Shaanxi "
    "Gansu Qinghai Anhui Jiangxi Liaoning Jilin Heilongjiang Guangdong Guangxi Hainan Xinjiang "
    "Tsinghua Peking Fudan Tongji Renmin Zhongshan Nankai Xiamen Beihang Huazhong Belgrade "
    "Berlin Geneva Nairobi Jakarta Bangkok Astana Tashkent Dubai Riyadh Cairo Lagos Lima "
    "Santiago Oslo"
)
FIELDS = words(
    "Energy|Climate Change|Environmental Science|Carbon Neutrality|Renewable Energy|"
    "Sustainable Development|Green Finance|Urban Planning|Low-Carbon Economy|Ecology|"
    "Hydrogen|Water Resources|Transport|Building Science|Circular Economy|Forestry|"
    "Ocean Studies|Public Policy|Solar Power|Wind Power|Nuclear Energy|Materials Science|"
    "Smart Cities|Agriculture|Biodiversity|Air Quality|Waste Management|Battery Technology|"
    "Grid Engineering",
    "|",
)
UNIT_KINDS = words(
    "Institute|School|Center|Laboratory|Research Institute|Academy",
    "|",
)
COMPANY_WORDS = words(
    "Greenway Sunrise Bluesky Evergreen Huaneng Datang Goldwind Longi Trina Envision Jinko "
    "Sinoma Zhongke Tianhe Huadian Hengtong Xinyi Yuanjing Lvneng Kaidi Hanergy Ruineng Baogui "
    "Greatmen Honghai Ucommune Yike Danlan Qingyuan Shenghua Lianhe Zhongtian Hailiang"
)
SECTORS = words(
    "Energy Technology|New Energy|Environmental Engineering|Green Building Materials|"
    "Energy Saving|Carbon Asset Management|Power Equipment|Clean Technology|Water Treatment|"
    "Electric Vehicle|Solar|Smart Grid|Recycling",
    "|",
)
GOVERNMENT = words(
    "Development and Reform Commission|Ecology and Environment Bureau|Energy Administration|"
    "Housing and Urban-Rural Development Bureau|Science and Technology Bureau|"
    "Industry and Information Technology Bureau|Commerce Bureau",
    "|",
)
ASSOCIATION = words(
    "Green Development Promotion Association|Energy Conservation Association|"
    "Low-Carbon Alliance|Environmental Industry Association|Renewable Energy Society|"
    "Climate Investment Forum",
    "|",
)
TITLES = words(
    "director|deputy director|professor|associate professor|president|vice president|"
    "chief engineer|secretary-general|senior researcher|chairman|founder|project manager|"
    "head of department|dean|academician|chief representative|partner|counsellor",
    "|",
)
SURNAMES = words(
    "Wang Li Zhang Liu Chen Yang Huang Zhao Wu Zhou Xu Sun Ma Zhu Hu Guo He Gao Lin Luo Zheng "
    "Liang Xie Song Tang Han Feng Deng Cao Peng Zeng Xiao Tian Dong Yuan Pan Yu Jiang Cai Jia "
    "Smith Brown Garcia Müller Lalić Novak Kowalski Rossi Dubois Tanaka Kim Nguyen Singh Haddad"
)
GIVEN = words(
    "Wei Fang Min Jing Lei Jun Yan Hua Ling Qiang Ying Hong Jie Tao Bin Xiu Rong Hao Ning Yu "
    "Peng Chao Lan Mei Xin Jian Bo Qing Kai Yun Anna Peter Maria David Sara Jean Bojan Omar "
    "Lina"
)
TOPIC_WORDS = words(
    "Green Low-Carbon Carbon-Neutral Climate Energy Transition Sustainable Clean Circular Smart"
)
EVENT_KINDS = words(
    "Forum|Summit|Conference|Round Table|Symposium|Expo|Workshop|Dialogue",
    "|",
)


RARE_WORDS = (RARE_WORD, "agrivoltaics", "thermocline", "mangroves", "geothermal")
ROLES = (
    (ParticipationRole.SPEAKER, 70),
    (ParticipationRole.KEYNOTE, 8),
    (ParticipationRole.PANELIST, 12),
    (ParticipationRole.MODERATOR, 5),
    (ParticipationRole.ATTENDEE, 5),
)


@dataclass(frozen=True)
class Sizes:
    events: int
    people: int
    organizations: int
    participations: int
    positions: int
    cities: int
    topics: int

    @classmethod
    def for_events(cls, n: int) -> Sizes:
        return cls(
            events=n,
            people=n,
            organizations=max(20, n // 5),
            participations=3 * n,
            positions=3 * n,
            cities=max(10, n // 50),
            topics=40,
        )

    @classmethod
    def for_people(cls, people: int, organizations: int, positions: int) -> Sizes:
        """The speaker-search data set: a few positions per person, an event per ten people."""
        events = max(5, people // 10)
        return cls(
            events=events,
            people=people,
            organizations=organizations,
            participations=min(max(people, int(positions / 1.25)), people * events),
            positions=positions,
            cities=40,
            topics=40,
        )


@dataclass
class Sample:
    """What the benchmarks need to build their requests, without reading the data back."""

    organizations: list[tuple[str, str]] = field(default_factory=list)  # (name, acronym)
    universities: list[str] = field(default_factory=list)
    events: list[str] = field(default_factory=list)
    summary: str = ""


def zipf_weights(n: int, exponent: float) -> list[float]:
    """Cumulative weights: the k-th item drawn in proportion to 1 / k**exponent."""
    return list(itertools.accumulate(1 / (k**exponent) for k in range(1, n + 1)))


class Filler:
    def __init__(self, sizes: Sizes, *, seed: int, batch_size: int):
        self.sizes = sizes
        self.rnd = random.Random(seed)
        self.batch_size = batch_size
        self.sample = Sample()

    def create(self, model, objects: Iterable) -> list[int]:
        """Insert in batches; only the new primary keys are kept."""
        pks: list[int] = []
        iterator = iter(objects)
        while batch := list(itertools.islice(iterator, self.batch_size)):
            pks += [obj.pk for obj in model.objects.bulk_create(batch)]
        return pks

    def pick(self, population: list, cum_weights: list[float], k: int) -> list:
        return self.rnd.choices(population, cum_weights=cum_weights, k=k)

    def run(self) -> Sample:
        sizes, rnd = self.sizes, self.rnd
        organization_pks, n_aliases = self.organizations(sizes.organizations)
        person_pks = self.create(Person, self.people(sizes.people))
        city_pks = self.create(
            City,
            (
                City(name=name, slug=f"{slugify(name)}-{i}", country="China")
                for i, name in enumerate(self.city_names(sizes.cities))
            ),
        )
        topic_pks = self.create(
            Topic,
            (
                Topic(name=name, slug=f"{slugify(name)}-{i}")
                for i, name in enumerate(self.topic_names(sizes.topics))
            ),
        )
        # Zipf-like popularity; shuffled so that popularity does not follow insertion order.
        city_weights = zipf_weights(len(city_pks), 1.0)
        topic_weights = zipf_weights(len(topic_pks), 0.8)
        organization_weights = zipf_weights(len(organization_pks), 0.9)
        for pks in (city_pks, topic_pks, organization_pks):
            rnd.shuffle(pks)

        names = [self.event_name(i) for i in range(sizes.events)]
        self.sample.events = names
        report_pks = self.create(
            Report,
            (
                Report(
                    file_name=f"{FILE_PREFIX}{i}.txt",
                    slug=f"bench-{i}",
                    sha256=f"{i:064x}",
                    raw_text="",
                    text=self.report_text(name),
                    title=f"{name} successfully held",
                )
                for i, name in enumerate(names)
            ),
        )
        event_cities = self.pick(city_pks, city_weights, sizes.events)
        event_pks = self.create(
            Event,
            (
                Event(
                    name=name,
                    key=fold(name),
                    slug=f"bench-event-{i}",
                    start_year=int(name[:4]),
                    start_month=rnd.randint(1, 12),
                    start_day=rnd.randint(1, 28) if rnd.random() < 0.9 else None,
                    city_id=event_cities[i],
                    venue=f"{rnd.choice(PLACES)} International Convention Center",
                )
                for i, name in enumerate(names)
            ),
        )
        self.create(
            EventSource,
            (
                EventSource(event_id=e, report_id=r)
                for e, r in zip(event_pks, report_pks, strict=True)
            ),
        )
        self.create(EventTopic, self.event_topics(event_pks, report_pks, topic_pks, topic_weights))
        self.create(
            EventOrganizer,
            self.organizers(event_pks, report_pks, organization_pks, organization_weights),
        )
        self.create(CityMention, self.city_mentions(event_pks, report_pks, event_cities, city_pks))

        pairs = self.participation_pairs(len(event_pks), len(person_pks))
        roles, role_weights = zip(*ROLES, strict=True)
        role_cum = list(itertools.accumulate(role_weights))
        participation_pks = self.create(
            Participation,
            (
                Participation(
                    event_id=event_pks[e],
                    person_id=person_pks[p],
                    report_id=report_pks[e],
                    role=self.pick(roles, role_cum, 1)[0],
                    order=order,
                )
                for (e, p), order in pairs
            ),
        )
        # People stay with an organisation across events, as in the reports.
        home = self.pick(organization_pks, organization_weights, len(person_pks))
        participants = [(person, e) for (e, person), _ in pairs]
        del pairs
        n_positions = self.create(
            Position,
            self.positions(participation_pks, participants, report_pks, home, organization_pks),
        )
        self.sample.summary = (
            f"{len(organization_pks)} organisations ({n_aliases} aliases), "
            f"{len(person_pks)} people, {len(event_pks)} events, "
            f"{len(participation_pks)} appearances, {len(n_positions)} positions, "
            f"{len(city_pks)} cities, {len(topic_pks)} topics."
        )
        return self.sample

    # Records ------------------------------------------------------------------------------

    def organizations(self, n: int) -> tuple[list[int], int]:
        rnd = self.rnd
        names = self.organization_names(n)
        universities = names["universities"]
        university_pks = self.create(Organization, self.organization_rows(universities))
        others = names["others"]
        other_pks = self.create(
            Organization,
            self.organization_rows(others, offset=len(universities), parent_pks=university_pks),
        )
        everything = universities + others
        pks = university_pks + other_pks
        self.sample.organizations = [(name, acronym) for name, acronym, _, _ in everything]
        self.sample.universities = [name for name, _, _, _ in universities]

        def aliases() -> Iterator[OrganizationAlias]:
            for pk, (name, acronym, _, _) in zip(pks, everything, strict=True):
                if acronym:
                    yield OrganizationAlias(
                        organization_id=pk, name=acronym, key=fold(acronym), kind="acronym"
                    )
                alias = name.replace(" of ", " ").replace(",", "")
                if rnd.random() < 0.1 and fold(alias) != fold(name):
                    yield OrganizationAlias(
                        organization_id=pk, name=alias, key=fold(alias), kind="alias"
                    )

        return pks, len(self.create(OrganizationAlias, aliases()))

    def organization_rows(self, rows, *, offset: int = 0, parent_pks=()):
        for i, (name, acronym, kind, parent) in enumerate(rows, start=offset):
            yield Organization(
                name=name,
                key=fold(name),
                slug=f"{slugify(name)[:100]}-{i}",
                acronym=acronym,
                kind=kind,
                parent_id=parent_pks[parent] if parent is not None else None,
            )

    def people(self, n: int) -> Iterator[Person]:
        rnd = self.rnd
        # A full name is one person (its key is unique), so a namesake gets a number.
        taken: dict[str, int] = {}
        for i in range(n):
            family, given = rnd.choice(SURNAMES), rnd.choice(GIVEN) + rnd.choice(GIVEN).lower()
            seen = taken.get(f"{family} {given}", 0)
            taken[f"{family} {given}"] = seen + 1
            given = f"{given} {seen + 1}" if seen else given
            name = f"{family} {given}"
            yield Person(
                name=name,
                family_name=family,
                given_name=given,
                key=fold(name),
                slug=f"{slugify(fold(name))}-{i}",
            )

    def city_names(self, n: int) -> list[str]:
        # The place list first, then numbered districts of it: real corpora have many small
        # towns besides the big cities.
        names = list(dict.fromkeys(PLACES))
        return [
            names[i] if i < len(names) else f"{names[i % len(names)]} {i // len(names)}"
            for i in range(n)
        ]

    def topic_names(self, n: int) -> list[str]:
        return [
            FIELDS[i % len(FIELDS)] if i < len(FIELDS) else f"{FIELDS[i % len(FIELDS)]} {i}"
            for i in range(n)
        ]

    def event_name(self, i: int) -> str:
        rnd = self.rnd
        return (
            f"{rnd.randint(2015, 2024)} {rnd.choice(PLACES)} {rnd.choice(TOPIC_WORDS)} "
            f"{rnd.choice(FIELDS)} {rnd.choice(EVENT_KINDS)} {i}"
        )

    def report_text(self, event_name: str) -> str:
        """About a kilobyte and a half of prose; most reports say "carbon", a few a rare word."""
        rnd = self.rnd
        hosts = " and the ".join(rnd.choice(self.sample.organizations)[0] for _ in range(2))
        carbon = "carbon neutrality" if rnd.random() < 0.8 else "the energy transition"
        rare = (
            f" A session was devoted to {rnd.choice(RARE_WORDS)}."
            if rnd.random() < (RARE_SHARE * len(RARE_WORDS))
            else ""
        )
        paragraphs = [
            f"The {event_name} was held with experts from {hosts}.{rare}",
            *(
                f"Participants discussed {rnd.choice(FIELDS).lower()} and "
                f"{rnd.choice(FIELDS).lower()}, and the road to {carbon} in "
                f"{rnd.choice(PLACES)}. Speakers from {rnd.choice(self.sample.organizations)[0]} "
                f"presented the {rnd.choice(SECTORS).lower()} work of the past year and the plans "
                f"for {rnd.choice(TOPIC_WORDS).lower()} {rnd.choice(FIELDS).lower()}."
                for _ in range(5)
            ),
        ]
        return "\n\n".join(paragraphs)

    def event_topics(self, event_pks, report_pks, topic_pks, weights) -> Iterator[EventTopic]:
        for event, report in zip(event_pks, report_pks, strict=True):
            for topic in set(self.pick(topic_pks, weights, self.rnd.randint(1, 3))):
                yield EventTopic(event_id=event, topic_id=topic, report_id=report)

    def organizers(self, event_pks, report_pks, organization_pks, weights):
        roles = (OrganizerRole.HOST, OrganizerRole.ORGANIZER, OrganizerRole.CO_ORGANIZER)
        for event, report in zip(event_pks, report_pks, strict=True):
            chosen = dict.fromkeys(self.pick(organization_pks, weights, self.rnd.randint(1, 3)))
            for order, organization in enumerate(chosen):
                yield EventOrganizer(
                    event_id=event,
                    organization_id=organization,
                    report_id=report,
                    role=roles[min(order, len(roles) - 1)],
                    order=order,
                )

    def city_mentions(self, event_pks, report_pks, event_cities, city_pks):
        for event, report, city in zip(event_pks, report_pks, event_cities, strict=True):
            yield CityMention(event_id=event, city_id=city, report_id=report, order=0)
            if self.rnd.random() < 0.3 and (other := self.rnd.choice(city_pks)) != city:
                yield CityMention(event_id=event, city_id=other, report_id=report, order=1)

    def participation_pairs(
        self, n_events: int, n_people: int
    ) -> list[tuple[tuple[int, int], int]]:
        """(event index, person index) pairs, each with its order within the event.

        Every person speaks at least once; the rest of the appearances go to popular speakers
        and popular events (a few large conferences, many small round tables).
        """
        rnd = self.rnd
        n = min(self.sizes.participations, n_events * n_people)
        person_weights = zipf_weights(n_people, 0.6)
        event_weights = zipf_weights(n_events, 0.5)
        people = list(range(n_people))
        events = list(range(n_events))
        rnd.shuffle(events)
        seen: set[tuple[int, int]] = set()
        while len(seen) < n:
            want = n - len(seen)
            first = list(range(len(seen), min(n_people, len(seen) + want)))
            chosen_people = first + self.pick(people, person_weights, want - len(first))
            chosen_events = self.pick(events, event_weights, want)
            seen.update(zip(chosen_events, chosen_people, strict=True))
        counters: dict[int, int] = {}
        pairs = []
        for pair in sorted(seen):
            order = counters.get(pair[0], 0)
            counters[pair[0]] = order + 1
            pairs.append((pair, min(order, 32_767)))
        return pairs

    def positions(self, participation_pks, participants, report_pks, home, organization_pks):
        rnd = self.rnd
        n = self.sizes.positions
        first = min(n, len(participation_pks))
        for i in range(first):
            person, event = participants[i]
            yield Position(
                participation_id=participation_pks[i],
                order=0,
                title=rnd.choice(TITLES),
                organization_id=home[person],
                report_id=report_pks[event],
            )
        extra = min(n - first, len(participation_pks))
        for i in rnd.sample(range(len(participation_pks)), max(0, extra)):
            yield Position(
                participation_id=participation_pks[i],
                order=1,
                title=rnd.choice(TITLES),
                organization_id=rnd.choice(organization_pks),
                report_id=report_pks[participants[i][1]],
            )

    def organization_names(self, n: int) -> dict:
        """Unique names: universities, their units, companies, government bodies, associations."""
        rnd = self.rnd
        seen: set[str] = set()

        def unique(make: Callable[[], str]) -> str:
            for _ in range(50):
                name = make()
                if fold(name) not in seen:
                    seen.add(fold(name))
                    return name
            name = f"{make()} {len(seen)}"
            seen.add(fold(name))
            return name

        def acronym(name: str) -> str:
            if rnd.random() > 0.4:
                return ""
            letters = "".join(w[0] for w in name.replace("-", " ").split() if w[0].isupper())
            return letters[:8] if len(letters) >= 2 else ""

        n_universities = max(1, n // 20)
        universities = []
        for _ in range(n_universities):
            name = unique(
                lambda: rnd.choice(
                    [
                        f"{rnd.choice(PLACES)} University",
                        f"{rnd.choice(PLACES)} University of {rnd.choice(FIELDS)}",
                        f"University of {rnd.choice(PLACES)} {rnd.choice(FIELDS)}",
                    ]
                )
            )
            universities.append((name, acronym(name), "academic", None))
        others = []
        for _ in range(n - n_universities):
            roll = rnd.random()
            if roll < 0.3:
                parent = rnd.randrange(n_universities)
                university = universities[parent][0]
                name = unique(
                    lambda u=university: f"{rnd.choice(UNIT_KINDS)} of {rnd.choice(FIELDS)} of {u}"
                )
                others.append((name, acronym(name), "academic", parent))
                continue
            if roll < 0.6:
                make, kind = (
                    lambda: (
                        f"{rnd.choice(PLACES)} {rnd.choice(COMPANY_WORDS)} "
                        f"{rnd.choice(SECTORS)} Co., Ltd."
                    ),
                    "company",
                )
            elif roll < 0.8:
                make, kind = lambda: f"{rnd.choice(PLACES)} {rnd.choice(GOVERNMENT)}", "government"
            else:
                make, kind = (
                    lambda: (
                        f"{rnd.choice(['', 'International ', 'China ', 'Asian '])}"
                        f"{rnd.choice(PLACES)} {rnd.choice(ASSOCIATION)}"
                    ),
                    "association",
                )
            name = unique(make)
            others.append((name, acronym(name), kind, None))
        return {"universities": universities, "others": others}


def fill(sizes: Sizes, *, seed: int = 2024, batch_size: int = 5_000) -> Sample:
    """Write the synthetic corpus (the caller chooses the transaction) and describe it."""
    return Filler(sizes, seed=seed, batch_size=batch_size).run()


def affiliation_queries(sample: Sample, n: int, rnd: random.Random) -> list[tuple[str, str]]:
    """What people type into the affiliation box: exact names, acronyms, parents, parts, typos."""
    organizations = sample.organizations
    with_acronym = [o for o in organizations if o[1]] or organizations
    queries = []
    for i in range(n):
        kind = AFFILIATION_KINDS[i % len(AFFILIATION_KINDS)]
        name, _ = rnd.choice(organizations)
        if kind == "exact":
            text = name
        elif kind == "acronym":
            text = rnd.choice(with_acronym)[1] or name
        elif kind == "parent":
            text = rnd.choice(sample.universities)
        elif kind == "partial":
            long_words = [w for w in name.split() if len(w) > 3]
            start = rnd.randrange(len(long_words))
            text = " ".join(long_words[start : start + 2])
        else:
            text = misspelt_field_word(i)
        queries.append((kind, text))
    return queries


AFFILIATION_KINDS = ("exact", "acronym", "parent", "partial", "typo")


def misspelt_field_word(i: int) -> str:
    """A word of the organisation vocabulary with two letters swapped ("Tehcnology").

    Drawn from the generator's own words, not from the data, so every size of data set is
    asked the same misspelling and the growth from 10,000 to 100,000 events compares one query.
    """
    vocabulary = sorted({w for name in FIELDS + SECTORS for w in name.split() if len(w) >= 6})
    pick = random.Random(f"typo-{i}")
    word = pick.choice(vocabulary)
    k = pick.randrange(1, len(word) - 2)
    return word[:k] + word[k + 1] + word[k] + word[k + 2 :]
