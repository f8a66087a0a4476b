"""Speed and scale of a whole run on a corpus of stories (bench/stories.py: wire copies,
rewrites, recurring quotations, story clusters), side by side with proselint on the same files.

For each size it prints the cold run (every default rule, empty cache), the time of the story
layer alone (grouping, alignment, findings and the comparison of quotations, in one process), the cost per article, peak
memory, and proselint's time on the same files. Nothing here is a test.

    .venv/bin/python -m bench.bench_stories [--sizes 1000,10000] [--jobs 0] [--keep DIR]
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

from bench.bench_scale import count_diagnostics, measured, proselint_command
from bench.stories import write_story_corpus

BIN = Path(sys.executable).parent


def story_layer_seconds(corpus: Path) -> tuple[float, int, int]:
    """Seconds to group, align and judge the corpus's stories and to compare its quotations in
    one process (the reduce steps that run once per run), with the number of stories and
    story findings."""
    from lint.config import Config
    from lint.corpus import IndexBuilder
    from lint.linter import Linter
    from lint.registry import load_rule_set, select_rules

    config = Config()
    rule_set = load_rule_set(config)
    linter = Linter(config, select_rules(rule_set, config), rule_set.packs)
    builder = IndexBuilder([f for f in linter.features if f.key in ("story", "names", "quotes")])
    for path in sorted(corpus.rglob("*.txt")):
        for analysis in linter.first_pass(str(path), check=False).analyses:
            builder.add(analysis)
    started = time.perf_counter()
    index = builder.build()
    part = index.part("story")
    return time.perf_counter() - started, len(part["members"]), sum(map(len, part["findings"].values()))


def bench(articles: int, work: Path, jobs: int) -> None:
    corpus = work / f"stories-{articles}"
    words = write_story_corpus(corpus, articles) if not corpus.exists() else sum(
        len(p.read_text(encoding="utf-8").split()) for p in corpus.rglob("*.txt"))
    cache = work / f"cache-{articles}"
    shutil.rmtree(cache, ignore_errors=True)
    cold = measured([str(BIN / "newslint"), "check", corpus.name, "--format", "json",
                     "--cache-dir", str(cache), "--jobs", str(jobs)], work)
    layer, stories, findings = story_layer_seconds(corpus)
    peer = proselint_command()
    prose = measured([*peer, corpus.name], work) if peer else None
    print(f"\n{articles:,} articles in stories, {words:,} words")
    print(f"  newslint cold      {cold.wall:8.2f} s  {cold.wall / articles * 1000:6.2f} ms/article  "
          f"peak {cold.peak_mb:6.0f} MB  {count_diagnostics(cold.output)} diagnostics")
    print(f"  stories + quotes   {layer:8.2f} s  {layer / articles * 1000:6.2f} ms/article  "
          f"{stories} stories, {findings} findings")
    if prose:
        print(f"  proselint          {prose.wall:8.2f} s  {prose.wall / articles * 1000:6.2f} ms/article")
        print(f"  ratio proselint / newslint cold: {prose.wall / cold.wall:.2f} (target >= 2)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="1000,10000")
    parser.add_argument("--jobs", type=int, default=0)
    parser.add_argument("--keep", type=Path)
    args = parser.parse_args()
    work = args.keep or Path(tempfile.mkdtemp(prefix="newslint-bench-stories-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        for size in (int(s) for s in args.sizes.split(",")):
            bench(size, work, args.jobs)
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
