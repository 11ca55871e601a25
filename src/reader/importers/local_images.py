"""Images a saved page or a note names by relative path, read only from inside its own folder.

A browser's "save complete" puts the page's images in `page_files/` beside `page.html`; a
Markdown note names `img/x.png` or embeds `![[x.png]]` from the vault's attachment folder. The
page is untrusted: whatever path it names (`../../etc/passwd`, an absolute path, a symbolic link
leading out), nothing outside `root` is ever read, only regular files, and at most a bounded
number of them, each at most the image size limit.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

from reader.core.images import allowed_image
from reader.errors import ImportFailed
from reader.importers.files import read_file

MAX_IMAGE_BYTES = 5 * 1024 * 1024  # as for an image inside an MHTML archive or fetched
MAX_TOTAL_IMAGE_BYTES = 50 * 1024 * 1024
WEB_IMAGE_PREFIX = "web-"  # assets standing for web images not downloaded (yet)
# More images than this in one page are ads and sprites; the article's own are among the first.
MAX_READS = 200
# How far above a note its vault root (the folder holding `.obsidian`) is looked for, and how
# many folder entries an embed's search by name may look at.
VAULT_LEVELS = 4
MAX_SCANNED = 5_000
# Where note-taking apps put attachments, looked in before the rest of the vault.
_ATTACHMENT_FOLDERS = ("attachments", "Attachments", "assets", "images", "img", "media", "files")

_NOTE_SUFFIXES = (".md", ".markdown")

LocalSource = Callable[[str], bytes | None]


def asset_name(data: bytes) -> str | None:
    """The asset file name for PNG, JPEG, GIF or WebP bytes of a sane size, from the bytes
    (never from the page, so no path a page names can reach the file system); else None."""
    info = allowed_image(data) if len(data) <= MAX_IMAGE_BYTES else None
    if info is None:
        return None
    return f"{hashlib.sha256(data).hexdigest()[:32]}.{info.extension}"


def web_image_name(url: str) -> str:
    """The asset name a web image is stored under once downloaded; until then the pane shows
    a placeholder with its alt text."""
    digest = hashlib.sha256(url.encode("utf-8", "replace")).hexdigest()
    return f"{WEB_IMAGE_PREFIX}{digest[:32]}.png"


@dataclass(frozen=True)
class LocalImages:
    """Where a file's relative image references resolve (`base`) and the folder nothing may be
    read outside of (`root`). Plain strings, so it travels to an import worker process."""

    base: str
    root: str

    @classmethod
    def beside(cls, path: Path) -> LocalImages:
        """For a file: its own folder, widened to the vault root for a note inside a vault
        (a saved page's images are only ever in its own folder)."""
        base = path.resolve().parent
        vault = _vault_root(base) if path.suffix.lower() in _NOTE_SUFFIXES else None
        return cls(str(base), str(vault or base))

    def source(self) -> LocalSource:
        """An image source for relative references, reading at most MAX_READS files."""
        reads = [0]

        def read(reference: str) -> bytes | None:
            if reads[0] >= MAX_READS:
                return None
            found = self.resolve(reference)
            if found is None:
                return None
            reads[0] += 1
            return _read_image(found)

        return read

    def resolve(self, reference: str) -> Path | None:
        """The regular file inside `root` that a relative reference names, or None."""
        try:
            parts = urlsplit(reference.strip())
        except ValueError:
            return None
        if parts.scheme or parts.netloc or not parts.path:
            return None  # remote, data: or file: URLs are not ours to read
        # Browsers percent-encode names ("my%20photo.png"); a name may also hold a real "%".
        for relative in dict.fromkeys((unquote(parts.path), parts.path)):
            found = self._inside(Path(self.base) / relative)
            if found is not None:
                return found
        return None

    def find(self, name: str) -> Path | None:
        """A file embedded by name (`![[x.png]]`): beside the note, in its attachment
        folders, then anywhere in the vault, within MAX_SCANNED entries; by path
        (`![[media/x.png]]`): beside the note or from the vault's root."""
        direct = self.resolve(name)
        if direct is not None:
            return direct
        if "/" in name:  # a path is looked for only where it says: from the vault's root
            return self._inside(Path(self.root) / name.lstrip("/"))
        leaf = Path(name).name
        for folder in _attachment_folders(Path(self.base), Path(self.root)):
            found = self._inside(folder / leaf)
            if found is not None:
                return found
        return self._search(leaf)

    def read(self, path: Path) -> bytes | None:
        return _read_image(path)

    def _inside(self, candidate: Path) -> Path | None:
        try:
            # resolve() follows symbolic links: one pointing out of the root is refused too.
            real = candidate.resolve(strict=True)
            root = Path(self.root).resolve(strict=True)
        except (OSError, RuntimeError, ValueError):
            return None
        return real if real.is_relative_to(root) and real.is_file() else None

    def _search(self, leaf: str) -> Path | None:
        scanned = 0
        for folder, folders, names in os.walk(self.root):
            folders[:] = sorted(f for f in folders if not f.startswith("."))
            scanned += len(folders) + len(names)
            if leaf in names:
                return self._inside(Path(folder) / leaf)
            if scanned > MAX_SCANNED:
                return None
        return None


def _vault_root(base: Path) -> Path | None:
    for level, folder in enumerate((base, *base.parents)):
        if level > VAULT_LEVELS:
            return None
        if (folder / ".obsidian").is_dir():
            return folder
    return None


def _attachment_folders(base: Path, root: Path) -> list[Path]:
    """The attachment folders beside the note and on the way up to the vault root."""
    found: list[Path] = []
    for folder in (base, *base.parents):
        found.extend(folder / name for name in _ATTACHMENT_FOLDERS)
        if folder == root or not folder.is_relative_to(root):
            break
    return found


def _read_image(path: Path) -> bytes | None:
    try:
        return read_file(path, MAX_IMAGE_BYTES)
    except ImportFailed:  # gone, special, unreadable or too large: left out like a lost image
        return None
