"""How much a decoding reads like real text: what each character is worth in the language
its codec is for, and layouts that betray a wrong decoding."""

from __future__ import annotations

import re
import unicodedata
from functools import cache

from reader.core import scripts
from reader.importers.language import HAN

# About 250 of the most frequent characters of written Chinese (simplified forms; the
# traditional ones are derived). Real text is full of them; a wrong decoding is not.
_FREQUENT_ZH = (
    "的一是不了在人有我他这个们中来上大为和国地到以说时要就出会可也你对生能而子那得于着下自之"
    "年过发后作里用道行所然家种事成方多经么去法学如都同现当没动面起看定天分还进好小部其些主样"
    "理心她本前开但因只从想实日军者意无力它与长把机十民第公此已工使情明性知全三又关点正业外将"
    "两高间由问很最重并物手应战向头文体政美相见被利什二等产或新己制身果加西斯月话合回特代内信"
    "表化老给世位次度门任常先海通教儿原东声提立及比员解水名真论处走义各入几口认条平系气题活尔"
    "更别打女变四神总何电数安少报才结反受目太量再感建务做接必场件计管期市直德资命山金指克许统"
    "区保至队形社便空决治展马科司五基眼书非则听白却界达光放强即像难且权思王象完设式色路记南品"
)

# Frequent Hangul syllables: real Korean leans on them, Chinese bytes read as Korean do not.
_FREQUENT_KO = frozenset(
    "이다는의에을하고가지한서기로리사어도나자인들게대수있시아정해것요니습으를과와면만부그주우일"
    "상국전보성라여거장비제마생러없내원동간되었했말위모오소세중문연적경신물조화회공방학계당년트"
    "스개발분실음람때까히더또감무요런데저날좋함께친구받알할을진행통약관"
)

_UNIFIED = scripts.char_class(scripts.HAN_UNIFIED)
_HAN_SPACE_HAN = re.compile(f"[{_UNIFIED}] [{_UNIFIED}]")
_HANGUL = scripts.one_of(scripts.HANGUL_SYLLABLES)
_KANA = scripts.one_of(scripts.HIRAGANA, scripts.KATAKANA)
_HANGUL_SPACE_HANGUL = re.compile(f"{_HANGUL.pattern} {_HANGUL.pattern}")
_HALFWIDTH_KANA = scripts.one_of(scripts.HALFWIDTH_KATAKANA)
_CJK_PUNCTUATION = scripts.one_of(
    scripts.CJK_SYMBOLS_PUNCTUATION, scripts.FULLWIDTH_ASCII, scripts.FULLWIDTH_SIGNS
)
_ASCII_LETTER = re.compile(r"[A-Za-z]")
_ACCENTED = re.compile(r"[\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u00ff]")
_MIXED_SCRIPT = re.compile(r"[A-Za-z][\u0370-\u04ff]|[\u0370-\u04ff][A-Za-z]")
# A lowercase Greek or Cyrillic letter followed by a capital: CJK lead and trail bytes read
# through a single-byte code page alternate between the two halves of the alphabet.
_CASE_FLIP = re.compile(r"[\u03ac-\u03ce\u0430-\u045f][\u0386-\u03ab\u0400-\u042f]")
# A Greek or Cyrillic letter followed by an ASCII symbol no prose puts right after a letter
# ("Ќ[", "З|"): a CJK lead byte and its trail byte in @-~ read through a single-byte code page.
_LETTER_SYMBOL = re.compile(r"[\u0370-\u04ff][@[\\^`{|~]")


_RARE_LATIN_1 = frozenset("ðþÐÞ")
_WESTERN_SIGNS = frozenset("¡¿«»£°§©®·")


def char_value(ch: str, language: str | None) -> float:
    code = ord(ch)
    category = unicodedata.category(ch)
    if category in ("Cc", "Co", "Cn", "Cs"):
        return -1.0
    if HAN.match(ch):
        if language is None:
            return -1.0
        value = 1.0 if ch in _frequent_han() else 0.6 if ch in _common_han() else 0.0
        return value / 2 if language == "ko" else value
    # Unassigned code points of these blocks were scored above.
    if _KANA.match(ch):
        return 1.0 if language == "ja" else -0.5
    if _HANGUL.match(ch):
        if language != "ko":
            return -1.0
        return 1.0 if ch in _FREQUENT_KO else 0.4
    if _HALFWIDTH_KANA.match(ch):
        return -0.3 if language == "ja" else -1.0
    if _CJK_PUNCTUATION.match(ch):
        return 1.0 if language else -0.5
    if 0x2010 <= code <= 0x206F:
        return 0.5
    if 0x2500 <= code <= 0x257F:
        return -0.5
    if not category.startswith("L"):
        # Latin-1's common signs (¿ ¡ £ « » ° §) are Western text's as much as its letters: read
        # through another code page the same bytes are letters (ż, Ł), which scored higher.
        return 0.5 if language is None and ch in _WESTERN_SIGNS else 0.0
    if language:
        return -0.5
    # The accented letters of Western text and whole Greek or Cyrillic words are likely;
    # a Central European or other letter inside a Latin word less so, and so are Icelandic's
    # eth and thorn (what Turkish and Baltic ş, ğ, š read as in Latin-1). All stay below a
    # frequent Chinese character: a few CJK bytes also read as a couple of such letters.
    if ch in _RARE_LATIN_1:
        return 0.5
    return 0.9 if 0xC0 <= code <= 0xFF or 0x370 <= code <= 0x4FF else 0.5


def layout_penalty(sample: str, language: str | None, non_ascii: int, runs: int) -> float:
    if language is None:
        # Alphabetic text has its non-ASCII letters inside words of mostly ASCII letters, or
        # whole words of Greek or Cyrillic; CJK or KOI8 bytes read as Latin-1 make long runs
        # or words of nothing but accented letters, and Latin text read as Cyrillic mixes
        # scripts inside words.
        penalty = 1.0 if runs and non_ascii / runs > 12 else 0.0
        accented = len(_ACCENTED.findall(sample))
        if accented * 10 > 4 * (accented + len(_ASCII_LETTER.findall(sample))):
            penalty += 0.8
        flips = len(_CASE_FLIP.findall(sample)) + len(_LETTER_SYMBOL.findall(sample))
        return penalty + (len(_MIXED_SCRIPT.findall(sample)) + 2 * flips) / non_ascii
    han = len(HAN.findall(sample))
    if language == "ko":
        # Korean puts spaces between words; Chinese bytes read as Korean make none.
        hangul = len(_HANGUL.findall(sample))
        spaced = len(_HANGUL_SPACE_HANGUL.findall(sample))
        return 0.5 if hangul >= 20 and spaced * 20 < hangul else 0.0
    penalty = 0.0
    if han >= 20 and len(_HAN_SPACE_HAN.findall(sample)) * 10 > han:
        penalty += 0.5  # and Chinese puts none between its characters
    if language == "ja" and han >= 4 and len(_KANA.findall(sample)) * 20 < han:
        penalty += 0.3  # Japanese prose always has kana; Chinese bytes read as EUC-JP do not
    return penalty


@cache
def _frequent_han() -> frozenset[str]:
    import opencc

    simplified = "\n".join(_FREQUENT_ZH)
    traditional = opencc.OpenCC("s2t").convert(simplified)
    return frozenset(_FREQUENT_ZH) | frozenset(traditional.replace("\n", ""))


@cache
def _common_han() -> frozenset[str]:
    """The first-level (most used) characters of GB 2312, Big5 and JIS X 0208."""
    tables = (
        ("gb2312", range(0xB0, 0xD8), range(0xA1, 0xFF)),
        ("big5", range(0xA4, 0xC7), [*range(0x40, 0x7F), *range(0xA1, 0xFF)]),
        ("euc_jp", range(0xB0, 0xD0), range(0xA1, 0xFF)),
    )
    found: set[str] = set()
    for codec, leads, trails in tables:
        for lead in leads:
            for trail in trails:
                try:
                    found.add(bytes((lead, trail)).decode(codec))
                except UnicodeDecodeError:
                    continue
    return frozenset(found)
