"""The stores an import or an edit writes through, handed to a service as one value."""

from __future__ import annotations

from dataclasses import dataclass

from reader.storage.annotations import AnnotationStore
from reader.storage.articles import ArticleStore
from reader.storage.assets import AssetStore
from reader.storage.database import Database


@dataclass(frozen=True)
class Stores:
    """A library's database and the stores over it: articles, annotations, asset files."""

    db: Database
    articles: ArticleStore
    annotation_store: AnnotationStore
    assets: AssetStore
