"""decode_text and decode_html: BOMs, UTF-8, legacy CJK detection, refusals."""

from __future__ import annotations

import codecs
from pathlib import Path

import charset_normalizer
import pytest
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st

from reader.errors import ImportFailed
from reader.importers.encoding import canonical_name, decode_html, decode_text

TEXT_DATA = Path(__file__).parent.parent / "data" / "text"

ZH = (TEXT_DATA / "saved-zh-utf8.txt").read_text(encoding="utf-8")
JA = "今日は朝から雨が降っていたので、図書館で一日中本を読んで過ごしました。"
KO = "어제는 가족과 함께 바닷가에 다녀왔습니다. 날씨가 맑아서 모래사장을 오래 걸었습니다."
FR = "Le café de la gare était fermé; nous avons marché jusqu'à l'église où l'on vend des crêpes."
# Characters of the Chinese fixture, for generated text that reads like Chinese.
ZH_CHARS = "".join(sorted({ch for ch in ZH if "\u4e00" <= ch <= "\u9fff"}))
BIG5_CHARS = "".join(
    sorted(
        {
            ch
            for ch in (TEXT_DATA / "saved-zh-big5.txt").read_bytes().decode("big5")
            if "\u4e00" <= ch <= "\u9fff"
        }
    )
)


def fixture(name: str) -> bytes:
    return (TEXT_DATA / name).read_bytes()


def test_utf8_is_decoded_strictly() -> None:
    assert decode_text(ZH.encode("utf-8")) == (ZH, "utf-8")


def test_empty_input_is_empty_text() -> None:
    assert decode_text(b"") == ("", "utf-8")


@pytest.mark.parametrize(
    ("bom", "codec", "name"),
    [
        (codecs.BOM_UTF8, "utf-8", "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16-le", "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16-be", "utf-16"),
        (codecs.BOM_UTF32_LE, "utf-32-le", "utf-32"),
        (codecs.BOM_UTF32_BE, "utf-32-be", "utf-32"),
    ],
)
def test_a_bom_decides_and_is_removed(bom: bytes, codec: str, name: str) -> None:
    data = bom + ZH.encode(codec)
    text, encoding = decode_text(data)
    assert text == ZH
    assert encoding == name
    assert data.decode(encoding) == text


def test_utf16_fixture_with_bom() -> None:
    text, encoding = decode_text(fixture("en-utf16-bom.txt"))
    assert encoding == "utf-16"
    assert text.startswith("Notes from the harbour\r\n")


def test_utf16_without_bom_is_recognised_from_its_nul_bytes() -> None:
    english = "The ferry left at seven.\nThe gulls followed it out.\n" * 3
    for codec in ("utf-16-le", "utf-16-be"):
        assert decode_text(english.encode(codec)) == (english, codec)


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
@pytest.mark.parametrize("text", [ZH, JA, KO, "这是一个测试文章。\n" * 100, "一二三四五" * 40])
def test_cjk_utf16_without_bom_is_read_in_the_right_byte_order(text: str, codec: str) -> None:
    """Found by a user's test: Chinese UTF-16 without a BOM was refused as binary data. The
    NUL bytes of its line breaks (00 after 0A) and of characters such as 一 (4E 00) fall on
    both sides of the code units, so they do not tell the byte order; the characters do."""
    assert decode_text(text.encode(codec)) == (text, codec)


def test_gbk_fixture_decodes_as_gb18030_to_the_same_text() -> None:
    text, encoding = decode_text(fixture("saved-zh-gbk-crlf.txt"))
    assert encoding == "gb18030"
    assert text.replace("\r\n", "\n") == ZH


def test_big5_fixture() -> None:
    text, encoding = decode_text(fixture("saved-zh-big5.txt"))
    assert encoding == "big5"
    assert text.startswith("當前位置: 山河日報 > 社會")


def test_shift_jis_fixture() -> None:
    text, encoding = decode_text(fixture("ja-note-shift_jis.txt"))
    assert encoding == "shift_jis"
    assert text.startswith("雨の日の図書館")


def test_euc_kr_fixture() -> None:
    text, encoding = decode_text(fixture("ko-note-euc-kr.txt"))
    assert encoding == "euc-kr"
    assert text.startswith("바닷가 나들이")


@pytest.mark.parametrize(
    ("text", "codec", "name"),
    [
        (JA, "euc_jp", "euc-jp"),
        (JA, "cp932", "shift_jis"),
        (KO, "cp949", "euc-kr"),
        (ZH, "gb2312", "gb18030"),
        (FR, "cp1252", "cp1252"),
        (FR, "latin-1", "cp1252"),
    ],
)
def test_legacy_encodings_are_detected(text: str, codec: str, name: str) -> None:
    assert decode_text(text.encode(codec)) == (text, name)


LONG_FR = (
    "Le café de la gare était fermé; nous avons marché jusqu'à l'église. "
    "Là, un garçon âgé d'à peine douze ans vendait des crêpes à la crème. "
    "Après le déjeuner, nous sommes allés voir le château, où l'on a répété la pièce. "
) * 6
LONG_DE = (
    "Größere Straßen führen über die Brücke nach Köln; dort ist es schön und ruhig. "
    "Die Bäckerei öffnet früh, und die Mädchen kaufen Brötchen für das Frühstück. "
) * 6
LONG_RU = (
    "Вчера мы гуляли по набережной и смотрели, как уходят корабли. "
    "Вечером в городе зажглись фонари, и на площади играла музыка. "
) * 6
LONG_EL = "Χθες περπατήσαμε στην παραλία και είδαμε τα πλοία να φεύγουν από το λιμάνι. " * 6
LONG_PL = "Wczoraj spacerowaliśmy brzegiem rzeki i patrzyliśmy, jak odpływają łodzie. " * 6


@pytest.mark.parametrize(
    ("text", "codec", "name"),
    [
        (LONG_FR, "cp1252", "cp1252"),
        (LONG_FR, "latin-1", "cp1252"),
        (LONG_DE, "cp1252", "cp1252"),
        (LONG_RU, "cp1251", "cp1251"),
        (LONG_RU, "koi8_r", "koi8-r"),
        (LONG_EL, "cp1253", "cp1253"),
        (LONG_PL, "cp1250", "cp1250"),
    ],
)
def test_long_texts_in_western_code_pages_are_read(text: str, codec: str, name: str) -> None:
    """Found by a user's test: a French Latin-1 file of a few hundred accented letters was
    refused ("unknown text encoding"), German came out as Chinese, Russian and Greek were
    refused. The accented letters were counted as runs by their distinct spellings ("é",
    "à": a few) rather than by their occurrences, which made them look like long runs."""
    assert decode_text(text.encode(codec)) == (text, name)


def test_short_chinese_lines_are_not_taken_for_korean_or_big5() -> None:
    for line in ("你好,世界", "今天天气很好", "本周末湖畔小城迎来了风筝节"):
        assert decode_text(line.encode("gbk")) == (line, "gb18030")


def test_iso_2022_jp_is_not_left_as_escape_codes() -> None:
    text, encoding = decode_text(JA.encode("iso2022_jp"))
    assert text == JA
    assert encoding.startswith("iso2022_jp")


def test_detection_of_a_big_legacy_file_reads_a_sample_and_checks_the_whole_file(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # The detector's cost grows with what it is given: it must see a sample (at most 1 MB),
    # never the whole file. The speed is measured by bench/hostile_input_bench.py.
    big = (ZH * 12_000).encode("gbk")  # about 7 MB
    sampled: list[int] = []
    detect = charset_normalizer.from_bytes

    def recording(sample: bytes, *args: object, **kwargs: object) -> object:
        sampled.append(len(sample))
        return detect(sample, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(charset_normalizer, "from_bytes", recording)
    text, encoding = decode_text(big)
    assert sampled and max(sampled) <= 1 << 20, sampled
    assert encoding == "gb18030"
    assert len(text) == len(ZH) * 12_000
    # A byte sequence that GB18030 cannot decode, far past the detection sample.
    with pytest.raises(ImportFailed):
        decode_text(big + b"\xff\xff\n")


def test_a_long_single_line_in_a_legacy_encoding() -> None:
    line = ZH.replace("\n", " ") * 3000  # over 1 MB and no newline
    assert decode_text(line.encode("gbk")) == (line, "gb18030")


def test_binary_fixture_is_refused() -> None:
    with pytest.raises(ImportFailed, match="binary"):
        decode_text(fixture("binary.txt"))


def test_control_bytes_without_nul_are_refused() -> None:
    noisy = bytes(b % 32 + 1 for b in range(400)) + b"some text"
    with pytest.raises(ImportFailed, match="binary"):
        decode_text(noisy)


def test_a_stray_control_character_is_tolerated() -> None:
    assert decode_text(b"Page one\x0cPage two\x1a")[0] == "Page one\x0cPage two\x1a"


def test_damaged_utf8_is_refused_not_read_as_another_encoding() -> None:
    data = ZH.encode("utf-8")
    cut = next(i for i in range(100, len(data)) if 0x80 <= data[i] <= 0xBF)
    damaged = data[:cut] + data[cut + 1 :]  # one byte of a character lost
    with pytest.raises(ImportFailed, match="replacement"):
        decode_text(damaged)


def test_legacy_text_with_an_undecodable_byte_is_refused() -> None:
    data = ZH.encode("gbk")
    middle = data.index("修缮".encode("gbk"))
    with pytest.raises(ImportFailed):
        decode_text(data[:middle] + b"\xff" + data[middle:])


def test_canonical_names() -> None:
    assert canonical_name("EUC_KR") == "euc-kr"
    assert canonical_name("sjis") == "shift_jis"
    assert canonical_name("UTF8") == "utf-8"


# decode_html


def html_page(charset_tag: str, body: str) -> str:
    return f"<html><head>{charset_tag}<title>t</title></head><body><p>{body}</p></body></html>"


@pytest.mark.parametrize(
    "tag",
    [
        '<meta charset="gb2312">',
        "<meta charset=GBK>",
        '<meta http-equiv="Content-Type" content="text/html; charset=gb2312">',
    ],
)
def test_html_gb_declarations_decode_as_gb18030(tag: str) -> None:
    page = html_page(tag, "老街书店重新开门")
    assert decode_html(page.encode("gbk")) == (page, "gb18030")


def test_html_declared_big5() -> None:
    page = html_page('<meta http-equiv="content-type" content="text/html;charset=big5">', "書店")
    assert decode_html(page.encode("big5")) == (page, "big5")


def test_html_xml_declaration() -> None:
    page = '<?xml version="1.0" encoding="shift_jis"?>' + html_page("", JA)
    assert decode_html(page.encode("shift_jis")) == (page, "shift_jis")


def test_html_wrong_declaration_falls_back_to_detection() -> None:
    page = html_page('<meta charset="utf-8">', "老街书店重新开门,街坊们排队买下第一本书")
    assert decode_html(page.encode("gbk")) == (page, "gb18030")


def test_html_declared_legacy_but_valid_utf8_is_utf8() -> None:
    page = html_page('<meta charset="gbk">', "老街书店重新开门")
    assert decode_html(page.encode("utf-8")) == (page, "utf-8")


def test_html_bom_wins_over_the_declaration() -> None:
    page = html_page('<meta charset="big5">', "老街书店")
    assert decode_html(codecs.BOM_UTF8 + page.encode("utf-8")) == (page, "utf-8-sig")


def test_html_without_or_with_unknown_declaration_is_detected() -> None:
    for tag in ("", '<meta charset="x-unknown-charset">'):
        page = html_page(tag, "老街书店重新开门,街坊们排队买下第一本书")
        assert decode_html(page.encode("gbk")) == (page, "gb18030")


def test_html_latin1_declaration_means_cp1252() -> None:
    page = html_page('<meta charset="iso-8859-1">', "“Quoted” café")
    assert decode_html(page.encode("cp1252")) == (page, "cp1252")


def test_html_binary_is_refused() -> None:
    with pytest.raises(ImportFailed, match="binary"):
        decode_html(b'<meta charset="utf-8">' + fixture("binary.txt"))


# Properties


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=400))
def test_any_bytes_decode_or_fail_cleanly(data: bytes) -> None:
    try:
        text, encoding = decode_text(data)
    except ImportFailed as exc:
        assert str(exc)
        assert "\n" not in str(exc)
    else:
        assert data.decode(encoding) == text
        assert "\ufffd" not in text or "\ufffd".encode(encoding) in data


@given(st.text(max_size=200))
def test_any_text_round_trips_through_utf8(text: str) -> None:
    data = text.encode("utf-8")
    if b"\x00" in data or not data:
        return
    try:
        assert decode_text(data)[0] == text
    except ImportFailed as exc:
        assert "binary" in str(exc)  # only text full of control characters is refused


def chinese_text(chars: str) -> st.SearchStrategy[str]:
    filler = st.sampled_from([",", "。", " ", "\n", "2024", "ABC", "、", "“", "”"])
    pieces = st.lists(st.text(alphabet=chars, min_size=1, max_size=12) | filler, max_size=20)
    return st.tuples(st.text(alphabet=chars, min_size=8, max_size=20), pieces).map(
        lambda parts: parts[0] + "".join(parts[1])
    )


def varied_chinese_text(chars: str) -> st.SearchStrategy[str]:
    """Text that opens with eight different characters, then goes on like chinese_text."""
    head = st.lists(st.sampled_from(chars), min_size=8, max_size=20, unique=True).map("".join)
    return st.tuples(head, chinese_text(chars)).map("".join)


def is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


# A few characters repeated are not enough to tell one CJK encoding from another: the Big5
# bytes of 今今今今今今今今 are also ささささささささ in EUC-JP, those of 詢詢詢詢詢詢詢詢 are
# 高高高高高高高高 in GBK, and GBK's 乐乐彩乐乐乐乐彩 is 있있꽈있있있있꽈 in EUC-KR: equally
# likely texts (hypothesis found such examples). The round trips state what detection can
# promise: varied text comes back in its encoding.
@settings(max_examples=300)
@given(varied_chinese_text(ZH_CHARS))
def test_chinese_text_round_trips_through_gb18030(text: str) -> None:
    data = text.encode("gb18030")
    assume(not is_utf8(data))  # strict UTF-8 comes first by design ("一" is "һ" in UTF-8)
    assert decode_text(data) == (text, "gb18030")


@settings(max_examples=300)
@given(varied_chinese_text(BIG5_CHARS))
@example("架擺舉一者作說什架擺")  # was read as Cyrillic beside brackets (ISO 8859-5)
def test_traditional_text_round_trips_through_big5(text: str) -> None:
    data = text.encode("big5")
    assume(not is_utf8(data))
    assert decode_text(data) == (text, "big5")


@settings(max_examples=300)
@given(chinese_text(BIG5_CHARS))
def test_ambiguous_big5_is_decoded_losslessly_or_refused(text: str) -> None:
    # Whatever it is taken for, the reported codec gives back exactly the text returned. A
    # few characters alternating can also look like damaged UTF-8 (裡裡裡裡快裡快快快… pairs
    # its bytes into valid UTF-8 sequences), which is refused with a clear error.
    data = text.encode("big5")
    assume(not is_utf8(data))
    try:
        decoded, codec = decode_text(data)
    except ImportFailed as exc:
        assert "damaged UTF-8" in str(exc)
    else:
        assert data.decode(codec) == decoded


def test_cjk_bytes_are_not_read_as_cyrillic_beside_brackets() -> None:
    # A Big5 trail byte in @-~ read through ISO 8859-5 puts ASCII symbols against the
    # Cyrillic letters of the lead bytes ("Ќ[", "З|"): no prose does that.
    text = "孩架姨姨會姨架孩會孩姨架姨過"  # was ЋФЌ[ЋМЋМЗ|ЋМЌ[ЋФЗ|ЋФЋМЌ[ЋМЙL
    assert decode_text(text.encode("big5")) == (text, "big5")


def test_repeated_gb18030_characters_are_not_read_as_cyrillic() -> None:
    # Found by hypothesis: the alternating lead and trail bytes of 一一一… read as Cyrillic
    # letters of alternating case through ISO 8859-5, which the detector liked best.
    text = "一一一一一一一一万2024、。,ABC万"
    assert decode_text(text.encode("gb18030")) == (text, "gb18030")


@pytest.mark.parametrize(
    "text",
    [
        "The café’s menu was “simple”: bread, cheese and wine; it cost £20.",
        "¿Dónde está la estación? El señor no lo sabe, dijo la niña.",
        "« Voilà », dit-il, « c’est l’été ; il fait 30 °C à l’ombre. »",
    ],
)
def test_western_signs_are_read_as_windows_1252(text: str) -> None:
    """Found in review: £ read as Ł (cp1250), ¿ as ż or ṡ: through other code pages those
    bytes are letters, which scored above Latin-1's signs."""
    assert decode_text(text.encode("cp1252")) == (text, "cp1252")


def test_cjk_utf16_without_any_nul_byte_is_read() -> None:
    """Found in review: with no NUL at all (no ASCII, no U+xx00 character), the bytes below
    0x20 of CJK code units had the file refused as binary."""
    text = "昨天晚上我们在公园里散步，谈论生活。天气很好，阳光明媚，鸟儿在唱歌。"
    for codec in ("utf-16-le", "utf-16-be"):
        assert decode_text(text.encode(codec)) == (text, codec)
