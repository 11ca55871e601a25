"""Decoding of saved files: BOMs, strict UTF-8, then CJK-aware detection of legacy encodings."""

from __future__ import annotations

import codecs
import re
import unicodedata
from collections import Counter
from functools import cache

import charset_normalizer

from reader.errors import ImportFailed
from reader.importers.language import HAN

# Detection looks at this much of a big file; the winner must still decode the whole file.
_SAMPLE_BYTES = 1 << 20
# Characters of each candidate decoding that are scored: plenty to tell scripts apart.
_SCORE_CHARS = 20_000
# Below this plausibility no candidate is believed (random bytes, a mix of encodings).
_MIN_SCORE = 0.25
_MIN_SCORE_NEAR_UTF8 = 0.6
# charset-normalizer has language statistics we lack, so its first choice wins near-ties.
_DETECTOR_BONUS = 0.1


# Longest BOM first: the UTF-32 LE BOM starts with the UTF-16 LE one.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# C0 controls that never occur in text; tab, newlines, form feed, ^Z (an old end-of-file mark)
# and ESC (ISO-2022 shifts) do.
_CONTROL_BYTES = bytes(b for b in range(32) if b not in b"\t\n\v\f\r\x1a\x1b") + b"\x7f"
_NOT_CONTROL_BYTES = bytes(b for b in range(256) if b not in _CONTROL_BYTES)

# Families of legacy codecs, the standard first and its supersets after it: the standard name
# is reported whenever it decodes the file.
_GB = ("gb18030",)
_BIG5 = ("big5", "cp950", "big5hkscs")
_SJIS = ("shift_jis", "cp932")
_EUC_KR = ("euc_kr", "cp949")
_EUC_JP = ("euc_jp", "euc_jis_2004")
_FAMILIES: dict[str, tuple[str, ...]] = {
    **{name: family for family in (_GB, _BIG5, _SJIS, _EUC_KR, _EUC_JP) for name in family},
    **dict.fromkeys(["gb2312", "gbk"], _GB),
    **dict.fromkeys(["shift_jis_2004", "shift_jisx0213"], (*_SJIS, "shift_jis_2004")),
    **dict.fromkeys(["euc_jisx0213"], _EUC_JP),
    "johab": (*_EUC_KR, "johab"),
    "iso8859_1": ("cp1252", "iso8859_1"),
}
_WESTERN_CODECS = ("cp125", "iso8859_", "koi8_", "cp874", "tis_620")
# Tried when detection is unsure, after its guesses.
_FALLBACK_CODECS = (*_GB, *_BIG5, *_SJIS, *_EUC_KR, *_EUC_JP, "cp1252")
_LANGUAGE_OF_FAMILY = {
    "gb18030": "zh",
    "big5": "zh",
    "shift_jis": "ja",
    "euc_kr": "ko",
    "euc_jp": "ja",
}

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

_HAN_SPACE_HAN = re.compile(r"[\u4e00-\u9fff] [\u4e00-\u9fff]")
_HANGUL = re.compile(r"[\uac00-\ud7a3]")
_KANA = re.compile(r"[\u3041-\u30ff]")
_HANGUL_SPACE_HANGUL = re.compile(r"[\uac00-\ud7a3] [\uac00-\ud7a3]")
_META_CHARSET = re.compile(rb"<meta[^>]{0,512}?charset\s*=\s*[\"']?\s*([\w.:-]+)", re.IGNORECASE)
_XML_ENCODING = re.compile(rb"<\?xml[^>]{0,200}?encoding\s*=\s*[\"']([\w.:-]+)", re.IGNORECASE)
# Web labels Python does not know, and the WHATWG rule that Latin-1 and ASCII mean cp1252.
_WEB_LABELS = {
    **dict.fromkeys(["x-gbk", "csgb2312", "gb_2312-80"], "gbk"),
    **dict.fromkeys(["x-x-big5", "cn-big5"], "big5"),
    **dict.fromkeys(["windows-31j", "x-sjis"], "cp932"),
    **dict.fromkeys(["windows-949"], "cp949"),
    **dict.fromkeys(["x-euc-jp"], "euc_jp"),
    **dict.fromkeys(["iso-8859-1", "latin1", "us-ascii", "ascii"], "cp1252"),
}
_NON_ASCII_RUN = re.compile(r"[^\x00-\x7f]+")
_ASCII_RUN = re.compile(r"[\x00-\x7f]+")
_NON_ASCII_BYTE = re.compile(rb"[\x80-\xff]")
_ASCII_LETTER = re.compile(r"[A-Za-z]")
_ACCENTED = re.compile(r"[\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u00ff]")
_MIXED_SCRIPT = re.compile(r"[A-Za-z][\u0370-\u04ff]|[\u0370-\u04ff][A-Za-z]")
# A lowercase Greek or Cyrillic letter followed by a capital: CJK lead and trail bytes read
# through a single-byte code page alternate between the two halves of the alphabet.
_CASE_FLIP = re.compile(r"[\u03ac-\u03ce\u0430-\u045f][\u0386-\u03ab\u0400-\u042f]")
# A Greek or Cyrillic letter followed by an ASCII symbol no prose puts right after a letter
# ("Ќ[", "З|"): a CJK lead byte and its trail byte in @-~ read through a single-byte code page.
_LETTER_SYMBOL = re.compile(r"[\u0370-\u04ff][@[\\^`{|~]")


def decode_text(data: bytes) -> tuple[str, str]:
    """Decode a text file's bytes; return the text and the name of the codec that decodes it.

    The name is a lowercase Python codec name ("utf-8", "utf-8-sig", "utf-16", "gb18030",
    "big5", "shift_jis", "euc-kr", ...) such that `data.decode(name)` gives the same text.
    Raises ImportFailed for binary data and for bytes that no supported encoding decodes
    without replacement characters.
    """
    if not data:
        return "", "utf-8"
    from_bom = _decode_with_bom(data)
    if from_bom is not None:
        return from_bom
    if b"\x00" in data:
        utf16 = _decode_utf16_without_bom(data)
        if utf16 is None:
            raise ImportFailed("binary")
        return utf16
    _refuse_control_bytes(data)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        if b"\x1b$" in data and text.isascii():
            return _decode_iso2022(data, text)
        return text, "utf-8"
    if not _mostly_utf8(data):
        return _detect_legacy(data)
    # Mostly valid UTF-8 is damaged UTF-8, unless a legacy decoding is clearly right (a few
    # GBK characters happen to be valid UTF-8 too).
    try:
        return _detect_legacy(data, min_score=_MIN_SCORE_NEAR_UTF8)
    except ImportFailed:
        raise ImportFailed("damaged_utf8") from None


def decode_html(data: bytes) -> tuple[str, str]:
    """Decode an HTML file: BOM, then a charset declared in its first 4 KB, then detection.

    A declaration of a GB charset decodes as GB18030, its superset. A declaration that the
    bytes contradict (strict decoding fails) is ignored, and so is any declaration when the
    bytes are valid non-ASCII UTF-8: pages re-saved as UTF-8 often keep their old meta tag,
    while legacy-encoded text is practically never valid UTF-8 by accident.
    """
    if not data:
        return "", "utf-8"
    from_bom = _decode_with_bom(data)
    if from_bom is not None:
        return from_bom
    declared = _declared_charset(data[:4096])
    if declared is None or b"\x00" in data:
        return decode_text(data)
    _refuse_control_bytes(data)
    if not data.isascii():
        try:
            return data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError:
            pass
    for codec in declared:
        try:
            return data.decode(codec), canonical_name(codec)
        except UnicodeDecodeError:
            continue
    return decode_text(data)


def canonical_name(codec: str) -> str:
    """The lowercase Python name of a codec, with dashes in the EUC names ("euc-kr")."""
    name = codecs.lookup(codec).name
    return name.replace("_", "-") if name.startswith("euc_") else name


# Decoding steps


def _declared_charset(head: bytes) -> tuple[str, ...] | None:
    """The codecs to try for an HTML charset declaration, or None without a usable one."""
    match = _XML_ENCODING.search(head) or _META_CHARSET.search(head)
    if match is None:
        return None
    label = match.group(1).decode("ascii").lower()
    label = _WEB_LABELS.get(label, label)
    try:
        name = codecs.lookup(label).name.replace("-", "_")
    except LookupError:
        return None
    if name.startswith(("utf_16", "utf_32")):
        return ("utf-8",)  # an ASCII meta tag cannot be inside UTF-16 text: it is a lie
    if name == "cp1252":
        return ("cp1252", "latin-1")
    return _FAMILIES.get(name, (name,))


def _decode_with_bom(data: bytes) -> tuple[str, str] | None:
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(codec)
            except UnicodeDecodeError:
                return None
            if codec == "utf-8-sig":
                _refuse_control_bytes(data)
            elif _too_many_controls(text):
                raise ImportFailed("binary")
            return text, codec
    return None


def _decode_utf16_without_bom(data: bytes) -> tuple[str, str] | None:
    """UTF-16 text without a BOM: NUL bytes nearly all on one side of each code unit."""
    if len(data) % 2:
        return None
    nuls_even, nuls_odd = data[0::2].count(0), data[1::2].count(0)
    codec = "utf-16-le" if nuls_odd > nuls_even else "utf-16-be"
    if min(nuls_even, nuls_odd) * 20 > max(nuls_even, nuls_odd):
        return None
    try:
        text = data.decode(codec)
    except UnicodeDecodeError:
        return None
    sample = text[:_SCORE_CHARS]
    # Random bytes read as UTF-16 are full of private-use and unassigned code points.
    oddities = sum(1 for ch in sample if unicodedata.category(ch) in ("Co", "Cn", "Cs"))
    if _too_many_controls(text) or oddities * 100 > len(sample):
        return None
    return text, codec


def _decode_iso2022(data: bytes, ascii_text: str) -> tuple[str, str]:
    # Seven-bit Japanese and Korean mail encodings are valid ASCII, so UTF-8 accepted them.
    for codec in ("iso2022_jp_2", "iso2022_kr"):
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        if text != ascii_text:
            return text, codec
    return ascii_text, "utf-8"


def _refuse_control_bytes(data: bytes) -> None:
    controls = len(data.translate(None, _NOT_CONTROL_BYTES))
    if controls * 20 > len(data) or (controls > 8 and controls * 300 > len(data)):
        raise ImportFailed("binary")


def _too_many_controls(text: str) -> bool:
    sample = text[:_SAMPLE_BYTES]
    controls = sum(sample.count(chr(b)) for b in _CONTROL_BYTES)
    return controls * 20 > len(sample) or (controls > 8 and controls * 300 > len(sample))


def _mostly_utf8(data: bytes) -> bool:
    """Valid UTF-8 apart from a few bad bytes: a damaged file, not a legacy encoding."""
    text = _sample(data).decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    non_ascii = len(text) - sum(map(len, _ASCII_RUN.findall(text)))
    return non_ascii - bad >= 4 * bad


def _sample(data: bytes) -> bytes:
    """At most _SAMPLE_BYTES of the data, from its first non-ASCII byte if it starts late."""
    if len(data) <= _SAMPLE_BYTES:
        return data
    start = 0
    if data[:_SAMPLE_BYTES].isascii():
        # Only ASCII before it, so it starts a character in every ASCII-based encoding.
        first = _NON_ASCII_BYTE.search(data)
        start = first.start() if first else 0
    # Cut after a newline where there is one: no CJK encoding uses that byte in a character.
    end = data.rfind(b"\n", start, start + _SAMPLE_BYTES)
    return data[start : end + 1 if end > start else start + _SAMPLE_BYTES]


def _decode_sample(sample: bytes, codec: str, whole: bool) -> str:
    try:
        return sample.decode(codec)
    except UnicodeDecodeError as exc:
        # A sample cut inside a line may end inside a character.
        if whole or exc.start < len(sample) - 4:
            raise
        return sample[: exc.start].decode(codec)


def _detect_legacy(data: bytes, min_score: float = _MIN_SCORE) -> tuple[str, str]:
    sample = _sample(data)
    detected = _detector_candidates(sample)
    order = list(dict.fromkeys([*detected, *_FALLBACK_CODECS]))
    first_choice = set(_FAMILIES.get(detected[0], detected[:1])) if detected else set()
    scored: list[tuple[float, int, str]] = []
    for index, codec in enumerate(order):
        try:
            text = _decode_sample(sample, codec, whole=len(sample) == len(data))
        except (UnicodeDecodeError, LookupError):
            continue
        score = _plausibility(text, codec) + (_DETECTOR_BONUS if codec in first_choice else 0)
        scored.append((score, index, codec))
    scored.sort(key=lambda item: (-item[0], item[1]))
    for score, _, codec in scored:
        if score < min_score:
            break
        try:
            return data.decode(codec), canonical_name(codec)
        except UnicodeDecodeError:
            continue
    raise ImportFailed("unknown_encoding")


def _detector_candidates(sample: bytes) -> list[str]:
    """charset-normalizer's guesses, best first, widened to the supersets worth trying."""
    try:
        matches = charset_normalizer.from_bytes(sample)
    except Exception:  # noqa: BLE001 - a detector failure only means we fall back to our list
        return []
    found: list[str] = []
    for match in matches:
        try:
            name = codecs.lookup(match.encoding).name.replace("-", "_")
        except LookupError:
            continue
        if name in _FAMILIES:
            found.extend(_FAMILIES[name])
        elif name.startswith(_WESTERN_CODECS):
            # Its other guesses (DOS and Mac code pages...) fit short garbage too well.
            found.append(name)
    return list(dict.fromkeys(found))


# Plausibility of a decoding


def _plausibility(text: str, codec: str) -> float:
    """From -1 (garbage) to 1 (every non-ASCII character is what real text in it contains)."""
    sample = text[:_SCORE_CHARS]
    family = _FAMILIES.get(codec, (codec,))[0]
    language = _LANGUAGE_OF_FAMILY.get(family)
    counts = Counter(_NON_ASCII_RUN.findall(sample))
    chars: Counter[str] = Counter()
    for run, n in counts.items():
        for ch in run:
            chars[ch] += n
    total = sum(chars.values())
    if not total:
        return 0.0
    score = sum(_char_value(ch, language) * n for ch, n in chars.items()) / total
    return score - _layout_penalty(sample, language, total, len(counts))


def _char_value(ch: str, language: str | None) -> float:
    code = ord(ch)
    category = unicodedata.category(ch)
    if category in ("Cc", "Co", "Cn", "Cs"):
        return -1.0
    if HAN.match(ch):
        if language is None:
            return -1.0
        value = 1.0 if ch in _frequent_han() else 0.6 if ch in _common_han() else 0.0
        return value / 2 if language == "ko" else value
    if 0x3041 <= code <= 0x30FF:
        return 1.0 if language == "ja" else -0.5
    if 0xAC00 <= code <= 0xD7A3:
        if language != "ko":
            return -1.0
        return 1.0 if ch in _FREQUENT_KO else 0.4
    if 0xFF61 <= code <= 0xFF9F:
        return -0.3 if language == "ja" else -1.0
    if 0x3000 <= code <= 0x303F or 0xFF01 <= code <= 0xFF60 or 0xFFE0 <= code <= 0xFFE6:
        return 1.0 if language else -0.5
    if 0x2010 <= code <= 0x206F:
        return 0.5
    if 0x2500 <= code <= 0x257F:
        return -0.5
    if not category.startswith("L"):
        return 0.0
    if language:
        return -0.5
    # The accented letters of Western text and whole Greek or Cyrillic words are likely;
    # a Central European or other letter inside a Latin word less so. Both stay below a
    # frequent Chinese character: a few CJK bytes also read as a couple of such letters.
    return 0.9 if 0xC0 <= code <= 0xFF or 0x370 <= code <= 0x4FF else 0.5


def _layout_penalty(sample: str, language: str | None, non_ascii: int, runs: int) -> float:
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
