"""Score the pipeline's schema documents against hand annotations, with no database.

The same matching rules as the scorer the project's quality figures have always been measured
with, so a floor here means what the README's numbers mean:

- people: a predicted participant matches a gold one when their name tokens are equal as sets
  (case, order, accents, dots and hyphens ignored; honorifics dropped), against the gold name or
  any of its `forms`.
- affiliation: for matched people that have one in gold, the predicted primary affiliation
  matches any gold position's organisation by name, acronym, close spelling, or one containing
  the other (a unit written with its parent).
- organisations: predicted `organizations` against gold, by name or acronym.
- event date / city: the first event of each report; every date part must equal gold, null
  included (a guessed year is wrong).

Run it on a folder of reports and one of gold files to see every miss:

    python -m tests.extraction.scorer REPORTS_DIR GOLD_DIR
"""

from __future__ import annotations

import argparse
import difflib
import json
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

HONORIFICS = frozenset(
    {"mr", "mrs", "ms", "miss", "dr", "prof", "professor", "sir", "madam", "academician"}
)
ORG_NOISE = frozenset(
    {"the", "of", "and", "co", "ltd", "inc", "corp", "corporation", "company", "limited"}
    | {"for", "in", "at"}
)


def _lower_ascii(text: str | None) -> str:
    # Not the project's `fold`: the split characters below are the measure's own definition,
    # and the figures recorded over the years depend on exactly them.
    decomposed = unicodedata.normalize("NFKD", text or "")
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def name_key(name: str) -> frozenset[str]:
    """>>> sorted(name_key("Dr. Yanhua LIU"))
    ['liu', 'yanhua']"""
    tokens = re.split(r"[\s.\-,'’]+", _lower_ascii(name))
    return frozenset(t for t in tokens if t and t not in HONORIFICS)


def org_key(name: str | None) -> str:
    """>>> org_key("The Bank of China Co., Ltd.")
    'bank china'"""
    tokens = re.split(r"[^a-z0-9]+", _lower_ascii(name))
    return " ".join(t for t in tokens if t and t not in ORG_NOISE)


def org_matches(predicted: str | None, gold_names: Iterable[str], acronyms: set[str]) -> bool:
    key = org_key(predicted)
    if not key:
        return False
    for gold in gold_names:
        gold_key = org_key(gold)
        if key == gold_key or difflib.SequenceMatcher(None, key, gold_key).ratio() >= 0.88:
            return True
        # A unit written with its parent ("School of X, Y University") matches either one.
        shorter, longer = sorted((key, gold_key), key=len)
        if len(shorter.split()) >= 2 and f" {shorter} " in f" {longer} ":
            return True
    return key in acronyms


def _people(document: dict | None) -> list[dict]:
    return [
        person
        for event in (document or {}).get("events") or []
        for person in event.get("participants") or []
    ]


@dataclass
class ReportScore:
    """Counts for one report, and what went wrong in it."""

    people: tuple[int, int, int]  # matched, predicted, gold
    affiliation: tuple[int, int]  # right, gold people with an affiliation that were matched
    orgs: tuple[int, int, int]
    date_ok: bool
    city_ok: bool
    missed: list[str] = field(default_factory=list)
    extra: list[str] = field(default_factory=list)
    affiliation_misses: list[str] = field(default_factory=list)
    orgs_missed: list[str] = field(default_factory=list)
    orgs_extra: list[str] = field(default_factory=list)


def score_report(gold: dict, predicted: dict | None) -> ReportScore:
    gold_acronyms: dict[str, set[str]] = {}
    for org in gold.get("organizations") or []:
        acronyms = gold_acronyms.setdefault(org_key(org["name"]), set())
        if org.get("acronym"):
            acronyms.add(org_key(org["acronym"]))
    predicted_orgs = (predicted or {}).get("organizations") or []
    expansions = {
        org_key(org.get("name")): org["acronym"] for org in predicted_orgs if org.get("acronym")
    }

    gold_people, predicted_people = _people(gold), _people(predicted)
    used: set[int] = set()
    matches = []
    for gold_person in gold_people:
        keys = {name_key(gold_person["name"])} | {
            name_key(form) for form in gold_person.get("forms") or []
        }
        for i, person in enumerate(predicted_people):
            if i not in used and name_key(person.get("name", "")) in keys:
                used.add(i)
                matches.append((gold_person, person))
                break

    right = total = 0
    affiliation_misses = []
    for gold_person, person in matches:
        gold_orgs = [
            p["organization"] for p in gold_person.get("positions") or [] if p.get("organization")
        ]
        if not gold_orgs:
            continue
        total += 1
        acronyms = set().union(*(gold_acronyms.get(org_key(g), set()) for g in gold_orgs))
        positions = person.get("positions") or []
        primary = positions[0].get("organization") if positions else None
        # A well-known acronym the prediction expanded ("IEA" -> International Energy Agency).
        expanded = expansions.get(org_key(primary))
        if org_matches(primary, gold_orgs, acronyms) or (
            expanded and org_matches(expanded, gold_orgs, acronyms)
        ):
            right += 1
        else:
            affiliation_misses.append(f"{gold_person['name']}: {primary!r} not in {gold_orgs}")

    gold_orgs = gold.get("organizations") or []
    org_used: set[int] = set()
    orgs_missed = []
    for gold_org in gold_orgs:
        acronyms = {org_key(gold_org["acronym"])} if gold_org.get("acronym") else set()
        for i, org in enumerate(predicted_orgs):
            written = [org.get("name")] + ([org["acronym"]] if org.get("acronym") else [])
            if i not in org_used and any(
                org_matches(w, [gold_org["name"]], acronyms) for w in written
            ):
                org_used.add(i)
                break
        else:
            orgs_missed.append(gold_org["name"])

    gold_event = (gold.get("events") or [{}])[0]
    event = ((predicted or {}).get("events") or [{}])[0]
    gold_start, start = gold_event.get("start") or {}, event.get("start") or {}
    return ReportScore(
        people=(len(matches), len(predicted_people), len(gold_people)),
        affiliation=(right, total),
        orgs=(len(org_used), len(predicted_orgs), len(gold_orgs)),
        date_ok=all(gold_start.get(k) == start.get(k) for k in ("year", "month", "day")),
        city_ok=org_key(gold_event.get("city")) == org_key(event.get("city")),
        missed=[g["name"] for g in gold_people if all(g is not m[0] for m in matches)],
        extra=[p.get("name") for i, p in enumerate(predicted_people) if i not in used],
        affiliation_misses=affiliation_misses,
        orgs_missed=orgs_missed,
        orgs_extra=[o.get("name") for i, o in enumerate(predicted_orgs) if i not in org_used],
    )


def _prf(tp: int, n_predicted: int, n_gold: int) -> tuple[float, float, float]:
    precision = tp / n_predicted if n_predicted else (1.0 if not n_gold else 0.0)
    recall = tp / n_gold if n_gold else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def totals(scores: Iterable[ReportScore]) -> dict[str, float]:
    """The set's figures, rounded to three places as they are recorded."""
    scores = list(scores)
    people = [sum(s.people[i] for s in scores) for i in range(3)]
    orgs = [sum(s.orgs[i] for s in scores) for i in range(3)]
    right, total = sum(s.affiliation[0] for s in scores), sum(s.affiliation[1] for s in scores)
    pp, pr, pf = _prf(*people)
    op, orr, of = _prf(*orgs)
    count = len(scores)
    summary = {
        "people_p": pp,
        "people_r": pr,
        "people_f1": pf,
        "affiliation_acc": right / total if total else 1.0,
        "orgs_p": op,
        "orgs_r": orr,
        "orgs_f1": of,
        "date_acc": sum(s.date_ok for s in scores) / count if count else 1.0,
        "city_acc": sum(s.city_ok for s in scores) / count if count else 1.0,
    }
    return {key: round(value, 3) for key, value in summary.items()}


def score_documents(gold: Iterable[dict], predicted: Iterable[dict]) -> dict[str, float]:
    """Totals over every gold document; a gold report with no prediction scores zero."""
    by_report = {document["report"]: document for document in predicted}
    return totals(score_report(g, by_report.get(g["report"])) for g in gold)


def read_gold(gold_dir: Path) -> list[dict]:
    return [
        json.loads(path.read_text(encoding="utf-8")) for path in sorted(gold_dir.glob("*.json"))
    ]


def extract_documents(reports: Iterable[Path]) -> list[dict]:
    # Imported here so that reading this module for its matching rules extracts nothing.
    from events.extraction import extract_report
    from events.extraction.schema import report_as_schema

    return [report_as_schema(extract_report(p.read_bytes(), source=p.name)) for p in reports]


def score_folder(reports_dir: Path, gold_dir: Path) -> dict[str, float]:
    """Extract every report of `reports_dir` that `gold_dir` annotates, and score it."""
    gold = read_gold(gold_dir)
    reports = [reports_dir / document["report"] for document in gold]
    return score_documents(gold, extract_documents(p for p in reports if p.exists()))


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("reports", type=Path)
    parser.add_argument("gold", type=Path)
    parser.add_argument("--quiet", action="store_true", help="only the totals")
    args = parser.parse_args(argv)
    gold = read_gold(args.gold)
    reports = [args.reports / g["report"] for g in gold if (args.reports / g["report"]).exists()]
    by_report = {d["report"]: d for d in extract_documents(reports)}
    scores = []
    for document in gold:
        score = score_report(document, by_report.get(document["report"]))
        scores.append(score)
        if args.quiet:
            continue
        print(
            f"== {document['report']}: people {score.people[0]}/{score.people[2]} "
            f"({score.people[1]} predicted); affiliation {score.affiliation[0]}/"
            f"{score.affiliation[1]}; orgs {score.orgs[0]}/{score.orgs[2]} ({score.orgs[1]} "
            f"predicted); date {'ok' if score.date_ok else 'WRONG'}; "
            f"city {'ok' if score.city_ok else 'WRONG'}"
        )
        for label in ("missed", "extra", "affiliation_misses", "orgs_missed", "orgs_extra"):
            for item in getattr(score, label):
                print(f"   {label}: {item}")
    print(json.dumps(totals(scores)))


if __name__ == "__main__":
    main()
