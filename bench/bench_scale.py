"""Speed and scale of a whole run, side by side with proselint on the same files.

For each corpus size (default 1,000 and 10,000 generated articles, see bench/corpus.py) it runs,
as separate commands, one after another on the same machine:

  newslint cold       every default rule, NLP included, empty cache, default --jobs
  newslint warm       the same command again: nothing changed
  pre-commit          one new article, checked against the cached corpus (--corpus)
  document rules      only the rules that read one document (no corpus index), no cache;
                      with and without the two rules that ask spaCy for parses
  proselint           `proselint check` on the same files (the peer)

and prints wall time, words/s, peak memory (the whole process tree, sampled), and the ratios
the targets are stated in. Nothing here is a test: the figures depend on the machine.

    .venv/bin/python -m bench.bench_scale [--sizes 1000,10000] [--jobs 0] [--keep DIR] [--repeat N]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import psutil

from bench.corpus import Generator, write_corpus
from lint.config import Config
from lint.registry import load_rule_set, select_rules
from lint.rules.base import Rule

BIN = Path(sys.executable).parent


@dataclass
class Measure:
    wall: float
    peak_mb: float
    code: int
    output: str


def measured(args: list[str], cwd: Path, env: dict[str, str] | None = None) -> Measure:
    """Run a command; sample the resident memory of it and its children every 100 ms (rarely
    enough that the sampler's own /proc scans do not slow the measured run)."""
    started = time.perf_counter()
    proc = subprocess.Popen(args, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                            text=True, env={**os.environ, **(env or {})})
    peak = 0
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        root = psutil.Process(proc.pid)
        while not done.is_set():
            try:
                tree = [root, *root.children(recursive=True)]
                peak = max(peak, sum(p.memory_info().rss for p in tree))
            except psutil.Error:
                pass
            time.sleep(0.1)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    output, _ = proc.communicate()
    wall = time.perf_counter() - started
    done.set()
    sampler.join()
    return Measure(wall, peak / 1e6, proc.returncode, output)


def document_rule_codes(nlp: bool) -> str:
    """The default rules that read one document; with ``nlp=False`` only those that never ask
    spaCy for a parse (a rule that parses declares it through ``prefetch``)."""
    config = Config()
    rule_set = load_rule_set(config)
    return ",".join(
        r.code for r in select_rules(rule_set, config)
        if r.scope == "document" and (nlp or type(r).prefetch is Rule.prefetch)
    )


def proselint_command() -> list[str] | None:
    for candidate in (BIN / "proselint", shutil.which("proselint")):
        if candidate and Path(candidate).exists():
            return [str(candidate), "check"]
    return None


def count_diagnostics(output: str) -> int:
    try:
        return len(json.loads(output)["diagnostics"])
    except (ValueError, KeyError):
        return -1


def median(runs: list[Measure]) -> Measure:
    """The run with the median wall time (this machine's timings vary by 10-20% run to run)."""
    return sorted(runs, key=lambda m: m.wall)[len(runs) // 2]


def bench_size(articles: int, work: Path, jobs: int, repeat: int) -> dict[str, float]:
    corpus = work / f"corpus-{articles}"
    if not corpus.exists():
        words = write_corpus(corpus, articles)
    else:
        words = sum(len(p.read_text(encoding="utf-8").split()) for p in corpus.rglob("*.txt"))
    megabytes = sum(p.stat().st_size for p in corpus.rglob("*.txt")) / 1e6
    cache = work / f"cache-{articles}"
    newslint = [str(BIN / "newslint"), "check", corpus.name, "--format", "json", "--cache-dir",
                str(cache), "--jobs", str(jobs)]
    colds, warms = [], []
    for _ in range(repeat):
        shutil.rmtree(cache, ignore_errors=True)
        colds.append(measured(newslint, work))
        warms.append(measured(newslint, work))
    cold, warm = median(colds), median(warms)
    found_cold, found_warm = count_diagnostics(cold.output), count_diagnostics(warm.output)

    # pre-commit passes the new file; the corpus root is in the config (here: --corpus)
    _, text = Generator(seed=articles + 1, articles=8).article()
    new_article = next(corpus.iterdir()) / "new-article.txt"
    new_article.write_text(text, encoding="utf-8")
    try:
        precommit = measured([str(BIN / "newslint"), "check", str(new_article.relative_to(work)),
                              "--corpus", corpus.name, "--format", "json", "--cache-dir",
                              str(cache), "--jobs", str(jobs)], work)
    finally:
        new_article.unlink()
    plain = [*newslint[:-4], "--no-cache", "--jobs", str(jobs), "--select"]
    docs_only = median([measured([*plain, document_rule_codes(nlp=True)], work) for _ in range(repeat)])
    docs_regex = median([measured([*plain, document_rule_codes(nlp=False)], work) for _ in range(repeat)])
    peer = proselint_command()
    prose = median([measured([*peer, corpus.name], work) for _ in range(repeat)]) if peer else None

    cores = jobs or len(os.sched_getaffinity(0))
    runs = f", median of {repeat} runs" if repeat > 1 else ""
    print(f"\n{articles:,} articles, {words:,} words, {megabytes:.1f} MB  (jobs: {cores}{runs})")
    print(f"  {'run':<22}{'wall s':>9}{'words/s':>11}{'peak MB':>9}  notes")
    rows = [
        ("newslint cold", cold, f"{found_cold} diagnostics"),
        ("newslint warm", warm, f"{found_warm} diagnostics, "
         f"{'same' if cold.output == warm.output else 'DIFFERENT'} output"),
        ("pre-commit, 1 new", precommit, f"exit {precommit.code}, against {articles:,} cached"),
        ("document rules", docs_only,
         f"{megabytes / docs_only.wall / cores:.2f} MB/s per core (spaCy included)"),
        ("doc rules without NLP", docs_regex,
         f"{megabytes / docs_regex.wall / cores:.2f} MB/s per core (target >= 1)"),
    ]
    if prose:
        rows.append(("proselint", prose, f"exit {prose.code}"))
    for label, m, note in rows:
        rate = words / m.wall if "pre-commit" not in label else 0
        print(f"  {label:<22}{m.wall:>9.2f}{rate:>11,.0f}{m.peak_mb:>9.0f}  {note}")
    if prose:
        print(f"  ratio proselint / newslint cold: {prose.wall / cold.wall:.2f} (target >= 1, aim 2)")
    print(f"  warm / cold: {warm.wall / cold.wall * 100:.1f}% (target < 5%)")
    print(f"  pre-commit wall: {precommit.wall:.2f} s (target < 2 s at 10,000)")
    print(f"  cold ms per article: {cold.wall / articles * 1000:.2f}")
    return {"cold": cold.wall, "per_article": cold.wall / articles, "peak": cold.peak_mb}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="1000,10000")
    parser.add_argument("--jobs", type=int, default=0)
    parser.add_argument("--keep", type=Path, help="Keep corpora and caches in this folder.")
    parser.add_argument("--repeat", type=int, default=0,
                        help="Runs per measure, the median reported (default: 3 up to 2,000 "
                             "articles, else 1).")
    args = parser.parse_args()
    work = args.keep or Path(tempfile.mkdtemp(prefix="newslint-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    if proselint_command() is None:
        print("proselint is not installed: pip install proselint (the peer is skipped)")
    results = {}
    try:
        for size in (int(s) for s in args.sizes.split(",")):
            repeat = args.repeat or (3 if size <= 2000 else 1)
            results[size] = bench_size(size, work, args.jobs, repeat)
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    if len(results) > 1:
        sizes = sorted(results)
        small, large = results[sizes[0]], results[sizes[-1]]
        drift = large["per_article"] / small["per_article"] - 1
        print(f"\ncost per article {sizes[0]:,} -> {sizes[-1]:,}: {drift * 100:+.1f}% "
              f"(target within 20%); peak memory at {sizes[-1]:,}: {large['peak']:.0f} MB "
              "(target < 1500)")


if __name__ == "__main__":
    main()
