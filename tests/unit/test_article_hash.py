"""An imported article carries its content hash and source from the process that extracted it."""

from __future__ import annotations

import pickle

from reader.core.article import Article, content_hash
from reader.importers import import_bytes


def test_the_hash_is_computed_at_import_and_travels_with_the_article() -> None:
    data = "Kites\n\nKites over the harbour at dusk, 风筝 in the wind.\r\n\r\n\r\nMore.".encode()
    article = import_bytes(data, "kites.txt", source_path="/home/reader/kites.txt")
    received = pickle.loads(pickle.dumps(article))  # as a worker process sends it
    assert "content_hash" in vars(received)  # the storing process does not compute it again
    assert received.content_hash == content_hash(article.title, article.text)
    assert received.source_path == "/home/reader/kites.txt"


def test_the_hash_of_an_article_matches_the_hash_of_its_raw_text() -> None:
    title, text = "  Kites \n over ", "Cafe\u0301 \r\n\r\n\r\n\r\nKites\u200b "
    article = Article(title=title, text=text, html="")
    assert article.content_hash == content_hash(title, text)
    assert article.content_hash == content_hash(article.title, article.text)
