"""Finding a highlight again in a changed text: position, exact quote, context, fuzzy, orphaned."""

from __future__ import annotations

import functools
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from difflib import SequenceMatcher
from itertools import pairwise

from reader.core import scripts
from reader.core.annotation import (
    AnchorStatus,
    TextPositionSelector,
    TextQuoteSelector,
    trim_span,
)
from reader.core.folding import FoldedText, fold, fold_text
from reader.errors import InvalidSpan, QuoteAmbiguous, QuoteNotFound

# A passage is accepted as the edited quote from this similarity up (difflib ratio, 0–1).
FUZZY_THRESHOLD = 0.75
# Quotes shorter than this are too easy to find by chance: the context must agree as well.
SHORT_QUOTE = 16
# Characters of surrounding context that must still agree for a repeated quote to count as found.
CONTEXT_MIN = 8
# A short quote found away from its old place keeps its anchor from this context similarity up.
MOVED_CONTEXT = 0.75
# Bounds that keep a search on a 1 MB article well under a second.
MAX_OCCURRENCES = 20_000  # exact hits looked at
SCORED_OCCURRENCES = 500  # of those, the ones nearest the old position scored on context
HITS_PER_PIECE = 8  # fuzzy: places kept for each piece of the quote looked up
COMMON_PIECE = 1_000  # fuzzy: a piece found more often than this is ignored
CANDIDATES = 6  # fuzzy: best start and end guesses paired up and compared
PIECE = 16  # fuzzy: length of the edge pieces looked up
GRAM = 8  # fuzzy: length of the inner pieces
GRAMS = 24  # fuzzy: at most this many inner pieces
COMPARED = 12  # fuzzy: at most this many candidate passages compared with the quote
CHARWISE = 300  # fuzzy: longer passages are compared word by word
WORDWISE = 3_000  # fuzzy: longer passages are compared as bags of word pairs

# Words of alphabetic scripts, or single characters of the rest (CJK has no spaces to split on).
_ONE_BY_ONE = scripts.char_class(scripts.CJK_LETTERS)
_TOKEN = re.compile(rf"(?:(?![{_ONE_BY_ONE}])\w)+|\S")
_NUMBER = re.compile(r"\d+")  # any script's decimal digits
_CITATION = re.compile(r"\[\s*\d+(?:\s*[,–-]\s*\d+)*\s*\]")


@dataclass(frozen=True)
class AnchorResult:
    """Where a highlight now lies; start and end are None when it is orphaned."""

    start: int | None
    end: int | None
    status: AnchorStatus

    @property
    def found(self) -> bool:
        return self.status is not AnchorStatus.ORPHANED


ORPHANED = AnchorResult(None, None, AnchorStatus.ORPHANED)


def reanchor(
    quote: TextQuoteSelector, position: TextPositionSelector | None, text: str
) -> AnchorResult:
    """Attach a highlight to `text`, trying each step in turn; never raises for odd input.

    The text is first compared as it is; when that does not settle the place, it is compared
    folded the way search folds it (Traditional/Simplified, full/half width, quotes, spacing),
    and the match is mapped back to exact positions in `text`.
    """
    if not quote.exact or not text:
        return ORPHANED
    direct = _exact_match(text, quote, position)
    if direct is not None and direct.status is AnchorStatus.ANCHORED:
        return direct
    folded = _folded_match(text, quote, position, fuzzy=direct is None)
    if folded is None:
        return direct or ORPHANED
    if direct is None:
        return folded
    # The quote is still in the text as it was: folding may pick the place, but only one
    # holding those very characters (folding drops spaces at a quote's edges, say).
    same = text[folded.start : folded.end] == quote.exact
    return folded if folded.status is AnchorStatus.ANCHORED and same else direct


def _exact_match(
    text: str, quote: TextQuoteSelector, position: TextPositionSelector | None
) -> AnchorResult | None:
    """The quote where it stands unchanged, judged by its context; None when it is gone."""
    hint = position.start if position is not None else 0
    places = _occurrences(text, quote.exact)
    scored = _scored(text, quote, places, hint)
    unique = len(places) == 1
    if position is not None and _holds(text, quote, position.start):
        score = _context_score(text, quote, position.start)
        # The old place wins unless another copy of the quote has more of the old context.
        if score >= scored[0][0]:
            status = _status(quote, score, unique=unique)
            return AnchorResult(position.start, position.start + len(quote.exact), status)
    if scored:
        score, _, best = scored[0]
        if position is not None:
            status = _moved_status(text, quote, score, best, unique=unique)
        else:
            status = _status(quote, score, unique=unique)
        return AnchorResult(best, best + len(quote.exact), status)
    return None


def _folded_match(
    text: str, quote: TextQuoteSelector, position: TextPositionSelector | None, *, fuzzy: bool
) -> AnchorResult | None:
    """`_exact_match` (then the fuzzy search) on folded text, mapped back to `text`."""
    folded = _folded(text)
    exact = fold(quote.exact)
    if not exact or not folded.text:
        return None
    fquote = TextQuoteSelector(exact, fold(quote.prefix), fold(quote.suffix))
    fposition = None
    if position is not None:
        start = folded.to_folded(position.start)
        fposition = TextPositionSelector(start, start + len(exact))
    found = _exact_match(folded.text, fquote, fposition)
    if found is None and fuzzy:
        found = _fuzzy_match(folded.text, fquote, fposition.start if fposition else 0)
    if found is None or found.start is None or found.end is None:
        return None
    start, end = folded.to_original(found.start, found.end)
    return AnchorResult(start, end, found.status)


@functools.lru_cache(maxsize=2)
def _folded(text: str) -> FoldedText:
    """Cached: re-anchoring an article's highlights folds its new text once, not per highlight."""
    return fold_text(text)


def locate_quote(text: str, quote: str, occurrence: int | None = None) -> tuple[int, int]:
    """The range of a quote typed by the user; `occurrence` (1-based) picks among repeats.

    Runs of white space in the quote match any run of white space in the text, so a quote
    copied across a line break still matches.
    """
    needle = " ".join(unicodedata.normalize("NFC", quote).split())
    if not needle:
        raise QuoteNotFound("the quote is empty")
    pattern = r"\s+".join(re.escape(word) for word in needle.split(" "))
    # A lookahead finds overlapping repeats too ("aa" twice in "aaa"); the group is the extent.
    spans = [(m.start(1), m.end(1)) for m in re.finditer(f"(?=({pattern}))", text)]
    if not spans:
        raise QuoteNotFound(f"the quote {_short(needle)!r} is not in the article")
    if occurrence is None:
        if len(spans) > 1:
            raise QuoteAmbiguous(len(spans), needle)
        return spans[0]
    if not 1 <= occurrence <= len(spans):
        raise QuoteNotFound(
            f"occurrence {occurrence} asked for, but the quote occurs {len(spans)} time(s)"
        )
    return spans[occurrence - 1]


def _short(quote: str, limit: int = 40) -> str:
    return quote if len(quote) <= limit else quote[: limit - 1] + "…"


# -- exact matches ------------------------------------------------------------------------------


def _holds(text: str, quote: TextQuoteSelector, start: int) -> bool:
    return start >= 0 and text.startswith(quote.exact, start)


def _occurrences(text: str, exact: str, limit: int = MAX_OCCURRENCES) -> list[int]:
    found: list[int] = []
    index = text.find(exact)
    while index >= 0 and len(found) < limit:
        found.append(index)
        index = text.find(exact, index + 1)
    return found


def _context_score(text: str, quote: TextQuoteSelector, start: int) -> int:
    """How many characters of the stored prefix and suffix agree with the text around start."""
    before = text[max(0, start - len(quote.prefix)) : start]
    end = start + len(quote.exact)
    after = text[end : end + len(quote.suffix)]
    return _common_tail(before, quote.prefix) + _common_head(after, quote.suffix)


def _common_head(a: str, b: str) -> int:
    n = min(len(a), len(b))
    i = 0
    while i < n and a[i] == b[i]:
        i += 1
    return i


def _common_tail(a: str, b: str) -> int:
    n = min(len(a), len(b))
    i = 0
    while i < n and a[-1 - i] == b[-1 - i]:
        i += 1
    return i


def _nearest(places: list[int], hint: int, count: int) -> list[int]:
    if len(places) <= count:
        return places
    return sorted(places, key=lambda p: abs(p - hint))[:count]


def _scored(
    text: str, quote: TextQuoteSelector, places: list[int], hint: int
) -> list[tuple[int, int, int]]:
    """(context score, -distance from the old place, place), best first."""
    scored = [
        (_context_score(text, quote, p), -abs(p - hint), p)
        for p in _nearest(places, hint, SCORED_OCCURRENCES)
    ]
    return sorted(scored, reverse=True)


def _status(quote: TextQuoteSelector, score: int, *, unique: bool) -> AnchorStatus:
    """Anchored, or fuzzy when the place is a guess: the context around it is gone and the
    quote is repeated, or too short to tell by itself."""
    needed = min(CONTEXT_MIN, len(quote.prefix) + len(quote.suffix))
    if score >= needed or (unique and len(quote.exact) >= SHORT_QUOTE):
        return AnchorStatus.ANCHORED
    return AnchorStatus.FUZZY


def _moved_status(
    text: str, quote: TextQuoteSelector, score: int, start: int, *, unique: bool
) -> AnchorStatus:
    """`_status` for a quote found away from its old place.

    A short quote there needs most of its old context around it: a few common words either
    side ("approved the", "的") would otherwise carry it, silently, onto another occurrence
    when the sentence it stood in has changed.
    """
    status = _status(quote, score, unique=unique)
    if status is AnchorStatus.FUZZY or len(quote.exact) >= SHORT_QUOTE:
        return status
    end = start + len(quote.exact)
    if _context_similarity(text, quote, start, end) >= MOVED_CONTEXT:
        return AnchorStatus.ANCHORED
    return AnchorStatus.FUZZY


# -- fuzzy matches ------------------------------------------------------------------------------


def _hits(text: str, piece: str, hint: int) -> list[int]:
    if len(piece) < 3:
        return []
    places = _occurrences(text, piece, COMMON_PIECE + 1)
    # A piece found everywhere says nothing about where the quote went, and costs time.
    if len(places) > COMMON_PIECE:
        return []
    return _nearest(places, hint, HITS_PER_PIECE)


def _votes(text: str, quote: TextQuoteSelector, hint: int) -> tuple[Counter[int], Counter[int]]:
    """Guesses of where the edited quote now starts and ends, from pieces that survived."""
    exact, size = quote.exact, len(quote.exact)
    starts: Counter[int] = Counter()
    ends: Counter[int] = Counter()
    before, head = quote.prefix[-PIECE:], exact[:PIECE]
    tail, after = exact[-PIECE:], quote.suffix[:PIECE]
    for p in _hits(text, before, hint - len(before)):
        starts[p + len(before)] += 3
    for p in _hits(text, head, hint):
        starts[p] += 3
    for p in _hits(text, tail, hint + size - len(tail)):
        ends[p + len(tail)] += 3
    for p in _hits(text, after, hint + size):
        ends[p] += 3
    gram = min(GRAM, max(3, size // 3))
    step = max(1, (size - gram) // GRAMS)
    for offset in range(0, max(1, size - gram + 1), step):
        for p in _hits(text, exact[offset : offset + gram], hint + offset):
            starts[p - offset] += 1
            ends[p - offset + size] += 1
    return starts, ends


def _spans(
    starts: Counter[int], ends: Counter[int], size: int, length: int
) -> list[tuple[int, int]]:
    """Candidate passages, best supported first: start and end guesses paired up."""
    top_starts = starts.most_common(CANDIDATES)
    top_ends = ends.most_common(CANDIDATES)
    weighted: dict[tuple[int, int], int] = {}
    for s, votes in top_starts:
        weighted[(s, s + size)] = votes
    for e, votes in top_ends:
        weighted[(e - size, e)] = max(votes, weighted.get((e - size, e), 0))
    for s, start_votes in top_starts:
        for e, end_votes in top_ends:
            if size / 2 <= e - s <= size * 2:
                weighted[(s, e)] = start_votes + end_votes
    ranked = sorted(weighted, key=lambda span: -weighted[span])
    clamped = [(max(0, s), min(length, e)) for s, e in ranked]
    return [(s, e) for s, e in clamped if e > s][:COMPARED]


def _tokens(text: str) -> list[str]:
    return _TOKEN.findall(text)


def _similarity(a: str, b: str) -> float:
    """difflib's ratio: by characters for short quotes, by words (and CJK characters) for long.

    Comparing long passages character by character is slow and, over a small alphabet, aligns
    letters of different words; words keep both the cost and the alignment sane. Past a few
    pages even that is quadratic, so very long passages compare their word pairs as bags.
    """
    longest = max(len(a), len(b))
    if longest > WORDWISE:
        return _bigram_dice(_tokens(a), _tokens(b))
    matcher: SequenceMatcher[str]
    if longest <= CHARWISE:
        matcher = SequenceMatcher(None, a, b, autojunk=False)
    else:
        matcher = SequenceMatcher(None, _tokens(a), _tokens(b), autojunk=False)
    if matcher.real_quick_ratio() < FUZZY_THRESHOLD or matcher.quick_ratio() < FUZZY_THRESHOLD:
        return 0.0
    return matcher.ratio()


def _bigram_dice(a: list[str], b: list[str]) -> float:
    pairs_a = Counter(pairwise(a))
    pairs_b = Counter(pairwise(b))
    total = sum(pairs_a.values()) + sum(pairs_b.values())
    return 2 * sum((pairs_a & pairs_b).values()) / total if total else 0.0


def _context_similarity(text: str, quote: TextQuoteSelector, start: int, end: int) -> float:
    before = text[max(0, start - len(quote.prefix)) : start]
    after = text[end : end + len(quote.suffix)]
    parts = [
        SequenceMatcher(None, stored, found, autojunk=False).ratio()
        for stored, found in ((quote.prefix, before), (quote.suffix, after))
        if stored
    ]
    return sum(parts) / len(parts) if parts else 0.0


def _numbers(text: str) -> list[str]:
    """The numbers of `text`, in ASCII digits whatever the script wrote them in; not those
    of citation marks ("[12]", renumbered or dropped as a page is edited)."""
    found = _NUMBER.findall(_CITATION.sub(" ", text))
    return ["".join(str(unicodedata.decimal(d)) for d in n) for n in found]


def _fuzzy_match(text: str, quote: TextQuoteSelector, hint: int) -> AnchorResult | None:
    starts, ends = _votes(text, quote, hint)
    best: tuple[float, int, int] | None = None
    # A passage whose numbers differ says something else ("paragraph 6", "in 2021", "$40"),
    # however alike its words: the highlight is orphaned rather than moved onto it.
    numbers = _numbers(quote.exact)
    for start, end in _spans(starts, ends, len(quote.exact), len(text)):
        similarity = _similarity(quote.exact, text[start:end])
        if similarity < FUZZY_THRESHOLD or _numbers(text[start:end]) != numbers:
            continue
        context = _context_similarity(text, quote, start, end)
        if len(quote.exact) < SHORT_QUOTE and context < 0.5:
            continue
        score = 0.8 * similarity + 0.2 * context
        if best is None or score > best[0]:
            best = (score, start, end)
    if best is None:
        return None
    try:
        start, end = trim_span(text, best[1], best[2])
    except InvalidSpan:
        return None
    return AnchorResult(start, end, AnchorStatus.FUZZY)
