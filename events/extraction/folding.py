"""The one folded form of text that every comparison in the project uses.

Names, organisations and search words are matched case-, accent- and punctuation-insensitively;
doing that in one place keeps "Lalić", "LALIC" and "Lalic," one key everywhere.
"""

import re
import unicodedata
from functools import lru_cache

_NON_WORD = re.compile(r"[^\w]+")


def _strip_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def fold(text: str | None) -> str:
    """Case-, accent- and punctuation-insensitive form of a text.

    >>> fold("Bojan Lalić, Jr.")
    'bojan lalic jr'
    """
    folded = _NON_WORD.sub(" ", fold_keeping_punctuation(text or ""))
    return " ".join(folded.split())


@lru_cache(maxsize=65536)
def fold_keeping_punctuation(text: str) -> str:
    """`fold` that keeps punctuation and spacing, for rules that read the marks of a name.

    The extraction compares names token by token, splitting on the dots, hyphens and
    apostrophes that `fold` would erase ("O'Brien" is two tokens, "Ka-ming" two syllables);
    the same few hundred strings recur, hence the cache.

    >>> fold_keeping_punctuation("Lalić, Jr.")
    'lalic, jr.'
    """
    return _strip_accents(text).casefold()


def fold_with_offsets(text: str) -> tuple[str, list[int]]:
    """`fold` one character at a time, without collapsing spaces, and where each came from.

    Search highlighting finds words in the folded text and needs the offsets back into the
    original: "Lalić!" -> ("lalic ", [0, 1, 2, 3, 4, 5]).
    """
    chars: list[str] = []
    offsets: list[int] = []
    for index, char in enumerate(text):
        for c in _strip_accents(char).casefold():
            chars.append(c if c.isalnum() else " ")
            offsets.append(index)
    return "".join(chars), offsets
