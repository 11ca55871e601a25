"""The SVG elements and attributes a sanitized drawing may hold, and those that refuse it."""

from __future__ import annotations

# Shapes, text, grouping and paint servers: what draws, nothing that loads or runs.
DRAWING = frozenset(
    {
        *("svg", "g", "path", "rect", "circle", "ellipse", "line", "polyline", "polygon"),
        *("text", "tspan", "defs", "linearGradient", "radialGradient", "stop", "clipPath"),
        *("mask", "use", "title", "desc"),
    }
)
TEXT_HOLDERS = frozenset({"text", "tspan", "title", "desc"})

# Elements that load, run, animate or embed: a drawing holding one is refused whole.
HOSTILE = frozenset(
    {
        *("script", "image", "foreignObject", "iframe", "embed", "object", "audio", "video"),
        *("animate", "animateMotion", "animateTransform", "animateColor", "set", "discard"),
        *("feImage", "handler", "listener", "font-face-uri", "cursor", "a"),
    }
)

# Presentation properties, usable as attributes or in a style attribute.
STYLE_PROPERTIES = frozenset(
    {
        *("fill", "fill-opacity", "fill-rule", "stroke", "stroke-width", "stroke-opacity"),
        *("stroke-linecap", "stroke-linejoin", "stroke-miterlimit", "stroke-dasharray"),
        *("stroke-dashoffset", "opacity", "clip-path", "clip-rule", "mask", "color"),
        *("font-family", "font-size", "font-weight", "font-style", "font-variant"),
        *("text-anchor", "dominant-baseline", "letter-spacing", "word-spacing"),
        *("text-decoration", "stop-color", "stop-opacity", "visibility", "display"),
        *("vector-effect", "baseline-shift"),
    }
)

# Geometry and structure attributes, plus the presentation ones.
ATTRIBUTES = STYLE_PROPERTIES | frozenset(
    {
        *("id", "x", "y", "x1", "y1", "x2", "y2", "cx", "cy", "r", "rx", "ry", "fx", "fy"),
        *("fr", "width", "height", "d", "points", "viewBox", "preserveAspectRatio"),
        *("transform", "dx", "dy", "rotate", "textLength", "lengthAdjust", "offset"),
        *("gradientUnits", "gradientTransform", "spreadMethod", "clipPathUnits"),
        *("maskUnits", "maskContentUnits", "pathLength", "version"),
    }
)
