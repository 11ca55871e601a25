"""Commands that look after the library itself: backup, restore."""

from __future__ import annotations

import argparse
from pathlib import Path

from reader.cli.output import print_json, print_table, printable
from reader.library import Library
from reader.paths import DataPaths
from reader.storage.backups import restore


def add_parsers(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("backup", help="back up the library now, or list the backups")
    p.add_argument("--list", action="store_true", help="list the backups instead")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_backup)

    p = sub.add_parser(
        "restore",
        help="replace the library with a backup (the current library is kept aside, never deleted)",
    )
    p.add_argument("file", type=Path, metavar="FILE")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=None, offline_handler=cmd_restore)


def cmd_backup(lib: Library, args: argparse.Namespace) -> int:
    if args.list:
        backups = lib.backups.list()
        if args.json:
            print_json([{"path": str(b.path), "taken": b.taken.isoformat()} for b in backups])
        elif backups:
            print_table(
                ["TAKEN (UTC)", "FILE"],
                [[b.taken.strftime("%Y-%m-%d %H:%M:%S"), str(b.path)] for b in backups],
                last_max=200,
            )
        else:
            print("no backups yet")
        return 0
    backup = lib.backup()
    if args.json:
        print_json({"path": str(backup.path), "taken": backup.taken.isoformat()})
    else:
        print(f"backed up to {printable(backup.path)}")
    return 0


def cmd_restore(paths: DataPaths, args: argparse.Namespace) -> int:
    """Runs without opening the library: the library may be the damaged thing."""
    kept = restore(args.file, paths.database)
    if args.json:
        print_json({"restored": str(args.file), "previous": str(kept) if kept else None})
    else:
        print(f"restored {printable(args.file)}")
        if kept:
            print(f"the previous library is kept as {printable(kept)}")
    return 0
