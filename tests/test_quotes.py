"""NL501 quote-drift: extraction, alignment and corpus comparison, on texts that are not the seeds."""

from __future__ import annotations

from pathlib import Path

import pytest

from lint.document import Document
from lint.features.quotes import align, extract_quotes, quote_spans, same_speaker
from lint.packs import load_packs
from lint.roles import RoleSettings, assign_roles
from tests.conftest import CorpusFactory

HEADLINE = "City council approves the new budget after a long debate\n\n"


def article(*paragraphs: str) -> str:
    return HEADLINE + "\n\n".join(paragraphs) + "\n"


def quotes_of(text: str) -> list[tuple[str, str]]:
    doc = Document.from_text("a.txt", text)
    roles = assign_roles(doc.lines, RoleSettings.from_packs(load_packs()))
    return [(" ".join(q.norms), q.speaker) for q in extract_quotes(doc, roles)]


def found(diagnostics: list, code: str = "NL501") -> list[tuple[str, str, str | None, str]]:  # type: ignore[type-arg]
    return [
        (Path(d.path).name, d.text, d.suggestion, str(d.severity)) for d in diagnostics if d.code == code
    ]


TAXES = "We will not raise property taxes on working families this year, whatever the province decides"


# --- extraction --------------------------------------------------------------------------------


def test_quote_spans_handle_curly_straight_nested_and_open_quotes() -> None:
    line = "“He told me ‘wait here’ and left,” she said. \"Then he came back.\" And “it goes on"
    inside = [line[a:b] for a, b in quote_spans(line)]
    assert inside == ["He told me ‘wait here’ and left,", "Then he came back.", "it goes on"]


def test_apostrophes_do_not_open_single_quotes() -> None:
    line = "The mayor’s office said the workers’ union would ‘consider every option’ soon."
    assert [line[a:b] for a, b in quote_spans(line)] == ["consider every option"]


def test_split_quote_is_joined_and_attributed() -> None:
    text = article(
        "“The bridge will reopen in May,” Mayor Ana Lopez said on Monday. “Crews are working around the clock.”"
    )
    assert quotes_of(text) == [
        ("the bridge will reopen in may crews are working around the clock", "Ana Lopez")
    ]


def test_pronoun_takes_last_named_speaker_and_paraphrase_gap_is_not_joined() -> None:
    text = article(
        "Transport Minister Omar Haddad spoke to reporters on Tuesday in the capital city.",
        "“Every line of the network will be inspected before winter,” he said.",
        "Haddad said the plan “will cost more than expected” but that the money was “already set aside for it.”",
    )
    assert quotes_of(text) == [
        ("every line of the network will be inspected before winter", "Omar Haddad"),
        ("will cost more than expected", "Haddad"),
        ("already set aside for it", "Haddad"),
    ]


def test_he_said_after_a_role_and_a_name_set_off_by_commas_is_that_person() -> None:
    """"The head of the dockers' union, Rolf Amsel, criticised ...": "he said" in that
    paragraph is Amsel, not the minister quoted before."""
    text = article(
        "“Every line of the network will be inspected before winter,” Minister Omar Haddad said.",
        "The head of the dockers' union, Rolf Amsel, criticised the plan. “The inspections come far too late for the crews,” he said.",
    )
    assert [speaker for _, speaker in quotes_of(text)] == ["Omar Haddad", "Rolf Amsel"]


def test_he_said_is_the_person_this_paragraph_names_before_the_last_one_named() -> None:
    text = article(
        "“Delays are over for good,” said Lina Okoro, the operator's chief executive.",
        "Transport Minister Omar Haddad said the line would reopen. “Every train will run on time "
        "from Monday,” he said.",
        "Ana Reis, the port's director, put the losses at two million euros. “Some boats will never "
        "sail again this year,” she said.",
    )
    assert [speaker for _, speaker in quotes_of(text)] == ["Lina Okoro", "Omar Haddad", "Ana Reis"]


def test_a_title_of_a_place_before_the_name_quotes_the_person_not_the_place() -> None:
    text = article(
        "Boats stayed in port near Vila Serrada, according to the coastguard of the region.",
        "The harbour master of Vila Serrada, Marta Quintal, said: “Ships will dock again by Friday "
        "if the wind drops.”",
        "“The pier itself is safe for now,” she said.",
    )
    assert [speaker for _, speaker in quotes_of(text)] == ["Marta Quintal", "Marta Quintal"]


def test_a_paragraph_without_a_name_still_takes_the_last_one_named() -> None:
    text = article(
        "Marta Quintal, the harbour master, spoke to reporters at the pier on Tuesday.",
        "“Ships will dock again by Friday if the wind drops,” she said.",
    )
    assert [speaker for _, speaker in quotes_of(text)] == ["Marta Quintal"]


def test_a_place_or_a_nationality_is_not_the_speaker() -> None:
    text = article(
        "The Dutch authorities closed the lock at Ravenstein on Friday after a barge hit it.",
        "Water Minister Joost Veldkamp said the closure was a precaution. “No ship will pass until "
        "the engineers have checked every gate,” he told reporters in Utrecht.",
        "Veldkamp has said the lock would reopen next week. “We are being careful, not slow,” he added.",
    )
    assert [speaker for _, speaker in quotes_of(text)] == ["Joost Veldkamp", "Veldkamp"]


def test_a_place_before_an_inverted_attribution_is_not_the_speaker() -> None:
    """"... near Porto Velho, said the mayor Ines Carvalho": the speaker follows the verb; the
    place before the comma is not the person a later "she said" stands for. A name before
    the verb still speaks ("Carvalho, 61, said"; "the river, Ines Carvalho said")."""
    text = article(
        "Boats carried medicine to villages near Porto Velho, said the mayor Ines Carvalho.",
        "“The water is still rising in the lower districts,” she said.",
    )
    assert [speaker for _, speaker in quotes_of(text)] == ["Ines Carvalho"]
    aside = article("Ines Carvalho, 61, said on Monday that the boats would keep sailing. “We will not "
                    "leave anyone behind in the flooded villages,” she said.")
    assert [speaker for _, speaker in quotes_of(aside)] == ["Ines Carvalho"]
    plain = article("Boats are the only way in, Ines Carvalho said. “We will not leave anyone behind in "
                    "the flooded villages,” she added.")
    assert [speaker for _, speaker in quotes_of(plain)] == ["Ines Carvalho"]


def test_a_closing_mark_typed_as_the_opener_still_opens_the_quotation() -> None:
    line = "Rejecting the plan, she said: ”We never left the wards,” and walked out."
    assert [line[a:b] for a, b in quote_spans(line)] == ["We never left the wards,"]


def ws(text: str) -> list[str]:
    return text.split()


def test_alignment_ignores_marks_case_contractions_and_fragments() -> None:
    full = ws("we are not going to close the hospital while i am the mayor of this town")
    spoken = "“We’re NOT going to close the hospital while I am the mayor of this town!” she said."
    ((contracted, _),) = quotes_of(article(spoken))
    assert align(full, ws(contracted)) == []
    assert align(full, ws("close the hospital while i am the mayor")) == []
    diffs = align(full, ws("we are not going to shut the hospital while i am the mayor of this town"))
    assert diffs is not None and [(d.a_start, d.a_end, d.b_start, d.b_end) for d in diffs] == [(5, 6, 5, 6)]
    assert align(full, ws("the weather in the north will turn cold by the end of the week")) is None


def test_a_phrase_replaced_by_one_word_is_one_difference() -> None:
    """"shut down" against "closed": one replaced phrase, not a dropped word beside a changed
    one (the merged edit is reported once)."""
    full = ws("we will not let the hospital be shut down while i am the mayor of this town")
    other = ws("we will not let the hospital be closed while i am the mayor of this town")
    diffs = align(full, other)
    assert diffs is not None and [(d.a_start, d.a_end, d.b_start, d.b_end) for d in diffs] == [(7, 9, 7, 8)]


def test_a_fragment_that_stops_on_a_swapped_word_differs_in_that_word_only() -> None:
    full = ws("the coming two days will be critical because the river is expected to rise again")
    fragment = ws("the coming two days will be crucial")
    diffs = align(full, fragment, 3)
    assert diffs is not None and [(d.a_start, d.a_end, d.b_start, d.b_end) for d in diffs] == [(6, 7, 6, 7)]
    assert align(full, ws("the coming two days will be critical"), 3) == []
    assert align(full, ws("to rise again"), 3) == []


def test_speakers_match_by_surname_and_tolerate_a_corrupted_spelling() -> None:
    assert same_speaker("Ilse Marwick", "Marwick")
    assert same_speaker("Ms. Thảo", "Thao")  # a translation keeps the accents the wire drops
    assert not same_speaker("Ms. Thảo", "Minh")
    assert same_speaker("Olena Kovalenko", "Kovalenkov")
    assert same_speaker("", "Anyone")
    assert not same_speaker("Maria Silva", "Peter Brandt")


# --- corpus rule ---------------------------------------------------------------------------------


def test_odd_outlet_is_reported_against_independent_outlets_that_agree(lint_corpus: CorpusFactory) -> None:
    first = article(
        "The council met for six hours before the vote on the spending plan for Harlow Bay.",
        f"“{TAXES},” Mayor Karen Whitfield told the council on Tuesday.",
    )
    second = article(
        "Residents of Harlow Bay packed the gallery as councillors argued over road repairs.",
        f"Whitfield was firm. “{TAXES},” she said after the meeting.",
    )
    odd = article(
        "In Harlow Bay the spending plan passed by seven votes to four late on Tuesday.",
        "“We will not raise property levies on working families this year, whatever the province "
        "decides,” Whitfield told the council.",
    )
    diagnostics = lint_corpus({"a.txt": first, "b.txt": second, "c.txt": odd}, select="NL501")
    assert found(diagnostics) == [("c.txt", "levies", "taxes", "warning")]
    (diagnostic,) = diagnostics
    assert "'levies' where" in diagnostic.message and "has 'taxes'" in diagnostic.message
    assert "2 other articles print the other wording" in diagnostic.message
    assert Path(diagnostic.related[0].path).name in ("a.txt", "b.txt")


def test_two_copies_of_one_wire_story_are_one_witness(lint_corpus: CorpusFactory) -> None:
    wire = article(
        "The council met for six hours before the vote on the spending plan for Harlow Bay.",
        f"“{TAXES},” Mayor Karen Whitfield told the council on Tuesday.",
    )
    odd = article(
        "In Harlow Bay the spending plan passed by seven votes to four late on Tuesday.",
        "“We will not raise property levies on working families this year, whatever the province "
        "decides,” Whitfield told the council.",
    )
    diagnostics = lint_corpus({"a.txt": wire, "b.txt": wire, "c.txt": odd}, select="NL501")
    assert found(diagnostics) == [("c.txt", "levies", "taxes", "info")]


def test_two_outlets_that_disagree_are_both_reported_as_info(lint_corpus: CorpusFactory) -> None:
    one = article(f"“{TAXES},” Mayor Karen Whitfield said.")
    other = article(f"“{TAXES.replace('working', 'struggling')},” Whitfield said.")
    diagnostics = lint_corpus({"a.txt": one, "b.txt": other}, select="NL501")
    assert sorted(found(diagnostics)) == [
        ("a.txt", "working", "struggling", "info"),
        ("b.txt", "struggling", "working", "info"),
    ]


def test_fragment_marks_and_case_are_not_drift(lint_corpus: CorpusFactory) -> None:
    full = article(f"“{TAXES},” Mayor Karen Whitfield said.")
    fragment = article(
        "Whitfield promised she would “not raise property taxes on working families,” "
        "and repeated it twice."
    )
    straight = article(f"\"{TAXES.upper()}!\" Whitfield said.")
    assert found(lint_corpus({"a.txt": full, "b.txt": fragment, "c.txt": straight}, select="NL501")) == []


def test_a_speaker_written_with_accents_the_others_drop_is_compared(lint_corpus: CorpusFactory) -> None:
    first = article(f"“{TAXES},” council chair Vu Thi Thao told the council on Tuesday.")
    second = article(f"“{TAXES},” Vu Thi Thao said after the meeting.")
    odd = article("“We will not raise property levies on working families this year, whatever the province "
                  "decides,” council chair Vũ Thị Thảo said.")
    diagnostics = lint_corpus({"a.txt": first, "b.txt": second, "c.txt": odd}, select="NL501")
    assert found(diagnostics) == [("c.txt", "levies", "taxes", "warning")]


def test_same_words_from_different_speakers_are_not_compared(lint_corpus: CorpusFactory) -> None:
    one = article(f"“{TAXES},” Mayor Karen Whitfield said.")
    other = article(f"“{TAXES.replace('working', 'struggling')},” opposition leader Tom Baxter said.")
    assert found(lint_corpus({"a.txt": one, "b.txt": other}, select="NL501")) == []


def test_split_quote_matches_the_joined_one(lint_corpus: CorpusFactory) -> None:
    joined = "“The hospital will stay open and every nurse will keep her job until the review ends,” Health Minister Priya Nair said."
    first = article(
        "Staff at Dunmore General gathered outside the west wing on Monday.",
        "The union had warned of closures since the spring audit.", joined,
    )
    second = article(
        "Nair visited Dunmore General after the board met on Monday night.",
        "Doctors there said the waiting lists were the longest in the county.", joined,
    )
    split = article(
        "Patients at Dunmore General were moved to other wards during the inspection.",
        "“The hospital will stay open,” Nair said. “And every nurse will keep her post until the review ends.”",
    )
    diagnostics = lint_corpus({"a.txt": first, "b.txt": second, "c.txt": split}, select="NL501")
    assert found(diagnostics) == [("c.txt", "post", "job", "warning")]


@pytest.mark.parametrize("other", ["program", "programmes"])
def test_spelling_variants_are_not_drift(lint_corpus: CorpusFactory, other: str) -> None:
    one = article("“The training programme will resume once the security situation allows it,” Colonel Dana Roy said.")
    two = article(f"“The training {other} will resume once the security situation allows it,” Roy said.")
    assert found(lint_corpus({"a.txt": one, "b.txt": two}, select="NL501")) == []


def test_a_copy_that_changed_its_wire_story_is_the_odd_one(lint_corpus: CorpusFactory) -> None:
    story = (
        "The council met for six hours before the vote on the spending plan for Harlow Bay.",
        "Residents packed the gallery as councillors argued over road repairs.",
        "The plan passed by seven votes to four shortly before midnight.",
    )
    wire = article(*story, f"“{TAXES},” Mayor Karen Whitfield said.")
    files = {f"wire{i:02}.txt": wire for i in range(60)}
    files["odd.txt"] = article(*story, f"“{TAXES.replace('families', 'households')},” Whitfield said.")
    diagnostics = lint_corpus(files, select="NL501")
    assert found(diagnostics) == [("odd.txt", "households", "families", "warning")]
    assert "60 other articles, 1 of them independent, print the other wording" in diagnostics[0].message


def test_a_line_repeated_in_other_stories_is_not_the_witness_of_a_third_story() -> None:
    """A speaker's stock line quoted in two stories is another event's statement: a third story's
    different wording is compared with it only where no story tells them apart."""
    from lint.quotes.compare import QuoteRef, find_drift

    roles_settings = RoleSettings.from_packs(load_packs())

    def refs(path: str, text: str) -> list[QuoteRef]:
        doc = Document.from_text(path, text)
        return [QuoteRef(path, None, q) for q in extract_quotes(doc, assign_roles(doc.lines, roles_settings))]

    stock = article(f"“{TAXES},” Mayor Karen Whitfield said.")
    varied = article(f"“{TAXES.replace('taxes', 'levies')},” Mayor Karen Whitfield said.")
    quotes = [*refs("a.txt", stock), *refs("b.txt", stock), *refs("c.txt", varied)]
    apart = {("a.txt", None): "ferry", ("b.txt", None): "schools", ("c.txt", None): "budget"}
    assert find_drift(quotes, apart) == []
    unknown = {("a.txt", None): "ferry", ("b.txt", None): "schools"}  # c.txt in no story
    assert [(quotes[n].path, drift.wording) for n, drift in find_drift(quotes, unknown)] == [("c.txt", "levies")]


LOSSES = "We have lost everything our parents built on this coast in forty years"


def _punta_brava(said: str, odd: str) -> dict[str, str]:
    """Two outlets quote Rosa Ibarra's ``said``; a third quotes her as ``odd``."""
    return {
        "a.txt": article("Fishing families in Punta Brava counted their losses after the storm on Sunday.",
                         f"“{said},” said Rosa Ibarra, who leads the cooperative."),
        "b.txt": article("The storm flattened the harbour wall at Punta Brava, the cooperative said.",
                         f"Ibarra stood by the wreck of her boat. “{said},” she said."),
        "c.txt": article("In Punta Brava the cooperative met on Monday to count the damage of the storm.",
                         f"“{odd},” affirmed Rosa Ibarra."),
    }


def test_a_quotation_that_differs_only_in_an_auxiliary_is_info(lint_corpus: CorpusFactory) -> None:
    diagnostics = lint_corpus(_punta_brava(LOSSES, LOSSES.replace("have lost", "lost")), select="NL501")
    assert [(name, severity) for name, _, _, severity in found(diagnostics)] == [("c.txt", "info")]


def test_a_quotation_that_differs_only_in_an_intensifier_or_a_possessive_is_info(lint_corpus: CorpusFactory) -> None:
    """"I could not even see my hands" for "I could not see my own hands": two translations
    of one statement differ in such words everywhere."""
    said = "When I reached the pier I could not see my own hands in the smoke"
    odd = said.replace("could not see my own", "could not even see my")
    diagnostics = lint_corpus(_punta_brava(said, odd), select="NL501")
    assert {severity for *_, severity in found(diagnostics)} == {"info"}


def test_a_short_quotation_inside_a_longer_one_is_no_omission() -> None:
    """A translation joins a statement the wire quotes in two pieces: comparing the joined
    quotation with the wire's short second piece shows more words apart than shared, which is
    not a quotation with words cut from its middle."""
    from lint.quotes.compare import relation

    joined = ws("Someone shouted and when I reached the stairs the corridor was black I could not see my hands")
    piece = ws("I could not see my own hands")
    found_relation = relation(joined, piece, in_story=True)
    assert found_relation is None or found_relation.kind != "words" or all(
        (d.a_end - d.a_start) + (d.b_end - d.b_start) <= 2 for d in found_relation.diffs)


def test_a_quotation_that_drops_a_negation_is_still_a_warning(lint_corpus: CorpusFactory) -> None:
    said = "We will not leave this coast whatever the insurers decide about the boats"
    diagnostics = lint_corpus(_punta_brava(said, said.replace("will not leave", "will leave")), select="NL501")
    assert [(name, severity) for name, _, _, severity in found(diagnostics)] == [("c.txt", "warning")]


GATES = "The next two days will be critical because the river is expected to rise again overnight"


def _flood_story(partial: str, odd: str) -> dict[str, str]:
    wire = article(
        "The river Mell burst its banks at Farrow on Monday and flooded 300 homes.",
        f"“{GATES},” said Ilse Brandvold, who leads the county flood team.",
    )
    outlet = article(
        "Three hundred homes in Farrow were flooded on Monday when the Mell burst its banks.",
        f"Brandvold warned that “{partial}” and asked residents to stay upstairs.",
    )
    translated = article(
        "In Farrow the river Mell overflowed this Monday and inundated 300 houses.",
        f"“{odd},” declared Ilse Brandvold, responsible of the flood team of the county.",
    )
    return {"a.txt": wire, "b.txt": outlet, "c.txt": translated}


def test_a_partial_quotation_backs_the_wording_it_shares(lint_corpus: CorpusFactory) -> None:
    odd = "The next two days will be determinant because it is foreseen that the river rises again in the night"
    diagnostics = lint_corpus(_flood_story("the river is expected to rise again overnight", odd), select="NL501")
    assert [(name, severity) for name, _, _, severity in found(diagnostics)] == [("c.txt", "warning")]


def test_a_partial_quotation_of_words_both_wordings_share_backs_neither(lint_corpus: CorpusFactory) -> None:
    odd = "The next two days will be determinant because it is foreseen that the river rises again in the night"
    diagnostics = lint_corpus(_flood_story("the next two days will be", odd), select="NL501")
    assert [severity for name, _, _, severity in found(diagnostics) if name == "c.txt"] in ([], ["info"])


# Five independent translations of one report: each tells the facts in its own words.
FENCE_FACTS = (
    "Storms flattened 14 kilometres of fence around the Glenbrack sheep reserve on Tuesday.",
    "Ranger Tobiah Quell said 300 ewes had strayed onto the Corrie Dhu road overnight.",
)
FENCE_RETOLD = (
    "On Tuesday storms knocked down 14 kilometres of the Glenbrack reserve's fence.",
    "Some 300 ewes wandered onto the Corrie Dhu road during the night, according to Tobiah Quell.",
)


def _fence_story(*quotes: str) -> dict[str, str]:
    facts = (FENCE_FACTS, FENCE_RETOLD)
    return {f"t{n}.txt": article(*facts[n % 2], f"“{quote},” ranger Quell said.") for n, quote in enumerate(quotes)}


FENCE = "The fence will be rebuilt before the lambing season starts"


def test_a_wording_two_translations_share_is_no_majority_among_independent_retellings(
    lint_corpus: CorpusFactory,
) -> None:
    """Two of five translations word the statement alike; two others word it in ways of their
    own: the others do not agree among themselves, so the fifth's wording is not a warning."""
    files = _fence_story(
        FENCE, FENCE,
        "The fence is going to be rebuilt before the lambing season begins",
        "We are going to rebuild the fence ahead of the lambing season",
        FENCE.replace("season", "period"),
    )
    assert [f for f in found(lint_corpus(files, select="NL501")) if f[3] != "info"] == []


def test_a_wording_the_other_translations_share_is_still_a_majority(lint_corpus: CorpusFactory) -> None:
    files = _fence_story(FENCE, FENCE, FENCE, FENCE.replace("season", "period"))
    assert found(lint_corpus(files, select="NL501")) == [("t3.txt", "period", "season", "warning")]


def test_a_majority_wording_too_far_from_this_one_to_compare_reports_nothing_on_it() -> None:
    """d.txt's line is compared with c.txt's (one story) but not with the wording two articles
    outside the story print, which c.txt's resembles: that majority outvotes d.txt's witness,
    but shows no words to compare, so d.txt gets no finding (and the run does not fail)."""
    from lint.quotes.compare import QuoteRef, find_drift

    roles_settings = RoleSettings.from_packs(load_packs())

    def refs(path: str, line: str) -> list[QuoteRef]:
        doc = Document.from_text(path, article(f"“{line},” Mayor Dana Holt said."))
        return [QuoteRef(path, None, q) for q in extract_quotes(doc, assign_roles(doc.lines, roles_settings))]

    majority = "We will not accept a route that leaves the people of Kestrel Bay behind"
    story_line = majority.replace("route", "survey")
    far = "We will not accept a surplus that leaves the people of Orrin Cove behind"
    quotes = [*refs("a.txt", majority), *refs("b.txt", majority), *refs("c.txt", story_line), *refs("d.txt", far)]
    story = {("c.txt", None): "harbour", ("d.txt", None): "harbour"}
    assert [(quotes[n].path, drift.wording) for n, drift in find_drift(quotes, story)] == [("c.txt", "survey")]


def test_a_changed_line_the_article_prints_twice_is_reported_at_each_place(lint_corpus: CorpusFactory) -> None:
    story = ("The council met for six hours before the vote on the spending plan for Harlow Bay.",
             "The plan passed by seven votes to four shortly before midnight.")
    wire = article(*story, f"“{TAXES},” Mayor Karen Whitfield said.")
    changed = TAXES.replace("families", "households")
    odd = article(story[0], f"“{changed},” Whitfield said.", story[1], f"She repeated: “{changed}.”")
    files = {"a.txt": wire, "b.txt": wire.replace("six hours", "six long hours"), "c.txt": wire, "odd.txt": odd}
    diagnostics = [d for d in lint_corpus(files, select="NL501") if d.path.endswith("odd.txt")]
    assert sorted((d.line, d.text) for d in diagnostics) == [(5, "households"), (9, "households")]


PAID = "The fence will be rebuilt before the lambing season starts and every farmer will be paid for the lost ewes"
PAID_RETOLD = "Before the lambing season begins the fence is going to be built again and each farmer gets paid for the lost ewes"


def test_a_paraphrased_quotation_is_info_where_every_quotation_is_a_translation(lint_corpus: CorpusFactory) -> None:
    """In an article about a country that does not speak English, a quotation is already a
    translation: a paraphrase of it is weak evidence (info). In an article about an
    English-speaking country the same paraphrase is a warning."""
    def story(dateline: str) -> dict[str, str]:
        facts = (f"{dateline} Storms flattened 14 kilometres of fence around the sheep reserve on Tuesday.",
                 "Some 300 ewes wandered onto the road during the night, rangers said.")
        return {f"t{n}.txt": article(*facts, f"“{quote},” ranger Tobiah Quell said.")
                for n, quote in enumerate((PAID, PAID, PAID, PAID_RETOLD))}

    abroad = found(lint_corpus(story("SZEGED, Hungary (Plains Wire) —"), select="NL501"))
    assert [(name, severity) for name, *_, severity in abroad] == [("t3.txt", "info")]
    at_home = found(lint_corpus(story("CHEYENNE, Wyoming (Plains Wire) —"), select="NL501"))
    assert [(name, severity) for name, *_, severity in at_home] == [("t3.txt", "warning")]


# One report from Gdansk told by independent outlets, each translating the mayor's words itself.
DOCKS_TOLD = (
    ("GDANSK, Poland (Baltic Wire) - The city council of Gdansk voted on Monday to sell the old "
     "crane yard on the Motlawa river to a housing developer.",
     "Mayor Ewa Drozd said 400 flats would be built in Gdansk by 2029."),
    ("GDANSK, Poland - Gdansk councillors agreed on Monday to sell the old crane yard beside the "
     "Motlawa river to a developer of housing.",
     "About 400 flats are planned in Gdansk by 2029, according to Mayor Ewa Drozd."),
    ("GDANSK, Poland - On Monday the Gdansk council approved the sale of the former crane yard "
     "at the Motlawa to a residential builder.",
     "Ewa Drozd, the mayor, expects some 400 apartments in Gdansk before 2029."),
    ("GDANSK, Poland - A housing company will buy the disused crane yard by the Motlawa river, "
     "Gdansk's council decided on Monday.",
     "The plan is for roughly 400 homes in Gdansk by 2029, Mayor Ewa Drozd said."),
)
CRANES = "We will keep the two cranes standing as a memory of the shipyard workers"


def _docks(quotes: list[str], copies: int = 0) -> dict[str, str]:
    """One article per quote, the first told in the wire's words and republished ``copies``
    times, each other one retold in words of its own."""
    files = {}
    for n, quote in enumerate(quotes):
        files[f"t{n}.txt"] = article(*DOCKS_TOLD[n], f"“{quote},” Drozd said.")
    for n in range(copies):
        files[f"copy{n}.txt"] = files["t0.txt"]
    return files


def test_independent_translations_of_a_foreign_speaker_differ_only_at_info(
    lint_corpus: CorpusFactory,
) -> None:
    """The mayor spoke Polish: three outlets that translated her alike and a fourth that chose
    another word are four translations, none of them the original: info."""
    files = _docks([CRANES, CRANES, CRANES, CRANES.replace("memory", "remembrance")])
    diagnostics = lint_corpus(files, select="NL501")
    assert found(diagnostics) == [("t3.txt", "remembrance", "memory", "info")]
    assert "independent translations of one statement" in diagnostics[0].message


def test_a_wording_printed_and_republished_is_the_majority_against_a_translation(
    lint_corpus: CorpusFactory,
) -> None:
    """When the agreeing wording was printed by a wire and republished verbatim, it is the
    English text the others copied: the odd one is a warning, foreign speaker or not."""
    files = _docks([CRANES, CRANES, CRANES.replace("memory", "remembrance")], copies=1)
    assert found(lint_corpus(files, select="NL501")) == [("t2.txt", "remembrance", "memory", "warning")]


# A flood told by a wire, its copy, an outlet, a translation that paraphrases the end of the
# commander's words, and an article that changes two of them.
FLOOD = {
    "a.txt": 'Floods in the north: 300 displaced\n\nThe rains flooded 14 villages of the northern coast this Friday and 300 persons had to leave their houses, informed the Civil Protection.\n\nThe commander Duarte Sequeira said that the teams reached all the flooded villages before night.\n\n"Our crews are on the ground and are visiting all the houses one by one," said Sequeira to journalists in Porto.\n\nThe coastal roads will remain closed until Sunday.\n',
    "w.txt": 'Storm floods coastal villages in northern Portugal\n\nPORTO, Portugal, Jan. 9, 2026 (Atlantic Wire) - Heavy rain flooded 14 coastal villages in northern Portugal on Friday, forcing 300 people from their homes, civil protection officials said.\n\nCivil protection commander Duarte Sequeira said rescue crews had reached every flooded village by nightfall.\n\n"Our crews are on the ground and are visiting every house," Sequeira told reporters in Porto.\n\nRoads along the coast will stay closed until Sunday, the regional authority said.\n',
    "x.txt": 'Storm floods coastal villages in northern Portugal\n\nPORTO, Portugal, Jan. 9, 2026 (Atlantic Wire) - Heavy rain flooded 14 coastal villages in northern Portugal on Friday, forcing 300 people from their homes, civil protection officials said.\n\nCivil protection commander Duarte Sequeira said rescue crews had reached every flooded village by nightfall.\n\n"Our crews are on the ground and are visiting every house," Sequeira told reporters in Porto.\n\nRoads along the coast will stay closed until Sunday, the regional authority said.\n\nSign up for our newsletter.\n',
    "y.txt": 'Northern Portugal villages flooded, 300 evacuated\n\nAbout 300 people left their homes on Friday after heavy rain flooded 14 villages along the northern Portuguese coast.\n\nRescue crews reached every flooded village by nightfall, civil protection commander Duarte Sequeira said.\n\n"Our crews are on the ground and are visiting every house," he said.\n\nCoastal roads will remain closed until Sunday, the regional authority said.\n',
    "z.txt": 'Floods hit northern Portugal\n\nHeavy rain flooded 14 coastal villages in northern Portugal on Friday, forcing 300 people from their homes, officials said.\n\nCivil protection commander Duarte Sequeira said crews had reached every flooded village by nightfall.\n\n"Our crews are at the ground and are inspecting every house," Sequeira told reporters.\n\nRoads along the coast will stay closed until Sunday.\n',
}


def test_a_changed_quotation_is_shown_against_the_closest_agreeing_wording(lint_corpus: CorpusFactory) -> None:
    """The articles that agree include a translation that paraphrases the end of the statement
    (it sorts first); the changed words are still reported against the wire's wording, word by
    word, not as one paraphrase at info."""
    found = [(d.path.split("/")[-1], d.text, str(d.severity), d.suggestion)
             for d in lint_corpus(FLOOD, select="NL501") if d.code == "NL501"]
    assert ("z.txt", "inspecting", "warning", "visiting") in found
    assert not [f for f in found if f[0] != "z.txt"]
