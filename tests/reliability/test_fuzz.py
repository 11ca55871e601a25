"""Fuzzing: importers and search never raise anything but their expected errors, nor hang."""

from __future__ import annotations

import contextlib
import os
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from reader.errors import ImportFailed
from reader.importers import SUPPORTED_SUFFIXES, import_bytes
from reader.paths import DataPaths
from reader.services.library import Library
from tests.reliability.conftest import fill

EXAMPLES = int(os.environ.get("READER_FUZZ_EXAMPLES", "100"))
# A hang guard per example (milliseconds each on a quiet machine): inputs of a few KB cannot
# show a quadratic blow-up reliably on a loaded machine; the big-input tests and bench/ do.
# No Hypothesis deadline either: it is the same stopwatch.
HANG_GUARD_S = 30
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
    database=None,
)
SUFFIXES = sorted(SUPPORTED_SUFFIXES)
ENCODINGS = ["utf-8", "utf-16", "gb18030", "big5", "shift_jis", "euc-kr"]


@pytest.fixture(scope="module", autouse=True)
def _warm_importers() -> None:
    """Load every importer (and its libraries) once, so no example pays for an import."""
    for suffix in SUFFIXES:
        with contextlib.suppress(ImportFailed):
            import_bytes(b"<p>Warm up the importer with a sentence.</p>", f"x{suffix}")


def _import(data: bytes, suffix: str) -> None:
    started = time.monotonic()
    try:
        article = import_bytes(data, f"fuzz{suffix}")
    except ImportFailed as exc:
        assert str(exc) and "\n" not in str(exc)
    else:
        assert article.title.strip() or article.text.strip()
        assert "<script" not in article.html.lower()
    assert time.monotonic() - started < HANG_GUARD_S


@FUZZ
@given(data=st.binary(max_size=4096), suffix=st.sampled_from(SUFFIXES))
def test_random_bytes(data: bytes, suffix: str) -> None:
    _import(data, suffix)


_MARKUP = st.sampled_from(
    ["<p>", "</p>", "<div>", "<title>", "</title>", "<script>", "<!--", "-->", "<![CDATA[",
     "&#0;", "&#x110000;", "<img src=x>", "\x00", "\ufeff", "\u202e", "# ", "\r\n", "当前位置: ",
     "Content-Type: multipart/related; boundary=\"B\"\r\n\r\n--B\r\n", "--B--", "【", "】"]
)  # fmt: skip


@FUZZ
@given(
    pieces=st.lists(st.one_of(st.text(max_size=200), _MARKUP), max_size=40),
    encoding=st.sampled_from(ENCODINGS),
    suffix=st.sampled_from(SUFFIXES),
)
def test_random_text_in_random_encodings(pieces: list[str], encoding: str, suffix: str) -> None:
    text = "".join(pieces)
    try:
        data = text.encode(encoding)
    except UnicodeEncodeError:
        data = text.encode(encoding, errors="ignore")
    assume(data)
    _import(data, suffix)


@pytest.fixture(scope="module")
def small_library(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Library]:
    root: Path = tmp_path_factory.mktemp("fuzz") / "library"
    with Library(DataPaths(root)) as lib:
        fill(lib, 30, notes_every=3)
        lib.search("warm")  # builds the index once
        yield lib


_QUERY_BITS = st.sampled_from(
    ['"', "(", ")", ":", "*", "?", "-", "+", "OR", "AND", "NOT", "title:", "site:", "date:",
     "after:", "before:", "tag:", "color:", "is:", "has:", "lang:", "[", "]", "{", "}", "^",
     "~", "\\", "风筝", "kites", "2024-13-45", "\u200b", "\u202e", "\x00", " "]
)  # fmt: skip


@FUZZ
@given(parts=st.lists(st.one_of(st.text(max_size=20), _QUERY_BITS), max_size=12))
def test_random_search_queries(small_library: Library, parts: list[str]) -> None:
    query = "".join(parts)
    started = time.monotonic()
    for sort in ("rank", "date"):
        result = small_library.search(query, limit=5, sort=sort)
        assert result.total >= len(result.hits)
    assert time.monotonic() - started < 2 * HANG_GUARD_S
