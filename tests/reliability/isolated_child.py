"""Child process for the extraction-workers test: imports and captures as the window does,
then prints which extraction modules this process loaded (none, when extraction is isolated).

Run as `python -m tests.reliability.isolated_child DATA_DIR FOLDER`: FOLDER's files are
imported, one of them again on its own, and a page is saved as the browser connector does.
"""

from __future__ import annotations

import sys
from pathlib import Path

from reader.paths import DataPaths
from reader.services.library import Library

# What extracting a page loads: the HTML importer, its extractor and its parser.
EXTRACTION_MODULES = ("reader.importers.html", "reader.capture.page", "trafilatura", "lxml")

PAGE = (
    "<html><head><title>Pier notes</title></head><body><article><h1>Pier notes</h1>"
    "<p>The ferry leaves the harbour at dawn, and the gulls follow it out past the pier.</p>"
    "<p>By noon the quay is quiet again, and the boats rock at their moorings.</p>"
    "</article></body></html>"
)


def main(data_dir: str, folder: str) -> None:
    with Library(DataPaths(Path(data_dir))) as lib:
        lib.extract_in_workers()
        statuses = [r.status.value for r in lib.import_paths([Path(folder)])]
        statuses.append(lib.import_path(next(Path(folder).iterdir())).status.value)
        saved = lib.save_page("https://example.org/pier", "Pier notes", PAGE)
        statuses.append(saved.result.status.value)
        print("STATUSES", " ".join(statuses))
    print("LOADED", " ".join(m for m in EXTRACTION_MODULES if m in sys.modules))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
