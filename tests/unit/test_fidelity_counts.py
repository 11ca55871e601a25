"""The fidelity bench counts what a reader sees: a table framing running text is paragraphs."""

from __future__ import annotations

import base64
import importlib.util
import struct
import sys
import zlib
from pathlib import Path
from types import ModuleType

BENCH = Path(__file__).parent.parent.parent / "bench" / "fidelity_bench.py"


def bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location("fidelity_bench", BENCH)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("fidelity_bench", module)
    spec.loader.exec_module(module)
    return module


def test_cells_of_paragraphs_are_paragraphs() -> None:
    note = "<td><p>The lamp was lit.</p><p>The ferry came.</p><ul><li>Oil</li></ul></td>"
    counts = bench().structure_counts(f"<table><tr>{note}{note}</tr></table>")
    assert counts["table cells"] == 0
    assert counts["paragraphs"] == 4
    assert counts["list items"] == 2


def test_a_data_table_with_a_paragraph_per_cell_keeps_its_cells() -> None:
    row = "<tr><td><p>Pier</p></td><td><p>12 m</p><p>(north)</p></td></tr>"
    counts = bench().structure_counts(f"<table>{row}{row.replace('Pier', 'Quay')}</table>")
    assert counts["table cells"] == 4


def test_a_heading_without_words_is_no_heading() -> None:
    icon = '<h2><a href="/"><img src="home.gif" alt="Home"></a></h2>'
    counts = bench().structure_counts(f"{icon}<h2>The pier</h2><p>The lamp was lit.</p>")
    assert counts["headings"] == 1
    assert counts["images"] == 1


def test_a_caption_is_one_paragraph_however_it_is_marked_up() -> None:
    image = '<img src="pier.png">'
    split = f"<figure>{image}<figcaption><p>The pier.</p><p>(Photo: harbour)</p></figcaption>"
    run_on = f"<figure>{image}<figcaption>The pier. (Photo: harbour)</figcaption>"
    count = bench().structure_counts
    assert count(f"{split}</figure><p>Text.</p>")["paragraphs"] == 2
    assert count(f"{run_on}</figure><p>Text.</p>")["paragraphs"] == 2
    assert count(f"<figure>{image}<figcaption> </figcaption></figure>")["paragraphs"] == 0


def test_a_display_formula_is_a_paragraph_of_its_own() -> None:
    formula = '<math display="block"><mi>x</mi><mo>=</mo><mn>2</mn></math>'
    inline = "<math><mi>a</mi></math>"
    boxed = f'<mjx-container display="true">{formula}</mjx-container>'
    counts = bench().structure_counts(f"<div>When {inline} is 1, {formula}and then {boxed}</div>")
    assert counts["paragraphs"] == 4
    ours = bench().structure_counts("<p>When a is 1,</p><p>x = 2</p><p>and then</p><p>x = 2</p>")
    assert ours["paragraphs"] == counts["paragraphs"]


def test_corners_and_spacers_are_neither_images_nor_cells() -> None:
    corner = '<td><img src="corner.gif" width="7" height="7"></td>'
    photo = '<img src="pier.jpg" width="480" height="360"><img src="s.gif" width="1" height="1">'
    body = f"<table><tr>{corner}<td>The lamp was lit.</td>{corner}</tr></table><p>{photo}</p>"
    counts = bench().structure_counts(body)
    assert counts["images"] == 1
    assert counts["table cells"] == 1


def test_an_inlined_transparent_spacer_is_no_picture() -> None:
    spacer = palette_png(bytes(1))  # its one colour fully transparent
    black = palette_png(b"\xff")
    counts = bench().structure_counts(f'<p>The lamp.</p><img src="{spacer}"><img src="{black}">')
    assert counts["images"] == 1


def palette_png(alphas: bytes) -> str:
    """A 16x9 one-colour palette PNG as a data: URI, the colour's alpha from `alphas`."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        crc = struct.pack(">I", zlib.crc32(kind + body))
        return struct.pack(">I", len(body)) + kind + body + crc

    header = struct.pack(">IIBBBBB", 16, 9, 8, 3, 0, 0, 0)
    pixels = zlib.compress(bytes(17 * 9))
    png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"PLTE", bytes(3))
    png += chunk(b"tRNS", alphas) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")
    return "data:image/png;base64," + base64.b64encode(png).decode()
