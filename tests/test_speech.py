"""NL310 speech-slip (rules/speech.toml) on texts written for these tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from lint.packs import load_packs
from tests.conftest import CorpusFactory

HEADLINE = "Water returns to the valley after the pipe repair\n\n"


def _speech_examples() -> list[tuple[str, str]]:
    return [(entry.id, example) for pack in load_packs() if pack.name == "speech"
            for entry in pack.entries for example in entry.examples_match]


@pytest.mark.parametrize(("entry_id", "example"), _speech_examples(), ids=lambda v: str(v)[:30])
def test_a_speech_slip_fix_replaces_the_slip_and_keeps_every_other_word(entry_id: str, example: str) -> None:
    """The fix writes the right word in place of the slip: no word before or after it is cut,
    and the entry no longer matches."""
    entry = next(e for p in load_packs() for e in p.entries if e.id == entry_id)
    match = entry.search(example)
    assert match is not None
    fixed = example[: match.start()] + match.expand(entry.replacement or "") + example[match.end() :]
    assert len(fixed.split()) >= len(example.split()), fixed
    assert example[: match.start()] == fixed[: match.start()] and example[match.end() :] in fixed
    assert entry.search(fixed) is None, fixed


def test_sound_alike_slips_are_reported_and_their_look_alikes_are_not(lint_corpus: CorpusFactory) -> None:
    slips = HEADLINE + (
        "Engineers said the water main brake under Mill Road could of been found sooner.\n\n"
        "The delay peaked the interest of the county auditor, who will pour over the records.\n"
    )
    alike = HEADLINE + (
        "The bus driver hit the brake as the water main burst under Mill Road; the county could, "
        "of course, have found it sooner.\n\n"
        "Demand peaked at noon, when interest in the repair was highest, and crews poured concrete over the pipe.\n"
    )
    found = lint_corpus({"slips.txt": slips, "alike.txt": alike}, select="NL310")
    assert [(Path(d.path).name, d.text, d.suggestion) for d in found] == [
        ("slips.txt", "brake", "break"), ("slips.txt", "could of", "could have"),
        ("slips.txt", "peaked", "piqued"), ("slips.txt", "pour", "pore"),
    ]
