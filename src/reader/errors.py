"""The ReaderError tree: expected failures we explain to the user, as opposed to bugs.

    ReaderError                      anything we can describe in one line
    ├── ImportFailed                 one file could not become an article (bad bytes, unknown type…)
    ├── StorageError                 the library database cannot be opened or written
    │   ├── DataDirError             the data directory is missing, read-only or not a directory
    │   │   ├── ReadOnlyLibrary      the library can be read, not changed (a read-only disk)
    │   │   └── NoLibrary            asked to open read-only a library that does not exist
    │   ├── SchemaTooNew             the database was written by a newer Reader
    │   └── DamagedDatabase          the database file is corrupt (set aside, never deleted)
    ├── NotFound                     no article (or annotation) with that id
    ├── SearchError                  the search index failed in a way a rebuild did not fix
    ├── HasAnnotations               removing the article would delete the user's annotations
    ├── InvalidEdit                  a corrected title, date, URL… that a field cannot take
    ├── AnnotationError              an annotation request that cannot be carried out as asked
    │   ├── UnknownColor             a colour name outside the palette
    │   ├── InvalidSpan              a highlight range that selects no text
    │   ├── QuoteNotFound            a quote that does not occur in the article
    │   ├── QuoteAmbiguous           a quote that occurs several times, none chosen
    │   └── NotYours                 another group member's highlight or note (read-only)
    ├── InvalidAnnotations           a file that is not an annotation document we can read
    ├── ExportRefused                an export destination we may not write (the library…)
    └── SyncError                    sync is not set up, or its folder cannot be used

Anything else that escapes is a bug: the CLI and GUI log it with its traceback and still show
a one-line message.
"""

from reader.core.import_failures import import_failure
from reader.core.notices import Notice


class ReaderError(Exception):
    """An expected failure, with a message fit to show the user as it is."""


class ImportFailed(ReaderError):
    """A file could not be imported: `failure` says why by kind (for translation), the
    message in one English line."""

    def __init__(self, kind: str, /, **values: object) -> None:
        self.failure = import_failure(kind, **values)
        super().__init__(self.failure.text)

    def __reduce__(self) -> tuple[object, ...]:
        # Raised in worker processes: rebuilt from its kind, not from its English message.
        return (_import_failed, (self.failure,))


class StorageError(ReaderError):
    """The library database could not be opened, read or written."""


class DataDirError(StorageError):
    """The data directory cannot be used (missing, read-only, not a directory)."""


class ReadOnlyLibrary(DataDirError):
    """The library was opened read-only (its folder or file cannot be written): changes are off."""


class NoLibrary(DataDirError):
    """There is no library to open read-only (opening it normally would create one)."""


class SchemaTooNew(StorageError):
    """The database was written by a newer version of Reader."""


class DamagedDatabase(StorageError):
    """The database file is not a database any more, or fails its integrity check."""


class NotFound(ReaderError):
    """No object with the given id."""


class SearchError(ReaderError):
    """The search index is unusable even after a rebuild."""


class HasAnnotations(ReaderError):
    """Removing this article would delete the user's annotations."""


class InvalidEdit(ReaderError):
    """A value a metadata field cannot take (an empty title, a date that is no day, a URL
    that is not http or https); the message names the field."""


class AnnotationError(ReaderError):
    """An annotation request that cannot be carried out as asked."""


class NotYours(AnnotationError):
    """Another group member's highlight or note: read-only here."""


class UnknownColor(AnnotationError):
    """A colour name outside the palette."""


class InvalidSpan(AnnotationError):
    """A highlight range that selects no text of the article."""


class QuoteNotFound(AnnotationError):
    """The quote given for a new highlight does not occur in the article."""


class QuoteAmbiguous(AnnotationError):
    """The quote occurs several times and no occurrence was chosen."""

    def __init__(self, count: int, quote: str) -> None:
        shown = quote if len(quote) <= 40 else quote[:39] + "…"
        super().__init__(
            f"the quote {shown!r} occurs {count} times in the article; "
            f"choose one by its number (1–{count})"
        )
        self.count = count


class InvalidAnnotations(ReaderError):
    """A file that is not a W3C annotation document we can read."""


class ExportRefused(ReaderError):
    """The export's destination is not one we may write (the library, an existing file…)."""


class SyncError(ReaderError):
    """Sync cannot go on as asked: not set up, an unusable folder, another library's files."""


def _import_failed(failure: Notice) -> ImportFailed:
    return ImportFailed(failure.kind, **failure.params)
