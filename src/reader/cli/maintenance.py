"""Commands that look after the library itself: backup, restore, check."""

from __future__ import annotations

import argparse
from pathlib import Path

from reader.cli.output import print_json, print_table, printable
from reader.paths import DataPaths
from reader.services.library import Library
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

    p = sub.add_parser(
        "check",
        help="check every article's text against its hash; repair damaged ones from a backup",
    )
    p.add_argument("--no-repair", action="store_true", help="only report damaged articles")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_check)


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
    kept = restore(args.file, paths.database, paths.library_lock)
    if args.json:
        print_json({"restored": str(args.file), "previous": str(kept) if kept else None})
    else:
        print(f"restored {printable(args.file)}")
        if kept:
            print(f"the previous library is kept as {printable(kept)}")
    return 0


def cmd_check(lib: Library, args: argparse.Namespace) -> int:
    """Exit status 1 while any damaged article is left unrepaired."""
    found = lib.check_articles(repair=not args.no_repair)
    if args.json:
        print_json(found.to_json())
        return 1 if found.unrepaired else 0
    for article_id in found.damaged:
        source = found.repaired.get(article_id)
        if source is not None:
            print(f"article #{article_id} was damaged; repaired from {source}")
        elif args.no_repair:
            print(f"article #{article_id} is damaged")
        else:
            print(f"article #{article_id} is damaged and no backup has it intact; left as it is")
    print(
        f"checked {found.checked} article(s): {len(found.damaged)} damaged, "
        f"{len(found.repaired)} repaired"
    )
    return 1 if found.unrepaired else 0
