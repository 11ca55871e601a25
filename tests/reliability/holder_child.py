"""Child process for the lock tests: holds a library open, like a window, and saves notes."""

from __future__ import annotations

import sys
from pathlib import Path

from reader.paths import DataPaths
from reader.services.library import Library


def main(data_dir: str) -> None:
    with Library(DataPaths(Path(data_dir))) as lib:
        print("OPEN", flush=True)
        for line in sys.stdin:  # "<id> <note>" saves a note; end of input closes the library
            article_id, text = line.rstrip("\n").split(" ", 1)
            lib.annotations.set_note(int(article_id), text)
            print("SAVED", flush=True)


if __name__ == "__main__":
    main(sys.argv[1])
