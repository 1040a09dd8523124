"""mark_evidence is pure: text and offsets in, segments out; no database."""

from browse.evidence import Fact, Segment, mark_evidence


def test_mark_evidence_cuts_text_at_each_cited_sentence():
    text = "Liu spoke. Qiu moderated. The end."
    marked = mark_evidence(text, [Fact(0, 10, "Liu: speaker"), Fact(11, 25, "Qiu: moderator")])
    assert marked.segments == [
        Segment("Liu spoke.", passages=(1,), anchors=("ev-0-10",), ends=(1,)),
        Segment(" ", passages=(), anchors=(), ends=()),
        Segment("Qiu moderated.", passages=(2,), anchors=("ev-11-25",), ends=(2,)),
        Segment(" The end.", passages=(), anchors=(), ends=()),
    ]
    assert "".join(segment.text for segment in marked.segments) == text


def test_mark_evidence_groups_facts_citing_the_same_sentence():
    text = "Liu, director of IGEA, spoke."
    marked = mark_evidence(text, [Fact(0, 29, "participation"), Fact(0, 29, "position")])
    assert [(p.number, p.anchor, [f.label for f in p.facts]) for p in marked.passages] == [
        (1, "ev-0-29", ["participation", "position"])
    ]
    assert len(marked.segments) == 1


def test_mark_evidence_handles_overlapping_ranges():
    text = "abcdefghij"
    marked = mark_evidence(text, [Fact(0, 6, "a"), Fact(3, 10, "b")])
    assert [(s.text, s.passages, s.anchors) for s in marked.segments] == [
        ("abc", (1,), ("ev-0-6",)),
        ("def", (1, 2), ("ev-3-10",)),
        ("ghij", (2,), ()),
    ]


def test_mark_evidence_ignores_empty_and_out_of_range_offsets():
    marked = mark_evidence("short", [Fact(3, 3, "empty"), Fact(2, 99, "clipped")])
    assert [(s.text, s.passages) for s in marked.segments] == [("sh", ()), ("ort", (1,))]
    assert marked.passages[0].end == 5


def test_mark_evidence_without_facts_returns_the_text_whole():
    assert mark_evidence("plain <b>", []).segments == [Segment("plain <b>")]
