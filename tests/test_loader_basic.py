"""Loading files: bad input becomes one diagnostic (NL001-NL005), never a traceback."""

from __future__ import annotations

import codecs
import os
from pathlib import Path

import pytest

from lint.loader import load, looks_binary


def _load(tmp_path: Path, data: bytes, **kwargs: object) -> tuple[list[str], list[str], list[str]]:
    path = tmp_path / "a.txt"
    path.write_bytes(data)
    loaded = load(str(path), **kwargs)  # type: ignore[arg-type]
    return [d.text for d in loaded.documents], [p.code for p in loaded.problems], [p.message for p in loaded.problems]


def test_plain_utf8(tmp_path: Path) -> None:
    texts, codes, _ = _load(tmp_path, "Café owners met.\r\nThey agreed.\r\n".encode())
    assert texts == ["Café owners met.\nThey agreed.\n"] and codes == []


@pytest.mark.parametrize("bom, encoding", [(codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"),
                                           (codecs.BOM_UTF16_BE, "utf-16-be")])
def test_byte_order_marks(tmp_path: Path, bom: bytes, encoding: str) -> None:
    texts, codes, _ = _load(tmp_path, bom + "Zoë wrote the story.\n".encode(encoding))
    assert texts == ["Zoë wrote the story.\n"] and codes == []


def test_not_utf8_points_at_the_byte_and_suggests_an_encoding(tmp_path: Path) -> None:
    texts, codes, messages = _load(tmp_path, b"Headline\n\nThe caf\xe9 reopened.\n")
    assert texts == [] and codes == ["NL001"]
    assert "0xe9" in messages[0] and "--encoding" in messages[0]
    path = tmp_path / "a.txt"
    problem = load(str(path)).problems[0]
    assert (problem.line, problem.column) == (3, 8)


def test_explicit_encoding(tmp_path: Path) -> None:
    texts, codes, _ = _load(tmp_path, b"The caf\xe9 reopened.\n", encoding="cp1252")
    assert texts == ["The café reopened.\n"] and codes == []


@pytest.mark.parametrize("data", [b"", b"  \n\n\t\n"])
def test_empty_file(tmp_path: Path, data: bytes) -> None:
    assert _load(tmp_path, data)[1] == ["NL003"]


@pytest.mark.parametrize("data", [b"\x89PNG\r\n\x1a\n" + bytes(100), b"%PDF-1.7\n" + bytes(range(256)), bytes(range(32)) * 20])
def test_binary_file(tmp_path: Path, data: bytes) -> None:
    assert _load(tmp_path, data)[1] == ["NL002"]


def test_text_with_a_few_control_characters_is_not_binary() -> None:
    assert not looks_binary(b"A normal article with one bell \x07 character in it." * 10)


def test_too_large(tmp_path: Path) -> None:
    codes = _load(tmp_path, b"Headline\n\n" + b"word " * 100, max_size=50)[1]
    assert codes == ["NL005"]


def test_folder_is_not_a_regular_file(tmp_path: Path) -> None:
    loaded = load(str(tmp_path))
    assert [p.code for p in loaded.problems] == ["NL004"] and loaded.input_error


@pytest.mark.skipif(os.geteuid() == 0, reason="root can read any file")
def test_unreadable_file(tmp_path: Path) -> None:
    path = tmp_path / "secret.txt"
    path.write_text("Headline\n", encoding="utf-8")
    path.chmod(0)
    loaded = load(str(path))
    assert [p.code for p in loaded.problems] == ["NL004"] and loaded.input_error


def test_vanished_file(tmp_path: Path) -> None:
    loaded = load(str(tmp_path / "gone.txt"))
    assert [p.code for p in loaded.problems] == ["NL004"]
