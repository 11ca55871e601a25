"""`reader images download ID`: fetch an article's web images on request, into its assets."""

from __future__ import annotations

import argparse
import sys

from reader.cli.output import one_line, print_json
from reader.services.library import ImageDownload, Library


def add_parsers(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("images", help="an article's web images")
    inner = p.add_subparsers(dest="images_command", metavar="COMMAND", required=True)
    q = inner.add_parser(
        "download",
        help="download the web images an article shows as placeholders (the only network "
        "access a saved article causes)",
    )
    q.add_argument("id", type=int, metavar="ID")
    q.add_argument("--json", action="store_true")
    q.set_defaults(handler=cmd_download)


def cmd_download(lib: Library, args: argparse.Namespace) -> int:
    steps = lib.download_images(args.id)
    progress = ImageDownload(args.id, 0)
    while True:
        try:
            progress = next(steps)
        except StopIteration as stop:
            progress = stop.value
            break
        if not args.json:  # progress on stderr, so that stdout stays the result
            print(f"image {progress.done} of {progress.total}", file=sys.stderr, flush=True)
    if args.json:
        print_json(progress.to_json())
        return 0 if not progress.failed else 1
    for url, reason in progress.failed:
        print(f"not saved: {one_line(url)}: {one_line(reason)}")
    if progress.total == 0:
        print(f"#{args.id}: no web images to download")
    else:
        print(f"#{args.id}: saved {progress.saved} of {progress.total} images")
    return 0 if not progress.failed else 1
