"""lint.memo: a per-line memo that keeps short lines only."""

from __future__ import annotations

from lint import memo


def test_a_short_line_is_computed_once_and_a_long_one_each_time() -> None:
    calls: list[str] = []

    @memo.per_line
    def length(text: str) -> int:
        calls.append(text)
        return len(text)

    short = "A wire paragraph that many outlets carry."
    long = "x" * (memo.MAX_CHARS + 1)
    assert [length(short), length(short)] == [len(short), len(short)]
    assert [length(long), length(long)] == [len(long), len(long)]
    assert calls == [short, long, long]
