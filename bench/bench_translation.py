"""Benchmark the translation rules NL503-NL507 and the vocab feature they share.

Builds a corpus of N articles from the seed articles (each line prefixed with the article's
number, so that no sentence repeats and the shared spaCy memo cannot hide parsing cost), runs
the engine in-process with only NL503-NL507 selected, and prints the CPU time (process_time,
not disturbed by other processes on the machine) of each rule's check and of the vocab
feature, and the words per second of the lot, to compare with proselint's ~63,000 words/s.

usage: .venv/bin/python bench/bench_translation.py [--articles 1000]
"""

from __future__ import annotations

import argparse
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

from lint.config import Config
from lint.engine import run
from lint.features.vocab import Vocab
from lint.registry import load_rule_set, select_rules
from lint.rules import locale, mt, spelling

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
CODES = ("NL503", "NL504", "NL505", "NL506", "NL507")


def timed(spent: dict[str, float], label: str, method: Callable[..., Any]) -> Callable[..., Any]:
    def wrapper(self: Any, *args: Any, **kwargs: Any) -> Any:
        start = time.process_time()
        result = method(self, *args, **kwargs)
        if not isinstance(result, (dict, list)):
            result = list(result)
        spent[label] += time.process_time() - start
        return result

    return wrapper


def build(folder: Path, articles: int) -> int:
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    words = 0
    for i in range(articles):
        text = texts[i % len(texts)]
        lines = [f"{i} {line}" if line.strip() else line for line in text.split("\n")]
        (folder / f"{i:05}.txt").write_text("\n".join(lines), encoding="utf-8")
        words += len(text.split())
    return words


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=1000)
    args = parser.parse_args()
    spent: dict[str, float] = defaultdict(float)
    Vocab.analyze = timed(spent, "vocab feature", Vocab.analyze)  # type: ignore[method-assign]
    for cls in (mt.MtVerb, mt.MtCollocation, locale.LocaleSpelling, locale.AbbreviationForm,
                spelling.Misspelling):
        cls.check = timed(spent, f"{cls.meta.code} {cls.meta.name}", cls.check)  # type: ignore[method-assign]
    with tempfile.TemporaryDirectory() as tmp:
        words = build(Path(tmp), args.articles)
        config = Config(select=CODES)
        rule_set = load_rule_set(config)
        start = time.process_time()
        result = run([tmp], config, select_rules(rule_set, config), rule_set.packs)
        total = time.process_time() - start
    ours = sum(spent.values())
    print(f"{args.articles} articles, {words:,} words, {len(result.diagnostics)} findings")
    print(f"engine total CPU {total:.2f} s; NL503-NL507 + vocab feature {ours:.2f} s "
          f"= {words / ours:,.0f} words/s (proselint: ~63,000 words/s for all its checks)")
    for label, seconds in sorted(spent.items()):
        print(f"  {label:28} {seconds:6.2f} s")


if __name__ == "__main__":
    main()
