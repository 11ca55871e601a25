"""Sign-up boxes in an article: a newsletter's pitch and its e-mail field, not the article.

News pages set a box in their articles, or just below, that asks for the reader's e-mail
address: "Subscribe to the Morning Review newsletter", a line of pitch, a field, a button and
the messages the form may show ("There was a problem subscribing you..."). The extractor drops
the form and keeps the words around it. `drop_signup_boxes` removes, before extraction, the
largest short box (a few lines of text) around each e-mail field, unless that box would hold
a good part of the page's text (a page that is only such a form).
"""

from __future__ import annotations

import lxml.html

from reader.importers.tree import word_count

_BOX_WORDS = 60  # a heading, a line of pitch, a message or two: a box, not an article
_MOST = 0.5  # share of the page's words a sign-up box never holds


def drop_signup_boxes(tree: lxml.html.HtmlElement) -> None:
    """Remove from `tree` the short boxes around its e-mail fields."""
    fields = [field for field in tree.iter("input") if _asks_for_email(field)]
    if not fields:
        return
    total = word_count(tree)
    for field in fields:
        box = _box(field)
        if box is not None and box.getparent() is not None and word_count(box) <= _MOST * total:
            box.drop_tree()


def _asks_for_email(field: lxml.html.HtmlElement) -> bool:
    kind = (field.get("type") or "text").strip().lower()
    if kind == "email":
        return True
    names = " ".join(field.get(name) or "" for name in ("name", "id", "placeholder"))
    return kind == "text" and "mail" in names.lower()


def _box(field: lxml.html.HtmlElement) -> lxml.html.HtmlElement | None:
    """The outermost ancestor of `field` that holds no more than a box's few words."""
    box = None
    for ancestor in field.iterancestors():
        if ancestor.tag in {"body", "html"} or word_count(ancestor) > _BOX_WORDS:
            break
        box = ancestor
    return box
