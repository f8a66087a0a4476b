"""lint.memo: per-line memos that keep short lines only."""

from __future__ import annotations

import pickle

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


def test_a_line_memo_keys_by_line_and_key_and_a_copy_starts_empty() -> None:
    calls: list[tuple[str, str]] = []
    seen: memo.LineMemo[str] = memo.LineMemo(max_lines=8)

    def compute(line: str, key: str) -> str:
        calls.append((line, key))
        return line.upper() + key

    short = "Share this article"
    assert seen.get(short, lambda: compute(short, "a"), "a") == "SHARE THIS ARTICLEa"
    assert seen.get(short, lambda: compute(short, "a"), "a") == "SHARE THIS ARTICLEa"
    assert seen.get(short, lambda: compute(short, "b"), "b") == "SHARE THIS ARTICLEb"
    long = "y" * (memo.MAX_CHARS + 1)
    seen.get(long, lambda: compute(long, "a"), "a")
    seen.get(long, lambda: compute(long, "a"), "a")
    assert calls == [(short, "a"), (short, "b"), (long, "a"), (long, "a")]
    assert len(seen) == 2
    copy = pickle.loads(pickle.dumps(seen))
    assert len(copy) == 0 and copy.max_lines == 8
