"""The search box's warnings in the interface language: one translation per notice kind."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QCoreApplication

from reader.core.search_notices import SearchNotice

# Literal calls, so lupdate sees every one; lambdas, so the lookup happens when shown.
_TEMPLATES: dict[str, Callable[[], str]] = {
    "unbalanced_quote": lambda: QCoreApplication.translate(
        "SearchNotices", "unbalanced quote; searched for the words instead"
    ),
    "unmatched_bracket": lambda: QCoreApplication.translate(
        "SearchNotices", "ignored an unmatched )"
    ),
    "stray_operator": lambda: QCoreApplication.translate(
        "SearchNotices", "ignored a stray {operator}"
    ),
    "nested_too_deeply": lambda: QCoreApplication.translate(
        "SearchNotices", "brackets nested too deeply; ignored them"
    ),
    "unbalanced_bracket": lambda: QCoreApplication.translate(
        "SearchNotices", "unbalanced bracket; ignored it"
    ),
    "too_many_clauses": lambda: QCoreApplication.translate(
        "SearchNotices", "searched only the first {limit} words"
    ),
    "empty_filter": lambda: QCoreApplication.translate("SearchNotices", "nothing after {field}:"),
    "unknown_value": lambda: QCoreApplication.translate(
        "SearchNotices", "unknown {field}:{value}; ignored it"
    ),
    "leading_wildcard": lambda: QCoreApplication.translate(
        "SearchNotices", "words cannot start with a wildcard; searched without it"
    ),
    "bad_date": lambda: QCoreApplication.translate(
        "SearchNotices", "not a date: {value} (use 2024, 2024-10 or 2024-10-26)"
    ),
    "query_too_long": lambda: QCoreApplication.translate(
        "SearchNotices", "query shortened to its first {limit} characters"
    ),
    "nothing_to_search": lambda: QCoreApplication.translate(
        "SearchNotices", "nothing to search for in that query"
    ),
    "nothing_searchable": lambda: QCoreApplication.translate(
        "SearchNotices", "nothing searchable in '{text}'"
    ),
    "phrase_too_long": lambda: QCoreApplication.translate(
        "SearchNotices", "searched the first {limit} words of a long phrase"
    ),
    "too_many_terms": lambda: QCoreApplication.translate(
        "SearchNotices", "query shortened: it had more than {limit} terms"
    ),
    "unknown_filter": lambda: QCoreApplication.translate(
        "SearchNotices", "unknown filter {field}:"
    ),
    "index_rebuilt": lambda: QCoreApplication.translate(
        "SearchNotices", "The search index was rebuilt."
    ),
    "rebuilding": lambda: QCoreApplication.translate(
        "SearchNotices",
        "The search index is being rebuilt; results will appear when it is done.",
    ),
}


def notice_text(said: SearchNotice) -> str:
    """One notice in the interface language; its English text for a kind we do not know."""
    if said.kind not in _TEMPLATES:
        return said.text
    return _TEMPLATES[said.kind]().format(**said.params)


def notices_text(notices: Sequence[SearchNotice]) -> str:
    separator = QCoreApplication.translate("SearchNotices", "; ")
    return separator.join(notice_text(said) for said in notices)


def english_text(notices: Sequence[SearchNotice]) -> str:
    """The message the services built from these notices (a rebuild is said first)."""
    rebuilt = [said.text for said in notices if said.kind == "index_rebuilt"]
    rest = "; ".join(said.text for said in notices if said.kind != "index_rebuilt")
    return " ".join(part for part in (*rebuilt, rest) if part)


def known_kinds() -> frozenset[str]:
    return frozenset(_TEMPLATES)
