"""Our query syntax, parsed by hand into a small tree that never raises on any input.

    words            all must match (in title, body, notes or author)
    a OR b           either (binds tighter than the implicit AND: `x a OR b` is x AND (a OR b))
    -word, NOT word  must not match
    "a phrase"       in this order; spaces between CJK characters are ignored
    (a OR b) c       grouping
    word*            words starting with "word" (3+ letters; a leading * is refused)
    title: author: notes: body:       text in one field: title:word, title:"a phrase"
    section: site:   start of the value, case-insensitive; site:nytimes finds www.nytimes.com
    lang:zh          zh, zh-Hans, zh-Hant...      tag:x  color:yellow
    is:bookmarked  has:notes
    after:2024-01-01  before:2024-12  date:2024-10  (inclusive; year, month or day)

Anything malformed is repaired (stray operators and brackets dropped, an unpaired quote
ignored) and described in `ParsedQuery.notices`. Input is capped in length and clauses.
"""

from __future__ import annotations

import calendar
import datetime
import re
from dataclasses import dataclass, field

from reader.core.notices import Notice
from reader.core.search_notices import notice

MAX_QUERY_CHARS = 1000
MAX_CLAUSES = 32
MAX_DEPTH = 20

TEXT_PREFIXES = {"title": "title", "author": "author", "notes": "notes", "body": "body"}
FILTER_PREFIXES = {"section", "site", "lang", "tag", "color", "is", "has"}
DATE_PREFIXES = {"after", "before", "date"}
_FLAGS = {
    ("is", "bookmarked"): "bookmarked",
    ("has", "notes"): "has_notes",
    ("has", "note"): "has_notes",
}
_DATE = re.compile(r"^(\d{4})(?:[-/.](\d{1,2})(?:[-/.](\d{1,2}))?)?$")
# What a filter's name looks like (title:, site:, is:): a few lower-case ASCII letters. Not
# "10:30", "C:", "Re:Zero", "ISBN:978...", a URL's "https://", C++'s "std::vector", nor the
# schemes and labels below.
_PREFIX_LIKE = re.compile(r"[a-z]{2,12}")
_LABELS = frozenset({"re", "fw", "fwd", "mailto", "tel", "urn", "doi", "isbn", "arxiv", "pmid"})


def _looks_like_a_filter(name: str, value: str) -> bool:
    return bool(_PREFIX_LIKE.fullmatch(name)) and name not in _LABELS and value[0] not in ":/"


@dataclass(frozen=True)
class Text:
    """Words or a quoted phrase, in one field or (field None) in all text fields."""

    text: str
    field: str | None = None
    phrase: bool = False
    prefix: bool = False


@dataclass(frozen=True)
class Filter:
    """A metadata condition: section, site, lang, tag, color, bookmarked, has_notes."""

    kind: str
    value: str = ""


@dataclass(frozen=True)
class DateRange:
    """Published between `start` and `end`, both inclusive; None is open."""

    start: datetime.date | None
    end: datetime.date | None


@dataclass(frozen=True)
class Not:
    node: Node


@dataclass(frozen=True)
class And:
    nodes: tuple[Node, ...]


@dataclass(frozen=True)
class Or:
    nodes: tuple[Node, ...]


Node = Text | Filter | DateRange | Not | And | Or


@dataclass
class ParsedQuery:
    node: Node | None
    notices: list[Notice] = field(default_factory=list)

    @property
    def messages(self) -> list[str]:
        """The notices in English."""
        return [said.text for said in self.notices]

    @property
    def highlights(self) -> tuple[str, ...]:
        """Words and phrases the user wants to see, for snippets and the reading pane."""
        found: list[str] = []
        _collect_highlights(self.node, found)
        return tuple(dict.fromkeys(found))


def _collect_highlights(node: Node | None, found: list[str]) -> None:
    if isinstance(node, Text):
        found.append(node.text)
    elif isinstance(node, And | Or):
        for child in node.nodes:
            _collect_highlights(child, found)


# Lexing ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Token:
    kind: str  # "word", "phrase", "or", "and", "not", "(", ")"
    text: str = ""
    negated: bool = False
    prefix: str = ""  # "title" in title:"a phrase"


_SPECIAL = '()"'
_FULLWIDTH_QUOTES = str.maketrans({"“": '"', "”": '"', "＂": '"', "（": "(", "）": ")"})


def _lex(query: str, notices: list[Notice]) -> list[_Token]:
    tokens: list[_Token] = []
    text = query.translate(_FULLWIDTH_QUOTES)
    i, n = 0, len(text)
    while i < n:
        char = text[i]
        if char.isspace():
            i += 1
        elif char in "()":
            tokens.append(_Token(char))
            i += 1
        elif char == "-" and text.startswith("-(", i):
            tokens.append(_Token("not"))
            i += 1
        elif char == '"' or (char == "-" and text.startswith('-"', i)):
            negated = char == "-"
            start = i + 2 if negated else i + 1
            end = text.find('"', start)
            if end < 0:
                notices.append(notice("unbalanced_quote"))
                i = start
                continue
            tokens.append(_Token("phrase", text[start:end], negated))
            i = end + 1
        else:
            end = i
            while end < n and not text[end].isspace() and text[end] not in _SPECIAL:
                end += 1
            word = text[i:end]
            i = end
            if word.endswith(":") and i < n and text[i] == '"':
                close = text.find('"', i + 1)
                if close >= 0:
                    negated = word.startswith("-") and len(word) > 2
                    name = word[1:-1] if negated else word[:-1]
                    tokens.append(_Token("phrase", text[i + 1 : close], negated, name.lower()))
                    i = close + 1
                    continue
            tokens.append(_word_token(word))
    return tokens


def _word_token(word: str) -> _Token:
    if word in ("OR", "|", "||"):
        return _Token("or")
    if word in ("AND", "&&"):
        return _Token("and")
    if word == "NOT":
        return _Token("not")
    if word.startswith("-") and len(word) > 1:
        return _Token("word", word[1:], negated=True)
    return _Token("word", word)


# Parsing -----------------------------------------------------------------------------------


class _Parser:
    def __init__(self, tokens: list[_Token], notices: list[Notice]) -> None:
        self.tokens = tokens
        self.pos = 0
        self.notices = notices
        self.clauses = 0

    def note(self, kind: str, **values: object) -> None:
        said = notice(kind, **values)
        if said not in self.notices:
            self.notices.append(said)

    def peek(self) -> _Token | None:
        return self.tokens[self.pos] if self.pos < len(self.tokens) else None

    def parse(self) -> Node | None:
        node = self.and_expr(0)
        while self.peek() is not None:  # only a stray ")" stops and_expr early
            self.pos += 1
            self.note("unmatched_bracket")
            more = self.and_expr(0)
            node = _and([n for n in (node, more) if n is not None])
        return node

    def and_expr(self, depth: int) -> Node | None:
        nodes: list[Node] = []
        while (token := self.peek()) is not None and token.kind != ")":
            if token.kind in ("and", "or"):
                self.pos += 1
                if token.kind == "or" or not nodes:
                    self.note("stray_operator", operator="OR" if token.kind == "or" else "AND")
                continue
            node = self.or_expr(depth)
            if node is not None:
                nodes.append(node)
        return _and(nodes)

    def or_expr(self, depth: int) -> Node | None:
        nodes = [self.unary(depth)]
        while (token := self.peek()) is not None and token.kind == "or":
            self.pos += 1
            following = self.peek()
            if following is None or following.kind in ("or", "and", ")"):
                self.note("stray_operator", operator="OR")
                continue
            nodes.append(self.unary(depth))
        present = [n for n in nodes if n is not None]
        if len(present) <= 1:
            return present[0] if present else None
        return Or(tuple(present))

    def unary(self, depth: int) -> Node | None:
        token = self.peek()
        if token is None:
            return None
        if token.kind == "not":
            self.pos += 1
            if self.peek() is None:
                self.note("stray_operator", operator="NOT")
                return None
            inner = self.unary(depth)
            return Not(inner) if inner is not None else None
        if token.kind == "(":
            self.pos += 1
            if depth >= MAX_DEPTH:
                self.note("nested_too_deeply")
                return None
            inner = self.and_expr(depth + 1)
            closing = self.peek()
            if closing is not None and closing.kind == ")":
                self.pos += 1
            else:
                self.note("unbalanced_bracket")
            return inner
        if token.kind == ")":  # and_expr stops on ")", so only reached via OR/NOT
            return None
        self.pos += 1
        node = self.clause(token)
        if node is None:
            return None
        return Not(node) if token.negated else node

    def clause(self, token: _Token) -> Node | None:
        if self.clauses >= MAX_CLAUSES:
            self.note("too_many_clauses", limit=MAX_CLAUSES)
            return None
        self.clauses += 1
        if token.kind == "phrase":
            if token.prefix in FILTER_PREFIXES or token.prefix in DATE_PREFIXES:
                return self.field_clause(token.prefix, token.text)
            if token.prefix in TEXT_PREFIXES and not token.text.strip():
                self.note("empty_filter", field=token.prefix)
            field_name = TEXT_PREFIXES.get(token.prefix)
            return Text(token.text, field_name, phrase=True) if token.text.strip() else None
        name, sep, value = token.text.partition(":")
        key = name.lower()
        if sep and (key in TEXT_PREFIXES or key in FILTER_PREFIXES or key in DATE_PREFIXES):
            return self.field_clause(key, value)
        if sep and value.strip() and _looks_like_a_filter(name, value):
            # "foo:领导人" looked for "foo" too, and found nothing, silently. A word of letters
            # before a colon reads as a filter's name: the user is told, and the rest searched.
            self.note("unknown_prefix", field=name, value=value)
            return self.word(value, None)
        return self.word(token.text, None)

    def field_clause(self, key: str, value: str) -> Node | None:
        value = value.strip()
        if not value:
            self.note("empty_filter", field=key)
            return None
        if key in TEXT_PREFIXES:
            return self.word(value, TEXT_PREFIXES[key])
        if key in DATE_PREFIXES:
            return self.date_clause(key, value)
        if key in ("is", "has"):
            flag = _FLAGS.get((key, value.lower()))
            if flag is None:
                self.note("unknown_value", field=key, value=value)
                return None
            return Filter(flag)
        return Filter(key, value)

    def word(self, text: str, field_name: str | None) -> Node | None:
        if text.startswith(("*", "?")):
            self.note("leading_wildcard")
            text = text.lstrip("*?")
        prefix = text.endswith("*") and len(text.rstrip("*")) >= 3
        text = text.rstrip("*?") if prefix else text.replace("*", " ").replace("?", " ")
        if not text.strip():
            return None
        return Text(text, field_name, prefix=prefix)

    def date_clause(self, key: str, value: str) -> Node | None:
        span = parse_date_span(value)
        if span is None:
            self.note("bad_date", value=value)
            return None
        first, last = span
        if key == "after":
            return DateRange(first, None)
        if key == "before":
            return DateRange(None, last)
        return DateRange(first, last)


def _and(nodes: list[Node]) -> Node | None:
    if not nodes:
        return None
    return nodes[0] if len(nodes) == 1 else And(tuple(nodes))


def parse_date_span(value: str) -> tuple[datetime.date, datetime.date] | None:
    """The first and last day a year, month or day names: "2024-10" → Oct 1 … Oct 31."""
    match = _DATE.match(value)
    if not match:
        return None
    year, month, day = (int(g) if g else None for g in match.groups())
    assert year is not None
    try:
        if month is None:
            return datetime.date(year, 1, 1), datetime.date(year, 12, 31)
        if day is None:
            last = calendar.monthrange(year, month)[1]
            return datetime.date(year, month, 1), datetime.date(year, month, last)
        exact = datetime.date(year, month, day)
        return exact, exact
    except ValueError:
        return None


def parse_query(query: str) -> ParsedQuery:
    """Parse the user's query; never raises."""
    notices: list[Notice] = []
    if len(query) > MAX_QUERY_CHARS:
        query = query[:MAX_QUERY_CHARS]
        notices.append(notice("query_too_long", limit=MAX_QUERY_CHARS))
    tokens = _lex(query, notices)
    node = _Parser(tokens, notices).parse()
    return ParsedQuery(node, notices)
