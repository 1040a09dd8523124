"""Later mentions of people already introduced: short references, keynote and panel contexts,
the talks they gave."""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache

from events.extraction.folding import fold_keeping_punctuation
from events.extraction.names import (
    has_honorific,
    name_tokens,
    space_initials,
)
from events.extraction.people.introductions import add_form, match_person
from events.extraction.people.words import (
    KEYNOTE_RE,
    ONLINE_RE,
    PANEL_RE,
    SPEECH_WORDS,
    TALK_RE,
    PersonDraft,
    has_open_bracket,
)
from events.extraction.records import Role, Span

# Up to four capitalised words, with an honorific before them: "Mr. Yanhua Liu".
_CAPITALISED_RUN = re.compile(
    r"(?:(?:Mr|Mrs|Ms|Miss|Dr|Prof)\.?\s+)?[A-Z][\w’'\-.]*(?:\s+[A-Z][\w’'\-]*){0,3}"
)
_POSSESSIVE_END = re.compile(r"(?:['’]s)$")


def find_references(text: str, span: Span, people: list[PersonDraft]) -> None:
    """Record later ways a known person is written: "Just as Mr. Yanhua Liu said", "Mr. Clarence"."""
    sentence = text[span.start : span.end]
    for match in _CAPITALISED_RUN.finditer(sentence):
        candidate = _POSSESSIVE_END.sub("", match.group(0)).strip().split()
        for start in range(len(candidate)):
            words = candidate[start:]
            for end in range(len(words), 0, -1):
                written = " ".join(words[:end])
                if len(words[:end]) == 1 and not has_honorific(written):
                    continue
                person = match_person(written, people)
                if person and (len(name_tokens(written)) > 1 or has_honorific(written)):
                    add_form(person, written, people)
                    break
            else:
                continue
            break


def apply_contexts(text: str, units: tuple[Span, ...], people: list[PersonDraft]) -> None:
    """Keynote, panel and online contexts: a keynote session paragraph makes its speakers keynotes."""
    # Read once per report, not once per sentence: where paragraphs start, where each one's
    # first "keynote" ends, and which people each folded word may name.
    paragraph_starts = [0] + [m.end() for m in re.finditer("\n", text)]
    first_keynote: dict[int, int | None] = {}
    by_word: dict[str, set[int]] = {}
    for i, person in enumerate(people):
        for form in (person.written, *person.forms):
            tokens = name_tokens(form)
            # A name whose first token is no plain word is tried on every clause.
            key = tokens[0] if tokens and tokens[0].isalnum() else ""
            by_word.setdefault(key, set()).add(i)
    for span in units:
        sentence = text[span.start : span.end]
        paragraph_start = paragraph_starts[bisect_right(paragraph_starts, span.start) - 1]
        if paragraph_start not in first_keynote:
            paragraph_end = text.find("\n", paragraph_start)
            found = KEYNOTE_RE.search(
                text, paragraph_start, paragraph_end if paragraph_end >= 0 else len(text)
            )
            first_keynote[paragraph_start] = found.end() if found else None
        keynote_end = first_keynote[paragraph_start]
        keynote = KEYNOTE_RE.search(sentence) or (
            keynote_end is not None and keynote_end <= span.start
        )
        panel = PANEL_RE.search(sentence)
        for _, clause in _clauses(sentence):
            folded = fold_keeping_punctuation(space_initials(clause))
            words = frozenset(_WORD.findall(folded))
            named = sorted(set().union(by_word.get("", ()), *(by_word.get(w, ()) for w in words)))
            for person in (people[i] for i in named):
                if not _mentioned(folded, words, person):
                    continue
                if keynote and person.role in (None, Role.SPEAKER, Role.ATTENDEE, Role.PANELIST):
                    if _speaks(clause) or person.role is not None:
                        person.role = Role.KEYNOTE
                elif panel and person.role in (None, Role.SPEAKER, Role.ATTENDEE):
                    person.role = Role.PANELIST
                if ONLINE_RE.search(clause) and _speaks(clause):
                    person.online = True


def _speaks(clause: str) -> bool:
    lowered = clause.lower()
    return any(re.search(rf"\b{w}\b", lowered) for w in SPEECH_WORDS)


def _clauses(sentence: str) -> list[tuple[int, str]]:
    result, start = [], 0
    for match in re.finditer(r";", sentence):
        result.append((start, sentence[start : match.start()]))
        start = match.end()
    result.append((start, sentence[start:]))
    return result


_WORD = re.compile(r"\w+")


def _mentioned(folded: str, words: frozenset[str], person: PersonDraft) -> bool:
    """True when the folded clause, whose words are `words`, writes one of the person's forms.

    Every clause meets every person, so the cheap test of words comes before the pattern.
    """
    return any(
        _may_write(words, form) and _form_pattern(form).search(folded)
        for form in (person.written, *person.forms)
    )


def _may_write(words: frozenset[str], form: str) -> bool:
    """True when a text whose words are `words` has every word of the name `form`: the cheap
    test before the pattern, since every clause meets every person."""
    tokens = name_tokens(form)
    return bool(tokens) and all(t in words or not t.isalnum() for t in tokens)


@lru_cache(maxsize=4096)
def _form_pattern(form: str) -> re.Pattern[str] | None:
    """The folded words of a written name, as one pattern: every clause is matched against
    every person, so compiling it once per name keeps long reports linear."""
    tokens = name_tokens(form)
    return re.compile(r"\b" + r"\W+".join(map(re.escape, tokens)) + r"\b") if tokens else None


def find_talks(text: str, units: tuple[Span, ...], people: list[PersonDraft]) -> None:
    """A quoted title after "titled"/"on the theme of" belongs to the nearest person before it."""
    for span in units:
        sentence = text[span.start : span.end]
        for match in TALK_RE.finditer(sentence):
            before = sentence[: match.start()]
            speaker = _last_mentioned(before, people)
            if speaker and speaker.talk_title is None:
                speaker.talk_title = tidy_talk_title(match.group("title"))
                speaker.talk_evidence = span


def _last_mentioned(before: str, people: list[PersonDraft]) -> PersonDraft | None:
    best, best_at = None, -1
    folded = fold_keeping_punctuation(space_initials(before))
    words = frozenset(_WORD.findall(folded))
    for person in people:
        for form in (person.written, *person.forms):
            # A long report has hundreds of people and many talks: the pattern only for a name
            # the sentence may write.
            if not _may_write(words, form):
                continue
            for hit in _form_pattern(form).finditer(folded):
                if hit.start() > best_at:
                    best, best_at = person, hit.start()
    return best


def tidy_talk_title(raw: str) -> str:
    """Straighten single quotes a translation misplaced.

    "'One Belt, One Road 'helps green industries' go global '" ->
    "'One Belt, One Road' helps green industries go global"
    """
    text = re.sub(r"\s+['‘’]\s*$", "", raw.strip())
    out: list[str] = []
    opened = False
    for i, char in enumerate(text):
        if char not in "'‘’":
            out.append(char)
            continue
        before = text[i - 1] if i else " "
        after = text[i + 1] if i + 1 < len(text) else " "
        if before.isalpha() and after.isalpha():
            out.append(char)  # an apostrophe: "China's"
        elif (
            not opened and before.isspace() and after.isalnum() and (i == 0 or "'" in text[i + 1 :])
        ):
            if i == 0 or out[-1:] == [" "] and not has_open_bracket(out):
                out.append("'")
                opened = True
            else:
                out.append(char)
        elif opened:
            while out and out[-1] == " ":
                out.pop()
            out.append("' " if after.isalnum() else "'")
            opened = False
        # any other quote is a stray and is dropped
    return " ".join("".join(out).split())
