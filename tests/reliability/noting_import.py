"""Test helper: the extraction functions of imports and captures, noting which process ran them.

Each call touches a file named after its process id in the folder READER_TEST_PIDS names
(worker processes inherit the environment); a test puts these in place of the functions the
import and capture services call.
"""

from __future__ import annotations

import os
from pathlib import Path

from reader.capture.page import sent_article as real_sent_article
from reader.core.article import Article
from reader.importers import Imported, LocalImages
from reader.importers import import_bytes as real_import_bytes
from reader.importers import import_contents as real_import_contents

PIDS = "READER_TEST_PIDS"


def _note() -> None:
    (Path(os.environ[PIDS]) / str(os.getpid())).touch()


def noted(folder: Path) -> set[int]:
    """The processes that ran an extraction so far."""
    return {int(path.name) for path in folder.iterdir()}


def import_contents(
    data: bytes, name: str, local: LocalImages | None = None, source: str | None = None
) -> Imported:
    _note()
    return real_import_contents(data, name, local, source)


def import_bytes(data: bytes, name: str) -> Article:
    _note()
    return real_import_bytes(data, name)


def sent_article(url: str, title: str, html: str) -> Article:
    _note()
    return real_sent_article(url, title, html)
