"""Time the speaker and site-wide searches on synthetic data of a chosen size.

    python manage.py benchmark_search --people 100000 --organizations 20000 --positions 300000

The data is made inside a transaction that is rolled back at the end, so the database is left
as it was; `--keep` commits it instead (for EXPLAIN sessions). It refuses to run against a
database holding reports unless `--force`: use a scratch database, e.g.
`createdb eventsdb_bench` and `DATABASE_URL=postgres://.../eventsdb_bench`, after `migrate`.
"""

from __future__ import annotations

import random
import statistics
import time
from collections.abc import Callable, Iterable

from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.utils.text import slugify

from browse.search.affiliation import search_speakers_by_affiliation
from browse.search.everything import search_everything
from core.folding import fold
from events.models import City, Event, EventSource, Participation, Position, Report
from people.models import Organization, OrganizationAlias, Person


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


class Command(BaseCommand):
    help = "Fill a scratch database with synthetic data and time the searches (rolled back)."

    def add_arguments(self, parser):
        parser.add_argument("--people", type=int, default=100_000)
        parser.add_argument("--organizations", type=int, default=20_000)
        parser.add_argument("--positions", type=int, default=300_000)
        parser.add_argument("--queries", type=int, default=200)
        parser.add_argument("--seed", type=int, default=2024)
        parser.add_argument("--batch-size", type=int, default=5_000)
        parser.add_argument("--keep", action="store_true", help="Commit the synthetic data.")
        parser.add_argument(
            "--force", action="store_true", help="Run even though the database holds reports."
        )

    def handle(self, *args, **options):
        if Report.objects.exists() and not options["force"]:
            raise CommandError(
                "This database already holds reports. Point DATABASE_URL at a scratch "
                "database, or pass --force (the synthetic data is rolled back unless --keep)."
            )
        self.random = random.Random(options["seed"])
        self.batch_size = options["batch_size"]
        with transaction.atomic():
            started = time.perf_counter()
            sample = self.fill(options["people"], options["organizations"], options["positions"])
            if connection.vendor == "postgresql":
                with connection.cursor() as cursor:
                    cursor.execute("ANALYZE")
            self.stdout.write(f"Filled in {time.perf_counter() - started:.1f} s.")
            if options["queries"]:
                self.measure(sample, options["queries"])
            if not options["keep"]:
                transaction.set_rollback(True)
                self.stdout.write("Rolled back the synthetic data.")

    # Data -------------------------------------------------------------------------------

    def create(self, model, objects: Iterable) -> list:
        objects = list(objects)
        created = []
        for start in range(0, len(objects), self.batch_size):
            created += model.objects.bulk_create(objects[start : start + self.batch_size])
        return created

    def fill(self, n_people: int, n_organizations: int, n_positions: int) -> dict:
        rnd = self.random
        names = self.organization_names(n_organizations)
        universities = names["universities"]
        organizations = self.create(
            Organization,
            (
                Organization(
                    name=name,
                    key=fold(name),
                    slug=f"{slugify(name)[:100]}-{i}",
                    acronym=acronym,
                    kind=kind,
                )
                for i, (name, acronym, kind, _) in enumerate(universities)
            ),
        )
        university_ids = [o.pk for o in organizations]
        others = names["others"]
        organizations += self.create(
            Organization,
            (
                Organization(
                    name=name,
                    key=fold(name),
                    slug=f"{slugify(name)[:100]}-{i + len(universities)}",
                    acronym=acronym,
                    kind=kind,
                    parent_id=university_ids[parent] if parent is not None else None,
                )
                for i, (name, acronym, kind, parent) in enumerate(others)
            ),
        )
        aliases = [
            OrganizationAlias(organization=o, name=o.acronym, key=fold(o.acronym), kind="acronym")
            for o in organizations
            if o.acronym
        ]
        aliases += [
            OrganizationAlias(organization=o, name=alias, key=fold(alias), kind="alias")
            for o in organizations
            if rnd.random() < 0.1
            and (alias := o.name.replace(" of ", " ").replace(",", ""))
            and fold(alias) != o.key
        ]
        self.create(OrganizationAlias, aliases)

        people = self.create(
            Person,
            (
                Person(
                    name=f"{family} {given}",
                    family_name=family,
                    given_name=given,
                    key=fold(f"{family} {given}"),
                    slug=f"{slugify(fold(family + ' ' + given))}-{i}",
                )
                for i, (family, given) in enumerate(self.person_names(n_people))
            ),
        )

        cities = self.create(
            City,
            (
                City(name=p, slug=f"bench-{slugify(p)}-{i}", country="China")
                for i, p in enumerate(PLACES[:40])
            ),
        )
        n_events = max(5, n_people // 10)
        event_names = [
            f"{rnd.randint(2015, 2024)} {rnd.choice(PLACES)} {rnd.choice(TOPIC_WORDS)} "
            f"{rnd.choice(FIELDS)} {rnd.choice(EVENT_KINDS)} {i}"
            for i in range(n_events)
        ]
        reports = self.create(
            Report,
            (
                Report(
                    file_name=f"bench_{i}.txt",
                    slug=f"bench-{i}",
                    sha256=f"{i:064x}",
                    raw_text="",
                    text=self.report_text(name, organizations),
                    title=f"{name} successfully held",
                )
                for i, name in enumerate(event_names)
            ),
        )
        events = self.create(
            Event,
            (
                Event(
                    name=name,
                    key=fold(name),
                    slug=f"bench-event-{i}",
                    start_year=int(name[:4]),
                    start_month=rnd.randint(1, 12),
                    city=rnd.choice(cities),
                    venue=f"{rnd.choice(PLACES)} International Convention Center",
                )
                for i, name in enumerate(event_names)
            ),
        )
        self.create(
            EventSource,
            (EventSource(event=e, report=r) for e, r in zip(events, reports, strict=True)),
        )

        # Each person speaks at one or more events; a position per appearance, some two.
        n_participations = max(n_people, int(n_positions / 1.25))
        pairs = set()
        participations = []
        while len(participations) < n_participations:
            i = len(participations)
            person = people[i % n_people]
            event_index = rnd.randrange(n_events)
            if (person.pk, event_index) in pairs:
                continue
            pairs.add((person.pk, event_index))
            participations.append(
                Participation(
                    event=events[event_index],
                    person=person,
                    report_id=reports[event_index].pk,
                    order=i % 20,
                )
            )
        participations = self.create(Participation, participations)
        # People stay with an organisation across events, as in the reports.
        home = {p.pk: rnd.choice(organizations).pk for p in people}
        positions = []
        for participation in participations:
            positions.append(self.position(participation, 0, home[participation.person_id]))
        extra = n_positions - len(positions)
        for participation in rnd.sample(participations, max(0, min(extra, len(participations)))):
            positions.append(self.position(participation, 1, rnd.choice(organizations).pk))
        self.create(Position, positions)
        self.stdout.write(
            f"{len(organizations)} organisations ({len(aliases)} aliases), {len(people)} people, "
            f"{len(events)} events, {len(participations)} appearances, "
            f"{len(positions)} positions."
        )
        return {
            "organizations": organizations,
            "universities": organizations[: len(universities)],
            "events": events,
        }

    def position(self, participation, order: int, organization_id: int) -> Position:
        return Position(
            participation=participation,
            order=order,
            title=self.random.choice(TITLES),
            organization_id=organization_id,
            report_id=participation.report_id,
        )

    def report_text(self, event_name: str, organizations) -> str:
        rnd = self.random
        hosts = ", ".join(rnd.choice(organizations).name for _ in range(2))
        return (
            f"The {event_name} was held with experts from {hosts}. "
            f"Participants discussed {rnd.choice(FIELDS).lower()} and "
            f"{rnd.choice(FIELDS).lower()}, and the transition to carbon neutrality in "
            f"{rnd.choice(PLACES)}. " * 3
        )

    def person_names(self, n: int) -> list[tuple[str, str]]:
        """(family, given) pairs; a full name is one person (its key is unique), so a namesake
        gets a number after the given name."""
        taken: dict[str, int] = {}
        names = []
        for _ in range(n):
            family = self.random.choice(SURNAMES)
            given = self.random.choice(GIVEN) + self.random.choice(GIVEN).lower()
            seen = taken.get(f"{family} {given}", 0)
            taken[f"{family} {given}"] = seen + 1
            names.append((family, f"{given} {seen + 1}" if seen else given))
        return names

    def organization_names(self, n: int) -> dict:
        """Unique names: universities, their units, companies, government bodies, associations."""
        rnd = self.random
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

    # Measurements -------------------------------------------------------------------------

    def affiliation_queries(self, sample: dict, n: int) -> list[tuple[str, str]]:
        rnd = self.random
        organizations = sample["organizations"]
        with_acronym = [o for o in organizations if o.acronym] or organizations
        queries = []
        for i in range(n):
            kind = ("exact", "acronym", "parent", "partial", "typo")[i % 5]
            organization = rnd.choice(organizations)
            if kind == "exact":
                text = organization.name
            elif kind == "acronym":
                text = rnd.choice(with_acronym).acronym or organization.name
            elif kind == "parent":
                text = rnd.choice(sample["universities"]).name
            elif kind == "partial":
                words = [w for w in organization.name.split() if len(w) > 3]
                start = rnd.randrange(len(words))
                text = " ".join(words[start : start + 2])
            else:
                words = [w for w in organization.name.split() if len(w) >= 6] or ["Tsinghua"]
                word = rnd.choice(words)
                k = rnd.randrange(1, len(word) - 2)
                text = word[:k] + word[k + 1] + word[k] + word[k + 2 :]
            queries.append((kind, text))
        return queries

    def global_queries(self, sample: dict, n: int) -> list[str]:
        rnd = self.random
        sources = [o.name for o in sample["organizations"]] + [e.name for e in sample["events"]]
        queries = []
        for _ in range(n):
            words = [w for w in rnd.choice(sources).split() if len(w) > 3]
            queries.append(" ".join(rnd.sample(words, min(len(words), rnd.choice([1, 2])))))
        return queries

    def measure(self, sample: dict, n: int) -> None:
        timings: dict[str, list[float]] = {}
        found = 0
        for kind, text in self.affiliation_queries(sample, n):
            started = time.perf_counter()
            results = search_speakers_by_affiliation(text)
            count = results.count()
            list(results[:25])
            timings.setdefault(f"affiliation: {kind}", []).append(time.perf_counter() - started)
            found += bool(count)
        timings["affiliation: all"] = [t for k, v in timings.items() for t in v]
        for text in self.global_queries(sample, n):
            started = time.perf_counter()
            search_everything(text)
            timings.setdefault("global search", []).append(time.perf_counter() - started)

        self.stdout.write(
            f"\n{connection.vendor}: {n} queries of each search; {found} affiliation searches found someone."
        )
        self.stdout.write(f"{'search':<24} {'n':>5} {'median ms':>10} {'p95 ms':>10}")
        for label, values in timings.items():
            self.stdout.write(
                f"{label:<24} {len(values):>5} {statistics.median(values) * 1000:>10.1f} "
                f"{percentile(values, 95) * 1000:>10.1f}"
            )


def percentile(values: list[float], p: int) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]
