"""The document model: newline normalization, 1-based lines, code-point columns, exclusive ends."""

from __future__ import annotations

import pytest

from lint.document import Document, Position, normalize_newlines


@pytest.mark.parametrize(
    ("raw", "normalized"),
    [("a\r\nb", "a\nb"), ("a\rb", "a\nb"), ("a\r\n\r\nb\r", "a\n\nb\n"), ("a\nb", "a\nb")],
)
def test_newlines_are_normalized(raw: str, normalized: str) -> None:
    assert normalize_newlines(raw) == normalized
    assert Document.from_text("x.txt", raw).text == normalized


def test_lines_and_line_starts() -> None:
    doc = Document.from_text("x.txt", "Head\r\n\r\nBody one.\r\nBody two.")
    assert doc.lines == ["Head", "", "Body one.", "Body two."]
    assert doc.line_count == 4
    assert doc.line(3) == "Body one."
    assert [doc.line_start(n) for n in (1, 2, 3, 4)] == [0, 5, 6, 16]


def test_positions_are_one_based_code_points_after_astral_characters() -> None:
    text = "🎉🇨🇦 win\n𝒜 é́ x"
    doc = Document("x.txt", text)
    assert doc.position(0) == Position(1, 1)
    assert doc.position(text.index("win")) == Position(1, 5)  # 🎉, two regional indicators, space
    assert doc.position(text.index("x")) == Position(2, 6)  # 𝒜, space, e, combining accent, space
    assert doc.offset(2, 6) == text.index("x")


def test_end_offset_is_allowed_and_clamped() -> None:
    doc = Document("x.txt", "ab\ncd")
    assert doc.position(5) == Position(2, 3)  # exclusive end of the last line
    assert doc.position(99) == Position(2, 3)
    assert doc.position(-4) == Position(1, 1)
    assert doc.position(2) == Position(1, 3)  # the newline itself: end of line 1


def test_content_hash_depends_on_normalized_text_only() -> None:
    a = Document.from_text("a.txt", "One\r\nTwo")
    b = Document.from_text("b.txt", "One\nTwo")
    c = Document.from_text("c.txt", "One\nTwo.")
    assert a.content_hash == b.content_hash != c.content_hash


def test_trailing_newline_gives_an_empty_last_line() -> None:
    doc = Document("x.txt", "Only line\n")
    assert doc.lines == ["Only line", ""]
    assert doc.position(len(doc.text)) == Position(2, 1)
