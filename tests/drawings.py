"""Hand-written SVG drawings for the drawing tests: one safe, and hostile ones by what they try."""

from __future__ import annotations

import base64
from urllib.parse import quote

NS = 'xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"'

# A 24-unit view box filled by a black square: shown 150 px a side, as a browser shows it.
SQUARE = (
    "<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 24 24'>"
    "<path d='M512 512H0V0h512v512z'/></svg>"
)

SAFE = (
    f'<svg {NS} width="120" height="80" viewBox="0 0 120 80"><title>Tides</title>'
    '<defs><linearGradient id="sea"><stop offset="0" stop-color="#036"/>'
    '<stop offset="1" stop-color="#69c"/></linearGradient>'
    '<circle id="dot" r="4" fill="red"/></defs>'
    '<rect width="120" height="80" style="fill: url(#sea); stroke: black"/>'
    '<use xlink:href="#dot" x="10" y="10"/><text x="5" y="70" font-family="\'Noto Sans\'">'
    "High &amp; low</text></svg>"
)


def _entity_bomb() -> str:
    entities = '<!ENTITY e0 "haha">' + "".join(
        f'<!ENTITY e{n} "{f"&e{n - 1};" * 10}">' for n in range(1, 10)
    )
    return f"<!DOCTYPE svg [{entities}]><svg {NS}><text>&e9;</text></svg>"


def _use_bomb() -> str:
    copies = (f"<use xlink:href='#u{n - 1}'/>" * 10 for n in range(1, 9))
    levels = '<rect id="u0" width="1" height="1"/>' + "".join(
        f'<g id="u{n}">{uses}</g>' for n, uses in enumerate(copies, start=1)
    )
    return f'<svg {NS}><defs>{levels}</defs><use xlink:href="#u8"/></svg>'


HOSTILE = {
    "image of a file": f'<svg {NS}><rect width="5" height="5"/>'
    '<image xlink:href="file:///etc/passwd" width="5" height="5"/></svg>',
    "use of an outside file": f'<svg {NS}><use xlink:href="other.svg#a"/><rect/></svg>',
    "use by plain href": f'<svg {NS}><use href="https://evil.example/a.svg#a"/><rect/></svg>',
    "script": f"<svg {NS}><rect/><script>alert(1)</script></svg>",
    "onload": f'<svg {NS} onload="alert(1)"><rect/></svg>',
    "onclick on a shape": f'<svg {NS}><rect onclick="alert(1)"/></svg>',
    "external entity": '<!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
    f"<svg {NS}><text>&x;</text></svg>",
    "entity bomb": _entity_bomb(),
    "use bomb": _use_bomb(),
    "foreignObject": f"<svg {NS}><foreignObject><p>x</p></foreignObject><rect/></svg>",
    "animation": f'<svg {NS}><rect><set attributeName="fill" to="red"/></rect></svg>',
    "outside url in style": f'<svg {NS}><rect style="fill: url(https://evil.example/p)"/></svg>',
    "outside url in fill": f'<svg {NS}><rect fill="url(file:///etc/passwd#g)"/></svg>',
    "url inside a transform": f'<svg {NS}><g transform="translate(url(x))"><rect/></g></svg>',
    "other function": f'<svg {NS}><rect fill="expression(alert(1))"/></svg>',
    "many elements": f"<svg {NS}>" + "<rect/>" * 6_000 + "</svg>",
    "deep": f"<svg {NS}>" + "<g>" * 100 + "<rect/>" + "</g>" * 100 + "</svg>",
    "not svg": "<html><body><svg><rect/></svg></body></html>",
    "draws nothing": f'<svg {NS} width="800" height="600"></svg>',
}


def utf8_uri(svg: str) -> str:
    return "data:image/svg+xml;utf8," + svg


def percent_uri(svg: str) -> str:
    return "data:image/svg+xml," + quote(svg)


def base64_uri(svg: str) -> str:
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode()).decode()
