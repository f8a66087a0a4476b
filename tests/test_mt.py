"""NL503 mt-verb and NL504 mt-collocation on texts that are not the seeds (real spaCy parse)."""

from __future__ import annotations

import pytest

from lint.rules.mt import past_tense, sentence_span, third_person, verb_forms
from tests.conftest import CorpusFactory

HEADLINE = "Ministers meet in Brussels to discuss the crisis\n\n"


def article(*paragraphs: str) -> str:
    return HEADLINE + "\n\n".join(paragraphs) + "\n"


def found(diagnostics: list, code: str) -> list[str]:  # type: ignore[type-arg]
    return [d.text for d in diagnostics if d.code == code]


@pytest.mark.parametrize(
    "sentence, verb",
    [
        ("The European Union sanctioned in 2014, with several member states objecting to the speed of the decision.", "sanctioned"),
        ("Germany designated last year, after a long debate in the Bundestag about the militia and its funding.", "designated"),
        ("Norway sued in 2015, with the fisheries minister defending the quota system in parliament.", "sued"),
        ("Quebec imposed on Monday, with the finance minister saying the measure would raise millions for the health system.", "imposed"),
        ("Norway sued in 2015 and won the case two years later in the appeals court.", "sued"),
        ("Mexico banned in 2020, while its neighbours waited for a regional agreement on plastics.", "banned"),
        ("Italy imposed last year, according to the environment agency's annual report on packaging.", "imposed"),
        ("The commission welcomed on Tuesday and urged other members to follow within a year.", "welcomed"),
        ("The harbour board last reinforced in 2019, according to its annual report.", "reinforced"),
        ("The regional government inaugurated on Friday, a year after the old bridge collapsed.", "inaugurated"),
    ],
)
def test_mt_verb_fires_on_objectless_transitive_verb(lint_corpus: CorpusFactory, sentence: str, verb: str) -> None:
    diagnostics = lint_corpus({"a.txt": article(sentence)}, select="NL503")
    assert found(diagnostics, "NL503") == [verb]


@pytest.mark.parametrize(
    "sentence",
    [
        "Residents of the neighbourhood sued for damages in 2019 after the plant leaked chemicals into the river.",
        "The family sued in federal court in 2012, alleging the hospital had ignored repeated warnings.",
        "The province was sued in 2012 by a coalition of environmental groups and two First Nations.",
        "The company Lisbon sued in 2016 went bankrupt two years later, leaving the claim unpaid.",
        "Norway condemned and sanctioned the regime in 2014 after the disputed election in the capital.",
        "Germany followed suit in 2015, and several other European governments did the same that year.",
        "Lisbon designated the cell a terrorist entity in 2016, freezing the assets of its supporters.",
        "The minister said the cabinet would sue if the company did not pay the fine by the end of the year.",
        "The regulator announced in 2018 that it would impose new limits on emissions from the refinery.",
        "The council banned, while the mayor was abroad, the sale of fireworks in the old town.",
        "Residents sued and won the case in 2019 after the plant leaked chemicals into the river.",
        "The team was welcomed on Tuesday by the mayor and a crowd of several hundred fans.",
        "The city welcomed the decision on Tuesday, according to a statement from the mayor's office.",
        "The harbour board last reinforced the quay in 2019, according to its annual report.",
        "The regional government inaugurated the bridge on Friday, a year after the old one collapsed.",
    ],
)
def test_mt_verb_look_alikes_do_not_fire(lint_corpus: CorpusFactory, sentence: str) -> None:
    assert found(lint_corpus({"a.txt": article(sentence)}, select="NL503"), "NL503") == []


def test_mt_verb_skips_headline_passives(lint_corpus: CorpusFactory) -> None:
    """Headlinese drops the auxiliary ('Budget approved after vote'); the same verb without an
    object in the body is still reported."""
    text = (
        "Transit levy rejected after heated council debate\n\n"
        "Norway sued in 2015, with the fisheries minister defending the quota system.\n"
    )
    assert found(lint_corpus({"a.txt": text}, select="NL503"), "NL503") == ["sued"]


def test_verb_forms_from_pack_syntax() -> None:
    forms = verb_forms(["sue", "ban:banned", "levy", "impose"])
    assert forms["sued"] == "sue" and forms["sues"] == "sue"
    assert forms["banned"] == "ban" and forms["bans"] == "ban"
    assert forms["levied"] == "levy" and forms["levies"] == "levy"
    assert past_tense("designate") == "designated" and third_person("abolish") == "abolishes"


def test_sentence_span_keeps_abbreviations_inside() -> None:
    line = "It rained. The U.S. Army sued in 2012. Then it stopped."
    start = line.index("sued")
    first, last = sentence_span(line, start, start + 4)
    assert line[first:last] == "The U.S. Army sued in 2012."


def test_collocation_pack_entry_with_suggestion(lint_corpus: CorpusFactory) -> None:
    text = article(
        "In 2019 the government appointed the militia a terrorist entity, a decision welcomed by allies abroad.",
        "Foreign ministers discussed about the border dispute for three hours on Tuesday without any agreement.",
    )
    diagnostics = [d for d in lint_corpus({"a.txt": text}, select="NL504") if d.code == "NL504"]
    suggestions = [d.suggestion for d in diagnostics]
    assert "designated the militia a terrorist entity" in suggestions
    assert "discussed" in suggestions


def test_collocation_look_alikes(lint_corpus: CorpusFactory) -> None:
    text = article(
        "The premier appointed a new counter-terrorism adviser and designated the group a terrorist entity.",
        "Foreign ministers discussed the border dispute for three hours on Tuesday without reaching any agreement.",
    )
    assert found(lint_corpus({"a.txt": text}, select="NL504"), "NL504") == []


def test_dropped_of_after_event_noun(lint_corpus: CorpusFactory) -> None:
    text = article(
        "Protests spread across the region after the arrest Navalny at the airport on his return from Berlin.",
    )
    diagnostics = [d for d in lint_corpus({"a.txt": text}, select="NL504") if d.code == "NL504"]
    assert [d.suggestion for d in diagnostics] == ["arrest of Navalny"]
    assert diagnostics[0].fix is not None and not diagnostics[0].fix.safe


@pytest.mark.parametrize(
    "sentence",
    [
        "The beating Canada took in the final was hard to watch for fans who had travelled to the game.",
        "Police said the shooting Tuesday was targeted and that there was no risk to the wider public.",
        "Protests spread across the region after the arrest of Navalny at the airport on his return.",
        "The bombing Russia carried out on the market killed 20 people, local officials said on Sunday.",
    ],
)
def test_dropped_of_look_alikes(lint_corpus: CorpusFactory, sentence: str) -> None:
    assert found(lint_corpus({"a.txt": article(sentence)}, select="NL504"), "NL504") == []


# ---------------------------------------------------------------- collocation packs by source language


@pytest.mark.parametrize(
    ("sentence", "expected", "suggestion"),
    [
        ("The two mayors sustained talks about the bridge tolls on Sunday night.", "sustained talks", "held talks"),
        ("The jury undertook the final decision on the design prize on Friday.", "undertook the final decision", "took the final decision"),
        ("The researchers made far-reaching conclusions from a single small trial.", "made far-reaching conclusions", "drew far-reaching conclusions"),
        ("The jury must meet its decision on the design prize before June.", "meet its decision", "make its decision"),
        ("Repairs to the cathedral roof are going on foot and shin this spring.", "on foot and shin", "in full swing"),
        ("Fuel prices have broken the waist of the taxi drivers this year.", "broken the waist of", "crippled"),
        ("The storm had made nearly 40 victims along the coast.", "made nearly 40 victims", "killed nearly 40 people"),
        ("Hundreds of teachers left the educational site over the new curriculum.", "left the educational site", "left their posts"),
        ("Extra trams will run in the commuter traffic during the fair.", "in the commuter traffic", "on commuter services"),
    ],
)
def test_source_language_calques_fire_with_a_suggestion(
    lint_corpus: CorpusFactory, sentence: str, expected: str, suggestion: str
) -> None:
    diagnostics = [d for d in lint_corpus({"a.txt": article(sentence)}, select="NL504") if d.code == "NL504"]
    assert [(d.text, d.suggestion) for d in diagnostics] == [(expected, suggestion)]


@pytest.mark.parametrize(
    "sentence",
    [
        "The museum sustained heavy damage in the fire.",
        "Investors turned their attention to the central bank on Friday.",
        "The council met on Tuesday and made a decision on the ferry subsidy.",
        "Snipers take position near the palace before dawn.",
        "The police broke the back of the smuggling ring.",
        "Parents breathed a sigh of relief as the exam results arrived.",
        "Workers left the construction site at dusk.",
        "Commuter traffic was light on the motorway.",
    ],
)
def test_look_alikes_of_the_calques_are_quiet(lint_corpus: CorpusFactory, sentence: str) -> None:
    assert found(lint_corpus({"a.txt": article(sentence)}, select="NL504"), "NL504") == []


RISKY = "The city museum actually employs 120 guides and two curators."


def test_risky_false_friend_needs_the_source_language(lint_corpus: CorpusFactory) -> None:
    english = article(RISKY, "The museum in York draws most of its visitors from Britain, officials in London said.")
    translated = "Museum reopens\n\nCUSCO, Peru — " + RISKY + "\n\nThe museum of Cusco and the cathedral open on Sundays too, the Peruvian ministry said.\n"
    assert found(lint_corpus({"a.txt": english}, select="NL504"), "NL504") == []
    diagnostics = [d for d in lint_corpus({"a.txt": translated}, select="NL504") if d.code == "NL504"]
    assert [(d.text.strip(), d.severity.name) for d in diagnostics] == [("actually", "INFO")]


def test_the_articles_own_calques_make_their_language_a_likely_source(lint_corpus: CorpusFactory) -> None:
    """No country or typography names a source language, but two calques that stand on their
    own point at the Romance languages: the patterns that need such a source apply too."""
    calques = ("The inspectors realized an audit of the harbour accounts.",
               "The harbour project counts with the support of three banks.")
    one = article(RISKY, calques[0])
    two = article(RISKY, *calques)
    assert found(lint_corpus({"a.txt": one}, select="NL504"), "NL504") == ["realized an audit"]
    diagnostics = [d for d in lint_corpus({"a.txt": two}, select="NL504") if d.code == "NL504"]
    risky = [d for d in diagnostics if d.text.strip() == "actually"]
    assert len(diagnostics) == 3 and len(risky) == 1
    assert "likely translated from Spanish: 2 other calques of it in this article" in risky[0].message


def test_missing_article_before_a_place_noun(lint_corpus: CorpusFactory) -> None:
    """A bare 'border', 'checkpoint' or 'frontier' after a preposition, in an article whose
    source language has no articles; compounds ('border control') and English articles stay quiet."""
    polish = "Ferry queues grow\n\nGDANSK, Poland — Tourists waited for hours at checkpoint before the ferry left.\n"
    diagnostics = [d for d in lint_corpus({"a.txt": polish}, select="NL504") if d.code == "NL504"]
    assert [(d.text, d.suggestion) for d in diagnostics] == [("at checkpoint", "at the checkpoint")]
    quiet = (
        "Ferry queues grow\n\nGDANSK, Poland — Officers at border control checked the passports, "
        "and trade fell due to border closures.\n"
    )
    assert found(lint_corpus({"a.txt": quiet}, select="NL504"), "NL504") == []
    english = "Ferry queues grow\n\nDOVER, England — Tourists waited for hours at checkpoint before the ferry left.\n"
    assert found(lint_corpus({"a.txt": english}, select="NL504"), "NL504") == []


def test_every_source_language_has_a_pack() -> None:
    from lint.packs import load_packs

    entries = [e for p in load_packs() for e in p.entries if e.rule == "mt-collocation" and e.languages]
    languages = {lang for e in entries for lang in e.languages}
    assert {"es", "pt", "fr", "it", "de", "pl", "ru", "uk", "zh", "ja", "ko", "ar", "hi"} <= languages
    assert len(entries) >= 150
    assert all(e.examples_match and e.examples_no_match for e in entries)


def test_an_entry_for_the_start_of_a_sentence_fires_at_the_start_of_a_paragraph(lint_corpus: CorpusFactory) -> None:
    """A pack entry anchored at a sentence's start finds the first sentence of a paragraph
    after a blank line, not only a sentence after a full stop (the document is searched
    whole before its lines are)."""
    text = article("The express train left the rails near the tunnel on Thursday.",
                   "Is investigating the cause of the derailment, the railway said.")
    assert found(lint_corpus({"a.txt": text}, select="NL504"), "NL504") == ["Is investigating"]
    question = article("The express train left the rails near the tunnel on Thursday.",
                       "Is anyone investigating the cause of the derailment?")
    assert [d.text for d in lint_corpus({"b.txt": question}, select="NL504")
            if d.code == "NL504" and d.path.endswith("b.txt")] == []


def test_a_calque_message_names_the_words_found_when_its_example_is_another(
    lint_corpus: CorpusFactory,
) -> None:
    """A pack entry shows its family of calques by one example: the finding names the member
    it found first ('shelters of emergency', like 'aid of emergency'), and the example alone
    when that is what it found."""
    found = lint_corpus({"a.txt": article("The town set up shelters of emergency near the school on Friday.")},
                        select="NL504")
    assert [d.message.split(", is ")[0] for d in found] == ["'shelters of emergency', like 'aid of emergency'"]
    same = lint_corpus({"a.txt": article("The province asked for aid of emergency from the capital on Friday.")},
                       select="NL504")
    assert [d.message.split(" is ")[0] for d in same] == ["'aid of emergency'"]


def test_a_calque_whose_entry_gives_no_replacement_has_no_fix(lint_corpus: CorpusFactory) -> None:
    """An entry without a replacement (the message says what to write) must not offer to
    replace the words with nothing: no suggestion, no fix, no "use ''"."""
    text = article("The ministry met on Monday. Said that the ferries would run again by Friday.")
    found = [d for d in lint_corpus({"a.txt": text}, select="NL504") if d.code == "NL504"]
    assert [d.text for d in found] == ["Said that"]
    assert found[0].fix is None and not found[0].suggestion
    assert not found[0].message.endswith("''")


def test_an_entry_is_looked_for_on_the_lines_that_hold_its_words() -> None:
    """NL504 searches only the lines around an entry's prefilter words (many of them, or a
    text whose lowercase form is longer, make it search the whole text): the same answer as
    a search of the whole text."""
    from lint.packs import MAX_WINDOWED_TEXT, MAX_WINDOWS, load_packs

    entry = next(e for p in load_packs() for e in p.entries if e.id == "any-since-the-year")
    calque = "The river has not risen so high since the year 1997, the office said."
    texts = {
        "one line": f"Floods hit the valley.\n\n{calque}\n",
        "many lines": "\n".join(["Another year of floods."] * (MAX_WINDOWS + 2) + [calque]),
        "longer lowercase": f"İzmir is dry.\n{calque}",
        "one long line": "A year of floods. " * (MAX_WINDOWED_TEXT // 18 + 1) + calque,
        "no calque": "Floods hit the valley this year.\nThe year 1997 was worse.\n",
    }
    for name, text in texts.items():
        expected = name != "no calque"
        assert entry.matches_in(text, text.lower()) is expected, name
        assert (entry.search(text) is not None) is expected, name


def test_a_fix_that_stops_before_the_next_word_shows_that_word_in_the_message(
    lint_corpus: CorpusFactory,
) -> None:
    """The fix of 'changed the direction' replaces 'changed the ' with 'changed ': the message
    says "use 'changed direction'", not "use 'changed '"; the suggestion stays the edit."""
    found = [d for d in lint_corpus({"a.txt": article("The gale changed the direction twice before dawn.")},
                                    select="NL504") if d.code == "NL504"]
    assert [d.suggestion for d in found] == ["changed "]
    assert found[0].message.endswith("use 'changed direction'")
    kept = [d for d in lint_corpus({"a.txt": article("The board discussed about the budget until late.")},
                                   select="NL504") if d.code == "NL504"]
    assert kept and kept[0].message.endswith("use 'discussed'")  # a whole replacement shows as is


def test_a_calque_message_names_the_article_s_own_source_language_first(lint_corpus: CorpusFactory) -> None:
    """An article about Portugal: of the entry's languages, Portuguese comes first. An article
    about no country that speaks them: the languages are where the calque is seen, not where
    the article comes from."""
    lisbon = ("Fishing boats return to Lisbon harbour\n\nLISBON, Portugal - The trawlers arrived to "
              "the port of Lisbon at dawn after the storm, the harbour master said.\n")
    found = [d for d in lint_corpus({"a.txt": lisbon}, select="NL504") if d.code == "NL504"]
    assert len(found) == 1 and "(Portuguese, " in found[0].message
    elsewhere = article("The reason of the delay was a strike at the border post, the agency said.")
    found = [d for d in lint_corpus({"a.txt": elsewhere}, select="NL504") if d.code == "NL504"]
    assert len(found) == 1 and "(seen in translations from " in found[0].message
