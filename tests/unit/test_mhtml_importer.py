"""The MHTML importer: finding the page, decoding it, and embedding only the images it shows."""

from __future__ import annotations

import re
from email.charset import QP, Charset
from email.mime.base import MIMEBase
from email.mime.image import MIMEImage
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText

import pytest

from reader.errors import ImportFailed
from reader.importers import mhtml as mhtml_importer
from reader.importers import page_images
from reader.importers.mhtml import import_mhtml
from tests.hostile_images import gif, png

PAGE_URL = "https://example.org/news/2024/page.html"
# Real headers (images are judged by their bytes), distinct trailing bytes.
PNG = png(4, 3) + b"photo" * 40
GIF = gif() + b"logo" * 20
EVIL = png(4, 3) + b"evil" * 60
ASSET_NAME = re.compile(r"[0-9a-f]{32}\.(?:png|jpg|gif|webp)")

ARTICLE = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Lighthouse keepers return - Bay News</title>
<meta property="og:site_name" content="Bay News"></head>
<body><nav><a href="/">Home</a> <a href="/bay">Bay</a></nav>
<article><h1>Lighthouse keepers return</h1>
<p>For the first time in forty years, the lighthouse on Gull Rock has keepers again: two
volunteers who will live in the tower from spring to autumn.</p>
<figure><img src="img/tower.png" alt="The tower"></figure>
<p>They will log the weather, repair the railings and guide visitors up the spiral stairs,
which have one hundred and twelve steps.</p>
<p><img src="cid:logo@bay.example" alt="logo"> The society that owns the tower hopes the
arrangement will keep the building lived in and cared for.</p>
<p><img src="../../evil" alt="warning sign"> A boat brings supplies every second Tuesday, weather
permitting, along with letters and newspapers.</p>
<p><img src="style.css" alt="not an image"><img src="fake.png" alt="fake">
<img src="https://example.org/remote.png" alt="not saved"> Visitors can book a tour online.</p>
</article><footer>Bay News, all rights reserved</footer></body></html>
"""


def html_part(markup: str, charset: str | Charset = "utf-8", location: str = PAGE_URL) -> MIMEText:
    part = MIMEText(markup, "html", charset)  # type: ignore[arg-type]
    part["Content-Location"] = location
    return part


def image_part(
    data: bytes, subtype: str, location: str | None = None, cid: str | None = None
) -> MIMEImage:
    part = MIMEImage(data, subtype)
    if location:
        part["Content-Location"] = location
    if cid:
        part["Content-ID"] = f"<{cid}>"
    return part


def archive(*parts: MIMEBase, start: str | None = None) -> bytes:
    root = MIMEMultipart("related")
    root.set_param("type", "text/html")
    if start:
        root.set_param("start", f"<{start}>")
    root["Subject"] = "Lighthouse keepers return"
    root["Snapshot-Content-Location"] = PAGE_URL
    for part in parts:
        root.attach(part)
    return root.as_bytes()


def standard_archive() -> bytes:
    css = MIMEText("body { color: red }", "css")
    css["Content-Location"] = "https://example.org/news/2024/style.css"
    return archive(
        html_part(ARTICLE),
        image_part(PNG, "png", location="https://example.org/news/2024/img/tower.png"),
        image_part(GIF, "gif", cid="logo@bay.example"),
        image_part(EVIL, "png", location="../../evil"),
        image_part(b"<html>not really an image</html>", "png", location="fake.png"),
        image_part(b"\xff\xd8\xff" + b"unused" * 10, "jpeg", location="https://example.org/x.jpg"),
        css,
    )


class TestSavedPage:
    article = import_mhtml(standard_archive(), "page.mhtml")

    def test_text_and_metadata(self) -> None:
        a = self.article
        assert a.title == "Lighthouse keepers return"
        assert a.site == "Bay News"
        assert a.language == "en"
        assert a.text.startswith("For the first time in forty years")
        assert "A boat brings supplies every second Tuesday" in a.text
        assert "Home" not in a.text and "all rights reserved" not in a.text

    def test_referenced_images_are_embedded_under_safe_names(self) -> None:
        assets = self.article.assets
        assert sorted(assets.values()) == sorted([PNG, GIF, EVIL])
        for name in assets:
            assert ASSET_NAME.fullmatch(name), name
            assert f'src="assets/{name}"' in self.article.html

    def test_no_location_from_the_archive_becomes_a_path(self) -> None:
        html = self.article.html
        assert "../" not in html and "evil" not in html and "warning sign" in html
        saved = [s for s in re.findall(r'src="([^"]*)"', html) if "/web-" not in s]
        assert saved == [f"assets/{n}" for n in self.article.assets]
        # Images the archive lacks stay placeholders for their web address, named by its hash.
        assert "https://example.org/remote.png" in self.article.remote_images.values()

    def test_non_images_fakes_and_unreferenced_parts_are_left_out(self) -> None:
        html = self.article.html
        assert "style.css" not in html and "fake" not in html and "remote.png" not in html
        assert not any(data.startswith(b"\xff\xd8") for data in self.article.assets.values())


def test_quoted_printable_page() -> None:
    charset = Charset("utf-8")
    charset.body_encoding = QP
    article = import_mhtml(archive(html_part(ARTICLE, charset)), "qp.mht")
    assert "one hundred and twelve steps" in article.text
    assert article.encoding == "utf-8"


def test_gbk_page() -> None:
    markup = (
        "<html><head><title>渔港新码头启用</title></head><body><article>"
        "<p>经过两年建设，渔港新码头今天正式启用，可以同时停靠四十多艘渔船。</p>"
        "<p>渔民们说，新码头有了遮雨的棚子和冷库，出海回来卸货方便多了。</p>"
        "</article></body></html>"
    )
    article = import_mhtml(archive(html_part(markup, "gbk")), "gbk.mhtml")
    assert article.encoding == "gb18030"
    assert article.title == "渔港新码头启用"
    assert "冷库" in article.text
    assert article.language == "zh-Hans"


def test_root_part_named_by_start() -> None:
    frame = html_part("<html><body><p>An advertising frame, not the page.</p></body></html>")
    frame["Content-ID"] = "<frame@x>"
    page = html_part(ARTICLE)
    page["Content-ID"] = "<page@x>"
    article = import_mhtml(archive(frame, page, start="page@x"), "page.mhtml")
    assert article.title == "Lighthouse keepers return"


def test_image_size_limits(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(page_images, "MAX_IMAGE_BYTES", len(PNG))
    monkeypatch.setattr(mhtml_importer, "MAX_IMAGE_BYTES", len(PNG))
    monkeypatch.setattr(page_images, "MAX_TOTAL_IMAGE_BYTES", len(PNG) + len(GIF) + 1)
    article = import_mhtml(standard_archive(), "page.mhtml")
    # EVIL is bigger than one image may be; PNG and GIF fill the total allowance.
    assert sorted(article.assets.values()) == sorted([PNG, GIF])


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"just some text, no MIME here", "not an MHTML file"),
        (b'Content-Type: multipart/related; boundary="b"\r\n\r\nno parts at all\r\n', "damaged"),
        (archive(MIMEText("plain words", "plain")), "contains no HTML page"),
        (archive(html_part("<html><body><script>x()</script></body></html>")), "no readable text"),
        (archive(html_part("")), "page is empty"),
    ],
)
def test_malformed_archives_fail_with_a_reason(data: bytes, reason: str) -> None:
    with pytest.raises(ImportFailed, match=reason):
        import_mhtml(data, "broken.mhtml")


@pytest.mark.parametrize("suffix", [".mhtml", ".mht"])
def test_registry_uses_the_mhtml_importer(suffix: str) -> None:
    from reader.importers import import_bytes

    article = import_bytes(standard_archive(), f"page{suffix}")
    assert article.title == "Lighthouse keepers return"
    assert len(article.assets) == 3
