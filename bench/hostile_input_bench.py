"""Single calls on big or hostile input, timed against the targets the unit tests once asserted.

    python bench/hostile_input_bench.py [--runs 3] [--depth 10000 50000] [--page-depth 50000 200000]

The tests check what bounds the work (a sample size, a cap on comparisons, a depth cap, a
shortened query) and keep only generous hang guards; the speed is measured here, on a quiet
machine, min / median / max of the runs, each case with its target:

  * a 200 KB mixed Chinese and English page with 1,200 paragraphs through `import_html` (1 s)
  * encoding detection of a 7 MB GBK text file, `decode_text` (5 s)
  * a 10 MB text file of one line through `import_text` (10 s)
  * re-anchoring three 2,000-character highlights in a 700,000-character article (3 s)
  * sanitizing and extracting the text of tags nested --depth deep, per tag (5 s at 10,000,
    and at 50,000: the work is linear in the depth)
  * importing a page of <div>s nested --page-depth deep, its text kept (5 s)
  * a 35,000-character query in a library of 30 articles, warm searcher (2 s)
  * pages of --links links in a row through `import_html`, and the time per link: the work
    should grow with the links, not with their square (10 s at 40,000)
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

KITES = "本周末,湖畔小城迎来了第十届国际风筝节,来自三十多个国家的队伍参加比赛。"
ZH = "市政府周二宣布，将在明年春天之前完成老城区的道路改造工程，并增加公共交通线路。"


def timed(runs: int, call: Callable[[], object]) -> str:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        call()
        times.append(time.perf_counter() - started)
    return f"{min(times):7.2f} / {statistics.median(times):7.2f} / {max(times):7.2f} s"


def big_page() -> bytes:
    paragraphs = "".join(
        f"<p>段落{i}：这是一段用于测试速度的中文正文，描述城市、交通、教育和天气。"
        f"An English sentence follows so the page is mixed, number {i}.</p>"
        for i in range(1200)
    )
    nav = "".join(f'<li><a href="/n{i}">栏目{i}</a></li>' for i in range(300))
    return (
        '<!DOCTYPE html><html><head><meta charset="utf-8"><title>速度</title></head><body>'
        f"<ul>{nav}</ul><article><h1>速度</h1>{paragraphs}</article></body></html>"
    ).encode()


def reanchoring() -> Callable[[], None]:
    from reader.core.anchoring import reanchor
    from reader.core.annotation import TextPositionSelector, TextQuoteSelector

    rng = random.Random(7)
    words = [f"w{i}" for i in range(2_000)] + ["the", "of", "and", "a", "to", "in", "is"]
    text = " ".join(rng.choice(words) for _ in range(200_000))
    start = len(text) // 2
    exact = text[start : start + 2_000]
    quote = TextQuoteSelector(exact, text[start - 32 : start], text[start + 2_000 : start + 2_032])
    position = TextPositionSelector(start, start + 2_000)
    damaged = text[:start] + exact.replace(" w1", " x1") + text[start + 2_000 :]
    garbage = TextQuoteSelector("nothing like this occurs anywhere " * 20, "zz", "zz")
    cut = text[:start] + text[start + 2_000 :]

    def run() -> None:
        for selector, where in ((quote, damaged), (garbage, text), (quote, cut)):
            reanchor(selector, position, where)

    return run


def nesting(depth: int) -> None:
    from reader.importers.sanitize import html_to_text, sanitize_html

    for tag in ("div", "span", "blockquote", "b", "li", "table", "p"):
        markup = f"<{tag}>" * depth + "deep inside" + f"</{tag}>" * depth
        started = time.perf_counter()
        html_to_text(sanitize_html(markup))
        print(f"  <{tag}> x {depth:,}: {time.perf_counter() - started:.2f} s (target 5 s)")


def deep_page(depth: int) -> None:
    from reader.importers.html import import_html

    deep = "<div>" * depth + "<p>Deep down, the text.</p>" + "</div>" * depth
    page = f"<html><head><title>Deep</title></head><body><p>Before.</p>{deep}<p>After.</p>"
    started = time.perf_counter()
    text = import_html(page.encode(), "deep.html").text
    kept = all(words in text for words in ("Before.", "Deep down, the text.", "After."))
    elapsed = time.perf_counter() - started
    print(f"  <div> x {depth:,}: {elapsed:.2f} s (target 5 s), all text kept: {kept}")


def link_page(count: int) -> None:
    from reader.importers.html import import_html

    links = " ".join(f'<a href="https://example.com/{n}">link {n}</a>' for n in range(count))
    page = f"<html><head><title>Links</title></head><body><article><p>Intro.</p>{links}"
    started = time.perf_counter()
    text = import_html(page.encode(), "links.html").text
    elapsed = time.perf_counter() - started
    per_link = elapsed / count * 1e6
    kept = f"link {count - 1}" in text
    print(f"  {count:,} links: {elapsed:.2f} s, {per_link:.0f} µs a link, the last kept: {kept}")


def long_query(runs: int) -> str:
    from reader.core.article import Article
    from reader.paths import DataPaths
    from reader.services.library import Library

    query = " OR ".join(f"kite{n}" for n in range(5000))[:35_000]
    with tempfile.TemporaryDirectory() as tmp, Library(DataPaths(Path(tmp) / "lib")) as lib:
        for n in range(30):
            text = f"第{n}篇文章,湖畔小城的风筝节。Article {n}: kites over the harbour."
            lib.add_article(Article(title=f"Article {n}", text=text, html=f"<p>{n}</p>"))
        lib.update_search_index()
        lib.search("kites")  # the searcher is warm: what is timed is the query
        return timed(runs, lambda: lib.search(query))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument(
        "--depth", type=int, nargs="+", default=[10_000, 50_000], help="nesting depths of the tags"
    )
    parser.add_argument(
        "--page-depth", type=int, nargs="+", default=[50_000, 200_000], help="depths of a page"
    )
    parser.add_argument(
        "--links", type=int, nargs="+", default=[10_000, 40_000], help="links on a page"
    )
    args = parser.parse_args()
    from reader.importers.encoding import decode_text
    from reader.importers.html import import_html
    from reader.importers.text import import_text

    page, legacy = big_page(), (ZH * 12_000).encode("gbk")
    line = (KITES * 100_000).encode()
    import_html(page[:5000], "warm-up.html")
    print("min / median / max of", args.runs, "runs")
    print("big mixed page (1 s):      ", timed(args.runs, lambda: import_html(page, "big.html")))
    print("7 MB GBK detection (5 s):  ", timed(args.runs, lambda: decode_text(legacy)))
    print("10 MB one line (10 s):     ", timed(args.runs, lambda: import_text(line, "big.txt")))
    print("re-anchoring in 1 MB (3 s):", timed(args.runs, reanchoring()))
    print("35k-character query (2 s): ", long_query(args.runs))
    print("deep nesting, sanitized:")
    for depth in args.depth:
        nesting(depth)
    print("deep nesting, a whole page imported:")
    for depth in args.page_depth:
        deep_page(depth)
    print("a page of links in a row (10 s at 40,000):")
    for count in args.links:
        link_page(count)


if __name__ == "__main__":
    main()
