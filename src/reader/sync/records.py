"""Sync records and the files that carry them: gzip'd JSON lines, whole or not at all.

A record file starts with a header line (library, device, first and last seq, record count);
each following line is one record describing one entity by uid:
    {"seq", "kind", "uid", "lamport", "device", "author", "at", "fields": {field: value}}
A file that does not decompress to the end (gzip checks its length and CRC), or holds fewer
records than its header says, is torn: a sync tool is still delivering it. It is read again
next time, and applied only once it is whole.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import zlib
from dataclasses import dataclass
from typing import Any

FORMAT = 1
KINDS = ("article", "highlight", "palette")


@dataclass(frozen=True)
class Record:
    """One entity's changed fields, stamped with the change's version and who made it."""

    seq: int
    kind: str  # 'article', 'highlight' or 'palette'
    uid: str
    lamport: int
    device: str
    author: str
    at: str
    fields: dict[str, Any]

    @property
    def version(self) -> tuple[int, str]:
        return (self.lamport, self.device)

    def to_json(self) -> dict[str, Any]:
        return {
            "seq": self.seq,
            "kind": self.kind,
            "uid": self.uid,
            "lamport": self.lamport,
            "device": self.device,
            "author": self.author,
            "at": self.at,
            "fields": self.fields,
        }

    @staticmethod
    def from_json(data: dict[str, Any]) -> Record:
        kind = data["kind"]
        if kind not in KINDS or not isinstance(data["fields"], dict):
            raise ValueError(f"not a record: {kind!r}")
        return Record(
            int(data["seq"]),
            str(kind),
            str(data["uid"]),
            int(data["lamport"]),
            str(data["device"]),
            str(data.get("author", "")),
            str(data.get("at", "")),
            dict(data["fields"]),
        )


def _dumps(data: object) -> bytes:
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()


def encode_file(library: str, device: str, records: list[Record]) -> bytes:
    """The bytes of one record file (deterministic: the same records give the same bytes)."""
    header = {
        "format": FORMAT,
        "library": library,
        "device": device,
        "first": records[0].seq,
        "last": records[-1].seq,
        "count": len(records),
    }
    lines = [_dumps(header), *(_dumps(r.to_json()) for r in records)]
    return gzip.compress(b"\n".join(lines) + b"\n", mtime=0)


class Torn(Exception):
    """The file is incomplete (still arriving); try again later."""


def decode_file(data: bytes, library: str, device: str) -> list[Record]:
    """The records of a whole file; Torn while incomplete, ValueError when not ours."""
    try:
        text = gzip.decompress(data)
    except (EOFError, gzip.BadGzipFile, zlib.error, OSError) as exc:
        raise Torn(str(exc)) from exc
    lines = text.splitlines()
    try:
        header = json.loads(lines[0])
        records = [Record.from_json(json.loads(line)) for line in lines[1:] if line.strip()]
    except (IndexError, ValueError, KeyError, TypeError) as exc:
        raise ValueError(f"unreadable sync file ({exc})") from exc
    if header.get("format") != FORMAT:
        raise ValueError(f"sync file of format {header.get('format')!r}, not {FORMAT}")
    if header.get("library") != library or header.get("device") != device:
        raise ValueError("sync file of another library or device")
    if len(records) != header.get("count"):
        raise Torn(f"{len(records)} of {header.get('count')} records")
    if any(r.device != device for r in records):
        raise ValueError("sync file with records of another device")
    return records


def content_object(text: str, html: str) -> tuple[str, bytes]:
    """An article body as a content-addressed object: (sha256 of the payload, stored bytes)."""
    payload = _dumps({"text": text, "html": html})
    return hashlib.sha256(payload).hexdigest(), gzip.compress(payload, mtime=0)


def read_object(sha: str, data: bytes) -> tuple[str, str] | None:
    """(text, html) of an object, or None when it is torn or not what its name says."""
    try:
        payload = gzip.decompress(data)
    except (EOFError, gzip.BadGzipFile, zlib.error, OSError):
        return None
    if hashlib.sha256(payload).hexdigest() != sha:
        return None
    body = json.loads(payload)
    return str(body["text"]), str(body["html"])


def asset_object(data: bytes) -> tuple[str, bytes]:
    """An article asset as a content-addressed object: stored as it is (images are
    compressed already), named by the sha256 of its bytes."""
    return hashlib.sha256(data).hexdigest(), data


def read_asset(sha: str, data: bytes) -> bytes | None:
    """An asset's bytes, or None when they are torn or not what their name says."""
    return data if hashlib.sha256(data).hexdigest() == sha else None
