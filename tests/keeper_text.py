"""Article text the HTML importer's tests wrap in their pages: three paragraphs long enough
for the extractor to take them as an article, or the keeper's log of five entries."""

from __future__ import annotations

from reader.importers.html import import_html

KEEPER = (
    "The lamps on the north pier were lit at dusk by the keeper, who walked the length of the "
    "pier twice each evening and trimmed every wick before the ferry came in.",
    "In winter the walk was made with a lantern, since the wind put out the matches, and the "
    "keeper's log of those evenings survives in the harbour office.",
    "The log notes the weather, the ships that passed and the oil each lamp burned, in a hand "
    "that grows shakier in the last years of the keeper's service on the pier.",
)
KEEPER_HTML = "".join(f"<p>{paragraph}</p>" for paragraph in KEEPER)

LOG_LINE = (
    "The keeper lit the north lamp at dusk and the south lamp an hour later, and wrote down "
    "each lighting in the log with the weather and the state of the sea that evening."
)
LOG_ENTRIES = "".join(f"<p>{LOG_LINE} Entry {n}.</p>" for n in range(1, 6))


def imported_log(body: str) -> str:
    """The stored HTML of a page titled "The log" whose body, under its heading, is `body`."""
    page = f"<html><head><title>The log</title></head><body><h1>The log</h1>{body}</body></html>"
    return import_html(page.encode(), "log.html").html
