"""NL507 misspelling on texts that are not the seeds: typos found, names left alone."""

from __future__ import annotations

from lint.config import Vocabulary
from lint.rules.spelling import inner_edit, suggest
from tests.conftest import CorpusFactory

HEADLINE = "City council approves new transit plan after long debate\n\n"


def article(*paragraphs: str) -> str:
    return HEADLINE + "\n\n".join(paragraphs) + "\n"


def flagged(diagnostics: list) -> list[tuple[str, str | None]]:  # type: ignore[type-arg]
    return [(d.text, d.suggestion) for d in diagnostics if d.code == "NL507"]


def test_known_typo_keeps_case(lint_corpus: CorpusFactory) -> None:
    text = article(
        "The enviroment agency said on Monday that the new transit plan would cut emissions.",
        "Enviroment officials declined to say when the first electric buses would run on the new line.",
    )
    assert flagged(lint_corpus({"a.txt": text}, select="NL507")) == [
        ("enviroment", "environment"), ("Enviroment", "Environment"),
    ]


def test_dictionary_finds_typos_of_common_words(lint_corpus: CorpusFactory) -> None:
    text = article(
        "The council said the infrastucture budget would double over the next five years.",
        "Members of the Riverside Chamber of Comerce welcomed the plan at a meeting on Tuesday night.",
    )
    assert flagged(lint_corpus({"a.txt": text}, select="NL507")) == [
        ("infrastucture", "infrastructure"), ("Comerce", "Commerce"),
    ]


def test_a_word_inside_mojibake_is_not_a_misspelling(lint_corpus: CorpusFactory) -> None:
    """"mayorâ€™s" is one mojibake (NL304's), not a typo "mayorâ"; a typo beside it still is."""
    text = article("The mayorâ€™s office said the enviroment plan would be published on Monday.")
    assert flagged(lint_corpus({"a.txt": text}, select="NL507")) == [("enviroment", "environment")]


def test_a_word_of_a_name_kept_in_another_language_is_no_misspelling(lint_corpus: CorpusFactory) -> None:
    """"the Assemblée nationale" keeps the French parliament's name: "nationale" is a French
    word beside an accented one, not a typo of "national"; a typo beside an accented name is
    still one."""
    text = article(
        "The minister will be heard by a committee of the Assemblée nationale next Tuesday.",
        "Mayor José Ortega recieved the transit report on Monday.",
    )
    assert flagged(lint_corpus({"a.txt": text}, select="NL507")) == [("recieved", "received")]


def test_a_typo_of_a_less_common_long_word(lint_corpus: CorpusFactory) -> None:
    """"dormitory" is less common than the suggestions of short words need, but a long word
    one inner edit away and unknown on the web is its typo; an inflection of such a word
    ("autobahns") and a word the web knows ("redshirt", next to "redshift") are not."""
    text = article(
        "Students slept in the school dormitroy while the transit plan was debated.",
        "Trucks took the autobahns north, and a redshirt freshman spoke at the meeting.",
        "Two teenaged boys swam across the river to the depot.",
    )
    assert flagged(lint_corpus({"a.txt": text}, select="NL507")) == [("dormitroy", "dormitory")]


def test_a_typo_opening_a_sentence_is_checked_like_a_lowercase_word(lint_corpus: CorpusFactory) -> None:
    """A sentence's first word is capitalized whatever it is: "Firefigthers" is checked like
    "firefigthers"; a name there is still a name ("Milei", one end-edit from "miles")."""
    text = article(
        "Firefigthers reached the depot within ten minutes of the first call.",
        "Milei said the plan would be debated again on Monday.",
    )
    assert flagged(lint_corpus({"a.txt": text}, select="NL507")) == [("Firefigthers", "Firefighters")]


def test_names_are_not_misspellings(lint_corpus: CorpusFactory) -> None:
    text = article(
        "Argentine President Javier Milei met Iranian officials after the death of Mahsa Amini was discussed.",
        "Deputy leader Alexander Afenyo-Markin said Ebrahim Raisi and Khashoggi were mentioned at the meeting.",
        "Mayor Wauwatosa-Smith and councillor Tehrani spoke to reporters in Tabriz and Shiraz on Friday.",
    )
    assert flagged(lint_corpus({"a.txt": text}, select="NL507")) == []


def test_corpus_usage_and_vocabulary_accept(lint_corpus: CorpusFactory) -> None:
    first = article("The council said the infrastucture budget would double over the next five years.")
    second = article("Critics said the infrastucture plan ignored the suburbs and the older bus routes.")
    assert flagged(lint_corpus({"a.txt": first, "b.txt": second}, select="NL507")) == []
    only = article("The enviroment agency said the infrastucture budget would double over the next five years.")
    accepted = lint_corpus(
        {"a.txt": only}, select="NL507",
        vocabulary=Vocabulary(accept=frozenset({"infrastucture"}), reject={"budget": "budgett"}),
    )
    # vocabulary.reject belongs to NL403 (rejected-spelling), so NL507 does not report it twice.
    assert flagged(accepted) == [("enviroment", "environment")]


def test_inner_edit() -> None:
    assert inner_edit("assocation", "association")
    assert not inner_edit("milei", "miles")
    assert not inner_edit("amini", "mini")


def test_suggestions_are_one_edit_from_a_common_word() -> None:
    """Each kind of edit (a letter dropped, added, replaced, two swapped) finds the common
    word; a common word itself and a word two edits away get no suggestion."""
    for typo, word in [("goverment", "government"), ("councill", "council"),
                       ("mimister", "minister"), ("pulbic", "public")]:
        found = suggest(typo)
        assert found is not None and found[0] == word
    assert suggest("government") is None
    assert suggest("govermnet") is None


def test_an_accented_spelling_of_a_common_word_is_no_typo(lint_corpus: CorpusFactory) -> None:
    """"cafés" and "naïve" are the words with their accents; a typo beside them still is one."""
    text = article(
        "The square has three cafés and a bakery that opens at six.",
        "It would be naïve to expect the plan to pass before the summer.",
        "The goverment said a new bakery would open next to the cafés on Monday.",
    )
    assert [word for word, _ in flagged(lint_corpus({"a.txt": text}, select="NL507"))] == ["goverment"]


def test_a_false_friend_that_a_collocation_entry_names_is_not_a_typo(lint_corpus: CorpusFactory) -> None:
    """'obduction' is German Obduktion (an autopsy), which NL504 names: not a typo of
    'abduction'. A typo beside it is still one."""
    text = article(
        "Prosecutors ordered an obduction of the body after the crash on Tuesday.",
        "The council said the infrastucture budget would double over the next five years.",
    )
    diagnostics = lint_corpus({"a.txt": text}, select=("NL507", "NL504"))
    assert flagged(diagnostics) == [("infrastucture", "infrastructure")]
    assert [(d.code, d.text, d.suggestion) for d in diagnostics if d.code == "NL504"] == [
        ("NL504", "obduction", "autopsy")]


def test_a_regular_form_of_a_common_word_is_not_a_typo_of_another(lint_corpus: CorpusFactory) -> None:
    """"quitted" and "costed" are regular pasts of "quit" and "cost" (irregular, or rare, as
    they are): not typos of "quilted" and "posted". A regular form spelled wrong is still a
    typo of the right spelling of that form ("submited", "submitted")."""
    text = article(
        "The engineer quitted the project in spring, and the new depot was costed at last.",
        "The contractor submited the final design to the council on Friday.",
    )
    assert flagged(lint_corpus({"a.txt": text}, select="NL507")) == [("submited", "submitted")]


def test_a_word_the_corpus_writes_with_accents_is_no_typo_without_them(lint_corpus: CorpusFactory) -> None:
    """A translation that drops the accents of a name ("Huaman" where the other articles write
    "Huamán") wrote the name, not a typo of "human": NL402 names the two forms. A
    typo beside it is still one."""
    accented = article("According to Huamán, the clinics of the region are full.")
    plain = article("According to Huaman, the clinics of the region are full.",
                    "The goverment said the clinics would stay open.")
    assert flagged(lint_corpus({"a.txt": accented, "b.txt": plain}, select="NL507")) == [
        ("goverment", "government")]


def test_latin_of_legal_english_is_no_typo(lint_corpus: CorpusFactory) -> None:
    """"ex gratia", "sub judice", "prima facie": Latin that news English uses, not typos of
    "gratis", "juice" or "face"; a typo beside them is still one."""
    text = article(
        "The council offered an ex gratia payment, as the case is sub judice and prima facie weak.",
        "The transit comittee will meet again in the spring.",
    )
    assert flagged(lint_corpus({"a.txt": text}, select="NL507")) == [("comittee", "committee")]
