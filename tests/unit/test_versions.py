"""The same-story measure: edits stay one story, other pages from the same site do not."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import opencc
import pytest

from reader.core.versions import Likeness, SourceMatch, Verdict, closest, compare

DATA = Path(__file__).parent.parent / "data" / "versions"


def page(name: str) -> str:
    return (DATA / name).read_text(encoding="utf-8")


def paragraphs(text: str) -> list[str]:
    return text.split("\n\n")


def reword_paragraph(text: str, index: int, new: str) -> str:
    parts = paragraphs(text)
    parts[index] = new
    return "\n\n".join(parts)


def append_before_footer(text: str, update: str) -> str:
    parts = paragraphs(text)
    return "\n\n".join([*parts[:-1], update, parts[-1]])


def rewrite_every_other_paragraph(text: str, rewrite: Callable[[str], str]) -> str:
    parts = paragraphs(text)
    body = [i for i, p in enumerate(parts) if len(p) > 40]
    for i in body[::2]:
        parts[i] = rewrite(parts[i])
    return "\n\n".join(parts)


EN = page("en-ferry.txt")
ZH = page("zh-bookshop.txt")

EN_EDITS = {
    "typo": EN.replace("regional transport office", "regional transprot office", 1),
    "paragraph": reword_paragraph(
        EN,
        6,
        'Ella Marsh, who runs the island shop, said the news had travelled fast. "Half of '
        "Stennis came in this morning asking what it means. Some will have to stay in town two "
        'or three nights a week, and not everyone can pay for that."',
    ),
    "update": append_before_footer(
        EN,
        "Update, 4 November: After a meeting with the island council on Saturday, the ferry "
        "company agreed to keep the nine o'clock crossing on Wednesdays until the end of "
        "January while it tries to recruit more crew. The regional transport office said it "
        "would review the subsidy terms for the route at its January meeting. Island residents "
        "welcomed the change but said one late boat a week was not enough for shift workers.",
    ),
    "headline": EN.replace(
        "Winter ferry timetable cuts evening crossings to the islands",
        "Islanders face early last boat as ferry firm trims winter sailings",
    ),
    "quotes": EN.replace('"', "\u201c"),
}
ZH_EDITS = {
    "typo": ZH.replace("修缮", "修善", 1),
    "paragraph": reword_paragraph(
        ZH,
        4,
        "店主陈阿姨介绍，书店停业期间，不少老主顾常来门口看看，打听哪天重新营业。"
        "还有人把家里读过的书送来，说等开门后放在旧书角，给更多人看。",
    ),
    "update": append_before_footer(
        ZH,
        "【记者追踪】开业一周后，书店的读书会已经报满了名额，街道办事处决定把每月第一个周六定为"
        "“老街读书日”。陈阿姨说，最近每天都有外区的读者专程坐公交车过来，店里的旧书角也已经"
        "收到了两百多本捐书，她正在找志愿者帮忙登记和整理。",
    ),
    "headline": ZH.replace(
        "老街书店重新开门，街坊们排队买下第一本书", "修缮半年后，城南老街书店重新迎客"
    ),
    "punctuation": ZH.replace("，", ",").replace("《", "<").replace("》", ">"),
    # Converted to Traditional script (search already treats 书店 and 書店 as one word).
    "traditional": opencc.OpenCC("s2t").convert(ZH),
    # Every full-width mark (，。：；！？（）) turned into its half-width twin.
    "half-width": ZH.translate(str.maketrans("，。：；！？（）", ",.:;!?()")),
}


@pytest.mark.parametrize("edit", sorted(EN_EDITS))
def test_an_edited_english_story_is_the_same_story(edit: str) -> None:
    found = compare(EN, EN_EDITS[edit])
    assert found.verdict is Verdict.SAME, found
    assert found.kept >= 0.85


@pytest.mark.parametrize("edit", sorted(ZH_EDITS))
def test_an_edited_chinese_story_is_the_same_story(edit: str) -> None:
    found = compare(ZH, ZH_EDITS[edit])
    assert found.verdict is Verdict.SAME, found
    assert found.kept >= 0.85


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("en-ferry.txt", "en-pier.txt"),
        ("en-pier.txt", "en-ferry.txt"),
        ("zh-bookshop.txt", "zh-market.txt"),
        ("zh-market.txt", "zh-bookshop.txt"),
    ],
)
def test_another_story_from_the_same_site_is_different(old: str, new: str) -> None:
    # The pages share the site's navigation, breadcrumb and footer, nothing else.
    found = compare(page(old), page(new))
    assert found.verdict is Verdict.DIFFERENT, found
    assert found.kept < 0.15


def test_a_heavily_rewritten_story_is_a_question() -> None:
    rewritten = rewrite_every_other_paragraph(
        EN, lambda p: " ".join(w[::-1] if i % 2 else w for i, w in enumerate(p.split()))
    )
    assert compare(EN, rewritten).verdict is Verdict.UNSURE
    assert compare(ZH, rewrite_every_other_paragraph(ZH, lambda p: p[::-1])).verdict is (
        Verdict.UNSURE
    )


def test_short_briefs_that_are_mostly_boilerplate_are_a_question_not_a_version() -> None:
    nav, footer = paragraphs(ZH)[0], "\n\n".join(paragraphs(ZH)[-1:])
    one = f"{nav}\n\n今日降温\n\n气象台预计今晚最低气温降到零下五度。\n\n{footer}"
    two = f"{nav}\n\n地铁延长运营\n\n地铁三号线周末延长运营一小时。\n\n{footer}"
    assert compare(one, two).verdict is Verdict.UNSURE


def test_a_page_that_is_mostly_new_material_is_asked_about() -> None:
    # The whole old text survives, but as a tenth of something else.
    others = [page(name) for name in ("en-ferry.txt", "en-pier.txt", "zh-market.txt")]
    found = compare(ZH, "\n\n".join([ZH, *others]))
    assert found.kept == 1.0 and found.fresh < 0.2
    assert found.verdict is Verdict.UNSURE


def test_tiny_and_empty_texts() -> None:
    assert compare("Body one.\n\nBody two.", "Body one, revised.\n\nBody two.").kept == 1.0
    assert compare("", "").verdict is Verdict.SAME
    assert compare("", "Something.").verdict is Verdict.DIFFERENT
    assert compare("Kites.", "Boats.").verdict is Verdict.DIFFERENT


def test_thresholds_order_the_verdicts() -> None:
    assert Likeness(0.34, 1.0).verdict is Verdict.DIFFERENT
    assert Likeness(0.35, 1.0).verdict is Verdict.UNSURE
    assert Likeness(0.79, 1.0).verdict is Verdict.UNSURE
    assert Likeness(1.0, 0.19).verdict is Verdict.UNSURE
    assert Likeness(0.80, 0.2).verdict is Verdict.SAME


def test_closest_picks_the_stored_text_kept_best() -> None:
    stored = [(3, "URL", page("en-pier.txt")), (2, "URL", EN), (1, "file", ZH)]
    found = closest(EN_EDITS["paragraph"], stored)
    assert isinstance(found, SourceMatch)
    assert (found.article_id, found.by, found.verdict) == (2, "URL", Verdict.SAME)
    assert closest(EN, []) is None


def long_text(name: str, size: int = 800_000) -> str:
    """A long page: the story repeated with numbered sentences, so few repeat exactly."""
    base, parts, n = page(name), [], 0
    while sum(map(len, parts)) < size:
        parts.append(base.replace("。", f"{n}。").replace(". ", f" {n}. "))
        n += 1
    return "\n\n".join(parts)[:size]


@pytest.mark.parametrize("name", ["zh-bookshop.txt", "en-ferry.txt"])
def test_800k_character_texts_are_judged(name: str) -> None:
    # How fast is measured by bench/versions_bench.py, not here: timed tests flake on a loaded
    # machine. Measured there: about 40 ms English, 120 ms Chinese for 800k characters.
    old = long_text(name)
    added = "插入的一句话。An added sentence. "
    edited = old[:400_000] + added + old[400_000:].replace("的", "之", 40)
    other = long_text("zh-market.txt" if name.startswith("zh") else "en-pier.txt")
    assert compare(old, edited).verdict is Verdict.SAME
    assert compare(old, other).verdict is Verdict.DIFFERENT
