"""Which charset a fetched page is read in: the server's header, the page's meta, detection."""

from __future__ import annotations

import pytest

from reader.capture.page import decode_page

TEXT = "日本語の記事です。東京の天気は晴れ、気温は二十度まで上がる見込みです。"


def page(body: str, meta: str | None, codec: str) -> bytes:
    head = f'<meta charset="{meta}">' if meta else ""
    return f"<html><head>{head}</head><body><p>{body}</p></body></html>".encode(codec)


def test_a_specific_header_charset_is_used_when_the_page_declares_none() -> None:
    text, encoding = decode_page(page(TEXT, None, "shift_jis"), "Shift_JIS")
    assert TEXT in text and encoding == "shift_jis"


@pytest.mark.parametrize("header", ["ISO-8859-1", "windows-1252", None])
def test_a_default_or_missing_header_leaves_it_to_the_page(header: str | None) -> None:
    # Latin-1 decodes any bytes, so a server's default label would turn GBK into mojibake.
    text, _ = decode_page(page("老城区道路改造工程", "gbk", "gbk"), header)
    assert "老城区道路改造工程" in text


def test_a_header_the_bytes_contradict_is_ignored() -> None:
    text, _ = decode_page(page(TEXT, "shift_jis", "shift_jis"), "utf-8")
    assert TEXT in text


def test_utf8_bytes_win_over_a_legacy_header() -> None:
    text, encoding = decode_page(page("老城区道路改造工程", None, "utf-8"), "gbk")
    assert "老城区道路改造工程" in text and encoding == "utf-8"
