"""EPUB books built for the tests (and the bench): EPUB 2 or 3, with chapters and an image."""

from __future__ import annotations

import zipfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from io import BytesIO
from xml.sax.saxutils import escape

from tests.hostile_images import png


@dataclass
class Chapter:
    title: str
    paragraphs: Sequence[str]
    image: str | None = None  # the archive name of an image shown in the chapter
    extra: str = ""  # raw XHTML appended to the body
    heading: bool = True  # the title as <h1>; else as a styled paragraph, as many books do


@dataclass
class Book:
    title: str = "The Lighthouse Keeper"
    authors: Sequence[str] = ("Ada Brightwater", "Li Wei")
    language: str = "en"
    date: str = "2019-05-04"
    publisher: str = "Harbour Press"
    identifier: str = "urn:uuid:0f2a8c8e-6f0e-4c7a-9d1b-2b8f5e3c4d11"
    chapters: Sequence[Chapter] = ()
    images: dict[str, bytes] = field(default_factory=dict)
    version: int = 3
    extra_files: dict[str, bytes] = field(default_factory=dict)


def sample_book(version: int = 3) -> Book:
    """Three chapters, the second with a section heading and an image."""
    return Book(
        version=version,
        chapters=[
            Chapter("The Storm", ["The wind rose over the bay before dawn.", "Nobody slept."]),
            Chapter(
                "The Lamp",
                ["The lamp had burned for forty years.", "Its keeper polished it daily."],
                image="images/lamp.png",
                extra="<h2>Oil and Wicks</h2><p>Whale oil gave way to kerosene.</p>",
            ),
            Chapter("The Rescue", ["A fishing boat foundered near the cormorant rocks."]),
        ],
        images={"images/lamp.png": png(4, 3)},
    )


def chapter_xhtml(chapter: Chapter, image_href: str | None) -> str:
    tag = "h1" if chapter.heading else 'p class="chapter-title"'
    body = f"<{tag}>{escape(chapter.title)}</{tag.split()[0]}>"
    body += "".join(f"<p>{escape(p)}</p>" for p in chapter.paragraphs)
    if image_href:
        body += f'<p><img src="{image_href}" alt="a lamp"/></p>'
    body += chapter.extra
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        '<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops">'
        f"<head><title>{escape(chapter.title)}</title></head><body>"
        f'<a id="top"/>{body}</body></html>'
    )


def build_epub(book: Book) -> bytes:
    """The book as EPUB bytes: mimetype first and stored, then container, OPF, chapters."""
    out = BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("mimetype", "application/epub+zip", compress_type=zipfile.ZIP_STORED)
        archive.writestr("META-INF/container.xml", CONTAINER)
        archive.writestr("OEBPS/content.opf", _opf(book))
        for number, chapter in enumerate(book.chapters, start=1):
            href = f"../{chapter.image}" if chapter.image else None
            archive.writestr(f"OEBPS/text/ch{number}.xhtml", chapter_xhtml(chapter, href))
        for name, data in book.images.items():
            archive.writestr(f"OEBPS/{name}", data)
        if book.version == 3:
            archive.writestr("OEBPS/nav.xhtml", _nav(book))
        else:
            archive.writestr("OEBPS/toc.ncx", _ncx(book))
        for name, data in book.extra_files.items():
            archive.writestr(name, data)
    return out.getvalue()


CONTAINER = """<?xml version="1.0"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
  <rootfiles><rootfile full-path="OEBPS/content.opf"
    media-type="application/oebps-package+xml"/></rootfiles>
</container>"""


def _opf(book: Book) -> str:
    creators = "".join(
        f'<dc:creator opf:role="aut">{escape(a)}</dc:creator>'
        if book.version == 2
        else f'<dc:creator id="c{i}">{escape(a)}</dc:creator>'
        f'<meta refines="#c{i}" property="role" scheme="marc:relators">aut</meta>'
        for i, a in enumerate(book.authors)
    )
    items = "".join(
        f'<item id="ch{n}" href="text/ch{n}.xhtml" media-type="application/xhtml+xml"/>'
        for n in range(1, len(book.chapters) + 1)
    )
    items += "".join(
        f'<item id="img{n}" href="{escape(name)}" media-type="image/png"/>'
        for n, name in enumerate(book.images)
    )
    if book.version == 3:
        items += '<item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" '
        items += 'properties="nav"/>'
    else:
        items += '<item id="ncx" href="toc.ncx" media-type="application/x-dtbncx+xml"/>'
    spine = "".join(f'<itemref idref="ch{n}"/>' for n in range(1, len(book.chapters) + 1))
    nav_ref = '<itemref idref="nav" linear="no"/>' if book.version == 3 else ""
    return f"""<?xml version="1.0" encoding="utf-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="{book.version}.0"
         unique-identifier="bookid" xmlns:opf="http://www.idpf.org/2007/opf">
  <metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
    <dc:title>{escape(book.title)}</dc:title>{creators}
    <dc:language>{book.language}</dc:language><dc:date>{book.date}</dc:date>
    <dc:publisher>{escape(book.publisher)}</dc:publisher>
    <dc:identifier id="bookid">{escape(book.identifier)}</dc:identifier>
  </metadata>
  <manifest>{items}</manifest>
  <spine{' toc="ncx"' if book.version == 2 else ""}>{nav_ref}{spine}</spine>
</package>"""


def _nav(book: Book) -> str:
    links = "".join(
        f'<li><a href="text/ch{n}.xhtml">{escape(c.title)}</a></li>'
        for n, c in enumerate(book.chapters, start=1)
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><html xmlns="http://www.w3.org/1999/xhtml" '
        'xmlns:epub="http://www.idpf.org/2007/ops"><head><title>Contents</title></head><body>'
        f'<nav epub:type="toc"><ol>{links}</ol></nav></body></html>'
    )


def _ncx(book: Book) -> str:
    points = "".join(
        f'<navPoint id="p{n}" playOrder="{n}"><navLabel><text>{escape(c.title)}</text>'
        f'</navLabel><content src="text/ch{n}.xhtml"/></navPoint>'
        for n, c in enumerate(book.chapters, start=1)
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?>'
        '<ncx xmlns="http://www.daisy.org/z3986/2005/ncx/" version="2005-1">'
        f"<navMap>{points}</navMap></ncx>"
    )
