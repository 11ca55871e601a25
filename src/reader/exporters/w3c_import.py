"""W3C Web Annotation (JSON-LD) import: what w3c exports, and other tools' annotations."""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime

from reader.core.annotation import (
    AnchorStatus,
    ArticleAnnotations,
    ArticleKey,
    Color,
    Highlight,
    ImportedAnnotations,
    Note,
    TextPositionSelector,
    TextQuoteSelector,
    normalize_tags,
)
from reader.errors import InvalidAnnotations, ReaderError
from reader.exporters.w3c import (
    ARTICLE_URN,
    CONTENT_HASH,
    STATUS,
    STYLE_PREFIX,
    TITLE,
    VOCAB,
    Json,
)

# Limits of one import: far above any real reader's annotations, far below what makes an
# article slow to open (10^6 highlights on one article took 181 s and 7.4 GB).
MAX_FILE_BYTES = 50 * 1024 * 1024
MAX_ANNOTATIONS = 20_000
MAX_HIGHLIGHTS_PER_ARTICLE = 5_000
MAX_POSITION = 2**31  # far beyond any article's length; SQLite's integers end at 2**63


@dataclass
class AnnotationImport:
    """Annotations read from a document, grouped by the article they point at."""

    groups: list[ImportedAnnotations] = field(default_factory=list)
    meanings: dict[Color, str] = field(default_factory=dict)
    skipped: int = 0  # annotations we could not read or place, or over the limits
    # Pages a collection names by IRI that the file does not hold (reading them would need
    # the network): their annotations are not imported.
    linked_pages: list[str] = field(default_factory=list)


def loads(text: str | bytes) -> AnnotationImport:
    """Read a JSON-LD document: a collection, a page, one annotation or a list of them.

    A file that is not JSON we can hold (NaN, 1e400, nesting deeper than Python's stack,
    text with lone surrogates, more than MAX_FILE_BYTES) is refused whole, before anything is
    imported; single annotations we cannot read are skipped and counted.
    """
    if len(text) > MAX_FILE_BYTES:
        raise InvalidAnnotations(f"the file is larger than {MAX_FILE_BYTES // 2**20} MB")
    try:
        document = json.loads(text, parse_constant=_refuse_constant, parse_float=_finite)
        # Lone surrogates ("\ud800") decode fine but cannot be stored: refuse them here.
        json.dumps(document, ensure_ascii=False).encode("utf-8")
    except UnicodeError:
        raise InvalidAnnotations("the file holds text that is not valid Unicode") from None
    except RecursionError:
        raise InvalidAnnotations("the JSON is nested too deeply") from None
    except ValueError as exc:
        raise InvalidAnnotations(f"not a JSON document we can read: {_first_line(exc)}") from None
    return read_collection(document)


def _refuse_constant(name: str) -> float:
    raise ValueError(f"{name} is not a number JSON allows")


def _finite(literal: str) -> float:
    number = float(literal)
    if number in (float("inf"), float("-inf")):
        raise ValueError(f"the number {literal[:40]} is too large")
    return number


def _first_line(exc: Exception) -> str:
    return str(exc).splitlines()[0][:200] if str(exc) else type(exc).__name__


def read_collection(document: object) -> AnnotationImport:
    result = AnnotationImport()
    groups: dict[ArticleKey, _Group] = {}
    for count, annotation in enumerate(_annotations(document, result)):
        if count >= MAX_ANNOTATIONS or not _add(annotation, groups, result):
            result.skipped += 1
    result.groups = [ImportedAnnotations(key, g.build()) for key, g in groups.items()]
    return result


def _add(annotation: Json, groups: dict[ArticleKey, _Group], result: AnnotationImport) -> bool:
    """Add one annotation to its article's group; False when it is skipped."""
    try:
        key = _key(annotation.get("target"))
        if key is None:
            return False
        group = groups.setdefault(key, _Group())
        if len(group.highlights) >= MAX_HIGHLIGHTS_PER_ARTICLE:
            return False
        return group.add(annotation, result.meanings)
    except (TypeError, ValueError, OverflowError, AttributeError, KeyError):
        # A value of the wrong shape somewhere inside this annotation (a list where text
        # belongs, an object as a type name): this one annotation is skipped, not the file.
        return False


@dataclass
class _Group:
    """The annotations of one article, gathered while reading."""

    highlights: list[Highlight] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)

    def add(self, annotation: Json, meanings: dict[Color, str]) -> bool:
        bodies = _textual_bodies(annotation)
        target = _first(annotation.get("target"))
        quote, position = _selectors(target)
        if quote is None:
            if position is not None:
                return False  # a position alone cannot be checked against the text
            created, modified = _times(annotation)
            note = "\n\n".join(bodies.get("commenting", []))
            if note:
                self.notes.append(Note(0, note, created, modified))
            self.tags += _tags(bodies)
            return True
        color = _color(target)
        for meaning in bodies.get("classifying", []):
            meanings.setdefault(color, meaning)
        self.highlights.append(_highlight(annotation, quote, position, color, bodies))
        return True

    def build(self) -> ArticleAnnotations:
        note = None
        if self.notes:
            first, last = self.notes[0], self.notes[-1]
            text = "\n\n".join(n.text for n in self.notes)
            note = Note(0, text, first.created, last.updated)
        return ArticleAnnotations(0, note, normalize_tags(self.tags), tuple(self.highlights))


def _annotations(document: object, result: AnnotationImport) -> Iterable[Json]:
    """Every annotation the document holds, following a collection's pages within the file."""
    nodes = _nodes(document)
    by_id = {n["id"]: n for n in nodes if isinstance(n.get("id"), str)}
    collections = [n for n in nodes if "AnnotationCollection" in _types(n)]
    if collections:
        found: list[Json] = []
        for collection in collections:
            found += _pages(collection, by_id, result.linked_pages)
        return found
    pages = [n for n in nodes if "AnnotationPage" in _types(n)]
    found = [a for page in pages for a in _items(page)]
    found += [n for n in nodes if "Annotation" in _types(n)]
    if not pages and not found:
        raise InvalidAnnotations("not a W3C Web Annotation document (no Annotation types found)")
    return found


def _nodes(document: object) -> list[Json]:
    """The top-level objects: a list's items, a JSON-LD @graph's, or the one object."""
    if isinstance(document, dict) and isinstance(document.get("@graph"), list):
        document = document["@graph"]
    if isinstance(document, list):
        return [n for n in document if isinstance(n, dict)]
    if isinstance(document, dict):
        return [document]
    raise InvalidAnnotations("expected a JSON object or a list of annotations")


def _pages(collection: Json, by_id: dict[str, Json], linked: list[str]) -> list[Json]:
    """The annotations of a collection's pages, from `first` along `next`; a page that is
    only named by IRI is read from the file when it holds it, else reported as linked."""
    found: list[Json] = []
    page: object = collection.get("first")
    seen: set[str] = set()
    while page is not None and len(seen) < 100_000:
        if isinstance(page, str):
            if page in seen:
                break  # a cycle of `next` links
            seen.add(page)
            if page not in by_id:
                linked.append(page)
                break
            page = by_id[page]
        if not isinstance(page, dict):
            break
        found += _items(page)
        seen.add(str(page.get("id", len(seen))))
        page = page.get("next")
    return found


def _items(page: Json) -> list[Json]:
    items = page.get("items", [])
    return [a for a in items if isinstance(a, dict)] if isinstance(items, list) else []


def _types(node: Json) -> set[str]:
    kind = node.get("type", node.get("@type"))
    kinds = kind if isinstance(kind, list) else [kind]
    return {k for k in kinds if isinstance(k, str)}


def _first(value: object) -> Json:
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, str):
        return {"source": value}
    return value if isinstance(value, dict) else {}


def _key(target: object) -> ArticleKey | None:
    node = _first(target)
    source = node.get("source", node.get("id"))
    if isinstance(source, dict):
        source = source.get("id")
    if not isinstance(source, str) or not source:
        return None
    content_hash = node.get(CONTENT_HASH)
    if not isinstance(content_hash, str):
        content_hash = None
    if source.startswith(ARTICLE_URN):
        content_hash, source = source.removeprefix(ARTICLE_URN), None
    title = node.get(TITLE)
    return ArticleKey(
        url=source,
        content_hash=content_hash if isinstance(content_hash, str) else None,
        title=title if isinstance(title, str) else None,
    )


def _selectors(target: Json) -> tuple[TextQuoteSelector | None, TextPositionSelector | None]:
    raw = target.get("selector", [])
    quote = position = None
    for selector in raw if isinstance(raw, list) else [raw]:
        if not isinstance(selector, dict):
            continue
        kinds = _types(selector)
        if "TextQuoteSelector" in kinds and _text(selector.get("exact")):
            quote = TextQuoteSelector(
                _text(selector["exact"]), _text(selector.get("prefix")),
                _text(selector.get("suffix")),
            )  # fmt: skip
        elif "TextPositionSelector" in kinds:
            position = _position(selector.get("start"), selector.get("end"))
    return quote, position


def _text(value: object) -> str:
    return value if isinstance(value, str) else ""


def _position(start: object, end: object) -> TextPositionSelector | None:
    """A position to try first; negative, reversed or absurd ones are dropped (the quote
    still places the highlight)."""
    if type(start) is not int or type(end) is not int:
        return None
    return TextPositionSelector(start, end) if 0 <= start <= end <= MAX_POSITION else None


def _color(target: Json) -> Color:
    classes = target.get("styleClass", "")
    for name in classes.split() if isinstance(classes, str) else []:
        try:
            return Color.parse(name.removeprefix(STYLE_PREFIX))
        except ReaderError:
            continue
    return Color.YELLOW


def _textual_bodies(annotation: Json) -> dict[str, list[str]]:
    """Body values by purpose; a body without a purpose is a comment."""
    found: dict[str, list[str]] = {}
    if isinstance(annotation.get("bodyValue"), str):
        found.setdefault("commenting", []).append(annotation["bodyValue"])
    raw = annotation.get("body", [])
    for body in raw if isinstance(raw, list) else [raw]:
        if not isinstance(body, dict) or not isinstance(body.get("value"), str):
            continue
        purpose = body.get("purpose", "commenting")
        purpose = purpose[0] if isinstance(purpose, list) and purpose else purpose
        found.setdefault(str(purpose), []).append(body["value"])
    return found


def _highlight(
    annotation: Json,
    quote: TextQuoteSelector,
    position: TextPositionSelector | None,
    color: Color,
    bodies: dict[str, list[str]],
) -> Highlight:
    created, modified = _times(annotation)
    status = annotation.get(STATUS, annotation.get(VOCAB + "status"))
    return Highlight(
        id=0,
        uid=_uid(annotation, quote),
        article_id=0,
        color=color,
        quote=quote,
        position=position or TextPositionSelector(0, len(quote.exact)),
        note="\n\n".join(bodies.get("commenting", [])),
        tags=_tags(bodies),
        created=created,
        updated=modified,
        status=AnchorStatus(status) if status in set(AnchorStatus) else AnchorStatus.ANCHORED,
    )


def _tags(bodies: dict[str, list[str]]) -> tuple[str, ...]:
    return normalize_tags([tag for tag in bodies.get("tagging", []) if tag.strip()])


def _uid(annotation: Json, quote: TextQuoteSelector) -> str:
    raw = annotation.get("id", annotation.get("@id"))
    if isinstance(raw, str) and raw:
        return raw.removeprefix("urn:uuid:")
    # No id: derive one from the content, so importing the same file twice adds nothing.
    seed = json.dumps([annotation.get("target"), quote.exact, annotation.get("created")])
    return str(uuid.uuid5(uuid.NAMESPACE_URL, seed))


def _times(annotation: Json) -> tuple[datetime, datetime]:
    created = _parse_time(annotation.get("created"))
    modified = _parse_time(annotation.get("modified")) if "modified" in annotation else created
    return created, modified


def _parse_time(value: object) -> datetime:
    if isinstance(value, str):
        try:
            moment = datetime.fromisoformat(value)
        except ValueError:
            moment = None
        if moment is not None:
            return moment if moment.tzinfo else moment.replace(tzinfo=UTC)
    return datetime.now(UTC).replace(microsecond=0)
