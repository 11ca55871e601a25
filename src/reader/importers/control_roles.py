"""A page's controls, as its ARIA roles name them: a player's control bar, menus, sliders.

A video player writes its controls as text for screen readers ("Current Time 0:00",
"Loaded: 0%", "Chapters", "descriptions off, selected") and marks them with the roles of
the widgets they are (`role="slider"`, `role="menuitemcheckbox"`). The extractor reads that
text as the article's lines when the player sits in the story. `drop_controls` removes,
before extraction, every element whose role names a control that never holds the article's
text, and the group (`role="group"`, `role="toolbar"`) around a slider when it holds only
short labels: a control bar, its time displays included.
"""

from __future__ import annotations

import lxml.html
from lxml import etree

# Roles of widgets that hold their own label at most, never the page's prose. ("button" and
# "tab" are left alone: pages put those on links and on headings of real content.)
_CONTROLS = frozenset(
    {
        "menu",
        "menubar",
        "menuitem",
        "menuitemcheckbox",
        "menuitemradio",
        "progressbar",
        "scrollbar",
        "slider",
        "spinbutton",
        "toolbar",
    }
)
# The elements that have a role at all, in document order: most of a page has none, and goes
# unlooked at.
_WITH_ROLE = etree.XPath("descendant-or-self::*[@role]")
_LABEL_WORDS = 8  # a control's label is shorter than a sentence of the story
_BARS = frozenset({"group", "toolbar"})  # a slider's bar: the player's controls together


def drop_controls(tree: lxml.html.HtmlElement) -> None:
    """Remove from `tree` its controls (judged by their `role`) and their bars."""
    controls = [e for e in _WITH_ROLE(tree) if _role(e) in _CONTROLS]
    for control in controls:
        if _role(control) == "slider":
            bar = next((e for e in control.iterancestors() if _role(e) in _BARS), None)
            control = bar if bar is not None and _is_bar(bar) else control
        # One dropped before with an ancestor is no longer under the page's root.
        if control.getparent() is not None and control.getroottree().getroot() is tree:
            control.drop_tree()


def _role(element: lxml.html.HtmlElement) -> str:
    return (element.get("role") or "").strip().lower()


def _is_bar(group: lxml.html.HtmlElement) -> bool:
    """Whether `group` holds controls only: labels of a few words, no heading or picture (a
    carousel's slide is a group too, and a page may wrap its article in one)."""
    if next(group.iter("img", "h1", "h2", "h3", "h4", "h5", "h6"), None) is not None:
        return False
    return all(len(text.split()) < _LABEL_WORDS for text in group.itertext())
