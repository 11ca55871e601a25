"""Child process for the crash tests: imports articles and saves notes until it is killed.

Prints one line per operation *after* it returned successfully, so the parent knows exactly
which saves the library promised to keep.
"""

from __future__ import annotations

import sys
from pathlib import Path

from reader.core.article import Article
from reader.paths import DataPaths
from reader.services.library import Library


def main(data_dir: str, start: int) -> None:
    lib = Library(DataPaths(Path(data_dir)))
    n = start
    while True:
        text = "\n\n".join(
            f"第{n}篇文章的第{p}段。Paragraph {p} of article {n}." for p in range(40)
        )
        article = Article(
            title=f"Article {n}",
            text=text,
            html=f"<p>{n}</p>",
            assets={f"{n:08x}.png": b"\x89PNG\r\n\x1a\n" + bytes(2000)},
        )
        result = lib.add_article(article)
        print(f"IMPORTED {result.article_id} {n}", flush=True)
        note = f"note {n} ✍"
        lib.annotations.set_note(result.article_id or 0, note)
        print(f"NOTE {result.article_id} {note}", flush=True)
        n += 1


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]))
