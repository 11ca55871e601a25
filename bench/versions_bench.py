"""How long judging "new version or new article" takes on long texts (core.versions.compare).

Baseline in the same run: difflib's quick_ratio on the same pair, the cheapest standard-library
similarity, so the ratio says what our measure costs beyond a character count.

    python bench/versions_bench.py [--chars 800000] [--runs 5]
"""

from __future__ import annotations

import argparse
import difflib
import os
import statistics
import time

from reader.core.versions import compare

ZH = "湖畔小城迎来了第十届国际风筝节,来自三十多个国家和地区的队伍携带各自的作品参加比赛。"
EN = "The fishing boats leave before sunrise, and by seven the quay is quiet again. "


def long_text(sentence: str, size: int) -> str:
    parts, n = [], 0
    while sum(map(len, parts)) < size:
        parts.append(f"{sentence[:-1]} {n}{sentence[-1]}")
        n += 1
    return "\n\n".join(parts)[:size]


def timed(work: object, runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        work()  # type: ignore[operator]
        times.append((time.perf_counter() - started) * 1000)
    return times


def row(label: str, ms: list[float]) -> str:
    return f"{label:38} {min(ms):8.1f} {statistics.median(ms):8.1f} {max(ms):8.1f}"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--chars", type=int, default=800_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    print(f"machine: {os.cpu_count()} cores (shared and noisy: compare within a run)")
    print(f"{'ms (min / median / max)':38} {'min':>8} {'median':>8} {'max':>8}")
    for name, sentence in (("zh", ZH), ("en", EN)):
        old = long_text(sentence, args.chars)
        edited = old[: args.chars // 2] + "An added sentence. " + old[args.chars // 2 :]
        ours = timed(lambda o=old, e=edited: compare(o, e), args.runs)
        base = timed(
            lambda o=old, e=edited: difflib.SequenceMatcher(None, o, e).quick_ratio(), args.runs
        )
        print(row(f"{name}: compare (ours)", ours))
        print(row(f"{name}: difflib quick_ratio (baseline)", base))
        ratio = statistics.median(ours) / statistics.median(base)
        print(f"{name}: ours / baseline (median): {ratio:.2f}")


if __name__ == "__main__":
    main()
