"""The Whoosh schema, its CJK-aware text field, and how a SearchDocument becomes field values."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from whoosh import fields, formats
from whoosh.analysis import Token, Tokenizer

from reader.search import positions
from reader.search.analysis import (
    ANALYZER_VERSION,
    atom_spans,
    cjk_char_counts,
    fold,
    term_positions,
)
from reader.search.documents import AnnotationDocument, SearchDocument
from reader.search.positions import CompactPositions

# Bump when fields change; together with the analyzer version it names the index format.
# 2: `chars`; annotations (notes, tags, colours, bookmark) in their own documents.
# 3: positions packed by reader.search.positions.
SCHEMA_VERSION = 3
INDEX_FORMAT = f"analyzer-{ANALYZER_VERSION}.schema-{SCHEMA_VERSION}"

# Fields a plain word is looked up in. Title matches weigh 3× through the title's field boost.
TEXT_FIELDS = ("title", "body", "notes", "author")
# The text fields of article documents; the `chars` field holds the characters of these.
ARTICLE_TEXT_FIELDS = ("title", "body", "author")
TITLE_BOOST = 3.0

# The `kind` of the small document holding an article's annotations; its id is this prefix
# and the article's id. Article documents have no `kind`.
ANNOTATIONS = "notes"
ANNOTATION_PREFIX = "n"
# Fields that live in annotation documents, not in article documents.
ANNOTATION_FIELDS = frozenset({"notes", "tags", "colors", "bookmarked", "has_notes"})

_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*://")


class BigramTokenizer(Tokenizer):  # type: ignore[misc]
    """Whoosh face of `reader.search.analysis`, for Whoosh code paths that tokenize text.

    Indexing does not go through it (see `CjkText.index`); it exists so the schema stays a
    complete, self-describing Whoosh schema.
    """

    def __call__(
        self,
        value: str,
        positions: bool = False,
        chars: bool = False,
        keeporiginal: bool = False,
        removestops: bool = True,
        start_pos: int = 0,
        start_char: int = 0,
        tokenize: bool = True,
        mode: str = "",
        **kwargs: Any,
    ) -> Iterator[Token]:
        token = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        pos = start_pos
        for atom, start, end in atom_spans(value):
            texts = atom.terms
            for offset, text in enumerate(texts):
                token.text = text
                token.boost = 1.0
                token.stopped = False
                if keeporiginal:
                    token.original = text
                if positions:
                    token.pos = pos
                if chars:
                    if atom.cjk:
                        token.startchar = start_char + start + offset
                        token.endchar = token.startchar + len(text)
                    else:
                        token.startchar, token.endchar = start_char + start, start_char + end
                pos += 1
                yield token


class CjkText(fields.TEXT):  # type: ignore[misc]
    """A TEXT field with positions (for phrases) whose indexing skips Whoosh's token objects.

    Whoosh builds a Token per term and a generator chain per field; for bigram-heavy text that
    was most of the analysis time. `index` yields the same (term, freq, weight, positions)
    tuples as `formats.Positions.word_values` straight from `analysis.index_terms`.
    Character offsets are not stored: snippets are made from the library's text instead.
    """

    def __init__(self, field_boost: float = 1.0) -> None:
        super().__init__(
            analyzer=BigramTokenizer(),
            phrase=True,
            field_boost=field_boost,
            multitoken_query="phrase",
        )
        self.format = CompactPositions(field_boost=field_boost)

    def index(self, value: Any, **kwargs: Any) -> Iterator[tuple[bytes, int, float, bytes]]:
        if not isinstance(value, str):
            yield from super().index(value, **kwargs)
            return
        boost = self.format.field_boost
        for term, poslist in term_positions(value).items():
            yield (
                term.encode("utf-8"),
                len(poslist),
                len(poslist) * boost,
                encode_positions(poslist),
            )


class CjkChars(fields.FieldType):  # type: ignore[misc]
    """Each distinct CJK character of a document once, weighted by its count; no positions.

    A one-character query looks here: bigrams hold a character only where it starts one.
    The value is a sequence of (text, boost) pairs, so title characters weigh more. The
    weight is the whole posting (Existence format): the count stored again as a value cost
    a tenth of the field's size for nothing a query reads.
    """

    def __init__(self) -> None:
        self.format = formats.Existence()
        self.analyzer = BigramTokenizer()
        self.scorable = True
        self.stored = False
        self.unique = False
        self.vector = None

    def index(self, value: Any, **kwargs: Any) -> Iterator[tuple[bytes, int, float, bytes]]:
        counts: dict[str, int] = {}
        weights: dict[str, float] = {}
        for text, boost in value:
            for char, count in cjk_char_counts(text).items():
                counts[char] = counts.get(char, 0) + count
                weights[char] = weights.get(char, 0.0) + count * boost
        for char, count in counts.items():
            yield char.encode("utf-8"), count, weights[char], b""


def encode_positions(poslist: list[int]) -> bytes:
    return positions.encode(poslist)


def single_position(pos: int) -> bytes:
    return positions.single(pos)


def make_schema() -> fields.Schema:
    return fields.Schema(
        id=fields.ID(stored=True, unique=True),
        kind=fields.ID(),
        title=CjkText(field_boost=TITLE_BOOST),
        body=CjkText(),
        notes=CjkText(),
        author=CjkText(),
        chars=CjkChars(),
        section=fields.ID(),
        site=fields.ID(),
        language=fields.ID(),
        tags=fields.KEYWORD(commas=True, lowercase=True),
        colors=fields.KEYWORD(commas=True, lowercase=True),
        bookmarked=fields.BOOLEAN(),
        has_notes=fields.BOOLEAN(),
        # Day numbers (date.toordinal), not DATETIME: the dates are days, and a missing date
        # must sort last in a newest-first list (DATETIME's column default sorts it first).
        # Signed: Whoosh's range queries on unsigned NUMERIC fields match everything.
        published=fields.NUMERIC(int, bits=32, sortable=True, default=0),
    )


def fold_value(value: str) -> str:
    """A metadata value as stored and matched: folded, inner whitespace collapsed."""
    return " ".join(fold(value).split())


def site_values(site: str) -> list[str]:
    """Every form `site:` should find a site by: the host, its parent domains and its names.

    "https://www.nytimes.com/x" → www.nytimes.com, nytimes.com, nytimes (and www is dropped).
    """
    host = normalize_site(site)
    if not host:
        return []
    values = [host]
    labels = host.split(".")
    if len(labels) > 1 and " " not in host:
        values += [".".join(labels[i:]) for i in range(1, len(labels) - 1)]
        values += [label for label in labels[:-1] if label != "www"]
    return list(dict.fromkeys(values))


def normalize_site(site: str) -> str:
    """A site as typed or stored → folded host or name, without scheme, path or port."""
    value = _SCHEME.sub("", fold_value(site))
    if "." in value and " " not in value:
        value = value.split("/", 1)[0].split(":", 1)[0]
    return value.strip()


def document_fields(doc: SearchDocument) -> dict[str, Any]:
    """The keyword arguments `writer.add_document` takes for an article's own document."""
    values: dict[str, Any] = {
        "id": str(doc.id),
        "title": doc.title,
        "body": doc.body,
        "chars": ((doc.title, TITLE_BOOST), (doc.body, 1.0), (doc.author or "", 1.0)),
        "published": doc.published.toordinal() if doc.published else 0,
    }
    if doc.author:
        values["author"] = doc.author
    if doc.section and (section := fold_value(doc.section)):
        values["section"] = section
    if doc.site and (sites := site_values(doc.site)):
        values["site"] = sites
    if doc.language:
        values["language"] = doc.language.strip().lower()
    return values


def annotation_key(article_id: int) -> str:
    return f"{ANNOTATION_PREFIX}{article_id}"


def annotation_fields(doc: AnnotationDocument) -> dict[str, Any] | None:
    """The fields of an article's annotation document; None when it has no annotations."""
    if not doc:
        return None
    values: dict[str, Any] = {
        "id": annotation_key(doc.id),
        "kind": ANNOTATIONS,
        "bookmarked": doc.bookmarked,
        "has_notes": bool(doc.notes.strip()),
    }
    if doc.notes:
        values["notes"] = doc.notes
        values["chars"] = ((doc.notes, 1.0),)
    tags = [tag for tag in (fold_value(t) for t in doc.tags) if tag]
    if tags:
        values["tags"] = tags
    colors = [color.strip().lower() for color in doc.colors if color.strip()]
    if colors:
        values["colors"] = colors
    return values
