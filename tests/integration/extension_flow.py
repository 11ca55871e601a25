"""What the browser-extension tests share: the page, the connector, the selection and the checks."""

from __future__ import annotations

import contextlib
import json
import re
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from tests.cli import reader
from tests.web import Reply, Site, html, png, serving

EXTENSION = Path(__file__).resolve().parents[2] / "extension"
TITLE = "Lighthouse keepers return"
PAGE = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Lighthouse keepers return</title></head><body><article>
<h1>Lighthouse keepers return</h1>
<p>The old lighthouse on the north cape will have keepers again from spring, the coastal
authority said, after a decade in which the light ran unattended.</p>
<p><img src="/photo.png" alt="The lighthouse"> <img src="{other}/elsewhere.png" alt="A gull"></p>
<p>Two keepers will live in the cottage beside the tower and look after the lamp, the fog horn
and the small museum that opens to visitors every summer weekend.</p>
<div id="later"></div>
</article>
<script>
document.getElementById("later").innerHTML =
  "<p>Written by the page's own script: the museum will also open on public holidays.</p>";
</script></body></html>"""
SELECTION = "look after the lamp, the fog horn"
LOADED = "new Promise(r => document.readyState === 'complete' ? r() : addEventListener('load', r))"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextlib.contextmanager
def connector(data_dir: Path) -> Iterator[tuple[int, str]]:
    """`reader serve` on a free port, not yet paired with any extension: (port, token)."""
    port = free_port()
    info = reader(data_dir, "serve", "--port", str(port), "--info", "--json", check=True)
    token = json.loads(info.stdout)["token"]
    server = subprocess.Popen(
        [sys.executable, "-m", "reader", "--data-dir", str(data_dir), "serve"],
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert server.stderr is not None
        assert "listening on http://127.0.0.1" in server.stderr.readline()
        yield port, token
    finally:
        server.send_signal(2)  # Ctrl+C
        try:
            server.wait(timeout=10)
        finally:
            server.kill()
            server.wait(timeout=10)


@contextlib.contextmanager
def story_site() -> Iterator[Site]:
    """The story page, its own image, and an image on another origin (another port)."""
    with serving({"/elsewhere.png": Reply(png(5, 5), headers={"Content-Type": "image/png"})}) as b:
        routes = {
            "/story.html": html(PAGE.replace("{other}", b.base)),
            "/photo.png": Reply(png(8, 6), headers={"Content-Type": "image/png"}),
        }
        with serving(routes) as a:
            yield a


def select_script(quote: str) -> str:
    """JavaScript that selects `quote` in the page as a user would with the mouse."""
    return f"""(() => {{
      const quote = {json.dumps(quote)};
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {{
        const at = node.data.replace(/\\s+/g, " ").indexOf(quote);
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + quote.length);
        getSelection().removeAllRanges();
        getSelection().addRange(range);
        return String(getSelection());
      }}
      throw new Error("quote not on the page");
    }})()"""


def check_saved(data_dir: Path, site: Site, outcome: dict[str, Any]) -> None:
    """The extension's answer, then the library through the CLI: article, images, highlight."""
    assert outcome["ok"], outcome["message"]
    assert outcome["answer"]["status"] == "imported" and outcome["answer"]["highlight"] == "added"
    assert outcome["message"].startswith(f"Saved to Reader: {TITLE}")
    article = check_article(data_dir, site.url("/story.html"))
    check_highlights(data_dir, article, [SELECTION])


def check_highlights(data_dir: Path, article: int, quotes: list[str]) -> None:
    notes = json.loads(reader(data_dir, "notes", str(article), "--json").stdout)
    assert [h["quote"] for note in notes for h in note["highlights"]] == quotes, notes


def check_article(data_dir: Path, url: str) -> int:
    """The story is the library's one article, as the browser rendered it; its id."""
    listed = json.loads(reader(data_dir, "list", "--json", check=True).stdout)
    assert [a["title"] for a in listed] == [TITLE]
    shown = json.loads(reader(data_dir, "show", str(listed[0]["id"]), "--json").stdout)
    assert "public holidays" in shown["text"]  # the DOM after the page's script ran
    assert shown["url"] == url
    # The same-origin image came inlined and is stored; the other was not readable from the
    # page, so it is a placeholder for "Download images" (nothing fetched behind the user).
    stored = re.findall(r'<img[^>]*src="assets/([^"]+)"', shown["html"])
    assert len(stored) == 2 and sum(name.startswith("web-") for name in stored) == 1, stored
    return int(listed[0]["id"])
