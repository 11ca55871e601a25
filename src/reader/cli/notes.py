"""Commands on annotations: bookmark, highlight, note, notes, export, annotations import."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from reader.cli.output import one_line, print_json, printable
from reader.core.annotation import Color, Highlight, Note
from reader.core.foreign import TOOLS
from reader.errors import QuoteAmbiguous, ReaderError
from reader.exporters import FORMATS
from reader.services.library import Library

if TYPE_CHECKING:
    from reader.storage.foreign import ForeignImportReport


def add_parsers(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("bookmark", help="bookmark an article (or --remove the bookmark)")
    p.add_argument("id", type=int, metavar="ID")
    p.add_argument("--remove", action="store_true")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_bookmark)

    p = sub.add_parser("highlight", help="highlight a quoted passage of an article")
    p.add_argument("id", type=int, metavar="ID")
    p.add_argument("--quote", required=True, metavar="TEXT")
    p.add_argument("--color", choices=[c.value for c in Color], default="yellow")
    p.add_argument("--note", default="", metavar="TEXT")
    p.add_argument("--tag", action="append", default=[], metavar="TAG")
    p.add_argument("--occurrence", type=int, metavar="N", help="which match, from 1")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_highlight)

    p = sub.add_parser("note", help="set the note on a whole article (Markdown)")
    p.add_argument("id", type=int, metavar="ID")
    p.add_argument("text", metavar="TEXT", help="the note; an empty string removes it")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_note)

    p = sub.add_parser("tags", help="set the tags of an article (no TAG clears them)")
    p.add_argument("id", type=int, metavar="ID")
    p.add_argument("tags", nargs="*", metavar="TAG")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_tags)

    p = sub.add_parser("colors", help="show or set what each highlight colour means")
    p.add_argument(
        "--set",
        nargs=2,
        metavar=("COLOR", "MEANING"),
        help='e.g. --set green "key claim" (an empty MEANING clears it)',
    )
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_colors)

    p = sub.add_parser("notes", help="list highlights and notes (of one article or all)")
    p.add_argument("id", type=int, nargs="?", metavar="ID")
    p.add_argument("--author", metavar="NAME", help="only what this group member wrote")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_notes)

    p = sub.add_parser("export", help="export annotations or citations")
    which = p.add_mutually_exclusive_group()
    which.add_argument("--article", type=int, action="append", metavar="ID")
    which.add_argument("--section", metavar="NAME")
    which.add_argument("--query", metavar="QUERY", help="the articles a search finds")
    p.add_argument("--format", choices=[*FORMATS, *NOTES_KINDS], default="markdown")
    p.add_argument(
        "--vault",
        "--graph",
        type=Path,
        metavar="DIR",
        help="with --format obsidian or logseq: the vault (graph) folder, kept in step",
    )
    p.add_argument(
        "--recreate",
        action="store_true",
        help="with --format obsidian or logseq: write again the notes deleted in the folder",
    )
    p.add_argument(
        "--bibtex",
        choices=["biblatex", "bibtex"],
        default="biblatex",
        help="with --format bibtex: biblatex (@online, date, urldate) or classic BibTeX (@misc)",
    )
    p.add_argument("-o", "--output", type=Path, metavar="FILE")
    p.add_argument("--force", action="store_true", help="replace FILE if it exists")
    p.set_defaults(handler=cmd_export)

    p = sub.add_parser("annotations", help="annotation exchange")
    inner = p.add_subparsers(dest="action", metavar="ACTION", required=True)
    imp = inner.add_parser(
        "import",
        help="import highlights: W3C Web Annotations, Hypothesis, Readwise, Kindle, KOReader, "
        "Obsidian Web Clipper or Zotero",
    )
    imp.add_argument("file", type=Path, metavar="FILE")
    imp.add_argument(
        "--from",
        dest="format",
        choices=["w3c", *TOOLS],
        help="the tool that wrote FILE (detected from its content when omitted)",
    )
    imp.add_argument("--json", action="store_true")
    imp.set_defaults(handler=cmd_annotations_import)


def cmd_bookmark(lib: Library, args: argparse.Namespace) -> int:
    lib.set_bookmarked(args.id, not args.remove)
    if args.json:
        print_json({"id": args.id, "bookmarked": not args.remove})
    else:
        print(f"{'removed bookmark from' if args.remove else 'bookmarked'} #{args.id}")
    return 0


def cmd_highlight(lib: Library, args: argparse.Namespace) -> int:
    try:
        h = lib.annotations.highlight_quote(
            args.id,
            args.quote,
            occurrence=args.occurrence,
            color=args.color,
            note=args.note,
            tags=args.tag,
        )
    except QuoteAmbiguous as exc:
        raise ReaderError(f"{exc} with --occurrence N") from None
    if args.json:
        print_json(h.to_json())
    else:
        print(
            f"highlighted #{h.id} in article #{args.id} ({h.color}): {one_line(h.quote.exact)[:80]}"
        )
    return 0


def cmd_note(lib: Library, args: argparse.Namespace) -> int:
    note = lib.annotations.set_note(args.id, args.text)
    if args.json:
        print_json(note.to_json() if note else None)
    else:
        print(f"note saved on #{args.id}" if note else f"note removed from #{args.id}")
    return 0


def cmd_tags(lib: Library, args: argparse.Namespace) -> int:
    tags = lib.annotations.set_tags(args.id, args.tags)
    if args.json:
        print_json({"id": args.id, "tags": list(tags)})
    else:
        print(f"#{args.id} tags: {one_line(', '.join(tags)) if tags else '(none)'}")
    return 0


def cmd_colors(lib: Library, args: argparse.Namespace) -> int:
    if args.set:
        color, meaning = args.set
        lib.annotations.set_color_meaning(Color.parse(color), meaning)
    meanings = lib.annotations.color_meanings()
    if args.json:
        print_json({c.value: m for c, m in meanings.items()})
    else:
        for number, (c, m) in enumerate(meanings.items(), 1):
            print(f"{number}  {c.value:7} {one_line(m or '')}".rstrip())
    return 0


def cmd_notes(lib: Library, args: argparse.Namespace) -> int:
    ids = [args.id] if args.id is not None else lib.annotations.annotated_ids()
    groups = [lib.annotations.for_article(i) for i in ids]
    if args.author is not None:
        groups = [g.by(args.author) for g in groups]
        groups = [g for g in groups if g.note or g.highlights or args.id is not None]
    if args.json:
        print_json([g.to_json() for g in groups])
        return 0
    if not any(g.highlights or g.note for g in groups):
        print("no annotations")
        return 0
    titles = lib.summaries(ids)
    for group in groups:
        summary = titles.get(group.article_id)
        print(f"#{group.article_id} {one_line(summary.title) if summary else ''}")
        if group.note:
            print(f"  note{_by(lib, group.note)}: {one_line(group.note.text)}")
        for h in group.highlights:
            _print_highlight(h, _by(lib, h))
    return 0


def _by(lib: Library, annotation: Highlight | Note) -> str:
    """' by NAME' for another group member's annotation, else nothing."""
    if lib.annotations.is_mine(annotation):
        return ""
    return f" by {one_line(str(annotation.author))}"


def _print_highlight(h: Highlight, by: str = "") -> None:
    status = "" if h.status.value == "anchored" else f" [{h.status.value}]"
    print(f"  ({h.id}, {h.color}{status}) “{one_line(h.quote.exact)}”{by}")
    if h.note:
        print(f"      {one_line(h.note)}")


# Notes folders kept in step (`--vault DIR`), by format name.
NOTES_KINDS = {"obsidian": "Obsidian vault", "logseq": "Logseq graph"}


def cmd_export(lib: Library, args: argparse.Namespace) -> int:
    if args.format == "bibtex" and args.bibtex == "bibtex":
        args.format = "bibtex-classic"
    if args.article:
        ids = list(args.article)
    elif args.section:
        ids = [a.id for a in lib.list_articles(section=args.section, sort="published")]
    elif args.query:
        ids = [h.id for h in lib.search(args.query, limit=10_000).hits]
    else:
        ids = lib.article_ids(sort="published")
    if args.format in NOTES_KINDS:
        return _export_vault(lib, args, ids)
    if args.output:
        written = lib.export_to_file(args.format, ids, args.output, overwrite=args.force)
        print(f"exported {len(ids)} article(s) to {printable(str(written))}", file=sys.stderr)
    else:
        sys.stdout.write(lib.annotations.export(args.format, ids))
    return 0


def _export_vault(lib: Library, args: argparse.Namespace, ids: list[int]) -> int:
    kind = NOTES_KINDS[args.format]
    if args.vault is None:
        raise ReaderError(f"--format {args.format} needs --vault DIR (the {kind} folder)")
    report = lib.annotations.export_vault(
        args.vault, ids, kind=args.format, data_root=lib.paths.root, recreate=args.recreate
    )
    print(f"{kind} {printable(str(args.vault))}: {report.summary()}", file=sys.stderr)
    return 0


def cmd_annotations_import(lib: Library, args: argparse.Namespace) -> int:
    """Exit 1 when the import was partial: annotations skipped, or pages only linked."""
    from reader.storage.foreign import ForeignImportReport  # loaded by this command only

    report = lib.annotations.import_annotations(args.file, args.format)
    if isinstance(report, ForeignImportReport):
        if args.json:
            print_json(report.to_json())
        else:
            _print_foreign(report)
        return 0
    if args.json:
        print_json(report.to_json())
    else:
        print(
            f"{report.added} added, {report.already_present} already present, "
            f"{report.orphaned} orphaned, {len(report.unmatched)} without a matching article"
            + (
                f", {report.skipped} skipped (unreadable or over the limits)"
                if report.skipped
                else ""
            )
        )
    for page in report.linked_pages:
        print(
            f"reader: the collection's page {printable(page)} is only linked, not in the "
            "file; its annotations were not imported (Reader does not fetch it)",
            file=sys.stderr,
        )
    return 1 if report.partial else 0


def _print_foreign(report: ForeignImportReport) -> None:
    from reader.importers.annotations import LABELS

    if not report.sources:
        print(f"no highlights in this {LABELS.get(report.format, report.format)} file")
    for source, counts in report.sources.items():
        print(f"{LABELS.get(source, source)}: {counts.summary()}")
