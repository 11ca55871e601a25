"""The CJK ranges are written once, in reader.core.scripts, and each user keeps the set it had."""

from __future__ import annotations

import re
import unicodedata
from datetime import datetime
from itertools import chain
from pathlib import Path

import pytest

import reader
from reader.core import anchoring, folding, scripts
from reader.core.article import ArticleSummary
from reader.exporters import names
from reader.importers import language, plausibility, sanitize
from reader.search import analysis

SOURCES = Path(reader.__file__).parent
# The BMP (no surrogates: a pattern cannot meet them in text) and the two ideographic planes.
EVERY_CHAR = "".join(
    map(chr, chain(range(0xD800), range(0xE000, 0x10000), range(0x20000, 0x40000)))
)


def matched(pattern: str) -> frozenset[int]:
    """The code points a one-character pattern ("[...]") matches."""
    return frozenset(ord(m.group()) for m in re.finditer(pattern, EVERY_CHAR))


def unassigned(codes: frozenset[int]) -> bool:
    return all(unicodedata.category(chr(code)) == "Cn" for code in codes)


def test_the_analyzer_tokenizes_exactly_the_code_points_it_did() -> None:
    # The class as it was written out by hand: a different set would change index terms.
    old = (
        "[\u1100-\u11ff\u3005-\u3007\u303b\u3040-\u30ff\u3100-\u312f\u3130-\u318f\u31a0-\u31ff"
        "\u3400-\u4dbf\u4e00-\u9fff\ua960-\ua97f\uac00-\ud7af\ud7b0-\ud7ff\uf900-\ufaff"
        "\U00020000-\U0003134f]"
    )
    assert matched(f"[{analysis.CJK_CLASS}]") == matched(old)


def test_the_fold_table_covers_the_code_points_it_did() -> None:
    # Folding reaches up to plane 3; the t2s table covers the Han blocks up to Extension F.
    assert [(r.start, r.stop) for r in analysis._FOLDABLE] == [
        (0x41, 0x61),
        (0x80, 0xD800),
        (0xE000, 0x30000),
    ]
    han = {code for block in folding._HAN_BLOCKS for code in block}
    old = chain(range(0x3400, 0x4DC0), range(0x4E00, 0xA000), range(0xF900, 0xFB00))
    assert han == set(chain(old, range(0x20000, 0x2EBF0)))


@pytest.mark.parametrize(
    ("now", "before"),
    [
        (language.HAN.pattern, "[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]"),
        (
            language._KANA.pattern,
            "[\u3041-\u3096\u309d-\u309f\u30a1-\u30fa\u30fd-\u30ff\u31f0-\u31ff]",
        ),
        (f"[{plausibility._UNIFIED}]", "[\u4e00-\u9fff]"),
        (plausibility._HALFWIDTH_KANA.pattern, "[\uff61-\uff9f]"),
    ],
)
def test_a_set_keeps_its_code_points(now: str, before: str) -> None:
    assert matched(now) == matched(before)


@pytest.mark.parametrize(
    ("now", "before"),
    [
        # These stopped at the last assigned code point where the block runs on (U+D7A3 for
        # U+D7AF, U+3131..U+318E for U+3130..U+318F): now every user means the same block.
        (language._HANGUL.pattern, "[\uac00-\ud7a3\u1100-\u11ff\u3131-\u318e]"),
        (plausibility._HANGUL.pattern, "[\uac00-\ud7a3]"),
        (plausibility._KANA.pattern, "[\u3041-\u30ff]"),
        (plausibility._CJK_PUNCTUATION.pattern, "[\u3000-\u303f\uff01-\uff60\uffe0-\uffe6]"),
    ],
)
def test_a_set_that_now_spans_whole_blocks_gained_no_character(now: str, before: str) -> None:
    assert matched(now) > matched(before)
    assert unassigned(matched(now) - matched(before))


@pytest.mark.parametrize(
    "now",
    [
        f"[{anchoring._ONE_BY_ONE}]",
        names._CJK.pattern,
    ],
)
def test_one_character_tokens_and_cjk_names_lose_only_symbols(now: str) -> None:
    # Both wrote U+3400..U+9FFF, which holds the Yijing hexagrams: symbols, which neither a
    # word (\w) nor a name can hold, so dropping them changes no token and no name.
    before = matched("[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff]")
    assert before - matched(now) == frozenset(scripts.YIJING_HEXAGRAMS.codes)
    assert not matched(now) - before
    assert all(unicodedata.category(chr(c)) == "So" for c in scripts.YIJING_HEXAGRAMS.codes)


def test_the_wide_characters_of_html_text_are_the_unspaced_scripts() -> None:
    before = matched("[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]")
    now = matched(f"[{sanitize._WIDE}]")
    no_block = frozenset(range(0x2FE0, 0x2FF0))  # between Kangxi and the description marks
    assert before - now == frozenset(scripts.HANGUL_SYLLABLES.codes) | no_block
    assert now - before == matched(scripts.one_of(scripts.HAN).pattern) - before


# The test that keeps it so

# Where CJK scripts live: jamo, radicals to Han, archaic jamo, hangul, compatibility Han,
# width forms, and the two ideographic planes (plane 1 and 4 up hold no CJK, and the
# "every astral character" classes [\U00010000-\U0010ffff] are not about scripts).
_CJK_BLOCKS = (
    range(0x1100, 0x1200),
    range(0x2E80, 0xA000),
    range(0xA960, 0xA980),
    range(0xAC00, 0xD800),
    range(0xF900, 0xFB00),
    range(0xFF00, 0xFFF0),
    range(0x20000, 0x40000),
)
_ESCAPE = re.compile(r"\\u([0-9a-fA-F]{4})|\\U([0-9a-fA-F]{8})|\b0x([0-9a-fA-F_]{4,})")
_CJK_CHAR = "[\u1100-\u11ff\u2e80-\u9fff\ua960-\ua97f\uac00-\ud7ff\uf900-\ufaff\uff00-\uffef]"
# A range written with the characters themselves: "[一-龥]".
_LITERAL_RANGE = re.compile(f"{_CJK_CHAR}-{_CJK_CHAR}")
# The ideographic space is a character that text is stripped of, not a range of a script.
_SINGLE_CHARACTERS = {0x3000}


def cjk_range_literals(source: str) -> list[str]:
    """The escapes (\\u4e00, 0x4E00) naming a CJK code point, and CJK ranges in literal form.
    A hex number after & or | is a bit mask, not a code point."""
    found = [m.group() for m in _LITERAL_RANGE.finditer(source)]
    for m in _ESCAPE.finditer(source):
        code = int((m.group(1) or m.group(2) or m.group(3)).replace("_", ""), 16)
        mask = m.group(3) and source[: m.start()].rstrip().endswith(("&", "|"))
        if mask or code in _SINGLE_CHARACTERS:
            continue
        if any(code in block for block in _CJK_BLOCKS):
            found.append(m.group())
    return found


def test_no_module_but_scripts_writes_a_cjk_range() -> None:
    offenders = {
        str(path.relative_to(SOURCES)): literals
        for path in sorted(SOURCES.rglob("*.py"))
        if path != SOURCES / "core" / "scripts.py"
        and (literals := cjk_range_literals(path.read_text(encoding="utf-8")))
    }
    assert offenders == {}


@pytest.mark.parametrize(
    "source",
    [
        r'_HANGUL = re.compile(r"[\uac00-\ud7a3]")',
        "if 0x3041 <= code <= 0x30FF:",
        'return "\\u2e80" <= ch <= "\\u9fff"',
        "range(0x20000, 0x2EBF0)",
        'HAN = re.compile(r"[\\U00020000-\\U0003134f]")',
        '_HAN = re.compile("[一-龥]")',
    ],
)
def test_the_scan_sees_each_way_of_writing_a_range(source: str) -> None:
    assert cjk_range_literals(source)


@pytest.mark.parametrize(
    "source",
    [
        'line.strip(" \\u3000")',
        "ImageInfo('webp', width & 0x3FFF, height & 0x3FFF)",
        '_WIDE = re.compile("[\\U00010000-\\U0010ffff]")',
        'BOM = "\\ufeff"',
        '"的一是不了在人有我他这个们中来上大为和国"',
    ],
)
def test_the_scan_passes_what_is_no_cjk_range(source: str) -> None:
    assert not cjk_range_literals(source)


def _summary(title: str, chars: int) -> ArticleSummary:
    return ArticleSummary(
        id=1,
        title=title,
        section=None,
        site=None,
        author=None,
        published=None,
        language=None,
        source=None,
        added=datetime(2026, 1, 1),
        read=False,
        bookmarked=False,
        chars=chars,
    )


def test_a_title_reads_at_the_cjk_pace_when_written_in_a_cjk_script() -> None:
    assert _summary("湖畔の風筝節", 4000).reading_minutes == 10
    assert _summary("𠮟", 4000).reading_minutes == 10  # Han outside the BMP
    # A company mark (U+3231) or a squared unit in an English title is no CJK writing.
    assert _summary("Acme ㈱ annual report", 4000).reading_minutes == 4
    assert _summary("Shipping 20 ㎏ parcels", 4000).reading_minutes == 4


def test_classes_merge_touching_blocks_and_tests_take_characters_or_code_points() -> None:
    assert scripts.char_class(scripts.HIRAGANA, scripts.KATAKANA) == "\\u3040-\\u30ff"
    assert scripts.char_class(scripts.VERTICAL_ITERATION_MARK) == "\\u303b"
    assert scripts.char_class(scripts.HAN_EXTENSION_G) == "\\U00030000-\\U0003134f"
    assert scripts.contains("𠮟", scripts.HAN) and scripts.contains(0x20B9F, scripts.HAN)
    assert not scripts.contains("한", scripts.UNSPACED)
    assert scripts.one_of(scripts.KANA_LETTERS).fullmatch("ゞ")
    assert not scripts.one_of(scripts.KANA_LETTERS).fullmatch("ー")
