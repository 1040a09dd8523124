"""Read and clean: bytes -> text, mojibake repair, page furniture, sentences.

Reports arrive as pages saved from many Chinese and international sites, so the bytes may be
UTF-8, UTF-16 or GBK, and the text may carry the scars of an earlier wrong decoding
("Ã©" for "é", "¡°" for "“") plus the page's navigation, footer and photo credits.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace

import ftfy

from events.extraction.lexicon import (
    GAZETTEER,
    MONTH_ABBREVIATIONS,
    ORGANISATION_HEADS,
    SENTENCE_OPENERS,
    SITE_NAME_WORDS,
    SITE_NOUNS,
    TERMINAL_ABBREVIATIONS,
    month_number,
)
from events.extraction.records import ReportError, Span

MAX_BYTES = 2_000_000

# Share of control bytes above which a file is taken for binary rather than text.
_MAX_CONTROL_RATIO = 0.05
# Share of C1 controls in a Latin-1 decoding above which the bytes are not text we can read.
_MAX_C1_RATIO = 0.02


@dataclass(frozen=True)
class CleanedReport:
    text: str
    title: str
    publisher: str | None
    repairs: tuple[str, ...] = ()
    # The page's own date ("Updated: 2023-09-08 10:15") as (year, month, day); not the event's.
    published: tuple[int, int, int] | None = None
    # A wire dateline stripped from the first paragraph: "BEIJING, Sept. 6 (Xinhua) --".
    dateline: Dateline | None = None
    # Wire datelines left in the body, below furniture or deep in the page; `span` says where.
    buried_datelines: tuple[Dateline, ...] = ()
    # An event page's "Date: 14 November 2018" beside "Venue: ...": the event's own date.
    scheduled: tuple[int, int, int] | None = None
    # The news source a page line credits: "cgtn.com", "(ECNS) –", "China Plus Published: ...".
    source: str | None = None
    # The agencies a caption credits: "(Xinhua/Li Xin)" -> "Xinhua"; media organisations.
    credited_agencies: tuple[str, ...] = ()


@dataclass(frozen=True)
class Dateline:
    """ "BEIJING, Sept. 6 (Xinhua) --": where the story was filed and on which day.

    The city is the event's city unless the body names another; the date is the publication
    date, the event's only when the body says "on Monday" or "today" and gives no other date."""

    city: str  # as written, title-cased: "Beijing", "Hong Kong"
    year: int | None
    month: int | None
    day: int | None
    # The agency or wire that filed it: "Xinhua", "PRNewswire-Asia"; a media organisation.
    agency: str | None = None
    # Where a dateline left in the body stands in the cleaned text, city to dash; a leading
    # dateline is stripped from the text and has none.
    span: Span | None = None


# ---------------------------------------------------------------------------------------------
# Decoding


def refuse_oversize(size: int) -> None:
    """Raise ReportError for a report too large to be a news page (checked before reading)."""
    if size > MAX_BYTES:
        raise ReportError(
            f"the file is {size:,} bytes; reports over {MAX_BYTES:,} bytes are refused"
        )


def decode_report(data: bytes) -> tuple[str, str]:
    """Return (text, encoding label). Raises ReportError for input that is not readable text."""
    refuse_oversize(len(data))
    text, label = _decode_bytes(data)
    if not text.strip():
        raise ReportError("the file is empty or holds only whitespace")
    return text, label


def _decode_bytes(data: bytes) -> tuple[str, str]:
    if data.startswith(b"\xef\xbb\xbf"):
        return _decode_strictly(data, "utf-8-sig", "utf-8-sig")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return _decode_strictly(data, "utf-16", "utf-16")
    if not data.strip():
        raise ReportError("the file is empty or holds only whitespace")
    if b"\x00" in data:
        codec = _guess_utf16_without_bom(data)
        if codec is None:
            raise ReportError("the file is binary (it contains NUL bytes), not a text report")
        return _decode_strictly(data, codec, codec)
    if _control_ratio(data) > _MAX_CONTROL_RATIO:
        raise ReportError("the file is binary (too many control characters), not a text report")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    if _looks_like_gbk(data):
        return data.decode("gb18030"), "gb18030"
    return _decode_single_byte(data)


def _decode_strictly(data: bytes, codec: str, label: str) -> tuple[str, str]:
    try:
        return data.decode(codec), label
    except UnicodeDecodeError as error:
        raise ReportError(f"the file claims {label} but byte {error.start} is invalid") from None


def _guess_utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 of mostly-ASCII text has a NUL in every other byte; binary files do not."""
    even, odd = data[0::2], data[1::2]
    if not even or not odd:
        return None
    even_nuls, odd_nuls = even.count(0) / len(even), odd.count(0) / len(odd)
    if odd_nuls > 0.4 and even_nuls < 0.05:
        return "utf-16-le"
    if even_nuls > 0.4 and odd_nuls < 0.05:
        return "utf-16-be"
    return None


def _control_ratio(data: bytes) -> float:
    controls = sum(
        1 for byte in data if (byte < 0x20 and byte not in b"\t\n\r\f\v") or byte == 0x7F
    )
    return controls / len(data)


def _looks_like_gbk(data: bytes) -> bool:
    """GBK text is pairs of high bytes; Latin-1 accents are lone high bytes between letters."""
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        return False
    wide = [char for char in text if ord(char) > 0x7F]
    if not wide or not any("\u4e00" <= char <= "\u9fff" for char in wide):
        return False
    in_gb2312 = sum(1 for char in wide if _is_gb2312_pair(char))
    return in_gb2312 / len(wide) >= 0.8


def _is_gb2312_pair(char: str) -> bool:
    try:
        encoded = char.encode("gb2312")
    except UnicodeEncodeError:
        return False
    return len(encoded) == 2 and all(byte >= 0xA1 for byte in encoded)


def _decode_single_byte(data: bytes) -> tuple[str, str]:
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        text = data.decode("latin-1")
    c1 = sum(1 for char in text if "\x80" <= char <= "\x9f")
    if c1 / len(text) > _MAX_C1_RATIO:
        raise ReportError("the file is in no encoding we can read (UTF-8, UTF-16, GBK, cp1252)")
    return text, "latin-1"


# ---------------------------------------------------------------------------------------------
# Mojibake

_LATIN1_HIGH_RUN = re.compile(
    r"""
    [\u00a1-\u00fe]{2,}     # two or more Latin-1 high characters in a row: "¡°", "¡¤"
    """,
    re.VERBOSE,
)

_FTFY_CONFIG = ftfy.TextFixerConfig(
    unescape_html=False,  # "&amp;" in a report is rare and may be meant
    remove_terminal_escapes=False,
    fix_latin_ligatures=False,  # keep the report's characters; only encodings are repaired
    fix_character_width=False,  # fullwidth punctuation is the report's own
    uncurl_quotes=False,  # curly quotes delimit event names downstream
    fix_line_breaks=False,
    remove_control_chars=False,
    normalization=None,
    explain=False,
)


def repair_gbk_punctuation(text: str) -> str:
    """Turn GBK punctuation that was decoded as Latin-1 back into itself.

    Example input: "¡°policy and trend¡±" -> "“policy and trend”"; "¡¤ Site Map" -> "· Site Map".
    Only pairs that decode to punctuation or symbols are replaced, so "Zürich" and "Lalić" stay.
    """
    return _LATIN1_HIGH_RUN.sub(lambda match: _repair_run(match.group()), text)


def _repair_run(run: str) -> str:
    out, index = [], 0
    while index < len(run):
        pair = run[index : index + 2]
        repaired = _decode_gbk_pair(pair) if len(pair) == 2 else None
        if repaired is None:
            out.append(run[index])
            index += 1
        else:
            out.append(repaired)
            index += 2
    return "".join(out)


def _decode_gbk_pair(pair: str) -> str | None:
    try:
        char = pair.encode("latin-1").decode("gbk")
    except UnicodeError:
        return None
    return char if len(char) == 1 and _is_cjk_punctuation(char) else None


def _is_cjk_punctuation(char: str) -> bool:
    code = ord(char)
    return (
        0x3000 <= code <= 0x303F  # CJK symbols and punctuation: 、。《》【】
        or 0x2010 <= code <= 0x206F  # general punctuation: “ ” ‘ ’ — …
        or 0xFF01 <= code <= 0xFF5E  # fullwidth ASCII forms: ，：（）
        or 0x2100 <= code <= 0x25FF  # letterlike, arrows, maths, shapes: № → ■ ●
        or code in (0x00B7, 0x00D7, 0x00F7, 0x00A7, 0x00B0)  # · × ÷ § °
    )


def repair_mojibake(text: str) -> tuple[str, tuple[str, ...]]:
    """Repair GBK-as-Latin-1 punctuation, then UTF-8-as-cp1252 text; return the repair codes."""
    repairs = []
    fixed = repair_gbk_punctuation(text)
    if fixed != text:
        repairs.append("gbk-mojibake")
    refixed = ftfy.fix_text(fixed, config=_FTFY_CONFIG)
    if refixed != fixed:
        repairs.append("utf8-mojibake")
    return refixed, tuple(repairs)


# ---------------------------------------------------------------------------------------------
# Page furniture

_BULLETS = "·•▪■□◆◇●○►▶»*-–—"

_FURNITURE_LINE = re.compile(
    r"""
    ^(?:
        skip\ to\ (?:main\ )?content                 # accessibility link: "Skip to Main Content"
      | (?:back\ )?to\ (?:the\ )?top                 # "To Top", "Back to top"
      | top
      | (?:release|publish(?:ed)?|post(?:ed)?|update[d]?)\s*(?:time|date|on|at|[:：]).{0,40}
                                                     # "Release Time2 months ago"
      | (?:source|editor|author|reporter|translator|from|date|time|views?|clicks?|hits)
        \s*[:：].{0,80}                              # "Source: Xinhua", "Editor: Wang Lei"
      | (?:print|share|e-?mail|close|favorite|comments?|like)
        (?:\s*(?:this|to|the)?\s*(?:page|article|story|window)?)?\s*[:：]?
                                                     # share and print widgets
      | (?:share|follow\ us)\s*(?:to|on)?\s*[:：]?\s*(?:wechat|weibo|facebook|twitter|linkedin|\W|\s)*
      | (?:font\ size|text\ size)\b.*                # "Font size: A A A"
      | (?:live\ )?(?:pictures|photos|gallery|photo\ gallery|video|videos)
                                                     # gallery headings: "Live Pictures"
      | (?:site\ ?map|contact\ us|about\ us|links|friendly\ links|related\ (?:news|articles|stories))
      | (?:all\ rights\ reserved|icp\b).*            # footer legal lines
      | (?:previous|next|prev)\s*(?:article|post|page|story)?\s*[:：].*   # "Next: CACE signs MoU"
      | \[?related(?:\ (?:news|articles|stories))?\]?\s*[:：]?.*  # "[Related] Sixth CIIE opens"
      | tags?\s*[:：].*                               # "Tags: just transition, coal"
      | (?:en|english|中文|cn|chinese)(?:\s*[|/]\s*(?:en|english|中文|cn|chinese))+
                                                     # language switch: "EN | 中文"
      | about\ (?:the\ )?[A-Za-z\ ]{1,40}            # "About the Alliance" boilerplate heading
      | \W*                                          # a line of nothing but punctuation
    )$
    """,
    re.VERBOSE | re.IGNORECASE,
)

_BREADCRUMB = re.compile(
    r"""
    ^(?:(?:you\ are\ here|location|current\ position)\s*[:：]?\s*)?   # "You are here: Home > ..."
    (?:[^<>»|]{1,20}\|\s*)?            # a bilingual first crumb: "首页 | Home"
    [^<>»|]{1,40}                     # first crumb: "Home"
    (?:\s*(?:>>?|»|›)\s*              # separator: ">", ">>", "»"
       [^<>»|]{1,40}){1,6}            # further crumbs: "News Media", "News"
    $
    """,
    re.VERBOSE | re.IGNORECASE,
)

_COPYRIGHT = re.compile(
    r"""
    ^(?:copyright\b|©|\(c\)\s*\d)     # "© 2011 ...", "Copyright © 2020-2023 ...", "(c) 2019 ..."
    """,
    re.VERBOSE | re.IGNORECASE,
)

_COPYRIGHT_HOLDER = re.compile(
    r"""
    ^(?:copyright\s*)?(?:©|\(c\))?\s*  # the copyright sign in any of its forms
    (?:\d{4}\s*(?:[-–]\s*\d{4})?\s*)?  # the year or years: "2011", "2011-2023"
    (?:by\s+)?                         # "Copyright by ..."
    (?P<holder>[^.,|]+?)               # the holder: "China International Forum on Climate Change"
    \s*(?:[.,|]|all\ rights|$)         # stops at "All rights reserved" or punctuation
    """,
    re.VERBOSE | re.IGNORECASE,
)

_PHOTO_CREDIT = re.compile(
    r"""
    \s*
    (?:
        \[\s*(?:photo|image|pic|video|file\ photo)s?\b[^\]]{0,80}\]       # "[Photo/WeChat account: pdnews]"
      | \(\s*(?:photo|image|pic|file\ photo)s?\b[^)]{0,80}\)             # "(Photo: Xinhua)"
      | \(\s*(?P<agency>xinhua)(?:/[^)]{0,60})?\)                        # "(Xinhua/Li Xin)"
      | (?:^|(?<=[.!?]\s))(?:photo|image)s?\s*(?:by|:|/)\s*[^.]{0,60}$  # "Photo by Li Ming"
    )
    """,
    re.VERBOSE | re.IGNORECASE | re.MULTILINE,
)

# Words that mark a short line before the headline as the name of the site or body publishing it.
_MASTHEAD_NOUNS = SITE_NOUNS | ORGANISATION_HEADS

_HEADLINE_VERBS = re.compile(
    r"""
    \b(?:held|holds?|opens?|opened|kicks?|closes?|closed|concludes?|concluded|unveils?
       |launch(?:es|ed)?|convenes?|convened|takes?|took|hosts?|hosted|begins?|ends?|was|is)\b
    """,
    re.VERBOSE | re.IGNORECASE,
)

_SENTENCE_END = re.compile(r"[.!?。！？][\"'”’)\]]*$")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u205f\u3000\ufeff]+")


def photo_credit_agencies(text: str) -> tuple[str, ...]:
    """The agencies a report's caption credits name, once each, as the credit writes them; a
    dateline's "(Xinhua) --" files the story and is the publisher's, no credit.

    Example: "... opened on Saturday. (Xinhua/Ou Dongqu)" -> ("Xinhua",); "(Photo / Li Ming)"
    names a photographer, no agency -> ().
    """
    return strip_photo_credits(text)[1]


def strip_photo_credits(text: str) -> tuple[str, tuple[str, ...]]:
    """The text without its photo credits, and the agencies they credit, in one pass."""
    agencies: dict[str, None] = {}

    def strip(match: re.Match[str]) -> str:
        if match.group("agency") and not _DASH_AFTER.match(text, match.end()):
            agencies[match.group("agency").capitalize()] = None
        return ""

    return _PHOTO_CREDIT.sub(strip, text), tuple(agencies)


_DASH_AFTER = re.compile(r"[ \t]*(?:--|—|–|-)")


def clean_report(text: str) -> CleanedReport:
    """Repair, strip page furniture, normalise whitespace; find the headline and publisher."""
    repaired, repairs = repair_mojibake(text)
    credited, agencies = strip_photo_credits(repaired)
    extra = ["photo-credit"] if credited != repaired else []
    lines = [_SPACES.sub(" ", line).strip() for line in credited.splitlines()]
    lines = [unicodedata.normalize("NFC", line) for line in lines]
    lines = [unglue_sentences(drop_bracket_label(line)) for line in lines]
    stamped, lines = split_page_date_prefix(lines)
    published = stamped or _find_publication_date(lines) or _find_closing_date(lines)
    scheduled = event_date_label(lines)
    source = credited_source(lines)
    content, holder = _drop_furniture(lines)
    if len([line for line in content if line]) < len([line for line in lines if line]):
        extra.append("page-furniture")
    masthead, paragraphs = _split_masthead(_join_paragraphs(content))
    title = paragraphs[0] if paragraphs and is_headline(paragraphs[0]) else ""
    dateline = None
    for index, paragraph in enumerate(paragraphs[0:4]):
        if index == 0 and title:
            continue
        dateline, rest = split_dateline(paragraph)
        if dateline is not None:
            paragraphs[index] = rest
            break
    publisher = masthead or holder
    cleaned_text = "\n\n".join(paragraphs)
    return CleanedReport(
        text=cleaned_text,
        title=title,
        publisher=publisher,
        repairs=(*repairs, *extra),
        published=published,
        dateline=dateline,
        buried_datelines=find_buried_datelines(cleaned_text),
        scheduled=scheduled,
        source=source,
        credited_agencies=agencies,
    )


_SOURCE_LINES = (
    # "cgtn.com", "( chinadaily.com.cn )": a line that is only the news site's address.
    # A government's portal ("english.beijing.gov.cn") is a publication, not a news source.
    re.compile(
        r"^\(?\s*(?!\S*\.gov\.)(?P<source>(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|org|net|cn))\s*\)?$"
    ),
    # "China Plus Published: 2017-09-07 07:54:04": the source before the page's date.
    re.compile(
        r"^(?P<source>[A-Z][\w&’'-]*(?:\s[A-Z][\w&’'-]*){0,4})\s+"
        r"(?:Published|Updated|Posted|Released?)\s*(?:on|at)?\s*[:：]?\s*(?:19|20)\d{2}"
    ),
    # "(ECNS) – “Green industrialization ...": an agency's credit opening the story.
    re.compile(r"^\((?P<source>[A-Z][A-Za-z]{1,15}(?:\s[A-Z][A-Za-z]+){0,3})\)\s*[–—-]+\s"),
)


def credited_source(lines: list[str]) -> str | None:
    """The news source a page credits in a line of its own, near the top or at the foot.

    Example: ["Reference(s):", "cgtn.com"] -> "cgtn.com"; ["(ECNS) – “Green ...”"] -> "ECNS";
    ["China Plus Published: 2017-09-07"] -> "China Plus"; ["Home > News"] -> None.
    """
    for line in (*lines[:20], *lines[-10:]):
        for pattern in _SOURCE_LINES:
            match = pattern.match(line.strip())
            if match:
                return match.group("source")
    return None


_DATE_LABEL = re.compile(
    r"^(?:(?:event\s+)?date|dates|when|time|date\s+(?:and|&)\s+time)\s*[:：|]\s*(?P<date>.+)$",
    re.IGNORECASE,
)
_PLACE_OR_TIME_LABEL = re.compile(
    r"^(?:venue|location|place|where|time|address)\s*[:：|]", re.IGNORECASE
)


def event_date_label(lines: list[str]) -> tuple[int, int, int] | None:
    """An event page's labelled date, told from a page's date by the venue or time labels
    beside it.

    Example: ["Date: 14 November 2018", "Venue: Nanjing Expo Center"] -> (2018, 11, 14);
    ["Date: 2021-09-07", "Editor: Wang"] -> None (a news page's own date).
    """
    for index, line in enumerate(lines[:60]):
        match = _DATE_LABEL.match(line)
        if not match:
            continue
        near = lines[max(0, index - 4) : index + 5]
        if any(_PLACE_OR_TIME_LABEL.match(other) for other in near if other != line):
            written = match.group("date").split("|")[0].strip(" |")
            return (
                date_line(written)
                or date_line(re.sub(r"\s*[,(].*$", "", written))
                or first_date_in(written)
            )
    return None


_DATE_INSIDE = re.compile(
    r"""
    (?P<d1>\d{1,2})(?:\s*[-–]\s*\d{1,2})?\s+(?P<m1>[A-Z][a-z]{2,8})\.?,?\s+(?P<y1>(?:19|20)\d{2})
                                                   # "5 November 2019", "5-6 November 2019"
    | (?P<m2>[A-Z][a-z]{2,8})\.?\s+(?P<d2>\d{1,2})(?:\s*[-–]\s*\d{1,2})?,?\s+(?P<y2>(?:19|20)\d{2})
                                                   # "Nov 5, 2019", "November 5-6, 2019"
    """,
    re.VERBOSE,
)


def first_date_in(written: str) -> tuple[int, int, int] | None:
    """The first written date inside a label's value, the first day of a range.

    Example: "9:00-12:00, 5 November 2019" -> (2019, 11, 5); "November 5-6, 2019" ->
    (2019, 11, 5); "9:00-12:00" -> None.
    """
    for match in _DATE_INSIDE.finditer(written):
        month = month_number(match.group("m1") or match.group("m2"))
        day = int(match.group("d1") or match.group("d2"))
        year = int(match.group("y1") or match.group("y2"))
        if month and 1 <= day <= 31:
            return year, month, day
    return None


_BRACKET_LABEL = re.compile(r"^\[[A-Za-z][A-Za-z ]{1,20}\]\s*")


def drop_bracket_label(line: str) -> str:
    """A broadcast script's label before a paragraph is no part of its text.

    Example: "[Commentary] Xie Zhenhua, China's special envoy, attended." -> "Xie Zhenhua,
    China's special envoy, attended."; "[2021-11-05] Forum held" is left whole.
    """
    return _BRACKET_LABEL.sub("", line)


_GLUED_SENTENCE = re.compile(r"(?<=[a-z]{2}[.!?])(?=[A-Z][a-z])")


def unglue_sentences(line: str) -> str:
    """Put back the space a page dropped between two sentences.

    Example: "said Kong.Ni Weidou, a professor, said" -> "said Kong. Ni Weidou, a professor,
    said"; "U.S.President" and "chinadaily.com.cn" are left alone.
    """
    return _GLUED_SENTENCE.sub(" ", line)


_PAGE_DATE_PREFIX = re.compile(r"^date\s+(?P<y>(?:19|20)\d{2})-(?P<m>\d{2})-(?P<d>\d{2})\s+")


def split_page_date_prefix(lines: list[str]) -> tuple[tuple[int, int, int] | None, list[str]]:
    """A page's date stamped before the first line's text, and the lines without it.

    Example: ["date 2023-11-06 The 15th Chinese Renewable Energy Conference ..."] ->
    ((2023, 11, 6), ["The 15th Chinese Renewable Energy Conference ..."]).
    """
    for index, line in enumerate(lines[:3]):
        match = _PAGE_DATE_PREFIX.match(line)
        if match:
            date = (int(match.group("y")), int(match.group("m")), int(match.group("d")))
            return date, [*lines[:index], line[match.end() :], *lines[index + 1 :]]
        if line:
            break
    return None, lines


# Headlines are short; a first paragraph of many words ending as a sentence is the lead itself.
_LONGEST_HEADLINE_WORDS = 30


# "On June 11, the 12th Forum ... was held in Beijing.": a lead opens with its date.
_DATED_LEAD = re.compile(r"^(?:On|In)\s+(?:the\s+\w+\s+of\s+)?[A-Z][a-z]{2,8}\.?\s+\d{1,2}\b")


def is_headline(paragraph: str) -> bool:
    """False for a first paragraph that is prose, not a headline.

    Example: "On June 11, the 12th Forum hosted by ... was held in Beijing." (31 words and a
    full stop) -> False; "Ecological Civilization Forum opens in Wenjiang" -> True.
    """
    if not _SENTENCE_END.search(paragraph):
        return True
    return len(paragraph.split()) <= _LONGEST_HEADLINE_WORDS and not _DATED_LEAD.match(paragraph)


# A page line giving the page's date: "Updated: 2023-09-08 10:15", "Source | 2021-09-07",
# "Published: 2022-06-15", "Source: Xinhua | 2021-09-07 10:12:35 | Editor: huaxia", and the
# label glued to the date by a page's lost markup: "2021-05-03Source: X", "datetime:2021-05-03".
_PUBLICATION_LINE = re.compile(
    r"""
    ^(?=.{0,120}$)                                 # a short line
    (?=.*(?:\b|(?<=\d))
         (?:updated?|published|publish\ (?:time|date)|release[d]?|posted|source|date\ ?time|date|time)\b
       |.*(?:\||发布时间|发布日期|日期|时间))           # that says so, or is a "|"-separated strip
    .*?(?<![\d-])(?P<y>(?:19|20)\d{2})[-/.](?P<m>0?[1-9]|1[0-2])[-/.](?P<d>0?[1-9]|[12]\d|3[01])
    (?![\d])
    """,
    re.VERBOSE | re.IGNORECASE,
)


def _find_publication_date(lines: list[str]) -> tuple[int, int, int] | None:
    """The first page-furniture line's date; never a sentence's ("was held on 2020-11-18.")."""
    for line in lines[:12]:
        match = _PUBLICATION_LINE.match(line)
        if match and not _SENTENCE_END.search(line) and len(line.split()) <= 14:
            return int(match.group("y")), int(match.group("m")), int(match.group("d"))
        written = (
            date_line(line)
            or labelled_date_line(line)
            or credited_date_line(line)
            or unlettered_date_line(line)
        )
        if written:
            return written
    return None


_ENDS_LINE = re.compile(
    r"""^Ends\s*/\s*                                        # a government release's end mark
        (?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?   # "Friday, "
        (?P<date>[A-Z][a-z]{2,8}\.?\s+\d{1,2},?\s+(?:19|20)\d{2}|\d{1,2}\s+[A-Z][a-z]{2,8}\s+(?:19|20)\d{2})
        \s*$""",
    re.VERBOSE | re.IGNORECASE,
)


def _find_closing_date(lines: list[str]) -> tuple[int, int, int] | None:
    """A release's date in its closing mark, for a page with none at the top.

    Example: [..., "Ends/Friday, October 10, 2025", "Issued at HKT 14:35"] -> (2025, 10, 10).
    """
    for line in lines[-8:]:
        match = _ENDS_LINE.match(line)
        if match:
            return date_line(match.group("date"))
    return None


_CREDITED_DATE = re.compile(
    r"""^(?P<source>[A-Z][\w&.’'-]*(?:\s[A-Z][\w&.’'-]*){0,3}),\s+   # "Xinhua, ", "China Daily, "
        (?P<date>(?:\d{1,2}\s+[A-Z][a-z]{2,8}\.?|[A-Z][a-z]{2,8}\.?\s+\d{1,2},?)
          \s+(?:19|20)\d{2})                                   # "October 19, 2016"
        (?:\s+(?i:(?:adjust\s+)?(?:font|text)\s+size)\b.*)?$      # a widget the page ran in
    """,
    re.VERBOSE,
)


# The share widgets a page prints before its credit line: "0 Comments Print E-mail ".
_WIDGETS_BEFORE = re.compile(
    r"""^(?:\s*(?:\d+\s*comments?|comments?|print|e-?mail|share|tweet|like|\|))+\s*""",
    re.VERBOSE | re.IGNORECASE,
)


def credited_date_line(line: str) -> tuple[int, int, int] | None:
    """A page line crediting its source and the date it ran: the page's date.

    Example: "Xinhua, October 19, 2016 Adjust font size:" -> (2016, 10, 19); the same after
    the page's widgets, "2 CommentsPrint E-mail Tass, 3 June 2011" -> (2011, 6, 3); "Hulunbeir,
    20 Sept 2020" -> None (a place and a date head a speech: when and where it was given).
    """
    match = _CREDITED_DATE.match(_WIDGETS_BEFORE.sub("", line))
    source = match.group("source") if match else ""
    if not match or GAZETTEER.is_place(source) or GAZETTEER.city(source):
        return None
    return date_line(match.group("date"))


_WRITTEN_DATE_LINE = re.compile(
    r"""^\s*(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?   # "Friday, "
        (?:(?P<d1>\d{1,2})\.?\s+(?P<m1>[A-Z][a-z]{2,8})\.?    # "16 January 2020", "16. January 2020"
          |(?P<m2>[A-Z][a-z]{2,8})\.?\s+(?P<d2>\d{1,2})\s*,?)      # "October 11 , 2024"
        \s*(?P<y>(?:19|20)\d{2})\s*$""",
    re.VERBOSE,
)


_NUMERIC_DATE_LINE = re.compile(
    r"""^\s*(?P<y>(?:19|20)\d{2})[-/.](?P<m>0?[1-9]|1[0-2])[-/.](?P<d>0?[1-9]|[12]\d|3[01])
        (?:\s+\d{1,2}:\d{2}(?::\d{2})?)?\s*$""",
    re.VERBOSE,
)


def numeric_date_line(line: str) -> tuple[int, int, int] | None:
    """A line that is a numeric date, perhaps with a time, and nothing else: the page's stamp.

    Example: "2019-03-26 09:02" -> (2019, 3, 26); "Held on 2019-03-26." -> None.
    """
    match = _NUMERIC_DATE_LINE.match(line)
    if not match:
        return None
    return int(match.group("y")), int(match.group("m")), int(match.group("d"))


_UNLETTERED_DATE_LINE = re.compile(
    r"""^(?=[^A-Za-z]{1,60}$)                      # short, and no word of the story's language
        .*?(?<![\d-])(?P<y>(?:19|20)\d{2})[-/.](?P<m>0?[1-9]|1[0-2])[-/.](?P<d>0?[1-9]|[12]\d|3[01])
        (?!\d)""",
    re.VERBOSE,
)


def unlettered_date_line(line: str) -> tuple[int, int, int] | None:
    """A short line with a numeric date among words in another script, a view count or a
    time: the stamp a Chinese site prints under the headline of its English page.

    Example: "新闻中心 2021-04-06 阅读 88" -> (2021, 4, 6); "2021-04-06: Forum held" -> None.
    """
    match = _UNLETTERED_DATE_LINE.match(line)
    if not match:
        return None
    return int(match.group("y")), int(match.group("m")), int(match.group("d"))


_LABELLED_DATE = re.compile(
    r"""^\s*(?:posted|published|(?:last\s+)?updated|released?|release\s+date|publication\s+date
        |by\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3},?     # a byline: "By Li Wei, 6 March 2019"
        |publish(?:ed)?\s+(?:on|date|time)
        |date(?=\s*[:：]))                                  # "Date: June 2, 2020", as numeric ones
        \s*(?:on|at)?\s*[:：]?\s*
        (?P<date>.+?)
        (?:\s+(?:by|\||-)\s.*)?$""",
    re.VERBOSE | re.IGNORECASE,
)


def labelled_date_line(line: str) -> tuple[int, int, int] | None:
    """A page line that says when it was posted, with the date written out.

    Example: "Posted on June 8, 2020 by admin" -> (2020, 6, 8); "Published: 8 June 2020" ->
    (2020, 6, 8); "Posted in News" -> None.
    """
    match = _LABELLED_DATE.match(line)
    return date_line(match.group("date")) if match else None


def date_line(line: str) -> tuple[int, int, int] | None:
    """A line that is a written date and nothing else: the page's date.

    Example: "16 January 2020" -> (2020, 1, 16); "October 11 , 2024" -> (2024, 10, 11);
    "2015-05-15" -> (2015, 5, 15); "16. January 2020" (a Danish or German page) -> (2020, 1, 16).
    """
    numeric = numeric_date_line(line)
    if numeric:
        return numeric
    match = _WRITTEN_DATE_LINE.match(line)
    if not match:
        return None
    month = month_number(match.group("m1") or match.group("m2"))
    day = int(match.group("d1") or match.group("d2"))
    return (int(match.group("y")), month, day) if month and 1 <= day <= 31 else None


_DATELINE = re.compile(
    r"""
    (?P<city>[A-ZÀ-ÖØ-Þ][A-Za-zÀ-ÖØ-öø-ÿ'’.-]+(?:\ [A-ZÀ-ÖØ-Þ][A-Za-zÀ-ÖØ-öø-ÿ'’.-]+){0,2})
    # "BEIJING", "HONG KONG", "Shanghai", "SÃO PAULO": accented capitals too
    (?:,\ (?P<country>[A-Z][A-Za-z.]+(?:\ [A-Z][a-z]+)?))?   # "ORDOS, China,", "DURBAN, South Africa,"
    ,\s+
    (?:(?P<m1>[A-Z][a-z]{2,8})\.?\s+(?P<d1>\d{1,2})(?:st|nd|rd|th)?   # "Sept. 6", "Nov 2"
      |(?P<d2>\d{1,2})(?:st|nd|rd|th)?\s+(?P<m2>[A-Z][a-z]{2,8})\.?)  # "14th October"
    (?:,?\s+(?P<y>(?:19|20)\d{2}))?                               # ", 2022"
    \s*
    (?:\((?P<agency>[A-Z][\w .]{1,30})\)|/(?P<wire>[^/\n]{2,30})/)?  # "(Xinhua)", "/PRNewswire/"
    \s*(?P<dash>--|—|–|-)?\s*                                     # the dash before the story
    """,
    re.VERBOSE,
)

# What ends a wire dateline wherever it stands: "/PRNewswire/ --", "(Xinhua) —".
_WIRE_MARK = re.compile(
    r"""
    (?:/[^/\n]{2,30}/|\([A-Z][\w .]{1,30}\))   # the wire or agency: "/PRNewswire/", "(Xinhua)"
    \s*(?:--|—|–|-)\s*                        # the dash before the story
    """,
    re.VERBOSE,
)

# How far before its wire mark a dateline's city may start: "SÃO PAULO, Brazil, Sept. 30, 2024".
_DATELINE_REACH = 70


def is_country_or_province(name: str) -> bool:
    """What a dateline may write after its city: a country, or for a town of China its
    province ("WUZHEN, Zhejiang, Nov. 7 (Xinhua)"), never a city.

    Example: "South Africa" -> True; "Zhejiang" -> True; "Beijing" (a city, as in a site's
    "Xinhuanet, Beijing, November 23") -> False.
    """
    if GAZETTEER.country_of(name):
        return True
    return GAZETTEER.is_province(name) and GAZETTEER.city(name) is None


def read_dateline(text: str, at: int = 0) -> tuple[Dateline, int] | None:
    """The wire dateline that starts at `at`, and where the story after it starts; the one
    reader of datelines, leading or buried.

    A capitalised city, a month and day, then an agency in brackets or slashes, or a dash:
    "SHANGHAI, March 3 (Xinhua) —", "CHENGDU, Nov 2 (China Daily)", "HONG KONG, Oct. 12
    /PRNewswire/ --", "Shanghai, 14th October 2022 –". The story after it starts with a capital.
    """
    match = _DATELINE.match(text, at)
    if not match:
        return None
    if not (match.group("agency") or match.group("wire") or match.group("dash")):
        return None
    month = month_number(match.group("m1") or match.group("m2"))
    if month is None:
        return None
    if match.group("country") and not is_country_or_province(match.group("country")):
        return None  # "Xinhuanet, Beijing, November 23": a site, not a city
    city = match.group("city")
    if not (city.isupper() or city.istitle()):
        return None
    city = " ".join(word.capitalize() if word.isupper() else word for word in city.split())
    if match.end() >= len(text) or not text[match.end()].isupper():
        return None
    day = int(match.group("d1") or match.group("d2"))
    year = int(match.group("y")) if match.group("y") else None
    agency = (match.group("agency") or match.group("wire") or "").strip() or None
    return Dateline(city, year, month, day, agency), match.end()


def split_dateline(paragraph: str) -> tuple[Dateline | None, str]:
    """ "BEIJING, Sept. 6 (Xinhua) -- Officials gathered ..." -> (the dateline, "Officials ...")."""
    read = read_dateline(paragraph)
    if read is None:
        return None, paragraph
    dateline, story = read
    return dateline, paragraph[story:]


def find_buried_datelines(text: str) -> tuple[Dateline, ...]:
    """Wire datelines the cleaned text still holds, each with its span: a page that prints its
    furniture or a teaser above the story leaves the dateline in the body.

    Only a dateline with its wire mark counts here, since a city, a date and a dash are common
    in a body: "Menu SUBSCRIBE LYON, May 2, 2024 /PRNewswire/ -- The fair" -> one dateline,
    city "Lyon", span from "LYON" to the story.
    """
    found: list[Dateline] = []
    for mark in _WIRE_MARK.finditer(text):
        read = _dateline_ending_at(text, mark.end())
        if read is not None:
            found.append(read)
    return tuple(found)


def _dateline_ending_at(text: str, end: int) -> Dateline | None:
    """The dateline whose wire mark ends at `end`: of the word starts before it, the widest
    whose city the gazetteer knows, else the widest that reads as a dateline ("News BEIJING"
    is no city, "BEIJING" is)."""
    window = max(0, end - _DATELINE_REACH)
    starts = [
        at
        for at in range(window, end)
        if text[at].isupper()
        and (at == 0 or not (text[at - 1].isalnum() or text[at - 1] in "'’.-"))
    ]
    readable = []
    for at in starts:
        read = read_dateline(text, at)
        if read is not None and read[1] == end:
            readable.append(replace(read[0], span=Span(at, end)))
    if not readable:
        return None
    known = [dateline for dateline in readable if GAZETTEER.is_place(dateline.city)]
    return (known or readable)[0]


def _drop_furniture(lines: list[str]) -> tuple[list[str], str | None]:
    """Keep content lines (blank lines kept as paragraph marks); return the copyright holder."""
    kept: list[str] = []
    holder = None
    lines = [drop_follow_prompt(_drop_section_labels(line)) for line in lines]
    for index, line in enumerate(lines):
        if not line:
            kept.append("")
        elif _COPYRIGHT.match(line):
            holder = holder or _find_copyright_holder(line)
        elif not _is_furniture(line, lines, index):
            kept.append(line)
    return kept, holder


_SECTION_LABEL = re.compile(
    r"""
    ^(?:(?:latest|corporate|company|industry|local|top|media|press|featured)\s+)?  # "Corporate"
    (?:news|events|insights|newsletter|updates|press\s+releases?|releases?)$      # "News"
    """,
    re.VERBOSE | re.IGNORECASE,
)


_FOLLOW_PROMPT = re.compile(
    r"""
    ^Follow\s+                                      # a newsroom's social button
    (?P<body>[A-Z][\w&.'’-]*(?:\s+(?:[A-Z][\w&.'’-]*|of|for|and|the|on|&)){0,7})$   # its name
    """,
    re.VERBOSE,
)


def drop_follow_prompt(line: str) -> str:
    """ "Follow Blue River Energy Agency" -> "Blue River Energy Agency": a newsroom page prints its
    follow button above the story, and the name in it is the publisher's, not "Follow X"'s.

    "Follow the guidelines below." (a sentence) and "Follow us on WeChat" are left alone.
    """
    match = _FOLLOW_PROMPT.match(line)
    return match.group("body") if match else line


def _drop_section_labels(line: str) -> str:
    """ "News | China Photovoltaic Industry Association" -> the association; "News | Corporate
    News" -> "": a site's section names beside its masthead are no organisations."""
    if line.count("|") != 1:
        return line  # a longer menu is dropped whole by `_is_furniture`
    parts = [part.strip() for part in line.split("|")]
    if not any(_SECTION_LABEL.match(part) for part in parts):
        return line
    return " | ".join(part for part in parts if part and not _SECTION_LABEL.match(part))


def _is_furniture(line: str, lines: list[str], index: int) -> bool:
    if _FURNITURE_LINE.match(line):
        return True
    if (
        _PUBLICATION_LINE.match(line)
        and not _SENTENCE_END.search(line)
        and len(line.split()) <= 14
        and not _HEADLINE_VERBS.search(line)
    ):
        return True  # "Source | 2021-09-07": its date is kept as `CleanedReport.published`
    if index < 12 and (numeric_date_line(line) or unlettered_date_line(line)):
        return True  # "2019-03-26 09:02" under the headline: the page's stamp, kept likewise
    words = line.split()
    if len(words) <= 12 and _BREADCRUMB.match(line) and not _SENTENCE_END.search(line):
        return True
    if line.count("|") >= 2 and _is_menu_line(line):
        return True  # "Home | About | Contact" needs no neighbours to be a menu
    return _is_menu_line(line) and (
        _is_menu_neighbour(lines, index - 1) or _is_menu_neighbour(lines, index + 1)
    )


def _is_menu_line(line: str) -> bool:
    """A navigation entry: a bullet or separator and a few words, like "· Site Map"."""
    words = line.split()
    # A teaser glued to its bullet ("·Fifth Forum on X Held in Beijing") runs longer.
    glued = len(line) > 1 and line[1].isalnum()
    if line[0] in _BULLETS and len(words) <= (16 if glued else 8):
        # "- Maria Rossi, Head of ESG, Banca Verde": a spaced bullet before a name and its
        # titles is a list item of the story; menus glue their bullets ("·Site Map").
        return not is_listed_person_item(line)
    if _DATED_STRIP.search(line):
        return False  # "5 March 2019 | 9:00–12:00 | Nanjing Hotel": when and where, not a menu
    return "|" in line and all(len(part.split()) <= 4 for part in line.split("|"))


_MONTH_WORD = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]{0,6}\.?"
_DATED_STRIP = re.compile(
    rf"\b(?:\d{{1,2}}\s+{_MONTH_WORD}\s+(?:19|20)\d{{2}}|{_MONTH_WORD}\s+\d{{1,2}},?\s+(?:19|20)\d{{2}})\b"
)


def is_listed_person_item(line: str) -> bool:
    """A bulleted content line giving a name and a title or body after a comma.

    Example: "- Maria Rossi, Head of ESG, Banca Verde" -> True; "·Calligraphy, Then and Now"
    (a glued bullet) or "• Site Map" -> False.
    """
    return bool(re.match(r"^[-–•▪●*]\s+[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){1,3},\s+\S", line))


def _is_menu_neighbour(lines: list[str], index: int) -> bool:
    return 0 <= index < len(lines) and bool(lines[index]) and _is_menu_line(lines[index])


def _find_copyright_holder(line: str) -> str | None:
    match = _COPYRIGHT_HOLDER.match(line)
    if not match:
        return None
    holder = match.group("holder").strip(" -–:")
    return holder if re.search(r"[A-Za-z]{2}", holder) else None


def _join_paragraphs(lines: list[str]) -> list[str]:
    """One paragraph per line, except that a hard-wrapped line continues on a lowercase one,
    or on any line when the whole text is hard-wrapped."""
    width = hard_wrap_width(lines)
    paragraphs: list[str] = []
    continuing = False
    previous = ""
    for line in lines:
        if not line:
            continuing = False
            continue
        wrapped_on = bool(width) and len(previous) >= width * 0.6 and line[:1].isalnum()
        if (
            continuing
            and paragraphs
            and (line[0].islower() or wrapped_on)
            and not _SENTENCE_END.search(paragraphs[-1])
        ):
            paragraphs[-1] = f"{paragraphs[-1]} {line}"
        else:
            paragraphs.append(line)
        continuing = True
        previous = line
    return paragraphs


def hard_wrap_width(lines: list[str]) -> int | None:
    """The width a text was hard-wrapped at, or None when its lines are whole paragraphs.

    Example: eight lines of 60-80 characters, most ending mid-sentence ("... the German") ->
    80; a web page whose long lines each end a paragraph with a full stop -> None.
    """
    long_lines = [line for line in lines[1:] if len(line) >= 40]
    if len(long_lines) < 5:
        return None
    width = sorted(len(line) for line in long_lines)[int(len(long_lines) * 0.9)]
    if width > 110:
        return None
    # Wrapped lines break mid-phrase, mostly after a lowercase word ("... a platform for");
    # a programme's lines end on a name ("... Brookings Institution") and are not wrapped.
    open_ended = [line for line in long_lines if re.search(r"(?:\b[a-z][\w'’-]*|,)$", line)]
    return width if len(open_ended) * 2 >= len(long_lines) else None


def _split_masthead(paragraphs: list[str]) -> tuple[str | None, list[str]]:
    """A short site name printed above the headline is the publisher, not the headline.

    Example input: ["China Carbon Credit Platform", "Green Forum Concluded", "On June 27, ..."]
    """
    if len(paragraphs) < 3:
        return None, paragraphs
    first, second = paragraphs[0], paragraphs[1]
    # A headline ends on a content word; a line ending "held in" is hard-wrapped body text.
    wrapped = second.split()[-1].lower() in SITE_NAME_WORDS | {"at", "to", "a", "an", "by"}
    if _is_masthead(first) and not _SENTENCE_END.search(second) and not wrapped:
        return first, paragraphs[1:]
    if _is_site_name(first) and _is_headline_above_lead(second, paragraphs[2]):
        return first, paragraphs[1:]
    return None, paragraphs


def _is_site_name(line: str) -> bool:
    """ "SHENZHEN GLOBAL", "China Pavilion at COP27": a short capitalised name with no verb
    and no year, which only a second, longer headline line shows to be the site's name."""
    words = re.findall(r"[\w.'-]+", line)
    if not 1 <= len(words) <= 6 or re.search(r"\b(?:19|20)\d{2}\b", line):
        return False
    if _SENTENCE_END.search(line) or _HEADLINE_VERBS.search(line) or ":" in line:
        return False
    if {word.lower() for word in words} & {"menu", "search", "navigation", "login", "home"}:
        return False
    return all(word[0].isupper() or word.lower() in SITE_NAME_WORDS | {"at"} for word in words)


def _is_headline_above_lead(line: str, lead: str) -> bool:
    # A byline ("By Li Ming") or a subtitle is shorter than the name above it; a headline is not.
    return (
        len(line.split()) >= 5
        and not _SENTENCE_END.search(line)
        and bool(_SENTENCE_END.search(lead))
        and len(lead.split()) > 12
    )


def _is_masthead(line: str) -> bool:
    words = re.findall(r"[\w.'-]+", line)
    if not 1 <= len(words) <= 7 or re.search(r"\d", line) or _HEADLINE_VERBS.search(line):
        return False
    if _SENTENCE_END.search(line):
        return False
    lowered = {word.lower() for word in words}
    has_site_noun = bool(lowered & _MASTHEAD_NOUNS) or bool(
        re.search(r"\.(?:com|cn|org|net)\b", line)
    )
    capitalised = all(word[0].isupper() or word.lower() in SITE_NAME_WORDS for word in words)
    return has_site_noun and capitalised


# ---------------------------------------------------------------------------------------------
# Sentences

_BOUNDARY = re.compile(
    r"""
    (?P<stop>[.!?。！？]+)            # sentence-final punctuation: "." "?!" "。"
    [\"'”’)\]]*                      # closing quotes or brackets that belong to the sentence
    (?P<gap>\s+)                     # whitespace before the next sentence
    (?=[\"'“‘(\[]?[A-Z0-9\u4e00-\u9fff])   # next sentence opens with a capital, digit or CJK
    """,
    re.VERBOSE,
)

_ABBREVIATIONS = (
    frozenset(
        [
            "mr",
            "mrs",
            "ms",
            "dr",
            "prof",
            "st",
            "no",
            "nos",
            "vol",
            "fig",
            "figs",
            "approx",
            "dept",
            "univ",
            "assoc",
            "gov",
            "govt",
            "rep",
            "sen",
            "gen",
            "col",
            "lt",
            "capt",
            "hon",
            "rev",
            "mt",
            "ave",
            "vs",
            "cf",
            "al",
            "e.g",
            "i.e",
            "eg",
            "ie",
        ]
    )
    | MONTH_ABBREVIATIONS
)


def split_sentences(text: str) -> tuple[Span, ...]:
    """Sentence spans into the cleaned text; paragraphs (and so the headline) always split.

    Example input: "Mr. Liu of Danfoss Co., Ltd. said 2.5% more. Dr. A.Elkhereiji agreed."
    gives two sentences.
    """
    spans: list[Span] = []
    for paragraph in re.finditer(r"[^\n]+", text):
        start = paragraph.start()
        if not _SENTENCE_END.search(paragraph.group()) and len(paragraph.group()) < 300:
            spans.extend(_trimmed(text, start, paragraph.end()))  # a heading: one sentence
            continue
        for boundary in _BOUNDARY.finditer(paragraph.group()):
            if _is_abbreviation(paragraph.group(), boundary):
                continue
            end = paragraph.start() + boundary.start("gap")
            spans.extend(_trimmed(text, start, end))
            start = paragraph.start() + boundary.end()
        spans.extend(_trimmed(text, start, paragraph.end()))
    return tuple(spans)


_LONGEST_TOKEN = 40
_TOKEN_BEFORE = re.compile(r"[\w.]*$")
_WORD_AFTER = re.compile(r"[\"'“‘(\[]?(\w+)")


def _is_abbreviation(paragraph: str, boundary: re.Match[str]) -> bool:
    if boundary.group("stop") != ".":
        return False
    # Only the few characters before the stop can be the token: reading the whole paragraph
    # before every boundary made long paragraphs quadratic.
    before = paragraph[max(0, boundary.start("stop") - _LONGEST_TOKEN) : boundary.start("stop")]
    token = _TOKEN_BEFORE.search(before).group()
    word = token.rsplit(".", 1)[-1].lower() if "." in token else token.lower()
    following = _WORD_AFTER.match(paragraph, boundary.end())
    next_word = following.group(1).lower() if following else ""
    if token.lower() in _ABBREVIATIONS or word in _ABBREVIATIONS:
        return True
    if len(word) == 1 and word.isalpha() and token[-1:].isupper():
        return True  # an initial: "Carter J. Brandon"
    if word in TERMINAL_ABBREVIATIONS or "." in token.strip("."):
        return next_word not in SENTENCE_OPENERS  # "Co., Ltd. and", "the U.S. President"
    return False


def _trimmed(text: str, start: int, end: int) -> list[Span]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return [Span(start, end)] if start < end else []
