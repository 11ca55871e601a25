"""Decoding of saved files: BOMs, strict UTF-8, then CJK-aware detection of legacy encodings."""

from __future__ import annotations

import codecs
import re
import unicodedata
from collections import Counter

import charset_normalizer

from reader.errors import ImportFailed
from reader.importers.plausibility import char_value, layout_penalty

# Detection looks at this much of a big file; the winner must still decode the whole file.
_SAMPLE_BYTES = 1 << 20
# Characters of each candidate decoding that are scored: plenty to tell scripts apart.
_SCORE_CHARS = 20_000
# Below this plausibility no candidate is believed (random bytes, a mix of encodings).
_MIN_SCORE = 0.25
_MIN_SCORE_NEAR_UTF8 = 0.6
# charset-normalizer has language statistics we lack, so its first choice wins near-ties.
_DETECTOR_BONUS = 0.1
# UTF-16 without a BOM read by its characters (the NUL bytes undecided): at least this score.
_CJK_UTF16_SCORE = 0.5


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
    try:
        _refuse_control_bytes(data)
    except ImportFailed:
        # CJK in UTF-16 may hold no NUL at all, and bytes below 0x20 (U+4E1A is 1A 4E); what
        # is valid UTF-8 (or a few bytes) is not taken for it.
        utf16 = _cjk_utf16(data) if len(data) % 2 == 0 and _not_utf8(data, 16) else None
        if utf16 is None:
            raise
        return utf16
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
    """UTF-16 text without a BOM: NUL bytes nearly all on one side of each code unit (text
    of mostly ASCII), or, in Chinese, Japanese or Korean, the byte order that reads as
    common characters of the language."""
    if len(data) % 2:
        return None
    nuls_even, nuls_odd = data[0::2].count(0), data[1::2].count(0)
    codec = "utf-16-le" if nuls_odd > nuls_even else "utf-16-be"
    # CJK code units have NUL halves too, on either side (一 is 4E 00): where the NULs do not
    # tell the order, or tell a wrong one, the characters do.
    if min(nuls_even, nuls_odd) * 20 > max(nuls_even, nuls_odd):
        return _cjk_utf16(data)
    try:
        text = data.decode(codec)
    except UnicodeDecodeError:
        return _cjk_utf16(data)
    return (text, codec) if _reads_as_text(text) else _cjk_utf16(data)


def _reads_as_text(text: str) -> bool:
    """Few controls, and hardly a private-use or unassigned code point: random bytes read as
    UTF-16 are full of those."""
    sample = text[:_SCORE_CHARS]
    oddities = sum(1 for ch in sample if unicodedata.category(ch) in ("Co", "Cn", "Cs"))
    return not _too_many_controls(text) and oddities * 100 <= len(sample)


def _not_utf8(data: bytes, at_least: int) -> bool:
    """At least `at_least` bytes, and not valid UTF-8."""
    if len(data) < at_least:
        return False
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return True
    return False


def _cjk_utf16(data: bytes) -> tuple[str, str] | None:
    """UTF-16 in whichever byte order reads clearly better as Chinese, Japanese or Korean."""
    scored: list[tuple[float, str, str]] = []
    for codec in ("utf-16-le", "utf-16-be"):
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        if not _reads_as_text(text):
            continue
        best = max(_plausibility(text, family) for family in ("gb18030", "shift_jis", "euc_kr"))
        scored.append((best, codec, text))
    scored.sort(reverse=True)
    if not scored or scored[0][0] < _CJK_UTF16_SCORE:
        return None
    if len(scored) == 2 and scored[0][0] - scored[1][0] < _CJK_UTF16_SCORE / 2:
        return None  # neither order reads clearly better: not text
    return scored[0][2], scored[0][1]


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
    # Of the Western code pages, Windows' own (Latin-1's superset) comes first: on a tie it is
    # the likelier, and the detector's own order among them is no guide (French read as
    # Baltic: "déją vu").
    western = [codec for codec in detected if codec.startswith(_WESTERN_CODECS)]
    if western:
        detected.insert(detected.index(western[0]), "cp1252")
    order = list(dict.fromkeys([*detected, *_FALLBACK_CODECS]))
    first = detected[0] if detected else None
    first_choice = set(_FAMILIES.get(first, (first,))) if first is not None else set()
    # The detector's first guess wins a close call: a CJK one by a margin, a Western one by
    # a hair (among code pages it is often wrong: French read as Baltic).
    bonus = _DETECTOR_BONUS if first in _FAMILIES else _DETECTOR_BONUS / 4
    scored: list[tuple[float, int, str]] = []
    for index, codec in enumerate(order):
        try:
            text = _decode_sample(sample, codec, whole=len(sample) == len(data))
        except (UnicodeDecodeError, LookupError):
            continue
        score = _plausibility(text, codec) + (bonus if codec in first_choice else 0)
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
    score = sum(char_value(ch, language) * n for ch, n in chars.items()) / total
    return score - layout_penalty(sample, language, total, sum(counts.values()))
