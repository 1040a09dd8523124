"""Each set of hand-annotated reports keeps the scores it has reached.

The reports were annotated before the extractor first read them; the scores they got then are
the honest estimate for reports nobody has seen (noted per set). Floors are the scores reached
since; raise them when a change lifts a set, never lower them to let a change through.
"""

from dataclasses import dataclass
from pathlib import Path

import pytest

from .scorer import read_gold, score_folder

HERE = Path(__file__).resolve().parent
REPORTS = HERE / "reports"
EVERY_MEASURE = (
    "people_p",
    "people_r",
    "people_f1",
    "affiliation_acc",
    "orgs_p",
    "orgs_r",
    "orgs_f1",
    "date_acc",
    "city_acc",
)


@dataclass(frozen=True)
class AnnotatedSet:
    gold: str
    reports: int
    minimum: dict[str, float]
    folder: Path = REPORTS


def perfect() -> dict[str, float]:
    return dict.fromkeys(EVERY_MEASURE, 1.0)


SETS = [
    # The five seed reports the project started from: every measure stays at 1.0.
    AnnotatedSet("gold_seeds", 5, perfect(), HERE.parents[1] / "seeds"),
    # r07-r12, written with the first rules.
    AnnotatedSet("gold_round1", 6, perfect()),
    # r13-r22; first read: people F1 0.83, affiliation 0.79, organisations F1 0.85, city 0.9.
    AnnotatedSet(
        "gold_unseen",
        10,
        {
            "people_f1": 1.0,
            "affiliation_acc": 1.0,
            "orgs_f1": 0.984,
            "date_acc": 1.0,
            "city_acc": 1.0,
        },
    ),
    # r23-r34 (portals, university news, speaker bullets, programme tables, Q&A transcripts);
    # first read: people F1 0.848, affiliation 0.679, organisations F1 0.807, city 0.75.
    AnnotatedSet(
        "gold_round2",
        12,
        {
            "people_f1": 0.993,
            "affiliation_acc": 0.919,
            "orgs_f1": 0.906,
            "orgs_p": 0.846,
            "date_acc": 1.0,
            "city_acc": 1.0,
        },
    ),
    # r35-r46 (wire features, chambers and embassies, UN agency, associations, banks);
    # first read: people F1 0.849, affiliation 0.661, organisations F1 0.813, date 0.833,
    # city 0.583.
    AnnotatedSet(
        "gold_round3",
        12,
        {
            "people_f1": 0.966,
            "affiliation_acc": 0.944,
            "orgs_f1": 0.944,
            "orgs_p": 0.971,
            "date_acc": 1.0,
            "city_acc": 1.0,
        },
    ),
    # r47-r56 (organisers' and media sites, written after three rounds of fixes); first read:
    # people F1 0.983, affiliation 0.839, organisations F1 0.87 (precision 0.798), date 0.9,
    # city 0.6.
    AnnotatedSet(
        "gold_round4",
        10,
        {
            "people_f1": 1.0,
            "affiliation_acc": 0.912,
            "orgs_f1": 0.92,
            "orgs_p": 0.863,
            "date_acc": 1.0,
            "city_acc": 1.0,
        },
    ),
    # r6a01-r6a21: real published reports (UN agencies, embassies, think tanks, wires, news
    # media, 2011-2025), annotated by others; first read, before any fix (people P/R/F1,
    # affiliation, organisations P/R/F1, date, city): 0.885/0.812/0.847, 0.774,
    # 0.778/0.754/0.766, 0.619, 0.619.
    AnnotatedSet(
        "gold_round6a",
        21,
        {
            "people_f1": 0.964,
            "affiliation_acc": 0.932,
            "orgs_f1": 0.864,
            "date_acc": 1.0,
            "city_acc": 0.952,
        },
    ),
    # r6b01-r6b20: real published reports (forums, finance and energy conferences, COP
    # pavilions, university webinars, media, 2011-2025); first read, before any fix:
    # 0.917/0.868/0.892, 0.732, 0.798/0.688/0.739, 0.35, 0.8.
    AnnotatedSet(
        "gold_round6b",
        20,
        {
            "people_f1": 0.987,
            "affiliation_acc": 0.935,
            "orgs_f1": 0.857,
            "date_acc": 0.9,
            "city_acc": 1.0,
        },
    ),
    # r6d01-r6d25: real published reports (Hong Kong, Macao and Taiwan government speeches,
    # chambers, think tanks, COP side events, programmes, 2010-2025), annotated by others;
    # first read, before any fix: 0.977/0.649/0.78, 0.754, 0.759/0.738/0.748, 0.84, 0.52.
    AnnotatedSet(
        "gold_round6d",
        25,
        {
            "people_f1": 0.977,
            "affiliation_acc": 0.958,
            "orgs_f1": 0.846,
            "date_acc": 1.0,
            "city_acc": 1.0,
        },
    ),
    # r6c01-r6c20: real published reports (NGOs and foundations, universities and think
    # tanks, business councils, programmes, 2011-2025), annotated by others and held out from
    # every round of rules until they were all written; scored three times, never tuned on:
    # with the extractor before round six 0.917/0.795/0.852, 0.698, 0.812/0.725/0.766, 0.5,
    # 0.75; after round six 0.921/0.843/0.881, 0.687, 0.807/0.733/0.768, 0.7, 0.8; after round
    # seven 0.925/0.892/0.908, 0.718, 0.806/0.763/0.784, 0.7, 0.8; after the generalising
    # round (these floors, rules written on the other sets' shapes only)
    # 0.937/0.892/0.914, 0.746, 0.81/0.779/0.794, 0.7, 0.95; session ten's date rules (written
    # on 6d and 9a) lifted its date to 0.75, and round nine's people and title rules (written on
    # 9a) its affiliation to 0.833 (these floors).
    AnnotatedSet(
        "gold_round6c",
        20,
        {
            "people_f1": 0.92,
            "affiliation_acc": 0.847,
            "orgs_f1": 0.806,
            "date_acc": 0.75,
            "city_acc": 0.95,
        },
    ),
    # r8a01-r8a13: real published reports (NDRC, an embassy speech, CCICED, universities,
    # AmCham, a company release, Global Times and Xinhua, 2013-2024), annotated by others
    # before the extractor read them and never tuned on. First read, with the extractor before
    # the generalising round: 0.926/0.833/0.877, 0.8, 0.802/0.739/0.769, 0.692, 0.692; after
    # it: 0.925/0.817/0.867, 0.795, 0.79/0.727/0.757, 0.692, 0.769; the floors are the
    # second round's.
    AnnotatedSet(
        "gold_round8a",
        13,
        {
            "people_f1": 0.94,
            "affiliation_acc": 0.894,
            "orgs_f1": 0.83,
            "date_acc": 1.0,
            "city_acc": 1.0,
        },
    ),
    # r8b01-r8b22: real published reports (city and provincial portals, universities, a
    # consulate and a UN agency speech, two newswires, associations, 2011-2025), annotated by
    # others and held out like 8a. First read, before the generalising round:
    # 0.956/0.908/0.932, 0.824, 0.779/0.74/0.759, 0.818, 0.818; after it (these floors):
    # 0.948/0.917/0.932, 0.826, 0.78/0.762/0.771, 0.909, 0.818; after round eight, whose rules
    # were written on 8a (these floors): 0.948/0.917/0.932, 0.837, 0.78/0.762/0.771, 0.909, 0.818.
    AnnotatedSet(
        "gold_round8b",
        22,
        {
            "people_f1": 0.941,
            "affiliation_acc": 0.849,
            "orgs_f1": 0.793,
            "date_acc": 0.909,
            "city_acc": 0.818,
        },
    ),
    # r9a01-r9a12 and r9b01-r9b14: real published reports (UN agencies' speeches, embassies,
    # the Danish Energy Agency, MEE, wires; universities, NGOs, a chamber, a newspaper;
    # 2010-2025), annotated by others before the extractor read them. First read, the honest
    # estimate (people P/R/F1, affiliation, organisations P/R/F1, date, city):
    # 9a 0.854/0.745/0.795, 0.714, 0.804/0.738/0.769, 0.833, 0.75;
    # 9b 0.938/0.852/0.893, 0.868, 0.876/0.756/0.811, 0.857, 0.786;
    # both (26 reports, 135 people) 0.909/0.815/0.859, 0.823, 0.852/0.75/0.798, 0.846, 0.769.
    # Round nine's rules were written on 9a (and older sets) with 9b held out; after them
    # (these floors) 9a 1.0/0.957/0.978, 0.879, 0.923/0.787/0.85, 1.0, 1.0 and 9b
    # 0.962/0.852/0.904, 0.868, 0.876/0.756/0.811, 0.857, 0.857.
    # Round nine's rules were written on 9a's shapes only, 9b held out; 9a after them (these
    # floors): 1.0/0.957/0.978, 0.879, 0.923/0.787/0.85, 1.0, 0.917.
    AnnotatedSet(
        "gold_round9a",
        12,
        {
            "people_f1": 0.978,
            "affiliation_acc": 0.97,
            "orgs_f1": 0.879,
            "date_acc": 1.0,
            "city_acc": 1.0,
        },
    ),
    AnnotatedSet(
        "gold_round9b",
        14,
        {
            "people_f1": 0.904,
            "affiliation_acc": 0.868,
            "orgs_f1": 0.813,
            "date_acc": 0.929,
            "city_acc": 0.857,
        },
    ),
    # r10a01-r10a12 and r10b01-r10b12: real published reports (news media and wires, an
    # embassy speech, Hong Kong and Taiwan government pages, a trade fair, companies, a chamber;
    # universities, UN agencies, an NGO programme, a think-tank transcript; 2010-2024),
    # annotated by others before the extractor read them. First read, the honest estimate
    # (people P/R/F1, affiliation, organisations P/R/F1, date, city), with the extractor of
    # round nine: 10a 0.941/0.627/0.753, 0.609, 0.735/0.61/0.667, 0.833, 0.917;
    # 10b 0.981/0.85/0.911, 0.87, 0.836/0.744/0.787, 0.75, 0.667;
    # both (24 reports, 111 participants) 0.965/0.748/0.843, 0.783, 0.795/0.688/0.738, 0.792, 0.792.
    # 10a is for writing rules on; 10b is held out. After round ten's rules (these floors):
    # 10a 0.957/0.863/0.907, 0.815, 0.80/0.678/0.734, 0.833, 0.917; 10b 0.981/0.883/0.93, 0.87,
    # 0.847/0.744/0.792, 0.75, 0.667.
    AnnotatedSet(
        "gold_round10a",
        12,
        {
            "people_f1": 0.929,
            "affiliation_acc": 0.897,
            "orgs_f1": 0.745,
            "date_acc": 1.0,
            "city_acc": 1.0,
        },
    ),
    AnnotatedSet(
        "gold_round10b",
        12,
        {
            "people_f1": 0.93,
            "affiliation_acc": 0.87,
            "orgs_f1": 0.792,
            "date_acc": 0.75,
            "city_acc": 0.75,
        },
    ),
    # r11a01-r11a12 and r11b01-r11b12: real published reports (press-release wires, provincial
    # and city portals, state media, company and association news; an embassy, UN agencies,
    # development banks, foreign chambers, think tanks, universities outside the mainland,
    # programmes; 2010-2025), annotated by others and never tuned on. First read, with the
    # extractor of round nine (the honest estimate): 11a 0.886/0.848/0.867, 0.839,
    # 0.828/0.75/0.787, 0.833, 0.583; 11b 0.879/0.85/0.864, 0.795, 0.759/0.833/0.795, 0.667,
    # 0.833; both (24 reports, 106 participants) 0.882/0.849/0.865, 0.814, 0.788/0.794/0.791,
    # 0.75, 0.708. After round ten's rules (these floors): 11a city 0.667; 11b affiliation
    # 0.821, organisations 0.762/0.847/0.803; the rest unchanged. Round twelve's people rules
    # (a plural title over "A, B, and others"): 11a people 0.879; a person a predicate
    # reaches ("reported it to A, Director of X"): 11a affiliation 0.871; a glued name before
    # a title ("ShuYinbiao, Chairman of X"): 0.903; the speaker of "the speech of A, member
    # of X": people 0.891, affiliation 0.906; the body a common noun describes ("the think
    # tank E3G"): affiliation 0.938, organisations 0.797; a title "from" a body ("Senior
    # Research Fellow from the X Centre at Y"): people 0.903, affiliation 0.939.
    AnnotatedSet(
        "gold_round11a",
        12,
        {
            "people_f1": 0.903,
            "affiliation_acc": 0.939,
            "orgs_f1": 0.806,
            "date_acc": 0.833,
            "city_acc": 1.0,
        },
    ),
    AnnotatedSet(
        "gold_round11b",
        12,
        {
            "people_f1": 0.874,
            "affiliation_acc": 0.821,
            "orgs_f1": 0.803,
            "date_acc": 0.667,
            "city_acc": 0.833,
        },
    ),
    # r12a01-r12a12 and r12b01-r12b12: real published reports (wires, state media, city
    # portals, company and association releases; UN agencies, a development bank, a foreign
    # chamber programme, universities in Beijing and Macao, a Taiwan institute, agendas;
    # 2014-2025), annotated by others before the extractor read them. First read, with the
    # extractor of round ten (the honest estimate; people P/R/F1, affiliation, organisations
    # P/R/F1, date, city): 12a 0.9/0.9/0.9, 0.741, 0.88/0.677/0.765, 0.75, 0.917;
    # 12b 0.919/0.791/0.85, 0.893, 0.883/0.707/0.785, 0.833, 0.75; both (24 reports,
    # 73 participants) 0.91/0.836/0.871, 0.818, 0.882/0.693/0.776, 0.792, 0.833.
    # 12a is for writing rules on; 12b is held out. Round twelve's rules, in two passes
    # (people: Hong Kong names after a title, a counsellor's body, a company before an
    # executive post, an owner's institute, a second subject after "while", a glued pinyin
    # name, a person a predicate reaches; organisations: a title between two bodies, a
    # trailing name, a name cut at its "and", caption and wire credits, "X Authority", a
    # bureau of a municipality, industry leaders' brands, a meeting's host, an event's owner;
    # dates: an event inaugurated, a page's "Updated" stamp, a photo caption, a wire lead's
    # weekday, "Oct.23"; cities: "a meeting of the X in", "at a special event in", a town
    # visited "to attend", a syllable mark): these floors; 10a date 0.917, 9b date 0.929.
    AnnotatedSet(
        "gold_round12a",
        12,
        {
            "people_f1": 0.984,
            "affiliation_acc": 0.893,
            "orgs_f1": 0.905,
            "date_acc": 1.0,
            "city_acc": 1.0,
        },
    ),
    AnnotatedSet(
        "gold_round12b",
        12,
        {
            "people_f1": 0.85,
            "affiliation_acc": 0.893,
            "orgs_f1": 0.794,
            "date_acc": 0.833,
            "city_acc": 0.75,
        },
    ),
    # r13a01-r13a12 and r13b01-r13b12: real published reports (CCPIT, SAFEA, a China Daily
    # provincial site, associations, companies, expos, two wires; UNDP, the World Bank, three
    # Chinese embassies, Berkeley, the Wilson Center, Tsinghua, ClientEarth; 2011-2025),
    # annotated by others while round twelve's rules were written, and never seen by any
    # rule writer. First read, with round twelve's people and organisation rules (the honest
    # estimate): 13a 0.9/0.9/0.9, 0.625, 0.828/0.716/0.768, 0.583, 1.0; 13b 0.92/0.807/0.86,
    # 0.741, 0.783/0.75/0.766, 0.75, 0.583; both (24 reports, 77 participants)
    # 0.914/0.831/0.871, 0.698, 0.808/0.73/0.767, 0.667, 0.792. Round twelve's date and city
    # rules then changed none of it. Both sets are held out.
    AnnotatedSet(
        "gold_round13a",
        12,
        {
            "people_f1": 0.9,
            "affiliation_acc": 0.625,
            "orgs_f1": 0.778,
            "date_acc": 0.667,
            "city_acc": 1.0,
        },
    ),
    AnnotatedSet(
        "gold_round13b",
        12,
        {
            "people_f1": 0.86,
            "affiliation_acc": 0.741,
            "orgs_f1": 0.779,
            "date_acc": 0.75,
            "city_acc": 0.667,
        },
    ),
    # r14a01-r14a12 and r14b01-r14b12: real published reports (provincial portals of Jiangxi,
    # Hunan and Shanghai, IRENA, the IEA, WRI, the Under2 Coalition, Berkeley, Carnegie, two
    # Chinese embassies, the Sino-German energy partnership, chambers, universities, Beijing
    # E-Town, JEC, the Pujiang Forum; 2013-2024), annotated this session before the extractor
    # read them, and never seen by any rule writer. First read, by the extractor of the
    # session's start (the honest estimate): 14a 0.844/0.771/0.806, 0.76, 0.857/0.808/0.832,
    # 0.667, 0.833; 14b 0.968/0.909/0.937, 0.778, 0.896/0.714/0.795, 0.833, 0.917; both
    # (24 reports, 27 events, 68 participants) 0.905/0.838/0.87, 0.769, 0.879/0.75/0.81,
    # 0.75, 0.875. Both sets are held out.
    AnnotatedSet(
        "gold_round14a",
        12,
        {
            "people_f1": 0.806,
            "affiliation_acc": 0.76,
            "orgs_f1": 0.832,
            "date_acc": 0.667,
            "city_acc": 0.833,
        },
    ),
    AnnotatedSet(
        "gold_round14b",
        12,
        {
            "people_f1": 0.937,
            "affiliation_acc": 0.778,
            "orgs_f1": 0.795,
            "date_acc": 0.833,
            "city_acc": 0.917,
        },
    ),
]


@pytest.mark.parametrize("annotated", SETS, ids=lambda s: s.gold)
def test_annotated_set_has_a_report_for_every_gold_file(annotated):
    gold = read_gold(HERE / annotated.gold)
    assert len(gold) == annotated.reports
    assert [d["report"] for d in gold if not (annotated.folder / d["report"]).exists()] == []


@pytest.mark.parametrize("annotated", SETS, ids=lambda s: s.gold)
def test_extract_report_keeps_its_scores_on_annotated_set(annotated):
    scores = score_folder(annotated.folder, HERE / annotated.gold)
    below = {k: scores[k] for k, floor in annotated.minimum.items() if scores[k] < floor}
    assert below == {}, scores
