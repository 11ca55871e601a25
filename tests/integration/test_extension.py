"""The browser extension end to end: headless Chromium loads extension/, saves a page from a
local server through `reader serve`, and the article and its highlight are in the library."""

from __future__ import annotations

import json
import re
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.cli import reader
from tests.integration.chromium import Chromium, find_chromium
from tests.web import Reply, Site, html, png, serving

EXTENSION = Path(__file__).resolve().parents[2] / "extension"
CHROMIUM = find_chromium()
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        CHROMIUM is None,
        reason="no chromium on PATH (Debian: apt-get install chromium chromium-driver)",
    ),
]

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


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture
def serve(data_dir: Path) -> Iterator[tuple[int, str]]:
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


@pytest.fixture
def site() -> Iterator[Site]:
    with serving({"/elsewhere.png": Reply(png(5, 5), headers={"Content-Type": "image/png"})}) as b:
        routes = {
            "/story.html": html(PAGE.replace("{other}", b.base)),
            "/photo.png": Reply(png(8, 6), headers={"Content-Type": "image/png"}),
        }
        with serving(routes) as a:
            yield a


@pytest.fixture
def browser(tmp_path: Path) -> Iterator[Chromium]:
    assert CHROMIUM is not None
    running = Chromium(CHROMIUM, tmp_path / "profile", EXTENSION)
    try:
        yield running
    finally:
        running.close()


def select_text(browser: Chromium, session: str, quote: str) -> None:
    """Select `quote` in the page as a user would with the mouse."""
    browser.evaluate(
        session,
        f"""(() => {{
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
        }})()""",
    )


def test_save_selection_as_a_highlight_from_chromium(
    data_dir: Path, serve: tuple[int, str], site: Site, browser: Chromium
) -> None:
    port, token = serve
    worker = browser.wait_for_target("service_worker", "chrome-extension://")
    background = browser.attach(worker["targetId"])
    browser.wait_until(background, "typeof readerSaveTab === 'function'")
    # What the options page does: store the token and port, then pair (one step).
    browser.evaluate(background, f"chrome.storage.local.set({{token: '{token}', port: {port}}})")
    paired = browser.evaluate(background, f"pair({port}, '{token}')")
    assert paired["paired"] == worker["url"].rsplit("/", 1)[0]
    tab = browser.send("Target.createTarget", {"url": site.url("/story.html")})
    page = browser.attach(tab["targetId"])
    browser.evaluate(
        page,
        "new Promise(r => document.readyState === 'complete' ? r() : addEventListener('load', r))",
    )
    select_text(browser, page, SELECTION)

    # The context menu's "Save selection as a highlight" runs this with the clicked tab.
    outcome = browser.evaluate(
        background,
        f"""chrome.tabs.query({{}}).then(tabs => readerSaveTab(
              tabs.find(t => (t.url || "").startsWith({json.dumps(site.base)})), true))""",
    )
    assert outcome["ok"], outcome["message"]
    assert outcome["answer"]["status"] == "imported" and outcome["answer"]["highlight"] == "added"
    assert outcome["message"].startswith("Saved to Reader: Lighthouse keepers return")

    listed = json.loads(reader(data_dir, "list", "--json", check=True).stdout)
    assert [a["title"] for a in listed] == ["Lighthouse keepers return"]
    shown = json.loads(reader(data_dir, "show", str(listed[0]["id"]), "--json").stdout)
    assert "public holidays" in shown["text"]  # the DOM after the page's script ran
    assert shown["url"] == site.url("/story.html")
    # The same-origin image came inlined and is stored; the other was not readable from the
    # page, so it is a placeholder for "Download images" (nothing fetched behind the user).
    stored = re.findall(r'<img[^>]*src="assets/([^"]+)"', shown["html"])
    assert len(stored) == 2 and sum(name.startswith("web-") for name in stored) == 1, stored
    notes = json.loads(reader(data_dir, "notes", str(listed[0]["id"]), "--json").stdout)
    assert [h["quote"] for h in notes[0]["highlights"]] == [SELECTION]
