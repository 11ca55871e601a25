"""Value types of how a library is organised beyond sections: saved searches."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class SavedSearch:
    """A search query kept under a name, run again from the sidebar or the command line."""

    id: int
    name: str
    query: str

    def to_json(self) -> dict[str, object]:
        return {"name": self.name, "query": self.query}


def clean_name(name: str) -> str:
    """A name as stored: runs of whitespace made one space, ends trimmed."""
    return " ".join(name.split())
