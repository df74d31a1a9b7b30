"""Which of the site's languages (kk, ru, en) a press release is written in.

Kazakh and Russian share the Cyrillic alphabet; Kazakh adds nine letters (ә ғ қ ң ө ұ ү һ і)
that Russian never uses, and its texts use them in most sentences. So: mostly Latin letters
is English; Cyrillic with a share of Kazakh letters (or common Kazakh words) is Kazakh; other
Cyrillic is Russian. Good enough for the three languages the ministry writes in, with no
model to download.
"""

import re
from collections import Counter

KAZAKH_LETTERS = set("әғқңөұүһіӘҒҚҢӨҰҮҺІ")
KAZAKH_WORDS = re.compile(
    r"\b(?:және|мен|бен|пен|бойынша|туралы|арасындағы|жылы|жыл|елшісі|елшілігі|"
    r"университеті|университетінің|өтті|болды|қазақстан|қазақстанның)\b",
    re.IGNORECASE,
)
LANGUAGES = ("kk", "ru", "en")


def detect_language(text, default="en"):
    """ "kk", "ru" or "en" for a text; `default` when it has no letters to judge by."""
    sample = text[:20000]
    latin = cyrillic = kazakh = 0
    for char, count in Counter(sample).items():  # counted in C; each distinct letter judged once
        if not char.isalpha():
            continue
        if "a" <= char.lower() <= "z":
            latin += count
        elif "\u0400" <= char <= "\u04ff":
            cyrillic += count
            if char in KAZAKH_LETTERS:
                kazakh += count
    if not latin and not cyrillic:
        return default
    if latin >= cyrillic:
        return "en"
    # Kazakh-only letters are about 7-10 % of the letters of a Kazakh text; a Russian text
    # has none but a few in quoted Kazakh names.
    if kazakh / cyrillic >= 0.02 or len(KAZAKH_WORDS.findall(sample)) >= 3:
        return "kk"
    return "ru"
