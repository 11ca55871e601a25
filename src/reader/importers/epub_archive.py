"""An EPUB's zip container read defensively: bounded, no unsafe names, no DRM, its OPF found."""

from __future__ import annotations

import io
import posixpath
import zipfile
from urllib.parse import unquote, urlsplit

from lxml import etree

from reader.errors import ImportFailed
from reader.importers.xml import local_name, parse_xml

MB = 1024 * 1024
# A real book has hundreds of files and tens of MB unpacked; far more is a zip bomb.
MAX_ENTRIES = 5_000
MAX_TOTAL_BYTES = 256 * MB
MAX_ENTRY_BYTES = 64 * MB
CONTAINER = "META-INF/container.xml"
ENCRYPTION = "META-INF/encryption.xml"
# Font obfuscation (IDPF and Adobe) is not DRM: the text is readable; anything else is.
_FONT_OBFUSCATION = frozenset(
    {"http://www.idpf.org/2008/embedding", "http://ns.adobe.com/pdf/enc#RC"}
)


class Archive:
    """The book's files by name; every read is bounded and counted against the total."""

    def __init__(self, data: bytes) -> None:
        try:
            self._zip = zipfile.ZipFile(io.BytesIO(data))
            infos = self._zip.infolist()
        except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError):
            raise ImportFailed("not_epub") from None
        if len(infos) > MAX_ENTRIES:
            raise ImportFailed("epub_too_many_files", limit=MAX_ENTRIES)
        for info in infos:
            if not _safe_name(info.filename):
                raise ImportFailed("epub_unsafe_name", name=repr(info.filename[:80]))
        if sum(info.file_size for info in infos) > MAX_TOTAL_BYTES:
            raise ImportFailed("epub_too_big", limit=MAX_TOTAL_BYTES // MB)
        self._infos = {info.filename: info for info in infos if not info.is_dir()}
        self._read_total = 0

    def __contains__(self, name: str) -> bool:
        return name in self._infos

    def read(self, name: str, limit: int = MAX_ENTRY_BYTES) -> bytes | None:
        """A file's bytes, None when there is no such file or it is larger than `limit`.

        The sizes a zip declares can lie: the bytes read are counted, never trusted.
        """
        info = self._infos.get(name)
        if info is None or info.file_size > limit:
            return None
        try:
            with self._zip.open(info) as member:
                data = member.read(limit + 1)
        except (zipfile.BadZipFile, RuntimeError, ValueError, OSError, EOFError):
            raise ImportFailed("epub_cannot_unpack", name=repr(name[:80])) from None
        except NotImplementedError:  # an unknown compression method
            raise ImportFailed("epub_unknown_compression", name=repr(name[:80])) from None
        self._read_total += len(data)
        if len(data) > limit:
            return None
        if self._read_total > MAX_TOTAL_BYTES:
            raise ImportFailed("epub_too_big", limit=MAX_TOTAL_BYTES // MB)
        return data

    def require(self, name: str, *, package: bool = False) -> bytes:
        data = self.read(name)
        if data is None and package:
            raise ImportFailed("epub_missing_package", name=name)
        if data is None:
            raise ImportFailed("epub_missing", name=name)
        return data


def open_book(data: bytes) -> tuple[Archive, str, etree._Element]:
    """The archive, the OPF's path and its parsed package element; ImportFailed with the
    reason when the book is damaged, hostile or DRM-protected."""
    archive = Archive(data)
    _refuse_drm(archive)
    container = parse_xml(archive.require(CONTAINER), CONTAINER)
    opf_path = next(
        (
            (element.get("full-path") or "").strip()
            for element in container.iter()
            if local_name(element) == "rootfile" and (element.get("full-path") or "").strip()
        ),
        None,
    )
    if opf_path is None:
        raise ImportFailed("epub_no_package")
    package = parse_xml(archive.require(opf_path, package=True), "the package file")
    if local_name(package) != "package":
        raise ImportFailed("epub_not_opf")
    return archive, opf_path, package


def _refuse_drm(archive: Archive) -> None:
    if ENCRYPTION not in archive:
        return
    encryption = parse_xml(archive.require(ENCRYPTION), ENCRYPTION, recover=True)
    for element in encryption.iter():
        algorithm = (element.get("Algorithm") or "").strip()
        if local_name(element) == "EncryptionMethod" and algorithm not in _FONT_OBFUSCATION:
            raise ImportFailed("epub_drm")


def resolve(base: str, href: str) -> tuple[str, str] | None:
    """The archive path an href in the file `base` points at, and its #fragment; None for
    links outside the book (a scheme, or a path climbing out of it)."""
    try:
        parts = urlsplit(href.strip())
    except ValueError:
        return None
    if parts.scheme or parts.netloc:
        return None
    path = unquote(parts.path)
    if not path:
        return base, parts.fragment
    joined = posixpath.normpath(posixpath.join(posixpath.dirname(base), path))
    if joined.startswith(("../", "/")) or joined == "..":
        return None
    return joined, parts.fragment


def _safe_name(name: str) -> bool:
    """Names inside the book only: no absolute paths, drive letters, `..`, controls."""
    if not name or name.startswith(("/", "\\")) or "\\" in name or "\x00" in name:
        return False
    if len(name) > 1 and name[1] == ":":
        return False
    return ".." not in name.split("/")
