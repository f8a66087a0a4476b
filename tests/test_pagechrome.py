"""Scraped pages written for these tests (an invented outlet, town and people): the article's
main block, page chrome around it (NL111), headline lists anywhere (NL203), menus, comments,
a recipe that stays quiet, caption credits, and clean articles that must stay quiet."""

from __future__ import annotations

from lint.diagnostic import Diagnostic
from lint.lineshape import choose_stoplist, headline_shaped, is_date_line, templated_lines
from lint.mainblock import BlockSettings, find_main_block
from lint.packs import load_packs
from lint.roles import Role, RoleSettings, assign_roles
from tests.conftest import CorpusFactory

MENU = [
    "Skip to navigation", "Home", "Local", "Region", "Business", "Sport", "Arts",
    "Opinion", "Obituaries", "Weather", "Puzzles",
]
TITLE = "Harbourview council backs plan to rebuild the old ferry pier"
DEK = "Councillors voted 7-2 for a three-year repair that keeps the pier open to walkers."
BYLINE = "By Tomasz Nwosu"
DATE = "March 4, 2025 6:15 pm"
LEAD = [
    "Harbourview council voted on Tuesday night to rebuild the old ferry pier, ending a "
    "two-year argument over whether the crumbling wooden structure should be repaired, "
    "replaced with a concrete platform, or closed to the public for good.",
    "The plan, drawn up by the town's engineering office, keeps the pier's original "
    "outline and replaces the rotten piles one section at a time, so that walkers and "
    "anglers can keep using the part that is not being worked on.",
]
MIDDLE_LIST = [
    "Lighthouse keeper's cottage sold to a bakery chain",
    "School choir wins the county festival for a third year",
    "Storm knocks out power to four villages on the coast road",
    "Fishing quota talks stall again in the capital",
]
BODY = [
    "Councillor Maren Oduya, who chairs the works committee, said the pier was part of the "
    "town's history and that the repair would cost less than half of what a new concrete "
    "platform would, according to the engineers' estimate presented at the meeting.",
    "The two councillors who voted against the plan said the town should first fix the "
    "harbour wall, which was damaged in the winter storms, before spending money on the "
    "pier, and asked for the engineers' report to be published in full.",
    "Residents who spoke at the meeting were mostly in favour of the repair. Several said the "
    "pier was the only place in Harbourview where older people could walk by the water "
    "without climbing the steep steps down to the beach.",
]
CAPTION = "Walkers on the ferry pier in Harbourview. Image copyright Coastline Photo Agency"
RECIPE_INTRO = (
    "To mark the vote, the pier café handed out its chowder recipe, which the owner said "
    "had not changed since the ferry stopped running, and which she was happy to share."
)
RECIPE = [
    "Chowder for four",
    "2 cups diced potatoes",
    "1 onion, chopped",
    "500 g smoked haddock",
    "Simmer for 20 minutes",
    "Chowder for eight",
    "4 cups diced potatoes",
    "1 onion, chopped",
    "1 kg smoked haddock",
    "Simmer for 20 minutes",
]
CLOSING = [
    "Work on the first section is expected to start in the autumn, once the town has "
    "chosen a contractor, and the whole repair should be finished within three years, "
    "the engineering office said in its report to the council.",
    "The council will hold a public meeting in May to show residents the final design.",
]
FOOTER = [
    "Share this article", "Facebook", "Email", "Print",
    "More from Local",
    "Bus timetable changes start on Monday",
    "Library extends opening hours over the summer",
    "Council tax bills to rise by two per cent",
    "New cycle lane opens on the seafront",
    "About us", "Contact us", "Privacy Policy", "Terms of Use",
    "© 2025 Harbourview Gazette",
]


def _page(*blocks: list[str]) -> str:
    lines = [line for block in blocks for line in block]
    return "\n\n".join(lines) + "\n"


def _numbers(text: str, wanted: str) -> list[int]:
    return [i for i, line in enumerate(text.split("\n"), start=1) if line == wanted]


def _flagged(found: list[Diagnostic]) -> dict[int, set[str]]:
    lines: dict[int, set[str]] = {}
    for d in found:
        if d.severity.name in ("WARNING", "ERROR") and d.code[:3] in ("NL1", "NL2"):
            for n in range(d.line, (d.end_line or d.line) + 1):
                lines.setdefault(n, set()).add(d.code)
    return lines


PAGE = _page(
    MENU, [TITLE, DEK, BYLINE, DATE], LEAD, MIDDLE_LIST, BODY, [CAPTION], [RECIPE_INTRO],
    RECIPE, CLOSING, FOOTER,
)


def _page_findings(lint_corpus: CorpusFactory) -> dict[int, set[str]]:
    return _flagged(lint_corpus({"page.txt": PAGE}, select=("NL1", "NL2")))


def test_menu_above_the_article_is_page_chrome(lint_corpus: CorpusFactory) -> None:
    flagged = _page_findings(lint_corpus)
    for label in MENU[1:]:
        (number,) = _numbers(PAGE, label)
        assert "NL111" in flagged.get(number, set()), label


def test_headline_dek_byline_and_date_keep_their_roles(lint_corpus: CorpusFactory) -> None:
    flagged = _page_findings(lint_corpus)
    for line in (TITLE, DEK, BYLINE, DATE):
        (number,) = _numbers(PAGE, line)
        assert number not in flagged, line
    roles = assign_roles(PAGE.split("\n"), RoleSettings.from_packs(load_packs()))
    assert roles[_numbers(PAGE, TITLE)[0]] is Role.HEADLINE
    assert roles[_numbers(PAGE, BYLINE)[0]] is Role.BYLINE


def test_headline_list_in_the_middle_of_the_article(lint_corpus: CorpusFactory) -> None:
    found = lint_corpus({"page.txt": PAGE}, select="NL203")
    first = _numbers(PAGE, MIDDLE_LIST[0])[0]
    last = _numbers(PAGE, MIDDLE_LIST[-1])[0]
    assert any(d.line <= first and d.end_line >= last for d in found)
    assert "List of unrelated headlines" in found[0].message


def test_article_paragraphs_recipe_and_closing_lines_stay_quiet(lint_corpus: CorpusFactory) -> None:
    flagged = _page_findings(lint_corpus)
    for line in [*LEAD, *BODY, RECIPE_INTRO, *RECIPE, *CLOSING]:
        for number in _numbers(PAGE, line):
            assert number not in flagged, line


def test_caption_credit_is_reported(lint_corpus: CorpusFactory) -> None:
    found = lint_corpus({"page.txt": PAGE}, select="NL105")
    assert [d.line for d in found] == _numbers(PAGE, CAPTION)


def test_footer_links_and_other_stories_are_chrome(lint_corpus: CorpusFactory) -> None:
    flagged = _page_findings(lint_corpus)
    for line in FOOTER:
        assert all(n in flagged for n in _numbers(PAGE, line)), line


def test_the_article_block_spans_the_body(lint_corpus: CorpusFactory) -> None:
    roles = assign_roles(PAGE.split("\n"), RoleSettings.from_packs(load_packs()))
    assert roles.article is not None
    first, last = roles.article
    assert first <= _numbers(PAGE, LEAD[0])[0]
    assert last >= _numbers(PAGE, CLOSING[-1])[0]


# -- comments and teasers ----------------------------------------------------------------------

COMMENTS = [
    "12 comments", "Newest first",
    "tidewatcher", "Posted 3 hours ago at 10:12 am",
    "About time. My grandfather fished off that pier every Sunday and it would be a shame "
    "to lose it to a slab of concrete that nobody wants to sit on.",
    "Likes: 14",
    "sea_breeze_77", "Posted 2 hours ago at 11:40 am",
    "I would rather they fixed the potholes on the coast road first, to be honest, but I "
    "suppose the pier brings visitors into the town in the summer months.",
    "Likes: 9",
    "old_salt", "Posted 1 hour ago at 12:05 pm",
    "The engineers said the same thing in 2012 and nothing happened then either, so I will "
    "believe it when I see the first new pile going into the water.",
    "Likes: 31",
]


def test_comments_after_the_article_are_page_chrome(lint_corpus: CorpusFactory) -> None:
    page = _page([TITLE, BYLINE], LEAD, BODY, CLOSING, COMMENTS)
    flagged = _flagged(lint_corpus({"page.txt": page}, select=("NL1", "NL2")))
    for line in COMMENTS:
        assert all(n in flagged for n in _numbers(page, line)), line
    for line in [*LEAD, *BODY, *CLOSING]:
        assert _numbers(page, line)[0] not in flagged, line


# -- look-alikes that must stay quiet ----------------------------------------------------------

SHORT_ARTICLE = [
    "Ferry pier to close for repairs",
    "By Tomasz Nwosu",
    "The old ferry pier will close for two weeks in April.",
    "Engineers will replace four of the piles.",
    "Walkers can use the beach path instead.",
    "The café at the end of the pier will stay open.",
    "(Reporting by Tomasz Nwosu; Editing by Ines Brandt)",
]

SUBHEAD_ARTICLE = [
    "What the pier vote means for Harbourview",
    "By Ines Brandt",
    LEAD[0],
    "The cost",
    BODY[0],
    "The objections",
    BODY[1],
    "What happens next",
    CLOSING[0],
]


def test_short_clean_article_is_not_chrome(lint_corpus: CorpusFactory) -> None:
    assert lint_corpus({"a.txt": _page(SHORT_ARTICLE)}, select=("NL1", "NL2")) == []


def test_article_with_subheads_is_not_chrome(lint_corpus: CorpusFactory) -> None:
    assert lint_corpus({"a.txt": _page(SUBHEAD_ARTICLE)}, select=("NL1", "NL2")) == []


def test_steps_list_with_repeated_items_is_quiet(lint_corpus: CorpusFactory) -> None:
    steps = [
        "Day one", "Walk the north path", "Check the tide table", "Rest at the café",
        "Day two", "Walk the south path", "Check the tide table", "Rest at the café",
        "Day three", "Walk the pier", "Check the tide table", "Rest at the café",
    ]
    page = _page([TITLE, BYLINE], LEAD, steps, CLOSING)
    assert lint_corpus({"a.txt": page}, select=("NL1", "NL2")) == []


def test_paragraph_printed_twice_is_still_reported(lint_corpus: CorpusFactory) -> None:
    page = _page([TITLE, BYLINE], LEAD, BODY, [LEAD[1]], CLOSING)
    found = lint_corpus({"a.txt": page}, select="NL201")
    assert [d.line for d in found] == [_numbers(page, LEAD[1])[1]]


def test_three_headlines_in_the_middle_are_not_a_list(lint_corpus: CorpusFactory) -> None:
    page = _page([TITLE, BYLINE], LEAD, MIDDLE_LIST[:3], BODY, CLOSING)
    assert lint_corpus({"a.txt": page}, select="NL203") == []


def test_headlines_on_the_article_topic_are_not_a_list(lint_corpus: CorpusFactory) -> None:
    own = [
        "Harbourview council backs the pier repair plan",
        "Pier repair keeps the walkers on the old pier",
        "Council engineers plan the pier piles repair",
        "Harbourview pier repair to start in the autumn",
    ]
    page = _page([TITLE, BYLINE], LEAD, own, BODY, CLOSING)
    assert lint_corpus({"a.txt": page}, select="NL203") == []


# -- the line shapes ---------------------------------------------------------------------------


def test_headline_shape() -> None:
    assert headline_shaped("Storm knocks out power to four villages")
    assert headline_shaped("Is the pier safe to walk on?")
    assert not headline_shaped("The storm knocked out power to four villages.")
    assert not headline_shaped("Home")
    assert not headline_shaped("What a show! We loved every minute 🙂")


def test_date_lines() -> None:
    assert is_date_line("March 4, 2025 6:15 pm")
    assert is_date_line("Updated 2025-03-04")
    assert not is_date_line("The council will meet again in March to vote on the final design.")


def test_templated_lines_recur_with_other_figures() -> None:
    lines = ["Likes: 14", "text", "Likes: 9", "text", "Likes: 31", "1 onion, chopped", "1 onion, chopped", "1 onion, chopped"]
    assert templated_lines(lines, range(1, len(lines) + 1)) == {1, 3, 5}


def test_stoplist_follows_the_document_language() -> None:
    french = [
        "Le conseil municipal a voté mardi soir pour la rénovation de la vieille jetée, "
        "et les habitants pourront continuer à se promener sur la partie qui n'est pas en travaux."
    ]
    assert "le" in choose_stoplist(french) and "la" in choose_stoplist(french)
    assert "the" in choose_stoplist(LEAD)


def test_no_good_line_no_block() -> None:
    lines = MENU
    assert find_main_block(lines, list(range(1, len(lines) + 1)), set(), BlockSettings()) is None



def test_a_short_lead_below_the_byline_is_the_article(lint_corpus: CorpusFactory) -> None:
    question = "Remember the pier that nobody could agree on?"
    page = _page(MENU, [TITLE, CAPTION, BYLINE], [question], LEAD, BODY, CLOSING, FOOTER)
    flagged = _flagged(lint_corpus({"page.txt": page}, select=("NL1", "NL2")))
    (number,) = _numbers(page, question)
    assert number not in flagged
    assert "NL111" in flagged.get(_numbers(page, "Puzzles")[0], set())


def test_a_short_line_below_the_menu_is_not_a_lead(lint_corpus: CorpusFactory) -> None:
    teaser = "Have you seen the new harbour cafe yet?"
    page = _page(MENU, [teaser], [TITLE], LEAD, BODY, CLOSING, FOOTER)
    flagged = _flagged(lint_corpus({"page.txt": page}, select=("NL1", "NL2")))
    (number,) = _numbers(page, teaser)
    assert number in flagged


def test_a_name_variant_in_the_page_around_the_article_is_not_the_articles(lint_corpus: CorpusFactory) -> None:
    """A school site's menu lists "Girls Winter Rowing" and "Girls Rowing": the extra word would be
    an inserted middle name in the article's text, but the menu is not the article."""
    menu = [*MENU, "Girls Rowing", "Girls Winter Rowing"]
    text = _page(menu, [TITLE, DEK, BYLINE, DATE], LEAD, BODY, CLOSING, FOOTER)
    roles = assign_roles(text.split("\n"), RoleSettings.from_packs(load_packs()))
    assert roles[_numbers(text, "Girls Winter Rowing")[0]] is Role.PAGE
    assert [d.text for d in lint_corpus({"page.txt": text}, select="NL401")] == []
    in_body = _page([TITLE, DEK, BYLINE, DATE], LEAD, ["Girls Rowing coach Maren Oduya said the crew trains at dawn.",
                                                      "Girls Winter Rowing starts in November, Maren Oduya said."], BODY)
    assert "Girls Winter Rowing" in [d.text for d in lint_corpus({"page.txt": in_body}, select="NL401")]


# --- lists under a widget heading inside the article (lint/widget_lists.py) ----------------------

TEASERS = [
    "Goalkeeper signs a four-year deal with the city club Supporters queued overnight outside "
    "the stadium shop to buy the new replica shirt before it sold out.",
    "Orchestra cancels its spring tour after a fire at the concert hall The conductor said the "
    "musicians would rehearse in a school gym until the repairs were finished.",
    "Airline adds a direct route to the islands for the summer season Tickets went on sale on "
    "Thursday, and the first flight leaves the regional airport in early June.",
]
RESUMED = (
    "The engineering office said the rotten piles would be replaced one section at a time, "
    "so that walkers and anglers can keep using the part of the pier that is not being repaired."
)


def _listed(lint_corpus: CorpusFactory, page: str) -> dict[int, set[str]]:
    return _flagged(lint_corpus({"page.txt": page}, select=("NL1", "NL2")))


def test_teasers_under_a_most_read_heading_inside_the_article_are_chrome(lint_corpus: CorpusFactory) -> None:
    page = _page([TITLE, DEK, BYLINE, DATE], LEAD, BODY, ["Most Read"], TEASERS, [RESUMED], CLOSING)
    flagged = _listed(lint_corpus, page)
    for teaser in TEASERS:
        assert "NL111" in flagged.get(_numbers(page, teaser)[0], set()), teaser
    for kept in (RESUMED, *CLOSING, *BODY):
        assert _numbers(page, kept)[0] not in flagged, kept


def test_headlines_under_a_related_heading_end_where_the_article_resumes(lint_corpus: CorpusFactory) -> None:
    headlines = ["Bakery chain buys the lighthouse keeper's cottage", "Choir wins the county festival again"]
    page = _page([TITLE, DEK, BYLINE, DATE], LEAD, BODY[:2], ["Related Stories"], headlines, [RESUMED],
                 BODY[2:], CLOSING)
    flagged = _listed(lint_corpus, page)
    for headline in headlines:
        assert _numbers(page, headline)[0] in flagged, headline
    for kept in (RESUMED, BODY[2], *CLOSING):
        assert _numbers(page, kept)[0] not in flagged, kept


def test_paragraphs_on_the_article_s_own_topic_under_a_heading_stay_the_article(lint_corpus: CorpusFactory) -> None:
    """A "Related" heading followed by more of the story (its words are the article's) is no list."""
    page = _page([TITLE, DEK, BYLINE, DATE], LEAD, ["Related"], BODY, CLOSING)
    flagged = _listed(lint_corpus, page)
    for kept in (*BODY, *CLOSING):
        assert _numbers(page, kept)[0] not in flagged, kept


LAST_PARAGRAPH = (
    "The pier was built in 1911 and carried 40,000 ferry passengers a year before the "
    "crossing closed in 1978."
)
OTHER_STORIES = [
    "Related stories",
    "Bus timetable changes start on Monday",
    "Library extends opening hours over the summer",
    "New cycle lane opens on the seafront",
]


def test_a_closing_paragraph_after_an_ad_slot_is_the_article(lint_corpus: CorpusFactory) -> None:
    """A short last paragraph between an ad marker and a list of other stories is bad by its
    surroundings in jusText's context step; it is still the article's."""
    text = _page([TITLE], LEAD, ["Advertisement"], BODY, ["Advertisement"], [LAST_PARAGRAPH], OTHER_STORIES)
    flagged = _flagged(lint_corpus({"page.txt": text}, select=("NL1", "NL2")))
    assert not flagged.get(_numbers(text, LAST_PARAGRAPH)[0])
    assert all(flagged.get(n) for n in _numbers(text, "Advertisement"))
    assert flagged.get(_numbers(text, OTHER_STORIES[1])[0])


def test_a_teaser_after_an_ad_slot_is_not_the_article(lint_corpus: CorpusFactory) -> None:
    """Prose below an ad slot that is about something else stays outside the article."""
    teaser = ("Ticket prices for the summer music festival in the park were announced by "
              "organisers on Friday.")
    text = _page([TITLE], LEAD, BODY, ["Advertisement"], [teaser], OTHER_STORIES)
    flagged = _flagged(lint_corpus({"page.txt": text}, select=("NL1", "NL2")))
    assert flagged.get(_numbers(text, teaser)[0])
