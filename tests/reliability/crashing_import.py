"""Test helper: an import_bytes that kills the process running it for one file name.

The name comes from the environment (READER_TEST_CRASH_NAME), which worker processes
inherit; a test puts this function in place of the import_bytes that
reader.services.importing calls.
"""

from __future__ import annotations

import os
import time

from reader.core.article import Article
from reader.importers import import_bytes as real_import_bytes

CRASH_NAME = "READER_TEST_CRASH_NAME"


def import_bytes(data: bytes, name: str, source: str | None = None) -> Article:
    if name == os.environ.get(CRASH_NAME):
        os._exit(70)
    return real_import_bytes(data, name, source)


SLOW_NAME = "READER_TEST_SLOW_NAME"


def slow_import_bytes(data: bytes, name: str, source: str | None = None) -> Article:
    """import_bytes, but one file (READER_TEST_SLOW_NAME) takes ten minutes."""
    if name == os.environ.get(SLOW_NAME):
        time.sleep(600)
    return real_import_bytes(data, name, source)
