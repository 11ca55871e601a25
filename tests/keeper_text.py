"""Article text the HTML importer's tests wrap in their pages: three paragraphs long enough
for the extractor to take them as an article."""

from __future__ import annotations

KEEPER = (
    "The lamps on the north pier were lit at dusk by the keeper, who walked the length of the "
    "pier twice each evening and trimmed every wick before the ferry came in.",
    "In winter the walk was made with a lantern, since the wind put out the matches, and the "
    "keeper's log of those evenings survives in the harbour office.",
    "The log notes the weather, the ships that passed and the oil each lamp burned, in a hand "
    "that grows shakier in the last years of the keeper's service on the pier.",
)
KEEPER_HTML = "".join(f"<p>{paragraph}</p>" for paragraph in KEEPER)
