"""Whether a re-imported text is a new version of a stored article or a different story.

Pages that share a source (the same file, or the same canonical/og:url, which many sites give
every page of a section) are only a new version of one another when the texts tell the same
story. The measure is how much of the OLD text survives in the new one ("kept", 0 to 1):

1. Both texts are cut into sentences (at 。！？；… . ! ? ; and line breaks), case-folded,
   with spaces, commas and quote marks dropped. Sentences found whole in the other text count
   in full, weighted by length. Texts not judged the same story are compared again folded to
   Simplified script, as search folds them (a page converted to Traditional is one story).
2. The sentences left over on each side (the edited ones) are compared again as sets of
   12-byte UTF-8 shingles (4 Han characters or 12 Latin letters: about two words in either
   script), so a typo fix, a changed quote mark or a reworded clause costs only the shingles
   it touches. Unrelated stories share under 0.1% of such shingles, two documents of one
   project 1.8% (5-letter shingles: 10-20%, too many to tell stories apart). At most
   REFINE_BYTES of leftovers per side are shingled, in text order, and their share stands
   for all of them: that bounds the work on a long text.

`fresh` is the same measure the other way round (how much of the new text was already there):
a new text that is mostly new material around the old one is a question, not a version.

Measured on the pairs in tests/unit/test_versions.py (saved pages of about 2,300 English and
570 Chinese characters, with the site's navigation, breadcrumb and footer):

    the new text                                 kept, en / zh
    a typo fixed                                 0.99 / 0.99
    quote marks or commas changed throughout     1.00 / 0.98
    one paragraph of eight reworded              0.86 / 0.87
    an update appended                           1.00 / 1.00   (fresh 0.85 / 0.83)
    the headline rewritten                       0.97 / 0.97
    every other paragraph rewritten              0.51 / 0.58
    another story from the same site             0.07 / 0.10
    another 30-character brief inside the same
    70 characters of navigation and footer       0.70

Hence SAME from 0.80 (an edited story keeps most of its sentences; the brief that is mostly
boilerplate stays a question), DIFFERENT below 0.35 (shared navigation and footers stay far
under it), UNSURE in between. A page that is more than four fifths boilerplate can still pass
for a version: extraction removes most of it before texts get here. Two 800,000-character
texts compare in 20-45 ms on a loaded two-core machine.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import Enum

from reader.core.folding import to_simplified

SAME_FROM = 0.80
DIFFERENT_BELOW = 0.35
# A "version" whose text is more than four fifths new material is asked about, not assumed.
FRESH_FROM = 0.20
SHINGLE_BYTES = 12
# Leftover sentences shingled per side, in UTF-8 bytes (about 10 ms of work on this budget).
REFINE_BYTES = 20_000

# Sentence ends become line breaks; then spaces, commas and quotes are dropped. Plain
# str.replace passes rather than a regular expression: on 800k characters they take 15 ms
# where `re.sub` takes 50. ("3.5" splits in two, the same way in both texts.)
_SENTENCE_ENDS = ("。", "！", "？", "；", "…", ".", "!", "?", ";")
_DROPPED = (" ", "\t", "\xa0", "\u3000", ",", "，", "、", '"', "'", "“", "”", "‘", "’")


class Verdict(Enum):
    SAME = "same"  # a new version of the stored article
    UNSURE = "unsure"  # ask the user (or keep both)
    DIFFERENT = "different"  # a different story that happens to share the source


@dataclass(frozen=True)
class Likeness:
    """How much of the old text is in the new one (`kept`) and of the new in the old."""

    kept: float
    fresh: float

    @property
    def verdict(self) -> Verdict:
        if self.kept < DIFFERENT_BELOW:
            return Verdict.DIFFERENT
        if self.kept >= SAME_FROM and self.fresh >= FRESH_FROM:
            return Verdict.SAME
        return Verdict.UNSURE


class Sentences:
    """A text cut into folded sentences, prepared once to compare with several others."""

    def __init__(self, text: str, *, scripts_folded: bool = False) -> None:
        folded = (to_simplified(text) if scripts_folded else text).casefold()
        for mark in _SENTENCE_ENDS:
            folded = folded.replace(mark, "\n")
        for mark in _DROPPED:
            folded = folded.replace(mark, "")
        # In text order, without repeats: leftovers are sampled from the start.
        self.order = [s for s in dict.fromkeys(folded.split("\n")) if s]
        self.set = frozenset(self.order)
        self.size = sum(map(len, self.order))


def likeness(old: Sentences, new: Sentences) -> Likeness:
    """Compare the stored text with a new import of the same source."""
    if not old.size or not new.size:
        same = old.size == new.size
        return Likeness(1.0 if same else 0.0, 1.0 if same else 0.0)
    matched = sum(map(len, old.set & new.set))
    old_rest = [s for s in old.order if s not in new.set]
    new_rest = [s for s in new.order if s not in old.set]
    old_share, new_share = _shared_shingles(old_rest, new_rest)
    kept = (matched + old_share * sum(map(len, old_rest))) / old.size
    fresh = (matched + new_share * sum(map(len, new_rest))) / new.size
    return Likeness(round(min(kept, 1.0), 3), round(min(fresh, 1.0), 3))


def compare(old_text: str, new_text: str) -> Likeness:
    return _NewText(new_text).likeness(old_text)


class _NewText:
    """A new import's text, prepared once to compare with stored texts; folded to Simplified
    script only when needed."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.sentences = Sentences(text)
        self._folded: Sentences | None = None

    def likeness(self, old_text: str) -> Likeness:
        found = likeness(Sentences(old_text), self.sentences)
        if found.verdict is Verdict.SAME:
            return found
        # Compared again with both scripts folded as search folds them: a page converted to
        # Traditional (or back) is the same story. Only here: folding costs about 50 ms per
        # 800k characters a side, which every edited version would pay.
        if self._folded is None:
            self._folded = Sentences(self.text, scripts_folded=True)
        folded = likeness(Sentences(old_text, scripts_folded=True), self._folded)
        return folded if folded.kept > found.kept else found


def _shared_shingles(old_rest: list[str], new_rest: list[str]) -> tuple[float, float]:
    """The share of each side's leftover shingles also found on the other side."""
    old_bytes, new_bytes = _leftovers(old_rest), _leftovers(new_rest)
    # Shorter shingles only when a side has less than one shingle of leftovers (tiny texts).
    width = min(SHINGLE_BYTES, len(old_bytes), len(new_bytes))
    if not width:
        return 0.0, 0.0
    old_shingles = _shingles(old_bytes, width)
    new_shingles = _shingles(new_bytes, width)
    common = len(old_shingles & new_shingles)
    return common / len(old_shingles), common / len(new_shingles)


def _leftovers(sentences: list[str]) -> bytes:
    """The first REFINE_BYTES of the leftover sentences, in text order."""
    found = bytearray()
    for sentence in sentences:
        found += sentence.encode("utf-8")
        if len(found) >= REFINE_BYTES:
            break
    return bytes(found[:REFINE_BYTES])


def _shingles(data: bytes, width: int) -> set[bytes]:
    return {data[i : i + width] for i in range(len(data) - width + 1)}


@dataclass(frozen=True)
class SourceMatch:
    """A stored article that shares a new import's file or URL, and how alike the texts are."""

    article_id: int
    by: str  # "file" or "URL": what the two share
    likeness: Likeness

    @property
    def verdict(self) -> Verdict:
        return self.likeness.verdict

    def to_json(self) -> dict[str, object]:
        return {
            "id": self.article_id,
            "by": self.by,
            "similarity": self.likeness.kept,
            "verdict": self.verdict.value,
        }


def closest(new_text: str, stored: Iterable[tuple[int, str, str]]) -> SourceMatch | None:
    """Of the stored (id, shared, text) articles, the one whose text the new one keeps most of."""
    new = _NewText(new_text)
    best: SourceMatch | None = None
    for article_id, by, text in stored:
        found = SourceMatch(article_id, by, new.likeness(text))
        if best is None or found.likeness.kept > best.likeness.kept:
            best = found
    return best
