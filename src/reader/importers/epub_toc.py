"""A book's own table of contents (EPUB 3 navigation document, EPUB 2 NCX): labels by file."""

from __future__ import annotations

from lxml import etree

from reader.errors import ImportFailed
from reader.importers.epub_archive import Archive, resolve
from reader.importers.tree import text_of
from reader.importers.xml import local_name, parse_xml

_EPUB_TYPE = "{http://www.idpf.org/2007/ops}type"


def toc_labels(package: etree._Element, opf_path: str, archive: Archive) -> dict[str, str]:
    """The first contents label the book gives each file, by archive path; {} when it has no
    readable contents (they are a nicety: a damaged one never fails the book)."""
    items = [e for e in package.iter() if local_name(e) == "item" and e.get("href")]
    nav = next((e for e in items if "nav" in (e.get("properties") or "").split()), None)
    spine = next((e for e in package.iter() if local_name(e) == "spine"), None)
    ncx_id = spine.get("toc") if spine is not None else None
    ncx = next((e for e in items if ncx_id and e.get("id") == ncx_id), None)
    for item, read in ((nav, _nav_links), (ncx, _ncx_points)):
        found = resolve(opf_path, item.get("href") or "") if item is not None else None
        data = archive.read(found[0]) if found is not None else None
        if found is None or data is None:
            continue
        try:
            root = parse_xml(data, "the contents", recover=True)
        except ImportFailed:
            continue
        labels: dict[str, str] = {}
        for href, label in read(root):
            target = resolve(found[0], href)
            if target is not None and label:
                labels.setdefault(target[0], label)
        if labels:
            return labels
    return {}


def _nav_links(root: etree._Element) -> list[tuple[str, str]]:
    navs = [e for e in root.iter() if local_name(e) == "nav"]
    toc = next((e for e in navs if "toc" in (e.get(_EPUB_TYPE) or "").split()), None)
    chosen = toc if toc is not None else (navs[0] if navs else root)
    return [(a.get("href") or "", text_of(a)) for a in chosen.iter() if local_name(a) == "a"]


def _ncx_points(root: etree._Element) -> list[tuple[str, str]]:
    points = []
    for point in (e for e in root.iter() if local_name(e) == "navPoint"):
        label = next((e for e in point.iter() if local_name(e) == "text"), None)
        content = next((e for e in point if local_name(e) == "content"), None)
        if content is not None:
            points.append((content.get("src") or "", text_of(label)))
    return points
