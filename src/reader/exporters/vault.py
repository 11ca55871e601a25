"""Keeping an Obsidian vault or a Logseq graph in step: find each article's note (by
reader-id), rewrite Reader's region only, never bring back a note the user deleted unless
asked."""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from reader.errors import ExportRefused
from reader.exporters import AnnotatedArticle, Meanings, logseq, obsidian
from reader.exporters.files import write_export


class NotesKind(Protocol):
    """What one kind of notes folder (a module: obsidian, logseq) provides."""

    NAME: str  # "Obsidian vault"
    NOTES_FOLDER: str  # where its notes live, relative to the folder ("" for anywhere)
    # Which articles this folder has had a note for: a note gone from it was deleted by the
    # user and stays deleted. Kept in a dot folder the apps do not show.
    STATE: str

    def note_path(self, item: AnnotatedArticle) -> str: ...
    def reader_id_of(self, text: str) -> str | None: ...
    def new_note(self, item: AnnotatedArticle, meanings: Meanings, reader_id: str) -> str: ...
    def merged(self, existing: str, item: AnnotatedArticle, meanings: Meanings) -> str: ...


KINDS: dict[str, NotesKind] = {"obsidian": obsidian, "logseq": logseq}
# Enough of a note to read its front matter.
_HEAD_BYTES = 8192


@dataclass
class VaultReport:
    """What one export did to the vault."""

    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: int = 0
    deleted_by_user: list[str] = field(default_factory=list)  # not recreated

    def to_json(self) -> dict[str, object]:
        return dict(vars(self))

    def summary(self) -> str:
        line = (
            f"{len(self.created)} note(s) created, {len(self.updated)} updated, "
            f"{self.unchanged} unchanged"
        )
        if self.deleted_by_user:
            line += (
                f"; {len(self.deleted_by_user)} deleted in the vault and left deleted "
                "(--recreate brings them back)"
            )
        return line


@dataclass(frozen=True)
class Vault:
    """A vault (or graph) folder and the library folder it must never write into."""

    root: Path
    data_root: Path
    kind: NotesKind = obsidian

    def export(
        self,
        items: Sequence[AnnotatedArticle],
        meanings: Meanings,
        reader_ids: dict[int, str],
        *,
        recreate: bool = False,
        update_only: frozenset[int] = frozenset(),
    ) -> VaultReport:
        """`update_only`: articles whose note is rewritten when the vault has one, never made
        (those left without annotations)."""
        if not self.root.is_dir():
            raise ExportRefused(f"the {self.kind.NAME} folder {self.root} does not exist")
        try:
            return self._export(items, meanings, reader_ids, recreate, update_only)
        except OSError as exc:  # a folder made read-only, a full disk: one clear line
            raise ExportRefused(
                f"cannot write to the {self.kind.NAME} {self.root}: {exc.strerror or exc}"
            ) from None

    def _export(
        self,
        items: Sequence[AnnotatedArticle],
        meanings: Meanings,
        reader_ids: dict[int, str],
        recreate: bool,
        update_only: frozenset[int],
    ) -> VaultReport:
        report = VaultReport()
        found = self._notes_by_id()
        exported = self._load_state()
        for item in items:
            reader_id = reader_ids[item.article.id]
            path = found.get(reader_id)
            if path is None and item.article.id in update_only:
                continue
            if path is None and reader_id in exported and not recreate:
                report.deleted_by_user.append(exported[reader_id])
                continue
            written = self._write(item, meanings, reader_id, path, report)
            exported[reader_id] = written.relative_to(self.root).as_posix()
        self._save_state(exported)
        return report

    def _write(
        self,
        item: AnnotatedArticle,
        meanings: Meanings,
        reader_id: str,
        path: Path | None,
        report: VaultReport,
    ) -> Path:
        if path is None:
            path = self._free_path(self.kind.note_path(item))
            path.parent.mkdir(parents=True, exist_ok=True)
            self._put(path, self.kind.new_note(item, meanings, reader_id))
            report.created.append(path.relative_to(self.root).as_posix())
            return path
        old = _read(path)
        new = self.kind.merged(old, item, meanings)
        if new == old:
            report.unchanged += 1
        else:
            self._put(path, new)
            report.updated.append(path.relative_to(self.root).as_posix())
        return path

    def _put(self, path: Path, text: str) -> None:
        write_export(path, text, data_dir=self.data_root, force=True)

    def _free_path(self, relative: str) -> Path:
        """The note's usual place, or "<title> 2.md" when a note of the user's is there."""
        path = self.root / relative
        n = 1
        while path.exists():
            n += 1
            path = path.with_name(f"{Path(relative).stem} {n}.md")
        return path

    def _notes_by_id(self) -> dict[str, Path]:
        """Every note that says which article it is (wherever the user moved or renamed it)."""
        found: dict[str, Path] = {}
        for path in _markdown_files(self.root / self.kind.NOTES_FOLDER):
            reader_id = self.kind.reader_id_of(_head(path))
            if reader_id:
                found.setdefault(reader_id, path)
        return found

    def exported_ids(self) -> set[str]:
        """The reader-ids this folder has been given a note for (deleted since or not)."""
        return set(self._load_state())

    def _load_state(self) -> dict[str, str]:
        try:
            loaded = json.loads((self.root / self.kind.STATE).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}  # a lost or damaged state file costs only the deleted-note memory
        notes = loaded.get("notes") if isinstance(loaded, dict) else None
        if not isinstance(notes, dict):
            return {}
        return {str(k): str(v) for k, v in notes.items()}

    def _save_state(self, exported: dict[str, str]) -> None:
        path = self.root / self.kind.STATE
        path.parent.mkdir(exist_ok=True)
        text = json.dumps({"version": 1, "notes": exported}, ensure_ascii=False, indent=1)
        self._put(path, text + "\n")


def _markdown_files(root: Path) -> Iterable[Path]:
    for folder, dirs, files in os.walk(root):
        # Obsidian's own folder, the trash and other hidden folders hold no notes to update.
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for name in files:
            if name.endswith(".md"):
                yield Path(folder) / name


def _head(path: Path) -> str:
    try:
        with path.open("rb") as handle:
            return handle.read(_HEAD_BYTES).decode("utf-8", errors="replace")
    except OSError:
        return ""


def _read(path: Path) -> str:
    try:
        # newline="" keeps the user's line ends as they are, CRLF included.
        with path.open(encoding="utf-8", newline="") as handle:
            return handle.read()
    except UnicodeDecodeError:
        raise ExportRefused(f"{path} is not UTF-8 text; Reader leaves it alone") from None
    except OSError as exc:
        raise ExportRefused(f"cannot read {path}: {exc.strerror}") from None
