"""The browser extension end to end: headless Chromium loads extension/, saves a page from a
local server through `reader serve`, and the article and its highlight are in the library."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.integration.chromium import Chromium, find_chromium
from tests.integration.extension_flow import (
    EXTENSION,
    SELECTION,
    check_saved,
    connector,
    select_script,
    story_site,
)
from tests.web import Site

CHROMIUM = find_chromium()
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        CHROMIUM is None,
        reason="no chromium on PATH (Debian: apt-get install chromium chromium-driver)",
    ),
]


@pytest.fixture
def serve(data_dir: Path) -> Iterator[tuple[int, str]]:
    with connector(data_dir) as running:
        yield running


@pytest.fixture
def site() -> Iterator[Site]:
    with story_site() as running:
        yield running


@pytest.fixture
def browser(tmp_path: Path) -> Iterator[Chromium]:
    assert CHROMIUM is not None
    running = Chromium(CHROMIUM, tmp_path / "profile", EXTENSION)
    try:
        yield running
    finally:
        running.close()


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
    # The new target may still show about:blank (complete) before the story commits.
    loaded = f"location.href === {json.dumps(site.url('/story.html'))} && document.readyState"
    browser.wait_until(page, f"{loaded} === 'complete'")
    browser.evaluate(page, select_script(SELECTION))

    # The context menu's "Save selection as a highlight" runs this with the clicked tab.
    outcome = browser.evaluate(
        background,
        f"""chrome.tabs.query({{}}).then(tabs => readerSaveTab(
              tabs.find(t => (t.url || "").startsWith({json.dumps(site.base)})), true))""",
    )
    check_saved(data_dir, site, outcome)
