"""Citations that name people right: inverted names, particles, suffixes, organisations, CJK,
the two BibTeX dialects (checked by bibtexparser) and keys that are never bare numbers."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import bibtexparser
import pytest
from bibtexparser.middlewares import SeparateCoAuthors, SplitNameParts

from reader.core.article import Article, StoredArticle
from reader.exporters import citations, render
from reader.exporters.names import Name, split_authors
from reader.storage.articles import ArticleStore
from reader.storage.database import Database


@pytest.mark.parametrize(
    ("byline", "names"),
    [
        ("Smith, John", [Name("Smith", "John")]),
        ("Smith, John; Doe, Jane", [Name("Smith", "John"), Name("Doe", "Jane")]),
        ("Jane Doe, John Roe", [Name("Doe", "Jane"), Name("Roe", "John")]),
        ("By Jane Doe and John Roe", [Name("Doe", "Jane"), Name("Roe", "John")]),
        ("Ana de la Garza", [Name("Garza", "Ana", particle="de la")]),
        ("van der Berg, Jan", [Name("Berg", "Jan", particle="van der")]),
        ("Ludwig van Beethoven", [Name("Beethoven", "Ludwig", particle="van")]),
        ("Martin Luther King Jr.", [Name("King", "Martin Luther", suffix="Jr.")]),
        ("King, Martin Luther, Jr.", [Name("King", "Martin Luther", suffix="Jr.")]),
        ("John Smith III", [Name("Smith", "John", suffix="III")]),
        ("García Márquez, Gabriel", [Name("García Márquez", "Gabriel")]),
        ("CNN Wire", [Name(literal="CNN Wire")]),
        ("Tom and Jerry Inc.", [Name(literal="Tom and Jerry Inc.")]),
        ("Reuters", [Name(literal="Reuters")]),
        ("张三", [Name(literal="张三")]),
        ("记者 张三、李四", [Name(literal="张三"), Name(literal="李四")]),
        ("张三, 李四", [Name(literal="张三"), Name(literal="李四")]),
        ("山田太郎", [Name(literal="山田太郎")]),
    ],
)
def test_names(byline: str, names: list[Name]) -> None:
    assert split_authors(byline) == names


PEOPLE = [
    ("Smith, John", date(2024, 3, 1), "Ports of call and their keepers"),
    ("Ana de la Garza and Jan van der Berg", date(2024, 3, 2), "Tides of the north sea"),
    ("Martin Luther King Jr.", None, "Letters"),
    ("CNN Wire", date(2023, 1, 5), "Storm warning issued"),
    ("Tom and Jerry Inc.", None, "Annual report"),
    ("记者 张三", date(2024, 10, 26), "湖畔小城举办国际风筝节"),
    (None, date(2024, 10, 27), "2024"),
    ("Smith, John", date(2024, 3, 1), "Ports of call and their keepers, again"),
]


@pytest.fixture
def stored(tmp_path: Path) -> Iterator[list[StoredArticle]]:
    db = Database(tmp_path / "library.sqlite3")
    store = ArticleStore(db)
    ids = []
    for n, (author, published, title) in enumerate(PEOPLE):
        article = Article(
            title=title, text=f"Body {n}.", html="<p></p>", author=author, published=published,
            site="163.com" if author is None else "Example News",
            url=f"https://example.org/{n}" if n % 2 == 0 else None,
        )  # fmt: skip
        with db.transaction() as conn:
            ids.append(store.insert(conn, article, None))
    yield [store.get(i) for i in ids]
    db.close()


def _parse(text: str) -> bibtexparser.Library:
    library = bibtexparser.parse_string(
        text, append_middleware=[SeparateCoAuthors(), SplitNameParts()]
    )
    assert library.failed_blocks == []
    return library


@pytest.mark.parametrize("dialect", [citations.BIBLATEX, citations.CLASSIC])
def test_bibtex_names_survive_a_parser(stored: list[StoredArticle], dialect: str) -> None:
    entries = _parse(citations.bibtex(stored, dialect)).entries
    assert len(entries) == len(PEOPLE)
    smith, garza, king, cnn, tom, zhang = entries[:6]
    [[name]] = [smith["author"]]
    assert (name.last, name.first) == (["Smith"], ["John"])
    first, second = garza["author"]
    assert (first.von, first.last, first.first) == (["de", "la"], ["Garza"], ["Ana"])
    assert (second.von, second.last) == (["van", "der"], ["Berg"])
    [king_name] = king["author"]
    assert (king_name.last, king_name.jr) == (["King"], ["Jr."])
    assert king_name.first == ["Martin", "Luther"]
    assert [a.last for a in cnn["author"]] == [["{CNN Wire}"]]  # one literal name
    assert [a.last for a in tom["author"]] == [["{Tom and Jerry Inc.}"]]
    assert [a.last for a in zhang["author"]] == [["{张三}"]] and zhang["author"][0].first == []


def test_classic_bibtex_is_misc_without_biblatex_fields(stored: list[StoredArticle]) -> None:
    entries = _parse(citations.bibtex(stored, citations.CLASSIC)).entries
    assert {e.entry_type for e in entries} == {"misc"}
    for entry in entries:
        assert not {"date", "urldate", "url", "organization"} & set(entry.fields_dict)
    online = entries[0]
    assert online["howpublished"] == r"\url{https://example.org/0}"
    assert online["note"].startswith("Example News. Accessed ")
    assert (online["year"], online["month"]) == ("2024", "mar")
    biblatex = _parse(citations.bibtex(stored)).entries
    assert biblatex[0].entry_type == "online" and "urldate" in biblatex[0].fields_dict


def test_keys_are_author_year_word_unique_and_never_numbers(stored: list[StoredArticle]) -> None:
    keys = list(citations.citation_keys(stored).values())
    assert keys[0] == "smith2024ports" and keys[-1] == "smith2024portsa"
    assert keys[1] == "garza2024tides"
    assert len(set(keys)) == len(keys)
    for key in keys:
        assert key[0].isalpha() and not key.isdigit(), key
    # A CJK byline falls back to the site; a site named by digits gets a leading word.
    assert keys[5] == "examplenews2024" and keys[6] == "anon1632024"


def test_csl_json_literal_particle_and_suffix(stored: list[StoredArticle]) -> None:
    items = json.loads(citations.csl_json(stored))
    assert items[0]["author"] == [{"family": "Smith", "given": "John"}]
    assert items[1]["author"][0] == {
        "family": "Garza", "given": "Ana", "non-dropping-particle": "de la",
    }  # fmt: skip
    assert items[2]["author"] == [{"family": "King", "given": "Martin Luther", "suffix": "Jr."}]
    assert items[3]["author"] == [{"literal": "CNN Wire"}]
    assert items[5]["author"] == [{"literal": "张三"}]


def test_ris_names(stored: list[StoredArticle]) -> None:
    text = citations.ris(stored)
    assert "AU  - Smith, John\r\n" in text
    assert "AU  - de la Garza, Ana\r\n" in text
    assert "AU  - King, Martin Luther, Jr.\r\n" in text
    assert "AU  - Tom and Jerry Inc.\r\n" in text


def test_classic_dialect_is_an_export_format(stored: list[StoredArticle]) -> None:
    assert render("bibtex-classic", [], {}) == ""


def test_command_line_bibtex_dialect(tmp_path: Path) -> None:
    from tests.articles import PLAIN_EN, write
    from tests.cli import reader

    lib = tmp_path / "lib"
    reader(lib, "import", str(write(tmp_path / "harbour.txt", PLAIN_EN)), check=True)
    classic = reader(lib, "export", "--format", "bibtex", "--bibtex", "bibtex", check=True)
    modern = reader(lib, "export", "--format", "bibtex", check=True)
    assert classic.stdout.startswith("@misc{") and "urldate" not in classic.stdout
    assert _parse(classic.stdout).entries and _parse(modern.stdout).entries
