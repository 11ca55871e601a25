"""Saving a page from the browser, timed as a user sees it: the window is open, the connector
answers a POST /api/save, and the article appears in the window's list.

Printed for several saves (min / median / max): the connector's answer, and save → row in
the list. The baseline, measured in the same run, is importing the same page as a file
through the library (no HTTP, no window): what the extraction alone costs.

    python bench/capture_bench.py [--saves 8] [--articles 200]
"""

from __future__ import annotations

import argparse
import os
import socket
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

PARAGRAPHS = [
    "The harbour office will stop printing its tide tables next year and publish them on "
    "its website instead, the port authority said on Tuesday.",
    "Fishing crews said they would miss the small booklets, which many keep in the "
    "wheelhouse, but most already check the times on their phones before leaving.",
    "潮汐表今后只在网上发布，港务局表示，纸质小册子将在明年停止印刷。",
]
ORIGIN = "chrome-extension://abcdefghijklmnopabcdefghijklmnop"
TOKEN = "b" * 43


def page(n: int) -> str:
    body = "".join(f"<p>{p} ({n}.{i})</p>" for i, p in enumerate(PARAGRAPHS * 6))
    return (
        f"<!DOCTYPE html><html><head><title>Tide tables, part {n}</title></head>"
        f"<body><article><h1>Tide tables, part {n}</h1>{body}</article></body></html>"
    )


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def spread(values: list[float]) -> str:
    ms = [v * 1000 for v in values]
    return f"{min(ms):7.1f} / {statistics.median(ms):7.1f} / {max(ms):7.1f} ms"


def baseline(folder: Path, saves: int) -> list[float]:
    from reader.paths import DataPaths
    from reader.services.library import Library

    times = []
    with Library(DataPaths(folder / "baseline")) as library:
        for n in range(saves):
            file = folder / f"tide-{n}.html"
            file.write_text(page(1000 + n), encoding="utf-8")
            started = time.perf_counter()
            library.import_path(file)
            times.append(time.perf_counter() - started)
    return times


def fill(folder: Path, articles: int) -> Path:
    from reader.core.article import Article
    from reader.paths import DataPaths
    from reader.services.library import Library

    data = folder / "library"
    with Library(DataPaths(data)) as library:
        for n in range(articles):
            text = f"Article {n}\n\n" + " ".join(PARAGRAPHS)
            library.add_article(Article(title=f"Article {n}", text=text, html=""))
    return data


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--saves", type=int, default=8)
    parser.add_argument("--articles", type=int, default=200)
    args = parser.parse_args()

    import httpx
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from reader.capture.pairing import Pairing, save_pairing
    from reader.gui.main_window import MainWindow
    from reader.paths import DataPaths
    from reader.services.library import Library

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        base = baseline(folder, args.saves)
        data = fill(folder, args.articles)
        app = QApplication.instance() or QApplication(["capture-bench"])
        library = Library(DataPaths(data))
        port = free_port()
        save_pairing(library.paths.connector, Pairing(port, TOKEN, ORIGIN))
        settings = QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)
        window = MainWindow(library, settings)
        window.resize(1200, 800)
        window.show()
        window.capture.start_connector()
        answers: list[float] = []
        visible: list[float] = []
        for n in range(args.saves):
            done: dict[str, object] = {}

            def post(n: int = n, done: dict[str, object] = done) -> None:
                started = time.perf_counter()
                reply = httpx.post(
                    f"http://127.0.0.1:{port}/api/save",
                    json={
                        "url": f"https://news.example.org/tides/{n}",
                        "title": "",
                        "html": page(n),
                    },
                    headers={"Authorization": f"Bearer {TOKEN}", "Origin": ORIGIN},
                    timeout=30,
                )
                done.update(started=started, answered=time.perf_counter(), id=reply.json()["id"])

            started = time.perf_counter()
            worker = threading.Thread(target=post)
            worker.start()
            while "id" not in done or window.parts.article_model.row_of(done["id"]) is None:
                app.processEvents()
                time.sleep(0.002)
                if time.perf_counter() - started > 30:
                    print("a saved page did not appear within 30 s", file=sys.stderr)
                    return 1
            visible.append(time.perf_counter() - float(done["started"]))  # type: ignore[arg-type]
            answers.append(float(done["answered"]) - float(done["started"]))  # type: ignore[arg-type]
            worker.join()
        window.close()
        library.close()
    print(f"{args.saves} saves into a library of {args.articles} articles, the window open:")
    print(f"  import of the same page as a file (baseline): {spread(base)}")
    print(f"  connector answers                           : {spread(answers)}")
    print(f"  save -> row in the window's list            : {spread(visible)}")
    ratio = statistics.median(visible) / statistics.median(base)
    print(f"  save -> visible / baseline (median)         : {ratio:.2f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
