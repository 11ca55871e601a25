"""Articles nested in the page's article: its comments, teasers and other posts, not its text.

HTML gives nesting a meaning: an `<article>` inside another is content related to the outer
one (a reader's comment, a "related story" card, the next post of a blog shown below this
one), not a part of it. The extractor reads them as part of the article when they sit inside
it. `drop_nested_articles` removes them from the page before extraction, except where the
nesting says nothing: an inner article holding most of the outer one's text (the outer is a
wrapper), and inner articles that together hold most of it while being of another kind than
the outer one (the entries of a live blog, posted inside its article).
"""

from __future__ import annotations

import lxml.html

from reader.importers.tree import word_count

_MOST = 0.5  # share of the outer article's words


def drop_nested_articles(tree: lxml.html.HtmlElement) -> None:
    """Remove from `tree` the articles nested in an outer article that are not its text."""
    for outer in list(tree.iter("article")):
        if outer.getparent() is None or next(outer.iterancestors("article"), None) is not None:
            continue  # removed with an earlier one, or itself nested
        inner = _outermost_inner(outer)
        total = word_count(outer)
        if not inner or total == 0:
            continue
        sizes = {article: word_count(article) for article in inner}
        entries = sum(sizes.values()) >= _MOST * total
        for article in inner:
            if sizes[article] >= _MOST * total:
                continue  # the outer one only wraps it
            if entries and not _same_kind(article, outer):
                continue
            article.drop_tree()


def _outermost_inner(outer: lxml.html.HtmlElement) -> list[lxml.html.HtmlElement]:
    """The articles inside `outer` that no other article inside it holds."""
    inner = [article for article in outer.iter("article") if article is not outer]
    return [a for a in inner if next(a.iterancestors("article")) is outer]


def _same_kind(article: lxml.html.HtmlElement, outer: lxml.html.HtmlElement) -> bool:
    """Whether `article` is made by the same template as `outer` (another post like it): most
    of the class names of the one with fewer are the other's too."""
    ours, theirs = set(article.classes), set(outer.classes)
    fewer = min(len(ours), len(theirs))
    return fewer > 0 and len(ours & theirs) * 2 > fewer
