"""Person names: honorifics, Chinese name order, spacing after initials, reference keys."""

from __future__ import annotations

import re
from functools import cache, lru_cache
from importlib import resources

from events.extraction.folding import fold_keeping_punctuation
from events.extraction.lexicon import HONORIFICS, PERSON_NAME_PARTICLES
from events.extraction.records import PersonName, Warning

HONORIFIC_RE = re.compile(
    r"""
    ^\s*
    (?:
      (?:
        (?:Assoc(?:iate)?\.?\s+)?(?:Prof\.?|Professor)  # "Assoc. Prof. Wang Can"
        | (?:Mr|Mrs|Ms|Miss|Dr|Sir|Madam|Dame)\.?     # "Mr." and "Dr" are both written
        | Ir(?=\s+[A-Z])                               # Hong Kong engineers: "Ir Elvis Au"
        | Academician                                  # spelled-out honorifics
        | (?:(?:His|Her)\s+)?Excellency | H\.\s?E\.   # "Excellency Ren Yaping", "H.E. Ahmed"
        | Lord | Baroness | (?:The\s+)?Hon(?:ou?rable|\.)  # "Lord Nicholas Stern", "Hon. Jo Lee"
      )
      \s+                                              # a name must follow
    )+                                                 # stacked: "Prof. Dr. Claudia Kemfert"
    """,
    re.VERBOSE | re.IGNORECASE,
)

INITIAL_GLUE_RE = re.compile(
    r"""
    \b([A-Z])\.     # an initial with its dot: "J." in "Carter J.Brandon"
    (?=[A-Z])       # glued to the next capitalised word; the report dropped the space
    """,
    re.VERBOSE,
)

# Every syllable of Hanyu Pinyin without tones; "v" stands for u-umlaut as in "Lv".
PINYIN_SYLLABLES = frozenset(
    [
        "a",
        "ai",
        "an",
        "ang",
        "ao",
        "e",
        "ei",
        "en",
        "eng",
        "er",
        "o",
        "ou",
        "ba",
        "bai",
        "ban",
        "bang",
        "bao",
        "bei",
        "ben",
        "beng",
        "bi",
        "bian",
        "biao",
        "bie",
        "bin",
        "bing",
        "bo",
        "bu",
        "pa",
        "pai",
        "pan",
        "pang",
        "pao",
        "pei",
        "pen",
        "peng",
        "pi",
        "pian",
        "piao",
        "pie",
        "pin",
        "ping",
        "po",
        "pou",
        "pu",
        "ma",
        "mai",
        "man",
        "mang",
        "mao",
        "me",
        "mei",
        "men",
        "meng",
        "mi",
        "mian",
        "miao",
        "mie",
        "min",
        "ming",
        "miu",
        "mo",
        "mou",
        "mu",
        "fa",
        "fan",
        "fang",
        "fei",
        "fen",
        "feng",
        "fo",
        "fou",
        "fu",
        "da",
        "dai",
        "dan",
        "dang",
        "dao",
        "de",
        "dei",
        "den",
        "deng",
        "di",
        "dian",
        "diao",
        "die",
        "ding",
        "diu",
        "dong",
        "dou",
        "du",
        "duan",
        "dui",
        "dun",
        "duo",
        "ta",
        "tai",
        "tan",
        "tang",
        "tao",
        "te",
        "teng",
        "ti",
        "tian",
        "tiao",
        "tie",
        "ting",
        "tong",
        "tou",
        "tu",
        "tuan",
        "tui",
        "tun",
        "tuo",
        "na",
        "nai",
        "nan",
        "nang",
        "nao",
        "ne",
        "nei",
        "nen",
        "neng",
        "ni",
        "nian",
        "niang",
        "niao",
        "nie",
        "nin",
        "ning",
        "niu",
        "nong",
        "nou",
        "nu",
        "nuan",
        "nuo",
        "nv",
        "nve",
        "la",
        "lai",
        "lan",
        "lang",
        "lao",
        "le",
        "lei",
        "leng",
        "li",
        "lia",
        "lian",
        "liang",
        "liao",
        "lie",
        "lin",
        "ling",
        "liu",
        "long",
        "lou",
        "lu",
        "luan",
        "lun",
        "luo",
        "lv",
        "lve",
        "ga",
        "gai",
        "gan",
        "gang",
        "gao",
        "ge",
        "gei",
        "gen",
        "geng",
        "gong",
        "gou",
        "gu",
        "gua",
        "guai",
        "guan",
        "guang",
        "gui",
        "gun",
        "guo",
        "ka",
        "kai",
        "kan",
        "kang",
        "kao",
        "ke",
        "ken",
        "keng",
        "kong",
        "kou",
        "ku",
        "kua",
        "kuai",
        "kuan",
        "kuang",
        "kui",
        "kun",
        "kuo",
        "ha",
        "hai",
        "han",
        "hang",
        "hao",
        "he",
        "hei",
        "hen",
        "heng",
        "hong",
        "hou",
        "hu",
        "hua",
        "huai",
        "huan",
        "huang",
        "hui",
        "hun",
        "huo",
        "ji",
        "jia",
        "jian",
        "jiang",
        "jiao",
        "jie",
        "jin",
        "jing",
        "jiong",
        "jiu",
        "ju",
        "juan",
        "jue",
        "jun",
        "qi",
        "qia",
        "qian",
        "qiang",
        "qiao",
        "qie",
        "qin",
        "qing",
        "qiong",
        "qiu",
        "qu",
        "quan",
        "que",
        "qun",
        "xi",
        "xia",
        "xian",
        "xiang",
        "xiao",
        "xie",
        "xin",
        "xing",
        "xiong",
        "xiu",
        "xu",
        "xuan",
        "xue",
        "xun",
        "zha",
        "zhai",
        "zhan",
        "zhang",
        "zhao",
        "zhe",
        "zhei",
        "zhen",
        "zheng",
        "zhi",
        "zhong",
        "zhou",
        "zhu",
        "zhua",
        "zhuai",
        "zhuan",
        "zhuang",
        "zhui",
        "zhun",
        "zhuo",
        "cha",
        "chai",
        "chan",
        "chang",
        "chao",
        "che",
        "chen",
        "cheng",
        "chi",
        "chong",
        "chou",
        "chu",
        "chua",
        "chuai",
        "chuan",
        "chuang",
        "chui",
        "chun",
        "chuo",
        "sha",
        "shai",
        "shan",
        "shang",
        "shao",
        "she",
        "shei",
        "shen",
        "sheng",
        "shi",
        "shou",
        "shu",
        "shua",
        "shuai",
        "shuan",
        "shuang",
        "shui",
        "shun",
        "shuo",
        "ra",
        "ran",
        "rang",
        "rao",
        "re",
        "ren",
        "reng",
        "ri",
        "rong",
        "rou",
        "ru",
        "ruan",
        "rui",
        "run",
        "ruo",
        "za",
        "zai",
        "zan",
        "zang",
        "zao",
        "ze",
        "zei",
        "zen",
        "zeng",
        "zi",
        "zong",
        "zou",
        "zu",
        "zuan",
        "zui",
        "zun",
        "zuo",
        "ca",
        "cai",
        "can",
        "cang",
        "cao",
        "ce",
        "cen",
        "ceng",
        "ci",
        "cong",
        "cou",
        "cu",
        "cuan",
        "cui",
        "cun",
        "cuo",
        "sa",
        "sai",
        "san",
        "sang",
        "sao",
        "se",
        "sen",
        "seng",
        "si",
        "song",
        "sou",
        "su",
        "suan",
        "sui",
        "sun",
        "suo",
        "ya",
        "yan",
        "yang",
        "yao",
        "ye",
        "yi",
        "yin",
        "ying",
        "yo",
        "yong",
        "you",
        "yu",
        "yuan",
        "yue",
        "yun",
        "wa",
        "wai",
        "wan",
        "wang",
        "wei",
        "wen",
        "weng",
        "wo",
        "wu",
    ]
)

# Western given names that also spell valid pinyin; without them "Anna Li" would be reordered.
WESTERN_PINYIN_LOOKALIKES = frozenset(
    {
        "anna",
        "ben",
        "dan",
        "dana",
        "diana",
        "hans",
        "ian",
        "jean",
        "lena",
        "leo",
        "lian",
        "linda",
        "maria",
        "nina",
        "sean",
        "tina",
        "wendy",
        "tom",
        "jan",
        "ken",
        "jon",
        "ming",
    }
)


@cache
def load_chinese_surnames() -> frozenset[str]:
    """The packaged list of common Chinese family names, lower case pinyin."""
    text = (
        resources.files("events.extraction")
        .joinpath("data/chinese_surnames.txt")
        .read_text(encoding="utf-8")
    )
    return frozenset(
        line.strip().lower() for line in text.splitlines() if line.strip() and line[0] != "#"
    )


@cache
def load_cantonese_surnames() -> frozenset[str]:
    """The packaged list of Chinese family names in Hong Kong and Macao spellings."""
    text = (
        resources.files("events.extraction")
        .joinpath("data/cantonese_surnames.txt")
        .read_text(encoding="utf-8")
    )
    return frozenset(
        line.strip().lower() for line in text.splitlines() if line.strip() and line[0] != "#"
    )


@lru_cache(maxsize=65536)
def is_cantonese_surname(word: str) -> bool:
    """ "Ho", "Cheung", "Tse" -> True; kept apart from the pinyin list so that "Hui He" stays
    family name He."""
    return fold_keeping_punctuation(word) in load_cantonese_surnames()


def strip_honorific(raw: str) -> str:
    """ "Mr. Yanhua LIU" -> "Yanhua LIU"; a name made only of an honorific is left alone."""
    stripped = HONORIFIC_RE.sub("", raw, count=1)
    return stripped.strip() or raw.strip()


def has_honorific(raw: str) -> bool:
    return bool(HONORIFIC_RE.match(raw))


def space_initials(raw: str) -> str:
    """ "Carter J.Brandon" -> "Carter J. Brandon"; also collapses runs of spaces."""
    return " ".join(INITIAL_GLUE_RE.sub(r"\1. ", raw).split())


@lru_cache(maxsize=65536)
def is_pinyin_word(word: str) -> bool:
    """True when `word` splits into pinyin syllables: "Xiaojun" -> xiao+jun."""
    letters = fold_keeping_punctuation(word).replace("-", "").replace("'", "").replace("’", "")
    if not letters.isalpha() or not letters.isascii():
        return False
    return _splits_into_syllables(letters)


@cache
def _splits_into_syllables(letters: str) -> bool:
    if not letters:
        return True
    return any(
        letters[:size] in PINYIN_SYLLABLES and _splits_into_syllables(letters[size:])
        for size in range(min(6, len(letters)), 0, -1)
    )


_GLUED_NAME_RE = re.compile(r"(?P<surname>[A-Z][a-z]+)(?P<given>[A-Z][a-z]+)")


def unglue_pinyin_name(word: str) -> str | None:
    """A Chinese name typed without its space: a surname, then a capitalised pinyin given name.

    Example: "ShuYinbiao" -> "Shu Yinbiao"; "YouTube", "Shanghai", "Shu Yinbiao" -> None.
    """
    match = _GLUED_NAME_RE.fullmatch(word)
    if not match or not is_chinese_surname(match.group("surname")):
        return None
    if not is_pinyin_word(match.group("given")):
        return None
    return f"{match.group('surname')} {match.group('given')}"


# Each word of a name is tested by several rules of the people finder: kept, not recomputed.
@lru_cache(maxsize=65536)
def is_chinese_surname(word: str) -> bool:
    return fold_keeping_punctuation(word) in load_chinese_surnames()


@lru_cache(maxsize=65536)
def _is_all_caps_surname(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    return (
        len(letters) >= 2 and all(c.isupper() for c in letters) and not _are_joined_initials(word)
    )


def _are_joined_initials(word: str) -> bool:
    """ "KS" of "KS Wong": two capitals with no vowel that are no surname ("NG" is one)."""
    return (
        len(word) == 2
        and word.isupper()
        and not re.search(r"[AEIOU]", word)
        and not (is_chinese_surname(word) or is_cantonese_surname(word))
    )


def _tidy_case(word: str) -> str:
    """ "LIU" -> "Liu", "CLARENCE-SMITH" -> "Clarence-Smith"; mixed case is kept, and so are
    initials written together ("KS" of "KS Wong")."""
    if _is_all_caps_surname(word):
        return "-".join(part.capitalize() for part in word.split("-"))
    return word


def parse_person_name(raw: str, *, forms: tuple[str, ...] = ()) -> PersonName:
    """Parse a name as written into display, family and given names.

    "Mr. Yanhua LIU" -> PersonName("Liu Yanhua", "Liu", "Yanhua", forms=("Yanhua LIU",)).
    Never raises; an empty string gives an empty name.
    """
    name, _ = parse_person_name_with_warnings(raw, forms=forms)
    return name


@lru_cache(maxsize=65536)
def parse_person_name_with_warnings(
    raw: str, *, forms: tuple[str, ...] = ()
) -> tuple[PersonName, tuple[Warning, ...]]:
    """As `parse_person_name`, plus what was guessed about the name."""
    as_written = " ".join(strip_honorific(raw).split())
    written = space_initials(as_written)
    tokens = written.split()
    warnings: list[Warning] = []
    if len(tokens) <= 1:
        family = _tidy_case(tokens[0]) if tokens else ""
        if tokens:
            warnings.append(Warning.SINGLE_WORD_NAME)
        return _with_forms(PersonName(family, family, ""), as_written, forms), tuple(warnings)
    hong_kong = hong_kong_written_name(tokens)
    if hong_kong is not None:
        return _with_forms(hong_kong, as_written, (*hong_kong.forms, *forms)), tuple(warnings)
    family_index, guessed = _find_family_index(tokens)
    if guessed:
        warnings.append(Warning.NAME_ORDER_GUESSED)
    tidy = [_tidy_case(t) for t in tokens]
    first = family_start_with_particles(tidy, family_index)
    family = " ".join(tidy[first : family_index + 1])
    given = " ".join(t for i, t in enumerate(tidy) if not first <= i <= family_index)
    caps_family = _is_all_caps_surname(tokens[family_index])
    chinese_order = (
        family_index == 0 or guessed or (caps_family and _looks_chinese(tokens, family_index))
    )
    display = f"{family} {given}" if chinese_order else f"{given} {family}"
    return _with_forms(PersonName(display, family, given), as_written, forms), tuple(warnings)


_HYPHENATED_GIVEN_RE = re.compile(r"[A-Z][a-z]+-[a-z]+")


def hong_kong_written_name(tokens: list[str]) -> PersonName | None:
    """An English name, the surname, then the hyphenated Cantonese given name, as Hong Kong
    writes it: the surname is the middle word and the name is displayed as written.

    Example: ["Paul", "Chan", "Mo-po"] -> PersonName("Paul Chan Mo-po", "Chan", "Mo-po",
    forms=("Paul Chan",)); ["Tom", "Wen-li", "Chou"] -> None (the surname is last).
    """
    if len(tokens) != 3 or not _HYPHENATED_GIVEN_RE.fullmatch(tokens[2]):
        return None
    english, family, given = tokens
    if not (re.fullmatch(r"[A-Z][a-z]+", english) and re.fullmatch(r"[A-Z][a-z]+", family)):
        return None
    return PersonName(" ".join(tokens), family, given, (f"{english} {family}",))


def family_start_with_particles(tokens: list[str], family_index: int) -> int:
    """Where a family name starts once the particles before it join it.

    Example: ["Ursula", "von", "der", "Leyen"], 3 -> 1 ("von der Leyen"); ["Li", "Wei"], 0 -> 0.
    """
    first = family_index
    while first > 1 and tokens[first - 1] in PERSON_NAME_PARTICLES:
        first -= 1
    return first


def _with_forms(name: PersonName, written: str, forms: tuple[str, ...]) -> PersonName:
    seen = {name.display}
    kept = []
    for form in (written, *forms):
        if form and form not in seen:
            seen.add(form)
            kept.append(form)
    return PersonName(name.display, name.family, name.given, tuple(kept))


def _looks_chinese(tokens: list[str], family_index: int) -> bool:
    return is_chinese_surname(tokens[family_index]) and all(
        is_pinyin_word(t) for i, t in enumerate(tokens) if i != family_index
    )


def _find_family_index(tokens: list[str]) -> tuple[int, bool]:
    """Index of the family name in `tokens`, and whether that was a guess."""
    caps = [i for i, t in enumerate(tokens) if _is_all_caps_surname(t)]
    if len(caps) == 1 and len(tokens) <= 3:
        return caps[0], False
    first, last = tokens[0], tokens[-1]
    all_pinyin = all(is_pinyin_word(t) for t in tokens)
    if len(tokens) <= 3 and all_pinyin and is_chinese_surname(first):
        return 0, False
    if (
        len(tokens) == 2
        and all_pinyin
        and is_chinese_surname(last)
        and fold_keeping_punctuation(first) not in WESTERN_PINYIN_LOOKALIKES
    ):
        return 1, True
    return len(tokens) - 1, False


def name_key(name: str) -> str:
    """Case-, accent-, punctuation- and order-insensitive key: "Yanhua LIU" == "Liu Yanhua"."""
    return " ".join(sorted(name_tokens(name)))


@lru_cache(maxsize=16384)
def name_tokens(name: str) -> tuple[str, ...]:
    """Folded tokens of a name without honorifics: "Mr. Clarence-Smith" -> ("clarence", "smith")."""
    tokens = re.split(r"[\s.\-,'’]+", fold_keeping_punctuation(name))
    return tuple(t for t in tokens if t and t not in HONORIFICS)
