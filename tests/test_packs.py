"""Rule packs: self-tests at load, PackError naming file and entry, and every shipped entry's
examples checked through the whole linter (roles included), not only through its regex."""

from __future__ import annotations

import pickle
import re
from pathlib import Path
from typing import Any

import pytest
import regex

from lint.packs import PackError, builtin_pack_dir, builtin_pack_paths, load_pack, load_packs
from tests.conftest import lint_paths, run_cli

GOOD_RULE = (
    '[pack]\nname = "house"\n'
    '[[rules]]\ncode = "NL190"\nname = "house-chrome"\nseverity = "warning"\nsummary = "House chrome."\n'
)


def _entry(**fields: str) -> str:
    base = {
        "id": '"gift"',
        "rule": '"house-chrome"',
        "match": '"line"',
        "regex": "['gift\\s+this\\s+article']",
        "examples": '{ match = ["Gift this article"], no_match = ["She will gift this article to her aunt."] }',
    }
    base.update(fields)
    body = "".join(f"{k} = {v}\n" for k, v in base.items() if v)
    return f"[[entries]]\n{body}"


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "house.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_good_pack_loads(tmp_path: Path) -> None:
    pack = load_pack(_write(tmp_path, GOOD_RULE + _entry()))
    assert [e.id for e in pack.entries] == ["gift"]
    assert pack.rules[0].code == "NL190"


@pytest.mark.parametrize(
    ("fields", "needle"),
    [
        ({"examples": '{ match = ["Share this article"], no_match = ["x"] }'}, "example does not match: 'Share this article'"),
        ({"examples": '{ match = ["Gift this article"], no_match = ["gift this article"] }'}, "no_match example matches"),
        ({"examples": '{ match = ["Gift this article"] }'}, "needs at least one 'match' and one 'no_match'"),
        ({"examples": ""}, "needs at least one 'match' and one 'no_match'"),
        ({"regex": "['gift(this']"}, "key 'regex': bad pattern"),
        ({"colour": '"red"'}, "unknown key 'colour'"),
        ({"match": '"everywhere"'}, "key 'match' must be one of"),
        ({"regex": "", "phrases": ""}, "needs 'phrases' or 'regex'"),
        ({"requires": '["share"]'}, "key 'requires' rejects example 'Gift this article'"),
        ({"requires": '["gift", ""]'}, "key 'requires' has an empty string"),
    ],
)
def test_broken_entry_raises_pack_error_naming_file_and_entry(
    tmp_path: Path, fields: dict[str, str], needle: str
) -> None:
    path = _write(tmp_path, GOOD_RULE + _entry(**fields))
    with pytest.raises(PackError) as info:
        load_pack(path)
    message = str(info.value)
    assert message.startswith(f"{path}: entry 'gift'")
    assert needle in message


def test_requires_is_a_case_insensitive_literal_prefilter(tmp_path: Path) -> None:
    """``requires`` lets a line through only with one of its literals (compared with the
    lowercased line unless the entry is case-sensitive); the regex decides the rest."""
    entry = load_pack(_write(tmp_path, GOOD_RULE + _entry(requires='["GIFT"]'))).entries[0]
    assert entry.requires == ("gift",)
    assert entry.find("GIFT THIS ARTICLE") is not None
    assert entry.find("Gift  this article") is not None
    assert entry.find("Give this article") is None
    sensitive = load_pack(_write(tmp_path, GOOD_RULE + _entry(
        requires='["Gift"]', case_sensitive="true", regex="['(?i:gift)\\s+this\\s+article']",
        examples='{ match = ["Gift this article"], no_match = ["Give this article"] }',
    ))).entries[0]
    assert sensitive.requires == ("Gift",)
    assert sensitive.find("Gift this article") is not None
    assert sensitive.find("gift this article") is None  # the regex would match: the prefilter does not


def test_an_entry_id_used_twice_in_a_pack_is_an_error(tmp_path: Path) -> None:
    path = _write(tmp_path, GOOD_RULE + _entry() + _entry())
    with pytest.raises(PackError, match=r"house\.toml: entries\[1\]: id 'gift' is already an earlier entry's"):
        load_pack(path)


def test_missing_id_names_file_and_position(tmp_path: Path) -> None:
    path = _write(tmp_path, GOOD_RULE + _entry() + _entry(id=""))
    with pytest.raises(PackError, match=r"house\.toml: entries\[1\]: missing key 'id'"):
        load_pack(path)


@pytest.mark.parametrize(
    ("rule", "needle"),
    [
        ('code = "X1"\nname = "r"\nseverity = "warning"\nsummary = "s"\n', "key 'code' must look like NL123"),
        ('code = "NL191"\nname = "r"\nseverity = "fatal"\nsummary = "s"\n', "key 'severity'"),
        ('code = "NL191"\nname = "r"\nseverity = "warning"\n', "missing key 'summary'"),
        ('code = "NL191"\nname = "r"\nseverity = "warning"\nsummary = "s"\nshade = 1\n', "unknown key 'shade'"),
    ],
)
def test_broken_rule_raises_pack_error(tmp_path: Path, rule: str, needle: str) -> None:
    path = _write(tmp_path, f'[pack]\nname = "house"\n[[rules]]\n{rule}')
    with pytest.raises(PackError) as info:
        load_pack(path)
    assert str(path) in str(info.value) and needle in str(info.value)


def test_not_toml_and_missing_header(tmp_path: Path) -> None:
    with pytest.raises(PackError, match="not valid TOML"):
        load_pack(_write(tmp_path, "[pack\n"))
    with pytest.raises(PackError, match=r"missing \[pack\] table"):
        load_pack(_write(tmp_path, "[[entries]]\nid = 'x'\n"))


def test_cli_with_a_broken_pack_exits_2_with_one_line(tmp_path: Path) -> None:
    path = _write(tmp_path, GOOD_RULE + _entry(regex="['gift(this']"))
    article = tmp_path / "a.txt"
    article.write_text("Headline\n\nThe council met on Monday.\n", encoding="utf-8")
    proc = run_cli([str(article), "--rules", str(path)])
    assert proc.returncode == 2
    (line,) = proc.stderr.strip().splitlines()
    assert str(path) in line and "'gift'" in line


def test_phrases_match_on_word_boundaries_only(tmp_path: Path) -> None:
    path = _write(tmp_path, GOOD_RULE + _entry(
        regex="", match='"search"', phrases='["paywall"]',
        examples='{ match = ["Behind the paywall today"], no_match = ["The paywalls fell."] }'))
    entry = load_pack(path).entries[0]
    assert entry.find("A  PAYWALL notice") is not None
    assert entry.find("unpaywalled") is None


# ---------------------------------------------------------------- every shipped entry, end to end

SHIPPED = [load_pack(builtin_pack_dir() / name) for name in ("boilerplate.toml", "roles.toml")]
RULE_CODES = {spec.name: spec.code for spec in SHIPPED[0].rules}
ROLE_ENTRIES = [e for p in load_packs() for e in p.entries if e.role]
CASES = [
    (entry.rule, entry.id, kind, example)
    for entry in SHIPPED[0].entries
    for kind, examples in (("match", entry.examples_match), ("no_match", entry.examples_no_match))
    for example in examples
]
HEAD = "Storm closes schools across the valley\n\nThe district closed 40 schools on Tuesday as heavy snow fell across the valley.\n\n"
TAIL = "\n\nOfficials said classes would resume once the roads were cleared and buses could run safely again.\n"


@pytest.fixture(scope="module")
def shipped_hits(tmp_path_factory: pytest.TempPathFactory) -> dict[int, set[str]]:
    folder = tmp_path_factory.mktemp("shipped")
    for index, (_, _, _, example) in enumerate(CASES):
        (folder / f"e{index:03}.txt").write_text(HEAD + example + TAIL, encoding="utf-8")
    result = lint_paths([folder], select=tuple(RULE_CODES.values()))
    hits: dict[int, set[str]] = {i: set() for i in range(len(CASES))}
    for d in result.diagnostics:
        if d.line == 5:
            hits[int(Path(d.path).stem[1:])].add(d.code)
    return hits


@pytest.mark.parametrize(("index", "case"), list(enumerate(CASES)), ids=[f"{c[1]}-{c[2]}-{i}" for i, c in enumerate(CASES)])
def test_shipped_entry_examples_through_the_linter(
    index: int, case: tuple[str, str, str, str], shipped_hits: dict[int, set[str]]
) -> None:
    rule, _entry_id, kind, example = case
    code = RULE_CODES[rule]
    if kind == "match":
        # A line that several role entries match is reported once, by the first of them.
        first = next((e for e in ROLE_ENTRIES if e.find(example) is not None), None)
        expected = RULE_CODES.get(first.rule, code) if first is not None else code
        assert expected in shipped_hits[index]
        assert len(shipped_hits[index]) == 1
    else:
        assert code not in shipped_hits[index]


def test_every_shipped_entry_has_an_id_and_both_kinds_of_example() -> None:
    for pack in SHIPPED:
        for entry in pack.entries:
            assert entry.id and entry.examples_match and entry.examples_no_match
    ids = [e.id for p in SHIPPED for e in p.entries]
    assert len(ids) == len(set(ids))


def _fixed_examples() -> list[tuple[str, str, str, bool]]:
    """(entry id, example, the example with the entry's fix applied, whether the entry matches
    it again) for every shipped collocation entry that offers a replacement."""
    from lint.rules.mt import inflected

    out = []
    for pack in load_packs():
        for entry in pack.entries:
            if entry.rule != "mt-collocation" or not entry.replacement:
                continue
            for example in entry.examples_match:
                match = entry.search(example)
                assert match is not None, (entry.id, example)
                written = inflected(match.expand(entry.replacement), match, example)
                fixed = example[: match.start()] + written + example[match.end() :]
                out.append((entry.id, example, fixed, entry.search(fixed) is not None))
    return out


@pytest.mark.parametrize(("entry_id", "example", "fixed", "again"), _fixed_examples(), ids=lambda v: str(v)[:30])
def test_a_collocation_fix_writes_finished_text(entry_id: str, example: str, fixed: str, again: bool) -> None:
    """A replacement is text to write, not a hint: no placeholder ('...', '<lemma>', a group
    reference) is left, no space is doubled or put before punctuation, and the entry no longer
    matches what it wrote (a replacement that cut the words after the calque would leave the
    sentence broken, which the message, not the fix, must then describe)."""
    assert "..." not in fixed and "…" not in fixed and "\\g<" not in fixed, fixed
    assert "<" not in fixed.replace(example, ""), fixed
    assert "  " not in fixed and not any(f" {mark}" in fixed for mark in ",.;:!?"), fixed
    assert not again, fixed


_NUMBER_WORDS = frozenset({"two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "twelve",
                           "fifteen", "twenty", "thirty", "forty", "fifty", "dozens", "several", "many"})
_WEEKDAYS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"})


@pytest.mark.parametrize(("entry_id", "example", "fixed", "again"), _fixed_examples(), ids=lambda v: str(v)[:30])
def test_a_collocation_fix_keeps_the_numbers_and_days_it_matched(
    entry_id: str, example: str, fixed: str, again: bool
) -> None:
    """A fix rewrites the calque, not the facts around it: every figure, number word and
    weekday of the example is still in the fixed text ("Forty fire extinguishers" is "Forty
    firefighters", "in the course of Friday" is "during Friday")."""
    kept = fixed.lower()
    for word in regex.findall(r"\d+|[\p{L}]+", example.lower()):
        if word.isdigit() or word in _NUMBER_WORDS or word in _WEEKDAYS:
            assert word in kept, (entry_id, word, fixed)


def test_a_collocation_match_holds_one_of_its_entry_s_words() -> None:
    """NL504 tries an entry only on the lines that hold one of its ``requires`` words (as the
    rule splits words: "day-by-day" is one), so every example that matches must hold one."""
    from lint.rules.mt import _WORD_ONLY_RE, _WORDS_RE

    for pack in load_packs():
        for entry in pack.entries:
            words = {r for r in entry.requires if _WORD_ONLY_RE.fullmatch(r)}
            if (entry.rule != "mt-collocation" or entry.case_sensitive or not words
                    or len(words) != len(entry.requires)):
                continue  # an entry the rule looks up by substring, line by line
            for example in entry.examples_match:
                assert words & set(_WORDS_RE.findall(example.lower())), (entry.id, example)


def test_shipped_packs_pass_their_own_checks() -> None:
    """A run loads the shipped packs without compiling or self-testing them (their patterns
    compile when first used); this is where they are checked."""
    from lint.packs import builtin_pack_paths

    for path in builtin_pack_paths():
        checked = load_pack(path, check=True)
        lazy = load_pack(path, check=False)
        assert [e.id for e in checked.entries] == [e.id for e in lazy.entries]
        for entry, reference in zip(lazy.entries, checked.entries, strict=True):
            assert "pattern" not in vars(entry), "not compiled until used"
            assert entry.pattern.pattern == reference.pattern.pattern


def test_a_user_entry_with_a_shipped_entry_s_id_is_an_error(tmp_path: Path) -> None:
    """A user's pack that reuses a shipped entry's id would shadow one of the two silently;
    its own id is fine."""
    first = next(pack for pack in load_packs() if pack.entries)  # a data-only pack has none
    shipped = first.entries[0].id
    with pytest.raises(PackError, match=rf"house\.toml: entry '{shipped}': the id of an entry of .*{first.source.split('/')[-1]}"):
        load_packs([_write(tmp_path, GOOD_RULE + _entry(id=f'"{shipped}"'))])
    assert load_packs([_write(tmp_path, GOOD_RULE + _entry())])[-1].entries[0].id == "gift"


def test_a_user_pack_with_a_bad_pattern_fails_at_load(tmp_path: Path) -> None:
    path = _write(tmp_path, GOOD_RULE + _entry(regex="['gift(this']"))
    with pytest.raises(PackError, match="bad pattern"):
        load_packs([path])


# --- data tables: a schema per table; a misspelling is an error naming the pack file ---------

@pytest.mark.parametrize(
    ("text", "needle"),
    [
        ("[locales]\nmajority = 0.7\n", "unknown table [locales]"),
        ("[locale]\nmajorty = 0.7\n", "table [locale]: unknown key 'majorty'"),
        ("[spelling]\ntypo = { recieve = \"receive\" }\n", "table [spelling]: unknown key 'typo'"),
        ("names = [\"Quillon\"]\n", "[names] must be a table"),
        ("[locale]\nmajority = \"most\"\n", "table [locale]: key 'majority' must be a number"),
        ("[locale]\nmin_votes = 2.5\n", "table [locale]: key 'min_votes' must be a whole number"),
        ("[names]\ntitles = \"Warden\"\n", "table [names]: key 'titles' must be a list of strings"),
        ("[spelling]\ntypos = { recieve = 1 }\n", "table [spelling]: key 'typos' must be a table of strings"),
        ("[typography]\nquotes = [\"x\"]\n", "table [typography]: key 'quotes' must be a list of tables"),
    ],
)
def test_an_unknown_data_table_or_key_is_an_error_naming_the_file(
    tmp_path: Path, text: str, needle: str
) -> None:
    path = _write(tmp_path, text + GOOD_RULE + _entry())
    with pytest.raises(PackError) as info:
        load_pack(path)
    assert str(path) in str(info.value) and needle in str(info.value)


def test_an_unknown_pack_header_key_is_an_error_naming_the_file(tmp_path: Path) -> None:
    path = _write(tmp_path, GOOD_RULE.replace('name = "house"\n', 'name = "house"\nversoin = "2"\n', 1))
    with pytest.raises(PackError, match=r"house\.toml: table \[pack\]: unknown key 'versoin'"):
        load_pack(path)


def test_look_alike_data_tables_with_known_keys_load(tmp_path: Path) -> None:
    text = (
        "[locale]\nmajority = 0.7\n"
        "[spelling]\ntypos = { recieve = \"receive\" }\naccept = [\"Quillonby\"]\n"
        "[names]\ntitles = [\"Warden\"]\n"
        "[roles]\nlist_max_overlap = 1\n"
    )
    pack = load_pack(_write(tmp_path, GOOD_RULE + text + _entry()))
    assert pack.data["locale"] == {"majority": 0.7}
    assert pack.data["spelling"]["typos"] == {"recieve": "receive"}
    assert pack.data["names"]["titles"] == ["Warden"]


def test_cli_with_a_misspelled_pack_table_exits_2_naming_the_file(tmp_path: Path) -> None:
    path = _write(tmp_path, "[typografy]\nstops = []\n" + GOOD_RULE + _entry())
    article = tmp_path / "a.txt"
    article.write_text("Headline\n\nThe ferry to Ostrelle left at noon.\n", encoding="utf-8")
    proc = run_cli([str(article), "--rules", str(path)])
    assert proc.returncode == 2
    (line,) = proc.stderr.strip().splitlines()
    assert str(path) in line and "[typografy]" in line


def test_an_unknown_need_is_an_error_naming_the_rules_file() -> None:
    from lint.diagnostic import Severity
    from lint.features import check_needs
    from lint.meta import RuleMeta
    from lint.plugins import PluginError
    from lint.rules.base import Rule

    class Needy(Rule):
        meta = RuleMeta("NL777", "needy", Severity.INFO, "s", "w", "y", "e")
        needs = ("nmaes",)

        def check(self, ctx):  # type: ignore[no-untyped-def]
            return ()

    class Fine(Needy):
        needs = ("names",)

    check_needs([Fine()])  # a known feature: no error
    with pytest.raises(PluginError) as info:
        check_needs([Needy()])
    assert "'nmaes'" in str(info.value) and __file__ in str(info.value)


# ---------------------------------------------------------------- a line repeated across articles

SUBSTITUTION_PACK = (
    '[pack]\nname = "house"\n'
    '[[rules]]\ncode = "NL191"\nname = "house-word"\nseverity = "warning"\nkind = "substitution"\n'
    'summary = "House spelling."\n'
    '[[entries]]\nid = "grey-gray"\nrule = "house-word"\nmatch = "search"\nregex = ["\\\\bgr(e)y\\\\b"]\n'
    'replacement = "gray"\n'
    'examples = { match = ["a grey sky"], no_match = ["a gray sky"] }\n'
)


def test_a_line_repeated_in_two_articles_is_reported_at_its_place_in_each(tmp_path: Path) -> None:
    """Pack rules remember a line they searched: the second article that repeats it must still
    get its own line, column and fix offsets, not the first article's."""
    pack = _write(tmp_path, SUBSTITUTION_PACK)
    shared = "The harbour wall was painted grey before the festival opened."
    first = tmp_path / "a.txt"
    second = tmp_path / "b.txt"
    first.write_text(f"Harbour repainted\n\n{shared}\n", encoding="utf-8")
    second.write_text(f"Festival week begins\n\nCrowds gathered early on the quay.\n\n{shared}\n",
                      encoding="utf-8")
    result = lint_paths([first, second], rules=(pack,), select=("NL191",), jobs=1)
    found = {Path(d.path).name: d for d in result.diagnostics}
    assert sorted(found) == ["a.txt", "b.txt"]
    for name, line in (("a.txt", 3), ("b.txt", 5)):
        diagnostic = found[name]
        text = (tmp_path / name).read_text(encoding="utf-8")
        assert diagnostic.line == line
        assert diagnostic.fix is not None
        edit = diagnostic.fix.edits[0]
        assert text[edit.start : edit.end] == "grey" and edit.replacement == "gray"


def test_a_pack_rule_that_has_searched_lines_still_pickles_without_them(tmp_path: Path) -> None:
    from lint.config import Config
    from lint.registry import load_rule_set, select_rules

    config = Config(rules=(_write(tmp_path, SUBSTITUTION_PACK),), select=("NL191",))
    rule = select_rules(load_rule_set(config), config)[0]
    assert rule._line_hits("a grey sky", None) != ()  # type: ignore[attr-defined]
    copy = pickle.loads(pickle.dumps(rule))
    assert len(copy._seen) == 0  # type: ignore[attr-defined]
    assert copy._line_hits("a grey sky", None)[0][1][0][2] == "gray"


def test_a_substitution_entry_without_a_replacement_reports_without_a_fix(tmp_path: Path) -> None:
    """A user's substitution entry that gives no replacement (its message says what to write)
    is reported without a suggestion or a fix: never an edit that replaces words with nothing."""
    pack = _write(tmp_path, SUBSTITUTION_PACK.replace('replacement = "gray"\n', 'message = "Write it gray."\n'))
    article = tmp_path / "a.txt"
    article.write_text("Harbour repainted\n\nThe harbour wall was painted grey before the festival.\n",
                       encoding="utf-8")
    result = lint_paths([article], rules=(pack,), select=("NL191",), jobs=1)
    assert [(d.text, d.message, d.fix, d.suggestion) for d in result.diagnostics] == [
        ("grey", "Write it gray.", None, None)]


# ---------------------------------------------------------------------------------------------
# The shipped packs' parsed TOML, kept in the user's data memo


def _pack_shape(packs: list[Any]) -> list[Any]:
    return [(p.name, p.description, p.data, [(e.id, e.expression, e.requires) for e in p.entries],
             [r.code for r in p.rules]) for p in packs]


def test_shipped_packs_read_from_the_memo_equal_a_fresh_parse(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NEWSLINT_DATA_CACHE", str(tmp_path / "memo"))
    first = load_packs()  # parses the TOML and writes the memo
    memo = tmp_path / "memo" / "newslint" / "packs.msgpack"
    assert memo.is_file()
    again = load_packs()  # from the memo
    assert _pack_shape(again) == _pack_shape(first)
    assert _pack_shape(first) == _pack_shape([load_pack(p, check=False) for p in builtin_pack_paths()])


def test_an_edited_shipped_pack_is_parsed_again_not_read_from_the_memo(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import lint.packs

    copies = tmp_path / "packs"
    copies.mkdir()
    for path in builtin_pack_paths():
        (copies / path.name).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    monkeypatch.setattr(lint.packs, "builtin_pack_paths", lambda: sorted(copies.glob("*.toml")))
    monkeypatch.setenv("NEWSLINT_DATA_CACHE", str(tmp_path / "memo"))
    before = load_packs()
    edited = sorted(copies.glob("*.toml"))[0]
    text = edited.read_text(encoding="utf-8")
    edited.write_text(re.sub(r"(?m)^description = .*$", 'description = "Edited since the memo."', text,
                             count=1), encoding="utf-8")
    after = load_packs()
    assert before[0].description != "Edited since the memo."
    assert after[0].description == "Edited since the memo."


def test_a_replacement_takes_the_tense_of_an_irregular_verb() -> None:
    """"became uncontrolled" is "went out of control"; after "has", "gone out of control"."""
    from lint.rules.mt import inflected

    entry = next(e for p in load_packs() for e in p.entries if e.id == "hi-became-uncontrolled")
    written = []
    for text in ("The truck became uncontrolled on the slope.", "The truck has become uncontrolled."):
        match = entry.search(text)
        assert match is not None
        written.append(inflected(match.expand(entry.replacement), match, text))
    assert written == ["went out of control", "gone out of control"]
