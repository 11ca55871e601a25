"""Child process for the backup tests: adds articles and saves notes until it is killed."""

from __future__ import annotations

import sys
from pathlib import Path

from reader.paths import DataPaths
from reader.services.library import Library
from tests.reliability.conftest import article


def main(data_dir: str) -> None:
    with Library(DataPaths(Path(data_dir))) as lib:
        n = 0
        while True:
            result = lib.add_article(article(n, words=400))
            lib.annotations.set_note(result.article_id or 0, f"note {n}")
            print(f"COMMITTED {result.article_id}", flush=True)
            n += 1


if __name__ == "__main__":
    main(sys.argv[1])
