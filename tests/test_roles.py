"""Line roles from cheap evidence: headline, dek, byline, caption, widget, bio and link-list blocks."""

from __future__ import annotations

import functools

import pytest

from lint.packs import load_packs
from lint.roles import CHROME_ROLES, LineRoles, Role, RoleSettings, assign_roles


@functools.cache
def _settings() -> RoleSettings:
    return RoleSettings.from_packs(load_packs())


def roles_of(text: str) -> LineRoles:
    return assign_roles(text.split("\n"), _settings())


BODY = (
    "The provincial government announced on Thursday that it will spend $40 million on new "
    "rural clinics over the next five years."
)
BODY2 = (
    "Health officials said the clinics would open first in the north, where residents often "
    "drive hours to see a doctor."
)
BODY3 = (
    "Opposition critics called the plan too small and said the money would not cover the "
    "staff the clinics need to stay open."
)


@pytest.mark.parametrize(
    "headline",
    [
        "Province to fund 12 new rural clinics",
        "Strike leaves thousands of commuters stranded across the region on Monday morning",
        "Minister calls the teachers' strike ‘irresponsible and deeply damaging to families’",
        "Police chief says force is ‘not afraid’",
    ],
)
def test_headline_without_final_period(headline: str) -> None:
    roles = roles_of(f"{headline}\n\n{BODY}\n\n{BODY2}")
    assert roles[1] is Role.HEADLINE
    assert roles[3] is Role.BODY


def test_quoted_sentence_is_body_not_headline() -> None:
    text = f"‘We will not back down from this fight for our members and their families,’ she said.’\n\n{BODY}"
    roles = roles_of(text)
    assert roles[1] is Role.BODY


def test_dek_after_headline() -> None:
    roles = roles_of(f"Province to fund rural clinics\n\nCritics say the plan falls short\n\n{BODY}")
    assert [roles[1], roles[3], roles[5]] == [Role.HEADLINE, Role.DEK, Role.BODY]


def test_sentence_first_line_is_not_a_headline() -> None:
    roles = roles_of(f"{BODY}\n\n{BODY2}")
    assert roles[1] is Role.BODY
    assert Role.HEADLINE not in roles.roles


@pytest.mark.parametrize(
    "line",
    [
        "By Jane Smith",
        "By Jane Smith and Omar Haddad",
        "Jane Smith, Reuters",
        "Jane Smith | The Guardian",
        "–With files from Reuters",
        "- With files from the Valley Courier",
        "Reporting by Jane Smith in London; Editing by Tom Lake",
        "Additional reporting by Omar Haddad",
        "Compiled by Sarah Chen",
    ],
)
def test_byline_and_credit_lines(line: str) -> None:
    roles = roles_of(f"Province to fund rural clinics\n\n{line}\n\n{BODY}\n\n{BODY2}")
    assert roles[3] is Role.BYLINE
    assert roles[3] not in CHROME_ROLES


def test_credit_at_the_end_is_a_byline_not_chrome() -> None:
    roles = roles_of(f"Clinics to open\n\n{BODY}\n\n{BODY2}\n\n–With files from Harbour Radio")
    assert roles[7] is Role.BYLINE


@pytest.mark.parametrize(
    "line",
    [
        "By the end of the year, the clinics will have treated more than 10,000 patients in total.",
        "Jane Smith, the mayor, said the plan would go ahead despite the cost.",
    ],
)
def test_byline_lookalike_is_body(line: str) -> None:
    roles = roles_of(f"Province to fund rural clinics\n\n{BODY}\n\n{line}")
    assert roles[5] is Role.BODY


def test_caption_line() -> None:
    caption = "Nurses at a clinic in Thompson, Man., on Tuesday. (John Woods/The Canadian Press)"
    roles = roles_of(f"Clinics to open\n\n{BODY}\n\n{caption}\n\n{BODY2}")
    assert roles[5] is Role.CAPTION


def test_parenthesis_in_prose_is_not_a_caption() -> None:
    line = "The agency (which she founded in 1998) now employs 40 people across the province."
    roles = roles_of(f"Clinics to open\n\n{BODY}\n\n{line}")
    assert roles[5] is Role.BODY


VIDEO = (
    "Clinics to open\n\n{body}\n\n"
    "Why rural patients wait longer\n\n"
    "3 years ago\n"
    "Duration 2:14\n"
    "A look at the shortage of doctors outside the big cities.\n\n"
    "{body2}"
)


def test_video_widget_block_takes_title_and_description() -> None:
    roles = roles_of(VIDEO.format(body=BODY, body2=BODY2))
    assert [roles[n] for n in (5, 7, 8, 9)] == [Role.WIDGET] * 4
    assert roles[11] is Role.BODY
    assert [(b.kind, b.first, b.last) for b in roles.blocks] == [("video-widget", 5, 9)]


def test_single_timestamp_line_is_not_a_video_block() -> None:
    text = f"Clinics to open\n\n{BODY}\n\nWhy rural patients wait\n\n3 years ago\n\n{BODY2}"
    roles = roles_of(text)
    assert roles[5] is not Role.WIDGET
    assert [b.kind for b in roles.blocks] == []


BIO = (
    "Clinics to open\n\n{body}\n\n{body2}\n\n"
    "Amara Nwosu\n\nHealth reporter\n\n"
    "Amara Nwosu is a health reporter based in Winnipeg. She has covered medicine for a decade.\n"
)


def test_bio_block() -> None:
    roles = roles_of(BIO.format(body=BODY, body2=BODY2))
    assert [(b.kind, b.first, b.last, b.evidence) for b in roles.blocks] == [("bio", 7, 11, "Amara Nwosu")]
    assert [roles[n] for n in (7, 9, 11)] == [Role.BIO] * 3


def test_quoted_person_at_end_is_not_a_bio() -> None:
    text = (
        f"Clinics to open\n\n{BODY}\n\nAmara Nwosu\n\n"
        "Amara Nwosu is a patient who waited eight months for a referral last year.\n"
    )
    roles = roles_of(text)
    assert [b.kind for b in roles.blocks] == []


LINK_LIST_LINES = [
    "Man charged after break-in at hardware store",
    "High school football team wins provincial title",
    "New bakery opens on Main Street",
    "Crews repair water main on Elm Avenue",
    "Library extends hours for exam season",
    "Two injured in highway collision near the airport",
    "Farmers market moves indoors for winter",
]


def test_link_list_tail_block() -> None:
    text = f"Clinics to open\n\n{BODY}\n\n{BODY2}\n\n{BODY3}\n\nTop Stories\n\n" + "\n\n".join(LINK_LIST_LINES)
    roles = roles_of(text)
    blocks = [b for b in roles.blocks if b.kind == "link-list"]
    assert len(blocks) == 1
    assert (blocks[0].first, blocks[0].last) == (11, 23)
    assert roles[9] is Role.WIDGET  # the widget heading keeps its own role
    assert all(roles[n] is Role.LINK_LIST for n in range(11, 24, 2))


def test_short_closing_paragraphs_are_not_a_link_list() -> None:
    ending = [
        "The first clinics will open in March.",
        "Each will have two doctors and four nurses.",
        "Rural patients have waited years for this, she said.",
        "Critics want the clinics open at night.",
        "The province says that may come later.",
        "A review of the clinics is due in 2027.",
        "Until then, patients will still drive to the city.",
    ]
    text = f"Clinics to open\n\n{BODY}\n\n{BODY2}\n\n{BODY3}\n\n" + "\n\n".join(ending)
    roles = roles_of(text)
    assert [b for b in roles.blocks if b.kind == "link-list"] == []
    assert Role.LINK_LIST not in roles.roles


def test_short_headline_like_subheads_sharing_the_story_words_are_not_a_link_list() -> None:
    ending = [
        "Rural clinics and doctors",
        "Province funds rural clinics",
        "Clinics open in the north",
        "Doctors for rural patients",
        "Critics of the clinics plan",
        "Staff needed for clinics",
    ]
    text = f"Clinics to open\n\n{BODY}\n\n{BODY2}\n\n{BODY3}\n\n" + "\n\n".join(ending)
    assert [b for b in roles_of(text).blocks if b.kind == "link-list"] == []


@pytest.mark.parametrize(
    ("line", "role"),
    [
        ("Advertisement", Role.PROMO),
        ("Read more: Storm knocks out power to thousands", Role.PROMO),
        ("Most Popular", Role.WIDGET),
        ("© 2024 The Daily Courier. All rights reserved.", Role.METADATA),
    ],
)
def test_pack_hints_set_chrome_roles(line: str, role: Role) -> None:
    roles = roles_of(f"Clinics to open\n\n{BODY}\n\n{line}\n\n{BODY2}")
    assert roles[5] is role
    assert 5 in roles.hints


def test_blank_lines() -> None:
    roles = roles_of(f"Clinics to open\n\n   \n{BODY}")
    assert roles[2] is Role.BLANK and roles[3] is Role.BLANK


def test_a_recurring_line_gets_the_role_it_got_the_first_time_and_the_memo_stays_bounded(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import lint.roles

    settings = RoleSettings.from_packs(load_packs())
    chrome = "Sign up for our morning newsletter"
    page = [chrome, "", BODY, "", BODY2]
    first = assign_roles(page, settings).to_list()
    assert chrome in settings.hints_seen  # tried once, remembered
    again = assign_roles(page, settings).to_list()
    fresh = assign_roles(page, RoleSettings.from_packs(load_packs())).to_list()
    assert first == again == fresh
    assert first[0] != str(Role.BODY)
    monkeypatch.setattr(lint.roles, "HINT_MEMO_LINES", 3)
    assign_roles([f"{BODY} ({n})" for n in range(10)], settings)
    assert len(settings.hints_seen) <= 3


MENU = ["Home", "News", "Sport", "Business", "Opinion", "Weather", "Contact us"]
TEASERS = [
    "Ferry fares to rise in spring, operator warns PELLWORTH: Fares on the island ferries will rise by a tenth from April, the operator said",
    "New school opens its doors after two years of delays KESTON: Pupils in Keston started lessons in the new building on Monday after a long wait",
    "Farmers count the cost of the late frost TULLOW: Growers across the valley say the frost in May destroyed half of the apple blossom",
]


def _page(middle: list[str]) -> str:
    return "\n\n".join([*MENU, *middle, "Clinics to open", BODY, BODY2, BODY3, "Share this article",
                        "© 2026 The Valley Courier"]) + "\n"


def test_teasers_that_run_headline_dateline_and_lead_together_are_a_list() -> None:
    text = _page(TEASERS)
    roles = roles_of(text)
    lines = text.split("\n")
    teasers = [n for n, line in enumerate(lines, 1) if line in TEASERS]
    assert [roles[n] for n in teasers] == [Role.LINK_LIST] * 3
    assert roles[lines.index(BODY) + 1] is Role.BODY


def test_prose_with_capitals_and_colons_is_not_a_teaser_list() -> None:
    prose = [
        "Officials at the NHS said the clinics would share staff: nurses would rotate between the towns every month",
        "The union UNISON welcomed the plan but said the pay offer was too low for the rural posts it covers",
        "A spokesman for the province said the first patients could be seen in May: bookings open next week online",
    ]
    roles = roles_of(_page(prose))
    lines = _page(prose).split("\n")
    assert Role.LINK_LIST not in [roles[lines.index(line) + 1] for line in prose]
