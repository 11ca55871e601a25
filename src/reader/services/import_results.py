"""What an import is asked and answers: its options, the files a walk found, a result per file."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

from reader.core.notices import Notice
from reader.core.versions import SourceMatch
from reader.importers import MAX_FILE_BYTES, Skipped


class ImportStatus(Enum):
    IMPORTED = "imported"
    DUPLICATE = "duplicate"
    UPDATED = "updated"
    FAILED = "failed"
    # Nothing stored: the file shares a source with article `match.article_id` and the texts
    # are neither clearly one story nor clearly two. The caller asks the user, then imports
    # again with `replace_id` or `as_new`.
    UNSURE = "unsure"
    # A file inside a chosen folder that is not imported (an image, a JSON file that is not a
    # feed…): nothing was read; `reason` says why.
    SKIPPED = "skipped"


@dataclass(frozen=True)
class ImportResult:
    """What happened to one file of an import."""

    path: str
    status: ImportStatus
    article_id: int | None = None
    title: str | None = None
    reason: str | None = None
    failure: Notice | None = None  # a FAILED result's reason by kind
    # The stored article sharing this file or URL that the text was compared with, if any.
    match: SourceMatch | None = None

    @property
    def ok(self) -> bool:
        return self.status is not ImportStatus.FAILED

    def to_json(self) -> dict[str, object]:
        return {
            "path": self.path,
            "status": self.status.value,
            "id": self.article_id,
            "title": self.title,
            "reason": self.reason,
            "same_source": self.match.to_json() if self.match else None,
        }


def failed(path: str, failure: Notice) -> ImportResult:
    """A FAILED result: its reason in English (the CLI's) and by kind (the window's)."""
    return ImportResult(path, ImportStatus.FAILED, reason=failure.text, failure=failure)


@dataclass(frozen=True)
class ImportOptions:
    """How one file is imported (see Library.import_path)."""

    section: str | None = None
    replace_id: int | None = None
    as_new: bool = False
    ask_when_unsure: bool = False
    max_bytes: int = MAX_FILE_BYTES


@dataclass(frozen=True)
class FoundFiles:
    """What one walk of the chosen files and folders found: the files an import of them
    visits, and those it passes over (Skipped)."""

    items: tuple[Path | Skipped, ...]

    @property
    def files(self) -> list[Path]:
        return [item for item in self.items if isinstance(item, Path)]


def skipped_kinds(
    results: Iterable[ImportResult], say: Callable[[str], str] = lambda text: text
) -> list[tuple[str, int]]:
    """The files an import skipped, counted by kind, most first: [(".png", 10), (".json (not
    a feed)", 2)] — what a summary says it left out, and why. `say` words the reasons and
    "(no suffix)" (the window passes its translation)."""
    counts: dict[str, int] = {}
    for result in results:
        if result.status is ImportStatus.SKIPPED:
            suffix = Path(result.path).suffix.lower() or say("(no suffix)")
            reason = result.reason
            kind = (
                suffix if reason == "unsupported file type" else f"{suffix} ({say(reason or '')})"
            )
            counts[kind] = counts.get(kind, 0) + 1
    return sorted(counts.items(), key=lambda item: (-item[1], item[0]))
