"""Test helper: an import_contents that kills the process running it for one file name.

The name comes from the environment (READER_TEST_CRASH_NAME), which worker processes
inherit; a test puts this function in place of the import_contents that
reader.services.importing calls.
"""

from __future__ import annotations

import os
import time

from reader.importers import Imported, LocalImages
from reader.importers import import_contents as real_import_contents

CRASH_NAME = "READER_TEST_CRASH_NAME"


def import_contents(
    data: bytes, name: str, local: LocalImages | None = None, source: str | None = None
) -> Imported:
    if name == os.environ.get(CRASH_NAME):
        os._exit(70)
    return real_import_contents(data, name, local, source)


SLOW_NAME = "READER_TEST_SLOW_NAME"


def slow_import_contents(
    data: bytes, name: str, local: LocalImages | None = None, source: str | None = None
) -> Imported:
    """import_contents, but one file (READER_TEST_SLOW_NAME) takes ten minutes."""
    if name == os.environ.get(SLOW_NAME):
        time.sleep(600)
    return real_import_contents(data, name, local, source)
