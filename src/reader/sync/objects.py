"""Content-addressed objects of a sync run: article bodies and assets, read once each."""

from __future__ import annotations

from reader.storage.assets import AssetStore
from reader.sync.records import asset_object, read_asset, read_object
from reader.sync.transport import Transport


class ObjectCache:
    """Article bodies and assets read from the transport, each once per run, and the
    assets on this disk (reader.sync.entities.Objects)."""

    def __init__(self, transport: Transport | None, assets: AssetStore | None) -> None:
        self.transport = transport
        self.store = assets
        self.found: dict[str, tuple[str, str] | None] = {}

    def __call__(self, sha: str) -> tuple[str, str] | None:
        if self.found.get(sha) is None and self.transport is not None:
            data = self.transport.read(f"objects/{sha}")
            self.found[sha] = None if data is None else read_object(sha, data)
        return self.found.get(sha)

    def assets(self, wanted: dict[str, str]) -> dict[str, bytes] | None:
        if wanted and (self.transport is None or self.store is None):
            return None
        files: dict[str, bytes] = {}
        for name, sha in wanted.items():
            data = self.transport.read(f"objects/{sha}") if self.transport else None
            found = None if data is None else read_asset(sha, data)
            if found is None:
                return None  # still arriving (or torn): the article waits for it
            files[name] = found
        return files

    def digests(self, article_id: int) -> dict[str, str]:
        if self.store is None:
            return {}
        return {n: asset_object(d)[0] for n, d in self.store.files(article_id).items()}

    def place(self, article_id: int, files: dict[str, bytes]) -> None:
        if self.store is not None:
            self.store.replace(article_id, files)
