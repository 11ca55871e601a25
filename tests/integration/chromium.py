"""Headless Chromium driven over the DevTools protocol on a pipe (no WebSocket client needed)."""

from __future__ import annotations

import contextlib
import json
import os
import select
import shutil
import subprocess
import time
from pathlib import Path
from typing import Any

HANG_GUARD = 60.0  # seconds any one command may take before the test gives up


def find_chromium() -> str | None:
    for name in ("chromium", "chromium-browser"):
        found = shutil.which(name)
        if found:
            return found
    return None


class DevToolsError(Exception):
    """A command the browser answered with an error, or did not answer."""


class Chromium:
    """A headless Chromium with extensions loaded; `send` runs one protocol command."""

    def __init__(self, binary: str, profile: Path, extension: Path) -> None:
        to_browser_r, self._to_browser = os.pipe()
        self._from_browser, from_browser_w = os.pipe()
        args = [
            "--headless=new",  # the old headless mode cannot run extensions
            "--remote-debugging-pipe",
            f"--user-data-dir={profile}",
            f"--load-extension={extension}",
            f"--disable-extensions-except={extension}",
            "--no-first-run",
            "--no-default-browser-check",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--no-sandbox",  # CI runs as root, where the sandbox refuses to start
            "about:blank",
        ]
        # The protocol pipe is fds 3 (commands in) and 4 (answers out) of the browser; bash
        # moves ours there (a POSIX sh may refuse fd numbers above 9).
        wrapper = f'exec "$0" "$@" 3<&{to_browser_r} 4>&{from_browser_w}'
        self.process = subprocess.Popen(
            [shutil.which("bash") or "bash", "-c", wrapper, binary, *args],
            pass_fds=(to_browser_r, from_browser_w),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        os.close(to_browser_r)
        os.close(from_browser_w)
        self._next_id = 0
        self._buffer = b""

    def send(self, method: str, params: dict[str, Any] | None = None, session: str = "") -> Any:
        self._next_id += 1
        message: dict[str, Any] = {"id": self._next_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        os.write(self._to_browser, json.dumps(message).encode() + b"\0")
        deadline = time.monotonic() + HANG_GUARD
        while True:
            answer = self._read(deadline)
            if answer.get("id") == self._next_id:
                if "error" in answer:
                    raise DevToolsError(f"{method}: {answer['error']}")
                return answer.get("result", {})

    def evaluate(self, session: str, expression: str) -> Any:
        """The value of a JavaScript expression (a promise is awaited) in a target's session."""
        result = self.send(
            "Runtime.evaluate",
            {"expression": expression, "awaitPromise": True, "returnByValue": True},
            session,
        )
        if "exceptionDetails" in result:
            raise DevToolsError(f"{expression[:60]}…: {result['exceptionDetails']}")
        return result["result"].get("value")

    def attach(self, target_id: str) -> str:
        attached = self.send("Target.attachToTarget", {"targetId": target_id, "flatten": True})
        return str(attached["sessionId"])

    def wait_until(self, session: str, expression: str) -> None:
        """Poll until `expression` is true in the target (a worker attached before it ran)."""
        self.send("Runtime.runIfWaitingForDebugger", session=session)
        deadline = time.monotonic() + HANG_GUARD
        while not self.evaluate(session, expression):
            if time.monotonic() > deadline:
                raise DevToolsError(f"never true: {expression}")
            time.sleep(0.1)

    def wait_for_target(self, kind: str, url_prefix: str) -> dict[str, Any]:
        deadline = time.monotonic() + HANG_GUARD
        while time.monotonic() < deadline:
            for target in self.send("Target.getTargets")["targetInfos"]:
                if target["type"] == kind and target["url"].startswith(url_prefix):
                    return dict(target)
            time.sleep(0.1)
        raise DevToolsError(f"no {kind} target at {url_prefix} appeared")

    def _read(self, deadline: float) -> dict[str, Any]:
        while b"\0" not in self._buffer:
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([self._from_browser], [], [], left)[0]:
                raise DevToolsError("the browser did not answer")
            chunk = os.read(self._from_browser, 1 << 16)
            if not chunk:
                raise DevToolsError("the browser closed the protocol pipe (did it crash?)")
            self._buffer += chunk
        message, _, self._buffer = self._buffer.partition(b"\0")
        return dict(json.loads(message))

    def close(self) -> None:
        with contextlib.suppress(DevToolsError, OSError):  # it may have died already
            self.send("Browser.close")
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=10)
        os.close(self._to_browser)
        os.close(self._from_browser)
