"""The engines search_bench.py compares: ours (Whoosh), SQLite FTS5 (trigram) and tantivy.

Each engine builds an index of the same SearchDocuments in its own folder, answers a query
with the top 20 hits and a snippet for each, and finds every document holding one character.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

from reader.search import SearchDocument, SearchIndex

TOP = 20
Hits = list[tuple[int, str]]


def folder_size(path: Path) -> int:
    if path.is_file():
        return path.stat().st_size
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file())


# Ours ---------------------------------------------------------------------------------------


def library_texts(path: Path, docs: list[SearchDocument] | None) -> Callable[[int], Any]:
    """text_of backed by SQLite, like the library's article table."""
    db = sqlite3.connect(path, check_same_thread=False)
    if docs is not None:
        db.execute("CREATE TABLE article (id INTEGER PRIMARY KEY, title TEXT, text TEXT)")
        rows = ((d.id, d.title, d.body) for d in docs)
        db.executemany("INSERT INTO article VALUES (?, ?, ?)", rows)
        db.commit()

    def text_of(doc_id: int) -> tuple[str, str] | None:
        return db.execute("SELECT title, text FROM article WHERE id = ?", (doc_id,)).fetchone()

    return text_of


class Ours:
    name = "Reader (Whoosh)"

    def __init__(self, folder: Path, procs: int = 2, batch: int = 2500) -> None:
        self.folder = folder
        self.procs, self.batch = procs, batch
        self.index: SearchIndex | None = None
        self.text_of: Callable[[int], Any] | None = None

    def build(self, docs: list[SearchDocument]) -> None:
        self.index = SearchIndex(self.folder / "index", rebuild_procs=self.procs)
        for _ in self.index.rebuild(iter(docs), len(docs)):
            pass

    def open(self) -> None:
        self.index = self.index or SearchIndex(self.folder / "index")
        self.text_of = library_texts(self.folder / "library.sqlite", None)

    def size(self) -> int:
        return folder_size(self.folder / "index")

    def search(self, query: str) -> Hits:
        assert self.index is not None and self.text_of is not None
        result = self.index.search(query, limit=TOP)
        ids = [hit.id for hit in result.hits]
        made = self.index.snippets(ids, result.terms, self.text_of)
        return [(i, made[i].text) for i in ids if i in made]

    def ranks(self, query: str) -> bool:
        """Whether the top 20 of `query` are the best of all matches (not the first found)."""
        return True

    def containing(self, char: str, limit: int) -> set[int]:
        assert self.index is not None
        return {hit.id for hit in self.index.search(char, limit=limit).hits}

    def close(self) -> None:
        if self.index is not None:
            self.index.close()


# SQLite FTS5 (trigram) ----------------------------------------------------------------------

_TERM = re.compile(r'(\w+:)?("[^"]*"|\S+)')


class Fts5:
    """FTS5's trigram tokenizer cannot use its index for terms under three characters (most
    Chinese words are two), so those become LIKE conditions, and a query made only of them
    takes its snippet with substr()/instr(): what an application using FTS5 must do."""

    name = "SQLite FTS5"

    def __init__(self, folder: Path) -> None:
        self.path = folder / "fts.sqlite"
        self.db: sqlite3.Connection | None = None

    def build(self, docs: list[SearchDocument]) -> None:
        db = sqlite3.connect(self.path)
        db.execute("CREATE VIRTUAL TABLE fts USING fts5(title, body, tokenize='trigram')")
        db.execute("CREATE TABLE meta (rowid INTEGER PRIMARY KEY, language TEXT, site TEXT)")
        with db:
            rows = ((d.id, d.title, d.body) for d in docs)
            db.executemany("INSERT INTO fts (rowid, title, body) VALUES (?, ?, ?)", rows)
            meta = ((d.id, (d.language or "").lower(), d.site) for d in docs)
            db.executemany("INSERT INTO meta VALUES (?, ?, ?)", meta)
        self.db = db

    def open(self) -> None:
        self.db = self.db or sqlite3.connect(self.path)

    def size(self) -> int:
        return folder_size(self.path)

    def search(self, query: str) -> Hits:
        assert self.db is not None
        match: list[str] = []
        where: list[str] = []
        args: list[str] = []
        short: list[str] = []
        for prefix, raw in _TERM.findall(query):
            text = raw.strip('"')
            if prefix == "lang:":
                where.append("meta.language LIKE ?")
                args.append(text.lower() + "%")
                continue
            column = "title" if prefix == "title:" else None
            if len(text.replace(" ", "")) >= 3:
                quoted = '"' + text.replace('"', '""') + '"'
                match.append(f"{column} : {quoted}" if column else quoted)
                continue
            like = f"%{text}%"
            where.append("fts.title LIKE ?" if column else "(fts.title LIKE ? OR fts.body LIKE ?)")
            args += [like] if column else [like, like]
            short.append(text)
        joins = "FROM fts JOIN meta ON meta.rowid = fts.rowid"
        conditions = "".join(" AND " + w for w in where)
        if match:
            sql = (
                f"SELECT fts.rowid, snippet(fts, 1, '[', ']', '…', 24) {joins} "
                f"WHERE fts MATCH ? {conditions} ORDER BY rank LIMIT {TOP}"
            )
            return self.db.execute(sql, [" AND ".join(match), *args]).fetchall()
        sql = (
            f"SELECT fts.rowid, substr(fts.body, max(instr(fts.body, ?) - 40, 1), 120) {joins} "
            f"WHERE {' AND '.join(where) or '1'} LIMIT {TOP}"
        )
        return self.db.execute(sql, [short[0] if short else "", *args]).fetchall()

    def ranks(self, query: str) -> bool:
        """Only a query with a term of 3+ characters goes through MATCH and is ranked; the
        others take the first 20 rows the LIKE scan meets, and stop scanning there."""
        return any(
            len(raw.strip('"').replace(" ", "")) >= 3
            for prefix, raw in _TERM.findall(query)
            if prefix != "lang:"
        )

    def containing(self, char: str, limit: int) -> set[int]:
        """A LIKE scan: the trigram index cannot answer a one-character query."""
        assert self.db is not None
        sql = "SELECT rowid FROM fts WHERE title LIKE ? OR body LIKE ? LIMIT ?"
        return {row[0] for row in self.db.execute(sql, (f"%{char}%", f"%{char}%", limit))}

    def close(self) -> None:
        if self.db is not None:
            self.db.close()


# tantivy ------------------------------------------------------------------------------------

# Each CJK character a token (positions make words phrases), other words whole, lower case.
_CJK = r"\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}"
CJK_TOKEN = rf"[{_CJK}]|[[\p{{L}}\p{{N}}]--[{_CJK}]]+"  # "A国" is two tokens, A and 国


def tantivy_available() -> bool:
    try:
        import tantivy  # noqa: F401
    except ImportError:
        return False
    return True


class Tantivy:
    """tantivy with a one-character CJK tokenizer (a phrase of characters for a word)."""

    name = "tantivy"

    def __init__(self, folder: Path) -> None:
        self.path = folder / "tantivy"
        self.index: Any = None
        self.searcher: Any = None

    def _schema_and_index(self) -> Any:
        import tantivy

        builder = tantivy.SchemaBuilder()
        builder.add_integer_field("id", stored=True, indexed=True)
        builder.add_text_field("title", stored=True, tokenizer_name="cjk")
        builder.add_text_field("body", stored=True, tokenizer_name="cjk")
        builder.add_text_field("lang", tokenizer_name="raw")
        self.path.mkdir(parents=True, exist_ok=True)
        index = tantivy.Index(builder.build(), path=str(self.path))
        analyzer = (
            tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.regex(CJK_TOKEN))
            .filter(tantivy.Filter.lowercase())
            .build()
        )
        index.register_tokenizer("cjk", analyzer)
        return index

    def build(self, docs: list[SearchDocument]) -> None:
        import tantivy

        self.index = self._schema_and_index()
        writer = self.index.writer(heap_size=256_000_000, num_threads=2)
        for d in docs:
            lang = (d.language or "").lower().split("-")[0]
            writer.add_document(tantivy.Document(id=d.id, title=d.title, body=d.body, lang=lang))
        writer.commit()
        writer.wait_merging_threads()

    def open(self) -> None:
        self.index = self.index or self._schema_and_index()
        self.index.reload()
        self.searcher = self.index.searcher()

    def size(self) -> int:
        return folder_size(self.path)

    def _query(self, query: str) -> Any:
        parsed, _errors = self.index.parse_query_lenient(
            query, ["title", "body"], conjunction_by_default=True
        )
        return parsed

    def search(self, query: str) -> Hits:
        import tantivy

        q = self._query(query)
        found = self.searcher.search(q, TOP).hits
        snippets = tantivy.SnippetGenerator.create(self.searcher, q, self.index.schema, "body")
        hits: Hits = []
        for _score, address in found:
            doc = self.searcher.doc(address)
            hits.append((doc["id"][0], snippets.snippet_from_doc(doc).fragment()))
        return hits

    def ranks(self, query: str) -> bool:
        return True

    def containing(self, char: str, limit: int) -> set[int]:
        found = self.searcher.search(self._query(char), limit).hits
        return {self.searcher.doc(address)["id"][0] for _score, address in found}

    def close(self) -> None:
        self.searcher = self.index = None


ENGINES: dict[str, Callable[[Path], Any]] = {"ours": Ours, "fts5": Fts5, "tantivy": Tantivy}
