"""How fast ``newslint server`` answers an editor on a large corpus, beside a one-file CLI run.

On a generated corpus (bench/corpus.py; default 10,000 articles) with a config naming it, it
runs, one after another, with pygls's real LSP client over the server's stdio
(bench/lsp_session.py):

  start, empty cache    the server analyses the corpus (first pass, worker processes)
  start, warm cache     a second server: the corpus comes from the cache and the kept state
  open                  a new article (not on disk) and an article of the corpus
  changes               N edits of each (a doubled word put in and taken out, a name
                        respelled): time from sending didChange to receiving its
                        publishDiagnostics (a 20 ms pause for more keystrokes included)
  peer: one-file CLI    `newslint check ARTICLE` on the same text saved to a file, with the
                        same corpus and warm cache (what pre-commit runs)

and prints the figures, the server's resident memory, and whether the server's last
diagnostics equal the CLI's. Nothing here is a test: the figures depend on the machine.

    .venv/bin/python -m bench.bench_server [--articles 10000] [--changes 30] [--keep DIR]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil

from bench.corpus import Generator, write_corpus
from bench.lsp_session import EditorSession

BIN = Path(sys.executable).parent
SERVER = [str(BIN / "newslint"), "server"]


def server_memory_mb(editor: EditorSession) -> float:
    process = editor.client._server
    if process is None:
        return 0.0
    try:
        root = psutil.Process(process.pid)
        return sum(p.memory_info().rss for p in [root, *root.children(recursive=True)]) / 1e6
    except psutil.Error:
        return 0.0


async def start(work: Path) -> tuple[EditorSession, float]:
    """A server started on ``work``; seconds until it reports its corpus indexed."""
    editor = EditorSession(SERVER, work)
    began = time.perf_counter()
    await editor.start()
    while not any("indexed" in m for m in editor.logs):
        await asyncio.sleep(0.05)
    return editor, time.perf_counter() - began


def edits(text: str, count: int) -> list[str]:
    """``count`` successive versions of ``text``: a word doubled, then a name respelled,
    then the original again, at places that move through the article."""
    paragraphs = text.split("\n\n")
    versions = []
    for i in range(count):
        changed = list(paragraphs)
        at = 2 + (i * 3) % max(1, len(changed) - 3)
        words = changed[at].split(" ")
        if i % 3 == 0 and len(words) > 4:
            words.insert(3, words[3])  # a doubled word
        elif i % 3 == 1 and len(words) > 4:
            words[1] = words[1][:-1] + ("a" if words[1][-1] != "a" else "e")  # a respelled word
        changed[at] = " ".join(words)
        versions.append("\n\n".join(changed))
    return versions


async def timed_changes(editor: EditorSession, uri: str, versions: list[str]) -> list[float]:
    """Milliseconds from each didChange to its diagnostics (one change at a time)."""
    latencies = []
    for text in versions:
        sent = time.perf_counter()
        version = editor.change(uri, text)
        _, _, arrived = await editor.wait_for(uri, version, timeout=60)
        latencies.append((arrived - sent) * 1000)
    return latencies


def cli_run(work: Path, article: Path) -> tuple[float, list[tuple[str, int, int]]]:
    started = time.perf_counter()
    done = subprocess.run([str(BIN / "newslint"), "check", str(article.relative_to(work)),
                           "--format", "json"], cwd=work, capture_output=True, text=True,
                          check=False)
    wall = time.perf_counter() - started
    found = json.loads(done.stdout)["diagnostics"]
    return wall, sorted((d["code"], d["line"], d["column"]) for d in found)


def summary(label: str, latencies: list[float]) -> str:
    ordered = sorted(latencies)
    p90 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.9))]
    return (f"  {label:<34}{statistics.median(ordered):>8.0f}{p90:>8.0f}{ordered[-1]:>8.0f}"
            f"   ({len(ordered)} changes)")


async def bench(articles: int, work: Path, changes: int) -> None:
    corpus = work / f"corpus-{articles}"
    if not corpus.exists():
        write_corpus(corpus, articles)
    (work / "newslint.toml").write_text(
        f'corpus = ["{corpus.name}"]\ncache-dir = "cache-{articles}"\n', encoding="utf-8")
    shutil.rmtree(work / f"cache-{articles}", ignore_errors=True)
    generator = Generator(seed=7, articles=articles)  # the corpus's stories and people...
    generator.rng.seed(articles)  # ...in an article of its own
    _, new_text = generator.article()
    existing = sorted(corpus.rglob("*.txt"))[articles // 2]

    cold, cold_start = await start(work)
    await cold.stop()
    editor, warm_start = await start(work)
    memory_idle = server_memory_mb(editor)

    new_path = existing.parent / "bench-new-article.txt"
    began = time.perf_counter()
    new_uri = editor.open(new_path, new_text)
    await editor.wait_for(new_uri, 1, timeout=60)
    open_new = (time.perf_counter() - began) * 1000
    began = time.perf_counter()
    old_uri = editor.open(existing, existing.read_text(encoding="utf-8"))
    await editor.wait_for(old_uri, 1, timeout=60)
    open_old = (time.perf_counter() - began) * 1000

    new_latencies = await timed_changes(editor, new_uri, edits(new_text, changes))
    old_latencies = await timed_changes(editor, old_uri,
                                        edits(existing.read_text(encoding="utf-8"), changes))
    final = edits(new_text, 1)[0]  # with a doubled word
    version = editor.change(new_uri, final)
    served = await editor.diagnostics(new_uri, version)
    memory = server_memory_mb(editor)
    await editor.stop()

    new_path.write_text(final, encoding="utf-8")
    try:
        cli_wall, cli_found = cli_run(work, new_path)
    finally:
        new_path.unlink()
    server_found = sorted((str(d.code), d.range.start.line + 1, d.range.start.character + 1)
                          for d in served)

    print(f"\nnewslint server on {articles:,} articles (one editor, pygls's LSP client)")
    print(f"  {'start, empty cache (corpus analysed)':<42}{cold_start:>8.1f} s")
    print(f"  {'start, warm cache':<42}{warm_start:>8.1f} s")
    print(f"  {'open a new article -> diagnostics':<42}{open_new:>8.0f} ms")
    print(f"  {'open a corpus article -> diagnostics':<42}{open_old:>8.0f} ms")
    print(f"  {'change -> diagnostics, ms':<34}{'median':>8}{'p90':>8}{'max':>8}")
    print(summary("new article", new_latencies))
    print(summary("corpus article", old_latencies))
    print("  each change, ms: " + " ".join(f"{x:.0f}" for x in new_latencies) + " | "
          + " ".join(f"{x:.0f}" for x in old_latencies))
    print(f"  peer: one-file CLI run, warm cache   {cli_wall * 1000:>8.0f} ms "
          f"(`newslint check ARTICLE`, as pre-commit runs it)")
    print(f"  ratio CLI / server median change: {cli_wall * 1000 / statistics.median(new_latencies):.1f}")
    print(f"  server memory: {memory_idle:.0f} MB after start, {memory:.0f} MB after the edits")
    same = "same" if server_found == cli_found else f"DIFFERENT: {server_found} vs {cli_found}"
    print(f"  server's last diagnostics vs the CLI's on the saved text: {same} "
          f"({len(cli_found)} findings)")
    target = max(statistics.median(new_latencies), statistics.median(old_latencies))
    print(f"  target: a changed article's diagnostics within 300 ms -> median {target:.0f} ms, "
          f"max {max(new_latencies + old_latencies):.0f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--changes", type=int, default=30)
    parser.add_argument("--keep", type=Path, help="Keep the corpus (and reuse it) in this folder.")
    args = parser.parse_args()
    work = args.keep or Path(tempfile.mkdtemp(prefix="newslint-bench-server-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        asyncio.run(bench(args.articles, work.resolve(), args.changes))
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
