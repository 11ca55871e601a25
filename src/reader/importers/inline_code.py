"""Inline code the extractor would take apart: the markup inside `<code>`.

trafilatura keeps code text in place only while the code element holds text alone. A link,
an emphasis or a nested code inside it goes to the end of the paragraph, taking its words
along: `<code>open(<em>path</em>, mode)</code>` came out as "open( to read the file.
path, mode)", and DocBook marks every placeholder of its file names so
(`debian/<em><code>package</code></em>`). A link around code it keeps where it is.
"""

from __future__ import annotations

import lxml.html

_CODE_TAGS = ("code", "kbd", "samp", "tt")
# Markup the extractor moves out of code, words and all.
_MARKUP = ("em", "i", "b", "strong", "u", "s", "sub", "sup", "mark", "var", "dfn", "cite", "code")


def lift_links_out_of_code(tree: lxml.html.HtmlElement) -> None:
    """`<code><a>name</a></code>` becomes `<a><code>name</code></a>`.

    A link around code the extractor keeps in place. Links among other code text only lose
    their tag.
    """
    for code in list(tree.iter(*_CODE_TAGS)):
        links = list(code.iter("a"))
        if not links:
            continue
        only = links[0]
        alone = len(links) == 1 and only.getparent() is code
        if alone and not (code.text or "").strip() and not (only.tail or "").strip():
            parent = code.getparent()
            if parent is not None:
                code.text, only.tail = only.text_content(), None
                for child in list(code):
                    code.remove(child)
                link = lxml.html.Element("a", href=only.get("href") or "")
                link.tail, code.tail = code.tail, None
                parent.replace(code, link)
                link.append(code)
                continue
        for link in links:
            link.drop_tag()


def flatten_code_markup(tree: lxml.html.HtmlElement) -> None:
    """`<code>debian/<em><code>package</code></em></code>` becomes
    `<code>debian/package</code>`: the emphasis of a placeholder is lost, its words stay where
    they were.

    Only code within the text: a code block (`<pre>`) keeps its markup, which the extractor
    leaves in place there. (Split into pieces of code around the markup instead, the words
    stayed in order in a sentence, but a list item holding such code alone came out as a
    line per piece, some pieces lost.)
    """
    for code in list(tree.iter("code")):
        inside = list(code.iterdescendants(*_MARKUP))
        if not inside or any(ancestor.tag == "pre" for ancestor in code.iterancestors()):
            continue
        for element in inside:
            element.drop_tag()
