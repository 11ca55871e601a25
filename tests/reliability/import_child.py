"""Child process for the import kill tests: imports a folder, one line per reported file.

Prints `IMPORTED <id> <title>` for each file as import_paths reports it, so the parent
knows exactly which imports the library promised to keep. With `slow`, the file named by
READER_TEST_SLOW_NAME takes minutes to extract, and `STARTED <name>` is printed as the
import reaches it.
"""

from __future__ import annotations

import sys
from pathlib import Path

from reader.paths import DataPaths
from reader.services import importing
from reader.services.library import Library
from tests.reliability import crashing_import


def main(data_dir: str, folder: str, mode: str) -> None:
    if mode == "slow":
        importing.import_contents = crashing_import.slow_import_contents  # type: ignore[assignment]
    with Library(DataPaths(Path(data_dir))) as lib:
        results = lib.import_paths(
            [Path(folder)], started=lambda path: print(f"STARTED {path.name}", flush=True)
        )
        for result in results:
            print(f"{result.status.value.upper()} {result.article_id} {result.title}", flush=True)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3] if len(sys.argv) > 3 else "")
