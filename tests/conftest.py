"""Shared test helpers: build small corpora on disk and run the real linter over them."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from pathlib import Path

import pytest

from lint.config import Config
from lint.diagnostic import Diagnostic
from lint.engine import RunResult, run
from lint.registry import load_rule_set, select_rules

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


def newslint_command() -> list[str]:
    """The installed console script when there is one, else ``python -m lint``."""
    script = Path(sys.executable).with_name("newslint")
    return [str(script)] if script.exists() else [sys.executable, "-m", "lint"]


def run_cli(args: Sequence[str], cwd: Path | None = None, timeout: float = 300) -> subprocess.CompletedProcess[str]:
    """Run the real ``newslint`` command and capture its output."""
    return subprocess.run(
        [*newslint_command(), *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


def lint_paths(paths: Sequence[Path], config: Config | None = None, **overrides: object) -> RunResult:
    """Run the engine in-process on ``paths`` with the default rules (or ``select``)."""
    config = replace(config or Config(), **overrides)  # type: ignore[arg-type]
    rule_set = load_rule_set(config)
    rules = select_rules(rule_set, config)
    return run([str(p) for p in paths], config, rules, rule_set.packs)


CorpusFactory = Callable[..., list[Diagnostic]]


@pytest.fixture
def write_corpus(tmp_path: Path) -> Callable[[Mapping[str, str]], Path]:
    """Write ``{name: text}`` into a fresh folder and return it."""

    def write(files: Mapping[str, str]) -> Path:
        folder = tmp_path / "corpus"
        folder.mkdir(exist_ok=True)
        for name, text in files.items():
            path = folder / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        return folder

    return write


@pytest.fixture
def lint_corpus(write_corpus: Callable[[Mapping[str, str]], Path]) -> CorpusFactory:
    """Lint ``{name: text}`` and return the diagnostics (``select=("NL301",)`` narrows)."""

    def lint(files: Mapping[str, str], **overrides: object) -> list[Diagnostic]:
        folder = write_corpus(files)
        if "select" in overrides and isinstance(overrides["select"], str):
            overrides["select"] = (overrides["select"],)
        return lint_paths([folder], **overrides).diagnostics

    return lint


def codes(diagnostics: Sequence[Diagnostic]) -> list[str]:
    return [d.code for d in diagnostics]
