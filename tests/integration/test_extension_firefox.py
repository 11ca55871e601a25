"""The browser extension end to end in Firefox: headless Firefox installs extension/ as a
temporary add-on over WebDriver BiDi, the user pairs it on its options page, and pages from a
local server are saved through `reader serve` by the context menu and the toolbar button."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.integration import firefox
from tests.integration.extension_flow import (
    EXTENSION,
    LOADED,
    SELECTION,
    TITLE,
    check_article,
    check_highlights,
    connector,
    select_script,
    story_site,
)
from tests.web import Site

FIREFOX = firefox.find_firefox()
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        FIREFOX is None, reason="no firefox on PATH (Debian: apt-get install firefox-esr)"
    ),
]
MANIFEST = json.loads((EXTENSION / "manifest.json").read_text(encoding="utf-8"))
ADDON_ID = MANIFEST["browser_specific_settings"]["gecko"]["id"]
UUID = "5a7e0e0d-7e5d-4c1a-9d2b-0c0ffee0cafe"  # fixed, so the test knows the extension's origin
ORIGIN = f"moz-extension://{UUID}"
ACCESS = {"origins": MANIFEST["host_permissions"]}
POLICY = f"WebExtensionPolicy.getByID({json.dumps(ADDON_ID)}).extension"
# Firefox stops an idle event page after 30 s; 1 s lets the tests see one woken by a click.
PREFS: dict[str, int | str | bool] = {"extensions.background.idle.timeout": 1000}
LAST_RESULT = "browser.storage.local.get('lastResult').then(r => r.lastResult)"


@pytest.fixture
def serve(data_dir: Path) -> Iterator[tuple[int, str]]:
    with connector(data_dir) as running:
        yield running


@pytest.fixture
def site() -> Iterator[Site]:
    with story_site() as running:
        yield running


@pytest.fixture
def browser(tmp_path: Path) -> Iterator[firefox.Firefox]:
    assert FIREFOX is not None
    with firefox.running(FIREFOX, tmp_path / "profile", {ADDON_ID: UUID}, PREFS) as running:
        if int(running.version.split(".")[0]) < 138:
            pytest.skip(f"Firefox {running.version} cannot install add-ons over BiDi (138+ can)")
        # Like about:debugging's "Load Temporary Add-on…" with the unpacked folder.
        installed = running.send(
            "webExtension.install", {"extensionData": {"type": "path", "path": str(EXTENSION)}}
        )
        assert installed["extension"] == ADDON_ID
        # What about:debugging would list under the add-on: Firefox understood every key.
        chrome = running.chrome_context()
        assert running.evaluate(chrome, f"[...{POLICY}.warnings, ...{POLICY}.errors]") == []
        yield running


def pair_on_options_page(browser: firefox.Firefox, port: int, token: str) -> str:
    """The user opens the options, pastes the token, sets the port, clicks "Save and pair"."""
    options = browser.open_tab(f"{ORIGIN}/options.html")
    # The form is enabled once the stored settings are in it (a user cannot type before).
    browser.wait_until(options, "!document.getElementById('fields').disabled")
    browser.evaluate(
        options,
        f"(document.getElementById('token').value = {json.dumps(token)},"
        f" document.getElementById('port').value = {port})",
    )
    # Firefox 127+ grants an MV3 add-on's host permissions at install (listed in its prompt);
    # Save and pair asks again only if the user took the access back in about:addons.
    assert browser.evaluate(options, f"browser.permissions.contains({json.dumps(ACCESS)})")
    browser.click(options, "document.querySelector('button[type=submit]').getBoundingClientRect()")
    status = browser.wait_until(options, "document.getElementById('status').textContent")
    assert status == "Saved; paired with Reader.", status
    return options


def open_story(browser: firefox.Firefox, url: str) -> str:
    page = browser.open_tab(url)
    browser.evaluate(page, LOADED)
    # Firefox runs the background as an event page: idle, it is stopped, and a click wakes it.
    browser.wait_until(browser.chrome_context(), f"{POLICY}.backgroundState === 'stopped'")
    return page


def saved(browser: firefox.Firefox, options: str) -> dict[str, Any]:
    """The save's outcome as the options page shows it under "Last save"."""
    return dict(browser.wait_until(options, LAST_RESULT))


def test_context_menu_saves_the_selection_as_a_highlight_in_firefox(
    data_dir: Path, serve: tuple[int, str], site: Site, browser: firefox.Firefox
) -> None:
    options = pair_on_options_page(browser, *serve)
    page = open_story(browser, site.url("/story.html"))
    browser.evaluate(page, select_script(SELECTION))

    # Right-click on the selection, then the extension's item in Firefox's own context menu.
    browser.click(page, "getSelection().getRangeAt(0).getBoundingClientRect()", button=2)
    browser.choose_from_context_menu("Save selection as a highlight")

    last = saved(browser, options)
    assert last["ok"] and last["message"] == f"Saved to Reader: {TITLE} (selection highlighted)"
    article = check_article(data_dir, site.url("/story.html"))
    check_highlights(data_dir, article, [SELECTION])


def test_toolbar_button_saves_a_page_its_host_permissions_do_not_cover(
    data_dir: Path, serve: tuple[int, str], site: Site, browser: firefox.Firefox
) -> None:
    options = pair_on_options_page(browser, *serve)
    # "localhost" is not in the add-on's host permissions: only the click's activeTab grant
    # lets it read the page, as on any web site.
    url = site.url("/story.html").replace("127.0.0.1", "localhost")
    page = open_story(browser, url)
    browser.send("browsingContext.activate", {"context": page})
    # What a click on the toolbar button (or its keyboard shortcut) runs in Firefox; the
    # button itself sits in the Extensions panel until the user pins it.
    clicked_on = browser.evaluate(
        browser.chrome_context(),
        f"""(() => {{
          const {{ ExtensionParent }} = ChromeUtils.importESModule(
            "resource://gre/modules/ExtensionParent.sys.mjs");
          ExtensionParent.apiManager.global.browserActionFor({POLICY}).triggerAction(window);
          return gBrowser.currentURI.spec;
        }})()""",
    )
    assert clicked_on == url

    last = saved(browser, options)
    assert last["ok"] and last["message"] == f"Saved to Reader: {TITLE}", last
    article = check_article(data_dir, url)
    check_highlights(data_dir, article, [])
