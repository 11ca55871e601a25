"""The `edit` command: correct an article's title, author, date, site, section or URL."""

from __future__ import annotations

import argparse

from reader.cli.output import one_line, print_json
from reader.errors import ReaderError
from reader.services.library import Library

# Option name → the field it sets (the date is stored as `published`).
OPTIONS = {
    "title": "title",
    "author": "author",
    "date": "published",
    "site": "site",
    "section": "section",
    "url": "url",
}
CLEARABLE = tuple(name for name in OPTIONS if name != "title")


def add_parsers(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "edit",
        help="correct an article's metadata (edited fields are kept through re-imports)",
        description="Correct an article's metadata. An empty value (--author '') or --clear "
        "clears a field. Edited fields belong to you: importing the article again, or a new "
        "version of it, keeps them.",
    )
    p.add_argument("id", type=int, metavar="ID")
    p.add_argument("--title", metavar="TEXT")
    p.add_argument("--author", metavar="NAME", help="one or more authors, as you want them shown")
    p.add_argument("--date", metavar="DATE", help="YYYY, YYYY-MM or YYYY-MM-DD")
    p.add_argument("--site", metavar="NAME")
    p.add_argument("--section", metavar="NAME")
    p.add_argument("--url", metavar="URL", help="the article's http or https address")
    p.add_argument(
        "--clear", action="append", choices=CLEARABLE, default=[], metavar="FIELD",
        help=f"clear a field ({', '.join(CLEARABLE)}); may be repeated",
    )  # fmt: skip
    p.add_argument("--json", action="store_true", help="print the article's fields as JSON")
    p.set_defaults(handler=cmd_edit)


def requested(args: argparse.Namespace) -> dict[str, str | None]:
    """The fields the command line sets: an option's value, or None to clear it."""
    values: dict[str, str | None] = {}
    for option, field in OPTIONS.items():
        value = getattr(args, option)
        if value is not None:
            values[field] = value
    for option in args.clear:
        if (values.get(OPTIONS[option]) or "").strip():
            raise ReaderError(f"--{option} is both set and cleared")
        values[OPTIONS[option]] = None
    if not values:
        names = ", ".join(f"--{o}" for o in OPTIONS)
        raise ReaderError(f"nothing to edit: give at least one of {names} or --clear")
    return values


def cmd_edit(lib: Library, args: argparse.Namespace) -> int:
    values = requested(args)
    lib.edit_details(args.id, values)
    after = lib.details(args.id)
    if args.json:
        print_json({"id": args.id, **after.to_json()})
        return 0
    print(f"edited #{args.id} {one_line(after.values['title'] or '')}")
    for option, field in OPTIONS.items():
        if field in values and option != "title":
            shown = after.values[field]
            print(f"  {option}: {one_line(shown) if shown else '(cleared)'}")
    return 0
