"""Import failures by kind: every kind raised is known, and survives a worker process."""

from __future__ import annotations

import ast
import pickle
from pathlib import Path

import pytest

import reader
from reader.core.import_failures import ENGLISH, MB, import_failure, megabytes, size_values
from reader.core.notices import fields
from reader.errors import ImportFailed

SOURCES = Path(reader.__file__).parent
# Where the kinds are defined and passed on, not chosen.
DEFINING = {"errors.py", "import_failures.py"}


def raised_kinds() -> set[str]:
    """The literal kinds of every ImportFailed(...) and import_failure(...) in the sources,
    each checked to be given the values its English text names."""
    kinds = set()
    for path in SOURCES.rglob("*.py"):
        if path.name in DEFINING:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            name = getattr(node.func, "id", getattr(node.func, "attr", ""))
            if name in ("ImportFailed", "import_failure"):
                first = node.args[0] if node.args else None
                assert isinstance(first, ast.Constant), f"{path.name}:{node.lineno}: a literal kind"
                kinds.add(first.value)
                given = {k.arg for k in node.keywords}
                if first.value in ENGLISH and None not in given:  # None: a **mapping
                    assert given == fields(ENGLISH[first.value]), f"{path.name}:{node.lineno}"
    return kinds


def test_every_kind_raised_is_known_and_every_known_kind_raised() -> None:
    assert raised_kinds() == set(ENGLISH)


def test_a_failure_keeps_its_kind_across_processes() -> None:
    failed = ImportFailed("file_too_large", size="12.5", limit="10")
    again = pickle.loads(pickle.dumps(failed))
    assert again.failure == failed.failure
    assert str(again) == "file too large (12.5 MB; the limit is 10 MB)"


def test_an_unknown_kind_is_a_bug_not_a_message() -> None:
    with pytest.raises(ValueError, match="unknown import failure"):
        import_failure("the file is empty")


def test_a_failure_without_the_values_its_text_names_is_refused() -> None:
    with pytest.raises(ValueError, match="takes"):
        import_failure("file_too_large", size="12.5")


def test_sizes_read_the_same_in_every_message() -> None:
    # The CLI's "importing big.txt (30.0 MB)…" was followed by "file too large (30.1 MB;
    # the limit is 30 MB)": one rounded to the nearest tenth, the other up.
    just_over = 30 * MB + 1
    assert megabytes(just_over) == "30.1"
    assert size_values(just_over, 30 * MB) == {"size": "30.1", "limit": "30"}
    assert megabytes(12 * MB + MB // 2) == "12.5"
    assert megabytes(1024 * 1024 * MB) == "1048576"  # not 1.04858e+06
    assert size_values(100_000 * MB + 1, 100_000 * MB) == {"size": "100000.1", "limit": "100000"}
