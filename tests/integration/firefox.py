"""Headless Firefox driven over WebDriver BiDi (a WebSocket); add-ons installed by the protocol."""

from __future__ import annotations

import contextlib
import json
import queue
import re
import shutil
import subprocess
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from websockets.exceptions import ConnectionClosed
from websockets.sync.client import connect

HANG_GUARD = 60.0  # seconds any one command may take before the test gives up
LISTENING = re.compile(r"WebDriver BiDi listening on (ws://\S+)")


def find_firefox() -> str | None:
    for name in ("firefox-esr", "firefox"):
        found = shutil.which(name)
        if found:
            return found
    return None


class BiDiError(Exception):
    """A command the browser answered with an error, or did not answer."""


class Firefox:
    """A headless Firefox with a WebDriver BiDi session; `send` runs one protocol command.

    `extension_uuids` fixes the moz-extension://<uuid> of each add-on id (Firefox otherwise
    draws a random one at install), so the test can open the extension's own pages.
    """

    def __init__(
        self,
        binary: str,
        profile: Path,
        extension_uuids: dict[str, str],
        prefs: dict[str, int | str | bool] | None = None,
    ) -> None:
        profile.mkdir(parents=True, exist_ok=True)
        settings = {"extensions.webextensions.uuids": json.dumps(extension_uuids), **(prefs or {})}
        (profile / "user.js").write_text(
            "".join(f"user_pref({json.dumps(k)}, {json.dumps(v)});\n" for k, v in settings.items()),
            encoding="utf-8",
        )
        self.process = subprocess.Popen(
            [
                binary,
                "--headless",
                "--no-remote",
                "--profile",
                str(profile),
                "--remote-debugging-port=0",
                # Lifts WebDriver's own ban on navigating to non-web pages: the test opens the
                # extension's options page by its address, as a user may type it.
                "--remote-allow-system-access",
                "about:blank",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        self._stderr: queue.Queue[str] = queue.Queue()
        # Drained all along, so a chatty browser never blocks on a full pipe.
        threading.Thread(target=self._drain, daemon=True).start()
        self._stack = contextlib.ExitStack()
        self._next_id = 0
        self.events: list[dict[str, Any]] = []
        try:
            address = self._address()
            self._socket = self._stack.enter_context(
                connect(address + "/session", max_size=None, open_timeout=HANG_GUARD)
            )
            session = self.send("session.new", {"capabilities": {}})
            self.version = str(session["capabilities"]["browserVersion"])
        except BaseException:
            self.close()
            raise

    def _drain(self) -> None:
        assert self.process.stderr is not None
        for line in self.process.stderr:
            self._stderr.put(line)

    def _address(self) -> str:
        deadline = time.monotonic() + HANG_GUARD
        seen: list[str] = []
        while (left := deadline - time.monotonic()) > 0:
            try:
                line = self._stderr.get(timeout=left)
            except queue.Empty:
                break
            seen.append(line)
            if found := LISTENING.search(line):
                return found.group(1)
        raise BiDiError("Firefox never said where WebDriver BiDi listens: " + "".join(seen))

    def send(self, method: str, params: dict[str, Any] | None = None) -> Any:
        self._next_id += 1
        command = {"id": self._next_id, "method": method, "params": params or {}}
        self._socket.send(json.dumps(command))
        deadline = time.monotonic() + HANG_GUARD
        while (left := deadline - time.monotonic()) > 0:
            try:
                answer = json.loads(self._socket.recv(timeout=left))
            except TimeoutError:
                break
            if "id" not in answer:
                self.events.append(answer)  # what session.subscribe asked for
                continue
            if answer["id"] != self._next_id:
                continue  # a late answer to a command that timed out
            if answer.get("type") == "error":
                raise BiDiError(f"{method}: {answer.get('error')}: {answer.get('message')}")
            return answer.get("result", {})
        raise BiDiError(f"{method}: the browser did not answer")

    def evaluate(self, context: str, expression: str) -> Any:
        """The value of a JavaScript expression (a promise is awaited), passed through JSON."""
        result = self.send(
            "script.evaluate",
            {
                "expression": f"Promise.resolve({expression}).then(v => JSON.stringify(v ?? null))",
                "target": {"context": context},
                "awaitPromise": True,
                "userActivation": True,
            },
        )
        if result.get("type") == "exception":
            details = result["exceptionDetails"]
            raise BiDiError(f"{expression[:60]}…: {details.get('text')}")
        return json.loads(result["result"]["value"])

    def open_tab(self, url: str) -> str:
        """A new tab showing `url` once loaded; its browsing context id."""
        context = str(self.send("browsingContext.create", {"type": "tab"})["context"])
        self.send("browsingContext.navigate", {"context": context, "url": url, "wait": "complete"})
        return context

    def click(self, context: str, box_of: str, button: int = 0) -> None:
        """A real mouse click (button 2: the right one) on the centre of a DOMRect expression."""
        # A new tab takes input only once the browser has switched to it.
        self.wait_until(context, "document.visibilityState === 'visible' && document.hasFocus()")
        box = self.evaluate(context, f"(r => [r.x + r.width / 2, r.y + r.height / 2])({box_of})")
        mouse = [
            {"type": "pointerMove", "x": round(box[0]), "y": round(box[1])},
            {"type": "pointerDown", "button": button},
            {"type": "pointerUp", "button": button},
        ]
        self.send(
            "input.performActions",
            {"context": context, "actions": [{"type": "pointer", "id": "mouse", "actions": mouse}]},
        )

    def choose_from_context_menu(self, label: str) -> None:
        """Pick the item called `label` in the page's open context menu, as the mouse would."""
        chrome = self.chrome_context()
        menu = "document.getElementById('contentAreaContextMenu')"
        self.wait_until(chrome, f"{menu}.state === 'open'")
        shown = f"[...{menu}.querySelectorAll('menuitem:not([hidden])')]"
        labels = self.evaluate(chrome, f"{shown}.map(item => item.getAttribute('label'))")
        if label not in labels:
            raise BiDiError(f"no {label!r} in the context menu: {labels}")
        item = f"{shown}.find(item => item.getAttribute('label') === {json.dumps(label)})"
        self.evaluate(chrome, f"{menu}.activateItem({item})")

    def chrome_context(self) -> str:
        """The browser window's own (privileged) context: needs --remote-allow-system-access."""
        tree = self.send("browsingContext.getTree", {"moz:scope": "chrome"})
        return str(tree["contexts"][0]["context"])

    def wait_until(self, context: str, expression: str) -> Any:
        deadline = time.monotonic() + HANG_GUARD
        while not (value := self.evaluate(context, expression)):
            if time.monotonic() > deadline:
                raise BiDiError(f"never true: {expression}")
            time.sleep(0.1)
        return value

    def close(self) -> None:
        # It may have died already, or hang up before answering.
        with contextlib.suppress(BiDiError, OSError, AttributeError, ConnectionClosed):
            self.send("browser.close")
        self._stack.close()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=10)


@contextlib.contextmanager
def running(
    binary: str,
    profile: Path,
    extension_uuids: dict[str, str],
    prefs: dict[str, int | str | bool] | None = None,
) -> Iterator[Firefox]:
    browser = Firefox(binary, profile, extension_uuids, prefs)
    try:
        yield browser
    finally:
        browser.close()
