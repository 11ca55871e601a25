"""Web images a saved page never stored: placeholders until `reader images download ID`, the
only network access a saved page causes; a public page's images never reach this machine or
its LAN (checked by resolved address), a LAN page's may. A real HTTP server on 127.0.0.1."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.capture.addresses import url_is_private
from reader.capture.fetch import Fetcher, Page
from reader.capture.limits import FetchLimits
from reader.capture.page import capture_page
from tests.cli import reader
from tests.web import Reply, png, serving

PUBLIC_PAGE = "http://93.184.215.14/news/story.html"  # a literal public address: no lookup
TEXT = (
    "<p>The harbour council voted on Tuesday to rebuild the old stone pier, which storms in the "
    "winter of last year left cracked along half of its length.</p>"
    "<p>Fishermen who moor their boats there said the repairs could not come soon enough; "
    "several of them have had to sail to the next town to land their catch.</p>"
)


def saved_page(page_url: str, *images: str) -> str:
    figures = "".join(
        f'<figure><img src="{src}" alt="Photo {n}"></figure>' for n, src in enumerate(images)
    )
    return (
        f'<html><head><title>Pier</title><meta property="og:url" content="{page_url}">'
        f"</head><body><article><h1>Pier</h1>{TEXT}{figures}{TEXT}</article></body></html>"
    )


@pytest.fixture
def site():  # type: ignore[no-untyped-def]
    routes = {
        "/img/a.png": Reply(png(4, 3), headers={"Content-Type": "image/png"}),
        "/img/b.png": Reply(png(5, 2), headers={"Content-Type": "image/png"}),
        "/img/c.svg": Reply(b"<svg xmlns='http://www.w3.org/2000/svg'/>", headers={}),
    }
    with serving(routes) as running:
        yield running


def import_saved(data_dir: Path, tmp_path: Path, markup: str) -> int:
    page = tmp_path / "pier.html"
    page.write_text(markup, "utf-8")
    done = reader(data_dir, "import", "--json", str(page), check=True)
    return int(json.loads(done.stdout)[0]["id"])


def download(data_dir: Path, article_id: int) -> tuple[int, dict[str, object]]:
    done = reader(data_dir, "images", "download", str(article_id), "--json")
    return done.returncode, json.loads(done.stdout)


def test_a_lan_page_gets_its_images_on_request_only(site, data_dir: Path, tmp_path: Path) -> None:
    markup = saved_page(site.url("/news/pier.html"), "/img/a.png", "../img/b.png", "/img/c.svg")
    article_id = import_saved(data_dir, tmp_path, markup)
    assert site.requested == []  # importing and showing never fetch
    shown = json.loads(reader(data_dir, "show", str(article_id), "--json", check=True).stdout)
    assert shown["html"].count('src="assets/web-') == 3 and "127.0.0.1" not in shown["html"]
    code, result = download(data_dir, article_id)
    assert code == 1  # the SVG is not a raster image
    assert result["saved"] == 2
    assert [f["url"] for f in result["failed"]] == [site.url("/img/c.svg")]  # type: ignore[union-attr]
    assets = data_dir / "assets" / str(article_id)
    stored = sorted(p.read_bytes() for p in assets.glob("web-*.png"))
    assert stored == sorted([png(4, 3), png(5, 2)])
    # Saved ones are not fetched again.
    site.requested.clear()
    code, again = download(data_dir, article_id)
    assert again["images"] == 1 and site.requested == ["/img/c.svg"]


def test_a_public_page_never_reaches_this_machine(site, data_dir: Path, tmp_path: Path) -> None:
    port = site.base.rsplit(":", 1)[1]
    # By address and by a name that resolves to loopback.
    images = (site.url("/img/a.png"), f"http://localhost:{port}/img/b.png")
    article_id = import_saved(data_dir, tmp_path, saved_page(PUBLIC_PAGE, *images))
    code, result = download(data_dir, article_id)
    assert code == 1 and result["saved"] == 0
    reasons = [f["reason"] for f in result["failed"]]  # type: ignore[union-attr]
    assert len(reasons) == 2 and all("local network" in r for r in reasons)
    # Said plainly: what is refused, and why (the article did not come from there).
    assert all(r.startswith("not fetched: ") for r in reasons)
    assert all(
        r.endswith("is on this computer or local network; the article is not from there")
        for r in reasons
    )
    assert site.requested == []
    assert list((data_dir / "assets" / str(article_id)).glob("web-*.png")) == []


def test_import_url_applies_the_same_rule(site) -> None:  # type: ignore[no-untyped-def]
    limits = FetchLimits()
    markup = saved_page(PUBLIC_PAGE, site.url("/img/a.png")).encode()
    with Fetcher(limits) as fetcher:  # a page that came from a public address
        article = capture_page(Page(PUBLIC_PAGE, markup, "utf-8"), fetcher.image, limits)
    # Refused without a request, and left out: a placeholder to download later would be
    # refused again by the same rule.
    assert article.assets == {} and article.remote_images == {}
    assert site.requested == []
    with Fetcher(limits) as fetcher:  # the page itself from 127.0.0.1: its images may follow
        site.routes["/news/pier.html"] = Reply(
            saved_page(site.url("/news/pier.html"), "/img/a.png").encode(),
            headers={"Content-Type": "text/html; charset=utf-8"},
        )
        page = fetcher.page(site.url("/news/pier.html"))
        article = capture_page(page, fetcher.image, limits)
    assert list(article.assets.values()) == [png(4, 3)]


def test_an_unknown_article_and_one_without_web_images(data_dir: Path, tmp_path: Path) -> None:
    done = reader(data_dir, "images", "download", "99")
    assert done.returncode != 0 and "99" in done.stderr and "Traceback" not in done.stderr
    article_id = import_saved(data_dir, tmp_path, saved_page(PUBLIC_PAGE))
    done = reader(data_dir, "images", "download", str(article_id), check=True)
    assert "no web images" in done.stdout


@pytest.mark.parametrize(
    ("url", "private"),
    [
        ("http://127.0.0.1/x", True),
        ("http://localhost:8080/x", True),
        ("http://10.1.2.3/x", True),
        ("http://192.168.0.10/x", True),
        ("http://169.254.169.254/latest/meta-data", True),
        ("http://[::1]/x", True),
        ("http://[::ffff:127.0.0.1]/x", True),
        ("http://100.64.0.1/x", True),
        ("http://0.0.0.0/x", True),
        ("http://93.184.215.14/x", False),
        ("http://[2606:2800:21f:cb07:6820:80da:af6b:8b2c]/x", False),
        (None, False),
        ("not a url", False),
    ],
)
def test_which_pages_are_private(url: str | None, private: bool) -> None:
    assert url_is_private(url) is private


def test_a_web_drawing_is_saved_only_as_sanitized(data_dir: Path, tmp_path: Path) -> None:
    drawing = (
        b"<svg xmlns='http://www.w3.org/2000/svg' width='40' height='30' onclick='x()'>"
        b"<rect width='40' height='30'/></svg>"
    )
    hostile = drawing.replace(b"<rect", b"<image href='file:///etc/passwd'/><rect")
    routes = {
        "/img/d.svg": Reply(drawing.replace(b" onclick='x()'", b""), headers={}),
        "/img/e.svg": Reply(drawing, headers={}),  # an event attribute
        "/img/f.svg": Reply(hostile, headers={}),
    }
    with serving(routes) as site:
        markup = saved_page(site.url("/news/pier.html"), "/img/d.svg", "/img/e.svg", "/img/f.svg")
        article_id = import_saved(data_dir, tmp_path, markup)
        code, result = download(data_dir, article_id)
    assert code == 1 and result["saved"] == 1
    failed = [f["url"] for f in result["failed"]]  # type: ignore[union-attr]
    assert failed == [site.url("/img/e.svg"), site.url("/img/f.svg")]
    [stored] = [p.read_bytes() for p in (data_dir / "assets" / str(article_id)).glob("web-*.png")]
    assert stored.startswith(b'<svg xmlns="http://www.w3.org/2000/svg"')
    assert b'<rect width="40" height="30">' in stored
