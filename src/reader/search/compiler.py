"""Turns a parsed query tree into Whoosh query objects, analysing words as the index did."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from whoosh import query as wq

from reader.core.notices import Notice
from reader.core.search_notices import notice
from reader.search.analysis import atoms, join_cjk
from reader.search.annotations import OnAnnotations
from reader.search.phrase import FastPhrase
from reader.search.query import And, DateRange, Filter, Node, Not, Or, ParsedQuery, Text
from reader.search.schema import (
    ANNOTATION_FIELDS,
    ARTICLE_TEXT_FIELDS,
    TEXT_FIELDS,
    fold_value,
    normalize_site,
)

# A phrase longer than this is cut: a pasted paragraph of Chinese would otherwise be a
# phrase of hundreds of bigrams, and its first bigrams already pin the passage down.
MAX_PHRASE_TERMS = 24
# Terms looked up for one query, each field counted apart, as Lucene's max clause count
# (1024) does: the parser's 32 clauses of 24-term phrases in 4 fields would be 3,072.
MAX_TERMS = 1024


class _Or(wq.Or):  # type: ignore[misc]
    """Or as a tree of union matchers, always.

    On segments under 5,000 documents Whoosh picks a matcher that first fills a 2,048-slot
    array in Python for every Or in every segment: most of the time of a typical query.
    """

    matcher_type = wq.Or.DEFAULT_MATCHER


@dataclass
class Compiled:
    query: wq.Query | None
    notices: list[Notice] = field(default_factory=list)

    @property
    def messages(self) -> list[str]:
        """The notices in English."""
        return [said.text for said in self.notices]


def compile_query(parsed: ParsedQuery) -> Compiled:
    """The Whoosh query for `parsed`, or None when nothing searchable is left."""
    result = Compiled(None, list(parsed.notices))
    node = parsed.node
    if node is None:
        return result
    compiler = _Compiler(result.notices)
    compiled = compiler.node(node)
    if compiled is not None and compiler.positive(node):
        result.query = compiled
    elif compiled is not None:
        # Only exclusions ("-draft"): exclude from everything.
        result.query = wq.And([wq.Every(), compiled])
    elif not result.notices:
        result.notices.append(notice("nothing_to_search"))
    return result


class _Compiler:
    def __init__(self, notices: list[Notice]) -> None:
        self.notices = notices
        self.terms_left = MAX_TERMS

    def note(self, kind: str, **values: object) -> None:
        said = notice(kind, **values)
        if said not in self.notices:
            self.notices.append(said)

    def positive(self, node: Node) -> bool:
        """Whether `node` matches something by itself (not only by excluding)."""
        if isinstance(node, Not):
            return False
        if isinstance(node, And):
            return any(self.positive(child) for child in node.nodes)
        if isinstance(node, Or):
            return all(self.positive(child) for child in node.nodes)
        return True

    def node(self, node: Node) -> wq.Query | None:
        if isinstance(node, Text):
            return self.text(node)
        if isinstance(node, Filter):
            return self.filter(node)
        if isinstance(node, DateRange):
            return self.dates(node)
        if isinstance(node, Not):
            inner = self.node(node.node)
            return wq.Not(inner) if inner is not None else None
        children = [q for q in (self.node(child) for child in node.nodes) if q is not None]
        if not children:
            return None
        if len(children) == 1:
            return children[0]
        if isinstance(node, And):
            if not any(self.positive(child) for child in node.nodes):
                return wq.And([wq.Every(), *children])
            return wq.And(children)
        return _Or(children)

    def text(self, node: Text) -> wq.Query | None:
        source = join_cjk(node.text) if node.phrase else node.text
        parts = atoms(source)
        if not parts:
            self.note("nothing_searchable", text=node.text)
            return None
        fields = (node.field,) if node.field else TEXT_FIELDS
        if node.prefix and len(parts) == 1 and not parts[0].cjk:
            if not self.spend([parts[0].text], len(fields)):
                return None
            return _split(fields, lambda name: wq.Prefix(name, parts[0].text))
        terms = [term for atom in parts for term in atom.terms]
        if len(terms) > MAX_PHRASE_TERMS:
            self.note("phrase_too_long", limit=MAX_PHRASE_TERMS)
            terms = terms[:MAX_PHRASE_TERMS]
        terms = self.spend(terms, len(fields))
        if not terms:
            return None
        if len(terms) == 1 and parts[0].cjk and len(terms[0]) == 1:
            return _one_char(fields, terms[0])
        if len(terms) == 1:
            return _split(fields, lambda name: wq.Term(name, terms[0]))
        return _split(fields, lambda name: FastPhrase(name, terms))

    def spend(self, terms: list[str], fields: int) -> list[str]:
        """The terms that still fit in the query's budget (all, fewer, or none)."""
        fit = min(len(terms), self.terms_left // fields)
        if fit < len(terms):
            self.note("too_many_terms", limit=MAX_TERMS)
        self.terms_left -= fit * fields
        return terms[:fit]

    def filter(self, node: Filter) -> wq.Query | None:
        kind, value = node.kind, node.value
        if kind in ("bookmarked", "has_notes"):
            return OnAnnotations(wq.Term(kind, True))
        if kind == "section":
            folded = fold_value(value)
            return wq.Prefix("section", folded) if folded else None
        if kind == "site":
            site = normalize_site(value)
            return wq.Prefix("site", site) if site else None
        if kind == "lang":
            lang = value.strip().lower().replace("_", "-")
            return _Or([wq.Term("language", lang), wq.Prefix("language", lang + "-")])
        if kind == "tag":
            return OnAnnotations(wq.Term("tags", fold_value(value)))
        if kind == "color":
            return OnAnnotations(wq.Term("colors", value.strip().lower()))
        self.note("unknown_filter", field=kind)
        return None

    def dates(self, node: DateRange) -> wq.Query:
        # Undated articles are stored as day 0, so every range starts at day 1 at the least.
        start = node.start.toordinal() if node.start else 1
        end = node.end.toordinal() if node.end else None
        return wq.NumericRange("published", start, end)


def _split(fields: Iterable[str], query: Callable[[str], wq.Query]) -> wq.Query:
    """`query` in each field: article fields directly, annotation fields through a join."""
    found = [
        OnAnnotations(query(name)) if name in ANNOTATION_FIELDS else query(name) for name in fields
    ]
    return _any_field(found)


def _one_char(fields: tuple[str, ...], char: str) -> wq.Query:
    """A lone CJK character, found wherever it occurs.

    Bigrams hold a character only where it starts one (its last place in a run is missed),
    so the `chars` field, every distinct character of a document, answers instead. A query
    limited to one article field has no such list: there the bigrams starting with it do.
    """
    found: list[wq.Query] = []
    if "notes" in fields:
        found.append(OnAnnotations(wq.Term("chars", char)))
    article = [name for name in fields if name not in ANNOTATION_FIELDS]
    if set(ARTICLE_TEXT_FIELDS) <= set(article):
        found.append(wq.Term("chars", char))
    else:
        found += [_Or([wq.Term(name, char), wq.Prefix(name, char)]) for name in article]
    return _any_field(found)


def _any_field(queries: Iterable[wq.Query]) -> wq.Query:
    found = list(queries)
    return found[0] if len(found) == 1 else _Or(found)
