"""Plain-text documents in a `<pre>` (an RFC, a README): set in a face that fits their lines.

Such a text is written for a fixed width, 72 columns or so, with its own indents, aligned
tables and diagrams. Wrapped at a narrower column its lines break raggedly, one long and one
of a word; reflowed, its tables and diagrams fall apart. So it keeps its lines, and the
pane sets it a step or two smaller, the largest step at which its usual line fits the
column; in a column too narrow even for the smallest step it keeps its size and wraps as
before (the smallest step is as small as a face is comfortable to read). Code keeps
its own size: only text that reads as prose (paragraphs of words, little code syntax) is
set smaller.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable

from reader.gui.views.tables import Measure

# The faces a plain text may take, as factors of the body's size (the first is a code
# block's own), and their classes in the stylesheet.
STEPS = (0.85, 0.8, 0.75, 0.7, 0.65)
CLASSES = ("", "plain1", "plain2", "plain3", "plain4")
MIN_LINES = 12
_PRE = re.compile(r"<pre>(.*?)</pre>", re.DOTALL)
_TAGS = re.compile(r"<[^>]+>")
_LINK = re.compile(r"<a\s+(?![^>]*\bclass=)")
_WORD = re.compile(r"[^\W\d_]{2,}")
_CODE = re.compile(r"[{};=<>]|\b(?:def|return|function|var|const|import|class)\b")


_TRAILING_BREAKS = re.compile(r"\n+((?:</(?:code|span|b|i|em|strong|samp|kbd)>)*)</pre>")


def without_trailing_breaks(body: str) -> str:
    """A `<pre>` ends with its text, not a line break: Qt draws the break as an empty line at
    the bottom of every code block ("$ hg push\n</code></pre>")."""
    return _TRAILING_BREAKS.sub(r"\1</pre>", body) if "<pre" in body else body


def prose_width(text: str) -> int | None:
    """The usual line length of a plain text in a `<pre>`, or None when it is not prose:
    too short, too few words to a line, or too much code syntax."""
    lines = [line for line in text.splitlines() if line.strip()]
    if len(lines) < MIN_LINES or "\n\n" not in text:
        return None
    wordy = sum(1 for line in lines if len(_WORD.findall(line)) >= 5)
    if wordy < len(lines) * 0.4 or len(_CODE.findall(text)) > len(lines) * 0.35:
        return None
    lengths = sorted(len(line.rstrip()) for line in lines)
    return lengths[int(len(lengths) * 0.95) - 1]  # a few long lines (a URL) may still wrap


class PlainTextFit:
    """The shown article's plain text in `<pre>` blocks (an RFC: a block a page) and the one
    step they are all set in at this width."""

    def __init__(self) -> None:
        self._chars = 0  # the usual line length; 0: no plain text
        self._quoted = False
        self._width_at: Callable[[int, int], float] = lambda _step, _chars: 0.0
        self._indent = 0.0
        self._step = 0

    def fitted(self, page: str, measure: Measure, column: float) -> str:
        """The page with its `<pre>` blocks given the class of their step for `column`, when
        together they read as prose (an RFC's pages of example code and contents among them)."""
        matches = list(_PRE.finditer(page)) if "<pre>" in page else []
        text = "\n\n".join(html.unescape(_TAGS.sub("", m.group(1))) for m in matches)
        self._chars = (prose_width(text) or 0) if matches else 0
        if not self._chars:
            return page
        self._quoted = any(page[: m.start()].endswith("<blockquote>") for m in matches)
        self._width_at = step_widths(measure)
        self._indent = measure("<blockquote><pre>x</pre></blockquote>") - measure("<pre>x</pre>")
        self._step = self._fit(column)
        if not self._step:
            return page
        name = CLASSES[self._step]

        def classed(match: re.Match[str]) -> str:
            # Qt's CSS has no descendant selectors: a <code> inside takes the class too, and
            # so does a link, which Qt sets in the size of a plain <pre> (a contents line's
            # page numbers stood out of the column, larger than the text around them).
            inner = match.group(1).replace("<code>", f'<code class="{name}">')
            inner = _LINK.sub(f'<a class="{name}" ', inner)
            return f'<pre class="{name}">{inner}</pre>'

        return _PRE.sub(classed, page)

    def changed(self, column: float) -> bool:
        """Whether the plain text would take another step in a column this wide."""
        return bool(self._chars) and self._fit(column) != self._step

    def _fit(self, column: float) -> int:
        room = column - (self._indent if self._quoted else 0.0)
        return _step(self._chars, room, self._width_at)


def _step(chars: int, column_width: float, width_at: Callable[[int, int], float]) -> int:
    for step in range(len(STEPS)):
        if width_at(step, chars) <= column_width:
            return step
    return 0  # smaller still would be hard to read and would wrap all the same


def step_widths(measure: Measure) -> Callable[[int, int], float]:
    """How wide a line of n characters is at each step, padding included (monospace)."""
    per_char: dict[int, float] = {}
    padding = measure("<pre></pre>")

    def width_at(step: int, chars: int) -> float:
        if step not in per_char:
            style = f' class="{CLASSES[step]}"' if CLASSES[step] else ""
            per_char[step] = (measure(f"<pre{style}>{'x' * 100}</pre>") - padding) / 100
        return per_char[step] * chars + padding

    return width_at
