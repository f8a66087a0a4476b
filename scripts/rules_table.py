"""Print the README's rules table from `newslint rules --format json` (the one source of truth);
`python scripts/rules_table.py --write` replaces the table in README.md.

tests/test_readme.py checks that the README's table is what this prints.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

README = Path(__file__).resolve().parent.parent / "README.md"
HEADER = "| code | name | severity | family | finds |\n| --- | --- | --- | --- | --- |\n"


def rules_table(rules: list[dict[str, object]]) -> str:
    rows = [
        f"| {r['code']} | {r['name']} | {r['severity']} | {r['family']} | {r['summary']}"
        + ("" if r["default_enabled"] else "  (off by default)") + " |"
        for r in rules
    ]
    return HEADER + "\n".join(rows) + "\n"


def current_rules() -> list[dict[str, object]]:
    out = subprocess.run([sys.executable, "-m", "lint", "rules", "--format", "json"],
                         capture_output=True, text=True, check=True).stdout
    rules: list[dict[str, object]] = json.loads(out)
    return rules


def replace_table(readme: str, table: str) -> str:
    start = readme.index(HEADER)
    end = readme.index("\n\n", start)
    return readme[:start] + table.rstrip("\n") + readme[end:]


if __name__ == "__main__":
    table = rules_table(current_rules())
    if "--write" in sys.argv:
        README.write_text(replace_table(README.read_text(encoding="utf-8"), table), encoding="utf-8")
    else:
        sys.stdout.write(table)
