"""What a search tells the user about its query: a stable kind, its values, the English text."""

from __future__ import annotations

from reader.core.notices import Notice, notice_from

# A new kind needs a line here and one in the window's translations (gui/notices.py).
ENGLISH = {
    "unbalanced_quote": "unbalanced quote; searched for the words instead",
    "unmatched_bracket": "ignored an unmatched )",
    "stray_operator": "ignored a stray {operator}",
    "nested_too_deeply": "brackets nested too deeply; ignored them",
    "unbalanced_bracket": "unbalanced bracket; ignored it",
    "too_many_clauses": "searched only the first {limit} words",
    "empty_filter": "nothing after {field}:",
    "unknown_value": "unknown {field}:{value}; ignored it",
    "leading_wildcard": "words cannot start with a wildcard; searched without it",
    "bad_date": "not a date: {value} (use 2024, 2024-10 or 2024-10-26)",
    "query_too_long": "query shortened to its first {limit} characters",
    "nothing_to_search": "nothing to search for in that query",
    "nothing_searchable": "nothing searchable in '{text}'",
    "phrase_too_long": "searched the first {limit} words of a long phrase",
    "too_many_terms": "query shortened: it had more than {limit} terms",
    "unknown_filter": "unknown filter {field}:",
    "unknown_prefix": "{field}: is not a filter; searched for {value} alone",
    "rebuilding": "The search index is being rebuilt; results will appear when it is done.",
    "index_rebuilt": "{detail}",  # why, in the services' words (e.g. "it was missing")
}


def notice(kind: str, **values: object) -> Notice:
    """One thing said about a query, e.g. kind "bad_date" with value "2024-13"."""
    return notice_from(ENGLISH, kind, values, "search notice")
