"""The cost of the article-context work, against a base commit, in the same run.

Generates a corpus (bench/corpus.py), checks out the base commit in a temporary git worktree,
and runs the real ``newslint`` of each side (base and this tree) on the same files, taking
turns: the document rules that never ask spaCy for a parse, and every default rule with no
cache (cold). Each side selects its own document rules (the head has more: NL306-NL309,
NL512, and NL502 reads the article's country). Prints the median wall time of each and MB/s per
core. Nothing here is a test: the figures depend on the machine.

    .venv/bin/python -m bench.bench_context [--base REF] [--articles 1000] [--repeat 3] [--jobs 1]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.corpus import write_corpus

ROOT = Path(__file__).resolve().parent.parent
CODES = (
    "from bench.bench_scale import document_rule_codes; print(document_rule_codes(nlp=False))"
)


def side_env(tree: Path) -> dict[str, str]:
    """The environment that makes ``python -m lint`` import the given tree's code and packs."""
    return {**os.environ, "PYTHONPATH": str(tree)}


def document_codes(tree: Path) -> str:
    out = subprocess.run([sys.executable, "-c", CODES], env=side_env(tree), cwd=tree,
                         capture_output=True, text=True, check=True)
    return out.stdout.strip()


def timed(tree: Path, corpus: Path, extra: list[str], jobs: int) -> float:
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "lint", "check", str(corpus), "--format", "json",
                    "--no-cache", "--jobs", str(jobs), *extra],
                   env=side_env(tree), cwd=corpus.parent, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL, check=False)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--base", default="HEAD~1")
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--jobs", type=int, default=1)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        corpus = work / "corpus"
        words = write_corpus(corpus, args.articles)
        megabytes = sum(p.stat().st_size for p in corpus.rglob("*") if p.is_file()) / 1e6
        base = work / "base"
        subprocess.run(["git", "worktree", "add", "--detach", "-q", str(base), args.base], cwd=ROOT, check=True)
        try:
            sides = {"base": base, "head": ROOT}
            modes = {name: {"doc rules without NLP": ["--select", document_codes(tree)], "all rules, cold": []}
                     for name, tree in sides.items()}
            times: dict[tuple[str, str], list[float]] = {}
            for _ in range(args.repeat):
                for mode in ("doc rules without NLP", "all rules, cold"):
                    for name, tree in sides.items():
                        times.setdefault((name, mode), []).append(
                            timed(tree, corpus, modes[name][mode], args.jobs))
        finally:
            subprocess.run(["git", "worktree", "remove", "--force", str(base)], cwd=ROOT, check=False)
    print(f"{args.articles} articles, {words:,} words, {megabytes:.1f} MB; base {args.base}; "
          f"jobs {args.jobs}; median of {args.repeat}")
    for mode in ("doc rules without NLP", "all rules, cold"):
        for name in ("base", "head"):
            wall = statistics.median(times[name, mode])
            print(f"  {mode:<22} {name:<5} {wall:7.2f} s  {megabytes / wall / args.jobs:5.2f} MB/s per core")
        ratio = statistics.median(times["head", mode]) / statistics.median(times["base", mode])
        print(f"  {mode:<22} head / base: {ratio:.2f}")


if __name__ == "__main__":
    main()
