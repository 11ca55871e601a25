"""Checks on parsed arguments that argparse cannot express: what SQLite and UTF-8 can hold."""

from __future__ import annotations

import argparse

from reader.errors import NotFound, ReaderError

SQLITE_MAX_INTEGER = 2**63 - 1
MAX_LIMIT = 1_000_000
_ID_NAMES = frozenset({"id", "ids", "article", "replace"})
_NOT_TEXT = frozenset({"data_dir"})  # a path: undecodable bytes there are a real file name
_PLACES = {  # arguments naming files, folders or addresses: what an empty one says
    "paths": "an empty path names no file or address",
    "data_dir": "--data-dir is empty: name the library's folder",
    "folder": "an empty folder names no folder or address",
}


class BadArgument(ReaderError):
    """An argument we cannot use as given (say, bytes that are not UTF-8 in a tag)."""


def check_arguments(args: argparse.Namespace) -> None:
    """Raise a one-line error for an argument SQLite could not store or compare.

    On POSIX, argv bytes that are not UTF-8 arrive as lone surrogates, which SQLite cannot
    encode; integers of 2**63 and more overflow its INTEGER. Both are refused here, once,
    for every command, rather than failing deep inside a query.
    """
    for name, value in vars(args).items():
        for item in value if isinstance(value, list) else [value]:
            if isinstance(item, bool):
                continue
            if name in _PLACES and item == "":
                # An empty path is the current folder to the system: `import ""` imported
                # every file under it, and `--data-dir ""` opened the default library.
                raise BadArgument(_PLACES[name])
            if isinstance(item, int):
                _check_integer(name, item)
            elif isinstance(item, str) and name not in _NOT_TEXT:
                _check_text(name, item)


def _check_integer(name: str, value: int) -> None:
    if name == "limit" and not 1 <= value <= MAX_LIMIT:
        raise BadArgument(f"--limit must be between 1 and {MAX_LIMIT}")
    if name in _ID_NAMES and not 1 <= value <= SQLITE_MAX_INTEGER:
        raise NotFound(f"no article with id {value}")
    if not -SQLITE_MAX_INTEGER <= value <= SQLITE_MAX_INTEGER:
        raise BadArgument(f"{name.replace('_', '-')} {value} is out of range")


def _check_text(name: str, value: str) -> None:
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        shown = value.encode("utf-8", "backslashreplace").decode("ascii", "backslashreplace")
        raise BadArgument(
            f"{name.replace('_', ' ')} {shown!r} is not valid UTF-8 text (check its encoding)"
        ) from None
