"""Commands on articles: import, list, show, sections, remove, trash."""

from __future__ import annotations

import argparse
import os
import re
import sys
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from reader.cli.output import one_line, print_json, print_table, printable
from reader.core.article import ArticleSummary
from reader.core.import_failures import MB, megabytes
from reader.core.versions import Verdict
from reader.errors import NotFound, ReaderError
from reader.services.library import MAX_FILE_BYTES, FetchLimits, Library

if TYPE_CHECKING:
    from reader.services.library import ImportResult

ENV_MAX_SIZE = "READER_MAX_IMPORT_MB"


def add_parsers(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("import", help="import files, folders or web pages (URLs)")
    # Kept as text: Path() would fold the "//" of a URL.
    p.add_argument("paths", nargs="+", metavar="PATH|URL")
    p.add_argument("--section", metavar="NAME", help="put the articles in this section")
    p.add_argument(
        "--replace",
        type=int,
        metavar="ID",
        help="the file is a new version of article ID: keep its id, bookmarks and annotations",
    )
    p.add_argument(
        "--max-size",
        type=_megabytes,
        metavar="MB",
        help=f"refuse files larger than this (default: {ENV_MAX_SIZE}, "
        f"then {MAX_FILE_BYTES // MB} MB)",
    )
    p.add_argument(
        "--timeout",
        type=_seconds,
        metavar="S",
        help="for URLs: give up on a server silent this long (default: 20 s)",
    )
    p.add_argument("--json", action="store_true", help="print results as JSON")
    p.set_defaults(handler=cmd_import)

    p = sub.add_parser("list", help="list articles")
    p.add_argument("--section", metavar="NAME")
    p.add_argument("--site", metavar="NAME")
    p.add_argument("--unread", action="store_true")
    p.add_argument("--sort", choices=["published", "added", "title", "site"], default="published")
    p.add_argument("--limit", type=int, metavar="N")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_list)

    p = sub.add_parser("show", help="show one article")
    p.add_argument("id", type=int, metavar="ID")
    fmt = p.add_mutually_exclusive_group()
    fmt.add_argument("--json", action="store_true", help="metadata, text and HTML as JSON")
    fmt.add_argument("--text", action="store_true", help="the plain text only")
    p.set_defaults(handler=cmd_show)

    p = sub.add_parser("sections", help="list sections with their article counts")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_sections)

    p = sub.add_parser(
        "remove", help="move articles to the Trash (notes and highlights stay with them)"
    )
    p.add_argument("ids", nargs="+", type=int, metavar="ID")
    p.add_argument(
        "--with-annotations",
        action="store_true",
        help="with --for-good: delete the highlights and notes too (refused otherwise)",
    )
    p.add_argument(
        "--for-good", action="store_true", help="delete at once instead of moving to the Trash"
    )
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_remove)

    p = sub.add_parser("trash", help="list, restore or empty the Trash")
    trash = p.add_subparsers(dest="trash_command", required=True, metavar="COMMAND")
    q = trash.add_parser("list", help="articles in the Trash")
    q.add_argument("--json", action="store_true")
    q.set_defaults(handler=cmd_trash_list)
    q = trash.add_parser("restore", help="bring articles back from the Trash")
    q.add_argument("ids", nargs="+", type=int, metavar="ID")
    q.set_defaults(handler=cmd_trash_restore)
    q = trash.add_parser("empty", help="delete everything in the Trash for good")
    q.add_argument(
        "--with-annotations",
        action="store_true",
        help="also delete articles that hold notes or highlights (and those)",
    )
    q.set_defaults(handler=cmd_trash_empty)


def _megabytes(text: str) -> int:
    """A size in MB (decimals allowed) as bytes; for argparse and the environment."""
    try:
        size = float(text)
    except ValueError:
        size = -1.0
    if not 0 < size < 2**40:
        raise argparse.ArgumentTypeError(f"not a size in MB: {text!r}")
    return max(1, int(size * MB))


def _max_size(args: argparse.Namespace) -> int:
    if args.max_size is not None:
        return int(args.max_size)
    configured = os.environ.get(ENV_MAX_SIZE)
    if not configured:
        return MAX_FILE_BYTES
    try:
        return _megabytes(configured)
    except argparse.ArgumentTypeError as exc:
        raise ReaderError(f"{ENV_MAX_SIZE}: {exc}") from None


def _seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = -1.0
    if not 0 < value <= 3600:
        raise argparse.ArgumentTypeError(f"not a time in seconds: {text!r}")
    return value


def cmd_import(lib: Library, args: argparse.Namespace) -> int:
    from reader.services.library import ImportStatus  # imported when needed, not by every command

    urls = [arg for arg in args.paths if is_url(arg)]
    args.paths = [Path(arg) for arg in args.paths if not is_url(arg)]
    if urls and args.replace is not None:
        raise ReaderError("--replace takes a file, not a URL")
    results = [] if not args.paths else _import_files(lib, args)
    for url in urls:
        result = lib.import_url(url, section=args.section, limits=_fetch_limits(args))
        results.append(result)
        if not args.json:
            _print_result(result)
    failed = sum(1 for r in results if r.status is ImportStatus.FAILED)
    if args.json:
        print_json([r.to_json() for r in results])
    else:
        print(_summary(results))
    return 1 if failed else 0


def _summary(results: list[ImportResult]) -> str:
    """ "2 imported, 1 duplicate, skipped 12: 10 .png, 2 .pdf" """
    from reader.services.library import ImportStatus, skipped_kinds

    counts = {s: sum(1 for r in results if r.status is s) for s in ImportStatus}
    parts = [f"{n} {s.value}" for s, n in counts.items() if n and s is not ImportStatus.SKIPPED]
    kinds = skipped_kinds(results)
    if kinds:
        listed = ", ".join(f"{n} {kind}" for kind, n in kinds)
        parts.append(f"skipped {counts[ImportStatus.SKIPPED]}: {listed}")
    return ", ".join(parts) or "nothing to import"


def is_url(arg: str) -> bool:
    """Whether an import argument names a URL (any scheme: the import refuses all but
    http and https) rather than a file; a drive letter ("C:") is not a scheme."""
    return _URL.match(arg.strip()) is not None and not Path(arg).exists()


_URL = re.compile(r"[A-Za-z][A-Za-z0-9+.-]+://|(?i:data|javascript|mailto|about|blob|file):")


def _fetch_limits(args: argparse.Namespace) -> FetchLimits:
    limits = FetchLimits()
    if args.max_size is not None:
        limits = replace(limits, max_page_bytes=int(args.max_size))
    if args.timeout is not None:
        timeout = float(args.timeout)
        limits = replace(limits, connect_timeout=timeout, read_timeout=timeout)
    return limits


def _import_files(lib: Library, args: argparse.Namespace) -> list[ImportResult]:
    limit = _max_size(args)
    if args.replace is not None:
        if len(args.paths) != 1 or args.paths[0].is_dir():
            raise ReaderError("--replace takes exactly one file")
        one = lib.import_path(
            args.paths[0], section=args.section, replace_id=args.replace, max_bytes=limit
        )
        batch = iter([one])
    else:
        batch = lib.import_paths(
            args.paths, section=args.section, max_bytes=limit, started=_say_when_big
        )
    results = []
    for result in batch:
        results.append(result)
        if not args.json:
            _print_result(result)
    return results


# A file this big takes a second or more to import: say so before starting it.
BIG_FILE_BYTES = 4 * MB


def _say_when_big(path: Path) -> None:
    try:
        size = path.stat().st_size
    except (OSError, ValueError):
        return  # the import itself reports why the file cannot be read
    if size >= BIG_FILE_BYTES and path.is_file():
        name = printable(str(path))
        # Rounded as a "too large" failure rounds it: 30.1 MB is not first read as 30.0.
        print(f"importing  {name} ({megabytes(size)} MB)…", file=sys.stderr, flush=True)


def _version_note(result: ImportResult) -> str | None:
    """What an import did with an article of the same file or URL, for the user."""
    from reader.services.library import ImportStatus  # imported when needed, not by every command

    match, new = result.match, result.article_id
    similarity = f"similarity {match.likeness.kept:.2f}" if match else ""
    if result.status is ImportStatus.UPDATED:
        return f"updated #{new} (new version{', ' + similarity if match else ''})"
    if match is None or result.status is not ImportStatus.IMPORTED:
        return None
    old = match.article_id
    if match.verdict is Verdict.DIFFERENT:
        return f"imported #{new} (same {match.by} as #{old} but a different story, {similarity})"
    return (
        f"kept as a new article: the text differs a lot from #{old} ({similarity}); to make it "
        f"a new version instead: reader remove --for-good {new}, "
        f"then import it with --replace {old}"
    )


def _print_result(result: ImportResult) -> None:
    from reader.services.library import ImportStatus  # imported when needed, not by every command

    path = printable(result.path)
    if result.status is ImportStatus.SKIPPED:
        return  # counted in the summary: a folder of photos would flood the screen
    if result.ok:
        title = one_line(result.title or "")
        print(f"{result.status.value:9}  {path}  → #{result.article_id} {title}", flush=True)
        note = _version_note(result)
        if note:
            print(f"           {note}", flush=True)
    else:
        print(f"failed     {path}: {one_line(result.reason or '')}", flush=True)


def cmd_list(lib: Library, args: argparse.Namespace) -> int:
    articles = lib.list_articles(
        section=args.section,
        site=args.site,
        unread=args.unread,
        sort=args.sort,
        descending=args.sort in ("published", "added"),
        limit=args.limit,
    )
    if args.json:
        print_json([a.to_json() for a in articles])
        return 0
    if not articles:
        print("no articles")
        return 0
    print_table(["ID", "DATE", "SECTION", "SITE", "TITLE"], [_row(a) for a in articles])
    return 0


def _row(a: ArticleSummary) -> list[str]:
    mark = "" if a.read else "• "
    return [
        str(a.id),
        a.published.isoformat() if a.published else "",
        a.section or "",
        a.site or "",
        mark + one_line(a.title),
    ]


def cmd_show(lib: Library, args: argparse.Namespace) -> int:
    article = lib.get_article(args.id)
    if args.json:
        print_json(article.to_json())
        return 0
    if args.text:
        print(printable(article.text, keep_lines=True))
        return 0
    s = article.summary
    print(one_line(s.title))
    byline = " · ".join(
        x
        for x in (s.site, s.section, s.published.isoformat() if s.published else None, s.author)
        if x
    )
    if byline:
        print(one_line(byline))
    if s.source:
        print(printable(s.source))
    print()
    print(printable(article.text, keep_lines=True))
    return 0


def cmd_sections(lib: Library, args: argparse.Namespace) -> int:
    sections = lib.sections()
    if args.json:
        print_json([{"name": name, "count": count} for name, count in sections])
    elif sections:
        print_table(["COUNT", "SECTION"], [[str(c), n] for n, c in sections])
    else:
        print("no sections")
    return 0


def cmd_remove(lib: Library, args: argparse.Namespace) -> int:
    if args.for_good:
        return _remove_for_good(lib, args)
    lib.trash(args.ids)
    removed = lib.summaries(args.ids)
    if args.json:
        print_json([removed[i].to_json() for i in args.ids if i in removed])
    else:
        for i in args.ids:
            print(f"moved to the Trash: #{i} {one_line(removed[i].title)}")
        print("restore with: reader trash restore ID; delete for good: reader trash empty")
    return 0


def _remove_for_good(lib: Library, args: argparse.Namespace) -> int:
    removed = [lib.remove(i, with_annotations=args.with_annotations) for i in args.ids]
    if args.json:
        print_json([a.to_json() for a in removed])
    else:
        for a in removed:
            print(f"removed #{a.id} {one_line(a.title)}")
    return 0


def cmd_trash_list(lib: Library, args: argparse.Namespace) -> int:
    trashed = lib.trashed()
    if args.json:
        print_json([a.to_json() for a in trashed])
    elif trashed:
        rows = [[str(a.id), _day(a.trashed), one_line(a.title)] for a in trashed]
        print_table(["ID", "TRASHED", "TITLE"], rows)
    else:
        print("the Trash is empty")
    return 0


def _day(moment: datetime | None) -> str:
    return moment.date().isoformat() if moment else ""


def cmd_trash_restore(lib: Library, args: argparse.Namespace) -> int:
    restored = set(lib.restore_from_trash(args.ids))
    titles = lib.summaries(args.ids)
    for i in args.ids:
        if i not in titles:
            raise NotFound(f"no article with id {i}")
        state = "restored" if i in restored else "was not in the Trash"
        print(f"{state}: #{i} {one_line(titles[i].title)}")
    return 0


def cmd_trash_empty(lib: Library, args: argparse.Namespace) -> int:
    # As `remove --for-good`: notes and highlights go only when the user says so.
    gone = lib.empty_trash(with_annotations=args.with_annotations)
    print(f"deleted {len(gone)} article(s) for good")
    kept = len(lib.trashed())
    if kept:
        print(f"kept {kept} article(s) holding others' annotations (read-only here)")
    return 0
