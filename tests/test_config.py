"""Configuration: found by walking up, pyproject or newslint.toml, errors naming file and key."""

from __future__ import annotations

from pathlib import Path

import pytest

from lint.config import Config, ConfigError, find_config, read_config_file
from lint.diagnostic import Severity
from tests.conftest import run_cli


def test_found_by_walking_up_from_the_checked_path(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[tool.newslint]\nselect = ["NL3"]\nfail-on = "error"\nlocale = "en-GB"\n', encoding="utf-8")
    deep = tmp_path / "a" / "b"
    deep.mkdir(parents=True)
    config = find_config(deep)
    assert config.select == ("NL3",)
    assert config.fail_on is Severity.ERROR
    assert config.locale == "en-GB"
    assert config.source == (tmp_path / "pyproject.toml").resolve()


def test_pyproject_without_table_is_skipped(tmp_path: Path) -> None:
    (tmp_path / "newslint.toml").write_text('ignore = ["NL301"]\n', encoding="utf-8")
    sub = tmp_path / "sub"
    sub.mkdir()
    (sub / "pyproject.toml").write_text('[project]\nname = "x"\n', encoding="utf-8")
    assert find_config(sub).ignore == ("NL301",)


def test_nearest_config_wins(tmp_path: Path) -> None:
    (tmp_path / "newslint.toml").write_text('ignore = ["NL301"]\n', encoding="utf-8")
    sub = tmp_path / "sub"
    sub.mkdir()
    (sub / "newslint.toml").write_text('ignore = ["NL302"]\n', encoding="utf-8")
    assert find_config(sub / "file.txt").ignore == ("NL302",)


def test_no_config_gives_defaults(tmp_path: Path) -> None:
    config = find_config(tmp_path)
    assert config.fail_on is Config().fail_on and config.select == ()


@pytest.mark.parametrize(
    ("body", "key"),
    [
        ("[tool.newslint]\nselekt = []\n", "selekt"),
        ('[tool.newslint]\nfail-on = "fatal"\n', "fail-on"),
        ('[tool.newslint]\nlocale = "fr-FR"\n', "locale"),
        ("[tool.newslint]\nselect = 3\n", "select"),
        ("[tool.newslint]\nmax-file-size = -1\n", "max-file-size"),
        ("[tool.newslint]\nper-file-ignores = 1\n", "per-file-ignores"),
        ("[tool.newslint.vocabulary]\nacept = []\n", "acept"),
    ],
)
def test_bad_key_or_value_names_file_and_key(tmp_path: Path, body: str, key: str) -> None:
    path = tmp_path / "pyproject.toml"
    path.write_text(body, encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        read_config_file(path)
    assert str(path.resolve()) in str(info.value) or str(path) in str(info.value)
    assert key in str(info.value)


def test_invalid_toml_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "newslint.toml"
    path.write_text("select = [\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"newslint\.toml: not valid TOML"):
        read_config_file(path)


def test_config_select_and_per_file_ignores_apply(tmp_path: Path) -> None:
    (tmp_path / "newslint.toml").write_text(
        'select = ["NL301"]\n[per-file-ignores]\n"wire/*" = ["doubled-word"]\n', encoding="utf-8")
    (tmp_path / "wire").mkdir()
    text = "Headline\n\nThe plan was approved by the the council.\n"
    (tmp_path / "wire" / "a.txt").write_text(text, encoding="utf-8")
    (tmp_path / "b.txt").write_text(text, encoding="utf-8")
    proc = run_cli([str(tmp_path), "--quiet", "--no-show-source"], cwd=tmp_path)
    assert proc.returncode == 1
    assert [Path(line.split(":")[0]).name for line in proc.stdout.splitlines()] == ["b.txt"]


def test_explicit_config_option(tmp_path: Path) -> None:
    config = tmp_path / "elsewhere.toml"
    config.write_text('[tool.newslint]\nfail-on = "error"\n', encoding="utf-8")
    article = tmp_path / "a.txt"
    article.write_text("Headline\n\nThe plan was approved by the the council.\n", encoding="utf-8")
    assert run_cli([str(article), "--config", str(config)]).returncode == 0


def test_rule_pack_from_config(tmp_path: Path) -> None:
    (tmp_path / "house.toml").write_text(
        '[pack]\nname = "house"\n'
        '[[rules]]\ncode = "NL190"\nname = "house-chrome"\nseverity = "warning"\nsummary = "House chrome."\n'
        '[[entries]]\nid = "gift"\nrule = "house-chrome"\nmatch = "line"\nphrases = ["Gift this article"]\n'
        'examples = { match = ["Gift this article"], no_match = ["She would gift this article to a friend, she said."] }\n',
        encoding="utf-8")
    (tmp_path / "newslint.toml").write_text('rules = ["house.toml"]\nselect = ["NL190"]\n', encoding="utf-8")
    (tmp_path / "a.txt").write_text("Headline\n\nThe council met.\n\nGift this article\n", encoding="utf-8")
    proc = run_cli([str(tmp_path), "--quiet", "--no-show-source"])
    assert proc.returncode == 1
    assert ":5:1: NL190 warning" in proc.stdout
