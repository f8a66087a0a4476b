"""Reliability scores, verdicts, outlets, scoring config and the report command's data."""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from pathlib import Path

import pytest

from lint.config import ConfigError, read_config_file
from lint.diagnostic import Diagnostic, Severity
from lint.score import (
    BOILERPLATE_VERDICT,
    CLEAN_VERDICT,
    MT_VERDICT,
    REVIEW_VERDICT,
    Scoring,
    aggregate_outlets,
    find_outlets,
    mt_signals,
    score_article,
    score_result,
)
from tests.conftest import SEEDS, run_cli

BODY = ["body", "blank"] * 10


def diag(code: str, line: int = 1, severity: Severity = Severity.WARNING, path: str = "a.txt",
         record: int | None = None) -> Diagnostic:
    return Diagnostic(path, line, 1, line, 4, code, code.lower(), severity, "m", record=record)


# --- scores and verdicts ---------------------------------------------------------------------

def test_no_findings_is_clean_and_perfect() -> None:
    s = score_article("a.txt", None, [], BODY, Scoring())
    assert s.score == 100 and s.verdicts == [CLEAN_VERDICT]


def test_two_distinct_mt_signal_types_make_the_mt_verdict() -> None:
    found = [diag("NL301", 1), diag("NL505", 3)]
    s = score_article("a.txt", None, found, BODY, Scoring())
    assert MT_VERDICT in s.verdicts
    assert "doubled word" in s.reasons[0] and "locale slip" in s.reasons[0]


def test_one_mt_signal_type_repeated_is_not_mt() -> None:
    found = [diag("NL505", n) for n in (1, 3, 5, 7)]
    s = score_article("a.txt", None, found, BODY, Scoring())
    assert MT_VERDICT not in s.verdicts


def test_info_findings_are_not_mt_signals() -> None:
    found = [diag("NL301", 1), diag("NL501", 3, Severity.INFO)]
    assert MT_VERDICT not in score_article("a.txt", None, found, BODY, Scoring()).verdicts
    found = [diag("NL301", 1), diag("NL501", 3, Severity.WARNING)]
    assert MT_VERDICT in score_article("a.txt", None, found, BODY, Scoring()).verdicts


def test_mt_signal_codes_by_prefix() -> None:
    assert mt_signals(["NL412", "NL503", "NL504", "NL101"]) == [
        "name corruption", "mistranslated verb or collocation"]


def test_boilerplate_heavy_from_chrome_roles() -> None:
    roles = ["headline", "body", "promo", "promo", "widget", "body", "link-list", "link-list"]
    s = score_article("a.txt", None, [], roles, Scoring())
    assert s.verdicts == [BOILERPLATE_VERDICT]
    assert s.chrome_lines == 5 and "(5 of 8)" in s.reasons[0]


def test_lines_flagged_by_boilerplate_rules_count_as_chrome() -> None:
    roles = ["body"] * 6
    found = [diag("NL101", 2), diag("NL102", 3), diag("NL104", 4)]
    s = score_article("a.txt", None, found, roles, Scoring())
    assert BOILERPLATE_VERDICT in s.verdicts
    assert s.chrome_lines == 3


def test_a_few_chrome_lines_are_not_boilerplate_heavy() -> None:
    roles = ["body"] * 18 + ["caption", "promo"]
    s = score_article("a.txt", None, [], roles, Scoring())
    assert BOILERPLATE_VERDICT not in s.verdicts


def test_severity_and_family_weigh() -> None:
    scoring = Scoring()
    name = score_article("a", None, [diag("NL401")], BODY, scoring).score
    boiler = score_article("a", None, [diag("NL101")], BODY, scoring).score
    error = score_article("a", None, [diag("NL304", severity=Severity.ERROR)], BODY, scoring).score
    warning = score_article("a", None, [diag("NL304")], BODY, scoring).score
    assert name < boiler and error < warning


def test_repeats_of_one_rule_weigh_less_than_distinct_rules() -> None:
    same = [diag("NL305", n) for n in range(1, 7)]
    distinct = [diag(code, n) for n, code in enumerate(
        ["NL301", "NL302", "NL303", "NL304", "NL305", "NL306"], start=1)]
    scoring = Scoring()
    assert (score_article("a", None, same, BODY, scoring).score
            > score_article("a", None, distinct, BODY, scoring).score)


def test_longer_articles_absorb_the_same_findings_better() -> None:
    found = [diag("NL504"), diag("NL507", 3)]
    short = score_article("a", None, found, ["body"] * 8, Scoring()).score
    long = score_article("a", None, found, ["body"] * 80, Scoring()).score
    assert short < long


def test_many_findings_need_review() -> None:
    found = [diag(code, n) for n, code in enumerate(["NL504", "NL506", "NL507", "NL303"], 1)]
    s = score_article("a", None, found, BODY, Scoring())
    assert s.verdicts == [REVIEW_VERDICT]


def test_score_result_ranks_worst_first_and_skips_non_articles() -> None:
    roles = {("a.txt", None): BODY, ("b.txt", None): BODY}
    found = [diag("NL301", path="b.txt"), diag("NL302", path="b.txt", line=3),
             diag("NL001", path="broken.txt")]
    scores = score_result(found, roles)
    assert [s.path for s in scores] == ["b.txt", "a.txt"]


# --- outlets ---------------------------------------------------------------------------------

def test_outlets_from_jsonl_front_matter_and_folder(tmp_path: Path) -> None:
    feed = tmp_path / "feed.jsonl"
    feed.write_text('{"text": "x", "source": "Daily Planet"}\n{"text": "y"}\n', encoding="utf-8")
    (tmp_path / "wire").mkdir()
    fm = tmp_path / "wire" / "story.md"
    fm.write_text("---\ntitle: T\nsource: \"The Bugle\"\n---\nText.\n", encoding="utf-8")
    plain = tmp_path / "wire" / "plain.txt"
    plain.write_text("Text.\n", encoding="utf-8")
    keys = [(str(feed), 1), (str(feed), 2), (str(fm), None), (str(plain), None)]
    outlets = find_outlets(keys)
    assert outlets[(str(feed), 1)] == "Daily Planet"
    assert outlets[(str(feed), 2)] == tmp_path.name  # no source field: the folder
    assert outlets[(str(fm), None)] == "The Bugle"
    assert outlets[(str(plain), None)] == "wire"


def test_aggregate_outlets_orders_by_mean() -> None:
    roles = {("x/a.txt", None): BODY, ("x/b.txt", None): BODY, ("y/c.txt", None): BODY}
    found = [diag("NL401", path="y/c.txt"), diag("NL501", path="y/c.txt", line=3)]
    scores = score_result(found, roles, outlets=find_outlets(roles))
    outlets = aggregate_outlets(scores)
    assert [o.outlet for o in outlets] == ["y", "x"]
    assert outlets[1].articles == 2 and outlets[1].mean_score == 100


# --- config ----------------------------------------------------------------------------------

def _config(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "newslint.toml"
    path.write_text(body, encoding="utf-8")
    return path


def test_scoring_table_in_config(tmp_path: Path) -> None:
    path = _config(tmp_path, "[tool.newslint.scoring]\nboilerplate-share = 0.5\n"
                   "family-weights = { names = 20 }\nmt-min-signals = 3\n")
    config = read_config_file(path)
    assert config is not None
    assert config.scoring.boilerplate_share == 0.5
    assert config.scoring.family_weights["names"] == 20
    assert config.scoring.family_weights["boilerplate"] == 1.0
    assert config.scoring.mt_min_signals == 3


@pytest.mark.parametrize("body, message", [
    ("[tool.newslint.scoring]\nbogus = 1\n", "unknown key 'bogus'"),
    ("[tool.newslint.scoring]\nboilerplate-share = 2\n", "boilerplate-share"),
    ("[tool.newslint.scoring]\nfamily-weights = { nouns = 1 }\n", "unknown name 'nouns'"),
    ("[tool.newslint.scoring]\nscale = \"big\"\n", "'scale'"),
    ("[tool.newslint.scoring]\nmt-min-severity = \"loud\"\n", "mt-min-severity"),
    ("[tool.newslint]\nscoring = 3\n", "expected a table"),
])
def test_bad_scoring_config_is_an_error(tmp_path: Path, body: str, message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        read_config_file(_config(tmp_path, body))


# --- the report command on real corpora -------------------------------------------------------

MT_ARTICLE = """Minister visits island schools

The minister toured the the island schools on Thursday and promised laptops to pupils .
She said the defense of the old harbour wall would be rebuilt before the next season arrives.
Officials said the repairs would cost more than the province had set aside this year.
Parents told reporters they had waited months for a new ferry timetable and a bus.
"""
CHROME_ARTICLE = """Council approves new budget

The council approved a new budget on Monday after a long debate about road repairs.

Article continues below this advertisement

READ MORE: Mayor announces new bus routes

Sign up for the Harbour Post newsletter

Follow us on Bluesky and Instagram

Most Popular

Trending Now
"""
CLEAN_ARTICLE = """Library extends opening hours

The city library will stay open until nine in the evening from next month, officials said.
The change follows a survey in which residents asked for more evening hours for study.
Staff will be added to cover the longer days, and the budget already allows for them.
"""


def test_report_json_ranks_a_generated_corpus(
    write_corpus: Callable[[Mapping[str, str]], Path], tmp_path: Path
) -> None:
    folder = write_corpus({"mt.txt": MT_ARTICLE, "chrome.txt": CHROME_ARTICLE,
                           "clean.txt": CLEAN_ARTICLE})
    (tmp_path / "newslint.toml").write_text('[tool.newslint]\nlocale = "en-CA"\n', encoding="utf-8")
    proc = run_cli(["report", str(folder), "--format", "json"], cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    by_name = {Path(a["path"]).name: a for a in data["articles"]}
    assert data["articles"][0]["path"].endswith("mt.txt")
    assert MT_VERDICT in by_name["mt.txt"]["verdicts"]
    assert BOILERPLATE_VERDICT in by_name["chrome.txt"]["verdicts"]
    assert by_name["clean.txt"]["verdicts"] == [CLEAN_VERDICT]
    assert data["outlets"][0]["outlet"] == "corpus" and data["outlets"][0]["articles"] == 3


def test_seed_acceptance() -> None:
    proc = run_cli(["report", str(SEEDS), "--format", "json"], cwd=SEEDS.parent)
    assert proc.returncode == 0, proc.stderr
    articles = json.loads(proc.stdout)["articles"]
    by_id = {Path(a["path"]).name[:3]: a for a in articles}
    assert Path(articles[0]["path"]).name.startswith("002")
    assert MT_VERDICT in by_id["002"]["verdicts"]
    assert BOILERPLATE_VERDICT in by_id["001"]["verdicts"]
    assert by_id["003"]["score"] >= 80 and MT_VERDICT not in by_id["003"]["verdicts"]


def test_report_refuses_to_overwrite_a_foreign_file(tmp_path: Path) -> None:
    target = tmp_path / "notes.html"
    target.write_text("<p>my notes</p>", encoding="utf-8")
    proc = run_cli(["report", str(SEEDS / "003_38d21fcf8a24f238.txt"), "--html", str(target)])
    assert proc.returncode == 2 and "--force" in proc.stderr
    assert target.read_text(encoding="utf-8") == "<p>my notes</p>"
    proc = run_cli(["report", str(SEEDS / "003_38d21fcf8a24f238.txt"), "--html", str(target),
                    "--force"])
    assert proc.returncode == 0, proc.stderr
    assert "newslint report" in target.read_text(encoding="utf-8")
    # a previous report is replaced without --force, in any format
    proc = run_cli(["report", str(SEEDS / "003_38d21fcf8a24f238.txt"), "--html", str(target)])
    assert proc.returncode == 0, proc.stderr
    md = tmp_path / "r.md"
    assert run_cli(["report", str(SEEDS), "--format", "markdown", "-o", str(md)]).returncode == 0
    assert run_cli(["report", str(SEEDS), "--format", "markdown", "-o", str(md)]).returncode == 0
    assert "| 1 | " in md.read_text(encoding="utf-8")


def test_check_text_output_ends_with_score_table_when_asked(
    write_corpus: Callable[[Mapping[str, str]], Path], tmp_path: Path
) -> None:
    folder = write_corpus({"mt.txt": MT_ARTICLE, "clean.txt": CLEAN_ARTICLE})
    (tmp_path / "newslint.toml").write_text('[tool.newslint]\nlocale = "en-CA"\n', encoding="utf-8")
    proc = run_cli([str(folder), "--reliability"], cwd=tmp_path)
    tail = proc.stdout.split("Reliability (0-100, least reliable first):")
    assert len(tail) == 2
    rows = [line.split() for line in tail[1].strip().splitlines()]
    assert rows[0][-1].endswith("mt.txt") and rows[1][-1].endswith("clean.txt")
    plain = run_cli([str(folder)], cwd=tmp_path)
    assert plain.returncode == 1 and "Reliability" not in plain.stdout  # not unless asked


def test_scores_with_a_baseline_come_from_every_finding(
    write_corpus: Callable[[Mapping[str, str]], Path], tmp_path: Path
) -> None:
    """A baseline hides known findings from the gate, not from the article's score: the
    machine-translated article is not 'clean' because its damage is known."""
    folder = write_corpus({"mt.txt": MT_ARTICLE, "clean.txt": CLEAN_ARTICLE})
    (tmp_path / "newslint.toml").write_text('[tool.newslint]\nlocale = "en-CA"\n', encoding="utf-8")
    baseline = tmp_path / "baseline.json"
    assert run_cli([str(folder), "--write-baseline", str(baseline)], cwd=tmp_path).returncode == 0
    proc = run_cli([str(folder), "--baseline", str(baseline), "--reliability"], cwd=tmp_path)
    assert proc.returncode == 0, proc.stdout + proc.stderr  # nothing new
    rows = proc.stdout.split("Reliability (0-100, least reliable first):")[1].strip().splitlines()
    mt_row = next(row for row in rows if row.endswith("mt.txt"))
    assert int(mt_row.split()[0]) < 85 and "clean" not in mt_row, rows


def test_html_is_self_contained_and_escapes_text() -> None:
    import base64
    import gzip
    import re

    from lint.engine import RunResult
    from lint.report.html import render_html
    from lint.report.reliability import build_report

    label = "news/</script><img src=x onerror=alert(1)>.txt"
    text = "A <b>bold</b> claim </script> here.\n"
    found = [Diagnostic(label, 1, 3, 1, 6, "NL301", "doubled-word", Severity.WARNING, "m")]
    result = RunResult(found, 1, 1, 0, 0, roles={(label, None): ["body"]})
    html = render_html(build_report(result, Scoring()), {(label, None): text})
    assert html.count("</script>") == html.count("<script")  # no early close
    assert "<img src=x" not in html
    assert not re.search(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//""", html)
    assert "Content-Security-Policy" in html and "default-src 'none'" in html
    chunk = re.search(r'id="nl-chunk-0">([^<]+)<', html)
    assert chunk is not None
    payload = json.loads(gzip.decompress(base64.b64decode(chunk.group(1))))
    assert payload[0]["t"] == text and payload[0]["f"][0][4] == "NL301"
