"""Large objects in parts, so an upload cut off resumes where it stopped.

Plain WebDAV cannot append to a file or join files on the server, so a large object
`objects/<sha>` is stored as parts, each written once under the hash of its own bytes
(`objects/parts/<sha256>`), followed by a small list `objects/<sha>.parts` naming them in
order with the whole object's size and hash. Every name is still written once and never
modified. An upload that fails half-way leaves whole parts behind; the next attempt finds
them and sends only the rest. A reader joins the parts and checks the size and hash; until
every part has arrived the object counts as absent (its article waits), as a torn file does.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable

OBJECT_FILE = re.compile(r"^[0-9a-f]{64}$")  # as transport.OBJECT_FILE (which imports this)

PART_SIZE = 4 << 20  # bytes: objects larger than this are uploaded in parts of this size
LIST_SUFFIX = ".parts"
PART_FOLDER = "objects/parts"

Put = Callable[[str, bytes], None]
Read = Callable[[str], "bytes | None"]


def in_parts(name: str, data: bytes, part_size: int) -> bool:
    """Whether `name` is an object large enough to be stored in parts."""
    folder, _, leaf = name.rpartition("/")
    return folder == "objects" and bool(OBJECT_FILE.match(leaf)) and len(data) > part_size


def put_in_parts(put: Put, name: str, data: bytes, part_size: int) -> None:
    """Write each part (`put` skips a name that exists: the resume), then the list."""
    digests = []
    for start in range(0, len(data), part_size):
        piece = data[start : start + part_size]
        digest = _sha(piece)
        put(f"{PART_FOLDER}/{digest}", piece)
        digests.append(digest)
    listing = {"format": 1, "size": len(data), "sha256": _sha(data), "parts": digests}
    put(name + LIST_SUFFIX, json.dumps(listing).encode())


def read_parts(read: Read, name: str) -> bytes | None:
    """The object `name` joined from its parts; None while its list or a part is missing,
    short or not what the list says."""
    if not name.startswith("objects/") or "/" in name.removeprefix("objects/"):
        return None
    listing = read(name + LIST_SUFFIX)
    expected = None if listing is None else _parse(listing)
    if expected is None:
        return None
    size, digest, digests = expected
    pieces = []
    for part in digests:
        piece = read(f"{PART_FOLDER}/{part}")
        if piece is None or _sha(piece) != part:
            return None
        pieces.append(piece)
    whole = b"".join(pieces)
    return whole if len(whole) == size and _sha(whole) == digest else None


def _parse(listing: bytes) -> tuple[int, str, list[str]] | None:
    try:
        data = json.loads(listing)
        size, digest, digests = data["size"], data["sha256"], data["parts"]
    except (ValueError, TypeError, KeyError):
        return None
    if not isinstance(size, int) or not isinstance(digest, str) or not isinstance(digests, list):
        return None
    if not all(isinstance(d, str) and OBJECT_FILE.match(d) for d in digests):
        return None
    return size, digest, digests


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
