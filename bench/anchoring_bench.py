"""How many highlights survive a re-import of a changed article: exact, fuzzy, orphaned, wrong.

Generated Simplified Chinese articles (our own vocabulary, fixed seed) carry highlights of
2–60 characters; each article is then changed the way real re-imports change it, and every
highlight is re-anchored in the new text:

- s2t: converted to Traditional Chinese with OpenCC (s2t);
- s2twp: the same with Taiwan's own words as well (网络 → 網路): the words, not only the
  characters, change, so only fuzzy matching can follow them;
- width: full-width punctuation turned half-width, with a space after commas and colons;
- moved: the sentence holding a short highlight is rewritten without it, while the quote
  still occurs elsewhere; the only right outcomes are fuzzy or orphaned, never anchored;
- typo: one character just before a short highlight is fixed (the quote stays where it was);
  the right outcome is exact, and "fuzzy" here is caution that costs the reader a check.

"exact" means anchored on exactly the converted characters; "wrong" means anchored (not fuzzy)
somewhere else, the one outcome that misleads the reader.

    python bench/anchoring_bench.py [--articles 40] [--highlights 25] [--seed 7]
"""

from __future__ import annotations

import argparse
import random
from collections import Counter
from collections.abc import Callable

import opencc

from reader.core.anchoring import reanchor
from reader.core.annotation import AnchorStatus, selectors

SUBJECTS = ("国际会议", "这个城市", "我们的团队", "经济学家", "历史博物馆", "网络公司", "学校")
VERBS = ("发布了", "讨论了", "决定推迟", "重新设计了", "认真检查了", "开始记录", "宣布支持")
OBJECTS = ("新的发展计划", "关于数据的报告", "电脑系统", "传统节日的活动", "东西两岸的桥梁")
TAILS = ("（2024年）", "，时间是下午三点", "：详情见附录", "！", "？", "，并说明了原因", "")
ENDS = ("。", "；", "。")

Change = Callable[[str], tuple[str, list[int]]]


def article(rng: random.Random, sentences: int = 60) -> str:
    parts = []
    for n in range(sentences):
        parts.append(
            rng.choice(SUBJECTS) + rng.choice(VERBS) + rng.choice(OBJECTS) + rng.choice(TAILS)
        )
        parts.append(rng.choice(ENDS))
        if n % 6 == 5:
            parts.append("\n\n")
    return "".join(parts).strip()


def to_traditional(text: str) -> tuple[str, list[int]]:
    converted = opencc.OpenCC("s2t").convert(text)
    if len(converted) != len(text):
        raise SystemExit("s2t changed the length: the generated vocabulary needs a fix")
    return converted, list(range(len(text) + 1))


def to_taiwan_phrases(text: str) -> tuple[str, list[int]]:
    """OpenCC s2twp: Traditional with Taiwan's words (网络 → 網路, 数据 → 資料); where each
    old offset went is read from the converted length of the text before it."""
    converter = opencc.OpenCC("s2twp")
    converted = converter.convert(text)
    where = [len(converter.convert(text[:offset])) for offset in range(len(text) + 1)]
    return converted, where


_HALF = {"，": ", ", "：": ": ", "；": "; ", "！": "!", "？": "?", "（": "(", "）": ")"}


def to_half_width(text: str) -> tuple[str, list[int]]:
    """The changed text and where each old offset went (one entry more than the text)."""
    pieces, where, offset = [], [], 0
    for char in text:
        new = _HALF.get(char, char)
        where.append(offset)
        pieces.append(new)
        offset += len(new)
    where.append(offset)
    return "".join(pieces), where


def spans(rng: random.Random, text: str, count: int) -> list[tuple[int, int]]:
    found: list[tuple[int, int]] = []
    while len(found) < count:
        size = rng.choice((2, 3, 4, 6, 8, 12, 20, 40, 60))
        start = rng.randrange(0, len(text) - size)
        chunk = text[start : start + size]
        if chunk.strip() == chunk and "\n" not in chunk:
            found.append((start, start + size))
    return found


def expected(new: str, where: list[int], start: int, end: int) -> tuple[int, int]:
    """The span's characters in the new text, without the spaces a change added at its end."""
    new_start, new_end = where[start], where[end]
    while new_end > new_start and new[new_end - 1] == " ":
        new_end -= 1
    return new_start, new_end


def run_change(name: str, change: Change, args: argparse.Namespace) -> Counter[str]:
    rng = random.Random(args.seed)
    outcomes: Counter[str] = Counter()
    for _ in range(args.articles):
        old = article(rng)
        new, where = change(old)
        for start, end in spans(rng, old, args.highlights):
            quote, position = selectors(old, start, end)
            result = reanchor(quote, position, new)
            if result.status is AnchorStatus.ORPHANED:
                outcomes["orphaned"] += 1
            elif result.status is AnchorStatus.FUZZY:
                outcomes["fuzzy"] += 1
            elif (result.start, result.end) == expected(new, where, start, end):
                outcomes["exact"] += 1
            else:
                outcomes["wrong"] += 1
    return outcomes


def moved_cases(args: argparse.Namespace) -> Counter[str]:
    """A short quote whose sentence was rewritten; the quote still occurs elsewhere."""
    rng = random.Random(args.seed)
    outcomes: Counter[str] = Counter()
    for _ in range(args.articles):
        old = article(rng)
        for _ in range(args.highlights):
            word = rng.choice(OBJECTS)
            places = [i for i in range(len(old)) if old.startswith(word, i)]
            if len(places) < 2:
                continue
            start = rng.choice(places)
            quote, position = selectors(old, start, start + len(word))
            sentence_start = max(old.rfind(c, 0, start) for c in "。；\n") + 1
            new = old[:sentence_start] + "会议改期，另行通知" + old[start + len(word) :]
            result = reanchor(quote, position, new)
            outcomes[
                "wrong" if result.status is AnchorStatus.ANCHORED else result.status.value
            ] += 1
    return outcomes


def typo_cases(args: argparse.Namespace) -> Counter[str]:
    """A short highlight whose sentence had a typo fixed a few characters before it."""
    rng = random.Random(args.seed)
    outcomes: Counter[str] = Counter()
    for _ in range(args.articles):
        old = article(rng)
        for start, end in spans(rng, old, args.highlights):
            end = min(end, start + 6)
            fix = start - rng.randrange(2, 10)
            if fix < 0 or old[fix] in "\n":
                continue
            new = old[:fix] + "错" + old[fix:]  # a character that was missing
            quote, position = selectors(old, start, end)
            result = reanchor(quote, position, new)
            if result.status is AnchorStatus.ANCHORED:
                right = (result.start, result.end) == (start + 1, end + 1)
                outcomes["exact" if right else "wrong"] += 1
            else:
                outcomes[result.status.value] += 1
    return outcomes


def show(name: str, outcomes: Counter[str]) -> None:
    total = sum(outcomes.values()) or 1
    cells = "  ".join(
        f"{key} {100 * outcomes[key] / total:5.1f}%"
        for key in ("exact", "fuzzy", "orphaned", "wrong")
    )
    print(f"{name:8} n={total:5}  {cells}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=40)
    parser.add_argument("--highlights", type=int, default=25)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    show("s2t", run_change("s2t", to_traditional, args))
    show("s2twp", run_change("s2twp", to_taiwan_phrases, args))
    show("width", run_change("width", to_half_width, args))
    show("moved", moved_cases(args))
    show("typo", typo_cases(args))


if __name__ == "__main__":
    main()
