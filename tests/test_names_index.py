"""Mention extraction and the corpus name index (plain data, saved and loaded as JSON)."""

from __future__ import annotations

from pathlib import Path

import pytest

from lint.features.names import attach_surnames
from lint.names.authority import IndexVersionError, NameAuthority, blocks, load, save
from lint.names.extract import NameData, line_mentions
from lint.packs import load_packs
from lint.rules.names import is_derivation


@pytest.fixture(scope="module")
def data() -> NameData:
    return NameData.from_packs(load_packs())


def names(line: str, data: NameData) -> list[tuple[str, str, tuple[str, ...], str]]:
    return [(m.surface, m.surname, m.given, m.title) for m in line_mentions(1, line, data)]


def test_titles_are_set_apart(data: NameData) -> None:
    found = names("It honoured Peruvian Maj.-Gen. Tomas Ferrand near the airport.", data)
    assert found == [("Tomas Ferrand", "Ferrand", ("Tomas",), "Peruvian Maj.-Gen.")]
    found = names("Foreign Affairs Minister Jean-Luc Tremblay spoke.", data)
    assert found == [("Jean-Luc Tremblay", "Tremblay", ("Jean-Luc",), "Foreign Affairs Minister")]


def test_particles_hyphens_and_possessives(data: NameData) -> None:
    assert names("His counterpart, Yusuf Karim al-Nouri, agreed.", data) == [
        ("Yusuf Karim al-Nouri", "al-Nouri", ("Yusuf", "Karim"), ""),
    ]
    assert names("He met Ludwig van Beethoven's heirs.", data) == [
        ("Ludwig van Beethoven", "van Beethoven", ("Ludwig",), ""),
    ]
    assert names("Samir Abdul-Rahim said so.", data) == [("Samir Abdul-Rahim", "Abdul-Rahim", ("Samir",), "")]


def test_a_capitalized_compound_adjective_is_no_name_but_a_korean_given_name_is(data: NameData) -> None:
    """"Vermont-sized", "Lisbon-based" end in an adjective head; "Min-jun", "Ha-eun" are
    given names whose second syllable is lowercase."""
    assert [m[0] for m in names("A Vermont-sized fire reached the Lisbon-based firm of Ines Duarte.", data)] == [
        "Ines Duarte"]
    assert [m[0] for m in names("A Buenos Aires\u2010Based bank hired Tomas Wirth.", data)] == ["Tomas Wirth"]
    assert names("Coach Jeon Ha-eun and Kim Min-jun spoke.", data) == [
        ("Jeon Ha-eun", "Ha-eun", ("Jeon",), "Coach"), ("Kim Min-jun", "Min-jun", ("Kim",), ""),
    ]


def test_sentence_words_acronyms_and_dates_are_not_names(data: NameData) -> None:
    assert names("But UNESCO said on Monday that U.S. funding stayed.", data) == []
    assert names("The minister left.", data) == []


def test_a_place_after_of_is_not_the_first_word_of_a_name(data: NameData) -> None:
    """"the vice mayor of Hechi Liang Jianhua": Hechi is the city; two words after "of" and a
    first word that is no place keep the whole name."""
    assert [n[0] for n in names("The vice mayor of Hechi Liang Jianhua said on Sunday.", data)] == ["Liang Jianhua"]
    assert [n[0] for n in names("It was a gift of Hechi Wang to the town.", data)] == ["Hechi Wang"]
    assert [n[0] for n in names("The head of Morgan Lee Sutton resigned.", data)] == ["Morgan Lee Sutton"]


def test_surname_only_mentions_attach_to_the_one_full_name(data: NameData) -> None:
    lines = ["Defence Minister Harriet Brandvold spoke.", "Brandvold said no.",
             "Dylan Whitmore and Pat Whitmore disagreed.", "Whitmore left."]
    mentions = [m for n, line in enumerate(lines, 1) for m in line_mentions(n, line, data)]
    attached = {m.surface: m.attached for m in attach_surnames(mentions) if not m.given}
    assert attached == {"Brandvold": "Harriet Brandvold", "Whitmore": ""}


def build(docs: dict[str, list[str]], data: NameData) -> dict[str, object]:
    authority = NameAuthority()
    for path, lines in docs.items():
        mentions = [m for n, line in enumerate(lines, 1) for m in line_mentions(n, line, data)]
        authority.add(path, attach_surnames(mentions))
    return authority.build()


def test_index_counts_forms_given_names_titles_and_mentions(data: NameData) -> None:
    docs = {f"d{i}.txt": ["Defence Minister Harriet Brandvold spoke.", "Brandvold said no."] for i in range(3)}
    docs["x.txt"] = ["Harriet Brandvol arrived."]
    part = build(docs, data)
    form = part["forms"]["harriet brandvold"]  # type: ignore[index]
    assert form["count"] == 3 and form["attached"] == 3
    assert form["documents"] == {"d0.txt": 2, "d1.txt": 2, "d2.txt": 2}
    assert form["titles"] == {"Defence Minister": 3}
    assert form["mentions"][0] == ["d0.txt", 1, 18]
    assert part["variants"]["brandvol"]["canonical"] == "brandvold"  # type: ignore[index]


def test_index_is_plain_versioned_json(tmp_path: Path, data: NameData) -> None:
    part = build({"a.txt": ["Harriet Brandvold spoke."]}, data)
    path = tmp_path / "names.json"
    save(part, path)
    assert load(path) == part
    path.write_text('{"version": 0}', encoding="utf-8")
    with pytest.raises(IndexVersionError):
        load(path)


def test_blocking_pairs_only_names_that_share_a_key() -> None:
    by_sound, by_delete = blocks(["brandvold", "brandvol", "kowalczyk", "whitmore"])
    sharing = {frozenset(keys) for keys in [*by_sound.values(), *by_delete.values()] if len(keys) > 1}
    assert sharing == {frozenset({"brandvold", "brandvol"})}


def test_derivations() -> None:
    assert is_derivation("iraq", "iraqi", ["i", "n"])
    assert is_derivation("canada", "canadian", ["ian"])
    assert not is_derivation("sajjan", "sajjam", ["i", "n"])
