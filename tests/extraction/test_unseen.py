"""Generalisation check: reports r13-r22 were written and hand-annotated (gold_unseen/) before
the extractor ever read them; the scorer's totals must stay at the level reached."""

from pathlib import Path

from .scoring import reports_with_gold, score_reports

GOLD = Path(__file__).resolve().parent / "gold_unseen"


def test_unseen_reports_each_have_gold():
    assert len(reports_with_gold(GOLD)) >= 10


def test_extract_report_scores_on_unseen_reports(tmp_path):
    scores = score_reports(GOLD, tmp_path)
    assert scores["people_f1"] >= 0.95, scores
    assert scores["affiliation_acc"] >= 0.95, scores
    assert scores["orgs_f1"] >= 0.9, scores
    assert scores["date_acc"] == 1.0, scores
    assert scores["city_acc"] == 1.0, scores
