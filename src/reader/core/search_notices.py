"""What a search tells the user about its query: a stable kind, its values, the English text."""

from __future__ import annotations

from dataclasses import dataclass

# Front ends translate by kind (the window); the CLI prints `text`. A new kind needs a line
# here and one in the window's table of translations (a test checks that every kind has one).
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
    "rebuilding": "The search index is being rebuilt; results will appear when it is done.",
    "index_rebuilt": "{detail}",  # why, in the services' words (e.g. "it was missing")
}


@dataclass(frozen=True)
class SearchNotice:
    """One thing said about a query, e.g. kind "bad_date" with value "2024-13"."""

    kind: str
    values: tuple[tuple[str, str], ...] = ()

    @property
    def text(self) -> str:
        """The English sentence (the CLI's, and the window's when it has no translation)."""
        return ENGLISH[self.kind].format(**self.params)

    @property
    def params(self) -> dict[str, str]:
        return dict(self.values)


def notice(kind: str, **values: object) -> SearchNotice:
    if kind not in ENGLISH:
        raise ValueError(f"unknown search notice {kind!r}")
    return SearchNotice(kind, tuple((k, str(v)) for k, v in values.items()))
