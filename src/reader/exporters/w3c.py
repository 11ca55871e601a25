"""W3C Web Annotation (JSON-LD) export of highlights and notes, and the vocabulary it shares
with their import (w3c_import)."""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Any

from reader.core.annotation import (
    AnchorStatus,
    ArticleAnnotations,
    Color,
    Highlight,
)
from reader.core.article import StoredArticle
from reader.exporters import AnnotatedArticle, Meanings

# Colour uses the model's own styling: the target carries `styleClass` ("reader-yellow") and the
# annotation a CssStylesheet defining it, so any W3C client can draw it; the colour's meaning
# travels as a TextualBody with purpose "classifying". What the model has no term for (anchor
# status; the article's title and content hash, to find it again) sits under our own prefix
# `reader:`, declared in a second @context entry.
ANNO_CONTEXT = "http://www.w3.org/ns/anno.jsonld"
VOCAB = "urn:reader:vocab#"
CONTEXT: list[object] = [ANNO_CONTEXT, {"reader": VOCAB}]
STATUS, TITLE, CONTENT_HASH = "reader:status", "reader:title", "reader:contentHash"
ARTICLE_URN = "urn:reader:article:"
STYLE_PREFIX = "reader-"
CSS_COLORS = {
    Color.YELLOW: "#fff176",
    Color.GREEN: "#a5d6a7",
    Color.BLUE: "#90caf9",
    Color.PINK: "#f48fb1",
    Color.PURPLE: "#ce93d8",
}

Json = dict[str, Any]

# -- export -------------------------------------------------------------------------------------


def annotation_collection(
    items: Iterable[AnnotatedArticle],
    meanings: Meanings,
    *,
    label: str = "Reader annotations",
    creator: str | None = None,
) -> Json:
    """An AnnotationCollection whose first (and only) page holds every annotation.

    `creator` is the name the user goes by (Preferences); each annotation carries it.
    """
    annotations: list[Json] = []
    for item in items:
        article_level = article_annotation(item.article, item.annotations)
        if article_level is not None:
            annotations.append(article_level)
        annotations += [
            highlight_annotation(item.article, h, meanings) for h in item.annotations.highlights
        ]
    if creator and creator.strip():
        person = {"type": "Person", "name": creator.strip()}
        annotations = [{**a, "creator": person} for a in annotations]
    collection_id, page_id = f"urn:uuid:{uuid.uuid4()}", f"urn:uuid:{uuid.uuid4()}"
    return {
        "@context": CONTEXT,
        "id": collection_id,
        "type": "AnnotationCollection",
        "label": label,
        "total": len(annotations),
        "generator": {"type": "Software", "name": "Reader"},
        "generated": _stamp(datetime.now(UTC)),
        "first": {
            "id": page_id,
            "type": "AnnotationPage",
            "partOf": collection_id,
            "startIndex": 0,
            "items": annotations,
        },
        "last": page_id,
    }


def dumps(document: Json) -> str:
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def source_of(article: StoredArticle) -> str:
    """The IRI annotations target: the article's URL, or a URN made of its content hash."""
    return article.url or f"{ARTICLE_URN}{article.content_hash}"


def highlight_annotation(article: StoredArticle, highlight: Highlight, meanings: Meanings) -> Json:
    quote, position = highlight.quote, highlight.position
    selectors: list[Json] = [
        {"type": "TextQuoteSelector", "exact": quote.exact, "prefix": quote.prefix,
         "suffix": quote.suffix},
    ]  # fmt: skip
    if highlight.status is not AnchorStatus.ORPHANED:
        # An orphan's position belongs to a version of the text that is gone: it would
        # point a client at the wrong words in this one.
        selectors.append(
            {"type": "TextPositionSelector", "start": position.start, "end": position.end}
        )
    style = STYLE_PREFIX + highlight.color.value
    target = {**_target(article), "styleClass": style, "selector": selectors}
    bodies = _note_body(highlight.note) + _tag_bodies(highlight.tags)
    meaning = meanings.get(highlight.color)
    if meaning:
        bodies.append({"type": "TextualBody", "value": meaning, "purpose": "classifying"})
    annotation: Json = {
        "id": _annotation_id(highlight.uid),
        "type": "Annotation",
        "motivation": "highlighting",
        "created": _stamp(highlight.created),
        "modified": _stamp(highlight.updated),
        "stylesheet": {
            "type": "CssStylesheet",
            "value": f".{style} {{ background-color: {CSS_COLORS[highlight.color]}; }}",
        },
    }
    if bodies:
        annotation["body"] = bodies
    annotation["target"] = target
    if highlight.status is not AnchorStatus.ANCHORED:
        annotation[STATUS] = highlight.status.value
    return annotation


def article_annotation(article: StoredArticle, annotations: ArticleAnnotations) -> Json | None:
    """The note and tags of a whole article, as one annotation without a selector."""
    note = annotations.note
    bodies = _note_body(note.text if note else "") + _tag_bodies(annotations.tags)
    if not bodies:
        return None
    created = note.created if note else article.summary.added
    return {
        "id": f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, source_of(article) + '#note')}",
        "type": "Annotation",
        "motivation": "commenting" if note else "tagging",
        "created": _stamp(created),
        "modified": _stamp(note.updated if note else created),
        "body": bodies,
        "target": _target(article),
    }


def _target(article: StoredArticle) -> Json:
    return {
        "type": "SpecificResource",
        "source": source_of(article),
        TITLE: article.summary.title,
        CONTENT_HASH: article.content_hash,
    }


def _note_body(text: str) -> list[Json]:
    if not text:
        return []
    return [{"type": "TextualBody", "value": text, "format": "text/markdown",
             "purpose": "commenting"}]  # fmt: skip


def _tag_bodies(tags: Iterable[str]) -> list[Json]:
    return [{"type": "TextualBody", "value": tag, "purpose": "tagging"} for tag in tags]


def _annotation_id(uid: str) -> str:
    try:
        return f"urn:uuid:{uuid.UUID(uid)}"
    except ValueError:
        return uid  # an id that came from another tool: hand it back unchanged


def _stamp(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")
