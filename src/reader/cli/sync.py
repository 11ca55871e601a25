"""Commands of `reader sync`: setup, join, now, compact, status, conflicts."""

from __future__ import annotations

import argparse
import getpass
from pathlib import Path
from typing import TYPE_CHECKING

from reader.cli.output import print_json, printable
from reader.errors import SyncError
from reader.services.library import Library
from reader.sync.credentials import ENVIRONMENT, from_environment
from reader.sync.locations import is_url, webdav_location

if TYPE_CHECKING:
    from reader.sync import SyncStatus


def add_parsers(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("sync", help="sync the library through a shared folder or WebDAV")
    inner = p.add_subparsers(dest="action", metavar="ACTION", required=True)

    setup = inner.add_parser(
        "setup", help="sync through FOLDER (any file-sync service) or a WebDAV URL"
    )
    setup.add_argument("folder", metavar="FOLDER|URL")
    setup.add_argument("--author", metavar="NAME", help="your name on your annotations")
    setup.add_argument("--user", metavar="NAME", help=_USER_HELP)
    setup.add_argument("--json", action="store_true")
    setup.set_defaults(handler=cmd_setup)

    join = inner.add_parser("join", help="join the library LIBRARY-ID found in the sync folder")
    join.add_argument("library", metavar="LIBRARY-ID")
    join.add_argument("folder", nargs="?", metavar="FOLDER|URL")
    join.add_argument("--author", metavar="NAME", help="your name on your annotations")
    join.add_argument("--user", metavar="NAME", help=_USER_HELP)
    join.add_argument("--json", action="store_true")
    join.set_defaults(handler=cmd_join)

    now = inner.add_parser("now", help="publish local changes and apply the others' now")
    now.add_argument("--json", action="store_true")
    now.set_defaults(handler=cmd_now)

    compact = inner.add_parser(
        "compact", help="sync, then write a snapshot a new device starts from"
    )
    compact.set_defaults(handler=cmd_compact)

    status = inner.add_parser("status", help="last sync, pending changes, conflicts")
    status.add_argument("--json", action="store_true")
    status.set_defaults(handler=cmd_status)

    conflicts = inner.add_parser("conflicts", help="note texts that lost to another device's")
    conflicts.add_argument("--json", action="store_true")
    conflicts.set_defaults(handler=cmd_conflicts)


_USER_HELP = (
    f"WebDAV user name; the password is asked for and kept in the OS keyring "
    f"(or read from {ENVIRONMENT})"
)


def _location(given: str | None) -> Path | str | None:
    if given is None:
        return None
    return given if is_url(given) else Path(given)


def _password(location: Path | str | None, user: str | None) -> str | None:
    """Asked for a WebDAV URL, unless given in the environment (then never stored)."""
    if not isinstance(location, str):
        return None
    webdav_location(location, user)  # a bad address is refused before the question
    if from_environment() is not None:
        return None
    try:
        password = getpass.getpass("WebDAV password: ")
    except (EOFError, KeyboardInterrupt, OSError) as exc:
        raise SyncError(f"no password given (without a terminal, set {ENVIRONMENT})") from exc
    if not password:
        raise SyncError("no password given")
    return password


def _show(status: SyncStatus, as_json: bool) -> int:
    if as_json:
        print_json(status.to_json())
        return 0
    if not status.configured:
        print("sync is not set up (reader sync setup FOLDER|URL)")
        return 0
    print(
        f"{'location:' if is_url(status.folder or '') else 'folder:  '}  {printable(status.folder)}"
    )
    print(f"library:   {status.library}  (other devices: reader sync join {status.library})")
    print(f"device:    {status.device or '(none yet)'}")
    print(f"author:    {printable(status.author)}")
    print(f"last sync: {status.last_sync or 'never'}")
    print(f"pending:   {status.pending}")
    print(f"conflicts: {status.conflicts}")
    if status.waiting_files:
        print(f"waiting:   {status.waiting_files} file(s) still arriving")
    return 0


def cmd_setup(lib: Library, args: argparse.Namespace) -> int:
    where = _location(args.folder)
    assert where is not None  # a required argument
    password = _password(where, args.user)
    status = lib.sync.setup(where, args.author, user=args.user, password=password)
    return _show(status, args.json)


def cmd_join(lib: Library, args: argparse.Namespace) -> int:
    where = _location(args.folder)
    status = lib.sync.join(
        args.library, where, args.author, user=args.user, password=_password(where, args.user)
    )
    return _show(status, args.json)


def cmd_status(lib: Library, args: argparse.Namespace) -> int:
    return _show(lib.sync.status(), args.json)


def cmd_now(lib: Library, args: argparse.Namespace) -> int:
    report = lib.sync_now()
    if args.json:
        print_json(report.to_json())
        return 0
    print(
        f"published {report.published_files} file(s), applied {report.applied_files} "
        f"file(s) ({report.applied_records} change(s))"
    )
    if report.waiting_files:
        print(f"{report.waiting_files} file(s) still arriving; they are applied once whole")
    if report.refused_files:
        print(f"{report.refused_files} file(s) skipped: not sync files of this library")
    return 0


def cmd_compact(lib: Library, args: argparse.Namespace) -> int:
    name = lib.sync_compact()
    print(f"wrote the snapshot {name}")
    return 0


def cmd_conflicts(lib: Library, args: argparse.Namespace) -> int:
    found = lib.sync.conflicts()
    if args.json:
        print_json([c.to_json() for c in found])
        return 0
    for c in found:
        what = "removal overridden by an edit" if c.field == "deleted" else f"{c.field} lost"
        print(f"{c.recorded}  {c.uid}  {what}  by {printable(c.author)} ({c.device[:8]})")
        if c.field != "deleted":
            print(f"    {printable(c.value)}")
    return 0
