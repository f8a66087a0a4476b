"""README.md's rules table is generated from the rule registry (scripts/rules_table.py)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from lint.config import Config
from lint.registry import load_rule_set, select_rules
from tests.conftest import ROOT


def _script():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("rules_table", ROOT / "scripts" / "rules_table.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_readme_rules_table_is_the_registry() -> None:
    script = _script()
    table = script.rules_table(script.current_rules())
    assert table in (ROOT / "README.md").read_text(encoding="utf-8"), (
        "README.md's rules table is out of date: run 'python scripts/rules_table.py --write'"
    )


def test_every_rule_documents_what_why_and_an_example() -> None:
    config = Config()
    rule_set = load_rule_set(config)
    for meta in rule_set.metas():
        assert meta.summary.strip() and meta.what.strip() and meta.why.strip() and meta.example.strip(), meta.code


def test_the_table_lists_every_selected_rule() -> None:
    config = Config()
    rule_set = load_rule_set(config)
    readme = Path(ROOT / "README.md").read_text(encoding="utf-8")
    for rule in select_rules(rule_set, config):
        assert f"| {rule.code} | {rule.name} |" in readme
