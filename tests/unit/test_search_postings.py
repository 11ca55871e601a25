"""The bulk writer produces an index Whoosh reads exactly as the one its own writer makes."""

from __future__ import annotations

import datetime
import random
from pathlib import Path
from typing import Any

import pytest
from whoosh import query as wq
from whoosh.filedb.filestore import FileStorage

from reader.search.bulk import BulkSegmentWriter, ParallelBuilder, split_by_size
from reader.search.documents import SearchDocument
from reader.search.schema import annotation_fields, document_fields, make_schema

WORDS = ["alpha", "beta", "gamma", "delta", "common", "rare", "俄罗斯", "经济", "東京", "running"]


def make_docs(count: int) -> list[SearchDocument]:
    rng = random.Random(7)
    docs = []
    for i in range(1, count + 1):
        body = " ".join(rng.choice(WORDS) for _ in range(rng.randint(0, 40))) + " common"
        docs.append(
            SearchDocument(
                i,
                f"title {i} {rng.choice(WORDS)}",
                body,
                site=rng.choice([None, "www.example.com"]),
                language=rng.choice(["en", "zh-Hans"]),
                published=rng.choice([None, datetime.date(2024, 1, 1 + i % 28)]),
                tags=tuple(rng.sample(["a", "b", "c"], rng.randint(0, 2))),
                notes=rng.choice(["", "note " + rng.choice(WORDS)]),
                bookmarked=bool(i % 3),
            )
        )
    return docs


def stock_index(folder: Path, docs: list[SearchDocument]) -> Any:
    ix = FileStorage(str(folder), supports_mmap=False).create().create_index(make_schema())
    writer = ix.writer()
    for doc in docs:
        writer.add_document(**document_fields(doc))
        annotations = annotation_fields(doc.annotations)
        if annotations is not None:
            writer.add_document(**annotations)
    writer.commit()
    return ix


def bulk_index(folder: Path, docs: list[SearchDocument]) -> Any:
    ix = FileStorage(str(folder), supports_mmap=False).create().create_index(make_schema())
    writer = BulkSegmentWriter(ix)
    writer.add_documents(docs)
    writer.commit()
    return ix


def snapshot(ix: Any) -> dict[str, Any]:
    """Everything a search can observe, decoded."""
    with ix.reader() as reader:
        terms = {}
        for fieldname, tbytes in reader.all_terms():
            info = reader.term_info(fieldname, tbytes)
            postings = reader.postings(fieldname, tbytes)
            items = []
            while postings.is_active():
                value = postings.value()
                positions = (
                    postings.value_as("positions") if postings.supports("positions") else None
                )
                items.append((postings.id(), postings.weight(), positions, bool(value)))
                postings.next()
            terms[(fieldname, tbytes)] = (
                info.weight(),
                info.doc_frequency(),
                info.min_length(),
                info.max_length(),
                info.max_weight(),
                info.min_id(),
                info.max_id(),
                items,
            )
        stored = [reader.stored_fields(n) for n in range(reader.doc_count_all())]
        lengths = {
            (n, f): reader.doc_field_length(n, f)
            for n in range(reader.doc_count_all())
            for f in ("title", "body", "notes", "author", "chars")
        }
        published = list(reader.column_reader("published"))
    return {"terms": terms, "stored": stored, "lengths": lengths, "published": published}


@pytest.fixture(scope="module")
def docs() -> list[SearchDocument]:
    return make_docs(300)  # "common" in every document: several posting blocks


@pytest.fixture(scope="module")
def both(tmp_path_factory: pytest.TempPathFactory, docs: list[SearchDocument]) -> dict[str, Any]:
    """The documents indexed by Whoosh's own writer and by ours, once for the tests that
    only read them (building each pair again for every query was most of this file's time)."""
    folder = tmp_path_factory.mktemp("postings")
    return {"stock": stock_index(folder / "stock", docs), "bulk": bulk_index(folder / "bulk", docs)}


def test_bulk_index_reads_like_a_stock_one(both: dict[str, Any]) -> None:
    stock, bulk = snapshot(both["stock"]), snapshot(both["bulk"])
    assert bulk["stored"] == stock["stored"]
    assert bulk["lengths"] == stock["lengths"]
    assert bulk["published"] == stock["published"]
    assert bulk["terms"].keys() == stock["terms"].keys()
    for key, value in stock["terms"].items():
        assert bulk["terms"][key] == value, key


@pytest.mark.parametrize(
    "query",
    [
        wq.Term("body", "common"),
        wq.Term("body", "run"),
        wq.Phrase("body", ["俄罗", "罗斯"]),
        wq.Or([wq.Term("title", "经济"), wq.Term("body", "alpha")]),
        wq.And([wq.Term("language", "en"), wq.Term("body", "alpha")]),
        wq.And([wq.Term("kind", "notes"), wq.Term("bookmarked", True)]),
        wq.Term("chars", "罗"),
        wq.NumericRange("published", 738886, 738900),
    ],
)
def test_bulk_and_stock_give_the_same_results(both: dict[str, Any], query: Any) -> None:
    found = []
    for name in ("stock", "bulk"):
        with both[name].searcher() as searcher:
            results = searcher.search(query, limit=None)
            found.append([(hit["id"], round(hit.score, 4)) for hit in results])
    assert found[0] == found[1]
    assert found[0]


@pytest.mark.slow
def test_bulk_segments_merge_with_stock_writes(tmp_path: Path, docs: list[SearchDocument]) -> None:
    ix = bulk_index(tmp_path / "ix", docs[:150])
    for doc in docs[150:]:  # many small commits: Whoosh merges them, bulk segment included
        writer = ix.writer()
        writer.update_document(**document_fields(doc))
        annotations = annotation_fields(doc.annotations)
        if annotations is not None:
            writer.update_document(**annotations)
        writer.commit()
    writer = ix.writer()
    writer.commit(optimize=True)
    stock = snapshot(stock_index(tmp_path / "s", docs))
    assert snapshot(ix)["terms"].keys() == stock["terms"].keys()
    with ix.searcher() as searcher:
        assert len(searcher.search(wq.Term("body", "common"), limit=None)) == len(docs)


def test_parallel_builder_adds_one_segment_per_process(
    tmp_path: Path, docs: list[SearchDocument]
) -> None:
    folder = tmp_path / "par"
    ix = FileStorage(str(folder), supports_mmap=False).create().create_index(make_schema())
    with ParallelBuilder(str(folder), 2) as builder:
        builder.add_batch(BulkSegmentWriter(ix), docs[:100])
        builder.add_batch(BulkSegmentWriter(ix), docs[100:])
    with ix.searcher() as searcher:
        annotated = [d.id for d in docs if d.annotations]
        assert searcher.doc_count() == len(docs) + len(annotated)
        assert len(searcher.reader().leaf_readers()) == 4
        keys = [f["id"] for f in searcher.all_stored_fields()]
        assert sorted(int(k) for k in keys if k.isdigit()) == [d.id for d in docs]
        assert sorted(int(k[1:]) for k in keys if k.startswith("n")) == annotated


def test_split_by_size_balances_text() -> None:
    docs = [SearchDocument(i, "", "x" * (i * 100)) for i in range(1, 21)]
    shares = split_by_size(docs, 2)
    sizes = [sum(len(d.body) for d in share) for share in shares]
    assert abs(sizes[0] - sizes[1]) <= 2000
    assert sorted(d.id for share in shares for d in share) == list(range(1, 21))
