"""The parser of whole pages: lxml.html's elements, told apart without a Python call each.

lxml.html's own parser picks each element's class in a Python method, called whenever code
touches an element that no Python object stands for yet: thousands of calls per page in each
of the extractor's passes over the tree, 6-9% of its time. The same choice of classes, made by
lxml's built-in lookups, costs nothing: HtmlElement for every element, and lxml.html's form
classes for the form elements.
"""

from __future__ import annotations

import lxml.html
from lxml import etree

# lxml.html's classes for particular tags; every other element is an HtmlElement.
_TAG_CLASSES: dict[str, type[lxml.html.HtmlElement]] = {
    "form": lxml.html.FormElement,
    "input": lxml.html.InputElement,
    "label": lxml.html.LabelElement,
    "select": lxml.html.SelectElement,
    "textarea": lxml.html.TextareaElement,
}


def page_parser() -> etree.HTMLParser:
    """A forgiving HTML parser without comments or processing instructions, giving the same
    element classes as `lxml.html.HTMLParser`."""
    parser = etree.HTMLParser(remove_comments=True, remove_pis=True, no_network=True)
    default = etree.ElementDefaultClassLookup(
        element=lxml.html.HtmlElement,
        comment=lxml.html.HtmlComment,
        pi=lxml.html.HtmlProcessingInstruction,
        entity=lxml.html.HtmlEntity,
    )
    lookup = etree.ElementNamespaceClassLookup(default)
    classes = lookup.get_namespace(None)
    for tag, element_class in _TAG_CLASSES.items():
        classes[tag] = element_class
    parser.set_element_class_lookup(lookup)
    return parser
