"""CSV export: one row per annotation, for spreadsheets and qualitative analysis tools."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator
from datetime import datetime

from reader.exporters import AnnotatedArticle, Meanings

COLUMNS = (
    "article_id",
    "title",
    "section",
    "colour",
    "meaning",
    "quote",
    "note",
    "tags",
    "status",
    "created",
    "updated",
)
# Excel reads a file without a byte-order mark in the local code page, garbling CJK text.
BOM = "\ufeff"
# A cell starting with one of these is a formula to a spreadsheet: quoted article text must not
# run as one (CSV injection), so such cells get a leading apostrophe, which hides it.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def annotations_csv(
    items: Iterable[AnnotatedArticle], meanings: Meanings, *, bom: bool = True
) -> str:
    """Every highlight and article note as a row; UTF-8 text, with a BOM unless asked not to."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for row in rows(items, meanings):
        writer.writerow([_cell(value) for value in row])
    return (BOM if bom else "") + out.getvalue()


def rows(items: Iterable[AnnotatedArticle], meanings: Meanings) -> Iterator[list[str]]:
    """The rows under COLUMNS: an article's note first (no colour, no quote), then highlights."""
    for item in items:
        summary, annotations = item.article.summary, item.annotations
        head = [str(summary.id), summary.title, summary.section or ""]
        note = annotations.note
        if note is not None:
            tags = "; ".join(annotations.tags)
            times = [_time(note.created), _time(note.updated)]
            yield [*head, "", "", "", note.text, tags, "", *times]
        for h in annotations.highlights:
            meaning = meanings.get(h.color) or ""
            body = [h.color.value, meaning, h.quote.exact, h.note, "; ".join(h.tags)]
            yield [*head, *body, h.status.value, _time(h.created), _time(h.updated)]


def _time(moment: datetime) -> str:
    return moment.isoformat(timespec="seconds")


def _cell(value: str) -> str:
    return "'" + value if value.startswith(_FORMULA_START) else value
