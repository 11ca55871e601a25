"""Sync through a real WebDAV server (WsgiDAV) on 127.0.0.1: two libraries, credentials,
a server that is down, restarted in mid-upload, or given a name that exists."""

from __future__ import annotations

import gzip
import hashlib
import random
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from types import FrameType
from typing import Any

import httpx
import keyring
import keyring.backend
import keyring.backends.fail
import pytest

from reader.errors import SyncError
from reader.paths import DataPaths
from reader.services.library import Library
from reader.sync import parts
from reader.sync.credentials import ENVIRONMENT, SERVICE
from reader.sync.records import content_object
from reader.sync.transport import FolderTransport
from reader.sync.webdav import WebDAVTransport
from tests.articles import PLAIN_EN, write
from tests.cli import reader
from tests.webdav import PASSWORD, USER, Server, free_port

LIMIT = 120  # seconds: no test here may hang


class MemoryKeyring(keyring.backend.KeyringBackend):
    """A keyring that keeps passwords in this process (the OS one is absent in CI)."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.stored: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.stored.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.stored[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.stored.pop((service, username), None)


@pytest.fixture(autouse=True)
def _time_bound() -> Iterator[None]:
    def expire(_signum: int, _frame: FrameType | None) -> None:
        raise TimeoutError(f"the test took more than {LIMIT} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.alarm(LIMIT)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, previous)


@pytest.fixture
def memory_keyring() -> Iterator[MemoryKeyring]:
    before = keyring.get_keyring()
    ours = MemoryKeyring()
    keyring.set_keyring(ours)
    yield ours
    keyring.set_keyring(before)


@pytest.fixture
def server(tmp_path: Path) -> Iterator[Server]:
    root = tmp_path / "dav-root"
    root.mkdir()
    running = Server(root, free_port(), tmp_path / "half-uploaded")
    running.start()
    yield running
    running.kill()


@pytest.fixture(scope="module")
def shared_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """One server for the module's tests that neither stop it nor look at all it holds: each
    syncs a library of its own (its own folder on the server), so they cannot meet there."""
    root = tmp_path_factory.mktemp("dav-shared") / "dav-root"
    root.mkdir()
    running = Server(root, free_port())
    running.start()
    yield running
    running.kill()


@pytest.fixture
def pair(
    tmp_path: Path, server: Server, memory_keyring: MemoryKeyring
) -> Iterator[tuple[Library, Library]]:
    """Two devices of one person on the server: the first set up with a password, the
    second joined."""
    a, b = (Library(DataPaths(tmp_path / name)) for name in ("a", "b"))
    a.sync.setup(server.url, "alice", user=USER, password=PASSWORD)
    a.sync_now()
    b.sync.join(a.sync.status().library, server.url, "alice", user=USER, password=PASSWORD)
    yield a, b
    a.close()
    b.close()


def add(lib: Library, path: Path, text: str = PLAIN_EN) -> int:
    result = lib.import_path(write(path, text))
    assert result.article_id is not None
    return result.article_id


def test_two_libraries_sync_through_webdav_and_keep_both_notes(
    pair: tuple[Library, Library], tmp_path: Path
) -> None:
    a, b = pair
    article = add(a, tmp_path / "in" / "harbour.txt")
    highlight = a.annotations.highlight_quote(article, "fishing boats", note="first")
    a.sync_now()
    b.sync_now()
    (theirs,) = b.list_articles()
    assert b.get_article(theirs.id).text == a.get_article(article).text
    (their_highlight,) = b.annotations.highlights(theirs.id)
    assert their_highlight.note == "first"
    a.annotations.update_highlight(highlight.id, note="alice's note")
    b.annotations.update_highlight(their_highlight.id, note="bob's note")
    for _ in range(2):
        a.sync_now()
        b.sync_now()
    (kept_a,) = a.annotations.highlights(article)
    (kept_b,) = b.annotations.highlights(theirs.id)
    assert kept_a.note == kept_b.note
    for lib in (a, b):
        lost = {c.value for c in lib.sync.conflicts()}
        assert lost == {"alice's note", "bob's note"} - {kept_a.note}
    assert a.sync.status().pending == b.sync.status().pending == 0


def test_setup_keeps_the_password_in_the_keyring_and_in_no_file(
    tmp_path: Path,
    shared_server: Server,
    memory_keyring: MemoryKeyring,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv(ENVIRONMENT, raising=False)
    monkeypatch.setattr("getpass.getpass", lambda prompt="": PASSWORD)
    data = tmp_path / "a"
    done = reader(data, "sync", "setup", shared_server.url, "--user", USER, "--author", "alice")
    assert done.returncode == 0, done.stderr
    (account,) = [user for service, user in memory_keyring.stored if service == SERVICE]
    assert account.startswith(f"{USER}@127.0.0.1:{shared_server.port}/dav")
    assert memory_keyring.stored[(SERVICE, account)] == PASSWORD
    # Later runs read it from the keyring, without asking.
    monkeypatch.setattr("getpass.getpass", _no_prompt)
    reader(data, "import", str(write(tmp_path / "in.txt", PLAIN_EN)), check=True)
    reader(data, "sync", "now", check=True)
    for path in data.rglob("*"):
        if path.is_file():
            assert PASSWORD.encode() not in path.read_bytes(), path


def test_without_a_keyring_the_password_is_refused_unless_in_the_environment(
    tmp_path: Path, shared_server: Server, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = keyring.get_keyring()
    keyring.set_keyring(keyring.backends.fail.Keyring())
    try:
        monkeypatch.delenv(ENVIRONMENT, raising=False)
        monkeypatch.setattr("getpass.getpass", lambda prompt="": PASSWORD)
        refused = reader(tmp_path / "a", "sync", "setup", shared_server.url, "--user", USER)
        assert refused.returncode == 1
        assert refused.stderr.count("\n") == 1 and ENVIRONMENT in refused.stderr
        status = reader(tmp_path / "a", "sync", "status", check=True)
        assert "not set up" in status.stdout
        monkeypatch.setenv(ENVIRONMENT, PASSWORD)
        monkeypatch.setattr("getpass.getpass", _no_prompt)
        reader(tmp_path / "a", "sync", "setup", shared_server.url, "--user", USER, check=True)
        reader(tmp_path / "a", "sync", "now", check=True)
    finally:
        keyring.set_keyring(before)


def test_a_wrong_password_is_a_one_line_error(
    tmp_path: Path,
    shared_server: Server,
    memory_keyring: MemoryKeyring,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv(ENVIRONMENT, raising=False)
    monkeypatch.setattr("getpass.getpass", lambda prompt="": "not the password")
    wrong = reader(tmp_path / "a", "sync", "setup", shared_server.url, "--user", USER)
    assert wrong.returncode == 1
    assert wrong.stderr.count("\n") == 1 and "refused the user name or password" in wrong.stderr
    assert not memory_keyring.stored  # a password that does not work is not kept
    assert "not set up" in reader(tmp_path / "a", "sync", "status", check=True).stdout


@pytest.mark.slow
def test_a_server_that_is_down_is_a_one_line_error_and_nothing_is_lost(
    pair: tuple[Library, Library], tmp_path: Path, server: Server
) -> None:
    a, b = pair
    article = add(a, tmp_path / "in" / "harbour.txt")
    a.annotations.highlight_quote(article, "fishing boats", note="kept while offline")
    server.kill()
    down = reader(tmp_path / "a", "sync", "now")
    assert down.returncode == 1 and down.stderr.count("\n") == 1
    assert "cannot be reached" in down.stderr and "Traceback" not in down.stderr
    assert a.sync.status().pending > 0
    (still,) = a.annotations.highlights(article)
    assert still.note == "kept while offline"
    server.start()
    a.sync_now()
    b.sync_now()
    (theirs,) = b.list_articles()
    (highlight,) = b.annotations.highlights(theirs.id)
    assert highlight.note == "kept while offline"
    assert a.sync.status().pending == 0


@pytest.mark.slow
def test_a_server_restarted_in_mid_upload_ends_with_one_whole_copy(
    pair: tuple[Library, Library], tmp_path: Path, server: Server
) -> None:
    a, b = pair
    words = random.Random(7).choices(["".join(w) for w in _syllables()], k=700_000)
    big = "A long report\n\n" + "\n\n".join(
        " ".join(words[i : i + 70]) + "." for i in range(0, len(words), 70)
    )
    article = add(a, tmp_path / "in" / "report.txt", big)
    server.kill()
    server.start(slow=True)  # large uploads crawl, so the kill lands in the middle of one
    assert server.marker is not None
    killed = threading.Event()

    def restart() -> None:
        deadline = time.monotonic() + 60
        while not server.marker.exists() and time.monotonic() < deadline:  # type: ignore[union-attr]
            time.sleep(0.02)
        server.kill()
        killed.set()
        server.start()

    restarter = threading.Thread(target=restart)
    restarter.start()
    report = a.sync_now()
    restarter.join(timeout=60)
    assert server.marker.exists() and killed.is_set()  # killed with half the object sent
    assert report.published_files >= 1
    b.sync_now()
    (theirs,) = b.list_articles()
    assert b.get_article(theirs.id).text == a.get_article(article).text
    objects = server.root / "reader-sync" / "v1" / a.sync.status().library / "objects"
    published = [p for p in objects.iterdir() if not p.name.startswith(".tmp-")]
    (only,) = published  # one object, whole: its name is the hash of what it holds
    assert hashlib.sha256(gzip.decompress(only.read_bytes())).hexdigest() == only.name


@pytest.mark.slow
def test_a_large_upload_cut_off_resumes_with_the_parts_not_yet_sent(
    pair: tuple[Library, Library],
    tmp_path: Path,
    server: Server,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    part = 256 * 1024
    monkeypatch.setattr(parts, "PART_SIZE", part)
    # The body of every PUT the server took. Attempts cut off or refused while the server
    # restarts are left out: how many there are depends on how long the restart takes.
    sent: list[int] = []
    request = httpx.Client.request

    def counted(self: httpx.Client, method: str, url: Any, **given: Any) -> httpx.Response:
        response = request(self, method, url, **given)
        if method == "PUT" and response.is_success:
            sent.append(len(given.get("content") or b""))
        return response

    monkeypatch.setattr(httpx.Client, "request", counted)
    a, b = pair
    article = add(a, tmp_path / "in" / "report.txt", _long_report())
    body = content_object(a.get_article(article).text, a.get_article(article).html or "")[1]
    assert len(body) > 4 * part  # several parts, and the kill lands in the third
    server.slow_from, server.after = part, part * 5 // 2
    server.kill()
    server.start(slow=True)
    restarter = threading.Thread(target=_restart_on_marker, args=(server,))
    restarter.start()
    a.sync_now()
    restarter.join(timeout=60)
    assert server.marker is not None and server.marker.exists()
    # Each part was taken once: sending the whole object again would be len(body) more.
    assert sum(sent) <= len(body) + 64 * 1024
    b.sync_now()
    (theirs,) = b.list_articles()
    assert b.get_article(theirs.id).text == a.get_article(article).text
    objects = server.root / "reader-sync" / "v1" / a.sync.status().library / "objects"
    stored = sorted((objects / "parts").iterdir())
    assert sum(p.stat().st_size for p in stored) == len(body)  # each part once, whole
    assert all(hashlib.sha256(p.read_bytes()).hexdigest() == p.name for p in stored)


def test_an_object_in_parts_is_absent_until_every_part_is_whole(tmp_path: Path) -> None:
    """Read through a folder (the share seen by a file-sync client): a missing or torn part
    keeps the object absent, so its article waits; never a joined half."""
    folder = FolderTransport(tmp_path)
    data = bytes(range(256)) * 40
    name = "objects/" + hashlib.sha256(b"payload").hexdigest()
    parts.put_in_parts(folder.put, name, data, 1000)
    assert folder.exists(name) and folder.read(name) == data
    (last,) = [p for p in (tmp_path / "objects" / "parts").iterdir()
               if p.stat().st_size == len(data) % 1000]  # fmt: skip
    whole = last.read_bytes()
    last.write_bytes(whole[:-1])  # torn by a sync tool
    assert folder.read(name) is None
    last.unlink()
    assert folder.read(name) is None
    last.write_bytes(whole)
    assert folder.read(name) == data


def _restart_on_marker(server: Server) -> None:
    deadline = time.monotonic() + 60
    while server.marker is not None and not server.marker.exists():
        if time.monotonic() > deadline:
            return
        time.sleep(0.02)
    server.kill()
    server.start()


def _long_report() -> str:
    words = random.Random(7).choices(["".join(w) for w in _syllables()], k=700_000)
    return "A long report\n\n" + "\n\n".join(
        " ".join(words[i : i + 70]) + "." for i in range(0, len(words), 70)
    )


@pytest.mark.parametrize("fault", ["short", "etag"])
def test_an_upload_the_server_does_not_store_as_sent_never_gets_its_name(
    tmp_path: Path, fault: str
) -> None:
    """A server (or proxy) that stores uploads short, or answers an ETag that is not the
    stored file's: each PUT is checked, tried again, then a one-line error; the name is never
    given to what was stored, and no temporary file is left."""
    root = tmp_path / "dav-root"
    root.mkdir()
    broken = Server(root, free_port(), fault=fault)
    broken.start()
    try:
        transport = WebDAVTransport(
            broken.url, "reader-sync/v1/" + "a" * 32, (USER, PASSWORD), backoff=0.01
        )
        name = "devices/" + "b" * 32 + "/1-1.jsonl.gz"
        with pytest.raises(SyncError, match=r"keeps storing .* incomplete"):
            transport.put(name, b"x" * 4096)
        fresh = WebDAVTransport(broken.url, "reader-sync/v1/" + "a" * 32, (USER, PASSWORD))
        assert not fresh.exists(name)
        fresh.close()
        folder = root / "reader-sync" / "v1" / ("a" * 32) / "devices" / ("b" * 32)
        assert list(folder.iterdir()) == []
        transport.close()
    finally:
        broken.kill()


def test_a_name_is_written_once_and_never_replaced(shared_server: Server) -> None:
    def transport() -> WebDAVTransport:
        return WebDAVTransport(shared_server.url, "reader-sync/v1/" + "a" * 32, (USER, PASSWORD))

    first, late, other = transport(), transport(), transport()
    name = "devices/" + "b" * 32 + "/1-1.jsonl.gz"
    assert not late.exists(name) and not other.exists(name)  # their listings say "absent"
    first.put(name, b"one")
    late.put(name, b"one")  # the MOVE answers 412; the same content: already written
    with pytest.raises(SyncError, match="other content"):
        other.put(name, b"two")
    assert transport().read(name) == b"one"
    folder = shared_server.root / "reader-sync" / "v1" / ("a" * 32) / "devices" / ("b" * 32)
    assert [p.name for p in folder.iterdir()] == ["1-1.jsonl.gz"]  # no temporary file left
    for t in (first, late, other):
        t.close()


@pytest.mark.parametrize(
    ("url", "user", "message"),
    [
        ("https://cloud.example.org/dav", None, "give the WebDAV user name"),
        ("http://cloud.example.org/dav", "ana", "use https://"),
        ("https://ana:pw@cloud.example.org/dav", None, "without a password"),
        ("https:///dav", "ana", "not a WebDAV address"),
    ],
)
def test_an_unusable_address_is_refused_before_any_request(
    tmp_path: Path, url: str, user: str | None, message: str
) -> None:
    args = ["sync", "setup", url] + (["--user", user] if user else [])
    refused = reader(tmp_path / "a", *args)
    assert refused.returncode == 1 and message in refused.stderr
    assert refused.stderr.count("\n") == 1


def test_a_user_name_in_the_address_is_kept_and_the_password_is_not(
    tmp_path: Path, shared_server: Server, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(ENVIRONMENT, PASSWORD)
    at = shared_server.url.replace("http://", f"http://{USER}@")
    shown = reader(tmp_path / "a", "sync", "setup", at, "--json", check=True)
    assert f"{USER}@127.0.0.1" in shown.stdout and PASSWORD not in shown.stdout


def test_without_a_terminal_the_password_question_is_a_one_line_error(
    tmp_path: Path, shared_server: Server, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(ENVIRONMENT, raising=False)
    # A new session has no terminal to ask on, and stdin is empty: as under cron or systemd.
    asked = subprocess.run(
        [sys.executable, "-m", "reader", "--data-dir", str(tmp_path / "a"), "sync", "setup",
         shared_server.url, "--user", USER],
        capture_output=True, text=True, stdin=subprocess.DEVNULL, start_new_session=True,
        timeout=60, check=False,
    )  # fmt: skip
    assert asked.returncode == 1 and ENVIRONMENT in asked.stderr
    assert "internal error" not in asked.stderr and "Traceback" not in asked.stderr


def _syllables() -> Iterator[str]:
    for a in "bcdfghklmnprstvz":
        for b in "aeiou":
            for c in "nrstlm":
                yield a + b + c


def _no_prompt(prompt: str = "") -> str:
    raise AssertionError("the password was asked for again")
