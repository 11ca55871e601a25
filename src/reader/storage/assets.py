"""Article assets (images) on disk, written so that a crash never leaves them half-done.

Assets are staged in `<id>.partial` inside the same transaction that stores the article and
renamed to `<id>` once it commits; at the next start, staged folders of committed articles
are published and the others removed.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
from collections.abc import Callable, Mapping
from pathlib import Path

from reader.errors import StorageError

log = logging.getLogger(__name__)

PARTIAL = ".partial"
# The web images an article shows as placeholders: {asset name: address}, written on import.
WEB_IMAGES = "web-images.json"


class AssetStore:
    """One folder per article under `root`."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def folder(self, article_id: int) -> Path:
        return self.root / str(article_id)

    def stage(
        self, article_id: int, files: Mapping[str, bytes], web: Mapping[str, str] | None = None
    ) -> Path | None:
        """Write the files (and the list of `web` images not downloaded) to a temporary
        folder; StorageError (so the caller rolls back)."""
        if web:
            files = {**files, WEB_IMAGES: json.dumps(dict(web), indent=0).encode("utf-8")}
        if not files:
            return None
        staging = self.root / f"{article_id}{PARTIAL}"
        shutil.rmtree(staging, ignore_errors=True)
        try:
            staging.mkdir(parents=True)
            for name, data in files.items():
                (staging / Path(name).name).write_bytes(data)
        except OSError as exc:  # a full or read-only disk
            shutil.rmtree(staging, ignore_errors=True)
            raise StorageError(
                f"cannot save the article's images in {self.root}: "
                f"{exc.strerror or exc}; nothing was saved"
            ) from exc
        return staging

    def publish(self, article_id: int, staged: Path | None) -> None:
        """Move staged files into place once the article has committed."""
        if staged is None:
            return
        final = self.folder(article_id)
        shutil.rmtree(final, ignore_errors=True)
        try:
            staged.rename(final)
        except OSError:  # committed: the next start publishes it (finish_staged)
            log.warning("could not publish %s yet", staged, exc_info=True)

    def discard(self, staged: Path | None) -> None:
        """Drop staged files whose article did not commit."""
        if staged is not None:
            shutil.rmtree(staged, ignore_errors=True)

    def web_images(self, article_id: int) -> dict[str, str]:
        """The article's web images by asset name (downloaded or not); {} when unreadable."""
        try:
            data = json.loads((self.folder(article_id) / WEB_IMAGES).read_text("utf-8"))
        except (OSError, ValueError):
            return {}
        if not isinstance(data, dict):
            return {}
        return {k: v for k, v in data.items() if isinstance(k, str) and isinstance(v, str)}

    def has(self, article_id: int, name: str) -> bool:
        return (self.folder(article_id) / Path(name).name).is_file()

    def add(self, article_id: int, name: str, data: bytes) -> None:
        """One more file in a published folder, complete or not at all (written, then renamed)."""
        folder = self.folder(article_id)
        target = folder / Path(name).name
        temporary = folder / f".{target.name}.part"
        try:
            with temporary.open("wb") as file:
                file.write(data)
                file.flush()
                os.fsync(file.fileno())
            temporary.replace(target)
        except OSError as exc:
            temporary.unlink(missing_ok=True)
            raise StorageError(f"cannot save the image in {folder}: {exc.strerror or exc}") from exc

    def files(self, article_id: int) -> dict[str, bytes]:
        """The article's asset files by name (none when it has no folder)."""
        try:
            entries = sorted(self.folder(article_id).iterdir())
        except OSError:
            return {}
        found = {}
        for entry in entries:
            try:
                if entry.is_file():
                    found[entry.name] = entry.read_bytes()
            except OSError:
                log.warning("asset %s cannot be read", entry)
        return found

    def replace(self, article_id: int, files: Mapping[str, bytes]) -> None:
        """Make the article's folder hold exactly `files` (staged, then renamed into place)."""
        if not files:
            self.remove(article_id)
            return
        self.publish(article_id, self.stage(article_id, files))

    def remove(self, article_id: int) -> None:
        shutil.rmtree(self.folder(article_id), ignore_errors=True)

    def finish_staged(self, committed: Callable[[int], bool]) -> None:
        """After a crash: publish staged assets whose article committed, drop the others."""
        if not self.root.is_dir():
            return
        for staged in self.root.glob(f"*{PARTIAL}"):
            name = staged.name.removesuffix(PARTIAL)
            if name.isdigit() and committed(int(name)):
                self.publish(int(name), staged)
            else:
                shutil.rmtree(staged, ignore_errors=True)
