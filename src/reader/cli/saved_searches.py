"""Commands on saved searches: list, save, rename, delete, and run one."""

from __future__ import annotations

import argparse

from reader.cli.output import one_line, print_json
from reader.cli.search import cmd_search
from reader.services.library import Library


def add_parsers(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("saved", help="saved searches (also shown in the window's sidebar)")
    inner = p.add_subparsers(dest="action", metavar="ACTION", required=True)
    q = inner.add_parser("list", help="list saved searches")
    q.add_argument("--json", action="store_true")
    q.set_defaults(handler=cmd_list)
    q = inner.add_parser("add", help="save a query under a name")
    q.add_argument("name")
    q.add_argument("query")
    q.set_defaults(handler=cmd_add)
    q = inner.add_parser("rename", help="rename a saved search")
    q.add_argument("old")
    q.add_argument("new")
    q.set_defaults(handler=cmd_rename)
    q = inner.add_parser("delete", help="delete a saved search")
    q.add_argument("name")
    q.set_defaults(handler=cmd_delete)
    q = inner.add_parser("run", help="run a saved search")
    q.add_argument("name")
    q.add_argument("--limit", type=int, default=20, metavar="N")
    q.add_argument("--json", action="store_true")
    q.set_defaults(handler=cmd_run)


def cmd_list(lib: Library, args: argparse.Namespace) -> int:
    found = lib.organizing.saved_searches()
    if args.json:
        print_json([s.to_json() for s in found])
    elif not found:
        print("no saved searches")
    for saved in [] if args.json else found:
        print(f"{one_line(saved.name)}: {one_line(saved.query)}")
    return 0


def cmd_add(lib: Library, args: argparse.Namespace) -> int:
    saved = lib.organizing.save_search(args.name, args.query)
    print(f"saved {one_line(saved.name)!r}")
    return 0


def cmd_rename(lib: Library, args: argparse.Namespace) -> int:
    saved = lib.organizing.rename_search(args.old, args.new)
    print(f"renamed to {one_line(saved.name)!r}")
    return 0


def cmd_delete(lib: Library, args: argparse.Namespace) -> int:
    saved = lib.organizing.delete_search(args.name)
    print(f"deleted {one_line(saved.name)!r}")
    return 0


def cmd_run(lib: Library, args: argparse.Namespace) -> int:
    saved = lib.organizing.saved_search(args.name)
    query = argparse.Namespace(query=[saved.query], limit=args.limit, sort="rank", json=args.json)
    return cmd_search(lib, query)
