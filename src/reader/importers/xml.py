"""XML from untrusted files: no DTD loading, no entity expansion, no network, bounded size."""

from __future__ import annotations

from lxml import etree

from reader.errors import ImportFailed

# No external DTD or entity is ever read (XXE), internal entities are left unexpanded (the
# "billion laughs" bomb), and nothing is fetched from the network.
_PARSER_OPTIONS = {
    "resolve_entities": False,
    "load_dtd": False,
    "no_network": True,
    "dtd_validation": False,
    "huge_tree": False,
    "remove_comments": True,
    "remove_pis": True,
}


def parse_xml(data: bytes, what: str, *, recover: bool = False) -> etree._Element:
    """The root element of an XML document, or ImportFailed naming `what` could not be read."""
    parser = etree.XMLParser(recover=recover, **_PARSER_OPTIONS)
    try:
        root = etree.fromstring(data, parser=parser)
    except (etree.XMLSyntaxError, ValueError):
        raise ImportFailed("xml_malformed", part=what) from None
    if root is None:
        raise ImportFailed("xml_empty", part=what)
    # Unexpanded entity references would otherwise read as "&name;" in titles and text.
    etree.strip_elements(root, etree.Entity, with_tail=False)
    return root


def local_name(element: etree._Element) -> str:
    """An element's tag without its namespace ("" for comments and entities)."""
    tag = element.tag
    # Split by hand: a tag the recovering parser made of broken markup ("<:") is no valid
    # name, and QName raised on it.
    return tag.rpartition("}")[2] if isinstance(tag, str) else ""
