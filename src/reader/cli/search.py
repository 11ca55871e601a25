"""Commands on the search index: search, reindex."""

from __future__ import annotations

import argparse
import sys

from reader.cli.output import one_line, print_json
from reader.services.library import Library


def add_parsers(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "search",
        help="full-text search (Chinese, Japanese, Korean and English)",
        description='Words must all match; also "phrases", -word, OR, title:, section:, '
        "site:, lang:, tag:, color:, is:bookmarked, has:notes, after:DATE, before:DATE, "
        "date:2024-10.",
    )
    p.add_argument("query", nargs="+", metavar="QUERY")
    p.add_argument("--limit", type=_positive, default=20, metavar="N")
    p.add_argument("--sort", choices=["rank", "date"], default="rank")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_search)

    p = sub.add_parser("reindex", help="rebuild the search index from the library")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_reindex)


_VALUED_OPTIONS = ("--limit", "--sort")


def words_after_options(argv: list[str]) -> list[str]:
    """The arguments of `search`, options first and then `--` before the query words.

    argparse reads `-harbour` as `-h arbour` and `-word` as an unknown option; in a query a
    leading minus means NOT, so every single-dash word is a query word. Real options (and
    mistyped `--long` ones, still errors) keep their meaning wherever they stand.
    """
    options: list[str] = []
    words: list[str] = []
    tokens = iter(argv)
    for token in tokens:
        if token == "--":
            words += tokens
        elif token in ("-h", "--help") or token.startswith("--"):
            options.append(token)
            if token in _VALUED_OPTIONS:
                options += [next(tokens, "")]
        else:
            words.append(token)
    return [*options, "--", *words] if words else options


def _positive(value: str) -> int:
    number = int(value)
    if number < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return number


def cmd_search(lib: Library, args: argparse.Namespace) -> int:
    result = lib.search(" ".join(args.query), limit=args.limit, sort=args.sort)
    summaries = lib.summaries([h.id for h in result.hits])
    rows = []
    for hit in result.hits:
        s = summaries.get(hit.id)
        if s is None:
            continue
        rows.append((hit, s))
    # Snippets only for what is printed (the index returns hits without them).
    snippets = lib.snippets([hit.id for hit, _s in rows], result.terms)
    if result.message:
        print(f"reader: {one_line(result.message)}", file=sys.stderr)
    if args.json:
        print_json(
            [
                {
                    "id": s.id,
                    "title": s.title,
                    "section": s.section,
                    "site": s.site,
                    "published": s.published.isoformat() if s.published else None,
                    "score": round(hit.score, 4),
                    "snippet": snippets[hit.id].text if hit.id in snippets else "",
                }
                for hit, s in rows
            ]
        )
        return 0
    if not rows:
        print("no matches")
        return 0
    for hit, s in rows:
        date = s.published.isoformat() if s.published else ""
        meta = " · ".join(x for x in (s.site, s.section, date) if x)
        print(f"#{s.id}  {one_line(s.title)}" + (f"  ({one_line(meta)})" if meta else ""))
        snippet = snippets.get(hit.id)
        print(f"     {_marked(snippet.text, snippet.spans) if snippet else ''}")
    shown = len(rows)
    print(f"{shown} of {result.total} matches" if result.total > shown else f"{shown} matches")
    return 0


def _marked(snippet: str, spans: tuple[tuple[int, int], ...]) -> str:
    out, last = [], 0
    for start, end in sorted(spans):
        out += [snippet[last:start], "[", snippet[start:end], "]"]
        last = end
    out.append(snippet[last:])
    return one_line("".join(out))


def cmd_reindex(lib: Library, args: argparse.Namespace) -> int:
    done = total = 0
    for done, total in lib.rebuild_search_index():
        if not args.json and sys.stderr.isatty():
            print(f"\rindexing {done}/{total}", end="", file=sys.stderr, flush=True)
    if args.json:
        print_json({"indexed": done, "total": total})
    else:
        if sys.stderr.isatty():
            print(file=sys.stderr)
        print(f"indexed {done} articles")
    return 0
