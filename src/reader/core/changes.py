"""What one operation changed, read back from the change log: the one event views refresh on."""

from __future__ import annotations

from dataclasses import dataclass, field

# Entities whose changes alter what an article is found by in search.
SEARCHABLE = frozenset(
    {"article", "content", "bookmark", "highlight", "highlight_tag", "note", "article_tag"}
)

# Of those, the ones that change only what the reader added (the article's annotation
# document in the index), not the article's text or metadata.
ANNOTATION_ENTITIES = frozenset({"bookmark", "highlight", "highlight_tag", "note", "article_tag"})


@dataclass(frozen=True)
class Changes:
    """The change-log rows an operation wrote: seq range, what kinds, which articles.

    Front ends decide from this alone whether a view needs refreshing (Anki's OpChanges):
    the list when article metadata or read state changed, the notes panel on annotations…
    """

    first: int = 0  # first seq written, 0 when nothing changed
    last: int = 0
    entities: frozenset[str] = field(default_factory=frozenset)
    article_ids: frozenset[int] = field(default_factory=frozenset)
    added: frozenset[int] = field(default_factory=frozenset)  # articles that appeared
    removed: frozenset[int] = field(default_factory=frozenset)  # articles that went away

    def __bool__(self) -> bool:
        return self.last > 0

    @property
    def searchable(self) -> bool:
        return bool(self.entities & SEARCHABLE)

    def touches(self, *entities: str) -> bool:
        return bool(self.entities.intersection(entities))

    def merged(self, other: Changes) -> Changes:
        if not other:
            return self
        if not self:
            return other
        return Changes(
            min(self.first, other.first),
            max(self.last, other.last),
            self.entities | other.entities,
            self.article_ids | other.article_ids,
            self.added | other.added,
            self.removed | other.removed,
        )
