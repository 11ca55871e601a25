"""Cheap language detection for imported text: script counts, OpenCC for Chinese, stop words."""

from __future__ import annotations

import re
from collections import Counter
from functools import cache
from typing import Protocol

from reader.core import scripts

# Enough text to be sure of the script, small enough to cost nothing on a huge file.
_SAMPLE_CHARS = 20_000

# Han ideographs: the CJK blocks and extensions (the encoding detector scores with it too).
HAN = scripts.one_of(scripts.HAN)
_KANA = scripts.one_of(scripts.KANA_LETTERS)
_HANGUL_BLOCKS = (scripts.HANGUL_SYLLABLES, scripts.HANGUL_JAMO, scripts.HANGUL_COMPATIBILITY_JAMO)
_HANGUL = scripts.one_of(_HANGUL_BLOCKS)
# Any character the three patterns above match: text without one is not counted for them.
_ANY_CJK = scripts.one_of(scripts.HAN, scripts.KANA_LETTERS, _HANGUL_BLOCKS)
_LATIN_WORD = re.compile(r"[A-Za-z\u00c0-\u024f]+(?:'[a-z]+)?")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_CYRILLIC_WORD = re.compile(r"[\u0400-\u04ff]+")
_GREEK = re.compile(r"[\u0370-\u03ff]")
_HEBREW = re.compile(r"[\u0590-\u05ff]")
_THAI = re.compile(r"[\u0e00-\u0e7f]")


def _words(spaced: str) -> frozenset[str]:
    return frozenset(spaced.split())


# Words that are frequent in one language and rare in the others.
_STOP_WORDS: dict[str, frozenset[str]] = {
    "en": _words(
        "the and of to in is that it was for on are with as his they be at have this from "
        "by not but what all were when we there can an your which their said if will would "
        "been has more who its into than them these could"
    ),
    "fr": _words(
        "le la les de des et un une est dans du que qui pour pas sur au avec sont ce cette "
        "mais ou il à ne se par son ses je nous vous ils elle leur aux été très"
    ),
    "de": _words(
        "der die und das ist nicht ein eine zu den mit sich des auf für im dem von auch "
        "es wird werden sind wie bei aus nach oder aber"
    ),
    "es": _words(
        "el los las de del que en y es un la por con una para se no su al lo como más pero sus "
        "le ya muy también fue está son"
    ),
    "it": _words(
        "il di che è la per un una non sono con del della le gli nel alla anche come più "
        "ma questo ha dei delle"
    ),
    "pt": _words(
        "o os de que do da em um uma para com não no na por mais as dos como mas foi ao "
        "ele das seu sua ou ser está também"
    ),
    "nl": _words(
        "de het een en van is dat op te in niet zijn voor met die ook er maar om aan ze "
        "bij nog wel naar dan werd"
    ),
}
_RUSSIAN_WORDS = _words("и в не на что с он как это по но его к из за то было все она")


class _Converter(Protocol):
    def convert(self, text: str) -> str: ...


def detect_language(text: str) -> str | None:
    """The language of a text as a BCP 47 tag, or None when it cannot be told cheaply.

    Chinese is "zh-Hans" or "zh-Hant"; Japanese "ja"; Korean "ko"; English "en". A handful of
    other languages are recognised by script or stop words.
    """
    sample = text[:_SAMPLE_CHARS]
    words = _LATIN_WORD.findall(sample)
    return _cjk_language(sample, words) or _alphabetic_language(sample, words)


def cjk_language(text: str) -> str | None:
    """ "zh-Hans", "zh-Hant", "ja" or "ko" when the text is written in that script, else None:
    what `detect_language` says of CJK text, without its look at other languages."""
    sample = text[:_SAMPLE_CHARS]
    if _without_cjk(sample):
        return None  # most pages: not read for words either
    return _cjk_language(sample, _LATIN_WORD.findall(sample))


def _without_cjk(sample: str) -> bool:
    """Whether `sample` holds no character of the CJK scripts, told by a search stopping at
    the first one."""
    return _ANY_CJK.search(sample) is None


def _cjk_language(sample: str, words: list[str]) -> str | None:
    if _without_cjk(sample):
        return None  # no CJK character to count
    han = HAN.findall(sample)
    kana = len(_KANA.findall(sample))
    hangul = len(_HANGUL.findall(sample))
    cjk = len(han) + kana + hangul
    # A CJK character carries about as much as a short alphabetic word.
    if cjk and cjk * 2 >= len(words):
        if hangul * 3 >= cjk:
            return "ko"
        # Japanese is written with kana between the kanji; Chinese text quotes kana rarely.
        if kana * 10 >= cjk:
            return "ja"
        if han:
            return chinese_script(han)
    return None


def chinese_script(han: list[str]) -> str:
    """ "zh-Hant" when more characters are traditional-only than simplified-only."""
    distinct = Counter(han)
    chars = list(distinct)
    simplified = _convert("t2s", chars)
    traditional = _convert("s2t", chars)
    traditional_only = sum(distinct[c] for c, s in zip(chars, simplified, strict=True) if s != c)
    simplified_only = sum(distinct[c] for c, t in zip(chars, traditional, strict=True) if t != c)
    # Text whose characters are the same in both scripts reads as the far more common one.
    return "zh-Hant" if traditional_only > simplified_only else "zh-Hans"


def _convert(config: str, chars: list[str]) -> list[str]:
    # One character per line keeps OpenCC's phrase tables from merging neighbours.
    converted = _converter(config).convert("\n".join(chars)).split("\n")
    if len(converted) == len(chars):
        return converted
    return [_converter(config).convert(c) for c in chars]


@cache
def _converter(config: str) -> _Converter:
    import opencc

    converter: _Converter = opencc.OpenCC(config)
    return converter


def _alphabetic_language(sample: str, words: list[str]) -> str | None:
    cyrillic = len(_CYRILLIC.findall(sample))
    greek = len(_GREEK.findall(sample))
    hebrew = len(_HEBREW.findall(sample))
    thai = len(_THAI.findall(sample))
    latin_letters = sum(map(len, words))
    others = {"el": greek, "he": hebrew, "th": thai}
    best, count = max(others.items(), key=lambda item: item[1])
    if count > latin_letters and count > cyrillic:
        return best
    if cyrillic > latin_letters:
        tokens = _CYRILLIC_WORD.findall(sample.lower())
        russian = sum(1 for t in tokens if t in _RUSSIAN_WORDS)
        return "ru" if tokens and russian * 10 >= len(tokens) else None
    if len(words) < 3:
        return None
    # Each word counted once, then each language's few stop words looked up in the counts.
    counts = Counter(w.lower() for w in words)
    hits = {
        lang: sum(counts[w] for w in stop_words if w in counts)
        for lang, stop_words in _STOP_WORDS.items()
    }
    lang, best_hits = max(hits.items(), key=lambda item: item[1])
    runner_up = max(n for other, n in hits.items() if other != lang)
    # A clear share of stop words and a clear lead over the next language, or no answer.
    if best_hits * 10 >= len(words) and best_hits >= 1.5 * runner_up:
        return lang
    return None
