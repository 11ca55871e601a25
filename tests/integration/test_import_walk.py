"""What a folder import walks into: never the library's own data folder."""

from __future__ import annotations

import json
from pathlib import Path

from reader.paths import DataPaths
from reader.services.library import Library
from tests.cli import reader


def test_a_folder_holding_the_library_is_imported_without_it(tmp_path: Path) -> None:
    documents = tmp_path / "Documents"
    data = documents / "Reader library"  # the data folder kept among the user's files
    (documents / "essay.txt").parent.mkdir(parents=True)
    (documents / "essay.txt").write_text("An essay on rivers.\n\nIt is short.\n", "utf-8")
    reader(data, "import", str(documents / "essay.txt"), check=True)
    reader(data, "backup", check=True)  # something more of the library's inside it

    done = reader(data, "import", "--json", str(documents), check=True)
    paths = [Path(r["path"]) for r in json.loads(done.stdout)]
    assert paths == [documents / "essay.txt"], paths  # a duplicate, and nothing else
    assert not any(data in p.parents for p in paths)
    # The progress total counts what the import visits: the same walk.
    with Library(DataPaths(data)) as library:
        assert library.files_to_import([documents]) == [documents / "essay.txt"]
