"""Progress: one total for both passes, set once, reached at the end; the bar is drawn on stderr
and only when stderr is a terminal."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import replace
from pathlib import Path

from lint.cache import Cache
from lint.config import Config
from lint.engine import run
from lint.progress import ProgressBar
from lint.registry import load_rule_set, select_rules


def _calls(folder: Path, cache_root: Path) -> list[tuple[int, int]]:
    config = replace(Config(), chrome_min_documents=2)
    rule_set = load_rule_set(config)
    rules = select_rules(rule_set, config)
    seen: list[tuple[int, int]] = []
    cache = Cache(cache_root, "progress-test")
    run([str(folder)], config, rules, rule_set.packs, cache=cache,
        progress=lambda done, total: seen.append((done, total)))
    return seen


def test_one_total_across_both_passes(
    write_corpus: Callable[[Mapping[str, str]], Path], tmp_path: Path
) -> None:
    folder = write_corpus({
        f"story-{i}.txt": f"Story {i}\n\nSections | Harbour | Ferries\n\nText {i} of the story.\n"
        for i in range(12)
    })
    cold = _calls(folder, tmp_path / "cache")
    totals = {total for _, total in cold}
    assert len(totals) == 1, cold  # never grows mid-run (it went 288/300 -> 332/600)
    [total] = totals
    assert total == 24  # 12 files through the first pass, 12 through the corpus rules
    done = [d for d, _ in cold]
    assert done == sorted(done) and done[-1] == total

    (folder / "story-0.txt").write_text("Story 0\n\nA changed text.\n", encoding="utf-8")
    warm = _calls(folder, tmp_path / "cache")  # one file analysed again, the rest from the cache
    assert len({t for _, t in warm}) == 1 and warm[-1][0] == warm[-1][1]


def test_bar_is_off_when_stderr_is_not_a_terminal() -> None:
    bar = ProgressBar(enabled=True)  # pytest captures stderr: not a terminal
    bar.started -= 10
    bar.update(1, 4)
    assert bar.progress is None
