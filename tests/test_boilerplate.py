"""Boilerplate rules NL101-NL110 on chrome from other outlets (BBC, Reuters, Guardian, NYT, AP,
local and non-English papers), never on seed phrasings, each with a look-alike that must not fire."""

from __future__ import annotations

import functools
from pathlib import Path

import pytest
import regex

from lint.diagnostic import Diagnostic
from lint.packs import Pack, PackEntry, builtin_pack_dir, load_pack
from tests.conftest import CorpusFactory, lint_paths

HEAD = (
    "Council approves new budget for city parks\n\n"
    "By Maria Lopez\n\n"
    "The city council voted on Tuesday to approve a new budget that sets aside money for parks "
    "and trails across the region.\n\n"
)
TAIL = (
    "\n\nThe mayor said the spending would begin in the spring and continue for at least three "
    "years, pending a review by the finance committee.\n\n"
    "Residents can comment on the plan at a public meeting next month, according to the clerk.\n"
)
TARGET_LINE = 7
PHRASE_CODES = ("NL101", "NL102", "NL103", "NL104", "NL105", "NL106", "NL107", "NL108")

# (entry id, rule code, a line of chrome from another site or language)
POSITIVES: list[tuple[str, str, str]] = [
    ("ad-continues-below", "NL101", "Article continues below this advertisement"),
    ("ad-continues-below", "NL101", "Report continues after advertisement"),
    ("ad-label", "NL101", "Advertisement"),
    ("ad-label", "NL101", "Article continues after"),
    ("ad-label", "NL101", "Scroll down to continue reading"),
    ("ad-label", "NL101", "Continue reading below"),
    ("ad-label", "NL101", "Paid Post"),
    ("ad-label-intl", "NL101", "Publicité"),
    ("ad-label-intl", "NL101", "Anzeige"),
    ("ad-label-intl", "NL101", "Publicidad"),
    ("promo-prefix", "NL102", "Read more: Inflation hits 40-year high"),
    ("promo-prefix", "NL102", "Related: Pension reform explained"),
    ("promo-prefix", "NL102", "MORE: Man arrested after stabbing in town centre"),
    ("promo-prefix", "NL102", "See also: Ukraine war latest"),
    ("promo-prefix", "NL102", "LIVE: Follow the count as results come in"),
    ("promo-prefix", "NL102", "Photos: Storm batters the coast"),
    ("promo-prefix-intl", "NL102", "Lire aussi : Le gouvernement présente son budget"),
    ("promo-prefix-intl", "NL102", "LESEN SIE AUCH: Die Regierung plant neue Steuern"),
    ("promo-prefix-intl", "NL102", "Lee también: La crisis del agua"),
    ("promo-click", "NL102", "Click to print this recipe"),
    ("promo-click", "NL102", "Listen to this article"),
    ("promo-click", "NL102", "Tap here to watch the full interview"),
    ("promo-click", "NL102", "View the photo gallery"),
    ("cta-social", "NL103", "Follow Lakeside FM on Facebook, X and Instagram."),
    ("cta-social", "NL103", "Subscribe to our YouTube channel"),
    ("cta-social", "NL103", "Share on WhatsApp"),
    ("cta-social", "NL103", "Have your say: the comments are open below."),
    ("cta-social", "NL103", "Find us on Bluesky"),
    ("cta-newsletter", "NL103", "Sign up to Morning Tide, our free daily newsletter"),
    ("cta-newsletter", "NL103", "Sign up for the Evening Briefing newsletter from the Harbour Ledger"),
    ("cta-newsletter", "NL103", "Get our breaking news email, free app or daily news podcast"),
    ("cta-newsletter", "NL103", "Do you have a story to share? Email us at news@example.org"),
    ("cta-newsletter", "NL103", "Want more? Subscribe to the Harbour Ledger newsletter"),
    ("cta-intl", "NL103", "Suivez-nous sur Facebook"),
    ("cta-intl", "NL103", "Abonnez-vous à notre infolettre"),
    ("cta-intl", "NL103", "Folgen Sie uns auf Twitter"),
    ("widget-heading", "NL104", "Most Popular"),
    ("widget-heading", "NL104", "Most Read Stories"),
    ("widget-heading", "NL104", "Top Stories"),
    ("widget-heading", "NL104", "More on this topic"),
    ("widget-heading", "NL104", "Editors' Picks"),
    ("widget-heading", "NL104", "Recommended Stories"),
    ("caption-photo-credit", "NL105", "Photograph: Tom Lake/PA"),
    ("caption-standalone-credit", "NL105", "Rosa Marlow/Harbour Ledger/Getty Images"),
    ("caption-standalone-credit", "NL105", "Tomas Eke/The Valley Courier"),
    ("caption-credit-alone", "NL105", "Picture: Harbour Ledger"),
    ("caption-credit-alone", "NL105", "[Photo: Lena Ortiz]"),
    ("caption-photo-credit", "NL105", "Smoke rises over the port. (AFP Photo/Staff)"),
    ("caption-photo-credit", "NL105", "The governor in Albany. Credit: Ana Ruiz/The Harbour Ledger"),
    ("caption-outlet-credit", "NL105", "The prime minister outside Downing Street. (Reuters)"),
    ("caption-outlet-credit", "NL105", "Crowds at the rally on Sunday. (Getty Images)"),
    ("caption-label-credit", "NL105", "Firefighters at the scene in Leeds. Image source, Getty Images"),
    ("caption-label-credit", "NL105", "Image caption, Police were called to the scene at 10:00 GMT"),
    ("caption-label-credit", "NL105", "Cyclists ride through Lyon. REUTERS/Lena Ortiz"),
    ("caption-label-credit", "NL105", "Voters queue in Leeds. Photograph: Ola Berg/Getty Images"),
    ("relative-timestamp", "NL106", "3 hours ago"),
    ("relative-timestamp", "NL106", "Published 2 hours ago"),
    ("relative-timestamp", "NL106", "Updated 12 minutes ago"),
    ("relative-timestamp-intl", "NL106", "Il y a 3 heures"),
    ("relative-timestamp-intl", "NL106", "Hace 2 horas"),
    ("relative-timestamp-intl", "NL106", "vor 3 Stunden"),
    ("video-duration", "NL106", "Duration 2:31"),
    ("video-duration", "NL106", "1:45"),
    ("video-duration", "NL106", "Watch: 3:12"),
    ("copyright", "NL107", "© 2024 Harbour Radio. All content is the property of its owners."),
    ("copyright", "NL107", "Copyright © 2023 Valley Courier Ltd. All rights reserved."),
    ("copyright", "NL107", "Tous droits réservés"),
    ("copyright", "NL107", "Our Standards: read the Trust Principles that guide our reporting."),
    ("cookies-terms", "NL107", "We use cookies so the site remembers your language"),
    ("promo-click-here", "NL102", "For the full schedule, click here to download the PDF"),
    ("site-navigation", "NL107", "Cookie Settings"),
    ("tag-list", "NL107", "Topics: Ferries, Harbour works, Weather"),
    ("breadcrumb", "NL107", "Home › Regions › Coast › Ferries"),
    ("menu-bar", "NL107", "Start | Regions | Harbour | Ferries | Weather | Opinion"),
    ("copyright", "NL107", "See our privacy notice"),
    ("leaked-field", "NL108", "url: https://www.example.co.uk/news/uk-123456"),
    ("leaked-field", "NL108", "date: 2023-05-04"),
    ("leaked-field", "NL108", "published_time 2023-05-04T08:00:00Z"),
    ("leaked-field", "NL108", 'title: "Council approves budget"'),
    ("leaked-field", "NL108", '{"@type":"NewsArticle","section":"Local","words":640}'),
    ("leaked-field", "NL108", "[import] owner=desk4; batch=91; version=2"),
    ("leaked-field-list", "NL108", "story_key: 77120 | desk: county | region: north"),
    ("template-placeholder", "NL108", "{{ newsletter_signup }}"),
    ("editorial-stamp", "NL108", "Last updated: 09:20 CET, 18 May"),
    ("editorial-stamp", "NL108", "Word count: 1,204"),
    ("editorial-stamp", "NL108", "Source: Riverbend Tribune | Editor: Hao Min"),
    ("editorial-stamp", "NL108", "Original story: https://example.net/news/ferry-fares"),
    ("editorial-stamp", "NL108", "Updated June 2, 4:05 PM;Posted June 2, 3:58 PM"),
    ("editorial-stamp", "NL108", "Updated on: 2 June 2025 / 16:05 CET / Riverbend Tribune"),
    ("editorial-stamp", "NL108", "SOURCE: Riverbend Tribune"),
    ("machine-translation-note", "NL108", "By Lena Ortiz | Machine translated by Google Translate"),
    ("machine-translation-note", "NL108", "(Auto-translated)"),
    ("cta-social", "NL103", "Follow Riverbend Tribune"),
    ("cta-social", "NL103", "Telegram · Reddit · Email"),
    ("cookies-terms", "NL107", "Functional cookies help this website remember your choices and preferences between visits."),
    ("site-disclaimer", "NL107", "Nothing on this website is intended as medical advice; it is for informational purposes only."),
    ("site-disclaimer", "NL107", "(Parts of this story come from a syndicated news feed.)"),
    ("site-disclaimer", "NL107", "Harbour Reviews has affiliate partnerships and may earn commission on products bought through affiliate links."),
    ("syndication-notice", "NL107", "This story was first published by the Ridge Courier and is reprinted here with permission."),
    ("syndication-notice", "NL107", "Originally published on Lakeside Voice."),
    ("cta-newsletter", "NL103", "Only 2 free stories remaining this week: subscribe today for digital access."),
    ("cta-newsletter", "NL103", "Not a member yet? Register now."),
    ("relative-timestamp", "NL106", "Posted 9 hours ago · Edited 1 hour ago"),
    ("cta-social", "NL103", "Leave a comment · 3 replies"),
    ("caption-description", "NL105", "Harbour master Ines Vale, second from left, and crew members at the new pier on Friday."),
    ("caption-description", "NL105", "Coach Dara Quinn (right) talks to her players at half-time."),
    ("caption-description", "NL105", "Senator Rhea Mond, pictured in 2020, has led the committee for four years."),
    ("caption-description", "NL105", "This satellite image of the delta shows the flooded rice fields south of the port."),
    ("caption-description", "NL105", "Nurses protest outside the regional hospital, Friday, Oct. 4, 2024."),
    ("cta-community", "NL103", "Join our gardening community and share photos of your allotment."),
    ("cta-community", "NL103", "Tell us more! We would love to hear your stories about the old ferry."),
    ("cta-community", "NL103", "Please read our commenting guidelines before you post."),
    ("cta-community", "NL103", "Subscribe to our print edition and get the weekend magazine free."),
]

# (entry id, rule code, prose that shares words with that entry's chrome)
LOOKALIKES: list[tuple[str, str, str]] = [
    ("ad-continues-below", "NL101", "The story continues after the break, the host told listeners on Friday."),
    ("ad-label", "NL101", "The advertisement ran in three newspapers before the election, the party said."),
    ("ad-label-intl", "NL101", "La publicité a reculé de 12 % au troisième trimestre, selon le rapport."),
    ("promo-prefix", "NL102", "Related documents were filed with the court on Friday, according to the clerk."),
    ("promo-prefix", "NL102", "More than 300 people attended the vigil on Sunday evening in the square."),
    ("promo-prefix-intl", "NL102", "Mehr zum Thema Energie wollte der Minister am Montag nicht sagen."),
    ("promo-click", "NL102", "The chief executive said the firm would continue reading the market carefully."),
    ("promo-click", "NL102", "Listen to the people of this city, the mayor told the crowd, and you will hear anger."),
    ("cta-social", "NL103", "Fans who follow the team on Twitter were quick to criticize the decision."),
    ("cta-social", "NL103", "Share prices fell 4 per cent on the news, wiping out the week's gains."),
    ("cta-newsletter", "NL103", "More than 900 families signed up for the food bank program this winter, it said."),
    ("cta-newsletter", "NL103", "He said he had been a subscriber to the newspaper for more than 40 years."),
    ("cta-newsletter", "NL103", "Hundreds of veterans queued outside the town hall on Monday to register."),
    ("site-disclaimer", "NL107", "Agents may earn a commission of 2 percent on every flat sold, the developer said."),
    ("cta-intl", "NL103", "Die Abgeordneten folgen dem Antrag nicht, sagte die Sprecherin am Montag in Berlin."),
    ("widget-heading", "NL104", "Most of the guests left before the fireworks began on Tuesday."),
    ("widget-heading", "NL104", "Top officials met behind closed doors for more than three hours on Wednesday."),
    ("caption-photo-credit", "NL105", "The photograph, taken in 1945, shows soldiers arriving in the harbour."),
    ("caption-outlet-credit", "NL105", "She joined the British Broadcasting Corporation (BBC) in 2001 and stayed for years."),
    ("caption-label-credit", "NL105", "The image source was never identified, police said on Monday."),
    ("caption-standalone-credit", "NL105", "Rosa Marlow/Harbour Ledger said the picture was taken on the pier at dawn."),
    ("caption-credit-alone", "NL105", "Picture: Harbour Ledger readers sent in 40 photos of the storm."),
    ("caption-label-credit", "NL105", "Reuters reported the deal on Monday, citing two people familiar with it."),
    ("relative-timestamp", "NL106", "The suspect told police he had arrived in the city three hours ago from Leeds."),
    ("relative-timestamp-intl", "NL106", "Il y a 3 heures de route entre les deux villes, selon le ministère."),
    ("video-duration", "NL106", "The match ended after a 2:31 delay caused by heavy rain, officials said."),
    ("copyright", "NL107", "Copyright law has not kept pace with streaming services, the professor argued."),
    ("cookies-terms", "NL107", "The bakery uses cookies from a local supplier and sells them at the market."),
    ("site-navigation", "NL107", "Contact us if you saw the crash on Highway 7, police said in a statement."),
    ("tag-list", "NL107", "Topics: the council covered ferries, harbour works and the weather."),
    ("breadcrumb", "NL107", "Fares rose > 5 percent, and the harbour board said > 9 percent next year."),
    ("menu-bar", "NL107", "Ferry times | Dover | Calais: the crossing now takes 95 minutes, the operator said."),
    ("promo-click-here", "NL102", "Residents hear the cameras click here every night, the councillor said."),
    ("leaked-field", "NL108", "The date for the vote has not been set, officials said on Monday."),
    ("leaked-field", "NL108", "Title insurance rates rose sharply in 2023, according to the industry group."),
    ("leaked-field", "NL108", "The ratio x=2 held in every trial, the physicist said, and y=3 in none."),
    ("leaked-field-list", "NL108", "Section: the ferry timetable changes on Monday, the operator said."),
    ("template-placeholder", "NL108", "The set notation {x | x > 2} appeared in the exam, the board said."),
    ("editorial-stamp", "NL108", "Updated maps of the flood zone go on show at the library on Monday."),
    ("editorial-stamp", "NL108", "Source: a harbour official said the ferry would sail again on 14 May."),
    ("editorial-stamp", "NL108", "Posted 40 new openings on Monday / Careers"),
    ("machine-translation-note", "NL108", "The mayor's letter was translated by a volunteer into Polish and Urdu."),
    ("cta-social", "NL103", "Follow the money, the auditor told the committee on Thursday."),
    ("cta-social", "NL103", "Facebook and Reddit removed the posts after the complaint, a spokesman said."),
    ("cookies-terms", "NL107", "The bakery's cookies sold out on the website within an hour of the recipe going viral."),
    ("site-disclaimer", "NL107", "The records were kept for informational purposes, the archivist said, not for trial."),
    ("site-disclaimer", "NL107", "The feed mill reopened on Monday after the storm, the owner said."),
    ("syndication-notice", "NL107", "The town's charter was originally published in 1912, the archivist said."),
    ("syndication-notice", "NL107", "Her first novel was reprinted twice after the prize, with permission from the estate granted in May."),
    ("caption-description", "NL105", "Ines Vale, the harbour master, said the pier would reopen once the wind dropped."),
    ("caption-description", "NL105", "Voters who left, and those who stayed away, decided the seat, the analyst said."),
    ("caption-description", "NL105", "The image of the flooded delta was shared thousands of times on Monday."),
    ("caption-description", "NL105", "The strike began on Friday, Oct. 4, 2024, after talks broke down."),
    ("cta-community", "NL103", "Residents can join the community forum at the library every Tuesday evening."),
    ("cta-community", "NL103", "The league told clubs to follow the new rules on ticket prices from March."),
]


@functools.cache
def _boilerplate_pack() -> Pack:
    return load_pack(builtin_pack_dir() / "boilerplate.toml")


def _entry(entry_id: str) -> PackEntry:
    return next(e for e in _boilerplate_pack().entries if e.id == entry_id)


def _lint_lines(tmp: Path, lines: list[str]) -> dict[int, list[Diagnostic]]:
    """Lint one article per line (the line at TARGET_LINE); diagnostics on the target, by case."""
    for index, line in enumerate(lines):
        (tmp / f"case{index:03}.txt").write_text(HEAD + line + TAIL, encoding="utf-8")
    result = lint_paths([tmp], select=PHRASE_CODES)
    found: dict[int, list[Diagnostic]] = {i: [] for i in range(len(lines))}
    for d in result.diagnostics:
        if d.line == TARGET_LINE:
            found[int(Path(d.path).stem[4:])].append(d)
    return found


@pytest.fixture(scope="module")
def positive_hits(tmp_path_factory: pytest.TempPathFactory) -> dict[int, list[Diagnostic]]:
    return _lint_lines(tmp_path_factory.mktemp("pos"), [line for _, _, line in POSITIVES])


@pytest.fixture(scope="module")
def lookalike_hits(tmp_path_factory: pytest.TempPathFactory) -> dict[int, list[Diagnostic]]:
    return _lint_lines(tmp_path_factory.mktemp("neg"), [line for _, _, line in LOOKALIKES])


@pytest.mark.parametrize(("index", "case"), list(enumerate(POSITIVES)), ids=[c[2][:40] for c in POSITIVES])
def test_chrome_from_other_sites_fires(
    index: int, case: tuple[str, str, str], positive_hits: dict[int, list[Diagnostic]]
) -> None:
    entry_id, code, line = case
    assert _entry(entry_id).find(line) is not None, f"{entry_id} should match {line!r}"
    assert code in [d.code for d in positive_hits[index]], line


@pytest.mark.parametrize(("index", "case"), list(enumerate(LOOKALIKES)), ids=[c[2][:40] for c in LOOKALIKES])
def test_prose_lookalike_does_not_fire(
    index: int, case: tuple[str, str, str], lookalike_hits: dict[int, list[Diagnostic]]
) -> None:
    entry_id, _code, line = case
    assert _entry(entry_id).find(line) is None, f"{entry_id} should not match {line!r}"
    assert lookalike_hits[index] == [], line


def test_every_boilerplate_entry_has_a_positive_and_a_lookalike() -> None:
    ids = {e.id for e in _boilerplate_pack().entries}
    assert ids <= {c[0] for c in POSITIVES}
    assert ids <= {c[0] for c in LOOKALIKES}


def test_one_finding_per_chrome_line(positive_hits: dict[int, list[Diagnostic]]) -> None:
    doubled = {POSITIVES[i][2]: [d.code for d in ds] for i, ds in positive_hits.items() if len(ds) > 1}
    assert doubled == {}


def test_caption_finding_spans_the_whole_line(lint_corpus: CorpusFactory) -> None:
    line = "Crowds gather in the square on Sunday. (Getty Images)"
    found = lint_corpus({"a.txt": HEAD + line + TAIL}, select="NL105")
    assert [(d.line, d.column, d.end_column, d.suggestion) for d in found] == [
        (TARGET_LINE, 1, len(line) + 1, "")
    ]


def test_headline_without_period_is_not_boilerplate(lint_corpus: CorpusFactory) -> None:
    text = "Flood warnings issued as storm heads for the coast\n\n" + HEAD.split("\n\n", 1)[1] + TAIL
    found = lint_corpus({"a.txt": text}, select=("NL1",))
    assert [d for d in found if d.line == 1] == []


def test_wire_credit_is_not_boilerplate(lint_corpus: CorpusFactory) -> None:
    text = HEAD + "The vote was 9 to 2, with two councillors absent." + TAIL + "\n–With files from the Valley Courier\n"
    found = lint_corpus({"a.txt": text}, select=("NL1", "NL2"))
    assert found == []


# ---------------------------------------------------------------- NL109 author bio

BIO_ARTICLE = (
    "Water rates to rise in the new year\n\nBy Priya Natarajan\n\n"
    "The regional utility will raise water rates by six per cent in January, its board decided on Monday.\n\n"
    "The board said the increase would pay for pipe repairs across the older neighbourhoods.\n\n"
    "Priya Natarajan\n\nMunicipal affairs reporter\n\n"
    "Priya Natarajan is a reporter covering city hall and regional government for the paper. "
    "She previously worked in Halifax.\n"
)


def test_author_bio_block(lint_corpus: CorpusFactory) -> None:
    found = lint_corpus({"a.txt": BIO_ARTICLE}, select="NL109")
    assert [(d.code, d.line, d.end_line) for d in found] == [("NL109", 9, 13)]
    assert "Priya Natarajan" in found[0].message


def test_a_writer_bio_sentence_anywhere_on_the_page_is_a_bio(lint_corpus: CorpusFactory) -> None:
    text = (
        "Ferry fares to rise in spring\n\nBy Oren Castell\n\n"
        "The island ferry will raise fares by eight per cent in April, the operator said on Monday.\n\n"
        "The company said the rise would pay for two new engines and a longer season.\n\n"
        "Oren Castell is a senior reporter covering transport and the islands for the paper.\n\n"
        "More from the islands\n\nHarbour wall repairs delayed again\n\nIsland school gets new roof\n"
    )
    found = lint_corpus({"a.txt": text}, select="NL109")
    assert [(d.code, d.line) for d in found] == [("NL109", 9)]


def test_a_person_the_article_is_about_is_not_a_bio(lint_corpus: CorpusFactory) -> None:
    text = (
        "Ferry fares to rise in spring\n\nBy Oren Castell\n\n"
        "The island ferry will raise fares by eight per cent in April, the operator said on Monday.\n\n"
        "Mara Lund is a senior analyst at the port authority and expects fewer passengers next year.\n\n"
        "The company said the rise would pay for two new engines and a longer season.\n"
    )
    assert lint_corpus({"a.txt": text}, select="NL109") == []


def test_article_ending_with_a_person_is_not_a_bio(lint_corpus: CorpusFactory) -> None:
    text = (
        "Water rates to rise in the new year\n\n"
        "The regional utility will raise water rates by six per cent in January, its board decided.\n\n"
        "Tom Becker\n\n"
        "Tom Becker is a retired plumber who says the pipes on his street burst twice last winter.\n"
    )
    assert lint_corpus({"a.txt": text}, select="NL109") == []


# ---------------------------------------------------------------- NL110 corpus chrome

def _article(topic: str, extra: str) -> str:
    return (
        f"{topic.capitalize()} plan approved by council\n\n"
        f"The council approved the {topic} plan on Monday after a long debate about costs.\n\n"
        f"{extra}\n\n"
        f"Councillors said the {topic} work would start next year and finish within two years.\n"
    )


def test_line_in_many_documents_is_corpus_chrome(lint_corpus: CorpusFactory) -> None:
    topics = ["transit", "housing", "library", "sewer"]
    files = {f"{t}.txt": _article(t, "Sections | Local | Sports") for t in topics}
    found = lint_corpus(files, select="NL110")
    assert sorted((Path(d.path).stem, d.line) for d in found) == sorted((t, 5) for t in topics)
    assert "4 of 4" in found[0].message


def test_shared_line_in_two_documents_is_not_corpus_chrome(lint_corpus: CorpusFactory) -> None:
    """Two pages of two different sites (folders) sharing a line are not enough evidence."""
    files = {f"{t}/{t}.txt": _article(t, "Sections | Local | Sports") for t in ("transit", "housing")}
    files["library/library.txt"] = _article("library", "The branch will stay open during the work.")
    assert lint_corpus(files, select="NL110") == []


def test_line_on_most_pages_of_one_site_is_its_template(lint_corpus: CorpusFactory) -> None:
    files = {f"gazette/{t}.txt": _article(t, "Sections | Local | Sports") for t in ("transit", "housing")}
    files["gazette/library.txt"] = _article("library", "The branch will stay open during the work.")
    files["courier/sewer.txt"] = _article("sewer", "The branch will stay open during the work.")
    found = lint_corpus(files, select="NL110")
    assert sorted((Path(d.path).stem, d.line) for d in found) == [("housing", 5), ("transit", 5)]
    assert "2 of 3 pages of its site" in found[0].message


def test_repeated_wire_credit_is_not_corpus_chrome(lint_corpus: CorpusFactory) -> None:
    topics = ["transit", "housing", "library", "sewer"]
    files = {f"{t}.txt": _article(t, "The Canadian Press") + "\nWith files from The Canadian Press\n" for t in topics}
    found = lint_corpus(files, select="NL110")
    assert [d for d in found if "files from" in d.text.lower()] == []



def test_a_wire_story_s_dateline_lede_dek_and_quotations_are_not_corpus_chrome(tmp_path: Path) -> None:
    """Sites that republish wire stories (bench/stories.py writes such a corpus) share each
    story's dateline lede, its dek and its quotations with every copy: the article, not chrome
    that a safe fix would delete."""
    from bench.stories import write_story_corpus

    write_story_corpus(tmp_path / "corpus", 200)
    found = lint_paths([tmp_path / "corpus"], select=("NL110",)).diagnostics
    shared_prose = [d.text for d in found if regex.match(r"[A-Z]{3,}, \w+ \d+ \(", d.text)
                    or d.text.startswith(("\"", "\u201c")) or d.text.rstrip().endswith(".")]
    assert shared_prose == []


def _retelling(opening: str, closing: str, shared: str) -> str:
    """One of several translations of a story about a flooded mine in the (invented) town of
    Velmora, worded independently but for one short sentence."""
    return (
        "Flooded mine at Velmora keeps rescuers busy\n\n"
        f"{opening} the Karsova colliery near Velmora flooded on Tuesday, trapping 23 miners, "
        "and pumps had cleared half of the water by Wednesday, the operator Dunavik Mining said.\n\n"
        f"{shared}\n\n"
        f"{closing} said the mine inspector Ilka Branovic, who leads the inquiry into the flood.\n"
    )


def test_a_short_sentence_the_articles_of_one_story_share_is_not_chrome(lint_corpus: CorpusFactory) -> None:
    """Independent translations of one story may render a short sentence alike ("The mine
    opened in 1971."): the story's sentence, not a line a site prints on every page."""
    files = {
        "a/one.txt": _retelling("Rescuers said", "\"We will find every one of them,\"", "The mine opened in 1971."),
        "b/two.txt": _retelling("According to rescuers,", "\"Every one of them will be found,\"", "The mine opened in 1971."),
        "c/three.txt": _retelling("Rescue teams reported that", "\"We are going to find all of them,\"", "The mine opened in 1971."),
    }
    found = lint_corpus(files, select=("NL110", "NL509"))
    assert [d for d in found if d.code == "NL110"] == []


def test_a_short_sentence_that_pages_of_different_stories_share_is_still_chrome(
    lint_corpus: CorpusFactory,
) -> None:
    """The same short sentence on pages about unrelated events is the sites' chrome."""
    topics = ["transit", "housing", "library"]
    files = {f"{t}/{t}.txt": _article(t, "Thank you for reading our journalism.") for t in topics}
    files["d/one.txt"] = _retelling("Rescuers said", "\"We will find every one of them,\"",
                                   "Thank you for reading our journalism.")
    files["e/two.txt"] = _retelling("According to rescuers,", "\"Every one of them will be found,\"",
                                   "Thank you for reading our journalism.")
    found = lint_corpus(files, select=("NL110", "NL509"))
    assert sorted(Path(d.path).stem for d in found if d.code == "NL110") == ["housing", "library", "one", "transit", "two"]


LABELLED_BIO_ARTICLE = (
    "Ferry fares to rise in spring\n\n"
    "The island ferry will raise fares by eight per cent in April, the operator said on Monday.\n\n"
    "The company said the rise would pay for two new engines and a longer season.\n\n"
    "{bio}\n"
)


@pytest.mark.parametrize(
    ("bio", "lines"),
    [
        ("About the author: The island desk has covered ferries and harbours since 2015.", (7, 7)),
        ("About the writer\n\nMara Lund writes about transport and the coast.", (7, 9)),
        ("Author bio: Oren Castell lives on the north island.", (7, 7)),
    ],
)
def test_a_line_labelled_as_the_writers_bio_is_a_bio(
    lint_corpus: CorpusFactory, bio: str, lines: tuple[int, int]
) -> None:
    found = lint_corpus({"a.txt": LABELLED_BIO_ARTICLE.format(bio=bio)}, select="NL109")
    assert [(d.code, d.line, d.end_line) for d in found] == [("NL109", *lines)]


def test_prose_about_an_author_is_not_a_bio_label(lint_corpus: CorpusFactory) -> None:
    bio = "About the author of the report, the ministry said nothing on Tuesday."
    assert lint_corpus({"a.txt": LABELLED_BIO_ARTICLE.format(bio=bio)}, select="NL109") == []
